/**
 * Riksnormen (4 kap. 3 § första stycket 1 SoL (2001:453) / 12 kap. 7 § SoL (2025:400);
 * socialtjänstförordningen 2 kap. 1 §): the published tables and the worked examples (fixtures E1–E8) reproduce through the engine.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRulebook, RuleSetCache } from '../../src/index.ts';
import { calc, fixture, RULES_DIR, evaluateRendered } from '../support/engine.ts';
import { applicant, child, household } from '../support/households.ts';

const memberAmount = (d: ReturnType<typeof calc>, id: string) => d.norm.members.find((m) => m.memberId === id)?.amount;

describe('published totals through the whole engine', () => {
  it('P5: 2026 single 5 220 kr and couple 8 510 kr', () => {
    expect(calc(household('2026-05', [applicant()])).norm.total).toBe('5220');
    expect(calc(fixture('p5-couple-2026.json')).norm.total).toBe('8510');
  });
  it('P4: 2024 single 5 030 kr', () => {
    expect(calc(fixture('p4-single-adult-2024.json')).payable).toBe('5030');
  });
  it('P3/E3: 2023 two adults + children 2 and 5 years, 13 490 kr', () => {
    expect(calc(fixture('e3-couple-two-children-jobbstimulans-2023.json')).norm.total).toBe('13490');
  });
  it('E8: 2026 single adult with rent 6 000 and electricity 400: 11 620 kr', () => {
    const d = calc(fixture('e8-single-adult-2026.json'));
    expect([d.norm.total, d.need, d.payable, d.outcome]).toEqual(['5220', '11620', '11620', 'approve']);
  });
});

describe('adult who is not a sambo: ensamstående + equal share of the gemensamma, reported separately', () => {
  it('P1 2014: 1 710 ÷ 5 + 2 950 = 3 292', () => {
    expect(calc(fixture('p1-other-adult-five-persons-2014.json')).norm.separate).toEqual([
      { memberId: 'o1', reason: 'OTHER_ADULT', personal: '2950', commonShare: '342', amount: '3292' },
    ]);
  });
  it('P2 2017: 1 740 ÷ 5 + 2 980 = 3 328', () => {
    expect(calc(fixture('p2-other-adult-five-persons-2017.json')).norm.separate[0]!.amount).toBe('3328');
  });
  it('E7 2023: 2 060 ÷ 5 + 3 490 = 3 902, and the family keeps 4/5 of the gemensamma', () => {
    const d = calc(fixture('e7-other-adult-in-five-person-household-2023.json'));
    expect(d.norm.separate[0]!.amount).toBe('3902');
    expect(d.norm.common).toBe('1648'); // 2 060 − 412
    expect(d.norm.householdSize).toBe(5);
    expect(d.flags.map((f) => f.code)).toContain('OTHER_ADULT_IN_HOUSEHOLD');
  });
});

describe('children: age bands, lunch at förskola, school youths', () => {
  it('E2 2023: single parent + children 8 and 12 = 3 490 + 3 380 + 3 890 + 1 580 = 12 340', () => {
    const d = calc(fixture('e2-single-parent-rent-above-ceiling-2023.json'));
    expect(d.norm.total).toBe('12340');
    expect(memberAmount(d, 'c1')).toBe('3380');
    expect(memberAmount(d, 'c2')).toBe('3890');
    expect(d.norm.common).toBe('1580');
  });
  it('"utan lunch" for a child 0–6 at förskola (2021, verified): 2 år 2 240 instead of 2 440', () => {
    const h = (lunch: boolean) => household('2021-05', [applicant(), child('c1', '2019-02-10', lunch ? { lunchOutsideHome: true } : {})]);
    expect(memberAmount(calc(h(false)), 'c1')).toBe('2440');
    expect(memberAmount(calc(h(true)), 'c1')).toBe('2240');
  });
  it('"utan lunch" does not apply from 7 years: the norm already assumes school lunch, and the input gets a warning', () => {
    const d = calc(household('2021-05', [applicant(), child('c1', '2012-02-10', { lunchOutsideHome: true })]));
    expect(memberAmount(d, 'c1')).toBe('3060');
    expect(d.warnings.map((w) => w.path)).toContain('members[1].lunchOutsideHome');
  });
  it('E5: a school youth 19–20 gets the youth norm: 3 490 + 4 430 + 1 250 = 9 170', () => {
    expect(calc(fixture('e5-school-youth-summer-job-2023.json')).norm.total).toBe('9170');
  });
  it('a youth 18–20 who is not in school is their own case, not part of the family norm', () => {
    const d = calc(household('2023-05', [applicant(), child('y1', '2004-01-01', { inSchool: false })]));
    expect(d.norm.total).toBe('4115'); // 3 490 + 1 250 × 1/2
    expect(d.norm.separate).toEqual([{ memberId: 'y1', reason: 'YOUTH_NOT_IN_SCHOOL', personal: '3490', commonShare: '625', amount: '4115' }]);
  });
  it('an 18-year-old in school takes the 15–18 band; one whose schooling is unknown blocks the proposal', () => {
    expect(memberAmount(calc(household('2023-05', [applicant(), child('y1', '2005-01-01', { inSchool: true })])), 'y1')).toBe('4390');
    const d = calc(household('2023-05', [applicant(), child('y1', '2005-01-01')]));
    expect(d.outcome).toBe('needs-information');
    expect(d.norm.total).toBeNull();
    expect(d.needsInformation.map((n) => [n.field, n.blocking])).toContainEqual(['members[1].inSchool', true]);
  });
});

describe('birthdays: the band is read on the first day of the month', () => {
  const h = (period: string) => household(period, [applicant(), child('c1', '2016-03-15')]);
  it('a child who turns 7 on 15 March 2023 keeps the 4–6 amount in March and gets 7–10 from April', () => {
    expect(memberAmount(calc(h('2023-03')), 'c1')).toBe('2700');
    expect(memberAmount(calc(h('2023-04')), 'c1')).toBe('3380');
  });
  it('a child born during the month counts from age 0', () => {
    expect(memberAmount(calc(household('2023-03', [applicant(), child('c1', '2023-03-20')])), 'c1')).toBe('2420');
  });
});

describe('växelvis boende (SOSFS 2013:1): personal costs by days', () => {
  it('E6 option A (default): 3 490 + 3 380 × 15/30 + 1 250 = 6 430', () => {
    const d = calc(fixture('e6-child-alternating-residence-2023.json'));
    expect(memberAmount(d, 'c1')).toBe('1690');
    expect(d.norm.total).toBe('6430');
  });
  it('pro-rates to öre when the month has 31 days: 3 380 × 15/31 = 1 635,48', () => {
    const d = calc(household('2023-03', [applicant(), child('c1', '2015-01-10', { daysInHousehold: 15 })]));
    expect(memberAmount(d, 'c1')).toBe('1635.48');
  });
  it('a child with 0 days this month has no norm and does not count for household size', () => {
    const d = calc(household('2023-04', [applicant(), child('c1', '2015-01-10', { daysInHousehold: 0 })]));
    expect(d.norm.total).toBe('4620');
    expect(d.childImpact?.children).toEqual(['c1']);
  });

  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  it('E6 option B (a municipality that pro-rates the household-size step): 1 130 + 120 × 15/30 = 1 190, total 6 370', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rules-'));
    dirs.push(dir);
    cpSync(RULES_DIR, dir, { recursive: true });
    const municipal = JSON.parse(JSON.stringify(loadRulebook(RULES_DIR).municipal.get('default')!.data));
    municipal.id = 'municipal/9999';
    municipal.values[0].partMonthChildHouseholdSize.value = 'pro-rated';
    writeFileSync(join(dir, 'municipal', '9999.json'), JSON.stringify(municipal));
    const cache = new RuleSetCache(loadRulebook(dir));
    const result = evaluateRendered({ ...fixture('e6-child-alternating-residence-2023.json'), municipality: '9999' }, (p, m, d) => cache.get(p, m, d));
    expect(result.ok && [result.decision.norm.common, result.decision.norm.total]).toEqual(['1190', '6370']);
  });
});

describe('households above 7 persons', () => {
  it('9 persons in 2021: 2 270 + 2 × (2 270 − 2 100) = 2 610', () => {
    const d = calc(fixture('x4-large-household-nine-persons-2021.json'));
    expect(d.norm.householdSize).toBe(9);
    expect(d.norm.common).toBe('2610');
    expect(d.norm.total).toBe('30770');
  });
});
