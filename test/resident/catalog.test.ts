/**
 * The resident page's message catalogues (issue 12): every language has every Swedish key with the
 * same placeholders, a missing key fails (here, and createApp refuses to start), each file states its
 * review status, and amounts and months are formatted per language with Intl.
 */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/web/app.ts';
import { checkCatalogs, LANGS, loadCatalogs, REFERENCE_LANG, Translator, type Catalogs } from '../../src/web/resident/catalog.ts';
import { book } from '../support/engine.ts';

const catalogs = loadCatalogs();

function without(lang: (typeof LANGS)[number], key: string): Catalogs {
  const messages = { ...catalogs[lang].messages };
  delete messages[key];
  return { ...catalogs, [lang]: { ...catalogs[lang], messages } };
}

describe('resident message catalogues', () => {
  it('every language has every key of the Swedish reference, with the same placeholders', () => {
    expect(checkCatalogs(catalogs)).toEqual([]);
  });

  it.each(LANGS.filter((l) => l !== REFERENCE_LANG))('a key missing in %s is named', (lang) => {
    expect(checkCatalogs(without(lang, 'differs.assets'))).toEqual([`${lang}: missing key "differs.assets"`]);
  });

  it('a placeholder lost in translation is named', () => {
    const broken = { ...catalogs, fi: { ...catalogs.fi, messages: { ...catalogs.fi.messages, 'page.month': 'Tiedot koskevat kuukautta.' } } };
    expect(checkCatalogs(broken)).toEqual(['fi: key "page.month" has placeholders {}, the Swedish text {month}']);
  });

  it('the server refuses to start with an incomplete catalogue', () => {
    expect(() => createApp({ rulebook: book, residentCatalogs: without('ti', 'apply.where') })).toThrow(/ti: missing key "apply.where"/);
  });

  it('a missing key at render time throws instead of showing a key or another language', () => {
    const t = new Translator('so', without('so', 'check.submit').so);
    expect(() => t.t('check.submit')).toThrow(/check.submit.*so catalogue/);
  });

  it('each catalogue states its review status; only Swedish is the legal reference', () => {
    for (const lang of LANGS) {
      const { review } = catalogs[lang].meta;
      expect(review.text.length).toBeGreaterThan(40);
      expect(review.status).toBe(lang === REFERENCE_LANG ? 'legal-reference' : 'draft-unreviewed');
    }
  });

  it('the translations are real text, not copies of the Swedish', () => {
    const sv = catalogs.sv.messages;
    for (const lang of LANGS.filter((l) => l !== REFERENCE_LANG)) {
      // A single word may be the same ("Pension", "Person" in English); a sentence may not.
      const same = Object.keys(sv).filter((k) => catalogs[lang].messages[k] === sv[k] && sv[k]!.includes(' '));
      expect(same, lang).toEqual([]);
    }
  });

  it('one sentence per key: no message has a sentence end followed by another sentence', () => {
    for (const lang of LANGS) {
      const several = Object.entries(catalogs[lang].messages).filter(([, text]) => /[.!?።؟]\s+\S/.test(text.replace(/[.!?።؟]$/, '')));
      expect(several.map(([k]) => k), lang).toEqual([]);
    }
  });

  it('Arabic and Persian are right to left, the others left to right', () => {
    for (const lang of LANGS) expect(catalogs[lang].meta.dir, lang).toBe(lang === 'ar' || lang === 'fa' ? 'rtl' : 'ltr');
  });

  it('every cost type of every rule period has a label in every language', () => {
    const types = new Set(book.costTypes.data.values.flatMap((v) => Object.keys(v.types)));
    expect(types.size).toBeGreaterThan(10);
    for (const lang of LANGS) for (const type of types) expect(catalogs[lang].messages[`cost.${type}`], `${lang} cost.${type}`).toBeTruthy();
  });

  it('amounts and months follow the language (Intl), with Gregorian months in Persian', () => {
    const fmt = (lang: (typeof LANGS)[number]) => new Translator(lang, catalogs[lang]);
    expect(fmt('sv').money('12340').replace(/\s/g, ' ')).toBe('12 340 kr');
    expect(fmt('en').money('7900.50').replace(/\s/g, ' ')).toBe('SEK 7,900.50');
    expect(fmt('sv').month('2026-03')).toBe('mars 2026');
    expect(fmt('fi').month('2026-03')).toBe('maaliskuu 2026');
    expect(fmt('fa').month('2026-03')).toContain('۲۰۲۶');
    expect(fmt('fa').money('12340')).toContain('۱۲٬۳۴۰');
    for (const lang of LANGS) {
      const locale = catalogs[lang].meta.intlLocale;
      expect(fmt(lang).money('12340'), lang).toBe(new Intl.NumberFormat(locale, { style: 'currency', currency: 'SEK', maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(12340));
    }
  });
});
