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
 * | computeAmounts: riksnorm, skäliga kostnader (a shared home, rådrum), each member's share, income (a child's within its share), own money | 4 kap. 3 § första st. 1–2, 4 kap. 1 §, 1 a–1 b §§; SOSFS 2013:1 | 12 kap. 7 § första st. 1–2, 12 kap. 1 §, 8–9 §§; SOSFS 2013:1 |
 * | assessEligibility: conditions on the household as a whole (an applicant under 18) | 4 kap. 1 § | 12 kap. 1 § |
 * | assessMedicalCertificate: läkarintyg when illness is the reason (from 2026-07-01) | — | SoL as amended 2026-07-01 (paragraph not found) |
 * | needAndDeficit: need = norm + costs; deficit = need − income | 4 kap. 1 § första st. | 12 kap. 1 § första st. |
 * | assessLabourMarket: each adult at the labour market's disposal, or godtagbara skäl (needs the deficit for its alternatives) | 4 kap. 1 § andra st. | 12 kap. 3 § |
 * | assessActivityRequirement: aktivitetskrav (from försörjningsstöd for 2026-10; needs the deficit for its alternatives) | 4 kap. 4–5 §§ | 12 kap. 4 a–6 a §§ (SFS 2026:730, weak) |
 * | proposeOutcome: a person decides, missing facts, income or own money covers the need, bifall | 4 kap. 1 § | 12 kap. 1 §, 3 § |
 * | reasonsForRefusedCosts | 4 kap. 3 § första st. 2 | 12 kap. 7 § första st. 2 |
 * | raiseFlags: what a person must look at | per flag (rules/conditions/flags.json) | per flag |
 * | assessChildImpact: barnkonsekvens | 1 kap. 2 § | 3 kap. 1 § |
 *
 * The outcome, in the order the assessment goes: a choice the law leaves to a person (an adult not at the
 * labour market's disposal without a stated reason, an aktivitetskrav refusal: the engine never refuses the
 * household by itself, it computes the alternatives) or a missing fact the amount depends on →
 * "needs-information", no amount (the need itself is kept when the norm and the accepted costs are
 * known); else the household's income covers the need → avslag ("kan själv
 * tillgodose sina behov"); else its own money above the municipal buffer is used first, like income: it
 * covers the shortfall → avslag, or it lowers the payment krona for krona (no cliff); else bifall, or
 * delvis bifall when a claimed cost was cut.
 */
import { assessChildImpact, type ChildImpact } from '../childImpact/index.ts';
import { runConditions, type Facts, type RuleResult } from '../conditions/index.ts';
import { traceConditions } from '../conditions/apply.ts';
import { legal, needInformation, type Context } from '../context.ts';
import { assessActivityRequirement } from '../activity/index.ts';
import { computeAssets, type AssetsResult } from '../assets/index.ts';
import { computeCosts, type CostsResult } from '../costs/index.ts';
import { computeIncome, type IncomeResult } from '../income/index.ts';
import { assessLabourMarket } from '../labourMarket/index.ts';
import { add, floorAtZero, formatKronor, min, ore, parseKronor, subtract, sum, ZERO, type Ore } from '../money/index.ts';
import { assessMedicalCertificate } from '../medical/index.ts';
import { computeNorm, type NormResult } from '../norm/index.ts';
import { firstDayOf, formatPeriod } from '../period/index.ts';
import { shareOf } from '../shares/index.ts';
import type { Flag, Outcome, Reason } from '../output/types.ts';
import { flagCode, needsCode } from '../output/codes.ts';
import type { MessageArgs, MessageKey } from '../trace/messages.ts';
import type { DecisionData, DecisionFigures } from './types.ts';
import { assessUnclassifiedPayments } from './unassessed.ts';

export interface DecisionMeta {
  readonly ruleSetVersion: string;
  readonly inputHash: string;
  readonly engineVersion: string;
}

