/**
 * What happens to a case besides its decisions (issue 30): a begäran om komplettering and an
 * överklagande, as events a person records. The store appends them to a hash-chained side chain
 * (src/store/caseEvents.ts); this module is pure: the events' shapes, the checks of a request body, the
 * order the events must come in, and what they say folded together — whether the case waits for the
 * applicant (the handling clock stands still, src/monthly/workdays.ts Pause) and whether an appeal is open.
 *
 * Begäran om komplettering: sent (the day, what is asked, the day the answer is due), then answered
 * (the day the completion arrived; a complete application starts the clock again). One request is open
 * at a time per case and month.
 *
 * Överklagande (43–46 §§ förvaltningslagen (2017:900)): received by the nämnd (the day it arrived, the
 * registered decision it concerns, the day the applicant was notified of that decision if known); in
 * time when it arrived within three weeks of that day (44 §; the last day moves to the next working day
 * when it falls on a Saturday, Sunday, helgdag, midsommarafton, julafton or nyårsafton, lag (1930:173) om
 * beräkning av lagstadgad tid); unknown when the notification day is not known — never guessed. Then:
 * omprövning (39 §: the decision unchanged, or changed by a registered omprövning, the existing change
 * kind); avvisat as late (45 §); forwarded to förvaltningsrätten (46 §); closed (the court ruled, the
 * appeal was withdrawn, or it lapsed because the decision was changed as the applicant asked, 46 §).
 * An appeal is open from its arrival until it is avvisat or closed.
 */
import { addDays } from 'date-fns';
import { isWorkingDay, type Pause } from '../monthly/workdays.ts';
import { isIsoDate } from '../period/index.ts';

export const CASE_EVENT_KINDS = ['completion.request', 'completion.answer', 'appeal.receive', 'appeal.review', 'appeal.dismiss', 'appeal.forward', 'appeal.close'] as const;
export type CaseEventKind = (typeof CASE_EVENT_KINDS)[number];

export const REVIEW_OUTCOMES = ['unchanged', 'changed'] as const;
export const CLOSE_REASONS = ['court-ruled', 'withdrawn', 'lapsed'] as const;
/** The longest free text of a request (what is asked of the applicant). */
export const REQUEST_MAX = 2000;

/** Common to every event: which case and month, which decision (the proposal for a completion, the appealed registered decision for an appeal), who. */
interface Base {
  readonly caseId: string;
  readonly period: string;
  readonly decisionId: string;
  readonly who: string;
  readonly role: string;
}

export type CaseEventEntry =
  | (Base & { readonly kind: 'completion.request'; readonly sentOn: string; readonly request: string; readonly answerBy: string })
  | (Base & { readonly kind: 'completion.answer'; readonly requestSeq: number; readonly answeredOn: string })
  | (Base & { readonly kind: 'appeal.receive'; readonly receivedOn: string; readonly notifiedOn: string | null; readonly lastDay: string | null; readonly inTime: 'yes' | 'no' | 'unknown'; readonly legalRef: string | null })
  | (Base & { readonly kind: 'appeal.review'; readonly appealSeq: number; readonly reviewedOn: string; readonly outcome: (typeof REVIEW_OUTCOMES)[number]; readonly omprovning: string | null; readonly legalRef: string | null })
  | (Base & { readonly kind: 'appeal.dismiss'; readonly appealSeq: number; readonly dismissedOn: string; readonly legalRef: string | null })
  | (Base & { readonly kind: 'appeal.forward'; readonly appealSeq: number; readonly forwardedOn: string })
  | (Base & { readonly kind: 'appeal.close'; readonly appealSeq: number; readonly closedOn: string; readonly reason: (typeof CLOSE_REASONS)[number] });

export interface StoredCaseEvent {
  readonly seq: number;
  readonly at: string;
  readonly entry: CaseEventEntry;
}

export interface Completion {
  readonly seq: number;
  readonly decisionId: string;
  readonly sentOn: string;
  readonly sentBy: string;
  /** What is asked: the caseworker's free text (never shown to Kontaktcenter). */
  readonly request: string;
  readonly answerBy: string;
  readonly answeredOn: string | null;
}

