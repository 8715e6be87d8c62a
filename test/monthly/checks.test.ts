/**
 * Sundsvall's checks in the monthly run (issue 23), golden cases through proposeMonthly:
 * - each income type compared with the previous recorded decision: NEW_INCOME, INCOME_DROPPED beside
 *   INCOME_CHANGE and MISSING_REGISTERED_INCOME (the comparison itself: compare.test.ts);
 * - the day check: aktivitetsstöd, utvecklings- and etableringsersättning paid for fewer days than the
 *   working days of the period they cover (the calendar of dueOn) → SSBTEK_DAY_CHECK;
 * - studiehjälp paid in June and missing in September, in the application for October →
 *   STUDY_SUPPORT_NOT_RESUMED.
 * Each goes to a caseworker; the Swedish texts name no code.
 */
import { describe, expect, it } from 'vitest';
import type { Decision } from '../../src/explain/contract.ts';
import { workingDaysBetween } from '../../src/monthly/checks.ts';
import { proposeMonthly, type PreviousDecision } from '../../src/monthly/propose.ts';
import { parsePeriod } from '../../src/period/index.ts';
import { calc, fixture, rulesFor } from '../support/engine.ts';
import { applicant, child, household, type Json } from '../support/households.ts';

const propose = (raw: Json, previous: PreviousDecision | null = null) => {
  const d = calc(raw);
  return proposeMonthly({ decision: d, members: (raw['members'] as { id: string; role: string }[]).map((m) => ({ id: m.id, role: m.role })), previous, receivedOn: null, mode: 'recommend', rules: rulesFor(parsePeriod(d.period)!, d.municipality).rules });
};
const steps = (p: Decision, step: string) => p.trace.filter((s) => s.step === step);
const single = (period: string, registeredIncomes: Json[]): Json => household(period, [applicant('1980-01-01')], { costs: [{ type: 'rent', amount: '6000' }], registeredIncomes });
const dayBenefit = (amountType: string, days: string | null, from: string | null, to: string | null, extra: Json = {}): Json => ({
  memberId: 'a1', agency: 'fk', benefit: 'Dagersättning', subBenefit: 'Arbetsmarknadspolitiskt program', amountType, net: '3960', paidOn: '2026-02-26',
  ...(days === null ? {} : { days }), ...(from === null ? {} : { periodFrom: from }), ...(to === null ? {} : { periodTo: to }), ...extra,
});

describe('the working days of a period (the calendar of dueOn)', () => {
  it('February 2026: 20; December 2025: 19 (julafton, juldagen, annandag jul, nyårsafton are not working days)', () => {
    expect(workingDaysBetween('2026-02-01', '2026-02-28')).toBe(20);
    expect(workingDaysBetween('2025-12-01', '2025-12-31')).toBe(19);
    expect(workingDaysBetween('2026-02-02', '2026-02-13')).toBe(10);
  });
});

