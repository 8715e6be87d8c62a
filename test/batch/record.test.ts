/**
 * batch --record (issues 3 and 4): every valid line's full decision lands in the decision store, once,
 * in input order — also when the run is killed and resumed.
 */
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, cliAsync, tempDir, writeInput } from './support.ts';

const dir = tempDir();
const input = join(dir, 'in.ndjson');
let valid = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(() => {
  const lines = writeInput(input, 1000, 31, '2024-10', 0.03);
  valid = lines.filter((l) => {
    try {
      JSON.parse(l);
    } catch {
      return false;
    }
    return true;
  }).length;
});

const caseIdsInStore = (store: string) => {
  const db = new Database(store, { readonly: true });
  const rows = db.prepare('SELECT case_id FROM records ORDER BY seq').pluck().all() as string[];
  db.close();
  return rows;
};

describe('batch --record', () => {
  it('records every valid line once, in input order, and the chain verifies', async () => {
    const store = join(dir, 'records.sqlite');
    const out = join(dir, 'out.ndjson');
    const r = await cli(['batch', '--in', input, '--out', out, '--record', '--store', store, '--workers', '1']);
    expect(r.status).toBe(0);
    const summary = JSON.parse(r.stdout);
    const decisions = readFileSync(out, 'utf8').split('\n').slice(0, -1).map((l) => JSON.parse(l)).filter((o) => !o.errors);
    expect(summary.recorded).toBe(decisions.length);
    expect(decisions.length).toBeLessThanOrEqual(valid);
    expect(caseIdsInStore(store)).toEqual(decisions.map((d) => d.caseId));
    expect((await cli(['audit', 'verify', '--store', store])).status).toBe(0);
    const db = new Database(store, { readonly: true });
    const id = db.prepare('SELECT decision_id FROM records WHERE seq = 777').pluck().get() as string;
    db.close();
    const replay = await cli(['replay', id, '--store', store]);
    expect(replay.status).toBe(0);
    expect(replay.stdout).toMatch(/identical/);
  }, 120_000);

  it('a run killed in the middle and resumed records each line exactly once', async () => {
    const store = join(dir, 'killed.sqlite');
    const out = join(dir, 'killed.ndjson');
    const child = cliAsync(['batch', '--in', input, '--out', out, '--record', '--store', store, '--workers', '2', '--chunk-lines', '20']);
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && !(existsSync(out) && statSync(out).size > 100_000)) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    await exited;
    const before = caseIdsInStore(store).length;
    expect(before).toBeGreaterThan(0);
    const r = await cli(['batch', '--in', input, '--out', out, '--record', '--store', store, '--workers', '0', '--resume']);
    expect(r.status).toBe(0);
    const decisions = readFileSync(out, 'utf8').split('\n').slice(0, -1).map((l) => JSON.parse(l)).filter((o) => !o.errors);
    expect(caseIdsInStore(store)).toEqual(decisions.map((d) => d.caseId));
    expect((await cli(['audit', 'verify', '--store', store])).status).toBe(0);
  }, 120_000);
});
