/**
 * Issue 21: every code a person could read has a Swedish label (src/explain/labels.js): the conditions
 * of rules/conditions/, and every outcome, reason, flag, missing fact, cost/income/asset line code,
 * alternative and trace step the engine writes for the fixtures and 500 generated households.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALTERNATIVE, FLAG, ITEM, labelOf, NEEDS, OUTCOME, REASON, stepLabel, STEP } from '../../src/explain/labels.js';
import { household as householdArb } from '../support/arbitraries.ts';
import { calc, fixture, ROOT } from '../support/engine.ts';

const decisions = [
  ...readdirSync(`${ROOT}fixtures`).filter((f) => f.endsWith('.json')).map((f) => calc(fixture(f))),
  ...fc.sample(householdArb, { numRuns: 500, seed: 7 }).map((h) => calc(h)),
];

describe('every code has a Swedish label', () => {
  it('every condition of rules/conditions/', () => {
    const names = new Set<string>();
    const walk = (o: unknown): void => {
      if (Array.isArray(o)) o.forEach(walk);
      else if (o !== null && typeof o === 'object') {
        const name = (o as Record<string, unknown>)['name'];
        if (typeof name === 'string' && /^[A-Z][A-Z_]+$/.test(name)) names.add(name);
        Object.values(o).forEach(walk);
      }
    };
    for (const f of readdirSync(`${ROOT}rules/conditions`)) walk(JSON.parse(readFileSync(`${ROOT}rules/conditions/${f}`, 'utf8')));
    expect(names.size).toBeGreaterThan(20);
    for (const n of names) expect(labelOf(n), n).not.toBeNull();
  });
  it('every code the engine writes', () => {
    for (const d of decisions) {
      expect(OUTCOME[d.outcome], d.outcome).toBeDefined();
      for (const r of d.reasons) expect(REASON[r.code] ?? ITEM[r.code], r.code).toBeDefined();
      for (const f of d.flags) expect(FLAG[f.code], f.code).toBeDefined();
      for (const n of d.needsInformation) expect(NEEDS[n.code], n.code).toBeDefined();
      for (const i of [...d.costs.items, ...d.income.items, ...d.assets.items]) expect(ITEM[i.code], i.code).toBeDefined();
      for (const a of d.childImpact?.alternatives ?? []) expect(ALTERNATIVE[a.code], a.code).toBeDefined();
      for (const s of d.trace) expect(STEP[s.step] !== undefined || stepLabel(s.step) !== 'Steg', s.step).toBe(true);
      // No trace text names a condition by its code.
      for (const s of d.trace) expect(s.text, s.step).not.toMatch(/Villkoret [A-Z_]{3,}/);
    }
  });
});
