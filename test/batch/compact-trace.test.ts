/**
 * The compact trace of batch --detail full (src/trace/compact.ts): it keeps every step, and the
 * view gives back, byte for byte, the trace `calculate --json` prints; a shape the catalogue
 * (src/trace/shapes.ts) lacks is written in the line; explain refuses, with a reason, a line it
 * cannot expand faithfully.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lines } from '../../bench/generate.ts';
import { compactDecision } from '../../src/batch/line.ts';
import type { Decision } from '../../src/explain/contract.ts';
import type { VersionedRuleSet } from '../../src/rulebook/types.ts';
import { parsePeriod } from '../../src/period/index.ts';
import type { RuleSet } from '../../src/rulebook/types.ts';
import { compactTrace, expandTrace, type CompactTrace } from '../../src/trace/compact.ts';
import { renderTrace, type TraceStep } from '../../src/explain/trace.ts';
import { SHAPE_CATALOGUE } from '../../src/trace/shapes.ts';
import { runInProcess } from '../support/cli.ts';
import { fixture, ROOT, rulesFor, evaluateRendered } from '../support/engine.ts';
import { tempDir } from './support.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function evaluate(raw: unknown): { decision: Decision; ruleSet: VersionedRuleSet } | null {
  let ruleSet: VersionedRuleSet | undefined;
  const r = evaluateRendered(raw, (p, m, d) => (ruleSet = rulesFor(p, m, d)));
  return r.ok ? { decision: r.decision, ruleSet: ruleSet! } : null;
}

/**
 * The compact trace as the engine wrote it before the shape catalogue: every shape in the line, a
 * step's shape an index into them, parameter ids or objects, arguments null (the input of the same
 * name), false (the legal reference) or the value.
 */
function earlierForm(trace: readonly TraceStep[], rules: RuleSet): CompactTrace {
  const topicOf = new Map(Object.entries(rules.legal.refs).map(([topic, r]) => [r.ref, topic] as const).reverse());
  const legal: string[] = [];
  const shapes: [string, string, string[], string[]][] = [];
  const steps = trace.map((s) => {
    const inputs = Object.keys(s.inputs);
    const args = Object.keys(s.message.args);
    const key = JSON.stringify([s.step, s.message.key, inputs, args]);
    let shape = shapes.findIndex((x) => JSON.stringify(x) === key);
    if (shape < 0) shape = shapes.push([s.step, s.message.key, inputs, args]) - 1;
    let l: number | null = null;
    if (s.legalRef !== undefined) {
      const text = topicOf.get(s.legalRef) ?? s.legalRef;
      l = legal.indexOf(text);
      if (l < 0) l = legal.push(text) - 1;
    }
    return [
      shape,
      s.rule,
      l,
      s.params,
      inputs.map((n) => s.inputs[n]!),
      s.result,
      args.map((n) => (Object.hasOwn(s.inputs, n) && s.inputs[n] === s.message.args[n] ? null : s.message.args[n] === s.legalRef ? false : s.message.args[n]!)),
    ] as const;
  });
  return { legal, shapes, steps };
}

const fixtures = readdirSync(join(ROOT, 'fixtures')).filter((f) => f.endsWith('.json'));

