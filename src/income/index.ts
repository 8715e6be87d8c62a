/**
 * Inkomster: all the household's income for the month is counted krona for krona (4 kap. 1 § SoL
 * (2001:453) / 12 kap. 1 § SoL (2025:400): what the household can itself meet its needs with), except:
 *
 * - a child's income (a school youth 18–20 included), whatever its kind — wages, study allowance,
 *   maintenance support, pension — covers only the child's own needs: after its exemption it counts at
 *   most up to the child's own share (the child's norm + an equal share of the gemensamma and of the
 *   accepted housing cost + the child's own costs; shares/index.ts). A child has no duty to maintain a
 *   parent.
 * - hemmavarande barns and skolungdomars (under 21) own earnings are not counted up to one
 *   prisbasbelopp per calendar year (4 kap. 1 a § / 12 kap. 9 §; ½ prisbasbelopp before 2013-07-01);
 *   above it they "får" be counted: a municipal policy (childEarningsAboveLimit, default count), and
 *   the flag CHILD_EARNINGS_ABOVE_LIMIT asks a person to judge it;
 * - jobbstimulans: after 6 consecutive months of försörjningsstöd, 25 % of the adults' employment
 *   income is not counted, for 24 months; then 6 new consecutive months are needed (4 kap. 1 b § / 12 kap. 8 §);
 * - income of a member who is their own case (other-adult) belongs to that case.
 *
 * An income whose amount is not known is not zero: the proposal needs it.
 */
import { assessAgencyIncome, type CountedPayment } from '../agency/index.ts';
import { legal, needInformation, type Context } from '../context.ts';
import type { Flag, RegisteredPaymentOut } from '../output/types.ts';
import type { ChangeThreshold } from '../rulebook/types.ts';
import type { Message, MessageArgs, MessageKey } from '../trace/messages.ts';
import { add, formatKronor, max, min, multiplyRatioHalfUp, parseKronor, subtract, ZERO, type Ore } from '../money/index.ts';
import type { MemberAssessment } from '../norm/index.ts';
import { addMonths, formatPeriod, monthsBetween } from '../period/index.ts';
import type { Income } from '../household/types.ts';
import { traceParam, type Trace, type TraceParam } from '../trace/index.ts';

export type IncomeCode =
  | 'COUNTED'
  | 'JOBBSTIMULANS'
  | 'CHILD_EARNINGS_EXEMPT'
  | 'CHILD_INCOME_CAPPED'
  | 'OWN_CASE_INCOME'
  | 'AMOUNT_MISSING'
  | 'REPLACED_BY_REGISTERED';

/** Where an agency income line came from (the registered payment and the rule row that classified it). */
export interface AgencyItemSource {
  readonly agency: string;
  readonly benefit: string;
  readonly subBenefit: string | null;
  readonly amountType: string | null;
  readonly ref: string | null;
  readonly paidOn: string | null;
  readonly periodFrom: string | null;
  readonly periodTo: string | null;
  readonly classification: string;
  readonly changeThreshold: ChangeThreshold;
}

export interface IncomeItem {
  readonly index: number;
  readonly memberId: string;
  readonly type: string;
  readonly amount: Ore | null;
  readonly counted: Ore | null;
  readonly code: IncomeCode;
  readonly legalRef: string;
  readonly message: Message;
  /** "application" or "agency:<agency>". */
  readonly source: string;
  readonly agency: AgencyItemSource | null;
}

export interface IncomeResult {
  readonly items: readonly IncomeItem[];
  readonly total: Ore;
  readonly counted: Ore;
  readonly incomplete: boolean;
  /** Employment income of applicant and partner (a fact for the flag conditions). */
  readonly adultEmploymentIncome: Ore;
  readonly childAllowanceReported: Ore;
  /** What the children's own incomes add to the counted income (each within the child's own share). */
  readonly childIncomeCounted: Ore;
  /** Of that, earnings above the year's limit that the nämnd "får" count (12 kap. 9 § tredje stycket). */
  readonly childEarningsCountedAboveLimit: Ore;
  /** null when it cannot be told from the data. */
  readonly jobbstimulansApplies: boolean | null;
  /** Every registered payment and what was done with it. */
  readonly registered: readonly RegisteredPaymentOut[];
  /** Flags raised by the agency data (answers, unknown benefits, earlier month, declared vs registered). */
  readonly agencyFlags: readonly Flag[];
}

