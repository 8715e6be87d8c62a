/**
 * The monthly comparison (återansökan): last month's recorded decision of a case against this
 * month's proposal. Each function compares one kind of fact and returns one comparison per item with
 * both values, changed or not, so the trace shows what was looked at (docs/monthly.md).
 *
 * Pure: no store, no clock. Amounts are compared in öre.
 */
import { formatKronor, ore, parseKronor, type Ore } from '../money/index.ts';
import type { ChangeThreshold, Comparison, DecisionLike, IncomeItemLike, MonthSnapshot } from './types.ts';

const toOre = (text: string | null): Ore | null => (text === null ? null : parseKronor(text));

/** Sums kronor strings per key; an unknown amount (null) makes the key's sum unknown. */
function sumBy<T>(items: readonly T[], key: (item: T) => string, amount: (item: T) => string | null): Map<string, Ore | null> {
  const sums = new Map<string, Ore | null>();
  for (const item of items) {
    const k = key(item);
    const a = toOre(amount(item));
    const had = sums.get(k);
    if (!sums.has(k)) sums.set(k, a);
    else sums.set(k, had === null || had === undefined || a === null ? null : ore(had + a));
  }
  return sums;
}

const show = (amount: Ore | null | undefined): string | null => (amount === null || amount === undefined ? null : formatKronor(amount));

/** No decision for the case last month: a first application, or last month was not recorded. */
export function noPreviousDecision(caseId: string | null, previousPeriod: string): Comparison {
  return { step: 'monthly.previous', code: 'NO_PREVIOUS_DECISION', subject: caseId ?? '(inget ärendenummer)', previous: null, current: null, period: previousPeriod };
}

/** Members who joined or left the household, by member id (MEMBER_ADDED / MEMBER_GONE). */
export function compareMembers(previous: MonthSnapshot, current: MonthSnapshot): Comparison[] {
  const before = new Map(previous.members.map((m) => [m.id, m.role]));
  const now = new Map(current.members.map((m) => [m.id, m.role]));
  const ids = [...new Set([...before.keys(), ...now.keys()])];
  return ids.map((id) => {
    const p = before.get(id) ?? null;
    const c = now.get(id) ?? null;
    return { step: 'monthly.member', code: p === null ? 'MEMBER_ADDED' : c === null ? 'MEMBER_GONE' : null, subject: id, previous: p, current: c };
  });
}

/** The riksnorm age band of a child's norm rule ("riksnorm/2026#child-4-6-without-lunch" → "4-6"), or null. */
export function ageBandOf(rule: string): string | null {
  const m = /#child-(\d+(?:-\d+)?)/.exec(rule);
  return m ? m[1]! : null;
}

/** A child moving to another riksnorm age band (CHILD_AGE_BAND_CHANGED): the norm changes with it. */
export function compareAgeBands(previous: DecisionLike, current: DecisionLike): Comparison[] {
  const before = new Map(previous.norm.members.map((m) => [m.memberId, ageBandOf(m.rule)]));
  const out: Comparison[] = [];
  for (const m of current.norm.members) {
    const now = ageBandOf(m.rule);
    if (!before.has(m.memberId)) continue; // a new member is MEMBER_ADDED
    const was = before.get(m.memberId) ?? null;
    if (now === null && was === null) continue;
    out.push({ step: 'monthly.ageBand', code: was !== now ? 'CHILD_AGE_BAND_CHANGED' : null, subject: m.memberId, previous: was, current: now });
  }
  return out;
}

/** Claimed costs per type (and member), exact: any change, new or gone cost is COST_CHANGED. */
export function compareCosts(previous: DecisionLike, current: DecisionLike): Comparison[] {
  const key = (c: { type: string; memberId: string | null }) => (c.memberId === null ? c.type : `${c.type}/${c.memberId}`);
  const before = sumBy(previous.costs.items, key, (c) => c.claimed);
  const now = sumBy(current.costs.items, key, (c) => c.claimed);
  return [...new Set([...before.keys(), ...now.keys()])].map((k) => {
    const p = show(before.get(k));
    const c = show(now.get(k));
    const changed = !before.has(k) || !now.has(k) || p !== c;
    return { step: 'monthly.cost', code: changed ? 'COST_CHANGED' : null, subject: k, previous: before.has(k) ? (p ?? 'saknas') : null, current: now.has(k) ? (c ?? 'saknas') : null };
  });
}

export const isRegistered = (i: IncomeItemLike): boolean => i.source !== undefined && i.source.startsWith('agency:');

/**
 * Incomes the applicant declared (source "application", or no source), per member and type, exact:
 * declared last month and not now → DECLARED_INCOME_MISSING; a different or new amount →
 * DECLARED_INCOME_CHANGED.
 */
