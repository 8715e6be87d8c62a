/**
 * Public API of the calculation core.
 *
 *   const book = loadRulebook('rules');
 *   const cache = new RuleSetCache(book);
 *   const result = evaluateHousehold(json, (period, municipality) => cache.get(period, municipality));
 *   if (result.ok) console.log(result.decision.payable);
 *
 * The core is pure: the same input and the same rule set always give byte-identical output. It reads
 * no clock, no randomness and no locale; the only I/O is loading rules/ (rulebook/load.ts).
 */
import { contentHash } from './canonical.ts';
import { createContext, type Context } from './context.ts';
import { decide, type DecisionMeta } from './decision/index.ts';
import type { Decision, DecisionSummary } from './decision/types.ts';
import { parseHousehold } from './household/parse.ts';
import type { Household, InputIssue } from './household/types.ts';
import type { Period } from './period/index.ts';
import type { RecordedStep } from './trace/index.ts';
import { RuleLookupError } from './rulebook/resolve.ts';
import type { RuleSet, VersionedRuleSet } from './rulebook/types.ts';
import { ENGINE_VERSION } from './version.ts';

export type RuleSetProvider = (period: Period, municipality: string | null) => VersionedRuleSet;

export type Evaluation =
  | { readonly ok: true; readonly decision: Decision; readonly household: Household }
  | { readonly ok: false; readonly issues: readonly InputIssue[]; readonly caseId: string | null };

export type SummaryEvaluation =
  | { readonly ok: true; readonly decision: DecisionSummary; readonly household: Household }
  | { readonly ok: false; readonly issues: readonly InputIssue[]; readonly caseId: string | null };

/**
 * Module-level on purpose, like the other per-household helpers of the core: tsx (esbuild keepNames)
 * wraps every named closure in a defineProperty call each time it is created, ~0.24 µs apiece.
 */
function checkType(issues: InputIssue[], known: Readonly<Record<string, unknown>>, value: string, list: string, index: number, what: string): void {
  if (!Object.prototype.hasOwnProperty.call(known, value)) {
    issues.push({ path: `${list}[${index}].type`, code: 'UNKNOWN_TYPE', message: `unknown ${what} "${value}" (expected one of ${Object.keys(known).join(', ')})` });
  }
}

/** Types used in the household that the period's rules do not know. */
function checkTypes(household: Household, rules: RuleSet): InputIssue[] {
  const issues: InputIssue[] = [];
  for (const i of household.incomes) checkType(issues, rules.incomeTypes, i.type, 'incomes', i.index, 'income type');
  for (const c of household.costs) checkType(issues, rules.costTypes, c.type, 'costs', c.index, 'cost type');
  for (const a of household.assets) checkType(issues, rules.assetTypes, a.type, 'assets', a.index, 'asset type');
  return issues;
}

function caseIdOf(raw: unknown): string | null {
  if (raw !== null && typeof raw === 'object' && 'caseId' in raw) {
    const id = (raw as { caseId: unknown }).caseId;
    return typeof id === 'string' ? id : null;
  }
  return null;
}

type Prepared = { readonly ok: true; readonly ctx: Context; readonly meta: DecisionMeta; readonly household: Household } | { readonly ok: false; readonly issues: readonly InputIssue[]; readonly caseId: string | null };

function prepare(raw: unknown, rulesFor: RuleSetProvider, explain = true): Prepared {
  const parsed = parseHousehold(raw);
  if (!parsed.ok) return { ok: false, issues: parsed.issues, caseId: caseIdOf(raw) };
  const { household } = parsed;
  let ruleSet: VersionedRuleSet;
  try {
    ruleSet = rulesFor(household.period, household.municipality);
  } catch (error) {
    if (error instanceof RuleLookupError) {
      return { ok: false, issues: [{ path: error.field, code: 'NO_RULES_FOR_PERIOD', message: error.message }], caseId: household.caseId };
    }
    throw error;
  }
  const typeIssues = checkTypes(household, ruleSet.rules);
  if (typeIssues.length > 0) return { ok: false, issues: typeIssues, caseId: household.caseId };
  return {
    ok: true,
    household,
    ctx: createContext(household, ruleSet.rules, parsed.warnings, explain),
    meta: { ruleSetVersion: ruleSet.version, inputHash: contentHash(raw), engineVersion: ENGINE_VERSION },
  };
}

/** Validates the household, picks the rules for its period and computes the decision proposal, with its trace and decision text. */
export function evaluateHousehold(raw: unknown, rulesFor: RuleSetProvider): Evaluation {
  const p = prepare(raw, rulesFor);
  return p.ok ? { ok: true, decision: decide(p.ctx, p.meta, 'full'), household: p.household } : p;
}

/** The same proposal without the rendered trace and decision text: for bulk runs. */
export function evaluateHouseholdSummary(raw: unknown, rulesFor: RuleSetProvider): SummaryEvaluation {
  const p = prepare(raw, rulesFor);
  return p.ok ? { ok: true, decision: decide(p.ctx, p.meta, 'summary'), household: p.household } : p;
}

/**
 * The figures and codes only, for bulk runs that keep no texts (batch --detail compact): the same
 * outcome, amounts, reason and flag codes as evaluateHouseholdSummary, but every text is empty, the
 * child prompts are left out and no trace is recorded. Never show this decision to a person.
 */
export function evaluateHouseholdFigures(raw: unknown, rulesFor: RuleSetProvider): SummaryEvaluation {
  const p = prepare(raw, rulesFor, false);
  return p.ok ? { ok: true, decision: decide(p.ctx, p.meta, 'summary'), household: p.household } : p;
}

/**
 * The summary decision and the trace steps recorded on the way (data, without texts), for comparing
 * two rule sets step by step (compare: the first step where they diverge).
 */
export function evaluateHouseholdSteps(raw: unknown, rulesFor: RuleSetProvider): StepsEvaluation {
  const p = prepare(raw, rulesFor);
  if (!p.ok) return p;
  const decision = decide(p.ctx, p.meta, 'summary');
  return { ok: true, decision, household: p.household, steps: p.ctx.trace.recorded };
}

export type StepsEvaluation =
  | { readonly ok: true; readonly decision: DecisionSummary; readonly household: Household; readonly steps: readonly RecordedStep[] }
  | { readonly ok: false; readonly issues: readonly InputIssue[]; readonly caseId: string | null };

export { loadRulebook, RulebookError } from './rulebook/load.ts';
export { RuleSetCache, resolveRuleSet, RuleLookupError, versionRuleSet } from './rulebook/resolve.ts';
export type { Decision, DecisionSummary } from './decision/types.ts';
export type { InputIssue } from './household/types.ts';
export { renderDecision } from './explain/render.ts';
