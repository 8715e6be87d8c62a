/**
 * Begäran om komplettering and överklagande in the store (issue 30), through the staff API, against a
 * real SQLite store: last month registered and paid, this month's monthly run (arrival Monday 2 March
 * 2026), then a case waiting for the applicant, a case whose completion arrived after påsk and was then
 * decided, a decided, a paid and an appealed case, a protected one; and a December run (arrival Monday
 * 21 December) decided after jul with a completion between. Kontaktcenter's lookup gives each state,
 * never a proposal as a decision, never the request's text nor anything of a protected case; the
 * working days and the handlingstid report take their pauses from the store (counted by hand below);
 * wrong roles get 403, every step is in the case log, and `audit verify` catches an edited event.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthlyLines } from '../../bench/generate.ts';
import { appealLastDay } from '../../src/casework/caseEvents.ts';
import type { Decision } from '../../src/explain/contract.ts';
import { dueOnAfterPauses, workingDaysUsed } from '../../src/monthly/workdays.ts';
import type { CaseStatus } from '../../src/store/casedesk.ts';
import { CaseWork } from '../../src/store/casework.ts';
import { renderedDecision } from '../../src/store/read.ts';
import { createApp } from '../../src/web/app.ts';
import { DEFAULT_AUTH } from '../../src/web/kontaktcenter/routes.ts';
import { cli } from '../batch/support.ts';
import { book, ROOT } from '../support/engine.ts';
import { tempDir } from '../store/support.ts';
import { AUDITOR, CASEWORKER, KONTAKT, storeProblems, withSupportObstacle } from '../web/support/workday.ts';
import { lookAt, payFile, PERSON, registerOn } from './support.ts';

const SECRET = 'Kontoutdrag för februari från Handelsbanken';
let tmp: { dir: string; cleanup: () => void };
let store: string;
const proposal = new Map<string, { id: string; decision: Decision }>();
const cases: Record<'received' | 'waiting' | 'paused' | 'decided' | 'paid' | 'appealed' | 'protected' | 'julDecided' | 'julWaiting', string> = {} as never;
const decisionOf = new Map<string, string>();

const register = registerOn;

const app = () => createApp({ rulebook: book, storePath: store, staff: { storePath: store, auth: DEFAULT_AUTH }, clock: () => new Date('2026-03-20T10:00:00Z') });
const post = (path: string, body: unknown, headers: Record<string, string> = CASEWORKER) => app().request(path, { method: 'POST', body: JSON.stringify(body), headers: { ...headers, 'Content-Type': 'application/json' } });
/** Every body the API accepted, by route (the published schema must accept each). */
const accepted: { path: string; body: unknown }[] = [];
async function ok(path: string, body: unknown, headers: Record<string, string> = CASEWORKER): Promise<unknown> {
  const r = await post(path, body, headers);
  accepted.push({ path, body });
  expect(r.status, `${path}: ${await r.clone().text()}`).toBe(201);
  return r.json();
}

async function run(lines: readonly string[], name: string): Promise<void> {
  writeFileSync(join(tmp.dir, `${name}.ndjson`), lines.map((l) => `${l}\n`).join(''));
  const r = await cli(['monthly', '--in', join(tmp.dir, `${name}.ndjson`), '--out', join(tmp.dir, `${name}.out`), '--store', store, '--workers', '1']);
  if (r.status !== 0) throw new Error(r.stderr);
}

