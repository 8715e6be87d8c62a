/**
 * The compact output line (src/batch/compact-line.ts) is written field by field; its definition is
 * `{"line":n,` + JSON.stringify(compactDecision(d)) without the opening brace. The two must agree
 * byte for byte on every fixture, on generated households of every year (agency data, pending 2027
 * months, refusals with children), and on texts that need escaping.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FlagCode } from '../../src/output/codes.ts';
import { lines } from '../../bench/generate.ts';
import { compactLine } from '../../src/batch/compact-line.ts';
import { compactDecision } from '../../src/batch/line.ts';
import { evaluateHouseholdFigures, type DecisionFigures } from '../../src/index.ts';
import { fixture, ROOT, rulesFor } from '../support/engine.ts';

const definition = (n: number, d: DecisionFigures) => `{"line":${n},${JSON.stringify(compactDecision(d)).slice(1)}`;

function figures(raw: unknown): DecisionFigures | null {
  const r = evaluateHouseholdFigures(raw, rulesFor);
  return r.ok ? r.decision : null;
}

describe('compact output line', () => {
  it('equals its definition on every fixture', () => {
    const names = readdirSync(join(ROOT, 'fixtures')).filter((f) => f.endsWith('.json'));
    for (const [i, name] of names.entries()) {
      const d = figures(fixture(name));
      expect(d, name).not.toBeNull();
      expect(compactLine(i + 1, d!), name).toBe(definition(i + 1, d!));
    }
  });

  it('equals its definition on generated households of every year, 2027 included', () => {
    let n = 0;
    for (const period of ['2014-02', '2019-06', '2023-03', '2025-08', '2026-03', '2026-11', '2027-02']) {
      for (const line of [...lines(100, 7, period, 0), ...lines(100, 8, period, 0, true)]) {
        const d = figures(JSON.parse(line));
        if (d === null) continue;
        n++;
        expect(compactLine(n, d)).toBe(definition(n, d));
      }
    }
    expect(n).toBeGreaterThan(1200);
  });

  it('escapes texts exactly as JSON.stringify does', () => {
    const base = figures(fixture(readdirSync(join(ROOT, 'fixtures')).filter((f) => f.endsWith('.json'))[0]!))!;
    const text = fc.string({ unit: fc.constantFrom('a', 'å', '"', '\\', '\n', '\u0000', '\u2028', '\ud800', '\udc00', '\ud83d\ude00') });
    fc.assert(
      fc.property(text, fc.option(text), text, (caseId, municipality, code) => {
        const d: DecisionFigures = {
          ...base,
          caseId,
          municipality,
          reasons: [{ ...base.reasons[0]!, code }, { code, legalRef: code, message: { key: 'reason.RIGHT_TO_ASSISTANCE', args: {} } }],
          flags: [{ code: code as FlagCode, severity: 'warning', legalRef: '', message: { key: 'reason.RIGHT_TO_ASSISTANCE', args: {} }, memberId: code, benefit: code, amounts: { [code]: code } }],
        };
        expect(compactLine(3, d)).toBe(definition(3, d));
      }),
      { numRuns: 500 },
    );
  });
});
