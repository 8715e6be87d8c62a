/**
 * The resident routes (issue 12), added to the preview app by createApp:
 *
 *   GET  /invanare/?lang=sv|en|ar|fa|so|ti|fi|uk&month=YYYY-MM   information and the self-check form
 *   POST /invanare/?lang=…&month=…                               the form (urlencoded) → the same page with the estimate
 *   GET  /invanare/utskrift?lang=…&month=…                       the printable one-page summary
 *   POST /api/invanare/provberakning                             self-check JSON → the figures only (estimate.ts)
 *   GET  /invanare/assets/:file                                  style.css, print.css (src/web/public-invanare/)
 *
 * No login, no cookie, no script, nothing stored and nothing logged: the answers are computed and
 * forgotten (Cache-Control: no-store on every answer that holds a person's figures). These routes
 * never reach the Kontaktcenter lookup, which lives under /kontaktcenter/ behind the staff role.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectPath } from '../../paths.ts';
import type { Context, Hono } from 'hono';
import type { RuleSetProvider } from '../../index.ts';
import type { InputIssue } from '../../household/types.ts';
import { parsePeriod } from '../../period/index.ts';
import { RuleLookupError } from '../../rulebook/resolve.ts';
import { readBodyText } from '../body.ts';
import { checkCatalogs, isLang, loadCatalogs, REFERENCE_LANG, translators, type Catalogs, type Lang } from './catalog.ts';
import { estimateSelfCheck, MAX_CHILDREN, parseSelfCheck, SELF_CHECK_COSTS, SELF_CHECK_INCOMES, type SelfCheckEstimate } from './estimate.ts';
import { residentInfo, type ResidentInfo } from './info.ts';
import { renderPrintSummary, renderResidentPage, type FormValues, type PageState } from './page.ts';

export const RESIDENT_ASSETS_DIR = projectPath('src/web/public-invanare/');

/** A self-check is a few hundred bytes; anything larger is refused before it is read. */
const MAX_FORM_BYTES = 16 * 1024;

/** No script at all; forms post only to this server. */
const CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

export interface ResidentOptions {
  readonly rulesFor: RuleSetProvider;
  /** Today's month (Europe/Stockholm) when the page is asked for none; the web layer's only clock read. */
  readonly clock?: () => Date;
  readonly catalogs?: Catalogs;
  readonly assetsDir?: string;
}

/** The calendar month in Sweden at an instant, "YYYY-MM". */
export function swedishMonth(now: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit' }).formatToParts(now);
  return `${parts.find((p) => p.type === 'year')!.value}-${parts.find((p) => p.type === 'month')!.value}`;
}

/** Arabic-Indic and Persian digits as typed on a phone → ASCII; spaces and a decimal comma removed. */
export function normaliseNumber(text: string): string {
  return text
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\s\u00a0\u202f\u066c]/g, '')
    .replace(/[,\u066b]/g, '.')
    .replace(/(kr|sek)$/i, '');
}

/** The typed form as the self-check JSON, and which form field each JSON path came from. */
export function formToSelfCheck(form: FormValues, period: string): { raw: Record<string, unknown>; fieldOf: (path: string) => string } {
  const age = (text: string): unknown => (/^[0-9]{1,3}$/.test(text) ? Number(text) : text);
  const adults: unknown[] = [];
  const adult1 = normaliseNumber(form['adult1'] ?? '');
  const adult2 = normaliseNumber(form['adult2'] ?? '');
  if (adult1 !== '') adults.push(age(adult1));
  if (adult2 !== '') adults.push(age(adult2));
  const adultFields = [adult1 !== '' ? 'adult1' : 'adult2', 'adult2'];
  const children: unknown[] = [];
  const childFields: string[] = [];
  for (let k = 1; k <= MAX_CHILDREN; k++) {
    const text = normaliseNumber(form[`child${k}`] ?? '');
    if (text === '') continue;
    children.push({ age: age(text), lunchAtPreschool: form[`lunch${k}`] === '1' });
    childFields.push(`child${k}`);
  }
  const amounts = (prefix: string, types: readonly string[]) => {
    const out: Record<string, string> = {};
    for (const type of types) {
      const text = normaliseNumber(form[`${prefix}.${type}`] ?? '');
      if (text !== '') out[type] = text;
    }
    return out;
  };
  const raw = { period, adults, children, costs: amounts('cost', SELF_CHECK_COSTS), incomes: amounts('income', SELF_CHECK_INCOMES) };
  const fieldOf = (path: string): string => {
    let m = /^adults\[(\d+)\]$/.exec(path);
    if (m) return adultFields[Number(m[1])] ?? 'adult1';
    if (path === 'adults') return 'adult1';
    m = /^children\[(\d+)\]/.exec(path);
    if (m) return childFields[Number(m[1])] ?? 'child1';
    m = /^(costs|incomes)\.(.+)$/.exec(path);
    if (m) return `${m[1] === 'costs' ? 'cost' : 'income'}.${m[2]}`;
    return path;
  };
  return { raw, fieldOf };
}

