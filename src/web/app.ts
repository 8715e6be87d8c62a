/**
 * The caseworker preview (issue 5) as a Hono app: the page in public/ and a JSON API over the same
 * engine as the command line. Everything it serves is read once when the app is created (rules,
 * fixtures, static files), so a request never touches the disk.
 *
 *   POST /api/calculate        household JSON (CONTRACT.md) → the decision, byte for byte as `calculate --json` prints it
 *   GET  /api/types?period=…   income, cost and asset types with their Swedish labels, from that period's rules
 *   GET  /api/fixtures         the bundled example households; GET /api/fixtures/:name one of them
 *   /api/queue, /api/cases/…, /api/decisions/…, /api/proposals, /api/payments…, /api/log
 *                              the caseworker's workday (casework/routes.ts, issue 22): signed-in staff only
 *   GET  /queue, /arende/:id, /utbetalningar   its pages
 *   /api/statistics…, GET /statistik   the unit's statistics and its page (statistics/routes.ts, issue 25): staff roles only
 *   GET  /healthz              liveness
 *   GET  /invanare/ …          the public resident page and self-check (resident/routes.ts, issue 12)
 *   …    /kontaktcenter/ …     Kontaktcenter's case lookup, staff role only (kontaktcenter/routes.ts)
 *   GET  /                     the page; GET /assets/:file its scripts and styles
 *
 * Every API error is `{ "errors": [ { "path", "code", "message" } ] }` with a 4xx status. Handlers
 * need no socket: `createApp(...).request('/api/calculate', { method: 'POST', ... })` in tests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import { contractDecision } from '../explain/contract.ts';
import { evaluateHousehold } from '../index.ts';
import { invalidUtf8, parseJsonText } from '../household/decode.ts';
import { quote } from '../household/echo.ts';
import { renderProblems, type Lang } from '../explain/problems.ts';
import { echo, problem, type InputProblem } from '../household/problems.ts';
import type { InputIssue } from '../household/types.ts';
import { isIsoDate, parsePeriod } from '../period/index.ts';
import { projectPath } from '../paths.ts';
import type { Rulebook } from '../rulebook/load.ts';
import { RuleLookupError, ruleLookupProblem, RuleSetCache, RulesPendingError, type PendingRuleSet } from '../rulebook/resolve.ts';
import { dateProblem } from '../household/parse.ts';
import type { VersionedRuleSet } from '../rulebook/types.ts';
import { ENGINE_VERSION } from '../version.ts';
import { readBodyText } from './body.ts';
import { addKontaktcenterRoutes, type StaffOptions } from './kontaktcenter/routes.ts';
import type { Catalogs } from './resident/catalog.ts';
import { addResidentRoutes } from './resident/routes.ts';
import { addCaseworkRoutes, printLetterPdf } from './casework/routes.ts';
import type { StaffDirectory } from '../casework/staffDirectory.ts';
import { addLetterApi } from './letterApi.ts';
import { addStatisticsRoutes } from './statistics/routes.ts';
import { supportObstaclesFor } from '../casework/supportObstacle.ts';
import type { Payer } from '../casework/pain001.ts';

/** Largest request body accepted by POST /api/calculate (a household is a few kB). */
export const MAX_BODY_BYTES = 256 * 1024;

export const PUBLIC_DIR = projectPath('src/web/public/');
/** The workday's pages as one bundle (src/web/app/, built by scripts/build.mjs with esbuild into dist/web/). */
export const BUNDLE_DIR = projectPath('dist/web/');
/**
 * The views' modules the page imports too (plain JavaScript), served under /explain/: the page's
 * format.js imports '../../explain/months.js' and labels.js '../../explain/labels.js' (the Swedish label of
 * every code, one catalogue for the views and the pages), each this file both in the sources and from /assets/.
 */
const SHARED_VIEW_MODULES: Readonly<Record<string, string>> = { 'months.js': projectPath('src/explain/months.js'), 'labels.js': projectPath('src/explain/labels.js') };
export const DEFAULT_FIXTURES_DIR = projectPath('fixtures/');