beforeAll(async () => {
  tmp = tempDir('case-events-');
  store = join(tmp.dir, 'records.sqlite');
  const pairs = [...monthlyLines(14, 30, '2026-03')].filter((p) => p.previous !== null);
  const mark = (line: string, arrival: string, protect: boolean) => {
    const h = withSupportObstacle(JSON.parse(line) as { caseId: string; receivedOn?: string; members: { role: string; protectedIdentity?: boolean; name?: string }[] });
    if (arrival) h.receivedOn = arrival;
    if (protect) {
      h.members[0]!.protectedIdentity = true;
      h.members[0]!.name = 'Hemlig Person';
    }
    return JSON.stringify(h);
  };
  writeFileSync(join(tmp.dir, 'feb.ndjson'), pairs.map((p, i) => `${mark(p.previous!, '', i === 0)}\n`).join(''));
  const feb = await cli(['batch', '--in', join(tmp.dir, 'feb.ndjson'), '--out', join(tmp.dir, 'feb.out'), '--record', '--store', store, '--workers', '1']);
  if (feb.status !== 0) throw new Error(feb.stderr);
  let cw = CaseWork.open(store, { clock: () => new Date('2026-02-04T09:00:00Z') });
  let n = 0;
  for (const record of [...cw.store.records()]) {
    const d = renderedDecision(cw.store, record) as Decision;
    if (d.outcome !== 'needs-information' && d.caseId !== null) register(cw, record.decisionId, d, '2026-02-04', '2026-02-05', ++n);
  }
  cw.exportOrders('2026-02-05', 'Ekonomi', 'ekonomi', 'utbetalning', payFile);
  cw.close();
  await run(pairs.map((p, i) => mark(p.current, '2026-03-02', i === 0)), 'mar');
  // December: two new cases arriving on Monday 21 December 2026.
  const jul = [...monthlyLines(2, 31, '2026-12')].map((p, i) => {
    const h = JSON.parse(mark(p.current, '2026-12-21', false)) as { caseId: string };
    h.caseId = `J-${i + 1}`;
    return JSON.stringify(h);
  });
  await run(jul, 'dec');

  cw = CaseWork.open(store, { clock: () => new Date('2026-03-04T09:00:00Z') });
  for (const record of [...cw.store.records()].filter((r) => r.period === '2026-03' || r.period === '2026-12')) proposal.set(record.caseId!, { id: record.decisionId, decision: renderedDecision(cw.store, record) as Decision });
  const march = [...proposal.keys()].filter((c) => c.startsWith('C-'));
  const pays = (c: string) => ['approve', 'partial'].includes(proposal.get(c)!.decision.outcome) && Number(proposal.get(c)!.decision.payable) > 0;
  const protectedCase = march[0]!;
  const payable = march.slice(1).filter(pays);
  if (payable.length < 4) throw new Error(`seed gives ${payable.length} payable March cases, the test needs 4`);
  const rest = march.slice(1).filter((c) => !payable.slice(0, 4).includes(c));
  Object.assign(cases, { protected: protectedCase, paid: payable[0], decided: payable[1], appealed: payable[2], paused: payable[3], waiting: rest[0], received: rest[1], julDecided: 'J-1', julWaiting: 'J-2' });
  const p = (c: string) => proposal.get(c)!;
  decisionOf.set(cases.paid, register(cw, p(cases.paid).id, p(cases.paid).decision, '2026-03-04', '2026-03-05', 101));
  decisionOf.set(cases.decided, register(cw, p(cases.decided).id, p(cases.decided).decision, '2026-03-05', '2026-03-25', 102));
  decisionOf.set(cases.appealed, register(cw, p(cases.appealed).id, p(cases.appealed).decision, '2026-03-04', '2026-03-05', 103));
  cw.exportOrders('2026-03-05', 'Ekonomi', 'ekonomi', 'utbetalning', payFile);
  cw.stopOrder(`${decisionOf.get(cases.decided)}-1`, 'Personen har flyttat.', PERSON.user, PERSON.role, 'handläggning');
  cw.close();

  // Through the staff API: the requests, the answers, the appeal.
  await ok(`/api/cases/${p(cases.waiting).id}/completions`, { sentOn: '2026-03-03', request: SECRET, answerBy: '2026-03-17' });
  await ok(`/api/cases/${p(cases.protected).id}/completions`, { sentOn: '2026-03-03', request: SECRET, answerBy: '2026-03-17' });
  await ok(`/api/cases/${p(cases.paused).id}/completions`, { sentOn: '2026-03-04', request: 'Hyresavtal', answerBy: '2026-03-18' });
  await ok(`/api/cases/${p(cases.paused).id}/completions/answer`, { answeredOn: '2026-03-30' });
  await ok(`/api/cases/${p('J-1').id}/completions`, { sentOn: '2026-12-22', request: 'Lönebesked', answerBy: '2027-01-05' });
  await ok(`/api/cases/${p('J-1').id}/completions/answer`, { answeredOn: '2026-12-28' });
  await ok(`/api/cases/${p('J-2').id}/completions`, { sentOn: '2026-12-22', request: 'Lönebesked', answerBy: '2027-01-05' });
  await ok(`/api/decisions/${decisionOf.get(cases.appealed)}/appeal`, { receivedOn: '2026-03-20', notifiedOn: '2026-03-05' });
  await ok(`/api/decisions/${decisionOf.get(cases.appealed)}/appeal/review`, { reviewedOn: '2026-03-23', outcome: 'unchanged', omprovning: null });
  await ok(`/api/decisions/${decisionOf.get(cases.appealed)}/appeal/forward`, { forwardedOn: '2026-03-24' });

  cw = CaseWork.open(store, { clock: () => new Date('2026-04-07T09:00:00Z') });
  decisionOf.set(cases.paused, register(cw, p(cases.paused).id, p(cases.paused).decision, '2026-04-07', '2026-04-25', 104));
  decisionOf.set('J-1', register(cw, p('J-1').id, p('J-1').decision, '2026-12-30', '2027-01-25', 105));
  cw.close();
}, 180_000);

