/**
 * Riksnormen, one named step per part of the law, in the order the law gives them (OpenFisca style:
 * one formula per variable). The paragraphs, by the law in force (rules/legal-references.json):
 *
 * | step | SoL (2001:453) / socialtjänstförordningen (2001:937) | SoL (2025:400) / socialtjänstförordningen (2025:468) |
 * | --- | --- | --- |
 * | assessMembers: who belongs to the household | 4 kap. 1 §; SOSFS 2013:1 | 12 kap. 1 §; SOSFS 2013:1 |
 * | adultPersonalCosts: ensamstående or sambor | 4 kap. 3 § första st. 1; förordningen 2 kap. 1 § | 12 kap. 7 § första st. 1; förordningen 12 kap. 2 § |
 * | childPersonalCosts: per age band, utan lunch, part month | the same; SOSFS 2013:1 (växelvis boende) | the same |
 * | commonHouseholdCosts: gemensamma by size, above 7 persons | förordningen 2 kap. 1 § | förordningen 12 kap. 2–3 §§ |
 * | separateNorms: a member who is their own case | förordningen 2 kap. 1 § (not a sambo) | förordningen 12 kap. 3 § |
 * | normTotal | 4 kap. 3 § första st. 1 | 12 kap. 7 § första st. 1 |
 *
 * Riksnormen: personliga kostnader for every member plus gemensamma hushållskostnader by household
 * size (4 kap. 3 § första stycket 1 SoL (2001:453) / 12 kap. 7 § SoL (2025:400); amounts in
 * socialtjänstförordningen (2001:937) 2 kap. 1 §).
 *
 * - Sambor take the joint "sambor" amount (shown half each); a single applicant the ensamstående amount.
 * - Children by age band on the age date (rules/municipal: first day of the month by default, so a
 *   new band applies from the month after the birthday month); the "utan lunch" amount for a child
 *   0–6 who eats lunch at förskola.
 * - A child who lives here part of the month (daysInHousehold) gets the personal amount × days ÷ days
 *   in the month (SOSFS 2013:1), rounded half-up to öre; how the child counts for household size is a
 *   municipal setting (full member, or the step in gemensamma pro-rated by days).
 * - Households above 7 persons: each extra member adds the 7-person amount minus the 6-person amount.
 * - A member who is not part of this family's economy (other-adult; a youth 18–20 not in school; a
 *   "child" over 20) is their own case: ensamstående + an equal share of the gemensamma, reported
 *   separately and not included in this household's norm.
 */
import { legal, needInformation, type Context } from '../context.ts';
import type { MessageArgs } from '../trace/messages.ts';
import type { Member } from '../household/types.ts';
import { allocate, formatKronor, multiplyRatioHalfUp, ore, parseKronor, subtract, sum, ZERO, type Ore } from '../money/index.ts';
import { ageOn } from '../period/index.ts';
import type { ChildBand, Param } from '../rulebook/types.ts';
import { traceParam } from '../trace/index.ts';

export type OwnCaseReason = 'OTHER_ADULT' | 'YOUTH_NOT_IN_SCHOOL' | 'CHILD_OVER_20';

export interface MemberAssessment {
  readonly member: Member;
  readonly age: number;
  readonly kind: 'applicant' | 'partner' | 'child' | 'own-case';
  readonly band: ChildBand | null;
  readonly ownCaseReason: OwnCaseReason | null;
  /** Under 18, or 18–20 and in school (or not yet known): the barnkonsekvens section covers them. */
  readonly isChild: boolean;
  /** Days this month the member lives here (full month for everyone but part-time children). */
  readonly days: number;
  /** Personal norm amount for the month after pro-rating (0 for own-case members); set once by computeNorm. */
  personal: Ore;
}

export interface NormMember {
  readonly memberId: string;
  readonly amount: Ore;
  readonly rule: string;
}

