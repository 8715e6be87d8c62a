/**
 * `audit verify` (issue 4): walks the whole chain and recomputes every hash from the stored text.
 * It does not trust the database's own protections (the append-only triggers can be dropped by
 * anyone who opens the file), only the hashes: an edited, deleted, inserted or reordered record is
 * found and the first bad one is named.
 */
import { sha256 } from '../canonical.ts';
import { decisionIdOf, GENESIS, recordHash, seqOfDecisionId, type RecordHeader } from './chain.ts';
import type { DecisionStore, StoredRecord } from './store.ts';
import { isRegistrationJson, verifyCasework } from './verifyCasework.ts';
import { verifyCaseEvents } from './caseEvents.ts';
import { verifyQueueParts } from './queueParts.ts';

export type ProblemKind = 'missing' | 'edited' | 'moved' | 'unlinked' | 'renamed' | 'rule-set' | 'head' | 'anchor' | 'triggers' | 'schema' | 'registered' | 'payments' | 'log' | 'case-events' | 'derived';

export interface VerifyProblem {
  readonly kind: ProblemKind;
  /** The chain position concerned, or null for problems of the store as a whole. */
  readonly seq: number | null;
  readonly decisionId: string | null;
  readonly message: string;
}

export interface VerifyReport {
  readonly ok: boolean;
  readonly records: number;
  readonly ruleSets: number;
  /** The last record as found (seq 0 and GENESIS for an empty store): write its hash down to anchor the chain. */
  readonly head: { readonly seq: number; readonly recordHash: string };
  /** The first bad record (lowest position), else the first problem of the store as a whole. */
  readonly firstBad: VerifyProblem | null;
  readonly problems: readonly VerifyProblem[];
}

export interface VerifyOptions {
  /** Record hashes written down earlier (e.g. from a previous verify): each must still be in the chain. */
  readonly anchors?: readonly string[];
}

function headerOf(r: StoredRecord, seq: number, inputHash: string, decisionHash: string): RecordHeader {
  return {
    seq,
    prevHash: r.prevHash,
    recordedAt: r.recordedAt,
    caseId: r.caseId,
    period: r.period,
    ruleSetVersion: r.ruleSetVersion,
    engineVersion: r.engineVersion,
    inputHash,
    decisionHash,
  };
}

/**
 * Checks one record's own content against its hash, without its place in the chain (replay and
 * show use it to warn about a tampered record). Null when the content matches.
 */
export function recordContentProblem(r: StoredRecord): { kind: 'edited' | 'moved' | 'renamed'; message: string } | null {
  const inputHash = sha256(r.inputJson);
  const decisionHash = sha256(r.decisionJson);
  if (inputHash !== r.inputHash) return { kind: 'edited', message: 'its stored input does not match its input hash: the input was edited' };
  if (recordHash(headerOf(r, r.seq, inputHash, decisionHash)) !== r.recordHash) {
    const madeAt = seqOfDecisionId(r.decisionId);
    if (madeAt !== null && madeAt !== r.seq && recordHash(headerOf(r, madeAt, inputHash, decisionHash)) === r.recordHash) {
      return { kind: 'moved', message: `it was recorded as #${madeAt} and now stands at #${r.seq}: the records were reordered` };
    }
    return { kind: 'edited', message: 'its content does not match its hash: the record was edited' };
  }
  if (decisionIdOf(r.seq, r.recordHash) !== r.decisionId) return { kind: 'renamed', message: `its decision id does not match its position and hash (expected ${decisionIdOf(r.seq, r.recordHash)})` };
  return null;
}

