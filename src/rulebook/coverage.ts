/**
 * Which months the riksnorm tables cover: every month from the first table's first month to the last
 * table's last month (its first month when it is open-ended) should have exactly one table, since a month
 * without one is refused (`NO_RULES_FOR_PERIOD`) and the engine never falls back to another year.
 * `rules check` prints the result (rules/README.md).
 */
import { addMonths, firstDayOf, formatPeriod, isWithin, monthsBetween, parsePeriod, type Period } from '../period/index.ts';

interface Window {
  readonly effectiveFrom: string;
  readonly effectiveTo: string | null;
}

/** Months as runs of consecutive months: `from` and `to` in YYYY-MM, equal for a single month. */
export interface MonthRun {
  readonly from: string;
  readonly to: string;
}

export interface Coverage {
  /** The first and last month the tables span, null when there is no table. */
  readonly from: string | null;
  readonly to: string | null;
  /** Months in the span with no table. */
  readonly missing: readonly MonthRun[];
  /** Months in the span with more than one table (the loader refuses overlaps, so normally none). */
  readonly multiple: readonly MonthRun[];
}

const monthOf = (date: string): Period => parsePeriod(date.slice(0, 7))!;

/** Consecutive months joined into runs. */
function runs(months: readonly Period[]): MonthRun[] {
  const out: { from: Period; to: Period }[] = [];
  for (const m of months) {
    const last = out[out.length - 1];
    if (last !== undefined && monthsBetween(m, last.to) === 1) last.to = m;
    else out.push({ from: m, to: m });
  }
  return out.map((r) => ({ from: formatPeriod(r.from), to: formatPeriod(r.to) }));
}

/** For every month from the first table to the last, how many tables are in force on its first day. */
export function monthCoverage(tables: readonly Window[]): Coverage {
  if (tables.length === 0) return { from: null, to: null, missing: [], multiple: [] };
  const first = tables.map((t) => monthOf(t.effectiveFrom)).reduce((a, b) => (monthsBetween(b, a) < 0 ? b : a));
  const last = tables.map((t) => monthOf(t.effectiveTo ?? t.effectiveFrom)).reduce((a, b) => (monthsBetween(b, a) > 0 ? b : a));
  const missing: Period[] = [];
  const multiple: Period[] = [];
  for (let m = first; monthsBetween(m, last) <= 0; m = addMonths(m, 1)) {
    const n = tables.filter((t) => isWithin(firstDayOf(m), t.effectiveFrom, t.effectiveTo)).length;
    if (n === 0) missing.push(m);
    if (n > 1) multiple.push(m);
  }
  return { from: formatPeriod(first), to: formatPeriod(last), missing: runs(missing), multiple: runs(multiple) };
}