export interface SeparateNorm {
  readonly memberId: string;
  readonly reason: OwnCaseReason;
  readonly personal: Ore;
  readonly commonShare: Ore;
  readonly amount: Ore;
}

export interface NormResult {
  readonly members: readonly NormMember[];
  /** This household's part of the gemensamma hushållskostnader. */
  readonly common: Ore;
  /** The gemensamma hushållskostnader for the whole household size, before own-case shares. */
  readonly commonFull: Ore;
  readonly householdSize: number;
  readonly total: Ore;
  readonly separate: readonly SeparateNorm[];
  readonly assessments: ReadonlyMap<string, MemberAssessment>;
  readonly hasEstimates: boolean;
  /** True when a fact the norm depends on is missing (see ctx.needsInformation). */
  readonly incomplete: boolean;
}

const amountOf = (p: Param): Ore => {
  const value = parseKronor(p.value);
  if (value === null) throw new Error(`[norm] parameter ${p.id} is not an amount`); // checked at load
  return value;
};

function bandFor(bands: readonly ChildBand[], age: number): ChildBand | null {
  return bands.find((b) => age >= b.minAge && age <= b.maxAge) ?? null;
}

/** Gemensamma hushållskostnader for n persons, with the SFS rule above 7 persons. */
function commonForSize(ctx: Context, n: number): { amount: Ore; params: Param[] } {
  const table = ctx.rules.riksnorm.common;
  if (n <= 7) {
    const p = table[n - 1]!;
    return { amount: amountOf(p), params: [p] };
  }
  const six = table[5]!;
  const seven = table[6]!;
  const step = subtract(amountOf(seven), amountOf(six));
  return { amount: ore(amountOf(seven) + (n - 7) * step), params: [seven, six] };
}

/** Notes an estimated parameter (the decision says the norm rests on an estimate) and returns it. */
function used<T extends Param>(estimates: Set<string>, p: T): T {
  if (p.status === 'estimate') estimates.add(p.id);
  return p;
}

/** The state the norm steps share: the result so far and the parameters with status estimate. */
interface NormState {
  readonly estimates: Set<string>;
  readonly assessments: Map<string, MemberAssessment>;
  readonly members: NormMember[];
  incomplete: boolean;
}

/**
 * Step 1 — who is who this month (4 kap. 1 § SoL (2001:453) / 12 kap. 1 § SoL (2025:400); SOSFS 2013:1
 * "Medlemmar i hushållet"): applicant and partner, children by age band, and members who are their own
 * case (another adult, a youth 18–20 not in school, a "child" over 20). A youth 18–20 whose schooling is
 * not given is a blocking gap.
 */
function assessMembers(ctx: Context, state: NormState): void {
  const { household, rules } = ctx;
  const dim = ctx.daysInMonth;
  const assessments = state.assessments;
  for (const m of household.members) {
    const age = Math.max(0, ageOn(m.birthDate, ctx.ageDate));
    if (m.role === 'applicant' || m.role === 'partner') {
      assessments.set(m.id, { member: m, age, kind: m.role, band: null, ownCaseReason: null, isChild: false, days: dim, personal: ZERO });
      continue;
    }
    if (m.role === 'other-adult') {
      assessments.set(m.id, { member: m, age, kind: 'own-case', band: null, ownCaseReason: 'OTHER_ADULT', isChild: false, days: dim, personal: ZERO });
      continue;
    }
    const days = m.daysInHousehold ?? dim;
    const band = bandFor(rules.riksnorm.children, age);
    if (band === null) {
      assessments.set(m.id, { member: m, age, kind: 'own-case', band: null, ownCaseReason: 'CHILD_OVER_20', isChild: false, days, personal: ZERO });
      continue;
    }
    if (age >= 18) {
      if (m.inSchool === false) {
        assessments.set(m.id, { member: m, age, kind: 'own-case', band: null, ownCaseReason: 'YOUTH_NOT_IN_SCHOOL', isChild: false, days, personal: ZERO });
        continue;
      }
      if (m.inSchool === null) {
        state.incomplete = true;
        needInformation(ctx, {
          code: 'SCHOOL_STATUS_UNKNOWN',
          field: `members[${m.index}].inSchool`,
          blocking: true,
          legalRef: legal(ctx, 'householdMembers').ref,
          key: 'needs.schoolStatus',
          args: { memberId: m.id, age },
        });
      }
    }
    assessments.set(m.id, { member: m, age, kind: 'child', band, ownCaseReason: null, isChild: true, days, personal: ZERO });
  }
}

