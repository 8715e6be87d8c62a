/**
 * Where a case stands, read from the decision store (issue 30): per month of the case, its state in
 * the words Kontaktcenter uses, the dates behind it, the status history and the handläggningstid
 * (docs/casestatus.md defines each state and figure).
 *
 * What it reads, and nothing else:
 *   records                 the proposals (received: routing.receivedOn/dueOn of the monthly run; routed to a caseworker)
 *   registered_decisions    a person's registered decision (decided; a change of it)
 *   payment_orders, _events the orders of the registered decisions (to be paid on payOn; paid when exported)
 *   case_log                a caseworker opened the case (case.read)
 *   case_assignments        the responsible caseworker (Kontaktcenter's `kontakt assign`)
 * A proposal is never a decision: only a registered decision, or a proposal the monthly run recorded as
 * a decision of the automated decision function (routing.automated), makes a month "decided".
 *
 *   case_events             a begäran om komplettering (waiting for the applicant; the clock stands still until
 *                           the completion arrives) and an överklagande (appealed while open): caseEvents.ts
 * The free text of a begäran om komplettering is never read here: what Kontaktcenter sees has only its days.
 *
 * Read only; every table but records may be missing in an older store.
 */
import type Database from 'better-sqlite3';
import { NO_EVENTS, openAppeal, openCompletion, pausesOf, type CaseMonthEvents } from '../casework/caseEvents.ts';
import { dueOnAfterPauses, HANDLING_WORKING_DAYS, workingDaysUsed } from '../monthly/workdays.ts';
import { eventsOfCases, monthKey } from './caseEvents.ts';
import { ORDER_SELECT, orderFromRow, registeredFromRow, type OrderDbRow, type OrderRow, type RegisteredDbRow, type RegisteredRow } from './casework.ts';
import { IS_PROPOSAL } from './store.ts';

/** The states of a case's month, in the order a case goes through them. */
export const CASE_STATES = ['received', 'waiting', 'with-caseworker', 'decided', 'to-be-paid', 'paid', 'appealed'] as const;
export type CaseState = (typeof CASE_STATES)[number];

export interface StatusEvent {
  /** YYYY-MM-DD (Swedish calendar day of the store's timestamp when the event has no date of its own). */
  readonly on: string;
  readonly period: string;
  readonly state: CaseState;
  readonly decisionId: string | null;
  /** For decided: the outcome, the amount and who decided; for to-be-paid/paid: the amount and the day. */
  readonly outcome: string | null;
  readonly amount: string | null;
  readonly payOn: string | null;
  readonly by: string | null;
  /** A change of a registered decision: rattelse, andring or omprovning. */
  readonly changeKind: string | null;
  /**
   * What happened, for a begäran om komplettering or an appeal: completion-requested (until: the day the
   * answer is due), completion-answered, appeal-received, appeal-reviewed-unchanged, appeal-reviewed-changed,
   * appeal-dismissed, appeal-forwarded, appeal-closed-court-ruled, appeal-closed-withdrawn, appeal-closed-lapsed.
   */
  readonly detail: string | null;
  readonly until: string | null;
}

export interface MonthDecision {
  readonly decisionId: string;
  /** When the store recorded it (ISO timestamp). */
  readonly recordedAt: string;
  readonly decidedOn: string;
  readonly decidedBy: string;
  readonly outcome: string;
  readonly payable: string | null;
  /** A decision of the automated decision function (the monthly run in automatic mode), not of a person. */
  readonly automated: boolean;
}

export interface HandlingTime {
  readonly receivedOn: string;
  /** The first decision of the month (a later change does not move it). */
  readonly decidedOn: string;
  readonly workingDays: number;
  readonly met: boolean;
}

export interface MonthStanding {
  readonly period: string;
  readonly state: CaseState;
  readonly receivedOn: string | null;
  readonly dueOn: string | null;
  /** The newest decision of the month (after any change), or null. */
  readonly decision: MonthDecision | null;
  /** The day the next order is to be paid (to-be-paid), or the day the last one was paid (paid). */
  readonly payOn: string | null;
  readonly handling: HandlingTime | null;
  /** The due day once the clock stood still for a begäran om komplettering; null while one is open (or no arrival day). */
  readonly dueOnNow: string | null;
  /** The day the open begäran om komplettering was sent and the day its answer is due (waiting), else null. */
  readonly waitingSince: string | null;
  readonly answerBy: string | null;
  /** The open appeal of the month's decision: the day it arrived, whether in time (unknown without the notification day), the day forwarded to förvaltningsrätten. */
  readonly appeal: { readonly decisionId: string; readonly receivedOn: string; readonly inTime: 'yes' | 'no' | 'unknown'; readonly forwardedOn: string | null } | null;
  /** A first month in the store (no earlier decision the monthly run compared with) or an återansökan. */
  readonly application: 'new' | 'reapplication';
  /** female / male from the applicant's personnummer, else the gender given for the applicant, else unknown. */
  readonly applicantGender: 'female' | 'male' | 'other' | 'unknown';
}

