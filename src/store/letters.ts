/**
 * The applicant's letter as made for a registered decision, kept beside it (issue 21 item 6): the
 * A4 PDF's bytes, byte for byte, and a row in the side chain decision_letters (schema.ts
 * DECISION_LETTERS_SQL) whose entry says which registration (its decision id and record hash), which
 * case and month, who made the letter, in which role, when, and the sha256 of the bytes. Both tables
 * are append-only; one letter per registered decision. `audit verify` (verifyLetters below) walks the
 * chain, recomputes each letter's hash from its stored bytes and checks that it names a registration
 * of the chain: an edited letter, an edited row or a letter for no registration is found.
 *
 * Storing a letter says that it was made and kept, never that it was sent: sending (a digital mailbox,
 * the post) happens outside the engine.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { ConflictError, logColumns, type CaseWork } from './casework.ts';
import { DECISION_LETTERS_SQL } from './schema.ts';
import { appendSide, verifySide } from './sideChain.ts';
import type { DecisionStore } from './store.ts';

/** A stored letter: what the chain row says of it. */
export interface StoredLetter {
  readonly decisionId: string;
  /** The registration record's hash when the letter was made. */
  readonly recordHash: string;
  readonly caseId: string;
  readonly period: string;
  readonly proposalId: string;
  /** "Beslut". */
  readonly title: string;
  readonly fileName: string;
  readonly contentType: 'application/pdf';
  readonly bytes: number;
  /** sha256:hex of the PDF's bytes. */
  readonly sha256: string;
  readonly madeBy: string;
  readonly role: string;
  readonly madeAt: string;
  /** The letter's place in the chain of letters and its hash. */
  readonly seq: number;
  readonly hash: string;
}

export const sha256Bytes = (bytes: Uint8Array): string => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

/** What the decision_letters columns hold of an entry (verifySide checks each row against its entry). */
export function letterColumns(e: Record<string, unknown>): Record<string, string | number | null> {
  return { decision_id: e['decisionId'] as string, case_id: e['caseId'] as string, sha256: e['sha256'] as string, who: e['madeBy'] as string };
}

const has = (db: Database.Database, table: string) => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;

type Row = { seq: number; at: string; hash: string; entry_json: string };
const fromRow = (r: Row): StoredLetter => ({ ...(JSON.parse(r.entry_json) as Omit<StoredLetter, 'seq' | 'hash' | 'madeAt'>), madeAt: r.at, seq: r.seq, hash: r.hash });

/** The letter stored for a registered decision, or null (not made yet). */
export function storedLetter(store: DecisionStore, decisionId: string): StoredLetter | null {
  return store.withConnection((db) => {
    if (!has(db, 'decision_letters')) return null;
    const row = db.prepare<[string], Row>('SELECT seq, at, hash, entry_json FROM decision_letters WHERE decision_id = ?').get(decisionId);
    return row ? fromRow(row) : null;
  });
}

/** The letters of several registered decisions, by decision id. */
export function storedLetters(store: DecisionStore, decisionIds: readonly string[]): Map<string, StoredLetter> {
  const out = new Map<string, StoredLetter>();
  for (const id of decisionIds) {
    const l = storedLetter(store, id);
    if (l) out.set(id, l);
  }
  return out;
}

/** A stored letter's bytes, as stored (the caller checks them against the chain with verifyLetters or sha256Bytes). */
export function letterBytes(store: DecisionStore, letter: StoredLetter): Buffer | null {
  return store.withConnection((db) => {
    if (!has(db, 'letter_files')) return null;
    const row = db.prepare<[string], { content: Buffer }>('SELECT content FROM letter_files WHERE sha256 = ?').get(letter.sha256);
    return row ? row.content : null;
  });
}

/** What the caller gives to store a letter: the registration it belongs to, the PDF, who made it and why. */
export type LetterToStore = Pick<StoredLetter, 'decisionId' | 'recordHash' | 'caseId' | 'period' | 'proposalId' | 'title' | 'fileName' | 'madeBy' | 'role'> & {
  readonly pdf: Uint8Array;
  /** Why, for the case log ("handläggning"). */
  readonly purpose: string;
  readonly at: Date;
};

