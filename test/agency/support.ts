/** Builders for households with agency data (registeredIncomes, agencyAnswers). */
import { household, applicant, child, type Json } from '../support/households.ts';

export const PERIOD = '2026-03';

export const paid = (agency: string, benefit: string, net: string, paidOn: string, extra: Json = {}): Json => ({ memberId: 'a1', agency, benefit, net, paidOn, ...extra });
export const answer = (agency: string, status: string, memberId = 'a1'): Json => ({ memberId, agency, status });

/** A single parent with rent, so that every income lowers payable (need well above income). */
export function withAgency(registeredIncomes: Json[], extra: Json = {}): Json {
  return household(PERIOD, [applicant('1990-06-14'), child('c1', '2019-04-02')], {
    costs: [{ type: 'rent', amount: '9000' }],
    registeredIncomes,
    ...extra,
  });
}

export { applicant, child, household };
