/**
 * `batch --in households.ndjson --out decisions.ndjson [--period YYYY-MM] [--workers N] [--resume]
 *        [--detail compact|summary|full] [--summary FILE] [--rules DIR] [--record [--store PATH]]`
 *
 * The monthly recalculation of every ongoing case (docs/batch.md). Exit 0 when every line got its
 * output line (bad lines get error records); 1 when the rules are broken or the engine failed on a
 * line; 2 for bad usage or an unreadable input / unwritable output; 130 when interrupted (resume with
 * --resume). The summary is printed as one JSON line on stdout (and to --summary FILE).
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { checkpointPath } from '../batch/checkpoint.ts';
import type { Detail } from '../batch/line.ts';
import { inputKey, recordSink, type RecordTally } from '../batch/record.ts';
import { BatchError, EXTRA_WORKER_MIN_BYTES, runBatch, type BatchOptions } from '../batch/run.ts';
import { summaryJson } from '../batch/summary.ts';
import { formatOreExactSv } from '../money/index.ts';
import { parsePeriod } from '../period/index.ts';
import { loadRulebook, RulebookError } from '../rulebook/load.ts';
import { DecisionStore, StoreError, storePath } from '../store/store.ts';
import { EXIT_BAD_INPUT, EXIT_ENGINE, EXIT_OK, processIo, rulesDir, UsageError, type CliIo, type CliOutput } from './common.ts';

export const EXIT_INTERRUPTED = 130;

/** The options every command on the batch takes (batch, monthly, compare). */
export const WORKER_RUN_OPTIONS = {
  in: { type: 'string' },
  out: { type: 'string' },
  workers: { type: 'string' },
  resume: { type: 'boolean', default: false },
  summary: { type: 'string' },
  rules: { type: 'string' },
  'chunk-lines': { type: 'string' },
} as const;

/** The options of a run of decisions on the batch (batch, monthly): those and --detail. */
export const RUN_OPTIONS = { ...WORKER_RUN_OPTIONS, detail: { type: 'string', default: 'compact' } } as const;

/** How a command on the batch runs, from its command line and terminal: the part of runBatch's options batch, monthly and compare share. */
export type RunControls = Pick<BatchOptions, 'workers' | 'extraWorkerMinBytes' | 'chunkLines' | 'resume' | 'progress'>;

/** Checks the run options: --in and --out given, --detail, and the run controls (checkRunControls). */
export function checkRunOptions(
  values: { in?: string; out?: string; detail: string; workers?: string; 'chunk-lines'?: string; resume: boolean },
  io: CliIo,
): { input: string; output: string; detail: Detail; controls: RunControls } {
  if (!values.in || !values.out) throw new UsageError('expected --in FILE and --out FILE');
  const detail = values.detail;
  if (detail !== 'compact' && detail !== 'summary' && detail !== 'full') throw new UsageError(`--detail: expected compact, summary or full, got "${detail}"`);
  return { input: values.in, output: values.out, detail, controls: checkRunControls(values, io) };
}

/**
 * Checks --workers (default: every core) and --chunk-lines of any command on the batch (batch,
 * monthly, compare), and gives them with --resume and the progress bar (on a terminal) as runBatch takes them.
 */
export function checkRunControls(values: { workers?: string | undefined; 'chunk-lines'?: string | undefined; resume: boolean }, io: CliIo): RunControls {
  const workers = values.workers === undefined ? availableParallelism() : Number(values.workers);
  if (!Number.isInteger(workers) || workers < 0 || workers > 64) throw new UsageError(`--workers: expected a whole number 0–64, got "${values.workers}"`);
  const chunkLines = values['chunk-lines'] === undefined ? undefined : Number(values['chunk-lines']);
  if (chunkLines !== undefined && (!Number.isInteger(chunkLines) || chunkLines < 1)) throw new UsageError('--chunk-lines: expected a positive whole number');
  return {
    workers,
    // Without --workers, a small input stays on one worker (run.ts, EXTRA_WORKER_MIN_BYTES); --workers N starts N.
    extraWorkerMinBytes: values.workers === undefined ? EXTRA_WORKER_MIN_BYTES : 0,
    ...(chunkLines !== undefined ? { chunkLines } : {}),
    resume: values.resume,
    progress: io.stderr.isTTY === true ? (io.stderr as NodeJS.WriteStream) : null,
  };
}

