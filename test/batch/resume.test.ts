/**
 * Resume (issue 3): a run killed in the middle — SIGKILL, or SIGINT handled by the batch — continues
 * with --resume, and the final output equals an uninterrupted run byte for byte.
 */
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, cliAsync, tempDir, writeInput } from './support.ts';

const dir = tempDir();
const input = join(dir, 'in.ndjson');
const reference = join(dir, 'reference.ndjson');
let referenceSummary: Record<string, unknown> = {};
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  writeInput(input, 5000, 7, '2025-11', 0.01);
  const r = await cli(['batch', '--in', input, '--out', reference, '--workers', '0']);
  expect(r.status).toBe(0);
  referenceSummary = JSON.parse(r.stdout) as Record<string, unknown>;
}, 120_000);

/** Starts the batch and sends `signal` once the output has some lines in it. */
async function interrupt(out: string, signal: NodeJS.Signals): Promise<number | null> {
  const child = cliAsync(['batch', '--in', input, '--out', out, '--workers', '2', '--chunk-lines', '20']);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (existsSync(out) && statSync(out).size > 200_000) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  child.kill(signal);
  return exited;
}

describe('resume', () => {
  it('after SIGKILL, --resume gives the same bytes as an uninterrupted run', async () => {
    const out = join(dir, 'killed.ndjson');
    await interrupt(out, 'SIGKILL');
    const partial = readFileSync(out).length;
    expect(partial).toBeLessThan(readFileSync(reference).length); // really cut short
    const r = await cli(['batch', '--in', input, '--out', out, '--workers', '1', '--resume']);
    expect(r.status).toBe(0);
    expect(readFileSync(out).equals(readFileSync(reference))).toBe(true);
    expect(existsSync(`${out}.checkpoint`)).toBe(false);
    const summary = JSON.parse(r.stdout);
    expect(summary.lines).toBe(5000);
  }, 120_000);

  it('SIGINT stops cleanly (exit 130, checkpoint written), and --resume completes the same bytes', async () => {
    const out = join(dir, 'interrupted.ndjson');
    const code = await interrupt(out, 'SIGINT');
    expect(code).toBe(130);
    const cp = JSON.parse(readFileSync(`${out}.checkpoint`, 'utf8'));
    expect(statSync(out).size).toBe(cp.outputBytes); // nothing beyond the checkpoint
    expect(readFileSync(out, 'utf8').split('\n').length - 1).toBe(cp.linesDone);
    const r = await cli(['batch', '--in', input, '--out', out, '--workers', '1', '--resume']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).resumedFromLine).toBe(cp.linesDone + 1);
    expect(readFileSync(out).equals(readFileSync(reference))).toBe(true);
    // the summary of the resumed run covers the whole file
    const { resumedFromLine: _a, output: _b, workers: _w, ...whole } = referenceSummary;
    const { resumedFromLine: _c, output: _d, workers: _x, ...resumed } = JSON.parse(r.stdout);
    expect(resumed).toEqual(whole);
  }, 120_000);

  it('refuses to resume a checkpoint of another run', async () => {
    const out = join(dir, 'other.ndjson');
    await interrupt(out, 'SIGINT');
    const r = await cli(['batch', '--in', input, '--out', out, '--workers', '2', '--resume', '--period', '2026-01']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/belongs to another run/);
  }, 120_000);
});
