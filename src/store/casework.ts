/**
 * The caseworker's workday in the decision store (issue 22): registered decisions as records of the hash
 * chain, their payment orders, what happens to the orders (stopped, exported) and the log of every read
 * and write of a case. It shares the DecisionStore's connection, so a registration's chain record, its
 * index rows and its log row are written in one transaction, after the checks that make a decision
 * registered once (a second registration of a case and month is refused; a change must name the
 * newest decision).
 *
 * Tables (schema.ts CASEWORK_SQL), all append-only:
 *   registered_decisions   one row per registered decision record: case, month, outcome, amount, who, when, what it changes
 *   payment_orders         the orders each registered decision gives
 *   payment_events         a side chain: an order stopped (with the reason) or exported (in which file)
 *   payment_files          each exported file, byte for byte
 *   case_log               a side chain: every read and write of a case, who, in which role, what, when, why
 *
 * The tables are created when the store is first opened for case work; a store without them reads as
 * before. audit verify (verify.ts) checks every index row against its chain record and both side chains.
 */
import type Database from 'better-sqlite3';
import { canonicalJson, sha256 } from '../canonical.ts';
import type { RegisteredDecision, RegistrationInput, OrderStatus } from '../casework/types.ts';
import { orderIdOf } from '../casework/register.ts';
import type { FileOrder } from '../casework/pain001.ts';
import { parseKronor } from '../money/index.ts';
import { ENGINE_VERSION } from '../version.ts';
import { CASEWORK_SQL } from './schema.ts';
import { packedParts } from './queueParts.ts';
import { appendSide } from './sideChain.ts';
import { DecisionStore, IS_PROPOSAL, StoreError, type RecordRef, type StoredRecord } from './store.ts';

/** A second registration of a case and month, or a change of a decision that is no longer the newest. */
export class AlreadyRegisteredError extends Error {
  override readonly name = 'AlreadyRegisteredError';
  constructor(
    message: string,
    readonly existing: RegisteredRow,
  ) {
    super(message);
  }
}

/** Something changed between reading and writing (an export paid an order meanwhile): read again and retry. */
export class ConflictError extends Error {
  override readonly name = 'ConflictError';
}

export interface LogEntry {
  readonly who: string;
  readonly role: string;
  /** What was done: case.read, queue.list, decision.register, payment.stop, payment.export, log.read, … */
  readonly action: string;
  readonly caseId: string | null;
  readonly decisionId: string | null;
  /** Why: the purpose the person gave, or the work the action belongs to ("handläggning"). */
  readonly purpose: string;
}

export interface LogRow extends LogEntry {
  readonly seq: number;
  readonly at: string;
  readonly hash: string;
}

export interface RegisteredRow {
  readonly decisionId: string;
  readonly caseId: string;
  readonly period: string;
  readonly proposalId: string;
  readonly supersedes: string | null;
  readonly changeKind: string | null;
  readonly outcome: string;
  readonly payable: string;
  readonly decidedOn: string;
  readonly decidedBy: string;
  readonly delegation: string;
  readonly recordedAt: string;
}

/** A payment order as stored: what the payment file needs (FileOrder) and where it comes from and stands. */
export interface OrderRow extends FileOrder {
  readonly decisionId: string;
  readonly line: number;
  readonly caseId: string;
  readonly period: string;
  readonly recipient: string;
  readonly status: OrderStatus;
  /** The stop's reason and who stopped it, or the export's id, when there is one. */
  readonly stopped: { readonly reason: string; readonly by: string; readonly at: string } | null;
  readonly exportId: string | null;
}

/** What the case log's columns hold of an entry (sideChain.ts verifies each row against its entry). */
export function logColumns(e: Record<string, unknown>): Record<string, string | number | null> {
  return { who: e['who'] as string, role: e['role'] as string, action: e['action'] as string, case_id: (e['caseId'] as string | null) ?? null, decision_id: (e['decisionId'] as string | null) ?? null, purpose: e['purpose'] as string };
}

