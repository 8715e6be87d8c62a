/**
 * Checks of this month's registered payments that do not need last month's decision (Sundsvall's
 * period checks, run in the monthly run beside the comparison):
 *
 * - The day check: aktivitetsstöd, utvecklings- and etableringsersättning are paid per day, at most
 *   five days a week (förordning 2017:819 10 kap. 6 §). A payment for fewer days than the working days
 *   of the period it covers is flagged (SSBTEK_DAY_CHECK): was the person absent, sanctioned, or is a
 *   payment missing? The working days are the Swedish calendar the monthly run uses for dueOn
 *   (workdays.ts: weekends, public holidays, midsommar-, jul- and nyårsafton). Sundsvall counts the
 *   non-red days of the whole month and treats julafton and nyårsafton as paid days, so in December a
 *   payment one or two days short of Sundsvall's count is not flagged here. Which rows are checked is
 *   data: `dayCheck` in rules/agency-income-map.json. A payment without days or without its period
 *   cannot be checked and is flagged so a person looks (Sundsvall: "antal dagar saknas").
 * - Studiehjälp in September: in the application for October, studiehjälp paid in June and none paid
 *   or planned in September means the youth may have left school (Sundsvall's September rule); the
 *   answer is presence, never amount. SSBTEK is read from 1 June for October (agency/ssbtek.ts
 *   requestWindow); without June's payments in the data the check says it could not be made.
 *
 * Pure: the decision and the rows' day-check flags are inputs.
 */
import { agencyKey } from '../agency/map.ts';
import type { Comparison, DecisionLike, RegisteredLike } from './types.ts';
import { isWorkingDay, type IsoDay } from './workdays.ts';

const COUNTED = new Set(['counted', 'replaces-declared']);
const DAY_MS = 86_400_000;

/** The working days from `from` to `to`, both included (the monthly run's calendar). */
export function workingDaysBetween(from: IsoDay, to: IsoDay): number {
  let n = 0;
  for (let t = Date.parse(`${from}T00:00:00Z`), last = Date.parse(`${to}T00:00:00Z`); t <= last; t += DAY_MS) {
    if (isWorkingDay(new Date(t).toISOString().slice(0, 10))) n++;
  }
  return n;
}

const subjectOf = (r: RegisteredLike): string => `${r.memberId}/${r.agency}/${r.benefit}/${r.ref ?? r.paidOn ?? r.periodFrom ?? ''}`;
/** "Dagersättning (Arbetsmarknadspolitiskt program, Aktivitetsstöd)": the benefit with the förmån and amount type that say more. */
function nameOf(r: RegisteredLike): string {
  const more = [...new Set([r.subBenefit, r.amountType ?? null].filter((x): x is string => x !== null && agencyKey(x) !== agencyKey(r.benefit)))];
  return more.length > 0 ? `${r.benefit} (${more.join(', ')})` : r.benefit;
}

/** Days paid against the working days of the covered period, for every counted payment of a day-check row. */
export function checkPaidDays(current: DecisionLike, dayCheckRows: ReadonlySet<string>): Comparison[] {
  const out: Comparison[] = [];
  for (const r of current.income.registered ?? []) {
    if (!COUNTED.has(r.use) || r.classification === null || !dayCheckRows.has(r.classification)) continue;
    const base = { step: 'monthly.dayCheck', subject: subjectOf(r), label: nameOf(r), from: r.periodFrom, to: r.periodTo };
    if (r.days === null || r.periodFrom === null || r.periodTo === null) {
      out.push({ ...base, code: 'SSBTEK_DAY_CHECK', previous: null, current: r.days });
      continue;
    }
    const working = workingDaysBetween(r.periodFrom, r.periodTo);
    out.push({ ...base, code: Number(r.days) < working ? 'SSBTEK_DAY_CHECK' : null, previous: String(working), current: r.days });
  }
  return out;
}

const isStudyAid = (r: RegisteredLike): boolean => r.agency === 'csn' && agencyKey(r.benefit) === 'studiehjalp';

/** October only: studiehjälp paid in June and nothing paid or planned in September, per member. */
export function checkStudySupport(current: DecisionLike, period: string): Comparison[] {
  if (period.slice(5, 7) !== '10') return [];
  const year = period.slice(0, 4);
  const byMember = new Map<string, RegisteredLike[]>();
  for (const r of current.income.registered ?? []) {
    if (!isStudyAid(r)) continue;
    const list = byMember.get(r.memberId);
    if (list) list.push(r);
    else byMember.set(r.memberId, [r]);
  }
  const out: Comparison[] = [];
  for (const [memberId, payments] of byMember) {
    const june = payments.filter((p) => p.month === `${year}-06`);
    const september = payments.filter((p) => p.month === `${year}-09`);
    const base = { step: 'monthly.studySupport', subject: `${memberId}/studiehjalp`, label: memberId, from: `${year}-06`, to: `${year}-09` };
    out.push({
      ...base,
      code: june.length > 0 && september.length === 0 ? 'STUDY_SUPPORT_NOT_RESUMED' : null,
      previous: june.length > 0 ? june.map((p) => p.paidOn ?? p.periodFrom).join(', ') : null,
      current: september.length > 0 ? september.map((p) => p.paidOn ?? p.periodFrom).join(', ') : null,
    });
  }
  return out;
}

/** The payment checks of this month, in a fixed order. */
export function checkPayments(current: DecisionLike, context: { period: string; dayCheckRows: ReadonlySet<string> }): Comparison[] {
  return [...checkPaidDays(current, context.dayCheckRows), ...checkStudySupport(current, context.period)];
}
