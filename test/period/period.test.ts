import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, ageOn, DATE_TEXT, daysInMonth, isIsoDate, monthsBetween, parsePeriod, PERIOD_TEXT } from '../../src/period/index.ts';

describe('period', () => {
  it('parses YYYY-MM and nothing else', () => {
    expect(parsePeriod('2026-03')).toEqual({ year: 2026, month: 3 });
    for (const bad of ['2026-3', '2026-13', '2026-00', '26-03', '2026-03-01', '']) expect(parsePeriod(bad), bad).toBeNull();
  });

  it('knows the days of every month, leap years included', () => {
    expect(daysInMonth({ year: 2024, month: 2 })).toBe(29);
    expect(daysInMonth({ year: 2023, month: 2 })).toBe(28);
    expect(daysInMonth({ year: 2000, month: 2 })).toBe(29);
    expect(daysInMonth({ year: 1900, month: 2 })).toBe(28);
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        expect(daysInMonth({ year, month })).toBe(new Date(Date.UTC(year, month, 0)).getUTCDate());
      }),
    );
  });

  it('counts months forwards and backwards', () => {
    expect(addMonths({ year: 2025, month: 12 }, 3)).toEqual({ year: 2026, month: 3 });
    expect(addMonths({ year: 2026, month: 1 }, -1)).toEqual({ year: 2025, month: 12 });
    expect(monthsBetween({ year: 2026, month: 3 }, { year: 2025, month: 12 })).toBe(3);
  });

  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-02-30')).toBe(false);
    expect(isIsoDate('2023-2-3')).toBe(false);
  });

  it('knows the Gregorian leap years and month lengths, and refuses years before 100', () => {
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2100-02-29')).toBe(false);
    expect(isIsoDate('2026-04-31')).toBe(false);
    expect(isIsoDate('2026-12-31')).toBe(true);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-00-10')).toBe(false);
    expect(isIsoDate('2026-01-00')).toBe(false);
    expect(isIsoDate('0099-01-01')).toBe(false);
    expect(isIsoDate('0100-01-01')).toBe(true);
  });
});

describe('ageOn (birthdays are handled deliberately)', () => {
  it('counts a birthday on the day itself', () => {
    expect(ageOn('2016-03-01', '2023-03-01')).toBe(7);
    expect(ageOn('2016-03-02', '2023-03-01')).toBe(6);
  });
  it('gives a person born on 29 February their birthday on 1 March in other years', () => {
    expect(ageOn('2016-02-29', '2023-02-28')).toBe(6);
    expect(ageOn('2016-02-29', '2023-03-01')).toBe(7);
    expect(ageOn('2016-02-29', '2024-02-29')).toBe(8);
  });
  it('is negative for someone not yet born', () => {
    expect(ageOn('2023-03-15', '2023-03-01')).toBe(-1);
  });
});

describe('parsePeriod and isIsoDate read exactly the texts of their patterns', () => {
  const unit = fc.constantFrom('0', '1', '2', '9', '-', ' ', 'x', '٣', '\n');
  const daysIn = (y: number, m: number) => (m === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!);
  const periodReference = (t: string) => {
    const match = PERIOD_TEXT.exec(t);
    return match ? { year: Number(match[1]), month: Number(match[2]) } : null;
  };
  const dateReference = (t: string) => {
    const match = DATE_TEXT.exec(t);
    if (!match) return false;
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    return y >= 100 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
  };
  it('on random texts', () => {
    fc.assert(fc.property(fc.string({ unit, minLength: 6, maxLength: 11 }), (t) => {
      expect(parsePeriod(t)).toEqual(periodReference(t));
      expect(isIsoDate(t)).toBe(dateReference(t));
    }), { numRuns: 20_000 });
  });
  it('on random dates near the edges', () => {
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    fc.assert(fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
      const t = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
      expect(isIsoDate(t)).toBe(dateReference(t));
      expect(parsePeriod(t.slice(0, 7))).toEqual(periodReference(t.slice(0, 7)));
    }), { numRuns: 5000 });
  });
});
