/**
 * What the case view offers before the person decides (issue 22): the decision as proposed, today's
 * date, and a payment plan. The plan follows the case's latest registered decision of an earlier month
 * (the same payees and accounts; the rent to the landlord again when it went there, at this month's
 * accepted rent), else one payment to the applicant whose account the person fills in. Each payment is
 * due on the first working day after the decision. Nothing here is decided: the person changes what
 * they want before registering.
 */
import { formatKronor, min, parseKronor, subtract, type Ore } from '../money/index.ts';
import { isWorkingDay } from '../monthly/workdays.ts';
import { defaultReference } from './register.ts';
import type { PaymentOrder, Recipient } from './types.ts';

export interface SuggestedPayment {
  readonly recipient: Recipient;
  readonly name: string;
  readonly account: { readonly scheme: string; readonly number: string };
  readonly amount: string;
  readonly payOn: string;
  readonly reference: string;
}

/** The first working day after `day` (Swedish calendar, monthly/workdays.ts). */
export function nextWorkingDay(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  do d.setUTCDate(d.getUTCDate() + 1);
  while (!isWorkingDay(d.toISOString().slice(0, 10)));
  return d.toISOString().slice(0, 10);
}

export function suggestPayments(o: {
  readonly caseId: string;
  readonly period: string;
  /** Kronor left to pay (the decided amount less what earlier decisions paid). */
  readonly toPay: string;
  readonly decidedOn: string;
  readonly applicantName: string;
  /** This month's accepted rent, when the proposal has one. */
  readonly acceptedRent: string | null;
  /** The orders of the case's latest registered decision of an earlier month. */
  readonly earlier: readonly PaymentOrder[];
}): SuggestedPayment[] {
  const total = parseKronor(o.toPay) ?? (0 as Ore);
  if (total <= 0) return [];
  const payOn = nextWorkingDay(o.decidedOn);
  const reference = defaultReference(o.caseId, o.period);
  const applicant = o.earlier.find((e) => e.recipient === 'applicant');
  const landlord = o.earlier.find((e) => e.recipient === 'landlord');
  const out: SuggestedPayment[] = [];
  let left = total;
  if (landlord) {
    const rent = parseKronor(o.acceptedRent ?? landlord.amount) ?? (0 as Ore);
    const amount = min(rent, left);
    if (amount > 0) {
      out.push({ recipient: 'landlord', name: landlord.name, account: { scheme: landlord.scheme, number: landlord.account }, amount: formatKronor(amount), payOn, reference: landlord.reference.startsWith('Försörjningsstöd') ? reference : landlord.reference });
      left = subtract(left, amount);
    }
  }
  if (left > 0) out.push({ recipient: 'applicant', name: applicant?.name ?? o.applicantName, account: applicant ? { scheme: applicant.scheme, number: applicant.account } : { scheme: 'bank', number: '' }, amount: formatKronor(left), payOn, reference });
  return out;
}
