/**
 * The caseworker's workday as an API (issue 22, docs/web.md). Every route needs a signed-in person
 * (trusted proxy headers, auth.ts) with a role that may do the action (403 otherwise), and every read
 * and write of a case is written to the case log: who, in which role, what, when, why.
 *
 *   GET  /api/queue?…                        the queue: filters, sorting, search, paging (casework/queue.ts)
 *   GET  /api/cases/:decisionId              the case view of a proposal (or of the proposal a registered decision was made on)
 *   POST /api/cases/:decisionId/decision     register the decision on a proposal (once per case and month)
 *   POST /api/decisions/:decisionId/changes  rättelse, ändring or omprövning of the newest registered decision
 *   GET  /api/decisions/:decisionId/letter   the applicant's letter as stored at registration (PDF; letterRoutes.ts)
 *   POST /api/decisions/:decisionId/letter   make and store it when it was not made at registration
 *   POST /api/proposals                      record a proposal computed from a household (the preview's "Till beslut")
 *   GET  /api/payments?status=&caseId=       payment orders with their status
 *   POST /api/payments/:orderId/stop         stop an order before export, with a reason
 *   POST /api/payments/export                export the orders due up to a day as a pain.001 file
 *   GET  /api/payments/exports[/:exportId]   the exports made; one file, byte for byte
 *   GET  /api/log?caseId=&afterSeq=&limit=   the case log (auditor)
 *
 * Bodies are JSON (Content-Type application/json: a form on another site cannot post them) and a
 * write from another site (Sec-Fetch-Site) is refused. Names, personnummer and addresses of people
 * with skyddade personuppgifter are masked unless the person has the role that may see them.
 */
import type { Context, Hono } from 'hono';
import { contractDecision } from '../../explain/contract.ts';
import { OUTCOME_SV, reasonSv, ROUTING_SV, SORT_SV, STATUS_SV } from '../../explain/casework.ts';
import { renderProblems } from '../../explain/problems.ts';
import { evaluateHousehold } from '../../index.ts';
import { isIsoDate } from '../../period/index.ts';
import type { RuleSetCache } from '../../rulebook/resolve.ts';
import type { VersionedRuleSet } from '../../rulebook/types.ts';
import { controlTotal, pain001, type Payer } from '../../casework/pain001.ts';
import { maskProtected, MASK } from '../../casework/protectedIdentity.ts';
import { facetsOf, parseQueueQuery, queueItem, selectQueue, type QueueItem } from '../../casework/queue.ts';
import { supportObstaclesFor } from '../../casework/supportObstacle.ts';
import { changeDecision, registerDecision, type RegisterResult } from '../../casework/workday.ts';
import { CaseWork, ConflictError, type OrderRow } from '../../store/casework.ts';
import { StoreError, StoreNotFoundError } from '../../store/store.ts';
import { readBodyText } from '../body.ts';
import { authorize, identify, type Action, type Staff, type TrustedHeaderAuth } from './auth.ts';
import { caseView, orderView } from './caseView.ts';
import { addCaseEventRoutes, handlingOf } from './caseEventRoutes.ts';
import { eventsOfPeriod, monthKey } from '../../store/caseEvents.ts';
import { childQuestionsOf } from './childQuestions.ts';
import { addLetterRoutes, letterAfterRegistration, letterState } from './letterRoutes.ts';
import type { LetterOffice, LetterPrinter } from '../../casework/letter.ts';
import type { StaffDirectory } from '../../casework/staffDirectory.ts';

/** One Chromium for the server's letters, started on the first letter (src/cli/pdf.ts): the workday's and the preview page's. */
let shared: ((html: string) => Promise<Uint8Array>) | null = null;
export const printLetterPdf: LetterPrinter = async (html) => {
  shared ??= (await import('../../cli/pdf.ts')).sharedPrinter().print;
  return shared(html);
};
const defaultPrinter = printLetterPdf;

