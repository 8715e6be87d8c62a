/**
 * The decision store (issue 4): an embedded SQLite database (better-sqlite3) holding every recorded
 * decision with its canonical input, the decision as data with its compact trace (serialize.ts; the
 * texts are rendered again when read, read.ts), and the complete rule set it was computed with, so
 * that an auditor or an appeals court can replay it years later without today's rules/ folder.
 *
 * - Append-only and hash-chained (src/store/chain.ts): each record's hash covers the previous one.
 * - Each rule set is stored once, in full, under its content hash (ruleSetVersion).
 * - Several processes may record at once: WAL mode, a busy timeout, and one BEGIN IMMEDIATE
 *   transaction that reads the chain head and appends, so no two writers extend the same head.
 * - Many decisions go in one transaction (recordMany) for batch runs.
 * - The recording time is the only clock read, here and outside the calculation core.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { canonicalJson, contentHash, sha256 } from '../canonical.ts';
import type { RuleSet, VersionedRuleSet } from '../rulebook/types.ts';
import { decisionIdOf, GENESIS, recordHash } from './chain.ts';
import { serializeRecord, type RecordedDecision, type SerializedRecord } from './serialize.ts';
import { ADDITIVE_SQL, BATCH_RUNS_SQL, CASE_PERIOD_INDEX_SQL, MONTHLY_RUNS_SQL, SCHEMA_SQL, SCHEMA_VERSION, TRIGGERS } from './schema.ts';

/** The page size of a new store's file (SQLite's default is 4096). */
const PAGE_SIZE = 16384;

/** The store cannot be used (locked for too long, not a decision store, a stored rule set edited): exit 1. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
}

/** There is no store at the path given (for the read commands): exit 2, the user named the wrong file. */
export class StoreNotFoundError extends Error {
  override readonly name = 'StoreNotFoundError';
}

/** Where the store lives: `--store PATH`, else $BISTAND_STORE, else .bistand/records.sqlite under the current directory. */
export function storePath(option: string | undefined, env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  return option ?? env['BISTAND_STORE'] ?? join(cwd, '.bistand', 'records.sqlite');
}

/**
 * One decision to record: the household exactly as given, the decision computed from it and the
 * rule set used; or the same already serialised (serializeRecord, e.g. in a batch worker thread).
 */
export type RecordInput = RecordDecision | { readonly serialized: SerializedRecord; readonly ruleSet: VersionedRuleSet };

export interface RecordDecision {
  readonly input: unknown;
  /** The decision as data (evaluateHousehold's), and for a monthly proposal its routing: what the record keeps. */
  readonly decision: RecordedDecision;
  readonly ruleSet: VersionedRuleSet;
}

export interface RecordRef {
  readonly seq: number;
  readonly decisionId: string;
  readonly recordHash: string;
  readonly recordedAt: string;
}

/** What a record holds besides its place in the chain. */
interface RecordContent {
  readonly caseId: string | null;
  readonly period: string;
  readonly ruleSetVersion: string;
  readonly engineVersion: string;
  readonly inputHash: string;
  readonly inputJson: string;
  readonly decisionJson: string;
}

export interface StoredRecord extends RecordRef, RecordContent {
  readonly prevHash: string;
}

interface RecordRow {
  seq: number;
  decision_id: string;
  recorded_at: string;
  case_id: string | null;
  period: string;
  rule_set_version: string;
  engine_version: string;
  input_hash: string;
  input_json: string;
  decision_json: string;
  prev_hash: string;
  record_hash: string;
}

function fromRow(r: RecordRow): StoredRecord {
  return {
    seq: r.seq,
    decisionId: r.decision_id,
    recordedAt: r.recorded_at,
    caseId: r.case_id,
    period: r.period,
    ruleSetVersion: r.rule_set_version,
    engineVersion: r.engine_version,
    inputHash: r.input_hash,
    inputJson: r.input_json,
    decisionJson: r.decision_json,
    prevHash: r.prev_hash,
    recordHash: r.record_hash,
  };
}

