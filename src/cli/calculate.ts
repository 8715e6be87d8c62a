/**
 * `calculate <household.json> [--json] [--lang sv|en] [--rules DIR] [--record [--store PATH]]`
 * (CONTRACT.md): one decision as JSON on stdout, or the same decision for a person to read. Bad
 * input: exit 2, nothing on stdout, one line per problem on stderr naming the field path.
 *
 * --record (issue 4, docs/records.md) also stores the decision, its canonical input and its rule
 * set in the decision store and adds "decisionId" to the JSON (a last line in the text view). The
 * decision is recorded before anything is printed, so a printed id always exists in the store.
 *
 * Input problems are worded in the language of --lang (Swedish by default; src/explain/problems.ts),
 * one line each starting with the field path, or the file name for a problem of the whole file.
 *
 * The output is never rewritten after it is made (issue 27): the decision carries no personnummer (the
 * only field that holds one, members[].personnummer, is not in it), so there is nothing to mask, and
 * a number or case id that happens to look like a personnummer is printed as it is.
 */
import { loadRulebook } from '../rulebook/load.ts';
import { parseArgs } from 'node:util';
import { evaluateHousehold } from '../index.ts';
import { contractDecision } from '../explain/contract.ts';
import { renderDecision } from '../explain/render.ts';
import { escapeControls } from '../household/echo.ts';
import { RuleSetCache } from '../rulebook/resolve.ts';
import { DecisionStore, StoreError, storePath } from '../store/store.ts';
import { EXIT_BAD_INPUT, EXIT_ENGINE, EXIT_OK, problemLines, processIo, readJsonFile, rulesDir, UsageError, type CliIo } from './common.ts';

export interface CalculateOptions {
  readonly json: boolean;
  readonly lang: 'sv' | 'en';
  readonly rules: string | undefined;
  /** Store the decision (issue 4). */
  readonly record?: boolean;
  /** The store file; default $BISTAND_STORE, else .bistand/records.sqlite. */
  readonly store?: string | undefined;
}

export function runCalculate(file: string, options: CalculateOptions, io: CliIo = processIo()): number {
  const read = readJsonFile(file, io.cwd);
  if (!read.ok) {
    io.stderr.write(problemLines([read.problem], file, options.lang));
    return EXIT_BAD_INPUT;
  }
  const cache = new RuleSetCache(loadRulebook(rulesDir(options.rules, io.env)));
  const result = evaluateHousehold(read.value, (period, municipality, decidedOn) => cache.get(period, municipality, decidedOn));
  if (!result.ok) {
    // One problem, one line (issues 13, 27): a message can never break its line, whatever it echoes.
    io.stderr.write(problemLines(result.issues, file, options.lang));
    return EXIT_BAD_INPUT;
  }
  // The core gives data; the decision with its texts is rendered here, at the edge.
  const decision = contractDecision(result.decision, result);
  const { ruleSet } = result;
  let decisionId: string | undefined;
  if (options.record === true && ruleSet === null) {
    // The month's rules are pending (rules/pending/): the proposal names what is missing, but there is no rule set to store.
    io.stderr.write(`period: the rules for ${result.decision.period} are not published yet; a proposal without rules is not recorded\n`);
    return EXIT_BAD_INPUT;
  }
  if (options.record === true) {
    try {
      const store = DecisionStore.open(storePath(options.store, io.env, io.cwd), { create: true });
      try {
        // The record keeps the decision as data; its texts are rendered again when it is read.
        decisionId = store.record({ input: read.value, decision: result.decision, ruleSet: ruleSet! }).decisionId;
      } finally {
        store.close();
      }
    } catch (error) {
      if (!(error instanceof StoreError)) throw error;
      io.stderr.write(`store: ${escapeControls(error.message)}\n`);
      return EXIT_ENGINE;
    }
  }
  let text: string;
  if (options.json) text = JSON.stringify(decisionId === undefined ? decision : { decisionId, ...decision }, null, 2);
  else text = renderDecision(decision, options.lang, { household: result.household, rules: ruleSet?.rules ?? null, childImpact: result.decision.childImpact }) + (decisionId === undefined ? '' : `\n\n${options.lang === 'sv' ? 'Beslutspost' : 'Decision record'}: ${decisionId}`);
  io.stdout.write(`${text}\n`);
  return EXIT_OK;
}

export function calculateCommand(args: string[], io: CliIo = processIo()): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      lang: { type: 'string', default: 'sv' },
      rules: { type: 'string' },
      record: { type: 'boolean', default: false },
      store: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('expected exactly one household file');
  if (values.lang !== 'sv' && values.lang !== 'en') throw new UsageError(`--lang: expected sv or en, got "${values.lang}"`);
  if (values.store !== undefined && !values.record) throw new UsageError('--store is only used with --record');
  return runCalculate(positionals[0]!, { json: values.json, lang: values.lang, rules: values.rules, record: values.record, store: values.store }, io);
}
