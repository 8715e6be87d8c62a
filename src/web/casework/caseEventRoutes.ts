/**
 * Begäran om komplettering and överklagande through the staff API (issue 30, docs/web.md). Same rules as
 * the rest of the workday (routes.ts): a signed-in person whose role may do the step (403 otherwise),
 * JSON bodies, every step written with its case-log row (src/store/caseEvents.ts).
 *
 *   POST /api/cases/:decisionId/completions          { sentOn, request, answerBy }   a begäran om komplettering sent
 *   POST /api/cases/:decisionId/completions/answer   { answeredOn }                  the completion arrived (the clock runs again)
 *   POST /api/decisions/:decisionId/appeal           { receivedOn, notifiedOn|null }  an appeal of a registered decision arrived
 *   POST /api/decisions/:decisionId/appeal/review    { reviewedOn, outcome, omprovning }  the nämnd's omprövning (39 § FL)
 *   POST /api/decisions/:decisionId/appeal/dismiss   { dismissedOn }                 avvisat as late (45 § FL)
 *   POST /api/decisions/:decisionId/appeal/forward   { forwardedOn }                 forwarded to förvaltningsrätten (46 § FL)
 *   POST /api/decisions/:decisionId/appeal/close     { closedOn, reason }            court-ruled, withdrawn or lapsed
 *
 * The case view (GET /api/cases/:id) carries the month's handling figures and these events (handlingOf).
 */
import type { Context, Hono } from 'hono';
import { appealInTime, openAppeal, openCompletion, pausesOf, readAppeal, readAppealStep, readCompletionAnswer, readCompletionRequest, type CaseEventEntry, type CaseMonthEvents, type Problem } from '../../casework/caseEvents.ts';
import { CLOSE_SV, REVIEW_SV } from '../../explain/casework.ts';
import { dueOnAfterPauses, HANDLING_WORKING_DAYS, workingDaysUsed } from '../../monthly/workdays.ts';
import { appendCaseEvent, eventsOf } from '../../store/caseEvents.ts';
import { CaseWork, type RegisteredRow } from '../../store/casework.ts';
import type { StoredRecord } from '../../store/store.ts';
import type { Action, Staff } from './auth.ts';

type Env = { Variables: { staff: Staff } };

/** What routes.ts lends these routes: its role check, body reader, store and answers. */
export interface CaseEventHelpers {
  readonly allowed: (c: Context<Env>, action: Action) => { role: string } | Response;
  readonly readJson: (c: Context) => Promise<{ ok: true; value: Record<string, unknown> } | { ok: false; response: Response }>;
  readonly open: () => CaseWork | null;
  readonly noStore: (c: Context) => Response;
  readonly purposeOf: (c: Context<Env>, role: string, body?: Record<string, unknown>) => string;
  readonly fail: (c: Context, status: 400 | 403 | 404 | 409 | 413 | 415 | 503, problems: readonly Problem[]) => Response;
  readonly json: (c: Context, status: 200 | 201, value: unknown) => Response;
  readonly storeFailure: (c: Context, error: unknown) => Response;
  readonly clock: () => Date;
}

const DECISION_ID = /^D-[0-9]{8}-[0-9a-f]{16}$/;

/** A step refused because it does not fit what was recorded before (thrown inside the store's transaction). */
class StepConflict extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => p.message).join(' '));
  }
}

/**
 * The month's handling figures for the case view: arrival, the due day (after any pause), the working
 * days used up to the first decision or to `today` (the server's day, given by the edge), and the
 * begäran om komplettering and appeals recorded, with what the person may do next.
 */
export function handlingOf(cw: CaseWork, caseId: string | null, period: string, routing: { receivedOn: string | null; dueOn: string | null } | null, line: readonly RegisteredRow[], today: string) {
  const events = caseId === null ? { completions: [], appeals: [] } : eventsOf(cw, caseId, period);
  const pauses = pausesOf(events);
  const receivedOn = routing?.receivedOn ?? null;
  const first = line.find((r) => r.supersedes === null) ?? null;
  const countedTo = first?.decidedOn ?? today;
  const dueOnNow = receivedOn === null ? (routing?.dueOn ?? null) : dueOnAfterPauses(receivedOn, pauses);
  const waiting = openCompletion(events);
  return {
    handling: {
      receivedOn,
      dueOn: routing?.dueOn ?? null,
      dueOnNow,
      target: HANDLING_WORKING_DAYS,
      daysUsed: receivedOn === null ? null : workingDaysUsed(receivedOn, countedTo, pauses.filter((p) => p.from <= countedTo)),
      countedTo,
      decided: first !== null,
      waiting: waiting !== null,
      pastDue: first === null && dueOnNow !== null && dueOnNow < today,
    },
    completions: events.completions,
    appeals: events.appeals.map((a) => ({ ...a, reviewText: a.review ? (REVIEW_SV[a.review.outcome] ?? a.review.outcome) : null, closedText: a.closed ? (CLOSE_SV[a.closed.reason] ?? a.closed.reason) : null })),
    next: { answer: waiting !== null, request: waiting === null && first === null, appeal: line.length > 0 && openAppeal(events) === null },
  };
}

