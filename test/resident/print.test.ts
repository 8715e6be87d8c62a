/**
 * The resident printout and the fonts the page ships (issue 29), in a real browser: the printable
 * summary is at most two A4 pages in every language, every text at 10 pt or more, with the
 * municipality's details and the page's address; Tigrinya prints its Ge'ez glyphs with the shipped
 * Noto Sans Ethiopic in a Chromium that sees none of the machine's fonts (PNG saved, the one in
 * docs/invanare-ti-print.png); the fonts are served by the app itself.
 *
 * Without a browser this file FAILS: a browser test that silently skips proves nothing.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGS } from '../../src/web/resident/catalog.ts';
import { startServer, type RunningServer } from '../../src/web/server.ts';
import { TestBrowser } from '../support/browser.ts';
import { book, ROOT } from '../support/engine.ts';
import { tempDir } from '../store/support.ts';
import { EXEMPELBY_CONTACT, rulesCopy } from './support.ts';

const RESULTS = `${ROOT}test-results`;

let server: RunningServer;
/** A municipality with all its contact details (the longest printout), without a published page address. */
let municipal: RunningServer;
let municipalRules: { cleanup: () => void };
const chromium = new TestBrowser();
/**
 * A second Chromium that sees none of the machine's fonts: its fontconfig lists only the fonts the
 * bundled Chromium ships (@sparticuz/chromium unpacks Open Sans, Latin and Cyrillic only, into the
 * temp folder). Chromium needs at least one font to start its font system (with none, even web fonts
 * fail to load); every other glyph must come from the fonts the page itself serves.
 */
const bare = new TestBrowser();
let bareFonts: { dir: string; cleanup: () => void };
/** The fonts folder the bundled Chromium unpacks next to itself (see @sparticuz/chromium's fonts.tar.br). */
const BUNDLED_FONTS = join(tmpdir(), 'fonts');

beforeAll(async () => {
  if (!(await chromium.launch())) return;
  server = await startServer({ rulebook: book, port: 0, host: '127.0.0.1' });
  const { pageAddress: _published, ...contact } = EXEMPELBY_CONTACT;
  const copy = rulesCopy(() => {}, contact);
  municipalRules = copy;
  municipal = await startServer({ rulebook: copy.rulebook, municipality: '9999', port: 0, host: '127.0.0.1' });
  bareFonts = tempDir('resident-no-fonts-');
  if (!existsSync(BUNDLED_FONTS)) await (await import('@sparticuz/chromium')).default.executablePath(); // unpacks them
  writeFileSync(join(bareFonts.dir, 'fonts.conf'), `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><dir>${BUNDLED_FONTS}</dir><cachedir>${join(bareFonts.dir, 'cache')}</cachedir></fontconfig>\n`);
  await bare.launch({ FONTCONFIG_FILE: join(bareFonts.dir, 'fonts.conf') });
  mkdirSync(RESULTS, { recursive: true });
});

afterAll(async () => {
  await chromium.close();
  await bare.close();
  await server?.close();
  await municipal?.close();
  municipalRules?.cleanup();
  bareFonts?.cleanup();
});

