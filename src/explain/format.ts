/** Locale-free formatting for the message catalogues (same output on every machine). */
import { formatKronorSv, parseKronor, type Ore } from '../money/index.ts';
import { MONTHS_SV, monthSv } from './months.js';

export { monthSv };

const toOre = (amount: string | number): Ore | null => parseKronor(String(amount).replace(/^-/, ''));

/** "12340" → "12 340 kr"; "7900.50" → "7 900,50 kr". */
export function krSv(amount: string | number): string {
  const neg = String(amount).startsWith('-');
  const o = toOre(amount);
  if (o === null) return String(amount);
  return (neg ? '−' : '') + formatKronorSv(o);
}

/** "12340" → "SEK 12,340"; "7900.50" → "SEK 7,900.50". */
export function krEn(amount: string | number): string {
  const neg = String(amount).startsWith('-');
  const o = toOre(amount);
  if (o === null) return String(amount);
  const whole = String(Math.trunc(o / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = o % 100;
  return `${neg ? '−' : ''}SEK ${whole}${fraction === 0 ? '' : `.${String(fraction).padStart(2, '0')}`}`;
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function monthEn(period: string): string {
  const [y, m] = period.split('-');
  return `${MONTHS_EN[Number(m) - 1] ?? m} ${y}`;
}

/** "2026-02-25" → "25 februari 2026" (agency payment dates in the Swedish texts). */
export function dateSv(date: string): string {
  const [y, m, d] = date.split('-');
  return `${Number(d)} ${MONTHS_SV[Number(m) - 1] ?? m} ${y}`;
}

/** "2026-02-25" → "25 February 2026". */
export function dateEn(date: string): string {
  const [y, m, d] = date.split('-');
  return `${Number(d)} ${MONTHS_EN[Number(m) - 1] ?? m} ${y}`;
}

/**
 * A count with its Swedish noun in the right number: countSv(1, 'person', 'personer') → "1 person",
 * countSv(3, 'månad', 'månader') → "3 månader". Never "person(er)".
 */
export function countSv(n: string | number, one: string, many: string): string {
  return `${n} ${Number(n) === 1 ? one : many}`;
}

/** The same in English: countEn(1, 'person', 'persons') → "1 person". */
export function countEn(n: string | number, one: string, many: string): string {
  return `${n} ${Number(n) === 1 ? one : many}`;
}

/** The others of a shared home: "1 person som har ett eget ärende", "2 personer som har egna ärenden". */
export function othersSv(n: string | number | undefined): string {
  return Number(n) === 1 ? '1 person som har ett eget ärende' : `${n} personer som har egna ärenden`;
}
