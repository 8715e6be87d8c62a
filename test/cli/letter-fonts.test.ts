/**
 * The letter's PDF on a bare machine (issue 21 item 5): Chromium started with a fontconfig that knows
 * no system font, only the Open Sans the bundled Chromium carries (as on a server with nothing but
 * Node and npm), prints the letter and its page numbers in Noto Sans, inlined from the pinned npm
 * package @fontsource/noto-sans; no other font is embedded. (A fontconfig with no font at all makes
 * Chromium print no text whatever the page asks for, so that is not a machine one can print on.)
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlToPdf } from '../../src/cli/pdf.ts';
import { contractSummary } from '../../src/explain/contract.ts';
import { buildLetter } from '../../src/explain/letter/build.ts';
import { letterHtml } from '../../src/explain/letter/document.ts';
import { evaluateHousehold } from '../../src/index.ts';
import { TestBrowser } from '../support/browser.ts';
import { fixture, rulesFor } from '../support/engine.ts';
import { pdfFonts, pdfPageCount } from '../support/pdf.ts';

const bare = new TestBrowser();
const dir = mkdtempSync(join(tmpdir(), 'letter-no-fonts-'));
/** The fonts folder the bundled Chromium unpacks next to itself (as in test/resident/print.test.ts). */
const BUNDLED_FONTS = join(tmpdir(), 'fonts');
beforeAll(async () => {
  if (!existsSync(BUNDLED_FONTS)) await (await import('@sparticuz/chromium')).default.executablePath(); // unpacks them
  writeFileSync(join(dir, 'fonts.conf'), `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><dir>${BUNDLED_FONTS}</dir><cachedir>${join(dir, 'cache')}</cachedir></fontconfig>\n`);
  await bare.launch({ FONTCONFIG_FILE: join(dir, 'fonts.conf') });
});
afterAll(async () => {
  await bare.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the letter PDF on a machine without system fonts', () => {
  it('embeds Noto Sans regular and bold from the npm package, not the browser\'s Open Sans', async () => {
    const result = evaluateHousehold(fixture('h11-rent-above-ceiling-after-radrum-with-children-2026.json'), rulesFor);
    if (!result.ok) throw new Error('h11 does not evaluate');
    const doc = buildLetter({ decision: contractSummary(result.decision), household: result.household, rules: result.ruleSet?.rules ?? null });
    const pdf = await htmlToPdf(letterHtml(doc), bare.need());
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(1);
    expect(pdfFonts(pdf)).toEqual(['NotoSans-Bold', 'NotoSans-Regular']);
  }, 60_000);
});