afterAll(() => tmp.cleanup());

const look = (caseId: string): CaseStatus => lookAt(store, caseId, '2026-04-08T10:00:00Z');

describe('Kontaktcenter: each state from the store', () => {
  it('received, waiting, decided, paid and appealed; a proposal is never a decision', () => {
    expect(look(cases.received).status).toMatchObject({ period: '2026-03', state: expect.stringMatching(/^(received|with-caseworker)$/), decision: null });
    expect(look(cases.received).latestDecision?.period).toBe('2026-02');
    const waiting = look(cases.waiting);
    expect(waiting.status).toMatchObject({ state: 'waiting', waitingSince: '2026-03-03', answerBy: '2026-03-17', dueOnNow: null, decision: null, handling: null });
    expect(waiting.history.filter((e) => e.period === '2026-03').map((e) => `${e.on} ${e.state} ${e.detail}`)).toContain('2026-03-03 waiting completion-requested');
    expect(look(cases.decided).status).toMatchObject({ state: 'decided', payOn: null, handling: { workingDays: 4, met: true } });
    expect(look(cases.paid).status).toMatchObject({ state: 'paid', payOn: '2026-03-05' });
    const appealed = look(cases.appealed);
    expect(appealed.status).toMatchObject({ state: 'appealed', appeal: { decisionId: decisionOf.get(cases.appealed), receivedOn: '2026-03-20', inTime: 'yes', forwardedOn: '2026-03-24' } });
    expect(appealed.history.filter((e) => e.state === 'appealed').map((e) => e.detail)).toEqual(['appeal-received', 'appeal-reviewed-unchanged', 'appeal-forwarded']);
    for (const c of Object.values(cases)) {
      const d = look(c).latestDecision;
      if (d) expect(d.decisionId, c).not.toBe(proposal.get(c)!.id);
    }
  });

  it('never shows what a begäran om komplettering asks, nor anything of a protected case (JSON and page)', async () => {
    expect(JSON.stringify(look(cases.waiting))).not.toContain(SECRET);
    const hidden = look(cases.protected);
    expect(hidden).toMatchObject({ protectedIdentity: true, status: null, history: [], caseworker: null, latestDecision: null });
    for (const caseId of [cases.waiting, cases.protected]) {
      const r = await app().request('/kontaktcenter/api/arende', { method: 'POST', body: JSON.stringify({ caseId, purpose: 'Personen ringer' }), headers: { ...KONTAKT, 'Content-Type': 'application/json' } });
      expect(r.status).toBe(200);
      const text = await r.text();
      expect(text).not.toContain(SECRET);
      if (caseId === cases.protected) expect(text).not.toContain('2026-03-03');
      const page = await app().request('/kontaktcenter/arende', { method: 'POST', body: new URLSearchParams({ caseId, purpose: 'Personen ringer' }).toString(), headers: { ...KONTAKT, 'Content-Type': 'application/x-www-form-urlencoded' } });
      const html = await page.text();
      expect(html).not.toContain(SECRET);
      if (caseId === cases.waiting) expect(html).toContain('Väntar på uppgifter från den sökande (begäran om komplettering skickad 2026-03-03, svar senast 2026-03-17)');
    }
  });
});