function formValues(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(text)) if (value.length <= 100 && Object.keys(out).length < 64) out[key] = value;
  return out;
}

export function addResidentRoutes(app: Hono, options: ResidentOptions): void {
  const catalogs = options.catalogs ?? loadCatalogs();
  const problems = checkCatalogs(catalogs);
  if (problems.length > 0) throw new Error(`resident message catalogues are incomplete:\n${problems.join('\n')}`);
  const all = translators(catalogs);
  const clock = options.clock ?? (() => new Date());
  const assetsDir = options.assetsDir ?? RESIDENT_ASSETS_DIR;
  const assets = new Map(readdirSync(assetsDir).filter((n) => n.endsWith('.css')).map((n) => [n, readFileSync(join(assetsDir, n), 'utf8')]));

  const infoFor = (period: string): ResidentInfo | null => {
    try {
      return residentInfo(options.rulesFor(parsePeriod(period)!, null, null).rules);
    } catch (error) {
      if (error instanceof RuleLookupError) return null;
      throw error;
    }
  };

  /** lang and month from the query; an unknown language falls back to Swedish, a malformed month is a 400. */
  const request = (c: Context): { lang: Lang; period: string } | Response => {
    const asked = c.req.query('lang') ?? REFERENCE_LANG;
    const lang = isLang(asked) ? asked : REFERENCE_LANG;
    const period = c.req.query('month') || swedishMonth(clock());
    if (parsePeriod(period) === null) return c.text('month: expected a month YYYY-MM', 400);
    return { lang, period };
  };

  const html = (c: Context, lang: Lang, body: string, status: 200 | 400 = 200) =>
    c.body(body, status, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': CSP, 'Cache-Control': 'no-store', 'Content-Language': lang });

  const state = (lang: Lang, period: string, extra: Partial<PageState> = {}): PageState => ({
    t: all[lang],
    all,
    period,
    info: infoFor(period),
    form: {},
    estimate: null,
    errors: new Map(),
    ...extra,
  });

  app.get('/invanare', (c) => c.redirect(`/invanare/${new URL(c.req.url).search}`, 301));

  app.get('/invanare/', (c) => {
    const r = request(c);
    return r instanceof Response ? r : html(c, r.lang, renderResidentPage(state(r.lang, r.period)));
  });

  app.post('/invanare/', async (c) => {
    const r = request(c);
    if (r instanceof Response) return r;
    const body = await readBodyText(c.req.raw, MAX_FORM_BYTES);
    if (!body.ok) return c.text('The form is too large or not UTF-8.', body.reason === 'too-large' ? 413 : 400);
    const form = formValues(body.text);
    const base = state(r.lang, r.period, { form });
    if (base.info === null) return html(c, r.lang, renderResidentPage(base));
    const { raw, fieldOf } = formToSelfCheck(form, r.period);
    const parsed = parseSelfCheck(raw);
    let estimate: SelfCheckEstimate | null = null;
    let issues: readonly InputIssue[] = [];
    if (parsed.ok) {
      const result = estimateSelfCheck(parsed.input, options.rulesFor);
      if (result.ok) estimate = result.estimate;
      else issues = result.issues;
    } else issues = parsed.issues;
    const errors = new Map(issues.map((i) => [fieldOf(i.path), i]));
    return html(c, r.lang, renderResidentPage({ ...base, estimate, errors }), errors.size > 0 ? 400 : 200);
  });

  app.get('/invanare/utskrift', (c) => {
    const r = request(c);
    return r instanceof Response ? r : html(c, r.lang, renderPrintSummary(state(r.lang, r.period)));
  });

  app.get('/invanare/assets/:file', (c) => {
    const css = assets.get(c.req.param('file'));
    return css === undefined ? c.text('Not found', 404) : c.body(css, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'no-cache' });
  });

  app.post('/api/invanare/provberakning', async (c) => {
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    const fail = (status: 400 | 413 | 415, issues: readonly InputIssue[]) => c.json({ errors: issues.map((i) => ({ path: i.path, code: i.code, message: i.message })) }, status);
    if (type !== 'application/json') return fail(415, [{ path: '(body)', code: 'UNSUPPORTED_MEDIA_TYPE', message: 'expected Content-Type application/json' }]);
    const body = await readBodyText(c.req.raw, MAX_FORM_BYTES);
    if (!body.ok) return fail(body.reason === 'too-large' ? 413 : 400, [{ path: '(body)', code: 'INVALID_BODY', message: `the body is ${body.reason === 'too-large' ? `larger than ${MAX_FORM_BYTES} bytes` : 'not UTF-8 text'}` }]);
    let raw: unknown;
    try {
      raw = JSON.parse(body.text);
    } catch {
      return fail(400, [{ path: '(body)', code: 'INVALID_JSON', message: 'not valid JSON' }]);
    }
    const parsed = parseSelfCheck(raw);
    if (!parsed.ok) return fail(400, parsed.issues);
    const result = estimateSelfCheck(parsed.input, options.rulesFor);
    if (!result.ok) return fail(400, result.issues);
    return c.json({ estimate: result.estimate, notADecision: true });
  });
}
