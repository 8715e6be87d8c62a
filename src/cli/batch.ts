/**
 * `batch --in households.ndjson --out decisions.ndjson [--period YYYY-MM] [--workers N] [--resume]
 *        [--detail compact|summary|full] [--summary FILE] [--rules DIR] [--record [--store PATH]]`
 *
 * The monthly recalculation of every ongoing case (docs/batch.md). Exit 0 when every line got its
 * output line (bad lines get error records); 1 when the rules are broken or the engine failed on a
 * line; 2 for bad usage or an unreadable input / unwritable output; 130 when interrupted (resume with
 * --resume). The summary is printed as one JSON line on stdout (and to --summary FILE).
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import type { Detail } from '../batch/line.ts';
import { BatchError, runBatch } from '../batch/run.ts';
import { summaryJson } from '../batch/summary.ts';
import { formatKronorSv, ore } from '../money/index.ts';
import { parsePeriod } from '../period/index.ts';
import { recordSink, type RecordTally } from '../batch/record.ts';
import { loadRulebook, RulebookError } from '../rulebook/load.ts';
import { DecisionStore, StoreError, storePath } from '../store/store.ts';
import { EXIT_BAD_INPUT, EXIT_ENGINE, EXIT_OK, rulesDir, UsageError } from './common.ts';

export const EXIT_INTERRUPTED = 130;

/** The options every run built on the batch takes (batch, monthly). */
export const RUN_OPTIONS = {
  in: { type: 'string' },
  out: { type: 'string' },
  workers: { type: 'string' },
  resume: { type: 'boolean', default: false },
  detail: { type: 'string', default: 'compact' },
  summary: { type: 'string' },
  rules: { type: 'string' },
  'chunk-lines': { type: 'string' },
} as const;

/** Checks the run options: --in and --out given, --detail, --workers and --chunk-lines in range. */
export function checkRunOptions(values: { in?: string; out?: string; detail: string; workers?: string; 'chunk-lines'?: string }): {
  input: string;
  output: string;
  detail: Detail;
  workers: number;
  chunkLines: number | undefined;
} {
  if (!values.in || !values.out) throw new UsageError('expected --in FILE and --out FILE');
  const detail = values.detail;
  if (detail !== 'compact' && detail !== 'summary' && detail !== 'full') throw new UsageError(`--detail: expected compact, summary or full, got "${detail}"`);
  const workers = values.workers === undefined ? availableParallelism() : Number(values.workers);
  if (!Number.isInteger(workers) || workers < 0 || workers > 64) throw new UsageError(`--workers: expected a whole number 0–64, got "${values.workers}"`);
  const chunkLines = values['chunk-lines'] === undefined ? undefined : Number(values['chunk-lines']);
  if (chunkLines !== undefined && (!Number.isInteger(chunkLines) || chunkLines < 1)) throw new UsageError('--chunk-lines: expected a positive whole number');
  return { input: values.in, output: values.out, detail, workers, chunkLines };
}

export async function batchCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: false,
    options: {
      ...RUN_OPTIONS,
      period: { type: 'string' },
      record: { type: 'boolean', default: false },
      store: { type: 'string' },
    },
  });
  void positionals;
  const { input, output, detail, workers, chunkLines } = checkRunOptions(values);
  if (values.period !== undefined && parsePeriod(values.period) === null) throw new UsageError(`--period: expected a month YYYY-MM, got "${values.period}"`);

  if (values.store !== undefined && !values.record) throw new UsageError('--store is used with --record');
  let store: DecisionStore | null = null;
  const tally: RecordTally = { recorded: 0, skipped: 0 };
  try {
    const dir = rulesDir(values.rules);
    if (values.record) store = DecisionStore.open(storePath(values.store), { create: true });
    const sink = store ? recordSink(store, loadRulebook(dir), tally) : undefined;
    const result = await runBatch({
      input,
      output,
      rulesDir: dir,
      ...(sink ? { onDecisions: sink } : {}),
      period: values.period ?? null,
      detail,
      workers,
      resume: values.resume,
      ...(chunkLines !== undefined ? { chunkLines } : {}),
      progress: process.stderr.isTTY ? process.stderr : null,
    });
    const summary = summaryJson(result.counts, {
      input: values.in,
      output: values.out,
      period: values.period ?? null,
      detail,
      workers,
      internalErrors: result.internalErrors,
      interrupted: result.interrupted,
      resumedFromLine: result.resumedFromLine,
      ...(store ? { store: store.path, recorded: tally.recorded, alreadyRecorded: tally.skipped } : {}),
    });
    const line = JSON.stringify(summary);
    if (values.summary) writeFileSync(values.summary, `${JSON.stringify(summary, null, 2)}\n`);
    process.stdout.write(`${line}\n`);
    if (process.stderr.isTTY) {
      const c = result.counts;
      process.stderr.write(
        `${c.lines} rader: ${c.byOutcome.approve} bifall, ${c.byOutcome.partial} delvis bifall, ${c.byOutcome.deny} avslag, ` +
          `${c.byOutcome['needs-information']} saknar uppgifter, ${c.errors} fel. Att betala totalt ${formatKronorSv(ore(c.payableOre))}. ` +
          `${c.childrenInHouseholdsWithRefusal} barn i hushåll med avslag, ${c.longTermCases} långvariga. ` +
          `(${result.seconds.toFixed(1)} s, ${Math.round((c.lines - (result.resumedFromLine ? result.resumedFromLine - 1 : 0)) / Math.max(result.seconds, 0.001))} rader/s)\n`,
      );
    }
    return batchExitCode(result);
  } catch (error) {
    return batchFailure('batch', error);
  } finally {
    store?.close();
  }
}

/** The exit code of a finished run (batch, monthly): 130 interrupted, 1 engine failures on lines, else 0. */
export function batchExitCode(result: { readonly interrupted: boolean; readonly internalErrors: number; readonly counts: { readonly lines: number } }): number {
  if (result.interrupted) {
    process.stderr.write(`interrupted after line ${result.counts.lines}; run again with --resume to continue\n`);
    return EXIT_INTERRUPTED;
  }
  if (result.internalErrors > 0) {
    process.stderr.write(`${result.internalErrors} line(s) failed inside the engine (INTERNAL_ERROR records); please report them\n`);
    return EXIT_ENGINE;
  }
  return EXIT_OK;
}

/** A run that could not start or finish (batch, monthly): the message and its exit code; anything else is rethrown. */
export function batchFailure(command: string, error: unknown): number {
  if (error instanceof BatchError) {
    process.stderr.write(`${command}: ${error.message}\n`);
    return error.exitCode === 1 ? EXIT_ENGINE : EXIT_BAD_INPUT;
  }
  if (error instanceof RulebookError) {
    for (const p of error.problems) process.stderr.write(`rules: ${p}\n`);
    return EXIT_ENGINE;
  }
  if (error instanceof StoreError) {
    process.stderr.write(`${command}: ${error.message}\n`);
    return EXIT_ENGINE;
  }
  throw error;
}
