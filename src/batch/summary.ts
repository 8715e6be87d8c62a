/**
 * The batch summary: what a municipality reports after a monthly recalculation. Counts by outcome,
 * errors, total payable (exact öre), children in households with a refusal, long-term cases, and
 * counts by the applicant's gender (municipalities keep gender-disaggregated statistics).
 */
import { formatOreExact, kronorToOreExact } from '../money/index.ts';

export const OUTCOMES = ['approve', 'partial', 'deny', 'needs-information'] as const;
export const GENDER_KEYS = ['female', 'male', 'other', 'unknown'] as const;

/**
 * A processor's own counters (processor.ts): plain JSON, nested objects whose leaves are numbers,
 * summed key by key (addTallies). Kept in the checkpoint with the other counts, so a resumed run sums
 * exactly what an uninterrupted one does. monthly counts routing and reasons here, compare its whole
 * tally (src/compare/summary.ts).
 */
export interface Tallies {
  [key: string]: number | Tallies;
}

export interface SummaryCounts {
  lines: number;
  households: number;
  errors: number;
  byOutcome: Record<(typeof OUTCOMES)[number], number>;
  /**
   * Sum of payable in exact öre (issue 13): a BigInt, because a large run of bounded households can
   * still pass 2^53 öre. Checkpoints write it as a decimal string (checkpoint.ts).
   */
  payableOre: bigint;
  childrenInHouseholdsWithRefusal: number;
  householdsWithRefusalAndChildren: number;
  longTermCases: number;
  requiresAssessment: number;
  byApplicantGender: Record<(typeof GENDER_KEYS)[number], number>;
  /** Counters a command built on the batch adds (monthly: routing, reasons; compare: its tally); summed like the rest. */
  tallies: Tallies;
}

export function emptyCounts(): SummaryCounts {
  return {
    lines: 0,
    households: 0,
    errors: 0,
    byOutcome: { approve: 0, partial: 0, deny: 0, 'needs-information': 0 },
    payableOre: 0n,
    childrenInHouseholdsWithRefusal: 0,
    householdsWithRefusalAndChildren: 0,
    longTermCases: 0,
    requiresAssessment: 0,
    byApplicantGender: { female: 0, male: 0, other: 0, unknown: 0 },
    tallies: {},
  };
}

export function addCounts(into: SummaryCounts, from: SummaryCounts): void {
  into.lines += from.lines;
  into.households += from.households;
  into.errors += from.errors;
  for (const k of OUTCOMES) into.byOutcome[k] += from.byOutcome[k];
  into.payableOre += from.payableOre;
  into.childrenInHouseholdsWithRefusal += from.childrenInHouseholdsWithRefusal;
  into.householdsWithRefusalAndChildren += from.householdsWithRefusalAndChildren;
  into.longTermCases += from.longTermCases;
  into.requiresAssessment += from.requiresAssessment;
  for (const k of GENDER_KEYS) into.byApplicantGender[k] += from.byApplicantGender[k];
  // A checkpoint written before tallies existed has none.
  addTallies(into.tallies, from.tallies ?? {});
}

/** Sums `from` into `into`, key by key at every depth; a key only in `from` is added. */
export function addTallies(into: Tallies, from: Tallies): void {
  for (const [k, v] of Object.entries(from)) {
    if (typeof v === 'number') into[k] = ((into[k] as number | undefined) ?? 0) + v;
    else addTallies((into[k] ??= {}) as Tallies, v);
  }
}

/** Adds one to a named counter. */
export function tally(counts: SummaryCounts, key: string, by = 1): void {
  counts.tallies[key] = ((counts.tallies[key] as number | undefined) ?? 0) + by;
}

/**
 * Adds one decision's payable to the total, exactly. A payable that is not a kronor amount throws
 * (the line becomes an INTERNAL_ERROR record and the run exits 1): never a silent 0.
 */
export function addPayable(counts: SummaryCounts, payable: string | null): void {
  if (payable !== null) counts.payableOre += kronorToOreExact(payable);
}

/** The summary as printed (JSON): money as a kronor decimal string, as everywhere else. */
export function summaryJson(c: SummaryCounts, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    lines: c.lines,
    households: c.households,
    errors: c.errors,
    byOutcome: c.byOutcome,
    totalPayable: formatOreExact(c.payableOre),
    childrenInHouseholdsWithRefusal: c.childrenInHouseholdsWithRefusal,
    householdsWithRefusalAndChildren: c.householdsWithRefusalAndChildren,
    longTermCases: c.longTermCases,
    requiresAssessment: c.requiresAssessment,
    byApplicantGender: c.byApplicantGender,
    ...extra,
  };
}
