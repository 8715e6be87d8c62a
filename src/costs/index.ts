/**
 * Skäliga kostnader utanför riksnormen (4 kap. 3 § första stycket 2 SoL (2001:453) / 12 kap. 7 §
 * första stycket 2 SoL (2025:400)) and the other costs the Act names (livsföring i övrigt, 4 kap. 1 §
 * SoL (2001:453) / levnadskostnader i övrigt, 12 kap. 1 § SoL (2025:400)).
 *
 * - Boende, hushållsel, arbetsresor, hemförsäkring, fack- och a-kasseavgift: the actual amount is the
 *   reasonable one. In a shared home the household carries its share of the housing costs; rent above
 *   circumstances.rentCeiling is accepted during the rådrum and cut to the ceiling after it, with the
 *   ceiling's basis in the reason (housing.ts).
 * - Other cost types (läkarvård, tandvård, glasögon, barnomsorgsavgift …) are accepted when claimed
 *   with an amount and flagged for a person's one-by-one assessment.
 * - A claimed cost without an amount is not zero: the proposal needs that information.
 * - With the municipality's guideline (guideline.ts, issue 24): the rent ceiling comes from its table
 *   when none is typed; a cost with a fixed ceiling is accepted within it and the excess refused or
 *   left to a person as the guideline says; an item of livsföring i övrigt that meets the guideline's
 *   conditions is accepted without a flag. Without a guideline nothing here changes.
 */
import { legal, needInformation, type Context } from '../context.ts';
import { add, formatKronor, min, ore, subtract, ZERO, type Ore } from '../money/index.ts';
import type { CostCategory } from '../rulebook/types.ts';
import { traceParam, type TraceParam } from '../trace/index.ts';
import type { Message, MessageKey } from '../trace/messages.ts';
import { guidelineCostCeiling, guidelineHousehold, guidelineItem, guidelineOf, guidelineParam, guidelineRentCeiling, type GuidelineHousehold } from './guideline.ts';
import { householdShareOf, radrumFor, sharedHousingFor, type Radrum, type RentCeilingStage, type SharedHousing } from './housing.ts';
import type { MemberAssessment } from '../norm/index.ts';

export type CostCode =
  | 'REASONABLE_COST'
  | 'RENT_NO_CEILING'
  | 'RENT_WITHIN_CEILING'
  | 'RENT_ABOVE_CEILING'
  | 'RENT_ABOVE_CEILING_ACCEPTED'
  | 'SHARED_HOUSING'
  | 'ACCEPTED_FOR_ASSESSMENT'
  | 'COST_WITHIN_GUIDELINE'
  | 'COST_ABOVE_GUIDELINE'
  | 'ITEM_WITHIN_GUIDELINE'
  | 'AMOUNT_MISSING'
  | 'OWN_CASE_COST';

export interface CostItem {
  readonly index: number;
  readonly type: string;
  readonly memberId: string | null;
  readonly category: CostCategory;
  readonly claimed: Ore | null;
  readonly accepted: Ore | null;
  readonly code: CostCode;
  readonly legalRef: string;
  readonly requiresAssessment: boolean;
  readonly message: Message;
}

export interface CostsResult {
  readonly items: readonly CostItem[];
  /** Sum of claimed amounts that are known. */
  readonly claimed: Ore;
  /** Sum of accepted amounts (known items only). */
  readonly accepted: Ore;
  /** claimed − accepted over known items. */
  readonly refused: Ore;
  /** Rent refused because the household's share is above the ceiling after the rådrum. */
  readonly rentRefused: Ore;
  /** The household's rent above the ceiling, refused or (during the rådrum) accepted. */
  readonly rentAboveCeiling: Ore;
  readonly rentCeiling: Ore | null;
  /** none when no rent is above the ceiling, else where the rådrum stands this month. */
  readonly rentCeilingStage: RentCeilingStage;
  readonly radrum: Radrum | null;
  /** The excess is refused but circumstances.rentCeilingBasis is not given: the refusal cannot be motivated yet. */
  readonly ceilingBasisMissing: boolean;
  /** How a shared home's housing costs were split (null: no member is their own case), and the others' share. */
  readonly sharedHousing: (SharedHousing & { readonly othersShare: Ore }) | null;
  /** Accepted boende, hushållsel and hemförsäkring: the housing part used in child-impact shares. */
  readonly housingAccepted: Ore;
  readonly assessmentCount: number;
  readonly incomplete: boolean;
}

