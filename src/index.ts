/**
 * Public API of the calculation core.
 *
 *   const book = loadRulebook('rules');
 *   const cache = new RuleSetCache(book);
 *   const result = evaluateHousehold(json, (period, municipality, decidedOn) => cache.get(period, municipality, decidedOn));
 *   if (result.ok) console.log(result.decision.payable);
 *
 * The core computes data: figures, codes, references, and every sentence as a message (key and
 * arguments), with the trace as recorded. The texts are views (src/explain/index.ts): for the decision
 * `calculate --json` prints, `contractDecision(result.decision, result)`.
 *
 * The core is pure: the same input and the same rule set always give byte-identical output. It reads
 * no clock, no randomness and no locale; the only I/O is loading rules/ (rulebook/load.ts).
 */
import { contentHash } from './canonical.ts';
import { createContext, type Context } from './context.ts';
import { decide, type DecisionMeta } from './decision/index.ts';
import type { DecisionBasis, DecisionData, DecisionFigures } from './decision/types.ts';
import { capProblems, parseHousehold, type RuleChecks } from './household/parse.ts';
import { echo, problem, type InputProblem } from './household/problems.ts';
import type { Household, InputIssue } from './household/types.ts';
import { firstDayOf, formatPeriod, type Period } from './period/index.ts';
import { RuleLookupError, ruleLookupProblem, RulesPendingError, type PendingRuleSet } from './rulebook/resolve.ts';
import { pendingRuleSetVersion, pendingRulesDecision } from './decision/pending.ts';
import type { RuleSet, VersionedRuleSet } from './rulebook/types.ts';
import { ENGINE_VERSION } from './version.ts';

/**
 * The rule set for a benefit month; decidedOn (when the input gives one) picks the law cited. A provider
 * that ignores decidedOn is caught: prepare() refuses a rule set whose law is not the one in force on it.
 */
export type RuleSetProvider = (period: Period, municipality: string | null, decidedOn: string | null) => VersionedRuleSet;

/** The decision as data with the rules it was made with (which its texts need), or the input's problems. */
export type Evaluation =
  | ({ readonly ok: true; readonly decision: DecisionData; readonly household: Household } & DecisionBasis)
  | { readonly ok: false; readonly issues: readonly InputProblem[]; readonly caseId: string | null };

export type FiguresEvaluation =
  | { readonly ok: true; readonly decision: DecisionFigures; readonly household: Household }
  | { readonly ok: false; readonly issues: readonly InputProblem[]; readonly caseId: string | null };

/** The first month of rules/agency-income-map.json (SSBTEK's data): what the problem for an earlier month names. */
const AGENCY_DATA_FROM = '2014-05';

/**
 * The household's values that must be keys of the period's rules (income, cost and asset types, a
 * caseworker's income type for an agency payment, activity exemptions) and an agency income map for
 * agency payments. Run also when the household has other problems, once its period is known (issue 27:
 * every problem at once).
 */
function checkAgainstRules(checks: RuleChecks, rules: RuleSet): InputProblem[] {
  const problems: InputProblem[] = [];
  const period = formatPeriod(checks.period);
  const known = { incomes: rules.incomeTypes, costs: rules.costTypes, assets: rules.assetTypes } as const;
  for (const t of checks.types) {
    const table: Readonly<Record<string, unknown>> = known[t.list];
    if (!Object.hasOwn(table, t.value)) problems.push(problem(t.path, 'UNKNOWN_TYPE', { list: t.list, value: echo(t.value), period, allowed: Object.keys(table) }));
  }
  const activity = rules.activityRequirement ?? null;
  for (const e of checks.exemptions) {
    if (activity === null || activity.exemptions.some((x) => x.code === e.value)) continue;
    problems.push(problem(`members[${e.index}].activityRequirement.exemption`, 'UNKNOWN_EXEMPTION', { value: echo(e.value), period, allowed: activity.exemptions.map((x) => x.code) }));
  }
  // Agency payments need the agency income map in force for the period (never another period's map).
  if (checks.hasRegisteredIncomes && (rules.agencyIncomeMap ?? null) === null) {
    problems.push(problem('registeredIncomes', 'NO_RULES_FOR_PERIOD.agencyMap', { period, from: AGENCY_DATA_FROM }));
  }
  return problems;
}

