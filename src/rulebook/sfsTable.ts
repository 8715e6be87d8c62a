/**
 * Reads the riksnorm table as the SFS text prints it (socialtjänstförordningen (2025:468) 12 kap. 2 §,
 * and 2 kap. 1 § of the ordinance before it): "Riksnormen för ett hushåll under <år> …", then three tables —
 * personliga kostnader per hemmavarande barn och skolungdom (an age band per row: "1-2 år 3 060 2 800",
 * the second amount "utan lunch fem dagar per vecka"), personliga kostnader vuxna ("Ensamstående 3 940",
 * "Sambo 7 100") and gemensamma hushållskostnader ("1 1 280" … "7 2 830"). The same tables written with
 * the age bands as columns (rows "Summa personliga kostnader" and "Utan lunch fem dagar per vecka", as in
 * a Markdown copy) are read too, and so is the print of 2 kap. 1 § socialtjänstförordningen (2001:937)
 * as a PDF copy gives it (SFS 2020:1013): "ej lunch 5 dagar/vecka" and "med lunch" blocks, the age
 * bands ("under 1 år", "1–2 år" …) then the amounts in the same order, "Ensamstående" / "Sambor" then
 * their amounts, "1 pers." … "7 pers." then theirs. Amounts are whole kronor with a space or no-break
 * space between thousands. Pure: text in, table or problems out (the command writes the file:
 * src/cli/importNorm.ts).
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
/** A line of amounts and nothing else ("2 170 2 440"), as a PDF copy prints a table's cells. */
const AMOUNTS_ONLY = /^[0-9]{1,3}(?: [0-9]{3})*(?: [0-9]{1,3}(?: [0-9]{3})*)*$/;
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
  if (/personliga kostnader (i kronor )?per hemmavarande barn/.test(l)) return 'children';
  if (/personliga kostnader (i kronor )?(- )?vuxna/.test(l)) return 'adults';
  if (l.startsWith('gemensamma hushållskostnader')) return 'common';
  return current;
}

type Band = { band: string; minAge: number; maxAge: number };

/** One "ej lunch" / "med lunch" block of the 2 kap. 1 § print: its age bands, then its amounts, in order. */
interface Block {
  column: 'withLunch' | 'withoutLunch';
  bands: Band[];
  amounts: string[];
  /** "under" ended the previous line: the next "1 år" is the band under 1 year (0 år). */
  under: boolean;
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
  blocks: Block[];
  adultOrder: ('single' | 'cohabiting')[];
  adultAmounts: string[];
  commonOrder: number[];
  commonAmounts: string[];
}

const bandOf = (m: RegExpMatchArray): Band => ({ band: m[2] ? `${m[1]}-${m[2]}` : m[1]!, minAge: Number(m[1]), maxAge: Number(m[2] ?? m[1]) });

/** A line inside an "ej lunch" / "med lunch" block: age bands ("under 1 år" is 0 år) or amounts. */
function blockLine(block: Block, line: string): void {
  if (/(^| )under$/i.test(line)) {
    block.under = true;
    return;
  }
  const bands = [...line.matchAll(BAND)];
  if (bands.length > 0) {
    for (const b of bands) {
      const under = block.under || /under $/i.test(line.slice(0, b.index));
      block.bands.push(under && b[1] === '1' && !b[2] ? { band: '0', minAge: 0, maxAge: 0 } : bandOf(b));
      block.under = false;
    }
    return;
  }
  if (AMOUNTS_ONLY.test(line)) block.amounts.push(...amountsIn(line));
}

/** One line of the children's table, in either layout. */
function childrenLine(acc: Acc, line: string): void {
  const l = line.toLowerCase();
  const block = /^(ej|med) lunch\b/.exec(l);
  if (block) {
    acc.blocks.push({ column: block[1] === 'ej' ? 'withoutLunch' : 'withLunch', bands: [], amounts: [], under: false });
    return;
  }
  if (acc.blocks.length > 0) {
    blockLine(acc.blocks.at(-1)!, line);
    return;
  }
  const bands = [...line.matchAll(BAND)];
  if (bands.length > 1) {
    acc.columnBands = bands.map(bandOf);
    return;
  }
  if (bands.length === 1 && line.startsWith(bands[0]![0])) {
    const b = bands[0]!;
    const amounts = amountsIn(line.slice(b[0].length));
    if (amounts.length === 0) return;
    acc.bands.push({ ...bandOf(b), withLunch: amounts[0]!, withoutLunch: amounts[1] ?? null });
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
  // The 2 kap. 1 § print: "Ensamstående" and "Sambor" on lines of their own, then their amounts.
  if (amounts.length === 0 && /^(ensamstående|sambor?|samboende)$/.test(l)) {
    acc.adultOrder.push(l.startsWith('ensam') ? 'single' : 'cohabiting');
    return;
  }
  if (acc.adultOrder.length > 0 && AMOUNTS_ONLY.test(line)) {
    acc.adultAmounts.push(...amounts);
    acc.adultOrder.forEach((who, i) => {
      if (acc.adultAmounts[i] !== undefined) acc[who] = acc.adultAmounts[i]!;
    });
    return;
  }
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
  // The 2 kap. 1 § print: "1 pers." … "7 pers." on lines of their own, then the amounts in that order
  // (read in order: "1 020" is the amount for 1 person, not "1 person, 020").
  const header = /^([1-7]) pers\.?$/.exec(text);
  if (header) {
    acc.commonOrder.push(Number(header[1]));
    return;
  }
  if (acc.commonOrder.length > 0) {
    if (!AMOUNTS_ONLY.test(text)) return;
    acc.commonAmounts.push(...amountsIn(text));
    acc.commonOrder.forEach((persons, i) => {
      if (acc.commonAmounts[i] !== undefined) acc.common[persons - 1] = acc.commonAmounts[i]!;
    });
    return;
  }
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
  const acc: Acc = {
    year: null,
    sfs: null,
    bands: [],
    columnBands: [],
    single: null,
    cohabiting: null,
    adultColumns: [],
    common: Array(7).fill(null),
    commonColumns: [],
    blocks: [],
    adultOrder: [],
    adultAmounts: [],
    commonOrder: [],
    commonAmounts: [],
  };
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
  // The "ej lunch" / "med lunch" blocks: each band takes the amount in the same place.
  for (const block of acc.blocks) {
    if (block.bands.length !== block.amounts.length) {
      problems.push(`children: the "${block.column === 'withLunch' ? 'med lunch' : 'ej lunch'}" block has ${block.bands.length} age bands and ${block.amounts.length} amounts`);
      continue;
    }
    block.bands.forEach((b, i) => {
      let row = acc.bands.find((x) => x.band === b.band);
      if (!row) {
        row = { ...b, withLunch: null, withoutLunch: null };
        acc.bands.push(row);
      }
      row[block.column] = block.amounts[i]!;
    });
  }
  acc.bands.sort((a, b) => a.minAge - b.minAge);
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
