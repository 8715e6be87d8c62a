/**
 * `rules check` validates rules/ and summarises it (periods covered, how many values are verified,
 * derived or estimates, the agency income map's rows and families by status and source); `rules show YYYY-MM [--municipality KOD]` prints the resolved rule set for a
 * period with its content hash (the ruleSetVersion a decision for that month carries).
 */
import { monthCoverage, type MonthRun } from '../rulebook/coverage.ts';
import { loadRulebook } from '../rulebook/load.ts';
import { quote } from '../household/echo.ts';
import { parseArgs } from 'node:util';
import { contentHash } from '../canonical.ts';
import { parsePeriod } from '../period/index.ts';
import { resolveRuleSet, RuleLookupError } from '../rulebook/resolve.ts';
import { importNormCommand } from './importNorm.ts';
import { EXIT_BAD_INPUT, EXIT_OK, processIo, rulesDir, UsageError, type CliIo } from './common.ts';

export function runRulesCheck(rules: string | undefined, io: CliIo = processIo()): number {
  const book = loadRulebook(rulesDir(rules, io.env));
  const out: string[] = [`rules/ is valid (${rulesDir(rules, io.env)})`, '', 'Riksnorm tables:'];
  for (const r of book.riksnorm) {
    const values = [
      ...r.data.children.flatMap((c) => [c.withLunch, ...(c.withoutLunch ? [c.withoutLunch] : [])]),
      r.data.adults.single,
      r.data.adults.cohabiting,
      ...r.data.common,
    ];
    const count = (s: string) => values.filter((v) => v.status === s).length;
    out.push(`  ${r.file.padEnd(26)}${r.data.effectiveFrom} – ${r.data.effectiveTo ?? '…'}   verified ${count('verified')}, derived ${count('derived')}, estimate ${count('estimate')}`);
  }
  out.push(`  ${coverageLine(monthCoverage(book.riksnorm.map((r) => r.data)))}`);
  out.push('', 'Prisbasbelopp:');
  for (const v of book.prisbasbelopp.data.values) out.push(`  ${v.effectiveFrom.slice(0, 4)}  ${v.amount.padStart(6)} kr  ${v.status}`);
  out.push('', 'Law in force (by decision date, else the month):');
  for (const v of book.legal.data.versions) {
    const refs = Object.values(v.refs);
    out.push(`  ${v.effectiveFrom} – ${v.effectiveTo ?? '…'}  ${v.law}  (${refs.filter((r) => r.status === 'verified').length} of ${refs.length} references verified)`);
    // The references that are not confirmed, so a lawyer knows what to check (rules/README.md).
    for (const [topic, r] of Object.entries(v.refs)) {
      if (r.status !== 'verified') out.push(`      ${r.status.padEnd(23)}${topic.padEnd(20)}${r.ref}`);
    }
  }
  for (const t of book.legal.data.transitional ?? []) {
    out.push(`  transitional ${t.id}: ${t.law} for ${t.topics.join(', ')} (${t.appliesWhen} ${t.date}), ${t.status}`);
  }
  out.push('', 'Pending rules (enacted, not published; a month they block answers needs-information, and they are off until confirmed):');
  for (const p of book.pending.rules) {
    for (const r of p.data.rules) {
      const loaded = r.kind === 'riksnorm-table' && book.riksnorm.some((t) => t.data.effectiveFrom <= p.data.effectiveFrom && (t.data.effectiveTo === null || p.data.effectiveFrom <= t.data.effectiveTo));
      out.push(`  ${p.file} ${p.data.effectiveFrom} – ${p.data.effectiveTo ?? '…'}  ${(loaded ? 'loaded' : r.status).padEnd(8)} ${r.blocksCalculation ? 'blocks ' : 'off    '} ${r.id}: ${r.en}`);
    }
  }
  for (const c of book.pending.conditions) {
    out.push(`  ${c.file} ${c.data.effectiveFrom} – ${c.data.effectiveTo ?? '…'}  pending  off     ${c.data.rules.map((r) => r.name).join(', ')}`);
  }
  out.push('', 'Agency income map (rows and benefit families by status; by source):');
  for (const v of book.agencyIncomeMap.data.values) {
    const rows = v.rows;
    const families = v.families ?? [];
    const byStatus = (list: readonly { status: string }[]) => ['verified', 'derived', 'estimate'].map((s) => `${s} ${list.filter((x) => x.status === s).length}`).join(', ');
    out.push(`  ${book.agencyIncomeMap.file} ${v.effectiveFrom} – ${v.effectiveTo ?? '…'}   ${rows.length} rows: ${byStatus(rows)}; ${families.length} families: ${byStatus(families)}`);
    const sources = new Map<string, { rows: number; estimate: number }>();
    for (const r of [...rows, ...families]) {
      const entry = sources.get(r.source) ?? { rows: 0, estimate: 0 };
      entry.rows++;
      if (r.status === 'estimate') entry.estimate++;
      sources.set(r.source, entry);
    }
    for (const [source, n] of [...sources].sort((a, b) => b[1].rows - a[1].rows || (a[0] < b[0] ? -1 : 1))) {
      out.push(`      ${source.padEnd(26)}${String(n.rows).padStart(3)}${n.estimate > 0 ? `  (${n.estimate} estimate)` : ''}`);
    }
  }
  out.push('', `Municipal policies: ${[...book.municipal.keys()].join(', ')}`);
  for (const [code, m] of book.municipal) {
    for (const v of m.data.values) {
      const g = v.guideline;
      if (!g) continue;
      const parts: { name: string; status: string }[] = [
        { name: 'decision', status: g.decision.status },
        ...(g.rentCeiling ? [{ name: `rent ceiling (${g.rentCeiling.basis})`, status: g.rentCeiling.status }] : []),
        ...Object.entries(g.costCeilings ?? {}).map(([k, c]) => ({ name: `ceiling ${k}`, status: c.status })),
        ...Object.entries(g.items ?? {}).map(([k, i]) => ({ name: `item ${k}`, status: i.status })),
        ...(g.supplements ?? []).map((x) => ({ name: `supplement ${x.id}`, status: x.status })),
      ];
      const example = m.data.example ? `  example of ${m.data.example.name} (${m.data.example.municipality}) ${m.data.example.year}, not today's rules` : '';
      out.push(`  guideline ${code} ${v.effectiveFrom} – ${v.effectiveTo ?? '…'}${example}`);
      out.push(`      ${parts.map((p) => `${p.name}: ${p.status}`).join('; ')}`);
    }
  }
  for (const v of book.supportObstacles.data.values) {
    const list = Object.values(v.obstacles);
    out.push(`Försörjningshinder ${v.effectiveFrom} – ${v.effectiveTo ?? '…'}: ${list.length} labels (${v.status}), Socialstyrelsen's codes: ${list.filter((o) => o.codeStatus === 'verified').length} verified, ${list.filter((o) => o.codeStatus === 'unverified').length} unverified`);
  }
  for (const v of book.unitStatistics.data.values) {
    out.push(`Unit statistics ${v.effectiveFrom} – ${v.effectiveTo ?? '…'}: long-term aid ${v.longTermAid.months} of ${v.longTermAid.window} months (${v.longTermAid.status}), smallest count shown ${v.minimumCount.value} (${v.minimumCount.status})`);
  }
  out.push(`Conditions: ${book.conditions.map((c) => `${c.file} (${c.data.rules.length} rules)`).join(', ')}`);
  io.stdout.write(`${out.join('\n')}\n`);
  return EXIT_OK;
}

