/**
 * The proposal: need = riksnorm + accepted costs; payable = need − counted income − the household's
 * own money above the buffer, never below 0; and the outcome with its reasons.
 *
 * decide() runs one named step per part of the law, in the order the law gives them (OpenFisca style:
 * one formula per variable). Paragraphs by the law in force (rules/legal-references.json carries the
 * exact citation for the period or decision date):
 *
 * | step | SoL (2001:453) | SoL (2025:400) |
 * | --- | --- | --- |
 * | computeAmounts: riksnorm, skäliga kostnader, income, own money | 4 kap. 3 § första st. 1–2, 4 kap. 1 §, 1 a–1 b §§ | 12 kap. 7 § första st. 1–2, 12 kap. 1 §, 8–9 §§ |
 * | assessEligibility: the labour market and godtagbara skäl | 4 kap. 1 § andra st. | 12 kap. 3 § |
 * | assessMedicalCertificate: läkarintyg when illness is the reason (from 2026-07-01) | — | SoL as amended 2026-07-01 (paragraph not found) |
 * | needAndDeficit: need = norm + costs; deficit = need − income | 4 kap. 1 § första st. | 12 kap. 1 § första st. |
 * | assessActivityRequirement: aktivitetskrav (from försörjningsstöd for 2026-10; needs the deficit for its alternatives) | 4 kap. 4–5 §§ | 12 kap. 4 a–6 a §§ (SFS 2026:730, weak) |
 * | proposeOutcome: condition refusal, missing facts, income or own money covers the need, bifall | 4 kap. 1 § | 12 kap. 1 §, 3 § |
 * | reasonsForRefusedCosts | 4 kap. 3 § första st. 2 | 12 kap. 7 § första st. 2 |
 * | raiseFlags: what a person must look at | per flag (rules/conditions/flags.json) | per flag |
 * | assessChildImpact: barnkonsekvens | 1 kap. 2 § | 3 kap. 1 § |
 *
 * The outcome, in the order the assessment goes: a blocking missing fact → "needs-information", no amount
 * (the need itself is kept when the norm and the accepted costs are known); else a condition that refuses
 * aid (the children's needs are still assessed and noted); else
 * income covers the need → avslag; else the household's money above the municipal buffer covers the
 * shortfall → avslag (money that covers only part of it is flagged for a person, and the payment stays
 * need − income, as CONTRACT.md defines it); else bifall, or delvis bifall when a claimed cost was cut.
 */
import { assessChildImpact, type ChildImpact } from '../childImpact/index.ts';
import { runConditions, type Facts, type RuleResult } from '../conditions/index.ts';
import { legal, needInformation, type Context } from '../context.ts';
import { assessActivityRequirement } from '../activity/index.ts';
import { computeAssets, type AssetsResult } from '../assets/index.ts';
import { computeCosts, type CostsResult } from '../costs/index.ts';
import { computeIncome, type IncomeResult } from '../income/index.ts';
import { add, floorAtZero, formatKronor, ore, parseKronor, subtract, sum, ZERO, type Ore } from '../money/index.ts';
import { assessMedicalCertificate } from '../medical/index.ts';
import { computeNorm, type NormResult } from '../norm/index.ts';
import { firstDayOf, formatPeriod } from '../period/index.ts';
import type { Flag, Outcome, Reason } from '../output/types.ts';
import type { ConditionSet } from '../rulebook/types.ts';
import type { Message, MessageArgs, MessageKey } from '../trace/messages.ts';
import type { DecisionData, DecisionFigures } from './types.ts';
import { assessUnclassifiedPayments } from './unassessed.ts';

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

/** A reason with its message (the views render its text). */
function reasonOf(code: string, legalRef: string, key: MessageKey, args: MessageArgs = {}): Reason {
  return { code, legalRef, message: { key, args } };
}

