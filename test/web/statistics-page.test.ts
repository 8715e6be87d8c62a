/**
 * The unit's statistics page (issue 25 items 3–4) on a store of registered decisions
 * (support/statistics.ts): the roles of its API and the case log row of every read; the EKB-Månad file
 * only for the export role; no personnummer, name or case id in anything the page reads; and the page
 * in a real browser — a chart, the table under it and its CSV against figures computed here by hand
 * from what was registered, and axe-core with nothing serious or critical.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatKronor, formatKronorSv, type Ore } from '../../src/money/index.ts';
import { CaseWork } from '../../src/store/casework.ts';
import { tempDir } from '../batch/support.ts';
import { axeViolations, seriousOnes } from '../support/browser.ts';
import { book } from '../support/engine.ts';
import { staffPages } from './support/staffPages.ts';
import { as, AUDITOR, CASEWORKER, DECIDER, KONTAKT } from './support/workday.ts';
import { CASES, PERSONNUMMER, statisticsStore, type Paid } from './support/statistics.ts';

const STATS = as('Stina Statistiker', 'statistik');
const dir = tempDir();
let store: string;
let paid: Paid;
const web = staffPages(
  dir,
  () => {
    ({ store, paid } = statisticsStore(dir));
    return { rulebook: book, storePath: store, clock: () => new Date('2026-03-20T10:00:00Z') };
  },
  120_000,
);
const { chromium } = web;

const RANGE = 'from=2026-01&to=2026-03';
const get = (path: string, headers: Record<string, string> = {}) => fetch(`${web.server.url}${path}`, { headers });
const lastLog = () => {
  const cw = CaseWork.open(store, { readonly: true });
  try {
    return cw.logRows({}).at(-1)!;
  } finally {
    cw.close();
  }
};

// ------------------------------------------------------------------ figures by hand, from CASES and what was paid

/** Households paid in a month: every case whose month is not a refusal. */
const householdsIn = (p: string) => CASES.filter((c) => c.months[p] !== undefined && c.months[p] !== 'deny').length;
/** The öre paid in a month: the orders registered (support/statistics.ts keeps them). */
const paidIn = (p: string) => [...paid.values()].reduce((s, byMonth) => s + (byMonth.get(p) ?? 0), 0);

describe('the statistics API: roles, the case log, no personal data', () => {
  it('answers the statistik role, decision makers and auditors; everyone else 403', async () => {
    for (const headers of [STATS, DECIDER, AUDITOR]) expect((await get(`/api/statistics?${RANGE}`, headers)).status).toBe(200);
    for (const headers of [{}, CASEWORKER, KONTAKT, as('Utan Roll', 'annat')]) {
      const response = await get(`/api/statistics?${RANGE}`, headers);
      expect(response.status).toBe(403);
      expect(((await response.json()) as { errors: { code: string }[] }).errors[0]!.code).toBe('FORBIDDEN');
      expect((await get(`/api/statistics/csv/per-month?${RANGE}`, headers)).status).toBe(403);
    }
  });

  it('writes every read to the case log: who, in which role, what, why', async () => {
    await get(`/api/statistics?${RANGE}&purpose=${encodeURIComponent('uppföljning till nämnden')}`, STATS);
    expect(lastLog()).toMatchObject({ who: 'Stina Statistiker', role: 'statistik', action: 'statistics.read', caseId: null, purpose: 'uppföljning till nämnden' });
    await get(`/api/statistics/csv/gender?${RANGE}`, AUDITOR);
    expect(lastLog()).toMatchObject({ who: 'Ada Revisor', role: 'granskare', action: 'statistics.csv', caseId: null });
    const before = lastLog().seq;
    await get(`/api/statistics?${RANGE}`, CASEWORKER);
    expect(lastLog().seq).toBe(before);
  });

  it('refuses a range it cannot read, naming the parameter', async () => {
    const bad = async (q: string) => ((await (await get(`/api/statistics?${q}`, STATS)).json()) as { errors: { path: string; code: string }[] }).errors[0];
    expect(await bad('from=2026-04&to=2026-03')).toMatchObject({ path: 'from', code: 'INVALID_RANGE' });
    expect(await bad('from=2026-13&to=2026-03')).toMatchObject({ path: 'from', code: 'INVALID_PERIOD' });
    expect(await bad('from=2020-01&to=2026-03')).toMatchObject({ path: 'from', code: 'RANGE_TOO_LONG' });
    expect(await bad(`${RANGE}&caseId=L-1`)).toMatchObject({ path: 'caseId', code: 'UNKNOWN_PARAMETER' });
    expect((await get(`/api/statistics/csv/nope?${RANGE}`, STATS)).status).toBe(404);
  });

  it('holds no personnummer, name or case id: not in the figures, not in any CSV', async () => {
    const stats = (await (await get(`/api/statistics?${RANGE}`, STATS)).json()) as { tables: { id: string }[] };
    const texts = [JSON.stringify(stats)];
    for (const t of stats.tables) texts.push(await (await get(`/api/statistics/csv/${t.id}?${RANGE}`, STATS)).text());
    expect(stats.tables.length).toBe(8);
    for (const text of texts) {
      for (const p of PERSONNUMMER) {
        expect(text).not.toContain(p);
        expect(text).not.toContain(p.replace('-', ''));
        expect(text).not.toContain(p.slice(2));
      }
      expect(text).not.toMatch(/\b(19|20)?[0-9]{6}[-+]?[0-9]{4}\b/);
      for (const c of CASES) expect(text).not.toContain(c.caseId);
      expect(text).not.toContain('Person ');
    }
  });
});

