/**
 * The monthly command end to end on a real decision store: month M−1 recorded with batch --record,
 * month M run through `monthly`; one line per input line in order, linked to the previous decision,
 * recorded once (also across a kill and --resume, with byte-identical output), replayable; automatic
 * mode refused without a delegation and, with one, automated decisions only for ready approvals.
 */
import { copyFileSync, cpSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthlyLines } from '../../bench/generate.ts';
import { cli, cliAsync, tempDir } from '../batch/support.ts';
import { RULES_DIR } from '../support/engine.ts';

const dir = tempDir();
const previousFile = join(dir, 'feb.ndjson');
const input = join(dir, 'mar.ndjson');
const baseStore = join(dir, 'base.sqlite');
const COUNT = 400;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function freshStore(name: string): string {
  const path = join(dir, name);
  copyFileSync(baseStore, path);
  return path;
}
const readLines = (path: string) => readFileSync(path, 'utf8').split('\n').slice(0, -1).map((l) => JSON.parse(l) as Record<string, any>);
function query<T>(store: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(store, { readonly: true });
  const rows = db.prepare(sql).all(...params) as T[];
  db.close();
  return rows;
}

beforeAll(async () => {
  const pairs = [...monthlyLines(COUNT, 11, '2026-03')];
  writeFileSync(previousFile, pairs.flatMap((p) => (p.previous ? [`${p.previous}\n`] : [])).join(''));
  // One line with an arrival day that is not a date, to check its error record.
  const lines = pairs.map((p) => p.current);
  lines[5] = lines[5]!.replace(/"receivedOn":"[^"]+"/, '"receivedOn":"2026-02-30"');
  writeFileSync(input, `${lines.join('\n')}\n`);
  const r = (await cli(['batch', '--in', previousFile, '--out', join(dir, 'feb.out'), '--record', '--store', baseStore, '--workers', '2']));
  if (r.status !== 0) throw new Error(r.stderr);
}, 120_000);

describe('monthly (recommend mode)', () => {
  const out = join(dir, 'out.ndjson');
  let store: string;
  it('one line per input line, in order, each routed and linked to last month’s decision, recorded once', async () => {
    store = freshStore('run.sqlite');
    const r = (await cli(['monthly', '--in', input, '--out', out, '--store', store, '--workers', '2', '--today', '2026-03-09', '--queue', join(dir, 'queue.ndjson')]));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const rows = readLines(out);
    expect(rows.map((o) => o.line)).toEqual(Array.from({ length: COUNT }, (_, i) => i + 1));
    expect(rows[5]).toMatchObject({ line: 6, errors: [{ path: 'receivedOn', code: 'INVALID_DATE' }] });
    const proposals = rows.filter((o) => !o.errors);
    const previous = new Map(query<{ case_id: string; decision_id: string }>(store, "SELECT case_id, decision_id FROM records WHERE period = '2026-02'").map((x) => [x.case_id, x.decision_id]));
    for (const p of proposals) {
      expect(p.routing.previousDecisionId).toBe(previous.get(p.caseId) ?? null);
      if (!previous.has(p.caseId)) expect(p.routing.reasons).toContain('NO_PREVIOUS_DECISION');
      if (p.routing.to === 'ready') expect(p.outcome).toBe('approve');
      expect(p.routing.mode).toBe('recommend');
      expect(p.routing.automated).toBe(false);
    }
    expect(proposals.some((p) => p.routing.to === 'ready')).toBe(true);
    expect(proposals.some((p) => p.changes.some((c: { code: string }) => c.code === 'COST_CHANGED'))).toBe(true);
    // Recorded once each, in input order, with the routing inside the hashed decision.
    const recorded = query<{ case_id: string; decision_json: string }>(store, "SELECT case_id, decision_json FROM records WHERE period = '2026-03' ORDER BY seq");
    expect(recorded.map((x) => x.case_id)).toEqual(proposals.map((p) => p.caseId));
    expect(recorded.map((x) => JSON.parse(x.decision_json).routing)).toEqual(proposals.map((p) => p.routing));
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ lines: COUNT, errors: 1, recorded: COUNT - 1, mode: 'recommend', today: '2026-03-09' });
    expect(summary.byRouting.ready + summary.byRouting.caseworker).toBe(COUNT - 1);
    expect(summary.pastDueOn).toBe(proposals.filter((p) => p.routing.dueOn < '2026-03-09').length);
    expect(summary.byReason.NO_PREVIOUS_DECISION).toBe(proposals.filter((p) => p.routing.previousDecisionId === null).length);
    // The queue: every proposal awaiting a person, sorted by dueOn.
    const queue = readLines(join(dir, 'queue.ndjson'));
    expect(queue.length).toBe(COUNT - 1);
    expect(queue.map((q) => q.dueOn)).toEqual([...queue.map((q) => q.dueOn)].sort());
  }, 120_000);

  it('the chain verifies and a monthly record replays identically', async () => {
    expect((await cli(['audit', 'verify', '--store', store])).status).toBe(0);
    const [row] = query<{ decision_id: string }>(store, "SELECT decision_id FROM records WHERE period = '2026-03' ORDER BY seq LIMIT 1 OFFSET 10");
    const replay = (await cli(['replay', row!.decision_id, '--store', store]));
    expect(replay.stdout).toMatch(/identical/);
    expect(replay.status).toBe(0);
  }, 60_000);

  it('killed in the middle and resumed: byte-identical output, each case recorded exactly once', async () => {
    const killedStore = freshStore('killed.sqlite');
    const killedOut = join(dir, 'killed.ndjson');
    const args = ['monthly', '--in', input, '--out', killedOut, '--store', killedStore, '--workers', '2', '--chunk-lines', '20'];
    const child = cliAsync(args);
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && !(existsSync(killedOut) && statSync(killedOut).size > 60_000)) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    await exited;
    const partial = query<{ n: number }>(killedStore, "SELECT COUNT(*) AS n FROM records WHERE period = '2026-03'")[0]!.n;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(COUNT - 1);
    const r = (await cli([...args, '--resume']));
    expect(r.status).toBe(0);
    expect(readFileSync(killedOut)).toEqual(readFileSync(out));
    const cases = query<{ case_id: string }>(killedStore, "SELECT case_id FROM records WHERE period = '2026-03' ORDER BY seq").map((x) => x.case_id);
    expect(cases).toEqual(readLines(out).filter((o) => !o.errors).map((o) => o.caseId));
    expect((await cli(['audit', 'verify', '--store', killedStore])).status).toBe(0);
  }, 180_000);
});