interface JobbstimulansStatus {
  readonly applies: boolean | null;
  readonly key: MessageKey;
  readonly args: MessageArgs;
}

function jobbstimulansStatus(ctx: Context): JobbstimulansStatus {
  const rule = ctx.rules.jobbstimulans;
  const { period, circumstances } = ctx.household;
  if (rule === null) return { applies: false, key: 'income.jobbstimulansNotInForce', args: {} };
  const q = rule.qualifyingConsecutiveMonths.value;
  const d = rule.durationMonths.value;
  if (circumstances.jobbstimulansStart !== null) {
    const offset = monthsBetween(period, circumstances.jobbstimulansStart);
    const applies = offset >= 0 && offset < d;
    return {
      applies,
      key: applies ? 'income.jobbstimulansWindow' : 'income.jobbstimulansOutsideWindow',
      args: { start: formatPeriod(circumstances.jobbstimulansStart), end: formatPeriod(addMonths(circumstances.jobbstimulansStart, d - 1)), duration: d },
    };
  }
  const m = circumstances.consecutiveMonthsOnAssistance;
  if (m === null) return { applies: null, key: 'income.jobbstimulansUnknown', args: { qualifying: q } };
  if (m < q) return { applies: false, key: 'income.jobbstimulansNotYet', args: { months: m, qualifying: q } };
  const inWindow = (m - q) % (q + d) < d;
  return {
    applies: inWindow,
    key: inWindow ? 'income.jobbstimulansQualified' : 'income.jobbstimulansPause',
    args: { months: m, qualifying: q, duration: d },
  };
}

/** The inputs an income line's trace step shows: the declared line, or the agency payment it came from. */
function itemInputs(income: Income, from: CountedPayment | null): Record<string, string | number | null> {
  if (from === null) {
    return {
      index: income.index,
      memberId: income.memberId,
      type: income.type,
      amount: income.amount === null ? null : formatKronor(income.amount),
      yearToDate: income.yearToDate === null ? null : formatKronor(income.yearToDate),
    };
  }
  const r = from.payment;
  return { registeredIncome: r.index, memberId: r.memberId, agency: r.agency, benefit: r.benefit, type: income.type, net: formatKronor(r.net), paidOn: r.paidOn, periodFrom: r.periodFrom, periodTo: r.periodTo, ref: r.ref, month: from.placement.month };
}

/** Records one income line and its trace step, so the line and the step always say the same. */
function pushIncome(
  trace: Trace,
  items: IncomeItem[],
  income: Income,
  label: string,
  counted: Ore | null,
  code: IncomeCode,
  ref: string,
  key: MessageKey,
  args: Record<string, string | number>,
  params: TraceParam[] = [],
  from: CountedPayment | null = null,
): void {
  args['label'] = label;
  args['memberId'] = income.memberId;
  args['ref'] = ref;
  let agency: AgencyItemSource | null = null;
  if (from !== null) {
    // An agency payment: the text says where it came from, the step cites the rule row and the dates.
    const r = from.payment;
    agency = { agency: r.agency, benefit: r.benefit, subBenefit: r.subBenefit, amountType: r.amountType, ref: r.ref, paidOn: r.paidOn, periodFrom: r.periodFrom, periodTo: r.periodTo, classification: from.classification, changeThreshold: from.changeThreshold };
    Object.assign(args, { inner: key, agency: r.agency, benefit: r.benefit, sub: r.subBenefit ?? '', date: from.placement.dateUsed, basis: from.placement.basis, paymentRef: r.ref ?? '' });
    key = 'agency.item';
  }
  // The step only when the trace is kept; the message (key and arguments) always.
  const message = { key, args };
  if (trace.enabled) trace.add({
    step: 'income.item',
    rule: from === null ? `income-types#${income.type}` : `agency-income-map#${from.classification}`,
    legalRef: ref,
    params,
    inputs: itemInputs(income, from),
    result: counted === null ? null : formatKronor(counted),
    key,
    args,
  });
  items.push({ index: income.index, memberId: income.memberId, type: income.type, amount: income.amount, counted, code, legalRef: ref, message, source: from === null ? 'application' : `agency:${from.payment.agency}`, agency });
}

