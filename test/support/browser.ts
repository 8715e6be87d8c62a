/**
 * The one way tests start a browser: headless Chromium driven by playwright-core.
 *
 * Which Chromium: $CHROMIUM_PATH when it is set (a system chromium, e.g. Debian's /usr/bin/chromium),
 * otherwise the Chromium that the npm package @sparticuz/chromium ships inside itself (unpacked to the
 * temp folder on first use), so `npm install && npm test` needs nothing installed by hand and no
 * browser download. A missing or broken browser is an error that fails the calling test, never a skip.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Flags for a headless Chromium on a machine without network beyond loopback. */
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--font-render-hinting=none'];

/** The path of the Chromium binary to drive: $CHROMIUM_PATH, else the one bundled by @sparticuz/chromium. */
export async function chromiumPath(): Promise<string> {
  const configured = process.env['CHROMIUM_PATH'];
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH=${configured} does not exist: unset it to use the Chromium bundled with @sparticuz/chromium, or point it at a Chromium binary.`);
    return configured;
  }
  const { default: bundled } = await import('@sparticuz/chromium');
  return bundled.executablePath();
}

/** Launches headless Chromium; throws (so the test fails) when none can be started. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = await chromiumPath();
  return chromium.launch({ executablePath, headless: true, args: ARGS });
}
