/**
 * Skäliga kostnader utanför riksnormen (4 kap. 3 § första stycket 2 SoL (2001:453) / 12 kap. 7 §
 * första stycket 2 SoL (2025:400)) and costs for livsföring i övrigt (4 kap. 1 § / 12 kap. 1 §).
 *
 * - Boende, hushållsel, arbetsresor, hemförsäkring, fack- och a-kasseavgift: the actual amount is the
 *   reasonable one, except rent above circumstances.rentCeiling (the municipality's reasonable level,
 *   rådrum already over), which is cut to the ceiling and the rest refused with a reason.
 * - Other cost types (läkarvård, tandvård, glasögon, barnomsorgsavgift …) are accepted when claimed
 *   with an amount and flagged for a person's one-by-one assessment.
 * - A claimed cost without an amount is not zero: the proposal needs that information.
 */
import { legal, needInformation, type Context } from '../context.ts';
import { add, formatKronor, min, ore, subtract, ZERO, type Ore } from '../money/index.ts';
import type { CostCategory } from '../rulebook/types.ts';
import type { TraceParam } from '../trace/index.ts';
import type { Message, MessageKey } from '../trace/messages.ts';
import type { MemberAssessment } from '../norm/index.ts';

export type CostCode =
  | 'REASONABLE_COST'
  | 'RENT_NO_CEILING'
  | 'RENT_WITHIN_CEILING'
  | 'RENT_ABOVE_CEILING'
  | 'ACCEPTED_FOR_ASSESSMENT'
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
  readonly rentRefused: Ore;
  readonly rentCeiling: Ore | null;
  /** Accepted boende, hushållsel and hemförsäkring: the housing part used in child-impact shares. */
  readonly housingAccepted: Ore;
  readonly assessmentCount: number;
  readonly incomplete: boolean;
}

export function computeCosts(ctx: Context, assessments: ReadonlyMap<string, MemberAssessment>): CostsResult {
  const { household, rules, trace } = ctx;
  const ceiling = household.circumstances.rentCeiling;
  let ceilingLeft: Ore | null = ceiling;
  let incomplete = false;
  const items: CostItem[] = [];

  const ceilingParams: readonly TraceParam[] =
    ceiling === null ? [] : [{ id: 'circumstances.rentCeiling', value: formatKronor(ceiling), status: 'verified' as const, source: 'input: circumstances.rentCeiling' }];
  for (const cost of household.costs) {
    const def = rules.costTypes[cost.type]!;
    const ref = legal(ctx, def.legalTopic).ref;
    const label = def.labelSv;
    /** Records this cost's line and its trace step, so the line and the step always say the same. */
    const pushCost = (claimed: Ore | null, accepted: Ore | null, code: CostCode, requiresAssessment: boolean, key: MessageKey, args: Record<string, string | number>): void => {
      args['label'] = label;
      args['ref'] = ref;
      // The step only when the trace is kept; the message (key and arguments) always.
      if (trace.enabled) trace.add({
        step: 'costs.item',
        rule: `cost-types#${cost.type}`,
        legalRef: ref,
        params: cost.type === 'rent' ? ceilingParams : [],
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
    if (def.category !== 'reasonable-cost') {
      pushCost(claimed, claimed, 'ACCEPTED_FOR_ASSESSMENT', true, def.category === 'norm-supplement' ? 'costs.normSupplement' : 'costs.livsforing', { amount: formatKronor(claimed) });
      continue;
    }
    if (cost.type === 'rent') {
      if (ceilingLeft === null) {
        pushCost(claimed, claimed, 'RENT_NO_CEILING', false, 'costs.rentNoCeiling', { amount: formatKronor(claimed) });
      } else {
        const accepted = min(claimed, ceilingLeft);
        ceilingLeft = subtract(ceilingLeft, accepted);
        if (accepted < claimed) {
          pushCost(claimed, accepted, 'RENT_ABOVE_CEILING', true, 'costs.rentAboveCeiling', {
            amount: formatKronor(claimed),
            ceiling: formatKronor(ceiling!),
            accepted: formatKronor(accepted),
            refused: formatKronor(subtract(claimed, accepted)),
          });
        } else {
          pushCost(claimed, accepted, 'RENT_WITHIN_CEILING', false, 'costs.rentWithinCeiling', { amount: formatKronor(claimed), ceiling: formatKronor(ceiling!) });
        }
      }
      continue;
    }
    pushCost(claimed, claimed, 'REASONABLE_COST', false, 'costs.reasonable', { amount: formatKronor(claimed) });
  }

  // The totals over the lines with known amounts, in one pass (this runs for every household of a batch).
  let known = 0;
  let claimed = ZERO;
  let accepted = ZERO;
  let rentRefused = ZERO;
  let housingAccepted = ZERO;
  let assessmentCount = 0;
  for (const i of items) {
    if (i.code === 'ACCEPTED_FOR_ASSESSMENT') assessmentCount++;
    if (i.claimed === null || i.accepted === null) continue;
    known++;
    claimed = add(claimed, i.claimed);
    accepted = add(accepted, i.accepted);
    if (i.type === 'rent') rentRefused = add(rentRefused, subtract(i.claimed, i.accepted));
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
    rentCeiling: ceiling,
    housingAccepted,
    assessmentCount,
    incomplete,
  };
}
