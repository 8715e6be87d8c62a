/**
 * Kontaktcenter's staff routes (issue 12): a case-status lookup for a person who already has a case.
 * Sekretess applies, so every route here needs the staff role and every lookup is written to the
 * access log (src/store/casedesk.ts) with who, when, which case and why.
 *
 *   GET  /kontaktcenter/              the staff page: the lookup form and the printable summaries per language
 *   POST /kontaktcenter/arende        the form (caseId, purpose) → the page with the case status
 *   POST /kontaktcenter/api/arende    JSON { caseId, purpose } → JSON case status
 *
 * The engine has no login of its own. A municipality puts its login (SAML/OIDC, SITHS, AD) in a
 * reverse proxy in front of `serve`; the proxy authenticates, removes any of these headers that the
 * browser sent, and sets the user and the user's roles. The engine trusts the headers only when
 * started with `serve --trust-proxy-auth` (README, docs/invanare.md); otherwise every route here
 * answers 403 whatever the request carries.
 */
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { CaseDesk, lookupIssues, type CaseStatus } from '../../store/casedesk.ts';
import type { CaseState, MonthStanding, StatusEvent } from '../../store/casestatus.ts';
import { StoreError, StoreNotFoundError } from '../../store/store.ts';
import { readBodyText } from '../body.ts';
import { LANGS, loadCatalogs } from '../resident/catalog.ts';
import { esc } from '../resident/page.ts';
import { DEFAULT_DELEGATION_HEADER, type TrustedHeaderAuth } from '../casework/auth.ts';

export type { TrustedHeaderAuth };

export interface StaffOptions {
  /** The decision store to read (and to write the access log to). */
  readonly storePath: string;
  /** null: no trusted login in front, every staff route answers 403. */
  readonly auth: TrustedHeaderAuth | null;
  readonly clock?: () => Date;
}

export const DEFAULT_AUTH: TrustedHeaderAuth = { userHeader: 'X-Remote-User', rolesHeader: 'X-Remote-Groups', role: 'kontaktcenter', delegationHeader: DEFAULT_DELEGATION_HEADER };

const CSP = "default-src 'none'; style-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
const MAX_BODY = 4 * 1024;

type Variables = { staffUser: string };

/** The signed-in staff member, or why not. */
export function staffUser(headers: Headers, auth: TrustedHeaderAuth | null): { ok: true; user: string } | { ok: false; reason: string } {
  if (auth === null) return { ok: false, reason: 'this server has no trusted login in front of it (start serve with --trust-proxy-auth behind a login proxy)' };
  const user = (headers.get(auth.userHeader) ?? '').trim();
  const roles = (headers.get(auth.rolesHeader) ?? '').split(/[\s,;]+/).filter((r) => r !== '');
  if (user === '' || user.length > 200) return { ok: false, reason: `no signed-in user (${auth.userHeader})` };
  if (!roles.includes(auth.role)) return { ok: false, reason: `the user does not have the role "${auth.role}"` };
  return { ok: true, user };
}

const OUTCOME_SV: Record<string, string> = { approve: 'bifall', partial: 'delvis bifall', deny: 'avslag', dismiss: 'avvisning', 'needs-information': 'uppgifter saknas' };

/** Each language's name in itself, for the links to the printable summaries. */
let languageNames: Record<string, string> | null = null;
const nameOf = (lang: string): string => (languageNames ??= Object.fromEntries(Object.entries(loadCatalogs()).map(([l, c]) => [l, c.meta.name])))[lang] ?? lang;

function page(body: string): string {
  return `<!doctype html>
<html lang="sv" dir="ltr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>Kontaktcenter – ärendestatus</title><link rel="stylesheet" href="/invanare/assets/style.css"></head>
<body><main id="main">
<h1>Kontaktcenter – ekonomiskt bistånd</h1>
${body}
<h2>Sammanfattning att skriva ut eller skicka</h2>
<ul>${LANGS.map((l) => `<li><a href="/invanare/utskrift?lang=${l}" hreflang="${l}" lang="${l}">${esc(nameOf(l))}</a></li>`).join('')}</ul>
</main></body></html>
`;
}

function lookupForm(caseId = '', purpose = '', error = ''): string {
  return `<p>Sekretess gäller. Varje sökning loggas med ditt namn, tidpunkt, ärende och syfte.</p>
${error ? `<p class="error" role="alert">${esc(error)}</p>` : ''}
<form method="post" action="/kontaktcenter/arende">
<div class="field"><label for="caseId">Ärendenummer</label><input id="caseId" name="caseId" type="text" autocomplete="off" value="${esc(caseId)}"></div>
<div class="field"><label for="purpose">Syfte med sökningen (krävs)</label><input id="purpose" name="purpose" type="text" autocomplete="off" value="${esc(purpose)}"></div>
<button type="submit">Visa ärendestatus</button>
</form>`;
}