/**
 * Step 2 — the adults' personliga kostnader (4 kap. 3 § första stycket 1 SoL (2001:453) / 12 kap. 7 §
 * första stycket 1 SoL (2025:400); amounts in socialtjänstförordningen (2001:937) 2 kap. 1 § /
 * (2025:468) 12 kap. 2 §): the joint sambo amount, shown half each, or the ensamstående amount.
 */
function adultPersonalCosts(ctx: Context, state: NormState): void {
  const { household, rules } = ctx;
  const rn = rules.riksnorm;
  const applicant = household.members.find((m) => m.role === 'applicant')!;
  const partner = household.members.find((m) => m.role === 'partner');
  if (partner !== undefined) {
    const joint = used(state.estimates, rn.cohabiting);
    const [first, second] = allocate(amountOf(joint), [1, 1]) as [Ore, Ore];
    for (const [m, amount] of [[applicant, first], [partner, second]] as const) {
      adultAmount(ctx, state, m, joint, amount, 'norm.cohabiting', { memberId: m.id, joint: joint.value, amount: formatKronor(amount) });
    }
    return;
  }
  const single = used(state.estimates, rn.single);
  const amount = amountOf(single);
  adultAmount(ctx, state, applicant, single, amount, 'norm.single', { memberId: applicant.id, amount: formatKronor(amount) });
}

/** One adult's personal amount and its trace step. */
function adultAmount(ctx: Context, state: NormState, m: Member, p: Param, amount: Ore, key: 'norm.single' | 'norm.cohabiting', args: MessageArgs): void {
  state.members.push({ memberId: m.id, amount, rule: p.id });
  state.assessments.get(m.id)!.personal = amount;
  if (ctx.trace.enabled) ctx.trace.add({
    step: 'norm.member',
    rule: p.id,
    legalRef: legal(ctx, 'riksnorm').ref,
    params: [traceParam(p)],
    inputs: { memberId: m.id, role: m.role, age: state.assessments.get(m.id)!.age },
    result: formatKronor(amount),
    key,
    args,
  });
}

/**
 * Step 3 — the children's personliga kostnader by age band (the same paragraphs as step 2): the "utan
 * lunch fem dagar per vecka" amount for a child 0–6 who eats lunch at förskola, and personal costs ×
 * days ÷ days in the month for a child who lives here part of the month (SOSFS 2013:1, växelvis boende),
 * rounded half-up to öre.
 */
