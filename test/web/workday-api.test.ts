/**
 * The caseworker's workday through its API (issue 22), against a real SQLite store built as a morning
 * finds it (support/workday.ts): last month registered, this month's monthly run. The queue's filters,
 * sorting, search and paging, each bad parameter a 400 naming it; the case view with last month and
 * the points to mark; registration refused while a point is open, a different decision without a
 * reason refused, a second registration refused with a message; the journal note; the chain verifies.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { DEFAULT_AUTH } from '../../src/web/kontaktcenter/routes.ts';
import { createApp } from '../../src/web/app.ts';
import { cli, tempDir } from '../batch/support.ts';
import { book, ROOT } from '../support/engine.ts';
import { AUDITOR, CASEWORKER, childAnswersFor, DECIDER, KONTAKT, morning, storeProblems, type Morning } from './support/workday.ts';

const dir = tempDir();
let m: Morning;
const NOW = new Date('2026-03-10T09:00:00Z');

beforeAll(async () => {
  m = await morning(dir, 30, 5, [2]);
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const app = () => createApp({ rulebook: book, storePath: m.store, staff: { storePath: m.store, auth: DEFAULT_AUTH }, clock: () => NOW });
type Errors = { errors: { path: string; code: string; message: string }[] };
interface QueueItem {
  decisionId: string;
  caseId: string;
  to: string;
  toText: string;
  dueOn: string | null;
  receivedOn: string | null;
  pastDue: boolean;
  outcome: string;
  outcomeText: string;
  payable: string | null;
  reasons: { code: string; text: string }[];
  missing: { code: string; text: string }[];
  hasChildren: boolean;
  municipality: string | null;
}
interface QueueAnswer {
  period: string;
  total: number;
  page: number;
  pages: number;
  items: QueueItem[];
  facets: { reasons: { code: string; text: string; count: number }[]; municipalities: { code: string; count: number }[] };
}
const get = (path: string, headers: Record<string, string> = CASEWORKER) => app().request(path, { headers });
const queue = async (query = '', headers = CASEWORKER) => {
  const r = await get(`/api/queue${query}`, headers);
  expect(r.status, await r.clone().text()).toBe(200);
  return (await r.json()) as QueueAnswer;
};
const all = (query = '') => queue(`?pageSize=200${query}`);
const post = (path: string, body: unknown, headers: Record<string, string> = DECIDER) => app().request(path, { method: 'POST', body: JSON.stringify(body), headers: { ...headers, 'Content-Type': 'application/json' } });

describe('GET /api/queue: a queue to work from', () => {
  it('lists this month’s open cases, every code with its Swedish words', async () => {
    const q = await all();
    expect(q.period).toBe('2026-03');
    expect(q.total).toBeGreaterThan(0);
    expect(q.items.length).toBe(q.total);
    for (const i of q.items) {
      expect(i.toText).toMatch(/[a-zåäö]/);
      expect(i.outcomeText).not.toBe(i.outcome);
      for (const r of i.reasons) expect(r.text, r.code).not.toBe(r.code);
      for (const x of i.missing) expect(x.text.length).toBeGreaterThan(0);
    }
  });

  it('sorts by due date, received date and amount, both ways, unknown last', async () => {
    for (const [sort, key] of [['dueOn', (i: QueueItem) => i.dueOn], ['receivedOn', (i: QueueItem) => i.receivedOn]] as const) {
      const asc = (await all(`&sort=${sort}`)).items.map(key).filter((v) => v !== null);
      expect(asc).toEqual([...asc].sort());
      const desc = (await all(`&sort=${sort}&order=desc`)).items.map(key).filter((v) => v !== null);
      expect(desc).toEqual([...desc].sort().reverse());
    }
    const amounts = (await all('&sort=payable&order=desc')).items.map((i) => i.payable).filter((p) => p !== null).map(Number);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
  });

  it('filters by past due, routing, outcome, reason, children and municipality, and searches by case id', async () => {
    const whole = (await all()).items;
    const check = async (query: string, pick: (i: QueueItem) => boolean) => {
      const got = (await all(query)).items.map((i) => i.caseId).sort();
      expect(got, query).toEqual(whole.filter(pick).map((i) => i.caseId).sort());
      return got.length;
    };
    expect(await check('&pastDue=true&today=2026-12-31', (i) => i.dueOn !== null && i.dueOn < '2026-12-31')).toBeGreaterThan(0);
    expect(await check('&pastDue=false&today=2026-01-01', (i) => !(i.dueOn !== null && i.dueOn < '2026-01-01'))).toBe(whole.length);
    await check('&to=caseworker', (i) => i.to === 'caseworker');
    await check('&to=ready', (i) => i.to === 'ready');
    await check('&outcome=deny', (i) => i.outcome === 'deny');
    const reason = (await all()).facets.reasons[0]!;
    expect(await check(`&reason=${reason.code}`, (i) => i.reasons.some((r) => r.code === reason.code))).toBe(reason.count);
    expect(await check('&children=true', (i) => i.hasChildren)).toBeGreaterThan(0);
    await check('&children=false', (i) => !i.hasChildren);
    const muni = (await all()).facets.municipalities[0]!;
    expect(await check(`&municipality=${muni.code}`, (i) => i.municipality === muni.code)).toBe(muni.count);
    const one = whole[3]!;
    expect((await all(`&q=${encodeURIComponent(one.caseId)}`)).items.map((i) => i.caseId)).toContain(one.caseId);
  });

  it('pages: each case once, in order', async () => {
    const whole = (await all()).items.map((i) => i.caseId);
    const first = await queue('?pageSize=7');
    expect(first.pages).toBe(Math.ceil(whole.length / 7));
    const pages: string[] = [];
    for (let p = 1; p <= first.pages; p++) pages.push(...(await queue(`?pageSize=7&page=${p}`)).items.map((i) => i.caseId));
    expect(pages).toEqual(whole);
  });

  it('a bad value is a 400 naming the parameter; an unknown parameter too', async () => {
    for (const [query, path] of [
      ['pastDue=yes', 'pastDue'],
      ['to=somewhere', 'to'],
      ['outcome=maybe', 'outcome'],
      ['reason=not a code', 'reason'],
      ['children=2', 'children'],
      ['municipality=Sundsvall', 'municipality'],
      ['sort=name', 'sort'],
      ['order=up', 'order'],
      ['page=0', 'page'],
      ['pageSize=1000', 'pageSize'],
      ['period=2026-13', 'period'],
      ['today=2026-02-30', 'today'],
      ['q=' + 'x'.repeat(65), 'q'],
      ['pastdue=true', 'pastdue'],
    ]) {
      const r = await get(`/api/queue?${query}`);
      expect(r.status, query).toBe(400);
      const body = (await r.json()) as Errors;
      expect(body.errors.map((e) => e.path), query).toEqual([path]);
      expect(body.errors[0]!.message).toContain(path);
    }
  });

  it('view=ids gives the order the case view steps through with next and previous', async () => {
    const ids = (await (await get('/api/queue?view=ids&to=caseworker')).json()) as { ids: { caseId: string }[] };
    expect(ids.ids.map((i) => i.caseId)).toEqual((await all('&to=caseworker')).items.map((i) => i.caseId));
  });
});

interface CaseAnswer {
  decisionId: string;
  caseId: string;
  household: { members: { name?: string; protectedIdentity?: boolean }[] };
  proposal: { outcome: string; payable: string | null; outcomeText: string };
  previous: { decisionId: string; registered: { decisionId: string } | null } | null;
  changes: { step: string; changed: boolean }[];
  agencyPayments: unknown[];
  items: { id: string; kind: string; text: string }[];
  registered: { decisionId: string; journalText: string; outcome: string }[];
  suggestion: { outcome: string | null; payable: string | null; decidedOn: string; payments: { recipient: string; name: string; account: { scheme: string; number: string }; amount: string; payOn: string; reference: string }[] };
  may: { register: boolean };
}

const caseOf = async (decisionId: string, headers = CASEWORKER) => {
  const r = await get(`/api/cases/${decisionId}`, headers);
  expect(r.status).toBe(200);
  return (await r.json()) as CaseAnswer;
};
const registration = (c: CaseAnswer, extra: Record<string, unknown> = {}) => ({
  decidedOn: c.suggestion.decidedOn,
  outcome: c.suggestion.outcome,
  payable: c.proposal.payable ?? '0',
  acknowledgements: c.items.map((i) => ({ item: i.id, comment: i.kind === 'flag' ? 'Bedömt: uppgiften stämmer med underlagen.' : 'Besvarat av den sökande per telefon.' })),
  payments: c.suggestion.payments,
  journalNote: 'Beslut fattat efter genomgång av underlagen.',
  childAnswers: childAnswersFor(c.proposal as never, String(extra['outcome'] ?? c.suggestion.outcome)),
  ...extra,
});

describe('the case view and a decision registered once', () => {
  it('"Öppna" gives the stored application, the proposal, last month, the comparison and the points to mark', async () => {
    const item = (await all('&to=caseworker')).items.find((i) => i.outcome !== 'needs-information')!;
    const c = await caseOf(item.decisionId);
    expect(c.caseId).toBe(item.caseId);
    expect(c.household.members.length).toBeGreaterThan(0);
    expect(c.proposal.outcome).toBe(item.outcome);
    expect(c.changes.length).toBeGreaterThan(0);
    if (m.registered.includes(item.caseId)) expect(c.previous?.registered).not.toBeNull();
    expect(c.may.register).toBe(false); // a caseworker prepares; the decision maker registers
    expect((await caseOf(item.decisionId, DECIDER)).may.register).toBe(true);
  });

  it('refuses while a point is open and a different decision without a reason; registers once, with its journal note; a second time is 409 with a message', async () => {
    const item = (await all('&to=caseworker')).items.find((i) => (i.outcome === 'approve' || i.outcome === 'partial') && i.reasons.length > 0)!;
    const c = await caseOf(item.decisionId, DECIDER);
    expect(c.items.length).toBeGreaterThan(0);
    const open = await post(`/api/cases/${c.decisionId}/decision`, registration(c, { acknowledgements: registration(c).acknowledgements.slice(1) }));
    expect(open.status).toBe(400);
    expect(((await open.json()) as Errors).errors.map((e) => e.code)).toContain('ITEM_OPEN');
    const noReason = await post(`/api/cases/${c.decisionId}/decision`, registration(c, { outcome: 'deny', payable: '0', payments: [] }));
    expect(noReason.status).toBe(400);
    expect(((await noReason.json()) as Errors).errors.map((e) => e.path)).toContain('reason');

    const ok = await post(`/api/cases/${c.decisionId}/decision`, registration(c));
    expect(ok.status, await ok.clone().text()).toBe(201);
    const body = (await ok.json()) as { decisionId: string; orders: { amount: string }[] };
    const after = await caseOf(item.decisionId, DECIDER);
    expect(after.registered.map((r) => r.decisionId)).toEqual([body.decisionId]);
    expect(after.registered[0]!.journalText).toContain('Beslut fattat efter genomgång av underlagen.');
    expect(after.may.register).toBe(false);

    const again = await post(`/api/cases/${c.decisionId}/decision`, registration(c));
    expect(again.status).toBe(409);
    const refusal = ((await again.json()) as Errors).errors[0]!;
    expect(refusal.code).toBe('ALREADY_REGISTERED');
    expect(refusal.message).toContain(body.decisionId);
    // Decided, it leaves the open queue.
    expect((await all()).items.map((i) => i.caseId)).not.toContain(item.caseId);
    expect((await all('&status=decided')).items.map((i) => i.caseId)).toContain(item.caseId);
  });

  it('avvisning is an outcome: a dismissal with its reason pays nothing', async () => {
    const item = (await all()).items.find((i) => i.outcome !== 'needs-information')!;
    const c = await caseOf(item.decisionId, DECIDER);
    const r = await post(`/api/cases/${c.decisionId}/decision`, registration(c, { outcome: 'dismiss', payable: '0', payments: [], reason: 'Ansökan återkallades innan den prövades i sak.' }));
    expect(r.status, await r.clone().text()).toBe(201);
    const d = ((await r.json()) as { decision: { outcome: string; differs: boolean; orders: unknown[] } }).decision;
    expect(d).toMatchObject({ outcome: 'dismiss', differs: true, orders: [] });
  });

  it('a rättelse is linked to the decision it changes; show and replay name the link both ways, replay is identical', async () => {
    const item = (await all()).items.find((i) => i.outcome === 'approve' || i.outcome === 'partial')!;
    const c = await caseOf(item.decisionId, DECIDER);
    const first = (await (await post(`/api/cases/${c.decisionId}/decision`, registration(c))).json()) as { decisionId: string };
    const noKind = await post(`/api/decisions/${first.decisionId}/changes`, registration(c));
    expect(noKind.status).toBe(400);
    expect(((await noKind.json()) as Errors).errors.map((e) => e.path)).toContain('change');
    const fixed = await post(`/api/decisions/${first.decisionId}/changes`, registration(c, { acknowledgements: [], journalNote: 'Rättat datum.', change: { kind: 'rattelse', reason: 'Skrivfel i anteckningen.' } }));
    expect(fixed.status, await fixed.clone().text()).toBe(201);
    const second = (await fixed.json()) as { decisionId: string; decision: { change: { kind: string; of: string; legalRef: string | null } } };
    expect(second.decision.change).toMatchObject({ kind: 'rattelse', of: first.decisionId });
    expect(second.decision.change.legalRef).toMatch(/förvaltningslagen/);
    // The old decision cannot be changed again: only the newest.
    expect((await post(`/api/decisions/${first.decisionId}/changes`, registration(c, { change: { kind: 'andring', reason: 'x' } }))).status).toBe(409);

    const shown = await cli(['show', first.decisionId, '--store', m.store]);
    expect(shown.status).toBe(0);
    expect(shown.stdout).toContain(`Ändrat genom: ${second.decisionId}`);
    const shownSecond = await cli(['show', second.decisionId, '--store', m.store]);
    expect(shownSecond.stdout).toContain(`Ändrar beslut: ${first.decisionId}`);
    expect(shownSecond.stdout).toContain('Rättelse av beslut');
    const replayed = await cli(['replay', second.decisionId, '--store', m.store, '--json']);
    expect(replayed.status, replayed.stderr).toBe(0);
    expect(JSON.parse(replayed.stdout)).toMatchObject({ identical: true, integrityProblem: null, changes: first.decisionId, changedBy: null });
  });

  it('the chain and every side chain verify after the day', () => {
    expect(storeProblems(m.store)).toEqual([]);
  });

  it('audit verify finds an edited log row, an edited payment order and a registration whose decision was rewritten', () => {
    for (const [table, edit] of [
      ['case_log', "UPDATE case_log SET purpose = 'något annat' WHERE seq = 1"],
      ['payment_orders', 'UPDATE payment_orders SET amount_ore = amount_ore + 1 WHERE rowid = 1'],
      ['records', `UPDATE records SET decision_json = replace(decision_json, '"differs":false', '"differs":true') WHERE decision_json LIKE '%registered-decision%' AND rowid = (SELECT MIN(rowid) FROM records WHERE decision_json LIKE '%registered-decision%')`],
    ] as const) {
      const copy = join(dir, `tampered-${table}.sqlite`);
      const source = new Database(m.store, { readonly: true });
      source.exec(`VACUUM INTO '${copy}'`);
      source.close();
      const db = new Database(copy);
      for (const t of db.prepare<[string], string>("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?").pluck().all(table)) db.exec(`DROP TRIGGER "${t}"`);
      expect(db.prepare(edit).run().changes, table).toBe(1);
      db.close();
      expect(storeProblems(copy).length, table).toBeGreaterThan(0);
    }
  });
});

describe('who may do what, and the log', () => {
  it('each action with a wrong role is 403; without a login 403', async () => {
    const some = (await all()).items[0]!;
    const cases: [string, string, unknown, Record<string, string>][] = [
      ['GET', '/api/queue', null, { 'X-Remote-User': 'Kim', 'X-Remote-Groups': 'kontaktcenter' }],
      ['GET', `/api/cases/${some.decisionId}`, null, { 'X-Remote-User': 'Kim', 'X-Remote-Groups': 'kontaktcenter' }],
      ['POST', `/api/cases/${some.decisionId}/decision`, {}, CASEWORKER],
      ['POST', `/api/cases/${some.decisionId}/decision`, {}, AUDITOR],
      ['POST', `/api/cases/${some.decisionId}/decision`, {}, { 'X-Remote-User': 'Karin', 'X-Remote-Groups': 'beslutsfattare' }], // no delegation
      ['POST', `/api/decisions/${some.decisionId}/changes`, {}, CASEWORKER],
      ['POST', '/api/proposals', {}, AUDITOR],
      ['GET', '/api/payments', null, { 'X-Remote-User': 'Kim', 'X-Remote-Groups': 'kontaktcenter' }],
      ['POST', `/api/payments/${some.decisionId}-1/stop`, { reason: 'fel konto' }, AUDITOR],
      ['POST', '/api/payments/export', { payOnUpTo: '2026-03-31' }, CASEWORKER],
      ['GET', '/api/log', null, CASEWORKER],
      ['GET', '/api/log', null, DECIDER],
      ['GET', '/api/queue', null, {}],
    ];
    for (const [method, path, body, headers] of cases) {
      const r = method === 'GET' ? await get(path, headers) : await post(path, body, headers);
      expect(r.status, `${method} ${path} as ${headers['X-Remote-Groups'] ?? 'nobody'}`).toBe(403);
    }
  });

  it('every read of a case is in the log, with who, role and purpose; the log is for the auditor', async () => {
    const item = (await all()).items[5]!;
    await get(`/api/cases/${item.decisionId}?purpose=${encodeURIComponent('uppföljning av ansökan')}`);
    const r = await get(`/api/log?caseId=${encodeURIComponent(item.caseId)}`, AUDITOR);
    expect(r.status).toBe(200);
    const rows = ((await r.json()) as { rows: { who: string; role: string; action: string; caseId: string; purpose: string }[] }).rows;
    expect(rows).toContainEqual(expect.objectContaining({ who: 'Sam Handläggare', role: 'handlaggare', action: 'case.read', caseId: item.caseId, purpose: 'uppföljning av ansökan' }));
    expect(rows).toContainEqual(expect.objectContaining({ who: 'Sam Handläggare', action: 'queue.list', caseId: item.caseId }));
  });

  it('a member with skyddade personuppgifter is masked unless the role may see them', async () => {
    const items = (await all('&status=all')).items;
    let found = false;
    for (const i of items) {
      const c = await caseOf(i.decisionId);
      if (!c.household.members.some((x) => x.protectedIdentity)) continue;
      found = true;
      expect(JSON.stringify(c)).not.toContain('Hemlig Person');
      const seer = await caseOf(i.decisionId, { ...CASEWORKER, 'X-Remote-Groups': 'handlaggare skyddade-personuppgifter' });
      expect(JSON.stringify(seer)).toContain('Hemlig Person');
    }
    expect(found).toBe(true);
  });

  it('Kontaktcenter gives out nothing about a case with skyddade personuppgifter; the resident page never reads the store', async () => {
    const items = (await all('&status=all')).items;
    const cases = await Promise.all(items.map(async (i) => ({ i, c: await caseOf(i.decisionId) })));
    const guarded = cases.find(({ c }) => c.household.members.some((x) => x.protectedIdentity))!.i;
    const open = cases.find(({ c }) => !c.household.members.some((x) => x.protectedIdentity))!.i;
    const ask = (caseId: string) => app().request('/kontaktcenter/api/arende', { method: 'POST', headers: { ...KONTAKT, 'Content-Type': 'application/json' }, body: JSON.stringify({ caseId, purpose: 'Den sökande ringde och frågade om utbetalningen.' }) });
    const hidden = (await (await ask(guarded.caseId)).json()) as Record<string, unknown>;
    expect(hidden).toEqual({ caseId: guarded.caseId, protectedIdentity: true, caseworker: null, latestDecision: null, paymentDate: null, status: null, history: [] });
    const shown = (await (await ask(open.caseId)).json()) as Record<string, unknown>;
    expect(shown['protectedIdentity']).toBe(false);
    // Self-service (the resident page and its self-check) has no route to the store.
    const residentRoutes = readFileSync(join(ROOT, 'src/web/resident/routes.ts'), 'utf8');
    expect(residentRoutes.match(/from '[^']*'/g)!.filter((i) => /store|casework/.test(i))).toEqual([]);
  });
});
