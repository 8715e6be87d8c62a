/**
 * The HTML report (docs/compare.md) opened in a real Chromium: the figures shown are the summary's,
 * the charts' bars carry and are drawn to the summary's numbers, nothing is fetched from anywhere,
 * it prints, and axe-core finds no accessibility violations.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDir, writeInput } from '../batch/support.ts';
import { axeViolations, launchBrowser } from '../support/browser.ts';
import { ROOT } from '../support/engine.ts';

const dir = tempDir();
const report = join(dir, 'report.html');
let summary: Record<string, any>;
let browser: Browser;
let page: Page;
const requests: string[] = [];

/** Swedish figures, written independently of the report's own formatting. */
const n = (x: number) => x.toLocaleString('en-US').replace(/,/g, ' ');
function sek(amount: string): string {
  const negative = amount.startsWith('-');
  const [whole, frac] = (negative ? amount.slice(1) : amount).split('.');
  return `${negative ? '−' : ''}${n(Number(whole))}${frac ? `,${frac.padEnd(2, '0')}` : ''} kr`;
}

beforeAll(async () => {
  const input = join(dir, 'in.ndjson');
  writeInput(input, 1500, 21, '2026-03', 0.01);
  const r = (await cli(['compare', '--in', input, '--base', 'current', '--reform', `${ROOT}fixtures/overlays/ceiling-jobbstimulans-cap-2026.json`, '--out', join(dir, 'diff.ndjson'), '--report', report, '--workers', '0']));
  expect(r.status).toBe(0);
  summary = JSON.parse(r.stdout);
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on('request', (req) => requests.push(req.url()));
  await page.goto(pathToFileURL(report).href);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

const text = (selector: string) => page.locator(selector).innerText();
const cells = (tableId: string) => page.$$eval(`#${tableId} tbody tr`, (rows) => rows.map((r) => [...r.children].map((c) => (c as unknown as { innerText: string }).innerText.trim())));

describe('compare report', () => {
  it('shows the summary’s key figures', async () => {
    expect(await text('#key-households')).toBe(n(summary['households']));
    expect(await text('#key-cost-base')).toBe(sek(summary['cost'].total.base));
    expect(await text('#key-cost-reform')).toBe(sek(summary['cost'].total.reform));
    expect(await text('#key-cost-difference')).toBe(`${summary['cost'].total.difference.startsWith('-') ? '' : '+'}${sek(summary['cost'].total.difference)}`);
    expect(await text('#key-losers')).toBe(n(summary['losers'].households));
    expect(await text('#key-children-losing')).toBe(n(summary['losers'].children));
    const month = (await cells('cost-by-month'))[0]!;
    expect(month.slice(0, 4)).toEqual(['2026-03', n(summary['cost'].byMonth[0].households), sek(summary['cost'].byMonth[0].base), sek(summary['cost'].byMonth[0].reform)]);
    expect((await cells('cost-annualised'))[0]!.slice(1, 3)).toEqual([sek(summary['cost'].annualised.base), sek(summary['cost'].annualised.reform)]);
  });

  it('shows every outcome transition of the summary', async () => {
    const rows = await cells('transitions');
    const order = ['approve', 'partial', 'deny', 'needs-information'];
    order.forEach((from, i) => {
      order.forEach((to, j) => {
        const t = summary['outcomes'].transitions.find((x: { from: string; to: string }) => x.from === from && x.to === to);
        expect(rows[i]![j + 1]).toBe(n(t?.households ?? 0));
      });
      expect(rows[i]![5]).toBe(n(summary['outcomes'].base[from]));
    });
    expect(summary['outcomes'].changed).toBeGreaterThan(0);
  });

  it('shows winners, losers and children by household type and by the applicant’s gender', async () => {
    const types = await cells('by-household-type');
    summary['byHouseholdType'].forEach((t: Record<string, any>, i: number) => {
      expect(types[i]!.slice(1)).toEqual([n(t['households']), n(t['winners']), n(t['losers']), n(t['unchanged']), sek(t['base']), sek(t['reform']), `${t['difference'].startsWith('-') || t['difference'] === '0' ? '' : '+'}${sek(t['difference'])}`, n(t['childrenInLosingHouseholds'])]);
    });
    const children = await cells('children-affected');
    ['female', 'male', 'other', 'unknown'].forEach((g, i) => {
      expect(children[i]!.slice(1)).toEqual([n(summary['losers'].byApplicantGender[g].households), n(summary['losers'].byApplicantGender[g].children), n(summary['winners'].byApplicantGender[g].households), n(summary['winners'].byApplicantGender[g].children)]);
    });
    expect(children[4]!.slice(1)).toEqual([n(summary['losers'].households), n(summary['losers'].children), n(summary['winners'].households), n(summary['winners'].children)]);
  });

  it('draws the histogram from the summary: every changed household in exactly one bar', async () => {
    const bars = await page.$$eval('#histogram rect[data-households]', (rs) => rs.map((r) => ({ households: Number(r.getAttribute('data-households')), height: Number(r.getAttribute('height')) })));
    expect(bars.reduce((s, b) => s + b.households, 0)).toBe(summary['winners'].households + summary['losers'].households);
    const tallest = bars.reduce((a, b) => (b.households > a.households ? b : a));
    for (const b of bars) expect(b.height).toBeCloseTo((tallest.height * b.households) / tallest.households, 0);
    const table = await cells('histogram-table');
    expect(table.reduce((s, r) => s + Number(r[2]!.replace(/ /g, '')), 0)).toBe(summary['winners'].households + summary['losers'].households);
  });

  it('draws the cost bars to the summary’s amounts', async () => {
    const bars = await page.$$eval('#cost-by-type rect[data-type]', (rs) => rs.map((r) => ({ type: r.getAttribute('data-type'), side: r.getAttribute('data-side'), kronor: r.getAttribute('data-kronor'), height: Number(r.getAttribute('height')) })));
    expect(bars).toHaveLength(summary['byHouseholdType'].length * 2);
    for (const t of summary['byHouseholdType']) {
      expect(bars.find((b) => b.type === t.type && b.side === 'base')!.kronor).toBe(t.base);
      expect(bars.find((b) => b.type === t.type && b.side === 'reform')!.kronor).toBe(t.reform);
    }
    const tallest = bars.reduce((a, b) => (Number(b.kronor) > Number(a.kronor) ? b : a));
    for (const b of bars) expect(b.height).toBeCloseTo((tallest.height * Number(b.kronor)) / Number(tallest.kronor), 0);
  });

  it('embeds the summary as data, and loads nothing from anywhere', async () => {
    const embedded = JSON.parse(await page.locator('#compare-summary').textContent() ?? '');
    expect(embedded).toEqual(summary);
    expect(requests.every((u) => u.startsWith('file:'))).toBe(true);
    expect(requests).toHaveLength(1);
    const html = readFileSync(report, 'utf8');
    expect(html).not.toMatch(/<script(?![^>]*application\/json)/);
    expect(html).not.toMatch(/(src|href)="https?:/);
  });

  it('prints (A4 PDF) with every section', async () => {
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await page.locator('section').count()).toBe(6);
    await page.emulateMedia({ media: 'screen' });
  });

  it('has no accessibility violations (axe-core)', async () => {
    expect((await axeViolations(page)).map((v) => `${v.id} (${v.targets.length})`)).toEqual([]);
  });
});