export async function batchCommand(args: string[], io: CliIo = processIo()): Promise<number> {
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
  const { input, output, detail, controls } = checkRunOptions(values, io);
  if (values.period !== undefined && parsePeriod(values.period) === null) throw new UsageError(`--period: expected a month YYYY-MM, got "${values.period}"`);

  if (values.store !== undefined && !values.record) throw new UsageError('--store is used with --record');
  let store: DecisionStore | null = null;
  const tally: RecordTally = { recorded: 0, skipped: 0 };
  try {
    const dir = rulesDir(values.rules, io.env);
    const rulebook = loadRulebook(dir);
    if (values.record) store = DecisionStore.open(storePath(values.store, io.env, io.cwd), { create: true });
    // --resume with nothing to resume (issue 13): say so; with --record, a finished run of the same
    // input is recognised and nothing is recorded a second time.
    const fresh = values.resume && !existsSync(checkpointPath(output));
    const keyOf = () => inputKey(input, values.period ?? null);
    if (fresh && store && existsSync(input) && statSync(input).isFile()) {
      const finished = store.finishedBatch(keyOf());
      if (finished !== null) {
        io.stderr.write(
          `batch: nothing to resume: this input was already recorded by a finished run (${finished.lines} lines, ${finished.recorded} decisions recorded in ${store.path}); ` +
            'nothing was recorded again. To record it once more on purpose, run without --resume.\n',
        );
        io.stdout.write(`${JSON.stringify({ input: values.in, output: values.out, period: values.period ?? null, alreadyFinished: true, store: store.path, recorded: 0, alreadyRecorded: finished.recorded })}\n`);
        return EXIT_OK;
      }
    }
    if (fresh) io.stderr.write(`batch: no checkpoint for ${values.out}: nothing to resume, starting from the beginning\n`);
    const sink = store ? recordSink(store, rulebook, tally) : undefined;
    const result = await runBatch({
      input,
      output,
      rulesDir: dir,
      rulebook,
      ...(sink ? { onDecisions: sink } : {}),
      period: values.period ?? null,
      detail,
      ...controls,
    });
    const summary = summaryJson(result.counts, {
      input: values.in,
      output: values.out,
      period: values.period ?? null,
      detail,
      workers: controls.workers,
      internalErrors: result.internalErrors,
      interrupted: result.interrupted,
      resumedFromLine: result.resumedFromLine,
      ...(store ? { store: store.path, recorded: tally.recorded, alreadyRecorded: tally.skipped } : {}),
    });
    const line = JSON.stringify(summary);
    if (values.summary) writeFileSync(values.summary, `${JSON.stringify(summary, null, 2)}\n`);
    io.stdout.write(`${line}\n`);
    if (io.stderr.isTTY) {
      const c = result.counts;
      io.stderr.write(
        `${c.lines} rader: ${c.byOutcome.approve} bifall, ${c.byOutcome.partial} delvis bifall, ${c.byOutcome.deny} avslag, ` +
          `${c.byOutcome['needs-information']} saknar uppgifter, ${c.errors} fel. Att betala totalt ${formatOreExactSv(c.payableOre)}. ` +
          `${c.childrenInHouseholdsWithRefusal} barn i hushåll med avslag, ${c.longTermCases} långvariga. ` +
          `(${result.seconds.toFixed(1)} s, ${Math.round((c.lines - (result.resumedFromLine ? result.resumedFromLine - 1 : 0)) / Math.max(result.seconds, 0.001))} rader/s)\n`,
      );
    }
    if (!result.interrupted && store) store.markBatchFinished(keyOf(), result.runId, result.counts.lines, tally.recorded + tally.skipped);
    return batchExitCode(result, io.stderr);
  } catch (error) {
    return batchFailure('batch', error, io.stderr);
  } finally {
    store?.close();
  }
}

/** The exit code of a finished run (batch, monthly, compare): 130 interrupted, 1 engine failures on lines, else 0. */
export function batchExitCode(result: { readonly interrupted: boolean; readonly internalErrors: number; readonly counts: { readonly lines: number } }, stderr: CliOutput): number {
  if (result.interrupted) {
    stderr.write(`interrupted after line ${result.counts.lines}; run again with --resume to continue\n`);
    return EXIT_INTERRUPTED;
  }
  if (result.internalErrors > 0) {
    stderr.write(`${result.internalErrors} line(s) failed inside the engine (INTERNAL_ERROR records); please report them\n`);
    return EXIT_ENGINE;
  }
  return EXIT_OK;
}

/** A run that could not start or finish (batch, monthly, compare): the message and its exit code; anything else is rethrown. */
export function batchFailure(command: string, error: unknown, stderr: CliOutput): number {
  if (error instanceof BatchError) {
    stderr.write(`${command}: ${error.message}\n`);
    return error.exitCode === 1 ? EXIT_ENGINE : EXIT_BAD_INPUT;
  }
  if (error instanceof RulebookError) {
    for (const p of error.problems) stderr.write(`rules: ${p}\n`);
    return EXIT_ENGINE;
  }
  if (error instanceof StoreError) {
    stderr.write(`${command}: ${error.message}\n`);
    return EXIT_ENGINE;
  }
  throw error;
}