export interface Appeal {
  readonly seq: number;
  /** The registered decision appealed. */
  readonly decisionId: string;
  readonly receivedOn: string;
  readonly notifiedOn: string | null;
  readonly lastDay: string | null;
  readonly inTime: 'yes' | 'no' | 'unknown';
  readonly review: { readonly on: string; readonly outcome: (typeof REVIEW_OUTCOMES)[number]; readonly omprovning: string | null } | null;
  readonly dismissedOn: string | null;
  readonly forwardedOn: string | null;
  readonly closed: { readonly on: string; readonly reason: (typeof CLOSE_REASONS)[number] } | null;
  /** Open from its arrival until avvisat or closed. */
  readonly open: boolean;
}

export interface CaseMonthEvents {
  readonly completions: readonly Completion[];
  readonly appeals: readonly Appeal[];
}

export const NO_EVENTS: CaseMonthEvents = { completions: [], appeals: [] };

/** The events of one case and month, in chain order, folded together. */
export function foldEvents(events: readonly StoredCaseEvent[]): CaseMonthEvents {
  const completions: Completion[] = [];
  const appeals: Appeal[] = [];
  for (const { seq, entry: e } of events) {
    if (e.kind === 'completion.request') completions.push({ seq, decisionId: e.decisionId, sentOn: e.sentOn, sentBy: e.who, request: e.request, answerBy: e.answerBy, answeredOn: null });
    else if (e.kind === 'completion.answer') {
      const at = completions.findIndex((c) => c.seq === e.requestSeq);
      if (at >= 0) completions[at] = { ...completions[at]!, answeredOn: e.answeredOn };
    } else if (e.kind === 'appeal.receive') {
      appeals.push({ seq, decisionId: e.decisionId, receivedOn: e.receivedOn, notifiedOn: e.notifiedOn, lastDay: e.lastDay, inTime: e.inTime, review: null, dismissedOn: null, forwardedOn: null, closed: null, open: true });
    } else {
      const at = appeals.findIndex((a) => a.seq === e.appealSeq);
      if (at < 0) continue;
      const a = appeals[at]!;
      appeals[at] =
        e.kind === 'appeal.review'
          ? { ...a, review: { on: e.reviewedOn, outcome: e.outcome, omprovning: e.omprovning } }
          : e.kind === 'appeal.dismiss'
            ? { ...a, dismissedOn: e.dismissedOn, open: false }
            : e.kind === 'appeal.forward'
              ? { ...a, forwardedOn: e.forwardedOn }
              : { ...a, closed: { on: e.closedOn, reason: e.reason }, open: false };
    }
  }
  return { completions, appeals };
}

/** The stretches the handling clock stood still: each request from the day it was sent to the day the completion arrived. */
export function pausesOf(events: CaseMonthEvents): Pause[] {
  return events.completions.map((c) => ({ from: c.sentOn, to: c.answeredOn }));
}

/** The open request (the case waits for the applicant), or null. */
export const openCompletion = (events: CaseMonthEvents): Completion | null => events.completions.find((c) => c.answeredOn === null) ?? null;

/** The open appeal, or null. */
export const openAppeal = (events: CaseMonthEvents): Appeal | null => events.appeals.find((a) => a.open) ?? null;

/**
 * The last day an appeal may arrive (44 § FL): three weeks from the day the applicant was notified,
 * moved to the next working day when it is not one (lag (1930:173) 2 §: lördag, söndag, helgdag,
 * midsommarafton, julafton, nyårsafton — the days workdays.ts does not count).
 */
export function appealLastDay(notifiedOn: string): string {
  const d = addDays(new Date(`${notifiedOn}T12:00:00Z`), 21);
  let day = d.toISOString().slice(0, 10);
  while (!isWorkingDay(day)) day = addDays(new Date(`${day}T12:00:00Z`), 1).toISOString().slice(0, 10);
  return day;
}

/** Whether an appeal that arrived on `receivedOn` is in time; unknown when the notification day is not known. */
export function appealInTime(receivedOn: string, notifiedOn: string | null): { lastDay: string | null; inTime: 'yes' | 'no' | 'unknown' } {
  if (notifiedOn === null) return { lastDay: null, inTime: 'unknown' };
  const lastDay = appealLastDay(notifiedOn);
  return { lastDay, inTime: receivedOn <= lastDay ? 'yes' : 'no' };
}

// ----------------------------------------------------------------------------------- request bodies

