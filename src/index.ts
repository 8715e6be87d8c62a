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
import { quote } from './household/echo.ts';
import { parseHousehold } from './household/parse.ts';
import type { Household, InputIssue } from './household/types.ts';
import { firstDayOf, type Period } from './period/index.ts';
import { RuleLookupError, RulesPendingError, type PendingRuleSet } from './rulebook/resolve.ts';
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
  | { readonly ok: false; readonly issues: readonly InputIssue[]; readonly caseId: string | null };

export type FiguresEvaluation =
  | { readonly ok: true; readonly decision: DecisionFigures; readonly household: Household }
  | { readonly ok: false; readonly issues: readonly InputIssue[]; readonly caseId: string | null };

/** Types used in the household that the period's rules do not know. */
function checkTypes(household: Household, rules: RuleSet): InputIssue[] {
  const issues: InputIssue[] = [];
  const checkType = (known: Readonly<Record<string, unknown>>, value: string, list: string, index: number, what: string): void => {
    if (!Object.hasOwn(known, value)) {
      issues.push({ path: `${list}[${index}].type`, code: 'UNKNOWN_TYPE', message: `unknown ${what} ${quote(value)} (expected one of ${Object.keys(known).join(', ')})` });
    }
  };
  for (const i of household.incomes) checkType(rules.incomeTypes, i.type, 'incomes', i.index, 'income type');
  for (const r of household.registeredIncomes) {
    const type = r.assessment?.incomeType ?? null;
    if (type !== null && !Object.hasOwn(rules.incomeTypes, type)) {
      issues.push({ path: `registeredIncomes[${r.index}].assessment.incomeType`, code: 'UNKNOWN_TYPE', message: `unknown income type ${quote(type)} (expected one of ${Object.keys(rules.incomeTypes).join(', ')})` });
    }
  }
  for (const c of household.costs) checkType(rules.costTypes, c.type, 'costs', c.index, 'cost type');
  for (const a of household.assets) checkType(rules.assetTypes, a.type, 'assets', a.index, 'asset type');
  const activity = rules.activityRequirement ?? null;
  for (const m of household.members) {
    const code = m.activityRequirement?.exemption ?? null;
    if (activity === null || code === null || activity.exemptions.some((e) => e.code === code)) continue;
    issues.push({ path: `members[${m.index}].activityRequirement.exemption`, code: 'UNKNOWN_EXEMPTION', message: `unknown exemption ${quote(code)} (expected one of ${activity.exemptions.map((e) => e.code).join(', ')})` });
  }
  // Agency payments need the agency income map in force for the period (never another period's map).
  if (household.registeredIncomes.length > 0 && (rules.agencyIncomeMap ?? null) === null) {
    issues.push({ path: 'registeredIncomes', code: 'NO_RULES_FOR_PERIOD', message: 'no agency income map in rules/agency-income-map.json for the period (agency data exists from 2014-05)' });
  }
  return issues;
}

/** The law of the rule set must be the one in force on the decision date (or the month): an engine error otherwise. */
function checkLawDate(household: Household, rules: RuleSet): void {
  const date = household.decidedOn ?? firstDayOf(household.period);
  const { effectiveFrom, effectiveTo } = rules.legal;
  if (date < effectiveFrom || (effectiveTo !== null && date > effectiveTo)) {
    throw new Error(`[engine] the rule set cites the law in force ${effectiveFrom} – ${effectiveTo ?? '…'}, not on ${date}: the rule set provider must pass decidedOn on`);
  }
}

function caseIdOf(raw: unknown): string | null {
  if (raw !== null && typeof raw === 'object' && 'caseId' in raw) {
    const id = (raw as { caseId: unknown }).caseId;
    return typeof id === 'string' ? id : null;
  }
  return null;
}

type Prepared =
  | { readonly ok: true; readonly ctx: Context; readonly meta: DecisionMeta; readonly household: Household; readonly ruleSet: VersionedRuleSet }
  | { readonly ok: 'pending'; readonly pending: PendingRuleSet; readonly meta: DecisionMeta; readonly household: Household; readonly warnings: readonly InputIssue[] }
  | { readonly ok: false; readonly issues: readonly InputIssue[]; readonly caseId: string | null };

function prepare(raw: unknown, rulesFor: RuleSetProvider, explain = true): Prepared {
  const parsed = parseHousehold(raw);
  if (!parsed.ok) return { ok: false, issues: parsed.issues, caseId: caseIdOf(raw) };
  const { household } = parsed;
  let ruleSet: VersionedRuleSet;
  try {
    ruleSet = rulesFor(household.period, household.municipality, household.decidedOn);
  } catch (error) {
    if (error instanceof RulesPendingError) {
      // The month's rules are enacted but not published: needs-information naming them (decision/pending.ts).
      const meta = { ruleSetVersion: pendingRuleSetVersion(error.pending), inputHash: contentHash(raw), engineVersion: ENGINE_VERSION };
      return { ok: 'pending', pending: error.pending, meta, household, warnings: parsed.warnings };
    }
    if (error instanceof RuleLookupError) {
      return { ok: false, issues: [{ path: error.field, code: 'NO_RULES_FOR_PERIOD', message: error.message }], caseId: household.caseId };
    }
    throw error;
  }
  checkLawDate(household, ruleSet.rules);
  const typeIssues = checkTypes(household, ruleSet.rules);
  if (typeIssues.length > 0) return { ok: false, issues: typeIssues, caseId: household.caseId };
  return {
    ok: true,
    household,
    ruleSet,
    ctx: createContext(household, ruleSet.rules, parsed.warnings, explain),
    meta: { ruleSetVersion: ruleSet.version, inputHash: contentHash(raw), engineVersion: ENGINE_VERSION },
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
export type { Message, MessageArgs, MessageKey } from './trace/messages.ts';