describe('EKB-Månad through the API (issue 25 item 4): the file with personnummer only for the export role', () => {
  it('gives every other role 403, and never a personnummer', async () => {
    for (const headers of [DECIDER, AUDITOR, CASEWORKER, KONTAKT, {}]) {
      const response = await get('/api/statistics/ekb/2026-03', headers);
      expect(response.status).toBe(403);
      const text = await response.text();
      for (const p of PERSONNUMMER) expect(text).not.toContain(p.replace('-', ''));
    }
  });

  it('exports the month for the statistik role and logs the export', async () => {
    const response = await get('/api/statistics/ekb/2026-03', STATS);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('EKB-Manad-2281-202603.txt');
    const lines = (await response.text()).split('\r\n').filter((l) => l !== '');
    expect(lines).toHaveLength(1 + householdsIn('2026-03'));
    // The 12-digit personnummer of L-1's applicant, and its amount in whole kronor (half up) from the orders.
    const l1 = lines.find((l) => l.includes('\tL-1\t'))!.split('\t');
    expect(l1[8]).toBe(PERSONNUMMER[0]!.replace('-', ''));
    expect(Number(l1[7])).toBe(Math.floor((paid.get('L-1')!.get('2026-03')! + 50) / 100));
    expect(lastLog()).toMatchObject({ who: 'Stina Statistiker', role: 'statistik', action: 'statistics.export', caseId: null, purpose: 'officiell statistik EKB-Månad 2026-03' });
  });

  it('answers a month with nothing to report, not an empty file', async () => {
    const response = await get('/api/statistics/ekb/2024-01', STATS);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { errors: { code: string }[] }).errors[0]!.code).toBe('NOTHING_TO_REPORT');
  });
});

