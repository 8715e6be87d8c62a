/**
 * Replay (issue 4): recompute a recorded decision from its stored input with the STORED rule set
 * (never today's rules/ folder), and compare with the recorded decision field by field. With
 * today's rules instead (for an appeal: what would the rules in force now give?), the same
 * comparison is informational.
 */
import type { InputIssue } from '../household/types.ts';
import { renderProblems } from '../explain/problems.ts';
import { contractDecision } from '../explain/contract.ts';
import { evaluateHousehold, type RuleSetProvider } from '../index.ts';
import { membersOf } from '../monthly/previous.ts';
import { proposeMonthlyData, renderProposal, type Routing } from '../monthly/propose.ts';
import { parsePeriod } from '../period/index.ts';
import { ENGINE_VERSION } from '../version.ts';
import { diffJson, type Difference } from './diff.ts';
import { previousFromRecord, renderedDecision } from './read.ts';
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
  /** Set when today's engine refuses the stored input (the problems in Swedish, as batch writes them). */
  readonly refused: readonly InputIssue[] | null;
  readonly differences: readonly Difference[];
  /** The recomputation equals the recorded decision, byte for byte in canonical form. */
  readonly identical: boolean;
  /**
   * Set when this engine cannot compute with the stored rule set at all: it was stored by an engine
   * whose rules lacked values this one reads (for example the rådrum's months, added with issue 20).
   * The recorded decision stands as stored (show prints it, audit verify checks it); it is never
   * recomputed with values from today's rules/, which would not be the rules of that month.
   */
  readonly notReplayable: NotReplayable | null;
}

export interface NotReplayable {
  /** The paths this engine reads that the stored rule set does not hold (may be empty if the cause is elsewhere). */
  readonly missing: readonly string[];
  /** What stopped the calculation, as the engine said it. */
  readonly error: string;
}

/**
 * What this engine's calculation reads from a rule set, as paths. A rule set stored by an earlier
 * engine may lack some (the three municipal values and the labour-market condition set came with
 * issue 20); replay names them instead of stopping on the first one it reads.
 * test/store/old-store.test.ts checks that a rule set resolved today has every path listed here.
 */
export const RULE_SET_PATHS: readonly string[] = [
  'riksnorm', 'prisbasbelopp', 'costTypes', 'incomeTypes', 'assetTypes', 'municipal', 'legal', 'childImpact', 'conditions',
  'municipal.assetBuffer', 'municipal.ageReference', 'municipal.partMonthChildHouseholdSize', 'municipal.agencyIncomeMonth',
  'municipal.rentAdjustmentMonths', 'municipal.sharedHousingCost', 'municipal.childEarningsAboveLimit',
  'conditions.eligibility', 'conditions.labourMarket', 'conditions.flags',
];

/** The paths of RULE_SET_PATHS a stored rule set does not hold. */
export function missingRuleSetPaths(rules: unknown): string[] {
  const has = (path: string) => {
    let node: unknown = rules;
    for (const key of path.split('.')) {
      if (node === null || typeof node !== 'object' || !(key in node)) return false;
      node = (node as Record<string, unknown>)[key];
    }
    return node !== undefined && node !== null;
  };
  return RULE_SET_PATHS.filter((p) => !has(p));
}

/**
 * Recomputes the record. Without `currentRules` the stored rule set is used, checked against its
 * content hash first (DecisionStore.ruleSet throws StoreError when it was edited).
 */
export function replayRecord(store: DecisionStore, record: StoredRecord, currentRules?: RuleSetProvider): ReplayResult {
  const integrity = recordContentProblem(record);
  let provider: RuleSetProvider;
  let used: string | null = null;
  const stored = currentRules ? null : store.ruleSet(record.ruleSetVersion);
  if (stored === null) {
    provider = (period, municipality, decidedOn) => {
      const set = currentRules!(period, municipality, decidedOn);
      used = set.version;
      return set;
    };
  } else {
    provider = () => {
      used = stored.version;
      return stored;
    };
  }
  const input: unknown = JSON.parse(record.inputJson);
  // The decision as recorded, with its texts: as stored (a record written before records kept data)
  // or rendered from the record's data and its stored rule set (read.ts).
  const recorded: unknown = renderedDecision(store, record);
  const base = {
    decisionId: record.decisionId,
    rules: currentRules ? ('current' as const) : ('stored' as const),
    recordedRuleSetVersion: record.ruleSetVersion,
    recordedEngineVersion: record.engineVersion,
    engineVersion: ENGINE_VERSION,
    integrityProblem: integrity ? integrity.message : null,
  };
  const notReplayable = (missing: readonly string[], error: string): ReplayResult => ({ ...base, ruleSetVersion: used, refused: null, differences: [], identical: false, notReplayable: { missing, error } });
  // With today's rules an error is the engine's own; only a stored rule set can be incomplete for this engine.
  if (stored === null) return recompute(store, input, recorded, provider, () => used, base);
  const missing = missingRuleSetPaths(stored.rules);
  if (missing.length > 0) return notReplayable(missing, `the stored rule set lacks ${missing.join(', ')}`);
  try {
    return recompute(store, input, recorded, provider, () => used, base);
  } catch (error) {
    return notReplayable([], error instanceof Error ? error.message : String(error));
  }
}

type ReplayBase = Pick<ReplayResult, 'decisionId' | 'rules' | 'recordedRuleSetVersion' | 'recordedEngineVersion' | 'engineVersion' | 'integrityProblem'>;

/** The recomputation and its comparison with the recorded decision. */
function recompute(store: DecisionStore, input: unknown, recorded: unknown, provider: RuleSetProvider, used: () => string | null, base: ReplayBase): ReplayResult {
  const result = evaluateHousehold(input, provider);
  if (!result.ok) return { ...base, ruleSetVersion: used(), refused: renderProblems(result.issues), differences: [], identical: false, notReplayable: null };
  // A monthly proposal (monthly) is recomputed whole: the decision, the comparison with the previous
  // record it names, the routing and, for an automated decision, its text.
  const routing = (recorded as { routing?: Routing }).routing;
  let recomputed: unknown;
  if (routing === undefined) recomputed = contractDecision(result.decision, result);
  else {
    const previous = routing.previousDecisionId === null ? undefined : store.get(routing.previousDecisionId);
    const d = result.decision;
    const proposal = proposeMonthlyData({
      decision: d,
      members: membersOf(input),
      previous: previous ? previousFromRecord(store, previous) : null,
      receivedOn: routing.receivedOn,
      mode: routing.mode,
      rules: provider(parsePeriod(d.period)!, d.municipality, decidedOnOf(input)).rules,
    });
    recomputed = renderProposal(proposal, result);
  }
  // Compare as JSON data: the recorded decision went through JSON, so the recomputation does too.
  const differences = diffJson(recorded, JSON.parse(JSON.stringify(recomputed)));
  return { ...base, ruleSetVersion: used(), refused: null, differences, identical: differences.length === 0, notReplayable: null };
}

/** The decision date a recorded input gives (it picks the law cited), or null. */
function decidedOnOf(input: unknown): string | null {
  return input !== null && typeof input === 'object' && typeof (input as Record<string, unknown>)['decidedOn'] === 'string' ? ((input as Record<string, unknown>)['decidedOn'] as string) : null;
}
