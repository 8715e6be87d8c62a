/**
 * A registered payment nobody has classified yet — no row of the agency income map knows it (a benefit
 * family without a recognisable förmån included), or its row leaves it to a person — is not counted in
 * the proposal (never a silent count), and the case is never ready. So that the person who classifies
 * it decides knowing what each choice means, the proposal computes both alternatives: the payable with
 * the payment not counted (the proposal itself) and with it counted as the income type the map names as
 * most likely, through the same income rules (a child's own means, a member who is their own case).
 * The flags about the payment carry both amounts (their arguments, for the views' texts); no letter
 * can be produced until a person has classified it (Flag.blocksLetter).
 */
import { createContext, legal, type Context } from '../context.ts';
import type { CostsResult } from '../costs/index.ts';
import type { AssetsResult } from '../assets/index.ts';
import type { MessageArgs } from '../trace/messages.ts';
import { computeIncome } from '../income/index.ts';
import { add, floorAtZero, formatKronor, subtract, type Ore } from '../money/index.ts';
import type { NormResult } from '../norm/index.ts';
import type { Flag, RegisteredPaymentOut } from '../output/types.ts';
import { shareOf } from '../shares/index.ts';

/** What the alternatives need of the proposal: its payable (null while a fact is missing or a person decides; no condition refuses aid by itself). */
export interface ProposalFacts {
  readonly payable: Ore | null;
}

const waiting = (r: RegisteredPaymentOut) => r.use === 'unhandled' || r.use === 'to-person';

/**
 * The payable if the payment at `index` counted as `incomeType`: the proposal's rule (need − income,
 * own money above the buffer first, never below 0) with only that payment classified differently.
 */
function payableIfCounted(ctx: Context, amounts: { norm: NormResult; costs: CostsResult; assets: AssetsResult }, index: number, incomeType: string): Ore {
  const household = {
    ...ctx.household,
    registeredIncomes: ctx.household.registeredIncomes.map((r) => (r.index === index ? { ...r, assessment: { action: 'count' as const, incomeType, reason: null } } : r)),
  };
  // The norm, the costs and the household's own money do not depend on the payment: only the income is recomputed.
  const other = createContext(household, ctx.rules, [], false);
  const income = computeIncome(other, amounts.norm.assessments, shareOf(other, amounts.norm, amounts.costs));
  const deficit = subtract(add(amounts.norm.total, amounts.costs.accepted), income.counted);
  // Own money above the buffer is used first, like income (no cliff).
  return floorAtZero(subtract(deficit, amounts.assets.available));
}

/**
 * Fills `alternatives` of every registered payment that waits for a person and puts both amounts on its
 * flags (re-rendered with them). Returns the registered payments as the decision shows them.
 */
export function assessUnclassifiedPayments(
  ctx: Context,
  amounts: { norm: NormResult; costs: CostsResult; assets: AssetsResult; income: { registered: readonly RegisteredPaymentOut[] } },
  proposal: ProposalFacts,
  flags: Flag[],
): readonly RegisteredPaymentOut[] {
  const registered = amounts.income.registered;
  if (!registered.some(waiting)) return registered;
  return registered.map((r) => {
    if (!waiting(r)) return r;
    const likely = r.likelyIncomeType;
    const notCounted = proposal.payable;
    let counted: Ore | null = null;
    if (likely !== null && notCounted !== null) counted = payableIfCounted(ctx, amounts, r.index, likely);
    const alternatives = { notCounted: notCounted === null ? null : formatKronor(notCounted), counted: counted === null ? null : formatKronor(counted), incomeType: likely };
    const label = likely === null ? '' : (ctx.rules.incomeTypes[likely]?.labelSv ?? likely);
    if (counted !== null && ctx.trace.enabled) {
      ctx.trace.add({
        step: 'agency.alternative',
        rule: 'agency/unassessed-alternatives',
        legalRef: legal(ctx, 'ownMeans').ref,
        inputs: { registeredIncome: r.index, memberId: r.memberId, agency: r.agency, benefit: r.benefit, net: r.net, likelyIncomeType: likely, payableNotCounted: alternatives.notCounted },
        result: alternatives.counted,
        key: 'agency.alternative',
        args: { benefit: r.benefit, sub: r.subBenefit ?? '', agency: r.agency, memberId: r.memberId, net: r.net, likely: label, likelyType: likely ?? '', notCounted: alternatives.notCounted!, counted: alternatives.counted! },
      });
    }
    for (let i = 0; i < flags.length; i++) {
      const f = flags[i]!;
      if (f.paymentIndex !== r.index || !f.blocksLetter) continue;
      const args: MessageArgs = { ...f.message.args, notCounted: alternatives.notCounted ?? '', counted: alternatives.counted ?? '', likely: label, likelyType: likely ?? '' };
      const named: Record<string, string> = { ...(f.amounts ?? {}) };
      if (alternatives.notCounted !== null) named['payableNotCounted'] = alternatives.notCounted;
      if (alternatives.counted !== null) named['payableCounted'] = alternatives.counted;
      flags[i] = { ...f, message: { key: f.message.key, args }, amounts: named };
    }
    return { ...r, alternatives };
  });
}
