/**
 * `explain DECISIONS.ndjson --line N [--json] [--lang sv|en] [--rules DIR]`: the reasoning trace of one
 * line of a `batch --detail full` output, with its texts. The batch stores every trace step in compact
 * form (rule ids, parameter references, message keys; src/trace/compact.ts); this view looks the
 * parameters up in the rule set the line names (its ruleSetVersion) and renders each step's text.
 * --json prints the trace exactly as `calculate --json` prints it.
 *
 * Exit 2 for a line that is not a decision of batch --detail full, a damaged trace, or one naming a
 * shape this engine's catalogue does not have (a line of a later engine version: the message names
 * the shape id and the line's engineVersion); exit 1 when rules/ is not the rule set of the line.
 */
import { loadRulebook } from '../rulebook/load.ts';
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { parsePeriod } from '../period/index.ts';
import { RuleLookupError, RuleSetCache } from '../rulebook/resolve.ts';
import { CompactTraceError, expandTrace, type CompactTrace } from '../trace/compact.ts';
import { renderTrace } from '../explain/trace.ts';
import { ENGINE_VERSION } from '../version.ts';
import { EXIT_BAD_INPUT, EXIT_ENGINE, EXIT_OK, processIo, rulesDir, UsageError, type CliIo } from './common.ts';

/** Line n (1-based) of a file, or null when the file is shorter. */
async function readLine(path: string, n: number): Promise<string | null> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let i = 0;
  for await (const line of lines) {
    if (++i === n) {
      lines.close();
      return line;
    }
  }
  return null;
}

export async function explainCommand(args: string[], io: CliIo = processIo()): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { line: { type: 'string' }, json: { type: 'boolean', default: false }, lang: { type: 'string', default: 'sv' }, rules: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError('expected one batch output file (batch --detail full)');
  const n = Number(values.line);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--line: expected a line number 1, 2, …, got "${values.line ?? ''}"`);
  const lang = values.lang;
  if (lang !== 'sv' && lang !== 'en') throw new UsageError(`--lang: expected sv or en, got "${lang}"`);
  const file = positionals[0]!;
  let text: string | null;
  try {
    text = await readLine(resolve(io.cwd, file), n);
  } catch (error) {
    io.stderr.write(`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})\n`);
    return EXIT_BAD_INPUT;
  }
  if (text === null) {
    io.stderr.write(`${file} has fewer than ${n} lines\n`);
    return EXIT_BAD_INPUT;
  }
  let line: { period?: unknown; municipality?: unknown; ruleSetVersion?: unknown; engineVersion?: unknown; trace?: unknown; errors?: unknown };
  try {
    line = JSON.parse(text) as typeof line;
  } catch {
    io.stderr.write(`${file}:${n}: not a JSON line\n`);
    return EXIT_BAD_INPUT;
  }
  if (line.errors !== undefined) {
    io.stderr.write(`${file}:${n}: this line is an error record (bad input), not a decision\n`);
    return EXIT_BAD_INPUT;
  }
  const trace = line.trace as CompactTrace | undefined;
  const period = typeof line.period === 'string' ? parsePeriod(line.period) : null;
  if (trace === undefined || Array.isArray(trace) || period === null) {
    io.stderr.write(`${file}:${n}: no compact trace here; explain reads the output of batch --detail full\n`);
    return EXIT_BAD_INPUT;
  }
  const cache = new RuleSetCache(loadRulebook(rulesDir(values.rules, io.env)));
  try {
    const ruleSet = cache.get(period, typeof line.municipality === 'string' ? line.municipality : null);
    if (ruleSet.version !== line.ruleSetVersion) {
      io.stderr.write(`${file}:${n}: made with rule set ${String(line.ruleSetVersion)}, but rules/ now gives ${ruleSet.version} for this month; use the rules of that run (--rules DIR)\n`);
      return EXIT_ENGINE;
    }
    const steps = renderTrace(expandTrace(trace, ruleSet.rules), lang);
    if (values.json) io.stdout.write(`${JSON.stringify(steps, null, 2)}\n`);
    else io.stdout.write(`${steps.map((s, i) => `${String(i + 1).padStart(3)}. ${s.text}${s.legalRef ? ` (${s.legalRef})` : ''}`).join('\n')}\n`);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CompactTraceError && error.kind === 'unknown-shape') {
      // A line from a later engine version: this one cannot know the shapes added since.
      io.stderr.write(`${file}:${n}: ${error.message}. Engine ${String(line.engineVersion ?? '(not given)')} wrote the line, this is ${ENGINE_VERSION}: explain it with the engine that wrote it or a later one\n`);
      return EXIT_BAD_INPUT;
    }
    if (error instanceof CompactTraceError && error.kind === 'damaged') {
      io.stderr.write(`${file}:${n}: ${error.message}\n`);
      return EXIT_BAD_INPUT;
    }
    if (error instanceof RuleLookupError || error instanceof CompactTraceError) {
      io.stderr.write(`${file}:${n}: ${error.message}\n`);
      return EXIT_ENGINE;
    }
    throw error;
  }
}
