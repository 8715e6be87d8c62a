/**
 * The resident page's message catalogues (issue 12): one JSON file per language in messages/, one key
 * per sentence, each file stating its review status. Swedish is the legal reference text; every other
 * language must have exactly the same keys and the same {placeholders}, or checkCatalogs names what
 * is wrong (the test suite fails on it, and createApp refuses to start).
 *
 * Numbers, amounts and months are formatted per language with Intl (the catalogue's intlLocale), in
 * the web layer only: the calculation core stays locale-free.
 */
import { readFileSync } from 'node:fs';
import { projectPath } from '../../paths.ts';
import { parseKronor } from '../../money/index.ts';

export const LANGS = ['sv', 'en', 'ar', 'fa', 'so', 'ti', 'fi', 'uk'] as const;
export type Lang = (typeof LANGS)[number];
export const REFERENCE_LANG: Lang = 'sv';

export const MESSAGES_DIR = projectPath('src/web/resident/messages/');

export interface CatalogMeta {
  readonly language: string;
  /** The language's name in itself (the language menu). */
  readonly name: string;
  readonly dir: 'ltr' | 'rtl';
  /** The BCP 47 tag given to Intl for numbers and months. */
  readonly intlLocale: string;
  readonly review: { readonly status: 'legal-reference' | 'draft-unreviewed' | 'reviewed'; readonly text: string };
}

export interface Catalog {
  readonly meta: CatalogMeta;
  readonly messages: Readonly<Record<string, string>>;
}

export type Catalogs = Readonly<Record<Lang, Catalog>>;

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

export function loadCatalogs(dir: string = MESSAGES_DIR): Catalogs {
  const out: Partial<Record<Lang, Catalog>> = {};
  for (const lang of LANGS) out[lang] = JSON.parse(readFileSync(`${dir}${lang}.json`, 'utf8')) as Catalog;
  return out as Catalogs;
}

const placeholders = (text: string): string => [...text.matchAll(/\{([a-zA-Z]+)\}/g)].map((m) => m[1]).sort().join(',');

/** Every problem with the catalogues, one line each; empty when all languages are complete. */
export function checkCatalogs(catalogs: Catalogs): string[] {
  const problems: string[] = [];
  const reference = catalogs[REFERENCE_LANG].messages;
  for (const lang of LANGS) {
    const c = catalogs[lang];
    if (!c || typeof c.messages !== 'object') {
      problems.push(`${lang}: no catalogue`);
      continue;
    }
    const m = c.meta;
    if (m?.language !== lang) problems.push(`${lang}: meta.language is "${m?.language}"`);
    if (m?.dir !== 'ltr' && m?.dir !== 'rtl') problems.push(`${lang}: meta.dir must be "ltr" or "rtl"`);
    if (typeof m?.name !== 'string' || m.name === '') problems.push(`${lang}: meta.name is missing`);
    if (typeof m?.intlLocale !== 'string' || Intl.NumberFormat.supportedLocalesOf([m.intlLocale]).length === 0) problems.push(`${lang}: meta.intlLocale "${m?.intlLocale}" is not known to Intl`);
    if (!m?.review || !['legal-reference', 'draft-unreviewed', 'reviewed'].includes(m.review.status) || !m.review.text) problems.push(`${lang}: meta.review must state the review status and who reviews`);
    for (const key of Object.keys(reference)) {
      const text = c.messages[key];
      if (typeof text !== 'string' || text.trim() === '') problems.push(`${lang}: missing key "${key}"`);
      else if (placeholders(text) !== placeholders(reference[key]!)) problems.push(`${lang}: key "${key}" has placeholders {${placeholders(text)}}, the Swedish text {${placeholders(reference[key]!)}}`);
    }
    for (const key of Object.keys(c.messages)) if (!(key in reference)) problems.push(`${lang}: key "${key}" is not in the Swedish reference`);
  }
  return problems;
}

