/**
 * `rules import-norm <year> <file>`: the yearly riksnorm (every November the government amends
 * socialtjänstförordningen (2025:468) 12 kap. 2 §; for the years up to 2024, (2001:937) 2 kap. 1 §).
 * Reads the table as the SFS text prints it (src/rulebook/sfsTable.ts), writes rules/riksnorm/<year>.json
 * with its source and status, validates the whole rules folder with the new file in it before writing,
 * and prints the difference against the previous year, band by band. Nothing is written when anything
 * is wrong (exit 2) or with --dry-run.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadRulebook, RulebookError, type RiksnormFile } from '../rulebook/load.ts';
import { parseSfsRiksnorm, type SfsTable } from '../rulebook/sfsTable.ts';
import { EXIT_BAD_INPUT, EXIT_OK, processIo, rulesDir, UsageError, type CliIo } from './common.ts';

const STATUSES = ['verified', 'derived'] as const;

/**
 * The paragraph an amending SFS for the year changes: socialtjänstförordningen (2001:937) 2 kap. 1 § for
 * the years up to 2024 (the ordinance in force from 1 January), (2025:468) 12 kap. 2 § from 2026 (2025
 * had both: January–June under the old ordinance, July–December under the new).
 */
export function ordinanceFor(year: number): { ordinance: string; paragraph: string; largeHouseholds: string } {
  return year <= 2024
    ? { ordinance: 'socialtjänstförordningen (2001:937)', paragraph: '2 kap. 1 §', largeHouseholds: '2 kap. 1 §' }
    : { ordinance: 'socialtjänstförordningen (2025:468)', paragraph: '12 kap. 2 §', largeHouseholds: '12 kap. 3 §' };
}

/** The rule file for the table: every value with the SFS as its source. */
export function riksnormFileFor(table: SfsTable, sfs: string, status: string, sourceTitle: string, url: string | undefined): RiksnormFile {
  const source = `sfs-${sfs.replace(':', '-')}`;
  const v = (amount: string) => ({ amount, status: status as 'verified', source });
  const o = ordinanceFor(table.year);
  return {
    id: `riksnorm/${table.year}`,
    concept: 'riksnorm',
    title: `Riksnormen för försörjningsstöd ${table.year} (SFS ${sfs})`,
    effectiveFrom: `${table.year}-01-01`,
    effectiveTo: `${table.year}-12-31`,
    legalBasis: table.year <= 2024 ? `${o.ordinance} ${o.paragraph}, i lydelse enligt SFS ${sfs}` : `${o.ordinance} 12 kap. 2–3 §§, 2 § i lydelse enligt SFS ${sfs}`,
    sources: { [source]: { title: sourceTitle, ...(url !== undefined ? { url } : {}) } },
    children: table.children.map((c) => ({ band: c.band, minAge: c.minAge, maxAge: c.maxAge, withLunch: v(c.withLunch), withoutLunch: c.withoutLunch === null ? null : v(c.withoutLunch) })),
    adults: { single: v(table.single), cohabiting: v(table.cohabiting) },
    common: table.common.map((amount, i) => ({ persons: i + 1, ...v(amount) })),
    commonAboveSeven: `Each member beyond 7 adds the difference between the 7- and 6-person amounts (${o.largeHouseholds}; computed, not stored).`,
  };
}

/** "label  old → new  (+30, +1,0 %)" lines against the previous year's table. */
export function diffLines(previous: RiksnormFile | null, next: RiksnormFile): string[] {
  const rows = (f: RiksnormFile): [string, string][] => [
    ...f.children.flatMap((c): [string, string][] => [[`${c.band} år`, c.withLunch.amount], ...(c.withoutLunch ? [[`${c.band} år utan lunch`, c.withoutLunch.amount] as [string, string]] : [])]),
    ['ensamstående', f.adults.single.amount],
    ['sambo', f.adults.cohabiting.amount],
    ...f.common.map((c): [string, string] => [`gemensamma ${c.persons} p.`, c.amount]),
  ];
  const before = new Map(previous ? rows(previous) : []);
  return rows(next).map(([label, amount]) => {
    const old = before.get(label);
    if (old === undefined) return `  ${label.padEnd(22)}${'(new)'.padStart(8)} → ${amount.padStart(6)}`;
    const delta = Number(amount) - Number(old);
    const pct = ((delta / Number(old)) * 100).toFixed(1).replace('.', ',');
    return `  ${label.padEnd(22)}${old.padStart(8)} → ${amount.padStart(6)}   ${delta >= 0 ? '+' : ''}${delta} (${delta >= 0 ? '+' : ''}${pct} %)`;
  });
}

