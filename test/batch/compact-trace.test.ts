/**
 * The compact trace of batch --detail full (src/trace/compact.ts): it keeps every step, and the
 * view gives back, byte for byte, the trace `calculate --json` prints.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lines } from '../../bench/generate.ts';
import { compactDecision } from '../../src/batch/line.ts';
import { evaluateHousehold, type Decision } from '../../src/index.ts';
import type { VersionedRuleSet } from '../../src/rulebook/types.ts';
import { compactTrace, expandTrace } from '../../src/trace/compact.ts';
import { runInProcess } from '../support/cli.ts';
import { fixture, ROOT, rulesFor } from '../support/engine.ts';
import { tempDir } from './support.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function evaluate(raw: unknown): { decision: Decision; ruleSet: VersionedRuleSet } | null {
  let ruleSet: VersionedRuleSet | undefined;
  const r = evaluateHousehold(raw, (p, m) => (ruleSet = rulesFor(p, m)));
  return r.ok ? { decision: r.decision, ruleSet: ruleSet! } : null;
}

const fixtures = readdirSync(join(ROOT, 'fixtures')).filter((f) => f.endsWith('.json'));

describe('compact trace', () => {
  it.each(fixtures)('%s: expands to exactly the trace of calculate --json', (name) => {
    const e = evaluate(fixture(name));
    expect(e).not.toBeNull();
    const compact = compactTrace(e!.decision.trace, e!.ruleSet.rules);
    expect(compact.steps.length).toBe(e!.decision.trace.length);
    expect(JSON.stringify(expandTrace(JSON.parse(JSON.stringify(compact)), e!.ruleSet.rules))).toBe(JSON.stringify(e!.decision.trace));
  });

  it('round-trips generated households of every year and kind, and is a fraction of the full trace', () => {
    let full = 0;
    let small = 0;
    for (const period of ['2014-02', '2017-06', '2021-09', '2023-03', '2024-12', '2025-08', '2026-03']) {
      for (const text of lines(60, 11, period)) {
        const e = evaluate(JSON.parse(text));
        if (!e) continue;
        const compact = JSON.stringify(compactTrace(e.decision.trace, e.ruleSet.rules));
        const trace = JSON.stringify(e.decision.trace);
        expect(JSON.stringify(expandTrace(JSON.parse(compact), e.ruleSet.rules))).toBe(trace);
        full += trace.length;
        small += compact.length;
      }
    }
    expect(small).toBeLessThan(full / 2);
  });

  it('batch --detail full: the figures and codes, and a trace that explain renders as calculate --json does', async () => {
    const input = join(dir, 'in.ndjson');
    const names = ['e2-single-parent-rent-above-ceiling-2023.json', 'x1-not-at-labour-market-disposal-with-children-2026.json', 'x3-missing-income-amount-needs-information-2026.json'];
    writeFileSync(input, `${names.map((n) => JSON.stringify(fixture(n))).join('\n')}\n`);
    const out = join(dir, 'full.ndjson');
    expect((await runInProcess(['batch', '--in', input, '--out', out, '--detail', 'full', '--workers', '0'])).status).toBe(0);
    const written = readFileSync(out, 'utf8').split('\n').slice(0, -1);
    for (const [i, name] of names.entries()) {
      const single = evaluate(fixture(name))!;
      const line = JSON.parse(written[i]!) as Record<string, unknown>;
      const { line: n, trace, ...figures } = line;
      expect(n).toBe(i + 1);
      expect(figures).toEqual(JSON.parse(JSON.stringify(compactDecision(single.decision))));
      expect(JSON.stringify(expandTrace(trace as never, single.ruleSet.rules))).toBe(JSON.stringify(single.decision.trace));
      const explained = await runInProcess(['explain', out, '--line', String(i + 1), '--json']);
      expect(explained.status).toBe(0);
      const calculated = await runInProcess(['calculate', `fixtures/${name}`, '--json']);
      expect(explained.stdout).toBe(`${JSON.stringify(JSON.parse(calculated.stdout).trace, null, 2)}\n`);
    }
    const text = await runInProcess(['explain', out, '--line', '1']);
    expect(text.stdout).toContain('godtas som skälig kostnad');
    expect((await runInProcess(['explain', out, '--line', '1', '--lang', 'en'])).stdout).toContain('reasonable cost');
  });

  it('explain refuses what it cannot render faithfully', async () => {
    const out = join(dir, 'mixed.ndjson');
    writeFileSync(out, `${JSON.stringify({ line: 1, caseId: null, errors: [] })}\n${JSON.stringify({ line: 2, period: '2026-03', municipality: null, ruleSetVersion: 'sha256:00', trace: { legal: [], shapes: [], steps: [] } })}\n`);
    const error = await runInProcess(['explain', out, '--line', '1']);
    expect([error.status, error.stdout]).toEqual([2, '']);
    expect(error.stderr).toContain('error record');
    const otherRules = await runInProcess(['explain', out, '--line', '2']);
    expect(otherRules.status).toBe(1);
    expect(otherRules.stderr).toContain('made with rule set sha256:00');
    expect((await runInProcess(['explain', out, '--line', '3'])).status).toBe(2);
    expect((await runInProcess(['explain', out])).status).toBe(2);
  });
});
