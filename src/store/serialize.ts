/**
 * A decision turned into what the store keeps (issue 4), without the database: canonical JSON of the
 * input and of the decision, and the fields the record's hash covers. Serialising is most of the
 * cost of recording (a decision with its trace is 26–38 KB), so batch --record does it in its
 * worker threads and the writer only hashes and inserts. This module must not import
 * better-sqlite3: it runs in every batch worker.
 */
import { canonicalJson } from '../canonical.ts';
import type { Decision } from '../explain/contract.ts';

export interface SerializedRecord {
  readonly caseId: string | null;
  readonly period: string;
  /** Not stored as a column: the writer uses it to pick the rule set (RuleSetCache.get). */
  readonly municipality: string | null;
  readonly ruleSetVersion: string;
  readonly engineVersion: string;
  /** The decision's inputHash; the writer checks that it is the sha256 of inputJson. */
  readonly inputHash: string;
  /** canonicalJson of the household exactly as evaluated. */
  readonly inputJson: string;
  /** canonicalJson of the full decision, with its trace. */
  readonly decisionJson: string;
}

export function serializeRecord(input: unknown, decision: Decision): SerializedRecord {
  return {
    caseId: decision.caseId,
    period: decision.period,
    municipality: decision.municipality,
    ruleSetVersion: decision.ruleSetVersion,
    engineVersion: decision.engineVersion,
    inputHash: decision.inputHash,
    inputJson: canonicalJson(input),
    decisionJson: canonicalJson(decision),
  };
}
