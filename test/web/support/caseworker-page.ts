/**
 * The caseworker page in a real browser, shared by the two e2e files (test/web/e2e*.test.ts, split so
 * that vitest runs them side by side): a server with its own store, headless Chromium driven by
 * playwright-core (test/support/browser.ts: $CHROMIUM_PATH, else the Chromium bundled by
 * @sparticuz/chromium), and the helpers the tests drive the page with. Without a browser every test
 * FAILS: a browser test that silently skips proves nothing.
 *
 * The state (server, browser, page, storePath) is exported as live bindings: a test file calls
 * useCaseworkerPage() once at the top, and reads them in its tests after the hooks have set them.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { DEFAULT_AUTH } from '../../../src/web/kontaktcenter/routes.ts';
import { startServer, type RunningServer } from '../../../src/web/server.ts';
import { AXE_WCAG_TAGS, axeViolations, seriousOnes, TestBrowser } from '../../support/browser.ts';
import { book, ROOT } from '../../support/engine.ts';

export const E2 = 'e2-single-parent-rent-above-ceiling-2023';
export const E3 = 'e3-couple-two-children-jobbstimulans-2023';
export const RESULTS = `${ROOT}test-results`;
export const WAIT = { timeout: 15_000 };

export let server: RunningServer;
export let browser: Browser;
export let page: Page;
const pageErrors: string[] = [];

const chromium = new TestBrowser();

export let storePath: string;

/** A page in its own browser context (its own sessionStorage), watched for script errors. */
export async function fresh(viewport: { width: number; height: number }): Promise<Page> {
  // Signed in as a caseworker, as the login proxy in front of the server would say (issue 22: "Till beslut").
  const context = await browser.newContext({ viewport, acceptDownloads: true, locale: 'sv-SE', extraHTTPHeaders: { 'X-Remote-User': 'Sam Handläggare', 'X-Remote-Groups': 'handlaggare' } });
  const p = await context.newPage();
  p.setDefaultTimeout(WAIT.timeout);
  p.on('pageerror', (error) => pageErrors.push(error.message));
  p.on('console', (message) => {
    // A 400 from /api/calculate is the API naming bad input: the page shows it next to the field.
    if (message.type() === 'error' && !/status of 400 \(Bad Request\)/.test(message.text())) pageErrors.push(message.text());
  });
  return p;
}

/** Fails the calling test when there is no browser to run it in. */
export function needBrowser(): void {
  chromium.need();
}



/** The API's decision for a household, as raw text and parsed. */
export async function apiDecision(household: unknown) {
  const response = await fetch(`${server.url}/api/calculate`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(household) });
  expect(response.status).toBe(200);
  const text = await response.text();
  return { text, decision: JSON.parse(text) };
}

/** Waits until the page has answered the latest change with the given state. */
export async function settled(state: 'ok' | 'invalid') {
  await page.locator(`#result[data-state="${state}"]`).waitFor(WAIT);
}

/** The visible text of an element (waits for it to exist). */
export async function text(locator: Locator): Promise<string> {
  await locator.waitFor({ state: 'attached' });
  return ((await locator.textContent()) ?? '').trim();
}

export const amount = (field: string, p: Page = page) => p.locator(`#result [data-amount="${field}"]`).first();

/** Picks an example and loads it with "Ladda exempel", saying yes if the page asks to replace typed data. */
export async function loadExample(p: Page, name: string): Promise<void> {
  await p.getByLabel('Exempelhushåll').selectOption(name);
  const accept = (d: import('playwright-core').Dialog) => void d.accept();
  p.once('dialog', accept);
  await p.getByRole('button', { name: 'Ladda exempel' }).click();
  await p.locator('#result[data-state="ok"]').waitFor(WAIT);
  p.off('dialog', accept);
}

/** Writes an answer to every barnkonsekvens question that must be answered. */
export async function answerRequired(p: Page, decision: { childImpact: { prompts: { id: string; requiresAnswer: boolean; number: number }[] } }): Promise<void> {
  for (const prompt of decision.childImpact.prompts.filter((x) => x.requiresAnswer)) {
    await p.locator(`#answer-${prompt.id}`).fill(`Svar ${prompt.number}: bedömt tillsammans med föräldern.`);
  }
}
export const row = (list: string, index: number): Locator => page.locator(`[data-list="${list}"] > [data-row]`).nth(index);

export const axe = (p: Page) => axeViolations(p, AXE_WCAG_TAGS);
export const serious = seriousOnes;

/** Contrast ratio of two CSS colours "rgb(r, g, b)" (WCAG relative luminance). */
export function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const x = Number(v) / 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

export const measurements: Record<string, unknown> = {};

export async function openPage(viewport = { width: 1366, height: 768 }): Promise<Page> {
  const p = await fresh(viewport);
  await p.goto(`${server.url}/`);
  await p.waitForSelector('body[data-ready="true"]');
  return p;
}

export const rowOf = (p: Page, list: string, index: number): Locator => p.locator(`[data-list="${list}"] > [data-row]`).nth(index);
export const householdSent = async (p: Page) => JSON.parse((await p.locator('#household-json').textContent()) ?? '{}') as Record<string, any>;

export async function openWith(household: Record<string, unknown>): Promise<Page> {
  const p = await fresh({ width: 1366, height: 768 });
  await p.addInitScript(`sessionStorage.setItem('bistand.forhandsberakning.v1', ${JSON.stringify(JSON.stringify({ form: { household, names: [] } }))})`);
  await p.goto(`${server.url}/`);
  await p.waitForSelector('body[data-ready="true"]');
  await p.locator('#result[data-state="ok"]').waitFor(WAIT);
  return p;
}

/** Waits for the recalculation a change just started. */
export async function recalculated(p: Page): Promise<void> {
  await p.locator('#result[data-state="ok"]').waitFor(WAIT);
}

export const parentAndChild = (period: string, months: number) => ({
  caseId: 'AK1',
  period,
  municipality: '0180',
  members: [
    { id: 'a1', role: 'applicant', birthDate: '1988-05-14' },
    { id: 'c1', role: 'child', birthDate: '2016-10-03' },
  ],
  incomes: [{ memberId: 'a1', type: 'salary', amount: '2000' }],
  costs: [{ type: 'rent', amount: '7000' }],
  circumstances: { availableForWork: true, consecutiveMonthsOnAssistance: months },
});

/** Starts the server and the browser before the file's tests, checks every test left no page error, and stops both after. */
export function useCaseworkerPage(): void {
  beforeAll(async () => {
    // Without a browser every test fails through needBrowser() (test/support/browser.ts says why not here).
    if (!(await chromium.launch())) return;
    browser = chromium.need();
    storePath = join(mkdtempSync(join(tmpdir(), 'page-store-')), 'records.sqlite');
    server = await startServer({ rulebook: book, port: 0, host: '127.0.0.1', storePath, staff: { storePath, auth: DEFAULT_AUTH } });
    page = await fresh({ width: 1440, height: 1000 });
    mkdirSync(RESULTS, { recursive: true });
  });
  afterEach(() => {
    // Any script error or failed resource in the page fails the test that caused it.
    expect(pageErrors.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await chromium.close();
    await server?.close();
  });
  afterAll(() => {
    if (Object.keys(measurements).length) writeFileSync(`${RESULTS}/web-measurements.json`, `${JSON.stringify(measurements, null, 2)}\n`);
  });
}
