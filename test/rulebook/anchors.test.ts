/**
 * The published riksnorm totals (regeringen.se, Socialstyrelsen, the SFS tables) reproduce from rules/, and every value in
 * rules/ says how sure it is and where it comes from.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseKronor } from '../../src/money/index.ts';
import { resolveRuleSet, RuleLookupError } from '../../src/rulebook/resolve.ts';
import { book, RULES_DIR } from '../support/engine.ts';

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
  it.each(['2028-01', '2012-12'])('%s', (period) => {
    expect(() => at(period)).toThrow(RuleLookupError);
    expect(() => at(period)).toThrow(/no riksnorm table in rules\/ for/);
  });
  it('every month from 2013-01 to 2026-12 has exactly one table, and the tables meet without a gap', () => {
    for (let year = 2013; year <= 2026; year++) {
      for (let month = 1; month <= 12; month++) {
        const first = `${year}-${String(month).padStart(2, '0')}-01`;
        const tables = book.riksnorm.filter((r) => r.data.effectiveFrom <= first && (r.data.effectiveTo === null || first <= r.data.effectiveTo));
        expect(tables.map((t) => t.file), first).toHaveLength(1);
      }
    }
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
      if (['statementOfReasons', 'appealDeadline', 'appealLate', 'appealReview', 'automatedDecision', 'personalReview', 'normAmounts', 'householdMembers', 'childRights', 'housingAdjustmentTime', 'correction', 'decisionChange'].includes(ref.topic)) continue;
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
  type Table = (typeof book.riksnorm)[number]['data'];
  const values = (f: Table) => [...f.children.flatMap((c) => [c.withLunch, ...(c.withoutLunch ? [c.withoutLunch] : [])]), f.adults.single, f.adults.cohabiting, ...f.common];
  const statuses = (id: string) => values(book.riksnorm.find((r) => r.data.id === id)!.data).map((p) => p.status);
  const count = (id: string) => Object.fromEntries(['verified', 'derived', 'estimate'].map((s) => [s, statuses(id).filter((x) => x === s).length]));
  it('how sure each table is, by issue 28\'s definition: the SFS and Socialstyrelsen\'s tables verified, January–June 2025 derived from SFS 2025:468 ("under 2025"), every rebuilt or copied year an estimate (rules/CHANGELOG.md)', () => {
    // Socialstyrelsen's published tables and the SFS texts read (2020:1013, 2025:468, 2025:1046).
    for (const id of ['riksnorm/2013-2015', 'riksnorm/2017', 'riksnorm/2019', 'riksnorm/2021', 'riksnorm/2025-07', 'riksnorm/2026']) {
      expect(count(id), id).toEqual({ verified: 21, derived: 0, estimate: 0 });
    }
    // SFS 2025:468 12 kap. 2 § states its amounts for "ett hushåll under 2025": January–June takes them, SFS 2024:1016 not read.
    expect(count('riksnorm/2025-01')).toEqual({ verified: 0, derived: 21, estimate: 0 });
    const jan2025 = book.riksnorm.find((r) => r.data.id === 'riksnorm/2025-01')!.data;
    expect(new Set(values(jan2025).map((v) => v.source))).toEqual(new Set(['sfs-2025-468']));
    expect(jan2025.sources['sfs-2025-468']!.note).toContain('"Riksnormen för ett hushåll under 2025 utgör summan');
    // No SFS text read: rebuilt from a neighbouring table by an announced percentage (2016, 2018, 2020, 2024, the
    // "utan lunch" columns of 2022 and 2023), or copied from a municipal page (2022 Tranås, 2023 Engelholm and the sum of
    // its items for gemensamma 2 personer). Each keeps its amount and says how it was built and what it was checked against.
    for (const id of ['riksnorm/2016', 'riksnorm/2018', 'riksnorm/2020', 'riksnorm/2022', 'riksnorm/2023', 'riksnorm/2024']) {
      expect(count(id), id).toEqual({ verified: 0, derived: 0, estimate: 21 });
      const note = (JSON.parse(readFileSync(`${RULES_DIR}/${id}.json`, 'utf8')) as { note: string }).note;
      expect(note, id).toMatch(/^Status estimate by issue 28's definition/);
      expect(note, id).toMatch(/Searched for the SFS text/);
    }
    expect(book.riksnorm.find((r) => r.data.id === 'riksnorm/2020')!.data.common[4]).toMatchObject({ amount: '1840', status: 'estimate', source: 'estimate-2020-common-5' });
    expect(book.riksnorm.find((r) => r.data.id === 'riksnorm/2023')!.data.common[1]).toMatchObject({ amount: '1250', status: 'estimate', source: 'engelholm-2023-items' });
  });
  it('each table names the SFS that set its amounts; where the text was not found, the file says what was searched', () => {
    const amending: Record<string, string[]> = {
      '2013-2015': ['2012:624', '2013:799', '2014:1551'],
      '2016': ['2015:580'],
      '2017': ['2016:906'],
      '2018': ['2017:1184'],
      '2019': ['2018:1787'],
      '2020': ['2019:630'],
      '2021': ['2020:1013'],
      '2022': ['2021:896'],
      '2023': ['2022:1436'],
      '2024': ['2023:630'],
      '2025-01': ['2024:1016'],
      '2025-07': ['2025:468'],
      '2026': ['2025:1046'],
    };
    expect(book.riksnorm.map((r) => r.file).sort()).toEqual(Object.keys(amending).map((k) => `riksnorm/${k}.json`).sort());
    for (const [name, numbers] of Object.entries(amending)) {
      const text = readFileSync(`${RULES_DIR}/riksnorm/${name}.json`, 'utf8');
      for (const n of numbers) expect(text, `${name}: SFS ${n}`).toContain(n);
      if (!['2021', '2025-07', '2026'].includes(name)) expect(text, name).toMatch(/not found/);
    }
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
  it('prisbasbelopp 2013–2027, each read in its förordning (2015 and 2027: the förordning was not found, the amount is read in two other sources)', () => {
    const expected: [number, number, string | null][] = [
      [2013, 44500, '2012:558'],
      [2014, 44400, '2013:715'],
      [2015, 44500, null],
      [2016, 44300, '2015:536'],
      [2017, 44800, '2016:863'],
      [2018, 45500, '2017:865'],
      [2019, 46500, '2018:1549'],
      [2020, 47300, '2019:572'],
      [2021, 47600, '2020:764'],
      [2022, 48300, '2021:866'],
      [2023, 52500, '2022:1398'],
      [2024, 57300, '2023:532'],
      [2025, 58800, '2024:663'],
      [2026, 59200, '2025:872'],
      [2027, 59600, null],
    ];
    const values = book.prisbasbelopp.data.values;
    expect(values.map((v) => Number(v.effectiveFrom.slice(0, 4)))).toEqual(expected.map(([y]) => y));
    for (const [year, amount, sfs] of expected) {
      const v = values.find((x) => x.effectiveFrom === `${year}-01-01`)!;
      expect([v.amount, v.status, v.effectiveTo], String(year)).toEqual([String(amount), 'verified', `${year}-12-31`]);
      const title = book.prisbasbelopp.data.sources[v.source]!.title;
      if (sfs !== null) expect(title, String(year)).toContain(`Förordning (${sfs}) om prisbasbelopp och förhöjt prisbasbelopp för år ${year}`);
      expect(title.replace(/ /g, ''), String(year)).toContain(String(amount));
    }
    expect(kr(at('2025-05').prisbasbelopp)).toBe(58800);
  });
});