/** What the payment events' columns hold of an entry. */
export function paymentEventColumns(e: Record<string, unknown>): Record<string, string | number | null> {
  return { kind: e['kind'] as string, order_id: (e['orderId'] as string | null) ?? null, export_id: (e['exportId'] as string | null) ?? null, who: e['who'] as string };
}

export interface RegisteredDbRow {
  decision_id: string;
  case_id: string;
  period: string;
  proposal_id: string;
  supersedes: string | null;
  change_kind: string | null;
  outcome: string;
  payable_ore: number;
  decided_on: string;
  decided_by: string;
  delegation: string;
  recorded_at: string;
}

const oreText = (ore: number): string => (ore % 100 === 0 ? String(ore / 100) : `${Math.trunc(ore / 100)}.${String(ore % 100).padStart(2, '0')}`);

/** One case and month's registered rows in their line: the first decision, then each change after the one it changes. */
export function lineageOf(rows: readonly RegisteredDbRow[]): RegisteredRow[] {
  const out: RegisteredRow[] = [];
  let next = rows.find((r) => r.supersedes === null);
  while (next) {
    out.push(registeredFromRow(next));
    const id = next.decision_id;
    next = rows.find((r) => r.supersedes === id);
  }
  return out;
}

export function registeredFromRow(r: RegisteredDbRow): RegisteredRow {
  return {
    decisionId: r.decision_id,
    caseId: r.case_id,
    period: r.period,
    proposalId: r.proposal_id,
    supersedes: r.supersedes,
    changeKind: r.change_kind,
    outcome: r.outcome,
    payable: oreText(r.payable_ore),
    decidedOn: r.decided_on,
    decidedBy: r.decided_by,
    delegation: r.delegation,
    recordedAt: r.recorded_at,
  };
}

/** The payment orders with their newest event (casestatus.ts reads them the same way). */
export const ORDER_SELECT = `
  SELECT o.*,
    (SELECT e.entry_json FROM payment_events e WHERE e.order_id = o.order_id ORDER BY e.seq DESC LIMIT 1) AS event_json,
    (SELECT e.at FROM payment_events e WHERE e.order_id = o.order_id ORDER BY e.seq DESC LIMIT 1) AS event_at,
    EXISTS (SELECT 1 FROM registered_decisions s WHERE s.supersedes = o.decision_id) AS superseded
  FROM payment_orders o`;

export interface OrderDbRow {
  order_id: string;
  decision_id: string;
  line: number;
  case_id: string;
  period: string;
  recipient: string;
  name: string;
  scheme: string;
  account: string;
  amount_ore: number;
  pay_on: string;
  reference: string;
  event_json: string | null;
  event_at: string | null;
  superseded: number;
}

export function orderFromRow(r: OrderDbRow): OrderRow {
  const event = r.event_json === null ? null : (JSON.parse(r.event_json) as { kind: string; reason?: string; who: string; exportId?: string });
  const status: OrderStatus = event?.kind === 'export' ? 'exported' : event?.kind === 'stop' ? 'stopped' : r.superseded ? 'superseded' : 'pending';
  return {
    orderId: r.order_id,
    decisionId: r.decision_id,
    line: r.line,
    caseId: r.case_id,
    period: r.period,
    recipient: r.recipient,
    name: r.name,
    scheme: r.scheme,
    account: r.account,
    amount: oreText(r.amount_ore),
    payOn: r.pay_on,
    reference: r.reference,
    status,
    stopped: event?.kind === 'stop' ? { reason: event.reason ?? '', by: event.who, at: r.event_at ?? '' } : null,
    exportId: event?.kind === 'export' ? (event.exportId ?? null) : null,
  };
}

/** One case's proposal of a month with what the queue shows of it (extracted by SQLite, not the whole decision). */
export interface ProposalRow {
  readonly decisionId: string;
  readonly caseId: string;
  readonly period: string;
  readonly recordedAt: string;
  readonly outcome: string;
  readonly payable: string | null;
  readonly municipality: string | null;
  /** JSON texts, parsed by the caller: the routing (null for a proposal not made by the monthly run), the missing facts, the flags, the members as applied for. */
  readonly routing: string | null;
  readonly needs: string | null;
  readonly flags: string | null;
  readonly members: string | null;
  /** The newest registered decision of the case and month, if any. */
  readonly registered: RegisteredRow | null;
  /** The day of the month's first registered decision (the end of the handling time, issue 30), if any. */
  readonly firstDecidedOn: string | null;
}

