/**
 * Issue 4, the store API: a recorded decision replays identical from the stored input and the
 * stored rule set; each rule set is stored once, in full, and hashes back to its version; the
 * chain links record to record; the recording time is the only clock read (injected here).
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalJson, contentHash, sha256 } from '../../src/canonical.ts';
import { versionRuleSet } from '../../src/rulebook/resolve.ts';
import { GENESIS, decisionIdOf, seqOfDecisionId } from '../../src/store/chain.ts';
import { diffJson } from '../../src/store/diff.ts';
import { replayRecord } from '../../src/store/replay.ts';
import { recordJson, serializeRecord } from '../../src/store/serialize.ts';
import { DecisionStore, StoreError, StoreNotFoundError, storePath } from '../../src/store/store.ts';
import { verifyStore } from '../../src/store/verify.ts';
import { household, rawDb, recordInput, tempDir } from './support.ts';

const tmp = tempDir('store-');
afterAll(tmp.cleanup);
let n = 0;
const fixedClock = () => new Date('2026-03-15T09:30:00.000Z');
const newStore = () => DecisionStore.open(join(tmp.dir, `s${++n}`, 'records.sqlite'), { create: true, clock: fixedClock });

describe('recording', () => {
  it('records a decision and replays it identical with the stored rule set', () => {
    const store = newStore();
    const item = recordInput(household(1));
    const ref = store.record(item);
    expect(ref.seq).toBe(1);
    expect(ref.decisionId).toBe(decisionIdOf(1, ref.recordHash));
    expect(ref.recordedAt).toBe('2026-03-15T09:30:00.000Z');
    const stored = store.get(ref.decisionId)!;
    expect(stored.prevHash).toBe(GENESIS);
    expect(stored.inputJson).toBe(canonicalJson(item.input));
    expect(stored.inputHash).toBe(item.decision.inputHash);
    expect(stored.decisionJson).toBe(recordJson(item.decision, item.ruleSet.rules));
    expect(stored.ruleSetVersion).toBe(item.decision.ruleSetVersion);
    expect(stored.engineVersion).toBe(item.decision.engineVersion);
    const replay = replayRecord(store, stored);
    expect(replay).toMatchObject({ identical: true, differences: [], refused: null, integrityProblem: null, rules: 'stored', ruleSetVersion: stored.ruleSetVersion });
    store.close();
  });

  it('stores each rule set once, in full, and the stored JSON hashes back to its version', () => {
    const store = newStore();
    const items = [1, 2, 3, 4, 5, 6].map((i) => recordInput(household(i)));
    store.recordMany(items.slice(0, 3));
    store.recordMany(items.slice(3));
    const rows = store.ruleSetRows();
    const versions = [...new Set(items.map((i) => i.ruleSet.version))].sort();
    expect(rows.map((r) => r.version)).toEqual(versions);
    expect(versions).toHaveLength(2); // two periods
    for (const row of rows) {
      expect(sha256(row.json)).toBe(row.version);
      const loaded = store.ruleSet(row.version);
      expect(contentHash(loaded.rules)).toBe(row.version);
      expect(versionRuleSet(loaded.rules).version).toBe(row.version);
      expect(loaded.rules).toEqual(JSON.parse(JSON.stringify(items.find((i) => i.ruleSet.version === row.version)!.ruleSet.rules)));
    }
    store.close();
  });

  it('chains the records: each links to the hash of the one before, in one transaction per chunk', () => {
    const store = newStore();
    const refs = store.recordMany([1, 2, 3].map((i) => recordInput(household(i))));
    refs.push(...store.recordMany([4, 5].map((i) => recordInput(household(i)))));
    expect(refs.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    const records = [...store.records()];
    expect(records.map((r) => r.prevHash)).toEqual([GENESIS, ...refs.slice(0, 4).map((r) => r.recordHash)]);
    expect(store.head()).toEqual({ seq: 5, recordHash: refs[4]!.recordHash });
    expect(verifyStore(store)).toMatchObject({ ok: true, records: 5, ruleSets: 2, problems: [], head: { seq: 5 } });
    expect(seqOfDecisionId(refs[2]!.decisionId)).toBe(3);
    store.close();
  });

  it('a decision serialised beforehand (serializeRecord, as batch workers do) gives the very same record', () => {
    const a = newStore();
    const b = newStore();
    const items = [1, 2, 3].map((i) => recordInput(household(i)));
    const direct = a.recordMany(items);
    const serialized = b.recordMany(items.map((i) => ({ serialized: serializeRecord(i.input, i.decision, i.ruleSet.rules), ruleSet: i.ruleSet })));
    expect(serialized).toEqual(direct);
    expect([...b.records()]).toEqual([...a.records()]);
    const forged = { ...serializeRecord(items[0]!.input, items[0]!.decision, items[0]!.ruleSet.rules), inputJson: canonicalJson(items[1]!.input) };
    expect(() => b.record({ serialized: forged, ruleSet: items[0]!.ruleSet })).toThrow(/computed from input/);
    a.close();
    b.close();
  });

  it('refuses a decision that does not belong to the input or the rule set given, and records nothing', () => {
    const store = newStore();
    const a = recordInput(household(1));
    const b = recordInput(household(2));
    expect(() => store.record({ ...a, input: b.input })).toThrow(StoreError);
    expect(() => store.record({ ...a, ruleSet: b.ruleSet })).toThrow(StoreError);
    expect(() => store.record({ ...a, ruleSet: { version: a.ruleSet.version, rules: b.ruleSet.rules } })).toThrow(/hashes to/);
    expect(store.count()).toBe(0);
    store.close();
  });

  it('a chunk that fails inside its transaction records nothing, not even its rule sets (all or none)', () => {
    const path = join(tmp.dir, `s${++n}`, 'records.sqlite');
    const failing = DecisionStore.open(path, { create: true, clock: () => { throw new Error('clock failed'); } });
    expect(() => failing.recordMany([1, 2].map((i) => recordInput(household(i))))).toThrow('clock failed');
    expect(failing.count()).toBe(0);
    expect(failing.ruleSetRows()).toEqual([]);
    failing.close();
    const store = DecisionStore.open(path, { create: true, clock: fixedClock });
    expect(store.record(recordInput(household(1))).seq).toBe(1);
    store.close();
  });

  it('keeps the store append-only at the database level too (triggers)', () => {
    const store = newStore();
    store.recordMany([1, 2].map((i) => recordInput(household(i))));
    store.close();
    const db = rawDb(store.path);
    expect(() => db.prepare("UPDATE records SET case_id = 'X' WHERE seq = 1").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM records WHERE seq = 2').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE rule_sets SET json = '{}'").run()).toThrow(/append-only/);
    expect(() => db.prepare('UPDATE chain_head SET seq = 1').run()).toThrow(/chain head/);
    expect(() =>
      db.prepare("INSERT INTO records SELECT 7, 'x', recorded_at, case_id, period, rule_set_version, engine_version, input_hash, input_json, decision_json, prev_hash, 'y' FROM records WHERE seq = 1").run(),
    ).toThrow(/extend the chain head/);
    db.close();
  });

  it('resolves the store path: --store, else $BISTAND_STORE, else .bistand/records.sqlite under the current directory', () => {
    expect(storePath('/x/a.sqlite', { BISTAND_STORE: '/y/b.sqlite' }, '/cwd')).toBe('/x/a.sqlite');
    expect(storePath(undefined, { BISTAND_STORE: '/y/b.sqlite' }, '/cwd')).toBe('/y/b.sqlite');
    expect(storePath(undefined, {}, '/cwd')).toBe(join('/cwd', '.bistand', 'records.sqlite'));
  });

  it('the read side never creates a store', () => {
    expect(() => DecisionStore.open(join(tmp.dir, 'none', 'records.sqlite'), { readonly: true })).toThrow(StoreNotFoundError);
  });
});

describe('diffJson', () => {
  it('lists every differing path with both values, including added and removed fields and elements', () => {
    const a = { payable: '10', trace: [{ text: 'a' }, { text: 'b' }], gone: 1, 'odd key': true };
    const b = { payable: '11', trace: [{ text: 'a' }], added: null, 'odd key': true };
    expect(diffJson(a, b)).toEqual([
      { path: 'added', recomputed: null },
      { path: 'gone', recorded: 1 },
      { path: 'payable', recorded: '10', recomputed: '11' },
      { path: 'trace[1]', recorded: { text: 'b' } },
    ]);
    expect(diffJson({ x: [1, 2] }, { x: [1, 2] })).toEqual([]);
    expect(diffJson({ 'a-b': 1 }, { 'a-b': 2 })).toEqual([{ path: '["a-b"]', recorded: 1, recomputed: 2 }]);
  });
});
