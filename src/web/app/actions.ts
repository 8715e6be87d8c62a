/**
 * What the workday pages do: load from the API, move between the queue, a case and the payments, and
 * register, change, stop and export. Each action changes the state store (state.ts); the views only
 * call these.
 */
import { amountFromInput } from '../public/format.js';
import { getState, routeOf, update, updateDraft, type Draft, type DraftPayment, type Loadable, type Route } from './state.ts';
import type { CaseAnswer, Me, PaymentsAnswer, Problem, QueueAnswer } from './types.ts';

class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly problems: readonly Problem[],
  ) {
    super(message);
  }
}

async function api<T>(url: string, init?: { method: 'POST'; body: unknown }): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, init ? { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(init.body) } : { headers: { Accept: 'application/json' } });
  } catch {
    throw new ApiError('Servern svarar inte.', 0, []);
  }
  const body = (await response.json().catch(() => null)) as { errors?: Problem[] } | null;
  if (!response.ok) {
    const problems = body?.errors ?? [];
    throw new ApiError(problems.map((p) => p.message).join(' ') || `Servern svarade ${response.status}.`, response.status, problems);
  }
  return body as T;
}

const failed = <T>(error: unknown, data?: T): Loadable<T> => ({
  status: 'error',
  message: error instanceof ApiError ? (error.status === 403 ? `Du saknar behörighet. ${error.message}` : error.message) : 'Något gick fel.',
  forbidden: error instanceof ApiError && error.status === 403,
  ...(data !== undefined ? { data } : {}),
});

/** The queue's own parameters from a page address: the same names and values as the API's. */
export function queueSearch(search: string): URLSearchParams {
  const params = new URLSearchParams(search);
  params.delete('purpose');
  return params;
}

export async function loadMe(): Promise<void> {
  update((s) => ({ ...s, me: { status: 'loading' } }));
  try {
    const me = await api<Me>('/api/me');
    update((s) => ({ ...s, me: { status: 'ok', data: me } }));
  } catch (error) {
    update((s) => ({ ...s, me: failed(error) }));
  }
}

export async function loadQueue(): Promise<void> {
  const route = getState().route;
  if (route.view !== 'queue') return;
  update((s) => ({ ...s, queue: { status: 'loading', ...(s.queue.status === 'ok' ? { data: s.queue.data } : {}) } }));
  try {
    const data = await api<QueueAnswer>(`/api/queue${route.search}`);
    if (getState().route !== route) return; // another page was asked for meanwhile
    update((s) => ({ ...s, queue: { status: 'ok', data }, notice: `${data.total} ${data.total === 1 ? 'ärende' : 'ärenden'} i kön för ${data.period ?? 'ingen månad'}.` }));
  } catch (error) {
    update((s) => ({ ...s, queue: failed(error), notice: 'Kön kunde inte hämtas.' }));
  }
}

/** The cases of the queue the case was opened from, in order (one request per queue, kept). */
async function loadIds(search: string): Promise<void> {
  if (getState().ids?.search === search) return;
  const params = queueSearch(search);
  for (const p of ['page', 'pageSize', 'view']) params.delete(p);
  params.set('view', 'ids');
  try {
    const answer = await api<{ ids: { decisionId: string; caseId: string }[] }>(`/api/queue?${params.toString()}`);
    update((s) => ({ ...s, ids: { search, list: answer.ids } }));
  } catch {
    // Without the list there is no next or previous case; the case itself still shows.
  }
}

/** A new draft from what the server suggests, unless the person already has one for the case. */
function ensureDraft(c: CaseAnswer): void {
  if (getState().drafts[c.decisionId]) return;
  const s = c.suggestion;
  let key = 0;
  const draft: Draft = {
    comments: {},
    marked: {},
    outcome: s.outcome,
    payable: s.payable ?? '',
    reason: '',
    decidedOn: s.decidedOn,
    journalNote: '',
    payments: s.payments.map((p) => ({ key: ++key, recipient: p.recipient, name: p.name, scheme: p.account.scheme, number: p.account.number, amount: p.amount, payOn: p.payOn, reference: p.reference })),
    removed: null,
    changeKind: '',
    changeReason: '',
    problems: [],
  };
  update((st) => ({ ...st, drafts: { ...st.drafts, [c.decisionId]: draft } }));
}