export function compareDeclaredIncomes(previous: DecisionLike, current: DecisionLike): Comparison[] {
  const key = (i: IncomeItemLike) => `${i.memberId}/${i.type}`;
  const before = sumBy(previous.income.items.filter((i) => !isRegistered(i)), key, (i) => i.amount);
  const now = sumBy(current.income.items.filter((i) => !isRegistered(i)), key, (i) => i.amount);
  return [...new Set([...before.keys(), ...now.keys()])].map((k) => {
    const p = before.has(k) ? (show(before.get(k)) ?? 'saknas') : null;
    const c = now.has(k) ? (show(now.get(k)) ?? 'saknas') : null;
    const code = c === null ? 'DECLARED_INCOME_MISSING' : p !== c ? 'DECLARED_INCOME_CHANGED' : null;
    return { step: 'monthly.declaredIncome', code, subject: k, previous: p, current: c };
  });
}

/** The change in whole percent, (current − previous) / |previous| × 100, rounded half away from zero; null when previous is 0. */
export function changePercent(previous: Ore, current: Ore): number | null {
  if (previous === 0) return null;
  const num = 100 * (current - previous);
  const den = Math.abs(previous);
  const q = Math.floor((2 * Math.abs(num) + den) / (2 * den));
  return num < 0 ? -q : q;
}

/**
 * Whether a benefit's change goes beyond its threshold: percent → |rounded change| above the
 * percent; exact → any difference (1 250 → 1 255 kr); none → never compared. A benefit new this
 * month compares with 0, so only an exact threshold can find a change.
 */
export function beyondThreshold(threshold: ChangeThreshold, previous: Ore, current: Ore): boolean {
  switch (threshold.kind) {
    case 'none':
      return false;
    case 'exact':
      return previous !== current;
    case 'percent': {
      // 0 % means the sums must be identical (a rounded 0 % change such as 1 250 → 1 255 kr counts).
      if (threshold.percent === 0) return previous !== current;
      const pct = changePercent(previous, current);
      return pct !== null && Math.abs(pct) > threshold.percent;
    }
  }
}

export function thresholdText(t: ChangeThreshold): string {
  return t.kind === 'percent' ? `${t.percent} %` : t.kind === 'exact' ? 'exakt' : 'jämförs inte';
}

/** Without a classification row's threshold, a registered benefit is compared exactly (unknown is not "no change"). */
const DEFAULT_THRESHOLD: ChangeThreshold = { kind: 'exact' };

/**
 * Registered agency payments (source "agency:<agency>") per member, agency and benefit:
 * counted last month and not registered now → MISSING_REGISTERED_INCOME; the sum changed beyond the
 * benefit's threshold → INCOME_CHANGE (both amounts and the rounded change).
 */
export function compareRegisteredIncomes(previous: DecisionLike, current: DecisionLike): Comparison[] {
  const key = (i: IncomeItemLike) => `${i.memberId}/${i.agency ?? i.source!.slice('agency:'.length)}/${i.benefit ?? i.type}`;
  const prevItems = previous.income.items.filter(isRegistered);
  const curItems = current.income.items.filter(isRegistered);
  const before = sumBy(prevItems, key, (i) => i.amount);
  const countedBefore = sumBy(prevItems, key, (i) => i.counted);
  const now = sumBy(curItems, key, (i) => i.amount);
  const thresholdOf = (k: string): ChangeThreshold =>
    curItems.find((i) => key(i) === k)?.changeThreshold ?? prevItems.find((i) => key(i) === k)?.changeThreshold ?? DEFAULT_THRESHOLD;
  return [...new Set([...before.keys(), ...now.keys()])].map((k): Comparison => {
    const threshold = thresholdOf(k);
    const base = { step: 'monthly.registeredIncome', subject: k, threshold: thresholdText(threshold) };
    const p = before.get(k);
    const c = now.get(k);
    if (!now.has(k)) {
      const counted = countedBefore.get(k);
      // Counted last month (or its counted amount unknown): its absence must be explained.
      const wasCounted = counted === null || (counted !== undefined && counted > 0);
      return { ...base, code: wasCounted ? 'MISSING_REGISTERED_INCOME' : null, previous: show(p) ?? 'saknas', current: null, changePercent: null };
    }
    if (c === null || c === undefined || (before.has(k) && (p === null || p === undefined))) {
      // An amount the agency did not give cannot be compared: a person looks.
      return { ...base, code: 'INCOME_CHANGE', previous: before.has(k) ? (show(p) ?? 'saknas') : null, current: show(c) ?? 'saknas', changePercent: null };
    }
    const was = before.has(k) ? p! : (0 as Ore);
    return {
      ...base,
      code: beyondThreshold(threshold, was, c) ? 'INCOME_CHANGE' : null,
      previous: before.has(k) ? show(was) : null,
      current: show(c),
      changePercent: changePercent(was, c),
    };
  });
}

/** Every comparison of last month with this month, in a fixed order; NO_PREVIOUS_DECISION alone when there is none. */
export function compareMonths(previous: MonthSnapshot | null, current: MonthSnapshot, context: { caseId: string | null; previousPeriod: string }): Comparison[] {
  if (previous === null) return [noPreviousDecision(context.caseId, context.previousPeriod)];
  return [
    ...compareMembers(previous, current),
    ...compareAgeBands(previous.decision, current.decision),
    ...compareCosts(previous.decision, current.decision),
    ...compareDeclaredIncomes(previous.decision, current.decision),
    ...compareRegisteredIncomes(previous.decision, current.decision),
  ];
}