describe('working days with a completion pause read from the store', () => {
  it('påsk: arrived Mon 2 March, asked Wed 4 March, answered Mon 30 March, decided Tue 7 April = 8 working days', () => {
    // Counted: 2, 3, 4 March; paused 5–27 March; 30, 31 March, 1, 2 April; långfredagen 3, 4–5, annandag påsk 6 April skipped; 7 April.
    expect(look(cases.paused).status).toMatchObject({ state: 'to-be-paid', handling: { receivedOn: '2026-03-02', decidedOn: '2026-04-07', workingDays: 8, met: false } });
    expect(workingDaysUsed('2026-03-02', '2026-04-07')).toBe(25); // without the pause
    // Due day after the pause: 2, 3, 4 March, then 30, 31 March = the fifth.
    expect(look(cases.paused).status!.dueOnNow).toBe('2026-03-31');
  });

  it('jul: arrived Mon 21 Dec, asked Tue 22, answered Mon 28, decided Wed 30 = 5 working days (6 without the pause)', () => {
    // Counted: 21, 22; paused 23 (24 julafton, 25 juldagen, 26–27 weekend are not working days anyway); 28, 29, 30.
    expect(look('J-1').status).toMatchObject({ period: '2026-12', handling: { workingDays: 5, met: true } });
    expect(workingDaysUsed('2026-12-21', '2026-12-30')).toBe(6);
    expect(look('J-2').status).toMatchObject({ state: 'waiting', dueOnNow: null });
    expect(dueOnAfterPauses('2026-12-21', [])).toBe('2026-12-29');
  });

  it('the handlingstid report takes the pauses: December one decided in 5 days; April one in 8; a case waiting for the applicant is never past due', async () => {
    // Past due on the day: the undecided March cases, less the two waiting for a completion (and the four decided).
    const undecided = [...proposal.keys()].filter((c) => c.startsWith('C-')).length - 6;
    const r = await cli(['handlingstid', '--month', '2026-12', '--today', '2027-01-15', '--store', store]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\r\n')).toContain(`2026-12,all,all,1,1,5,5,1,1.000,${undecided}`);
    const april = await cli(['handlingstid', '--month', '2026-04', '--today', '2026-04-08', '--store', store]);
    expect(april.stdout.trim().split('\r\n')).toContain(`2026-04,all,all,1,1,8,8,0,0.000,${undecided}`);
  });
});

describe('the staff API', () => {
  it('an appeal must concern a registered decision: a proposal is 400 naming it', async () => {
    const id = proposal.get(cases.received)!.id;
    const r = await post(`/api/decisions/${id}/appeal`, { receivedOn: '2026-03-20', notifiedOn: null });
    expect(r.status).toBe(400);
    expect(((await r.json()) as { errors: { path: string; message: string }[] }).errors[0]).toMatchObject({ path: 'decisionId', message: expect.stringContaining(id) });
  });

  it('in time is never guessed: without the notification day it is unknown and cannot be avvisat as late', async () => {
    const id = decisionOf.get(cases.paid)!;
    const a = (await ok(`/api/decisions/${id}/appeal`, { receivedOn: '2026-04-01', notifiedOn: null })) as { appeals: { inTime: string; lastDay: string | null }[] };
    expect(a.appeals.at(-1)).toMatchObject({ inTime: 'unknown', lastDay: null });
    const dismiss = await post(`/api/decisions/${id}/appeal/dismiss`, { dismissedOn: '2026-04-02' });
    expect(dismiss.status).toBe(409);
    expect(await dismiss.text()).toContain('inte känd');
    expect((await post(`/api/decisions/${id}/appeal`, { receivedOn: '2026-04-01', notifiedOn: null })).status).toBe(409);
    await ok(`/api/decisions/${id}/appeal/close`, { closedOn: '2026-04-03', reason: 'withdrawn' });
    expect(look(cases.paid).status!.state).toBe('paid');
  });

  it('the last day: three weeks, moved past a helgdag (44 § FL, lag 1930:173)', () => {
    expect(appealLastDay('2026-03-05')).toBe('2026-03-26');
    expect(appealLastDay('2026-05-14')).toBe('2026-06-04');
    expect(appealLastDay('2026-12-04')).toBe('2026-12-28'); // 25 December juldagen → 26 Saturday, 27 Sunday → Monday 28
  });

  it('a request without text, a second open request, an answer before the request: each refused naming the field', async () => {
    const id = proposal.get(cases.waiting)!.id;
    const empty = await post(`/api/cases/${proposal.get(cases.received)!.id}/completions`, { sentOn: '2026-03-03', request: '', answerBy: '2026-03-01' });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { errors: { path: string }[] }).errors.map((e) => e.path).sort()).toEqual(['answerBy', 'request']);
    expect((await post(`/api/cases/${id}/completions`, { sentOn: '2026-03-04', request: 'Mer', answerBy: '2026-03-18' })).status).toBe(409);
    const early = await post(`/api/cases/${id}/completions/answer`, { answeredOn: '2026-03-01' });
    expect(early.status).toBe(400);
    expect(await early.text()).toContain('answeredOn');
  });

  it('wrong roles get 403 on every step; each step is in the case log', async () => {
    const pid = proposal.get(cases.received)!.id;
    const did = decisionOf.get(cases.decided)!;
    const steps: [string, unknown][] = [
      [`/api/cases/${pid}/completions`, { sentOn: '2026-03-03', request: 'Hyresavtal', answerBy: '2026-03-17' }],
      [`/api/cases/${pid}/completions/answer`, { answeredOn: '2026-03-05' }],
      [`/api/decisions/${did}/appeal`, { receivedOn: '2026-03-20', notifiedOn: null }],
      [`/api/decisions/${did}/appeal/forward`, { forwardedOn: '2026-03-20' }],
    ];
    for (const [path, body] of steps) for (const who of [AUDITOR, KONTAKT]) expect((await post(path, body, who)).status, path).toBe(403);
    const cw = CaseWork.open(store, { readonly: true });
    try {
      const actions = cw.logRows({ caseId: cases.appealed }).map((r) => r.action);
      expect(actions).toEqual(expect.arrayContaining(['appeal.receive', 'appeal.review', 'appeal.forward']));
      expect(cw.logRows({ caseId: cases.paused }).map((r) => r.action)).toEqual(expect.arrayContaining(['completion.request', 'completion.answer']));
    } finally {
      cw.close();
    }
  });

  it('the case view and the queue show the due day and the working days used', async () => {
    const r = await app().request(`/api/cases/${proposal.get(cases.waiting)!.id}`, { headers: CASEWORKER });
    const view = (await r.json()) as { handling: Record<string, unknown>; completions: { request: string }[] };
    // Today 20 March: 2 and 3 March counted, then the clock stands still.
    expect(view.handling).toMatchObject({ receivedOn: '2026-03-02', dueOn: '2026-03-06', dueOnNow: null, daysUsed: 2, waiting: true, pastDue: false });
    expect(view.completions[0]!.request).toBe(SECRET);
    const q = (await (await app().request('/api/queue?period=2026-03&status=all&sort=daysUsed&order=desc&pageSize=200', { headers: CASEWORKER })).json()) as { items: { caseId: string; daysUsed: number | null; waitingSince: string | null; pastDue: boolean; appealedOn: string | null }[] };
    const days = q.items.map((i) => i.daysUsed).filter((d): d is number => d !== null);
    expect(days).toEqual([...days].sort((a, b) => b - a));
    expect(q.items.find((i) => i.caseId === cases.received)).toMatchObject({ daysUsed: 15, pastDue: true }); // 2–20 March
    expect(q.items.find((i) => i.caseId === cases.waiting)).toMatchObject({ daysUsed: 2, waitingSince: '2026-03-03', pastDue: false });
    expect(q.items.find((i) => i.caseId === cases.appealed)).toMatchObject({ daysUsed: 3, appealedOn: '2026-03-20' });
    expect((await app().request('/api/queue?sort=bogus', { headers: CASEWORKER })).status).toBe(400);
  });
});

