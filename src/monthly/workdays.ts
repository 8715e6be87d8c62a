/**
 * Handling time of a monthly application: `dueOn` is the fifth working day counting the day the
 * application arrived (when that is a working day) — so an application that arrives on a Monday
 * without holidays is due on the Friday of the same week.
 *
 * Which days are not working days (docs/monthly.md):
 * - Saturdays and Sundays;
 * - the public holidays (allmänna helgdagar, lag (1989:253) om allmänna helgdagar), as the maintained
 *   holiday library date-holidays gives them for Sweden (type "public": nyårsdagen, trettondedag jul,
 *   långfredagen, påskdagen, annandag påsk, första maj, Kristi himmelsfärdsdag, pingstdagen,
 *   nationaldagen, midsommardagen, alla helgons dag, juldagen, annandag jul);
 * - midsommarafton, julafton and nyårsafton (the library's type "bank" for Sweden): they are not
 *   helgdagar, but lag (1930:173) om beräkning av lagstadgad tid treats them like one (a deadline that
 *   ends on them moves to the next weekday) and Swedish public administration is closed on them.
 * Half days (trettondagsafton, valborgsmässoafton, allhelgonaafton: type "optional") and observances
 * (påskafton falls on a Saturday anyway) are working days.
 *
 * No clock: every function takes its dates as input.
 */
import Holidays from 'date-holidays';

export type IsoDay = string;

/** The date-holidays types that are not working days in Swedish public administration. */
export const NON_WORKING_HOLIDAY_TYPES: readonly string[] = ['public', 'bank'];

/** Handling time in working days, counting the day of arrival. */
export const HANDLING_WORKING_DAYS = 5;

const sweden = new Holidays('SE');
const byYear = new Map<number, ReadonlyMap<IsoDay, string>>();

/** The non-working holidays of a year, date → Swedish name (cached per year). */
export function holidaysOf(year: number): ReadonlyMap<IsoDay, string> {
  let days = byYear.get(year);
  if (days === undefined) {
    const map = new Map<IsoDay, string>();
    for (const h of sweden.getHolidays(year)) {
      if (NON_WORKING_HOLIDAY_TYPES.includes(h.type)) map.set(h.date.slice(0, 10), h.name);
    }
    days = map;
    byYear.set(year, days);
  }
  return days;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** A real calendar date written YYYY-MM-DD, or null. */
export function parseIsoDay(text: unknown): IsoDay | null {
  if (typeof text !== 'string') return null;
  const m = ISO_DAY.exec(text);
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === text ? text : null;
}

/** Days since 1970-01-01 (UTC calendar arithmetic, no time zone). */
const dayNumber = (day: IsoDay): number => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;
const isoOf = (n: number): IsoDay => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** Why a day is not a working day ("lördag", "söndag", a holiday's name), or null for a working day. */
function reasonOfDay(n: number): string | null {
  const weekday = (n + 4) % 7; // 1970-01-01 was a Thursday (4)
  if (weekday === 6) return 'lördag';
  if (weekday === 0) return 'söndag';
  const day = isoOf(n);
  return holidaysOf(Number(day.slice(0, 4))).get(day) ?? null;
}

/**
 * reasonOfDay, kept per day: the queue counts the working days of every case of a month on each request
 * (issue 30), the same few weeks over and over; a day's answer never changes.
 */
const reasons = new Map<number, string | null>();
function reasonOf(n: number): string | null {
  let why = reasons.get(n);
  if (why === undefined) {
    why = reasonOfDay(n);
    if (reasons.size < 100_000) reasons.set(n, why);
  }
  return why;
}

export function nonWorkingReason(day: IsoDay): string | null {
  return reasonOf(dayNumber(day));
}

export function isWorkingDay(day: IsoDay): boolean {
  return nonWorkingReason(day) === null;
}

/**
 * The day a case must be handled by: the `days`-th working day counting `receivedOn` itself when it
 * is a working day (an application that arrives on a Saturday starts counting on Monday).
 */
export function dueOn(receivedOn: IsoDay, days: number = HANDLING_WORKING_DAYS): IsoDay {
  let n = dayNumber(receivedOn);
  let counted = reasonOf(n) === null ? 1 : 0;
  while (counted < days) {
    n++;
    if (reasonOf(n) === null) counted++;
  }
  return isoOf(n);
}

/** The non-working days between `receivedOn` and the due day, with why (for the trace). */
export function skippedDays(receivedOn: IsoDay, due: IsoDay): string[] {
  const out: string[] = [];
  for (let n = dayNumber(receivedOn), last = dayNumber(due); n <= last; n++) {
    const why = reasonOf(n);
    if (why !== null) out.push(`${isoOf(n)} ${why}`);
  }
  return out;
}

/** True when the case is past its due day on `today` (due on the 10th: past from the 11th). */
export function isPastDue(due: IsoDay | null, today: IsoDay | null): boolean {
  return due !== null && today !== null && today > due;
}

/** A stretch in which the handling clock stands still: a begäran om komplettering sent on `from`, answered on `to` (null: not yet). */
export interface Pause {
  readonly from: IsoDay;
  readonly to: IsoDay | null;
}

/** Whether day n lies in a pause: after the day the request was sent, before the day the completion arrived. */
const paused = (n: number, pauses: readonly Pause[]): boolean => pauses.some((p) => n > dayNumber(p.from) && (p.to === null || n < dayNumber(p.to)));

/**
 * Handläggningstid (issue 30): the working days from `receivedOn` to `decidedOn`, both counted when they
 * are working days (the same days as dueOn), less the working days the clock stood still. The day a
 * completion is asked for and the day it arrives count (work is done on both: a complete application
 * starts the clock as an arriving one does); the working days between them do not. A decision dated
 * before the arrival is 0 days.
 */
export function workingDaysUsed(receivedOn: IsoDay, decidedOn: IsoDay, pauses: readonly Pause[] = []): number {
  let used = 0;
  for (let n = dayNumber(receivedOn), last = dayNumber(decidedOn); n <= last; n++) {
    if (reasonOf(n) === null && !paused(n, pauses)) used++;
  }
  return used;
}

/**
 * The due day once the clock has stood still (issue 30): the `days`-th working day counting `receivedOn`,
 * as dueOn counts, skipping the working days inside a pause (a begäran om komplettering sent, not yet
 * answered). Null while a pause that began before the due day is still open: the case waits for the
 * applicant and has no due day until the completion arrives. Without pauses it is dueOn.
 */
export function dueOnAfterPauses(receivedOn: IsoDay, pauses: readonly Pause[], days: number = HANDLING_WORKING_DAYS): IsoDay | null {
  let n = dayNumber(receivedOn);
  let counted = reasonOf(n) === null ? 1 : 0;
  while (counted < days) {
    n++;
    if (pauses.some((p) => p.to === null && n > dayNumber(p.from))) return null;
    if (reasonOf(n) === null && !paused(n, pauses)) counted++;
  }
  return isoOf(n);
}