/** What one calculation's income lines share: the steps below read and update it. */
interface IncomeEnv {
  readonly ctx: Context;
  readonly assessments: ReadonlyMap<string, MemberAssessment>;
  readonly items: IncomeItem[];
  readonly js: JobbstimulansStatus;
  readonly jsRef: string;
  readonly childLimit: Ore | null;
  readonly childEarningsRef: string;
  /** Each child's own share (shares/index.ts), and what is left of it after the child's incomes counted so far. */
  readonly childShare: (memberId: string) => Ore;
  readonly childShareLeft: Map<string, Ore>;
  readonly replaced: ReadonlyMap<number, readonly string[]>;
  incomplete: boolean;
  childIncomeCounted: Ore;
  childEarningsCountedAboveLimit: Ore;
}

/**
 * A child's income (12 kap. 1 § and 9 § SoL (2025:400)): the earnings exemption first, then at most the
 * child's own share — one rule for every kind of income.
 */
function countChildIncome(env: IncomeEnv, income: Income, from: CountedPayment | null, who: MemberAssessment, amount: Ore, label: string): void {
  const { ctx, items, childLimit, childEarningsRef } = env;
  const { household, rules, trace } = ctx;
  const ce = rules.childrenEarnings;
  const def = rules.incomeTypes[income.type]!;
  const id = who.member.id;
  const share = env.childShare(id);
  const shareLeft = env.childShareLeft.get(id) ?? share;
  const args: Record<string, string | number> = { amount: formatKronor(amount), share: formatKronor(share) };
  const params: TraceParam[] = [];
  let countable = amount;
  let aboveLimit = ZERO;
  const earnings = def.employment && ce !== null && childLimit !== null && ce.incomeTypes.includes(income.type);
  if (earnings) {
    const earlier = income.yearToDate ?? ZERO;
    if (income.yearToDate === null) {
      needInformation(ctx, {
        code: 'CHILD_EARNINGS_YEAR_TO_DATE_UNKNOWN',
        field: `incomes[${income.index}].yearToDate`,
        blocking: false,
        legalRef: childEarningsRef,
        key: 'needs.childEarningsYearToDate',
        args: { memberId: income.memberId, limit: formatKronor(childLimit) },
      });
    }
    const exempt = min(amount, max(ZERO, subtract(childLimit, earlier)));
    aboveLimit = subtract(amount, exempt);
    const policy = rules.municipal.childEarningsAboveLimit;
    countable = policy.value === 'count' ? aboveLimit : ZERO;
    Object.assign(args, {
      limit: formatKronor(childLimit),
      earlier: formatKronor(earlier),
      earlierKnown: income.yearToDate === null ? 'no' : 'yes',
      exempt: formatKronor(exempt),
      aboveLimit: formatKronor(aboveLimit),
      policy: policy.value,
      year: household.period.year,
    });
    params.push(traceParam(rules.prisbasbelopp), traceParam(ce.limitShareOfPrisbasbelopp), traceParam(policy));
  }
  const counted = min(countable, shareLeft);
  env.childShareLeft.set(id, subtract(shareLeft, counted));
  env.childIncomeCounted = add(env.childIncomeCounted, counted);
  if (earnings) env.childEarningsCountedAboveLimit = add(env.childEarningsCountedAboveLimit, counted);
  Object.assign(args, { shareLeft: formatKronor(shareLeft), counted: formatKronor(counted) });
  const capped = counted < countable;
  const key: MessageKey = earnings
    ? aboveLimit === ZERO ? 'income.childEarningsExempt' : capped ? 'income.childEarningsAboveShare' : 'income.childEarningsAboveLimit'
    : capped ? 'income.childIncomeAboveShare' : 'income.childIncomeCounted';
  const code: IncomeCode = capped ? 'CHILD_INCOME_CAPPED' : earnings ? 'CHILD_EARNINGS_EXEMPT' : 'COUNTED';
  const ref = earnings ? childEarningsRef : legal(ctx, 'childOwnMeans').ref;
  pushIncome(trace, items, income, label, counted, code, ref, key, args, params, from);
}

