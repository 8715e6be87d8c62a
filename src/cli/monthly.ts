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
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { processorModule } from '../batch/processor.ts';
import { recordSink, type RecordTally } from '../batch/record.ts';
import { runBatch } from '../batch/run.ts';
import { summaryJson, type SummaryCounts } from '../batch/summary.ts';
import { formatOreExactSv } from '../money/index.ts';
import type { MonthlyWorkerOptions } from '../monthly/processor.ts';
import { delegationProblems } from '../monthly/delegation.ts';
import { writeQueueFile } from '../monthly/queue.ts';
import { parseIsoDay } from '../monthly/workdays.ts';
import { loadRulebook } from '../rulebook/load.ts';
import { DecisionStore, storePath } from '../store/store.ts';
import { EXIT_BAD_INPUT, processIo, rulesDir, UsageError, type CliIo } from './common.ts';
import { batchExitCode, batchFailure, checkRunOptions, RUN_OPTIONS } from './batch.ts';

/** The monthly part of the summary: routing, reasons, children, handling time. */
export function monthlySummary(c: SummaryCounts): Record<string, unknown> {
  const t = c.tallies as Record<string, number>;
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

export async function monthlyCommand(args: string[], io: CliIo = processIo()): Promise<number> {
  const { values } = parseArgs({
    args,
    allowPositionals: false,
    options: {
      ...RUN_OPTIONS,
      store: { type: 'string' },
      mode: { type: 'string', default: 'recommend' },
      today: { type: 'string' },
      queue: { type: 'string' },
    },
  });
  const { input, output, detail, controls } = checkRunOptions(values, io);
  const mode = values.mode;
  if (mode !== 'recommend' && mode !== 'automatic') throw new UsageError(`--mode: expected recommend or automatic, got "${mode}"`);
  const today = values.today === undefined ? null : parseIsoDay(values.today);
  if (values.today !== undefined && today === null) throw new UsageError(`--today: expected a date YYYY-MM-DD, got "${values.today}"`);

  let store: DecisionStore | null = null;
  const recorded: RecordTally = { recorded: 0, skipped: 0 };
  try {
    const dir = rulesDir(values.rules, io.env);
    const book = loadRulebook(dir);
    if (mode === 'automatic') {
      const problems = delegationProblems(input, book);
      if (problems.length > 0) {
        for (const p of problems) io.stderr.write(`monthly: ${p}\n`);
        io.stderr.write('monthly: --mode automatic needs the nämnd\'s delegation to an automated decision function (automatedDecisionDelegation in rules/municipal/<kommunkod>.json); nothing was run. Use --mode recommend, or add the delegation.\n');
        return EXIT_BAD_INPUT;
      }
    }
    store = DecisionStore.open(storePath(values.store, io.env, io.cwd), { create: true });
    const opened = store;
    const result = await runBatch({
      input,
      output,
      rulesDir: dir,
      rulebook: book,
      onDecisions: recordSink(opened, book, recorded),
      period: null,
      detail,
      ...controls,
      processor: {
        module: processorModule('monthly'),
        options: (runId): MonthlyWorkerOptions => ({ storePath: opened.path, headSeq: opened.monthlyRunHead(runId), mode, today }),
        identity: { command: 'monthly', mode, today, store: resolve(opened.path) },
      },
    });
    const summary = summaryJson(result.counts, {
      ...monthlySummary(result.counts),
      mode,
      today,
      input: values.in!,
      output: values.out!,
      detail,
      workers: controls.workers,
      store: opened.path,
      recorded: recorded.recorded,
      alreadyRecorded: recorded.skipped,
      internalErrors: result.internalErrors,
      interrupted: result.interrupted,
      resumedFromLine: result.resumedFromLine,
    });
    if (!result.interrupted && values.queue) writeQueueFile(output, values.queue);
    if (values.summary) writeFileSync(values.summary, `${JSON.stringify(summary, null, 2)}\n`);
    io.stdout.write(`${JSON.stringify(summary)}\n`);
    if (io.stderr.isTTY) {
      const c = result.counts;
      const m = monthlySummary(c) as { byRouting: { ready: number; caseworker: number }; automated: number; pastDueOn: number };
      io.stderr.write(
        `${c.lines} ansökningar: ${m.byRouting.ready} klara${mode === 'automatic' ? ` (${m.automated} beslutade automatiskt)` : ' (rekommendation)'}, ${m.byRouting.caseworker} till handläggare, ` +
          `${c.errors} fel. Att betala totalt ${formatOreExactSv(c.payableOre)}. ${m.pastDueOn} efter sista handläggningsdag${today ? ` den ${today}` : ''}. ` +
          `(${result.seconds.toFixed(1)} s)\n`,
      );
    }
    return batchExitCode(result, io.stderr);
  } catch (error) {
    return batchFailure('monthly', error, io.stderr);
  } finally {
    store?.close();
  }
}