export interface CaseworkOptions {
  /** The decision store; null: every route answers 404 NO_STORE (after the role check). */
  readonly storePath: string | null;
  /** The trusted login headers; null: every route answers 403. */
  readonly auth: TrustedHeaderAuth | null;
  readonly clock: () => Date;
  /** Who pays (the payment file's debtor); null: export answers 503 NO_PAYMENT_CONFIG. */
  readonly payer: Payer | null;
  readonly cache: RuleSetCache;
  /**
   * Prints the applicant's letter of a registered decision to an A4 PDF (issue 21): absent, one
   * Chromium shared by the server (src/cli/pdf.ts sharedPrinter); null, no letters are made (the
   * registration says so and the letter can be made later).
   */
  readonly printLetter?: LetterPrinter | null;
  /**
   * The decision makers' names and titles by login (serve --staff-directory, casework/staffDirectory.ts):
   * a letter is signed with them, never with the login. Null: no letter of a decision is made.
   */
  readonly staffDirectory?: StaffDirectory | null;
}

const DECISION_ID = /^D-[0-9]{8}-[0-9a-f]{16}$/;
const ORDER_ID = /^D-[0-9]{8}-[0-9a-f]{16}-[0-9]{1,4}$/;
/** An export's id: the day and its number that day, U-2026-03-05-0001 (never personnummer-shaped, so never masked). */
const EXPORT_ID = /^U-[0-9]{4}-[0-9]{2}-[0-9]{2}-[0-9]{4}$/;
const MAX_BODY = 256 * 1024;

type Problem = { path: string; code: string; message: string };
type Env = { Variables: { staff: Staff } };