export function computeCosts(ctx: Context, assessments: ReadonlyMap<string, MemberAssessment>): CostsResult {
  const { household, rules, trace } = ctx;
  const typed = household.circumstances.rentCeiling;
  // No ceiling typed: the municipality's guideline gives it, with its decision as the basis.
  const fromGuideline = typed === null ? guidelineRentCeiling(ctx, assessments) : null;
  const ceiling = typed ?? fromGuideline?.ceiling ?? null;
  const basis = fromGuideline !== null ? fromGuideline.basis : household.circumstances.rentCeilingBasis;
  const guideline = guidelineOf(ctx);
  const gh: GuidelineHousehold | null = guideline === null ? null : guidelineHousehold(assessments);
  let ceilingLeft: Ore | null = ceiling;
  let incomplete = false;
  const items: CostItem[] = [];
  const shared = sharedHousingFor(ctx, assessments);
  const radrum = ceiling === null ? null : radrumFor(ctx);
  let rentAboveCeiling = ZERO;
  let rentRefused = ZERO;
  let othersShare = ZERO;
  let ceilingBasisMissing = false;

  // The parameters a rent's trace step shows (only built when the trace is kept).
  const ceilingParams: readonly TraceParam[] =
    ceiling === null || !trace.enabled
      ? []
      : fromGuideline !== null
        ? [...fromGuideline.params, traceParam(rules.municipal.rentAdjustmentMonths)]
        : [{ id: 'circumstances.rentCeiling', value: formatKronor(ceiling), status: 'verified' as const, source: 'input: circumstances.rentCeiling' }, traceParam(rules.municipal.rentAdjustmentMonths)];
  const sharedParams: readonly TraceParam[] = shared === null || !trace.enabled ? [] : [traceParam(rules.municipal.sharedHousingCost)];
  for (const cost of household.costs) {
    const def = rules.costTypes[cost.type]!;
    const ref = legal(ctx, def.legalTopic).ref;
    const label = def.labelSv;
    /** Records this cost's line and its trace step, so the line and the step always say the same. */
    const pushCost = (claimed: Ore | null, accepted: Ore | null, code: CostCode, requiresAssessment: boolean, key: MessageKey, args: Record<string, string | number>, params: readonly TraceParam[] = []): void => {
      args['label'] = label;
      args['ref'] = ref;
      // The step only when the trace is kept; the message (key and arguments) always.
      if (trace.enabled) trace.add({
        step: 'costs.item',
        rule: `cost-types#${cost.type}`,
        legalRef: ref,
        params,
        inputs: { index: cost.index, type: cost.type, claimed: claimed === null ? null : formatKronor(claimed), category: def.category },
        result: accepted === null ? null : formatKronor(accepted),
        key,
        args,
      });
      items.push({ index: cost.index, type: cost.type, memberId: cost.memberId, category: def.category, claimed, accepted, code, legalRef: ref, requiresAssessment, message: { key, args } });
    };

    if (cost.amount === null) {
      incomplete = true;
      needInformation(ctx, { code: 'COST_AMOUNT_MISSING', field: `costs[${cost.index}].amount`, blocking: true, legalRef: ref, key: 'needs.costAmount', args: { label } });
      pushCost(null, null, 'AMOUNT_MISSING', true, 'costs.amountMissing', {});
      continue;
    }
    const claimed = cost.amount;
    const owner = cost.memberId !== null ? assessments.get(cost.memberId) : undefined;
    if (owner !== undefined && owner.kind === 'own-case') {
      pushCost(claimed, ZERO, 'OWN_CASE_COST', false, 'costs.ownCase', { amount: formatKronor(claimed), memberId: owner.member.id });
      continue;
    }
    if (def.category === 'livsforing' && guideline !== null) {
      // The guideline's conditions for this item (guideline.ts): met → accepted without a flag.
      const verdict = guidelineItem(ctx, cost.type, claimed);
      if (verdict !== null) {
        const gargs = { amount: formatKronor(claimed), term: rules.legal.otherLivingCosts, basis: verdict.basis, referenceText: verdict.rule.referenceText };
        const gparams = trace.enabled ? [guidelineParam(`${guideline.id}#item-${cost.type}`, verdict.rule.reference ?? '', verdict.rule)] : [];
        if (verdict.kind === 'accept') pushCost(claimed, verdict.accepted, 'ITEM_WITHIN_GUIDELINE', false, 'costs.itemWithinGuideline', gargs, gparams);
        else pushCost(claimed, claimed, 'ACCEPTED_FOR_ASSESSMENT', true, 'costs.itemForAssessment', { ...gargs, unmet: verdict.unmet, reference: verdict.rule.reference ?? '', reviewAbove: verdict.rule.reviewAbove ?? '' }, gparams);
        continue;
      }
    }
    if (def.category !== 'reasonable-cost') {
      pushCost(claimed, claimed, 'ACCEPTED_FOR_ASSESSMENT', true, def.category === 'norm-supplement' ? 'costs.normSupplement' : 'costs.livsforing', { amount: formatKronor(claimed), term: rules.legal.otherLivingCosts });
      continue;
    }
    // A housing cost of the home (no member named) in a shared home: the household's share.
    let amount = claimed;
    const args: Record<string, string | number> = { amount: formatKronor(claimed) };
    let params: TraceParam[] = [];
    if (def.housing === true && cost.memberId === null && shared !== null) {
      amount = householdShareOf(shared, claimed);
      othersShare = add(othersShare, subtract(claimed, amount));
      Object.assign(args, { sharedShare: formatKronor(amount), sharedOthersShare: formatKronor(subtract(claimed, amount)), sharedOthers: shared.others, sharedPersons: shared.householdPersons, sharedTotal: shared.totalPersons, sharedPolicy: shared.policy });
      params = [...sharedParams];
    }
    const isShared = amount < claimed;
    if (cost.type === 'rent') {
      params = [...ceilingParams, ...params];
      if (ceilingLeft === null) {
        pushCost(claimed, amount, isShared ? 'SHARED_HOUSING' : 'RENT_NO_CEILING', isShared, 'costs.rentNoCeiling', args, params);
        continue;
      }
      const within = min(amount, ceilingLeft);
      ceilingLeft = subtract(ceilingLeft, within);
      const excess = subtract(amount, within);
      Object.assign(args, { ceiling: formatKronor(ceiling!), basis: basis ?? '' });
      if (excess === 0) {
        pushCost(claimed, amount, isShared ? 'SHARED_HOUSING' : 'RENT_WITHIN_CEILING', isShared, 'costs.rentWithinCeiling', args, params);
        continue;
      }
      rentAboveCeiling = add(rentAboveCeiling, excess);
      const r = radrum!;
      Object.assign(args, { above: formatKronor(excess), notifiedOn: r.notifiedOn ?? '', months: r.months, endsOn: r.endsOn ?? '', cutFrom: r.firstCutMonth ?? '' });
      if (r.stage !== 'after') {
        // Not yet told, or within the rådrum: the actual rent (the household's share) is accepted and flagged.
        pushCost(claimed, amount, 'RENT_ABOVE_CEILING_ACCEPTED', true, r.stage === 'not-notified' ? 'costs.rentAboveCeilingNotNotified' : 'costs.rentAboveCeilingRadrum', args, params);
        continue;
      }
      rentRefused = add(rentRefused, excess);
      if (basis === null) ceilingBasisMissing = true;
      Object.assign(args, { accepted: formatKronor(within), refused: formatKronor(subtract(claimed, within)) });
      pushCost(claimed, within, 'RENT_ABOVE_CEILING', true, 'costs.rentAboveCeiling', args, params);
      continue;
    }
    if (isShared) {
      pushCost(claimed, amount, 'SHARED_HOUSING', true, 'costs.sharedHousing', args, params);
      continue;
    }
    const fixed = gh === null ? null : guidelineCostCeiling(ctx, cost.type, gh);
    if (fixed !== null) {
      // The guideline's fixed ceiling for this cost type: within it accepted, the excess refused or left to a person.
      const gargs = { amount: formatKronor(claimed), ceiling: formatKronor(fixed.ceiling), basis: fixed.basis };
      const gparams = trace.enabled ? [guidelineParam(`${guideline!.id}#ceiling-${cost.type}`, formatKronor(fixed.ceiling), fixed.rule)] : [];
      if (claimed <= fixed.ceiling) pushCost(claimed, claimed, 'COST_WITHIN_GUIDELINE', false, 'costs.withinGuideline', gargs, gparams);
      else if (fixed.rule.overCeiling === 'person') pushCost(claimed, claimed, 'ACCEPTED_FOR_ASSESSMENT', true, 'costs.aboveGuidelineForAssessment', { ...gargs, above: formatKronor(subtract(claimed, fixed.ceiling)) }, gparams);
      else pushCost(claimed, fixed.ceiling, 'COST_ABOVE_GUIDELINE', false, 'costs.aboveGuideline', { ...gargs, accepted: formatKronor(fixed.ceiling), refused: formatKronor(subtract(claimed, fixed.ceiling)) }, gparams);
      continue;
    }
    pushCost(claimed, claimed, 'REASONABLE_COST', false, 'costs.reasonable', { amount: formatKronor(claimed) });
  }
  if (ceilingBasisMissing) {
    needInformation(ctx, { code: 'RENT_CEILING_BASIS_MISSING', field: 'circumstances.rentCeilingBasis', blocking: true, legalRef: legal(ctx, 'statementOfReasons').ref, key: 'needs.rentCeilingBasis', args: { ceiling: formatKronor(ceiling!) } });
  }

  // The totals over the lines with known amounts, in one pass (this runs for every household of a batch).
  let known = 0;
  let claimed = ZERO;
  let accepted = ZERO;
  let housingAccepted = ZERO;
  let assessmentCount = 0;
  for (const i of items) {
    if (i.code === 'ACCEPTED_FOR_ASSESSMENT') assessmentCount++;
    if (i.claimed === null || i.accepted === null) continue;
    known++;
    claimed = add(claimed, i.claimed);
    accepted = add(accepted, i.accepted);
    if (rules.costTypes[i.type]?.housing === true) housingAccepted = add(housingAccepted, i.accepted);
  }
  if (trace.enabled) trace.add({
    step: 'costs.total',
    rule: 'costs/accepted-total',
    legalRef: legal(ctx, 'reasonableCosts').ref,
    inputs: { items: known, claimed: formatKronor(claimed) },
    result: formatKronor(accepted),
    key: 'costs.total',
    args: { claimed: formatKronor(claimed), accepted: formatKronor(accepted), refused: formatKronor(ore(claimed - accepted)) },
  });
  return {
    items,
    claimed,
    accepted,
    refused: subtract(claimed, accepted),
    rentRefused,
    rentAboveCeiling,
    rentCeiling: ceiling,
    rentCeilingStage: rentAboveCeiling > 0 && radrum !== null ? radrum.stage : 'none',
    radrum,
    ceilingBasisMissing,
    sharedHousing: shared === null ? null : { ...shared, othersShare },
    housingAccepted,
    assessmentCount,
    incomplete,
  };
}
