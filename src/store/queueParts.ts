/**
 * The queue's derived index of packed records (issue 30, schema.ts QUEUE_PARTS_SQL). A monthly proposal
 * that keeps data (record form 2) packs its flags and missing facts; the queue shows them for every case
 * of the month, and unpacking each record on every request cost about a millisecond a case (bench/RESULTS.md,
 * bench/queue.bench.ts). The first read of a record unpacks it and writes its parts here beside its hash;
 * later reads take them from here when the hash still is the record's. Nothing is decided from this
 * table: the case view renders from the record itself, and `audit verify` recomputes every row.
 */
import type Database from 'better-sqlite3';
import { recordData } from './read.ts';
import { QUEUE_PARTS_SQL } from './schema.ts';
import { StoreError, type DecisionStore, type StoredRecord } from './store.ts';

export interface QueueParts {
  /** JSON texts as json_extract gives them of a form-1 record. */
  readonly needs: string;
  readonly flags: string;
}

const has = (db: Database.Database) => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'queue_parts'").get() !== undefined;

/** The parts of a packed record, unpacked from the record (what the table must hold). */
export function partsOfRecord(store: DecisionStore, record: StoredRecord): QueueParts {
  const d = recordData(store, record);
  return { needs: JSON.stringify(d.needsInformation), flags: JSON.stringify(d.flags) };
}

/**
 * The parts of these packed records: from the table where its row carries the record's hash, else
 * unpacked and written to it (in one write transaction; a read-only or busy store just answers them).
 */
export function packedParts(store: DecisionStore, db: Database.Database, decisionIds: readonly string[]): Map<string, QueueParts> {
  const out = new Map<string, QueueParts>();
  if (decisionIds.length === 0) return out;
  if (has(db)) {
    const rows = db
      .prepare<[string], { decision_id: string; needs_json: string; flags_json: string }>(
        `SELECT q.decision_id, q.needs_json, q.flags_json FROM queue_parts q JOIN records r ON r.decision_id = q.decision_id AND r.record_hash = q.record_hash WHERE q.decision_id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(decisionIds));
    for (const r of rows) out.set(r.decision_id, { needs: r.needs_json, flags: r.flags_json });
  }
  const fresh: { record: StoredRecord; parts: QueueParts }[] = [];
  for (const id of decisionIds) {
    if (out.has(id)) continue;
    const record = store.get(id)!;
    const parts = partsOfRecord(store, record);
    out.set(id, parts);
    fresh.push({ record, parts });
  }
  if (fresh.length > 0 && !db.readonly) {
    try {
      store.writeTransaction((w) => {
        w.exec(QUEUE_PARTS_SQL);
        const insert = w.prepare('INSERT OR REPLACE INTO queue_parts (decision_id, record_hash, needs_json, flags_json) VALUES (?, ?, ?, ?)');
        for (const f of fresh) insert.run(f.record.decisionId, f.record.recordHash, f.parts.needs, f.parts.flags);
      });
    } catch (error) {
      // Another writer holds the store: the parts are answered now and written at a later read.
      if (!(error instanceof StoreError)) throw error;
    }
  }
  return out;
}

/** `audit verify`: every row names a record with its hash and says what unpacking that record gives. */
export function verifyQueueParts(store: DecisionStore, db: Database.Database): { message: string }[] {
  if (!has(db)) return [];
  const problems: { message: string }[] = [];
  for (const r of db.prepare<[], { decision_id: string; record_hash: string; needs_json: string; flags_json: string }>('SELECT * FROM queue_parts').iterate()) {
    const record = store.get(r.decision_id);
    if (!record || record.recordHash !== r.record_hash) {
      problems.push({ message: `queue_parts: the row for ${r.decision_id} names a record hash the chain does not have there: it was edited` });
      continue;
    }
    const parts = partsOfRecord(store, record);
    if (parts.needs !== r.needs_json || parts.flags !== r.flags_json) problems.push({ message: `queue_parts: the row for ${r.decision_id} does not say what its record says (flags or missing facts): it was edited` });
  }
  return problems;
}
