/**
 * The letter the workday registers and stores is fit to send, like the `letter` command's (docs/letters.md
 * "The letterhead of a registered decision"): the nämnd's name, postal address and contact from
 * rules/municipal/<kommunkod>.json, the applicant's name and address from the household (never the
 * address of a household with skyddade personuppgifter), the application date from the monthly run's
 * routing.receivedOn, and the decision maker's name and title from the staff directory, never the
 * login. A municipality without the nämnd's details, or a login the directory does not name, gets no
 * letter but says what to add, and the letter is made once it is there.
 *
 * Through the real API and store (support/workday.ts) and the bundled Chromium: the HTML the server
 * prints is captured on its way to the printer, and the stored PDF is checked to be those very bytes.
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaffDirectory } from '../../src/casework/staffDirectory.ts';
import { CaseWork } from '../../src/store/casework.ts';
import { dateSv } from '../../src/explain/format.ts';
import { letterForHousehold } from '../../src/explain/letter/forHousehold.ts';
import { letterText } from '../../src/explain/letter/document.ts';
import { createApp } from '../../src/web/app.ts';
import { printLetterPdf } from '../../src/web/casework/routes.ts';
import { DEFAULT_AUTH } from '../../src/web/kontaktcenter/routes.ts';
import { cli, tempDir } from '../batch/support.ts';
import { fixture, rulesFor } from '../support/engine.ts';
import { boardOf, letterheadRules, SIGNER, SIGNER_LOGIN, STAFF_DIRECTORY } from './support/letterhead.ts';
import { as, CASEWORKER, childAnswersFor, morning, type Morning } from './support/workday.ts';

const dir = tempDir();
const NOW = new Date('2026-03-10T09:00:00Z');
/** The applicants' names and addresses, as the municipality's system gives them with the monthly run's lines. */
const NAMES = ['Ann Lindqvist', 'Omar Haddad', 'Eva Sjöberg', 'Jonas Berg', 'Sara Nilsson', 'Amir Karimi', 'Lena Holm', 'Per Åkesson'];
const addressOf = (i: number) => [`Storgatan ${i + 1}`, `123 ${String(40 + i).padStart(2, '0')} Provstad`];
const PROTECTED_ADDRESS = ['Hemliga vägen 7', '999 99 Gömstad'];
const PROTECTED = [3];
let m: Morning;
const { book } = letterheadRules([], join(dir, 'rules'));

const DECIDE = as(SIGNER_LOGIN, 'beslutsfattare handlaggare', 'Delegationsordning punkt 4.2');
const SEER = { ...DECIDE, [DEFAULT_AUTH.rolesHeader]: 'beslutsfattare handlaggare skyddade-personuppgifter' };

