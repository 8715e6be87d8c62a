/**
 * The caseworker preview in a real browser: headless Chromium driven by playwright-core.
 * A caseworker types research example E2 (single parent, two children, rent above the reasonable
 * level) into the form; the page must show the same amounts as the API's JSON for that household,
 * the barnkonsekvens prompts, an error next to a wrong birth date, load a fixture from the list,
 * and print and download the decision.
 *
 * Chromium: test/support/browser.ts ($CHROMIUM_PATH, else the Chromium bundled by @sparticuz/chromium).
 * Without one this file FAILS: a browser test that silently skips proves nothing.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { krSv } from '../../src/explain/format.ts';
import { startServer, type RunningServer } from '../../src/web/server.ts';
import { launchBrowser } from '../support/browser.ts';
import { book, fixture, ROOT } from '../support/engine.ts';

const E2 = 'e2-single-parent-rent-above-ceiling-2023';
const E3 = 'e3-couple-two-children-jobbstimulans-2023';
const RESULTS = `${ROOT}test-results`;
const WAIT = { timeout: 15_000 };

let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

let missingBrowser: Error | null = null;

beforeAll(async () => {
  try {
    browser = await launchBrowser();
  } catch (error) {
    // Not thrown here: then vitest would report the tests as skipped. Each test fails with this instead.
    missingBrowser = error as Error;
    return;
  }
  storePath = join(mkdtempSync(join(tmpdir(), 'page-store-')), 'records.sqlite');
  server = await startServer({ rulebook: book, port: 0, host: '127.0.0.1', storePath });
  page = await fresh({ width: 1440, height: 1000 });
  mkdirSync(RESULTS, { recursive: true });
});

let storePath: string;

/** A page in its own browser context (its own sessionStorage), watched for script errors. */
async function fresh(viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, acceptDownloads: true, locale: 'sv-SE' });
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
function needBrowser(): void {
  if (missingBrowser) throw missingBrowser;
}