describe('the day check (SSBTEK_DAY_CHECK)', () => {
  it('aktivitetsstöd for 18 days of February 2026, which has 20 working days: flagged, to a caseworker', () => {
    const p = propose(single('2026-03', [dayBenefit('Aktivitetsstöd', '18', '2026-02-01', '2026-02-28')]));
    const [step] = steps(p, 'monthly.dayCheck');
    expect(step).toMatchObject({ result: 'SSBTEK_DAY_CHECK', inputs: { previous: '20', current: '18', from: '2026-02-01', to: '2026-02-28' } });
    expect(step!.text).toBe('a1: Dagersättning (Arbetsmarknadspolitiskt program, Aktivitetsstöd) för 1 februari 2026–28 februari 2026: 18 dagar betalda, 20 arbetsdagar i perioden – färre dagar än arbetsdagar: kontrollera frånvaro, sanktion eller en utbetalning som saknas.');
    expect(p.routing.reasons).toContain('SSBTEK_DAY_CHECK');
    expect(p.routing.to).toBe('caseworker');
  });
  it('all 20 days paid: checked, nothing flagged', () => {
    const p = propose(single('2026-03', [dayBenefit('Aktivitetsstöd', '20', '2026-02-01', '2026-02-28')]));
    expect(steps(p, 'monthly.dayCheck').map((s) => s.result)).toEqual(['UNCHANGED']);
    expect(p.routing.reasons).not.toContain('SSBTEK_DAY_CHECK');
  });
  it('utvecklings- and etableringsersättning too (rows with dayCheck in the map); a part period counts its own working days', () => {
    const p = propose(single('2026-03', [
      dayBenefit('Utvecklingsersättning', '9', '2026-02-02', '2026-02-13', { ref: 'U' }),
      dayBenefit('Etableringsersättning', '10', '2026-02-02', '2026-02-13', { ref: 'E' }),
    ]));
    expect(steps(p, 'monthly.dayCheck').map((s) => [s.inputs['subject'], s.result])).toEqual([
      ['a1/fk/Dagersättning/E', 'UNCHANGED'],
      ['a1/fk/Dagersättning/U', 'SSBTEK_DAY_CHECK'],
    ]);
  });
  it('the December of julafton and nyårsafton: 19 working days, so 19 days paid is not flagged', () => {
    const p = propose(single('2026-02', [dayBenefit('Aktivitetsstöd', '19', '2025-12-01', '2025-12-31', { paidOn: '2026-01-07' })]));
    expect(steps(p, 'monthly.dayCheck').map((s) => s.result)).toEqual(['UNCHANGED']);
  });
  it('days or the period missing: it cannot be checked, and a person is asked to look', () => {
    const p = propose(single('2026-03', [dayBenefit('Aktivitetsstöd', null, '2026-02-01', '2026-02-28')]));
    const [step] = steps(p, 'monthly.dayCheck');
    expect(step).toMatchObject({ result: 'SSBTEK_DAY_CHECK', inputs: { previous: null, current: null } });
    expect(step!.text).toContain('antal dagar eller perioden saknas i myndighetens uppgifter');
  });
  it('a benefit without the day check (föräldrapenning, sjukpenning) is not checked', () => {
    const p = propose(single('2026-03', [{ memberId: 'a1', agency: 'fk', benefit: 'Dagersättning', subBenefit: 'Föräldrapenning', net: '2100', paidOn: '2026-02-18', days: '3', periodFrom: '2026-02-01', periodTo: '2026-02-28' }]));
    expect(steps(p, 'monthly.dayCheck')).toEqual([]);
  });
});

describe('studiehjälp paid in June and missing in September (STUDY_SUPPORT_NOT_RESUMED)', () => {
  const youth = (registeredIncomes: Json[], period = '2026-10') =>
    household(period, [applicant('1975-01-01'), child('y1', '2009-03-01', { inSchool: true })], { costs: [{ type: 'rent', amount: '7000' }], registeredIncomes });
  const csn = (paidOn: string, extra: Json = {}): Json => ({ memberId: 'y1', agency: 'csn', benefit: 'Studiehjalp', net: '1250', paidOn, ...extra });
  it('in the application for October: paid in June, nothing in September → a warning to a caseworker', () => {
    const p = propose(youth([csn('2026-06-24')]));
    const [step] = steps(p, 'monthly.studySupport');
    expect(step).toMatchObject({ result: 'STUDY_SUPPORT_NOT_RESUMED', inputs: { previous: '2026-06-24', current: null } });
    expect(step!.text).toBe('y1: studiehjälp betalades ut i juni (2026-06-24) men ingen utbetalning finns för september – kontrollera om ungdomen fortfarande studerar och ska ha studiehjälp.');
    expect(p.routing.reasons).toContain('STUDY_SUPPORT_NOT_RESUMED');
  });
  it('a September payment, paid or only planned, answers it', () => {
    expect(steps(propose(youth([csn('2026-06-24'), csn('2026-09-25')])), 'monthly.studySupport').map((s) => s.result)).toEqual(['UNCHANGED']);
    const planned = csn('2026-09-25', { preliminary: true });
    expect(steps(propose(youth([csn('2026-06-24'), planned])), 'monthly.studySupport').map((s) => s.result)).toEqual(['UNCHANGED']);
  });
  it('no June payment in the data: nothing to check, said so', () => {
    const [step] = steps(propose(youth([csn('2026-09-25')])), 'monthly.studySupport');
    expect(step).toMatchObject({ result: 'UNCHANGED' });
    expect(step!.text).toContain('ingen studiehjälp utbetald i juni i uppgifterna');
  });
  it('only in the application for October', () => {
    expect(steps(propose(youth([csn('2026-06-24')], '2026-11')), 'monthly.studySupport')).toEqual([]);
  });
});

