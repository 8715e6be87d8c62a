/**
 * Every year's riksnorm, 2013–2026 (socialtjänstförordningen (2001:937) 2 kap. 1 § until 2025-06-30, (2025:468)
 * 12 kap. 2 § from 2025-07-01): the total for a single adult and for a couple with two children, read off the
 * year's table, reproduces through the whole engine and from the resolved table; and the tables whose SFS text was
 * not read (status estimate, rules/CHANGELOG.md) still follow the construction and pass the cross-checks their sources
 * state, so an edited amount cannot go unnoticed.
 */
import { describe, expect, it } from 'vitest';
import { parseKronor } from '../../src/money/index.ts';
import { resolveRuleSet } from '../../src/rulebook/resolve.ts';
import { book, calc } from '../support/engine.ts';
import { applicant, child, household, partner } from '../support/households.ts';

const at = (period: string) => resolveRuleSet(book, { year: Number(period.slice(0, 4)), month: Number(period.slice(5)) }, null).riksnorm;
const kr = (p: { value: string }) => parseKronor(p.value)! / 100;

/**
 * Single adult = ensamstående + gemensamma 1 person; couple = sambor + a child 1–2 år + a child 4–6 år + gemensamma
 * 4 personer (the household of the published 2023 total). Typed from the year's source, not computed from rules/.
 */
const TOTALS: { period: string; source: string; single: number; couple: number }[] = [
  { period: '2013', source: 'Socialstyrelsen 2014 ("oförändrade i förhållande till 2013"): 2 950 + 930; 5 320 + 1 980 + 1 980 + 1 490', single: 3880, couple: 10770 },
  { period: '2014', source: 'Socialstyrelsen, riksnormen för 2014', single: 3880, couple: 10770 },
  { period: '2015', source: 'Socialstyrelsen, riksnormen för 2015', single: 3880, couple: 10770 },
  { period: '2016', source: '2015 + Socialstyrelsen\'s increments: 2 950 + 940; 5 320 + 2 080 + 2 080 + 1 500', single: 3890, couple: 10980 },
  { period: '2017', source: 'Socialstyrelsen 2017: 2 980 + 950; 5 370 + 2 100 + 2 100 + 1 520', single: 3930, couple: 11090 },
  { period: '2018', source: 'back from 2019 (+2 %): 3 030 + 970; 5 460 + 2 330 + 2 330 + 1 540', single: 4000, couple: 11660 },
  { period: '2019', source: 'Socialstyrelsen 2019: 3 090 + 990; 5 570 + 2 380 + 2 380 + 1 570', single: 4080, couple: 11900 },
  { period: '2020', source: '2019 + 1,9 %: 3 150 + 1 010; 5 680 + 2 430 + 2 430 + 1 600', single: 4160, couple: 12140 },
  { period: '2021', source: 'SFS 2020:1013: 3 160 + 1 020; 5 700 + 2 440 + 2 440 + 1 610', single: 4180, couple: 12190 },
  { period: '2022', source: 'Tranås (2022 table): 3 210 + 1 040; 5 800 + 2 480 + 2 480 + 1 640', single: 4250, couple: 12400 },
  { period: '2023', source: 'Engelholm; Tidningen Syre 2023-04-30: 2 vuxna + 2 barn = 13 490', single: 4620, couple: 13490 },
  { period: '2024', source: 'Socialstyrelsen provberäkning 5 030; 2023 + 8,7 %: 6 850 + 2 940 + 2 940 + 1 950', single: 5030, couple: 14680 },
  { period: '2025-01', source: 'SFS 2025:468 amounts (SFS 2024:1016 presumed equal): 3 910 + 1 270; 7 050 + 3 030 + 3 030 + 2 010', single: 5180, couple: 15120 },
  { period: '2025-07', source: 'SFS 2025:468 12 kap. 2 §', single: 5180, couple: 15120 },
  { period: '2026', source: 'SFS 2025:1046; regeringen.se "5 220 kr för en ensamstående person": 3 940 + 1 280; 7 100 + 3 060 + 3 060 + 2 030', single: 5220, couple: 15250 },
];

/** The first and last month of the table's window. */
const monthsOf = (period: string): string[] =>
  period === '2025-01' ? ['2025-01', '2025-06'] : period === '2025-07' ? ['2025-07', '2025-12'] : [`${period}-01`, `${period}-12`];

describe('the total for a single adult and for a couple with two children, every year 2013–2026', () => {
  for (const t of TOTALS) {
    for (const month of monthsOf(t.period)) {
      const year = Number(month.slice(0, 4));
      it(`${month}: ${t.single} and ${t.couple} kr (${t.source})`, () => {
        // From the table the engine resolves for the month.
        const r = at(month);
        const band = (name: string) => r.children.find((c) => c.band === name)!;
        expect(kr(r.single) + kr(r.common[0]!)).toBe(t.single);
        expect(kr(r.cohabiting) + kr(band('1-2').withLunch) + kr(band('4-6').withLunch) + kr(r.common[3]!)).toBe(t.couple);
        // Through the whole engine: a household in the contract's format, ages read on the first of the month.
        expect(calc(household(month, [applicant()])).norm.total).toBe(String(t.single));
        const family = household(month, [applicant(), partner(), child('c1', `${year - 2}-01-01`), child('c2', `${year - 5}-01-01`)]);
        expect(calc(family).norm.total).toBe(String(t.couple));
      });
    }
  }
});

