/**
 * Properties of compare: the same rules on both sides change nothing and diverge nowhere; tallies of
 * any split of the input add up to the tally of the whole (what makes a resumed or multi-worker run
 * sum exactly like a single pass); a raised norm never lowers a payment.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lines } from '../../bench/generate.ts';
import { compareLine, type Sides } from '../../src/compare/line.ts';
import { buildScenario, parseScenarioSpec } from '../../src/compare/scenario.ts';
import { addTally, emptyTally, tallyJson } from '../../src/compare/summary.ts';
import { ROOT, RULES_DIR } from '../support/engine.ts';

const plain = buildScenario(parseScenarioSpec('current', RULES_DIR, '--base'));
const plus3 = buildScenario(parseScenarioSpec(`${ROOT}fixtures/overlays/riksnorm-plus-3-2026.json`, RULES_DIR, '--reform'));
const same: Sides = { base: plain, reform: buildScenario(parseScenarioSpec('current', RULES_DIR, '--reform')) };
const raised: Sides = { base: plain, reform: plus3 };

const sample = (seed: number, count: number) => [...lines(count, seed, '2026-03', 0.05)];

describe('compare properties', () => {
  it('the same rules on both sides: difference 0 and no divergence for every household', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const tally = emptyTally();
        for (const [i, text] of sample(seed, 20).entries()) {
          const line = JSON.parse(compareLine(text, i + 1, same, tally).out);
          if (line.base?.outcome) {
            expect(line.difference === null || line.difference === '0').toBe(true);
            expect(line.firstDivergence).toBeNull();
            expect(line.base).toEqual(line.reform);
          }
        }
        expect(tallyJson(tally).outcomes.changed).toBe(0);
      }),
      { numRuns: 15 },
    );
  });

  it('tallies of any split add up to the tally of the whole', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 30 }), (seed, cut) => {
        const texts = sample(seed, 30);
        const whole = emptyTally();
        const a = emptyTally();
        const b = emptyTally();
        texts.forEach((t, i) => {
          compareLine(t, i + 1, raised, whole);
          compareLine(t, i + 1, raised, i < cut ? a : b);
        });
        const summed = emptyTally();
        addTally(summed, JSON.parse(JSON.stringify(a))); // through JSON, as a checkpoint keeps it
        addTally(summed, b);
        expect(tallyJson(summed)).toEqual(tallyJson(whole));
      }),
      { numRuns: 15 },
    );
  });

  it('riksnorm +3 % never lowers a payment (no aid cap in that overlay)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const tally = emptyTally();
        for (const [i, text] of sample(seed, 20).entries()) {
          const line = JSON.parse(compareLine(text, i + 1, raised, tally).out);
          if (line.difference !== null && line.difference !== undefined) expect(line.difference.startsWith('-')).toBe(false);
        }
        expect(tally.losers.households).toBe(0);
      }),
      { numRuns: 15 },
    );
  });
});
