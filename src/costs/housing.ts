/**
 * The housing cost (boende, 12 kap. 7 § första stycket 2 SoL (2025:400) / 4 kap. 3 § första stycket 2
 * SoL (2001:453)) in the two situations where the actual cost is not simply this household's:
 *
 * - A shared home: a member who is their own case (another adult, a youth 18–20 not in school, an adult
 *   child) carries their share of the home's housing costs. The split is a municipal policy
 *   (`sharedHousingCost`: equal shares per person by default, or per adult with the children following
 *   their parents); the household is given its share, and the decision says which split was used.
 * - Rent above the reasonable level (circumstances.rentCeiling): the household is given reasonable time
 *   to find cheaper housing (rådrum, SOSFS 2013:1 "Skälig tid för bostadsbyte"). Until it has been told
 *   (circumstances.rentCeilingNotifiedOn) and the rådrum has passed (the municipality's
 *   `rentAdjustmentMonths`, default 3), the actual rent is accepted and flagged; from the first month
 *   that begins after the rådrum the excess is refused, and the reason states the ceiling and its basis.
 */
import type { Context } from '../context.ts';
import { allocate, type Ore } from '../money/index.ts';
import type { MemberAssessment } from '../norm/index.ts';
import { addMonths, daysInMonth, firstDayOf, formatPeriod, parsePeriod, type IsoDate } from '../period/index.ts';

/** How a shared home's housing costs are split this month; null when no member is their own case. */
export interface SharedHousing {
  readonly policy: 'per-person' | 'per-adult';
  /** Weights by member, in member order; own-case members are the others. */
  readonly weights: readonly number[];
  readonly ownCase: readonly boolean[];
  /** Members of this household with a weight, and everyone in the home with one. */
  readonly householdPersons: number;
  readonly totalPersons: number;
  /** Members who are their own case and carry a share. */
  readonly others: number;
}

export function sharedHousingFor(ctx: Context, assessments: ReadonlyMap<string, MemberAssessment>): SharedHousing | null {
  let ownCaseInHome = false;
  for (const a of assessments.values()) if (a.kind === 'own-case') ownCaseInHome = true;
  if (!ownCaseInHome) return null;
  const members = [...assessments.values()];
  const policy = ctx.rules.municipal.sharedHousingCost.value;
  // Per person: everyone who lives here, a part-month child by days. Per adult: children follow their parents.
  const weights = members.map((a) => (policy === 'per-person' ? a.days : a.kind === 'child' ? 0 : 1));
  const ownCase = members.map((a) => a.kind === 'own-case');
  let householdPersons = 0;
  let totalPersons = 0;
  let others = 0;
  members.forEach((_, i) => {
    if (weights[i]! === 0) return;
    totalPersons++;
    if (ownCase[i]) others++;
    else householdPersons++;
  });
  return { policy, weights, ownCase, householdPersons, totalPersons, others };
}

/** This household's share of one housing cost of the home (the shares add up to the amount exactly). */
export function householdShareOf(shared: SharedHousing, amount: Ore): Ore {
  const shares = allocate(amount, shared.weights);
  let share = 0;
  shares.forEach((s, i) => {
    if (!shared.ownCase[i]) share += s;
  });
  return share as Ore;
}

export type RentCeilingStage = 'none' | 'not-notified' | 'radrum' | 'radrum-ends' | 'after';

/** The rådrum for rent above the ceiling this month. */
export interface Radrum {
  readonly notifiedOn: IsoDate | null;
  readonly months: number;
  /** notifiedOn + months (the same day of the month, or the month's last day). */
  readonly endsOn: IsoDate | null;
  /** The first month whose first day is on or after endsOn: from it the excess is refused (YYYY-MM). */
  readonly firstCutMonth: string | null;
  readonly stage: Exclude<RentCeilingStage, 'none'>;
}

/** A date plus whole months, the day kept or clamped to the month's last day (2026-01-31 + 1 = 2026-02-28). */
export function addMonthsToDate(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const p = addMonths({ year: y, month: m }, months);
  const day = Math.min(d, daysInMonth(p));
  return `${formatPeriod(p)}-${String(day).padStart(2, '0')}`;
}

export function radrumFor(ctx: Context): Radrum {
  const notifiedOn = ctx.household.circumstances.rentCeilingNotifiedOn;
  const months = ctx.rules.municipal.rentAdjustmentMonths.value;
  if (notifiedOn === null) return { notifiedOn, months, endsOn: null, firstCutMonth: null, stage: 'not-notified' };
  const endsOn = addMonthsToDate(notifiedOn, months);
  const endMonth = parsePeriod(endsOn.slice(0, 7))!;
  const firstCut = endsOn.endsWith('-01') ? endMonth : addMonths(endMonth, 1);
  const period = ctx.household.period;
  const start = firstDayOf(period);
  const cutStart = firstDayOf(firstCut);
  const stage = start >= cutStart ? 'after' : firstDayOf(addMonths(period, 1)) === cutStart ? 'radrum-ends' : 'radrum';
  return { notifiedOn, months, endsOn, firstCutMonth: formatPeriod(firstCut), stage };
}