function childPersonalCosts(ctx: Context, state: NormState): void {
  const { household, trace } = ctx;
  const dim = ctx.daysInMonth;
  for (const m of household.members) {
    const a = state.assessments.get(m.id)!;
    if (a.kind !== 'child' || a.band === null) continue;
    const useWithoutLunch = m.lunchOutsideHome && a.band.withoutLunch !== null;
    if (m.lunchOutsideHome && a.band.withoutLunch === null) {
      ctx.warnings.push({
        path: `members[${m.index}].lunchOutsideHome`,
        code: 'LUNCH_NOT_APPLICABLE',
        message: `the "utan lunch" amount exists only for ages 0–6; ${m.id} is ${a.age} and the norm already assumes school lunch`,
      });
    }
    const p = used(state.estimates, useWithoutLunch ? a.band.withoutLunch! : a.band.withLunch);
    const full = amountOf(p);
    const amount = a.days >= dim ? full : multiplyRatioHalfUp(full, a.days, dim);
    state.members.push({ memberId: m.id, amount, rule: p.id });
    a.personal = amount;
    if (trace.enabled) trace.add({
      step: 'norm.member',
      rule: p.id,
      legalRef: legal(ctx, 'riksnorm').ref,
      params: [traceParam(p)],
      inputs: {
        memberId: m.id,
        birthDate: m.birthDate,
        ageDate: ctx.ageDate,
        age: a.age,
        band: a.band.band,
        lunchOutsideHome: m.lunchOutsideHome,
        daysInHousehold: a.days,
        daysInMonth: dim,
      },
      result: formatKronor(amount),
      key: a.days >= dim ? (useWithoutLunch ? 'norm.childWithoutLunch' : 'norm.child') : 'norm.childPartMonth',
      args: { memberId: m.id, age: a.age, band: a.band.band, full: formatKronor(full), amount: formatKronor(amount), days: a.days, daysInMonth: dim },
    });
  }
}

interface CommonCosts {
  readonly present: readonly MemberAssessment[];
  readonly householdSize: number;
  readonly commonFull: Ore;
  readonly params: readonly Param[];
}

/**
 * Step 4 — household size and gemensamma hushållskostnader (socialtjänstförordningen (2001:937)
 * 2 kap. 1 § / (2025:468) 12 kap. 2 §; above 7 persons 12 kap. 3 §): every member present this month
 * counts; a part-month child counts in full or pro-rates the size step, as the municipality sets it.
 */
function commonHouseholdCosts(ctx: Context, state: NormState): CommonCosts {
  const { rules, trace } = ctx;
  const dim = ctx.daysInMonth;
  const present = [...state.assessments.values()].filter((a) => a.days > 0);
  const partTime = present.filter((a) => a.kind === 'child' && a.days < dim);
  const householdSize = present.length;
  const policy = rules.municipal.partMonthChildHouseholdSize;
  let commonFull: Ore;
  const commonParams: Param[] = [];
  if (policy.value === 'pro-rated' && partTime.length > 0) {
    const base = householdSize - partTime.length;
    const baseCommon = commonForSize(ctx, base);
    commonParams.push(...baseCommon.params);
    let amount = baseCommon.amount;
    const ordered = [...partTime].sort((x, y) => y.days - x.days || x.member.index - y.member.index);
    ordered.forEach((child, i) => {
      const upper = commonForSize(ctx, base + i + 1);
      const lower = commonForSize(ctx, base + i);
      commonParams.push(...upper.params);
      amount = ore(amount + multiplyRatioHalfUp(subtract(upper.amount, lower.amount), child.days, dim));
    });
    commonFull = amount;
  } else {
    const c = commonForSize(ctx, householdSize);
    commonParams.push(...c.params);
    commonFull = c.amount;
  }
  const params = [...new Map(commonParams.map((p) => [p.id, used(state.estimates, p)])).values()];
  if (trace.enabled) trace.add({
    step: 'norm.householdSize',
    rule: policy.id,
    legalRef: legal(ctx, 'householdMembers').ref,
    params: [traceParam(policy)],
    inputs: { members: present.map((a) => a.member.id), partMonthChildren: partTime.map((a) => a.member.id) },
    result: householdSize,
    key: 'norm.householdSize',
    args: { size: householdSize, partTime: partTime.length, policy: policy.value },
  });
  if (trace.enabled) trace.add({
    step: 'norm.common',
    rule: params[0]!.id,
    legalRef: legal(ctx, 'riksnorm').ref,
    params: params.map(traceParam),
    inputs: { householdSize, policy: policy.value },
    result: formatKronor(commonFull),
    key: householdSize > 7 ? 'norm.commonAboveSeven' : 'norm.common',
    args: { size: householdSize, amount: formatKronor(commonFull) },
  });
  return { present, householdSize, commonFull, params };
}

