/**
 * An HTML page as an A4 PDF, printed by headless Chromium through playwright-core: the same browser
 * the tests and the resident page's print view use. Which Chromium: $CHROMIUM_PATH when set (a
 * system chromium), else the one the npm package @sparticuz/chromium carries inside itself (unpacked
 * to the temp folder on first use), so `npm install` is all a machine needs: no browser download, no
 * network. Chromium prints what a digital mailbox accepts (PDF 1.4+, fonts embedded, text selectable).
 *
 * Why a browser and not a PDF library: the letter is HTML already (explain/letter/document.ts), and
 * Chromium lays out Swedish text with proportional type, hyphenation-free line breaks, tables and
 * page breaks as the page and the print view do; pdfkit or pdf-lib would need a second layout of the
 * same letter by hand.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { LETTER_FONT_FAMILY, letterFontFaces } from '../explain/letter/fonts.ts';

/** Flags for a headless Chromium on a machine with no network beyond loopback. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--font-render-hinting=none'];

/** The Chromium binary: $CHROMIUM_PATH, else the one bundled by @sparticuz/chromium. */
export async function chromiumPath(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const configured = env['CHROMIUM_PATH'];
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH=${configured} does not exist: unset it to use the Chromium bundled with @sparticuz/chromium, or point it at a Chromium binary.`);
    return configured;
  }
  const { default: bundled } = await import('@sparticuz/chromium');
  return bundled.executablePath();
}

/** Launches headless Chromium; `env` adds to the browser's environment. */
export async function launchChromium(env: Readonly<Record<string, string>> = {}): Promise<Browser> {
  const executablePath = await chromiumPath();
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, ...(Object.keys(env).length > 0 ? { env: { ...process.env, ...env } as Record<string, string> } : {}) });
}

/**
 * The footer of every page: "Sida 1 av 2", small, centred, in the letter's own typeface (Chromium
 * prints the footer apart from the page, so it carries the font too: no machine font in the PDF).
 */
const footer = (): string =>
  `<style>${letterFontFaces({ weight: 400 })}</style><div style="width:100%;font-family:'${LETTER_FONT_FAMILY}';font-size:8pt;color:#444;text-align:center">Sida <span class="pageNumber"></span> av <span class="totalPages"></span></div>`;

/**
 * A complete HTML page (no script, no external resource) as an A4 PDF, margins from the page's own
 * `@page` rule. A browser given is used and left open (many letters); otherwise one is started and closed.
 */
export async function htmlToPdf(html: string, browser?: Browser): Promise<Uint8Array> {
  const own = browser === undefined ? await launchChromium() : null;
  try {
    const context = await (browser ?? own!).newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true, displayHeaderFooter: true, headerTemplate: '<div></div>', footerTemplate: footer() });
      return new Uint8Array(pdf);
    } finally {
      await context.close();
    }
  } finally {
    await own?.close();
  }
}

/**
 * A printer that keeps one Chromium open between letters (a server registering decisions one after
 * another: about 0.2 s a letter instead of a second for each start) and closes it after `idleMs`
 * without a letter. A failed start is not kept: the next letter tries again.
 */
export function sharedPrinter(idleMs = 60_000): { print: (html: string) => Promise<Uint8Array>; close: () => Promise<void> } {
  let browser: Promise<Browser> | null = null;
  let timer: NodeJS.Timeout | null = null;
  const close = async () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const b = browser;
    browser = null;
    if (b) await (await b.catch(() => null))?.close().catch(() => undefined);
  };
  const print = async (html: string) => {
    if (timer) clearTimeout(timer);
    if (browser === null) {
      browser = launchChromium();
      browser.catch(() => (browser = null));
    }
    const b = await browser;
    if (!b.isConnected()) {
      browser = null;
      return print(html);
    }
    try {
      return await htmlToPdf(html, b);
    } finally {
      timer = setTimeout(() => void close(), idleMs);
      timer.unref();
    }
  };
  return { print, close };
}
