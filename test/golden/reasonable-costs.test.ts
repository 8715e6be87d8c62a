/**
 * Skäliga kostnader utanför riksnormen (4 kap. 3 § första stycket 2 SoL (2001:453)) and costs for
 * livsföring i övrigt (4 kap. 1 §).
 */
import { describe, expect, it } from 'vitest';
import { calc, fixture } from '../support/engine.ts';
import { applicant, cost, household } from '../support/households.ts';

// The rådrum has passed in these cases (rentCeilingNotifiedOn months before); before it the actual rent is
// accepted (issue 20, test/golden/hard-cases.test.ts).
const told = (months: string, extra: Record<string, unknown> = {}) => ({ availableForWork: true, consecutiveMonthsOnAssistance: 0, rentCeilingNotifiedOn: months, rentCeilingBasis: 'kommunens riktlinjer', ...extra });

describe('rent against the reasonable level (rentCeiling), after the rådrum', () => {
  it('E2: rent 7 900 with the Högsby 2023 ceiling 7 416 → 7 416 accepted, 484 refused with a reason and the law', () => {
    const d = calc(fixture('e2-single-parent-rent-above-ceiling-2023.json'));
    expect(d.costs).toMatchObject({ claimed: '8530', accepted: '8046', refused: '484' });
    const rent = d.costs.items.find((i) => i.type === 'rent')!;
    expect(rent).toMatchObject({ claimed: '7900', accepted: '7416', code: 'RENT_ABOVE_CEILING', legalRef: '4 kap. 3 § första stycket 2 SoL (2001:453)', requiresAssessment: true });
    expect(rent.reason).toContain('484 kr avslås');
    expect(d.reasons.find((r) => r.code === 'RENT_ABOVE_CEILING')).toMatchObject({ amount: '484', legalRef: '4 kap. 3 § första stycket 2 SoL (2001:453)' });
  });
  it('without a ceiling the actual rent is accepted, and the trace says no ceiling was given', () => {
    const d = calc(household('2023-03', [applicant()], { costs: [cost('rent', '9000')] }));
    expect(d.costs.items[0]).toMatchObject({ accepted: '9000', code: 'RENT_NO_CEILING' });
  });
  it('several rent items share one ceiling, in order', () => {
    const d = calc(household('2023-03', [applicant()], { costs: [cost('rent', '5000'), cost('rent', '1500')], circumstances: told('2022-10-01', { rentCeiling: '6000' }) }));
    expect(d.costs.items.map((i) => i.accepted)).toEqual(['5000', '1000']);
  });
  it('in the new law the reason cites SoL (2025:400)', () => {
    const d = calc(household('2025-08', [applicant()], { costs: [cost('rent', '8000')], circumstances: told('2025-03-20', { rentCeiling: '7000' }) }));
    expect(d.reasons.find((r) => r.code === 'RENT_ABOVE_CEILING')!.legalRef).toContain('SoL (2025:400)');
  });
});

describe('other reasonable costs are accepted at the actual amount', () => {
  it('hushållsel, hemförsäkring, arbetsresor, fack- och a-kasseavgift', () => {
    const d = calc(household('2026-03', [applicant()], { costs: ['electricity', 'home-insurance', 'commuting', 'union-fee', 'unemployment-fund-fee'].map((t) => cost(t, '100.50')) }));
    expect(d.costs.accepted).toBe('502.50');
    expect(d.costs.items.every((i) => i.code === 'REASONABLE_COST' && !i.requiresAssessment)).toBe(true);
    expect(d.outcome).toBe('approve');
  });
});

describe('costs outside the norm (12 kap. 7 § SoL (2025:400)) are accepted when claimed with an amount and flagged for a person', () => {
  it.each(['childcare-fee', 'medical', 'dental', 'medicine', 'glasses', 'other'])('%s', (type) => {
    const d = calc(household('2026-03', [applicant()], { costs: [cost(type, '600')] }));
    expect(d.costs.items[0]).toMatchObject({ accepted: '600', code: 'ACCEPTED_FOR_ASSESSMENT', requiresAssessment: true });
    expect(d.costs.items[0]!.legalRef).toBe('12 kap. 1 § första stycket SoL (2025:400) (levnadskostnader i övrigt)');
    expect(d.flags.map((f) => f.code)).toContain('COST_NEEDS_ASSESSMENT');
    expect(d.requiresAssessment).toBe(true);
  });
  it('E3: förskoleavgift 600 is part of the accepted 9 490', () => {
    expect(calc(fixture('e3-couple-two-children-jobbstimulans-2023.json')).costs.accepted).toBe('9490');
  });
});

describe('unknown is not zero', () => {
  it('a cost claimed without an amount blocks the proposal and names the field', () => {
    const d = calc(household('2026-03', [applicant()], { costs: [cost('dental', null), cost('rent', '5000')] }));
    expect(d.outcome).toBe('needs-information');
    expect([d.costs.accepted, d.need, d.payable]).toEqual([null, null, null]);
    expect(d.needsInformation).toContainEqual(expect.objectContaining({ code: 'COST_AMOUNT_MISSING', field: 'costs[0].amount', blocking: true }));
    expect(d.decisionText).toMatch(/^BEGÄRAN OM KOMPLETTERING\n/);
    expect(d.decisionText).toContain('Vi behöver fler uppgifter för att kunna pröva din ansökan.');
  });
});