/** A reason with its message (the views render its text). */
function reasonOf(code: string, legalRef: string, key: MessageKey, args: MessageArgs = {}): Reason {
  return { code, legalRef, message: { key, args } };
}

/**
 * A fired condition rule: a missing fact or a flag for a person, its text with the arguments the engine
 * gives for its code (argsFor). A condition never refuses aid: person-decides is handled per adult
 * (labourMarket/index.ts), never in a household-wide set.
 */
function handleEvent(ctx: Context, flags: Flag[], r: RuleResult, argsFor: Readonly<Record<string, MessageArgs>> = {}): void {
  const { code, legalTopic, severity, field, blocking } = r.event.params;
  const ref = legal(ctx, legalTopic).ref;
  const args = argsFor[code] ?? {};
  if (r.event.type === 'needs-information') {
    // A rule names the applicant's fields as members[{applicant}].… (issue 13): here the real index.
    const path = (field ?? '').replace('{applicant}', String(ctx.household.members.find((m) => m.role === 'applicant')?.index ?? 0));
    needInformation(ctx, { code: needsCode(code), field: path, blocking: blocking ?? false, legalRef: ref, key: `needs.${code}` as MessageKey, args });
  } else if (r.event.type === 'flag') {
    flags.push({ code: flagCode(code), severity, legalRef: ref, message: { key: `flag.${code}` as MessageKey, args } });
  } else {
    throw new Error(`[engine] condition ${r.name}: ${r.event.type} is only for the per-adult labour-market conditions`);
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
  /** Why nothing is granted (INCOME_COVERS_NEED, ASSETS_COVER_NEED), or null. */
  readonly deniedFor: string | null;
  readonly reasons: Reason[];
  /** Codes of the flags with severity block: a person decides before any amount is proposed. */
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
  // A child's income covers only the child's own share (shares/index.ts), computed when a child has an income.
  const income = computeIncome(ctx, norm.assessments, shareOf(ctx, norm, costs));
  const assets = computeAssets(ctx, norm.assessments);
  return { norm, costs, income, assets };
}

/**
 * Step 2 — the conditions on the household as a whole (rules/conditions/eligibility.json: an applicant
 * under 18 states why they apply on their own, 12 kap. 1 §). The labour-market condition concerns each
 * adult and is assessed once the need is known (assessLabourMarket). Returns whether a condition asks
 * for a missing fact that blocks the proposal.
 */
function assessEligibility(ctx: Context, a: Amounts, flags: Flag[]): boolean {
  const { household, rules } = ctx;
  const applicant = household.members.find((m) => m.role === 'applicant');
  const eligibilityFacts: Facts = {
    // Sanity rules on roles and ages (issue 13); the thresholds are in the rule files.
    applicantAge: applicant === undefined ? null : a.norm.assessments.get(applicant.id)!.age,
    applicantMinorReasonGiven: (applicant?.minorApplicantReason ?? null) !== null,
  };
  const eligibility = runConditions(rules.conditions.eligibility, eligibilityFacts, ctx.trace.enabled);
  traceConditions(ctx, rules.conditions.eligibility, eligibility);
  const fired = eligibility.filter((r) => r.result);
  for (const r of fired) handleEvent(ctx, flags, r);
  return fired.some((r) => r.event.type === 'needs-information' && r.event.params.blocking === true);
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

/**
 * What would be paid if no rule that concerns an adult (12 kap. 3 §, aktivitetskrav) refused or reduced
 * aid: the deficit less the own money used first; 0 when nothing would be paid anyway, null when it
 * cannot be computed (a fact is missing).
 */
function payableBeforeSanction(a: Amounts, step3: Step3): Ore | null {
  if (step3.incomplete) return null;
  return floorAtZero(subtract(step3.deficit, a.assets.available));
}

/**
 * Step 4 — the outcome, in the order the assessment goes: a choice the law leaves to a person (a flag
 * with severity block: an adult not at the labour market's disposal without a stated reason, an
 * aktivitetskrav refusal) or a missing fact → no amount; income that covers the need → avslag, the
 * household can meet its needs itself (12 kap. 1 §); own money above the buffer, used first like income:
 * avslag when it covers the shortfall, else the payment is lowered by it; else bifall, or delvis bifall
 * when a claimed cost was cut.
 */
function proposeOutcome(ctx: Context, a: Amounts, step3: Step3, blocked: boolean, flags: readonly Flag[]): Proposal {
  const { costs, income, assets } = a;
  const { incomplete, needKnown, need, deficit } = step3;
  const reasons: Reason[] = [];
  const blockingFlags = flags.filter((f) => f.severity === 'block').map((f) => f.code);
  const proposal = (outcome: Outcome, payable: Ore | null, assetsUsed: Ore, deniedFor: string | null): Proposal => ({
    incomplete, needKnown, need, deficit, reasons, blockingFlags, outcome, payable, assetsUsed, deniedFor,
  });
  // A choice the law leaves to a person, or a missing fact: no amount (the alternatives are computed).
  if (blockingFlags.length > 0 || incomplete || blocked) return proposal('needs-information', null, ZERO, null);
  const ownRef = legal(ctx, 'ownMeans').ref;
  if (deficit <= 0) {
    reasons.push(reasonOf('INCOME_COVERS_NEED', ownRef, 'reason.INCOME_COVERS_NEED', {
      need: formatKronor(need),
      income: formatKronor(income.counted),
      childIncome: formatKronor(income.childIncomeCounted),
      childEarningsAboveLimit: formatKronor(income.childEarningsCountedAboveLimit),
    }));
    return proposal('deny', ZERO, ZERO, 'INCOME_COVERS_NEED');
  }
  const buffer = formatKronor(assets.buffer);
  if (assets.available >= deficit) {
    reasons.push(reasonOf('ASSETS_COVER_NEED', ownRef, 'reason.ASSETS_COVER_NEED', { available: formatKronor(assets.available), deficit: formatKronor(deficit), buffer }));
    return proposal('deny', ZERO, deficit, 'ASSETS_COVER_NEED');
  }
  // Own money above the buffer that covers part of the shortfall is used first, krona for krona: no cliff.
  const used = min(assets.available, deficit);
  if (used > 0) reasons.push(reasonOf('OWN_MEANS_USED', ownRef, 'reason.OWN_MEANS_USED', { used: formatKronor(used), deficit: formatKronor(deficit), buffer }));
  return proposal(costs.refused > 0 ? 'partial' : 'approve', subtract(deficit, used), used, null);
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
    legalRef: legal(ctx, 'rightToAssistance').ref,
    inputs: {
      personDecides: p.blockingFlags,
      missingFacts: ctx.needsInformation.filter((n) => n.blocking).map((n) => n.field),
      deficit: p.incomplete ? null : formatKronor(p.deficit),
      assetsAvailable: formatKronor(a.assets.available),
      assetsUsed: formatKronor(p.assetsUsed),
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
    rentAboveCeilingOre: costs.rentAboveCeiling,
    rentCeilingStage: costs.rentCeilingStage,
    sharedHousingOthersOre: costs.sharedHousing?.othersShare ?? 0,
    childEarningsCountedAboveLimitOre: income.childEarningsCountedAboveLimit,
  };
  const flagResults = runConditions(rules.conditions.flags, flagFacts, ctx.trace.enabled);
  traceConditions(ctx, rules.conditions.flags, flagResults);
  let args: Record<string, MessageArgs> | undefined;
  for (const r of flagResults) if (r.result) handleEvent(ctx, flags, r, (args ??= flagArgs(ctx, a)));
  const allowanceFlag = flags.find((f) => f.code === 'CHILD_ALLOWANCE_MISMATCH');
  if (allowanceFlag && allowance.expected !== null) {
    const args = { expected: formatKronor(allowance.expected), reported: formatKronor(income.childAllowanceReported) };
    flags[flags.indexOf(allowanceFlag)] = { ...allowanceFlag, message: { key: 'flag.CHILD_ALLOWANCE_MISMATCH', args } };
  }
}

/** The arguments of the flags whose text names amounts, dates or the municipality's choice. */
function flagArgs(ctx: Context, a: Amounts): Record<string, MessageArgs> {
  const { costs, income } = a;
  const { rules } = ctx;
  const r = costs.radrum;
  const rent: MessageArgs = {
    stage: costs.rentCeilingStage,
    above: formatKronor(costs.rentAboveCeiling),
    ceiling: costs.rentCeiling === null ? '' : formatKronor(costs.rentCeiling),
    months: rules.municipal.rentAdjustmentMonths.value,
    notifiedOn: r?.notifiedOn ?? '',
    endsOn: r?.endsOn ?? '',
    cutFrom: r?.firstCutMonth ?? '',
  };
  const shared = costs.sharedHousing;
  return {
    RENT_ABOVE_CEILING: rent,
    RENT_RADRUM_ENDS: rent,
    COST_NEEDS_ASSESSMENT: { term: rules.legal.otherLivingCosts },
    SHARED_HOUSING_COST: shared === null ? {} : { policy: shared.policy, othersShare: formatKronor(shared.othersShare), others: shared.others },
    CHILD_EARNINGS_ABOVE_LIMIT: { counted: formatKronor(income.childEarningsCountedAboveLimit) },
  };
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
  // Agency data flags first (a failed answer is flagged for a person, and the proposal is computed on what is known).
  const flags: Flag[] = [...amounts.income.agencyFlags];
  const conditionBlocked = assessEligibility(ctx, amounts, flags);
  const certificateMissing = assessMedicalCertificate(ctx);
  const step3 = needAndDeficit(ctx, amounts, conditionBlocked);
  const sanctionInput = { norm: amounts.norm, costs: amounts.costs, income: amounts.income, payable: payableBeforeSanction(amounts, step3) };
  const labourMarket = assessLabourMarket(ctx, sanctionInput, flags);
  const activity = assessActivityRequirement(ctx, { ...sanctionInput, payable: sanctionInput.payable === null || sanctionInput.payable <= 0 ? null : sanctionInput.payable }, flags);
  // A refused rent cannot be motivated without the ceiling's basis (32 § förvaltningslagen): a person states it first.
  const blocked = certificateMissing || activity.blocked || labourMarket.blocked || amounts.costs.ceilingBasisMissing;
  const proposal = proposeOutcome(ctx, amounts, step3, blocked, flags);
  reasonsForRefusedCosts(ctx, amounts.costs, proposal);
  // A registered payment nobody has classified yet: both alternatives on its flags and its registered line.
  const registered = assessUnclassifiedPayments(ctx, amounts, { payable: proposal.payable }, flags);
  const { norm, costs, income, assets } = amounts;
  // What the household would get if every claimed cost were accepted and no condition refused aid.
  const payableIfAllGranted = proposal.incomplete || proposal.outcome === 'needs-information' ? null : floorAtZero(subtract(subtract(add(norm.total, costs.claimed), income.counted), assets.available));
  traceOutcome(ctx, amounts, proposal);
  raiseFlags(ctx, amounts, proposal.outcome, flags);

  const { outcome, payable, deniedFor } = proposal;
  const alternatives = [...labourMarket.alternatives, ...activity.alternatives];
  const childImpact = assessChildImpact(ctx, { norm, costs, income, outcome, payableIfAllGranted, payable, deniedFor, extraAlternatives: alternatives });
  const requiresAssessment =
    outcome === 'needs-information' ||
    flags.some((f) => f.severity === 'assessment' || f.severity === 'block') ||
    ctx.needsInformation.length > 0 ||
    (childImpact?.requiresAssessment ?? false);

  const figures = buildFigures(ctx, meta, amounts, proposal, flags, childImpact, requiresAssessment);
  return detail === 'figures' ? figures : buildData(ctx, figures, { ...amounts, income: { ...amounts.income, registered } }, proposal);
}
