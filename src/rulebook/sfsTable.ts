/**
 * Reads the riksnorm table as the SFS text prints it (socialtjänstförordningen (2025:468) 12 kap. 2 §,
 * and 2 kap. 1 § of the ordinance before it): "Riksnormen för ett hushåll under <år> …", then three tables —
 * personliga kostnader per hemmavarande barn och skolungdom (an age band per row: "1-2 år 3 060 2 800",
 * the second amount "utan lunch fem dagar per vecka"), personliga kostnader vuxna ("Ensamstående 3 940",
 * "Sambo 7 100") and gemensamma hushållskostnader ("1 1 280" … "7 2 830"). The same tables written with
 * the age bands as columns (rows "Summa personliga kostnader" and "Utan lunch fem dagar per vecka", as in
 * a Markdown copy) are read too. Amounts are whole kronor with a space or no-break space between
 * thousands. Pure: text in, table or problems out (the command writes the file: src/cli/importNorm.ts).
 */

export interface SfsBand {
  readonly band: string;
  readonly minAge: number;
  readonly maxAge: number;
  readonly withLunch: string;
  readonly withoutLunch: string | null;
}

export interface SfsTable {
  readonly year: number;
  /** The amending SFS named in the text ("Förordning (2025:1046)."), if any. */
  readonly sfs: string | null;
  readonly children: readonly SfsBand[];
  readonly single: string;
  readonly cohabiting: string;
  /** Gemensamma for 1–7 persons. */
  readonly common: readonly string[];
}

export type SfsParse = { readonly ok: true; readonly table: SfsTable } | { readonly ok: false; readonly problems: readonly string[] };

const AMOUNT = /(?<![0-9])[0-9]{1,3}(?: [0-9]{3})*(?![0-9])/g;
const BAND = /(?<![0-9])([0-9]{1,2})(?:-([0-9]{1,2}))? ?år/g;

/** Links, Markdown pipes and emphasis out; dashes to "-"; every space (tab, no-break) to one space. */
function clean(line: string): string {
  return line
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[|*_]/g, ' ')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
}

const amountsIn = (text: string): string[] => [...text.matchAll(AMOUNT)].map((m) => m[0].replace(/ /g, ''));

type Section = 'children' | 'adults' | 'common' | null;

function sectionOf(line: string, current: Section): Section {
  const l = line.toLowerCase();
  if (l.includes('personliga kostnader per hemmavarande barn')) return 'children';
  if (l.includes('personliga kostnader vuxna')) return 'adults';
  if (l.startsWith('gemensamma hushållskostnader')) return 'common';
  return current;
}

interface Acc {
  year: number | null;
  sfs: string | null;
  bands: { band: string; minAge: number; maxAge: number; withLunch: string | null; withoutLunch: string | null }[];
  columnBands: { band: string; minAge: number; maxAge: number }[];
  single: string | null;
  cohabiting: string | null;
  adultColumns: ('single' | 'cohabiting')[];
  common: (string | null)[];
  commonColumns: number[];
}

/** One line of the children's table, in either layout. */
function childrenLine(acc: Acc, line: string): void {
  const bands = [...line.matchAll(BAND)];
  const l = line.toLowerCase();
  if (bands.length > 1) {
    acc.columnBands = bands.map((b) => ({ band: b[2] ? `${b[1]}-${b[2]}` : b[1]!, minAge: Number(b[1]), maxAge: Number(b[2] ?? b[1]) }));
    return;
  }
  if (bands.length === 1 && line.startsWith(bands[0]![0])) {
    const b = bands[0]!;
    const amounts = amountsIn(line.slice(b[0].length));
    if (amounts.length === 0) return;
    acc.bands.push({ band: b[2] ? `${b[1]}-${b[2]}` : b[1]!, minAge: Number(b[1]), maxAge: Number(b[2] ?? b[1]), withLunch: amounts[0]!, withoutLunch: amounts[1] ?? null });
    return;
  }
  // Columns layout: "Summa personliga kostnader | 2 720 | …" and "Utan lunch fem dagar per vecka | 2 540 | … | – |".
  if (acc.columnBands.length === 0) return;
  const values = columnValues(line.replace(/^[^0-9-]*/, ''), acc.columnBands.length);
  if (values === null) return;
  const withoutLunch = l.startsWith('utan lunch');
  if (!withoutLunch && !l.startsWith('summa')) return;
  acc.columnBands.forEach((b, i) => {
    let row = acc.bands.find((x) => x.band === b.band);
    if (!row) {
      row = { ...b, withLunch: null, withoutLunch: null };
      acc.bands.push(row);
    }
    if (withoutLunch) row.withoutLunch = values[i] ?? null;
    else row.withLunch = values[i] ?? null;
  });
}

