/**
 * Properties over random valid households (fast-check): the invariants the guide and CONTRACT.md
 * promise, checked on thousands of households across every period with a norm table.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Decision } from '../../src/explain/contract.ts';
import { addOre, household, payableBeforePerson, toOre } from '../support/arbitraries.ts';
import { rulesFor, evaluateRendered } from '../support/engine.ts';
import { problemMessage } from '../../src/explain/problems.ts';

const run = (raw: unknown): Decision => {
  const r = evaluateRendered(raw, rulesFor);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${problemMessage(i, 'en')}`).join('\n'));
  return r.decision;
};
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const RUNS = { numRuns: 400 };

describe('amounts', () => {
  it('payable ≥ 0, and 0 on avslag; no amount only while a person decides or a fact is missing', () => {
    fc.assert(
      fc.property(household, (h) => {
        const d = run(h);
        if (d.outcome === 'needs-information') {
          expect(d.payable).toBeNull();
          return;
        }
        expect(toOre(d.payable)).toBeGreaterThanOrEqual(0);
        if (d.outcome === 'deny') expect(d.payable).toBe('0');
      }),
      RUNS,
    );
  });

  it('need = norm + accepted costs, and payable = max(0, need − counted income − own money used) when aid is granted', () => {
    fc.assert(
      fc.property(household, (h) => {
        const d = run(h);
        expect(toOre(d.need)).toBe(toOre(d.norm.total) + toOre(d.costs.accepted));
        if (d.outcome === 'approve' || d.outcome === 'partial') {
          expect(toOre(d.payable)).toBe(Math.max(0, toOre(d.need) - toOre(d.income.counted) - toOre(d.assets.used)));
        }
      }),
      RUNS,
    );
  });

  it('money sums are exact: totals equal the sum of their items to the öre', () => {
    fc.assert(
      fc.property(household, (h) => {
        const d = run(h);
        const sum = (xs: (string | null)[]) => xs.reduce((a, x) => a + toOre(x), 0);
        expect(toOre(d.norm.total)).toBe(sum(d.norm.members.map((m) => m.amount)) + toOre(d.norm.common));
        expect(toOre(d.costs.claimed)).toBe(sum(d.costs.items.map((i) => i.claimed)));
        expect(toOre(d.costs.accepted)).toBe(sum(d.costs.items.map((i) => i.accepted)));
        expect(toOre(d.costs.refused)).toBe(toOre(d.costs.claimed) - toOre(d.costs.accepted));
        expect(toOre(d.income.total)).toBe(sum(d.income.items.map((i) => i.amount)));
        expect(toOre(d.income.counted)).toBe(sum(d.income.items.map((i) => i.counted)));
        if (d.childImpact && (d.outcome === 'partial' || d.outcome === 'deny')) {
          expect(sum(d.childImpact.perChild.map((c) => c.effect))).toBeLessThanOrEqual(toOre(d.childImpact.effectOfRefusal));
        }
      }),
      RUNS,
    );
  });

  it('outcome: partial exactly when a claimed cost was refused and aid is still paid', () => {
    fc.assert(
      fc.property(household, (h) => {
        const d = run(h);
        if (d.outcome === 'needs-information') return;
        if (d.outcome === 'partial') expect(toOre(d.costs.refused)).toBeGreaterThan(0);
        if (d.outcome === 'approve') expect(d.costs.refused).toBe('0');
        if (d.outcome !== 'deny') expect(toOre(d.payable)).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });
});

describe('monotonicity', () => {
  // Compared on what would be paid before a person decides (the full alternative while the proposal waits for one).
  it('more income never raises the payment', () => {
    fc.assert(
      fc.property(household, fc.nat(), fc.integer({ min: 1, max: 2_000_000 }), (h, pick, extra) => {
        const before = run(h);
        fc.pre(payableBeforePerson(before) !== null);
        const more = clone(h);
        if (more.incomes.length > 0) {
          const i = more.incomes[pick % more.incomes.length]!;
          i.amount = addOre(i.amount, extra);
        } else {
          more.incomes.push({ memberId: 'a1', type: 'other', amount: addOre('0', extra) });
        }
        const after = payableBeforePerson(run(more));
        if (after !== null) expect(after).toBeLessThanOrEqual(payableBeforePerson(before)!);
      }),
      RUNS,
    );
  });

  it('adding a child never lowers the norm', () => {
    fc.assert(
      fc.property(household, fc.integer({ min: 0, max: 17 }), fc.option(fc.integer({ min: 1, max: 28 }), { nil: undefined }), fc.boolean(), (h, age, days, lunch) => {
        const before = run(h);
        const more = clone(h);
        const year = Number(h.period.slice(0, 4));
        const child: Record<string, unknown> = { id: 'new', role: 'child', birthDate: `${year - age - 1}-12-31` }; // exactly `age` years old in the period
        if (days !== undefined) child['daysInHousehold'] = days;
        if (lunch) child['lunchOutsideHome'] = true;
        more.members.push(child);
        expect(toOre(run(more).norm.total)).toBeGreaterThanOrEqual(toOre(before.norm.total));
      }),
      RUNS,
    );
  });

  it('a claimed cost never lowers the payment', () => {
    fc.assert(
      fc.property(household, fc.constantFrom('rent', 'electricity', 'dental', 'childcare-fee'), fc.integer({ min: 1, max: 1_000_000 }), (h, type, ore) => {
        const before = run(h);
        fc.pre(payableBeforePerson(before) !== null);
        const more = clone(h);
        more.costs.push({ type, amount: addOre('0', ore) });
        const after = payableBeforePerson(run(more));
        if (after !== null) expect(after).toBeGreaterThanOrEqual(payableBeforePerson(before)!);
      }),
      RUNS,
    );
  });
});

describe('determinism', () => {
  it('same input → byte-identical output, whatever the order of the keys', () => {
    fc.assert(
      fc.property(household, (h) => {
        const a = JSON.stringify(run(h));
        const reordered = Object.fromEntries(Object.entries(clone(h)).reverse());
        expect(JSON.stringify(run(reordered))).toBe(a);
        expect(JSON.stringify(run(clone(h)))).toBe(a);
      }),
      { numRuns: 150 },
    );
  });
});

describe('explanation', () => {
  it('every total in the decision is the result of a trace step, and every step has a rule and a Swedish text', () => {
    fc.assert(
      fc.property(household, (h) => {
        const d = run(h);
        const results = (step: string) => d.trace.filter((s) => s.step === step).map((s) => s.result);
        expect(results('norm.total')).toEqual([d.norm.total]);
        expect(results('norm.member')).toEqual(d.norm.members.map((m) => m.amount));
        expect(results('costs.total')).toEqual([d.costs.accepted]);
        expect(results('costs.item')).toEqual(d.costs.items.map((i) => i.accepted));
        expect(results('income.total')).toEqual([d.income.counted]);
        expect(results('income.item')).toEqual(d.income.items.map((i) => i.counted));
        expect(results('decision.need')).toEqual([d.need]);
        expect(results('decision.outcome')).toEqual([d.outcome]);
        expect(results('decision.payable')).toEqual(d.payable === null ? [] : [d.payable]);
        for (const s of d.trace) {
          expect(s.rule.length).toBeGreaterThan(0);
          expect(s.text.length).toBeGreaterThan(10);
          expect(s.text).not.toMatch(/undefined|NaN|\[object/);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('the child section is there exactly when a member is under 18 or 18–20 and in school', () => {
    fc.assert(
      fc.property(household, (h) => {
        const d = run(h);
        const hasChild = h.members.some((m) => m['role'] === 'child');
        expect(d.childImpact !== null).toBe(hasChild);
        if (d.childImpact && (d.outcome === 'partial' || d.outcome === 'deny')) {
          expect(d.childImpact.requiresAssessment).toBe(true);
          expect(d.childImpact.perChild.every((c) => c.effect !== null)).toBe(true);
          const required = d.childImpact.prompts.filter((p) => p.requiresAnswer).map((p) => p.id);
          expect(required).toEqual(['child-view', 'consequences', 'alternatives', 'weighing']);
        }
      }),
      { numRuns: 200 },
    );
  });
});