/** Kontaktcenter's words for each state of a case's month (docs/casestatus.md). */
const STATE_SV: Record<CaseState, string> = {
  received: 'Ansökan mottagen',
  waiting: 'Väntar på uppgifter från den sökande',
  'with-caseworker': 'Hos handläggare',
  decided: 'Beslut fattat',
  'to-be-paid': 'Beslutat, utbetalning väntar',
  paid: 'Utbetalt',
  appealed: 'Överklagat',
};

/** The steps of a begäran om komplettering and an appeal (StatusEvent.detail): only days, never what was asked. */
const DETAIL_SV: Record<string, string> = {
  'completion-requested': 'Begäran om komplettering skickad',
  'completion-answered': 'Kompletteringen kom in',
  'appeal-received': 'Överklagande kom in',
  'appeal-reviewed-unchanged': 'Omprövat: beslutet står fast',
  'appeal-reviewed-changed': 'Omprövat: beslutet ändrat',
  'appeal-dismissed': 'Överklagandet avvisat (för sent)',
  'appeal-forwarded': 'Överklagandet överlämnat till förvaltningsrätten',
  'appeal-closed-court-ruled': 'Förvaltningsrätten har avgjort överklagandet',
  'appeal-closed-withdrawn': 'Överklagandet återkallat',
  'appeal-closed-lapsed': 'Överklagandet förföll (beslutet ändrat som den sökande begärde)',
};

/** The case's state in one line, with the day behind it for waiting and appealed (docs/casestatus.md). */
function stateLine(m: MonthStanding): string {
  if (m.state === 'waiting' && m.waitingSince) return `${STATE_SV.waiting} (begäran om komplettering skickad ${m.waitingSince}${m.answerBy ? `, svar senast ${m.answerBy}` : ''})`;
  if (m.state === 'appealed' && m.appeal) return `${STATE_SV.appealed} (${m.appeal.receivedOn}${m.appeal.forwardedOn ? `, överlämnat till förvaltningsrätten ${m.appeal.forwardedOn}` : ''})`;
  return STATE_SV[m.state];
}

const amount = (kronor: string | null): string => (kronor === null ? '–' : `${kronor} kr`);

function eventText(e: StatusEvent): string {
  if (e.detail !== null) return `${DETAIL_SV[e.detail] ?? e.detail}${e.until ? `, svar senast ${e.until}` : ''}`;
  if (e.state === 'decided') return `${e.changeKind ? 'Beslutet ändrat' : 'Beslut'}: ${OUTCOME_SV[e.outcome ?? ''] ?? e.outcome ?? ''}, ${amount(e.amount)}${e.by ? ` (${e.by})` : ''}`;
  if (e.state === 'paid') return `Utbetalt ${amount(e.amount)}`;
  return STATE_SV[e.state];
}

function statusHtml(s: CaseStatus): string {
  if (s.protectedIdentity) {
    return `<section class="result" aria-label="Ärendestatus"><p>Ärende ${esc(s.caseId)} gäller en person med skyddade personuppgifter. Inga uppgifter om ärendet lämnas ut här: hänvisa till handläggaren.</p></section>`;
  }
  const d = s.latestDecision;
  const m = s.status;
  const rows: [string, string][] = [
    ['Ärende', s.caseId],
    ['Handläggare', s.caseworker ?? 'ej registrerad'],
    ['Läge', m ? `${stateLine(m)} (${m.period})` : 'ingen ansökan registrerad'],
    ['Ansökan kom in', m?.receivedOn ?? 'ej registrerat'],
    ['Ska vara handlagd senast', m ? (m.state === 'waiting' ? 'när kompletteringen kommit in' : (m.dueOnNow ?? m.dueOn ?? 'ej registrerat')) : 'ej registrerat'],
    ['Senaste beslut', d ? `${d.period}: ${OUTCOME_SV[d.outcome] ?? d.outcome}, ${amount(d.payable)}` : 'inget beslut fattat'],
    ['Beslutsdatum', d?.decidedOn ?? '–'],
    [m?.state === 'paid' ? 'Utbetalt' : 'Utbetalningsdag', s.paymentDate ?? 'ej registrerad'],
  ];
  const history = s.history.length === 0 ? '' : `<h2>Ärendets gång</h2><ol>${s.history.map((e) => `<li>${esc(e.on)} (${esc(e.period)}): ${esc(eventText(e))}</li>`).join('')}</ol>`;
  return `<section class="result" aria-label="Ärendestatus"><dl>${rows.map(([k, v]) => `<div><dt>${esc(k)}</dt><dd>${esc(v)}</dd></div>`).join('')}</dl>${history}
<p>Ett förslag från beräkningen visas aldrig som beslut. Vad en begäran om komplettering gäller visas inte här: hänvisa till handläggaren.</p></section>`;
}

