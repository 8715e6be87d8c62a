/**
 * A month whose rules are enacted but not published (rules/pending/, e.g. 2027: the riksnorm table, the
 * norm from a referensvärde, the norm as a ceiling, the limit from the fourth child). The engine does not
 * guess: the proposal is needs-information, naming every missing rule, with no amount, no norm and no
 * claim that anything was assessed. The decision keeps the contract's shape; every amount the rules
 * would give is null and every list empty.
 */
import { contentHash } from '../canonical.ts';
import type { Household, InputIssue } from '../household/types.ts';
import type { NeedsInformation } from '../output/types.ts';
import { formatPeriod } from '../period/index.ts';
import type { PendingRuleSet } from '../rulebook/resolve.ts';
import { Trace } from '../trace/index.ts';
import type { DecisionMeta } from './index.ts';
import type { DecisionData } from './types.ts';

/** The ruleSetVersion of a pending month: the hash of what is known (the law) and what is missing. */
export function pendingRuleSetVersion(pending: PendingRuleSet): string {
  return contentHash(pending);
}

/**
 * The needs-information proposal for a month whose rules are pending, as data: one missing fact and
 * one trace step per missing rule. Its decision text is a view (explain/letter.ts writePendingDecisionText).
 */
export function pendingRulesDecision(household: Household, pending: PendingRuleSet, meta: DecisionMeta, warnings: readonly InputIssue[]): DecisionData {
  const period = formatPeriod(household.period);
  const needsInformation: NeedsInformation[] = pending.missing.map((m) => ({
    code: 'RULES_PENDING',
    field: 'period',
    blocking: true,
    legalRef: m.legalRef,
    message: { key: 'needs.rulesPending', args: { rule: m.sv, ruleEn: m.en, period } },
  }));
  const trace = new Trace(true);
  for (const m of pending.missing) {
    trace.add({
      step: 'rules.pending',
      rule: `${m.file}#${m.id}`,
      legalRef: m.legalRef,
      inputs: { period, kind: m.kind, source: m.source.title },
      result: 'pending',
      key: 'rules.pending',
      args: { rule: m.sv, ruleEn: m.en, period },
    });
  }
  return {
    caseId: household.caseId,
    period,
    municipality: household.municipality,
    outcome: 'needs-information',
    law: pending.legal.law,
    norm: { total: null, members: [], common: null, householdSize: household.members.length, table: null, separate: [] },
    costs: { claimed: null, accepted: null, refused: null, items: [] },
    income: { total: null, counted: null, items: [], registered: [] },
    assets: { total: null, buffer: null, available: null, used: null, items: [] },
    need: null,
    payable: null,
    reasons: [],
    flags: [],
    needsInformation,
    requiresAssessment: true,
    childImpact: null,
    warnings: [...warnings],
    trace: trace.recorded(),
    ruleSetVersion: meta.ruleSetVersion,
    inputHash: meta.inputHash,
    engineVersion: meta.engineVersion,
  };
}