export interface OpenOptions {
  /** Create the file and its tables when missing (the recording commands); the read commands never create. */
  readonly create?: boolean;
  /** Open without write access (audit verify, show, replay). */
  readonly readonly?: boolean;
  /** The recording time; injectable for tests. The store's only clock read. */
  readonly clock?: () => Date;
  /** How long to wait for another writer before giving up (SQLite busy_timeout). */
  readonly busyTimeoutMs?: number;
}

/** A record prepared outside the write transaction: the expensive serialising and hashing is done before the lock is taken. */
interface Prepared extends RecordContent {
  readonly decisionHash: string;
}

const RETRY_PAUSE_MS = 20;

/** The default bound on waiting for another writer (docs/records.md): 30 s. */
export const DEFAULT_LOCK_WAIT_MS = 30_000;

/** What to do when the store stays locked: part of every lock-timeout message. */
export function lockedMessage(path: string, waitedMs: number): string {
  return (
    `the decision store ${path} stayed locked by another process for more than ${waitedMs >= 1000 ? `${Math.round(waitedMs / 1000)} s` : `${waitedMs} ms`}, so nothing was recorded. ` +
    'Another command is writing to it (a batch --record run, or a program holding it open): wait until it has finished and run this command again; ' +
    'an interrupted batch --record continues with --resume'
  );
}

/**
 * Runs fn again while SQLite answers SQLITE_BUSY (switching a new file to WAL while another process
 * opens it does not call the busy handler: seen with three writers starting at once on a fresh file),
 * for at most `boundMs` in all (issue 13): the time is measured with performance.now(), a monotonic
 * timer and not the recording clock, and SQLite's own busy handler is given only the time that is
 * left, so one attempt cannot wait the whole bound again.
 */
function retryWhileBusy<T>(db: Database.Database, fn: () => T, boundMs: number): T {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const deadline = performance.now() + boundMs;
  for (let attempt = 0; ; attempt++) {
    try {
      const result = fn();
      if (attempt > 0) db.pragma(`busy_timeout = ${boundMs}`);
      return result;
    } catch (error) {
      const left = deadline - performance.now();
      if ((error as { code?: unknown }).code !== 'SQLITE_BUSY' || left <= RETRY_PAUSE_MS) throw error;
      Atomics.wait(pause, 0, 0, RETRY_PAUSE_MS);
      db.pragma(`busy_timeout = ${Math.max(0, Math.floor(left - RETRY_PAUSE_MS))}`);
    }
  }
}

let expectedSchemaCache: ReadonlyMap<string, string> | null = null;

/** `type:name` → the SQL text SQLite keeps for each table and trigger the engine's schema creates. */
function expectedSchema(): ReadonlyMap<string, string> {
  if (expectedSchemaCache === null) {
    const db = new Database(':memory:');
    try {
      db.exec(SCHEMA_SQL + ADDITIVE_SQL.join(''));
      const rows = db.prepare<[], { type: string; name: string; sql: string }>("SELECT type, name, sql FROM sqlite_master WHERE type IN ('table', 'trigger')").all();
      expectedSchemaCache = new Map(rows.map((r) => [`${r.type}:${r.name}`, r.sql]));
    } finally {
      db.close();
    }
  }
  return expectedSchemaCache;
}

/**
 * A record that is the engine's proposal (a calculation), not a person's registered decision (issue 22:
 * src/store/casework.ts records those in the same chain, with `recordKind` in the decision JSON).
 */
export const IS_PROPOSAL = "json_extract(decision_json, '$.recordKind') IS NULL";

const SELECT_RECORD = `SELECT seq, decision_id, recorded_at, case_id, period, rule_set_version, engine_version, input_hash, input_json, decision_json, prev_hash, record_hash FROM records`;

