/**
 * The letter in the case view, in a real browser (issue 21 items 2 and 4): a refusal touching children
 * asks for the child's views and the weighing per child, by name or "Barnet som är 7 år", reachable by
 * Tab; registering without them shows the server's message at the child's field; with them the
 * decision is registered and the case view names the stored letter and its sha256, and its link gives
 * the A4 PDF made by the server's builder; before the decision the proposal's letter is a PDF from the
 * server too. axe-core finds nothing serious.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../batch/support.ts';
import { axeViolations, seriousOnes } from '../support/browser.ts';
import { staffPages } from './support/staffPages.ts';
import { letterheadRules, STAFF_DIRECTORY } from './support/letterhead.ts';
import { Keys, workdayPage } from './support/keyboard.ts';
import { DECIDER, morning, type Morning } from './support/workday.ts';

const dir = tempDir();
let m: Morning;
const web = staffPages(dir, async () => {
  m = await morning(dir, 30, 5);
  // The municipalities' nämnd details and the staff directory a letter to send needs (support/letterhead.ts).
  return { rulebook: letterheadRules([], join(dir, 'rules')).book, storePath: m.store, staffDirectory: STAFF_DIRECTORY };
});
const { chromium } = web;

describe('the letter in the case view', () => {
  it('asks per child, refuses without the answers at the child\'s field, registers with them and gives the stored PDF', async () => {
    const { page, errors } = await workdayPage(chromium, DECIDER);
    page.setDefaultTimeout(20_000);
    // By keyboard: Tab (or Shift+Tab) until the element has focus (support/keyboard.ts).
    const keys = new Keys(page);
    await page.goto(`${web.server.url}/queue`);
    const id = (await page.evaluate(`fetch('/api/queue?pageSize=200').then((r) => r.json()).then((q) => (q.items.find((i) => i.outcome === 'deny' && i.hasChildren) ?? q.items.find((i) => i.outcome === 'partial' && i.hasChildren))?.decisionId ?? null)`)) as string | null;
    expect(id, 'the morning has a refusal touching children').not.toBeNull();
    await page.goto(`${web.server.url}/arende/${id}`);
    await page.locator('#register').waitFor();
    const fields = await page.locator('.w-child-answers textarea').evaluateAll((els) => els.map((e) => ({ id: e.id, label: e.labels?.[0]?.textContent ?? '', required: e.getAttribute('aria-required') })));
    expect(fields.length).toBeGreaterThanOrEqual(2);
    for (const f of fields) {
      expect(f.required).toBe('true');
      expect(f.label).toMatch(/^(Barnet som är \d+ år|[^:]+, \d+ år)( \(född [^)]+\))?: /);
    }
    expect(seriousOnes(await axeViolations(page))).toEqual([]);
    // Before the decision, the proposal's letter as the server prints it.
    const proposalPdf = (await page.evaluate(`fetch('/api/cases/${id}/letter').then(async (r) => { const b = new Uint8Array(await r.arrayBuffer()); return { type: r.headers.get('content-type'), head: String.fromCharCode(...b.slice(0, 5)) }; })`)) as { type: string; head: string };
    expect(proposalPdf).toEqual({ type: 'application/pdf', head: '%PDF-' });
    expect(await page.locator('#proposal-letter-pdf').getAttribute('href')).toBe(`/api/cases/${id}/letter`);

    // Every point marked, the children's fields left empty: the server names the first child's field.
    await page.locator('body').click({ position: { x: 1, y: 1 } });
    for (const comment of await page.locator('[id^="comment-"]').evaluateAll((els) => els.map((e) => e.id))) {
      await keys.focus(`#${comment}`);
      await page.keyboard.type('Bedömd.');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Space');
    }
    for (const account of await page.locator('input[id$="-number"]').evaluateAll((els) => els.filter((e) => (e as unknown as { value: string }).value === '').map((e) => e.id))) {
      await page.locator('.w-details > summary').click();
      await page.locator(`#${account}`).fill('8327-9, 987654321-0');
    }
    await keys.focus('#register');
    await page.keyboard.press('Enter');
    const first = fields[0]!;
    await page.locator(`#${first.id}[aria-invalid="true"]`).waitFor();
    expect(await page.locator(`#${first.id}-error`).textContent()).toContain('saknas för');
    expect(seriousOnes(await axeViolations(page))).toEqual([]);

    // The answers, by keyboard, each field reached by Tab.
    for (const f of fields) {
      await keys.focus(`#${f.id}`);
      await page.keyboard.type(f.id.startsWith('child-child-view') ? 'Barnet har hörts och vill bo kvar.' : 'Barnens del beviljas; avslaget gäller den vuxne.');
    }
    await keys.focus('#register');
    await page.keyboard.press('Enter');
    await page.locator('#registered-title').waitFor();
    await page.locator('#letter-download').waitFor({ timeout: 60_000 });
    const hash = (await page.locator('.w-hash code').textContent())!;
    expect(hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(seriousOnes(await axeViolations(page))).toEqual([]);

    // The link gives the stored PDF, byte for byte what the hash says.
    const href = (await page.locator('#letter-download').getAttribute('href'))!;
    const got = (await page.evaluate(`fetch(${JSON.stringify(href)}).then(async (r) => { const b = new Uint8Array(await r.arrayBuffer()); const d = new Uint8Array(await crypto.subtle.digest('SHA-256', b)); return { type: r.headers.get('content-type'), head: String.fromCharCode(...b.slice(0, 5)), size: b.length, sha: 'sha256:' + [...d].map((x) => x.toString(16).padStart(2, '0')).join('') }; })`)) as { type: string; head: string; size: number; sha: string };
    expect(got).toMatchObject({ type: 'application/pdf', head: '%PDF-', sha: hash });
    expect(got.size).toBeGreaterThan(10_000);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);
});
