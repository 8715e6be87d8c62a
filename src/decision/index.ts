/**
 * The proposal: need = riksnorm + accepted costs; payable = need − counted income − the household's
 * own money above the buffer, never below 0; and the outcome with its reasons.
 *
 * Order of the assessment (research/domain.md §4.1):
 * 1. Conditions for the right to aid (rules/conditions/eligibility.json): an applicant who can work
 *    but does not stand at the labour market's disposal, without acceptable reasons, is refused
 *    (4 kap. 1 § andra stycket SoL (2001:453)); the children's needs are still assessed and noted.
 * 2. A missing fact that the amount depends on: "needs-information", no amount is proposed.
 * 3. Income covers the need: avslag (4 kap. 1 § första stycket).
 * 4. The household's money above the municipal buffer covers the shortfall: avslag. Money that covers
 *    only part of it is flagged for a person (how much must be used first is an assessment), and the
 *    payment stays need − income, as CONTRACT.md defines it.
 * 5. Otherwise bifall, or delvis bifall when a claimed cost was cut or refused.
 * Then the flag conditions (rules/conditions/flags.json) raise what a person must look at.
 */
import { assessChildImpact } from '../childImpact/index.ts';
import { runConditions, type Facts, type RuleResult } from '../conditions/index.ts';
import { legal, needInformation, type Context } from '../context.ts';
import { computeAssets } from '../assets/index.ts';
import { computeCosts } from '../costs/index.ts';
import type { MessageArgs, MessageKey } from '../explain/messages.ts';
import { writeDecisionText } from '../explain/letter.ts';
import { computeIncome } from '../income/index.ts';
import { add, floorAtZero, formatKronor, ore, parseKronor, subtract, sum, ZERO, type Ore } from '../money/index.ts';
import { computeNorm, type NormResult } from '../norm/index.ts';
import { formatPeriod } from '../period/index.ts';
import type { ConditionSet } from '../rulebook/types.ts';
import type { Decision, DecisionSummary, Flag, Reason } from './types.ts';
import type { Outcome } from './outcome.ts';

export interface DecisionMeta {
  readonly ruleSetVersion: string;
  readonly inputHash: string;
  readonly engineVersion: string;
}

function traceConditions(ctx: Context, set: ConditionSet, results: readonly RuleResult[]): void {
  if (!ctx.trace.enabled) return;
  for (const r of results) {
    const inputs: Record<string, string | number | boolean | null> = {};
    for (const c of r.checked) {
      inputs[c.fact] = Array.isArray(c.factValue) ? JSON.stringify(c.factValue) : (c.factValue as string | number | boolean | null);
    }
    ctx.trace.add({
      step: `conditions.${set.phase}`,
      rule: `${set.id}#${r.name}`,
      legalRef: legal(ctx, r.event.params.legalTopic).ref,
      inputs,
      result: r.result,
      key: r.result ? 'conditions.fired' : 'conditions.notFired',
      args: { name: r.name },
    });
  }
}

/*
 * said and handleEvent are module-level rather than closures in decide: tsx (esbuild keepNames) wraps
 * every named closure in a defineProperty call each time it is created, ~0.24 µs apiece.
 */

/** A text and its message key: the Swedish rendering (or '' without texts) and what any language needs. */
function said(ctx: Context, key: MessageKey, args: MessageArgs = {}): { text: string; message: { key: MessageKey; args: MessageArgs } } {
  return { text: ctx.say(key, args), message: { key, args } };
}

/** A fired condition rule: a missing fact or a flag for a person (a denial is handled by decide). */
function handleEvent(ctx: Context, flags: Flag[], r: RuleResult): void {
  const { code, legalTopic, severity, field, blocking } = r.event.params;
  const ref = legal(ctx, legalTopic).ref;
  if (r.event.type === 'needs-information') {
    needInformation(ctx, { code, field: field ?? '', blocking: blocking ?? false, legalRef: ref, key: `needs.${code}` as MessageKey });
  } else if (r.event.type === 'flag') {
    flags.push({ code, severity, legalRef: ref, ...said(ctx, `flag.${code}` as MessageKey) });
  }
}