describe('the statistics page in a browser', () => {
  let page: Page;
  beforeAll(async () => {
    const context = await chromium.need().newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE', extraHTTPHeaders: STATS, acceptDownloads: true });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${web.server.url}/statistik?${RANGE}`);
    await page.locator('body[data-ready="true"]').waitFor();
  }, 60_000);

  it('draws households per month, the same figures in the table under the chart and in its CSV, as counted by hand', async () => {
    const months = ['2026-01', '2026-02', '2026-03'];
    const expected = months.map(householdsIn);
    expect(expected).toEqual([3, 4, 6]);
    const bars = await page.$$eval('#s-per-month svg rect[data-series="households"]', (rs) => rs.map((r) => ({ month: r.getAttribute('data-category'), value: Number(r.getAttribute('data-value')), height: Number(r.getAttribute('height')) })));
    expect(bars.map((b) => b.month)).toEqual(months);
    expect(bars.map((b) => b.value)).toEqual(expected);
    // Taller bar, more households: the heights keep the order and the ratio of the counts.
    expect(bars[2]!.height / bars[0]!.height).toBeCloseTo(6 / 3, 1);

    const rows = await page.$$eval('#t-per-month tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('th,td')].map((c) => c.textContent ?? '')));
    expect(rows.map((r) => r[0])).toEqual(months);
    expect(rows.map((r) => r[1])).toEqual(expected.map(String));
    expect(rows.map((r) => r[2])).toEqual(months.map((p) => formatKronorSv(paidIn(p) as Ore)));
    // One refusal in March: fewer than the rule's 3, so not shown.
    expect(rows[2]![5]).toBe('<3');

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#s-per-month a.s-csv').click()]);
    expect(download.suggestedFilename()).toBe('statistik-per-month-2026-01-2026-03.csv');
    const csv = readFileSync((await download.path())!, 'utf8').split('\r\n');
    expect(csv[0]).toBe('Månad,Hushåll med utbetalning,Utbetalt,Vuxna,Barn under 18 år,Hushåll med avslag');
    expect(csv.slice(1, 4).map((l) => l.split(',').slice(0, 3))).toEqual(months.map((p) => [p, String(householdsIn(p)), formatKronor(paidIn(p) as Ore)]));
  });

  it('counts long-term aid as ten of the last twelve months, by hand', async () => {
    // March: L-1 and L-6 paid June–March, L-7 April–May and August–March: ten each; in February nine at most.
    const rows = await page.$$eval('#t-long-term tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('th,td')].map((c) => c.textContent ?? '')));
    expect(rows).toEqual([
      ['2026-01', '3', '0', '0,0 %'],
      ['2026-02', '4', '0', '0,0 %'],
      ['2026-03', '6', '3', '50,0 %'],
    ]);
  });

  it('shows the handläggningstid and every section with a table, and no personal data', async () => {
    expect(await page.locator('#t-handling-month tbody tr').count()).toBe(3);
    expect(await page.locator('#t-handling-split').count()).toBe(1);
    for (const id of ['per-month', 'household-type', 'support-obstacle', 'gender', 'long-term', 'children-refusal', 'handling-month', 'handling-split']) {
      expect(await page.locator(`#s-${id} table`).count()).toBe(1);
      expect(await page.locator(`#s-${id} a.s-csv`).count()).toBe(1);
    }
    const html = await page.content();
    for (const p of PERSONNUMMER) expect(html).not.toContain(p.slice(2));
    for (const c of CASES) expect(html).not.toContain(c.caseId);
    // The export role sees the month's EKB-Månad links; the figures came with the 2026-03 range.
    expect(await page.locator('a[href="/api/statistics/ekb/2026-03"]').count()).toBe(1);
  });

  it('has nothing serious or critical for axe-core', async () => {
    expect(seriousOnes(await axeViolations(page))).toEqual([]);
  });

  it('changes the range from the form, by keyboard', async () => {
    await page.locator('#from').fill('2026-03');
    await page.locator('#to').focus();
    await page.keyboard.press('Enter');
    await page.locator('body[data-ready="true"]').waitFor();
    expect(await page.$$eval('#t-per-month tbody tr th', (ths) => ths.map((t) => t.textContent))).toEqual(['2026-03']);
    expect(new URL(page.url()).search).toBe('?from=2026-03&to=2026-03');
  });
});

describe('the page for a decision maker', () => {
  it('/api/me says who may read and export the statistics; the workday\'s menu links the page only for them', async () => {
    const may = async (headers: Record<string, string>) => ((await (await get('/api/me', headers)).json()) as { may: Record<string, boolean> }).may;
    expect(await may(STATS)).toMatchObject({ 'statistics.read': true, 'statistics.export': true, 'case.read': false });
    expect(await may(DECIDER)).toMatchObject({ 'statistics.read': true, 'statistics.export': false });
    expect(await may(CASEWORKER)).toMatchObject({ 'statistics.read': false, 'statistics.export': false });
    for (const [headers, links] of [[DECIDER, 1], [CASEWORKER, 0]] as const) {
      const context = await chromium.need().newContext({ extraHTTPHeaders: headers });
      const page = await context.newPage();
      await page.goto(`${web.server.url}/queue`);
      await page.locator('body[data-ready="true"]').waitFor();
      await page.locator('.w-me').filter({ hasText: 'Inloggad' }).waitFor();
      expect(await page.locator('nav a[href="/statistik"]').count()).toBe(links);
      await context.close();
    }
  });

  it('shows the figures but no EKB-Månad export', async () => {
    const context = await chromium.need().newContext({ extraHTTPHeaders: DECIDER });
    const page = await context.newPage();
    await page.goto(`${web.server.url}/statistik?${RANGE}`);
    await page.locator('body[data-ready="true"]').waitFor();
    expect(await page.locator('#t-per-month').count()).toBe(1);
    expect(await page.locator('a[href^="/api/statistics/ekb/"]').count()).toBe(0);
    await context.close();
  });
});

describe('the statistics page at 320 px', () => {
  it('is no wider than the window: a wide table scrolls in its own box, reachable by keyboard', async () => {
    const context = await chromium.need().newContext({ viewport: { width: 320, height: 700 }, extraHTTPHeaders: STATS });
    const page = await context.newPage();
    await page.goto(`${web.server.url}/statistik?${RANGE}`);
    await page.locator('body[data-ready="true"]').waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);
    expect(await page.locator('#s-handling-split .s-scroll[tabindex="0"]').count()).toBe(1);
    expect(seriousOnes(await axeViolations(page))).toEqual([]);
    await context.close();
  });
});