type Row = Record<string, number>;
/** A table's 21 amounts in kronor: child bands (with lunch, then "u" without), single, cohabiting, gemensamma 1–7. */
function rowOf(id: string): Row {
  const f = book.riksnorm.find((r) => r.data.id === id)!.data;
  const row: Row = {};
  for (const c of f.children) {
    row[c.band] = Number(c.withLunch.amount);
    if (c.withoutLunch) row[`${c.band}u`] = Number(c.withoutLunch.amount);
  }
  row.single = Number(f.adults.single.amount);
  row.cohabiting = Number(f.adults.cohabiting.amount);
  for (const c of f.common) row[`common${c.persons}`] = Number(c.amount);
  return row;
}
/** amount × numerator / denominator to whole tens of kronor, in integers: rounded up, or to the nearest ten. */
const up = (a: number, num: number, den: number) => Math.ceil((a * num) / (den * 10)) * 10;
const nearest = (a: number, num: number, den: number) => Math.floor((2 * a * num + den * 10) / (den * 20)) * 10;
const raise = (row: Row, f: (a: number) => number): Row => Object.fromEntries(Object.entries(row).map(([k, a]) => [k, f(a)]));
const CHILD = ['0', '1-2', '3', '4-6', '7-10', '11-14', '15-18', '19-20'];
const differences = (got: Row, want: Row) => Object.keys(want).filter((k) => got[k] !== want[k]).map((k) => `${k}: ${got[k]} ≠ ${want[k]}`);

describe('the estimated tables still follow their construction and pass their cross-checks (rules/CHANGELOG.md)', () => {
  it('the rounding the SFS tables follow: the announced percentage, then up to the next ten (SFS 2025:468 × 1,007 = SFS 2025:1046, all 21)', () => {
    expect(differences(raise(rowOf('riksnorm/2025-07'), (a) => up(a, 1007, 1000)), rowOf('riksnorm/2026'))).toEqual([]);
  });
  it('2016 = 2015 + Socialstyrelsen\'s increments (+100 kr 0–6 år, +250 kr 7–20 år, +10 kr gemensamma); × 1,01 gives 2017', () => {
    const y2015 = rowOf('riksnorm/2013-2015');
    const plus = (k: string) => (['0', '1-2', '3', '4-6'].some((b) => k === b || k === `${b}u`) ? 100 : CHILD.includes(k) ? 250 : k.startsWith('common') ? 10 : 0);
    const y2016 = rowOf('riksnorm/2016');
    expect(differences(Object.fromEntries(Object.entries(y2015).map(([k, a]) => [k, a + plus(k)])), y2016)).toEqual([]);
    expect(differences(raise(y2016, (a) => nearest(a, 101, 100)), rowOf('riksnorm/2017'))).toEqual([]);
  });
  it('2018 × 1,02 to the nearest ten gives 2019 (Socialstyrelsen); 2017 × 1,016 (+200 kr a child) gives 2018', () => {
    const y2018 = rowOf('riksnorm/2018');
    expect(differences(raise(y2018, (a) => nearest(a, 102, 100)), rowOf('riksnorm/2019'))).toEqual([]);
    const from2017 = Object.fromEntries(Object.entries(rowOf('riksnorm/2017')).map(([k, a]) => [k, nearest(a, 1016, 1000) + (CHILD.includes(k.replace(/u$/, '')) ? 200 : 0)]));
    expect(differences(from2017, y2018)).toEqual([]);
  });
  it('2020 = 2019 × 1,019 to the nearest ten; × 1,0027 up gives SFS 2020:1013 except gemensamma 5 personer (1 840 or 1 850)', () => {
    const y2020 = rowOf('riksnorm/2020');
    expect(differences(raise(rowOf('riksnorm/2019'), (a) => nearest(a, 1019, 1000)), y2020)).toEqual([]);
    expect(differences(raise(y2020, (a) => up(a, 10027, 10000)), rowOf('riksnorm/2021'))).toEqual(['common5: 1850 ≠ 1860']);
  });
  it('2021 (SFS 2020:1013) × 1,0158 up gives 2022; 2022 × 1,086 up gives 2023; 2023 × 1,087 up gives 2024; 2024 × 1,028 up gives SFS 2025:468', () => {
    expect(differences(raise(rowOf('riksnorm/2021'), (a) => up(a, 10158, 10000)), rowOf('riksnorm/2022'))).toEqual([]);
    expect(differences(raise(rowOf('riksnorm/2022'), (a) => up(a, 1086, 1000)), rowOf('riksnorm/2023'))).toEqual([]);
    expect(differences(raise(rowOf('riksnorm/2023'), (a) => up(a, 1087, 1000)), rowOf('riksnorm/2024'))).toEqual([]);
    const y2025 = raise(rowOf('riksnorm/2024'), (a) => up(a, 1028, 1000));
    expect(differences(y2025, rowOf('riksnorm/2025-07'))).toEqual([]);
    expect(differences(y2025, rowOf('riksnorm/2025-01'))).toEqual([]);
  });
});
