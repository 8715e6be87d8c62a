/**
 * The caseworker page's handling time and begäran om komplettering in a real browser (issue 30): the
 * queue shows each case's due day and working days used (a column, sortable), the case view shows them
 * in its summary, and a caseworker records a begäran om komplettering and then its answer by keyboard
 * only, and an appeal of a registered decision received, reviewed and forwarded the same way. The server's day is pinned (10 March 2026; arrival in the store 2 March or earlier). axe-core:
 * nothing serious or critical on the queue and on the case view with the forms open.
 */
import { describe, expect, it } from 'vitest';
import { workingDaysUsed } from '../../src/monthly/workdays.ts';
import type { Decision } from '../../src/explain/contract.ts';
import { eventsOf } from '../../src/store/caseEvents.ts';
import { CaseWork } from '../../src/store/casework.ts';
import { renderedDecision } from '../../src/store/read.ts';
import { tempDir } from '../batch/support.ts';
import { axeViolations, seriousOnes } from '../support/browser.ts';
import { book } from '../support/engine.ts';
import { staffPages } from './support/staffPages.ts';
import { Keys, workdayPage } from './support/keyboard.ts';
import { CASEWORKER, morning, storeProblems, type Morning } from './support/workday.ts';
import { lookAt, registerOn } from '../casework/support.ts';

const dir = tempDir();
let m: Morning;
const TODAY = '2026-03-10';
const web = staffPages(dir, async () => {
  m = await morning(dir, 8, 12);
  return { rulebook: book, storePath: m.store, clock: () => new Date(`${TODAY}T09:00:00Z`) };
});
const { chromium } = web;

