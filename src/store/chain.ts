/**
 * The hash chain of decision records (issue 4), as pure functions so that `audit verify` and the
 * writer compute exactly the same thing, and an auditor can recompute it with any sha256 tool
 * (docs/records.md).
 *
 *   inputHash    = sha256(input_json)        the canonical household (= the decision's inputHash)
 *   decisionHash = sha256(decision_json)     the canonical decision with its trace
 *   record_hash  = sha256(canonicalJson({ seq, prevHash, recordedAt, caseId, period,
 *                                         ruleSetVersion, engineVersion, inputHash, decisionHash }))
 *
 * Each record's hash covers the previous record's hash, so an edited, deleted, inserted or
 * reordered record breaks the chain from that record on. The first record links to GENESIS.
 */
import { canonicalJson, sha256 } from '../canonical.ts';

export const GENESIS = `sha256:${'0'.repeat(64)}`;

/** The fields of a record that its hash covers (besides the two texts, covered through their hashes). */
export interface RecordHeader {
  readonly seq: number;
  readonly prevHash: string;
  readonly recordedAt: string;
  readonly caseId: string | null;
  readonly period: string;
  readonly ruleSetVersion: string;
  readonly engineVersion: string;
  readonly inputHash: string;
  readonly decisionHash: string;
}

export function recordHash(header: RecordHeader): string {
  return sha256(canonicalJson(header));
}

/**
 * The decision id: the record's place in the chain and the start of its hash, e.g.
 * "D-00000042-3f9a1c2b7d4e5f60". Deterministic (no clock or randomness of its own: the recording
 * time enters only through the hash), unique within a store, and it names where the record stood
 * when it was made, so `audit verify` can tell a moved record from an edited one. Sixteen hex
 * digits, not ten or twelve, so that the personnummer masking never mistakes an id for a number.
 */
export function decisionIdOf(seq: number, hash: string): string {
  return `D-${String(seq).padStart(8, '0')}-${hash.slice('sha256:'.length, 'sha256:'.length + 16)}`;
}

/** The chain position written into a decision id, or null when the id is not in that form. */
export function seqOfDecisionId(id: string): number | null {
  const m = /^D-([0-9]{8,})-[0-9a-f]{16}$/.exec(id);
  return m ? Number(m[1]) : null;
}