/** The cells of a columns row: amounts, "-" for an empty cell; null when it is not such a row. */
function columnValues(rest: string, columns: number): (string | null)[] | null {
  const out: (string | null)[] = [];
  let text = rest.trim();
  while (text.length > 0 && out.length < columns) {
    if (text.startsWith('-')) {
      out.push(null);
      text = text.slice(1).trim();
      continue;
    }
    const m = /^[0-9]{1,3}(?: [0-9]{3})*(?![0-9])/.exec(text);
    if (!m) break;
    out.push(m[0].replace(/ /g, ''));
    text = text.slice(m[0].length).trim();
  }
  return out.length === 0 ? null : out;
}

function adultsLine(acc: Acc, line: string): void {
  const l = line.toLowerCase();
  const amounts = amountsIn(line);
  if (l.includes('ensamstående') && l.includes('sambo') && amounts.length === 0) {
    acc.adultColumns = l.indexOf('ensamstående') < l.indexOf('sambo') ? ['single', 'cohabiting'] : ['cohabiting', 'single'];
    return;
  }
  if (l.startsWith('ensamstående') && amounts.length > 0) acc.single = amounts[0]!;
  else if (l.startsWith('sambo') && amounts.length > 0) acc.cohabiting = amounts[0]!;
  else if (l.startsWith('summa') && acc.adultColumns.length === 2 && amounts.length >= 2) {
    acc[acc.adultColumns[0]!] = amounts[0]!;
    acc[acc.adultColumns[1]!] = amounts[1]!;
  }
}

function commonLine(acc: Acc, line: string): void {
  const text = line.replace(/\([^)]*\)/g, ' ').replace(/ +/g, ' ').trim();
  // Columns layout: a header "1 2 3 4 5 6 7" (persons), then a row "kr 1 270 1 400 …".
  if (/(?:^|[^0-9 ]) ?1 2 3 4 5 6 7(?![0-9])/.test(text) || /^1 2 3 4 5 6 7(?![0-9])/.test(text)) {
    acc.commonColumns = [1, 2, 3, 4, 5, 6, 7];
    return;
  }
  if (acc.commonColumns.length === 7 && /^(kr|summa)/i.test(text)) {
    const amounts = amountsIn(text);
    if (amounts.length >= 7) for (let i = 0; i < 7; i++) acc.common[i] = amounts[i]!;
    return;
  }
  const row = /^([1-7]) ([0-9]{1,3}(?: [0-9]{3})*)(?![0-9])/.exec(text);
  if (row) acc.common[Number(row[1]) - 1] = row[2]!.replace(/ /g, '');
}

/** Parses the SFS text of one year's riksnorm. Every problem is named; nothing is guessed or filled in. */
export function parseSfsRiksnorm(text: string): SfsParse {
  const acc: Acc = { year: null, sfs: null, bands: [], columnBands: [], single: null, cohabiting: null, adultColumns: [], common: Array(7).fill(null), commonColumns: [] };
  let section: Section = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = clean(raw);
    if (line === '') continue;
    const year = /riksnormen för ett hushåll under ([0-9]{4})/i.exec(line);
    if (year) acc.year = Number(year[1]);
    const sfs = /(?:förordning|sfs)\s*\(?\s*([0-9]{4}:[0-9]{1,4})\s*\)?/i.exec(line);
    if (sfs && /förordning \(|sfs ?[0-9]/i.test(line)) acc.sfs = sfs[1]!;
    // A heading may carry the column headers on the same line (a Markdown table), so the line is read on.
    section = sectionOf(line, section);
    if (section === 'children') childrenLine(acc, line);
    else if (section === 'adults') adultsLine(acc, line);
    else if (section === 'common') commonLine(acc, line);
  }
  const problems: string[] = [];
  if (acc.year === null) problems.push('no "Riksnormen för ett hushåll under <år>" sentence: which year the table is for is not stated');
  if (acc.bands.length === 0) problems.push('no table "Personliga kostnader per hemmavarande barn och skolungdom" with age bands and amounts');
  for (const b of acc.bands) if (b.withLunch === null) problems.push(`children: age band ${b.band} år has no "Summa personliga kostnader" amount`);
  if (acc.single === null) problems.push('adults: no amount for "Ensamstående"');
  if (acc.cohabiting === null) problems.push('adults: no amount for "Sambo"');
  acc.common.forEach((c, i) => {
    if (c === null) problems.push(`gemensamma hushållskostnader: no amount for ${i + 1} ${i === 0 ? 'person' : 'personer'}`);
  });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    table: {
      year: acc.year!,
      sfs: acc.sfs,
      children: acc.bands.map((b) => ({ band: b.band, minAge: b.minAge, maxAge: b.maxAge, withLunch: b.withLunch!, withoutLunch: b.withoutLunch })),
      single: acc.single!,
      cohabiting: acc.cohabiting!,
      common: acc.common as string[],
    },
  };
}
