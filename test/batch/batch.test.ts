/**
 * The monthly batch (issue 3): one output line per input line, in input order, the same decisions as
 * the single-household path, and a summary that adds up.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compactDecision } from '../../src/batch/line.ts';
import { CHUNK_LINES, EXTRA_WORKER_MIN_BYTES, RECORD_CHUNK_LINES, runBatch } from '../../src/batch/run.ts';
import { ROOT, rulesFor, evaluateRendered } from '../support/engine.ts';
import { cli, tempDir, writeInput } from './support.ts';
import { renderProblems } from '../../src/explain/problems.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const input = join(dir, 'in.ndjson');
let inputLines: string[] = [];
const outLines = (path: string) => readFileSync(path, 'utf8').split('\n').slice(0, -1);

beforeAll(() => {
  inputLines = writeInput(input, 2500, 99, '2026-03', 0.04);
  // A blank line in the middle and a last line without a newline: both still get their output line.
  inputLines.splice(1200, 0, '');
  writeFileSync(input, `${inputLines.join('\n')}\n${inputLines[0]}`);
  inputLines.push(inputLines[0]!);
});

describe('batch', () => {
  let compact: string[] = [];
  let summary: Record<string, any> = {};

  it('writes exactly one output line per input line, in input order, with 2 workers', async () => {
    const r = await cli(['batch', '--in', input, '--out', join(dir, 'compact.ndjson'), '--workers', '2', '--chunk-lines', '97', '--summary', join(dir, 'summary.json')]);
    expect(r.stderr.replace(/npm warn.*\n/g, '')).toBe('');
    expect(r.status).toBe(0);
    compact = outLines(join(dir, 'compact.ndjson'));
    expect(compact.length).toBe(inputLines.length);
    compact.forEach((line, i) => expect(JSON.parse(line).line).toBe(i + 1));
    summary = JSON.parse(r.stdout);
    expect(JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'))).toEqual(summary);
  });

  it('turns every bad line into an error record naming the problem', async () => {
    const blank = JSON.parse(compact[1200]!);
    expect(blank).toEqual({ line: 1201, caseId: null, errors: [{ path: '(line)', code: 'EMPTY_LINE', message: 'tom rad: varje rad ska vara ett hushåll som JSON' }] });
    const errors = compact.map((l) => JSON.parse(l)).filter((o) => o.errors);
    expect(errors.length).toBeGreaterThan(50);
    for (const e of errors) {
      expect(e.errors.length).toBeGreaterThan(0);
      for (const issue of e.errors) expect(issue).toEqual({ path: expect.any(String), code: expect.any(String), message: expect.any(String) });
    }
    expect(errors.some((e) => e.errors[0].code === 'INVALID_JSON')).toBe(true);
    expect(errors.some((e) => e.errors.some((i: any) => i.path === 'period' && i.code === 'NO_RULES_FOR_PERIOD'))).toBe(true);
    expect(errors.some((e) => e.errors.some((i: any) => /incomes\[\d+\]\.memberId/.test(i.path)))).toBe(true);
  });

  it('gives each valid line the same decision as the single-household engine', async () => {
    for (let i = 0; i < inputLines.length; i += 37) {
      const text = inputLines[i]!;
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch {
        continue;
      }
      const single = evaluateRendered(raw, rulesFor);
      const out = JSON.parse(compact[i]!);
      if (!single.ok) {
        expect(out.errors).toEqual(renderProblems(single.issues));
        continue;
      }
      expect(out).toEqual({ line: i + 1, ...JSON.parse(JSON.stringify(compactDecision(single.decision))) });
    }
  });

  it('--detail summary prints the whole decision; full the figures and the whole trace', async () => {
    const small = join(dir, 'small.ndjson');
    writeFileSync(small, `${inputLines.slice(0, 40).join('\n')}\n`);
    expect((await cli(['batch', '--in', small, '--out', join(dir, 'full.ndjson'), '--detail', 'full', '--workers', '1'])).status).toBe(0);
    expect((await cli(['batch', '--in', small, '--out', join(dir, 'summary.ndjson'), '--detail', 'summary', '--workers', '0'])).status).toBe(0);
    const full = outLines(join(dir, 'full.ndjson'));
    const sum = outLines(join(dir, 'summary.ndjson'));
    inputLines.slice(0, 40).forEach((text, i) => {
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch {
        return;
      }
      const single = evaluateRendered(raw, rulesFor);
      if (!single.ok) return;
      // full: the figures and codes, and every trace step in compact form (test/batch/compact-trace.test.ts)
      const { trace, ...figures } = JSON.parse(full[i]!);
      expect(figures).toEqual({ line: i + 1, ...JSON.parse(JSON.stringify(compactDecision(single.decision))) });
      expect(trace.steps.length).toBe(single.decision.trace.length);
      const { trace: _t, decisionText: _d, worksheetText: _w, ...rest } = single.decision;
      expect(JSON.parse(sum[i]!)).toEqual({ line: i + 1, ...JSON.parse(JSON.stringify(rest)) });
    });
  });

  it('gives the same bytes with 0, 1 and 2 workers and any chunk size', async () => {
    const a = join(dir, 'w0.ndjson');
    const b = join(dir, 'w1.ndjson');
    expect((await cli(['batch', '--in', input, '--out', a, '--workers', '0', '--chunk-lines', '1000'])).status).toBe(0);
    expect((await cli(['batch', '--in', input, '--out', b, '--workers', '1', '--chunk-lines', '13'])).status).toBe(0);
    const reference = readFileSync(join(dir, 'compact.ndjson'));
    expect(readFileSync(a).equals(reference)).toBe(true);
    expect(readFileSync(b).equals(reference)).toBe(true);
  });

  it('the summary adds up against an independent count of the output', async () => {
    const objects = compact.map((l) => JSON.parse(l));
    const decisions = objects.filter((o) => !o.errors);
    const refusals = decisions.filter((d) => d.outcome === 'partial' || d.outcome === 'deny');
    const gender = (i: number) => {
      try {
        const members = JSON.parse(inputLines[i]!).members as any[];
        return members.find((m) => m.role === 'applicant')?.gender ?? 'unknown';
      } catch {
        return null;
      }
    };
    const byGender: Record<string, number> = { female: 0, male: 0, other: 0, unknown: 0 };
    objects.forEach((o, i) => {
      if (!o.errors) byGender[gender(i)]!++;
    });
    expect(summary).toMatchObject({
      lines: inputLines.length,
      households: decisions.length,
      errors: objects.length - decisions.length,
      byOutcome: {
        approve: decisions.filter((d) => d.outcome === 'approve').length,
        partial: decisions.filter((d) => d.outcome === 'partial').length,
        deny: decisions.filter((d) => d.outcome === 'deny').length,
        'needs-information': decisions.filter((d) => d.outcome === 'needs-information').length,
      },
      totalPayable: decisions.reduce((s, d) => s.plus(d.payable ?? 0), new Decimal(0)).toFixed(2).replace(/\.00$/, ''),
      childrenInHouseholdsWithRefusal: refusals.reduce((s, d) => s + (d.childImpact?.children.length ?? 0), 0),
      longTermCases: decisions.filter((d) => d.flags.some((f: any) => f.code === 'LONG_TERM_ASSISTANCE')).length,
      byApplicantGender: byGender,
      interrupted: false,
    });
  });

  it('--period recalculates every household for the given month', async () => {
    const one = join(dir, 'one.ndjson');
    writeFileSync(one, `${inputLines.slice(0, 5).join('\n')}\n`);
    const r = await cli(['batch', '--in', one, '--out', join(dir, 'p.ndjson'), '--period', '2025-04', '--workers', '0']);
    expect(r.status).toBe(0);
    for (const line of outLines(join(dir, 'p.ndjson'))) {
      const o = JSON.parse(line);
      if (!o.errors) expect([o.period, o.law]).toEqual(['2025-04', 'SoL (2001:453)']);
    }
  });
});

describe('what stops the batch', () => {
  it('an unreadable input: a clear message, exit 2', async () => {
    const r = await cli(['batch', '--in', join(dir, 'missing.ndjson'), '--out', join(dir, 'x.ndjson')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/missing\.ndjson: cannot read the input file \(ENOENT\)/);
  });
  it('an output that cannot be written: exit 2', async () => {
    const r = await cli(['batch', '--in', input, '--out', join(dir, 'no', 'such', 'dir', 'x.ndjson')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot write the output file \(ENOENT\)/);
  });
  it('missing rules: exit 1 before any output', async () => {
    const r = await cli(['batch', '--in', input, '--out', join(dir, 'r.ndjson'), '--rules', join(dir, 'no-rules')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/rules directory cannot be read/);
  });
  it('bad usage: exit 2', async () => {
    expect((await cli(['batch', '--in', input])).status).toBe(2);
    expect((await cli(['batch', '--in', input, '--out', join(dir, 'u.ndjson'), '--detail', 'everything'])).status).toBe(2);
    expect((await cli(['batch', '--in', input, '--out', join(dir, 'u.ndjson'), '--period', '2026-3'])).status).toBe(2);
  });
});

describe('chunk size without --chunk-lines', () => {
  it('is RECORD_CHUNK_LINES when every decision goes to a record sink, the same output as CHUNK_LINES', async () => {
    const base = { input, rulesDir: `${ROOT}rules`, period: null, detail: 'compact' as const, workers: 1, resume: false, progress: null };
    const lastLines: number[] = [];
    await runBatch({ ...base, output: join(dir, 'chunks-record.ndjson'), onDecisions: (_decisions, chunk) => void lastLines.push(chunk.lastLine) });
    await runBatch({ ...base, output: join(dir, 'chunks-plain.ndjson') });
    expect(RECORD_CHUNK_LINES).toBeLessThan(CHUNK_LINES);
    expect(lastLines.slice(0, 3)).toEqual([1, 2, 3].map((k) => k * RECORD_CHUNK_LINES));
    expect(readFileSync(join(dir, 'chunks-record.ndjson'), 'utf8')).toBe(readFileSync(join(dir, 'chunks-plain.ndjson'), 'utf8'));
  });
});

describe('how many workers a run starts', () => {
  const options = (workers: number, extraWorkerMinBytes?: number) => ({
    input,
    output: join(dir, `workers-${workers}-${extraWorkerMinBytes ?? 'all'}.ndjson`),
    rulesDir: `${ROOT}rules`,
    period: null,
    detail: 'compact' as const,
    workers,
    resume: false,
    chunkLines: 100,
    progress: null,
    ...(extraWorkerMinBytes === undefined ? {} : { extraWorkerMinBytes }),
  });

  it('--workers N starts N; without --workers a small input stays on one worker, with the same output', async () => {
    const all = await runBatch(options(2));
    const small = await runBatch(options(2, EXTRA_WORKER_MIN_BYTES));
    const none = await runBatch(options(0));
    expect([all.workersStarted, small.workersStarted, none.workersStarted]).toEqual([2, 1, 0]);
    const eager = readFileSync(options(2).output, 'utf8');
    expect(readFileSync(options(2, EXTRA_WORKER_MIN_BYTES).output, 'utf8')).toBe(eager);
    expect(readFileSync(options(0).output, 'utf8')).toBe(eager);
  });

  it('starts the next worker while at least extraWorkerMinBytes of input are left', async () => {
    const size = readFileSync(input).length;
    expect((await runBatch(options(3, Math.floor(size / 2)))).workersStarted).toBeGreaterThan(1);
  });
});
