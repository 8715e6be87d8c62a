/**
 * Kontaktcenter's view of the decision store (issue 12): for a person who already has a case, who
 * the caseworker is (when recorded), the latest decision with its outcome (a registered decision or an
 * automated one, never a proposal: issue 30), the payment date, where the case stands and its history
 * (src/store/casestatus.ts) — and an access log that records every lookup: who, when, which case, why.
 *
 * Additive to the store's schema (src/store/schema.ts): three tables of its own, created on first
 * use, each append-only by triggers. The decision records themselves are only read. Sekretess
 * (26 kap. 1 § offentlighets- och sekretesslagen) applies to everything returned here: the web
 * layer lets only the staff role in, and the log makes every look traceable afterwards.
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { isIsoDate } from '../period/index.ts';
import { CASE_DESK_SQL, SCHEMA_VERSION } from './schema.ts';
import { caseStanding, type MonthStanding, type StatusEvent } from './casestatus.ts';
import { IS_PROPOSAL, StoreError, StoreNotFoundError } from './store.ts';


/** The newest decision of the case: a person's registered decision, or an automated decision of the monthly run; never a proposal. */
export interface LatestDecision {
  readonly decisionId: string;
  readonly period: string;
  readonly recordedAt: string;
  readonly outcome: string;
  readonly payable: string | null;
  /** The date the decision was made. */
  readonly decidedOn: string;
}

export interface CaseStatus {
  readonly caseId: string;
  /**
   * A member of the case has skyddade personuppgifter (members[].protectedIdentity, issue 22): nothing
   * about the case is given out here (caseworker, decision, payment date, status and history are empty);
   * Kontaktcenter refers the caller to the caseworker.
   */
  readonly protectedIdentity: boolean;
  /** The newest assignment (kontakt assign), else the person who registered the newest decision. */
  readonly caseworker: string | null;
  readonly latestDecision: LatestDecision | null;
  /** The payment date recorded for the latest decision (kontakt payment), else the day its next (or last) order is paid; null = none. */
  readonly paymentDate: string | null;
  /** Where the case's newest month stands (src/store/casestatus.ts, docs/casestatus.md); null when the store has no proposal of the case. */
  readonly status: MonthStanding | null;
  /** Every step of the case, oldest first. */
  readonly history: readonly StatusEvent[];
}

export interface AccessLogEntry {
  readonly seq: number;
  readonly at: string;
  readonly who: string;
  readonly caseId: string;
  readonly purpose: string;
  readonly found: boolean;
}

export interface LookupRequest {
  readonly caseId: string;
  /** The staff member, as the login in front of the server named them. */
  readonly who: string;
  readonly purpose: string;
}

/** Limits on what a lookup may carry (the web layer turns a violation into a 400 naming the field). */
export const CASE_ID_MAX = 64;
export const PURPOSE_MIN = 5;
export const PURPOSE_MAX = 500;

/** What is wrong with a lookup request, field by field; empty when it can be made. */
export function lookupIssues(caseId: unknown, purpose: unknown): { path: string; code: string; message: string }[] {
  const issues: { path: string; code: string; message: string }[] = [];
  if (typeof caseId !== 'string' || caseId.trim() === '' || caseId.length > CASE_ID_MAX || /[\u0000-\u001f]/.test(caseId)) {
    issues.push({ path: 'caseId', code: 'CASE_ID_INVALID', message: `expected the case id (ärendenummer), 1–${CASE_ID_MAX} characters` });
  }
  if (typeof purpose !== 'string' || purpose.trim().length < PURPOSE_MIN || purpose.length > PURPOSE_MAX) {
    issues.push({ path: 'purpose', code: 'PURPOSE_REQUIRED', message: `state why you look the case up (${PURPOSE_MIN}–${PURPOSE_MAX} characters); it is written to the access log` });
  }
  return issues;
}

export class CaseDesk {
  readonly #db: Database.Database;
  readonly #clock: () => Date;

  private constructor(db: Database.Database, clock: () => Date) {
    this.#db = db;
    this.#clock = clock;
  }

  /** Opens an existing decision store (never creates one) and adds the case-desk tables if missing. */
  static open(path: string, options: { clock?: () => Date; busyTimeoutMs?: number } = {}): CaseDesk {
    if (!existsSync(path)) throw new StoreNotFoundError(`no decision store at ${path} (decisions are recorded with calculate --record)`);
    let db: Database.Database;
    try {
      db = new Database(path, { fileMustExist: true, timeout: options.busyTimeoutMs ?? 30_000 });
      const schema = db.prepare("SELECT value FROM meta WHERE key = 'schema'").pluck().get();
      if (schema !== SCHEMA_VERSION) throw new StoreError(`${path} has store schema ${String(schema)}; this engine reads schema ${SCHEMA_VERSION}`);
      db.pragma('synchronous = FULL');
      db.transaction(() => db.exec(CASE_DESK_SQL)).immediate();
    } catch (error) {
      if (error instanceof StoreError) throw error;
      throw new StoreError(`cannot open the decision store ${path} for Kontaktcenter: ${(error as Error).message}`);
    }
    return new CaseDesk(db, options.clock ?? (() => new Date()));
  }

