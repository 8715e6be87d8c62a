/**
 * Handläggningstid per month (issue 30): from each case-month's standing (src/store/casestatus.ts), the
 * cases decided in a calendar month, the median and 90th percentile of their working days, the share
 * decided within the five-working-day target, and the cases past their due day on a given day; for all
 * cases and split by outcome, by the applicant's gender and by new application or återansökan.
 * docs/casestatus.md defines each figure. Pure: the day "now" is an input.
 */
import { HANDLING_WORKING_DAYS, isPastDue } from '../monthly/workdays.ts';
import type { MonthStanding } from '../store/casestatus.ts';

export interface ReportRow {
  readonly month: string;
  /** all, outcome, gender or application */
  readonly group: string;
  readonly value: string;
  /** Case-months whose first decision is dated in the month. */
  readonly decided: number;
  /** Of those, the ones with an arrival day (receivedOn) — only they have a handläggningstid. */
  readonly measured: number;
  readonly median: number | null;
  readonly p90: number | null;
  readonly withinTarget: number;
  /** withinTarget / measured, three decimals rounded half up; null when nothing was measured. */
  readonly withinTargetShare: string | null;
  /** Undecided case-months past their due day on `today`; null for the outcome split (an undecided case has none). */
  readonly pastDue: number | null;
}

/** The median: the middle value, or the mean of the two middle ones (then possibly x.5). */
export function median(sorted: readonly number[]): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  return n % 2 === 1 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
}

/** The 90th percentile by nearest rank: the value at rank ⌈0.9·n⌉ of the sorted values. */
export function percentile90(sorted: readonly number[]): number | null {
  const n = sorted.length;
  return n === 0 ? null : sorted[Math.ceil((9 * n) / 10) - 1]!;
}

/** part / whole with three decimals, rounded half up, in integer arithmetic ("0.667"). */
export function share(part: number, whole: number): string | null {
  if (whole === 0) return null;
  const thousandths = Math.floor((2000 * part + whole) / (2 * whole));
  return `${Math.floor(thousandths / 1000)}.${String(thousandths % 1000).padStart(3, '0')}`;
}

type Split = 'all' | 'outcome' | 'gender' | 'application';
const valueOf = (split: Split, m: MonthStanding): string | null =>
  split === 'all' ? 'all' : split === 'outcome' ? (m.decision?.outcome ?? null) : split === 'gender' ? m.applicantGender : m.application;

/** The report of `month` (YYYY-MM) with the cases past due on `today` (YYYY-MM-DD). */
export function handlingReport(months: readonly MonthStanding[], month: string, today: string): ReportRow[] {
  const decided = months.filter((m) => m.decision !== null && (m.handling?.decidedOn ?? m.decision.decidedOn).startsWith(`${month}-`));
  // Past the due day once the clock stood still for a completion; a case waiting for one has no due day (dueOnNow null).
  const pastDue = months.filter((m) => m.decision === null && isPastDue(m.dueOnNow, today));
  const rows: ReportRow[] = [];
  for (const split of ['all', 'outcome', 'gender', 'application'] as const) {
    const values = [...new Set([...decided, ...(split === 'outcome' ? [] : pastDue)].map((m) => valueOf(split, m)!))].sort();
    for (const value of values) {
      const these = decided.filter((m) => valueOf(split, m) === value);
      const days = these.flatMap((m) => (m.handling ? [m.handling.workingDays] : [])).sort((a, b) => a - b);
      const within = days.filter((d) => d <= HANDLING_WORKING_DAYS).length;
      rows.push({
        month,
        group: split,
        value,
        decided: these.length,
        measured: days.length,
        median: median(days),
        p90: percentile90(days),
        withinTarget: within,
        withinTargetShare: share(within, days.length),
        pastDue: split === 'outcome' ? null : pastDue.filter((m) => valueOf(split, m) === value).length,
      });
    }
  }
  return rows;
}

export const REPORT_HEADER = 'month,group,value,decided,measured,median_working_days,p90_working_days,within_5_working_days,within_5_share,past_due_today';

/** The report as CSV (RFC 4180; every value is a code, a number or empty, so nothing needs quoting). */
export function reportCsv(rows: readonly ReportRow[]): string {
  const cell = (v: string | number | null) => (v === null ? '' : String(v));
  return `${[REPORT_HEADER, ...rows.map((r) => [r.month, r.group, r.value, r.decided, r.measured, r.median, r.p90, r.withinTarget, r.withinTargetShare, r.pastDue].map(cell).join(','))].join('\r\n')}\r\n`;
}
