/**
 * A glossary per language of the key terms (issue 29), in glossary/<lang>.json: for each Swedish term
 * (the words residents meet on their letters), the term the catalogue uses for it. The Swedish file
 * says how to find the term in a Swedish message (`match`, a regular expression, so "a-kassan" finds
 * "a-kassa") and whether the other languages keep the Swedish term in brackets (`bracket`:
 * "income support (försörjningsstöd)"). Every other file gives the term in its language and how to
 * find it (`match`, allowing for inflection: Finnish "toimeentulotuki", "toimeentulotukea").
 *
 * glossaryProblems names every message of a catalogue that says the Swedish term in Swedish but not
 * the glossary's term in translation, or leaves out the bracketed Swedish term: the test suite fails
 * on it, so "ekonomiskt bistånd" and "försörjningsstöd" can never become one word again, nor a
 * translator choose another word for "riksnormen" in one sentence. The page lists the glossary (the
 * Swedish term beside its translation) for readers of the other languages.
 */
import { readFileSync } from 'node:fs';
import { projectPath } from '../../paths.ts';
import { LANGS, REFERENCE_LANG, type Catalogs, type Lang } from './catalog.ts';

export const GLOSSARY_DIR = projectPath('src/web/resident/glossary/');

export interface GlossaryTerm {
  /** The term in the glossary's language, as the page lists it. */
  readonly term: string;
  /** A regular expression (case-insensitive) that finds the term in a message, inflected forms included. */
  readonly match: string;
  /** Swedish file only: the other languages write the Swedish term in brackets after theirs. */
  readonly bracket?: boolean;
}

export interface Glossary {
  readonly language: Lang;
  /** By the Swedish term. */
  readonly terms: Readonly<Record<string, GlossaryTerm>>;
}

export type Glossaries = Readonly<Record<Lang, Glossary>>;

export function loadGlossaries(dir: string = GLOSSARY_DIR): Glossaries {
  const out: Partial<Record<Lang, Glossary>> = {};
  for (const lang of LANGS) out[lang] = JSON.parse(readFileSync(`${dir}${lang}.json`, 'utf8')) as Glossary;
  return out as Glossaries;
}

const finder = (pattern: string): RegExp => new RegExp(pattern, 'iu');

/** Every place a catalogue does not use its glossary's term for a Swedish term, one line each. */
export function glossaryProblems(catalogs: Catalogs, glossaries: Glossaries): string[] {
  const problems: string[] = [];
  const swedish = glossaries[REFERENCE_LANG].terms;
  for (const lang of LANGS) {
    const g = glossaries[lang];
    if (g.language !== lang) problems.push(`${lang}: glossary language is "${g.language}"`);
    for (const sv of Object.keys(swedish)) {
      const entry = g.terms[sv];
      if (!entry) {
        problems.push(`${lang}: the glossary has no term for "${sv}"`);
        continue;
      }
      if (!finder(entry.match).test(entry.term)) problems.push(`${lang}: glossary "${sv}": match /${entry.match}/ does not find its own term "${entry.term}"`);
    }
    for (const sv of Object.keys(g.terms)) if (!(sv in swedish)) problems.push(`${lang}: glossary term "${sv}" is not in the Swedish glossary`);
    if (lang === REFERENCE_LANG) continue;
    for (const [key, svText] of Object.entries(catalogs[REFERENCE_LANG].messages)) {
      const text = catalogs[lang].messages[key];
      if (text === undefined) continue; // checkCatalogs names it
      for (const [sv, svTerm] of Object.entries(swedish)) {
        const entry = g.terms[sv];
        if (!entry || !finder(svTerm.match).test(svText)) continue;
        if (!finder(entry.match).test(text)) problems.push(`${lang}: "${key}" says "${sv}" in Swedish but not "${entry.term}"`);
        if (svTerm.bracket && !text.includes(`(${sv})`)) problems.push(`${lang}: "${key}" does not give the Swedish term in brackets: "(${sv})"`);
      }
    }
  }
  return problems;
}
