/**
 * The letter's typeface, carried inside the letter (issue 21 item 5): Noto Sans from the pinned npm
 * package @fontsource/noto-sans (SIL Open Font License 1.1), regular and bold, the latin and latin-ext
 * subsets (Swedish, and names such as Łukasz, Đorđević or Nguyễn), inlined as @font-face rules with
 * data: URLs. So the PDF Chromium prints from the letter's HTML embeds Noto Sans on any machine: it
 * never depends on the fonts a server happens to have installed (it used DejaVu Sans before), and two
 * machines print the same letter with the same type.
 *
 * The rules are taken from the package's own CSS (its unicode-range per subset), so upgrading the
 * package needs no hand-copied ranges; the files are read once, on the first letter.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const LETTER_FONT_PACKAGE = '@fontsource/noto-sans';
/** The family name the letter's CSS asks for. */
export const LETTER_FONT_FAMILY = 'Noto Sans';
const SUBSETS = ['latin', 'latin-ext'] as const;
const WEIGHTS = [400, 700] as const;

const cached = new Map<string, string>();

/**
 * The @font-face rules with the font files inlined: the same text on every call. `only` keeps one
 * weight of the latin subset (the footer's "Sida 1 av 2" needs no more, and Chromium reads the
 * footer's fonts again on every page).
 */
export function letterFontFaces(only?: { readonly weight: 400 | 700 }): string {
  const key = only ? String(only.weight) : 'all';
  const hit = cached.get(key);
  if (hit !== undefined) return hit;
  const require = createRequire(import.meta.url);
  const rules: string[] = [];
  for (const weight of only ? [only.weight] : WEIGHTS) {
    const cssPath = require.resolve(`${LETTER_FONT_PACKAGE}/${weight}.css`);
    const css = readFileSync(cssPath, 'utf8');
    for (const subset of only ? (['latin'] as const) : SUBSETS) {
      const file = `noto-sans-${subset}-${weight}-normal.woff2`;
      const block = (css.match(/@font-face\s*\{[^}]*\}/g) ?? []).find((b) => b.includes(`/${file})`));
      if (block === undefined) throw new Error(`${LETTER_FONT_PACKAGE}/${weight}.css has no @font-face for ${file}: is the package installed at the pinned version?`);
      const data = readFileSync(join(dirname(cssPath), 'files', file)).toString('base64');
      rules.push(block.replace(/src:[^;]*;/, `src: url(data:font/woff2;base64,${data}) format('woff2');`).replace(/font-display:[^;]*;\s*/, ''));
    }
  }
  const text = `/* ${LETTER_FONT_FAMILY} from ${LETTER_FONT_PACKAGE} (SIL OFL 1.1), inlined. */\n${rules.join('\n')}\n`;
  cached.set(key, text);
  return text;
}
