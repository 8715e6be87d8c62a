/**
 * Which month an agency payment belongs to. For application month M the payments of M−1 are counted
 * (the household lived on them when it applied); a benefit (same member, agency and benefit) with no
 * payment in M−1 but one in M−2 is counted with that M−2 payment and flagged
 * INCOME_FROM_EARLIER_MONTH (the payment came late or was moved); every other payment is shown and not
 * counted. The month is read from the payment date, or — when the municipality chose "covered-period"
 * — from the start of the period the payment covers; either falls back on the other when missing.
 */
import type { RegisteredIncome } from '../household/types.ts';
import { addMonths, formatPeriod, type Period } from '../period/index.ts';
import { agencyKey } from './map.ts';

export type Slot = 'M-1' | 'M-2' | 'outside';

export interface Placement {
  /** The date that decided the month. */
  readonly dateUsed: string;
  readonly basis: 'paidOn' | 'periodFrom';
  /** YYYY-MM */
  readonly month: string;
  readonly slot: Slot;
  /** Counted this month: in M−1, or in M−2 for a benefit with nothing in M−1. */
  readonly selected: boolean;
  /** Selected from M−2 because the benefit has nothing in M−1. */
  readonly fallback: boolean;
}

export type MonthPolicy = 'payment-date' | 'covered-period';

/** The month a payment belongs to under the policy (the parser guarantees paidOn or periodFrom). */
export function paymentDate(r: RegisteredIncome, policy: MonthPolicy): { date: string; basis: 'paidOn' | 'periodFrom' } {
  if (policy === 'covered-period' && r.periodFrom !== null) return { date: r.periodFrom, basis: 'periodFrom' };
  if (r.paidOn !== null) return { date: r.paidOn, basis: 'paidOn' };
  return { date: r.periodFrom!, basis: 'periodFrom' };
}

/**
 * One benefit of one member from one agency. The sub-benefit is part of it: Försäkringskassan reports
 * sjukpenning and föräldrapenning both under the family "Dagersättning", and one must not hide the other.
 */
export function benefitGroup(r: RegisteredIncome): string {
  return `${r.memberId}\u0000${r.agency}\u0000${agencyKey(r.benefit)}\u0000${agencyKey(r.subBenefit)}`;
}

/** Places every payment (by index) in M−1, M−2 or outside, and selects what counts this month. */
export function placePayments(payments: readonly RegisteredIncome[], period: Period, policy: MonthPolicy): Map<number, Placement> {
  const m1 = formatPeriod(addMonths(period, -1));
  const m2 = formatPeriod(addMonths(period, -2));
  const raw = payments.map((r) => {
    const { date, basis } = paymentDate(r, policy);
    const month = date.slice(0, 7);
    const slot: Slot = month === m1 ? 'M-1' : month === m2 ? 'M-2' : 'outside';
    return { r, date, basis, month, slot };
  });
  const groupsWithM1 = new Set(raw.filter((p) => p.slot === 'M-1').map((p) => benefitGroup(p.r)));
  const out = new Map<number, Placement>();
  for (const p of raw) {
    const fallback = p.slot === 'M-2' && !groupsWithM1.has(benefitGroup(p.r));
    out.set(p.r.index, { dateUsed: p.date, basis: p.basis, month: p.month, slot: p.slot, selected: p.slot === 'M-1' || fallback, fallback });
  }
  return out;
}