/** The expected barnbidrag + flerbarnstillägg for children under 16 living here all month. */
function expectedChildAllowance(ctx: Context, norm: NormResult): { applies: boolean; expected: Ore | null } {
  const rule = ctx.rules.childAllowance;
  const children = [...norm.assessments.values()].filter((a) => a.kind === 'child');
  if (rule === null || children.length === 0) return { applies: false, expected: null };
  if (children.some((c) => c.days < ctx.daysInMonth)) return { applies: false, expected: null };
  const eligible = children.filter((c) => c.age <= rule.maxAgeBeforeStudyAllowance).length;
  if (eligible === 0) return { applies: false, expected: null };
  const per = parseKronor(rule.perChild.value)!;
  let supplement = ZERO;
  if (eligible >= 2) {
    const row = rule.largeFamilySupplement.find((s) => s.children === Math.min(eligible, 4));
    supplement = parseKronor(row!.amount.value)!;
    if (eligible > 4) supplement = ore(supplement + (eligible - 4) * parseKronor(rule.largeFamilySupplementPerChildFromFifth.value)!);
  }
  return { applies: true, expected: ore(per * eligible + supplement) };
}

/**
 * Computes the proposal. With detail 'full' (the default) the decision carries the rendered trace and
 * the decision text; 'summary' leaves both out for bulk runs (a replay of the same input and rule set
 * gives the full trace back, byte for byte).
 */
