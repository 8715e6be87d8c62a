/**
 * `compare --in households.ndjson --base SPEC --reform SPEC --out diff.ndjson [--report report.html]
 *          [--summary FILE] [--workers N] [--resume] [--rules DIR]`
 * `compare --store records.sqlite --reform SPEC --out diff.ndjson [--report …] [--summary …]`
 *
 * What-if over a population (docs/compare.md): every household under two rule sets, one output line
 * per input line (or per recorded decision), and a summary of cost, outcome transitions, winners and
 * losers. Exit codes as batch: 0 done; 1 the rules are broken or the engine failed on a line; 2 bad
 * usage, an invalid overlay or rules directory given as a side, unreadable input; 130 interrupted.
 */
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runBatch } from '../batch/run.ts';
import { processorModule } from '../batch/processor.ts';
import { OverlayError } from '../compare/overlay.ts';
import { writeReport } from '../compare/report.ts';
import { parseScenarioSpec, SpecError, type ScenarioSpec } from '../compare/scenario.ts';
import { compareStore } from '../compare/store.ts';
import { addTally, emptyTally, tallyJson, type CompareSummary, type CompareTally } from '../compare/summary.ts';
import type { CompareOptions } from '../compare/processor.ts';
import { formatKronorSv, parseKronor } from '../money/index.ts';
import { loadRulebook, RulebookError } from '../rulebook/load.ts';
import { EXIT_BAD_INPUT, EXIT_ENGINE, EXIT_OK, processIo, rulesDir, UsageError, type CliIo } from './common.ts';
import { batchExitCode, batchFailure, checkRunControls, WORKER_RUN_OPTIONS } from './batch.ts';
import { withStore } from './store.ts';

/** One line on stderr. */
const errTo = (io: CliIo) => (text: string): void => void io.stderr.write(`${text}\n`);

function sideOf(spec: ScenarioSpec) {
  return { spec: spec.label, rules: spec.rulesDir, period: spec.period, overlay: spec.overlayPath, overlayHash: spec.overlayHash, ...(spec.guideline ? { guideline: spec.guideline } : {}) };
}

/** Parses a side and checks its rules directory now, so a bad one is exit 2 before any output. */
function side(text: string | undefined, option: string, defaultDir: string): ScenarioSpec {
  if (text === undefined) throw new UsageError(`expected ${option} SPEC (a month YYYY-MM, a rules directory, an overlay file, guideline:KEY, or "current")`);
  const spec = parseScenarioSpec(text, defaultDir, option);
  try {
    const book = loadRulebook(spec.rulesDir);
    if (spec.guideline && !book.municipal.has(spec.guideline)) throw new SpecError(`${option}: rules/municipal/${spec.guideline}.json does not exist in ${spec.rulesDir}`);
  } catch (error) {
    if (error instanceof RulebookError && spec.rulesDir !== defaultDir) throw new SpecError(`${option}: ${spec.rulesDir} is not a valid rules directory:\n${error.problems.join('\n')}`);
    throw error;
  }
  return spec;
}

function finish(summary: CompareSummary, values: { summary?: string | undefined; report?: string | undefined }, io: CliIo): void {
  if (values.summary) writeFileSync(values.summary, `${JSON.stringify(summary, null, 2)}\n`);
  if (values.report) writeReport(values.report, summary);
  io.stdout.write(`${JSON.stringify(summary)}\n`);
  if (io.stderr.isTTY) {
    const t = summary.cost.total;
    errTo(io)(
      `${summary.households} hushåll jämförda: kostnad ${formatKronorSv(parseKronor(t.base)!)} → ${formatKronorSv(parseKronor(t.reform)!)} (${formatKronorSv(parseKronor(t.difference)!)}); ` +
        `${summary.winners.households} får mer, ${summary.losers.households} får mindre (${summary.losers.children} barn), ${summary.outcomes.changed} byter utfall, ${summary.lines - summary.households} med fel.`,
    );
  }
}

export async function compareCommand(args: string[], io: CliIo = processIo()): Promise<number> {
  const err = errTo(io);
  const { values } = parseArgs({
    args,
    allowPositionals: false,
    options: {
      ...WORKER_RUN_OPTIONS,
      store: { type: 'string' },
      base: { type: 'string' },
      reform: { type: 'string' },
      report: { type: 'string' },
    },
  });
  if (!values.out) throw new UsageError('expected --out FILE');
  if ((values.in === undefined) === (values.store === undefined)) throw new UsageError('expected --in FILE (households) or --store PATH (recorded decisions), not both');
  const controls = checkRunControls(values, io);
  const dir = rulesDir(values.rules, io.env);
  try {
    if (values.store !== undefined) {
      if (values.base !== undefined) throw new UsageError('--base is the recorded decision with --store; give only --reform');
      if (values.resume) throw new UsageError('--resume is for --in; a store comparison is run again from the start');
      return runStore(values.store, side(values.reform, '--reform', dir), values.out, values, io);
    }
    const base = side(values.base, '--base', dir);
    const reform = side(values.reform, '--reform', dir);
    const sides: CompareOptions = { base, reform };
    const result = await runBatch({
      input: values.in!,
      output: values.out,
      rulesDir: base.rulesDir,
      period: null,
      detail: 'compact',
      ...controls,
      // A checkpoint of a comparison with other sides is refused: the sides are its identity.
      processor: { module: processorModule('compare'), options: () => sides, identity: { command: 'compare', ...sides } },
    });
    // The summed tallies of every chunk (none for an empty input) onto an empty tally.
    const tally = emptyTally();
    addTally(tally, result.counts.tallies as unknown as CompareTally);
    const summary = tallyJson(tally, {
      input: values.in,
      output: values.out,
      base: sideOf(base),
      reform: sideOf(reform),
      workers: controls.workers,
      internalErrors: result.internalErrors,
      interrupted: result.interrupted,
      resumedFromLine: result.resumedFromLine,
    });
    // An interrupted run prints what it has so far; its report and summary file wait for the resume.
    if (result.interrupted) io.stdout.write(`${JSON.stringify(summary)}\n`);
    else finish(summary, values, io);
    return batchExitCode(result, io.stderr);
  } catch (error) {
    if (error instanceof OverlayError) {
      for (const p of error.problems) err(`overlay: ${p}`);
      return EXIT_BAD_INPUT;
    }
    if (error instanceof SpecError) {
      err(`compare: ${error.message}`);
      return EXIT_BAD_INPUT;
    }
    return batchFailure('compare', error, io.stderr);
  }
}

function runStore(path: string, reform: ScenarioSpec, output: string, values: { summary?: string | undefined; report?: string | undefined }, io: CliIo): number {
  const err = errTo(io);
  return withStore({ io, err, out: (text) => void io.stdout.write(`${text}\n`) }, path, (store) => {
    let fd: number;
    try {
      fd = openSync(output, 'w');
    } catch (error) {
      err(`compare: ${output}: cannot write the output file (${(error as NodeJS.ErrnoException).code})`);
      return EXIT_BAD_INPUT;
    }
    try {
      const result = compareStore(store, reform, (text) => writeSync(fd, text));
      finish(tallyJson(result.tally, { store: store.path, output, base: { spec: 'recorded' }, reform: sideOf(reform), internalErrors: result.internalErrors }), values, io);
      return result.internalErrors > 0 ? EXIT_ENGINE : EXIT_OK;
    } finally {
      closeSync(fd);
    }
  });
}