export interface WebOptions {
  readonly rulebook: Rulebook;
  /** Folder of example households (*.json) offered by /api/fixtures; default fixtures/. */
  readonly fixturesDir?: string;
  /** Folder of the page's static files; default src/web/public/. */
  readonly publicDir?: string;
  readonly maxBodyBytes?: number;
  /** The decision store of the workday (casework/routes.ts; POST /api/proposals creates it); without it those routes answer 404 NO_STORE. */
  readonly storePath?: string;
  /** The resident page's default month comes from this clock (issue 12); tests pin it. */
  readonly clock?: () => Date;
  /** The kommunkod the resident page is published for: its contact details (rules/municipal/<kod>.json, issue 29) and municipal policy; absent = the default file's. */
  readonly municipality?: string;
  /** The resident page's message catalogues; default src/web/resident/messages/ (tests pass broken ones). */
  readonly residentCatalogs?: Catalogs;
  /** Kontaktcenter's case-status lookup (issue 12): the decision store and how staff are recognised. Absent = every lookup 403. */
  readonly staff?: StaffOptions;
  /** Who pays: the payment file's debtor (serve --payer FILE, docs/payments.md). Absent = export answers 503. */
  readonly payer?: Payer;
  /** Prints a registered decision's letter to PDF (issue 21): absent, a Chromium shared by the server; null, none made (src/web/casework/routes.ts). */
  readonly printLetter?: ((html: string) => Promise<Uint8Array>) | null;
  /** The decision makers' names and titles by login (serve --staff-directory FILE, docs/workday.md): letters are signed with them. Absent: no decision letter is made. */
  readonly staffDirectory?: StaffDirectory | null;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Only this page's own files: no CDN, no inline script, no external fonts. */
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

interface Asset {
  readonly body: string;
  readonly type: string;
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot);
}

function loadAssets(dir: string, bundleDir: string): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  for (const [folder, required] of [[dir, true], [bundleDir, false]] as const) {
    let names: string[];
    try {
      names = readdirSync(folder).sort();
    } catch (error) {
      if (required) throw error;
      continue; // not built yet: /queue says so (workday.html) until `npm run build`
    }
    for (const name of names) {
      const type = CONTENT_TYPES[extensionOf(name)];
      if (type !== undefined) assets.set(name, { body: readFileSync(join(folder, name), 'utf8'), type });
    }
  }
  if (!assets.has('index.html')) throw new Error(`${dir}: index.html is missing`);
  return assets;
}

export interface FixtureInfo {
  readonly name: string;
  readonly caseId: string | null;
  readonly period: string | null;
  readonly members: number | null;
}

interface Fixture {
  readonly info: FixtureInfo;
  readonly text: string;
}

/** A fixture name: letters, digits, dot, dash and underscore, not starting with a dot. Anything else (a slash, "..") is refused. */
const FIXTURE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,120}$/;

function loadFixtures(dir: string): Map<string, Fixture> {
  const fixtures = new Map<string, Fixture>();
  let names: string[];
  try {
    names = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.json'))
      .map((e) => e.name)
      .sort();
  } catch {
    return fixtures;
  }
  for (const file of names) {
    const name = file.slice(0, -'.json'.length);
    if (!FIXTURE_NAME.test(name)) continue;
    const text = readFileSync(join(dir, file), 'utf8');
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      continue;
    }
    const o = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
    fixtures.set(name, {
      text,
      info: {
        name,
        caseId: typeof o['caseId'] === 'string' ? o['caseId'] : null,
        period: typeof o['period'] === 'string' ? o['period'] : null,
        members: Array.isArray(o['members']) ? o['members'].length : null,
      },
    });
  }
  return fixtures;
}

function issue(path: string, code: string, message: string): InputIssue {
  return { path, code, message };
}

type ErrorStatus = 400 | 404 | 405 | 413 | 415 | 500 | 503;