async function open(lang: string, path: string, month: string, on: RunningServer): Promise<Page> {
  const page = await chromium.need().newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${on.url}${path}?lang=${lang}&month=${month}`);
  return page;
}

/** Every visible element with text of its own whose computed font size is below 10 pt (13.33 px), as printed. */
async function smallPrint(page: Page): Promise<string[]> {
  await page.emulateMedia({ media: 'print' });
  return (await page.evaluate(`[...document.body.querySelectorAll('*')]
    .filter((e) => e.getClientRects().length > 0 && [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() !== ''))
    .map((e) => [e.tagName + (e.id ? '#' + e.id : ''), parseFloat(getComputedStyle(e).fontSize)])
    .filter(([, px]) => px < 13.33)
    .map(([tag, px]) => tag + ' ' + px + 'px')`)) as string[];
}

const pdfPages = async (page: Page) => ((await page.pdf({ format: 'A4', printBackground: false })).toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

/** The fonts Chromium drew each text element with (DevTools CSS.getPlatformFontsForNode), by family, with the glyph count. */
async function fontsUsed(page: Page): Promise<Map<string, { custom: boolean; glyphs: number }>> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const out = new Map<string, { custom: boolean; glyphs: number }>();
  const walk = async (node: typeof root): Promise<void> => {
    if (node.nodeType === 1 && (node.children ?? []).some((c) => c.nodeType === 3 && (c.nodeValue ?? '').trim() !== '')) {
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId: node.nodeId });
      for (const f of fonts) {
        const seen = out.get(f.familyName) ?? { custom: f.isCustomFont, glyphs: 0 };
        out.set(f.familyName, { custom: seen.custom && f.isCustomFont, glyphs: seen.glyphs + f.glyphCount });
      }
    }
    for (const child of node.children ?? []) await walk(child);
  };
  await walk(root);
  await cdp.detach();
  return out;
}

describe('resident printout and fonts in chromium', () => {
  it('the printable summary is at most two A4 pages in every language, every text at 10 pt or more, with the municipality\'s details and the page\'s address', async () => {
    chromium.need();
    // January 2027 is the longest printout (the notice and the labelled 2026 amounts); December 2026 in Swedish for a month with its own amounts.
    for (const [month, langs] of [['2027-01', LANGS], ['2026-12', ['sv', 'so']]] as const) {
      for (const lang of langs) {
        const page = await open(lang, '/invanare/utskrift', month, municipal);
        await expect(page.locator('#kontakt').innerText(), lang).resolves.toContain('0123-45 67 00');
        expect(await pdfPages(page), `${lang} ${month}`).toBeLessThanOrEqual(2);
        expect(await smallPrint(page), `${lang} ${month}`).toEqual([]);
        await expect(page.locator('p.address').innerText(), lang).resolves.toContain(`${municipal.url}/invanare/?lang=${lang}`);
        if (lang === 'ar') await page.screenshot({ path: `${RESULTS}/resident-print-ar.png`, fullPage: true });
        await page.close();
      }
    }
  });

  it('Tigrinya prints in Ge\'ez with the project\'s own font, in a browser that sees none of the machine\'s fonts (PNG saved)', async () => {
    bare.need();
    const bundled = readdirSync(BUNDLED_FONTS, { recursive: true }).map(String).filter((f) => /\.(ttf|otf)$/.test(f));
    expect(bundled.length, `fonts unpacked by @sparticuz/chromium in ${BUNDLED_FONTS}`).toBeGreaterThan(0);
    const ctx = await bare.need().newContext({ viewport: { width: 794, height: 1123 } });
    try {
      const page = await ctx.newPage();
      await page.goto(`${server.url}/invanare/utskrift?lang=ti&month=2027-01`);
      await page.emulateMedia({ media: 'print' });
      await page.evaluate('document.fonts.ready');
      expect(await page.locator('main').innerText()).toMatch(/[\u1200-\u137f]{3}/);
      await page.screenshot({ path: `${RESULTS}/resident-print-ti.png`, fullPage: true });
      const fonts = await fontsUsed(page);
      // Every glyph was drawn with a font the page served (Ge'ez with Noto Sans Ethiopic) or one the bundled Chromium ships.
      const families = [...fonts].filter(([, f]) => !f.custom).map(([family]) => family);
      for (const family of families) expect(family, 'a font from outside the project').toBe('Open Sans');
      expect(fonts.get('Noto Sans Ethiopic')?.custom).toBe(true);
      expect(fonts.get('Noto Sans Ethiopic')?.glyphs ?? 0).toBeGreaterThan(2000);
      expect(await pdfPages(page)).toBeLessThanOrEqual(2);
      // This browser has nothing else to draw Ge'ez with: without the page's font the same text gets no Ethiopic font at all.
      const plain = await ctx.newPage();
      await plain.setContent('<p lang="ti">ሰላም ዓለም</p>');
      expect([...(await fontsUsed(plain)).keys()].filter((f) => f !== 'Open Sans')).toEqual([]);
      await plain.close();
    } finally {
      await ctx.close();
    }
  });

  it('the shipped fonts are served by the app, woff2, with their unicode ranges', async () => {
    const page = await chromium.need().newPage();
    const css = await (await page.request.get(`${server.url}/invanare/assets/fonts.css`)).text();
    expect(css).toMatch(/font-family: 'Noto Sans Ethiopic';[^}]*src: url\(\/invanare\/assets\/fonts\/noto-sans-ethiopic-ethiopic-400-normal\.woff2\) format\('woff2'\);[^}]*unicode-range: [^;]*U\+1200-1399/);
    expect(css).toContain("font-family: 'Noto Sans Arabic'");
    const font = await page.request.get(`${server.url}/invanare/assets/fonts/noto-sans-ethiopic-ethiopic-700-normal.woff2`);
    expect(font.status()).toBe(200);
    expect(font.headers()['content-type']).toBe('font/woff2');
    expect((await font.body()).subarray(0, 4).toString('latin1')).toBe('wOF2');
    expect((await page.request.get(`${server.url}/invanare/assets/fonts/..%2Fpackage.json`)).status()).toBe(404);
    await page.close();
  });

});
