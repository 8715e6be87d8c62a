/**
 * rules/conditions/*.json are json-rules-engine rules; the engine evaluates them with its own
 * synchronous interpreter (src/conditions). On random facts — right and wrong types, nulls, and
 * fact-to-fact comparisons — both fire exactly the same events.
 */
import fc from 'fast-check';
import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { runConditions, type Facts } from '../../src/conditions/index.ts';
import type { ConditionSet } from '../../src/rulebook/types.ts';
import { book } from '../support/engine.ts';

const value = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: -3, max: 25 }) },
  { weight: 2, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.constantFrom('approve', 'partial', 'deny', 'needs-information') },
  { weight: 1, arbitrary: fc.constantFrom('5', '', 'x', '10') },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 5_000_000 }) },
);

function factsFor(set: ConditionSet): fc.Arbitrary<Facts> {
  return fc.record(Object.fromEntries(Object.keys(set.facts).map((name) => [name, value]))) as fc.Arbitrary<Facts>;
}

async function jreEvents(set: ConditionSet, facts: Facts): Promise<string[]> {
  const engine = new Engine(
    set.rules.map((r) => JSON.parse(JSON.stringify(r))),
    { allowUndefinedFacts: false },
  );
  const { events } = await engine.run({ ...facts });
  return events.map((e) => `${e.type}:${(e.params as { code: string }).code}`).sort();
}

function ourEvents(set: ConditionSet, facts: Facts): string[] {
  return runConditions(set, facts)
    .filter((r) => r.result)
    .map((r) => `${r.event.type}:${r.event.params.code}`)
    .sort();
}

const sets = book.conditions.map((c) => ({ file: c.file, set: { id: c.data.id, phase: c.data.phase, facts: c.data.facts, rules: c.data.rules } as ConditionSet }));

describe('the interpreter agrees with json-rules-engine 7', () => {
  it.each(sets)('$file', async ({ set }) => {
    await fc.assert(
      fc.asyncProperty(factsFor(set), async (facts) => {
        expect(ourEvents(set, facts)).toEqual(await jreEvents(set, facts));
      }),
      { numRuns: 600 },
    );
  });

  it('on the facts of real decisions too (every fixture, both phases fire the same)', async () => {
    const eligibility = sets.find((s) => s.set.phase === 'eligibility')!.set;
    const cases: Facts[] = [
      { availableForWork: false, hasAcceptableReason: false, partnerAvailableForWork: null, partnerHasAcceptableReason: false, applicantAge: 30, applicantMinorReasonGiven: false },
      { availableForWork: null, hasAcceptableReason: false, partnerAvailableForWork: false, partnerHasAcceptableReason: false, applicantAge: 17, applicantMinorReasonGiven: false },
      { availableForWork: true, hasAcceptableReason: true, partnerAvailableForWork: true, partnerHasAcceptableReason: false, applicantAge: 16, applicantMinorReasonGiven: true },
    ];
    for (const facts of cases) expect(ourEvents(eligibility, facts)).toEqual(await jreEvents(eligibility, facts));
  });
});
