/**
 * The unit's statistics (issue 25 items 3–4, docs/statistics.md) under the staff API. Every route needs a
 * signed-in person (trusted proxy headers, casework/auth.ts) with the role the action names (403
 * otherwise), and every read is written to the case log (action, who, role, why) like the other staff
 * reads.
 *
 *   GET /api/statistics?from=YYYY-MM&to=YYYY-MM        the page's figures as JSON (statistics.read): no personnummer, name or case id
 *   GET /api/statistics/csv/:table?from=…&to=…         one table of them as CSV (statistics.read)
 *   GET /api/statistics/ekb/:period                    the month's EKB-Månad file, with personnummer (statistics.export only)
 *
 * Without from/to the range is the twelve months ending with the newest month that has a registered
 * decision (or this month in Sweden when there is none).
 */
import type { Context, Hono } from 'hono';
import { supportObstaclesFor } from '../../casework/supportObstacle.ts';
import { parsePeriod } from '../../period/index.ts';
import type { Rulebook } from '../../rulebook/load.ts';
import { buildMonthReport, reportText } from '../../statistics/ekbMonth.ts';
import { registeredMonth, registeredPeriods, unitStatisticsOf } from '../../statistics/read.ts';
import { monthsBefore, monthsBetween, tableCsv, type UnitStatistics } from '../../statistics/unit.ts';
import { CaseWork } from '../../store/casework.ts';
import { StoreError, StoreNotFoundError } from '../../store/store.ts';
import { authorize, identify, type Action, type Staff, type TrustedHeaderAuth } from '../casework/auth.ts';
import { fail, json, stockholmDay } from '../casework/routes.ts';

export interface StatisticsOptions {
  readonly storePath: string | null;
  readonly auth: TrustedHeaderAuth | null;
  readonly clock: () => Date;
  readonly rulebook: Rulebook;
}

/** The longest range one request reads (each month reads its registered decisions and the long-term window before it). */
export const MAX_RANGE_MONTHS = 36;
const PERIOD = /^[0-9]{4}-(0[1-9]|1[0-2])$/;
const TABLE = /^[a-z][a-z-]{1,40}$/;

type Env = { Variables: { staff: Staff } };