export function addCaseEventRoutes(api: Hono<Env>, h: CaseEventHelpers): void {
  const badId = (c: Context) => h.fail(c, 400, [{ path: 'decisionId', code: 'INVALID_DECISION_ID', message: 'expected a decision id D-00000000-0123456789abcdef' }]);

  /** Appends the step; a conflict found inside the transaction is 409 naming what was recorded before. */
  const append = (c: Context<Env>, cw: CaseWork, entry: CaseEventEntry, purpose: string, check: (events: CaseMonthEvents) => Problem[] | null, answer: () => unknown) => {
    try {
      appendCaseEvent(cw, h.clock().toISOString(), entry, purpose, (events) => {
        const problems = check(events);
        if (problems) throw new StepConflict(problems);
      });
      return h.json(c, 201, answer());
    } catch (error) {
      if (error instanceof StepConflict) return h.fail(c, 409, error.problems);
      return h.storeFailure(c, error);
    }
  };

  /** The proposal a completion is recorded on (a registered decision's id leads to its proposal). */
  const proposalRecord = (cw: CaseWork, id: string): StoredRecord | null => {
    const record = cw.store.get(id);
    if (record && CaseWork.isRegistration(record)) return cw.store.get(cw.registered(id)!.input.proposal.decisionId) ?? null;
    return record ?? null;
  };

  const completion = (path: string, step: 'request' | 'answer') =>
    api.post(path, async (c) => {
      const may = h.allowed(c, 'completion.record');
      if (may instanceof Response) return may;
      const id = c.req.param('decisionId') ?? '';
      if (!DECISION_ID.test(id)) return badId(c);
      const body = await h.readJson(c);
      if (!body.ok) return body.response;
      const cw = h.open();
      if (!cw) return h.noStore(c);
      const record = proposalRecord(cw, id);
      if (!record || record.caseId === null) return h.fail(c, 404, [{ path: 'decisionId', code: 'UNKNOWN_DECISION', message: `Det finns inget förslag ${id} med ett ärendenummer i beslutsregistret.` }]);
      const staff = c.get('staff');
      const base = { caseId: record.caseId, period: record.period, decisionId: record.decisionId, who: staff.user, role: may.role };
      const purpose = h.purposeOf(c, may.role, body.value);
      if (step === 'request') {
        const read = readCompletionRequest(body.value);
        if (!read.ok) return h.fail(c, 400, read.problems);
        const entry: CaseEventEntry = { kind: 'completion.request', ...base, ...read.value };
        return append(c, cw, entry, purpose, (events) => {
          const open = openCompletion(events);
          if (open) return [{ path: 'decisionId', code: 'REQUEST_OPEN', message: `En begäran om komplettering skickad ${open.sentOn} väntar redan på svar: registrera svaret först.` }];
          if (cw.lineage(base.caseId, base.period).length > 0) return [{ path: 'decisionId', code: 'ALREADY_DECIDED', message: 'Ärendet är redan beslutat för månaden: en begäran om komplettering hör till handläggningen före beslutet.' }];
          return null;
        }, () => ({ completions: eventsOf(cw, base.caseId, base.period).completions }));
      }
      const events = eventsOf(cw, base.caseId, base.period);
      const read = readCompletionAnswer(body.value, openCompletion(events));
      if (!read.ok) return h.fail(c, read.status, read.problems);
      const requestSeq = openCompletion(events)!.seq;
      const entry: CaseEventEntry = { kind: 'completion.answer', ...base, requestSeq, answeredOn: read.value.answeredOn };
      return append(c, cw, entry, purpose, (now) => (openCompletion(now)?.seq === requestSeq ? null : [{ path: 'decisionId', code: 'CHANGED_MEANWHILE', message: 'Begäran besvarades medan du skrev: läs in ärendet igen.' }]), () => ({ completions: eventsOf(cw, base.caseId, base.period).completions }));
    });
  completion('/api/cases/:decisionId/completions', 'request');
  completion('/api/cases/:decisionId/completions/answer', 'answer');

  /** The registered decision an appeal concerns, or a 400 naming the id (a proposal or an unknown id cannot be appealed). */
  const appealed = (c: Context, cw: CaseWork, id: string) => {
    const reg = cw.registered(id);
    if (!reg) return { response: h.fail(c, 400, [{ path: 'decisionId', code: 'NOT_A_REGISTERED_DECISION', message: `${id} är inget registrerat beslut: ett överklagande gäller ett beslut som en person har fattat, inte ett förslag.` }]) };
    return { reg };
  };
  const refOf = (cw: CaseWork, record: StoredRecord, name: string): string | null => cw.store.ruleSet(record.ruleSetVersion).rules.legal.refs[name]?.ref ?? null;

  /** What every appeal route starts with: the role, the id, the body, the store and the registered decision; or the answer that ends the request. */
  const appealRequest = async (c: Context<Env>, step: string | null) => {
    const may = h.allowed(c, 'appeal.record');
    if (may instanceof Response) return may;
    const id = c.req.param('decisionId') ?? '';
    if (!DECISION_ID.test(id)) return badId(c);
    if (step !== null && step !== 'review' && step !== 'dismiss' && step !== 'forward' && step !== 'close') return h.fail(c, 404, [{ path: 'step', code: 'UNKNOWN_STEP', message: 'step: review, dismiss, forward eller close' }]);
    const body = await h.readJson(c);
    if (!body.ok) return body.response;
    const cw = h.open();
    if (!cw) return h.noStore(c);
    const found = appealed(c, cw, id);
    if ('response' in found) return found.response;
    return { may, id, body: body.value, cw, ...found.reg, purpose: h.purposeOf(c, may.role, body.value), who: c.get('staff').user };
  };

  api.post('/api/decisions/:decisionId/appeal', async (c) => {
    const r = await appealRequest(c, null);
    if (r instanceof Response) return r;
    const { may, id, cw, record, input, decision } = r;
    const read = readAppeal(r.body, decision.decidedOn);
    if (!read.ok) return h.fail(c, 400, read.problems);
    const entry: CaseEventEntry = { kind: 'appeal.receive', caseId: input.caseId, period: input.period, decisionId: id, who: r.who, role: may.role, ...read.value, ...appealInTime(read.value.receivedOn, read.value.notifiedOn), legalRef: refOf(cw, record, 'appealDeadline') };
    return append(c, cw, entry, r.purpose, (events) => {
      const open = events.appeals.find((a) => a.open && a.decisionId === id);
      return open ? [{ path: 'decisionId', code: 'APPEAL_OPEN', message: `Beslutet har redan ett öppet överklagande (kom in ${open.receivedOn}).` }] : null;
    }, () => ({ appeals: eventsOf(cw, input.caseId, input.period).appeals }));
  });

  api.post('/api/decisions/:decisionId/appeal/:step', async (c) => {
    const step = c.req.param('step');
    const r = await appealRequest(c, step);
    if (r instanceof Response) return r;
    const { may, id, cw, record, input } = r;
    const events = eventsOf(cw, input.caseId, input.period);
    const open = events.appeals.find((a) => a.open && a.decisionId === id) ?? null;
    const read = readAppealStep(step as 'review' | 'dismiss' | 'forward' | 'close', r.body, open);
    if (!read.ok) return h.fail(c, read.status, read.problems);
    const v = read.value;
    if (v.kind === 'appeal.review' && v.omprovning !== null) {
      // The omprövning is the existing change kind: a registered decision of kind omprovning in this decision's line, after it.
      const line = cw.lineage(input.caseId, input.period);
      const at = line.findIndex((r) => r.decisionId === id);
      const o = line.findIndex((r) => r.decisionId === v.omprovning);
      if (o <= at || line[o]!.changeKind !== 'omprovning') return h.fail(c, 400, [{ path: 'omprovning', code: 'NOT_AN_OMPROVNING', message: `${v.omprovning} är inget registrerat omprövningsbeslut av ${id} (registrera det som en ändring av slaget omprövning först).` }]);
    }
    const base = { caseId: input.caseId, period: input.period, decisionId: id, who: r.who, role: may.role, appealSeq: open!.seq };
    const entry: CaseEventEntry =
      v.kind === 'appeal.review'
        ? { ...base, ...v, legalRef: refOf(cw, record, 'appealReview') }
        : v.kind === 'appeal.dismiss'
          ? { ...base, ...v, legalRef: refOf(cw, record, 'appealLate') }
          : { ...base, ...v };
    return append(c, cw, entry, r.purpose, (now) => (now.appeals.some((a) => a.seq === open!.seq && a.open) ? null : [{ path: 'decisionId', code: 'CHANGED_MEANWHILE', message: 'Överklagandet ändrades medan du skrev: läs in ärendet igen.' }]), () => ({
      appeals: eventsOf(cw, input.caseId, input.period).appeals,
    }));
  });
}
