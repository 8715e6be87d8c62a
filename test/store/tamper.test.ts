/**
 * Issue 4: `audit verify` detects any edited, deleted or reordered record and names the first bad
 * one, without relying on the store's triggers. Each test opens the file directly with
 * better-sqlite3, as an attacker would, drops the triggers and changes rows.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { recordHash } from '../../src/store/chain.ts';
import { sha256 } from '../../src/canonical.ts';
import { replayRecord } from '../../src/store/replay.ts';
import { DecisionStore, StoreError, type RecordRef } from '../../src/store/store.ts';
import { verifyStore, type VerifyReport } from '../../src/store/verify.ts';
import { cli, household, rawDb, recordInput, tempDir } from './support.ts';

const tmp = tempDir('tamper-');
afterAll(tmp.cleanup);
let n = 0;

/** A store with six records (two chunks), closed; returns its path and the refs. */
function sixRecords(): { path: string; refs: RecordRef[] } {
  const path = join(tmp.dir, `t${++n}.sqlite`);
  const store = DecisionStore.open(path, { create: true });
  const refs = [...store.recordMany([1, 2, 3].map((i) => recordInput(household(i)))), ...store.recordMany([4, 5, 6].map((i) => recordInput(household(i))))];
  store.close();
  return { path, refs };
}

const DROP_TRIGGERS = `
  DROP TRIGGER records_no_update; DROP TRIGGER records_no_delete; DROP TRIGGER records_extend_head;
  DROP TRIGGER records_advance_head; DROP TRIGGER chain_head_forward_only; DROP TRIGGER rule_sets_no_update;`;

function tamper(path: string, sql: string, ...params: unknown[]): void {
  const db = rawDb(path);
  db.exec(DROP_TRIGGERS);
  db.prepare(sql).run(...params);
  db.close();
}

function verify(path: string, anchors: string[] = []): VerifyReport {
  const store = DecisionStore.open(path, { readonly: true });
  try {
    return verifyStore(store, { anchors });
  } finally {
    store.close();
  }
}

/** The record problems only (every tampered store also lacks its triggers). */
const recordProblems = (r: VerifyReport) => r.problems.filter((p) => p.kind !== 'triggers');

