/**
 * The workday pages in a real browser (issue 22), by keyboard only: a decision maker works 20 cases
 * of a monthly run from the queue — opens the first, writes a comment on and marks each flag, missing
 * fact and barnkonsekvens question, registers, goes on to the next case. Every key press is counted
 * per case (Tab and Shift+Tab, Enter, Space, characters typed) and written to
 * test-results/workday-keys.json (docs/workday.md records them). Each view is checked with axe-core
 * (0 serious or critical) and for reflow at 320 px (the document no wider than the viewport).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CaseWork } from '../../src/store/casework.ts';
import { tempDir } from '../batch/support.ts';
import { axeViolations, seriousOnes } from '../support/browser.ts';
import { book, ROOT } from '../support/engine.ts';
import { staffPages } from './support/staffPages.ts';
import { Keys, workdayPage } from './support/keyboard.ts';
import { DECIDER, morning, storeProblems, withCheckDigit, type Morning } from './support/workday.ts';

const dir = tempDir();
let m: Morning;
const CASES = 20;
const web = staffPages(dir, async () => {
  m = await morning(dir, 26, 7);
  return {
    rulebook: book,
    storePath: m.store,
    payer: { name: 'Sundsvalls kommun', organisationNumber: '2120002411', account: { scheme: 'bankgiro', number: withCheckDigit('100200') }, bic: null },
    // The letters made at registration are test/web/workday-letter-page.test.ts's; here the day's keys.
    printLetter: null,
  };
});
const { chromium } = web;

async function reflows(page: Page): Promise<boolean> {
  return (await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')) as boolean;
}

describe('the workday by keyboard', () => {
  it(`works ${CASES} cases of the monthly run: open the first, mark each point, register, next; every view passes axe`, async () => {
    const { page, errors } = await workdayPage(chromium, DECIDER);
    await page.goto(`${web.server.url}/queue`);
    await page.locator('#queue tbody tr').first().waitFor();
    expect(seriousOnes(await axeViolations(page))).toEqual([]);
    const firstCase = (await page.locator('#open-first').textContent())!;

    const perCase: { caseId: string; points: number; payments: number; tab: number; enter: number; space: number; typed: number; total: number }[] = [];
    let keys = new Keys(page);
    // Open the first case from the queue.
    await keys.focus('#open-first');
    await keys.press('Enter');
    for (let n = 0; n < CASES; n++) {
      await page.locator('#case-title').waitFor();
      await page.locator('#register').waitFor();
      const caseId = (await page.locator('#case-title').textContent())!.match(/C-[0-9]+/)![0];
      if (n === 0) expect(firstCase).toContain(caseId);
      if (n === 0) expect(seriousOnes(await axeViolations(page))).toEqual([]);
      // Each point: a comment and its check box (the page puts the focus on the first comment).
      const points = await page.locator('[id^="comment-"]').evaluateAll((els) => els.map((e) => e.id));
      for (const id of points) {
        await keys.focus(`#${id}`);
        await keys.type('Bedömd.');
        await keys.press('Tab');
        expect(await page.evaluate('document.activeElement?.id')).toBe(id.replace('comment-', 'mark-'));
        await keys.press(' ');
      }
      // A refusal touching children: the child's views and the weighing for each child (issue 21).
      const childFields = await page.locator('.w-child-answers textarea[aria-required="true"]').evaluateAll((els) => els.map((e) => e.id));
      for (const id of childFields) {
        await keys.focus(`#${id}`);
        await keys.type('Hörd.');
      }
      // A payee without an account on file (a new case; the decision line says "konto saknas"): the
      // details are opened and the account typed in.
      const accounts = await page.locator('input[id$="-number"]').evaluateAll((els) => els.filter((e) => (e as unknown as { value: string }).value === '').map((e) => e.id));
      if (accounts.length > 0) {
        expect(await page.locator('.w-decision-line').textContent()).toContain('konto saknas');
        await keys.focus('.w-details > summary');
        await keys.press('Enter');
      }
      for (const id of accounts) {
        await keys.focus(`#${id}`);
        await keys.type('8327-9, 987654321-0');
      }
      const payments = await page.locator('.w-payment').count();
      await keys.focus('#register');
      await keys.press('Enter');
      await page.locator('#registered-title').waitFor();
      if (n === 0) expect(seriousOnes(await axeViolations(page))).toEqual([]);
      perCase.push({ caseId, points: points.length, payments, tab: keys.tab, enter: keys.enter, space: keys.space, typed: keys.typed, total: keys.total });
      keys = new Keys(page);
      if (n < CASES - 1) {
        // To the next case of the queue.
        await keys.focus('#next-case');
        await keys.press('Enter');
        await page.waitForFunction(`!document.querySelector('#case-title')?.textContent?.includes(${JSON.stringify(caseId)})`);
      }
    }
    expect(new Set(perCase.map((c) => c.caseId)).size).toBe(CASES);
    expect(errors).toEqual([]);
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    writeFileSync(join(ROOT, 'test-results/workday-keys.json'), `${JSON.stringify(perCase, null, 2)}\n`);

    // The payments view after the day: axe and the registered orders listed.
    await page.goto(`${web.server.url}/utbetalningar`);
    await page.locator('main h1').waitFor();
    await page.waitForSelector('[data-state="ok"], table', { timeout: 15_000 });
    expect(seriousOnes(await axeViolations(page))).toEqual([]);
    await page.context().close();

    expect(storeProblems(m.store)).toEqual([]);
    const cw = CaseWork.open(m.store, { readonly: true });
    try {
      expect(cw.proposalsOf('2026-03').filter((p) => p.registered !== null).length).toBe(CASES);
    } finally {
      cw.close();
    }
  }, 300_000);

  it('reflow at 320 px: no view is wider than the viewport; at 390 px the amount to pay is in view', async () => {
    const { page, errors } = await workdayPage(chromium, DECIDER, 320, 640);
    await page.goto(`${web.server.url}/queue?status=all`);
    await page.locator('#queue tbody tr').first().waitFor();
    expect(await reflows(page)).toBe(true);
    const href = (await page.locator('#queue tbody tr th a').first().getAttribute('href'))!;
    await page.goto(`${web.server.url}${href}`);
    await page.locator('#case-title').waitFor();
    expect(await reflows(page)).toBe(true);
    expect(seriousOnes(await axeViolations(page))).toEqual([]);
    await page.goto(`${web.server.url}/utbetalningar`);
    await page.locator('main h1').waitFor();
    expect(await reflows(page)).toBe(true);
    await page.setViewportSize({ width: 390, height: 844 });
    const open = ((await page.evaluate(`fetch('/api/queue').then((r) => r.json()).then((q) => q.items[0]?.decisionId ?? null)`)) as string | null) ?? null;
    if (open) {
      await page.goto(`${web.server.url}/arende/${open}`);
      await page.locator('#summary-payable').waitFor();
      expect(await page.locator('#summary-payable').isVisible()).toBe(true);
      const box = (await page.locator('#summary-payable').boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);
});
