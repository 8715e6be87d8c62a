#!/usr/bin/env node
/**
 * Command line of the bistånd engine. `npx tsx src/cli.ts help` lists the commands.
 */
import { parseArgs } from 'node:util';
import { runCalculate } from './cli/calculate.ts';
import { EXIT_BAD_INPUT } from './cli/common.ts';
import { runFixtures } from './cli/fixtures.ts';
import { runRulesCheck, runRulesShow } from './cli/rules.ts';

const HELP = `Användning / usage: npx tsx src/cli.ts <command> [options]

  calculate <household.json> [--json] [--lang sv|en] [--rules DIR]
      One household and month (CONTRACT.md). --json prints the decision as JSON; without it, a
      breakdown in Swedish (or English with --lang en). Bad input: exit 2, problems on stderr.
  run-fixtures [DIR] [--rules DIR]
      Calculates every *.json household in DIR (default fixtures/) and prints one line each.
  rules check [--rules DIR]
      Validates rules/ and summarises periods and how sure each value is.
  rules show YYYY-MM [--municipality KOD] [--rules DIR]
      The resolved rule set for a month and its ruleSetVersion.

Environment: BISTAND_RULES overrides the rules directory.
`;

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    strict: true,
    options: {
      json: { type: 'boolean', default: false },
      lang: { type: 'string', default: 'sv' },
      rules: { type: 'string' },
      municipality: { type: 'string' },
    },
  });
  const lang = values.lang === 'en' ? 'en' : values.lang === 'sv' ? 'sv' : null;
  if (lang === null) {
    process.stderr.write(`--lang: expected sv or en, got "${values.lang}"\n`);
    return EXIT_BAD_INPUT;
  }
  switch (command) {
    case 'calculate': {
      const file = positionals[0];
      if (!file || positionals.length > 1) {
        process.stderr.write('calculate: expected exactly one household file\n');
        return EXIT_BAD_INPUT;
      }
      return runCalculate(file, { json: values.json, lang, rules: values.rules });
    }
    case 'run-fixtures':
      return runFixtures(positionals[0] ?? 'fixtures', values.rules);
    case 'rules':
      if (positionals[0] === 'check') return runRulesCheck(values.rules);
      if (positionals[0] === 'show') return runRulesShow(positionals[1], values.municipality, values.rules);
      process.stderr.write('rules: expected "check" or "show YYYY-MM"\n');
      return EXIT_BAD_INPUT;
    case 'help':
    case '--help':
    case undefined:
      process.stdout.write(HELP);
      return command === undefined ? EXIT_BAD_INPUT : 0;
    default:
      process.stderr.write(`unknown command "${command}"\n${HELP}`);
      return EXIT_BAD_INPUT;
  }
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (error instanceof TypeError && (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = EXIT_BAD_INPUT;
  } else {
    throw error;
  }
}
