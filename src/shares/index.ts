/**
 * Each member's own share of the household's need: what a rule that concerns one person may touch,
 * and what it may not.
 *
 * - A child's own income covers only the child's own share (12 kap. 1 § SoL (2025:400); a child has no
 *   duty to maintain a parent, so the child's money never pays for the parents' needs).
 * - A rule that concerns an adult (the labour-market condition, 12 kap. 3 §; the aktivitetskrav) can at
 *   most take that adult's share: the children's part, their own costs included, is kept in every
 *   alternative a person is offered.
 *
 * A member's share: the personal norm + a share of the gemensamma hushållskostnader + a share of the
 * accepted housing cost (both by days present, so equal for everyone who lives here all month) + the
 * accepted costs that are the member's own (memberId), and for a child also the costs that are always a
 * child's (cost type childCost, e.g. a childcare fee) when no member is named. Members who are their
 * own case are outside the household and have no share here.
 */
import type { Context } from '../context.ts';
import type { CostsResult } from '../costs/index.ts';
import type { IncomeResult } from '../income/index.ts';
import { allocate, floorAtZero, formatKronor, max, min, ore, subtract, sum, ZERO, type Ore } from '../money/index.ts';
import type { MemberAssessment, NormResult } from '../norm/index.ts';

/** Shares (in the order of members) by member id. */
function byMember(members: readonly MemberAssessment[], shares: readonly Ore[]): Map<string, Ore> {
  return new Map(members.map((a, i) => [a.member.id, shares[i] ?? ZERO]));
}

/** The parts of one calculation, computed once (a calculation's costs object is never changed after it is made). */
const computed = new WeakMap<CostsResult, ReadonlyMap<string, Ore>>();

/** Each own member's part of the household's need (see above), by member id. */
export function memberParts(ctx: Context, norm: NormResult, costs: CostsResult): ReadonlyMap<string, Ore> {
  let parts = computed.get(costs);
  if (parts === undefined) computed.set(costs, (parts = computeParts(ctx, norm, costs)));
  return parts;
}

function computeParts(ctx: Context, norm: NormResult, costs: CostsResult): Map<string, Ore> {
  const members = [...norm.assessments.values()].filter((a) => a.kind !== 'own-case');
  const weights = members.map((a) => a.days);
  const commonShares = byMember(members, allocate(norm.common, weights));
  const housingShares = byMember(members, allocate(costs.housingAccepted, weights));
  const own = new Map<string, Ore>();
  let childCosts = ZERO;
  for (const item of costs.items) {
    if (item.accepted === null) continue;
    const def = ctx.rules.costTypes[item.type];
    if (def?.housing === true) continue; // in the housing share
    if (item.memberId !== null && own.has(item.memberId)) own.set(item.memberId, ore(own.get(item.memberId)! + item.accepted));
    else if (item.memberId !== null) own.set(item.memberId, item.accepted);
    else if (def?.childCost === true) childCosts = ore(childCosts + item.accepted);
  }
  const children = members.filter((a) => a.isChild);
  const childCostShares = byMember(children, allocate(childCosts, children.map((c) => c.days)));
  return new Map(
    members.map((a) => {
      const id = a.member.id;
      return [id, ore(a.personal + (commonShares.get(id) ?? ZERO) + (housingShares.get(id) ?? ZERO) + (own.get(id) ?? ZERO) + (childCostShares.get(id) ?? ZERO))];
    }),
  );
}

/** Each member's own share as a lookup, computed on first use (what a child's income is capped at). */
export function shareOf(ctx: Context, norm: NormResult, costs: CostsResult): (memberId: string) => Ore {
  return (memberId) => memberParts(ctx, norm, costs).get(memberId) ?? ZERO;
}

/** The children's part of the need, and the income that is theirs (child allowance, maintenance support, their own income as counted). */
export function childrenPart(ctx: Context, norm: NormResult, costs: CostsResult, income: IncomeResult): { need: Ore; income: Ore } {
  const parts = memberParts(ctx, norm, costs);
  const children = [...norm.assessments.values()].filter((a) => a.isChild);
  const childIds = new Set(children.map((c) => c.member.id));
  const need = sum(children.map((c) => parts.get(c.member.id) ?? ZERO));
  const childIncome = sum(
    income.items
      .filter((i) => i.counted !== null && (childIds.has(i.memberId) || i.type === 'child-allowance' || i.type === 'maintenance-support'))
      .map((i) => i.counted!),
  );
  return { need, income: childIncome };
}

/**
 * The amounts a person chooses between when a rule that concerns adults (12 kap. 3 §, aktivitetskrav)
 * would refuse or reduce aid: the full amount; the amount without these adults' part, never below the
 * children's part (the children's need less their own income); the adults' part. In kronor strings.
 */
export interface AdultPartAmounts {
  readonly full: string;
  readonly adultPart: string;
  readonly withoutAdultPart: string;
  readonly childrenPart: string;
}

export interface SanctionInput {
  readonly norm: NormResult;
  readonly costs: CostsResult;
  readonly income: IncomeResult;
  /** What would be paid without any sanction (need − income − own money), 0 when nothing would be paid anyway, null when it cannot be computed. */
  readonly payable: Ore | null;
}

export function adultPartAmounts(ctx: Context, input: SanctionInput, adultIds: readonly string[], payable: Ore): AdultPartAmounts {
  const parts = memberParts(ctx, input.norm, input.costs);
  const adultPart = sum(adultIds.map((id) => parts.get(id) ?? ZERO));
  const children = childrenPart(ctx, input.norm, input.costs, input.income);
  const childrenKept = min(floorAtZero(subtract(children.need, children.income)), payable);
  const withoutAdult = max(floorAtZero(subtract(payable, adultPart)), childrenKept);
  return { full: formatKronor(payable), adultPart: formatKronor(adultPart), withoutAdultPart: formatKronor(withoutAdult), childrenPart: formatKronor(childrenKept) };
}
