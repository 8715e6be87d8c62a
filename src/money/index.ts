/**
 * Money as integer öre.
 *
 * Every amount in the engine is a whole number of öre held in a JavaScript number. Integers up to
 * 2^53 are exact, which is 90 billion kronor: far above any household amount. Rates are written as
 * integer fractions (25/100, days/daysInMonth), never as floats, and every division rounds with a
 * named mode from this module. Kronor strings ("7900", "7900.50") are the only external form.
 */

declare const oreBrand: unique symbol;

/** A whole number of öre. Construct with {@link ore}, {@link parseKronor} or arithmetic below. */
export type Ore = number & { readonly [oreBrand]: true };

export const ZERO = 0 as Ore;

/** Wraps an integer öre count; throws on anything that is not a safe integer (a programmer error). */
export function ore(value: number): Ore {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`[money] not a whole number of öre: ${value}`);
  }
  return value as Ore;
}

/** Whole kronor to öre. */
export function kronor(whole: number): Ore {
  return ore(whole * 100);
}

/** The texts parseKronor reads (its definition; parseKronor is the fast form, and a test checks they agree). */
export const KRONOR_TEXT = /^(0|[1-9][0-9]{0,11})(?:\.([0-9]{1,2}))?$/;

/**
 * Parses a non-negative decimal string in kronor with at most two decimals: "7900", "7900.5", "7900.50".
 * Returns null when the text is not of that form (the caller turns that into a field error).
 */
export function parseKronor(text: string): Ore | null {
  // Read digit by digit: the same texts as KRONOR_TEXT (test/money/money.test.ts checks it on
  // random texts), without a match array and two Number() calls for every amount of every household.
  const length = text.length;
  let whole = 0;
  let i = 0;
  for (; i < length; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    if (i === 1 && whole === 0) return null; // a leading zero ("07900")
    whole = whole * 10 + c;
  }
  if (i === 0 || i > 12) return null;
  if (i === length) return ore(whole * 100);
  if (text.charCodeAt(i) !== 46 || length - i < 2 || length - i > 3) return null; // "." and one or two decimals
  const tenths = text.charCodeAt(i + 1) - 48;
  const hundredths = length - i === 3 ? text.charCodeAt(i + 2) - 48 : 0;
  if (tenths < 0 || tenths > 9 || hundredths < 0 || hundredths > 9) return null;
  return ore(whole * 100 + tenths * 10 + hundredths);
}

const EXACT_KRONOR = /^(0|[1-9][0-9]*)(?:\.([0-9]{2}))?$/;

/**
 * A kronor string as printed by formatKronor (any number of digits, no sign) to exact öre as a
 * BigInt, for totals over many decisions (the batch summary), which can pass 2^53 öre. Throws on
 * anything else: a total never silently drops an amount it cannot read.
 */
export function kronorToOreExact(text: string): bigint {
  const match = EXACT_KRONOR.exec(text);
  if (!match) throw new RangeError(`[money] cannot sum ${JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text)}: not a kronor amount`);
  return BigInt(match[1]!) * 100n + BigInt(match[2] ?? '0');
}

/** Exact öre (BigInt) as the contract's decimal string, like formatKronor. */
export function formatOreExact(amount: bigint): string {
  const sign = amount < 0n ? '-' : '';
  const abs = amount < 0n ? -amount : amount;
  const fraction = abs % 100n;
  return fraction === 0n ? `${sign}${abs / 100n}` : `${sign}${abs / 100n}.${String(fraction).padStart(2, '0')}`;
}

/** Exact öre (BigInt) the Swedish way, like formatKronorSv. */
export function formatOreExactSv(amount: bigint): string {
  const sign = amount < 0n ? '−' : '';
  const abs = amount < 0n ? -amount : amount;
  const whole = String(abs / 100n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  const fraction = abs % 100n;
  return fraction === 0n ? `${sign}${whole} kr` : `${sign}${whole},${String(fraction).padStart(2, '0')} kr`;
}

/**
 * Formats öre as the contract's decimal string: whole kronor without decimals ("7900"),
 * otherwise exactly two decimals ("7900.50"). Negative amounts keep their sign.
 */
export function formatKronor(amount: Ore): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const whole = Math.trunc(abs / 100);
  const fraction = abs % 100;
  return fraction === 0 ? `${sign}${whole}` : `${sign}${whole}.${fraction < 10 ? '0' : ''}${fraction}`;
}