describe('what a run compares with', () => {
  it('only decisions recorded before the run started: both months of a case in one input do not compare with each other', async () => {
    const store = freshStore('both.sqlite');
    const [pair] = [...monthlyLines(1, 99, '2026-03')];
    const feb = { ...JSON.parse(pair!.previous ?? pair!.current), caseId: 'BOTH-1', period: '2026-02' };
    delete feb.receivedOn;
    const mar = { ...JSON.parse(pair!.current), caseId: 'BOTH-1' };
    const both = join(dir, 'both.ndjson');
    writeFileSync(both, `${JSON.stringify(feb)}\n${JSON.stringify(mar)}\n`);
    const target = join(dir, 'both.out');
    expect((await cli(['monthly', '--in', both, '--out', target, '--store', store, '--workers', '0'])).status).toBe(0);
    const [first, second] = readLines(target);
    expect(first!.routing.reasons).toContain('NO_PREVIOUS_DECISION');
    expect(second!.routing).toMatchObject({ previousDecisionId: null });
    expect(second!.routing.reasons).toContain('NO_PREVIOUS_DECISION');
    // A later run sees the February proposal as last month's decision.
    const again = join(dir, 'again.ndjson');
    writeFileSync(again, `${JSON.stringify(mar)}\n`);
    expect((await cli(['monthly', '--in', again, '--out', join(dir, 'again.out'), '--store', store, '--workers', '0'])).status).toBe(0);
    const [feb1] = query<{ decision_id: string }>(store, "SELECT decision_id FROM records WHERE case_id = 'BOTH-1' AND period = '2026-02'");
    expect(readLines(join(dir, 'again.out'))[0]!.routing.previousDecisionId).toBe(feb1!.decision_id);
  }, 60_000);
});

describe('monthly --mode automatic', () => {
  it('refuses to run without the municipality’s delegation (exit 2, nothing written)', async () => {
    const store = freshStore('refused.sqlite');
    const target = join(dir, 'refused.ndjson');
    const r = (await cli(['monthly', '--in', input, '--out', target, '--store', store, '--mode', 'automatic']));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no delegation to an automated decision function/);
    expect(existsSync(target)).toBe(false);
    expect(query<{ n: number }>(store, "SELECT COUNT(*) AS n FROM records WHERE period = '2026-03'")[0]!.n).toBe(0);
  }, 60_000);

  it('with a delegation: ready approvals become automated decisions, never a refusal; the rest goes to the queue', async () => {
    const rules = join(dir, 'rules');
    cpSync(RULES_DIR, rules, { recursive: true });
    const file = join(rules, 'municipal', 'default.json');
    const policy = JSON.parse(readFileSync(file, 'utf8'));
    policy.values[0].automatedDecisionDelegation = { value: 'Socialnämnden 2026-01-20 § 5, punkt 4.2', status: 'verified', source: 'no-automated-delegation' };
    writeFileSync(file, JSON.stringify(policy));
    const store = freshStore('automatic.sqlite');
    const target = join(dir, 'automatic.ndjson');
    const r = (await cli(['monthly', '--in', input, '--out', target, '--store', store, '--mode', 'automatic', '--rules', rules, '--workers', '1', '--queue', join(dir, 'aq.ndjson')]));
    expect(r.status).toBe(0);
    const proposals = readLines(target).filter((o) => !o.errors);
    const automated = proposals.filter((p) => p.routing.automated);
    expect(automated.length).toBeGreaterThan(0);
    for (const p of automated) expect(p).toMatchObject({ outcome: 'approve', routing: { to: 'ready', reasons: [], delegation: 'Socialnämnden 2026-01-20 § 5, punkt 4.2' } });
    expect(proposals.filter((p) => p.routing.to === 'ready').length).toBe(automated.length);
    expect(readLines(join(dir, 'aq.ndjson')).length).toBe(proposals.length - automated.length);
    const [row] = query<{ decision_id: string; decision_json: string }>(store, "SELECT decision_id, decision_json FROM records WHERE period = '2026-03' AND json_extract(decision_json, '$.routing.automated') = 1 LIMIT 1");
    // The record keeps data; its decision text is rendered when it is read.
    expect(JSON.parse((await cli(['show', row!.decision_id, '--store', store, '--json'])).stdout).decision.decisionText).toContain('Socialnämnden 2026-01-20 § 5, punkt 4.2');
    expect((await cli(['replay', row!.decision_id, '--store', store])).stdout).toMatch(/identical/);
    expect((await cli(['show', row!.decision_id, '--store', store])).stdout).toContain('Månadskörning: automatiserat beslut enligt Socialnämnden 2026-01-20 § 5, punkt 4.2');
  }, 120_000);
});
