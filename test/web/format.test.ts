/**
 * The page formats money in the browser (src/web/public/format.js). It must print every amount
 * exactly as the command line does (src/explain/format.ts krSv), and do its few subtractions in
 * whole öre, not floats.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { krSv as krSvCli, monthSv as monthSvCli } from '../../src/explain/format.ts';
import { amountFromInput, amountToInput, krSv, monthSv, subtractKr } from '../../src/web/public/format.js';

const kronor = fc.tuple(fc.boolean(), fc.nat({ max: 999_999_999 }), fc.option(fc.nat({ max: 99 }), { nil: null }), fc.boolean()).map(([negative, whole, ore, oneDigit]) => {
  const fraction = ore === null ? '' : oneDigit ? `.${ore % 10}` : `.${String(ore).padStart(2, '0')}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
});

describe('format.js', () => {
  it('formats like krSv on the command line', () => {
    for (const v of ['0', '12340', '2636', '7900.50', '7900.5', '161.33', '-17750', '1000000', '999', '0.01', '-0.50', '100.00']) expect(krSv(v), v).toBe(krSvCli(v));
    expect(krSv('12340')).toBe('12 340 kr');
    expect(krSv('-17750')).toBe('−17 750 kr');
    expect(krSv(null)).toBe('–');
    fc.assert(fc.property(kronor, (v) => krSv(v) === krSvCli(v)), { numRuns: 2000 });
  });

  it('subtracts in whole öre', () => {
    expect(subtractKr('7900', '7416')).toBe('484');
    expect(subtractKr('0.3', '0.1')).toBe('0.20');
    expect(subtractKr('100', '100.01')).toBe('-0.01');
    expect(subtractKr(null, '1')).toBeNull();
    fc.assert(
      fc.property(fc.nat({ max: 10 ** 11 }), fc.nat({ max: 10 ** 11 }), (a, b) => {
        const k = (o: number) => `${Math.trunc(o / 100)}${o % 100 ? `.${String(o % 100).padStart(2, '0')}` : ''}`;
        const d = a - b;
        return subtractKr(k(a), k(b)) === `${d < 0 ? '-' : ''}${k(Math.abs(d))}`;
      }),
    );
  });

  it('reads what a caseworker types into the contract’s kronor strings', () => {
    expect(amountFromInput('7 900')).toBe('7900');
    expect(amountFromInput('7900,50')).toBe('7900.50');
    expect(amountFromInput(' 7\u00a0900 kr ')).toBe('7900');
    expect(amountFromInput('7900.5')).toBe('7900.5');
    expect(amountFromInput('')).toBeUndefined();
    expect(amountFromInput('sju')).toBe('sju');
    expect(amountToInput('7900.50')).toBe('7900,50');
    expect(monthSv('2023-03')).toBe(monthSvCli('2023-03'));
  });
});
