/**
 * The monthly queue view: GET /api/queue from the decision store sorted by dueOn, GET
 * /api/queue/:id with the previous decision, and the queue page in a real browser (Chromium through
 * test/support/browser.ts), checked with axe-core.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthlyLines } from '../../bench/generate.ts';
import { createApp } from '../../src/web/app.ts';
import { startServer, type RunningServer } from '../../src/web/server.ts';
import { cli, tempDir } from '../batch/support.ts';
import { axeViolations, TestBrowser } from '../support/browser.ts';
import { book } from '../support/engine.ts';

const dir = tempDir();
const store = join(dir, 'records.sqlite');
let server: RunningServer | null = null;
const chromium = new TestBrowser();

beforeAll(async () => {
  const pairs = [...monthlyLines(40, 5, '2026-03')];
  writeFileSync(join(dir, 'feb.ndjson'), pairs.flatMap((p) => (p.previous ? [`${p.previous}\n`] : [])).join(''));
  writeFileSync(join(dir, 'mar.ndjson'), pairs.map((p) => `${p.current}\n`).join(''));
  for (const args of [
    ['batch', '--in', join(dir, 'feb.ndjson'), '--out', join(dir, 'feb.out'), '--record', '--store', store, '--workers', '1'],
    ['monthly', '--in', join(dir, 'mar.ndjson'), '--out', join(dir, 'mar.out'), '--store', store, '--workers', '1'],
  ]) {
    const r = await cli(args);
    if (r.status !== 0) throw new Error(r.stderr);
  }
  server = await startServer({ rulebook: book, port: 0, host: '127.0.0.1', storePath: store });
  await chromium.launch();
}, 120_000);

afterAll(async () => {
  await chromium.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const app = () => createApp({ rulebook: book, storePath: store });

describe('GET /api/queue', () => {
  it('lists the month’s proposals awaiting a person, sorted by dueOn', async () => {
    const res = await app().request('/api/queue');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { period: string; items: { dueOn: string; caseId: string; decisionId: string; to: string }[] };
    expect(body.period).toBe('2026-03');
    expect(body.items.length).toBe(40);
    expect(body.items.map((i) => i.dueOn)).toEqual([...body.items.map((i) => i.dueOn)].sort());
    const output = readFileSync(join(dir, 'mar.out'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(new Set(body.items.map((i) => i.caseId))).toEqual(new Set(output.map((o) => o.caseId)));
  });
  it('one proposal comes with last month’s decision and the comparison steps', async () => {
    const { items } = (await (await app().request('/api/queue')).json()) as { items: { decisionId: string; previousDecisionId: string | null }[] };
    const linked = items.find((i) => i.previousDecisionId !== null)!;
    const body = (await (await app().request(`/api/queue/${linked.decisionId}`)).json()) as { previous: { decisionId: string }; changes: { rule: string }[]; proposal: { routing: unknown } };
    expect(body.previous.decisionId).toBe(linked.previousDecisionId);
    expect(body.changes.some((s) => s.rule.startsWith('monthly/compare#'))).toBe(true);
  });
  it('bad requests are 400, unknown ids 404, no store 404', async () => {
    expect((await app().request('/api/queue?period=2026-13')).status).toBe(400);
    expect((await app().request('/api/queue/D-1')).status).toBe(400);
    expect((await app().request('/api/queue/D-99999999-0123456789abcdef')).status).toBe(404);
    const none = await createApp({ rulebook: book }).request('/api/queue');
    expect(none.status).toBe(404);
    expect(((await none.json()) as { errors: { code: string }[] }).errors[0]!.code).toBe('NO_STORE');
  });
});

describe('the queue page in a browser', () => {
  let page: Page;
  it('lists the cases by dueOn and opens a proposal with last month side by side; no axe violations', async () => {
    page = await chromium.need().newPage({ locale: 'sv-SE' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server!.url}/queue`);
    await page.locator('#queue tbody tr').first().waitFor({ timeout: 15_000 });
    const dues = await page.locator('#queue tbody tr td:first-child').allTextContents();
    expect(dues.length).toBe(40);
    const dates = dues.map((d) => d.slice(0, 10));
    expect(dates).toEqual([...dates].sort());
    // Open a case with a change: its row in the comparison is marked, both months shown.
    const changedRow = page.locator('#queue tbody tr', { hasText: /Ändrad kostnad|Ny person|Ändrad redovisad inkomst|Redovisad inkomst saknas/ }).first();
    await changedRow.getByRole('button').click();
    await page.locator('#detail').waitFor({ state: 'visible' });
    await expect.poll(() => page.locator('#compare tbody tr.q-changed').count()).toBeGreaterThan(0);
    expect(await page.locator('#col-previous').textContent()).toBe('Förra månaden (2026-02)');
    expect(await page.locator('#decision-text').textContent()).toContain('FÖRSLAG TILL BESLUT');
    const violations = (await axeViolations(page)).map((v) => `${v.id} (${v.targets.length})`);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