/**
 * Step 5 — members who are their own case (socialtjänstförordningen (2001:937) 2 kap. 1 § / (2025:468)
 * 12 kap. 3 §: an adult who is not a sambo): ensamstående + the gemensamma ÷ the household size, reported
 * separately; returns this household's part of the gemensamma.
 */
function separateNorms(ctx: Context, state: NormState, common: CommonCosts, separate: SeparateNorm[]): Ore {
  const { rules, trace } = ctx;
  const { commonFull, householdSize } = common;
  for (const a of common.present) {
    if (a.kind !== 'own-case' || a.ownCaseReason === null) continue;
    const single = used(state.estimates, rules.riksnorm.single);
    const personal = amountOf(single);
    const commonShare = multiplyRatioHalfUp(commonFull, 1, householdSize);
    const amount = ore(personal + commonShare);
    separate.push({ memberId: a.member.id, reason: a.ownCaseReason, personal, commonShare, amount });
    if (trace.enabled) trace.add({
      step: 'norm.separate',
      rule: single.id,
      legalRef: legal(ctx, 'riksnorm').ref,
      params: [traceParam(single), ...common.params.map(traceParam)],
      inputs: { memberId: a.member.id, reason: a.ownCaseReason, age: a.age, householdSize },
      result: formatKronor(amount),
      key: 'norm.separate',
      args: { memberId: a.member.id, reason: a.ownCaseReason, common: formatKronor(commonFull), size: householdSize, share: formatKronor(commonShare), personal: formatKronor(personal), amount: formatKronor(amount) },
    });
  }
  const ownPart = subtract(commonFull, sum(separate.map((s) => s.commonShare)));
  if (separate.length > 0) {
    if (trace.enabled) trace.add({
      step: 'norm.commonShare',
      rule: 'norm/common-share',
      legalRef: legal(ctx, 'riksnorm').ref,
      inputs: { common: formatKronor(commonFull), separateMembers: separate.map((s) => s.memberId) },
      result: formatKronor(ownPart),
      key: 'norm.commonShare',
      args: { common: formatKronor(commonFull), others: separate.length, amount: formatKronor(ownPart) },
    });
  }
  return ownPart;
}

/** Step 6 — the norm: the members' personliga kostnader + this household's gemensamma (12 kap. 7 § första stycket 1 SoL (2025:400)). */
function normTotal(ctx: Context, members: readonly NormMember[], common: Ore): Ore {
  const { rules, trace } = ctx;
  const rn = rules.riksnorm;
  const total = ore(sum(members.map((m) => m.amount)) + common);
  if (trace.enabled) trace.add({
    step: 'norm.total',
    rule: rn.id,
    legalRef: legal(ctx, 'riksnorm').ref,
    inputs: { members: formatKronor(sum(members.map((m) => m.amount))), common: formatKronor(common), table: rn.file },
    result: formatKronor(total),
    key: 'norm.total',
    args: { personal: formatKronor(sum(members.map((m) => m.amount))), common: formatKronor(common), amount: formatKronor(total), title: rn.title },
  });
  return total;
}

/** The riksnorm for the household and month: steps 1–6 above, in that order. */
export function computeNorm(ctx: Context): NormResult {
  const state: NormState = { estimates: new Set<string>(), assessments: new Map<string, MemberAssessment>(), members: [], incomplete: false };
  assessMembers(ctx, state);
  adultPersonalCosts(ctx, state);
  childPersonalCosts(ctx, state);
  const commonCosts = commonHouseholdCosts(ctx, state);
  const separate: SeparateNorm[] = [];
  const common = separateNorms(ctx, state, commonCosts, separate);
  const total = normTotal(ctx, state.members, common);
  return {
    members: state.members,
    common,
    commonFull: commonCosts.commonFull,
    householdSize: commonCosts.householdSize,
    total,
    separate,
    assessments: state.assessments,
    hasEstimates: state.estimates.size > 0,
    incomplete: state.incomplete,
  };
}
