/**
 * Barnkonsekvens: what the proposal means for each child (1 kap. 2 § SoL (2001:453) / 3 kap. 1 § SoL (2025:400), barnets bästa;
 * FN:s barnkonvention art. 3 and 12). Every household with a member under 18, or 18–20 in school,
 * gets the child section of rules/barnkonsekvens.json filled with what the data says. On a partial or
 * deny proposal each child also gets the effect in kronor and the prompts the caseworker must answer,
 * and the section requires a person's assessment. The engine fills facts; it never writes the child's
 * view or the weighing, which only a person can. Notes, prompts' data and alternatives are messages
 * (keys and arguments); the views render them (src/explain/contract.ts).
 */
import { legal, type Context } from '../context.ts';
import type { CostsResult } from '../costs/index.ts';
import type { IncomeResult } from '../income/index.ts';
import { allocate, floorAtZero, formatKronor, subtract, ZERO, type Ore } from '../money/index.ts';
import type { MemberAssessment, NormResult } from '../norm/index.ts';
import type { Alternative, ChildImpact, ChildNote, ChildPrompt, Outcome } from '../output/types.ts';
import type { Message, MessageArgs, MessageKey } from '../trace/messages.ts';

export interface ChildImpactInput {
  readonly norm: NormResult;
  readonly costs: CostsResult;
  readonly income: IncomeResult;
  readonly outcome: Outcome;
  /** What the household would receive if every claimed cost were accepted and no condition denied aid. */
  readonly payableIfAllGranted: Ore | null;
  readonly payable: Ore | null;
  /** Why the proposal refuses everything (INCOME_COVERS_NEED, ASSETS_COVER_NEED), or null. */
  readonly deniedFor: string | null;
  /** Alternatives other steps computed for a person's choice (12 kap. 3 §, aktivitetskrav), shown with the child section. */
  readonly extraAlternatives?: readonly Alternative[];
}


/** Shares (in the order of members) by member id. */
function byMember(members: readonly MemberAssessment[], shares: readonly Ore[]): Map<string, Ore> {
  return new Map(members.map((a, i) => [a.member.id, shares[i] ?? ZERO]));
}

/** What the prompts' data is made of. */
interface PromptFacts {
  readonly ctx: Context;
  readonly costs: CostsResult;
  readonly perChild: readonly ChildNote[];
  readonly alternatives: readonly Alternative[];
  readonly refusal: boolean;
  readonly months: number | null;
  readonly longTerm: boolean | null;
  readonly longTermMonths: number;
}

/** A message (key and arguments). */
const say = (key: MessageKey, args: MessageArgs = {}): Message => ({ key, args });

/** The claimed costs in one child area (leisure, health, school, contact), one message each, or null. */
function costList(f: PromptFacts, area: string): Message[] | null {
  const { rules } = f.ctx;
  const list = f.costs.items.filter((i) => rules.costTypes[i.type]?.childArea === area);
  if (list.length === 0) return null;
  return list.map((i) =>
    say('child.promptCost', {
      label: rules.costTypes[i.type]!.labelSv,
      memberId: i.memberId ?? '',
      claimed: i.claimed === null ? '' : formatKronor(i.claimed),
      accepted: i.accepted === null ? '' : formatKronor(i.accepted),
    }),
  );
}

/** What the data says for one prompt, one message a part; null when the data says nothing. */
function promptData(id: string, f: PromptFacts): Message[] | null {
  const { ctx, costs, perChild, alternatives, refusal, months, longTerm, longTermMonths } = f;
  const { household, daysInMonth: dim } = ctx;
  switch (id) {
    case 'affected-children':
      return perChild.map((c) => say('child.promptAffected', { memberId: c.memberId, age: c.age, residence: c.residence, days: c.daysInHousehold, daysInMonth: dim }));
    case 'housing': {
      const parts: Message[] = [];
      if (costs.rentRefused > 0) parts.push(say('child.promptRentRefused', { refused: formatKronor(costs.rentRefused), ceiling: costs.rentCeiling === null ? '' : formatKronor(costs.rentCeiling) }));
      else if (costs.rentAboveCeiling > 0) parts.push(say('child.promptRentAccepted', { above: formatKronor(costs.rentAboveCeiling), cutFrom: costs.radrum?.firstCutMonth ?? '' }));
      if (costs.sharedHousing !== null) parts.push(say('child.promptSharedHome', { others: costs.sharedHousing.others, share: formatKronor(costs.sharedHousing.othersShare) }));
      if (household.circumstances.rentArrears !== null && household.circumstances.rentArrears > 0) parts.push(say('child.promptRentArrears', { arrears: formatKronor(household.circumstances.rentArrears) }));
      return parts.length ? parts : [say('child.promptHousingOk')];
    }
    case 'leisure':
      return costList(f, 'leisure');
    case 'health':
      return costList(f, 'health');
    case 'school':
      return costList(f, 'school');
    case 'contact': {
      const partTime = perChild.filter((c) => c.residence !== 'full-time');
      const travel = costList(f, 'contact');
      const parts = [...partTime.map((c) => say('child.promptPartTime', { memberId: c.memberId, days: c.daysInHousehold, daysInMonth: dim })), ...(travel ?? [])];
      return parts.length ? parts : null;
    }
    case 'consequences':
      return refusal ? perChild.map((c) => say('child.promptConsequence', { memberId: c.memberId, share: c.effect ?? '0' })) : null;
    case 'alternatives':
      return alternatives.length ? alternatives.map((a) => a.message) : null;
    case 'long-term':
      return [months === null ? say('child.promptMonthsUnknown') : say('child.promptMonths', { months, longTerm: longTerm ? 'yes' : 'no', threshold: longTermMonths })];
    default:
      return null;
  }
}