describe('schemas/case-events.schema.json', () => {
  it('accepts every body the API accepted, and refuses what the API refuses for its shape', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    ajv.addSchema(JSON.parse(readFileSync(join(ROOT, 'schemas/case-events.schema.json'), 'utf8')) as object);
    const defOf = (path: string) => {
      const tail = /\/(completions|completions\/answer|appeal|appeal\/review|appeal\/dismiss|appeal\/forward|appeal\/close)$/.exec(path)![1]!;
      return { completions: 'completionRequest', 'completions/answer': 'completionAnswer', appeal: 'appeal', 'appeal/review': 'appealReview', 'appeal/dismiss': 'appealDismiss', 'appeal/forward': 'appealForward', 'appeal/close': 'appealClose' }[tail]!;
    };
    const valid = (def: string, body: unknown) => ajv.validate(`case-events.schema.json#/$defs/${def}`, body);
    expect(new Set(accepted.map((a) => defOf(a.path))).size).toBe(6);
    for (const a of accepted) expect(valid(defOf(a.path), a.body), `${a.path} ${JSON.stringify(a.body)}`).toBe(true);
    expect(valid('completionRequest', { sentOn: '2026-03-03', request: '', answerBy: '2026-03-17' })).toBe(false);
    expect(valid('appeal', { receivedOn: '2026-03-20' })).toBe(false);
    expect(valid('appealClose', { closedOn: '2026-03-20', reason: 'bored' })).toBe(false);
  });
});

