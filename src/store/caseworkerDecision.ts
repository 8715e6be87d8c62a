/**
 * The caseworker's decision beside the engine's proposal (issue 11): who decided, when, under which
 * delegation, the letter text as the caseworker edited and sent it, and the answers to the
 * barnkonsekvens questions. The proposal itself is an ordinary record in the hash chain
 * (DecisionStore.record); this table is additive: its own append-only rows, each pointing at that
 * record by decision id and carrying a hash over its content and the record's hash, so an edited
 * row is detected by `verifyCaseworkerDecisions`. A store without this table reads as before.
 *
 * Display names the caseworker types in the page are never sent to the server, so never stored here
 * unless the caseworker writes one into the letter text.
 */
import Database from 'better-sqlite3';
import { canonicalJson, sha256 } from '../canonical.ts';
import { CASEWORKER_DECISIONS_SQL } from './schema.ts';

export { CASEWORKER_DECISIONS_SQL };


export interface ChildAnswer {
  readonly promptId: string;
  readonly question: string;
  readonly answer: string;
}

/** What the caseworker decided about one recorded proposal. */
export interface CaseworkerDecision {
  readonly decidedBy: string;
  /** YYYY-MM-DD */
  readonly decidedOn: string;
  readonly delegation: string;
  /** The proposal's outcome the caseworker decided on (approve, partial, deny). */
  readonly outcome: string;
  /** "decision" (a beslut). */
  readonly letterKind: string;
  readonly letterText: string;
  readonly childAnswers: readonly ChildAnswer[];
}

export interface StoredCaseworkerDecision extends CaseworkerDecision {
  readonly decisionId: string;
  readonly recordHash: string;
  readonly recordedAt: string;
  readonly contentHash: string;
}

/** The hash a row carries: its content, the proposal it belongs to and that proposal's record hash. */
export function caseworkerDecisionHash(d: Omit<StoredCaseworkerDecision, 'contentHash'>): string {
  return sha256(canonicalJson({ ...d, childAnswers: d.childAnswers.map((a) => ({ ...a })) }));
}

interface Row {
  decision_id: string;
  record_hash: string;
  recorded_at: string;
  decided_by: string;
  decided_on: string;
  delegation: string;
  outcome: string;
  letter_kind: string;
  letter_text: string;
  child_answers: string;
  content_hash: string;
}

function fromRow(r: Row): StoredCaseworkerDecision {
  return {
    decisionId: r.decision_id,
    recordHash: r.record_hash,
    recordedAt: r.recorded_at,
    decidedBy: r.decided_by,
    decidedOn: r.decided_on,
    delegation: r.delegation,
    outcome: r.outcome,
    letterKind: r.letter_kind,
    letterText: r.letter_text,
    childAnswers: JSON.parse(r.child_answers) as ChildAnswer[],
    contentHash: r.content_hash,
  };
}

/**
 * The caseworker decisions of a store file, on their own connection (the DecisionStore's is private
 * to it). The proposal must already be recorded: the row names its decision id and record hash.
 */
export class CaseworkerDecisions {
  readonly #db: Database.Database;
  readonly #clock: () => Date;

  constructor(path: string, clock: () => Date = () => new Date()) {
    this.#db = new Database(path, { fileMustExist: true, timeout: 30_000 });
    this.#db.pragma('foreign_keys = ON');
    this.#db.exec(CASEWORKER_DECISIONS_SQL);
    this.#clock = clock;
  }

  close(): void {
    this.#db.close();
  }

  record(decisionId: string, recordHash: string, d: CaseworkerDecision): StoredCaseworkerDecision {
    const content = { ...d, decisionId, recordHash, recordedAt: this.#clock().toISOString() };
    const stored = { ...content, contentHash: caseworkerDecisionHash(content) };
    this.#db
      .prepare(
        `INSERT INTO caseworker_decisions (decision_id, record_hash, recorded_at, decided_by, decided_on, delegation, outcome, letter_kind, letter_text, child_answers, content_hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(decisionId, recordHash, stored.recordedAt, d.decidedBy, d.decidedOn, d.delegation, d.outcome, d.letterKind, d.letterText, JSON.stringify(d.childAnswers), stored.contentHash);
    return stored;
  }

  /** Every caseworker decision about one recorded proposal, oldest first. */
  forDecision(decisionId: string): StoredCaseworkerDecision[] {
    return this.#db.prepare<[string], Row>('SELECT * FROM caseworker_decisions WHERE decision_id = ? ORDER BY id').all(decisionId).map(fromRow);
  }

  /** Rows whose content no longer hashes to their content_hash (edited outside this code). */
  tampered(): { decisionId: string; contentHash: string }[] {
    return this.#db
      .prepare<[], Row>('SELECT * FROM caseworker_decisions ORDER BY id')
      .all()
      .map(fromRow)
      .filter(({ contentHash, ...rest }) => caseworkerDecisionHash(rest) !== contentHash)
      .map((r) => ({ decisionId: r.decisionId, contentHash: r.contentHash }));
  }
}
