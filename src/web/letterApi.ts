/**
 * The applicant's letter for the preview page (issue 21 items 3–4), made by the server's builder (the
 * same as `letter` and decisionText: explain/letter/forHousehold.ts), never written by the page:
 *
 *   POST /api/letter       { household, answers?, decided? } → the letter as a document: its kind,
 *                          title, the sections as text for the page's letter box, and the document
 *   POST /api/letter/pdf   the same body → the A4 PDF (application/pdf), printed by the bundled
 *                          Chromium (src/cli/pdf.ts), personnummer included: the document that is sent
 *
 * `answers` are the caseworker's barnkonsekvens answers and notes as `letter --answers` reads them
 * (childAnswers: the child's views and the weighing are written in the letter; every other answer and
 * note only when marked forLetter). The worksheet and the caseworker's own worksheet note never reach
 * it. `decided` ({ by, on, title?, delegation? }) makes it a "Beslut": a refusal touching children is
 * then refused (400) until the child's views and the weighing are given per child.
 */
import type { Context, Hono } from 'hono';
import { parseAnswers, type CaseworkerAnswers } from '../explain/letter/answers.ts';
import type { Decided } from '../explain/letter/build.ts';
import { letterHtml, sectionsText } from '../explain/letter/document.ts';
import { letterForHousehold } from '../explain/letter/forHousehold.ts';
import { renderProblems } from '../explain/problems.ts';
import type { RuleSetProvider } from '../index.ts';
import { isIsoDate } from '../period/index.ts';
import { readBodyText } from './body.ts';

type Problem = { path: string; code: string; message: string };

export interface LetterApiOptions {
  readonly rulesFor: RuleSetProvider;
  readonly maxBytes: number;
  /** The PDF printer; null: POST /api/letter/pdf answers 503. */
  readonly print: ((html: string) => Promise<Uint8Array>) | null;
}

const fail = (c: Context, status: 400 | 409 | 413 | 415 | 503, errors: readonly Problem[]) => c.json({ errors }, status);

/** The request read: the household, the answers, who decided; or its problems, each naming the field. */
async function readLetterRequest(c: Context, maxBytes: number): Promise<{ ok: true; household: unknown; answers: CaseworkerAnswers; decided: Decided | null } | { ok: false; response: Response }> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') return { ok: false, response: fail(c, 415, [{ path: '(body)', code: 'UNSUPPORTED_MEDIA_TYPE', message: 'expected Content-Type application/json' }]) };
  const body = await readBodyText(c.req.raw, maxBytes);
  if (!body.ok) return { ok: false, response: fail(c, body.reason === 'too-large' ? 413 : 400, [{ path: '(body)', code: body.reason === 'too-large' ? 'BODY_TOO_LARGE' : 'INVALID_JSON', message: 'the request body could not be read' }]) };
  let value: unknown;
  try {
    value = JSON.parse(body.text);
  } catch {
    return { ok: false, response: fail(c, 400, [{ path: '(body)', code: 'INVALID_JSON', message: 'not valid JSON' }]) };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, response: fail(c, 400, [{ path: '(body)', code: 'NOT_AN_OBJECT', message: 'expected { household, answers?, decided? }' }]) };
  const v = value as Record<string, unknown>;
  const problems: Problem[] = [];
  let answers: CaseworkerAnswers = {};
  if (v['answers'] !== undefined && v['answers'] !== null) {
    const parsed = parseAnswers(v['answers']);
    if (parsed.ok) answers = parsed.answers;
    else for (const issue of parsed.issues) problems.push({ path: issue.slice(0, issue.indexOf(':')), code: 'INVALID_FIELD', message: issue.slice(issue.indexOf(':') + 2) });
  }
  let decided: Decided | null = null;
  const d = v['decided'];
  if (d !== undefined && d !== null) {
    const o = typeof d === 'object' && !Array.isArray(d) ? (d as Record<string, unknown>) : {};
    const text = (key: string, max: number) => (typeof o[key] === 'string' && (o[key] as string).trim() !== '' && (o[key] as string).length <= max ? (o[key] as string).trim() : null);
    const by = text('by', 140);
    const on = text('on', 10);
    if (by === null) problems.push({ path: 'decided.by', code: 'REQUIRED', message: 'Ange vem som har beslutat.' });
    if (on === null || !isIsoDate(on)) problems.push({ path: 'decided.on', code: 'INVALID_DATE', message: 'Skriv beslutsdatum som ÅÅÅÅ-MM-DD.' });
    if (by !== null && on !== null && isIsoDate(on)) decided = { by, on, title: text('title', 140), delegation: text('delegation', 300) };
  }
  if (problems.length > 0) return { ok: false, response: fail(c, 400, problems) };
  return { ok: true, household: v['household'], answers, decided };
}

export function addLetterApi(app: Hono, options: LetterApiOptions): void {
  const make = async (c: Context, withPersonnummer: boolean) => {
    const read = await readLetterRequest(c, options.maxBytes);
    if (!read.ok) return { ok: false as const, response: read.response };
    const made = letterForHousehold(read.household, { answers: read.answers, decided: read.decided, withPersonnummer }, options.rulesFor);
    if (!made.ok && made.reason === 'input') return { ok: false as const, response: fail(c, 400, renderProblems(made.issues).map((i) => ({ path: `household.${i.path}`, code: i.code, message: i.message }))) };
    if (!made.ok) {
      return {
        ok: false as const,
        response: fail(c, 400, made.missing.map((m) => ({ path: `answers.childAnswers.${m.memberId ?? '(alla barn)'}.${m.promptId}`, code: 'CHILD_ANSWER_REQUIRED', message: `Fråga ${m.number} ska besvaras${m.memberId ? ' för varje barn' : ''} innan ett avslag eller delvis avslag som berör barn beslutas (3 kap. 1–2 §§ SoL).` }))),
      };
    }
    return { ok: true as const, doc: made.doc };
  };

  app.post('/api/letter', async (c) => {
    const made = await make(c, false);
    if (!made.ok) return made.response;
    const { doc } = made;
    return c.json({ kind: doc.kind, title: doc.title, subtitle: doc.subtitle, text: doc.kind === 'none' ? '' : sectionsText(doc), blockers: doc.blockers, document: doc });
  });

  app.post('/api/letter/pdf', async (c) => {
    const made = await make(c, true);
    if (!made.ok) return made.response;
    const { doc } = made;
    if (doc.kind === 'none' || doc.blockers.length > 0) return fail(c, 409, [{ path: '(letter)', code: 'NO_LETTER', message: ['Inget brev kan skrivas ut ännu.', ...doc.blockers].join(' ') }]);
    if (options.print === null) return fail(c, 503, [{ path: '(server)', code: 'NO_PRINTER', message: 'Servern framställer inga PDF-brev (ingen Chromium).' }]);
    let pdf: Uint8Array;
    try {
      pdf = await options.print(letterHtml(doc));
    } catch (error) {
      return fail(c, 503, [{ path: '(server)', code: 'PRINT_FAILED', message: `Brevet kunde inte framställas som PDF: ${error instanceof Error ? error.message.split('\n')[0] : 'okänt fel'}` }]);
    }
    const name = `${doc.kind === 'decision' ? 'beslut' : doc.kind === 'request' ? 'begaran-om-komplettering' : 'forslag-till-beslut'}.pdf`;
    return c.body(new Uint8Array(pdf), 200, { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'no-store' });
  });
}
