/**
 * `ssbtek import <answer.json> --member ID [--into household.json]` (docs/agency-income.md): reads one
 * person's SSBTEK answer in the agencies' own nested shape and prints the `registeredIncomes` and
 * `agencyAnswers` for that member as JSON; with --into, the household with them merged in (the
 * member's earlier agency data replaced). What the adapter skipped is printed on stderr ("note: …").
 * Bad input (unreadable file, no such member): exit 2.
 */
import { parseArgs } from 'node:util';
import { importSsbtekAnswer, mergeIntoHousehold } from '../agency/ssbtek.ts';
import { escapeControls, quote } from '../household/echo.ts';
import { givenOf, problem } from '../household/problems.ts';
import { EXIT_BAD_INPUT, EXIT_OK, problemLines, processIo, readJsonFile, UsageError, type CliIo } from './common.ts';

export function ssbtekCommand(args: string[], io: CliIo = processIo()): number {
  const [sub, ...rest] = args;
  if (sub !== 'import') throw new UsageError(`expected "ssbtek import <answer.json> --member ID [--into household.json]", got "${sub ?? ''}"`);
  const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { member: { type: 'string' }, into: { type: 'string' } } });
  if (positionals.length !== 1) throw new UsageError('expected one SSBTEK answer file');
  const member = values.member;
  if (member === undefined || member === '') throw new UsageError('--member ID is required (the household member the answer is about)');
  const answer = readJsonFile(positionals[0]!, io.cwd);
  if (!answer.ok) {
    io.stderr.write(problemLines([answer.problem], positionals[0]!, 'sv'));
    return EXIT_BAD_INPUT;
  }
  const imported = importSsbtekAnswer(answer.value, member);
  for (const note of imported.notes) io.stderr.write(`note: ${escapeControls(note)}\n`);
  if (values.into === undefined) {
    io.stdout.write(`${JSON.stringify({ registeredIncomes: imported.registeredIncomes, agencyAnswers: imported.agencyAnswers }, null, 2)}\n`);
    return EXIT_OK;
  }
  const household = readJsonFile(values.into, io.cwd);
  if (!household.ok) {
    io.stderr.write(problemLines([household.problem], values.into, 'sv'));
    return EXIT_BAD_INPUT;
  }
  const h = household.value;
  if (h === null || typeof h !== 'object' || Array.isArray(h)) {
    io.stderr.write(problemLines([problem('(household)', 'NOT_AN_OBJECT', { given: givenOf(h) })], values.into, 'sv'));
    return EXIT_BAD_INPUT;
  }
  const members = (h as { members?: unknown }).members;
  if (!Array.isArray(members) || !members.some((m) => m !== null && typeof m === 'object' && (m as { id?: unknown }).id === member)) {
    io.stderr.write(`--member: the household in ${escapeControls(values.into)} has no member with id ${quote(member)}\n`);
    return EXIT_BAD_INPUT;
  }
  io.stdout.write(`${JSON.stringify(mergeIntoHousehold(h as Record<string, unknown>, imported, member), null, 2)}\n`);
  return EXIT_OK;
}
