/**
 * Barnkonsekvens (the prompts of rules/barnkonsekvens.json): every household with children carries the child section;
 * a partial or deny proposal says, per child, the effect in kronor and what must be answered.
 */
import { describe, expect, it } from 'vitest';
import { calc, fixture } from '../support/engine.ts';

describe('the child section', () => {
  it('E2 (delvis bifall): the 484 kr refused rent is shared by days among the three household members', () => {
    const c = calc(fixture('e2-single-parent-rent-above-ceiling-2023.json')).childImpact!;
    expect(c.children).toEqual(['c1', 'c2']);
    expect(c.effectOfRefusal).toBe('484');
    expect(c.perChild.map((p) => [p.memberId, p.age, p.norm, p.effect])).toEqual([
      ['c1', 8, '3380', '161.33'], // 48 400 öre ÷ 3: the applicant, first, takes the odd öre
      ['c2', 12, '3890', '161.33'],
    ]);
    expect(c.requiresAssessment).toBe(true);
    const prompt = (id: string) => c.prompts.find((p) => p.id === id)!;
    expect(prompt('housing').data).toContain('484 kr avslås');
    expect(prompt('consequences').requiresAnswer).toBe(true);
    expect(prompt('alternatives').requiresAnswer).toBe(true);
    expect(prompt('weighing').requiresAnswer).toBe(true);
    expect(prompt('child-view').data).toBeNull(); // only a person can fill this in
    expect(c.alternatives.map((a) => a.code)).toEqual(['LONGER_RADRUM', 'HOUSING_SUPPORT', 'CHILD_RELATED_ITEMS']);
    expect(c.legalRefs[0]).toBe('1 kap. 2 § SoL (2001:453)');
  });
  it('all eleven prompts are there, numbered, with the question in Swedish and its source', () => {
    const c = calc(fixture('e3-couple-two-children-jobbstimulans-2023.json')).childImpact!;
    expect(c.prompts.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(c.prompts.every((p) => p.question.length > 20 && p.source.length > 5)).toBe(true);
  });
  it('bifall: present, nothing required, no refusal effect', () => {
    const c = calc(fixture('e3-couple-two-children-jobbstimulans-2023.json')).childImpact!;
    expect(c.requiresAssessment).toBe(false);
    expect(c.perChild.every((p) => p.effect === null)).toBe(true);
    expect(c.prompts.some((p) => p.requiresAnswer)).toBe(false);
    expect(c.prompts.find((p) => p.id === 'school')!.data).toContain('Avgift för förskola/fritidshem');
  });
  it('a part-month child: the contact prompt says how many days, the effect share follows the days', () => {
    const d = calc(fixture('contract-example.json'));
    const c = d.childImpact!;
    expect(c.prompts.find((p) => p.id === 'contact')!.data).toContain('c2 bor här 15 av 31 dagar');
    const share = (id: string) => Number(c.perChild.find((p) => p.memberId === id)!.effect);
    expect(share('c2')).toBeLessThan(share('c1'));
  });
  // Issue 20: no refusal by the engine on the labour-market condition; a person chooses between the alternatives.
  it('X1 (labour market, a person decides): the adult’s part refused with the children’s kept is an alternative, and long-term aid is noted', () => {
    const c = calc(fixture('x1-not-at-labour-market-disposal-with-children-2026.json')).childImpact!;
    const part = c.alternatives.find((a) => a.code === 'LABOUR_MARKET_REFUSE_ADULT_PART')!;
    expect(Number(part.amount)).toBeGreaterThan(0);
    expect(c.alternatives.map((a) => a.code)).toEqual(['LABOUR_MARKET_REFUSE_ADULT_PART', 'LABOUR_MARKET_REDUCE', 'LABOUR_MARKET_REASON_ACCEPTED', 'PLAN_FOR_LABOUR_MARKET']);
    expect(c.longTerm).toBe(true);
    expect(c.prompts.find((p) => p.id === 'leisure')!.data).toContain('Fritidsaktivitet (c1)');
  });
  it('a household without children has no child section', () => {
    expect(calc(fixture('e4-couple-income-covers-need-avslag-2023.json')).childImpact).toBeNull();
  });
});