/** Last month's decision of a case as DecisionStore.latestPartsFor finds it: `data` (record form 2) or `parts` (form 1). */
export interface LatestPartsRow {
  readonly decisionId: string;
  readonly period: string;
  readonly caseId: string | null;
  readonly ruleSetVersion: string;
  readonly inputHash: string;
  readonly engineVersion: string;
  readonly members: string | null;
  readonly data: string | null;
  readonly parts: string | null;
}

/** A batch run's position, recorded in the same transaction as its decisions (batch --record). */
export interface BatchProgress {
  readonly runId: string;
  /** The last input line whose decision is now recorded. */
  readonly line: number;
}

function hasTable(db: Database.Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}


export class DecisionStore {
  readonly path: string;
  readonly #db: Database.Database;
  readonly #clock: () => Date;
  readonly #busyTimeoutMs: number;
  #latestParts: Database.Statement<[string, string, number], LatestPartsRow> | undefined;
  /** Stored rule sets already read and checked, by version. */
  readonly #readRuleSets = new Map<string, VersionedRuleSet>();
  /** Rule set versions known to be in the file, so a batch serialises each rule set once. */
  readonly #storedRuleSets = new Set<string>();
  readonly #insertRecord: Database.Statement;
  readonly #insertRuleSet: Database.Statement;
  readonly #last: Database.Statement<[], { seq: number; record_hash: string }>;
  readonly #append: Database.Transaction<(items: readonly Prepared[], ruleSets: ReadonlyMap<string, string>, progress: BatchProgress | null) => RecordRef[]>;

