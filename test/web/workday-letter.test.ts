/**
 * Issue 21 items 1–2 in the workday: the applicant's letter made at registration through the same
 * builder as `letter`, stored beside the registered decision with its sha256, served as a PDF to a
 * person who may read the case (logged), named by the case view and `show`, checked by `audit verify`;
 * a registration whose letter cannot be printed stands, says so, and the letter is made later; a
 * refusal touching children is refused until the child's views and the weighing are given per child.
 * A real SQLite store (support/workday.ts) and the bundled Chromium.
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredLetter } from '../../src/casework/letter.ts';
import { letterText } from '../../src/explain/letter/document.ts';
import { CaseWork } from '../../src/store/casework.ts';
import { createApp } from '../../src/web/app.ts';
import { DEFAULT_AUTH } from '../../src/web/kontaktcenter/routes.ts';
import { cli, tempDir } from '../batch/support.ts';
import { letterheadRules, STAFF_DIRECTORY } from './support/letterhead.ts';
import { pdfFonts, pdfPageCount } from '../support/pdf.ts';
import { AUDITOR, CASEWORKER, childAnswersFor, DECIDER, HOUSEHOLD_CHILD_ANSWERS, KONTAKT, morning, storeProblems, type Morning } from './support/workday.ts';

const dir = tempDir();
// The municipalities' nämnd details and the staff directory a letter to send needs (support/letterhead.ts).
const { book } = letterheadRules([], join(dir, 'rules'));
const office = { book, directory: STAFF_DIRECTORY };
let m: Morning;
const NOW = new Date('2026-03-10T09:00:00Z');
beforeAll(async () => {
  m = await morning(dir, 30, 5, [2]);
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Errors = { errors: { path: string; code: string; message: string }[] };
type Letter = { status: 'stored'; sha256: string; bytes: number; fileName: string; madeBy: string; url: string } | { status: 'not-made'; code: string; message: string; canMake: boolean };
interface CaseAnswer {
  decisionId: string;
  caseId: string;
  proposal: { outcome: string; payable: string | null; childImpact: { children: string[] } | null };
  items: { id: string; kind: string }[];
  suggestion: { outcome: string | null; decidedOn: string; payments: unknown[] };
  registered: { decisionId: string }[];
  letters: Record<string, Letter>;
  childQuestions: { promptId: string; children: { memberId: string; name: string }[] }[];
}
const failing = async (): Promise<Uint8Array> => {
  throw new Error('Chromium saknas på servern');
};
const app = (printLetter?: ((html: string) => Promise<Uint8Array>) | null) => createApp({ rulebook: book, storePath: m.store, staff: { storePath: m.store, auth: DEFAULT_AUTH }, clock: () => NOW, staffDirectory: STAFF_DIRECTORY, ...(printLetter !== undefined ? { printLetter } : {}) });
const get = (path: string, headers: Record<string, string> = CASEWORKER) => app().request(path, { headers });
const post = (path: string, body: unknown, headers: Record<string, string> = DECIDER, printLetter?: ((html: string) => Promise<Uint8Array>) | null) =>
  app(printLetter).request(path, { method: 'POST', body: JSON.stringify(body), headers: { ...headers, 'Content-Type': 'application/json' } });
const caseOf = async (decisionId: string) => (await (await get(`/api/cases/${decisionId}`, DECIDER)).json()) as CaseAnswer;
const queue = async () => ((await (await get('/api/queue?pageSize=200')).json()) as { items: { decisionId: string; caseId: string; outcome: string; hasChildren: boolean }[] }).items;
const registration = (c: CaseAnswer, extra: Record<string, unknown> = {}) => ({
  decidedOn: c.suggestion.decidedOn,
  outcome: c.suggestion.outcome,
  payable: c.proposal.payable ?? '0',
  acknowledgements: c.items.map((i) => ({ item: i.id, comment: 'Bedömt.' })),
  // A new applicant has no account on file yet: the person fills it in.
  payments: (c.suggestion.payments as { account: { scheme: string; number: string } }[]).map((p) => (p.account.number === '' ? { ...p, account: { scheme: 'bank', number: '8327-9, 987654321-0' } } : p)),
  ...extra,
});
const sha = (bytes: Uint8Array) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

describe('a refusal touching children needs the child\'s views and the weighing per child', () => {
  it('is refused with a 400 naming each missing child\'s field, then registered with the answers, which the letter prints', async () => {
    const item = (await queue()).find((i) => (i.outcome === 'partial' || i.outcome === 'deny') && i.hasChildren)!;
    expect(item, 'the morning has a refusal with children').toBeDefined();
    const c = await caseOf(item.decisionId);
    const children = c.proposal.childImpact!.children;
    // The case view asks per child, by name or "Barnet som är 7 år".
    expect(c.childQuestions.map((q) => q.promptId)).toEqual(['child-view', 'weighing']);
    expect(c.childQuestions[0]!.children.map((ch) => ch.memberId)).toEqual(children);
    expect(c.childQuestions[0]!.children[0]!.name).toMatch(/^(Barnet som är \d+ år|.+, \d+ år)/);

    const given = childAnswersFor(c.proposal as never, c.suggestion.outcome!);
    const missingOne = await post(`/api/cases/${c.decisionId}/decision`, registration(c, { childAnswers: given.filter((a) => !(a.memberId === children[0] && a.promptId === 'child-view')) }), DECIDER, null);
    expect(missingOne.status).toBe(400);
    const errors = ((await missingOne.json()) as Errors).errors;
    expect(errors.map((e) => e.path)).toEqual([`childAnswers.${children[0]}.child-view`]);
    expect(errors[0]!.message).toContain(c.childQuestions[0]!.children[0]!.name);

    const views = given.map((a) => (a.promptId === 'child-view' ? { ...a, answer: `Barnet ${a.memberId} har sagt att det vill gå kvar i sin skola.` } : a));
    const ok = await post(`/api/cases/${c.decisionId}/decision`, registration(c, { childAnswers: views }), DECIDER, null);
    expect(ok.status, await ok.clone().text()).toBe(201);
    const { decisionId, letter } = (await ok.json()) as { decisionId: string; letter: Letter };
    expect(letter).toMatchObject({ status: 'not-made', code: 'NO_PRINTER', canMake: true });
    const cw = CaseWork.open(m.store, { readonly: true });
    try {
      const plan = registeredLetter(cw, decisionId, office);
      if (!plan.ok) throw new Error(plan.message);
      const text = letterText(plan.doc);
      expect(text.split('\n')[0]).toBe('BESLUT');
      for (const child of children) expect(text).toContain(`Barnet ${child} har sagt att det vill gå kvar i sin skola.`);
      expect(text).toContain('Karin Beslutsfattare');
    } finally {
      cw.close();
    }
  });
});

describe('a refusal decided over an approving proposal for a family', () => {
  it('asks the household questions 8 and 9 once, refuses without them (no unknown point), and registers with them', async () => {
    const candidates = (await queue()).filter((i) => i.outcome === 'approve' && i.hasChildren);
    const item = candidates.at(-1)!;
    expect(item, 'the morning has an approval with children').toBeDefined();
    const c = await caseOf(item.decisionId);
    expect(c.registered).toEqual([]);
    const household = c.childQuestions.filter((q) => q.children.length === 0).map((q) => q.promptId);
    expect(household).toEqual(['consequences', 'alternatives']);
    const perChild = childAnswersFor(c.proposal as never, 'deny');
    const deny = (childAnswers: unknown[]) => registration(c, { outcome: 'deny', payable: '0', payments: [], reason: 'Inkomsten täcker behovet enligt utredningen.', childAnswers });
    const without = await post(`/api/cases/${c.decisionId}/decision`, deny(perChild), DECIDER, null);
    expect(without.status).toBe(400);
    const errors = ((await without.json()) as Errors).errors;
    expect(errors.map((e) => e.path).sort()).toEqual(['acknowledgements.child-alternatives', 'acknowledgements.child-consequences']);
    const answered = [...perChild, ...HOUSEHOLD_CHILD_ANSWERS];
    const ok = await post(`/api/cases/${c.decisionId}/decision`, deny(answered), DECIDER, null);
    expect(ok.status, JSON.stringify(await ok.clone().json())).toBe(201);
  });
});

describe('the letter stored beside the registered decision', () => {
  let decisionId = '';
  let caseId = '';

  it('registering makes the A4 PDF through the bundled Chromium and stores it with its sha256; the case view names it', async () => {
    const item = (await queue()).find((i) => i.outcome === 'approve' && !i.hasChildren)!;
    const c = await caseOf(item.decisionId);
    const r = await post(`/api/cases/${c.decisionId}/decision`, registration(c));
    expect(r.status, await r.clone().text()).toBe(201);
    const body = (await r.json()) as { decisionId: string; letter: Letter };
    decisionId = body.decisionId;
    caseId = item.caseId;
    expect(body.letter).toMatchObject({ status: 'stored', madeBy: 'Karin Beslutsfattare', url: `/api/decisions/${decisionId}/letter` });
    const view = await caseOf(item.decisionId);
    expect(view.letters[decisionId]).toEqual(body.letter);
  }, 60_000);

  it('GET …/letter gives the PDF byte for byte (application/pdf, its hash), to a person who may read the case, and logs the read', async () => {
    const r = await get(`/api/decisions/${decisionId}/letter`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/pdf');
    expect(r.headers.get('content-disposition')).toMatch(/^attachment; filename="beslut-.+\.pdf"$/);
    const bytes = new Uint8Array(await r.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(pdfPageCount(bytes)).toBeGreaterThanOrEqual(1);
    expect(pdfFonts(bytes)).toEqual(['NotoSans-Bold', 'NotoSans-Regular']);
    const view = await caseOf((await caseOf(decisionId)).decisionId);
    const stored = view.letters[decisionId] as Extract<Letter, { status: 'stored' }>;
    expect(r.headers.get('x-content-sha256')).toBe(sha(bytes));
    expect(stored.sha256).toBe(sha(bytes));
    expect(stored.bytes).toBe(bytes.length);
    expect((await get(`/api/decisions/${decisionId}/letter`, KONTAKT)).status).toBe(403);
    const log = (await (await get(`/api/log?caseId=${encodeURIComponent(caseId)}`, AUDITOR)).json()) as { rows: { action: string; who: string; decisionId: string }[] };
    expect(log.rows.filter((l) => l.decisionId === decisionId).map((l) => l.action)).toEqual(expect.arrayContaining(['decision.register', 'letter.store', 'letter.read']));
    // Made once: asking again gives the stored letter, never a new one.
    const again = await post(`/api/decisions/${decisionId}/letter`, {});
    expect(again.status).toBe(200);
    expect(((await again.json()) as { letter: Letter }).letter).toEqual(stored);
  });

  it('show names the stored letter and its hash; letter --registered writes it byte for byte', async () => {
    const view = await caseOf((await caseOf(decisionId)).decisionId);
    const stored = view.letters[decisionId] as Extract<Letter, { status: 'stored' }>;
    const shown = await cli(['show', decisionId, '--store', m.store]);
    expect(shown.status, shown.stderr).toBe(0);
    expect(shown.stdout).toContain(`Brev: ${stored.fileName} (${stored.bytes} byte), ${stored.sha256}, framställt`);
    const out = join(dir, 'brev.pdf');
    const written = await cli(['letter', '--registered', decisionId, '--store', m.store, '--out', out]);
    expect(written.status, written.stderr).toBe(0);
    expect(sha(readFileSync(out))).toBe(stored.sha256);
  });

  it('a letter that cannot be printed (no Chromium) leaves the registration standing, says so, and is made later', async () => {
    const item = (await queue()).find((i) => i.outcome === 'approve' && i.caseId !== caseId)!;
    const c = await caseOf(item.decisionId);
    const r = await post(`/api/cases/${c.decisionId}/decision`, registration(c), DECIDER, failing);
    expect(r.status, await r.clone().text()).toBe(201);
    const body = (await r.json()) as { decisionId: string; letter: Letter };
    expect(body.letter).toMatchObject({ status: 'not-made', code: 'PRINT_FAILED', canMake: true });
    expect((body.letter as { message: string }).message).toContain('Chromium saknas');
    expect((await caseOf(item.decisionId)).letters[body.decisionId]).toMatchObject({ status: 'not-made', canMake: true });
    expect(((await (await get(`/api/decisions/${body.decisionId}/letter`)).json()) as Errors).errors[0]!.code).toBe('NOT_MADE');
    const shown = await cli(['show', body.decisionId, '--store', m.store]);
    expect(shown.stdout).toContain('Brev: inte framställt');
    // Only a decision maker makes it; then it is stored like one made at registration.
    expect((await post(`/api/decisions/${body.decisionId}/letter`, {}, CASEWORKER)).status).toBe(403);
    const later = await post(`/api/decisions/${body.decisionId}/letter`, {});
    expect(later.status, await later.clone().text()).toBe(201);
    expect(((await later.json()) as { letter: Letter }).letter).toMatchObject({ status: 'stored' });
    expect((await get(`/api/decisions/${body.decisionId}/letter`)).status).toBe(200);
  }, 60_000);

  it('a decision that differs from the proposal gets no letter from the engine, and says why', async () => {
    const item = (await queue()).find((i) => i.outcome === 'approve' && !i.hasChildren && i.caseId !== caseId)!;
    const c = await caseOf(item.decisionId);
    const r = await post(`/api/cases/${c.decisionId}/decision`, registration(c, { outcome: 'deny', payable: '0', payments: [], reason: 'Sökanden har egna medel enligt utredningen.' }), DECIDER, failing);
    expect(r.status, await r.clone().text()).toBe(201);
    expect(((await r.json()) as { letter: Letter }).letter).toMatchObject({ status: 'not-made', code: 'DIFFERS_FROM_PROPOSAL', canMake: false });
  });

  it('a letter of a case with skyddade personuppgifter is given only to a person with that role', async () => {
    let guarded: string | null = null;
    for (const i of await queue()) {
      const c = (await caseOf(i.decisionId)) as CaseAnswer & { household: { members: { protectedIdentity?: boolean }[] }; previous: { registered: { decisionId: string } | null } | null };
      if (c.household.members.some((x) => x.protectedIdentity) && c.previous?.registered) guarded = c.previous.registered.decisionId;
      if (guarded) break;
    }
    expect(guarded, 'the morning has a registered decision of a protected case').not.toBeNull();
    const hidden = await get(`/api/decisions/${guarded}/letter`);
    expect(hidden.status).toBe(403);
    expect(((await hidden.json()) as Errors).errors[0]!.code).toBe('PROTECTED_IDENTITY');
    // With the role, the answer is about the letter itself (last month's was registered without one).
    const seer = await get(`/api/decisions/${guarded}/letter`, { ...CASEWORKER, [DEFAULT_AUTH.rolesHeader]: 'handlaggare skyddade-personuppgifter' });
    expect(seer.status).toBe(404);
    expect(((await seer.json()) as Errors).errors[0]!.code).toBe('NOT_MADE');
  });

  it('audit verify: intact after the day; an edited letter is found by its hash', async () => {
    expect(storeProblems(m.store)).toEqual([]);
    const copy = join(dir, 'edited.sqlite');
    const db = new Database(m.store, { readonly: true });
    await db.backup(copy);
    db.close();
    const edit = new Database(copy);
    edit.exec('DROP TRIGGER letter_files_no_update');
    const row = edit.prepare<[], { sha256: string; content: Buffer }>('SELECT sha256, content FROM letter_files LIMIT 1').get()!;
    const changed = Buffer.from(row.content);
    changed[changed.length - 20] = changed[changed.length - 20]! ^ 1;
    edit.prepare('UPDATE letter_files SET content = ? WHERE sha256 = ?').run(changed, row.sha256);
    edit.close();
    const problems = storeProblems(copy);
    expect(problems.some((p) => /^letters: decision_letters #\d+: the stored letter of D-\S+ does not hash to sha256:[0-9a-f]{64}: it was edited$/.test(p)), problems.join('\n')).toBe(true);
  });
});
