/**
 * `rules check` validates rules/ and summarises it (periods covered, how many values are verified,
 * derived or estimates); `rules show YYYY-MM [--municipality KOD]` prints the resolved rule set for a
 * period with its content hash (the ruleSetVersion a decision for that month carries).
 */
import { parseArgs } from 'node:util';
import { contentHash } from '../canonical.ts';
import { parsePeriod } from '../period/index.ts';
import { resolveRuleSet, RuleLookupError } from '../rulebook/resolve.ts';
import { EXIT_BAD_INPUT, EXIT_OK, loadRulesOrExit, processIo, rulesDir, UsageError, type CliIo } from './common.ts';

export function runRulesCheck(rules: string | undefined, io: CliIo = processIo()): number {
  const book = loadRulesOrExit(rulesDir(rules, io.env));
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
  out.push('', 'Prisbasbelopp:');
  for (const v of book.prisbasbelopp.data.values) out.push(`  ${v.effectiveFrom.slice(0, 4)}  ${v.amount.padStart(6)} kr  ${v.status}`);
  out.push('', 'Law in force:');
  for (const v of book.legal.data.versions) {
    const refs = Object.values(v.refs);
    out.push(`  ${v.effectiveFrom} – ${v.effectiveTo ?? '…'}  ${v.law}  (${refs.filter((r) => r.status === 'verified').length} of ${refs.length} references verified)`);
  }
  out.push('', `Municipal policies: ${[...book.municipal.keys()].join(', ')}`);
  out.push(`Conditions: ${book.conditions.map((c) => `${c.file} (${c.data.rules.length} rules)`).join(', ')}`);
  io.stdout.write(`${out.join('\n')}\n`);
  return EXIT_OK;
}

export function runRulesShow(periodText: string | undefined, municipality: string | undefined, rules: string | undefined, io: CliIo = processIo()): number {
  const period = periodText ? parsePeriod(periodText) : null;
  if (!period) {
    io.stderr.write(`period: expected a month YYYY-MM, got "${periodText ?? ''}"\n`);
    return EXIT_BAD_INPUT;
  }
  const book = loadRulesOrExit(rulesDir(rules, io.env));
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
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { rules: { type: 'string' }, municipality: { type: 'string' } } });
  if (positionals[0] === 'check') return runRulesCheck(values.rules, io);
  if (positionals[0] === 'show') return runRulesShow(positionals[1], values.municipality, values.rules, io);
  throw new UsageError('expected "check" or "show YYYY-MM"');
}
