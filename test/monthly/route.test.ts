/**
 * Routing rules (golden) and properties: an unchanged approval is ready; a block/assessment flag is
 * never ready; a refusal is never ready nor automated; routing never changes the amounts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Decision, RenderedFlag as Flag } from '../../src/explain/contract.ts';
import { proposeMonthly, type PreviousDecision } from '../../src/monthly/propose.ts';
import { route } from '../../src/monthly/route.ts';
import type { RuleSet } from '../../src/rulebook/types.ts';
import { household as householdArb } from '../support/arbitraries.ts';
import { calc, fixture, letterFor, rulesFor } from '../support/engine.ts';
import { parsePeriod } from '../../src/period/index.ts';

const rulesOf = (d: Decision): RuleSet => rulesFor(parsePeriod(d.period)!, d.municipality).rules;
const withDelegation = (r: RuleSet): RuleSet => ({
  ...r,
  municipal: { ...r.municipal, automatedDecisionDelegation: { id: 'municipal/test#automated-decision-delegation', value: 'Socialnämnden 2026-01-20 § 5', status: 'verified', source: { key: 'test', title: 'test' } } },
});
const membersOf = (raw: Record<string, unknown>) => (raw['members'] as { id: string; role: string }[]).map((m) => ({ id: m.id, role: m.role }));
const previousOf = (raw: Record<string, unknown>, d: Decision): PreviousDecision => ({ decisionId: 'D-00000001-0000000000000000', period: '2026-02', members: membersOf(raw), decision: d });

/** A single adult with rent, approved with nothing to assess (the fixture E8, 2026). */
const clean = fixture('e8-single-adult-2026.json');
const flag = (code: string, severity: string): Flag => ({ code, severity, legalRef: 'x', text: 'x', message: { key: 'flag.RENT_ARREARS', args: {} } }) as unknown as Flag;

describe('routing rules (golden)', () => {
  const d = calc(clean);
  it('the clean approval is the baseline: approve, nothing to assess', () => {
    expect(d.outcome).toBe('approve');
    expect(route(d, [])).toEqual({ to: 'ready', reasons: [] });
  });
  it('deny and partial are never ready', () => {
    expect(route({ ...d, outcome: 'deny' }, [])).toEqual({ to: 'caseworker', reasons: ['OUTCOME_DENY'] });
    expect(route({ ...d, outcome: 'partial' }, [])).toEqual({ to: 'caseworker', reasons: ['OUTCOME_PARTIAL'] });
  });
  it('anything missing goes to a caseworker, blocking or not', () => {
    expect(route({ ...d, outcome: 'needs-information' }, []).reasons).toEqual(['NEEDS_INFORMATION']);
    const missing: Decision['needsInformation'] = [{ code: 'JOBBSTIMULANS_UNKNOWN', field: 'f', blocking: false, text: '', message: { key: 'needs.JOBBSTIMULANS_UNKNOWN', args: {} } }];
    expect(route({ ...d, needsInformation: missing }, []).reasons).toEqual(['NEEDS_INFORMATION']);
  });
  it('a flag of severity block or assessment goes to a caseworker under its code; warning and info do not', () => {
    expect(route({ ...d, flags: [flag('SSBTEK_READ_FAILED', 'block')] }, [])).toEqual({ to: 'caseworker', reasons: ['SSBTEK_READ_FAILED'] });
    expect(route({ ...d, flags: [flag('RENT_ARREARS', 'assessment')] }, [])).toEqual({ to: 'caseworker', reasons: ['RENT_ARREARS'] });
    expect(route({ ...d, flags: [flag('LONG_TERM_ASSISTANCE', 'warning'), flag('NOTE', 'info')] }, [])).toEqual({ to: 'ready', reasons: [] });
  });
  it('something to assess without a flag is REQUIRES_ASSESSMENT', () => {
    expect(route({ ...d, requiresAssessment: true }, []).reasons).toEqual(['REQUIRES_ASSESSMENT']);
  });
  it('a change beyond its threshold goes to a caseworker with its code', () => {
    expect(route(d, [{ step: 'monthly.cost', code: 'COST_CHANGED', subject: 'rent', previous: '6000', current: '6100' }])).toEqual({ to: 'caseworker', reasons: ['COST_CHANGED'] });
  });
});