export async function loadCase(focusFirst = true): Promise<void> {
  const route = getState().route;
  if (route.view !== 'case') return;
  update((s) => ({ ...s, caseAnswer: { status: 'loading' } }));
  void loadIds(route.search);
  try {
    const data = await api<CaseAnswer>(`/api/cases/${route.decisionId}`);
    if (getState().route !== route) return;
    ensureDraft(data);
    const open = data.may.register && data.items.length > 0;
    update((s) => ({
      ...s,
      caseAnswer: { status: 'ok', data },
      notice: `Ärende ${data.caseId ?? ''} ${data.period}: ${data.proposal.outcomeText}${data.registered.length > 0 ? ', beslutat' : ''}.`,
      focus: focusFirst ? (open ? `comment-${data.items[0]!.id}` : data.may.register ? 'register' : 'case-title') : s.focus,
    }));
  } catch (error) {
    update((s) => ({ ...s, caseAnswer: failed(error), focus: 'case-title' }));
  }
}

export async function loadPayments(): Promise<void> {
  const route = getState().route;
  update((s) => ({ ...s, payments: { status: 'loading', ...(s.payments.status === 'ok' ? { data: s.payments.data } : {}) } }));
  try {
    const data = await api<PaymentsAnswer>(`/api/payments${route.view === 'payments' ? route.search : ''}`);
    update((s) => ({ ...s, payments: { status: 'ok', data } }));
  } catch (error) {
    update((s) => ({ ...s, payments: failed(error) }));
  }
}

function load(route: Route): void {
  if (route.view === 'queue') void loadQueue();
  else if (route.view === 'case') void loadCase();
  else void loadPayments();
}

/** Goes to a page of the workday without reloading (the address changes; Back returns). */
export function navigate(href: string, replace = false): void {
  const url = new URL(href, window.location.href);
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  const route = routeOf(url);
  update((s) => ({ ...s, route }));
  load(route);
  if (!replace) window.scrollTo(0, 0);
}

export function start(): void {
  window.addEventListener('popstate', () => {
    const route = routeOf(window.location);
    update((s) => ({ ...s, route }));
    load(route);
  });
  void loadMe();
  load(getState().route);
}

/** The queue address with one parameter changed (an empty value removes it; the page goes back to 1). */
export function queueHref(search: string, name: string, value: string): string {
  const params = queueSearch(search);
  if (value === '') params.delete(name);
  else params.set(name, value);
  if (name !== 'page') params.delete('page');
  const text = params.toString();
  return `/queue${text ? `?${text}` : ''}`;
}

// ------------------------------------------------------------------------------------- registering

const paymentBody = (p: DraftPayment) => ({ recipient: p.recipient, name: p.name.trim(), account: { scheme: p.scheme, number: p.number }, amount: amountFromInput(p.amount) ?? p.amount, payOn: p.payOn.trim(), reference: p.reference.trim() });

function decisionBody(d: Draft, c: CaseAnswer) {
  return {
    decidedOn: d.decidedOn.trim(),
    outcome: d.outcome,
    payable: amountFromInput(d.payable) ?? d.payable,
    reason: d.reason.trim() === '' ? null : d.reason.trim(),
    journalNote: d.journalNote.trim() === '' ? null : d.journalNote.trim(),
    acknowledgements: c.items.filter((i) => d.marked[i.id]).map((i) => ({ item: i.id, comment: d.comments[i.id] ?? '' })),
    childAnswers: childAnswersBody(d),
    // A refusal pays nothing; the lines typed stay in the draft in case the outcome changes back.
    payments: d.outcome === 'deny' || d.outcome === 'dismiss' ? [] : d.payments.map(paymentBody),
  };
}

/** The answers typed (issue 21): "promptId/memberId" → { promptId, memberId, answer }; "promptId/" is the household's. */
const childAnswersBody = (d: Draft) =>
  Object.entries(d.childAnswers ?? {})
    .filter(([, answer]) => answer.trim() !== '')
    .map(([key, answer]) => {
      const memberId = key.slice(key.indexOf('/') + 1);
      return { promptId: key.slice(0, key.indexOf('/')), ...(memberId === '' ? {} : { memberId }), answer: answer.trim() };
    });

/** Makes and stores the letter of a registered decision that was not made at registration (issue 21). */
export async function makeLetter(decisionId: string): Promise<void> {
  if (getState().busy) return;
  update((s) => ({ ...s, busy: true, notice: 'Framställer brevet …' }));
  try {
    await api(`/api/decisions/${decisionId}/letter`, { method: 'POST', body: {} });
    update((s) => ({ ...s, busy: false, notice: 'Brevet är framställt och sparat.' }));
    await loadCase(false);
    update((s) => ({ ...s, focus: 'letter-title' }));
  } catch (error) {
    update((s) => ({ ...s, busy: false, notice: `Brevet framställdes inte: ${error instanceof Error ? error.message : ''}` }));
  }
}

/** The points not yet marked (the button says which, and the server refuses too). */
export function openItems(c: CaseAnswer, d: Draft): string[] {
  return c.items.filter((i) => !d.marked[i.id] || (d.comments[i.id] ?? '').trim() === '').map((i) => i.id);
}