export interface CaseStanding {
  readonly caseId: string;
  /** The responsible caseworker: the newest assignment, else the person who registered the newest decision. */
  readonly caseworker: { readonly name: string; readonly source: 'assignment' | 'decision' } | null;
  /** Newest month first. */
  readonly months: readonly MonthStanding[];
  /** Oldest first. */
  readonly history: readonly StatusEvent[];
}

interface ProposalDbRow {
  decision_id: string;
  case_id: string;
  period: string;
  recorded_at: string;
  outcome: string;
  payable: string | null;
  decided_on: string | null;
  routing: string | null;
  members: string | null;
}

interface Routing {
  to?: string;
  receivedOn?: string | null;
  dueOn?: string | null;
  automated?: boolean;
  previousDecisionId?: string | null;
}

const swedishDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });
/** The calendar day in Sweden of a stored UTC timestamp. */
export const dayOf = (at: string): string => swedishDay.format(new Date(at));

const has = (db: Database.Database, table: string): boolean => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;

/** The applicant's gender: the second last digit of the personnummer (odd: male, even: female), else the gender given. */
export function applicantGenderOf(membersJson: string | null): MonthStanding['applicantGender'] {
  const members = membersJson === null ? [] : (JSON.parse(membersJson) as { role?: string; personnummer?: unknown; gender?: unknown }[]);
  const applicant = members.find((m) => m.role === 'applicant');
  if (!applicant) return 'unknown';
  if (typeof applicant.personnummer === 'string') {
    const digits = applicant.personnummer.replace(/\D/g, '');
    if (digits.length >= 10) return Number(digits[digits.length - 2]) % 2 === 1 ? 'male' : 'female';
  }
  return applicant.gender === 'female' || applicant.gender === 'male' || applicant.gender === 'other' ? applicant.gender : 'unknown';
}

/** The newest of a month's line of registered decisions and its first. */
function lineOf(rows: readonly RegisteredRow[]): { first: RegisteredRow; newest: RegisteredRow } | null {
  const first = rows.find((r) => r.supersedes === null);
  if (!first) return null;
  let newest = first;
  for (let next = rows.find((r) => r.supersedes === newest.decisionId); next; next = rows.find((r) => r.supersedes === newest.decisionId)) newest = next;
  return { first, newest };
}

function ev(e: Partial<StatusEvent> & Pick<StatusEvent, 'on' | 'period' | 'state'>): StatusEvent {
  return { decisionId: null, outcome: null, amount: null, payOn: null, by: null, changeKind: null, detail: null, until: null, ...e };
}