export function addStatisticsRoutes(app: Hono, options: StatisticsOptions): void {
  const api = app as unknown as Hono<Env>;
  let work: CaseWork | null = null;
  const open = (): CaseWork | null => {
    if (work) return work;
    if (options.storePath === null) return null;
    try {
      work = CaseWork.open(options.storePath, { clock: options.clock });
    } catch (error) {
      if (error instanceof StoreNotFoundError) return null;
      throw error;
    }
    return work;
  };

  api.use('/api/statistics', gate);
  api.use('/api/statistics/*', gate);
  async function gate(c: Context<Env>, next: () => Promise<void>) {
    const who = identify(c.req.raw.headers, options.auth);
    if (!who.ok) return fail(c, 403, [{ path: '(request)', code: 'FORBIDDEN', message: `Statistiken kräver inloggning: ${who.reason}` }]);
    c.set('staff', who.staff);
    await next();
    return undefined;
  }

  /** The role used for the action, or the 403 answer. */
  const allowed = (c: Context<Env>, action: Action): { role: string } | Response => {
    const may = authorize(c.get('staff'), action);
    return may.ok ? { role: may.role } : fail(c, 403, [{ path: '(request)', code: 'FORBIDDEN', message: `Du saknar behörighet: ${may.reason}.` }]);
  };
  const purposeOf = (c: Context, fallback: string) => (c.req.query('purpose') ?? '').trim().slice(0, 500) || fallback;
  const log = (c: Context<Env>, cw: CaseWork, role: string, action: string, purpose: string) => {
    const staff = c.get('staff');
    cw.log([{ who: staff.user, role, action, caseId: null, decisionId: null, purpose }]);
  };
  const noStore = (c: Context) => fail(c, 404, [{ path: '(server)', code: 'NO_STORE', message: 'Det finns inget beslutsregister: starta servern med serve --store PATH.' }]);
  const storeFailure = (c: Context, error: unknown): Response => {
    if (error instanceof StoreError) return fail(c, 503, [{ path: '(server)', code: 'STORE_UNAVAILABLE', message: error.message }]);
    throw error;
  };

  /** The range asked for, or the twelve months ending with the newest registered month; or the problems. */
  const rangeOf = (c: Context, cw: CaseWork): { from: string; to: string; available: string[] } | Response => {
    const params = new URL(c.req.url).searchParams;
    const problems: { path: string; code: string; message: string }[] = [];
    for (const name of params.keys()) if (!['from', 'to', 'purpose'].includes(name)) problems.push({ path: name, code: 'UNKNOWN_PARAMETER', message: `${name}: okänd parameter; statistiken tar from, to, purpose` });
    const available = registeredPeriods(cw);
    const to = params.get('to') ?? available.at(-1) ?? stockholmDay(options.clock()).slice(0, 7);
    const from = params.get('from') ?? monthsBefore(to, 11);
    for (const [name, value] of [['from', from], ['to', to]] as const) if (!PERIOD.test(value) || parsePeriod(value) === null) problems.push({ path: name, code: 'INVALID_PERIOD', message: `${name}: ange en månad ÅÅÅÅ-MM` });
    if (problems.length === 0 && from > to) problems.push({ path: 'from', code: 'INVALID_RANGE', message: 'from: första månaden kan inte vara efter den sista (to)' });
    if (problems.length === 0 && monthsBetween(from, to).length > MAX_RANGE_MONTHS) problems.push({ path: 'from', code: 'RANGE_TOO_LONG', message: `Välj högst ${MAX_RANGE_MONTHS} månader.` });
    return problems.length > 0 ? fail(c, 400, problems) : { from, to, available };
  };

  /**
   * The figures of the range asked for, handed to `answer` with the role used and the store (for the
   * log), or the answer that says why not (403, 404 NO_STORE, 400, 503).
   */
  const withFigures = (c: Context<Env>, answer: (figures: UnitStatistics, range: { from: string; to: string; available: string[] }, role: string, cw: CaseWork) => Response): Response => {
    const may = allowed(c, 'statistics.read');
    if (may instanceof Response) return may;
    const cw = open();
    if (!cw) return noStore(c);
    try {
      const range = rangeOf(c, cw);
      if (range instanceof Response) return range;
      const stats = unitStatisticsOf(cw, options.rulebook, range.from, range.to, stockholmDay(options.clock()));
      if (stats === null) return fail(c, 400, [{ path: 'to', code: 'NO_RULES', message: `rules/unit-statistics.json har inga definitioner för ${range.to}` }]);
      return answer(stats, range, may.role, cw);
    } catch (error) {
      return storeFailure(c, error);
    }
  };

  api.get('/api/statistics', (c) =>
    withFigures(c, (stats, range, role, cw) => {
      log(c, cw, role, 'statistics.read', purposeOf(c, `enhetens statistik ${range.from}–${range.to}`));
      return json(c, 200, { ...stats, available: range.available, mayExport: authorize(c.get('staff'), 'statistics.export').ok });
    }),
  );

  api.get('/api/statistics/csv/:table', (c) => {
    const id = c.req.param('table');
    return withFigures(c, (stats, range, role, cw) => {
      const t = TABLE.test(id) ? stats.tables.find((x) => x.id === id) : undefined;
      if (!t) return fail(c, 404, [{ path: 'table', code: 'UNKNOWN_TABLE', message: `Det finns ingen tabell ${id.slice(0, 40)}; tabellerna är ${stats.tables.map((x) => x.id).join(', ')}.` }]);
      log(c, cw, role, 'statistics.csv', purposeOf(c, `enhetens statistik ${id} ${range.from}–${range.to}`));
      return c.body(tableCsv(t), 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="statistik-${id}-${range.from}-${range.to}.csv"`, 'Cache-Control': 'no-store' });
    });
  });

  /** The EKB-Månad file (issue 25 item 4): personnummer, so only the export role; logged like `statistics month --out`. */
  api.get('/api/statistics/ekb/:period', (c) => {
    const may = allowed(c, 'statistics.export');
    if (may instanceof Response) return may;
    const period = c.req.param('period');
    if (!PERIOD.test(period) || parsePeriod(period) === null) return fail(c, 400, [{ path: 'period', code: 'INVALID_PERIOD', message: 'period: ange en månad ÅÅÅÅ-MM' }]);
    const cw = open();
    if (!cw) return noStore(c);
    try {
      const built = buildMonthReport(period, registeredMonth(cw, period), supportObstaclesFor(options.rulebook, period));
      if (!built.ok) return fail(c, 409, built.problems.map((p) => ({ path: p.caseId, code: 'REPORT_INVALID', message: p.message })));
      if (built.report.households.length === 0) return fail(c, 404, [{ path: 'period', code: 'NOTHING_TO_REPORT', message: `Inget att rapportera för ${period}: inget registrerat beslut betalar bistånd för månaden.` }]);
      log(c, cw, may.role, 'statistics.export', purposeOf(c, `officiell statistik EKB-Månad ${period}`));
      const fileName = `EKB-Manad-${built.report.households[0]!.kommun}-${period.replace('-', '')}.txt`;
      return c.body(reportText(built.report), 200, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Disposition': `attachment; filename="${fileName}"`, 'Cache-Control': 'no-store' });
    } catch (error) {
      return storeFailure(c, error);
    }
  });
}