export interface Problem {
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

type Body = Readonly<Record<string, unknown>>;

function day(body: Body, name: string, problems: Problem[], required = true): string | null {
  const v = body[name];
  if ((v === undefined || v === null) && !required) return null;
  if (typeof v === 'string' && isIsoDate(v)) return v;
  problems.push({ path: name, code: v === undefined || v === null ? 'REQUIRED' : 'INVALID_DATE', message: `${name}: ange ett datum ÅÅÅÅ-MM-DD` });
  return null;
}

/** POST …/completions: { sentOn, request, answerBy }. */
export function readCompletionRequest(body: Body): { ok: true; value: { sentOn: string; request: string; answerBy: string } } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  const sentOn = day(body, 'sentOn', problems);
  const answerBy = day(body, 'answerBy', problems);
  const request = typeof body['request'] === 'string' ? body['request'].trim() : '';
  if (request.length < 3 || request.length > REQUEST_MAX) problems.push({ path: 'request', code: 'REQUEST_REQUIRED', message: `Skriv vad den sökande ska komplettera med (3–${REQUEST_MAX} tecken).` });
  if (sentOn !== null && answerBy !== null && answerBy < sentOn) problems.push({ path: 'answerBy', code: 'BEFORE_SENT', message: 'answerBy: svaret kan inte begäras före den dag begäran skickas.' });
  return problems.length > 0 || sentOn === null || answerBy === null ? { ok: false, problems } : { ok: true, value: { sentOn, request, answerBy } };
}

/** POST …/completions/answer: { answeredOn } (after the request was sent). */
export function readCompletionAnswer(body: Body, open: Completion | null): { ok: true; value: { answeredOn: string } } | { ok: false; status: 400 | 409; problems: Problem[] } {
  if (open === null) return { ok: false, status: 409, problems: [{ path: 'decisionId', code: 'NO_OPEN_REQUEST', message: 'Ingen begäran om komplettering väntar på svar i ärendet och månaden.' }] };
  const problems: Problem[] = [];
  const answeredOn = day(body, 'answeredOn', problems);
  if (answeredOn !== null && answeredOn < open.sentOn) problems.push({ path: 'answeredOn', code: 'BEFORE_SENT', message: `answeredOn: kompletteringen kan inte ha kommit in före begäran (${open.sentOn}).` });
  return problems.length > 0 || answeredOn === null ? { ok: false, status: 400, problems } : { ok: true, value: { answeredOn } };
}

/** POST …/appeal: { receivedOn, notifiedOn (null: not known) }; `decidedOn` is the appealed decision's day. */
export function readAppeal(body: Body, decidedOn: string): { ok: true; value: { receivedOn: string; notifiedOn: string | null } } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  const receivedOn = day(body, 'receivedOn', problems);
  if (!('notifiedOn' in body)) problems.push({ path: 'notifiedOn', code: 'REQUIRED', message: 'notifiedOn: ange dagen den sökande fick del av beslutet, eller null om den inte är känd.' });
  const notifiedOn = day(body, 'notifiedOn', problems, false);
  if (notifiedOn !== null && notifiedOn < decidedOn) problems.push({ path: 'notifiedOn', code: 'BEFORE_DECISION', message: `notifiedOn: den sökande kan inte ha fått del av beslutet före beslutsdagen (${decidedOn}).` });
  if (receivedOn !== null && receivedOn < decidedOn) problems.push({ path: 'receivedOn', code: 'BEFORE_DECISION', message: `receivedOn: ett överklagande kan inte komma in före beslutsdagen (${decidedOn}).` });
  return problems.length > 0 || receivedOn === null ? { ok: false, problems } : { ok: true, value: { receivedOn, notifiedOn } };
}

export type AppealStep =
  | { readonly kind: 'appeal.review'; readonly reviewedOn: string; readonly outcome: (typeof REVIEW_OUTCOMES)[number]; readonly omprovning: string | null }
  | { readonly kind: 'appeal.dismiss'; readonly dismissedOn: string }
  | { readonly kind: 'appeal.forward'; readonly forwardedOn: string }
  | { readonly kind: 'appeal.close'; readonly closedOn: string; readonly reason: (typeof CLOSE_REASONS)[number] };

