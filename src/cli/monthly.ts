/**
 * `monthly --in applications.ndjson --out proposals.ndjson [--store PATH] [--mode recommend|automatic]
 *          [--today YYYY-MM-DD] [--summary FILE] [--queue FILE] [--workers N] [--resume]
 *          [--detail compact|summary|full] [--rules DIR]`
 *
 * The monthly återansökan run (docs/monthly.md), built on the batch (src/batch): one output line per
 * input line in input order, on every core, resumable byte for byte; every proposal recorded in the
 * decision store exactly once, linked to the case's previous decision. Exit codes as for batch; 2
 * also when --mode automatic is asked for a municipality without a delegation.
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { recordSink, type RecordTally } from '../batch/record.ts';
import { BatchError, runBatch } from '../batch/run.ts';
import { summaryJson, type SummaryCounts } from '../batch/summary.ts';
import { formatKronorSv, ore } from '../money/index.ts';
import type { MonthlyWorkerOptions } from '../monthly/chunk.ts';
import { delegationProblems } from '../monthly/delegation.ts';
import { writeQueueFile } from '../monthly/queue.ts';
import { parseIsoDay } from '../monthly/workdays.ts';
import { loadRulebook, RulebookError } from '../rulebook/load.ts';
import { DecisionStore, StoreError, storePath } from '../store/store.ts';
import { EXIT_BAD_INPUT, EXIT_ENGINE, EXIT_OK, rulesDir, UsageError } from './common.ts';
import { EXIT_INTERRUPTED } from './batch.ts';

/** The monthly part of the summary: routing, reasons, children, handling time. */
export function monthlySummary(c: SummaryCounts): Record<string, unknown> {
  const t = c.tallies;
  const byReason: Record<string, number> = {};
  for (const key of Object.keys(t).filter((k) => k.startsWith('reason.')).sort()) byReason[key.slice('reason.'.length)] = t[key]!;
  return {
    byRouting: { ready: t['routing.ready'] ?? 0, caseworker: t['routing.caseworker'] ?? 0 },
    automated: t['automated'] ?? 0,
    byReason,
    householdsWithChildren: t['householdsWithChildren'] ?? 0,
    pastDueOn: t['pastDueOn'] ?? 0,
    withoutReceivedOn: t['withoutReceivedOn'] ?? 0,
  };
}