/**
 * Formats öre the Swedish way for people: space as thousands separator, comma before öre,
 * and " kr" (e.g. "12 340 kr", "7 900,50 kr"). Locale-free on purpose, so output is the same everywhere.
 */
export function formatKronorSv(amount: Ore): string {
  const sign = amount < 0 ? '−' : '';
  const abs = Math.abs(amount);
  const whole = String(Math.trunc(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  const fraction = abs % 100;
  return fraction === 0 ? `${sign}${whole} kr` : `${sign}${whole},${String(fraction).padStart(2, '0')} kr`;
}

export function add(augend: Ore, addend: Ore): Ore {
  return ore(augend + addend);
}

export function subtract(minuend: Ore, subtrahend: Ore): Ore {
  return ore(minuend - subtrahend);
}

export function sum(amounts: readonly Ore[]): Ore {
  let total = 0;
  for (const amount of amounts) total += amount;
  return ore(total);
}

export function min(a: Ore, b: Ore): Ore {
  return a <= b ? a : b;
}

export function max(a: Ore, b: Ore): Ore {
  return a >= b ? a : b;
}

/** max(0, amount): the named floor used for "payable ≥ 0" and similar. */
export function floorAtZero(amount: Ore): Ore {
  return amount > 0 ? amount : ZERO;
}

/**
 * amount × numerator ÷ denominator, rounded half away from zero to whole öre (ROUND_HALF_UP on the
 * absolute value, as decimal.js ROUND_HALF_UP does). Used for pro-rating by days, shares of the
 * gemensamma kostnader and percentage rules. The product must stay below 2^53.
 */
export function multiplyRatioHalfUp(amount: Ore, numerator: number, denominator: number): Ore {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new RangeError(`[money] ratio must be integers with a positive denominator: ${numerator}/${denominator}`);
  }
  const product = amount * numerator;
  if (!Number.isSafeInteger(product)) {
    throw new RangeError(`[money] product too large to stay exact: ${amount} × ${numerator}`);
  }
  const negative = product < 0;
  const abs = Math.abs(product);
  const quotient = Math.floor(abs / denominator);
  const remainder = abs - quotient * denominator;
  const rounded = remainder * 2 >= denominator ? quotient + 1 : quotient;
  return ore(negative && rounded !== 0 ? -rounded : rounded);
}

/**
 * Splits a non-negative total into shares proportional to integer weights, by the largest-remainder
 * method, so the shares always add up to the total exactly. Ties go to the earlier weight, which keeps
 * the result deterministic.
 */
export function allocate(total: Ore, weights: readonly number[]): Ore[] {
  if (weights.length === 0) return [];
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0)) {
    throw new RangeError('[money] allocation weights must be non-negative integers');
  }
  const weightSum = weights.reduce((a, b) => a + b, 0);
  if (weightSum === 0) return weights.map(() => ZERO);
  const sign = total < 0 ? -1 : 1;
  const abs = Math.abs(total);
  const base = weights.map((w) => Math.floor((abs * w) / weightSum));
  let left = abs - base.reduce((a, b) => a + b, 0);
  // Only a total that does not divide evenly (not 0, the common case) has öre left to hand out.
  if (left > 0) {
    const order = weights
      .map((w, i) => ({ r: (abs * w) % weightSum, i }))
      .sort((x, y) => y.r - x.r || x.i - y.i);
    for (const { i } of order) {
      if (left <= 0) break;
      base[i] = (base[i] ?? 0) + 1;
      left -= 1;
    }
  }
  return base.map((b) => ore(sign * b));
}
