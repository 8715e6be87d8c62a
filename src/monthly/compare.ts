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

/** The Swedish label the items' messages carry (an income or cost type's), or the fallback. */
const labelOf = (items: readonly { readonly message?: { readonly args?: Readonly<Record<string, unknown>> } }[], fallback: string): string => {
  for (const i of items) {
    const label = i.message?.args?.['label'];
    if (typeof label === 'string' && label !== '') return label;
  }
  return fallback;
};

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
  const all = [...current.costs.items, ...previous.costs.items];
  return [...new Set([...before.keys(), ...now.keys()])].map((k) => {
    const p = show(before.get(k));
    const c = show(now.get(k));
    const changed = !before.has(k) || !now.has(k) || p !== c;
    const items = all.filter((i) => key(i) === k);
    const label = `${labelOf(items, items[0]!.type)}${items[0]!.memberId === null ? '' : ` (${items[0]!.memberId})`}`;
    return { step: 'monthly.cost', code: changed ? 'COST_CHANGED' : null, subject: k, label, previous: before.has(k) ? (p ?? 'saknas') : null, current: now.has(k) ? (c ?? 'saknas') : null };
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
  const all = [...current.income.items, ...previous.income.items].filter((i) => !isRegistered(i));
  return [...new Set([...before.keys(), ...now.keys()])].map((k) => {
    const p = before.has(k) ? (show(before.get(k)) ?? 'saknas') : null;
    const c = now.has(k) ? (show(now.get(k)) ?? 'saknas') : null;
    const code = c === null ? 'DECLARED_INCOME_MISSING' : p !== c ? 'DECLARED_INCOME_CHANGED' : null;
    const items = all.filter((i) => key(i) === k);
    return { step: 'monthly.declaredIncome', code, subject: k, label: labelOf(items, items[0]!.type), previous: p, current: c };
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

/** How strict a threshold is: exact first, then the smaller percent, none last. */
const strictness = (t: ChangeThreshold): number => (t.kind === 'exact' ? 0 : t.kind === 'percent' ? t.percent : Number.MAX_SAFE_INTEGER);

/** The strictest threshold of the items (an item without one counts as exact). */
export function strictestThreshold(items: readonly IncomeItemLike[]): ChangeThreshold {
  let best: ChangeThreshold | null = null;
  for (const i of items) {
    const t = i.changeThreshold ?? DEFAULT_THRESHOLD;
    if (best === null || strictness(t) < strictness(best)) best = t;
  }
  return best ?? DEFAULT_THRESHOLD;
}

const norm = (text: string | null | undefined): string => (text ?? '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** One benefit of one member from one agency, as the agency names it (a family's förmån included). */
const benefitKey = (x: { memberId: string; agency?: string; source?: string; benefit?: string; subBenefit?: string | null; type?: string }): string =>
  `${x.memberId}/${x.agency ?? x.source?.slice('agency:'.length) ?? ''}/${norm(x.benefit ?? x.type)}/${norm(x.subBenefit)}`;

/**
 * Registered agency benefits counted last month and not registered at all now (source "agency:<agency>";
 * same member, agency, benefit and förmån): MISSING_REGISTERED_INCOME — the agency no longer reports
 * them. A benefit with the threshold "none" (a one-off payment) is expected to be absent.
 */
export function compareRegisteredBenefits(previous: DecisionLike, current: DecisionLike): Comparison[] {
  const registeredNow = current.income.registered;
  const now = new Set((registeredNow ?? current.income.items.filter(isRegistered)).map((r) => benefitKey(r)));
  const groups = new Map<string, IncomeItemLike[]>();
  for (const i of previous.income.items.filter(isRegistered)) {
    const k = benefitKey(i);
    const list = groups.get(k);
    if (list) list.push(i);
    else groups.set(k, [i]);
  }
  const out: Comparison[] = [];
  for (const [k, items] of groups) {
    const threshold = strictestThreshold(items);
    if (threshold.kind === 'none') continue;
    const counted = sumBy(items, () => k, (i) => i.counted).get(k);
    // Counted last month (or its counted amount unknown): its absence must be explained.
    const wasCounted = counted === null || (counted !== undefined && counted > 0);
    if (!wasCounted) continue;
    const amount = sumBy(items, () => k, (i) => i.amount).get(k);
    const first = items[0]!;
    const missing = !now.has(k);
    const subject = `${first.memberId}/${first.agency ?? first.source!.slice('agency:'.length)}/${first.benefit ?? first.type}${first.subBenefit ? `/${first.subBenefit}` : ''}`;
    out.push({ step: 'monthly.registeredIncome', code: missing ? 'MISSING_REGISTERED_INCOME' : null, subject, label: `${labelOf(items, first.type)} (${first.benefit ?? first.type})`, previous: show(amount) ?? 'saknas', current: missing ? null : 'registrerad', threshold: thresholdText(threshold) });
  }
  return out;
}

/**
 * Each income type of each member counted from the agencies, compared with the previous recorded
 * decision (Sundsvall compares each income type with the previous calculation, not M−2 with M−1):
 * counted now and not then → NEW_INCOME; counted then and not now although the agencies still report
 * the benefit (it belongs to another month now, or is no longer counted) → INCOME_DROPPED (when none of
 * it is reported any more, MISSING_REGISTERED_INCOME says so, once); counted both months and changed
 * beyond the strictest threshold of its rows → INCOME_CHANGE, with both amounts and the rounded change.
 */
export function compareRegisteredIncomes(previous: DecisionLike, current: DecisionLike): Comparison[] {
  const key = (i: IncomeItemLike) => `${i.memberId}/${i.type}`;
  const prevItems = previous.income.items.filter(isRegistered);
  const curItems = current.income.items.filter(isRegistered);
  const before = sumBy(prevItems, key, (i) => i.amount);
  const countedBefore = sumBy(prevItems, key, (i) => i.counted);
  const now = sumBy(curItems, key, (i) => i.amount);
  const registeredNow = new Set((current.income.registered ?? curItems).map((r) => benefitKey(r)));
  return [...new Set([...before.keys(), ...now.keys()])].map((k): Comparison => {
    const items = [...curItems.filter((i) => key(i) === k), ...prevItems.filter((i) => key(i) === k)];
    const threshold = strictestThreshold(items);
    const base = { step: 'monthly.incomeType', subject: k, label: labelOf(items, items[0]!.type), threshold: thresholdText(threshold) };
    const p = before.get(k);
    const c = now.get(k);
    if (!now.has(k)) {
      const counted = countedBefore.get(k);
      const wasCounted = counted === null || (counted !== undefined && counted > 0);
      // Some benefit of the type is still reported: it was dropped from the count, not from the register.
      const stillReported = prevItems.some((i) => key(i) === k && registeredNow.has(benefitKey(i)));
      const dropped = wasCounted && threshold.kind !== 'none' && stillReported;
      return { ...base, code: dropped ? 'INCOME_DROPPED' : null, previous: show(p) ?? 'saknas', current: null, changePercent: null };
    }
    if (!before.has(k)) {
      return { ...base, code: 'NEW_INCOME', previous: null, current: show(c) ?? 'saknas', changePercent: null };
    }
    if (c === null || c === undefined || p === null || p === undefined) {
      // An amount the agency did not give cannot be compared: a person looks.
      return { ...base, code: 'INCOME_CHANGE', previous: show(p) ?? 'saknas', current: show(c) ?? 'saknas', changePercent: null };
    }
    return { ...base, code: beyondThreshold(threshold, p, c) ? 'INCOME_CHANGE' : null, previous: show(p), current: show(c), changePercent: changePercent(p, c) };
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
    ...compareRegisteredBenefits(previous.decision, current.decision),
    ...compareRegisteredIncomes(previous.decision, current.decision),
  ];
}
