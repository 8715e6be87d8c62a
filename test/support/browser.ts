/**
 * The one way tests start a browser: headless Chromium driven by playwright-core.
 *
 * Which Chromium: $CHROMIUM_PATH when it is set (a system chromium, e.g. Debian's /usr/bin/chromium),
 * otherwise the Chromium that the npm package @sparticuz/chromium ships inside itself (unpacked to the
 * temp folder on first use), so `npm install && npm test` needs nothing installed by hand and no
 * browser download. A missing or broken browser is an error that fails the calling test, never a skip.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../src/cli/pdf.ts';

/** The path of the Chromium binary and its flags: one place for the tests and the `letter` command (src/cli/pdf.ts). */
export { chromiumPath } from '../../src/cli/pdf.ts';

/**
 * Launches headless Chromium; throws (so the test fails) when none can be started. `env` adds to the
 * browser's environment (e.g. FONTCONFIG_FILE, to render with no system font at all).
 */
export async function launchBrowser(env: Readonly<Record<string, string>> = {}): Promise<Browser> {
  return launchChromium(env);
}

/**
 * Chromium for one test file. Call launch() in beforeAll. When no browser can be started the error is
 * kept, not thrown: thrown in beforeAll, vitest would report the file's tests as skipped. Every test
 * that calls need() then fails with the error instead, since a browser test that silently skips proves
 * nothing.
 */
export class TestBrowser {
  #browser: Browser | null = null;
  #missing: Error | null = null;

  /** Launches Chromium; false, with the error kept for need(), when none can be started. */
  async launch(env: Readonly<Record<string, string>> = {}): Promise<boolean> {
    try {
      this.#browser = await launchBrowser(env);
      return true;
    } catch (error) {
      this.#missing = error as Error;
      return false;
    }
  }

  /** The browser; throws why there is none, so the calling test fails. */
  need(): Browser {
    if (this.#missing) throw this.#missing;
    if (!this.#browser) throw new Error('TestBrowser.need() before launch(): call launch() in beforeAll');
    return this.#browser;
  }

  /** Whether launch() started a browser. */
  get running(): boolean {
    return this.#browser !== null;
  }

  async close(): Promise<void> {
    await this.#browser?.close();
  }
}

/** One axe-core finding: the rule, its impact and the elements it names. */
export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly targets: readonly string[];
}

/** axe-core's WCAG 2.x A/AA and best-practice rules (the set every page of the project is held to). */
export const AXE_WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] as const;

let axeSource: string | null = null;

/**
 * Runs axe-core on the page as it is now and returns its violations. The script is evaluated through
 * the DevTools protocol, so a page's Content-Security-Policy (script-src 'self', or no script at all)
 * does not block it. `tags` limits the rules (default: axe's own default set); `include` the elements.
 */
export async function axeViolations(page: Page, tags?: readonly string[], include?: readonly string[]): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(axeSource);
  const options = tags ? `{ runOnly: { type: 'tag', values: ${JSON.stringify(tags)} }, resultTypes: ['violations'] }` : `{ resultTypes: ['violations'] }`;
  // `include`: only these parts of the page (CSS selectors), e.g. the part a form submission changed.
  const context = include ? `{ include: ${JSON.stringify(include.map((selector) => [selector]))} }` : 'document';
  const result = (await page.evaluate(`axe.run(${context}, ${options})`)) as { violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] };
  return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

/** The serious and critical findings, one line each ("rule (impact): elements"). */
export function seriousOnes(violations: readonly AxeViolation[]): string[] {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.targets.join(', ')}`);
}