  close(): void {
    this.#db.close();
  }

  /** Records who handles a case from now on (the newest assignment is the one shown). */
  assignCaseworker(caseId: string, caseworker: string, recordedBy: string): void {
    this.#db.prepare('INSERT INTO case_assignments (case_id, caseworker, recorded_at, recorded_by) VALUES (?, ?, ?, ?)').run(caseId, caseworker, this.#clock().toISOString(), recordedBy);
  }

  /** Records the date a recorded decision's money is paid out. */
  recordPaymentDate(decisionId: string, payOn: string, recordedBy: string): void {
    if (!isIsoDate(payOn)) throw new StoreError(`payment date: expected YYYY-MM-DD, got "${payOn}"`);
    const exists = this.#db.prepare('SELECT 1 FROM records WHERE decision_id = ?').get(decisionId);
    if (exists === undefined) throw new StoreNotFoundError(`no recorded decision ${decisionId}`);
    // A proposal is not a decision (issue 30): a payment date belongs to a registered decision.
    const proposal = this.#db.prepare(`SELECT 1 FROM records WHERE decision_id = ? AND ${IS_PROPOSAL} AND json_extract(decision_json, '$.routing.automated') IS NOT 1`).get(decisionId);
    if (proposal !== undefined) throw new StoreNotFoundError(`${decisionId} is a proposal, not a registered decision (register it first: docs/workday.md)`);
    this.#db.prepare('INSERT INTO payment_dates (decision_id, pay_on, recorded_at, recorded_by) VALUES (?, ?, ?, ?)').run(decisionId, payOn, this.#clock().toISOString(), recordedBy);
  }

  /**
   * The case's status, or null when the store has no such case. The access log row is written in
   * the same transaction as the read: there is no look without its log entry.
   */
  lookup(request: LookupRequest): CaseStatus | null {
    const problems = lookupIssues(request.caseId, request.purpose);
    if (problems.length > 0 || request.who.trim() === '') throw new StoreError(`lookup refused: ${problems.map((p) => p.path).join(', ') || 'who'}`);
    return this.#db
      .transaction(() => {
        const standing = caseStanding(this.#db, request.caseId);
        this.#db.prepare('INSERT INTO access_log (at, who, case_id, purpose, found) VALUES (?, ?, ?, ?, ?)').run(this.#clock().toISOString(), request.who, request.caseId, request.purpose.trim(), standing ? 1 : 0);
        const assigned = this.#db.prepare<[string], string>('SELECT caseworker FROM case_assignments WHERE case_id = ? ORDER BY seq DESC LIMIT 1').pluck().get(request.caseId) ?? null;
        if (!standing && assigned === null) return null;
        // Canonical JSON has no whitespace: the flag is written exactly so in a stored household.
        const guarded = this.#db.prepare<[string], number>(`SELECT 1 FROM records WHERE case_id = ? AND input_json LIKE '%"protectedIdentity":true%' LIMIT 1`).pluck().get(request.caseId) !== undefined;
        if (guarded) return { caseId: request.caseId, protectedIdentity: true, caseworker: null, latestDecision: null, paymentDate: null, status: null, history: [] };
        const decided = standing?.months.find((m) => m.decision !== null) ?? null;
        const d = decided?.decision ?? null;
        const latestDecision: LatestDecision | null = d && { decisionId: d.decisionId, period: decided!.period, recordedAt: d.recordedAt, outcome: d.outcome, payable: d.payable, decidedOn: d.decidedOn };
        const recordedPayment = d && (this.#db.prepare<[string], string>('SELECT pay_on FROM payment_dates WHERE decision_id = ? ORDER BY seq DESC LIMIT 1').pluck().get(d.decisionId) ?? null);
        return {
          caseId: request.caseId,
          protectedIdentity: false,
          caseworker: standing?.caseworker?.name ?? assigned,
          latestDecision,
          paymentDate: recordedPayment ?? decided?.payOn ?? null,
          status: standing?.months[0] ?? null,
          history: standing?.history ?? [],
        };
      })
      .immediate();
  }

  /** The access log, oldest first; for one case when caseId is given. */
  accessLog(caseId?: string): AccessLogEntry[] {
    const rows =
      caseId === undefined
        ? this.#db.prepare<[], { seq: number; at: string; who: string; case_id: string; purpose: string; found: number }>('SELECT * FROM access_log ORDER BY seq').all()
        : this.#db.prepare<[string], { seq: number; at: string; who: string; case_id: string; purpose: string; found: number }>('SELECT * FROM access_log WHERE case_id = ? ORDER BY seq').all(caseId);
    return rows.map((r) => ({ seq: r.seq, at: r.at, who: r.who, caseId: r.case_id, purpose: r.purpose, found: r.found === 1 }));
  }
}