export function verifyStore(store: DecisionStore, options: VerifyOptions = {}): VerifyReport {
  const problems: VerifyProblem[] = [];
  const storeProblem = (kind: ProblemKind, message: string) => problems.push({ kind, seq: null, decisionId: null, message });

  // Rule sets are content-addressed: each must hash to its own key.
  const ruleSetOk = new Map<string, boolean>();
  for (const row of store.ruleSetRows()) {
    const ok = sha256(row.json) === row.version;
    ruleSetOk.set(row.version, ok);
    if (!ok) storeProblem('rule-set', `the stored rule set ${row.version} does not hash to its version: it was edited`);
  }

  const anchors = new Set(options.anchors ?? []);
  const found = new Set<string>();
  let expected = 1;
  let prevHash = GENESIS;
  let last: StoredRecord | null = null;
  let count = 0;
  const recordProblems: VerifyProblem[] = [];
  // Registered decisions (issue 22) are records like the proposals; what they say is checked below.
  const registrations: StoredRecord[] = [];
  for (const r of store.records()) {
    count += 1;
    if (isRegistrationJson(r.decisionJson)) registrations.push(r);
    const bad = (kind: ProblemKind, message: string, seq = r.seq) => recordProblems.push({ kind, seq, decisionId: r.decisionId, message: `record #${r.seq} ${r.decisionId}: ${message}` });
    let linked = true;
    if (r.seq !== expected) {
      linked = false;
      if (r.seq > expected) {
        const gap = r.seq - 1 > expected ? `records #${expected}–#${r.seq - 1} are` : `record #${expected} is`;
        recordProblems.push({ kind: 'missing', seq: expected, decisionId: null, message: `${gap} missing (deleted); the chain goes on with #${r.seq} ${r.decisionId}` });
      } else {
        bad('moved', `stands at position #${r.seq} where #${expected} was expected`);
      }
    }
    const content = recordContentProblem(r);
    if (content) bad(content.kind, content.message);
    else if (linked && r.prevHash !== prevHash) bad('unlinked', `it does not link to the record before it (#${r.seq - 1}): a record was deleted, inserted or replaced before it`);
    if (ruleSetOk.get(r.ruleSetVersion) !== true) {
      bad('rule-set', ruleSetOk.has(r.ruleSetVersion) ? `its rule set ${r.ruleSetVersion} was edited` : `its rule set ${r.ruleSetVersion} is missing from the store`);
    }
    if (anchors.has(r.recordHash)) found.add(r.recordHash);
    prevHash = r.recordHash;
    expected = r.seq + 1;
    last = r;
  }

  const head = last ? { seq: last.seq, recordHash: last.recordHash } : { seq: 0, recordHash: GENESIS };
  const kept = store.head();
  if (kept.seq !== head.seq || kept.recordHash !== head.recordHash) {
    if (kept.seq > head.seq) {
      recordProblems.push({
        kind: 'missing',
        seq: head.seq + 1,
        decisionId: null,
        message: `the store's chain head is #${kept.seq} but the last record is #${head.seq}: the records after #${head.seq} were deleted`,
      });
    } else {
      storeProblem('head', `the store's chain head (#${kept.seq} ${kept.recordHash}) does not match the last record (#${head.seq} ${head.recordHash}): it was edited`);
    }
  }
  for (const anchor of anchors) {
    if (!found.has(anchor)) storeProblem('anchor', `the anchor ${anchor} is not in the chain: records were removed or the chain was rewritten`);
  }
  const missing = store.missingTriggers();
  if (missing.length > 0) storeProblem('triggers', `the store's append-only triggers were removed (${missing.join(', ')}): someone changed the file outside the engine`);
  // Issue 13: the triggers' and tables' SQL must be the engine's own, not only their names.
  const changed = store.schemaDifferences();
  const editedTriggers = changed.filter((d) => d.type === 'trigger').map((d) => `${d.name} (${d.change === 'edited' ? 'its SQL was changed' : 'not part of the schema'})`);
  if (editedTriggers.length > 0) storeProblem('triggers', `the store's triggers differ from the engine's schema: ${editedTriggers.join(', ')}: someone changed the file outside the engine`);
  const editedTables = changed.filter((d) => d.type === 'table').map((d) => d.name);
  if (editedTables.length > 0) storeProblem('schema', `the definition of table ${editedTables.join(', ')} differs from the engine's schema: someone changed the file outside the engine`);

  // Issue 22: the registered decisions, their payment orders and events, the case log.
  for (const p of verifyCasework(store, registrations)) (p.seq === null ? problems : recordProblems).push(p);
  // Issue 30: begäran om komplettering and överklagande, a side chain checked against the registered decisions.
  for (const p of store.withConnection(verifyCaseEvents)) problems.push({ kind: 'case-events', seq: null, decisionId: null, message: p.message });
  // The queue's derived index: recomputed from the records, row by row.
  for (const p of store.withConnection((db) => verifyQueueParts(store, db))) problems.push({ kind: 'derived', seq: null, decisionId: null, message: p.message });

  recordProblems.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  const all = [...recordProblems, ...problems];
  return { ok: all.length === 0, records: count, ruleSets: ruleSetOk.size, head, firstBad: all[0] ?? null, problems: all };
}