export interface ExportResult {
  readonly exportId: string;
  readonly fileName: string;
  readonly sha256: string;
  readonly count: number;
  readonly controlTotal: string;
  readonly content: string;
}

export interface OpenCaseWork {
  readonly create?: boolean;
  readonly readonly?: boolean;
  readonly clock?: () => Date;
}

export class CaseWork {
  readonly store: DecisionStore;
  readonly #clock: () => Date;

  private constructor(store: DecisionStore, clock: () => Date) {
    this.store = store;
    this.#clock = clock;
  }

  /** Opens the decision store and adds the case-work tables when they are missing (not for a read-only store). */
  static open(path: string, options: OpenCaseWork = {}): CaseWork {
    const store = DecisionStore.open(path, { ...(options.create ? { create: true } : {}), ...(options.readonly ? { readonly: true } : {}), ...(options.clock ? { clock: options.clock } : {}) });
    try {
      if (!options.readonly) store.writeTransaction((db) => db.exec(CASEWORK_SQL));
    } catch (error) {
      store.close();
      throw error;
    }
    return new CaseWork(store, options.clock ?? (() => new Date()));
  }

  /** Case work over a store already open (read only: `show` and `replay` read registrations with it). */
  static over(store: DecisionStore): CaseWork {
    return new CaseWork(store, () => new Date());
  }

  close(): void {
    this.store.close();
  }

