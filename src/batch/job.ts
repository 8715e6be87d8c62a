/**
 * Line jobs: the batch machinery (reading in chunks, worker threads, in-order writing, checkpoints,
 * resume) running something else than the monthly decisions on every line — `compare` uses it.
 *
 * A job is a module that the workers (and the main thread) import by URL. It exports:
 * - `makeJobProcessor(config)`: turns chunks into output lines, like makeChunkProcessor, and puts its
 *   own tallies for the chunk in `ChunkResult.extra` (the batch's `counts.lines`/`errors` still count
 *   lines, for the progress bar);
 * - `emptyExtra()` and `addExtra(into, from)`: how the main thread sums the tallies. They must be plain
 *   JSON data: they are kept in the checkpoint, so a resumed run sums exactly what an uninterrupted one does.
 *
 * `config` is sent to each worker (structured clone) and `key` is kept in the checkpoint: a resume with
 * another key is refused, like a resume with another --period.
 */
import type { ChunkInput, ChunkResult } from './chunk.ts';

export interface LineJobRef {
  /** The job module's URL (import.meta.url-relative `new URL(…).href`). */
  readonly module: string;
  readonly config: unknown;
  /** Identifies the job's settings in the checkpoint (e.g. the hashes of the rule sets compared). */
  readonly key: string;
}

export type ChunkProcessor = (chunk: ChunkInput) => ChunkResult;

export interface LineJobModule {
  makeJobProcessor(config: unknown): ChunkProcessor | Promise<ChunkProcessor>;
  emptyExtra(): unknown;
  addExtra(into: unknown, from: unknown): void;
}

export async function loadLineJob(ref: LineJobRef): Promise<LineJobModule> {
  return (await import(ref.module)) as LineJobModule;
}