/** Whether every month from the first riksnorm table to the last has exactly one table, or which do not. */
function coverageLine(c: ReturnType<typeof monthCoverage>): string {
  if (c.from === null) return 'no riksnorm table';
  const list = (runs: readonly MonthRun[]) => runs.map((r) => (r.from === r.to ? r.from : `${r.from} – ${r.to}`)).join(', ');
  const problems = [
    ...(c.missing.length > 0 ? [`missing months (no table): ${list(c.missing)}`] : []),
    ...(c.multiple.length > 0 ? [`months with more than one table: ${list(c.multiple)}`] : []),
  ];
  return `every month ${c.from} – ${c.to}: ${problems.length === 0 ? 'exactly one table, no missing month' : problems.join('; ')}`;
}

export function runRulesShow(periodText: string | undefined, municipality: string | undefined, rules: string | undefined, io: CliIo = processIo()): number {
  const period = periodText ? parsePeriod(periodText) : null;
  if (!period) {
    io.stderr.write(`period: expected a month YYYY-MM, got ${quote(periodText ?? '')}\n`);
    return EXIT_BAD_INPUT;
  }
  const book = loadRulebook(rulesDir(rules, io.env));
  try {
    const set = resolveRuleSet(book, period, municipality ?? null);
    io.stdout.write(`${JSON.stringify({ ruleSetVersion: contentHash(set), rules: set }, null, 2)}\n`);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof RuleLookupError) {
      io.stderr.write(`${error.field}: ${error.message}\n`);
      return EXIT_BAD_INPUT;
    }
    throw error;
  }
}

export function rulesCommand(args: string[], io: CliIo = processIo()): number {
  if (args[0] === 'import-norm') return importNormCommand(args.slice(1), io);
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { rules: { type: 'string' }, municipality: { type: 'string' } } });
  if (positionals[0] === 'check') return runRulesCheck(values.rules, io);
  if (positionals[0] === 'show') return runRulesShow(positionals[1], values.municipality, values.rules, io);
  throw new UsageError('expected "check", "show YYYY-MM" or "import-norm YYYY FILE"');
}
