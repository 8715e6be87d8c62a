/**
 * A month whose rules are enacted but not published (rules/pending/, e.g. 2027: the riksnorm table, the
 * norm from a referensvärde, the norm as a ceiling, the limit from the fourth child). The engine does not
 * guess: the proposal is needs-information, naming every missing rule, with no amount, no norm and no
 * claim that anything was assessed. The decision keeps the contract's shape; every amount the rules
 * would give is null and every list empty.
 */
import { contentHash } from '../canonical.ts';
import type { Context, NeedsInformation } from '../context.ts';
import { monthSv } from '../explain/format.ts';
import { renderMessage } from '../explain/messages.ts';
import type { MessageArgs, MessageKey } from '../trace/messages.ts';
import type { Household, InputIssue } from '../household/types.ts';
import { formatPeriod } from '../period/index.ts';
import type { PendingRuleSet } from '../rulebook/resolve.ts';
import { Trace } from '../trace/index.ts';
import type { DecisionMeta } from './index.ts';
import type { Decision, DecisionSummary } from './types.ts';

/** The ruleSetVersion of a pending month: the hash of what is known (the law) and what is missing. */
export function pendingRuleSetVersion(pending: PendingRuleSet): string {
  return contentHash(pending);
}

function said(explain: boolean, key: MessageKey, args: MessageArgs): { text: string; message: { key: MessageKey; args: MessageArgs } } {
  return { text: explain ? renderMessage('sv', key, args) : '', message: { key, args } };
}

/** The needs-information proposal for a month whose rules are pending. */
export function pendingRulesDecision(
  household: Household,
  pending: PendingRuleSet,
  meta: DecisionMeta,
  warnings: readonly InputIssue[],
  explain: boolean,
  detail: 'full' | 'summary',
): Decision | DecisionSummary {
  const period = formatPeriod(household.period);
  const needsInformation: NeedsInformation[] = pending.missing.map((m) => ({
    code: 'RULES_PENDING',
    field: 'period',
    blocking: true,
    legalRef: m.legalRef,
    ...said(explain, 'needs.rulesPending', { rule: m.sv, ruleEn: m.en, period }),
  }));
  const summary: DecisionSummary = {
    caseId: household.caseId,
    period,
    municipality: household.municipality,
    outcome: 'needs-information',
    law: pending.legal.law,
    norm: { total: null, members: [], common: null, householdSize: household.members.length, table: `ingen riksnorm (reglerna för ${period} är inte publicerade)`, separate: [] },
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
    ruleSetVersion: meta.ruleSetVersion,
    inputHash: meta.inputHash,
    engineVersion: meta.engineVersion,
  };
  if (detail === 'summary') return summary;
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
  const month = monthSv(period);
  const decisionText = [
    'FÖRSLAG TILL BESLUT – EKONOMISKT BISTÅND (FÖRSÖRJNINGSSTÖD)',
    `Ärende: ${household.caseId ?? '(inget ärendenummer)'}   Månad: ${month}${household.municipality ? `   Kommun: ${household.municipality}` : ''}`,
    '',
    'Beslut',
    `Ansökan om försörjningsstöd för ${month} kan inte beräknas ännu. Reglerna för månaden är beslutade men inte publicerade, och motorn gissar inte. Följande saknas:`,
    ...needsInformation.map((n) => `- ${n.text} (${n.legalRef ?? ''})`),
    '',
    `Ingen beräkning och ingen bedömning har gjorts. Förslaget tas fram när reglerna har lästs in (${pending.legal.lawTitle}).`,
  ].join('\n');
  const { ruleSetVersion, inputHash, engineVersion, warnings: w, ...head } = summary;
  return { ...head, decisionText, warnings: w, trace: trace.render(), ruleSetVersion, inputHash, engineVersion };
}

export type { Context };