describe('due day and working days used on the caseworker page', () => {
  it('the queue and the case view show them; a begäran om komplettering and its answer recorded by keyboard stop and restart the clock', async () => {
    const { page, errors } = await workdayPage(chromium, CASEWORKER);
    await page.goto(`${web.server.url}/queue?sort=daysUsed&order=desc`);
    await page.locator('#queue tbody tr').first().waitFor();
    expect(seriousOnes(await axeViolations(page))).toEqual([]);
    const rows = await page.locator('#queue tbody tr').evaluateAll((trs) => trs.map((tr) => ({ caseId: /Öppna (\S+)/.exec(tr.querySelector('th')!.textContent!)![1]!, due: tr.children[1]!.textContent!, days: tr.querySelector('[data-days]')!.getAttribute('data-days')! })));
    expect(rows.length).toBeGreaterThan(0);
    expect(await page.locator('#queue th[aria-sort]').getAttribute('aria-sort')).toBe('descending');
    expect(await page.locator('#queue th[aria-sort] a').getAttribute('href')).toBe('/queue?sort=daysUsed');
    const days = rows.map((r) => Number(r.days));
    expect(days).toEqual([...days].sort((a, b) => b - a));
    const cw = CaseWork.open(m.store, { readonly: true });
    const first = cw.proposalsOf('2026-03').find((p) => p.caseId === rows[0]!.caseId)!;
    cw.close();
    const routing = JSON.parse(first.routing!) as { receivedOn: string; dueOn: string };
    expect(Number(rows[0]!.days)).toBe(workingDaysUsed(routing.receivedOn, TODAY));
    expect(rows[0]!.due).toContain(`${Number(routing.dueOn.slice(8))} mars 2026`);

    // Open the first case by keyboard and send a begäran om komplettering.
    const keys = new Keys(page);
    await keys.focus('#open-first');
    await keys.press('Enter');
    await page.locator('#summary-days').waitFor();
    expect(await page.locator('#summary-days').textContent()).toBe(`${workingDaysUsed(routing.receivedOn, TODAY)} av 5 arbetsdagar`);
    await keys.focus('#completion-form > summary');
    await keys.press('Enter');
    await keys.focus('#sentOn');
    expect(await page.locator('#sentOn').inputValue()).toBe(TODAY);
    await keys.focus('#completion-request');
    await keys.type('Hyresavtal och kontoutdrag');
    await keys.focus('#answerBy');
    await keys.type('2026-03-24');
    expect(seriousOnes(await axeViolations(page))).toEqual([]);
    await keys.focus('#send-completion');
    await keys.press('Enter');
    await page.locator('#completions li').waitFor();
    expect(await page.locator('#completions').textContent()).toContain('Hyresavtal och kontoutdrag');
    expect(await page.locator('#summary-due').textContent()).toBe('väntar på komplettering');
    expect(await page.evaluate('document.activeElement?.id')).toBe('completion-title');

    // The completion arrives today: the clock runs again.
    await keys.focus('#record-answer');
    await keys.press('Enter');
    await page.locator('#completions', { hasText: 'Kompletteringen kom in' }).waitFor();
    expect(await page.locator('#summary-due').textContent()).not.toBe('väntar på komplettering');
    expect(seriousOnes(await axeViolations(page))).toEqual([]);
    expect(keys.total).toBeLessThan(80);
    expect(errors).toEqual([]);
    await page.context().close();
    expect(storeProblems(m.store)).toEqual([]);
  }, 180_000);

  it('an appeal of a registered decision received and taken through omprövning and forwarding by keyboard; axe with the forms open', async () => {
    // A decision registered today on a March proposal that has no begäran om komplettering.
    const cw = CaseWork.open(m.store);
    let decisionId: string;
    let proposalId: string;
    try {
      const record = [...cw.store.records()].filter((r) => r.period === '2026-03' && !CaseWork.isRegistration(r)).find((r) => {
        const d = renderedDecision(cw.store, r) as Decision;
        return d.outcome !== 'needs-information' && cw.lineage(r.caseId!, r.period).length === 0 && cw.newestProposal(r.caseId!, r.period) === r.decisionId && !eventsOf(cw, r.caseId!, r.period).completions.length;
      })!;
      proposalId = record.decisionId;
      decisionId = registerOn(cw, record.decisionId, renderedDecision(cw.store, record) as Decision, TODAY, '2026-03-11', 7);
    } finally {
      cw.close();
    }
    const { page, errors } = await workdayPage(chromium, CASEWORKER);
    await page.goto(`${web.server.url}/arende/${proposalId}`);
    await page.locator('#registered-title').waitFor();
    const keys = new Keys(page);
    await keys.focus('#appeal-form > summary');
    await keys.press('Enter');
    await keys.focus('#appeal-receivedOn');
    expect(await page.locator('#appeal-receivedOn').inputValue()).toBe(TODAY);
    expect(seriousOnes(await axeViolations(page))).toEqual([]);
    // The notification day is left empty: not known, so whether it came in time is not guessed.
    await keys.focus('#record-appeal');
    await keys.press('Enter');
    await page.locator('#appeals li').waitFor();
    expect(await page.locator('#appeals').textContent()).toContain('okänt om det kom in i tid');
    expect(await page.locator('#appeal-step').inputValue()).toBe('review');
    expect(seriousOnes(await axeViolations(page))).toEqual([]);
    await keys.focus('#record-appeal-step');
    await keys.press('Enter');
    await page.locator('#appeals', { hasText: 'Beslutet står fast' }).waitFor();
    expect(await page.locator('#appeal-step').inputValue()).toBe('forward');
    await keys.focus('#record-appeal-step');
    await keys.press('Enter');
    await page.locator('#appeals', { hasText: 'Överlämnat till förvaltningsrätten' }).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
    const look = lookAt(m.store, (await (await fetch(`${web.server.url}/api/cases/${proposalId}`, { headers: CASEWORKER })).json() as { caseId: string }).caseId, `${TODAY}T12:00:00Z`);
    expect(look.status).toMatchObject({ state: 'appealed', appeal: { decisionId, receivedOn: TODAY, inTime: 'unknown', forwardedOn: TODAY } });
    expect(storeProblems(m.store)).toEqual([]);
  }, 180_000);
});