export function assessChildImpact(ctx: Context, input: ChildImpactInput): ChildImpact | null {
  const { household, rules, daysInMonth: dim } = ctx;
  const { norm, costs, outcome } = input;
  const children = [...norm.assessments.values()].filter((a) => a.isChild);
  if (children.length === 0) return null;

  const refusal = outcome === 'partial' || outcome === 'deny';
  const effect: Ore = refusal && input.payableIfAllGranted !== null ? floorAtZero(subtract(input.payableIfAllGranted, input.payable ?? ZERO)) : ZERO;

  // Shares by days present, over the household's own members (own cases excluded).
  const members = [...norm.assessments.values()].filter((a) => a.kind !== 'own-case');
  const weights = members.map((a) => a.days);
  const effectShares = byMember(members, allocate(effect, weights));

  const perChild: ChildNote[] = children.map((a) => {
    const residence = a.days >= dim ? 'full-time' : a.days === 0 ? 'not-this-month' : 'part-time';
    const share = effectShares.get(a.member.id) ?? ZERO;
    const notes: Message[] = [say('child.summary', { memberId: a.member.id, age: a.age, residence, days: a.days, daysInMonth: dim, norm: formatKronor(a.personal) })];
    if (refusal && effect > 0) notes.push(say('child.effect', { memberId: a.member.id, share: formatKronor(share), effect: formatKronor(effect) }));
    if (refusal && effect === 0 && outcome === 'deny' && input.deniedFor === 'INCOME_COVERS_NEED') notes.push(say('child.needsCoveredByIncome', { memberId: a.member.id }));
    return {
      memberId: a.member.id,
      age: a.age,
      band: a.band?.band ?? null,
      residence,
      daysInHousehold: a.days,
      norm: formatKronor(a.personal),
      effect: refusal ? formatKronor(share) : null,
      notes,
    };
  });

  // Alternatives a caseworker should consider on a refusal.
  const alternatives: Alternative[] = [];
  if (refusal) {
    if (costs.rentRefused > 0) {
      alternatives.push({ code: 'LONGER_RADRUM', message: say('alt.longerRadrum', { refused: formatKronor(costs.rentRefused) }), amount: formatKronor(costs.rentRefused) });
      alternatives.push({ code: 'HOUSING_SUPPORT', message: say('alt.housingSupport'), amount: null });
    }
    if (input.deniedFor === 'ASSETS_COVER_NEED') alternatives.push({ code: 'PLAN_FOR_ASSETS', message: say('alt.planAssets'), amount: null });
    if (input.deniedFor === 'INCOME_COVERS_NEED') alternatives.push({ code: 'BUDGET_ADVICE', message: say('alt.budgetAdvice'), amount: null });
    alternatives.push({ code: 'CHILD_RELATED_ITEMS', message: say('alt.childItems', { term: rules.legal.otherLivingCosts }), amount: null });
  }

  // Alternatives from other parts of the law (12 kap. 3 §, aktivitetskrav: the adult's part refused, the children's kept).
  alternatives.push(...(input.extraAlternatives ?? []));

  // Data for the prompts.
  const months = household.circumstances.consecutiveMonthsOnAssistance;
  const longTermMonths = rules.childImpact.longTermMonths.value;
  const longTerm = months === null ? null : months >= longTermMonths;
  const facts: PromptFacts = { ctx, costs, perChild, alternatives, refusal, months, longTerm, longTermMonths };
  // Without texts (bulk runs) the prompts are left out: they are only words for a person.
  const prompts: ChildPrompt[] = !ctx.explain ? [] : rules.childImpact.prompts.map((p) => ({
    id: p.id,
    number: p.number,
    question: p.sv,
    data: promptData(p.id, facts),
    requiresAnswer: p.requiredOn.includes(outcome),
    answer: null,
    source: p.source.title,
  }));

  const notes: Message[] = !ctx.explain ? [] : [
    ...perChild.flatMap((c) => c.notes),
    ...(refusal
      ? [say('child.refusalNote', { effect: formatKronor(effect) })]
      : (input.extraAlternatives ?? []).length > 0
        ? [say('child.sanctionPendingNote')]
        : outcome === 'needs-information'
          ? [say('child.nothingDecidedNote')]
          : [say('child.noRefusalNote')]),
    ...alternatives.map((a) => a.message),
  ];
  const bestInterest = legal(ctx, 'childBestInterest').ref;
  const rights = legal(ctx, 'childRights').ref;
  if (ctx.trace.enabled) ctx.trace.add({
    step: 'childImpact',
    rule: 'barnkonsekvens',
    legalRef: bestInterest,
    inputs: { children: children.map((c) => c.member.id), outcome, effect: formatKronor(effect) },
    result: refusal || outcome === 'needs-information',
    key: refusal ? 'child.traceRefusal' : outcome === 'needs-information' ? 'child.traceUndecided' : 'child.traceNoRefusal',
    args: { count: children.length, effect: formatKronor(effect) },
  });
  return {
    children: children.map((c) => c.member.id),
    notes,
    requiresAssessment: refusal || outcome === 'needs-information',
    legalRefs: [bestInterest, rights],
    perChild,
    effectOfRefusal: formatKronor(effect),
    alternatives,
    longTerm,
    prompts,
  };
}

export type { Alternative, ChildImpact, ChildNote, ChildPrompt, MemberAssessment };
