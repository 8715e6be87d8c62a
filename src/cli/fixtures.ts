/**
 * `run-fixtures [DIR]`: calculates every household file in a folder (default fixtures/) and prints one
 * line per file: outcome, norm, need, counted income and payable. Files that are invalid on purpose
 * (fixtures/invalid/) are not in the folder itself. Exit 2 if any file is bad input.
 */
import { loadRulebook } from '../rulebook/load.ts';
import { readdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { join, resolve } from 'node:path';
import { escapeControls } from '../household/echo.ts';
import { evaluateHousehold } from '../index.ts';
import { RuleSetCache } from '../rulebook/resolve.ts';
import { EXIT_BAD_INPUT, EXIT_OK, problemLines, processIo, readJsonFile, rulesDir, type CliIo } from './common.ts';

export function runFixtures(dir: string, rules: string | undefined, io: CliIo = processIo()): number {
  const cache = new RuleSetCache(loadRulebook(rulesDir(rules, io.env)));
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  let bad = 0;
  io.stdout.write(`${'file'.padEnd(62)}${'outcome'.padEnd(19)}${'norm'.padStart(10)}${'need'.padStart(10)}${'income'.padStart(10)}${'payable'.padStart(10)}\n`);
  for (const name of files) {
    const read = readJsonFile(join(dir, name));
    if (!read.ok) {
      io.stderr.write(problemLines([read.problem], join(dir, name), 'sv'));
      bad++;
      continue;
    }
    const result = evaluateHousehold(read.value, (period, municipality, decidedOn) => cache.get(period, municipality, decidedOn));
    if (!result.ok) {
      for (const line of problemLines(result.issues, '(household)', 'sv').split('\n').slice(0, -1)) io.stderr.write(`${escapeControls(name)}: ${line}\n`);
      bad++;
      continue;
    }
    const d = result.decision;
    io.stdout.write(
      `${name.padEnd(62)}${d.outcome.padEnd(19)}${String(d.norm.total ?? '–').padStart(10)}${String(d.need ?? '–').padStart(10)}${String(d.income.counted ?? '–').padStart(10)}${String(d.payable ?? '–').padStart(10)}\n`,
    );
  }
  io.stdout.write(`${files.length} households, ${bad} with bad input\n`);
  return bad > 0 ? EXIT_BAD_INPUT : EXIT_OK;
}

export function fixturesCommand(args: string[], io: CliIo = processIo()): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { rules: { type: 'string' } } });
  return runFixtures(resolve(io.cwd, positionals[0] ?? 'fixtures'), values.rules, io);
}
