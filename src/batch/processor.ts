/**
 * The batch's one extension point: a chunk processor turns a chunk of input lines into its output
 * lines and counts. The batch's own decisions are the default processor (makeChunkProcessor in
 * chunk.ts); a command built on the batch (compare, monthly) names another processor module, and
 * everything else — reading in chunks, worker threads, in-order writing, checkpoints, resume, signals,
 * progress, the record sink — stays the batch's.
 *
 * A processor module exports `makeChunkProcessor(config, rulesFor)` (ProcessorModule below), called
 * once in each worker thread (and on the main thread with --workers 0). Its own settings come in
 * `config.processor.options`; its counters go in `SummaryCounts.tallies` (summary.ts), which the main
 * thread sums and keeps in the checkpoint like every other count.
 */
import type { RuleSetProvider } from '../index.ts';
import { moduleUrl } from '../paths.ts';
import { RuleSetCache } from '../rulebook/resolve.ts';
import { makeChunkProcessor, type ChunkInput, type ChunkResult, type WorkerConfig } from './chunk.ts';

export type ChunkProcessor = (chunk: ChunkInput) => ChunkResult;

export interface ProcessorModule {
  makeChunkProcessor(config: WorkerConfig, rulesFor: RuleSetProvider): ChunkProcessor | Promise<ChunkProcessor>;
}

/** A command's processor, as runBatch takes it (BatchOptions.processor). */
export interface ProcessorRef {
  /** The module's URL: processorModule(name). */
  readonly module: string;
  /** Its settings for the workers (plain data, copied to each), given the run's id (the same on every resume). */
  readonly options: (runId: string) => unknown;
  /** What else must match for a resume; kept in the checkpoint's run (checkpoint.ts, sameRun). */
  readonly identity: unknown;
}

/**
 * The one place that says where a processor module is: `src/<name>/processor.ts` when running the
 * sources (tsx), `dist/<name>-processor.js` when running the compiled build (scripts/build.mjs makes
 * one entry per processor).
 */
export function processorModule(name: string): string {
  return moduleUrl(`${name}/processor.ts`, `${name}-processor.js`).href;
}

/** The chunk processor a worker (or the main thread) runs: the configured module's, else the batch's own. */
export async function loadChunkProcessor(config: WorkerConfig): Promise<ChunkProcessor> {
  const cache = new RuleSetCache(config.rulebook);
  const module: ProcessorModule = config.processor ? ((await import(config.processor.module)) as ProcessorModule) : { makeChunkProcessor };
  return module.makeChunkProcessor(config, (period, municipality, decidedOn) => cache.get(period, municipality, decidedOn));
}