async function send(decisionId: string, url: string, body: unknown, done: string): Promise<void> {
  update((s) => ({ ...s, busy: true, notice: 'Registrerar …' }));
  try {
    const answer = await api<{ decisionId: string }>(url, { method: 'POST', body });
    update((s) => {
      const { [decisionId]: _registered, ...drafts } = s.drafts;
      return { ...s, busy: false, drafts, notice: `${done}: ${answer.decisionId}.` };
    });
    await loadCase(false);
    update((s) => ({ ...s, focus: 'registered-title' }));
  } catch (error) {
    const problems = error instanceof ApiError ? error.problems : [];
    updateDraft(decisionId, (d) => ({ ...d, problems: problems.length > 0 ? problems : [{ path: '(request)', code: 'FAILED', message: error instanceof Error ? error.message : 'Något gick fel.' }] }));
    update((s) => ({ ...s, busy: false, notice: `Beslutet registrerades inte: ${error instanceof Error ? error.message : ''}`, focus: 'decision-problems' }));
  }
}

export async function register(c: CaseAnswer): Promise<void> {
  const d = getState().drafts[c.decisionId];
  if (!d || getState().busy) return;
  const open = openItems(c, d);
  if (open.length > 0) {
    updateDraft(c.decisionId, (x) => ({ ...x, problems: open.map((id) => ({ path: `acknowledgements.${id}`, code: 'ITEM_OPEN', message: 'Punkten är inte markerad: skriv en kommentar och markera den.' })) }));
    update((s) => ({ ...s, notice: `${open.length} ${open.length === 1 ? 'punkt är' : 'punkter är'} inte markerade.`, focus: `comment-${open[0]}` }));
    return;
  }
  await send(c.decisionId, `/api/cases/${c.decisionId}/decision`, decisionBody(d, c), 'Beslutet är registrerat');
}

export async function change(c: CaseAnswer): Promise<void> {
  const d = getState().drafts[c.decisionId];
  const newest = c.registered.at(-1);
  if (!d || !newest || getState().busy) return;
  // A change keeps the points its decision marked (the server copies them for the same proposal).
  const body = { ...decisionBody(d, c), acknowledgements: [], change: { kind: d.changeKind, reason: d.changeReason.trim() } };
  await send(c.decisionId, `/api/decisions/${newest.decisionId}/changes`, body, 'Ändringen är registrerad');
}

export async function stopOrder(orderId: string, reason: string): Promise<boolean> {
  update((s) => ({ ...s, busy: true }));
  try {
    await api(`/api/payments/${orderId}/stop`, { method: 'POST', body: { reason } });
    update((s) => ({ ...s, busy: false, notice: `Utbetalningen ${orderId} är stoppad.` }));
    const route = getState().route;
    if (route.view === 'case') await loadCase(false);
    else await loadPayments();
    return true;
  } catch (error) {
    update((s) => ({ ...s, busy: false, notice: `Utbetalningen stoppades inte: ${error instanceof Error ? error.message : ''}` }));
    return false;
  }
}

export async function exportPayments(payOnUpTo: string): Promise<void> {
  update((s) => ({ ...s, busy: true }));
  try {
    const answer = await api<{ exportId: string; count: number; controlTotal: string }>('/api/payments/export', { method: 'POST', body: { payOnUpTo } });
    update((s) => ({ ...s, busy: false, notice: `Exporterat ${answer.count} utbetalningar (${answer.exportId}), kontrollsumma ${answer.controlTotal} kr.` }));
    await loadPayments();
  } catch (error) {
    update((s) => ({ ...s, busy: false, notice: `Ingen export: ${error instanceof Error ? error.message : ''}` }));
  }
}

// ------------------------------------------------- begäran om komplettering and appeals (issue 30)

/**
 * Records a begäran om komplettering or an appeal's step (caseEventRoutes.ts), then reloads the case and
 * moves the focus to `focus`; the server's problems are returned for the form to show (null: recorded).
 */
export async function recordCaseEvent(url: string, body: unknown, done: string, focus: string): Promise<readonly Problem[] | null> {
  if (getState().busy) return [];
  update((s) => ({ ...s, busy: true }));
  try {
    await api(url, { method: 'POST', body });
    update((s) => ({ ...s, busy: false, notice: done }));
    await loadCase(false);
    update((s) => ({ ...s, focus }));
    return null;
  } catch (error) {
    update((s) => ({ ...s, busy: false, notice: `Inte registrerat: ${error instanceof Error ? error.message : ''}` }));
    return error instanceof ApiError && error.problems.length > 0 ? error.problems : [{ path: '(request)', code: 'FAILED', message: error instanceof Error ? error.message : 'Något gick fel.' }];
  }
}
