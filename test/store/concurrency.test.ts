/**
 * Issue 4: several processes recording into the same store at once lose nothing and keep the chain
 * valid (WAL, busy timeout, BEGIN IMMEDIATE around read-head-and-append). Real child processes,
 * started together on a fresh file so that creating the tables races as well.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DecisionStore } from '../../src/store/store.ts';
import { verifyStore } from '../../src/store/verify.ts';
import { ROOT } from '../support/engine.ts';
import { cli, tempDir, TSX } from './support.ts';

const tmp = tempDir('concurrent-');
afterAll(tmp.cleanup);

interface Writer {
  readonly label: string;
  readonly ready: Promise<void>;
  readonly done: Promise<string[]>;
  go(): void;
}

function writer(path: string, label: string, count: number, chunk: number): Writer {
  const child = spawn(process.execPath, ['--import', TSX, join(ROOT, 'test', 'store', 'recorder-process.ts'), path, label, String(count), String(chunk)], { cwd: ROOT });
  let stdout = '';
  let stderr = '';
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
    if (stdout.startsWith('ready\n')) markReady();
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const done = new Promise<string[]>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => {
      markReady(); // never leave the test waiting on a writer that died early
      if (status !== 0) reject(new Error(`writer ${label} exited ${status}: ${stderr}`));
      else resolve(JSON.parse(stdout.slice('ready\n'.length)) as string[]);
    });
  });
  return { label, ready, done, go: () => child.stdin.end('go\n') };
}

describe('concurrent recording', () => {
  it('three processes recording 600 decisions into one new store lose nothing and keep the chain valid', async () => {
    const path = join(tmp.dir, 'shared', 'records.sqlite');
    const writers = [writer(path, 'A', 200, 1), writer(path, 'B', 200, 1), writer(path, 'C', 200, 10)];
    await Promise.all(writers.map((w) => w.ready));
    for (const w of writers) w.go();
    const ids = await Promise.all(writers.map((w) => w.done));

    const store = DecisionStore.open(path, { readonly: true });
    const report = verifyStore(store);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, records: 600, head: { seq: 600 } });
    const records = [...store.records()];
    store.close();

    expect(new Set(ids.flat()).size).toBe(600);
    const seqOf = new Map(records.map((r) => [r.decisionId, r.seq]));
    const caseOf = new Map(records.map((r) => [r.decisionId, r.caseId]));
    writers.forEach((w, k) => {
      // Each writer's records are all there, in the order it recorded them, with its own inputs.
      const seqs = ids[k]!.map((id) => seqOf.get(id)!);
      expect(seqs.every((s, i) => i === 0 || s > seqs[i - 1]!)).toBe(true);
      expect(ids[k]!.map((id) => caseOf.get(id))).toEqual(ids[k]!.map((_, i) => `${w.label}-${i}`));
    });

    const r = await cli(['audit', 'verify', '--store', path]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('records: 600,');
  });
});