function errorResponse(c: Context, status: ErrorStatus, errors: readonly InputIssue[], headers: Record<string, string> = {}): Response {
  const body = JSON.stringify({ errors: errors.map((e) => ({ path: e.path, code: e.code, message: e.message })) }, null, 2);
  return c.body(`${body}\n`, status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
}

/** The language of input problems: Swedish, or English with ?lang=en (as calculate --lang en). */
const langOf = (c: Context): Lang => (c.req.query('lang') === 'en' ? 'en' : 'sv');

/** Input problems (household/problems.ts) as an error answer, worded in the request's language. */
function problemResponse(c: Context, status: ErrorStatus, problems: readonly InputProblem[]): Response {
  return errorResponse(c, status, renderProblems(problems, langOf(c)));
}

function jsonText(c: Context, text: string): Response {
  return c.body(text, 200, { 'Content-Type': 'application/json; charset=utf-8' });
}

/** The first day a dated rule file's values apply from (the earliest window), or null when it has none. */
function firstInForce(values: readonly { readonly effectiveFrom: string }[]): string | null {
  return values.reduce<string | null>((first, v) => (first === null || v.effectiveFrom < first ? v.effectiveFrom : first), null);
}

/** The period's legal references by topic, so the page's letter cites them and never writes one itself. */
function legalRefs(legal: PendingRuleSet['legal']) {
  return { law: legal.law, lawTitle: legal.lawTitle, refs: Object.fromEntries(Object.entries(legal.refs).map(([topic, r]) => [topic, { ref: r.ref, status: r.status }])) };
}

/**
 * /api/types for a month whose rules are enacted but not published (rules/pending/, 2027): 200 with
 * status "pending", the missing rules and the law in force, and no types. Never another year's types.
 */
function pendingTypes(periodText: string, municipality: string | null, pending: PendingRuleSet) {
  const year = periodText.slice(0, 4);
  return {
    period: periodText,
    municipality,
    status: 'pending',
    messageSv: `Reglerna för ${year} är inte publicerade: ${pending.missing.map((m) => m.sv).join('; ')}. Inget förslag kan räknas fram för ${periodText} förrän de har lästs in.`,
    pending: pending.missing.map((m) => ({ id: m.id, kind: m.kind, sv: m.sv, en: m.en, legalRef: m.legalRef })),
    ruleSetVersion: null,
    law: pending.legal.law,
    normTable: null,
    incomeTypes: [],
    costTypes: [],
    assetTypes: [],
    activityRequirement: null,
    medicalCertificate: null,
    legal: legalRefs(pending.legal),
  };
}

/** The month whose types /api/types lists when none is asked for: the newest riksnorm table's first month. */
function newestPeriod(book: Rulebook): string {
  let newest = '';
  for (const t of book.riksnorm) if (t.data.effectiveFrom > newest) newest = t.data.effectiveFrom;
  return newest.slice(0, 7);
}

export function createApp(options: WebOptions): Hono {
  const cache = new RuleSetCache(options.rulebook);
  const rulesFor = cache.get.bind(cache);
  const assets = loadAssets(options.publicDir ?? PUBLIC_DIR, BUNDLE_DIR);
  const fixtures = loadFixtures(options.fixturesDir ?? DEFAULT_FIXTURES_DIR);
  const fixtureList = `${JSON.stringify({ fixtures: [...fixtures.values()].map((f) => f.info) }, null, 2)}\n`;
  const maxBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const defaultPeriod = newestPeriod(options.rulebook);

  const app = new Hono();

  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    // Households are personal data: nothing from the API is kept by the browser or a proxy.
    if (c.req.path.startsWith('/api/')) c.header('Cache-Control', 'no-store');
  });

  app.get('/healthz', (c) => c.json({ status: 'ok', engineVersion: ENGINE_VERSION }));

  app.post('/api/calculate', async (c) => {
    const contentType = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (contentType !== 'application/json') {
      return errorResponse(c, 415, [issue('(body)', 'UNSUPPORTED_MEDIA_TYPE', `expected Content-Type application/json, got ${contentType === '' ? 'none' : quote(contentType)}`)]);
    }
    const body = await readBodyText(c.req.raw, maxBytes);
    if (!body.ok) {
      if (body.reason === 'too-large') {
        return errorResponse(c, 413, [issue('(body)', 'BODY_TOO_LARGE', `the request body is larger than ${maxBytes} bytes`)], { Connection: 'close' });
      }
      if (body.reason === 'not-utf8') return problemResponse(c, 400, [invalidUtf8('(body)', body.offset)]);
      return errorResponse(c, 400, [issue('(body)', 'INVALID_JSON', 'the request body could not be read')]);
    }
    const parsedBody = parseJsonText(body.text, '(body)');
    if (!parsedBody.ok) return problemResponse(c, 400, [parsedBody.problem]);
    const raw = parsedBody.value;
    const result = evaluateHousehold(raw, rulesFor);
    if (!result.ok) return problemResponse(c, 400, result.issues);
    // Exactly what `calculate --json` writes to stdout (src/cli/calculate.ts), newline included: the
    // decision with its texts, rendered here from the core's data.
    return jsonText(c, `${JSON.stringify(contractDecision(result.decision, result), null, 2)}\n`);
  });

  // The applicant's letter for the preview page, by the server's builder (issue 21; letterApi.ts).
  addLetterApi(app, { rulesFor, maxBytes, print: options.printLetter === undefined ? printLetterPdf : options.printLetter });

  app.all('/api/calculate', (c) =>
    errorResponse(c, 405, [issue('(request)', 'METHOD_NOT_ALLOWED', `use POST with a household as JSON, not ${c.req.method}`)], { Allow: 'POST' }),
  );

  const activityFrom = firstInForce(options.rulebook.activityRequirement.data.values);
  const certificateFrom = firstInForce(options.rulebook.medicalCertificate.data.values);

  app.get('/api/types', (c) => {
    const periodText = c.req.query('period') ?? defaultPeriod;
    const municipality = c.req.query('municipality') ?? null;
    const decidedOn = c.req.query('decidedOn') ?? null;
    const period = parsePeriod(periodText);
    if (!period) return problemResponse(c, 400, [problem('period', 'INVALID_PERIOD', { value: echo(periodText) })]);
    if (municipality !== null && !/^[0-9]{4}$/.test(municipality)) return problemResponse(c, 400, [problem('municipality', 'INVALID_MUNICIPALITY', { value: echo(municipality) })]);
    if (decidedOn !== null && !isIsoDate(decidedOn)) return problemResponse(c, 400, [dateProblem('decidedOn', decidedOn) ?? problem('decidedOn', 'INVALID_DATE', { value: echo(decidedOn) })]);
    let set: VersionedRuleSet;
    try {
      set = cache.get(period, municipality, decidedOn);
    } catch (error) {
      if (error instanceof RulesPendingError) return c.json(pendingTypes(periodText, municipality, error.pending));
      if (error instanceof RuleLookupError) return problemResponse(c, 400, [ruleLookupProblem(error)]);
      throw error;
    }
    const { rules } = set;
    return c.json({
      period: periodText,
      municipality,
      status: 'loaded',
      ruleSetVersion: set.version,
      law: rules.legal.law,
      normTable: rules.riksnorm.title,
      incomeTypes: Object.entries(rules.incomeTypes).map(([type, d]) => ({ type, labelSv: d.labelSv, labelEn: d.labelEn, employment: d.employment })),
      costTypes: Object.entries(rules.costTypes).map(([type, d]) => ({
        type,
        labelSv: d.labelSv,
        labelEn: d.labelEn,
        category: d.category,
        requiresAssessment: d.requiresAssessment,
      })),
      assetTypes: Object.entries(rules.assetTypes).map(([type, d]) => ({ type, labelSv: d.labelSv, labelEn: d.labelEn, liquid: d.liquid })),
      // Aktivitetskrav and läkarintyg: in force for the month or not, from when, and the exemption codes with their Swedish labels.
      activityRequirement: {
        inForce: rules.activityRequirement !== null,
        from: activityFrom,
        qualifyingMonths: rules.activityRequirement?.qualifyingConsecutiveMonths.value ?? null,
        exemptions: (rules.activityRequirement?.exemptions ?? []).map((e) => ({ code: e.code, labelSv: e.sv, labelEn: e.en })),
      },
      medicalCertificate: { inForce: rules.medicalCertificate !== null, from: certificateFrom, requiredAfterDays: rules.medicalCertificate?.requiredAfterDays.value ?? null },
      // The försörjningshinder a caseworker registers per adult (issue 25; rules/support-obstacles.json, no part of a rule set).
      supportObstacles: Object.entries(supportObstaclesFor(options.rulebook, periodText) ?? {}).map(([code, o]) => ({ code, labelSv: o.labelSv, labelEn: o.labelEn })),
      legal: legalRefs(rules.legal),
    });
  });

  app.get('/api/fixtures', (c) => jsonText(c, fixtureList));

  app.get('/api/fixtures/:name', (c) => {
    const requested = c.req.param('name');
    const name = requested.endsWith('.json') ? requested.slice(0, -'.json'.length) : requested;
    if (!FIXTURE_NAME.test(name) || name.includes('..')) {
      return errorResponse(c, 400, [issue('name', 'INVALID_FIXTURE_NAME', 'a fixture name has only letters, digits, ".", "-" and "_" (see GET /api/fixtures)')]);
    }
    const fixture = fixtures.get(name);
    if (!fixture) return errorResponse(c, 404, [issue('name', 'UNKNOWN_FIXTURE', `no fixture "${name}" (see GET /api/fixtures)`)]);
    return jsonText(c, fixture.text);
  });

  // Issue 12: the public resident page (no login, nothing stored) and Kontaktcenter's staff-only lookup.
  addResidentRoutes(app, {
    rulebook: options.rulebook,
    rulesFor,
    municipality: options.municipality ?? null,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.residentCatalogs ? { catalogs: options.residentCatalogs } : {}),
  });
  addKontaktcenterRoutes(app, options.staff ?? null);
  // The caseworker's workday (issue 22, docs/web.md): the queue, the case view, registered decisions,
  // payments and the case log, for signed-in staff with the roles each action needs.
  addCaseworkRoutes(app, { storePath: options.storePath ?? null, auth: options.staff?.auth ?? null, clock: options.clock ?? (() => new Date()), payer: options.payer ?? null, cache, ...(options.printLetter !== undefined ? { printLetter: options.printLetter } : {}), staffDirectory: options.staffDirectory ?? null });
  // The unit's statistics (issue 25, docs/statistics.md): its figures, their CSV and the EKB-Månad file, by role.
  addStatisticsRoutes(app, { storePath: options.storePath ?? null, auth: options.staff?.auth ?? null, clock: options.clock ?? (() => new Date()), rulebook: options.rulebook });

  const sendAsset = (c: Context, name: string) => {
    const asset = assets.get(name);
    if (!asset) return c.text('Not found', 404);
    return c.body(asset.body, 200, { 'Content-Type': asset.type, 'Content-Security-Policy': CSP, 'Cache-Control': 'no-cache' });
  };
  app.get('/', (c) => sendAsset(c, 'index.html'));
  // The workday's pages: one page (workday.html) with its views as components (src/web/app/).
  for (const path of ['/queue', '/arende/:decisionId', '/utbetalningar']) app.get(path, (c) => sendAsset(c, 'workday.html'));
  app.get('/statistik', (c) => sendAsset(c, 'statistik.html'));
  const shared = new Map(Object.entries(SHARED_VIEW_MODULES).map(([name, path]) => [name, readFileSync(path, 'utf8')]));
  app.get('/explain/:file', (c) => {
    const body = shared.get(c.req.param('file'));
    return body === undefined ? c.text('Not found', 404) : c.body(body, 200, { 'Content-Type': CONTENT_TYPES['.js']!, 'Content-Security-Policy': CSP, 'Cache-Control': 'no-cache' });
  });
  app.get('/assets/:file', (c) => {
    const file = c.req.param('file');
    return file === 'index.html' ? c.redirect('/', 301) : sendAsset(c, file);
  });

  app.notFound((c) =>
    c.req.path.startsWith('/api/') ? errorResponse(c, 404, [issue('(request)', 'NOT_FOUND', `no API route ${c.req.method} ${quote(c.req.path)}`)]) : c.text('Sidan finns inte.', 404),
  );

  app.onError((error, c) => {
    process.stderr.write(`serve: ${c.req.method} ${c.req.path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return errorResponse(c, 500, [issue('(server)', 'INTERNAL_ERROR', 'the engine failed on this request; see the server log')]);
  });

  return app;
}