export function addKontaktcenterRoutes(app: Hono, options: StaffOptions | null): void {
  let desk: CaseDesk | null = null;
  const openDesk = (): CaseDesk => (desk ??= CaseDesk.open(options!.storePath, options?.clock ? { clock: options.clock } : {}));
  const auth = options?.auth ?? null;

  const requireStaff: MiddlewareHandler<{ Variables: Variables }> = async (c, next) => {
    const who = staffUser(c.req.raw.headers, options === null ? null : auth);
    if (!who.ok) return c.json({ errors: [{ path: '(request)', code: 'FORBIDDEN', message: `Kontaktcenter's case lookup needs the staff role: ${who.reason}` }] }, 403, { 'Cache-Control': 'no-store' });
    // A page on another site cannot make a staff member's browser look a case up in their name.
    const site = c.req.header('sec-fetch-site');
    if (c.req.method !== 'GET' && site !== undefined && site !== 'same-origin' && site !== 'none') {
      return c.json({ errors: [{ path: '(request)', code: 'CROSS_SITE', message: 'a case lookup must come from the Kontaktcenter page itself' }] }, 403, { 'Cache-Control': 'no-store' });
    }
    c.set('staffUser', who.user);
    await next();
    c.header('Cache-Control', 'no-store');
    c.header('Content-Security-Policy', CSP);
    return undefined;
  };

  const staff = app as unknown as Hono<{ Variables: Variables }>;
  staff.use('/kontaktcenter', requireStaff);
  staff.use('/kontaktcenter/*', requireStaff);

  /** The lookup with its log entry; a store problem is an answer, not a crash. */
  const lookup = (c: Context<{ Variables: Variables }>, caseId: string, purpose: string): { status: CaseStatus | null } | { error: string; code: 503 } => {
    try {
      return { status: openDesk().lookup({ caseId: caseId.trim(), who: c.get('staffUser'), purpose }) };
    } catch (error) {
      if (error instanceof StoreNotFoundError || error instanceof StoreError) return { error: `Ärendestatus kan inte visas: ${error.message}`, code: 503 };
      throw error;
    }
  };

  staff.get('/kontaktcenter', (c) => c.redirect('/kontaktcenter/', 301));
  staff.get('/kontaktcenter/', (c) => c.html(page(lookupForm())));

  staff.post('/kontaktcenter/arende', async (c) => {
    const body = await readBodyText(c.req.raw, MAX_BODY);
    const form = new URLSearchParams(body.ok ? body.text : '');
    const caseId = form.get('caseId') ?? '';
    const purpose = form.get('purpose') ?? '';
    const issues = lookupIssues(caseId, purpose);
    if (issues.length > 0) return c.html(page(lookupForm(caseId, purpose, issues.some((i) => i.path === 'purpose') ? 'Skriv syftet med sökningen (minst fem tecken).' : 'Skriv ett ärendenummer.')), 400);
    const result = lookup(c, caseId, purpose);
    if ('error' in result) return c.html(page(lookupForm(caseId, purpose, result.error)), result.code);
    if (result.status === null) return c.html(page(lookupForm(caseId, '', `Inget ärende ${caseId} finns i beslutsregistret. Sökningen är loggad.`)), 404);
    return c.html(page(`${statusHtml(result.status)}${lookupForm()}`));
  });

  staff.post('/kontaktcenter/api/arende', async (c) => {
    const body = await readBodyText(c.req.raw, MAX_BODY);
    let raw: Record<string, unknown> = {};
    try {
      const parsed: unknown = body.ok ? JSON.parse(body.text) : null;
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) raw = parsed as Record<string, unknown>;
    } catch {
      return c.json({ errors: [{ path: '(body)', code: 'INVALID_JSON', message: 'expected JSON { "caseId", "purpose" }' }] }, 400);
    }
    const issues = lookupIssues(raw['caseId'], raw['purpose']);
    if (issues.length > 0) return c.json({ errors: issues }, 400);
    const result = lookup(c, raw['caseId'] as string, raw['purpose'] as string);
    if ('error' in result) return c.json({ errors: [{ path: '(store)', code: 'STORE_UNAVAILABLE', message: result.error }] }, 503);
    if (result.status === null) return c.json({ errors: [{ path: 'caseId', code: 'UNKNOWN_CASE', message: 'no such case in the decision store (the lookup is logged)' }] }, 404);
    return c.json(result.status);
  });
}