export async function monthlyCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    allowPositionals: false,
    options: {
      in: { type: 'string' },
      out: { type: 'string' },
      store: { type: 'string' },
      mode: { type: 'string', default: 'recommend' },
      today: { type: 'string' },
      summary: { type: 'string' },
      queue: { type: 'string' },
      workers: { type: 'string' },
      resume: { type: 'boolean', default: false },
      detail: { type: 'string', default: 'compact' },
      rules: { type: 'string' },
      'chunk-lines': { type: 'string' },
    },
  });
  if (!values.in || !values.out) throw new UsageError('expected --in FILE and --out FILE');
  const mode = values.mode;
  if (mode !== 'recommend' && mode !== 'automatic') throw new UsageError(`--mode: expected recommend or automatic, got "${mode}"`);
  const today = values.today === undefined ? null : parseIsoDay(values.today);
  if (values.today !== undefined && today === null) throw new UsageError(`--today: expected a date YYYY-MM-DD, got "${values.today}"`);
  const detail = values.detail;
  if (detail !== 'compact' && detail !== 'summary' && detail !== 'full') throw new UsageError(`--detail: expected compact, summary or full, got "${detail}"`);
  const workers = values.workers === undefined ? availableParallelism() : Number(values.workers);
  if (!Number.isInteger(workers) || workers < 0 || workers > 64) throw new UsageError(`--workers: expected a whole number 0–64, got "${values.workers}"`);
  const chunkLines = values['chunk-lines'] === undefined ? undefined : Number(values['chunk-lines']);
  if (chunkLines !== undefined && (!Number.isInteger(chunkLines) || chunkLines < 1)) throw new UsageError('--chunk-lines: expected a positive whole number');

  let store: DecisionStore | null = null;
  const recorded: RecordTally = { recorded: 0, skipped: 0 };
  try {
    const dir = rulesDir(values.rules);
    const book = loadRulebook(dir);
    if (mode === 'automatic') {
      const problems = delegationProblems(values.in, book);
      if (problems.length > 0) {
        for (const p of problems) process.stderr.write(`monthly: ${p}\n`);
        process.stderr.write('monthly: --mode automatic needs the nämnd\'s delegation to an automated decision function (automatedDecisionDelegation in rules/municipal/<kommunkod>.json); nothing was run. Use --mode recommend, or add the delegation.\n');
        return EXIT_BAD_INPUT;
      }
    }
    store = DecisionStore.open(storePath(values.store), { create: true });
    const opened = store;
    const result = await runBatch({
      input: values.in,
      output: values.out,
      rulesDir: dir,
      onDecisions: recordSink(opened, book, recorded),
      period: null,
      detail,
      workers,
      resume: values.resume,
      ...(chunkLines !== undefined ? { chunkLines } : {}),
      progress: process.stderr.isTTY ? process.stderr : null,
      processor: {
        module: new URL('../monthly/chunk.ts', import.meta.url).href,
        options: (runId): MonthlyWorkerOptions => ({ storePath: opened.path, headSeq: opened.monthlyRunHead(runId), mode, today }),
        identity: { command: 'monthly', mode, today, store: resolve(opened.path) },
      },
    });
    const summary = summaryJson(result.counts, {
      ...monthlySummary(result.counts),
      mode,
      today,
      input: values.in,
      output: values.out,
      detail,
      workers,
      store: opened.path,
      recorded: recorded.recorded,
      alreadyRecorded: recorded.skipped,
      internalErrors: result.internalErrors,
      interrupted: result.interrupted,
      resumedFromLine: result.resumedFromLine,
    });
    if (!result.interrupted && values.queue) writeQueueFile(values.out, values.queue);
    if (values.summary) writeFileSync(values.summary, `${JSON.stringify(summary, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    if (process.stderr.isTTY) {
      const c = result.counts;
      const m = monthlySummary(c) as { byRouting: { ready: number; caseworker: number }; automated: number; pastDueOn: number };
      process.stderr.write(
        `${c.lines} ansökningar: ${m.byRouting.ready} klara${mode === 'automatic' ? ` (${m.automated} beslutade automatiskt)` : ' (rekommendation)'}, ${m.byRouting.caseworker} till handläggare, ` +
          `${c.errors} fel. Att betala totalt ${formatKronorSv(ore(c.payableOre))}. ${m.pastDueOn} efter sista handläggningsdag${today ? ` den ${today}` : ''}. ` +
          `(${result.seconds.toFixed(1)} s)\n`,
      );
    }
    if (result.interrupted) {
      process.stderr.write(`interrupted after line ${result.counts.lines}; run again with --resume to continue\n`);
      return EXIT_INTERRUPTED;
    }
    if (result.internalErrors > 0) {
      process.stderr.write(`${result.internalErrors} line(s) failed inside the engine (INTERNAL_ERROR records); please report them\n`);
      return EXIT_ENGINE;
    }
    return EXIT_OK;
  } catch (error) {
    if (error instanceof BatchError) {
      process.stderr.write(`monthly: ${error.message}\n`);
      return error.exitCode === 1 ? EXIT_ENGINE : EXIT_BAD_INPUT;
    }
    if (error instanceof RulebookError) {
      for (const p of error.problems) process.stderr.write(`rules: ${p}\n`);
      return EXIT_ENGINE;
    }
    if (error instanceof StoreError) {
      process.stderr.write(`monthly: ${error.message}\n`);
      return EXIT_ENGINE;
    }
    throw error;
  } finally {
    store?.close();
  }
}

