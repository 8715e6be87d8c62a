/**
 * The resident page in a real browser (issue 12): headless Chromium through test/support/browser.ts.
 * A resident fills the self-check in Swedish and in Arabic; the figures shown equal `calculate` for
 * the same household written by hand; Arabic lays out right to left (screenshot saved); axe-core
 * finds no serious or critical violation in Swedish, Arabic and Somali; the printable summary is one
 * A4 page in every language; and nothing the resident's browser asks for ever reaches /kontaktcenter.
 *
 * Without a browser this file FAILS: a browser test that silently skips proves nothing.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AUTH } from '../../src/web/kontaktcenter/routes.ts';
import { LANGS, loadCatalogs, Translator } from '../../src/web/resident/catalog.ts';
import { startServer, type RunningServer } from '../../src/web/server.ts';
import { axeViolations, seriousOnes, TestBrowser } from '../support/browser.ts';
import { book, calc, ROOT } from '../support/engine.ts';
import { tempDir } from '../store/support.ts';
import { FAMILY, FAMILY_FORM } from './support.ts';

const RESULTS = `${ROOT}test-results`;
const catalogs = loadCatalogs();

let server: RunningServer;
const chromium = new TestBrowser();
let context: BrowserContext;
let store: { dir: string; cleanup: () => void };
const requested: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!(await chromium.launch())) return;
  store = tempDir('resident-browser-');
  // The lookup is switched on and trusts headers, so "never reaches it" is tested against a live route.
  server = await startServer({ rulebook: book, port: 0, host: '127.0.0.1', clock: () => new Date('2026-03-10T09:00:00Z'), staff: { storePath: join(store.dir, 'none.sqlite'), auth: DEFAULT_AUTH } });
  // axe-core is evaluated through the DevTools protocol (test/support/browser.ts), so the page's own CSP stays on.
  context = await chromium.need().newContext({ viewport: { width: 1280, height: 900 } });
  context.on('request', (r) => requested.push(r.url()));
  context.on('page', (p) => p.on('pageerror', (e) => pageErrors.push(e.message)));
  mkdirSync(RESULTS, { recursive: true });
});

afterEach(() => expect(pageErrors.splice(0)).toEqual([]));

afterAll(async () => {
  // Every URL any resident page asked for, over the whole file.
  if (chromium.running) expect(requested.filter((u) => /kontaktcenter/i.test(u))).toEqual([]);
  await chromium.close();
  await server?.close();
  store?.cleanup();
});

function needBrowser(): void {
  chromium.need();
}

async function open(lang: string, path = '/invanare/'): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${server.url}${path}?lang=${lang}&month=2026-03`);
  return page;
}

async function fillAndSubmit(page: Page, lang: (typeof LANGS)[number]): Promise<void> {
  const t = new Translator(lang, catalogs[lang]);
  // Through the visible labels, as a resident (or a screen reader) finds the fields.
  const { adult1, lunch1, ...rest } = FAMILY_FORM as Record<string, string>;
  await page.getByLabel(t.t('check.adult1Age'), { exact: true }).fill(adult1!);
  for (const [name, value] of Object.entries(rest)) await page.locator(`[id="f-${name}"]`).fill(value);
  expect(lunch1).toBe('1');
  await page.getByLabel(t.t('check.childLunch', { n: t.number(1) })).check();
  await page.getByRole('button', { name: t.t('check.submit') }).click();
  await page.locator('#resultat').waitFor();
}

async function figures(page: Page) {
  const value = (id: string) => page.locator(`#${id} data`).getAttribute('value');
  return { norm: await value('r-norm'), costs: await value('r-costs'), income: await value('r-income'), indicative: await value('r-indicative') };
}

async function seriousViolations(page: Page) {
  return seriousOnes(await axeViolations(page));
}

describe('resident self-check in chromium', () => {
  const d = calc(FAMILY);

  /** Opens the page in a language, fills the family in and checks the figures are calculate's, formatted for the language. */
  async function selfCheck(lang: (typeof LANGS)[number]): Promise<Page> {
    const page = await open(lang);
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
    await fillAndSubmit(page, lang);
    expect(await figures(page)).toEqual({ norm: d.norm.total, costs: d.costs.accepted, income: d.income.counted, indicative: d.payable });
    await expect(page.locator('#r-indicative').innerText()).resolves.toBe(new Translator(lang, catalogs[lang]).money(d.payable!));
    return page;
  }

  it('in Swedish: the figures shown are calculate’s for the same household, and it says it is not a decision', async () => {
    needBrowser();
    const page = await selfCheck('sv');
    const result = await page.locator('#resultat').innerText();
    expect(result).toContain('Provberäkningen är inte ett beslut');
    expect(result).toContain('Varför beslutet kan bli ett annat');
    expect(result).toContain('Så ansöker du');
    await page.screenshot({ path: `${RESULTS}/resident-sv.png`, fullPage: false });
    await page.close();
  });

  it('in Arabic: the same figures, laid out right to left (screenshot saved)', async () => {
    needBrowser();
    const page = await selfCheck('ar');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('#resultat').innerText()).toContain(new Translator('ar', catalogs.ar).t('notDecision'));
    // Right to left: the heading starts at the right edge, a label stands to the right of its field.
    expect(await page.evaluate('getComputedStyle(document.body).direction')).toBe('rtl');
    const main = (await page.locator('main').boundingBox())!;
    const h1 = (await page.locator('h1').boundingBox())!;
    expect(main.x + main.width - (h1.x + h1.width)).toBeLessThan(40);
    const label = (await page.locator('label[for="f-cost.rent"]').boundingBox())!;
    const input = (await page.locator('[id="f-cost.rent"]').boundingBox())!;
    expect(label.x).toBeGreaterThan(input.x + input.width);
    await page.locator('#resultat').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${RESULTS}/resident-ar-rtl.png`, fullPage: true });
    await page.close();
  });

  it.each(['sv', 'ar', 'so'] as const)('axe-core finds no serious or critical violation in %s (page, errors and result)', async (lang) => {
    needBrowser();
    const page = await open(lang);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: new Translator(lang, catalogs[lang]).t('check.submit') }).click();
    await page.locator('.error-summary').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${server.url}/invanare/?lang=${lang}&month=2026-03`);
    await fillAndSubmit(page, lang);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('axe-core as set up here does catch a serious violation (a field without a label)', async () => {
    needBrowser();
    const page = await open('sv');
    await page.evaluate("document.querySelector('form[method=post]').insertAdjacentHTML('afterbegin', '<input type=text name=x>')");
    expect((await seriousViolations(page)).join('\n')).toMatch(/^label \(critical\)/m);
    await page.close();
  });

  it('the printable summary is one A4 page in every language', async () => {
    needBrowser();
    for (const lang of LANGS) {
      const page = await open(lang, '/invanare/utskrift');
      const pdf = (await page.pdf({ format: 'A4', printBackground: false })).toString('latin1');
      const pages = pdf.match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
      if (lang === 'ar') await page.screenshot({ path: `${RESULTS}/resident-print-ar.png`, fullPage: true });
      expect(pages, lang).toBe(1);
      await page.close();
    }
  });

  it('the Kontaktcenter page, for staff behind the login proxy, has no serious or critical axe violation', async () => {
    needBrowser();
    // A context of its own: its requests are the staff's, not the resident's checked in afterAll.
    const staff = await chromium.need().newContext({ extraHTTPHeaders: { 'X-Remote-User': 'maria.kc', 'X-Remote-Groups': 'kontaktcenter' } });
    try {
      const page = await staff.newPage();
      await page.goto(`${server.url}/kontaktcenter/`);
      expect(await page.locator('h1').innerText()).toContain('Kontaktcenter');
      expect(await seriousViolations(page)).toEqual([]);
      // The form works from the page itself (same-origin); this server's store does not exist: a 503 with a reason.
      await page.getByLabel('Ärendenummer').fill('T-2');
      await page.getByLabel('Syfte med sökningen (krävs)').fill('Personen frågar om utbetalningen');
      await page.getByRole('button', { name: 'Visa ärendestatus' }).click();
      await expect(page.locator('[role="alert"]').innerText()).resolves.toContain('Ärendestatus kan inte visas');
    } finally {
      await staff.close();
    }
  });

  it('the lookup exists on this server but answers 403 to a resident’s browser', async () => {
    needBrowser();
    const page = await context.newPage();
    const response = await page.request.post(`${server.url}/kontaktcenter/api/arende`, { data: { caseId: 'T-2', purpose: 'nyfiken invånare' } });
    expect(response.status()).toBe(403);
    await page.close();
    // That request was the test's own, not the page's: take it out of the page requests checked afterwards.
    requested.splice(requested.findIndex((u) => u.includes('/kontaktcenter/')), 1);
  });
});
