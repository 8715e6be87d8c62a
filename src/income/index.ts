/**
 * Inkomster: all the household's income for the month is counted krona for krona (4 kap. 1 § SoL
 * (2001:453): needs that can be met in another way), except:
 *
 * - hemmavarande barns and skolungdomars (under 21) own earnings, not counted up to one
 *   prisbasbelopp per calendar year (4 kap. 1 a §; ½ prisbasbelopp before 2013-07-01);
 * - jobbstimulans: after 6 consecutive months of försörjningsstöd, 25 % of the adults' employment
 *   income is not counted, for 24 months; then 6 new consecutive months are needed (4 kap. 1 b §);
 * - a child's own means (barnpension, underhåll …) are counted only up to the child's own norm;
 * - income of a member who is their own case (other-adult) belongs to that case.
 *
 * An income whose amount is not known is not zero: the proposal needs it.
 */
import { legal, needInformation, type Context } from '../context.ts';
import type { MessageArgs, MessageKey } from '../explain/messages.ts';
import { formatKronor, max, min, multiplyRatioHalfUp, parseKronor, subtract, sum, ZERO, type Ore } from '../money/index.ts';
import type { MemberAssessment } from '../norm/index.ts';
import { addMonths, formatPeriod, monthsBetween } from '../period/index.ts';
import type { Income } from '../household/types.ts';
import { traceParam, type Trace, type TraceParam } from '../trace/index.ts';

export type IncomeCode =
  | 'COUNTED'
  | 'JOBBSTIMULANS'
  | 'CHILD_EARNINGS_EXEMPT'
  | 'CHILD_MEANS_ABOVE_NORM'
  | 'OWN_CASE_INCOME'
  | 'AMOUNT_MISSING';

export interface IncomeItem {
  readonly index: number;
  readonly memberId: string;
  readonly type: string;
  readonly amount: Ore | null;
  readonly counted: Ore | null;
  readonly code: IncomeCode;
  readonly legalRef: string;
  readonly message: { readonly key: MessageKey; readonly args: MessageArgs };
  readonly reason: string;
}

export interface IncomeResult {
  readonly items: readonly IncomeItem[];
  readonly total: Ore;
  readonly counted: Ore;
  readonly incomplete: boolean;
  /** Employment income of applicant and partner (a fact for the flag conditions). */
  readonly adultEmploymentIncome: Ore;
  readonly childAllowanceReported: Ore;
  /** null when it cannot be told from the data. */
  readonly jobbstimulansApplies: boolean | null;
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
): void {
  args['label'] = label;
  args['memberId'] = income.memberId;
  args['ref'] = ref;
  // The step and the Swedish text only when the trace is kept; the message (key and arguments) always.
  const message = { key, args };
  const reason = trace.enabled ? trace.explain({
    step: 'income.item',
    rule: `income-types#${income.type}`,
    legalRef: ref,
    params,
    inputs: {
      index: income.index,
      memberId: income.memberId,
      type: income.type,
      amount: income.amount === null ? null : formatKronor(income.amount),
      yearToDate: income.yearToDate === null ? null : formatKronor(income.yearToDate),
    },
    result: counted === null ? null : formatKronor(counted),
    key,
    args,
  }).reason : '';
  items.push({ index: income.index, memberId: income.memberId, type: income.type, amount: income.amount, counted, code, legalRef: ref, message, reason });
}

export function computeIncome(ctx: Context, assessments: ReadonlyMap<string, MemberAssessment>): IncomeResult {
  const { household, rules, trace } = ctx;
  let incomplete = false;
  const items: IncomeItem[] = [];

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
  const ownMeansLeft = new Map<string, Ore>();

  for (const income of household.incomes) {
    const def = rules.incomeTypes[income.type]!;
    const who = assessments.get(income.memberId)!;
    const label = def.labelSv;

    const ownRef = legal(ctx, 'ownMeans').ref;
    if (income.amount === null) {
      incomplete = true;
      needInformation(ctx, { code: 'INCOME_AMOUNT_MISSING', field: `incomes[${income.index}].amount`, blocking: true, legalRef: ownRef, key: 'needs.incomeAmount', args: { label, memberId: income.memberId } });
      pushIncome(trace, items, income, label, null, 'AMOUNT_MISSING', ownRef, 'income.amountMissing', {});
      continue;
    }
    const amount = income.amount;

    if (who.kind === 'own-case') {
      pushIncome(trace, items, income, label, ZERO, 'OWN_CASE_INCOME', legal(ctx, 'householdMembers').ref, 'income.ownCase', { amount: formatKronor(amount) });
      continue;
    }

    if (who.kind === 'child' && def.employment && ce !== null && childLimit !== null && ce.incomeTypes.includes(income.type)) {
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
      const left = max(ZERO, subtract(childLimit, earlier));
      const exempt = min(amount, left);
      const counted = subtract(amount, exempt);
      pushIncome(trace, items, income, label, counted, 'CHILD_EARNINGS_EXEMPT', childEarningsRef, counted === ZERO ? 'income.childEarningsExempt' : 'income.childEarningsAboveLimit', {
        amount: formatKronor(amount),
        limit: formatKronor(childLimit),
        earlier: formatKronor(earlier),
        earlierKnown: income.yearToDate === null ? 'no' : 'yes',
        exempt: formatKronor(exempt),
        counted: formatKronor(counted),
        year: household.period.year,
      }, [traceParam(rules.prisbasbelopp), traceParam(ce.limitShareOfPrisbasbelopp)]);
      continue;
    }

    if (who.kind === 'child' && def.childOwnMeans) {
      const left = ownMeansLeft.get(who.member.id) ?? who.personal;
      const counted = min(amount, left);
      ownMeansLeft.set(who.member.id, subtract(left, counted));
      if (counted < amount) {
        pushIncome(trace, items, income, label, counted, 'CHILD_MEANS_ABOVE_NORM', ownRef, 'income.childMeansAboveNorm', { amount: formatKronor(amount), norm: formatKronor(who.personal), counted: formatKronor(counted) });
      } else {
        pushIncome(trace, items, income, label, counted, 'COUNTED', ownRef, 'income.childMeansCounted', { amount: formatKronor(amount), norm: formatKronor(who.personal) });
      }
      continue;
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
      }, [traceParam(rules.jobbstimulans.disregardedShare)]);
      continue;
    }

    pushIncome(trace, items, income, label, amount, 'COUNTED', ownRef, 'income.counted', { amount: formatKronor(amount) });
  }

  const known = items.filter((i) => i.amount !== null && i.counted !== null);
  const total = sum(known.map((i) => i.amount!));
  const counted = sum(known.map((i) => i.counted!));
  if (trace.enabled) trace.add({
    step: 'income.total',
    rule: 'income/counted-total',
    legalRef: legal(ctx, 'ownMeans').ref,
    inputs: { items: known.length, total: formatKronor(total) },
    result: formatKronor(counted),
    key: 'income.total',
    args: { total: formatKronor(total), counted: formatKronor(counted), notCounted: formatKronor(subtract(total, counted)) },
  });

  const adultEmploymentIncome = sum(
    known
      .filter((i) => {
        const kind = assessments.get(i.memberId)?.kind;
        return (kind === 'applicant' || kind === 'partner') && rules.incomeTypes[i.type]?.employment === true;
      })
      .map((i) => i.amount!),
  );
  const childAllowanceReported = sum(known.filter((i) => i.type === 'child-allowance').map((i) => i.amount!));
  return { items, total, counted, incomplete, adultEmploymentIncome, childAllowanceReported, jobbstimulansApplies: js.applies };
}