describe('audit verify', () => {
  it('the queue’s derived index: filled on first read, the same queue when emptied, an edited row caught', async () => {
    type Item = { caseId: string; reasons: unknown; missing: unknown };
    const queue = async () => ((await (await app().request('/api/queue?period=2026-03&status=all&pageSize=200', { headers: AUDITOR })).json()) as { items: Item[] }).items.map((i) => [i.caseId, i.reasons, i.missing]);
    const first = await queue();
    const db = new Database(store);
    expect(db.prepare('SELECT COUNT(*) FROM queue_parts').pluck().get()).toBeGreaterThan(5);
    db.exec('DELETE FROM queue_parts');
    db.close();
    expect(await queue()).toEqual(first);
    expect(storeProblems(store)).toEqual([]);
    const copy = join(tmp.dir, 'index-edited.sqlite');
    const src = new Database(store);
    src.exec(`VACUUM INTO '${copy}'`);
    src.close();
    const e = new Database(copy);
    e.prepare("UPDATE queue_parts SET flags_json = '[]' WHERE decision_id = (SELECT decision_id FROM queue_parts WHERE flags_json != '[]' LIMIT 1)").run();
    e.close();
    expect(storeProblems(copy).filter((p) => p.startsWith('derived:'))).toHaveLength(1);
  });

  it('the chain and the case events verify; an edited event is caught', () => {
    expect(storeProblems(store)).toEqual([]);
    const copy = join(tmp.dir, 'edited.sqlite');
    const db = new Database(store);
    db.exec(`VACUUM INTO '${copy}'`);
    db.close();
    const e = new Database(copy);
    for (const t of e.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'case_events'").pluck().all()) e.exec(`DROP TRIGGER "${t}"`);
    e.prepare("UPDATE case_events SET entry_json = replace(entry_json, '2026-03-30', '2026-03-05') WHERE kind = 'completion.answer'").run();
    e.close();
    const problems = storeProblems(copy);
    expect(problems.some((p) => p.startsWith('case-events:') && p.includes('case_events'))).toBe(true);
  });
});
