/**
 * The applicant's letter of a registered decision in the workday API (issue 21 item 6):
 *
 *   GET  /api/decisions/:decisionId/letter   the stored A4 PDF, byte for byte (application/pdf), its
 *                                            sha256 in X-Content-SHA256; read like a case (case.read),
 *                                            written to the case log (letter.read)
 *   GET  /api/cases/:decisionId/letter       a proposal's letter ("Förslag till beslut") as a PDF, made
 *                                            now and not stored: read like the case (letter.preview)
 *   POST /api/decisions/:decisionId/letter   make and store the letter now, when it was not made at
 *                                            registration (no Chromium then, or a print failure):
 *                                            the decision maker's role; 201, or 200 with the letter
 *                                            already stored (a letter is never replaced)
 *
 * A letter holds the applicant's name, personnummer and address: a case with skyddade personuppgifter
 * gives its letter only to a person with that role (403 otherwise). A stored letter whose bytes no
 * longer hash to its row is not served (409 LETTER_EDITED): audit verify names it.
 */
import type { Context, Hono } from 'hono';
import { makeRegisteredLetter, NOT_CONFIGURED, officeFor, registeredLetter, storedProposalLetter, type LetterOffice, type LetterOutcome, type LetterPrinter } from '../../casework/letter.ts';
import { letterHtml } from '../../explain/letter/document.ts';
import { CaseWork, ConflictError } from '../../store/casework.ts';
import { letterBytes, sha256Bytes, storedLetter, type StoredLetter } from '../../store/letters.ts';
import type { Staff } from './auth.ts';

type Problem = { path: string; code: string; message: string };
type Env = { Variables: { staff: Staff } };

/** A stored letter as the API shows it: what it is, who made it, when, its hash and where to get it. */
export function letterView(l: StoredLetter) {
  return { status: 'stored' as const, title: l.title, fileName: l.fileName, contentType: l.contentType, bytes: l.bytes, sha256: l.sha256, madeBy: l.madeBy, madeAt: l.madeAt, url: `/api/decisions/${l.decisionId}/letter` };
}

/** A letter's state for the API: stored, or not made and why (nothing is printed to find out). */
export function letterState(cw: CaseWork, decisionId: string, office: LetterOffice) {
  const stored = storedLetter(cw.store, decisionId);
  if (stored) return letterView(stored);
  const plan = registeredLetter(cw, decisionId, office);
  return plan.ok
    ? { status: 'not-made' as const, code: 'NOT_MADE', message: 'Brevet är inte framställt ännu: framställ det som PDF innan det skickas.', canMake: true }
    : { status: 'not-made' as const, code: plan.code, message: plan.message, canMake: NOT_CONFIGURED.has(plan.code) };
}

/** Can be made later: after a printer failure, or once the municipality has added the nämnd's details or the person's name. */
const canMakeLater = (code: string) => code === 'NO_PRINTER' || code === 'PRINT_FAILED' || NOT_CONFIGURED.has(code);

export const outcomeView = (o: LetterOutcome) => (o.status === 'stored' ? letterView(o.letter) : { status: 'not-made' as const, code: o.code, message: o.message, canMake: canMakeLater(o.code) });

/** Makes the letter after a registration; a race with another request making it gives the stored one. */
export async function letterAfterRegistration(cw: CaseWork, decisionId: string, office: LetterOffice, print: LetterPrinter | null, by: { user: string; role: string }, purpose: string, now: () => Date) {
  try {
    return outcomeView(await makeRegisteredLetter(cw, decisionId, office, print, by, purpose, now));
  } catch (error) {
    if (error instanceof ConflictError) return letterState(cw, decisionId, office);
    throw error;
  }
}

export interface LetterRouteDeps {
  readonly allowed: (c: Context<Env>, action: 'case.read' | 'decision.register') => { role: string } | Response;
  readonly open: () => CaseWork | null;
  readonly noStore: (c: Context) => Response;
  readonly fail: (c: Context, status: 400 | 403 | 404 | 409 | 503, problems: readonly Problem[]) => Response;
  readonly json: (c: Context, status: 200 | 201, value: unknown) => Response;
  readonly purposeOf: (c: Context<Env>, role: string, body?: Record<string, unknown>) => string;
  readonly print: LetterPrinter | null;
  /** The rules' nämnd details and the staff directory the letters are made with. */
  readonly office: LetterOffice;
  readonly clock: () => Date;
  readonly decisionIdPattern: RegExp;
}