/** One income line (declared, or a counted agency payment `from`), through the income rules in their order. */
function countIncome(env: IncomeEnv, income: Income, from: CountedPayment | null): void {
  const { ctx, assessments, items, js, jsRef } = env;
  const { rules, trace } = ctx;
  const def = rules.incomeTypes[income.type]!;
  const who = assessments.get(income.memberId)!;
  const label = def.labelSv;

  const ownRef = legal(ctx, 'ownMeans').ref;
  const replacedBy = from === null ? env.replaced.get(income.index) : undefined;
  if (replacedBy !== undefined) {
    // The same income is registered by an agency and counted from there (agency/index.ts reconcile).
    pushIncome(trace, items, income, label, ZERO, 'REPLACED_BY_REGISTERED', legal(ctx, 'agencyData').ref, 'income.replacedByRegistered', { amount: income.amount === null ? '' : formatKronor(income.amount), agency: replacedBy.join(', ') });
    return;
  }
  if (income.amount === null) {
    env.incomplete = true;
    needInformation(ctx, { code: 'INCOME_AMOUNT_MISSING', field: `incomes[${income.index}].amount`, blocking: true, legalRef: ownRef, key: 'needs.incomeAmount', args: { label, memberId: income.memberId } });
    pushIncome(trace, items, income, label, null, 'AMOUNT_MISSING', ownRef, 'income.amountMissing', {}, [], from);
    return;
  }
  const amount = income.amount;

  if (who.kind === 'own-case') {
    pushIncome(trace, items, income, label, ZERO, 'OWN_CASE_INCOME', legal(ctx, 'householdMembers').ref, 'income.ownCase', { amount: formatKronor(amount) }, [], from);
    return;
  }

  if (who.kind === 'child') {
    countChildIncome(env, income, from, who, amount, label);
    return;
  }

  const isAdult = who.kind === 'applicant' || who.kind === 'partner';
  if (isAdult && def.employment && rules.jobbstimulans !== null && rules.jobbstimulans.incomeTypes.includes(income.type) && js.applies === true) {
    const share = rules.jobbstimulans.disregardedShare.value;
    const disregarded = multiplyRatioHalfUp(amount, share.numerator, share.denominator);
    const counted = subtract(amount, disregarded);
    pushIncome(trace, items, income, label, counted, 'JOBBSTIMULANS', jsRef, 'income.jobbstimulans', {
      amount: formatKronor(amount),
      percent: Math.round((share.numerator * 100) / share.denominator),
      disregarded: formatKronor(disregarded),
      counted: formatKronor(counted),
    }, [traceParam(rules.jobbstimulans.disregardedShare)], from);
    return;
  }

  pushIncome(trace, items, income, label, amount, 'COUNTED', ownRef, 'income.counted', { amount: formatKronor(amount) }, [], from);
}