export function runImportNorm(yearText: string | undefined, file: string | undefined, o: { rules?: string | undefined; sfs?: string | undefined; status: string; url?: string | undefined; dryRun: boolean; force: boolean }, io: CliIo = processIo()): number {
  const fail = (lines: string[]): number => {
    for (const l of lines) io.stderr.write(`${l}\n`);
    return EXIT_BAD_INPUT;
  };
  if (!yearText || !/^[0-9]{4}$/.test(yearText)) return fail([`year: expected a year YYYY, got "${yearText ?? ''}"`]);
  if (!file) return fail(['file: expected the SFS text of the table (see rules/README.md)']);
  if (!(STATUSES as readonly string[]).includes(o.status)) return fail([`--status: expected ${STATUSES.join(' or ')}, got "${o.status}"`]);
  let text: string;
  try {
    text = readFileSync(resolve(io.cwd, file), 'utf8');
  } catch (error) {
    return fail([`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`]);
  }
  const parsed = parseSfsRiksnorm(text);
  if (!parsed.ok) return fail(parsed.problems.map((p) => `${file}: ${p}`));
  const table = parsed.table;
  const year = Number(yearText);
  if (table.year !== year) return fail([`${file}: the text is the riksnorm for ${table.year}, not ${year}`]);
  const sfs = o.sfs ?? table.sfs;
  if (sfs === null || !/^[0-9]{4}:[0-9]{1,4}$/.test(sfs)) return fail([`${file}: the text names no SFS number; give it with --sfs YYYY:NNN`]);
  if (o.sfs !== undefined && table.sfs !== null && o.sfs !== table.sfs) return fail([`--sfs ${o.sfs}: the text says Förordning (${table.sfs})`]);

  const dir = rulesDir(o.rules, io.env);
  const book = loadRulebook(dir);
  const target = `riksnorm/${year}.json`;
  if (existsSync(join(dir, target)) && !o.force) return fail([`${target} exists; use --force to replace it (the old table stays in git history)`]);
  const hash = createHash('sha256').update(text).digest('hex');
  const ord = ordinanceFor(year);
  const title = `SFS ${sfs}, förordning om ändring i ${ord.ordinance}, ${ord.paragraph}: riksnormen för ${year}; imported with rules import-norm from ${basename(file)} (sha256 ${hash.slice(0, 16)}…)`;
  const next = riksnormFileFor(table, sfs, o.status, title, o.url);

  // The whole folder must load with the new file in it (bands 0–20, no overlapping windows, sources).
  const scratch = mkdtempSync(join(tmpdir(), 'import-norm-'));
  try {
    cpSync(dir, scratch, { recursive: true });
    writeFileSync(join(scratch, target), `${JSON.stringify(next, null, 2)}\n`);
    loadRulebook(scratch);
  } catch (error) {
    if (error instanceof RulebookError) return fail(error.problems.map((p) => `rules (with the new table): ${p}`));
    throw error;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  const previous = [...book.riksnorm].filter((r) => r.data.effectiveFrom < next.effectiveFrom && r.file !== target).sort((a, b) => a.data.effectiveFrom.localeCompare(b.data.effectiveFrom)).at(-1) ?? null;
  const out = [
    `${o.dryRun ? 'Would write' : 'Wrote'} rules/${target}: riksnormen ${year}, SFS ${sfs}, every value ${o.status}.`,
    `Difference against ${previous ? previous.file : '(no earlier table)'}:`,
    ...diffLines(previous?.data ?? null, next),
  ];
  const pending = book.pending.rules.filter((p) => p.data.effectiveFrom <= next.effectiveFrom && (p.data.effectiveTo === null || next.effectiveFrom <= p.data.effectiveTo));
  for (const p of pending) {
    const still = p.data.rules.filter((r) => r.status === 'pending' && r.blocksCalculation && r.kind !== 'riksnorm-table');
    if (still.length > 0) out.push(`Note: ${p.file} still blocks ${year}: ${still.map((r) => r.id).join(', ')} (rules/README.md, "Pending rules").`);
  }
  out.push('Next: add the entry to rules/CHANGELOG.md, run `rules check` and the tests (rules/README.md, "The yearly riksnorm").');
  if (!o.dryRun) writeFileSync(join(dir, target), `${JSON.stringify(next, null, 2)}\n`);
  io.stdout.write(`${out.join('\n')}\n`);
  return EXIT_OK;
}

export function importNormCommand(args: string[], io: CliIo = processIo()): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { rules: { type: 'string' }, sfs: { type: 'string' }, status: { type: 'string', default: 'verified' }, url: { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, force: { type: 'boolean', default: false } },
  });
  if (positionals.length > 2) throw new UsageError('expected: rules import-norm <year> <file>');
  return runImportNorm(positionals[0], positionals[1], { rules: values.rules, sfs: values.sfs, status: values.status, url: values.url, dryRun: values['dry-run'], force: values.force }, io);
}
