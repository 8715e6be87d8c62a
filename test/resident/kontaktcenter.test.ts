/**
 * Kontaktcenter's case-status lookup (issue 12): only the staff role gets in (403 otherwise, whatever
 * headers a browser sends when the server does not trust a login proxy), every lookup is in the
 * append-only access log with who, when, which case and why, and the resident pages never link to it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseDesk } from '../../src/store/casedesk.ts';
import { DecisionStore } from '../../src/store/store.ts';
import { verifyStore } from '../../src/store/verify.ts';
import { createApp } from '../../src/web/app.ts';
import { DEFAULT_AUTH } from '../../src/web/kontaktcenter/routes.ts';
import { LANGS } from '../../src/web/resident/catalog.ts';
import { book, ROOT } from '../support/engine.ts';
import { cli, household, rawDb, recordInput, tempDir } from '../store/support.ts';

const NOW = new Date('2026-03-12T08:15:00.000Z');
const STAFF = { 'X-Remote-User': 'maria.kc', 'X-Remote-Groups': 'anstallda, kontaktcenter' };
const JSON_HEADERS = { 'Content-Type': 'application/json' };

let tmp: { dir: string; cleanup: () => void };
let storeFile: string;
let decisionId: string;

beforeAll(() => {
  tmp = tempDir('kontaktcenter-');
  storeFile = join(tmp.dir, 'records.sqlite');
  const store = DecisionStore.open(storeFile, { create: true });
  store.record(recordInput(household(1))); // T-1, another case
  decisionId = store.record(recordInput(household(2))).decisionId; // T-2, 2026-03
  store.close();
  const desk = CaseDesk.open(storeFile);
  desk.assignCaseworker('T-2', 'Anna Handläggare', 'admin');
  desk.close();
});

afterAll(() => tmp.cleanup());

const appWith = (auth: typeof DEFAULT_AUTH | null, withStaff = true) => createApp({ rulebook: book, ...(withStaff ? { staff: { storePath: storeFile, auth, clock: () => NOW } } : {}) });
const lookup = (app: ReturnType<typeof createApp>, headers: Record<string, string>, body: unknown) =>
  app.request('/kontaktcenter/api/arende', { method: 'POST', headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(body) });
const logOf = () => {
  const desk = CaseDesk.open(storeFile);
  try {
    return desk.accessLog();
  } finally {
    desk.close();
  }
};
const PURPOSE = 'Personen ringer och frågar när pengarna kommer';

describe('Kontaktcenter lookup: the staff role', () => {
  it('answers 403 without the role, and looks nothing up', async () => {
    const trusted = appWith(DEFAULT_AUTH);
    const before = logOf().length;
    for (const headers of [{}, { 'X-Remote-User': 'maria.kc' }, { 'X-Remote-Groups': 'kontaktcenter' }, { 'X-Remote-User': 'maria.kc', 'X-Remote-Groups': 'socialsekreterare' }, { 'X-Remote-User': 'maria.kc', 'X-Remote-Groups': 'kontaktcenter-extern' }]) {
      const r = await lookup(trusted, headers, { caseId: 'T-2', purpose: PURPOSE });
      expect(r.status, JSON.stringify(headers)).toBe(403);
      expect(await r.text()).not.toContain('Anna');
    }
    for (const path of ['/kontaktcenter/', '/kontaktcenter', '/kontaktcenter/arende', '/kontaktcenter/anything']) expect((await trusted.request(path)).status, path).toBe(403);
    expect(logOf().length).toBe(before);
  });

  it('answers 403 even with the right headers when serve does not trust a login proxy', async () => {
    for (const app of [appWith(null), appWith(null, false)]) {
      const r = await lookup(app, STAFF, { caseId: 'T-2', purpose: PURPOSE });
      expect(r.status).toBe(403);
      expect(((await r.json()) as { errors: { code: string }[] }).errors[0]!.code).toBe('FORBIDDEN');
    }
  });

  it('gives staff the caseworker and where the case stands — a proposal is no decision (issue 30) — and logs who, when, which case and why', async () => {
    const before = logOf().length;
    const r = await lookup(appWith(DEFAULT_AUTH), STAFF, { caseId: 'T-2', purpose: PURPOSE });
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-store');
    const status = await r.json();
    expect(status).toEqual({
      caseId: 'T-2',
      protectedIdentity: false,
      caseworker: 'Anna Handläggare',
      latestDecision: null,
      paymentDate: null,
      status: { period: '2026-03', state: 'received', receivedOn: null, dueOn: null, dueOnNow: null, waitingSince: null, answerBy: null, appeal: null, decision: null, payOn: null, handling: null, application: 'new', applicantGender: expect.any(String) },
      history: [{ on: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), period: '2026-03', state: 'received', decisionId, outcome: null, amount: null, payOn: null, by: null, changeKind: null, detail: null, until: null }],
    });
    // …and a payment date cannot be recorded on it.
    const desk = CaseDesk.open(storeFile);
    try {
      expect(() => desk.recordPaymentDate(decisionId, '2026-03-25', 'admin')).toThrow(/proposal, not a registered decision/);
    } finally {
      desk.close();
    }
    const log = logOf();
    expect(log.length).toBe(before + 1);
    expect(log.at(-1)).toMatchObject({ at: NOW.toISOString(), who: 'maria.kc', caseId: 'T-2', purpose: PURPOSE, found: true });
  });

  it('refuses a lookup without a purpose (400) and logs an unknown case as not found (404)', async () => {
    const app = appWith(DEFAULT_AUTH);
    const before = logOf().length;
    const noPurpose = await lookup(app, STAFF, { caseId: 'T-2' });
    expect(noPurpose.status).toBe(400);
    expect(((await noPurpose.json()) as { errors: { path: string }[] }).errors.map((e: { path: string }) => e.path)).toEqual(['purpose']);
    expect(logOf().length).toBe(before);
    const unknown = await lookup(app, STAFF, { caseId: 'T-999', purpose: PURPOSE });
    expect(unknown.status).toBe(404);
    expect(logOf().at(-1)).toMatchObject({ caseId: 'T-999', found: false, who: 'maria.kc' });
  });

  it('refuses a lookup sent from another site by a staff member’s browser (403, not logged)', async () => {
    const before = logOf().length;
    const r = await lookup(appWith(DEFAULT_AUTH), { ...STAFF, 'Sec-Fetch-Site': 'cross-site' }, { caseId: 'T-2', purpose: PURPOSE });
    expect(r.status).toBe(403);
    expect(logOf().length).toBe(before);
    expect((await lookup(appWith(DEFAULT_AUTH), { ...STAFF, 'Sec-Fetch-Site': 'same-origin' }, { caseId: 'T-2', purpose: PURPOSE })).status).toBe(200);
  });

  it('works with a municipality’s own header names and role', async () => {
    const app = appWith({ userHeader: 'X-Auth-Email', rolesHeader: 'X-Auth-Roles', role: 'kc-handlaggare' });
    expect((await lookup(app, STAFF, { caseId: 'T-2', purpose: PURPOSE })).status).toBe(403);
    const r = await lookup(app, { 'X-Auth-Email': 'kalle@kommun.se', 'X-Auth-Roles': 'kc-handlaggare' }, { caseId: 'T-2', purpose: PURPOSE });
    expect(r.status).toBe(200);
    expect(logOf().at(-1)?.who).toBe('kalle@kommun.se');
  });

  it('the staff page shows the status in Swedish after the form is sent', async () => {
    const app = appWith(DEFAULT_AUTH);
    const r = await app.request('/kontaktcenter/arende', { method: 'POST', headers: { ...STAFF, 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ caseId: 'T-2', purpose: PURPOSE }).toString() });
    expect(r.status).toBe(200);
    const html = await r.text();
    expect(html).toContain('Anna Handläggare');
    expect(html).toContain('Ansökan mottagen');
    expect(html).toContain('inget beslut fattat');
    expect(html).toContain('Sekretess gäller');
    const page = await app.request('/kontaktcenter/', { headers: STAFF });
    for (const lang of LANGS) expect(await page.clone().text()).toContain(`/invanare/utskrift?lang=${lang}`);
  });

  it('an unavailable store is a 503 with a reason, not a crash', async () => {
    const app = createApp({ rulebook: book, staff: { storePath: join(tmp.dir, 'missing.sqlite'), auth: DEFAULT_AUTH } });
    const r = await lookup(app, STAFF, { caseId: 'T-2', purpose: PURPOSE });
    expect(r.status).toBe(503);
  });
});

describe('Kontaktcenter lookup: the store', () => {
  it('keeps the access log append-only and leaves the decision chain intact', async () => {
    const db = rawDb(storeFile);
    try {
      expect(() => db.prepare("UPDATE access_log SET who = 'someone else'").run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM access_log').run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM case_assignments').run()).toThrow(/append-only/);
    } finally {
      db.close();
    }
    const store = DecisionStore.open(storeFile, { readonly: true });
    try {
      expect(verifyStore(store).ok).toBe(true);
    } finally {
      store.close();
    }
  });

  it('refuses a payment date for a decision that is not recorded', async () => {
    const desk = CaseDesk.open(storeFile);
    try {
      expect(() => desk.recordPaymentDate('no-such-decision', '2026-03-25', 'admin')).toThrow(/no recorded decision/);
      expect(() => desk.recordPaymentDate(decisionId, '2026-02-30', 'admin')).toThrow(/YYYY-MM-DD/);
    } finally {
      desk.close();
    }
  });
});

describe('the resident pages never reach the lookup', () => {
  it('no resident page links to or mentions /kontaktcenter', async () => {
    const app = appWith(DEFAULT_AUTH);
    for (const lang of LANGS) {
      for (const path of [`/invanare/?lang=${lang}&month=2026-03`, `/invanare/utskrift?lang=${lang}&month=2026-03`]) {
        const html = await (await app.request(path)).text();
        expect(html, path).not.toMatch(/kontaktcenter/i);
      }
    }
  });
});

describe('kontakt command', () => {
  it('records a caseworker that the lookup then shows, refuses a payment date on a proposal, and prints the access log', async () => {
    const { dir, cleanup } = tempDir('kontakt-cli-');
    try {
      const file = join(dir, 'store.sqlite');
      const fixture = join(ROOT, 'fixtures', 'e8-single-adult-2026.json');
      const recorded = (await cli(['calculate', fixture, '--record', '--store', file]));
      expect(recorded.status, recorded.stderr).toBe(0);
      const id = /D-[0-9]+-[0-9a-f]+/.exec(recorded.stdout)![0];
      const caseId = (JSON.parse(readFileSync(fixture, 'utf8')) as { caseId: string }).caseId;
      expect((await cli(['kontakt', 'assign', caseId, '--caseworker', 'Sara Lind', '--by', 'admin', '--store', file])).status).toBe(0);
      // What calculate --record keeps is a proposal: no payment date until a person registers a decision.
      const onProposal = await cli(['kontakt', 'payment', id, '--date', '2026-04-24', '--by', 'admin', '--store', file]);
      expect(onProposal.status).toBe(2);
      expect(onProposal.stderr).toContain('not a registered decision');
      expect((await cli(['kontakt', 'payment', 'nope', '--date', '2026-04-24', '--by', 'admin', '--store', file])).status).toBe(2);
      expect((await cli(['kontakt', 'assign', caseId, '--caseworker', 'X', '--store', file])).status).toBe(2);
      const app = createApp({ rulebook: book, staff: { storePath: file, auth: DEFAULT_AUTH } });
      const status = (await (await lookup(app, STAFF, { caseId, purpose: PURPOSE })).json()) as { caseworker: string; paymentDate: string | null; latestDecision: null };
      expect(status).toMatchObject({ caseworker: 'Sara Lind', paymentDate: null, latestDecision: null, status: { state: 'received' } });
      const log = (await cli(['kontakt', 'log', '--json', '--store', file]));
      expect(JSON.parse(log.stdout)).toEqual([expect.objectContaining({ who: 'maria.kc', caseId, purpose: PURPOSE, found: true })]);
    } finally {
      cleanup();
    }
  });

  it('serve refuses header options without --trust-proxy-auth', async () => {
    const r = (await cli(['serve', '--staff-role', 'kc', '--port', '0']));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--trust-proxy-auth');
  });
});