/** One month of a case from its proposals, registered decisions, orders and the first time a caseworker opened it. */
function monthOf(period: string, proposals: readonly ProposalDbRow[], registered: readonly RegisteredRow[], orders: readonly OrderRow[], opened: string | null, events: CaseMonthEvents, history: StatusEvent[]): MonthStanding {
  const routings = proposals.map((p) => ({ p, r: p.routing === null ? null : (JSON.parse(p.routing) as Routing) }));
  const withArrival = [...routings].reverse().find((x) => x.r?.receivedOn);
  const receivedOn = withArrival?.r?.receivedOn ?? null;
  const dueOn = withArrival?.r?.dueOn ?? null;
  const newest = routings[routings.length - 1]!;
  const first = routings[0]!;
  history.push(ev({ on: receivedOn ?? dayOf(first.p.recorded_at), period, state: 'received', decisionId: first.p.decision_id }));
  const routed = routings.find((x) => x.r?.to === 'caseworker');
  const withCaseworker = [routed ? dayOf(routed.p.recorded_at) : null, opened === null ? null : dayOf(opened)].filter((d): d is string => d !== null).sort()[0] ?? null;
  if (withCaseworker !== null) history.push(ev({ on: withCaseworker, period, state: 'with-caseworker' }));

  const line = lineOf(registered);
  let decision: MonthDecision | null = null;
  let firstDecidedOn: string | null = null;
  if (line) {
    for (let d: RegisteredRow | undefined = line.first; d; d = registered.find((r) => r.supersedes === d!.decisionId)) {
      history.push(ev({ on: d.decidedOn, period, state: 'decided', decisionId: d.decisionId, outcome: d.outcome, amount: d.payable, by: d.decidedBy, changeKind: d.changeKind }));
    }
    const n = line.newest;
    decision = { decisionId: n.decisionId, recordedAt: n.recordedAt, decidedOn: n.decidedOn, decidedBy: n.decidedBy, outcome: n.outcome, payable: n.payable, automated: false };
    firstDecidedOn = line.first.decidedOn;
  } else {
    const auto = routings.find((x) => x.r?.automated === true);
    if (auto) {
      const on = auto.p.decided_on ?? dayOf(auto.p.recorded_at);
      decision = { decisionId: auto.p.decision_id, recordedAt: auto.p.recorded_at, decidedOn: on, decidedBy: 'automatiserat beslut', outcome: auto.p.outcome, payable: auto.p.payable, automated: true };
      firstDecidedOn = on;
      history.push(ev({ on, period, state: 'decided', decisionId: auto.p.decision_id, outcome: auto.p.outcome, amount: auto.p.payable, by: 'automatiserat beslut' }));
    }
  }

  // Orders of the line still in force (a superseded or stopped order will not be paid).
  const live = orders.filter((o) => o.status === 'pending' || o.status === 'exported');
  for (const o of live.filter((o) => o.status === 'exported')) history.push(ev({ on: o.payOn, period, state: 'paid', decisionId: o.decisionId, amount: o.amount, payOn: o.payOn }));
  const pending = live.filter((o) => o.status === 'pending').map((o) => o.payOn).sort();
  const exported = live.filter((o) => o.status === 'exported').map((o) => o.payOn).sort();
  for (const c of events.completions) {
    history.push(ev({ on: c.sentOn, period, state: 'waiting', detail: 'completion-requested', until: c.answerBy }));
    if (c.answeredOn !== null) history.push(ev({ on: c.answeredOn, period, state: 'with-caseworker', detail: 'completion-answered' }));
  }
  for (const a of events.appeals) {
    const step = (on: string, detail: string) => history.push(ev({ on, period, state: 'appealed', decisionId: a.decisionId, detail }));
    step(a.receivedOn, 'appeal-received');
    if (a.review) step(a.review.on, `appeal-reviewed-${a.review.outcome}`);
    if (a.dismissedOn) step(a.dismissedOn, 'appeal-dismissed');
    if (a.forwardedOn) step(a.forwardedOn, 'appeal-forwarded');
    if (a.closed) step(a.closed.on, `appeal-closed-${a.closed.reason}`);
  }
  const waiting = openCompletion(events);
  const appealed = openAppeal(events);
  const pauses = pausesOf(events);
  // The next order's day while one waits, else the last paid one's (kept while an appeal is open too).
  const payOn = decision === null ? null : (pending[0] ?? exported[exported.length - 1] ?? null);
  const state: CaseState =
    appealed !== null
      ? 'appealed'
      : decision !== null
        ? pending.length > 0
          ? 'to-be-paid'
          : exported.length > 0
            ? 'paid'
            : 'decided'
        : waiting !== null
          ? 'waiting'
          : withCaseworker !== null
            ? 'with-caseworker'
            : 'received';

  const handling = receivedOn !== null && firstDecidedOn !== null ? (() => {
    const workingDays = workingDaysUsed(receivedOn, firstDecidedOn, pauses.filter((p) => p.from <= firstDecidedOn));
    return { receivedOn, decidedOn: firstDecidedOn, workingDays, met: workingDays <= HANDLING_WORKING_DAYS };
  })() : null;
  const application = newest.r?.previousDecisionId ? 'reapplication' : 'new';
  return {
    period,
    state,
    receivedOn,
    dueOn,
    dueOnNow: receivedOn === null ? null : dueOnAfterPauses(receivedOn, pauses),
    waitingSince: decision === null && waiting !== null ? waiting.sentOn : null,
    answerBy: decision === null && waiting !== null ? waiting.answerBy : null,
    appeal: appealed === null ? null : { decisionId: appealed.decisionId, receivedOn: appealed.receivedOn, inTime: appealed.inTime, forwardedOn: appealed.forwardedOn },
    decision,
    payOn,
    handling,
    application,
    applicantGender: applicantGenderOf(newest.p.members),
  };
}

const PROPOSALS = `SELECT decision_id, case_id, period, recorded_at, json_extract(decision_json, '$.outcome') AS outcome, json_extract(decision_json, '$.payable') AS payable,
  json_extract(decision_json, '$.decidedOn') AS decided_on, json_extract(decision_json, '$.routing') AS routing, json_extract(input_json, '$.members') AS members
  FROM records WHERE ${IS_PROPOSAL} AND case_id IS NOT NULL`;

