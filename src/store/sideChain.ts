/**
 * Side chains (issue 22): append-only tables beside the decision records whose every row carries the
 * hash of the row before it, as the records do (src/store/chain.ts), so that `audit verify` finds an
 * edited, deleted, inserted or reordered row. The case log (every read and write of a case) and the
 * payment events (an order stopped, orders exported) are side chains; their SQL is in schema.ts.
 *
 *   entryHash = sha256(entry_json)                       the row's content as canonical JSON
 *   hash      = sha256(canonicalJson({ at, entryHash, prevHash, seq }))
 *
 * A row's columns other than `at`, the hashes and `entry_json` are copies of fields of the entry, kept
 * for queries; verification checks that each still says what the entry says.
 */
import type Database from 'better-sqlite3';
import { canonicalJson, sha256 } from '../canonical.ts';
import { GENESIS } from './chain.ts';

export type SideChain = 'case_log' | 'payment_events' | 'case_events';

export function sideHash(seq: number, prevHash: string, at: string, entryJson: string): string {
  return sha256(canonicalJson({ at, entryHash: sha256(entryJson), prevHash, seq }));
}

/**
 * Appends rows to a side chain on the caller's connection, inside the caller's transaction (so the head
 * read and the append are one step). `columns` maps each query column to its value in the entry.
 */
export function appendSide(db: Database.Database, chain: SideChain, at: string, rows: readonly { entry: object; columns: Readonly<Record<string, string | number | null>> }[]): { seq: number; hash: string }[] {
  const head = db.prepare<[string], { seq: number; hash: string }>('SELECT seq, hash FROM side_chain_heads WHERE chain = ?').get(chain);
  let seq = head?.seq ?? 0;
  let prev = head?.hash ?? GENESIS;
  const out: { seq: number; hash: string }[] = [];
  for (const { entry, columns } of rows) {
    seq += 1;
    const entryJson = canonicalJson(entry);
    const hash = sideHash(seq, prev, at, entryJson);
    const names = Object.keys(columns);
    db.prepare(`INSERT INTO ${chain} (seq, at, ${names.join(', ')}, entry_json, prev_hash, hash) VALUES (?, ?, ${names.map(() => '?').join(', ')}, ?, ?, ?)`).run(seq, at, ...names.map((n) => columns[n]!), entryJson, prev, hash);
    out.push({ seq, hash });
    prev = hash;
  }
  return out;
}

export interface SideProblem {
  readonly chain: SideChain;
  readonly seq: number | null;
  readonly message: string;
}

/**
 * Walks a side chain and recomputes every hash; `columnsOf` gives, for an entry, the column values the
 * row must carry. Returns every problem found (an empty list: intact).
 */
export function verifySide(db: Database.Database, chain: SideChain, columnsOf: (entry: Record<string, unknown>) => Readonly<Record<string, string | number | null>>): SideProblem[] {
  const problems: SideProblem[] = [];
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(chain) !== undefined;
  if (!exists) return problems;
  let expected = 1;
  let prev = GENESIS;
  let last = { seq: 0, hash: GENESIS };
  for (const row of db.prepare<[], Record<string, unknown>>(`SELECT * FROM ${chain} ORDER BY seq`).iterate()) {
    const seq = row['seq'] as number;
    const at = row['at'] as string;
    const entryJson = row['entry_json'] as string;
    const bad = (message: string) => problems.push({ chain, seq, message: `${chain} #${seq}: ${message}` });
    if (seq !== expected) bad(seq > expected ? `rows #${expected}–#${seq - 1} are missing (deleted)` : `stands where #${expected} was expected`);
    if (sideHash(seq, row['prev_hash'] as string, at, entryJson) !== row['hash']) bad('its content does not match its hash: the row was edited');
    else if (seq === expected && row['prev_hash'] !== prev) bad('it does not link to the row before it: a row was deleted, inserted or replaced');
    let entry: Record<string, unknown> = {};
    try {
      entry = JSON.parse(entryJson) as Record<string, unknown>;
    } catch {
      bad('its entry is not JSON');
    }
    for (const [column, value] of Object.entries(columnsOf(entry))) {
      if (row[column] !== value) bad(`its column ${column} (${JSON.stringify(row[column])}) differs from its entry (${JSON.stringify(value)})`);
    }
    prev = row['hash'] as string;
    expected = seq + 1;
    last = { seq, hash: prev };
  }
  const head = db.prepare<[string], { seq: number; hash: string }>('SELECT seq, hash FROM side_chain_heads WHERE chain = ?').get(chain);
  if (head && (head.seq !== last.seq || head.hash !== last.hash)) {
    problems.push({ chain, seq: null, message: head.seq > last.seq ? `${chain}: the head is #${head.seq} but the last row is #${last.seq}: the rows after #${last.seq} were deleted` : `${chain}: its head (#${head.seq}) does not match the last row (#${last.seq}): it was edited` });
  }
  return problems;
}
