/**
 * Properties of the guideline (issue 24) over random valid households (fast-check):
 * - without a guideline (the default policy, which has none) every decision is byte-identical to one
 *   computed with a guideline the calculation may not use (its decision pending, or every part
 *   pending): the guideline's code adds nothing unless a usable part applies;
 * - with a guideline, no cost is accepted above its claim, and every acceptance or refusal the
 *   guideline gives cites the nämnd's decision.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { household } from '../support/arbitraries.ts';
import type { RuleSetProvider } from '../../src/index.ts';
import { book, evaluateRendered, rulesFor } from '../support/engine.ts';
import { allPending, testGuideline, withGuideline } from './support.ts';

const RUNS = { numRuns: 300 };
/** The decision as `calculate --json` prints it (the rule set itself is not part of it: only its version). */
const out = (raw: unknown, provider: RuleSetProvider = rulesFor) => {
  const r = evaluateRendered(raw, provider);
  return JSON.stringify(r.ok ? r.decision : r.issues);
};

describe('no guideline: exactly today', () => {
  it('the default policy has no guideline, so the rule set carries none (its version is unchanged)', () => {
    expect(book.municipal.get('default')!.data.values.every((v) => v.guideline === undefined)).toBe(true);
    expect('guideline' in rulesFor({ year: 2026, month: 3 }, null).rules.municipal).toBe(false);
  });
  const decisionPending = testGuideline();
  const partsPending = allPending(testGuideline());
  it.each([
    ['whose decision is pending', { ...decisionPending, decision: { ...decisionPending.decision, status: 'pending' as const } }],
    ['with every part pending', { ...partsPending, decision: { ...partsPending.decision, status: 'verified' as const } }],
  ])('a guideline %s changes no byte of any decision', (_what, guideline) => {
    const provider = withGuideline(guideline);
    fc.assert(
      fc.property(household, (h) => {
        expect(out(h, provider)).toBe(out(h));
      }),
      RUNS,
    );
  });
});

describe('with a guideline', () => {
  const provider = withGuideline(testGuideline());
  const GUIDELINE_CODES = ['COST_WITHIN_GUIDELINE', 'COST_ABOVE_GUIDELINE', 'ITEM_WITHIN_GUIDELINE'];
  it('no cost is accepted above its claim, and each guideline verdict cites the nämnd\'s decision', () => {
    fc.assert(
      fc.property(household, (h) => {
        // Without a typed ceiling the table gives it.
        const raw = { ...h, circumstances: { ...h.circumstances, rentCeiling: undefined } };
        const r = evaluateRendered(raw, provider);
        if (!r.ok) return;
        for (const i of r.decision.costs.items) {
          if (i.claimed !== null && i.accepted !== null) expect(Number(i.accepted)).toBeLessThanOrEqual(Number(i.claimed));
          if (GUIDELINE_CODES.includes(i.code)) expect(i.reason).toContain('Socialnämnden i Testkommun, beslut 2025-11-20 § 142');
          if (i.type === 'rent' && i.code.startsWith('RENT_') && i.code !== 'RENT_NO_CEILING') expect(i.reason).toContain('Testkommun');
        }
      }),
      RUNS,
    );
  });
});
