/**
 * What a comparison adds up (docs/compare.md): cost base vs reform per month and per year, outcome
 * transitions, winners and losers by household type, children in households that lose, by the
 * applicant's gender, and the distribution of the change in payable.
 *
 * The tally is plain JSON data (it is kept in the checkpoint and summed across chunks), money in öre.
 * Its size does not grow with the input: months, household types, outcomes and genders are small sets,
 * and the histogram keeps one counter per 10 kronor of change.
 */
import { formatKronor, multiplyRatioHalfUp, ore } from '../money/index.ts';
import { addTallies, GENDER_KEYS, OUTCOMES, type Tallies } from '../batch/summary.ts';

export const HOUSEHOLD_TYPES = ['single-no-children', 'single-with-children', 'couple-no-children', 'couple-with-children', 'with-other-adults'] as const;
export type HouseholdType = (typeof HOUSEHOLD_TYPES)[number];
export type Gender = (typeof GENDER_KEYS)[number];
export type OutcomeKey = (typeof OUTCOMES)[number];

/** The histogram's finest bucket, in öre: changes are counted per 10 kronor (floor). */
export const BUCKET_ORE = 1000;

export interface MonthCost {
  households: number;
  baseOre: number;
  reformOre: number;
}

export interface TypeTally {
  households: number;
  winners: number;
  losers: number;
  unchanged: number;
  baseOre: number;
  reformOre: number;
  childrenInLosing: number;
}

export interface SideTally {
  households: number;
  children: number;
  byGender: Record<Gender, { households: number; children: number }>;
}

export interface CompareTally {
  lines: number;
  /** Lines where both sides were evaluated. */
  compared: number;
  errors: { input: number; base: number; reform: number; both: number };
  byMonth: Record<string, MonthCost>;
  transitions: Record<OutcomeKey, Record<OutcomeKey, number>>;
  byType: Record<HouseholdType, TypeTally>;
  winners: SideTally;
  losers: SideTally;
  unchanged: number;
  /** Compared households where one side has no amount (needs-information): not winners or losers. */
  withoutAmount: number;
  /** Non-zero changes per 10-kronor bucket: key floor(change / 10 kr). */
  changeBuckets: Record<string, number>;
  /** Which trace step diverges first, and how often. */
  firstDivergence: Record<string, number>;
}

const byGender = () => Object.fromEntries(GENDER_KEYS.map((g) => [g, { households: 0, children: 0 }])) as SideTally['byGender'];

export function emptyTally(): CompareTally {
  const outcomes = () => Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<OutcomeKey, number>;
  return {
    lines: 0,
    compared: 0,
    errors: { input: 0, base: 0, reform: 0, both: 0 },
    byMonth: {},
    transitions: Object.fromEntries(OUTCOMES.map((o) => [o, outcomes()])) as CompareTally['transitions'],
    byType: Object.fromEntries(HOUSEHOLD_TYPES.map((t) => [t, { households: 0, winners: 0, losers: 0, unchanged: 0, baseOre: 0, reformOre: 0, childrenInLosing: 0 }])) as CompareTally['byType'],
    winners: { households: 0, children: 0, byGender: byGender() },
    losers: { households: 0, children: 0, byGender: byGender() },
    unchanged: 0,
    withoutAmount: 0,
    changeBuckets: {},
    firstDivergence: {},
  };
}

/** Sums one tally into another: a tally is the batch's kind of tallies (nested counters), summed key by key. */
export function addTally(into: CompareTally, from: CompareTally): void {
  addTallies(into as unknown as Tallies, from as unknown as Tallies);
}

/** One compared household, as the tally sees it. */
export interface ComparedHousehold {
  readonly month: string;
  readonly type: HouseholdType;
  readonly gender: Gender;
  readonly children: number;
  readonly baseOutcome: OutcomeKey;
  readonly reformOutcome: OutcomeKey;
  /** null when that side proposes no amount (needs-information). */
  readonly baseOre: number | null;
  readonly reformOre: number | null;
  readonly divergedAt: string | null;
}

export function tallyHousehold(t: CompareTally, h: ComparedHousehold): void {
  t.compared++;
  const m = (t.byMonth[h.month] ??= { households: 0, baseOre: 0, reformOre: 0 });
  m.households++;
  m.baseOre += h.baseOre ?? 0;
  m.reformOre += h.reformOre ?? 0;
  t.transitions[h.baseOutcome][h.reformOutcome]++;
  const type = t.byType[h.type];
  type.households++;
  type.baseOre += h.baseOre ?? 0;
  type.reformOre += h.reformOre ?? 0;
  if (h.divergedAt !== null) t.firstDivergence[h.divergedAt] = (t.firstDivergence[h.divergedAt] ?? 0) + 1;
  if (h.baseOre === null || h.reformOre === null) {
    t.withoutAmount++;
    return;
  }
  const change = h.reformOre - h.baseOre;
  if (change === 0) {
    t.unchanged++;
    type.unchanged++;
    return;
  }
  const bucket = String(Math.floor(change / BUCKET_ORE));
  t.changeBuckets[bucket] = (t.changeBuckets[bucket] ?? 0) + 1;
  const side = change > 0 ? t.winners : t.losers;
  side.households++;
  side.children += h.children;
  side.byGender[h.gender].households++;
  side.byGender[h.gender].children += h.children;
  if (change > 0) type.winners++;
  else {
    type.losers++;
    type.childrenInLosing += h.children;
  }
}

const kr = (o: number) => formatKronor(ore(o));