/** Today in Sweden (Europe/Stockholm), YYYY-MM-DD: the day a decision is made and a case is past due. */
export function stockholmDay(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * A JSON answer, never rewritten as text after it is made (issue 27): what a person may not see is
 * masked in the data first (skyddade personuppgifter, `shown` below).
 */
export function json(c: Context, status: 200 | 201 | 400 | 403 | 404 | 409 | 413 | 415 | 503, value: unknown): Response {
  return c.body(`${JSON.stringify(value, null, 2)}\n`, status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
}

export const fail = (c: Context, status: 400 | 403 | 404 | 409 | 413 | 415 | 503, problems: readonly Problem[]) => json(c, status, { errors: problems });

export function addCaseworkRoutes(app: Hono, options: CaseworkOptions): void {
  const api = app as unknown as Hono<Env>;
  let work: CaseWork | null = null;
  /** The store, opened once and kept (created by POST /api/proposals when `create`). */
  const open = (create = false): CaseWork | null => {
    if (work) return work;
    if (options.storePath === null) return null;
    try {
      work = CaseWork.open(options.storePath, { create, clock: options.clock });
    } catch (error) {
      if (error instanceof StoreNotFoundError) return null;
      throw error;
    }
    return work;
  };
  const noStore = (c: Context) => fail(c, 404, [{ path: '(server)', code: 'NO_STORE', message: 'Det finns inget beslutsregister: starta servern med serve --store PATH.' }]);

  const signedIn = async (c: Context<Env>, next: () => Promise<void>) => {
    const who = identify(c.req.raw.headers, options.auth);
    if (!who.ok) return fail(c, 403, [{ path: '(request)', code: 'FORBIDDEN', message: `Ärendehandläggningen kräver inloggning: ${who.reason}` }]);
    if (c.req.method !== 'GET') {
      const site = c.req.header('sec-fetch-site');
      if (site !== undefined && site !== 'same-origin' && site !== 'none') return fail(c, 403, [{ path: '(request)', code: 'CROSS_SITE', message: 'a change to a case must come from the case work page itself' }]);
      const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (type !== 'application/json') return fail(c, 415, [{ path: '(body)', code: 'UNSUPPORTED_MEDIA_TYPE', message: 'expected Content-Type application/json' }]);
    }
    c.set('staff', who.staff);
    await next();
    return undefined;
  };
  for (const path of ['/api/me', '/api/queue', '/api/queue/*', '/api/cases/*', '/api/decisions/*', '/api/proposals', '/api/payments', '/api/payments/*', '/api/log']) api.use(path, signedIn);

  /** Who is signed in and what they may do: the pages show only what the person can use. */
  api.get('/api/me', (c) => {
    const staff = c.get('staff');
    const actions: Action[] = ['queue.read', 'case.read', 'proposal.record', 'decision.register', 'decision.change', 'payment.read', 'payment.stop', 'payment.export', 'log.read', 'completion.record', 'appeal.record', 'statistics.read', 'statistics.export'];
    return json(c, 200, {
      user: staff.user,
      roles: [...staff.roles].map((r) => staff.names[r]),
      delegation: staff.delegation,
      may: Object.fromEntries(actions.map((a) => [a, authorize(staff, a).ok])),
      seesProtectedIdentity: staff.roles.has('protectedIdentity'),
    });
  });

  /** The role check of one action: the role used, or a 403 answer. */
  const allowed = (c: Context<Env>, action: Action): { role: string } | Response => {
    const may = authorize(c.get('staff'), action);
    return may.ok ? { role: may.role } : fail(c, 403, [{ path: '(request)', code: 'FORBIDDEN', message: `Du saknar behörighet: ${may.reason}.` }]);
  };
  const purposeOf = (c: Context<Env>, role: string, body?: Record<string, unknown>): string => {
    const given = (typeof body?.['purpose'] === 'string' ? body['purpose'] : c.req.query('purpose')) ?? '';
    const text = given.trim().slice(0, 500);
    return text !== '' ? text : role === c.get('staff').names.auditor ? 'granskning' : 'handläggning';
  };
  const readJson = async (c: Context): Promise<{ ok: true; value: Record<string, unknown> } | { ok: false; response: Response }> => {
    const body = await readBodyText(c.req.raw, MAX_BODY);
    if (!body.ok) return { ok: false, response: fail(c, body.reason === 'too-large' ? 413 : 400, [{ path: '(body)', code: body.reason === 'too-large' ? 'BODY_TOO_LARGE' : 'INVALID_JSON', message: 'the request body could not be read' }]) };
    try {
      const value: unknown = JSON.parse(body.text);
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, response: fail(c, 400, [{ path: '(body)', code: 'NOT_AN_OBJECT', message: 'Ange ett JSON-objekt.' }]) };
      return { ok: true, value: value as Record<string, unknown> };
    } catch {
      return { ok: false, response: fail(c, 400, [{ path: '(body)', code: 'INVALID_JSON', message: 'not valid JSON' }]) };
    }
  };
  /** The answer as this person may see it: protected identities masked unless their role may see them. */
  const shown = <T>(c: Context<Env>, value: T, household: unknown): T => (c.get('staff').roles.has('protectedIdentity') ? value : maskProtected(value, household));
  const storeFailure = (c: Context, error: unknown): Response => {
    if (error instanceof StoreError) return fail(c, 503, [{ path: '(server)', code: 'STORE_UNAVAILABLE', message: error.message }]);
    throw error;
  };

  // ------------------------------------------------------------------------------------ the queue

  api.get('/api/queue', (c) => {
    const may = allowed(c, 'queue.read');
    if (may instanceof Response) return may;
    const parsed = parseQueueQuery(new URL(c.req.url).searchParams, stockholmDay(options.clock()));
    if (!parsed.ok) return fail(c, 400, parsed.problems);
    const cw = open();
    if (!cw) return noStore(c);
    const query = parsed.query;
    const period = query.period ?? cw.periods()[0] ?? null;
    // The begäran om komplettering of the month (one indexed query): the handling clock's pauses.
    const events = period === null ? new Map() : cw.store.withConnection((db) => eventsOfPeriod(db, period));
    // The missing facts name the people; a protected member's name only for the role that may see it.
    const seesProtectedIdentity = c.get('staff').roles.has('protectedIdentity');
    const all = period === null ? [] : cw.proposalsOf(period).flatMap((r) => queueItem(r, query.today, events.get(monthKey(r.caseId, r.period)), { seesProtectedIdentity }) ?? []);
    const selected = selectQueue(all, query);
    const who = c.get('staff').user;
    const purpose = purposeOf(c, may.role);
    if (query.view === 'ids') {
      cw.log(selected.map((i) => ({ who, role: may.role, action: 'queue.ids', caseId: i.caseId, decisionId: i.decisionId, purpose })));
      return json(c, 200, { period, total: selected.length, ids: selected.map((i) => ({ decisionId: i.decisionId, caseId: i.caseId })) });
    }
    const pages = Math.max(1, Math.ceil(selected.length / query.pageSize));
    const page = selected.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
    cw.log(page.map((i) => ({ who, role: may.role, action: 'queue.list', caseId: i.caseId, decisionId: i.decisionId, purpose })));
    const facets = facetsOf(all, query.status);
    const withText = (i: QueueItem) => ({
      ...i,
      toText: ROUTING_SV[i.to] ?? i.to,
      outcomeText: OUTCOME_SV[i.outcome] ?? i.outcome,
      reasons: i.reasons.map((code) => ({ code, text: reasonSv(code) })),
      registered: i.registered && { ...i.registered, outcomeText: OUTCOME_SV[i.registered.outcome] ?? i.registered.outcome },
    });
    return json(c, 200, {
      period,
      periods: cw.periods(),
      today: query.today,
      query: { ...query, period },
      total: selected.length,
      page: query.page,
      pageSize: query.pageSize,
      pages,
      items: page.map(withText),
      facets: {
        reasons: Object.entries(facets.reasons).sort((a, b) => b[1] - a[1]).map(([code, count]) => ({ code, text: reasonSv(code), count })),
        outcomes: Object.entries(facets.outcomes).map(([code, count]) => ({ code, text: OUTCOME_SV[code] ?? code, count })),
        routes: Object.entries(facets.routes).map(([code, count]) => ({ code, text: ROUTING_SV[code] ?? code, count })),
        municipalities: Object.entries(facets.municipalities).sort().map(([code, count]) => ({ code, count })),
      },
      codes: { outcome: OUTCOME_SV, to: ROUTING_SV, status: STATUS_SV, sort: SORT_SV },
    });
  });

  // ------------------------------------------------------------------------------------- a case

  api.get('/api/cases/:decisionId', (c) => {
    const may = allowed(c, 'case.read');
    if (may instanceof Response) return may;
    const id = c.req.param('decisionId');
    if (!DECISION_ID.test(id)) return fail(c, 400, [{ path: 'decisionId', code: 'INVALID_DECISION_ID', message: 'expected a decision id D-00000000-0123456789abcdef' }]);
    const cw = open();
    if (!cw) return noStore(c);
    let record = cw.store.get(id);
    if (record && CaseWork.isRegistration(record)) record = cw.store.get(cw.registered(id)!.input.proposal.decisionId);
    if (!record) return fail(c, 404, [{ path: 'decisionId', code: 'UNKNOWN_DECISION', message: `Det finns inget förslag ${id} i beslutsregistret.` }]);
    const staff = c.get('staff');
    const today = stockholmDay(options.clock());
    const base = caseView(cw, record, { today, seesProtectedIdentity: staff.roles.has('protectedIdentity'), may: { register: authorize(staff, 'decision.register').ok, stop: authorize(staff, 'payment.stop').ok } });
    // Issue 30: due day and working days used (to the server's day), begäran om komplettering and appeals.
    const view = { ...base, ...handlingOf(cw, base.caseId, base.period, base.routing, base.caseId === null ? [] : cw.lineage(base.caseId, base.period), today), mayRecord: { completion: authorize(staff, 'completion.record').ok, appeal: authorize(staff, 'appeal.record').ok } };
    cw.log([{ who: staff.user, role: may.role, action: 'case.read', caseId: record.caseId, decisionId: record.decisionId, purpose: purposeOf(c, may.role) }]);
    // The letters of the registered decisions (issue 21) and the per-child questions a refusal needs.
    const letters = Object.fromEntries(view.registered.map((r) => [r.decisionId, letterState(cw, r.decisionId, office)]));
    return json(c, 200, shown(c, { ...view, letters, childQuestions: childQuestionsOf(cw, record, view.proposal, { masked: !staff.roles.has('protectedIdentity') }) }, view.household));
  });

  const print = options.printLetter === undefined ? defaultPrinter : options.printLetter;
  const office: LetterOffice = { book: options.cache.book, directory: options.staffDirectory ?? null };
  /** The registration's answer, with its letter made and stored beside it (or why not: letterRoutes.ts). */
  const registered = async (c: Context<Env>, cw: CaseWork, result: RegisterResult, by: { user: string; role: string }, purpose: string): Promise<Response> => {
    if (!result.ok) return fail(c, result.status, result.problems);
    const letter = await letterAfterRegistration(cw, result.decisionId, office, print, by, purpose, options.clock);
    return json(c, 201, { decisionId: result.decisionId, recordedAt: result.recordedAt, decision: result.decision, orders: cw.orders({ decisionIds: [result.decisionId] }).map(orderView), letter });
  };

  /** Registering a decision and changing one: the same checks, then the workday's function (casework/workday.ts). */
  const decide = (path: string, action: 'decision.register' | 'decision.change', run: typeof registerDecision) =>
    api.post(path, async (c) => {
      const may = allowed(c, action);
      if (may instanceof Response) return may;
      const id = c.req.param('decisionId') ?? '';
      if (!DECISION_ID.test(id)) return fail(c, 400, [{ path: 'decisionId', code: 'INVALID_DECISION_ID', message: 'expected a decision id D-00000000-0123456789abcdef' }]);
      const body = await readJson(c);
      if (!body.ok) return body.response;
      const cw = open();
      if (!cw) return noStore(c);
      const staff = c.get('staff');
      try {
        const purpose = purposeOf(c, may.role, body.value);
        return await registered(c, cw, run(cw, id, body.value, { user: staff.user, role: may.role, delegation: staff.delegation!, signer: office.directory?.signer(staff.user) ?? null }, purpose, (period) => supportObstaclesFor(options.cache.book, period)), { user: staff.user, role: may.role }, purpose);
      } catch (error) {
        return storeFailure(c, error);
      }
    });
  decide('/api/cases/:decisionId/decision', 'decision.register', registerDecision);
  addLetterRoutes(api, { allowed, open, noStore, fail, json, purposeOf, print, office, clock: options.clock, decisionIdPattern: DECISION_ID });
  decide('/api/decisions/:decisionId/changes', 'decision.change', changeDecision);

  api.post('/api/proposals', async (c) => {
    const may = allowed(c, 'proposal.record');
    if (may instanceof Response) return may;
    if (options.storePath === null) return noStore(c);
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const household = body.value['household'];
    let ruleSet: VersionedRuleSet | undefined;
    const result = evaluateHousehold(household, (period, municipality, decidedOn) => (ruleSet = options.cache.get(period, municipality, decidedOn)));
    if (!result.ok) return fail(c, 400, renderProblems(result.issues).map((i) => ({ path: `household.${i.path}`.replace('household.(', '(household'), code: i.code, message: i.message })));
    const decision = contractDecision(result.decision, result);
    if (decision.caseId === null) return fail(c, 400, [{ path: 'household.caseId', code: 'REQUIRED', message: 'Ange ärendenumret: ett beslut registreras på ett ärende.' }]);
    const cw = open(true)!;
    try {
      const ref = cw.store.record({ input: household, decision: result.decision, ruleSet: ruleSet! });
      const staff = c.get('staff');
      cw.log([{ who: staff.user, role: may.role, action: 'proposal.record', caseId: decision.caseId, decisionId: ref.decisionId, purpose: purposeOf(c, may.role, body.value) }]);
      return json(c, 201, { decisionId: ref.decisionId, recordedAt: ref.recordedAt, caseId: decision.caseId, period: decision.period });
    } catch (error) {
      return storeFailure(c, error);
    }
  });

  // ----------------------------------------------------------------------------------- payments

  /** Orders as this person may see them: an applicant's name masked when the case has skyddade personuppgifter. */
  const ordersShown = (c: Context<Env>, cw: CaseWork, orders: readonly OrderRow[]) => {
    const guarded = c.get('staff').roles.has('protectedIdentity') ? new Set<string>() : cw.protectedCases(orders.map((o) => o.caseId));
    return orders.map((o) => orderView(guarded.has(o.caseId) && o.recipient === 'applicant' ? { ...o, name: MASK } : o));
  };

  api.get('/api/payments', (c) => {
    const may = allowed(c, 'payment.read');
    if (may instanceof Response) return may;
    const params = new URL(c.req.url).searchParams;
    const problems: Problem[] = [];
    for (const name of params.keys()) if (!['status', 'caseId', 'payOnUpTo', 'purpose'].includes(name)) problems.push({ path: name, code: 'UNKNOWN_PARAMETER', message: `${name}: okänd parameter; utbetalningarna tar status, caseId, payOnUpTo, purpose` });
    const status = params.get('status');
    if (status !== null && !['pending', 'stopped', 'exported', 'superseded'].includes(status)) problems.push({ path: 'status', code: 'INVALID_PARAMETER', message: 'status: ange pending, stopped, exported eller superseded' });
    const upTo = params.get('payOnUpTo');
    if (upTo !== null && !isIsoDate(upTo)) problems.push({ path: 'payOnUpTo', code: 'INVALID_DATE', message: 'payOnUpTo: ange ett datum ÅÅÅÅ-MM-DD' });
    const caseId = params.get('caseId');
    if (caseId !== null && (caseId === '' || caseId.length > 64)) problems.push({ path: 'caseId', code: 'INVALID_PARAMETER', message: 'caseId: 1–64 tecken' });
    if (problems.length > 0) return fail(c, 400, problems);
    const cw = open();
    if (!cw) return noStore(c);
    const orders = cw.orders({ ...(status ? { status: status as OrderRow['status'] } : {}), ...(caseId ? { caseId } : {}), ...(upTo ? { payOnUpTo: upTo } : {}) });
    const staff = c.get('staff');
    const purpose = purposeOf(c, may.role);
    cw.log([...new Map(orders.map((o) => [o.caseId, o])).values()].map((o) => ({ who: staff.user, role: may.role, action: 'payment.list', caseId: o.caseId, decisionId: o.decisionId, purpose })));
    return json(c, 200, { orders: ordersShown(c, cw, orders), controlTotal: controlTotal(orders), exports: cw.exports() });
  });

  api.post('/api/payments/:orderId/stop', async (c) => {
    const may = allowed(c, 'payment.stop');
    if (may instanceof Response) return may;
    const orderId = c.req.param('orderId');
    if (!ORDER_ID.test(orderId)) return fail(c, 400, [{ path: 'orderId', code: 'INVALID_ORDER_ID', message: 'expected an order id D-00000000-0123456789abcdef-1' }]);
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const reason = typeof body.value['reason'] === 'string' ? body.value['reason'].trim() : '';
    if (reason.length < 3 || reason.length > 2000) return fail(c, 400, [{ path: 'reason', code: 'REASON_REQUIRED', message: 'Skriv varför utbetalningen stoppas (3–2000 tecken).' }]);
    const cw = open();
    if (!cw) return noStore(c);
    const staff = c.get('staff');
    try {
      const order = cw.stopOrder(orderId, reason, staff.user, may.role, purposeOf(c, may.role, body.value));
      return json(c, 200, { order: ordersShown(c, cw, [order])[0] });
    } catch (error) {
      if (error instanceof ConflictError) return fail(c, 409, [{ path: 'orderId', code: 'NOT_PENDING', message: error.message }]);
      if (error instanceof StoreError && /no payment order/.test(error.message)) return fail(c, 404, [{ path: 'orderId', code: 'UNKNOWN_ORDER', message: `Det finns ingen utbetalning ${orderId}.` }]);
      return storeFailure(c, error);
    }
  });

  api.post('/api/payments/export', async (c) => {
    const may = allowed(c, 'payment.export');
    if (may instanceof Response) return may;
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const upTo = typeof body.value['payOnUpTo'] === 'string' ? body.value['payOnUpTo'] : null;
    if (upTo === null || !isIsoDate(upTo)) return fail(c, 400, [{ path: 'payOnUpTo', code: upTo === null ? 'REQUIRED' : 'INVALID_DATE', message: 'payOnUpTo: ange sista betalningsdag som tas med, ÅÅÅÅ-MM-DD' }]);
    if (options.payer === null) return fail(c, 503, [{ path: '(server)', code: 'NO_PAYMENT_CONFIG', message: 'Servern har ingen betalarkonfiguration (serve --payer FILE, docs/payments.md).' }]);
    const cw = open();
    if (!cw) return noStore(c);
    const payer = options.payer;
    const staff = c.get('staff');
    try {
      const result = cw.exportOrders(upTo, staff.user, may.role, purposeOf(c, may.role, body.value), (orders, exportId, createdAt) => ({
        fileName: `utbetalningar-${exportId}.xml`,
        content: pain001(exportId, createdAt, payer, orders),
        controlTotal: controlTotal(orders),
      }));
      if (result === null) return fail(c, 409, [{ path: 'payOnUpTo', code: 'NOTHING_TO_EXPORT', message: `Inga utbetalningar väntar på export med betalningsdag till och med ${upTo}.` }]);
      const { content: _content, ...meta } = result;
      return json(c, 201, meta);
    } catch (error) {
      return storeFailure(c, error);
    }
  });

  api.get('/api/payments/exports', (c) => {
    const may = allowed(c, 'payment.read');
    if (may instanceof Response) return may;
    const cw = open();
    if (!cw) return noStore(c);
    return json(c, 200, { exports: cw.exports() });
  });

  api.get('/api/payments/exports/:exportId', (c) => {
    const may = allowed(c, 'payment.read');
    if (may instanceof Response) return may;
    const id = c.req.param('exportId');
    if (!EXPORT_ID.test(id)) return fail(c, 400, [{ path: 'exportId', code: 'INVALID_EXPORT_ID', message: 'expected an export id U-2026-03-05-0001' }]);
    const cw = open();
    if (!cw) return noStore(c);
    const file = cw.exportFile(id);
    if (!file) return fail(c, 404, [{ path: 'exportId', code: 'UNKNOWN_EXPORT', message: `Det finns ingen export ${id}.` }]);
    const staff = c.get('staff');
    const cases = [...new Map(cw.orders({}).filter((o) => o.exportId === id).map((o) => [o.caseId, o])).values()];
    cw.log(cases.map((o) => ({ who: staff.user, role: may.role, action: 'payment.file', caseId: o.caseId, decisionId: o.decisionId, purpose: purposeOf(c, may.role) })));
    return c.body(file.content, 200, { 'Content-Type': 'application/xml; charset=utf-8', 'Content-Disposition': `attachment; filename="${file.fileName}"`, 'Cache-Control': 'no-store', 'X-Content-SHA256': file.sha256 });
  });

  // ------------------------------------------------------------------------------------ the log

  api.get('/api/log', (c) => {
    const may = allowed(c, 'log.read');
    if (may instanceof Response) return may;
    const params = new URL(c.req.url).searchParams;
    const problems: Problem[] = [];
    for (const name of params.keys()) if (!['caseId', 'afterSeq', 'limit', 'purpose'].includes(name)) problems.push({ path: name, code: 'UNKNOWN_PARAMETER', message: `${name}: okänd parameter; loggen tar caseId, afterSeq, limit, purpose` });
    const num = (name: string, max: number) => {
      const v = params.get(name);
      if (v === null) return undefined;
      if (!/^[0-9]{1,9}$/.test(v) || Number(v) > max) problems.push({ path: name, code: 'INVALID_PARAMETER', message: `${name}: ange ett heltal 0–${max}` });
      return Number(v);
    };
    const afterSeq = num('afterSeq', 999_999_999);
    const limit = num('limit', 5000);
    const caseId = params.get('caseId') ?? undefined;
    if (problems.length > 0) return fail(c, 400, problems);
    const cw = open();
    if (!cw) return noStore(c);
    const rows = cw.logRows({ ...(caseId !== undefined ? { caseId } : {}), ...(afterSeq !== undefined ? { afterSeq } : {}), ...(limit !== undefined ? { limit } : {}) });
    const staff = c.get('staff');
    cw.log([{ who: staff.user, role: may.role, action: 'log.read', caseId: caseId ?? null, decisionId: null, purpose: purposeOf(c, may.role) }]);
    return json(c, 200, { rows });
  });

  addCaseEventRoutes(api, { allowed, readJson, open: () => open(), noStore, purposeOf, fail, json, storeFailure, clock: options.clock });
}
