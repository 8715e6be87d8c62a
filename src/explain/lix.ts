/**
 * LIX (läsbarhetsindex, Björnsson 1968): words per sentence + 100 × the share of long words. Written
 * here because it is a few lines and no well-kept npm package computes it (the registry's "lix" is a
 * Haxe library; the readability packages compute English formulas).
 *
 *   LIX = words / sentences + 100 × longWords / words
 *
 * - a word is a run of letters (digits, "§" and punctuation are not words: "12 kap. 1 §" is one word,
 *   "kap"); a long word has more than six letters;
 * - a sentence ends at ".", "!", "?" or ":" followed by a space or the end (not after the abbreviations
 *   "kap", "t.ex", "bl.a", "f.d", "nr", "s"), and at the end of each text given (a paragraph, a list
 *   item: each is a unit of its own).
 *
 * Below 30 very easy, 30–40 easy (fiction, plain official texts), 40–50 medium (newspapers), 50–60
 * hard (official texts), above 60 very hard (legal texts).
 */
const WORD = /[\p{L}]+/gu;
const ABBREVIATIONS = /(?:\bkap|\bt\.ex|\bbl\.a|\bf\.d|\bnr|\bs)\.$/i;

export interface Lix {
  readonly lix: number;
  readonly words: number;
  readonly sentences: number;
  readonly longWords: number;
}

/** LIX of texts, each a paragraph or a list item; 0 words give 0. */
export function lix(texts: readonly string[]): Lix {
  let words = 0;
  let longWords = 0;
  let sentences = 0;
  for (const text of texts) {
    const found = text.match(WORD) ?? [];
    if (found.length === 0) continue;
    words += found.length;
    longWords += found.filter((w) => w.length > 6).length;
    let inText = 0;
    const parts = text.split(/(?<=[.!?:])\s+/);
    for (const part of parts) if (!ABBREVIATIONS.test(part) && /[\p{L}\d]/u.test(part)) inText++;
    sentences += Math.max(1, inText);
  }
  if (words === 0) return { lix: 0, words: 0, sentences: 0, longWords: 0 };
  return { lix: Math.round((words / sentences + (100 * longWords) / words) * 10) / 10, words, sentences, longWords };
}
