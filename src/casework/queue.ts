/**
 * The queue to work from (issue 22): a month's proposals with what the caseworker filters, sorts and
 * searches by. The query is read from the API's parameters (each checked: a bad value is a problem
 * naming the parameter); the rows come from the store (CaseWork.proposalsOf), already reduced to what
 * the queue shows. Codes stay codes here; their Swedish words are added by the web layer.
 */
import { pointTextSv, type PointLike } from '../explain/casework.ts';
import { People } from '../explain/people.ts';
import { parseKronor } from '../money/index.ts';
import { isIsoDate, parsePeriod } from '../period/index.ts';
import type { ProposalRow } from '../store/casework.ts';
import type { Routing } from '../monthly/propose.ts';
import { dueOnAfterPauses, workingDaysUsed } from '../monthly/workdays.ts';
import { NO_EVENTS, openAppeal, openCompletion, pausesOf, type CaseMonthEvents } from './caseEvents.ts';

export const SORTS = ['dueOn', 'receivedOn', 'payable', 'daysUsed'] as const;
export const STATUSES = ['open', 'decided', 'all'] as const;
export const ROUTES = ['ready', 'caseworker', 'preview'] as const;
export const OUTCOMES = ['approve', 'partial', 'deny', 'needs-information'] as const;
export const MAX_PAGE_SIZE = 200;

export interface QueueQuery {
  readonly period: string | null;
  readonly status: (typeof STATUSES)[number];
  readonly pastDue: boolean | null;
  readonly today: string;
  readonly to: (typeof ROUTES)[number] | null;
  readonly outcome: string | null;
  readonly reasons: readonly string[];
  readonly children: boolean | null;
  readonly municipality: string | null;
  readonly q: string | null;
  readonly sort: (typeof SORTS)[number];
  readonly order: 'asc' | 'desc';
  readonly page: number;
  readonly pageSize: number;
  /** "ids": only the cases' ids in order (next and previous case), not the page of items. */
  readonly view: 'items' | 'ids';
}