  #has(db: Database.Database, table: string): boolean {
    return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
  }

  /** Whether a record is a registered decision (not a proposal). */
  static isRegistration(record: StoredRecord): boolean {
    return (JSON.parse(record.decisionJson) as { recordKind?: unknown }).recordKind === 'registered-decision';
  }

  // ------------------------------------------------------------------------------- registrations

  /** The registered decisions of a case and month, the first one first, each change after the one it changes. */
  lineage(caseId: string, period: string): RegisteredRow[] {
    return this.store.withConnection((db) => {
      if (!this.#has(db, 'registered_decisions')) return [];
      return lineageOf(db.prepare<[string, string], RegisteredDbRow>('SELECT * FROM registered_decisions WHERE case_id = ? AND period = ?').all(caseId, period));
    });
  }

  /** The registered decisions made on a proposal (its first decision and the changes of that decision's line). */
  registeredOn(proposalId: string): RegisteredRow[] {
    return this.store.withConnection((db) => {
      if (!this.#has(db, 'registered_decisions')) return [];
      const first = db.prepare<[string], RegisteredDbRow>('SELECT * FROM registered_decisions WHERE proposal_id = ? ORDER BY recorded_at LIMIT 1').get(proposalId);
      return first ? this.lineage(first.case_id, first.period) : [];
    });
  }

  /** The newest registered decision of a case in a month before `period` (the payees the case had), or null. */
  latestRegisteredBefore(caseId: string, period: string): RegisteredDecision | null {
    const id = this.store.withConnection((db) => {
      if (!this.#has(db, 'registered_decisions')) return undefined;
      return db
        .prepare<[string, string], string>(
          `SELECT r.decision_id FROM registered_decisions r WHERE r.case_id = ? AND r.period < ? AND NOT EXISTS (SELECT 1 FROM registered_decisions s WHERE s.supersedes = r.decision_id) ORDER BY r.period DESC LIMIT 1`,
        )
        .pluck()
        .get(caseId, period);
    });
    return id === undefined ? null : (this.registered(id)?.decision ?? null);
  }

  /** The newest proposal of a case and month (a newer one than the one opened means the facts were recalculated). */
  newestProposal(caseId: string, period: string): string | null {
    return this.store.latestFor(caseId, period)?.decisionId ?? null;
  }

  /** Which of these cases have a member with skyddade personuppgifter in any of their proposals. */
  protectedCases(caseIds: readonly string[]): Set<string> {
    if (caseIds.length === 0) return new Set();
    return this.store.withConnection((db) => {
      const found = new Set<string>();
      const unique = [...new Set(caseIds)];
      for (let i = 0; i < unique.length; i += 500) {
        const part = unique.slice(i, i + 500);
        // Canonical JSON has no whitespace: the flag is written exactly so in a stored household.
        for (const id of db.prepare<string[], string>(`SELECT DISTINCT case_id FROM records WHERE case_id IN (${part.map(() => '?').join(', ')}) AND input_json LIKE '%"protectedIdentity":true%'`).pluck().all(...part)) found.add(id);
      }
      return found;
    });
  }

  /** A registered decision's record, with its input and decision parsed. */
  registered(decisionId: string): { record: StoredRecord; input: RegistrationInput; decision: RegisteredDecision } | null {
    const record = this.store.get(decisionId);
    if (!record || !CaseWork.isRegistration(record)) return null;
    return { record, input: JSON.parse(record.inputJson) as RegistrationInput, decision: JSON.parse(record.decisionJson) as RegisteredDecision };
  }

  /** The orders of a case and month's line of decisions that were exported (paid), with their amounts. */
  paidIn(lineage: readonly RegisteredRow[]): { orderId: string; amount: string }[] {
    if (lineage.length === 0) return [];
    return this.orders({ decisionIds: lineage.map((r) => r.decisionId) })
      .filter((o) => o.status === 'exported')
      .map((o) => ({ orderId: o.orderId, amount: o.amount }));
  }

  /**
   * Appends a registered decision to the chain, with its index rows, its orders and a log row, in one
   * transaction that first checks that it is registered once: no decision yet for a first one; for a
   * change, the decision it names is the newest and what was paid is still what the input says.
   */
  register(input: RegistrationInput, decision: RegisteredDecision, ruleSetVersion: string, purpose: string): RecordRef {
    const inputJson = canonicalJson(input);
    const serialized = {
      caseId: input.caseId,
      period: input.period,
      municipality: decision.municipality,
      ruleSetVersion,
      engineVersion: ENGINE_VERSION,
      inputHash: sha256(inputJson),
      inputJson,
      decisionJson: canonicalJson(decision),
    };
    const ruleSet = this.store.ruleSet(ruleSetVersion);
    const now = this.#clock().toISOString();
    const { ref } = this.store.recordGuarded(
      { serialized, ruleSet },
      (db) => {
        const existing = db.prepare<[string, string], RegisteredDbRow>('SELECT * FROM registered_decisions WHERE case_id = ? AND period = ?').all(input.caseId, input.period);
        if (input.change === null) {
          const first = existing.find((r) => r.supersedes === null);
          if (first) {
            const newest = this.lineage(input.caseId, input.period).at(-1)!;
            throw new AlreadyRegisteredError(`Ärende ${input.caseId} för ${input.period} är redan beslutat (${newest.decisionId}, ${newest.decidedOn} av ${newest.decidedBy}). En ändring görs som rättelse, ändring eller omprövning av det beslutet.`, newest);
          }
        } else {
          const newest = this.lineage(input.caseId, input.period).at(-1);
          if (!newest || newest.decisionId !== input.change.of) {
            throw new AlreadyRegisteredError(`Beslutet ${input.change.of} är redan ändrat${newest ? ` (det senaste beslutet är ${newest.decisionId})` : ''}: en ny ändring görs av det senaste beslutet.`, newest ?? registeredFromRow(existing[0]!));
          }
          const paid = this.paidIn(this.lineage(input.caseId, input.period));
          if (canonicalJson(paid) !== canonicalJson(input.alreadyPaid)) throw new ConflictError('Utbetalningarna för ärendet har ändrats medan ändringen gjordes: läs in ärendet igen.');
        }
      },
      (db, r) => {
        db.prepare(
          `INSERT INTO registered_decisions (decision_id, case_id, period, proposal_id, supersedes, change_kind, outcome, payable_ore, decided_on, decided_by, delegation, recorded_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(r.decisionId, input.caseId, input.period, input.proposal.decisionId, input.change?.of ?? null, input.change?.kind ?? null, decision.outcome, parseKronor(decision.payable)!, decision.decidedOn, decision.decidedBy, decision.delegation, r.recordedAt);
        const insert = db.prepare('INSERT INTO payment_orders (order_id, decision_id, line, case_id, period, recipient, name, scheme, account, amount_ore, pay_on, reference) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
        for (const o of decision.orders) insert.run(orderIdOf(r.decisionId, o.line), r.decisionId, o.line, input.caseId, input.period, o.recipient, o.name, o.scheme, o.account, parseKronor(o.amount)!, o.payOn, o.reference);
        const action = input.change === null ? 'decision.register' : `decision.${input.change.kind}`;
        appendSide(db, 'case_log', now, [{ entry: { who: input.decidedBy, role: input.role, action, caseId: input.caseId, decisionId: r.decisionId, purpose }, columns: logColumns({ who: input.decidedBy, role: input.role, action, caseId: input.caseId, decisionId: r.decisionId, purpose }) }]);
      },
    );
    return ref;
  }

  // -------------------------------------------------------------------------------------- the log

  /** Appends log rows (every read and write of a case), in one transaction. */
  log(entries: readonly LogEntry[]): void {
    if (entries.length === 0) return;
    const at = this.#clock().toISOString();
    this.store.writeTransaction((db) =>
      appendSide(
        db,
        'case_log',
        at,
        entries.map((e) => {
          const entry = { who: e.who, role: e.role, action: e.action, caseId: e.caseId, decisionId: e.decisionId, purpose: e.purpose };
          return { entry, columns: logColumns(entry) };
        }),
      ),
    );
  }

  /** The log, oldest first; for one case, or only rows after a position, at most `limit` rows. */
  logRows(filter: { caseId?: string; afterSeq?: number; limit?: number } = {}): LogRow[] {
    return this.store.withConnection((db) => {
      if (!this.#has(db, 'case_log')) return [];
      const where = ['seq > ?'];
      const params: (string | number)[] = [filter.afterSeq ?? 0];
      if (filter.caseId !== undefined) {
        where.push('case_id = ?');
        params.push(filter.caseId);
      }
      params.push(filter.limit ?? 1000);
      return db
        .prepare<(string | number)[], { seq: number; at: string; who: string; role: string; action: string; case_id: string | null; decision_id: string | null; purpose: string; hash: string }>(`SELECT seq, at, who, role, action, case_id, decision_id, purpose, hash FROM case_log WHERE ${where.join(' AND ')} ORDER BY seq LIMIT ?`)
        .all(...params)
        .map((r) => ({ seq: r.seq, at: r.at, who: r.who, role: r.role, action: r.action, caseId: r.case_id, decisionId: r.decision_id, purpose: r.purpose, hash: r.hash }));
    });
  }

  // --------------------------------------------------------------------------------- the queue

  /** The months with proposals, newest first. */
  periods(): string[] {
    return this.store.withConnection((db) => db.prepare<[], string>(`SELECT DISTINCT period FROM records WHERE case_id IS NOT NULL ORDER BY period DESC`).pluck().all());
  }

  /** The newest proposal of each case of a month, with its registered decision if any. */
  proposalsOf(period: string): ProposalRow[] {
    return this.store.withConnection((db) => {
      const registered = this.#has(db, 'registered_decisions');
      const rows = db
        .prepare<[string], { decisionId: string; caseId: string; period: string; recordedAt: string; outcome: string; payable: string | null; municipality: string | null; routing: string | null; needs: string | null; flags: string | null; members: string | null; packed: number }>(
          `SELECT decision_id AS decisionId, case_id AS caseId, period, recorded_at AS recordedAt,
                  json_extract(decision_json, '$.outcome') AS outcome, json_extract(decision_json, '$.payable') AS payable,
                  json_extract(decision_json, '$.municipality') AS municipality, json_extract(decision_json, '$.routing') AS routing,
                  json_extract(decision_json, '$.needsInformation') AS needs, json_extract(decision_json, '$.flags') AS flags,
                  json_extract(input_json, '$.members') AS members, json_extract(decision_json, '$.recordFormat') IS NOT NULL AS packed
           FROM records
           WHERE seq IN (SELECT MAX(seq) FROM records WHERE period = ? AND case_id IS NOT NULL AND ${registered ? 'decision_id NOT IN (SELECT decision_id FROM registered_decisions)' : IS_PROPOSAL} GROUP BY case_id)
           ORDER BY seq`,
        )
        .all(period);
      const lines = new Map<string, RegisteredRow[]>();
      if (registered) {
        for (const r of db.prepare<[string], RegisteredDbRow>('SELECT * FROM registered_decisions WHERE period = ?').all(period)) {
          const list = lines.get(r.case_id) ?? [];
          list.push(registeredFromRow(r));
          lines.set(r.case_id, list);
        }
      }
      // A record that keeps data (form 2, issue 26) packs its flags and missing facts: read back as data
      // (their messages), from the queue's derived index when it has them (queueParts.ts, issue 30).
      const parts = packedParts(this.store, db, rows.filter((r) => r.packed).map((r) => r.decisionId));
      return rows.map(({ packed, ...r }) => {
        const line = lines.get(r.caseId) ?? [];
        // The newest of the line: the one no other supersedes.
        const newest = line.find((d) => !line.some((e) => e.supersedes === d.decisionId)) ?? null;
        return { ...r, ...(packed ? parts.get(r.decisionId) : {}), registered: newest, firstDecidedOn: line.find((d) => d.supersedes === null)?.decidedOn ?? null };
      });
    });
  }

  // ----------------------------------------------------------------------------------- payments

  /** Payment orders with their status, filtered. */
  orders(filter: { decisionIds?: readonly string[]; caseId?: string; status?: OrderStatus; payOnUpTo?: string } = {}): OrderRow[] {
    return this.store.withConnection((db) => {
      if (!this.#has(db, 'payment_orders')) return [];
      const where: string[] = [];
      const params: string[] = [];
      if (filter.decisionIds !== undefined) {
        if (filter.decisionIds.length === 0) return [];
        where.push(`o.decision_id IN (${filter.decisionIds.map(() => '?').join(', ')})`);
        params.push(...filter.decisionIds);
      }
      if (filter.caseId !== undefined) {
        where.push('o.case_id = ?');
        params.push(filter.caseId);
      }
      if (filter.payOnUpTo !== undefined) {
        where.push('o.pay_on <= ?');
        params.push(filter.payOnUpTo);
      }
      const rows = db.prepare<string[], OrderDbRow>(`${ORDER_SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY o.pay_on, o.order_id`).all(...params).map(orderFromRow);
      return filter.status === undefined ? rows : rows.filter((o) => o.status === filter.status);
    });
  }

  /** Stops an order before it is exported, with the reason; refused for an order that is not waiting for export. */
  stopOrder(orderId: string, reason: string, who: string, role: string, purpose: string): OrderRow {
    const at = this.#clock().toISOString();
    return this.store.writeTransaction((db) => {
      const row = db.prepare<[string], OrderDbRow>(`${ORDER_SELECT} WHERE o.order_id = ?`).get(orderId);
      if (!row) throw new StoreError(`no payment order ${orderId}`);
      const order = orderFromRow(row);
      if (order.status !== 'pending') throw new ConflictError(`Utbetalningen ${orderId} kan inte stoppas: den är ${order.status === 'exported' ? 'redan exporterad' : order.status === 'stopped' ? 'redan stoppad' : 'ersatt av ett ändrat beslut'}.`);
      appendSide(db, 'payment_events', at, [{ entry: { kind: 'stop', orderId, exportId: null, who, role, reason }, columns: paymentEventColumns({ kind: 'stop', orderId, exportId: null, who }) }]);
      const log = { who, role, action: 'payment.stop', caseId: order.caseId, decisionId: order.decisionId, purpose };
      appendSide(db, 'case_log', at, [{ entry: log, columns: logColumns(log) }]);
      return { ...order, status: 'stopped', stopped: { reason, by: who, at } };
    });
  }

  /**
   * Exports every order waiting for export whose day is on or before `payOnUpTo`: `build` writes the
   * file from them (the payment file's format is the caller's, e.g. pain001.ts); the file, one export
   * event per order and one log row per case are written in the same transaction as the selection, so
   * an order is exported once. Null when nothing waits.
   */
  exportOrders(payOnUpTo: string, who: string, role: string, purpose: string, build: (orders: readonly OrderRow[], exportId: string, createdAt: string) => { fileName: string; content: string; controlTotal: string }): ExportResult | null {
    const at = this.#clock().toISOString();
    return this.store.writeTransaction((db) => {
      const orders = db.prepare<[string], OrderDbRow>(`${ORDER_SELECT} WHERE o.pay_on <= ? ORDER BY o.pay_on, o.order_id`).all(payOnUpTo).map(orderFromRow).filter((o) => o.status === 'pending');
      if (orders.length === 0) return null;
      const seq = (db.prepare<[], number>("SELECT COUNT(DISTINCT export_id) FROM payment_events WHERE kind = 'export'").pluck().get() ?? 0) + 1;
      // U-2026-03-05-0001: the date keeps its dashes, for U-20260305-0001 has the shape of a personnummer
      // (YYYYMMDD-NNNN) and a log or mail filter that hides personnummer would hide the export's id.
      const exportId = `U-${at.slice(0, 10)}-${String(seq).padStart(4, '0')}`;
      const file = build(orders, exportId, at);
      const digest = sha256(file.content);
      db.prepare('INSERT INTO payment_files (export_id, file_name, sha256, content) VALUES (?, ?, ?, ?)').run(exportId, file.fileName, digest, file.content);
      appendSide(
        db,
        'payment_events',
        at,
        orders.map((o) => {
          const entry = { kind: 'export', orderId: o.orderId, exportId, who, role, amount: o.amount, fileSha256: digest, count: orders.length, controlTotal: file.controlTotal };
          return { entry, columns: paymentEventColumns(entry) };
        }),
      );
      const cases = [...new Map(orders.map((o) => [o.caseId, o])).values()];
      appendSide(
        db,
        'case_log',
        at,
        cases.map((o) => {
          const log = { who, role, action: 'payment.export', caseId: o.caseId, decisionId: o.decisionId, purpose };
          return { entry: log, columns: logColumns(log) };
        }),
      );
      return { exportId, fileName: file.fileName, sha256: digest, count: orders.length, controlTotal: file.controlTotal, content: file.content };
    });
  }

  /** The exports made, newest first, with their control totals. */
  exports(): { exportId: string; fileName: string; sha256: string; at: string; who: string; count: number; controlTotal: string }[] {
    return this.store.withConnection((db) => {
      if (!this.#has(db, 'payment_files')) return [];
      return db
        .prepare<[], { export_id: string; file_name: string; sha256: string; at: string; who: string; entry_json: string }>(
          `SELECT f.export_id, f.file_name, f.sha256, e.at, e.who, e.entry_json FROM payment_files f JOIN payment_events e ON e.seq = (SELECT MIN(seq) FROM payment_events WHERE export_id = f.export_id) ORDER BY e.seq DESC`,
        )
        .all()
        .map((r) => {
          const entry = JSON.parse(r.entry_json) as { count: number; controlTotal: string };
          return { exportId: r.export_id, fileName: r.file_name, sha256: r.sha256, at: r.at, who: r.who, count: entry.count, controlTotal: entry.controlTotal };
        });
    });
  }

  /** An exported file, byte for byte. */
  exportFile(exportId: string): { fileName: string; content: string; sha256: string } | null {
    return this.store.withConnection((db) => {
      if (!this.#has(db, 'payment_files')) return null;
      const row = db.prepare<[string], { file_name: string; content: string; sha256: string }>('SELECT file_name, content, sha256 FROM payment_files WHERE export_id = ?').get(exportId);
      return row ? { fileName: row.file_name, content: row.content, sha256: row.sha256 } : null;
    });
  }
}