/** The summary as printed and as the report reads it: money as kronor strings, lists in a fixed order. */
export function tallyJson(t: CompareTally, extra: Record<string, unknown> = {}): CompareSummary {
  const months = Object.keys(t.byMonth).sort();
  const byMonth = months.map((period) => {
    const c = t.byMonth[period]!;
    return { period, households: c.households, base: kr(c.baseOre), reform: kr(c.reformOre), difference: kr(c.reformOre - c.baseOre) };
  });
  const years = new Map<string, { months: number; households: number; baseOre: number; reformOre: number }>();
  for (const period of months) {
    const c = t.byMonth[period]!;
    const y = years.get(period.slice(0, 4)) ?? { months: 0, households: 0, baseOre: 0, reformOre: 0 };
    years.set(period.slice(0, 4), { months: y.months + 1, households: y.households + c.households, baseOre: y.baseOre + c.baseOre, reformOre: y.reformOre + c.reformOre });
  }
  const byYear = [...years].map(([year, y]) => ({ year, months: y.months, households: y.households, base: kr(y.baseOre), reform: kr(y.reformOre), difference: kr(y.reformOre - y.baseOre) }));
  const baseOre = months.reduce((s, p) => s + t.byMonth[p]!.baseOre, 0);
  const reformOre = months.reduce((s, p) => s + t.byMonth[p]!.reformOre, 0);
  // A year at this rate: the average month × 12, rounded half-up to the öre.
  const perYear = (o: number) => (months.length === 0 ? '0.00' : kr(multiplyRatioHalfUp(ore(o), 12, months.length)));
  const transitions = OUTCOMES.flatMap((from) => OUTCOMES.map((to) => ({ from, to, households: t.transitions[from][to] }))).filter((x) => x.households > 0);
  const outcomeCount = (side: 'base' | 'reform') =>
    Object.fromEntries(OUTCOMES.map((o) => [o, OUTCOMES.reduce((s, other) => s + (side === 'base' ? t.transitions[o][other] : t.transitions[other][o]), 0)])) as Record<OutcomeKey, number>;
  const side = (s: SideTally) => ({ households: s.households, children: s.children, byApplicantGender: s.byGender });
  const buckets = Object.entries(t.changeBuckets)
    .map(([k, n]) => [Number(k), n] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([k, n]) => ({ from: kr(k * BUCKET_ORE), to: kr((k + 1) * BUCKET_ORE), households: n }));
  return {
    lines: t.lines,
    households: t.compared,
    errors: t.errors,
    cost: {
      total: { base: kr(baseOre), reform: kr(reformOre), difference: kr(reformOre - baseOre) },
      byMonth,
      byYear,
      annualised: { months: months.length, base: perYear(baseOre), reform: perYear(reformOre), difference: perYear(reformOre - baseOre) },
    },
    outcomes: {
      base: outcomeCount('base'),
      reform: outcomeCount('reform'),
      changed: OUTCOMES.reduce((s, from) => s + OUTCOMES.reduce((x, to) => x + (from === to ? 0 : t.transitions[from][to]), 0), 0),
      transitions,
    },
    byHouseholdType: HOUSEHOLD_TYPES.map((type) => {
      const x = t.byType[type];
      return { type, households: x.households, winners: x.winners, losers: x.losers, unchanged: x.unchanged, base: kr(x.baseOre), reform: kr(x.reformOre), difference: kr(x.reformOre - x.baseOre), childrenInLosingHouseholds: x.childrenInLosing };
    }),
    winners: side(t.winners),
    losers: side(t.losers),
    unchanged: t.unchanged,
    withoutAmount: t.withoutAmount,
    changeHistogram: { bucket: kr(BUCKET_ORE), buckets },
    firstDivergence: Object.entries(t.firstDivergence)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([step, households]) => ({ step, households })),
    ...extra,
  };
}

export interface CompareSummary {
  readonly lines: number;
  readonly households: number;
  readonly errors: CompareTally['errors'];
  readonly cost: {
    readonly total: { readonly base: string; readonly reform: string; readonly difference: string };
    readonly byMonth: readonly { readonly period: string; readonly households: number; readonly base: string; readonly reform: string; readonly difference: string }[];
    readonly byYear: readonly { readonly year: string; readonly months: number; readonly households: number; readonly base: string; readonly reform: string; readonly difference: string }[];
    readonly annualised: { readonly months: number; readonly base: string; readonly reform: string; readonly difference: string };
  };
  readonly outcomes: {
    readonly base: Record<OutcomeKey, number>;
    readonly reform: Record<OutcomeKey, number>;
    readonly changed: number;
    readonly transitions: readonly { readonly from: OutcomeKey; readonly to: OutcomeKey; readonly households: number }[];
  };
  readonly byHouseholdType: readonly {
    readonly type: HouseholdType;
    readonly households: number;
    readonly winners: number;
    readonly losers: number;
    readonly unchanged: number;
    readonly base: string;
    readonly reform: string;
    readonly difference: string;
    readonly childrenInLosingHouseholds: number;
  }[];
  readonly winners: { readonly households: number; readonly children: number; readonly byApplicantGender: SideTally['byGender'] };
  readonly losers: { readonly households: number; readonly children: number; readonly byApplicantGender: SideTally['byGender'] };
  readonly unchanged: number;
  readonly withoutAmount: number;
  readonly changeHistogram: { readonly bucket: string; readonly buckets: readonly { readonly from: string; readonly to: string; readonly households: number }[] };
  readonly firstDivergence: readonly { readonly step: string; readonly households: number }[];
  readonly [key: string]: unknown;
}

