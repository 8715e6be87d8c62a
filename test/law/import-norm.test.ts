/**
 * `rules import-norm <year> <file>`: the yearly table read as the SFS text prints it, written as a
 * dated rule file with its source and status, validated, with the difference against the previous year.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { runImportNorm } from '../../src/cli/importNorm.ts';
import { loadRulebook, RuleSetCache } from '../../src/index.ts';
import { parseSfsRiksnorm } from '../../src/rulebook/sfsTable.ts';
import { book, calc, ROOT, RULES_DIR, evaluateRendered } from '../support/engine.ts';
import { applicant, child, household } from '../support/households.ts';

const SFS_2026 = `${ROOT}test/law/data/sfs-2025-1046-riksnorm-2026.txt`;
const COLUMNS_2025 = `${ROOT}test/law/data/riksnorm-2025-columns.md`;
const SFS_2021 = `${ROOT}test/law/data/sfs-2020-1013-riksnorm-2021.txt`;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
afterEach(() => vi.restoreAllMocks());

const amountsOf = (f: { children: readonly { withLunch: { amount: string }; withoutLunch: { amount: string } | null }[]; adults: { single: { amount: string }; cohabiting: { amount: string } }; common: readonly { amount: string }[] }) => [
  ...f.children.flatMap((c) => [c.withLunch.amount, c.withoutLunch?.amount ?? null]),
  f.adults.single.amount,
  f.adults.cohabiting.amount,
  ...f.common.map((c) => c.amount),
];
const fileOf = (id: string) => book.riksnorm.find((r) => r.data.id === id)!.data;

function rulesCopy(without: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'import-norm-test-'));
  dirs.push(dir);
  cpSync(RULES_DIR, dir, { recursive: true });
  for (const f of without) unlinkSync(join(dir, f));
  return dir;
}

function run(year: string, file: string, rules: string, extra: Partial<{ sfs: string; dryRun: boolean; force: boolean; status: string }> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  const code = runImportNorm(year, file, { rules, status: extra.status ?? 'verified', dryRun: extra.dryRun ?? false, force: extra.force ?? false, sfs: extra.sfs });
  vi.restoreAllMocks();
  return { code, out: out.join(''), err: err.join('') };
}

describe('reading the SFS text', () => {
  it('the SFS layout (an age band per row) gives the official 2026 table', () => {
    const p = parseSfsRiksnorm(readFileSync(SFS_2026, 'utf8'));
    expect(p.ok && [p.table.year, p.table.sfs]).toEqual([2026, '2025:1046']);
    const t = p.ok ? p.table : null;
    expect([...t!.children.flatMap((c) => [c.withLunch, c.withoutLunch]), t!.single, t!.cohabiting, ...t!.common]).toEqual(amountsOf(fileOf('riksnorm/2026')));
  });
  it('the columns layout (bands as columns, as in a Markdown copy) gives the official 2025 table', () => {
    const p = parseSfsRiksnorm(readFileSync(COLUMNS_2025, 'utf8'));
    const t = p.ok ? p.table : null;
    expect([t!.year, t!.sfs]).toEqual([2025, '2025:468']);
    expect([...t!.children.flatMap((c) => [c.withLunch, c.withoutLunch]), t!.single, t!.cohabiting, ...t!.common]).toEqual(amountsOf(fileOf('riksnorm/2025-07')));
  });
  it('the print of 2 kap. 1 § socialtjänstförordningen (2001:937) (SFS 2020:1013, a PDF copy: bands, then amounts) gives the 2021 table', () => {
    const p = parseSfsRiksnorm(readFileSync(SFS_2021, 'utf8'));
    const t = p.ok ? p.table : null;
    expect([t!.year, t!.sfs]).toEqual([2021, '2020:1013']);
    expect([...t!.children.flatMap((c) => [c.withLunch, c.withoutLunch]), t!.single, t!.cohabiting, ...t!.common]).toEqual(amountsOf(fileOf('riksnorm/2021')));
  });
  it('in that print, "1 020" under "1 pers." is 1 020 kr, and a block whose bands and amounts do not pair up is refused', () => {
    const p = parseSfsRiksnorm(readFileSync(SFS_2021, 'utf8'));
    expect(p.ok && p.table.common[0]).toBe('1020');
    const short = parseSfsRiksnorm(readFileSync(SFS_2021, 'utf8').replace('\n2 170\n', '\n'));
    expect(short.ok ? [] : short.problems).toEqual(['children: the "ej lunch" block has 4 age bands and 3 amounts']);
  });
  it('a missing row or year is named, nothing is filled in', () => {
    const text = readFileSync(SFS_2026, 'utf8').replace('Sambo	        7 100', '').replace('Riksnormen för ett hushåll under 2026', 'Riksnormen');
    const p = parseSfsRiksnorm(text);
    expect(p.ok ? [] : p.problems).toEqual(['no "Riksnormen för ett hushåll under <år>" sentence: which year the table is for is not stated', 'adults: no amount for "Sambo"']);
  });
});

describe('rules import-norm', () => {
  it('writes the dated file, valid, verified with the SFS as source, and the engine calculates with it exactly as with the shipped table', () => {
    const dir = rulesCopy(['riksnorm/2026.json']);
    const r = run('2026', SFS_2026, dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Wrote rules/riksnorm/2026.json');
    expect(r.out).toContain('Difference against riksnorm/2025-07.json');
    expect(r.out).toMatch(/1-2 år +3030 → +3060 +\+30 \(\+1,0 %\)/);
    const written = JSON.parse(readFileSync(join(dir, 'riksnorm/2026.json'), 'utf8'));
    expect(written).toMatchObject({ id: 'riksnorm/2026', effectiveFrom: '2026-01-01', effectiveTo: '2026-12-31', legalBasis: 'socialtjänstförordningen (2025:468) 12 kap. 2–3 §§, 2 § i lydelse enligt SFS 2025:1046' });
    expect(written.sources['sfs-2025-1046'].title).toContain('imported with rules import-norm');
    expect(amountsOf(written)).toEqual(amountsOf(fileOf('riksnorm/2026')));
    const statuses = [...written.children.flatMap((c: any) => [c.withLunch.status, ...(c.withoutLunch ? [c.withoutLunch.status] : [])]), written.adults.single.status, written.adults.cohabiting.status, ...written.common.map((c: any) => c.status)];
    expect(new Set(statuses)).toEqual(new Set(['verified']));
    const cache = new RuleSetCache(loadRulebook(dir));
    const raw = household('2026-03', [applicant(), child('c1', '2015-05-05')]);
    const imported = evaluateRendered(raw, (p, m, d) => cache.get(p, m, d));
    expect(imported.ok && [imported.decision.norm.total, imported.decision.payable]).toEqual([calc(raw).norm.total, calc(raw).payable]);
  });
  it('a year before 2025 is written as 2 kap. 1 § socialtjänstförordningen (2001:937), with the same amounts as the shipped 2021 table', () => {
    const dir = rulesCopy(['riksnorm/2021.json']);
    const r = run('2021', SFS_2021, dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Difference against riksnorm/2020.json');
    const written = JSON.parse(readFileSync(join(dir, 'riksnorm/2021.json'), 'utf8'));
    expect(written.legalBasis).toBe('socialtjänstförordningen (2001:937) 2 kap. 1 §, i lydelse enligt SFS 2020:1013');
    expect(written.sources['sfs-2020-1013'].title).toMatch(/^SFS 2020:1013, förordning om ändring i socialtjänstförordningen \(2001:937\), 2 kap\. 1 §: riksnormen för 2021/);
    expect(amountsOf(written)).toEqual(amountsOf(fileOf('riksnorm/2021')));
  });
  it('refuses a wrong year, an existing file without --force, and a text without an SFS number; --dry-run writes nothing', () => {
    const dir = rulesCopy();
    expect(run('2027', SFS_2026, dir)).toMatchObject({ code: 2, err: expect.stringContaining('the text is the riksnorm for 2026, not 2027') });
    expect(run('2026', SFS_2026, dir)).toMatchObject({ code: 2, err: expect.stringContaining('riksnorm/2026.json exists; use --force') });
    const bare = join(dir, 'bare.txt');
    writeFileSync(bare, readFileSync(SFS_2026, 'utf8').replace(' Förordning (2025:1046).', '').replace('Förordning om ändring', 'Ändring'));
    expect(run('2026', bare, rulesCopy(['riksnorm/2026.json']))).toMatchObject({ code: 2, err: expect.stringContaining('--sfs') });
    const dry = rulesCopy(['riksnorm/2026.json']);
    expect(run('2026', SFS_2026, dry, { dryRun: true })).toMatchObject({ code: 0, out: expect.stringContaining('Would write') });
    expect(existsSync(join(dry, 'riksnorm/2026.json'))).toBe(false);
  });
  it('a table that would overlap another is refused by the rulebook check, nothing written', () => {
    const dir = rulesCopy();
    const text = readFileSync(COLUMNS_2025, 'utf8');
    expect(run('2025', join(dir, 'x.md'), dir)).toMatchObject({ code: 2, err: expect.stringContaining('cannot read the file') });
    writeFileSync(join(dir, 'x.md'), text);
    const overlap = run('2025', join(dir, 'x.md'), dir);
    expect(overlap.code).toBe(2);
    expect(overlap.err).toMatch(/overlaps/);
    expect(existsSync(join(dir, 'riksnorm/2025.json'))).toBe(false);
  });
  it('a 2027 table says which pending 2027 rules still block the year', () => {
    const dir = rulesCopy();
    const file = join(dir, 'sfs-2027.txt');
    writeFileSync(file, readFileSync(SFS_2026, 'utf8').replace('under 2026', 'under 2027').replace('2025:1046', '2026:9999'));
    const r = run('2027', file, dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('pending/2027.json still blocks 2027: norm-reference-value, norm-ceiling, large-household-limit');
  });
});
