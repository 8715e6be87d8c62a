/**
 * The municipality's guideline (issue 24; src/costs/guideline.ts): one golden case per kind of value —
 * a rent ceiling by household table, by Försäkringskassan's average and by rooms, under 25 and further
 * children; a fixed ceiling refused above or left to a person; an item of livsföring i övrigt that meets
 * its conditions or not; a pending part never used.
 */
import { describe, expect, it } from 'vitest';
import type { Decision } from '../../src/explain/contract.ts';
import type { RuleSetProvider } from '../../src/index.ts';
import { cache, evaluateRendered } from '../support/engine.ts';
import { applicant, child, cost, household, partner } from '../support/households.ts';
import { testGuideline, withGuideline } from './support.ts';

function calcWith(provider: RuleSetProvider, raw: unknown): Decision {
  const r = evaluateRendered(raw, provider);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.code}`).join('\n'));
  return r.decision;
}
const example = (name: string): RuleSetProvider => (period, _m, decidedOn) => cache.get(period, `examples/${name}`, decidedOn);
const TEST = withGuideline(testGuideline());
const circ = (extra: Record<string, unknown> = {}) => ({ availableForWork: true, consecutiveMonthsOnAssistance: 14, ...extra });
const rentOf = (d: Decision) => d.costs.items.find((i) => i.type === 'rent')!;

describe('rent ceiling from the guideline when none is typed', () => {
  it('household table: one adult, rent 5 800 within 6 000 → accepted without a flag, the reason cites the nämnd and its decision', () => {
    const d = calcWith(TEST, household('2026-03', [applicant()], { costs: [cost('rent', '5800')], circumstances: circ() }));
    expect(rentOf(d)).toMatchObject({ accepted: '5800', code: 'RENT_WITHIN_CEILING', requiresAssessment: false });
    expect(rentOf(d).reason).toContain('6 000 kr');
    expect(rentOf(d).reason).toContain('Socialnämnden i Testkommun, beslut 2025-11-20 § 142, Riktlinjer för ekonomiskt bistånd 2026');
    expect(rentOf(d).reason).toContain('hyran räknas utan parkering, garage och extra förråd');
    expect(d.outcome).toBe('approve');
    expect(d.requiresAssessment).toBe(false);
  });
  it('a typed ceiling still wins over the table', () => {
    const d = calcWith(TEST, household('2026-03', [applicant()], { costs: [cost('rent', '5800')], circumstances: circ({ rentCeiling: '5500', rentCeilingBasis: 'handläggarens bedömning', rentCeilingNotifiedOn: '2025-09-01' }) }));
    expect(rentOf(d)).toMatchObject({ accepted: '5500', code: 'RENT_ABOVE_CEILING' });
  });
  it('further children: two adults and three children → 8 500 + 2 × 1 200 = 10 900', () => {
    const kids = [child('c1', '2015-01-01'), child('c2', '2017-01-01'), child('c3', '2019-01-01')];
    const d = calcWith(TEST, household('2026-03', [applicant(), partner(), ...kids], { costs: [cost('rent', '10900')], circumstances: circ() }));
    expect(rentOf(d)).toMatchObject({ accepted: '10900', code: 'RENT_WITHIN_CEILING' });
    expect(rentOf(d).reason).toContain('10 900 kr');
  });
  it('under 25: the lower row (5 000) applies when every adult is under 25', () => {
    const d = calcWith(TEST, household('2026-03', [applicant('2003-05-01')], { costs: [cost('rent', '5400')], circumstances: circ({ rentCeilingNotifiedOn: '2025-10-01' }) }));
    expect(rentOf(d)).toMatchObject({ claimed: '5400', accepted: '5000', code: 'RENT_ABOVE_CEILING' });
    expect(d.reasons.find((r) => r.code === 'RENT_ABOVE_CEILING')).toMatchObject({ amount: '400' });
  });
  it('above the table and not yet told: the actual rent is accepted during the rådrum and a person is asked, as with a typed ceiling', () => {
    const d = calcWith(TEST, household('2026-03', [applicant()], { costs: [cost('rent', '6500')], circumstances: circ() }));
    expect(rentOf(d)).toMatchObject({ accepted: '6500', code: 'RENT_ABOVE_CEILING_ACCEPTED', requiresAssessment: true });
    expect(d.flags.map((f) => f.code)).toContain('RENT_ABOVE_CEILING');
  });
  it('Försäkringskassan\'s average (Malmö 2019 example): two adults and four children → 9 425 + 2 × 1 800 = 13 025', () => {
    const kids = [child('c1', '2008-01-01'), child('c2', '2010-01-01'), child('c3', '2012-01-01'), child('c4', '2014-01-01')];
    const d = calcWith(example('malmo-2019'), household('2019-06', [applicant(), partner(), ...kids], { costs: [cost('rent', '13025')], circumstances: circ() }));
    expect(rentOf(d)).toMatchObject({ accepted: '13025', code: 'RENT_WITHIN_CEILING' });
    expect(rentOf(d).reason).toContain('Försäkringskassans genomsnittliga boendekostnad för Stormalmö (FKFS 2018:10)');
  });
  it('by rooms (Trelleborg 2019 example): a single parent with two children → 3 rum och kök, 7 803', () => {
    const d = calcWith(example('trelleborg-2019'), household('2019-06', [applicant(), child('c1', '2012-01-01'), child('c2', '2014-01-01')], { costs: [cost('rent', '8000')], circumstances: circ({ rentCeilingNotifiedOn: '2018-12-01' }) }));
    expect(rentOf(d)).toMatchObject({ accepted: '7803', code: 'RENT_ABOVE_CEILING' });
    expect(rentOf(d).reason).toContain('3 rum och kök (80 m²)');
  });
  it('by household (Uddevalla 2020 example): one adult → 5 125', () => {
    const d = calcWith(example('uddevalla-2020'), household('2020-06', [applicant()], { costs: [cost('rent', '5125')], circumstances: circ() }));
    expect(rentOf(d)).toMatchObject({ accepted: '5125', code: 'RENT_WITHIN_CEILING' });
    expect(rentOf(d).reason).toContain('hyran räknas utan hushållsel och parkering');
  });
  it('an example is of its year only: a month outside it has no municipal policy', () => {
    expect(() => cache.get({ year: 2026, month: 3 }, 'examples/trelleborg-2019', null)).toThrow(/no municipal policy/);
  });
});

describe('fixed ceilings per cost type', () => {
  it('within the ceiling: accepted without a flag, citing the guideline', () => {
    const d = calcWith(TEST, household('2026-03', [applicant()], { costs: [cost('electricity', '350')], circumstances: circ() }));
    expect(d.costs.items[0]).toMatchObject({ accepted: '350', code: 'COST_WITHIN_GUIDELINE', requiresAssessment: false });
    expect(d.costs.items[0]!.reason).toContain('Socialnämnden i Testkommun');
    expect(d.outcome).toBe('approve');
  });
  it('by household size: three persons get the 700 row', () => {
    const d = calcWith(TEST, household('2026-03', [applicant(), partner(), child('c1', '2020-01-01')], { costs: [cost('electricity', '650')], circumstances: circ() }));
    expect(d.costs.items[0]).toMatchObject({ accepted: '650', code: 'COST_WITHIN_GUIDELINE' });
  });
  it('above a ceiling the guideline refuses: the excess is refused with the reason', () => {
    const d = calcWith(TEST, household('2026-03', [applicant()], { costs: [cost('electricity', '520')], circumstances: circ() }));
    expect(d.costs.items[0]).toMatchObject({ claimed: '520', accepted: '400', code: 'COST_ABOVE_GUIDELINE' });
    expect(d.reasons.find((r) => r.code === 'COST_ABOVE_GUIDELINE')).toMatchObject({ amount: '120' });
    expect(d.outcome).toBe('partial');
    // The decision text gives the refusal's reason with the nämnd's decision.
    expect(d.decisionText).toContain('Resten, 120 kr, beviljas inte');
    expect(d.decisionText).toContain('Socialnämnden i Testkommun, beslut 2025-11-20 § 142');
  });
  it('above a ceiling the guideline leaves to a person: accepted as claimed and flagged', () => {
    const d = calcWith(TEST, household('2026-03', [applicant()], { costs: [cost('home-insurance', '260')], circumstances: circ() }));
    expect(d.costs.items[0]).toMatchObject({ accepted: '260', code: 'ACCEPTED_FOR_ASSESSMENT', requiresAssessment: true });
    expect(d.flags.map((f) => f.code)).toContain('COST_NEEDS_ASSESSMENT');
  });
  it('a cost type without a ceiling in the guideline is as today', () => {
    const d = calcWith(TEST, household('2026-03', [applicant()], { costs: [cost('commuting', '900')], circumstances: circ() }));
    expect(d.costs.items[0]).toMatchObject({ accepted: '900', code: 'REASONABLE_COST' });
  });
});

describe('items of livsföring i övrigt under the guideline\'s conditions', () => {
  it('met (childcare fee within maxtaxan): accepted without a flag', () => {
    const d = calcWith(TEST, household('2026-03', [applicant(), child('c1', '2022-01-01')], { costs: [cost('childcare-fee', '1200')], circumstances: circ() }));
    expect(d.costs.items[0]).toMatchObject({ accepted: '1200', code: 'ITEM_WITHIN_GUIDELINE', requiresAssessment: false });
    expect(d.costs.items[0]!.reason).toContain('maxtaxan');
    expect(d.flags.map((f) => f.code)).not.toContain('COST_NEEDS_ASSESSMENT');
  });
  it('above the reference: to a person', () => {
    const d = calcWith(TEST, household('2026-03', [applicant(), child('c1', '2022-01-01')], { costs: [cost('childcare-fee', '1900')], circumstances: circ() }));
    expect(d.costs.items[0]).toMatchObject({ accepted: '1900', code: 'ACCEPTED_FOR_ASSESSMENT', requiresAssessment: true });
    expect(d.costs.items[0]!.reason).toContain('högre än riktlinjens nivå 1 688 kr');
  });
  it('long-term only: 14 months → accepted; 4 months → a person', () => {
    const long = calcWith(TEST, household('2026-03', [applicant()], { costs: [cost('glasses', '1400')], circumstances: circ() }));
    expect(long.costs.items[0]).toMatchObject({ code: 'ITEM_WITHIN_GUIDELINE' });
    const short = calcWith(TEST, household('2026-03', [applicant()], { costs: [cost('glasses', '1400')], circumstances: circ({ consecutiveMonthsOnAssistance: 4 }) }));
    expect(short.costs.items[0]).toMatchObject({ code: 'ACCEPTED_FOR_ASSESSMENT', requiresAssessment: true });
    expect(short.costs.items[0]!.reason).toContain('långvarigt bistånd');
  });
  it('a cost estimate required: always a person', () => {
    const d = calcWith(TEST, household('2026-03', [applicant()], { costs: [cost('dental', '800')], circumstances: circ() }));
    expect(d.costs.items[0]).toMatchObject({ code: 'ACCEPTED_FOR_ASSESSMENT' });
    expect(d.costs.items[0]!.reason).toContain('kostnadsförslag');
  });
  it('above the review threshold: a person', () => {
    const d = calcWith(TEST, household('2026-03', [applicant()], { costs: [cost('medicine', '1200')], circumstances: circ() }));
    expect(d.costs.items[0]).toMatchObject({ code: 'ACCEPTED_FOR_ASSESSMENT' });
    expect(d.costs.items[0]!.reason).toContain('särskild prövning');
  });
  it('an item the guideline does not name is as today', () => {
    const d = calcWith(TEST, household('2026-03', [applicant()], { costs: [cost('other', '300')], circumstances: circ() }));
    expect(d.costs.items[0]).toMatchObject({ code: 'ACCEPTED_FOR_ASSESSMENT' });
  });
});

describe('a pending part is never used', () => {
  it('a pending rent table gives no ceiling; a pending item goes to a person', () => {
    const g = testGuideline();
    const provider = withGuideline({ ...g, rentCeiling: { ...g.rentCeiling!, status: 'pending' }, items: { ...g.items, 'childcare-fee': { ...g.items['childcare-fee']!, status: 'pending' } } });
    const d = calcWith(provider, household('2026-03', [applicant(), child('c1', '2022-01-01')], { costs: [cost('rent', '9000'), cost('childcare-fee', '1200')], circumstances: circ() }));
    expect(d.costs.items.map((i) => i.code)).toEqual(['RENT_NO_CEILING', 'ACCEPTED_FOR_ASSESSMENT']);
  });
});