/** The law of the rule set must be the one in force on the decision date (or the month): an engine error otherwise. */
function checkLawDate(household: Household, rules: RuleSet): void {
  const date = household.decidedOn ?? firstDayOf(household.period);
  const { effectiveFrom, effectiveTo } = rules.legal;
  if (date < effectiveFrom || (effectiveTo !== null && date > effectiveTo)) {
    throw new Error(`[engine] the rule set cites the law in force ${effectiveFrom} – ${effectiveTo ?? '…'}, not on ${date}: the rule set provider must pass decidedOn on`);
  }
}

type Prepared =
  | { readonly ok: true; readonly ctx: Context; readonly meta: DecisionMeta; readonly household: Household; readonly ruleSet: VersionedRuleSet }
  | { readonly ok: 'pending'; readonly pending: PendingRuleSet; readonly meta: DecisionMeta; readonly household: Household; readonly warnings: readonly InputIssue[] }
  | { readonly ok: false; readonly issues: readonly InputProblem[]; readonly caseId: string | null };

function prepare(raw: unknown, rulesFor: RuleSetProvider, explain = true): Prepared {
  const parsed = parseHousehold(raw);
  const problems: InputProblem[] = parsed.ok ? [] : [...parsed.issues];
  const checks = parsed.rules;
  const caseId = parsed.ok ? parsed.household.caseId : parsed.caseId;
  // The rules are looked up as soon as the month is known, so that a month without rules and a type
  // the month's rules do not know are reported together with every other problem.
  let ruleSet: VersionedRuleSet | undefined;
  let pending: PendingRuleSet | undefined;
  if (checks !== null) {
    try {
      ruleSet = rulesFor(checks.period, checks.municipality, checks.decidedOn);
    } catch (error) {
      // The month's rules are enacted but not published (rules/pending/): needs-information naming them (decision/pending.ts).
      if (error instanceof RulesPendingError) pending = error.pending;
      else if (error instanceof RuleLookupError) problems.push(ruleLookupProblem(error));
      else throw error;
    }
    if (ruleSet !== undefined) problems.push(...checkAgainstRules(checks, ruleSet.rules));
  }
  if (!parsed.ok || problems.length > 0) return { ok: false, issues: capProblems(problems), caseId };
  const { household } = parsed;
  if (pending !== undefined) {
    const meta = { ruleSetVersion: pendingRuleSetVersion(pending), inputHash: contentHash(raw), engineVersion: ENGINE_VERSION };
    return { ok: 'pending', pending, meta, household, warnings: parsed.warnings };
  }
  checkLawDate(household, ruleSet!.rules);
  return {
    ok: true,
    household,
    ruleSet: ruleSet!,
    ctx: createContext(household, ruleSet!.rules, parsed.warnings, explain),
    meta: { ruleSetVersion: ruleSet!.version, inputHash: contentHash(raw), engineVersion: ENGINE_VERSION },
  };
}

/**
 * Validates the household, picks the rules for its period and computes the decision proposal as data,
 * with its trace as recorded and the rule set used (src/explain/contract.ts renders its texts).
 */
export function evaluateHousehold(raw: unknown, rulesFor: RuleSetProvider): Evaluation {
  const p = prepare(raw, rulesFor);
  if (p.ok === 'pending') return { ok: true, decision: pendingRulesDecision(p.household, p.pending, p.meta, p.warnings), household: p.household, ruleSet: null, pending: p.pending };
  return p.ok ? { ok: true, decision: decide(p.ctx, p.meta, 'data'), household: p.household, ruleSet: p.ruleSet, pending: null } : p;
}

/**
 * The figures and codes only, for bulk runs that keep no texts (batch --detail compact): the same
 * outcome, amounts, reasons and flags as evaluateHousehold, but the child notes and prompts are left
 * out and no trace is recorded; the item lists and warnings are left out too (DecisionFigures).
 */
export function evaluateHouseholdFigures(raw: unknown, rulesFor: RuleSetProvider): FiguresEvaluation {
  const p = prepare(raw, rulesFor, false);
  if (p.ok === 'pending') return { ok: true, decision: pendingRulesDecision(p.household, p.pending, p.meta, p.warnings), household: p.household };
  return p.ok ? { ok: true, decision: decide(p.ctx, p.meta, 'figures'), household: p.household } : p;
}

export { loadRulebook, RulebookError } from './rulebook/load.ts';
export { RuleSetCache, resolveRuleSet, RuleLookupError, RulesPendingError, versionRuleSet } from './rulebook/resolve.ts';
export type { DecisionBasis, DecisionData, DecisionFigures } from './decision/types.ts';
export type { InputIssue } from './household/types.ts';
export type { InputProblem } from './household/problems.ts';
export type { Message, MessageArgs, MessageKey } from './trace/messages.ts';