export interface QueueProblem {
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

/** The parameters the queue knows; any other is refused, so a typo never silently shows the whole queue. */
export const QUEUE_PARAMETERS = ['period', 'status', 'pastDue', 'today', 'to', 'outcome', 'reason', 'children', 'municipality', 'q', 'sort', 'order', 'page', 'pageSize', 'view', 'purpose'] as const;

function bool(value: string | null, name: string, problems: QueueProblem[]): boolean | null {
  if (value === null) return null;
  if (value === 'true') return true;
  if (value === 'false') return false;
  problems.push({ path: name, code: 'INVALID_PARAMETER', message: `${name}: ange true eller false, inte "${value}"` });
  return null;
}

function oneOf<T extends string>(value: string | null, name: string, allowed: readonly T[], problems: QueueProblem[]): T | null {
  if (value === null) return null;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  problems.push({ path: name, code: 'INVALID_PARAMETER', message: `${name}: ange något av ${allowed.join(', ')}, inte "${value.slice(0, 40)}"` });
  return null;
}

function whole(value: string | null, name: string, min: number, max: number, problems: QueueProblem[]): number | null {
  if (value === null) return null;
  if (/^[0-9]{1,6}$/.test(value) && Number(value) >= min && Number(value) <= max) return Number(value);
  problems.push({ path: name, code: 'INVALID_PARAMETER', message: `${name}: ange ett heltal ${min}–${max}, inte "${value.slice(0, 40)}"` });
  return null;
}

/** Reads the queue's parameters; `today` is the server's day unless the request names another. */
export function parseQueueQuery(params: URLSearchParams, today: string): { ok: true; query: QueueQuery } | { ok: false; problems: QueueProblem[] } {
  const problems: QueueProblem[] = [];
  for (const name of new Set(params.keys())) {
    if (!(QUEUE_PARAMETERS as readonly string[]).includes(name)) problems.push({ path: name, code: 'UNKNOWN_PARAMETER', message: `${name}: okänd parameter; kön tar ${QUEUE_PARAMETERS.join(', ')}` });
    else if (name !== 'reason' && params.getAll(name).length > 1) problems.push({ path: name, code: 'INVALID_PARAMETER', message: `${name}: ange parametern en gång` });
  }
  const get = (name: string) => {
    const v = params.get(name);
    return v === null || v === '' ? null : v;
  };
  const period = get('period');
  if (period !== null && parsePeriod(period) === null) problems.push({ path: 'period', code: 'INVALID_PERIOD', message: `period: ange månaden som ÅÅÅÅ-MM, inte "${period.slice(0, 40)}"` });
  const day = get('today') ?? today;
  if (!isIsoDate(day)) problems.push({ path: 'today', code: 'INVALID_DATE', message: `today: ange ett datum ÅÅÅÅ-MM-DD, inte "${day.slice(0, 40)}"` });
  const municipality = get('municipality');
  if (municipality !== null && !/^[0-9]{4}$/.test(municipality)) problems.push({ path: 'municipality', code: 'INVALID_PARAMETER', message: `municipality: ange en kommunkod med fyra siffror, inte "${municipality.slice(0, 40)}"` });
  const reasons = params.getAll('reason').flatMap((r) => r.split(',')).filter((r) => r !== '');
  for (const r of reasons) if (!/^[A-Z][A-Z0-9_]{1,60}$/.test(r)) problems.push({ path: 'reason', code: 'INVALID_PARAMETER', message: `reason: en kod som RENT_ABOVE_CEILING, inte "${r.slice(0, 40)}"` });
  const q = get('q');
  if (q !== null && q.length > 64) problems.push({ path: 'q', code: 'INVALID_PARAMETER', message: 'q: högst 64 tecken' });
  const query = {
    period,
    status: oneOf(get('status'), 'status', STATUSES, problems) ?? 'open',
    pastDue: bool(get('pastDue'), 'pastDue', problems),
    today: day,
    to: oneOf(get('to'), 'to', ROUTES, problems),
    outcome: oneOf(get('outcome'), 'outcome', OUTCOMES, problems),
    reasons,
    children: bool(get('children'), 'children', problems),
    municipality,
    q: q === null ? null : q.trim(),
    sort: oneOf(get('sort'), 'sort', SORTS, problems) ?? 'dueOn',
    order: oneOf(get('order'), 'order', ['asc', 'desc'] as const, problems) ?? 'asc',
    page: whole(get('page'), 'page', 1, 100000, problems) ?? 1,
    pageSize: whole(get('pageSize'), 'pageSize', 1, MAX_PAGE_SIZE, problems) ?? 25,
    view: oneOf(get('view'), 'view', ['items', 'ids'] as const, problems) ?? 'items',
  };
  return problems.length > 0 ? { ok: false, problems } : { ok: true, query };
}

export interface QueueItem {
  readonly decisionId: string;
  readonly caseId: string;
  readonly period: string;
  readonly municipality: string | null;
  readonly to: (typeof ROUTES)[number];
  /** The due day of the monthly run, and the due day after the pauses of a begäran om komplettering (null while one is open). */
  readonly dueOn: string | null;
  readonly dueOnNow: string | null;
  readonly receivedOn: string | null;
  /** Working days used from the arrival to the first decision, or to `today` while undecided, less the pauses; null without an arrival day. */
  readonly daysUsed: number | null;
  /** The day the open begäran om komplettering was sent (the case waits for the applicant), else null. */
  readonly waitingSince: string | null;
  /** The day the open appeal of the month's decision arrived, else null. */
  readonly appealedOn: string | null;
  readonly pastDue: boolean;
  readonly outcome: string;
  readonly payable: string | null;
  readonly reasons: readonly string[];
  /** Every missing fact, in Swedish (the proposal's own words). */
  readonly missing: readonly { readonly code: string; readonly text: string }[];
  readonly hasChildren: boolean;
  readonly previousDecisionId: string | null;
  readonly registered: { readonly decisionId: string; readonly outcome: string; readonly payable: string; readonly decidedOn: string; readonly decidedBy: string; readonly changeKind: string | null } | null;
}

type Text = PointLike;

/**
 * One store row as a queue item, or null for a proposal the queue does not show (an automated decision).
 * `events`: the case and month's begäran om komplettering and appeals (src/store/caseEvents.ts).
 */
export function queueItem(row: ProposalRow, today: string, events: CaseMonthEvents = NO_EVENTS, options: { readonly seesProtectedIdentity?: boolean } = {}): QueueItem | null {
  const routing = row.routing === null ? null : (JSON.parse(row.routing) as Routing);
  if (routing?.automated) return null;
  const needs = (JSON.parse(row.needs ?? '[]') as Text[] | null) ?? [];
  const flags = (JSON.parse(row.flags ?? '[]') as { code: string; severity: string }[] | null) ?? [];
  const members = (JSON.parse(row.members ?? '[]') as { role?: string }[] | null) ?? [];
  // The people named in the missing facts; a protected member's name only for the role that may see it.
  const people = People.fromInput({ period: row.period, members }, { masked: options.seesProtectedIdentity !== true });
  const reasons = routing ? [...routing.reasons] : [...new Set([...(needs.length > 0 ? ['NEEDS_INFORMATION'] : []), ...flags.filter((f) => f.severity === 'block' || f.severity === 'assessment').map((f) => f.code)])];
  const decided = row.registered !== null;
  const dueOn = routing?.dueOn ?? null;
  const receivedOn = routing?.receivedOn ?? null;
  const pauses = pausesOf(events);
  const dueOnNow = receivedOn === null ? dueOn : dueOnAfterPauses(receivedOn, pauses);
  const countedTo = row.firstDecidedOn ?? today;
  return {
    decisionId: row.decisionId,
    caseId: row.caseId,
    period: row.period,
    municipality: row.municipality,
    to: routing ? routing.to : 'preview',
    dueOn,
    dueOnNow,
    receivedOn,
    daysUsed: receivedOn === null ? null : workingDaysUsed(receivedOn, countedTo, pauses.filter((p) => p.from <= countedTo)),
    waitingSince: decided ? null : (openCompletion(events)?.sentOn ?? null),
    appealedOn: openAppeal(events)?.receivedOn ?? null,
    pastDue: !decided && dueOnNow !== null && dueOnNow < today,
    outcome: row.outcome,
    payable: row.payable,
    reasons,
    missing: needs.map((n) => ({ code: n.code, text: pointTextSv(n, people) })),
    hasChildren: members.some((m) => m.role === 'child'),
    previousDecisionId: routing?.previousDecisionId ?? null,
    registered: row.registered === null ? null : { decisionId: row.registered.decisionId, outcome: row.registered.outcome, payable: row.registered.payable, decidedOn: row.registered.decidedOn, decidedBy: row.registered.decidedBy, changeKind: row.registered.changeKind },
  };
}

function compareNullable(a: string | number | null, b: string | number | null, order: 'asc' | 'desc'): number {
  if (a === b) return 0;
  if (a === null) return 1; // unknown last, whichever the order
  if (b === null) return -1;
  const c = a < b ? -1 : 1;
  return order === 'asc' ? c : -c;
}

const payableOre = (p: string | null): number | null => (p === null ? null : parseKronor(p));

/** The items the query selects, sorted: by the chosen key, then cases to assess before ready ones, then by case id. */
export function selectQueue(items: readonly QueueItem[], query: QueueQuery): QueueItem[] {
  const q = query.q?.toLowerCase() ?? null;
  const selected = items.filter(
    (i) =>
      (query.status === 'all' || (query.status === 'decided') === (i.registered !== null)) &&
      (query.pastDue === null || i.pastDue === query.pastDue) &&
      (query.to === null || i.to === query.to) &&
      (query.outcome === null || i.outcome === query.outcome) &&
      query.reasons.every((r) => i.reasons.includes(r)) &&
      (query.children === null || i.hasChildren === query.children) &&
      (query.municipality === null || i.municipality === query.municipality) &&
      (q === null || i.caseId.toLowerCase().includes(q)),
  );
  const key = (i: QueueItem): string | number | null => (query.sort === 'payable' ? payableOre(i.payable) : query.sort === 'receivedOn' ? i.receivedOn : query.sort === 'daysUsed' ? i.daysUsed : i.dueOnNow);
  return selected.sort((a, b) => compareNullable(key(a), key(b), query.order) || (a.to === b.to ? 0 : a.to === 'caseworker' ? -1 : b.to === 'caseworker' ? 1 : 0) || (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
}

/** How many items of each reason, outcome and municipality the status selects: the filters' choices. */
export function facetsOf(items: readonly QueueItem[], status: QueueQuery['status']): { reasons: Record<string, number>; outcomes: Record<string, number>; municipalities: Record<string, number>; routes: Record<string, number> } {
  const reasons: Record<string, number> = {};
  const outcomes: Record<string, number> = {};
  const municipalities: Record<string, number> = {};
  const routes: Record<string, number> = {};
  for (const i of items) {
    if (status !== 'all' && (status === 'decided') !== (i.registered !== null)) continue;
    for (const r of i.reasons) reasons[r] = (reasons[r] ?? 0) + 1;
    outcomes[i.outcome] = (outcomes[i.outcome] ?? 0) + 1;
    if (i.municipality !== null) municipalities[i.municipality] = (municipalities[i.municipality] ?? 0) + 1;
    routes[i.to] = (routes[i.to] ?? 0) + 1;
  }
  return { reasons, outcomes, municipalities, routes };
}
