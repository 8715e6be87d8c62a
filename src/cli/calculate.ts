/**
 * `calculate <household.json> [--json] [--lang sv|en] [--rules DIR]` (CONTRACT.md): one decision as
 * JSON on stdout, or the same decision for a person to read. Bad input: exit 2, nothing on stdout,
 * one line per problem on stderr naming the field path.
 */
import { parseArgs } from 'node:util';
import { evaluateHousehold } from '../index.ts';
import { renderDecision } from '../explain/render.ts';
import { RuleSetCache } from '../rulebook/resolve.ts';
import { EXIT_BAD_INPUT, EXIT_OK, loadRulesOrExit, readJsonFile, rulesDir, UsageError } from './common.ts';

export interface CalculateOptions {
  readonly json: boolean;
  readonly lang: 'sv' | 'en';
  readonly rules: string | undefined;
}

export function runCalculate(file: string, options: CalculateOptions): number {
  const read = readJsonFile(file);
  if (!read.ok) {
    process.stderr.write(`${read.message}\n`);
    return EXIT_BAD_INPUT;
  }
  const cache = new RuleSetCache(loadRulesOrExit(rulesDir(options.rules)));
  const result = evaluateHousehold(read.value, (period, municipality) => cache.get(period, municipality));
  if (!result.ok) {
    for (const issue of result.issues) process.stderr.write(`${issue.path}: ${issue.message}\n`);
    return EXIT_BAD_INPUT;
  }
  process.stdout.write(options.json ? `${JSON.stringify(result.decision, null, 2)}\n` : `${renderDecision(result.decision, options.lang)}\n`);
  return EXIT_OK;
}

export function calculateCommand(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, lang: { type: 'string', default: 'sv' }, rules: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError('expected exactly one household file');
  if (values.lang !== 'sv' && values.lang !== 'en') throw new UsageError(`--lang: expected sv or en, got "${values.lang}"`);
  return runCalculate(positionals[0]!, { json: values.json, lang: values.lang, rules: values.rules });
}