export function addLetterRoutes(api: Hono<Env>, d: LetterRouteDeps): void {
  const badId = (c: Context) => d.fail(c, 400, [{ path: 'decisionId', code: 'INVALID_DECISION_ID', message: 'expected a decision id D-00000000-0123456789abcdef' }]);
  const unknown = (c: Context, id: string) => d.fail(c, 404, [{ path: 'decisionId', code: 'UNKNOWN_DECISION', message: `Det finns inget registrerat beslut ${id}.` }]);
  /** Every route's start: the role check, the id, the store. */
  const begin = (c: Context<Env>, action: 'case.read' | 'decision.register'): { role: string; id: string; cw: CaseWork; staff: Staff } | Response => {
    const may = d.allowed(c, action);
    if (may instanceof Response) return may;
    const id = c.req.param('decisionId') ?? '';
    if (!d.decisionIdPattern.test(id)) return badId(c);
    const cw = d.open();
    if (!cw) return d.noStore(c);
    return { role: may.role, id, cw, staff: c.get('staff') };
  };
  /** A letter holds the applicant's name, personnummer and address: a protected case's only for that role. */
  const guarded = (c: Context<Env>, cw: CaseWork, caseId: string | null): Response | null =>
    !c.get('staff').roles.has('protectedIdentity') && caseId !== null && cw.protectedCases([caseId]).size > 0
      ? d.fail(c, 403, [{ path: '(request)', code: 'PROTECTED_IDENTITY', message: 'Brevet innehåller skyddade personuppgifter: bara den som har behörighet för skyddade personuppgifter kan hämta det.' }])
      : null;

  api.get('/api/decisions/:decisionId/letter', (c) => {
    const at = begin(c, 'case.read');
    if (at instanceof Response) return at;
    const { id, cw, staff } = at;
    const may = { role: at.role };
    const reg = cw.registered(id);
    if (!reg) return unknown(c, id);
    const refused = guarded(c, cw, reg.input.caseId);
    if (refused) return refused;
    const letter = storedLetter(cw.store, id);
    if (!letter) {
      const state = letterState(cw, id, d.office);
      return d.fail(c, 404, [{ path: 'decisionId', code: state.status === 'not-made' ? state.code : 'NOT_MADE', message: state.status === 'not-made' ? state.message : 'Brevet är inte framställt.' }]);
    }
    const bytes = letterBytes(cw.store, letter);
    if (!bytes || sha256Bytes(bytes) !== letter.sha256) return d.fail(c, 409, [{ path: 'decisionId', code: 'LETTER_EDITED', message: `Det sparade brevet stämmer inte med sin hash ${letter.sha256}: det lämnas inte ut. Kör audit verify.` }]);
    cw.log([{ who: staff.user, role: may.role, action: 'letter.read', caseId: reg.input.caseId, decisionId: id, purpose: d.purposeOf(c, may.role) }]);
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${letter.fileName}"`,
      'Cache-Control': 'no-store',
      'X-Content-SHA256': letter.sha256,
    });
  });

  // The proposal's letter as a PDF, before a decision ("Förslag till beslut"): read like the case, not stored.
  api.get('/api/cases/:decisionId/letter', async (c) => {
    const at = begin(c, 'case.read');
    if (at instanceof Response) return at;
    const { id, cw, staff } = at;
    const may = { role: at.role };
    const record = cw.store.get(id);
    if (!record || CaseWork.isRegistration(record)) return d.fail(c, 404, [{ path: 'decisionId', code: 'UNKNOWN_DECISION', message: `Det finns inget förslag ${id} i beslutsregistret.` }]);
    const refused = guarded(c, cw, record.caseId);
    if (refused) return refused;
    const doc = storedProposalLetter(cw, record, { office: officeFor(d.office.book, (JSON.parse(record.decisionJson) as { municipality?: string | null }).municipality ?? null) });
    if (doc === null || doc.kind === 'none' || doc.blockers.length > 0) return d.fail(c, 409, [{ path: 'decisionId', code: 'NO_LETTER', message: ['Inget brev kan skrivas ut ännu.', ...(doc?.blockers ?? [])].join(' ') }]);
    if (d.print === null) return d.fail(c, 503, [{ path: '(server)', code: 'NO_PRINTER', message: 'Servern framställer inga PDF-brev (ingen Chromium).' }]);
    let pdf: Uint8Array;
    try {
      pdf = await d.print(letterHtml(doc));
    } catch (error) {
      return d.fail(c, 503, [{ path: '(server)', code: 'PRINT_FAILED', message: `Brevet kunde inte framställas som PDF: ${error instanceof Error ? error.message.split('\n')[0] : 'okänt fel'}` }]);
    }
    cw.log([{ who: staff.user, role: may.role, action: 'letter.preview', caseId: record.caseId, decisionId: id, purpose: d.purposeOf(c, may.role) }]);
    const name = `${doc.kind === 'request' ? 'begaran-om-komplettering' : 'forslag-till-beslut'}-${record.caseId ?? 'arende'}-${record.period}.pdf`.replace(/[^A-Za-z0-9._-]/g, '_');
    return c.body(new Uint8Array(pdf), 200, { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'no-store' });
  });

  api.post('/api/decisions/:decisionId/letter', async (c) => {
    const at = begin(c, 'decision.register');
    if (at instanceof Response) return at;
    const { id, cw, staff } = at;
    const may = { role: at.role };
    if (!cw.registered(id)) return unknown(c, id);
    const already = storedLetter(cw.store, id);
    if (already) return d.json(c, 200, { letter: letterView(already) });
    const state = await letterAfterRegistration(cw, id, d.office, d.print, { user: staff.user, role: may.role }, d.purposeOf(c, may.role), d.clock);
    if (state.status === 'stored') return d.json(c, 201, { letter: state });
    return d.fail(c, state.code === 'NO_PRINTER' || state.code === 'PRINT_FAILED' ? 503 : 409, [{ path: 'decisionId', code: state.code, message: state.message }]);
  });
}