/** POST …/appeal/review | dismiss | forward | close: the step's body, checked against the open appeal (409 when the step does not fit it). */
export function readAppealStep(step: 'review' | 'dismiss' | 'forward' | 'close', body: Body, open: Appeal | null): { ok: true; value: AppealStep } | { ok: false; status: 400 | 409; problems: Problem[] } {
  if (open === null) return { ok: false, status: 409, problems: [{ path: 'decisionId', code: 'NO_OPEN_APPEAL', message: 'Beslutet har inget öppet överklagande.' }] };
  const problems: Problem[] = [];
  const conflict = (code: string, message: string) => ({ ok: false as const, status: 409 as const, problems: [{ path: 'decisionId', code, message }] });
  const name = step === 'review' ? 'reviewedOn' : step === 'dismiss' ? 'dismissedOn' : step === 'forward' ? 'forwardedOn' : 'closedOn';
  const on = day(body, name, problems);
  if (on !== null && on < open.receivedOn) problems.push({ path: name, code: 'BEFORE_APPEAL', message: `${name}: kan inte vara före dagen överklagandet kom in (${open.receivedOn}).` });
  if (step === 'review') {
    if (open.review !== null) return conflict('ALREADY_REVIEWED', `Överklagandet omprövades redan ${open.review.on}.`);
    if (open.forwardedOn !== null) return conflict('ALREADY_FORWARDED', `Överklagandet är redan överlämnat till förvaltningsrätten (${open.forwardedOn}): nämnden omprövar inte längre (39 § FL).`);
    const outcome = body['outcome'];
    if (!(REVIEW_OUTCOMES as readonly unknown[]).includes(outcome)) problems.push({ path: 'outcome', code: 'INVALID_PARAMETER', message: 'outcome: ange unchanged (beslutet står fast) eller changed (ändrat genom omprövning)' });
    const omprovning = typeof body['omprovning'] === 'string' ? body['omprovning'] : null;
    if (outcome === 'changed' && omprovning === null) problems.push({ path: 'omprovning', code: 'REQUIRED', message: 'omprovning: ange det registrerade omprövningsbeslutet (POST /api/decisions/:id/changes med kind omprovning).' });
    if (outcome === 'unchanged' && omprovning !== null) problems.push({ path: 'omprovning', code: 'NOT_CHANGED', message: 'omprovning: ett beslut som står fast har inget omprövningsbeslut.' });
    return problems.length > 0 || on === null ? { ok: false, status: 400, problems } : { ok: true, value: { kind: 'appeal.review', reviewedOn: on, outcome: outcome as 'unchanged' | 'changed', omprovning } };
  }
  if (step === 'dismiss') {
    if (open.inTime !== 'no') return conflict('NOT_LATE', open.inTime === 'unknown' ? 'Dagen den sökande fick del av beslutet är inte känd: ett överklagande avvisas inte som för sent på en gissning (45 § FL).' : `Överklagandet kom in i tid (sista dag ${open.lastDay}): det avvisas inte som för sent.`);
    if (open.forwardedOn !== null) return conflict('ALREADY_FORWARDED', `Överklagandet är redan överlämnat till förvaltningsrätten (${open.forwardedOn}).`);
    return problems.length > 0 || on === null ? { ok: false, status: 400, problems } : { ok: true, value: { kind: 'appeal.dismiss', dismissedOn: on } };
  }
  if (step === 'forward') {
    if (open.forwardedOn !== null) return conflict('ALREADY_FORWARDED', `Överklagandet är redan överlämnat (${open.forwardedOn}).`);
    return problems.length > 0 || on === null ? { ok: false, status: 400, problems } : { ok: true, value: { kind: 'appeal.forward', forwardedOn: on } };
  }
  const reason = body['reason'];
  if (!(CLOSE_REASONS as readonly unknown[]).includes(reason)) problems.push({ path: 'reason', code: 'INVALID_PARAMETER', message: `reason: ange ${CLOSE_REASONS.join(', ')}` });
  if (reason === 'court-ruled' && open.forwardedOn === null) return conflict('NOT_FORWARDED', 'Överklagandet är inte överlämnat till förvaltningsrätten: domstolen kan inte ha avgjort det.');
  return problems.length > 0 || on === null ? { ok: false, status: 400, problems } : { ok: true, value: { kind: 'appeal.close', closedOn: on, reason: reason as (typeof CLOSE_REASONS)[number] } };
}