  private constructor(path: string, db: Database.Database, clock: () => Date, busyTimeoutMs: number) {
    this.path = path;
    this.#db = db;
    this.#clock = clock;
    this.#busyTimeoutMs = busyTimeoutMs;
    this.#insertRecord = db.prepare(
      `INSERT INTO records (seq, decision_id, recorded_at, case_id, period, rule_set_version, engine_version, input_hash, input_json, decision_json, prev_hash, record_hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#insertRuleSet = db.prepare('INSERT OR IGNORE INTO rule_sets (version, json) VALUES (?, ?)');
    this.#last = db.prepare('SELECT seq, record_hash FROM records ORDER BY seq DESC LIMIT 1');
    this.#append = db.transaction((items: readonly Prepared[], ruleSets: ReadonlyMap<string, string>, progress: BatchProgress | null) => {
      for (const [version, json] of ruleSets) this.#insertRuleSet.run(version, json);
      if (progress !== null) {
        db.prepare('INSERT INTO batch_runs (run_id, last_line) VALUES (?, ?) ON CONFLICT (run_id) DO UPDATE SET last_line = excluded.last_line').run(progress.runId, progress.line);
      }
      // The head is read inside the same IMMEDIATE transaction that appends: no other writer can
      // extend it in between, so concurrent processes never fork the chain.
      const last = this.#last.get();
      let seq = last?.seq ?? 0;
      let prevHash = last?.record_hash ?? GENESIS;
      const recordedAt = this.#clock().toISOString();
      const refs: RecordRef[] = [];
      for (const p of items) {
        seq += 1;
        const hash = recordHash({
          seq,
          prevHash,
          recordedAt,
          caseId: p.caseId,
          period: p.period,
          ruleSetVersion: p.ruleSetVersion,
          engineVersion: p.engineVersion,
          inputHash: p.inputHash,
          decisionHash: p.decisionHash,
        });
        const decisionId = decisionIdOf(seq, hash);
        this.#insertRecord.run(seq, decisionId, recordedAt, p.caseId, p.period, p.ruleSetVersion, p.engineVersion, p.inputHash, p.inputJson, p.decisionJson, prevHash, hash);
        refs.push({ seq, decisionId, recordHash: hash, recordedAt });
        prevHash = hash;
      }
      return refs;
    });
  }

  static open(path: string, options: OpenOptions = {}): DecisionStore {
    const create = options.create === true && options.readonly !== true;
    if (!create && !existsSync(path)) throw new StoreNotFoundError(`no decision store at ${path} (decisions are recorded with calculate --record)`);
    if (create) mkdirSync(dirname(path), { recursive: true });
    const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_LOCK_WAIT_MS;
    let db: Database.Database;
    try {
      db = new Database(path, { fileMustExist: !create, readonly: options.readonly === true, timeout: busyTimeoutMs });
    } catch (error) {
      throw new StoreError(`cannot open the decision store ${path}: ${(error as Error).message}`);
    }
    const setup = () => {
      // A new store gets pages of 16 KiB: a record of form 2 (about 5 KB) then fits in one page with
      // others, where pages of 4 KiB put each record's tail on an overflow page of its own, mostly
      // empty (bench/RESULTS.md, issue 26). Only an empty file takes a page size.
      if (create && db.pragma('page_count', { simple: true }) === 0) db.pragma(`page_size = ${PAGE_SIZE}`);
      // WAL lets readers work while one process writes; FULL makes a recorded decision (whose id
      // was printed) survive a power cut, not only a crash of the process.
      if (options.readonly !== true && db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = WAL');
      if (options.readonly !== true) db.pragma('synchronous = FULL');
      if (options.readonly !== true && hasTable(db, 'meta')) db.exec(BATCH_RUNS_SQL + CASE_PERIOD_INDEX_SQL + MONTHLY_RUNS_SQL);
      db.pragma('foreign_keys = ON');
      if (create && !hasTable(db, 'meta')) db.transaction(() => db.exec(SCHEMA_SQL + BATCH_RUNS_SQL + CASE_PERIOD_INDEX_SQL + MONTHLY_RUNS_SQL)).immediate();
      const schema = hasTable(db, 'meta') ? (db.prepare("SELECT value FROM meta WHERE key = 'schema'").pluck().get() as string | undefined) : undefined;
      if (schema !== SCHEMA_VERSION) {
        throw new StoreError(schema === undefined ? `${path} is not a decision store` : `${path} has store schema ${schema}; this engine reads schema ${SCHEMA_VERSION}`);
      }
    };
    try {
      retryWhileBusy(db, setup, busyTimeoutMs);
    } catch (error) {
      db.close();
      if (error instanceof StoreError) throw error;
      if ((error as { code?: unknown }).code === 'SQLITE_BUSY') throw new StoreError(`cannot open: ${lockedMessage(path, busyTimeoutMs)}`);
      throw new StoreError(`cannot open the decision store ${path}: ${(error as Error).message}`);
    }
    return new DecisionStore(path, db, options.clock ?? (() => new Date()), busyTimeoutMs);
  }

  close(): void {
    this.#db.close();
  }

  /** Records one decision; returns its id and chain position. */
  record(item: RecordInput): RecordRef {
    return this.recordMany([item])[0]!;
  }

  /**
   * Records one item in ONE immediate transaction that first runs `check` on this connection (it may
   * throw to refuse, e.g. a case already decided) and then `then` with the new record (e.g. index rows
   * of the additive tables), so that no other writer can slip in between the check and the append.
   */
  recordGuarded<T>(item: RecordInput, check: (db: Database.Database) => void, then: (db: Database.Database, ref: RecordRef) => T): { ref: RecordRef; result: T } {
    const ruleSets = new Map<string, string>();
    const prepared = this.#prepare(item, ruleSets);
    const run = this.#db.transaction(() => {
      check(this.#db);
      const ref = this.#append([prepared], ruleSets, null)[0]!;
      return { ref, result: then(this.#db, ref) };
    });
    try {
      const out = retryWhileBusy(this.#db, () => run.immediate(), this.#busyTimeoutMs);
      for (const version of ruleSets.keys()) this.#storedRuleSets.add(version);
      return out;
    } catch (error) {
      if ((error as { code?: unknown }).code === 'SQLITE_BUSY') throw new StoreError(lockedMessage(this.path, this.#busyTimeoutMs));
      throw error;
    }
  }

  /**
   * Runs fn with this store's own connection: for the additive tables beside the chain
   * (src/store/casework.ts), which must share the connection to write in the same transactions.
   */
  withConnection<T>(fn: (db: Database.Database) => T): T {
    return fn(this.#db);
  }

  /** Runs fn in an immediate write transaction on this connection (waiting for another writer as recordMany does). */
  writeTransaction<T>(fn: (db: Database.Database) => T): T {
    const run = this.#db.transaction(() => fn(this.#db));
    try {
      return retryWhileBusy(this.#db, () => run.immediate(), this.#busyTimeoutMs);
    } catch (error) {
      if ((error as { code?: unknown }).code === 'SQLITE_BUSY') throw new StoreError(lockedMessage(this.path, this.#busyTimeoutMs));
      throw error;
    }
  }

  /**
   * Records decisions in order, in ONE transaction: for batch runs, call it once per chunk (a few
   * hundred to a few thousand decisions). Either all of the chunk is recorded or none of it.
   */
  recordMany(items: readonly RecordInput[], progress: BatchProgress | null = null): RecordRef[] {
    if (items.length === 0 && progress === null) return [];
    const ruleSets = new Map<string, string>();
    const prepared = items.map((item) => this.#prepare(item, ruleSets));
    let refs: RecordRef[];
    try {
      // A whole failed attempt rolled back, and the next one reads the head again: safe to repeat.
      refs = retryWhileBusy(this.#db, () => this.#append.immediate(prepared, ruleSets, progress), this.#busyTimeoutMs);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === 'SQLITE_BUSY') throw new StoreError(lockedMessage(this.path, this.#busyTimeoutMs));
      if (error instanceof Database.SqliteError) throw new StoreError(`cannot record in ${this.path}: ${error.message}`);
      throw error;
    }
    for (const version of ruleSets.keys()) this.#storedRuleSets.add(version);
    return refs;
  }

  #prepare(item: RecordInput, ruleSets: Map<string, string>): Prepared {
    const { ruleSet } = item;
    const s = 'serialized' in item ? item.serialized : serializeRecord(item.input, item.decision, ruleSet.rules);
    if (s.ruleSetVersion !== ruleSet.version) {
      throw new StoreError(`the decision was computed with rule set ${s.ruleSetVersion}, not with the one given (${ruleSet.version})`);
    }
    const inputHash = sha256(s.inputJson);
    if (inputHash !== s.inputHash) throw new StoreError(`the decision was computed from input ${s.inputHash}, not from the one given (${inputHash})`);
    if (!this.#storedRuleSets.has(ruleSet.version) && !ruleSets.has(ruleSet.version)) {
      const json = canonicalJson(ruleSet.rules);
      // The stored JSON must hash back to the version, or a replay could not trust it.
      if (sha256(json) !== ruleSet.version) throw new StoreError(`the rule set given as ${ruleSet.version} hashes to ${sha256(json)}`);
      ruleSets.set(ruleSet.version, json);
    }
    return {
      caseId: s.caseId,
      period: s.period,
      ruleSetVersion: ruleSet.version,
      engineVersion: s.engineVersion,
      inputHash,
      inputJson: s.inputJson,
      decisionJson: s.decisionJson,
      decisionHash: sha256(s.decisionJson),
    };
  }

  get(decisionId: string): StoredRecord | undefined {
    const row = this.#db.prepare<[string], RecordRow>(`${SELECT_RECORD} WHERE decision_id = ?`).get(decisionId);
    return row ? fromRow(row) : undefined;
  }

  /** The record at a chain position, or undefined. */
  getBySeq(seq: number): StoredRecord | undefined {
    const row = this.#db.prepare<[number], RecordRow>(`${SELECT_RECORD} WHERE seq = ?`).get(seq);
    return row ? fromRow(row) : undefined;
  }

  /** Every record in chain order, streamed (the store can be larger than memory). */
  *records(): IterableIterator<StoredRecord> {
    for (const row of this.#db.prepare<[], RecordRow>(`${SELECT_RECORD} ORDER BY seq`).iterate()) yield fromRow(row);
  }

  /** The stored rule set rows as written (for verification). */
  ruleSetRows(): { version: string; json: string }[] {
    return this.#db.prepare<[], { version: string; json: string }>('SELECT version, json FROM rule_sets ORDER BY version').all();
  }

  /**
   * The stored rule set for a version, checked: its JSON must hash back to the version both as
   * stored and after parsing (canonical form), or it is refused.
   */
  ruleSet(version: string): VersionedRuleSet {
    const known = this.#readRuleSets.get(version);
    if (known !== undefined) return known;
    const json = this.#db.prepare<[string], string>('SELECT json FROM rule_sets WHERE version = ?').pluck().get(version);
    if (json === undefined) throw new StoreError(`rule set ${version} is not in the store`);
    const rules = JSON.parse(json) as RuleSet;
    if (sha256(json) !== version || contentHash(rules) !== version) throw new StoreError(`the stored rule set ${version} does not hash to its version: it was edited`);
    const set = { version, rules };
    // Read once per store object (rule sets are append-only; each open reads and checks them again).
    this.#readRuleSets.set(version, set);
    return set;
  }

  /** The last input line a batch run recorded (0 when the run has recorded nothing). */
  batchProgress(runId: string): number {
    if (!hasTable(this.#db, 'batch_runs')) return 0;
    return this.#db.prepare<[string], number>('SELECT last_line FROM batch_runs WHERE run_id = ?').pluck().get(runId) ?? 0;
  }

  /** A finished batch --record run of this input (input_key: batch/record.ts inputKey), or null. */
  finishedBatch(inputKey: string): { runId: string; lines: number; recorded: number } | null {
    if (!hasTable(this.#db, 'batch_finished')) return null;
    const row = this.#db
      .prepare<[string], { run_id: string; lines: number; recorded: number }>('SELECT run_id, lines, recorded FROM batch_finished WHERE input_key = ?')
      .get(inputKey);
    return row ? { runId: row.run_id, lines: row.lines, recorded: row.recorded } : null;
  }

  /** Notes that a batch --record run of this input finished (a later run of the same input replaces it). */
  markBatchFinished(inputKey: string, runId: string, lines: number, recorded: number): void {
    retryWhileBusy(
      this.#db,
      () =>
        this.#db
          .prepare('INSERT INTO batch_finished (input_key, run_id, lines, recorded) VALUES (?, ?, ?, ?) ON CONFLICT (input_key) DO UPDATE SET run_id = excluded.run_id, lines = excluded.lines, recorded = excluded.recorded')
          .run(inputKey, runId, lines, recorded),
      this.#busyTimeoutMs,
    );
  }

  /**
   * The newest record of a case for a month (the case's decision of that month as last recorded),
   * optionally only among the records up to chain position `upToSeq`; undefined when there is none.
   */
  latestFor(caseId: string, period: string, upToSeq: number = Number.MAX_SAFE_INTEGER): StoredRecord | undefined {
    const row = this.#db
      .prepare<[string, string, number], RecordRow>(`${SELECT_RECORD} WHERE case_id = ? AND period = ? AND seq <= ? AND ${IS_PROPOSAL} ORDER BY seq DESC LIMIT 1`)
      .get(caseId, period, upToSeq);
    return row ? fromRow(row) : undefined;
  }

  /**
   * Like latestFor, but only what the monthly comparison needs: the decision id, the members as
   * JSON, and the decision. A record of form 2 (data, about 3 KB) comes whole (`data`, with the
   * columns it is read back with); of a form-1 record (the decision with its texts, about 30 KB)
   * SQLite extracts only the compared parts (`parts`: a JSON array [outcome, norm.members,
   * costs.items, income.items, flags, needsInformation, requiresAssessment, payable]).
   */
  latestPartsFor(caseId: string, period: string, upToSeq: number = Number.MAX_SAFE_INTEGER): LatestPartsRow | undefined {
    // Prepared once per store object: a monthly run asks once per case.
    this.#latestParts ??= this.#db.prepare<[string, string, number], LatestPartsRow>(
      `WITH r AS (SELECT decision_id, period, case_id, rule_set_version, input_hash, engine_version, input_json, decision_json
                  FROM records WHERE case_id = ? AND period = ? AND seq <= ? AND ${IS_PROPOSAL} ORDER BY seq DESC LIMIT 1),
            f AS (SELECT r.*, json_extract(decision_json, '$.recordFormat') IS NOT NULL AS data_form FROM r)
       SELECT decision_id AS decisionId, period, case_id AS caseId, rule_set_version AS ruleSetVersion, input_hash AS inputHash, engine_version AS engineVersion,
              json_extract(input_json, '$.members') AS members,
              CASE WHEN data_form THEN decision_json END AS data,
              CASE WHEN NOT data_form THEN json_extract(decision_json, '$.outcome', '$.norm.members', '$.costs.items', '$.income.items', '$.flags', '$.needsInformation', '$.requiresAssessment', '$.payable') END AS parts
       FROM f`,
    );
    return this.#latestParts.get(caseId, period, upToSeq);
  }

  /**
   * The chain position a monthly run reads previous decisions up to: fixed when the run first
   * starts (the head then), the same on every resume of the run.
   */
  monthlyRunHead(runId: string): number {
    const known = this.#db.prepare<[string], number>('SELECT head_seq FROM monthly_runs WHERE run_id = ?').pluck().get(runId);
    if (known !== undefined) return known;
    const head = this.head().seq;
    this.#db.prepare('INSERT INTO monthly_runs (run_id, head_seq) VALUES (?, ?)').run(runId, head);
    return head;
  }

  /** The chain head as the store's trigger kept it. */
  head(): { seq: number; recordHash: string } {
    const row = this.#db.prepare<[], { seq: number; record_hash: string }>('SELECT seq, record_hash FROM chain_head WHERE id = 1').get();
    return row ? { seq: row.seq, recordHash: row.record_hash } : { seq: -1, recordHash: '(missing)' };
  }

  count(): number {
    return this.#db.prepare<[], number>('SELECT COUNT(*) FROM records').pluck().get() ?? 0;
  }

  /**
   * Tables and triggers whose SQL differs from the engine's schema (issue 13, F16): an edited trigger
   * body ("… WHEN 0 BEGIN …") keeps its name but no longer protects anything. The expected SQL is what
   * SQLite stores when the schema is created in a fresh in-memory database; objects that are missing
   * are reported by missingTriggers (triggers) or fail to open (tables). Also lists triggers the
   * schema does not have (one could rewrite rows as they are inserted).
   */
  schemaDifferences(): { readonly type: 'table' | 'trigger'; readonly name: string; readonly change: 'edited' | 'added' }[] {
    const expected = expectedSchema();
    const found = this.#db.prepare<[], { type: string; name: string; sql: string | null }>("SELECT type, name, sql FROM sqlite_master WHERE type IN ('table', 'trigger') ORDER BY type, name").all();
    const out: { type: 'table' | 'trigger'; name: string; change: 'edited' | 'added' }[] = [];
    for (const row of found) {
      const type = row.type as 'table' | 'trigger';
      const want = expected.get(`${type}:${row.name}`);
      if (want === undefined) {
        if (type === 'trigger') out.push({ type, name: row.name, change: 'added' });
      } else if (want !== row.sql) out.push({ type, name: row.name, change: 'edited' });
    }
    return out;
  }

  /** Append-only triggers that are gone (dropped by someone who opened the file directly). */
  missingTriggers(): string[] {
    const present = new Set(this.#db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all());
    return TRIGGERS.filter((t) => !present.has(t));
  }
}