/** A fired condition rule: a missing fact or a flag for a person (a denial is handled by decide). */
function handleEvent(ctx: Context, flags: Flag[], r: RuleResult): void {
  const { code, legalTopic, severity, field, blocking } = r.event.params;
  const ref = legal(ctx, legalTopic).ref;
  if (r.event.type === 'needs-information') {
    // A rule names the applicant's fields as members[{applicant}].… (issue 13): here the real index.
    const path = (field ?? '').replace('{applicant}', String(ctx.household.members.find((m) => m.role === 'applicant')?.index ?? 0));
    needInformation(ctx, { code, field: path, blocking: blocking ?? false, legalRef: ref, key: `needs.${code}` as MessageKey });
  } else if (r.event.type === 'flag') {
    const message: Message = { key: `flag.${code}` as MessageKey, args: {} };
    flags.push({ code, severity, legalRef: ref, message });
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

/** The amounts each part of the law gives for the month (steps of their own modules). */
interface Amounts {
  readonly norm: NormResult;
  readonly costs: CostsResult;
  readonly income: IncomeResult;
  readonly assets: AssetsResult;
}

/** What the outcome step decided. */
interface Proposal {
  readonly incomplete: boolean;
  readonly needKnown: boolean;
  readonly need: Ore;
  readonly deficit: Ore;
  readonly outcome: Outcome;
  readonly payable: Ore | null;
  readonly assetsUsed: Ore;
  readonly deniedFor: string | null;
  readonly denial: RuleResult | null;
  readonly reasons: Reason[];
  /** Codes of the flags with severity block (no proposal can be made while one stands). */
  readonly blockingFlags: readonly string[];
}

/**
 * Step 1 — the amounts: the riksnorm (12 kap. 7 § första stycket 1 SoL (2025:400) / 4 kap. 3 § första
 * stycket 1 SoL (2001:453)), the skäliga kostnader outside it (första stycket 2), the income counted
 * (12 kap. 1 §, 8 § jobbstimulans, 9 § children's earnings / 4 kap. 1, 1 a, 1 b §§) and own money.
 */
function computeAmounts(ctx: Context): Amounts {
  const norm = computeNorm(ctx);
  const costs = computeCosts(ctx, norm.assessments);
  const income = computeIncome(ctx, norm.assessments);
  const assets = computeAssets(ctx, norm.assessments);
  return { norm, costs, income, assets };
}

/**
 * Step 2 — the conditions for the right to aid (rules/conditions/eligibility.json): someone who can work
 * stands at the labour market's disposal unless there are godtagbara skäl (12 kap. 3 § SoL (2025:400) /
 * 4 kap. 1 § andra stycket SoL (2001:453)). Returns the condition that refuses aid, if one fired, and whether a condition asks for a missing fact that blocks the proposal.
 */
function assessEligibility(ctx: Context, a: Amounts, flags: Flag[]): { denial: RuleResult | null; blocked: boolean } {
  const { household, rules } = ctx;
  const partner = household.members.find((m) => m.role === 'partner');
  const applicant = household.members.find((m) => m.role === 'applicant');
  // Illness (members[].sickness) is a godtagbart skäl; from 2026-07 it needs a läkarintyg (assessMedicalCertificate).
  const eligibilityFacts: Facts = {
    availableForWork: household.circumstances.availableForWork,
    hasAcceptableReason: household.circumstances.acceptableReason !== null || (applicant?.sickness ?? null) !== null,
    partnerAvailableForWork: partner?.availableForWork ?? null,
    partnerHasAcceptableReason: (partner?.acceptableReason !== null && partner?.acceptableReason !== undefined) || (partner?.sickness ?? null) !== null,
    // Sanity rules on roles and ages (issue 13); the thresholds are in the rule files.
    applicantAge: applicant === undefined ? null : a.norm.assessments.get(applicant.id)!.age,
    applicantMinorReasonGiven: (applicant?.minorApplicantReason ?? null) !== null,
  };
  const eligibility = runConditions(rules.conditions.eligibility, eligibilityFacts, ctx.trace.enabled);
  traceConditions(ctx, rules.conditions.eligibility, eligibility);
  const fired = eligibility.filter((r) => r.result);
  for (const r of fired) handleEvent(ctx, flags, r);
  return {
    denial: fired.find((r) => r.event.type === 'deny') ?? null,
    blocked: fired.some((r) => r.event.type === 'needs-information' && r.event.params.blocking === true),
  };
}

/**
 * Step 3 — the need (riksnorm + accepted costs) and what the household's income leaves uncovered
 * (12 kap. 1 § första stycket SoL (2025:400) / 4 kap. 1 § första stycket SoL (2001:453)).
 */
function needAndDeficit(ctx: Context, a: Amounts, conditionBlocked: boolean): Step3 {
  const { norm, costs, income, assets } = a;
  const { trace } = ctx;
  // A blocking needs-information raised by a condition rule (e.g. MINOR_APPLICANT_REASON_MISSING) stops the proposal too.
  const incomplete = norm.incomplete || costs.incomplete || income.incomplete || assets.incomplete || conditionBlocked;
  // The need is known whenever its parts are (issue 27): a missing fact elsewhere leaves no amount to pay, not no need.
  const needKnown = !norm.incomplete && !costs.incomplete;
  const need = add(norm.total, costs.accepted);
  const deficit = subtract(need, income.counted);
  if (needKnown) {
    if (trace.enabled) trace.add({
      step: 'decision.need',
      rule: 'decision/need',
      legalRef: legal(ctx, 'rightToAssistance').ref,
      inputs: { norm: formatKronor(norm.total), costsAccepted: formatKronor(costs.accepted) },
      result: formatKronor(need),
      key: 'decision.need',
      args: { norm: formatKronor(norm.total), costs: formatKronor(costs.accepted), need: formatKronor(need) },
    });
  }
  if (!incomplete) {
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
  return { incomplete, needKnown, need, deficit };
}

/** Step 3's result: the need (known when norm and costs are) and the deficit (known when nothing is missing). */
interface Step3 {
  readonly incomplete: boolean;
  readonly needKnown: boolean;
  readonly need: Ore;
  readonly deficit: Ore;
}

/** What would be paid if no aktivitetskrav sanction applied (null when no aid would be paid anyway). */
function payableBeforeSanction(a: Amounts, denial: RuleResult | null, step3: Step3): Ore | null {
  if (denial !== null || step3.incomplete || step3.deficit <= 0 || a.assets.available >= step3.deficit) return null;
  return step3.deficit;
}

/**
 * Step 4 — the outcome, in the order the assessment goes: a blocking flag (an agency that did not answer:
 * no proposal at all); a blocking missing fact, a missing läkarintyg or an aktivitetskrav sanction for a
 * person to set (no amount, and no refusal either: docs/decision.md); a condition that refuses aid
 * (12 kap. 3 §); income that covers the need (12 kap. 1 §); own money above the buffer that covers the
 * shortfall (12 kap. 1 §); else bifall, or delvis bifall when a claimed cost was cut.
 */
function proposeOutcome(ctx: Context, a: Amounts, denial: RuleResult | null, step3: Step3, blocked: boolean, flags: readonly Flag[]): Proposal {
  const { costs, income, assets } = a;
  const { incomplete, needKnown, need, deficit } = step3;
  const reasons: Reason[] = [];
  const blockingFlags = flags.filter((f) => f.severity === 'block').map((f) => f.code);
  const proposal = (outcome: Outcome, payable: Ore | null, assetsUsed: Ore, deniedFor: string | null): Proposal => ({
    incomplete, needKnown, need, deficit, denial, reasons, blockingFlags, outcome, payable, assetsUsed, deniedFor,
  });
  // A flag with severity block (an agency that did not answer, 15 kap. 10–12 §§) means no proposal at all,
  // not even a refusal on other grounds: what the agency would have said is unknown, never zero.
  if (blockingFlags.length > 0) return proposal('needs-information', null, ZERO, null);
  // A blocking missing fact, or a choice the law leaves to a person (a missing läkarintyg, an
  // aktivitetskrav sanction): no amount, and no refusal before the fact is known (issue 27: a
  // 17-year-old without minorApplicantReason who was not available for work got "deny").
  if (incomplete || blocked) return proposal('needs-information', null, ZERO, null);
  if (denial !== null) {
    const deniedFor = denial.event.params.code;
    reasons.push(reasonOf(deniedFor, legal(ctx, 'labourMarket').ref, 'reason.NOT_AT_LABOUR_MARKET_DISPOSAL'));
    return proposal('deny', ZERO, ZERO, deniedFor);
  }
  const ownRef = legal(ctx, 'ownMeans').ref;
  if (deficit <= 0) {
    reasons.push(reasonOf('INCOME_COVERS_NEED', ownRef, 'reason.INCOME_COVERS_NEED', { need: formatKronor(need), income: formatKronor(income.counted) }));
    return proposal('deny', ZERO, ZERO, 'INCOME_COVERS_NEED');
  }
  if (assets.available >= deficit) {
    reasons.push(reasonOf('ASSETS_COVER_NEED', ownRef, 'reason.ASSETS_COVER_NEED', { available: formatKronor(assets.available), deficit: formatKronor(deficit) }));
    return proposal('deny', ZERO, deficit, 'ASSETS_COVER_NEED');
  }
  // Own money above the buffer that does not cover the shortfall is not deducted automatically:
  // whether and how fast it must be used is a caseworker's assessment (flag ASSETS_ABOVE_BUFFER).
  return proposal(costs.refused > 0 ? 'partial' : 'approve', deficit, ZERO, null);
}

/**
 * Step 5 — the reasons: every refused cost with its paragraph (12 kap. 7 § första stycket 2 / 4 kap. 3 §
 * första stycket 2), whatever the outcome, and the right to bistånd first when aid is granted
 * (12 kap. 1 § / 4 kap. 1 §).
 */
function reasonsForRefusedCosts(ctx: Context, costs: CostsResult, p: Proposal): void {
  for (const item of costs.items) {
    if (item.claimed === null || item.accepted === null || item.accepted >= item.claimed) continue;
    const refused = formatKronor(subtract(item.claimed, item.accepted));
    p.reasons.push({ code: item.code, legalRef: item.legalRef, amount: refused, message: item.message });
  }
  if (p.outcome === 'approve' || p.outcome === 'partial') {
    const payable = formatKronor(p.payable!);
    const args = { payable, period: formatPeriod(ctx.household.period) };
    p.reasons.unshift({ code: 'RIGHT_TO_ASSISTANCE', legalRef: legal(ctx, 'rightToAssistance').ref, message: { key: 'reason.RIGHT_TO_ASSISTANCE', args }, amount: payable });
  }
}

/** The outcome and payable trace steps (12 kap. 3 § when a condition refused, else 12 kap. 1 §). */
function traceOutcome(ctx: Context, a: Amounts, p: Proposal): void {
  const { trace } = ctx;
  if (!trace.enabled) return;
  trace.add({
    step: 'decision.outcome',
    rule: 'decision/outcome',
    legalRef: p.denial !== null ? legal(ctx, 'labourMarket').ref : legal(ctx, 'rightToAssistance').ref,
    inputs: {
      conditionDenial: p.deniedFor === 'NOT_AT_LABOUR_MARKET_DISPOSAL' ? p.deniedFor : null,
      blockingFlags: p.blockingFlags,
      missingFacts: ctx.needsInformation.filter((n) => n.blocking).map((n) => n.field),
      deficit: p.incomplete ? null : formatKronor(p.deficit),
      assetsAvailable: formatKronor(a.assets.available),
      costsRefused: formatKronor(a.costs.refused),
    },
    result: p.outcome,
    key: `decision.outcome.${p.outcome}`,
    args: { deniedFor: p.deniedFor ?? '' },
  });
  if (p.payable !== null) {
    trace.add({
      step: 'decision.payable',
      rule: 'decision/payable',
      legalRef: legal(ctx, 'rightToAssistance').ref,
      inputs: { deficit: formatKronor(p.deficit), assetsUsed: formatKronor(p.assetsUsed), outcome: p.outcome },
      result: formatKronor(p.payable),
      key: 'decision.payable',
      args: { deficit: formatKronor(p.deficit), assets: formatKronor(p.assetsUsed), payable: formatKronor(p.payable), outcome: p.outcome },
    });
  }
}

/**
 * Step 6 — what a person must look at (rules/conditions/flags.json; each flag cites its own paragraph,
 * e.g. barnets bästa 3 kap. 1 § SoL (2025:400) for a refusal that affects a child).
 */
function raiseFlags(ctx: Context, a: Amounts, outcome: Outcome, flags: Flag[]): void {
  const { household, rules } = ctx;
  const { norm, costs, income, assets } = a;
  const allowance = expectedChildAllowance(ctx, norm);
  const applicant = norm.assessments.get(household.members.find((m) => m.role === 'applicant')!.id)!;
  const partner = household.members.find((m) => m.role === 'partner');
  const periodStart = firstDayOf(household.period);
  let childCount = 0;
  let childOver20Count = 0;
  for (const x of norm.assessments.values()) {
    if (x.isChild) childCount++;
    if (x.ownCaseReason === 'CHILD_OVER_20') childOver20Count++;
  }
  let otherAdultCount = 0;
  let bornDuringPeriodCount = 0;
  for (const m of household.members) {
    if (m.role === 'other-adult') otherAdultCount++;
    if (m.birthDate > periodStart) bornDuringPeriodCount++;
  }
  const flagFacts: Facts = {
    outcome,
    assetsAvailableOre: assets.available,
    childCount,
    rentRefusedOre: costs.rentRefused,
    rentArrearsOre: household.circumstances.rentArrears ?? 0,
    assessmentCostCount: costs.assessmentCount,
    nonLiquidAssetCount: assets.nonLiquidCount,
    otherAdultCount,
    applicantAge: applicant.age,
    consecutiveMonthsOnAssistance: household.circumstances.consecutiveMonthsOnAssistance,
    longTermMonths: rules.childImpact.longTermMonths.value,
    normHasEstimates: norm.hasEstimates,
    adultEmploymentIncomeOre: income.adultEmploymentIncome,
    childAllowanceCheckApplies: allowance.applies,
    childAllowanceExpectedOre: allowance.expected,
    childAllowanceReportedOre: income.childAllowanceReported,
    partnerAge: partner === undefined ? null : norm.assessments.get(partner.id)!.age,
    childOver20Count,
    bornDuringPeriodCount,
  };
  const flagResults = runConditions(rules.conditions.flags, flagFacts, ctx.trace.enabled);
  traceConditions(ctx, rules.conditions.flags, flagResults);
  for (const r of flagResults) if (r.result) handleEvent(ctx, flags, r);
  const allowanceFlag = flags.find((f) => f.code === 'CHILD_ALLOWANCE_MISMATCH');
  if (allowanceFlag && allowance.expected !== null) {
    const args = { expected: formatKronor(allowance.expected), reported: formatKronor(income.childAllowanceReported) };
    flags[flags.indexOf(allowanceFlag)] = { ...allowanceFlag, message: { key: 'flag.CHILD_ALLOWANCE_MISMATCH', args } };
  }
}

/** The decision's figures and codes (batch --detail compact): totals, outcome, reasons, flags; no item lists. */
function buildFigures(ctx: Context, meta: DecisionMeta, a: Amounts, p: Proposal, flags: readonly Flag[], childImpact: ChildImpact | null, requiresAssessment: boolean): DecisionFigures {
  const { household, rules } = ctx;
  const { norm, costs, income, assets } = a;
  return {
    caseId: household.caseId,
    period: formatPeriod(household.period),
    municipality: household.municipality,
    outcome: p.outcome,
    law: rules.legal.law,
    norm: { total: norm.incomplete ? null : formatKronor(norm.total), common: formatKronor(norm.common), householdSize: norm.householdSize },
    costs: {
      claimed: costs.incomplete ? null : formatKronor(costs.claimed),
      accepted: costs.incomplete ? null : formatKronor(costs.accepted),
      refused: formatKronor(costs.refused),
    },
    income: { total: income.incomplete ? null : formatKronor(income.total), counted: income.incomplete ? null : formatKronor(income.counted) },
    assets: { available: formatKronor(assets.available) },
    need: p.needKnown ? formatKronor(p.need) : null,
    payable: p.payable === null ? null : formatKronor(p.payable),
    reasons: p.reasons,
    flags,
    needsInformation: ctx.needsInformation,
    requiresAssessment,
    childImpact,
    ruleSetVersion: meta.ruleSetVersion,
    inputHash: meta.inputHash,
    engineVersion: meta.engineVersion,
  };
}

/** The decision as data: the contract's fields in their order (the figures with every item list and the trace), amounts as kronor strings. */
function buildData(ctx: Context, f: DecisionFigures, a: Amounts, p: Proposal): DecisionData {
  const { rules } = ctx;
  const { norm, costs, income, assets } = a;
  return {
    caseId: f.caseId,
    period: f.period,
    municipality: f.municipality,
    outcome: f.outcome,
    law: f.law,
    norm: {
      total: f.norm.total,
      members: norm.members.map((m) => ({ memberId: m.memberId, amount: formatKronor(m.amount), rule: m.rule })),
      common: f.norm.common,
      householdSize: f.norm.householdSize,
      table: rules.riksnorm.title,
      separate: norm.separate.map((s) => ({ memberId: s.memberId, reason: s.reason, personal: formatKronor(s.personal), commonShare: formatKronor(s.commonShare), amount: formatKronor(s.amount) })),
    },
    costs: {
      claimed: f.costs.claimed,
      accepted: f.costs.accepted,
      refused: f.costs.refused,
      items: costs.items.map((i) => ({
        type: i.type,
        memberId: i.memberId,
        claimed: i.claimed === null ? null : formatKronor(i.claimed),
        accepted: i.accepted === null ? null : formatKronor(i.accepted),
        code: i.code,
        legalRef: i.legalRef,
        requiresAssessment: i.requiresAssessment,
        message: i.message,
      })),
    },
    income: {
      total: f.income.total,
      counted: f.income.counted,
      items: income.items.map((i) => ({
        memberId: i.memberId,
        type: i.type,
        amount: i.amount === null ? null : formatKronor(i.amount),
        counted: i.counted === null ? null : formatKronor(i.counted),
        code: i.code,
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
      available: f.assets.available,
      used: formatKronor(p.assetsUsed),
      items: assets.items.map((i) => ({ memberId: i.memberId, type: i.type, amount: i.amount === null ? null : formatKronor(i.amount), code: i.code, message: i.message })),
    },
    need: f.need,
    payable: f.payable,
    reasons: f.reasons,
    flags: f.flags,
    needsInformation: f.needsInformation,
    requiresAssessment: f.requiresAssessment,
    childImpact: f.childImpact,
    warnings: ctx.warnings,
    trace: ctx.trace.recorded(),
    ruleSetVersion: f.ruleSetVersion,
    inputHash: f.inputHash,
    engineVersion: f.engineVersion,
  };
}

/**
 * Computes the proposal: steps 1–6 above in the order of the law, then the barnkonsekvens (3 kap. 1 §
 * SoL (2025:400) / 1 kap. 2 § SoL (2001:453)). With detail 'data' the decision carries every item
 * list and the trace as recorded; 'figures' keeps only the totals, codes and flags that batch --detail
 * compact writes (no item lists). Data only: the views render the texts (src/explain/contract.ts).
 */
export function decide(ctx: Context, meta: DecisionMeta, detail: 'data'): DecisionData;
export function decide(ctx: Context, meta: DecisionMeta, detail: 'figures'): DecisionFigures;
export function decide(ctx: Context, meta: DecisionMeta, detail: 'data' | 'figures'): DecisionData | DecisionFigures {
  const amounts = computeAmounts(ctx);
  // Agency data flags first: a failed answer (severity block) is why no amount can be proposed.
  const flags: Flag[] = [...amounts.income.agencyFlags];
  const { denial, blocked: conditionBlocked } = assessEligibility(ctx, amounts, flags);
  const certificateMissing = assessMedicalCertificate(ctx);
  const step3 = needAndDeficit(ctx, amounts, conditionBlocked);
  const activity = assessActivityRequirement(ctx, { norm: amounts.norm, costs: amounts.costs, income: amounts.income, payable: payableBeforeSanction(amounts, denial, step3) }, flags);
  const proposal = proposeOutcome(ctx, amounts, denial, step3, certificateMissing || activity.blocked, flags);
  reasonsForRefusedCosts(ctx, amounts.costs, proposal);
  // A registered payment nobody has classified yet: both alternatives on its flags and its registered line.
  const registered = assessUnclassifiedPayments(ctx, amounts, { payable: proposal.payable, refusedByCondition: proposal.denial !== null }, flags);
  const { norm, costs, income, assets } = amounts;
  // What the household would get if every claimed cost were accepted and no condition refused aid.
  const payableIfAllGranted = proposal.incomplete || proposal.blockingFlags.length > 0 ? null : floorAtZero(subtract(subtract(add(norm.total, costs.claimed), income.counted), assets.available));
  traceOutcome(ctx, amounts, proposal);
  raiseFlags(ctx, amounts, proposal.outcome, flags);

  const { outcome, payable, deniedFor } = proposal;
  const childImpact = assessChildImpact(ctx, { norm, costs, income, outcome, payableIfAllGranted, payable, deniedFor, extraAlternatives: activity.alternatives });
  const requiresAssessment =
    outcome === 'needs-information' ||
    flags.some((f) => f.severity === 'assessment' || f.severity === 'block') ||
    ctx.needsInformation.length > 0 ||
    (childImpact?.requiresAssessment ?? false);

  const figures = buildFigures(ctx, meta, amounts, proposal, flags, childImpact, requiresAssessment);
  return detail === 'figures' ? figures : buildData(ctx, figures, { ...amounts, income: { ...amounts.income, registered } }, proposal);
}
