/**
 * The fonts the resident page ships (issue 29), so Tigrinya (Ge'ez script) and Arabic/Persian render
 * on a machine without those fonts installed, Kontaktcenter's printers included: Noto Sans Ethiopic
 * and Noto Sans Arabic from the pinned @fontsource npm packages (SIL Open Font License 1.1), served by
 * the app itself (no font CDN: the page's CSP allows only its own origin).
 *
 * The @font-face rules are taken from the package's own CSS for the weights and subsets used, with
 * its unicode-range per subset, so a browser downloads only the files for the characters on the
 * page; the URLs are rewritten to /invanare/assets/fonts/. Upgrading the package therefore needs no
 * hand-copied ranges.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The families, with the subsets and weights the page uses (400 text, 700 headings and bold). */
export const FONT_PACKAGES = [
  { pkg: '@fontsource/noto-sans-ethiopic', family: 'Noto Sans Ethiopic', subsets: ['ethiopic', 'latin', 'latin-ext'] },
  { pkg: '@fontsource/noto-sans-arabic', family: 'Noto Sans Arabic', subsets: ['arabic', 'latin', 'latin-ext'] },
] as const;
const WEIGHTS = [400, 700] as const;

export const FONT_URL_PREFIX = '/invanare/assets/fonts/';

export interface ShippedFonts {
  /** fonts.css: the @font-face rules. */
  readonly css: string;
  /** woff2 file name → bytes. */
  readonly files: ReadonlyMap<string, Buffer>;
}

const require = createRequire(import.meta.url);

/** Reads the packages once (at app start): a request never touches the disk. */
export function loadShippedFonts(): ShippedFonts {
  const files = new Map<string, Buffer>();
  const rules: string[] = [];
  for (const { pkg, subsets } of FONT_PACKAGES) {
    for (const weight of WEIGHTS) {
      const cssPath = require.resolve(`${pkg}/${weight}.css`);
      const css = readFileSync(cssPath, 'utf8');
      for (const block of css.match(/\/\*[^*]*\*\/\s*@font-face\s*\{[^}]*\}/g) ?? []) {
        const subset = subsets.find((s) => block.includes(`-${s}-${weight}-normal.woff2`));
        if (subset === undefined) continue;
        const file = /url\(\.\/files\/([a-z0-9-]+\.woff2)\)/.exec(block)![1]!;
        files.set(file, readFileSync(join(dirname(cssPath), 'files', file)));
        // woff2 only (every browser the page supports reads it); the package's woff fallback is dropped.
        rules.push(block.replace(/src:[^;]*;/, `src: url(${FONT_URL_PREFIX}${file}) format('woff2');`));
      }
    }
    const expected = subsets.length * WEIGHTS.length;
    const found = [...files.keys()].filter((f) => f.startsWith(pkg.slice('@fontsource/'.length))).length;
    if (found !== expected) throw new Error(`[resident] ${pkg}: expected ${expected} font files (${subsets.join(', ')} × ${WEIGHTS.join(', ')}), found ${found}: is the package installed?`);
  }
  return { css: `/* Generated at start from ${FONT_PACKAGES.map((f) => f.pkg).join(' and ')} (SIL OFL 1.1). */\n${rules.join('\n')}\n`, files };
}
