/**
 * Agency income data (SSBTEK): the payments the agencies report for the household's members, read
 * under 15 kap. 10–12 §§ SoL (2025:400) / 11 kap. 11–11 b §§ SoL (2001:453) (legal key `agencyData`).
 *
 * Each legal step is its own function, in the order the caseworker would take them:
 * 1. checkAnswers — an agency that did not answer is not zero, and not a reason to withhold aid:
 *    `failed` and `unverifiable` raise AGENCY_ANSWER_MISSING for a person to verify before deciding
 *    (severity assessment: never ready, never decided automatically); the proposal is computed on what
 *    is known (declared and registered data);
 * 2. placePayments (month.ts) — which month each payment belongs to (M−1, fallback M−2);
 * 3. classify — the agency income map row: counted as an income type, excluded with its reason, left
 *    to a person, or unknown (UNHANDLED_INCOME, never a silent count and never a silent zero);
 * 4. reconcile — an income the applicant declared that an agency also reports (same member and income
 *    type) is counted once, from the agency; a different amount is flagged with both amounts.
 * The counted payments then go through the same income rules as declared income (income/index.ts).
 */
import { legal, needInformation, type Context } from '../context.ts';
import type { Flag, RegisteredPaymentOut, RegisteredUse } from '../output/types.ts';
import type { FlagCode } from '../output/codes.ts';
import type { Message, MessageArgs, MessageKey } from '../trace/messages.ts';
import type { Income, RegisteredIncome } from '../household/types.ts';
import { formatKronor, sum, type Ore } from '../money/index.ts';
import { addMonths, formatPeriod } from '../period/index.ts';
import type { AgencyBenefitFamily, AgencyIncomeRow, ChangeThreshold } from '../rulebook/types.ts';
import type { TraceParam } from '../trace/index.ts';
import { classifyRegistered, type MatchedOn } from './map.ts';
import { placePayments, type MonthPolicy, type Placement } from './month.ts';

/** A payment that is counted this month, with what classified it (a row of the map, or a person). */
export interface CountedPayment {
  readonly payment: RegisteredIncome;
  /** The map's row; null when a person counted a payment no row knows. */
  readonly row: AgencyIncomeRow | null;
  /** The row id, or for a payment no row knows the family id or "unknown" (a person classified it). */
  readonly classification: string;
  readonly changeThreshold: ChangeThreshold;
  readonly placement: Placement;
  /** The payment as an income line for the income rules (type = the row's income type, amount = net). */
  readonly income: Income;
}

/** A threshold for a payment no row knows: exact (unknown is not "no change"). */
const EXACT: ChangeThreshold = { kind: 'exact' };

export interface AgencyAssessment {
  /** Counted payments in canonical order (independent of the input order). */
  readonly counted: readonly CountedPayment[];
  /** Every registered payment and what was done with it, in canonical order. */
  readonly registered: readonly RegisteredPaymentOut[];
  /** Declared incomes (by index) replaced by registered payments, with the agencies that reported them. */
  readonly replaced: ReadonlyMap<number, readonly string[]>;
  readonly flags: readonly Flag[];
}

const EMPTY: AgencyAssessment = { counted: [], registered: [], replaced: new Map(), flags: [] };