export function computeIncome(ctx: Context, assessments: ReadonlyMap<string, MemberAssessment>, childShare: (memberId: string) => Ore): IncomeResult {
  const { household, rules, trace } = ctx;
  let incomplete = false;
  const items: IncomeItem[] = [];

  const agency = assessAgencyIncome(ctx);
  const js = jobbstimulansStatus(ctx);
  const jsRef = legal(ctx, 'jobbstimulans').ref;
  const employmentIncomeOfAdults = household.incomes.some((i) => {
    const kind = assessments.get(i.memberId)?.kind;
    return (kind === 'applicant' || kind === 'partner') && rules.incomeTypes[i.type]?.employment === true;
  });
  if (employmentIncomeOfAdults) {
    if (trace.enabled) trace.add({
      step: 'income.jobbstimulans',
      rule: rules.jobbstimulans?.id ?? 'jobbstimulans/not-in-force',
      legalRef: jsRef,
      params: rules.jobbstimulans
        ? [traceParam(rules.jobbstimulans.qualifyingConsecutiveMonths), traceParam(rules.jobbstimulans.durationMonths), traceParam(rules.jobbstimulans.disregardedShare)]
        : [],
      inputs: {
        consecutiveMonthsOnAssistance: household.circumstances.consecutiveMonthsOnAssistance,
        jobbstimulansStart: household.circumstances.jobbstimulansStart ? formatPeriod(household.circumstances.jobbstimulansStart) : null,
      },
      result: js.applies,
      key: js.key,
      args: js.args,
    });
  }

  // Children's earnings limit for the calendar year.
  const ce = rules.childrenEarnings;
  const pbb = parseKronor(rules.prisbasbelopp.value)!;
  const childLimit: Ore | null = ce ? multiplyRatioHalfUp(pbb, ce.limitShareOfPrisbasbelopp.value.numerator, ce.limitShareOfPrisbasbelopp.value.denominator) : null;
  const childEarningsRef = legal(ctx, 'childrenEarnings').ref;
  const env: IncomeEnv = {
    ctx, assessments, items, js, jsRef, childLimit, childEarningsRef, childShare, childShareLeft: new Map(), replaced: agency.replaced,
    incomplete: false, childIncomeCounted: ZERO, childEarningsCountedAboveLimit: ZERO,
  };
  for (const income of household.incomes) countIncome(env, income, null);
  for (const from of agency.counted) countIncome(env, from.income, from);
  incomplete = env.incomplete;

  // A declared income replaced by a registered payment is shown, but its amount is not income twice.
  // The totals over the lines with known amounts, in one pass (this runs for every household of a batch).
  let known = 0;
  let total = ZERO;
  let counted = ZERO;
  let adultEmploymentIncome = ZERO;
  let childAllowanceReported = ZERO;
  for (const i of items) {
    if (i.amount === null || i.counted === null || i.code === 'REPLACED_BY_REGISTERED') continue;
    known++;
    total = add(total, i.amount);
    counted = add(counted, i.counted);
    const kind = assessments.get(i.memberId)?.kind;
    if ((kind === 'applicant' || kind === 'partner') && rules.incomeTypes[i.type]?.employment === true) adultEmploymentIncome = add(adultEmploymentIncome, i.amount);
    if (i.type === 'child-allowance') childAllowanceReported = add(childAllowanceReported, i.amount);
  }
  if (trace.enabled) trace.add({
    step: 'income.total',
    rule: 'income/counted-total',
    legalRef: legal(ctx, 'ownMeans').ref,
    inputs: { items: known, total: formatKronor(total) },
    result: formatKronor(counted),
    key: 'income.total',
    args: { total: formatKronor(total), counted: formatKronor(counted), notCounted: formatKronor(subtract(total, counted)) },
  });

  return {
    items, total, counted, incomplete, adultEmploymentIncome, childAllowanceReported,
    childIncomeCounted: env.childIncomeCounted, childEarningsCountedAboveLimit: env.childEarningsCountedAboveLimit,
    jobbstimulansApplies: js.applies, registered: agency.registered, agencyFlags: agency.flags,
  };
}