/** Reads the months of the given proposals' cases (one query per table, grouped here). */
function standings(db: Database.Database, proposals: readonly ProposalDbRow[]): Map<string, { months: MonthStanding[]; history: StatusEvent[] }> {
  const ids = [...new Set(proposals.map((p) => p.case_id))];
  const inList = (col: string) => `${col} IN (SELECT value FROM json_each(?))`;
  const idsJson = JSON.stringify(ids);
  const registered = has(db, 'registered_decisions') ? db.prepare<[string], RegisteredDbRow>(`SELECT * FROM registered_decisions WHERE ${inList('case_id')}`).all(idsJson).map(registeredFromRow) : [];
  const orders = has(db, 'payment_orders') ? db.prepare<[string], OrderDbRow>(`${ORDER_SELECT} WHERE ${inList('o.case_id')} ORDER BY o.pay_on, o.order_id`).all(idsJson).map(orderFromRow) : [];
  const opened = has(db, 'case_log')
    ? db.prepare<[string], { decision_id: string; at: string }>(`SELECT decision_id, MIN(at) AS at FROM case_log WHERE action = 'case.read' AND decision_id IS NOT NULL AND ${inList('case_id')} GROUP BY decision_id`).all(idsJson)
    : [];
  const openedAt = new Map(opened.map((o) => [o.decision_id, o.at]));
  const events = eventsOfCases(db, ids);
  const out = new Map<string, { months: MonthStanding[]; history: StatusEvent[] }>();
  const key = monthKey;
  const regByMonth = new Map<string, RegisteredRow[]>();
  for (const r of registered) regByMonth.set(key(r.caseId, r.period), [...(regByMonth.get(key(r.caseId, r.period)) ?? []), r]);
  const ordersOf = new Map<string, OrderRow[]>();
  for (const o of orders) ordersOf.set(o.decisionId, [...(ordersOf.get(o.decisionId) ?? []), o]);
  const byMonth = new Map<string, ProposalDbRow[]>();
  for (const p of proposals) {
    const k = key(p.case_id, p.period);
    byMonth.set(k, [...(byMonth.get(k) ?? []), p]);
  }
  for (const [k, rows] of [...byMonth].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [caseId, period] = k.split('\u0000') as [string, string];
    const entry = out.get(caseId) ?? { months: [], history: [] };
    const reg = regByMonth.get(k) ?? [];
    const first = rows.map((r) => openedAt.get(r.decision_id)).filter((a): a is string => a !== undefined).sort()[0] ?? null;
    entry.months.unshift(monthOf(period, rows, reg, reg.flatMap((r) => ordersOf.get(r.decisionId) ?? []), first, events.get(monthKey(caseId, period)) ?? NO_EVENTS, entry.history));
    out.set(caseId, entry);
  }
  return out;
}

/** Where one case stands, or null when the store has no proposal of it. */
export function caseStanding(db: Database.Database, caseId: string): CaseStanding | null {
  const proposals = db.prepare<[string], ProposalDbRow>(`${PROPOSALS} AND case_id = ? ORDER BY seq`).all(caseId);
  if (proposals.length === 0) return null;
  const s = standings(db, proposals).get(caseId)!;
  const assigned = has(db, 'case_assignments') ? (db.prepare<[string], string>('SELECT caseworker FROM case_assignments WHERE case_id = ? ORDER BY seq DESC LIMIT 1').pluck().get(caseId) ?? null) : null;
  const lastRegistered = s.months.find((m) => m.decision !== null && !m.decision.automated)?.decision ?? null;
  const caseworker = assigned !== null ? { name: assigned, source: 'assignment' as const } : lastRegistered ? { name: lastRegistered.decidedBy, source: 'decision' as const } : null;
  const order = (e: StatusEvent) => CASE_STATES.indexOf(e.state);
  const history = [...s.history].sort((a, b) => (a.on !== b.on ? (a.on < b.on ? -1 : 1) : order(a) - order(b)));
  return { caseId, caseworker, months: s.months, history };
}

/** Every case-month of the store (for the monthly report), newest month of each case first. */
export function allMonths(db: Database.Database): { caseId: string; month: MonthStanding }[] {
  const proposals = db.prepare<[], ProposalDbRow>(`${PROPOSALS} ORDER BY seq`).all();
  const out: { caseId: string; month: MonthStanding }[] = [];
  for (const [caseId, s] of standings(db, proposals)) for (const month of s.months) out.push({ caseId, month });
  return out;
}
