/**
 * The resident page's message catalogues (issues 12 and 29): every language has every Swedish key with
 * the same placeholders, a missing key fails (here, and createApp refuses to start), each file states
 * its review status and the page says it only in a public form, each catalogue uses its glossary's
 * term (with the Swedish term in brackets) wherever the Swedish text uses the Swedish one, amounts are
 * "5 220 kr" in every language, and months and dates follow the language with Intl.
 */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/web/app.ts';
import { checkCatalogs, LANGS, loadCatalogs, REFERENCE_LANG, Translator, type Catalogs } from '../../src/web/resident/catalog.ts';
import { glossaryProblems, loadGlossaries } from '../../src/web/resident/glossary.ts';
import { book } from '../support/engine.ts';

const catalogs = loadCatalogs();
const glossaries = loadGlossaries();

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

  it('amounts are "5 220 kr" in every language, as on the residents\' letters; months and dates follow the language', () => {
    const fmt = (lang: (typeof LANGS)[number]) => new Translator(lang, catalogs[lang]);
    for (const lang of LANGS) {
      expect(fmt(lang).money('5220').replace(/\s/g, ' '), lang).toBe('5 220 kr');
      expect(fmt(lang).money('7900.50').replace(/\s/g, ' '), lang).toBe('7 900,50 kr');
    }
    expect(fmt('sv').month('2026-03')).toBe('mars 2026');
    expect(fmt('fi').month('2026-03')).toBe('maaliskuu 2026');
    expect(fmt('en').date('2027-01-01')).toBe('1 January 2027');
    // Latin digits in Persian too (no "7900" beside "۵٬۲۲۰"), and Gregorian months, not the Persian calendar.
    expect(fmt('fa').month('2026-03')).toBe('مارس 2026');
    // Ukrainian without the trailing "р.", so a sentence can end after the month (not "р..").
    expect(fmt('uk').month('2026-12')).toBe('грудень 2026');
    expect(fmt('uk').date('2027-01-01')).toBe('1 січня 2027');
    expect(fmt('sv').weekday(0)).toBe('måndag');
  });

  it('each catalogue uses its glossary\'s term for each Swedish term, with the Swedish term in brackets where the glossary says so', () => {
    expect(glossaryProblems(catalogs, glossaries)).toEqual([]);
    for (const sv of ['riksnormen', 'försörjningsstöd', 'a-kassa', 'förvaltningsrätten', 'ekonomiskt bistånd']) expect(glossaries.sv.terms[sv]?.bracket, sv).toBe(true);
  });

  it('the glossary check fails when a catalogue uses another word, merges two terms or drops the bracket', () => {
    const swap = (lang: (typeof LANGS)[number], key: string, text: string): Catalogs => ({ ...catalogs, [lang]: { ...catalogs[lang], messages: { ...catalogs[lang].messages, [key]: text } } });
    expect(glossaryProblems(swap('en', 'appeal.right', 'You can appeal the decision to the court (förvaltningsrätten).'), glossaries)).toEqual(['en: "appeal.right" says "förvaltningsrätten" in Swedish but not "administrative court"']);
    expect(glossaryProblems(swap('en', 'page.intro', 'Here you can read about income support (försörjningsstöd) and make a self-check.'), glossaries)).toEqual([
      'en: "page.intro" says "ekonomiskt bistånd" in Swedish but not "financial assistance"',
      'en: "page.intro" does not give the Swedish term in brackets: "(ekonomiskt bistånd)"',
    ]);
    expect(glossaryProblems(swap('fi', 'appeal.right', catalogs.fi.messages['appeal.right']!.replace(' (förvaltningsrätten)', '')), glossaries)).toEqual(['fi: "appeal.right" does not give the Swedish term in brackets: "(förvaltningsrätten)"']);
  });

  it('every language shows aktivitetskrav and the läkarintyg duty: each catalogue holds their keys, and a label for every exemption in rules/', () => {
    const keys = ['activity.heading', 'activity.from', 'activity.who', 'activity.examples', 'activity.exemptHeading', 'activity.consequence', 'medical.heading', 'medical.duty', 'medical.afterDays', 'medical.from', 'bring.medical', 'differs.activity'];
    const codes = new Set(book.activityRequirement.data.values.flatMap((v) => v.exemptions.map((e) => e.code)));
    expect(codes.size).toBeGreaterThan(3);
    for (const lang of LANGS) {
      for (const key of keys) expect(catalogs[lang].messages[key], `${lang} ${key}`).toBeTruthy();
      for (const code of codes) expect(catalogs[lang].messages[`activity.exemption.${code}`], `${lang} exemption ${code}`).toBeTruthy();
    }
  });

  it('the page says the translation is being reviewed only in a public form: never "draft" or "unreviewed"', () => {
    for (const lang of LANGS) {
      const m = catalogs[lang].messages;
      for (const key of ['footer.translationReview', 'footer.reference', 'footer.reviewed']) expect(m[key]!.toLowerCase(), `${lang} ${key}`).not.toMatch(/draft|unreviewed|utkast|ogranskad|ai-|luonnos|чернетк|مسودة|پیش‌نویس|qabyo|ረቂቕ/);
      expect(m['footer.translationReview'], lang).not.toBe(catalogs[lang].meta.review.text);
    }
    expect(catalogs.sv.messages['footer.translationReview']).toMatch(/^Översättningen granskas/);
  });
});