describe('proposals: recommend and automatic mode', () => {
  const d = calc(clean);
  const prev = previousOf(clean, d);
  it('recommend mode: ready is a recommendation, the text still says a caseworker decides', () => {
    const p = proposeMonthly({ decision: d, members: membersOf(clean), previous: prev, receivedOn: '2026-03-30', mode: 'recommend', rules: rulesOf(d) });
    expect(p.routing).toEqual({ to: 'ready', reasons: [], previousDecisionId: prev.decisionId, dueOn: '2026-04-07', receivedOn: '2026-03-30', mode: 'recommend', automated: false, delegation: null });
    expect(p.decisionText).toBe(d.decisionText);
  });
  it('automatic mode without a delegation sends the ready case to a person', () => {
    const p = proposeMonthly({ decision: d, members: membersOf(clean), previous: prev, receivedOn: null, mode: 'automatic', rules: rulesOf(d) });
    expect(p.routing).toMatchObject({ to: 'caseworker', reasons: ['NO_AUTOMATED_DECISION_DELEGATION'], automated: false, dueOn: null });
  });
  it('automatic mode with a delegation: decision text names the delegation, 28 § FL, a person’s review and the appeal', () => {
    const p = proposeMonthly({ decision: d, members: membersOf(clean), previous: prev, receivedOn: '2026-03-30', mode: 'automatic', rules: withDelegation(rulesOf(d)), letterFor: letterFor(clean) });
    expect(p.routing).toMatchObject({ to: 'ready', automated: true, delegation: 'Socialnämnden 2026-01-20 § 5' });
    expect(p.decisionText.split('\n')[0]).toBe('BESLUT');
    expect(p.decisionText).toContain('Socialnämnden 2026-01-20 § 5');
    expect(p.decisionText).toContain('28 § förvaltningslagen (2017:900)');
    expect(p.decisionText).toContain('Du kan be att en handläggare prövar beslutet');
    expect(p.decisionText).toContain('Om du vill överklaga');
    expect(p.decisionText).toContain('Beslutet är fattat automatiskt enligt nämndens delegation.');
    expect(p.decisionText).not.toMatch(/Förslag|förslag/);
    const step = p.trace.find((s) => s.step === 'monthly.automatedDecision')!;
    expect(step.legalRef).toBe('28 § förvaltningslagen (2017:900)');
  });
  it('a changed case in automatic mode is not automated', () => {
    const changedPrev = { ...prev, decision: { ...d, costs: { ...d.costs, items: d.costs.items.map((c) => ({ ...c, claimed: '1' })) } } };
    const p = proposeMonthly({ decision: d, members: membersOf(clean), previous: changedPrev, receivedOn: null, mode: 'automatic', rules: withDelegation(rulesOf(d)), letterFor: letterFor(clean) });
    expect(p.routing).toMatchObject({ to: 'caseworker', automated: false, reasons: ['COST_CHANGED'] });
    expect(p.decisionText).toBe(d.decisionText);
  });
});

describe('properties', () => {
  const stopping = (d: Decision) => d.flags.some((f) => (f.severity as string) === 'block' || f.severity === 'assessment');
  it('an unchanged case is ready exactly when it is an approval with nothing to assess or missing', () => {
    fc.assert(
      fc.property(householdArb, (h) => {
        const raw = h as unknown as Record<string, unknown>;
        const d = calc(raw);
        const p = proposeMonthly({ decision: d, members: membersOf(raw), previous: previousOf(raw, d), receivedOn: null, mode: 'recommend', rules: rulesOf(d) });
        const clear = d.outcome === 'approve' && d.needsInformation.length === 0 && !stopping(d) && !d.requiresAssessment;
        expect(p.routing.to).toBe(clear ? 'ready' : 'caseworker');
      }),
      { numRuns: 60 },
    );
  });
  it('any flag of severity block or assessment is never ready, in either mode', () => {
    fc.assert(
      fc.property(householdArb, fc.constantFrom('block', 'assessment'), fc.constantFrom('recommend' as const, 'automatic' as const), (h, severity, mode) => {
        const raw = h as unknown as Record<string, unknown>;
        const d0 = calc(raw);
        const d = { ...d0, flags: [...d0.flags, flag('SOMETHING', severity)] };
        const p = proposeMonthly({ decision: d, members: membersOf(raw), previous: previousOf(raw, d), receivedOn: null, mode, rules: withDelegation(rulesOf(d)), letterFor: letterFor(raw) });
        expect(p.routing.to).toBe('caseworker');
        expect(p.routing.automated).toBe(false);
      }),
      { numRuns: 40 },
    );
  });
  it('routing never changes the amounts, and an automated decision is never a refusal', () => {
    fc.assert(
      fc.property(householdArb, fc.boolean(), (h, hasPrevious) => {
        const raw = h as unknown as Record<string, unknown>;
        const d = calc(raw);
        const p = proposeMonthly({ decision: d, members: membersOf(raw), previous: hasPrevious ? previousOf(raw, d) : null, receivedOn: '2026-03-02', mode: 'automatic', rules: withDelegation(rulesOf(d)), letterFor: letterFor(raw) });
        const { trace: t1, decisionText: x1, routing, ...amounts } = p;
        const { trace: t2, decisionText: x2, ...expected } = d;
        expect(amounts).toEqual(expected);
        expect(t1.slice(0, t2.length)).toEqual(t2);
        if (routing.automated) expect(p.outcome).toBe('approve');
        if (p.outcome === 'deny' || p.outcome === 'partial') expect(routing.to).toBe('caseworker');
        void x1;
        void x2;
      }),
      { numRuns: 40 },
    );
  });
});