afterEach(() => {
  // Any script error or failed resource in the page fails the test that caused it.
  expect(pageErrors.splice(0)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The API's decision for a household, as raw text and parsed. */
async function apiDecision(household: unknown) {
  const response = await fetch(`${server.url}/api/calculate`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(household) });
  expect(response.status).toBe(200);
  const text = await response.text();
  return { text, decision: JSON.parse(text) };
}

/** Waits until the page has answered the latest change with the given state. */
async function settled(state: 'ok' | 'invalid') {
  await page.locator(`#result[data-state="${state}"]`).waitFor(WAIT);
}

/** The visible text of an element (waits for it to exist). */
async function text(locator: Locator): Promise<string> {
  await locator.waitFor({ state: 'attached' });
  return ((await locator.textContent()) ?? '').trim();
}

const amount = (field: string, p: Page = page) => p.locator(`#result [data-amount="${field}"]`).first();

/** Picks an example and loads it with "Ladda exempel", saying yes if the page asks to replace typed data. */
async function loadExample(p: Page, name: string): Promise<void> {
  await p.getByLabel('Exempelhushåll').selectOption(name);
  const accept = (d: import('playwright-core').Dialog) => void d.accept();
  p.once('dialog', accept);
  await p.getByRole('button', { name: 'Ladda exempel' }).click();
  await p.locator('#result[data-state="ok"]').waitFor(WAIT);
  p.off('dialog', accept);
}

/** Writes an answer to every barnkonsekvens question that must be answered. */
async function answerRequired(p: Page, decision: { childImpact: { prompts: { id: string; requiresAnswer: boolean; number: number }[] } }): Promise<void> {
  for (const prompt of decision.childImpact.prompts.filter((x) => x.requiresAnswer)) {
    await p.locator(`#answer-${prompt.id}`).fill(`Svar ${prompt.number}: bedömt tillsammans med föräldern.`);
  }
}
const row = (list: string, index: number): Locator => page.locator(`[data-list="${list}"] > [data-row]`).nth(index);

describe('caseworker preview in chromium', () => {
  it('shows the API’s numbers for example E2 typed into the form, its barnkonsekvens, and prints and downloads the decision', async () => {
    needBrowser();
    const expected = fixture(`${E2}.json`) as {
      members: { birthDate: string }[];
      incomes: { type: string; amount: string }[];
      costs: { type: string; amount: string }[];
    };
    const { text: apiText, decision } = await apiDecision(expected);

    await page.goto(`${server.url}/`);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.locator('#result').getAttribute('data-state')).toBe('empty');

    await page.getByLabel('Månad', { exact: true }).fill('2023-03');
    await page.getByLabel('Kommunkod').fill('0821');
    await page.getByLabel('Ärendenummer').fill('E2');

    // The applicant row is there from the start; the children are added with their button.
    await row('members', 0).getByLabel('Födelsedatum').pressSequentially('1984-11-02');
    await row('members', 0).getByLabel('Kön').selectOption('female');
    for (const [i, child] of [[1, '2014-06-10'], [2, '2010-09-01']] as const) {
      await page.getByRole('button', { name: 'Lägg till barn' }).click();
      expect(await row('members', i).getByLabel('Id').inputValue()).toBe(`c${i}`);
      await row('members', i).getByLabel('Födelsedatum').pressSequentially(child);
    }

    for (const [i, income] of expected.incomes.entries()) {
      await page.getByRole('button', { name: 'Lägg till inkomst' }).click();
      await row('incomes', i).getByLabel('Typ').selectOption(income.type);
      await row('incomes', i).getByLabel('Belopp (kr)').fill(income.amount);
      expect(await row('incomes', i).getByLabel('Person').inputValue()).toBe('a1');
    }
    for (const [i, cost] of expected.costs.entries()) {
      await page.getByRole('button', { name: 'Lägg till kostnad' }).click();
      await row('costs', i).getByLabel('Typ').selectOption(cost.type);
      await row('costs', i).getByLabel('Belopp (kr)').pressSequentially(cost.amount);
    }
    await page.locator('#availableForWork').selectOption('true');
    await page.getByLabel('Månader i följd med försörjningsstöd').fill('0');
    await page.getByLabel('Skälig hyresnivå (kr)').fill('7 416');

    await settled('ok');
    // The form built exactly the household of the fixture, so the decision is the same.
    expect(JSON.parse(await page.locator('#household-json').textContent() ?? '')).toEqual(expected);

    expect(await text(page.locator('#result .outcome__label'))).toBe('Förslag: Delvis bifall');
    expect(decision.outcome).toBe('partial');
    for (const [field, value, shown] of [
      ['norm.total', decision.norm.total, '12 340 kr'],
      ['need', decision.need, '20 386 kr'],
      ['payable', decision.payable, '2 636 kr'],
      ['costs.items.0.refused', decision.costs.refused, '484 kr'],
      ['costs.accepted', decision.costs.accepted, '8 046 kr'],
      ['income.counted', `-${decision.income.counted}`, '−17 750 kr'],
    ] as const) {
      expect(krSv(value), field).toBe(shown);
      expect(await text(amount(field)), field).toBe(shown);
    }
    for (const [i, m] of (decision.norm.members as { amount: string }[]).entries()) expect(await text(amount(`norm.members.${i}.amount`))).toBe(krSv(m.amount));
    expect(await text(page.locator('#r-costs'))).toContain(decision.costs.items[0].reason);
    expect(await text(page.locator('#r-reasons'))).toContain('4 kap. 3 § första stycket 2 SoL (2001:453)');
    expect(await text(page.locator('#result-summary'))).toBe('Förslag: Delvis bifall. Att betala 2 636 kr. Behov 20 386 kr.');

    // Barnkonsekvens: every prompt with its question, its data and whether it must be answered.
    const prompts = decision.childImpact.prompts as { id: string; question: string; data: string | null; requiresAnswer: boolean }[];
    expect(await page.locator('#r-children [data-prompt]').count()).toBe(prompts.length);
    for (const p of prompts) {
      const item = page.locator(`#r-children [data-prompt="${p.id}"]`);
      expect(await item.isVisible(), p.id).toBe(true);
      const shown = await text(item);
      expect(shown).toContain(p.question);
      // The children by role and birth year, never by their internal ids.
      if (p.data) expect(shown).toContain(p.data.replace(/\bc1\b/g, 'Barn, f. 2014').replace(/\bc2\b/g, 'Barn, f. 2010'));
      expect(shown).not.toMatch(/\bc[12]\b/);
      expect(shown.includes('Ska besvaras'), p.id).toBe(p.requiresAnswer);
    }
    const children = await text(page.locator('#r-children'));
    expect(children).toContain('161,33 kr');
    for (const a of decision.childImpact.alternatives as { text: string }[]) expect(children).toContain(a.text);

    // The full trace, with each parameter's status.
    await page.locator('#r-trace > summary').click();
    await page.locator('#r-trace .trace__step').first().waitFor();
    expect(await page.locator('#r-trace .trace__step').count()).toBe(decision.trace.length);
    expect(await text(page.locator('#r-trace .status--verified').first())).toBe('verifierad');

    await page.evaluate('window.scrollTo(0, 0); document.querySelector("#result").scrollTo(0, 0)');
    await page.screenshot({ path: `${RESULTS}/web-preview.png` });
    // The result panel scrolls within the window: a tall window shows all of it in one image.
    await page.setViewportSize({ width: 1440, height: 4800 });
    await page.screenshot({ path: `${RESULTS}/web-preview-full.png`, fullPage: true });
    await page.setViewportSize({ width: 1440, height: 1000 });

    // A partial refusal with children: the letter waits for the barnkonsekvens answers.
    expect(await page.getByRole('button', { name: 'Ladda ner brevet (.txt)' }).isDisabled()).toBe(true);
    await answerRequired(page, decision);
    // Downloads: the proposal JSON is the API's bytes; the text is the letter to the applicant.
    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ladda ner förslag (JSON)' }).click()]);
    expect(json.suggestedFilename()).toBe('forsorjningsstod-E2-2023-03-forslag.json');
    expect(readFileSync(await json.path(), 'utf8')).toBe(apiText);
    const [txt] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ladda ner brevet (.txt)' }).click()]);
    expect(txt.suggestedFilename()).toBe('forsorjningsstod-E2-2023-03-brev.txt');
    const letter = readFileSync(await txt.path(), 'utf8');
    expect(letter.startsWith('FÖRSLAG TILL BESLUT')).toBe(true);
    expect(letter).toContain(await page.locator('#letter-text').inputValue());

    // Print view: the letter alone (how to appeal, no breakdown); the worksheet alone; no form.
    await page.evaluate('window.print = () => {}');
    await page.getByRole('button', { name: 'Skriv ut förslag' }).click();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#household-form').isVisible()).toBe(false);
    expect(await page.locator('#print-letter').isVisible()).toBe(true);
    expect(await page.locator('#worksheet-print').isVisible()).toBe(false);
    expect(await text(page.locator('#print-letter'))).toContain('Hur man överklagar');
    await page.screenshot({ path: `${RESULTS}/web-print.png`, fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('button', { name: 'Skriv ut arbetsunderlag' }).click();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#print-letter').isVisible()).toBe(false);
    expect(await text(page.locator('#worksheet-print'))).toContain('2 636 kr');
    expect(await text(page.locator('#worksheet-print'))).toContain('Internt arbetsunderlag');
    await page.emulateMedia({ media: 'screen' });
    expect(await page.locator('#print-letter').isVisible()).toBe(false);
  });

  it('shows an invalid birth date next to its field, and clears it when corrected', async () => {
    needBrowser();
    // Continues from the household typed above.
    const birthDate = row('members', 1).getByLabel('Födelsedatum');
    await birthDate.fill('2023-02-30');
    await settled('invalid');
    // Checked when the field is left, not while typing.
    expect(await birthDate.locator('xpath=ancestor::div[contains(@class, "field")][1]').locator('.field-error').isVisible()).toBe(false);
    await birthDate.press('Tab');
    const field = birthDate.locator('xpath=ancestor::div[contains(@class, "field")][1]');
    const error = field.locator('.field-error');
    expect(await error.isVisible()).toBe(true);
    expect(await text(error)).toContain('Datumet finns inte');
    expect(await birthDate.getAttribute('aria-invalid')).toBe('true');
    // Next to the field: right below the input, in the same column.
    const input = (await birthDate.boundingBox())!;
    const message = (await error.boundingBox())!;
    expect(message.y - (input.y + input.height)).toBeGreaterThanOrEqual(0);
    expect(message.y - (input.y + input.height)).toBeLessThan(40);
    expect(Math.abs(message.x - input.x)).toBeLessThan(4);
    // Referenced by the input for screen readers, and listed with a link in the result.
    expect((await birthDate.getAttribute('aria-describedby')) ?? '').toContain((await error.getAttribute('id')) ?? '-');
    expect(await text(page.locator('#result .problems [data-path="members[1].birthDate"]'))).toContain('Person 2: Födelsedatum');
    expect(await page.getByRole('button', { name: 'Ladda ner förslag (JSON)' }).isDisabled()).toBe(true);
    // The last proposal stays, dimmed and marked out of date, under the list of problems.
    expect(await page.locator('#result-body.is-stale .stale-note').isVisible()).toBe(true);
    expect(await text(amount('payable'))).toBe('2 636 kr');
    await birthDate.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${RESULTS}/web-preview-error.png` });

    await birthDate.fill('2014-06-10');
    await settled('ok');
    expect(await error.isVisible()).toBe(false);
    expect(await birthDate.getAttribute('aria-invalid')).toBeNull();
    expect(await text(amount('payable'))).toBe('2 636 kr');

    // Renaming a member (cleared, then retyped) carries its incomes along.
    const id = row('members', 0).getByLabel('Id');
    await id.fill('');
    await id.pressSequentially('sokande');
    await settled('ok');
    for (let i = 0; i < 4; i++) expect(await row('incomes', i).getByLabel('Person').inputValue()).toBe('sokande');
    expect(await text(amount('payable'))).toBe('2 636 kr');
    // On the way to "c1x" the id is for a moment the child's "c1": the incomes must not move to the
    // child (and then along with it), but wait on the applicant's last unique id ("c").
    await id.fill('');
    await id.pressSequentially('c1');
    await settled('invalid');
    expect(await text(page.locator('#result .problems [data-path="members[1].id"]'))).toContain('används redan');
    for (let i = 0; i < 4; i++) expect(await row('incomes', i).getByLabel('Person').inputValue()).toBe('c');
    await id.pressSequentially('x');
    await settled('ok');
    for (let i = 0; i < 4; i++) expect(await row('incomes', i).getByLabel('Person').inputValue()).toBe('c1x');
    expect(await text(amount('payable'))).toBe('2 636 kr');
  });

  it('loads a fixture from the list and shows its decision', async () => {
    needBrowser();
    const raw = fixture(`${E3}.json`);
    const { decision } = await apiDecision(raw);
    await loadExample(page, E3);
    expect(JSON.parse(await page.locator('#household-json').textContent() ?? '')).toEqual(raw);
    expect(await page.getByLabel('Månad', { exact: true }).inputValue()).toBe(raw['period']);
    expect(await page.locator('[data-list="members"] > [data-row]').count()).toBe((raw['members'] as unknown[]).length);
    expect(await text(page.locator('#result .outcome__label'))).toBe('Förslag: Bifall');
    expect(await text(amount('payable'))).toBe(krSv(decision.payable));
    expect(await text(amount('need'))).toBe(krSv(decision.need));
    // Jobbstimulans: the exempt part of the salary is shown.
    expect(await text(amount('income.items.0.exempt'))).toBe(krSv('3000'));
    // Every control of the (now larger) form has a label.
    const unlabelled = await page.evaluate(`[...document.querySelectorAll('#household-form input, #household-form select')].filter((el) => el.labels.length === 0).map((el) => el.outerHTML)`);
    expect(unlabelled).toEqual([]);
  });

  it('loads and shows every bundled fixture with the API’s outcome and payable', async () => {
    needBrowser();
    const names = readdirSync(`${ROOT}fixtures`).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
    const outcomes: Record<string, string> = { approve: 'Bifall', partial: 'Delvis bifall', deny: 'Avslag', 'needs-information': 'Uppgifter saknas' };
    for (const name of names) {
      const raw = fixture(`${name}.json`);
      const { decision } = await apiDecision(raw);
      await loadExample(page, name);
      expect(JSON.parse(await page.locator('#household-json').textContent() ?? ''), name).toEqual(raw);
      const word = Array.isArray(raw['incomes']) && raw['incomes'].length > 0 ? 'Förslag' : 'Preliminärt förslag';
      expect(await text(page.locator('#result .outcome__label')), name).toBe(`${word}: ${outcomes[decision.outcome]}`);
      expect(await text(amount('payable')), name).toBe(decision.payable === null ? 'Kan inte beräknas' : krSv(decision.payable));
      expect(await page.locator('#r-children').count(), name).toBe(decision.childImpact ? 1 : 0);
    }
  });
});
