/**
 * Calendar months and dates without clocks or time zones.
 *
 * A period is one calendar month ("2026-03"). Dates are ISO strings ("2026-03-01"); two of them
 * compare correctly as strings. Nothing here reads the current time or the machine's locale.
 */

export interface Period {
  readonly year: number;
  readonly month: number; // 1–12
}

export type IsoDate = string; // YYYY-MM-DD

/** The forms parsePeriod and isIsoDate read (their definitions; the functions read them digit by digit, and a test checks they agree). */
export const PERIOD_TEXT = /^([0-9]{4})-(0[1-9]|1[0-2])$/;
export const DATE_TEXT = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

/** The number written by the digits text[from, to), or -1 when one of them is not a digit 0–9. */
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** A month as YYYY-MM (PERIOD_TEXT), read digit by digit: periods are parsed for every household. */
export function parsePeriod(text: string): Period | null {
  if (text.length !== 7 || text.charCodeAt(4) !== 45) return null;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  return year < 0 || month < 1 || month > 12 ? null : { year, month };
}

export function formatPeriod(period: Period): string {
  return `${String(period.year).padStart(4, '0')}-${String(period.month).padStart(2, '0')}`;
}

/** True when the text is a real calendar date in YYYY-MM-DD form (2026-02-30 is not). */
/**
 * Whether the text is a day of the Gregorian calendar as YYYY-MM-DD, counted without Date objects or
 * time zones. Years before 100 are refused, as date-fns' isExists (used before) refused them.
 */
export function isIsoDate(text: string): boolean {
  // DATE_TEXT read digit by digit (test/period checks the two agree): every member has a birth date.
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  return year >= 100 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth({ year, month });
}


const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in the month (Gregorian calendar), without Date objects or time zones. */
export function daysInMonth(period: Period): number {
  return period.month === 2 && isLeapYear(period.year) ? 29 : DAYS[period.month - 1]!;
}

export function firstDayOf(period: Period): IsoDate {
  return `${formatPeriod(period)}-01`;
}

export function lastDayOf(period: Period): IsoDate {
  return `${formatPeriod(period)}-${String(daysInMonth(period)).padStart(2, '0')}`;
}

/** The period n months later (n may be negative). */
export function addMonths(period: Period, n: number): Period {
  const index = period.year * 12 + (period.month - 1) + n;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** Months from `earlier` to `later` (later − earlier), e.g. 2026-03 − 2025-12 = 3. */
export function monthsBetween(later: Period, earlier: Period): number {
  return later.year * 12 + later.month - (earlier.year * 12 + earlier.month);
}

/**
 * Age in whole years on a given date: the number of birthdays passed on or before that date.
 * A person born on 29 February has a birthday on 1 March in years that are not leap years.
 * Returns a negative number when the person is born after the date.
 */
export function ageOn(birthDate: IsoDate, date: IsoDate): number {
  if (date < birthDate) return -1;
  const by = digits(birthDate, 0, 4);
  const bm = digits(birthDate, 5, 7);
  const bd = digits(birthDate, 8, 10);
  const y = digits(date, 0, 4);
  const m = digits(date, 5, 7);
  const d = digits(date, 8, 10);
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}

/** True when the date lies in [from, to] (to = null means open-ended). */
export function isWithin(date: IsoDate, from: IsoDate, to: IsoDate | null): boolean {
  return date >= from && (to === null || date <= to);
}
