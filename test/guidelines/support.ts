/** Rule sets with a municipality's guideline for tests: the real rules/ with one guideline set in. */
import type { Guideline, GuidelineSourced, RuleSet, VersionedRuleSet } from '../../src/rulebook/types.ts';
import type { RuleSetProvider } from '../../src/index.ts';
import { rulesFor } from '../support/engine.ts';

export const TEST_SOURCE = { key: 'test-guideline', title: 'A guideline written for this test' };
export const sourced = (status: GuidelineSourced['status'] = 'verified'): GuidelineSourced => ({ status, source: TEST_SOURCE });

/** A guideline of Testkommun: every kind of value, each part verified unless overridden. */
export function testGuideline(over: Partial<Guideline> = {}): Guideline {
  return {
    id: 'municipal/9999#guideline',
    decision: { body: 'Socialnämnden i Testkommun', date: '2025-11-20', reference: '§ 142', title: 'Riktlinjer för ekonomiskt bistånd 2026', ...sourced() },
    rentCeiling: {
      basis: 'household-table',
      title: 'skälig hyra 2026',
      table: [
        { adults: 1, children: 0, amount: '6000', under25: false },
        { adults: 2, children: 0, amount: '7000', under25: false },
        { adults: 1, children: 1, amount: '7500', under25: false },
        { adults: 2, children: 1, amount: '8500', under25: false },
        { adults: 1, children: 0, amount: '5000', under25: true },
      ],
      perFurtherChild: '1200',
      rooms: [],
      roomsFor: [],
      excludes: ['parking', 'garage', 'storage'],
      includes: ['heating'],
      ...sourced(),
    },
    costCeilings: {
      electricity: { amounts: [{ persons: 1, amount: '400' }, { persons: 3, amount: '700' }], overCeiling: 'refuse', ...sourced() },
      'home-insurance': { amounts: [{ persons: 1, amount: '200' }], overCeiling: 'person', ...sourced() },
    },
    longTermMonths: { id: 'municipal/9999#guideline-long-term-months', value: 10, status: 'verified', source: TEST_SOURCE },
    items: {
      'childcare-fee': { longTermOnly: false, costEstimateRequired: false, reference: '1688', referenceText: 'maxtaxan', reviewAbove: null, ...sourced() },
      glasses: { longTermOnly: true, costEstimateRequired: false, reference: '1500', referenceText: 'kommunens prisnivå för glasögon', reviewAbove: null, ...sourced() },
      dental: { longTermOnly: false, costEstimateRequired: true, reference: null, referenceText: 'Folktandvårdens priser', reviewAbove: '10000', ...sourced() },
      medicine: { longTermOnly: false, costEstimateRequired: false, reference: null, referenceText: 'högkostnadsskyddet', reviewAbove: '1000', ...sourced() },
    },
    supplements: [],
    ...over,
  };
}

/** The real rule set for the month with the guideline set in (same version string: the test compares decisions). */
export function withGuideline(guideline: Guideline | null): RuleSetProvider {
  const cache = new Map<string, VersionedRuleSet>();
  return (period, municipality, decidedOn) => {
    const base = rulesFor(period, municipality, decidedOn);
    const key = `${base.version}`;
    let v = cache.get(key);
    if (v === undefined) {
      const rules: RuleSet = { ...base.rules, municipal: { ...base.rules.municipal, ...(guideline === null ? {} : { guideline }) } };
      v = { version: base.version, rules };
      cache.set(key, v);
    }
    return v;
  };
}

/** Every part of a guideline set to pending: the calculation must use none of it. */
export function allPending(g: Guideline): Guideline {
  const p = <T extends GuidelineSourced>(x: T): T => ({ ...x, status: 'pending' });
  return {
    ...g,
    decision: p(g.decision),
    rentCeiling: g.rentCeiling === null ? null : p(g.rentCeiling),
    costCeilings: Object.fromEntries(Object.entries(g.costCeilings).map(([k, c]) => [k, p(c)])),
    items: Object.fromEntries(Object.entries(g.items).map(([k, i]) => [k, p(i)])),
  };
}