describe('compact trace', () => {
  it.each(fixtures)('%s: expands to exactly the trace of calculate --json', (name) => {
    const e = evaluate(fixture(name));
    expect(e).not.toBeNull();
    const compact = compactTrace(e!.decision.trace, e!.ruleSet.rules);
    expect(compact.steps.length).toBe(e!.decision.trace.length);
    expect(JSON.stringify(renderTrace(expandTrace(JSON.parse(JSON.stringify(compact)), e!.ruleSet.rules)))).toBe(JSON.stringify(e!.decision.trace));
  });

  it.each(fixtures)('%s: every shape is a catalogue id (none spelled out in the line)', (name) => {
    const e = evaluate(fixture(name))!;
    const compact = compactTrace(e.decision.trace, e.ruleSet.rules);
    expect(compact.shapes).toBeUndefined();
    expect(compact.catalogue).toBe(SHAPE_CATALOGUE.length);
    expect(compact.steps.every(([shape]) => shape >= 0 && shape < SHAPE_CATALOGUE.length)).toBe(true);
  });

  it('round-trips generated households of every year and kind (with and without agency data), in a fraction of the full trace', () => {
    let full = 0;
    let small = 0;
    let households = 0;
    for (const period of ['2014-02', '2017-06', '2021-09', '2023-03', '2024-12', '2025-08', '2026-03', '2026-11']) {
      for (const registered of [false, true]) {
        for (const text of lines(30, 12, period, 0, registered)) {
          const e = evaluate(JSON.parse(text));
          if (!e) continue;
          households++;
          const compact = JSON.stringify(compactTrace(e.decision.trace, e.ruleSet.rules));
          const trace = JSON.stringify(e.decision.trace);
          expect(JSON.stringify(renderTrace(expandTrace(JSON.parse(compact), e.ruleSet.rules)))).toBe(trace);
          full += trace.length;
          small += compact.length;
        }
      }
    }
    expect(households).toBeGreaterThan(400);
    expect(small).toBeLessThan(full / 4);
  });

  it('a step whose shape the catalogue lacks is written whole in the line, once per shape, and expands exactly', () => {
    const e = evaluate(fixture('e2-single-parent-rent-above-ceiling-2023.json'))!;
    const trace = e.decision.trace;
    // As a future code change might: a step name the catalogue has never seen, twice, and a known step with one more input.
    const changed: TraceStep[] = trace.map((s, i) =>
      i === 0 || i === 1 ? { ...s, step: 'norm.member.v2' } : i === 2 ? { ...s, inputs: { ...s.inputs, addedInput: 'x' } } : s,
    );
    const compact = compactTrace(changed, e.ruleSet.rules);
    expect(compact.shapes).toEqual([
      ['norm.member.v2', trace[0]!.message.key, Object.keys(trace[0]!.inputs), Object.keys(trace[0]!.message.args)],
      ...(trace[1]!.message.key === trace[0]!.message.key ? [] : [['norm.member.v2', trace[1]!.message.key, Object.keys(trace[1]!.inputs), Object.keys(trace[1]!.message.args)]]),
      [trace[2]!.step, trace[2]!.message.key, [...Object.keys(trace[2]!.inputs), 'addedInput'], Object.keys(trace[2]!.message.args)],
    ]);
    expect(compact.steps.slice(0, 3).map(([shape]) => shape < 0)).toEqual([true, true, true]);
    expect(compact.steps.slice(3).every(([shape]) => shape >= 0)).toBe(true);
    expect(JSON.stringify(renderTrace(expandTrace(JSON.parse(JSON.stringify(compact)), e.ruleSet.rules)))).toBe(JSON.stringify(changed));
  });

  it('reads a line in the earlier form (every shape in the line, no catalogue)', () => {
    const e = evaluate(fixture('e2-single-parent-rent-above-ceiling-2023.json'))!;
    const earlier = earlierForm(e.decision.trace, e.ruleSet.rules);
    expect(earlier).not.toHaveProperty('catalogue');
    expect(JSON.stringify(renderTrace(expandTrace(JSON.parse(JSON.stringify(earlier)), e.ruleSet.rules)))).toBe(JSON.stringify(e.decision.trace));
  });

  it('writes what the line or the rule set already holds as references, and only those that are exact', () => {
    const e = evaluate(fixture('e2-single-parent-rent-above-ceiling-2023.json'))!;
    const compact = compactTrace(e.decision.trace, e.ruleSet.rules);
    const flat = JSON.stringify(compact.steps);
    // No label or title of the rule set, no condition code after its rule, no parameter of the step's own rule is spelled out.
    for (const def of Object.values(e.ruleSet.rules.costTypes)) expect(flat).not.toContain(JSON.stringify(def.labelSv));
    expect(flat).not.toContain(JSON.stringify(e.ruleSet.rules.riksnorm.title));
    expect(flat).not.toContain('"RENT_ARREARS"');
    expect(flat).not.toContain('"source"');
    // A label that is not the rule set's own stays as it is.
    const relabelled = e.decision.trace.map((s) => (s.step === 'costs.item' ? { ...s, message: { ...s.message, args: { ...s.message.args, label: 'Hyra (egen text)' } } } : s));
    const again = compactTrace(relabelled, e.ruleSet.rules);
    expect(JSON.stringify(again.steps)).toContain('"Hyra (egen text)"');
    expect(JSON.stringify(renderTrace(expandTrace(JSON.parse(JSON.stringify(again)), e.ruleSet.rules)).map((s) => s.message))).toBe(JSON.stringify(relabelled.map((s) => s.message)));
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
      expect(JSON.stringify(renderTrace(expandTrace(trace as never, single.ruleSet.rules)))).toBe(JSON.stringify(single.decision.trace));
      const explained = await runInProcess(['explain', out, '--line', String(i + 1), '--json']);
      expect(explained.status).toBe(0);
      const calculated = await runInProcess(['calculate', `fixtures/${name}`, '--json']);
      expect(explained.stdout).toBe(`${JSON.stringify(JSON.parse(calculated.stdout).trace, null, 2)}\n`);
    }
    const text = await runInProcess(['explain', out, '--line', '1']);
    expect(text.stdout).toContain('godtas som skälig kostnad');
    expect((await runInProcess(['explain', out, '--line', '1', '--lang', 'en'])).stdout).toContain('reasonable cost');
  });

  it('explain: a line naming a shape this engine does not know (a later engine version) is refused, naming the id and the engine version', async () => {
    const source = join(dir, 'later-in.ndjson');
    writeFileSync(source, `${JSON.stringify(fixture('e1-single-adult-bifall-2023.json'))}\n`);
    const written = join(dir, 'later-written.ndjson');
    expect((await runInProcess(['batch', '--in', source, '--out', written, '--detail', 'full', '--workers', '0'])).status).toBe(0);
    const line = JSON.parse(readFileSync(written, 'utf8')) as { engineVersion: string; trace: { catalogue: number; steps: unknown[][] } };
    const later = SHAPE_CATALOGUE.length + 7;
    line.engineVersion = '9.1.0';
    line.trace.catalogue = later + 1;
    line.trace.steps[3]![0] = later;
    const out = join(dir, 'later.ndjson');
    writeFileSync(out, `${JSON.stringify(line)}\n`);
    const r = await runInProcess(['explain', out, '--line', '1']);
    expect([r.status, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toContain(`trace step 4 names shape ${later}`);
    expect(r.stderr).toContain(`(it has ${SHAPE_CATALOGUE.length} shapes; the line was written with ${later + 1})`);
    expect(r.stderr).toContain('Engine 9.1.0 wrote the line');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('explain: a damaged compact trace is refused with a reason (exit 2), never a stack trace', async () => {
    const good = { line: 1, period: '2023-05', municipality: null, ruleSetVersion: rulesFor(parsePeriod('2023-05')!, null).version, engineVersion: '0.1.0' };
    const person = ['a1', 'applicant', 30];
    const damaged: [unknown, string][] = [
      [{ catalogue: 'x', legal: [], steps: [] }, '"catalogue" is not a number of entries'],
      [{ catalogue: 1, legal: [3], steps: [] }, '"legal" is not a list of texts'],
      [{ catalogue: 1, legal: [], steps: [[0, 'r', null, [], []]] }, 'step 1 is not [shape, rule, legal, params, inputs, result, arguments]'],
      [{ catalogue: 1, legal: [], steps: [[0, null, null, [], person, '1', [null, '1', '1']]] }, 'its rule is to come from shape 0, which gives none'],
      [{ catalogue: 1, legal: [], steps: [[0, 'r', 7, [], person, '1', [null, '1', '1']]] }, 'names legal reference 7, which is not in the line'],
      [{ catalogue: 1, legal: [], steps: [[0, 'r', null, [], person, '1', [null, ['zz'], '1']]] }, 'argument joint is not a value or a reference'],
      [{ catalogue: 1, legal: [], steps: [[0, 'r', null, [], person, '1', [null, [9], '1']]] }, 'argument joint refers to input 9'],
      [{ catalogue: 1, legal: [], steps: [[0, 'r', null, [], person, '1', [null, false, '1']]] }, "argument joint refers to the step's legal reference"],
      [{ catalogue: 1, legal: [], steps: [[0, 'r', null, [['x']], person, '1', [null, '1', '1']]] }, 'parameter ["x"] is not [id, value]'],
      [{ catalogue: 1, legal: [], steps: [[0, 'r', null, [{ id: 'x' }], person, '1', [null, '1', '1']]] }, 'parameter {"id":"x"} is not an id, [id, value] or {id, value, status, source}'],
      [{ catalogue: 1, legal: [], steps: [[-3, 'r', null, [], [], '1', []]] }, 'names shape -3, which is not in the line'],
      [{ catalogue: 1, legal: [], steps: [[0, 'r', null, [], ['a1'], '1', []]] }, 'its inputs or arguments do not fit its shape 0'],
      [{ catalogue: 1, legal: [], shapes: [['s', 'no.such.key', [], []]], steps: [[-1, 'r', null, [], [], '1', []]] }, 'no text for message key no.such.key'],
    ];
    const out = join(dir, 'damaged.ndjson');
    writeFileSync(out, damaged.map(([trace]) => JSON.stringify({ ...good, trace })).join('\n') + '\n');
    for (const [i, [, reason]] of damaged.entries()) {
      const r = await runInProcess(['explain', out, '--line', String(i + 1)]);
      expect([i + 1, r.status, r.stdout]).toEqual([i + 1, 2, '']);
      expect(r.stderr.startsWith(`${out}:${i + 1}: `)).toBe(true);
      expect(r.stderr).toContain(reason);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    // A parameter the rule set does not have: the line was made with other rules (exit 1, as for another ruleSetVersion).
    const otherRules = join(dir, 'other-rules.ndjson');
    writeFileSync(otherRules, `${JSON.stringify({ ...good, trace: { catalogue: 1, legal: [], steps: [[0, 'r', null, ['no/such#param'], person, '1', [null, '1', '1']]] } })}\n`);
    const r = await runInProcess(['explain', otherRules, '--line', '1']);
    expect([r.status, r.stdout]).toEqual([1, '']);
    expect(r.stderr).toContain('parameter no/such#param is not in the rule set');
  });

  it('explain refuses what it cannot render faithfully', async () => {
    const out = join(dir, 'mixed.ndjson');
    writeFileSync(out, `${JSON.stringify({ line: 1, caseId: null, errors: [] })}\n${JSON.stringify({ line: 2, period: '2026-03', municipality: null, ruleSetVersion: 'sha256:00', trace: { catalogue: 1, legal: [], steps: [] } })}\n`);
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