export function decide(ctx: Context, meta: DecisionMeta, detail: 'full'): Decision;
export function decide(ctx: Context, meta: DecisionMeta, detail: 'summary'): DecisionSummary;
export function decide(ctx: Context, meta: DecisionMeta, detail: 'full' | 'summary'): Decision | DecisionSummary {
  const { household, rules, trace } = ctx;
  const norm = computeNorm(ctx);
  const costs = computeCosts(ctx, norm.assessments);
  const income = computeIncome(ctx, norm.assessments);
  const assets = computeAssets(ctx, norm.assessments);

  // 1. Conditions for the right to aid.
  const partner = household.members.find((m) => m.role === 'partner');
  const eligibilityFacts: Facts = {
    availableForWork: household.circumstances.availableForWork,
    hasAcceptableReason: household.circumstances.acceptableReason !== null,
    partnerAvailableForWork: partner?.availableForWork ?? null,
    partnerHasAcceptableReason: partner?.acceptableReason !== null && partner?.acceptableReason !== undefined,
  };
  const eligibility = runConditions(rules.conditions.eligibility, eligibilityFacts);
  traceConditions(ctx, rules.conditions.eligibility, eligibility);

  // Agency data flags first: a failed answer (severity block) is why no amount can be proposed.
  const flags: Flag[] = [...income.agencyFlags];
  const fired = eligibility.filter((r) => r.result);
  for (const r of fired) handleEvent(ctx, flags, r);
  const denial = fired.find((r) => r.event.type === 'deny') ?? null;

  // 2–5. Amounts and outcome.
  const incomplete = norm.incomplete || costs.incomplete || income.incomplete || assets.incomplete;
  const need = add(norm.total, costs.accepted);
  const deficit = subtract(need, income.counted);
  const reasons: Reason[] = [];
  let outcome: Outcome;
  let payable: Ore | null;
  let assetsUsed: Ore = ZERO;
  let deniedFor: string | null = null;

  if (!incomplete) {
    if (trace.enabled) trace.add({
      step: 'decision.need',
      rule: 'decision/need',
      legalRef: legal(ctx, 'rightToAssistance').ref,
      inputs: { norm: formatKronor(norm.total), costsAccepted: formatKronor(costs.accepted) },
      result: formatKronor(need),
      key: 'decision.need',
      args: { norm: formatKronor(norm.total), costs: formatKronor(costs.accepted), need: formatKronor(need) },
    });
    if (trace.enabled) trace.add({
      step: 'decision.deficit',
      rule: 'decision/deficit',
      legalRef: legal(ctx, 'ownMeans').ref,
      inputs: { need: formatKronor(need), incomeCounted: formatKronor(income.counted) },
      result: formatKronor(deficit),
      key: 'decision.deficit',
      args: { need: formatKronor(need), income: formatKronor(income.counted), deficit: formatKronor(deficit) },
    });
  }

  const labourRef = legal(ctx, 'labourMarket').ref;
  const ownRef = legal(ctx, 'ownMeans').ref;
  // A flag with severity block (an agency that did not answer) means no proposal at all, not even a
  // refusal on other grounds: what the agency would have said is unknown, never zero.
  const blocked = flags.some((f) => f.severity === 'block');
  if (blocked) {
    outcome = 'needs-information';
    payable = null;
  } else if (denial !== null) {
    outcome = 'deny';
    payable = ZERO;
    deniedFor = denial.event.params.code;
    reasons.push({ code: deniedFor, legalRef: labourRef, ...said(ctx, 'reason.NOT_AT_LABOUR_MARKET_DISPOSAL') });
  } else if (incomplete) {
    outcome = 'needs-information';
    payable = null;
  } else if (deficit <= 0) {
    outcome = 'deny';
    payable = ZERO;
    deniedFor = 'INCOME_COVERS_NEED';
    reasons.push({ code: deniedFor, legalRef: ownRef, ...said(ctx, 'reason.INCOME_COVERS_NEED', { need: formatKronor(need), income: formatKronor(income.counted) }) });
  } else if (assets.available >= deficit) {
    outcome = 'deny';
    payable = ZERO;
    assetsUsed = deficit;
    deniedFor = 'ASSETS_COVER_NEED';
    reasons.push({ code: deniedFor, legalRef: ownRef, ...said(ctx, 'reason.ASSETS_COVER_NEED', { available: formatKronor(assets.available), deficit: formatKronor(deficit) }) });
  } else {
    // Own money above the buffer that does not cover the shortfall is not deducted automatically:
    // whether and how fast it must be used is a caseworker's assessment (flag ASSETS_ABOVE_BUFFER).
    payable = deficit;
    outcome = costs.refused > 0 ? 'partial' : 'approve';
  }
  // Every refused cost has its reason, whatever the outcome.
  for (const item of costs.items) {
    if (item.claimed === null || item.accepted === null || item.accepted >= item.claimed) continue;
    const refused = formatKronor(subtract(item.claimed, item.accepted));
    reasons.push({ code: item.code, legalRef: item.legalRef, text: item.reason, amount: refused, message: item.message });
  }
  if (outcome === 'approve' || outcome === 'partial') {
    reasons.unshift({ code: 'RIGHT_TO_ASSISTANCE', legalRef: legal(ctx, 'rightToAssistance').ref, ...said(ctx, 'reason.RIGHT_TO_ASSISTANCE', { payable: formatKronor(payable!), period: formatPeriod(household.period) }), amount: formatKronor(payable!) });
  }
  // What the household would get if every claimed cost were accepted and no condition refused aid.
  const payableIfAllGranted = incomplete || blocked ? null : floorAtZero(subtract(subtract(add(norm.total, costs.claimed), income.counted), assets.available));

  if (trace.enabled) trace.add({
    step: 'decision.outcome',
    rule: 'decision/outcome',
    legalRef: denial !== null ? labourRef : legal(ctx, 'rightToAssistance').ref,
    inputs: {
      conditionDenial: deniedFor === 'NOT_AT_LABOUR_MARKET_DISPOSAL' ? deniedFor : null,
      blockingFlags: flags.filter((f) => f.severity === 'block').map((f) => f.code),
      missingFacts: ctx.needsInformation.filter((n) => n.blocking).map((n) => n.field),
      deficit: incomplete ? null : formatKronor(deficit),
      assetsAvailable: formatKronor(assets.available),
      costsRefused: formatKronor(costs.refused),
    },
    result: outcome,
    key: `decision.outcome.${outcome}`,
    args: { deniedFor: deniedFor ?? '' },
  });
  if (payable !== null) {
    if (trace.enabled) trace.add({
      step: 'decision.payable',
      rule: 'decision/payable',
      legalRef: legal(ctx, 'rightToAssistance').ref,
      inputs: { deficit: formatKronor(deficit), assetsUsed: formatKronor(assetsUsed), outcome },
      result: formatKronor(payable),
      key: 'decision.payable',
      args: { deficit: formatKronor(deficit), assets: formatKronor(assetsUsed), payable: formatKronor(payable), outcome },
    });
  }

  // Flags for a person.
  const allowance = expectedChildAllowance(ctx, norm);
  const applicant = norm.assessments.get(household.members.find((m) => m.role === 'applicant')!.id)!;
  const flagFacts: Facts = {
    outcome,
    assetsAvailableOre: assets.available,
    childCount: [...norm.assessments.values()].filter((a) => a.isChild).length,
    rentRefusedOre: costs.rentRefused,
    rentArrearsOre: household.circumstances.rentArrears ?? 0,
    assessmentCostCount: costs.assessmentCount,
    nonLiquidAssetCount: assets.nonLiquidCount,
    otherAdultCount: household.members.filter((m) => m.role === 'other-adult').length,
    applicantAge: applicant.age,
    consecutiveMonthsOnAssistance: household.circumstances.consecutiveMonthsOnAssistance,
    longTermMonths: rules.childImpact.longTermMonths.value,
    normHasEstimates: norm.hasEstimates,
    adultEmploymentIncomeOre: income.adultEmploymentIncome,
    childAllowanceCheckApplies: allowance.applies,
    childAllowanceExpectedOre: allowance.expected,
    childAllowanceReportedOre: income.childAllowanceReported,
  };
  const flagResults = runConditions(rules.conditions.flags, flagFacts);
  traceConditions(ctx, rules.conditions.flags, flagResults);
  for (const r of flagResults) if (r.result) handleEvent(ctx, flags, r);
  const allowanceFlag = flags.find((f) => f.code === 'CHILD_ALLOWANCE_MISMATCH');
  if (allowanceFlag && allowance.expected !== null) {
    flags[flags.indexOf(allowanceFlag)] = { ...allowanceFlag, ...said(ctx, 'flag.CHILD_ALLOWANCE_MISMATCH', { expected: formatKronor(allowance.expected), reported: formatKronor(income.childAllowanceReported) }) };
  }

  const childImpact = assessChildImpact(ctx, { norm, costs, income, outcome, payableIfAllGranted, payable, deniedFor });
  const requiresAssessment =
    outcome === 'needs-information' ||
    flags.some((f) => f.severity === 'assessment') ||
    ctx.needsInformation.length > 0 ||
    (childImpact?.requiresAssessment ?? false);

  const summary: DecisionSummary = {
    caseId: household.caseId,
    period: formatPeriod(household.period),
    municipality: household.municipality,
    outcome,
    law: rules.legal.law,
    norm: {
      total: norm.incomplete ? null : formatKronor(norm.total),
      members: norm.members.map((m) => ({ memberId: m.memberId, amount: formatKronor(m.amount), rule: m.rule })),
      common: formatKronor(norm.common),
      householdSize: norm.householdSize,
      table: rules.riksnorm.title,
      separate: norm.separate.map((s) => ({ memberId: s.memberId, reason: s.reason, personal: formatKronor(s.personal), commonShare: formatKronor(s.commonShare), amount: formatKronor(s.amount) })),
    },
    costs: {
      claimed: costs.incomplete ? null : formatKronor(costs.claimed),
      accepted: costs.incomplete ? null : formatKronor(costs.accepted),
      refused: formatKronor(costs.refused),
      items: costs.items.map((i) => ({
        type: i.type,
        memberId: i.memberId,
        claimed: i.claimed === null ? null : formatKronor(i.claimed),
        accepted: i.accepted === null ? null : formatKronor(i.accepted),
        code: i.code,
        reason: i.reason,
        legalRef: i.legalRef,
        requiresAssessment: i.requiresAssessment,
        message: i.message,
      })),
    },
    income: {
      total: income.incomplete ? null : formatKronor(income.total),
      counted: income.incomplete ? null : formatKronor(income.counted),
      items: income.items.map((i) => ({
        memberId: i.memberId,
        type: i.type,
        amount: i.amount === null ? null : formatKronor(i.amount),
        counted: i.counted === null ? null : formatKronor(i.counted),
        code: i.code,
        reason: i.reason,
        legalRef: i.legalRef,
        message: i.message,
        source: i.source,
        ...(i.agency ?? {}),
      })),
      registered: income.registered,
    },
    assets: {
      total: formatKronor(sum(assets.items.filter((i) => i.amount !== null).map((i) => i.amount!))),
      buffer: formatKronor(assets.buffer),
      available: formatKronor(assets.available),
      used: formatKronor(assetsUsed),
      items: assets.items.map((i) => ({ memberId: i.memberId, type: i.type, amount: i.amount === null ? null : formatKronor(i.amount), code: i.code, reason: i.reason, message: i.message })),
    },
    need: incomplete ? null : formatKronor(need),
    payable: payable === null ? null : formatKronor(payable),
    reasons,
    flags,
    needsInformation: ctx.needsInformation,
    requiresAssessment,
    childImpact,
    warnings: ctx.warnings,
    ruleSetVersion: meta.ruleSetVersion,
    inputHash: meta.inputHash,
    engineVersion: meta.engineVersion,
  };
  if (detail === 'summary') return summary;
  const steps = trace.render();
  const decisionText = writeDecisionText(ctx, summary);
  // Fixed key order: the contract's fields first, then the rest.
  const { ruleSetVersion, inputHash, engineVersion, warnings, ...head } = summary;
  return { ...head, decisionText, warnings, trace: steps, ruleSetVersion, inputHash, engineVersion };
}