/** Canonical order: permuting registeredIncomes in the input never changes the decision. */
function compareText(a: string | null, b: string | null): number {
  const x = a ?? '';
  const y = b ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

export function canonicalOrder(a: RegisteredIncome, b: RegisteredIncome): number {
  return (
    compareText(a.memberId, b.memberId) ||
    compareText(a.agency, b.agency) ||
    compareText(a.paidOn ?? a.periodFrom, b.paidOn ?? b.periodFrom) ||
    compareText(a.benefit, b.benefit) ||
    compareText(a.subBenefit, b.subBenefit) ||
    compareText(a.amountType, b.amountType) ||
    a.net - b.net ||
    compareText(a.ref, b.ref) ||
    compareText(a.periodFrom, b.periodFrom) ||
    compareText(a.periodTo, b.periodTo) ||
    (a.gross ?? -1) - (b.gross ?? -1) ||
    (a.tax ?? -1) - (b.tax ?? -1) ||
    compareText(a.days, b.days) ||
    Number(a.preliminary) - Number(b.preliminary)
  );
}

function flag(ctx: Context, code: FlagCode, severity: Flag['severity'], args: MessageArgs, extra: Pick<Flag, 'memberId' | 'agency' | 'benefit' | 'amounts' | 'paymentIndex' | 'blocksLetter'>, key: MessageKey = `flag.${code}` as MessageKey): Flag {
  return { code, severity, legalRef: legal(ctx, 'agencyData').ref, message: { key, args }, ...extra };
}

/**
 * Step 1: an agency that did not answer is never read as "no income", and one technical failure never
 * withholds all aid: the proposal is computed on what is known and a person verifies before deciding.
 */
export function checkAnswers(ctx: Context, flags: Flag[]): void {
  const ref = legal(ctx, 'agencyData').ref;
  for (const a of ctx.household.agencyAnswers) {
    if (ctx.trace.enabled) {
      ctx.trace.add({
        step: 'agency.answer',
        rule: 'agency/answer-status',
        legalRef: ref,
        inputs: { index: a.index, memberId: a.memberId, agency: a.agency, status: a.status },
        result: a.status === 'failed' || a.status === 'unverifiable' ? 'assessment' : 'ok',
        key: `agency.answer.${a.status}`,
        args: { memberId: a.memberId, agency: a.agency },
      });
    }
    if (a.status !== 'failed' && a.status !== 'unverifiable') continue;
    flags.push(flag(ctx, 'AGENCY_ANSWER_MISSING', 'assessment', { memberId: a.memberId, agency: a.agency, status: a.status }, { memberId: a.memberId, agency: a.agency }));
    if (a.status === 'failed') {
      needInformation(ctx, {
        code: 'AGENCY_ANSWER_MISSING',
        field: `agencyAnswers[${a.index}].status`,
        blocking: false,
        legalRef: ref,
        key: 'needs.agencyAnswer',
        args: { memberId: a.memberId, agency: a.agency },
      });
    }
  }
}

function paymentArgs(r: RegisteredIncome, p: Placement, period: string): Record<string, string | number> {
  return {
    memberId: r.memberId,
    agency: r.agency,
    benefit: r.benefit,
    sub: r.subBenefit ?? '',
    net: formatKronor(r.net),
    date: p.dateUsed,
    basis: p.basis,
    month: p.month,
    period,
    m1: formatPeriod(addMonths(ctxPeriod(period), -1)),
    m2: formatPeriod(addMonths(ctxPeriod(period), -2)),
  };
}

function ctxPeriod(period: string): { year: number; month: number } {
  return { year: Number(period.slice(0, 4)), month: Number(period.slice(5, 7)) };
}

function rowParam(row: AgencyIncomeRow): TraceParam {
  return { id: row.id, value: row.action === 'count' ? `count:${row.incomeType}` : row.action, status: row.status, source: row.source.title };
}

/** A registered payment with its amounts as kronor strings: the trace inputs and the start of its output row. */
function paymentFields(r: RegisteredIncome) {
  return {
    index: r.index,
    memberId: r.memberId,
    agency: r.agency,
    benefit: r.benefit,
    subBenefit: r.subBenefit,
    amountType: r.amountType,
    net: formatKronor(r.net),
    gross: r.gross === null ? null : formatKronor(r.gross),
    tax: r.tax === null ? null : formatKronor(r.tax),
    paidOn: r.paidOn,
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    days: r.days,
    preliminary: r.preliminary,
    ref: r.ref,
  };
}

interface Classified {
  readonly payment: RegisteredIncome;
  readonly placement: Placement;
  readonly row: AgencyIncomeRow | null;
  /** The family the payment's benefit is (Försäkringskassan's formansfamilj), or null. */
  readonly family: AgencyBenefitFamily | null;
  readonly matchedOn: MatchedOn | null;
  /** The income type it is counted as (the row's, or the person's), or null when not counted. */
  readonly incomeType: string | null;
  /** What a person would most likely count it as, while nobody has classified it; null otherwise. */
  readonly likelyIncomeType: string | null;
  /** Row id, family id or "unknown". */
  readonly classification: string | null;
  readonly changeThreshold: ChangeThreshold | null;
  /** A person classified it (registeredIncomes[].assessment). */
  readonly byPerson: boolean;
  use: RegisteredUse;
  readonly legalRef: string;
  readonly message: Message;
}

/** Step 2 for one payment: the trace step saying which month it belongs to and whether it counts now. */
function traceMonth(ctx: Context, r: RegisteredIncome, p: Placement, policyParam: TraceParam, args: MessageArgs): void {
  if (!ctx.trace.enabled) return;
  const key: MessageKey = p.fallback ? 'agency.month.fallback' : p.slot === 'M-1' ? 'agency.month.control' : p.slot === 'M-2' ? 'agency.month.superseded' : 'agency.month.outside';
  ctx.trace.add({
    step: 'agency.month',
    rule: 'agency/month-of-payment',
    legalRef: legal(ctx, 'agencyData').ref,
    params: [policyParam],
    inputs: { ...paymentFields(r), dateUsed: p.dateUsed, basis: p.basis, month: p.month, applicationMonth: String(args['period']), countedMonth: String(args['m1']), fallbackMonth: String(args['m2']) },
    result: p.selected ? p.slot : 'not-this-month',
    key,
    args,
  });
}

/**
 * Step 3 for one selected payment: the rule row (for a benefit family, through its förmån), or a
 * person's classification, and what it says. A payment nobody has classified yet — no row knows it,
 * or its row leaves it to a person — is not counted, flagged, and blocks the letter until a person has
 * classified it (registeredIncomes[].assessment).
 */
export function classify(ctx: Context, r: RegisteredIncome, p: Placement, monthArgs: MessageArgs, flags: Flag[]): Classified {
  const map = ctx.rules.agencyIncomeMap!;
  const args: Record<string, string | number> = { ...monthArgs };
  const found = classifyRegistered(map, r.agency, r.benefit, r.subBenefit, r.amountType, r.net);
  const { row, family, matchedOn } = found;
  const agencyRef = legal(ctx, 'agencyData').ref;
  const labelOf = (type: string | null) => (type === null ? '' : (ctx.rules.incomeTypes[type]?.labelSv ?? type));
  const registered = { memberId: r.memberId, agency: r.agency, benefit: r.benefit, paymentIndex: r.index };
  let use: RegisteredUse;
  let key: MessageKey;
  let legalRef = agencyRef;
  let incomeType: string | null = null;
  let likelyIncomeType: string | null = null;
  const classification = row?.id ?? family?.id ?? (r.assessment !== null ? 'unknown' : null);
  const changeThreshold = row?.changeThreshold ?? family?.changeThreshold ?? (r.assessment !== null ? EXACT : null);
  // The same argument names on every path (one trace shape per message key).
  args['family'] = family?.benefit ?? '';
  args['matched'] = matchedOn === 'subBenefit' ? (r.subBenefit ?? '') : matchedOn === 'amountType' ? (r.amountType ?? '') : '';
  args['reasonSv'] = row?.reasonSv ?? '';
  args['reasonEn'] = row?.reasonEn ?? '';
  args['reason'] = r.assessment?.reason ?? '';
  args['likely'] = '';
  if (row !== null) {
    legalRef = legal(ctx, row.legalTopic).ref;
  } else if (family !== null) {
    legalRef = legal(ctx, family.legalTopic).ref;
  }
  if (r.assessment !== null) {
    // A person has classified the payment: their choice stands, the row (if any) is shown beside it.
    const a = r.assessment;
    if (a.action === 'count') {
      use = 'counted';
      incomeType = a.incomeType;
      key = 'agency.classify.personCount';
    } else {
      use = 'excluded';
      key = 'agency.classify.personExclude';
    }
  } else if (row === null) {
    use = 'unhandled';
    likelyIncomeType = family?.likelyIncomeType ?? null;
    key = family !== null ? 'agency.classify.family' : 'agency.classify.unknown';
    args['likely'] = labelOf(likelyIncomeType);
    flags.push(flag(ctx, 'UNHANDLED_INCOME', 'assessment', args, { ...registered, amounts: { registered: formatKronor(r.net) }, blocksLetter: true }, family !== null ? 'flag.UNHANDLED_INCOME_FAMILY' : 'flag.UNHANDLED_INCOME'));
  } else if (row.action === 'count') {
    use = 'counted';
    incomeType = row.incomeType;
    key = 'agency.classify.count';
  } else if (row.action === 'exclude') {
    use = 'excluded';
    key = 'agency.classify.exclude';
  } else {
    use = 'to-person';
    likelyIncomeType = row.likelyIncomeType;
    key = 'agency.classify.review';
    args['likely'] = labelOf(likelyIncomeType);
    flags.push(flag(ctx, 'REGISTERED_INCOME_TO_ASSESS', 'assessment', args, { ...registered, amounts: { registered: formatKronor(r.net) }, blocksLetter: true }));
  }
  args['rule'] = classification ?? '';
  args['likelyType'] = likelyIncomeType ?? '';
  args['incomeType'] = incomeType ?? '';
  args['label'] = labelOf(incomeType);
  if (ctx.trace.enabled) {
    const params: TraceParam[] = [];
    if (row !== null) params.push(rowParam(row));
    else if (family !== null) params.push({ id: family.id, value: `family:${family.likelyIncomeType ?? 'none'}`, status: family.status, source: family.source.title });
    ctx.trace.add({
      step: 'agency.classify',
      rule: row !== null ? `${map.id}#${row.id}` : family !== null ? `${map.id}#${family.id}` : `${map.id}#unknown`,
      legalRef,
      params,
      inputs: { ...paymentFields(r), month: p.month, matchedOn, assessment: r.assessment === null ? null : `${r.assessment.action}${r.assessment.incomeType ? `:${r.assessment.incomeType}` : ''}` },
      result: use,
      key,
      args,
    });
  }
  return { payment: r, placement: p, row, family, matchedOn, incomeType, likelyIncomeType, classification, changeThreshold, byPerson: r.assessment !== null, use, legalRef, message: { key, args } };
}

/**
 * Step 4: declared incomes of the same member and income type as counted registered payments are
 * replaced by them (the same money is never counted twice); a different total is flagged with both.
 */
export function reconcile(ctx: Context, counted: readonly Classified[], flags: Flag[]): Map<number, string[]> {
  const replaced = new Map<number, string[]>();
  const groups = new Map<string, Classified[]>();
  for (const c of counted) {
    const key = `${c.payment.memberId}\u0000${c.incomeType}`;
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
  }
  for (const list of groups.values()) {
    const { memberId } = list[0]!.payment;
    const type = list[0]!.incomeType!;
    const declared = ctx.household.incomes.filter((i) => i.memberId === memberId && i.type === type);
    if (declared.length === 0) continue;
    const agencies = [...new Set(list.map((c) => c.payment.agency))].sort();
    for (const d of declared) replaced.set(d.index, agencies);
    for (const c of list) c.use = 'replaces-declared';
    const registered = sum(list.map((c) => c.payment.net));
    const declaredKnown = declared.every((d) => d.amount !== null);
    const declaredSum: Ore | null = declaredKnown ? sum(declared.map((d) => d.amount!)) : null;
    const label = ctx.rules.incomeTypes[type]?.labelSv ?? type;
    const args = { memberId, label, type, agency: agencies.join(', '), declared: declaredSum === null ? '' : formatKronor(declaredSum), registered: formatKronor(registered) };
    const differs = declaredSum !== null && declaredSum !== registered;
    if (differs) {
      flags.push(flag(ctx, 'DECLARED_DIFFERS_FROM_REGISTERED', 'assessment', args, { memberId, agency: agencies.join(','), benefit: [...new Set(list.map((c) => c.payment.benefit))].join(', '), amounts: { declared: formatKronor(declaredSum), registered: formatKronor(registered) } }));
    }
    if (ctx.trace.enabled) {
      ctx.trace.add({
        step: 'agency.reconcile',
        rule: 'agency/registered-replaces-declared',
        legalRef: legal(ctx, 'agencyData').ref,
        params: [...new Map(list.filter((c) => c.row !== null).map((c) => [c.row!.id, rowParam(c.row!)])).values()],
        inputs: { memberId, type, declaredIncomes: declared.map((d) => d.index), registeredPayments: list.map((c) => c.payment.index), declared: declaredSum === null ? null : formatKronor(declaredSum), registered: formatKronor(registered) },
        result: differs ? 'differs' : declaredSum === null ? 'declared-amount-missing' : 'same',
        key: differs ? 'agency.reconcile.differs' : 'agency.reconcile.same',
        args,
      });
    }
  }
  return replaced;
}

/** The declared incomes (input indexes) a counted payment replaces: same member and income type. */
function declaredIndexes(incomes: readonly Income[], c: Classified, replaced: ReadonlyMap<number, readonly string[]>): number[] {
  const out: number[] = [];
  for (const i of incomes) if (i.memberId === c.payment.memberId && i.type === c.incomeType && replaced.has(i.index)) out.push(i.index);
  return out;
}

function outcomeOf(c: Classified, replacesDeclared: number[]): RegisteredPaymentOut {
  const r = c.payment;
  const classified = c.use !== 'other-month';
  return {
    ...paymentFields(r),
    month: c.placement.month,
    slot: c.placement.slot,
    use: c.use,
    classification: classified ? c.classification : null,
    incomeType: classified ? c.incomeType : null,
    changeThreshold: classified ? c.changeThreshold : null,
    family: classified ? (c.family?.benefit ?? null) : null,
    matchedOn: classified ? c.matchedOn : null,
    assessment: r.assessment,
    likelyIncomeType: classified ? c.likelyIncomeType : null,
    // Filled by the decision once the payable is known (decision/unassessed.ts).
    alternatives: null,
    replacesDeclared,
    legalRef: c.legalRef,
    message: c.message,
  };
}

/** The whole agency step for one household and month. */
export function assessAgencyIncome(ctx: Context): AgencyAssessment {
  const { household } = ctx;
  if (household.registeredIncomes.length === 0 && household.agencyAnswers.length === 0) return EMPTY;
  const flags: Flag[] = [];
  checkAnswers(ctx, flags);
  const payments = [...household.registeredIncomes].sort(canonicalOrder);
  if (payments.length === 0) return { ...EMPTY, flags };

  // Old stored rule sets (before agency data) have neither the map nor the month policy.
  const policyParam = ctx.rules.municipal.agencyIncomeMonth;
  const policy: MonthPolicy = policyParam?.value ?? 'payment-date';
  const policyTrace: TraceParam = policyParam ? { id: policyParam.id, value: policyParam.value, status: policyParam.status, source: policyParam.source.title } : { id: 'agency/month-policy', value: policy, status: 'estimate', source: 'engine default' };
  const period = formatPeriod(household.period);
  const placements = placePayments(payments, household.period, policy);
  const all: Classified[] = [];
  for (const r of payments) {
    const p = placements.get(r.index)!;
    const args = paymentArgs(r, p, period);
    traceMonth(ctx, r, p, policyTrace, args);
    if (p.selected) {
      all.push(classify(ctx, r, p, args, flags));
      if (p.fallback) {
        flags.push(flag(ctx, 'INCOME_FROM_EARLIER_MONTH', 'warning', args, { memberId: r.memberId, agency: r.agency, benefit: r.benefit, paymentIndex: r.index, amounts: { registered: formatKronor(r.net) } }));
      }
    } else {
      const key: MessageKey = p.slot === 'M-2' ? 'agency.month.superseded' : 'agency.month.outside';
      all.push({ payment: r, placement: p, row: null, family: null, matchedOn: null, incomeType: null, likelyIncomeType: null, classification: null, changeThreshold: null, byPerson: false, use: 'other-month', legalRef: legal(ctx, 'agencyData').ref, message: { key, args } });
    }
  }
  const countedClassified = all.filter((c) => c.use === 'counted');
  const replaced = reconcile(ctx, countedClassified, flags);
  const counted: CountedPayment[] = all
    .filter((c) => c.use === 'counted' || c.use === 'replaces-declared')
    .map((c) => ({
      payment: c.payment,
      row: c.row,
      classification: c.classification!,
      changeThreshold: c.changeThreshold!,
      placement: c.placement,
      income: { index: c.payment.index, memberId: c.payment.memberId, type: c.incomeType!, amount: c.payment.net, yearToDate: null, description: null },
    }));
  const registered: RegisteredPaymentOut[] = [];
  for (const c of all) registered.push(outcomeOf(c, c.use === 'replaces-declared' ? declaredIndexes(household.incomes, c, replaced) : []));
  return { counted, registered, replaced, flags };
}
