/**
 * Replay (issue 4): recompute a recorded decision from its stored input with the STORED rule set
 * (never today's rules/ folder), and compare with the recorded decision field by field. With
 * today's rules instead (for an appeal: what would the rules in force now give?), the same
 * comparison is informational.
 */
import type { InputIssue } from '../household/types.ts';
import { contractDecision } from '../explain/contract.ts';
import { evaluateHousehold, type RuleSetProvider } from '../index.ts';
import { membersOf, previousFromRecord } from '../monthly/previous.ts';
import { proposeMonthly, type Routing } from '../monthly/propose.ts';
import { parsePeriod } from '../period/index.ts';
import { ENGINE_VERSION } from '../version.ts';
import { diffJson, type Difference } from './diff.ts';
import type { DecisionStore, StoredRecord } from './store.ts';
import { recordContentProblem } from './verify.ts';

export interface ReplayResult {
  readonly decisionId: string;
  /** Which rules the recomputation used. */
  readonly rules: 'stored' | 'current';
  readonly recordedRuleSetVersion: string;
  /** The rule set the recomputation used (null when the input was refused before rules were picked). */
  readonly ruleSetVersion: string | null;
  readonly recordedEngineVersion: string;
  readonly engineVersion: string;
  /** Set when the record's content no longer matches its hash (run audit verify). */
  readonly integrityProblem: string | null;
  /** Set when today's engine refuses the stored input. */
  readonly refused: readonly InputIssue[] | null;
  readonly differences: readonly Difference[];
  /** The recomputation equals the recorded decision, byte for byte in canonical form. */
  readonly identical: boolean;
}

/**
 * Recomputes the record. Without `currentRules` the stored rule set is used, checked against its
 * content hash first (DecisionStore.ruleSet throws StoreError when it was edited).
 */
export function replayRecord(store: DecisionStore, record: StoredRecord, currentRules?: RuleSetProvider): ReplayResult {
  const integrity = recordContentProblem(record);
  let provider: RuleSetProvider;
  let used: string | null = null;
  if (currentRules) {
    provider = (period, municipality, decidedOn) => {
      const set = currentRules(period, municipality, decidedOn);
      used = set.version;
      return set;
    };
  } else {
    const stored = store.ruleSet(record.ruleSetVersion);
    provider = () => {
      used = stored.version;
      return stored;
    };
  }
  const result = evaluateHousehold(JSON.parse(record.inputJson), provider);
  const recorded: unknown = JSON.parse(record.decisionJson);
  const base = {
    decisionId: record.decisionId,
    rules: currentRules ? ('current' as const) : ('stored' as const),
    recordedRuleSetVersion: record.ruleSetVersion,
    recordedEngineVersion: record.engineVersion,
    engineVersion: ENGINE_VERSION,
    integrityProblem: integrity ? integrity.message : null,
  };
  if (!result.ok) return { ...base, ruleSetVersion: used, refused: result.issues, differences: [], identical: false };
  // A monthly proposal (monthly) is recomputed whole: the decision, the comparison with the previous
  // record it names, the routing and, for an automated decision, its text.
  const routing = (recorded as { routing?: Routing }).routing;
  // The record holds the decision with its texts: the recomputation is rendered the same way.
  const decision = contractDecision(result.decision, result);
  let recomputed: unknown = decision;
  if (routing !== undefined) {
    const previous = routing.previousDecisionId === null ? undefined : store.get(routing.previousDecisionId);
    const d = decision;
    recomputed = proposeMonthly({
      decision: d,
      members: membersOf(JSON.parse(record.inputJson)),
      previous: previous ? previousFromRecord(previous) : null,
      receivedOn: routing.receivedOn,
      mode: routing.mode,
      rules: provider(parsePeriod(d.period)!, d.municipality, decidedOnOf(JSON.parse(record.inputJson))).rules,
      letterFor: (automated) => contractDecision(result.decision, result, { automated }).decisionText,
    });
  }
  // Compare as JSON data: the recorded decision went through JSON, so the recomputation does too.
  const differences = diffJson(recorded, JSON.parse(JSON.stringify(recomputed)));
  return { ...base, ruleSetVersion: used, refused: null, differences, identical: differences.length === 0 };
}

/** The decision date a recorded input gives (it picks the law cited), or null. */
function decidedOnOf(input: unknown): string | null {
  return input !== null && typeof input === 'object' && typeof (input as Record<string, unknown>)['decidedOn'] === 'string' ? ((input as Record<string, unknown>)['decidedOn'] as string) : null;
}