describe('audit verify', () => {
  it('an intact store verifies, through the command line too (exit 0, head hash printed)', async () => {
    const { path, refs } = sixRecords();
    expect(verify(path, [refs[2]!.recordHash, refs[5]!.recordHash])).toMatchObject({ ok: true, records: 6, head: { seq: 6, recordHash: refs[5]!.recordHash } });
    const r = await cli(['audit', 'verify', '--store', path]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('records: 6, rule sets: 2');
    expect(r.stdout).toContain(`head: #6 ${refs[5]!.recordHash}`);
    expect(r.stdout).toContain('intact');
  });

  it('an edited decision: names that record (exit 1 on the command line)', async () => {
    const { path, refs } = sixRecords();
    tamper(path, `UPDATE records SET decision_json = replace(decision_json, '"payable":"', '"payable":"1') WHERE seq = 3`);
    const report = verify(path);
    expect(report.ok).toBe(false);
    expect(report.firstBad).toMatchObject({ kind: 'edited', seq: 3, decisionId: refs[2]!.decisionId });
    expect(recordProblems(report)).toHaveLength(1);
    const r = await cli(['audit', 'verify', '--store', path]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`BROKEN: record #3 ${refs[2]!.decisionId}: its content does not match its hash: the record was edited`);
    expect(r.stdout).toContain('append-only triggers were removed');
  });

  it('an edited input, and an edited metadata column', async () => {
    const a = sixRecords();
    tamper(a.path, `UPDATE records SET input_json = replace(input_json, '7900', '9700') WHERE seq = 2`);
    expect(verify(a.path).firstBad).toMatchObject({ kind: 'edited', seq: 2 });
    const b = sixRecords();
    tamper(b.path, `UPDATE records SET recorded_at = '2020-01-01T00:00:00.000Z' WHERE seq = 5`);
    expect(verify(b.path).firstBad).toMatchObject({ kind: 'edited', seq: 5 });
  });

  it('an edit whose hash was recomputed is still caught: its id no longer matches, and the next record does not link', async () => {
    const { path, refs } = sixRecords();
    const db = rawDb(path);
    db.exec(DROP_TRIGGERS);
    const row = db.prepare('SELECT * FROM records WHERE seq = 3').get() as Record<string, string | number | null>;
    const decisionJson = (row['decision_json'] as string).replace('"payable":"', '"payable":"1');
    const forged = recordHash({
      seq: 3,
      prevHash: row['prev_hash'] as string,
      recordedAt: row['recorded_at'] as string,
      caseId: row['case_id'] as string,
      period: row['period'] as string,
      ruleSetVersion: row['rule_set_version'] as string,
      engineVersion: row['engine_version'] as string,
      inputHash: row['input_hash'] as string,
      decisionHash: sha256(decisionJson),
    });
    db.prepare('UPDATE records SET decision_json = ?, record_hash = ? WHERE seq = 3').run(decisionJson, forged);
    db.close();
    const report = verify(path);
    expect(report.firstBad).toMatchObject({ kind: 'renamed', seq: 3, decisionId: refs[2]!.decisionId });
    expect(recordProblems(report).map((p) => [p.kind, p.seq])).toEqual([
      ['renamed', 3],
      ['unlinked', 4],
    ]);
  });

  it('a deleted record in the middle', async () => {
    const { path } = sixRecords();
    tamper(path, 'DELETE FROM records WHERE seq = 4');
    const report = verify(path);
    expect(report.firstBad).toMatchObject({ kind: 'missing', seq: 4, decisionId: null });
    expect(report.firstBad!.message).toContain('record #4 is missing (deleted)');
  });

  it('a deleted record renumbered to close the gap', async () => {
    const { path } = sixRecords();
    const db = rawDb(path);
    db.exec(DROP_TRIGGERS);
    db.prepare('DELETE FROM records WHERE seq = 2').run();
    for (const seq of [3, 4, 5, 6]) db.prepare('UPDATE records SET seq = ? WHERE seq = ?').run(seq - 1, seq);
    db.close();
    const report = verify(path);
    expect(report.firstBad).toMatchObject({ kind: 'moved', seq: 2 });
    expect(report.firstBad!.message).toContain('it was recorded as #3 and now stands at #2');
  });

  it('deleted records at the end: caught by the chain head', async () => {
    const { path } = sixRecords();
    tamper(path, 'DELETE FROM records WHERE seq >= 5');
    const report = verify(path);
    expect(report.firstBad).toMatchObject({ kind: 'missing', seq: 5 });
    expect(report.firstBad!.message).toContain('the records after #4 were deleted');
  });

  it('deleted records at the end with the chain head rewritten: caught by an anchor written down earlier', async () => {
    const { path, refs } = sixRecords();
    const db = rawDb(path);
    db.exec(DROP_TRIGGERS);
    db.prepare('DELETE FROM records WHERE seq >= 5').run();
    db.prepare('UPDATE chain_head SET seq = 4, record_hash = ?').run(refs[3]!.recordHash);
    db.close();
    expect(recordProblems(verify(path))).toEqual([]); // without an anchor the shorter chain looks whole
    const report = verify(path, [refs[5]!.recordHash]);
    expect(recordProblems(report)).toEqual([expect.objectContaining({ kind: 'anchor' })]);
    const r = await cli(['audit', 'verify', '--store', path, '--anchor', refs[5]!.recordHash]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`the anchor ${refs[5]!.recordHash} is not in the chain`);
  });

  it('two records swapped (positions exchanged): names the first of them as moved', async () => {
    const { path, refs } = sixRecords();
    const db = rawDb(path);
    db.exec(DROP_TRIGGERS);
    db.prepare('UPDATE records SET seq = -1 WHERE seq = 3').run();
    db.prepare('UPDATE records SET seq = 3 WHERE seq = 4').run();
    db.prepare('UPDATE records SET seq = 4 WHERE seq = -1').run();
    db.close();
    const report = verify(path);
    expect(report.firstBad).toMatchObject({ kind: 'moved', seq: 3, decisionId: refs[3]!.decisionId });
    // #5 itself is intact, but what stands before it is no longer the record it was chained to.
    expect(recordProblems(report).map((p) => [p.kind, p.seq])).toEqual([
      ['moved', 3],
      ['moved', 4],
      ['unlinked', 5],
    ]);
  });

  it('two records with their contents swapped in place: names the first of them', async () => {
    const { path } = sixRecords();
    const db = rawDb(path);
    db.exec(DROP_TRIGGERS);
    const [a, b] = [2, 3].map((seq) => db.prepare('SELECT input_json, decision_json, input_hash, case_id FROM records WHERE seq = ?').get(seq) as Record<string, string>);
    const swap = db.prepare('UPDATE records SET input_json = ?, decision_json = ?, input_hash = ?, case_id = ? WHERE seq = ?');
    swap.run(b!['input_json'], b!['decision_json'], b!['input_hash'], b!['case_id'], 2);
    swap.run(a!['input_json'], a!['decision_json'], a!['input_hash'], a!['case_id'], 3);
    db.close();
    expect(verify(path).firstBad).toMatchObject({ kind: 'edited', seq: 2 });
  });

  it('dropping the triggers alone is reported, though every record still checks out', async () => {
    const { path } = sixRecords();
    const db = rawDb(path);
    db.exec('DROP TRIGGER records_no_delete');
    db.close();
    const report = verify(path);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'triggers', seq: null, message: expect.stringContaining('records_no_delete') })]);
  });

  it('an edited rule set: verify names the first record that used it, and replay refuses it', async () => {
    const { path, refs } = sixRecords();
    tamper(path, `UPDATE rule_sets SET json = replace(json, '"3940"', '"4100"') WHERE json LIKE '%"3940"%'`);
    const report = verify(path);
    expect(report.firstBad).toMatchObject({ kind: 'rule-set', seq: 2, decisionId: refs[1]!.decisionId }); // household(2) is 2026-03
    const store = DecisionStore.open(path, { readonly: true });
    expect(() => replayRecord(store, store.get(refs[1]!.decisionId)!)).toThrow(StoreError);
    store.close();
    const r = await cli(['replay', refs[1]!.decisionId, '--store', path]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('does not hash to its version: it was edited');
  });
});
