import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, formatKronor, formatKronorSv, KRONOR_TEXT, multiplyRatioHalfUp, ore, parseKronor, sum } from '../../src/money/index.ts';

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

describe('parseKronor / formatKronor', () => {
  it('reads the contract forms and writes them back', () => {
    expect(parseKronor('7900')).toBe(790000);
    expect(parseKronor('7900.5')).toBe(790050);
    expect(parseKronor('7900.50')).toBe(790050);
    expect(parseKronor('0.01')).toBe(1);
    expect(formatKronor(ore(790000))).toBe('7900');
    expect(formatKronor(ore(790050))).toBe('7900.50');
    expect(formatKronor(ore(-5))).toBe('-0.05');
  });

  it('refuses floats in disguise, signs, exponents, separators and three decimals', () => {
    for (const bad of ['-1', '+1', '1e3', '1,50', '1 000', '7900.505', '.5', '01', '', 'NaN', ' 7']) {
      expect(parseKronor(bad), bad).toBeNull();
    }
  });

  it('round-trips every amount', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => parseKronor(formatKronor(ore(n))) === n));
  });

  it('formats Swedish style without depending on the locale', () => {
    expect(formatKronorSv(ore(1234000))).toBe('12 340 kr');
    expect(formatKronorSv(ore(790050))).toBe('7 900,50 kr');
    expect(formatKronorSv(ore(-48400))).toBe('−484 kr');
  });
});

describe('multiplyRatioHalfUp (the named rounding for pro-rating and percentages)', () => {
  it('rounds half away from zero to whole öre', () => {
    expect(multiplyRatioHalfUp(ore(338000), 15, 31)).toBe(163548); // 3 380 × 15/31 = 1 635,4838…
    expect(multiplyRatioHalfUp(ore(1), 1, 2)).toBe(1); // 0.5 öre → 1
    expect(multiplyRatioHalfUp(ore(-1), 1, 2)).toBe(-1);
    expect(multiplyRatioHalfUp(ore(1200000), 25, 100)).toBe(300000);
  });

  it('equals decimal.js ROUND_HALF_UP for every amount, days and month length', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 31 }), fc.integer({ min: 28, max: 31 }), (amount, days, month) => {
        const expected = new D(amount).times(days).dividedBy(month).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
        expect(multiplyRatioHalfUp(ore(amount), days, month)).toBe(expected === 0 ? 0 : expected); // never −0
      }),
      { numRuns: 5000 },
    );
  });

  it('refuses a product that would lose precision', () => {
    expect(() => multiplyRatioHalfUp(ore(2 ** 52), 3, 1)).toThrow(/too large/);
  });
});

describe('allocate (shares of a total by integer weights)', () => {
  it('preserves the total: the shares sum to the amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e10, max: 1e10 }), fc.array(fc.integer({ min: 0, max: 31 }), { minLength: 1, maxLength: 12 }), (amount, weights) => {
        const shares = allocate(ore(amount), weights);
        if (weights.every((w) => w === 0)) return shares.every((s) => s === 0);
        return sum(shares) === amount;
      }),
    );
  });

  it('gives each share within one öre of the exact proportion, ties to the earlier weight', () => {
    expect(allocate(ore(100), [1, 1, 1])).toEqual([34, 33, 33]);
    // 48 400 × 31/108 = 13 892,59…; 48 400 × 15/108 = 6 722,22…: two öre left go to the largest remainders, earlier first
    expect(allocate(ore(48400), [31, 31, 15, 31])).toEqual([13893, 13893, 6722, 13892]);
  });
});

describe('parseKronor reads exactly the texts of its pattern', () => {
  /** The definition: KRONOR_TEXT, whole kronor and up to two decimals. */
  const reference = (text: string): number | null => {
    const match = KRONOR_TEXT.exec(text);
    if (!match) return null;
    return Number(match[1]) * 100 + (match[2] === undefined ? 0 : Number(match[2].padEnd(2, '0')));
  };
  it('on random texts of digits, points, signs and spaces', () => {
    const text = fc.string({ unit: fc.constantFrom('0', '1', '5', '9', '.', '-', ' ', 'a', '\n', '٣'), maxLength: 16 });
    fc.assert(fc.property(text, (t) => { expect(parseKronor(t)).toBe(reference(t)); }), { numRuns: 20_000 });
  });
  it('on the edges', () => {
    for (const t of ['', '0', '00', '01', '0.', '0.0', '0.00', '0.000', '.5', '1.', '999999999999', '1000000000000', '999999999999.99', '7900\n', ' 7900', '7900.5', '7900.05', '1e3', '+1', '-0']) {
      expect(parseKronor(t), t).toBe(reference(t));
    }
  });
});

describe('formatKronor', () => {
  it('writes two decimals exactly when there are öre, and parses back', () => {
    fc.assert(fc.property(fc.integer({ min: -1e15, max: 1e15 }), (n) => {
      const text = formatKronor(ore(n));
      const abs = Math.abs(n);
      expect(text).toBe(`${n < 0 ? '-' : ''}${Math.trunc(abs / 100)}${abs % 100 === 0 ? '' : `.${String(abs % 100).padStart(2, '0')}`}`);
    }), { numRuns: 5000 });
  });
});