/**
 * Stores a letter beside its registered decision, with a case log row, in one transaction. A second
 * letter for the same decision is refused (ConflictError): the letter as made is kept, never replaced.
 */
export function storeLetter(cw: CaseWork, l: LetterToStore): StoredLetter {
  const at = l.at.toISOString();
  const digest = sha256Bytes(l.pdf);
  return cw.store.writeTransaction((db) => {
    db.exec(DECISION_LETTERS_SQL);
    if (db.prepare<[string], number>('SELECT 1 FROM decision_letters WHERE decision_id = ?').pluck().get(l.decisionId) !== undefined) {
      throw new ConflictError(`Beslutet ${l.decisionId} har redan ett sparat brev: brevet som framställdes sparas och ersätts aldrig.`);
    }
    const entry = { decisionId: l.decisionId, recordHash: l.recordHash, caseId: l.caseId, period: l.period, proposalId: l.proposalId, title: l.title, fileName: l.fileName, contentType: 'application/pdf' as const, bytes: l.pdf.length, sha256: digest, madeBy: l.madeBy, role: l.role };
    db.prepare('INSERT OR IGNORE INTO letter_files (sha256, file_name, content) VALUES (?, ?, ?)').run(digest, l.fileName, Buffer.from(l.pdf));
    const [row] = appendSide(db, 'decision_letters', at, [{ entry, columns: letterColumns(entry) }]);
    const log = { who: l.madeBy, role: l.role, action: 'letter.store', caseId: l.caseId, decisionId: l.decisionId, purpose: l.purpose };
    appendSide(db, 'case_log', at, [{ entry: log, columns: logColumns(log) }]);
    return { ...entry, madeAt: at, seq: row!.seq, hash: row!.hash };
  });
}

export interface LetterProblem {
  readonly seq: number | null;
  readonly decisionId: string | null;
  readonly message: string;
}

/**
 * audit verify of the letters: the side chain intact; each letter names a registered decision of the
 * chain with the record hash it was made for, once; its stored bytes hash to what its row says; no
 * stored file is left that no letter names. `registrations` maps each registered decision's id to its
 * record hash.
 */
export function verifyLetters(db: Database.Database, registrations: ReadonlyMap<string, string>): LetterProblem[] {
  const problems: LetterProblem[] = [];
  if (!has(db, 'decision_letters')) return problems;
  for (const p of verifySide(db, 'decision_letters', letterColumns)) problems.push({ seq: p.seq, decisionId: null, message: p.message });
  const named = new Set<string>();
  for (const row of db.prepare<[], Row>('SELECT seq, at, hash, entry_json FROM decision_letters ORDER BY seq').iterate()) {
    let letter: StoredLetter;
    try {
      letter = fromRow(row);
    } catch {
      continue; // verifySide has named it
    }
    const at = `decision_letters #${row.seq}`;
    named.add(letter.sha256);
    const hash = registrations.get(letter.decisionId);
    if (hash === undefined) problems.push({ seq: row.seq, decisionId: letter.decisionId, message: `${at}: a letter for ${letter.decisionId}, which is not a registered decision in the chain` });
    else if (hash !== letter.recordHash) problems.push({ seq: row.seq, decisionId: letter.decisionId, message: `${at}: the letter was made for ${letter.decisionId} with another record hash than the chain's` });
    const file = has(db, 'letter_files') ? db.prepare<[string], { content: Buffer }>('SELECT content FROM letter_files WHERE sha256 = ?').get(letter.sha256) : undefined;
    if (!file) problems.push({ seq: row.seq, decisionId: letter.decisionId, message: `${at}: the letter of ${letter.decisionId} is missing (${letter.sha256})` });
    else if (sha256Bytes(file.content) !== letter.sha256 || file.content.length !== letter.bytes) problems.push({ seq: row.seq, decisionId: letter.decisionId, message: `${at}: the stored letter of ${letter.decisionId} does not hash to ${letter.sha256}: it was edited` });
  }
  if (has(db, 'letter_files')) {
    for (const f of db.prepare<[], { sha256: string }>('SELECT sha256 FROM letter_files').iterate()) {
      if (!named.has(f.sha256)) problems.push({ seq: null, decisionId: null, message: `letter_files holds ${f.sha256}, which no letter in decision_letters names` });
    }
  }
  return problems;
}
