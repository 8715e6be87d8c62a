/**
 * Money and dates for the page, the same way as src/explain/format.ts (krSv) formats them for the
 * command line: "12340" → "12 340 kr", "7900.50" → "7 900,50 kr", "-5" → "−5 kr". Amounts stay
 * decimal strings; arithmetic is on whole öre as BigInt, never on floats.
 */

const KRONOR = /^(0|[1-9][0-9]{0,11})(?:\.([0-9]{1,2}))?$/;

/** "12340" → "12 340 kr"; null → "–"; anything that is not a kronor string is shown as given. */
export function krSv(amount) {
  if (amount === null || amount === undefined) return '–';
  const text = String(amount);
  const negative = text.startsWith('-');
  const match = KRONOR.exec(negative ? text.slice(1) : text);
  if (!match) return text;
  const whole = match[1].replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  const fraction = (match[2] ?? '').padEnd(2, '0');
  return `${negative ? '−' : ''}${whole}${fraction === '00' ? '' : `,${fraction}`} kr`;
}

/** A kronor string ("7900.5", "-12") as whole öre, or null. */
export function toOre(amount) {
  if (amount === null || amount === undefined) return null;
  const text = String(amount);
  const negative = text.startsWith('-');
  const match = KRONOR.exec(negative ? text.slice(1) : text);
  if (!match) return null;
  const ore = BigInt(match[1]) * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
  return negative ? -ore : ore;
}

/** Whole öre back to the contract's kronor string: "7900", "7900.50", "-12". */
export function fromOre(ore) {
  const negative = ore < 0n;
  const abs = negative ? -ore : ore;
  const whole = abs / 100n;
  const fraction = abs % 100n;
  return `${negative ? '-' : ''}${whole}${fraction === 0n ? '' : `.${String(fraction).padStart(2, '0')}`}`;
}

/** a − b for two kronor strings; null when either is missing. */
export function subtractKr(a, b) {
  const x = toOre(a);
  const y = toOre(b);
  return x === null || y === null ? null : fromOre(x - y);
}

/**
 * What a caseworker typed in an amount field, as the contract's kronor string: spaces and "kr"
 * removed, decimal comma to point ("7 900,50 kr" → "7900.50"). Empty → undefined (not given).
 * Anything else is passed on unchanged, so the engine names the problem next to the field.
 */
export function amountFromInput(text) {
  const t = String(text).replace(/[\s\u00a0\u202f]/g, '').replace(/(kr|:-)$/i, '');
  if (t === '') return undefined;
  return /^-?[0-9]+(,[0-9]+)?$/.test(t) ? t.replace(',', '.') : t;
}

/** A kronor string from a household, for an amount field: "7900.50" → "7900,50". */
export function amountToInput(amount) {
  if (amount === null || amount === undefined) return '';
  return String(amount).replace('.', ',');
}

/** "2023-03" → "mars 2023": the views' own month names (src/explain/months.js, served as /explain/months.js). */
export { monthSv } from '../../explain/months.js';