export type Args = Readonly<Record<string, string | number>>;

/** Amounts in every language as residents see them on their letters: "5 220 kr" (issue 29). */
const MONEY = new Intl.NumberFormat('sv-SE', { style: 'currency', currency: 'SEK', maximumFractionDigits: 0, minimumFractionDigits: 0 });
const MONEY_ORE = new Intl.NumberFormat('sv-SE', { style: 'currency', currency: 'SEK', maximumFractionDigits: 2, minimumFractionDigits: 2 });

/** A month or date without a trailing abbreviation such as Ukrainian "р.", so a sentence can end after it. */
function withoutTrailingLiteral(format: Intl.DateTimeFormat, date: Date): string {
  const parts = format.formatToParts(date);
  while (parts.length > 0 && parts[parts.length - 1]!.type === 'literal') parts.pop();
  return parts.map((p) => p.value).join('');
}

/** Texts and formats for one language. A key missing from the catalogue is a programming error: it throws. */
export class Translator {
  readonly lang: Lang;
  readonly meta: CatalogMeta;
  readonly #messages: Readonly<Record<string, string>>;
  readonly #number: Intl.NumberFormat;
  readonly #month: Intl.DateTimeFormat;
  readonly #date: Intl.DateTimeFormat;
  readonly #weekday: Intl.DateTimeFormat;

  constructor(lang: Lang, catalog: Catalog) {
    this.lang = lang;
    this.meta = catalog.meta;
    this.#messages = catalog.messages;
    // Gregorian months always: the norm is per Swedish calendar month (Persian defaults to its own calendar).
    const locale = new Intl.Locale(catalog.meta.intlLocale, { calendar: 'gregory' }).toString();
    this.#number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    this.#month = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    this.#date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    this.#weekday = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  }

  has(key: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.#messages, key);
  }

  t(key: string, args: Args = {}): string {
    const text = this.#messages[key];
    if (text === undefined) throw new Error(`[resident] message "${key}" is missing in the ${this.lang} catalogue`);
    return text.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => (name in args ? String(args[name]) : whole));
  }

  /**
   * A kronor string ("12340", "7900.50") as "12 340 kr" / "7 900,50 kr" in every language: the form
   * residents see on their decisions and payments, and one a caseworker can read back on the phone.
   */
  money(kronor: string): string {
    const ore = parseKronor(kronor.replace(/^-/, ''));
    if (ore === null) return kronor;
    const sign = kronor.startsWith('-') ? -1 : 1;
    // Öre → kronor as a number only for display: at most 12 digits, exact in a double.
    return (ore % 100 === 0 ? MONEY : MONEY_ORE).format((sign * ore) / 100);
  }

  number(value: number): string {
    return this.#number.format(value);
  }

  /** "2026-03" → "mars 2026", "March 2026", "مارس 2026", … */
  month(period: string): string {
    const [y, m] = period.split('-').map(Number);
    return withoutTrailingLiteral(this.#month, new Date(Date.UTC(y!, m! - 1, 1)));
  }

  /** "2027-01-01" → "1 januari 2027", "1 January 2027", … */
  date(iso: string): string {
    const [y, m, d] = iso.split('-').map(Number);
    return withoutTrailingLiteral(this.#date, new Date(Date.UTC(y!, m! - 1, d!)));
  }

  /** 0 = Monday … 6 = Sunday, in the language ("måndag", "Monday", "الاثنين", …). */
  weekday(index: number): string {
    // 2024-01-01 was a Monday.
    return this.#weekday.format(new Date(Date.UTC(2024, 0, 1 + index)));
  }
}

export function translators(catalogs: Catalogs): Readonly<Record<Lang, Translator>> {
  const out: Partial<Record<Lang, Translator>> = {};
  for (const lang of LANGS) out[lang] = new Translator(lang, catalogs[lang]);
  return out as Record<Lang, Translator>;
}
