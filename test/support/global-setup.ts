/**
 * Runs once before the test files:
 * - compiles the sources into dist/ (what `npm install` does through `prepare`), so the tests that
 *   start a real process run the command users run, built from the sources as they are now;
 * - unpacks the bundled Chromium once (test/support/browser.ts). @sparticuz/chromium unpacks itself on
 *   first use and treats an existing file as done, so browser test files starting side by side on a
 *   fresh machine could launch a binary another file was still writing (seen: every test of one file
 *   failing at launch on the first run after `npm ci`).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromiumPath } from './browser.ts';

export default async function setup(): Promise<void> {
  execFileSync(process.execPath, [fileURLToPath(new URL('../../scripts/build.mjs', import.meta.url))], { stdio: 'inherit' });
  await chromiumPath();
}
