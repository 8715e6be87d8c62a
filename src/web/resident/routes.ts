/**
 * The resident routes (issues 12 and 29), added to the preview app by createApp:
 *
 *   GET  /invanare/?lang=sv|en|ar|fa|so|ti|fi|uk&month=YYYY-MM   information and the self-check form
 *   POST /invanare/?lang=…&month=…                               the form (urlencoded) → the same page with the estimate
 *   GET  /invanare/utskrift?lang=…&month=…                       the printable summary (at most two A4 pages)
 *   POST /api/invanare/provberakning                             self-check JSON → the figures only (estimate.ts)
 *   GET  /invanare/assets/:file                                  style.css, print.css (src/web/public-invanare/), fonts.css
 *   GET  /invanare/assets/fonts/:file                            the shipped woff2 fonts (fonts.ts)
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
import type { Rulebook } from '../../rulebook/load.ts';
import { readBodyText } from '../body.ts';
import { checkCatalogs, isLang, loadCatalogs, REFERENCE_LANG, translators, type Catalogs, type Lang } from './catalog.ts';
import { municipalContact } from './contact.ts';
import { estimateSelfCheck, parseSelfCheck, type SelfCheckEstimate } from './estimate.ts';
import { loadShippedFonts } from './fonts.ts';
import { formToSelfCheck, formValues } from './form.ts';
import { loadGlossaries } from './glossary.ts';
import { residentInfo } from './info.ts';
import { renderPrintSummary, renderResidentPage, type PageState } from './page.ts';

export const RESIDENT_ASSETS_DIR = projectPath('src/web/public-invanare/');

/** A self-check is a few hundred bytes; anything larger is refused before it is read. */
const MAX_FORM_BYTES = 16 * 1024;

/** No script at all; styles and fonts only from this server; forms post only to it. */
const CSP = "default-src 'none'; style-src 'self'; font-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

export interface ResidentOptions {
  readonly rulebook: Rulebook;
  readonly rulesFor: RuleSetProvider;
  /** The kommunkod whose rules/municipal/<kod>.json gives the contact details (and municipal policy); null = the default file. */
  readonly municipality?: string | null;
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

export function addResidentRoutes(app: Hono, options: ResidentOptions): void {
  const catalogs = options.catalogs ?? loadCatalogs();
  const problems = checkCatalogs(catalogs);
  if (problems.length > 0) throw new Error(`resident message catalogues are incomplete:\n${problems.join('\n')}`);
  const all = translators(catalogs);
  const glossaries = loadGlossaries();
  const clock = options.clock ?? (() => new Date());
  const municipality = options.municipality ?? null;
  const contact = municipalContact(options.rulebook, municipality);
  const assetsDir = options.assetsDir ?? RESIDENT_ASSETS_DIR;
  const fonts = loadShippedFonts();
  const styles = new Map(readdirSync(assetsDir).filter((n) => n.endsWith('.css')).map((n) => [n, readFileSync(join(assetsDir, n), 'utf8')]));
  styles.set('fonts.css', fonts.css);

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

  /** The page's address to print: the municipality's published one, else the one it was asked for. */
  const pageUrl = (c: Context, lang: Lang): string => {
    const base = contact.pageAddress ?? `${new URL(c.req.url).origin}/invanare/`;
    return `${base}${base.includes('?') ? '&' : '?'}lang=${lang}`;
  };

  const state = (c: Context, lang: Lang, period: string, extra: Partial<PageState> = {}): PageState => ({
    t: all[lang],
    all,
    period,
    info: residentInfo(options.rulebook, options.rulesFor, municipality, parsePeriod(period)!),
    contact,
    pageUrl: pageUrl(c, lang),
    glossary: { sv: glossaries[REFERENCE_LANG], own: glossaries[lang] },
    form: {},
    estimate: null,
    errors: new Map(),
    ownCaseYouths: [],
    ...extra,
  });

  app.get('/invanare', (c) => c.redirect(`/invanare/${new URL(c.req.url).search}`, 301));

  app.get('/invanare/', (c) => {
    const r = request(c);
    return r instanceof Response ? r : html(c, r.lang, renderResidentPage(state(c, r.lang, r.period)));
  });

  app.post('/invanare/', async (c) => {
    const r = request(c);
    if (r instanceof Response) return r;
    const body = await readBodyText(c.req.raw, MAX_FORM_BYTES);
    if (!body.ok) return c.text('The form is too large or not UTF-8.', body.reason === 'too-large' ? 413 : 400);
    const form = formValues(body.text);
    const base = state(c, r.lang, r.period, { form });
    // Without the month's amounts there is nothing to estimate: the page says when it works again.
    if (base.info === null || !base.info.amountsPublished) return html(c, r.lang, renderResidentPage(base));
    const { raw, formIssues, fieldOf } = formToSelfCheck(form, r.period);
    const parsed = parseSelfCheck(raw);
    let estimate: SelfCheckEstimate | null = null;
    let issues: readonly InputIssue[] = formIssues;
    let ownCaseYouths: PageState['ownCaseYouths'] = [];
    if (parsed.ok && formIssues.length === 0) {
      const result = estimateSelfCheck(parsed.input, options.rulesFor, municipality);
      if (result.ok) {
        estimate = result.estimate;
        ownCaseYouths = parsed.input.children.flatMap((child, i) => (child.inSchool === false ? [{ n: i + 1, age: child.age }] : []));
      } else issues = result.issues;
    } else if (!parsed.ok) issues = [...formIssues, ...parsed.issues];
    const errors = new Map<string, InputIssue>();
    for (const i of issues) if (!errors.has(fieldOf(i.path))) errors.set(fieldOf(i.path), i);
    return html(c, r.lang, renderResidentPage({ ...base, estimate, errors, ownCaseYouths }), errors.size > 0 ? 400 : 200);
  });

  app.get('/invanare/utskrift', (c) => {
    const r = request(c);
    return r instanceof Response ? r : html(c, r.lang, renderPrintSummary(state(c, r.lang, r.period)));
  });

  app.get('/invanare/assets/fonts/:file', (c) => {
    const font = fonts.files.get(c.req.param('file'));
    // Fonts never change within a version of the package: cached for a day.
    return font === undefined ? c.text('Not found', 404) : c.body(new Uint8Array(font), 200, { 'Content-Type': 'font/woff2', 'Cache-Control': 'public, max-age=86400' });
  });

  app.get('/invanare/assets/:file', (c) => {
    const css = styles.get(c.req.param('file'));
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
    const result = estimateSelfCheck(parsed.input, options.rulesFor, municipality);
    if (!result.ok) return fail(400, result.issues);
    return c.json({ estimate: result.estimate, notADecision: true });
  });
}
