/**
 * The published riksnorm totals (regeringen.se, Socialstyrelsen, the SFS tables) reproduce from rules/, and every value in
 * rules/ says how sure it is and where it comes from.
 */
import { describe, expect, it } from 'vitest';
import { parseKronor } from '../../src/money/index.ts';
import { resolveRuleSet, RuleLookupError } from '../../src/rulebook/resolve.ts';
import { book } from '../support/engine.ts';

const at = (period: string) => resolveRuleSet(book, { year: Number(period.slice(0, 4)), month: Number(period.slice(5)) }, null);
const kr = (p: { value: string }) => parseKronor(p.value)! / 100;

describe('published riksnorm totals', () => {
  it('2026: single 5 220 and couple 8 510 (regeringen.se "Riksnorm för 2026 fastställd")', () => {
    const r = at('2026-01').riksnorm;
    expect(kr(r.single) + kr(r.common[0]!)).toBe(5220);
    expect(kr(r.cohabiting) + kr(r.common[1]!)).toBe(8510);
  });
  it('2024: single 5 030 (Socialstyrelsen provberäkning)', () => {
    const r = at('2024-06').riksnorm;
    expect(kr(r.single) + kr(r.common[0]!)).toBe(5030);
  });
  it('2023: two adults + two children 13 490 (Tidningen Syre 2023-04-30)', () => {
    const r = at('2023-04').riksnorm;
    const band = (name: string) => r.children.find((c) => c.band === name)!;
    expect(kr(r.cohabiting) + kr(band('1-2').withLunch) + kr(band('4-6').withLunch) + kr(r.common[3]!)).toBe(13490);
  });
  it('2014 and 2017: adult in a 5-person household who is not a sambo, 3 292 and 3 328 (Socialstyrelsen)', () => {
    const r14 = at('2014-02').riksnorm;
    expect(kr(r14.common[4]!) / 5 + kr(r14.single)).toBe(3292);
    const r17 = at('2017-02').riksnorm;
    expect(kr(r17.common[4]!) / 5 + kr(r17.single)).toBe(3328);
  });
  it('each extra member above 7 persons is the 7-person minus the 6-person amount (170 kr in the verified years)', () => {
    for (const p of ['2014-01', '2017-01', '2019-01', '2021-01']) {
      const r = at(p).riksnorm;
      expect(kr(r.common[6]!) - kr(r.common[5]!), p).toBe(170);
    }
  });
});

describe('periods without a table are errors, never a fallback', () => {
  it.each(['2016-05', '2018-01', '2020-12', '2022-06', '2028-01', '2012-12'])('%s', (period) => {
    expect(() => at(period)).toThrow(RuleLookupError);
    expect(() => at(period)).toThrow(/no riksnorm table in rules\/ for/);
  });
  it('the tables switch on the first day of the year', () => {
    expect(at('2023-12').riksnorm.id).toBe('riksnorm/2023');
    expect(at('2024-01').riksnorm.id).toBe('riksnorm/2024');
  });
});

describe('the law in force', () => {
  it('is SoL (2001:453) before 1 July 2025 and SoL (2025:400) from then', () => {
    expect(at('2025-06').legal.law).toBe('SoL (2001:453)');
    expect(at('2025-07').legal.law).toBe('SoL (2025:400)');
    expect(at('2025-07').legal.refs['riksnorm']!.ref).toBe('12 kap. 7 § första stycket 1 SoL (2025:400)');
    expect(at('2024-03').legal.refs['jobbstimulans']!.ref).toBe('4 kap. 1 b § SoL (2001:453)');
    expect(at('2024-03').legal.refs['childrenEarnings']!.ref).toBe('4 kap. 1 a § SoL (2001:453)');
  });
  it('cites the new law in every reference from July 2025', () => {
    for (const ref of Object.values(at('2026-03').legal.refs)) {
      if (['statementOfReasons', 'appealDeadline', 'automatedDecision', 'personalReview', 'normAmounts', 'householdMembers', 'childRights', 'housingAdjustmentTime'].includes(ref.topic)) continue;
      expect(ref.ref, ref.topic).toContain('SoL (2025:400)');
    }
  });
});

describe('every value carries a status and a source', () => {
  it('riksnorm tables', () => {
    for (const file of book.riksnorm) {
      const values = [
        ...file.data.children.flatMap((c) => [c.withLunch, ...(c.withoutLunch ? [c.withoutLunch] : [])]),
        file.data.adults.single,
        file.data.adults.cohabiting,
        ...file.data.common,
      ];
      for (const v of values) {
        expect(['verified', 'derived', 'estimate']).toContain(v.status);
        expect(file.data.sources[v.source]?.title, `${file.file}: ${v.source}`).toBeTruthy();
      }
    }
  });
  it('the years with Socialstyrelsen’s or SFS tables are all verified; 2025 from July and 2026 are the official SFS tables; January–June 2025 is derived', () => {
    const all = (id: string) => {
      const f = book.riksnorm.find((r) => r.data.id === id)!.data;
      return [...f.children.flatMap((c) => [c.withLunch, ...(c.withoutLunch ? [c.withoutLunch] : [])]), f.adults.single, f.adults.cohabiting, ...f.common].map((p) => p.status);
    };
    for (const id of ['riksnorm/2013-2015', 'riksnorm/2017', 'riksnorm/2019', 'riksnorm/2021']) {
      const f = book.riksnorm.find((r) => r.data.id === id)!;
      expect(f.data.children.every((c) => c.withLunch.status === 'verified' && c.withoutLunch?.status !== 'estimate')).toBe(true);
    }
    expect(new Set(all('riksnorm/2025-07'))).toEqual(new Set(['verified']));
    expect(new Set(all('riksnorm/2026'))).toEqual(new Set(['verified']));
    // SFS 2024:1016 was not read: its amounts are presumed equal to the 2025:468 table, so "derived", not "verified".
    expect(new Set(all('riksnorm/2025-01'))).toEqual(new Set(['derived']));
    expect(all('riksnorm/2024').filter((s) => s === 'estimate').length).toBeGreaterThan(0);
  });
  it('the official tables: SFS 2025:468 (2025) and SFS 2025:1046 (2026), value by value', () => {
    const row = (period: string) => {
      const r = at(period).riksnorm;
      return [...r.children.map((c) => kr(c.withLunch)), ...r.children.filter((c) => c.withoutLunch).map((c) => kr(c.withoutLunch!)), kr(r.single), kr(r.cohabiting), ...r.common.map((c) => kr(c))];
    };
    const y2025 = [2720, 3030, 2700, 3030, 3790, 4350, 4920, 4960, 2540, 2780, 2480, 2700, 3910, 7050, 1270, 1400, 1770, 2010, 2310, 2620, 2810];
    expect(row('2025-03')).toEqual(y2025);
    expect(row('2025-09')).toEqual(y2025);
    expect(row('2026-03')).toEqual([2740, 3060, 2720, 3060, 3820, 4390, 4960, 5000, 2560, 2800, 2500, 2720, 3940, 7100, 1280, 1410, 1790, 2030, 2330, 2640, 2830]);
  });
  it('prisbasbelopp by year', () => {
    const year = (y: number) => kr(at(`${y}-05`).prisbasbelopp);
    expect(year(2023)).toBe(52500);
    expect(year(2024)).toBe(57300);
    expect(year(2025)).toBe(58800);
    expect(year(2026)).toBe(59200);
    expect(at('2025-05').prisbasbelopp.status).toBe('derived');
  });
});