describe('each income type against the previous recorded decision, through proposeMonthly', () => {
  const previousOf = (raw: Json): PreviousDecision => ({ decisionId: 'D-00000001-0000000000000000', period: '2026-02', members: [{ id: 'a1', role: 'applicant' }], decision: calc(raw) });
  const feb = single('2026-02', [{ memberId: 'a1', agency: 'fk', benefit: 'Bostadsbidrag', net: '1500', paidOn: '2026-01-25' }]);
  it('NEW_INCOME: sjukersättning under the family counted now, not in February’s decision', () => {
    const p = propose(single('2026-03', [
      { memberId: 'a1', agency: 'fk', benefit: 'Bostadsbidrag', net: '1500', paidOn: '2026-02-25' },
      { memberId: 'a1', agency: 'fk', benefit: 'Pension/SA/Livräntor/Vårdbidrag', subBenefit: 'Sjukersättning', net: '9000', paidOn: '2026-02-25' },
    ]), previousOf(feb));
    expect(p.routing.reasons).toEqual(['NEW_INCOME']);
    const step = steps(p, 'monthly.incomeType').find((s) => s.result === 'NEW_INCOME')!;
    expect(step.text).toBe('a1: sjukpenning/sjukersättning räknas denna månad (9 000 kr) men fanns inte i förra månadens beslut – en ny inkomst.');
  });
  it('INCOME_DROPPED: bostadsbidrag counted in February’s decision, registered now but paid for another month', () => {
    const p = propose(single('2026-03', [{ memberId: 'a1', agency: 'fk', benefit: 'Bostadsbidrag', net: '1500', paidOn: '2025-12-25' }]), previousOf(feb));
    expect(p.routing.reasons).toEqual(['INCOME_DROPPED']);
  });
  it('MISSING_REGISTERED_INCOME, not INCOME_DROPPED, when the agency reports nothing of it now', () => {
    const p = propose(single('2026-03', []), previousOf(feb));
    expect(p.routing.reasons).toEqual(['MISSING_REGISTERED_INCOME']);
    expect(steps(p, 'monthly.registeredIncome')[0]!.text).toBe('a1: Bostadsbidrag/bostadstillägg (Bostadsbidrag) räknades förra månaden (1 500 kr) men finns inte i myndigheternas uppgifter nu.');
  });
});

describe('the families fixture through the monthly run: the aktivitetsstöd of 18 days is flagged, the unclassified payment keeps it from ready', () => {
  it('routes to a caseworker with UNHANDLED_INCOME and SSBTEK_DAY_CHECK', () => {
    const p = propose(fixture('ssbtek/household-families-2026-03.json'));
    expect(p.routing.to).toBe('caseworker');
    expect(p.routing.reasons).toEqual(expect.arrayContaining(['UNHANDLED_INCOME', 'SSBTEK_DAY_CHECK', 'NO_PREVIOUS_DECISION']));
    expect(steps(p, 'monthly.routing')[0]!.text).toMatch(/^Till handläggare: [a-zåäö ,;]+\.$/);
  });
});