beforeAll(async () => {
  m = await morning(dir, 24, 5, PROTECTED, (h, i) => {
    const members = h['members'] as { role: string; name?: string; protectedIdentity?: boolean }[];
    const applicant = members.find((x) => x.role === 'applicant')!;
    if (!applicant.protectedIdentity) applicant.name = NAMES[i % NAMES.length]!;
    h['letterhead'] = { applicantAddress: PROTECTED.includes(i) ? PROTECTED_ADDRESS : addressOf(i) };
  });
  main = server();
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Letter = { status: 'stored'; sha256: string; url: string } | { status: 'not-made'; code: string; message: string; canMake: boolean };
interface CaseAnswer {
  decisionId: string;
  caseId: string;
  municipality: string | null;
  routing: { receivedOn: string | null } | null;
  household: { municipality: string; members: { role: string; name?: string; protectedIdentity?: boolean }[]; letterhead?: { applicantAddress: string[] } };
  proposal: { outcome: string; payable: string | null; childImpact: { children: string[] } | null };
  items: { id: string }[];
  suggestion: { outcome: string | null; decidedOn: string; payments: { account: { number: string } }[] };
  registered: unknown[];
}

/** The app as the server runs it, with a printer that keeps each HTML page it prints and the PDF it made. */
function server(options: { rulebook?: typeof book; staffDirectory?: StaffDirectory | null } = {}) {
  const printed: { html: string; pdf: Uint8Array }[] = [];
  const app = createApp({
    rulebook: options.rulebook ?? book,
    storePath: m.store,
    staff: { storePath: m.store, auth: DEFAULT_AUTH },
    clock: () => NOW,
    staffDirectory: options.staffDirectory === undefined ? STAFF_DIRECTORY : options.staffDirectory,
    printLetter: async (html) => {
      const pdf = await printLetterPdf(html);
      printed.push({ html, pdf });
      return pdf;
    },
  });
  const get = (path: string, headers: Record<string, string> = SEER) => app.request(path, { headers });
  const post = (path: string, body: unknown, headers: Record<string, string> = DECIDE) => app.request(path, { method: 'POST', body: JSON.stringify(body), headers: { ...headers, 'Content-Type': 'application/json' } });
  return { app, printed, get, post };
}

let main: ReturnType<typeof server>;
const caseOf = async (id: string) => (await (await main.get(`/api/cases/${id}`)).json()) as CaseAnswer;
const queueItems = async () => ((await (await main.get('/api/queue?pageSize=200')).json()) as { items: { decisionId: string; caseId: string; outcome: string; hasChildren: boolean }[] }).items;
/** Open cases (nothing registered for March yet) of a kind, with their case view. */
async function openCases(match: (c: CaseAnswer) => boolean): Promise<CaseAnswer[]> {
  const out: CaseAnswer[] = [];
  for (const i of await queueItems()) {
    if (i.outcome === 'needs-information') continue;
    const c = await caseOf(i.decisionId);
    if (c.registered.length === 0 && c.suggestion.outcome !== null && match(c)) out.push(c);
  }
  return out;
}
const registration = (c: CaseAnswer) => ({
  decidedOn: c.suggestion.decidedOn,
  outcome: c.suggestion.outcome,
  payable: c.proposal.payable ?? '0',
  acknowledgements: c.items.map((i) => ({ item: i.id, comment: 'Bedömt.' })),
  childAnswers: childAnswersFor(c.proposal as never, c.suggestion.outcome!),
  payments: c.suggestion.payments.map((p) => (p.account.number === '' ? { ...p, account: { scheme: 'bank', number: '8327-9, 987654321-0' } } : p)),
});
/** The letter's text as printed: the HTML page without its tags, styles and fonts, one space between words. */
const printedText = (html: string) =>
  html
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;|&#34;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');
const sha = (bytes: Uint8Array) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
const isProtected = (c: CaseAnswer) => c.household.members.some((x) => x.protectedIdentity === true);

describe('the registered letter is fit to send', () => {
  it('names the nämnd with its postal address and contact from the rules, the applicant with their address, the application date, and the decision maker by name and title, never the login', async () => {
    const c = (await openCases((x) => !isProtected(x) && x.routing?.receivedOn != null))[0]!;
    expect(c, 'the morning has an open case with an arrival day').toBeDefined();
    const code = c.household.municipality;
    const board = boardOf(code);
    const applicant = c.household.members.find((x) => x.role === 'applicant')!;
    const before = main.printed.length;
    const r = await main.post(`/api/cases/${c.decisionId}/decision`, registration(c));
    expect(r.status, await r.clone().text()).toBe(201);
    const { decisionId, letter } = (await r.json()) as { decisionId: string; letter: Letter };
    expect(letter, JSON.stringify(letter)).toMatchObject({ status: 'stored' });
    expect(main.printed.length).toBe(before + 1);
    const { html, pdf } = main.printed.at(-1)!;

    // The stored PDF is the one printed from this page, byte for byte.
    const got = await main.get(`/api/decisions/${decisionId}/letter`);
    expect(got.status).toBe(200);
    const bytes = new Uint8Array(await got.arrayBuffer());
    expect(sha(bytes)).toBe(sha(pdf));
    expect(got.headers.get('x-content-sha256')).toBe(sha(pdf));

    const text = printedText(html);
    if (process.env.SHOW_LETTER) console.log(text);
    // The nämnd: its name, postal address and contact, from rules/municipal/<kommunkod>.json.
    expect(text).toContain(board.board);
    for (const line of board.postalAddress) expect(text).toContain(line);
    expect(text).toContain('Har du frågor?');
    expect(text).toContain(`Kontakta socialtjänsten på telefon ${board.phone} (måndag–fredag 08:00–12:00) eller e-post ${board.email}. Du kan också läsa mer på ${board.web}.`);
    expect(text).toContain(`Skicka ditt överklagande till ${board.board}, ${board.postalAddress.join(', ')}, inte direkt till domstolen`);
    expect(text).not.toMatch(/Socialnämnden(?! i Provkommun)/);
    // The applicant, from the household.
    expect(text).toContain(applicant.name!);
    for (const line of c.household.letterhead!.applicantAddress) expect(text).toContain(line);
    // The application date: the monthly run's routing.receivedOn.
    expect(text).toContain(`Ansökan kom in ${dateSv(c.routing!.receivedOn!)}`);
    expect(text).toContain(`Du ansökte den ${dateSv(c.routing!.receivedOn!)} om försörjningsstöd`);
    // The decision maker by name and title, under the delegation; never the login.
    expect(text).toContain(`${SIGNER.name}, ${SIGNER.title}`);
    expect(text).toContain('Beslutet är fattat med stöd av delegation: Delegationsordning punkt 4.2.');
    expect(text).not.toContain(SIGNER_LOGIN);
    // The name and title are kept in the registration: what the person was called on the day they decided.
    const cw = CaseWork.open(m.store, { readonly: true });
    try {
      expect(cw.registered(decisionId)!.input.signedBy).toEqual(SIGNER);
      expect(cw.registered(decisionId)!.input.decidedBy).toBe(SIGNER_LOGIN);
    } finally {
      cw.close();
    }
  }, 120_000);

  it('never prints the address of a household with skyddade personuppgifter', async () => {
    const c = (await openCases(isProtected))[0]!;
    expect(c, 'the morning has an open protected case').toBeDefined();
    expect(c.household.letterhead!.applicantAddress).toEqual(PROTECTED_ADDRESS);
    const r = await main.post(`/api/cases/${c.decisionId}/decision`, registration(c), SEER);
    expect(r.status, await r.clone().text()).toBe(201);
    const { decisionId, letter } = (await r.json()) as { decisionId: string; letter: Letter };
    expect(letter, JSON.stringify(letter)).toMatchObject({ status: 'stored' });
    const text = printedText(main.printed.at(-1)!.html);
    expect(text).toContain(boardOf(c.household.municipality).board);
    expect(text).toContain(`${SIGNER.name}, ${SIGNER.title}`);
    for (const line of PROTECTED_ADDRESS) expect(text).not.toContain(line);
    expect((await main.get(`/api/decisions/${decisionId}/letter`)).status).toBe(200);
    // Only the role for skyddade personuppgifter gets the letter at all, and the case view masks the address for everyone else.
    expect((await main.get(`/api/decisions/${decisionId}/letter`, CASEWORKER)).status).toBe(403);
    const masked = await (await main.get(`/api/cases/${c.decisionId}`, CASEWORKER)).text();
    expect(masked).toContain('Skyddad identitet');
    for (const line of PROTECTED_ADDRESS) expect(masked).not.toContain(line);
  }, 120_000);

  it('a municipality whose rules give no nämnd details gets no letter, is told what to add, and gets it once the rules have them', async () => {
    const c = (await openCases((x) => !isProtected(x)))[0]!;
    const code = c.household.municipality;
    const bare = server({ rulebook: letterheadRules([code], join(dir, `rules-without-${code}`)).book });
    const r = await bare.post(`/api/cases/${c.decisionId}/decision`, registration(c));
    expect(r.status, await r.clone().text()).toBe(201);
    const { decisionId, letter } = (await r.json()) as { decisionId: string; letter: Letter };
    expect(letter).toMatchObject({ status: 'not-made', code: 'NO_LETTERHEAD', canMake: true });
    const message = (letter as { message: string }).message;
    expect(message).toContain(`rules/municipal/${code}.json`);
    for (const field of ['contact.board', 'contact.postalAddress', 'contact.phone']) expect(message).toContain(field);
    expect(bare.printed).toEqual([]);
    // Asking again with the same rules: 409, nothing printed.
    const again = await bare.post(`/api/decisions/${decisionId}/letter`, {});
    expect(again.status).toBe(409);
    expect(bare.printed).toEqual([]);
    // Once the municipality's file names the nämnd, the letter is made and stored.
    const made = await main.post(`/api/decisions/${decisionId}/letter`, {});
    expect(made.status, await made.clone().text()).toBe(201);
    expect(printedText(main.printed.at(-1)!.html)).toContain(boardOf(code).board);
  }, 120_000);

  it('a login the staff directory does not name gets no letter signed with the login, and gets one once the directory names the person', async () => {
    const c = (await openCases((x) => !isProtected(x)))[0]!;
    const stranger = as('okand01', 'beslutsfattare handlaggare', 'Delegationsordning punkt 4.2');
    const r = await main.post(`/api/cases/${c.decisionId}/decision`, registration(c), stranger);
    expect(r.status, await r.clone().text()).toBe(201);
    const { decisionId, letter } = (await r.json()) as { decisionId: string; letter: Letter };
    expect(letter).toMatchObject({ status: 'not-made', code: 'DECISION_MAKER_UNNAMED', canMake: true });
    expect((letter as { message: string }).message).toContain('--staff-directory');
    const named = server({ staffDirectory: new StaffDirectory([{ user: 'okand01', name: 'Olle Kand', title: 'enhetschef' }]) });
    const made = await named.post(`/api/decisions/${decisionId}/letter`, {}, stranger);
    expect(made.status, await made.clone().text()).toBe(201);
    const text = printedText(named.printed.at(-1)!.html);
    expect(text).toContain('Olle Kand, enhetschef');
    expect(text).not.toContain('okand01');
  }, 120_000);
});

describe('letter --registered --made-by: made from the command line the same way', () => {
  it('takes the nämnd from --rules (refused without it) and signs with the name and title the registration keeps', async () => {
    const c = (await openCases((x) => !isProtected(x)))[0]!;
    const noPrinter = createApp({ rulebook: book, storePath: m.store, staff: { storePath: m.store, auth: DEFAULT_AUTH }, clock: () => NOW, staffDirectory: STAFF_DIRECTORY, printLetter: null });
    const r = await noPrinter.request(`/api/cases/${c.decisionId}/decision`, { method: 'POST', body: JSON.stringify(registration(c)), headers: { ...DECIDE, 'Content-Type': 'application/json' } });
    expect(r.status, await r.clone().text()).toBe(201);
    const { decisionId, letter } = (await r.json()) as { decisionId: string; letter: Letter };
    expect(letter).toMatchObject({ status: 'not-made', code: 'NO_PRINTER' });
    const out = join(dir, 'cli-brev.pdf');
    // The project's rules name no municipality: no nämnd, no letter.
    const bare = await cli(['letter', '--registered', decisionId, '--store', m.store, '--out', out, '--made-by', 'IT-drift: Kim']);
    expect(bare.status).toBe(1);
    expect(bare.stderr).toContain(`rules/municipal/${c.household.municipality}.json`);
    const directory = join(dir, 'staff.json');
    writeFileSync(directory, JSON.stringify({ staff: [{ user: 'nobody', name: 'Ingen Alls', title: 'handläggare' }] }));
    // The registration keeps the name and title it was made with; the file is only asked for a login without them.
    const made = await cli(['letter', '--registered', decisionId, '--store', m.store, '--out', out, '--made-by', 'IT-drift: Kim', '--rules', join(dir, 'rules'), '--staff-directory', directory]);
    expect(made.status, made.stderr).toBe(0);
    const view = (await (await main.get(`/api/cases/${c.decisionId}`)).json()) as { letters: Record<string, Letter> };
    expect(view.letters[decisionId]).toMatchObject({ status: 'stored', sha256: sha(readFileSync(out)) });
    expect(made.stderr).toContain('made');
  }, 120_000);
});

describe('the letter command', () => {
  it('prints no address for a household with skyddade personuppgifter, and the letterhead it is given otherwise', () => {
    const base = { ...fixture('p5-couple-2026.json'), letterhead: { board: 'Socialnämnden i Exempelby', applicantAddress: ['Hemliga vägen 7', '999 99 Gömstad'] } } as Record<string, unknown>;
    const open = letterForHousehold(base, {}, rulesFor);
    if (!open.ok) throw new Error('refused');
    expect(letterText(open.doc)).toContain('Hemliga vägen 7');
    const members = (base['members'] as Record<string, unknown>[]).map((x, i) => (i === 0 ? { ...x, protectedIdentity: true } : x));
    const hidden = letterForHousehold({ ...base, members }, {}, rulesFor);
    if (!hidden.ok) throw new Error('refused');
    const text = letterText(hidden.doc);
    expect(text).toContain('Socialnämnden i Exempelby');
    expect(text).not.toContain('Hemliga vägen 7');
    expect(text).not.toContain('999 99 Gömstad');
  });
});
