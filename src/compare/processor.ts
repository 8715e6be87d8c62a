/**
 * compare's chunk processor for the batch machinery (src/batch/processor.ts): each worker thread loads
 * both sides' rules and overlays once, then compares chunks of households through the batch's chunk
 * loop. Each chunk's tally (src/compare/summary.ts) goes in its `counts.tallies`, which the batch sums
 * and keeps in the checkpoint, so a resumed comparison adds up exactly like an uninterrupted one.
 */
import { chunkProcessor, type ChunkInput, type ChunkResult, type WorkerConfig } from '../batch/chunk.ts';
import type { ChunkProcessor } from '../batch/processor.ts';
import type { Tallies } from '../batch/summary.ts';
import { compareLine, unreadableCompareLine, type Sides } from './line.ts';
import { buildScenario, type ScenarioSpec } from './scenario.ts';
import { emptyTally, type CompareTally } from './summary.ts';

/** The processor's options (`WorkerConfig.processor.options`): both sides. */
export interface CompareOptions {
  readonly base: ScenarioSpec;
  readonly reform: ScenarioSpec;
}

export function makeChunkProcessor(config: WorkerConfig): ChunkProcessor {
  const c = config.processor!.options as CompareOptions;
  const sides: Sides = { base: buildScenario(c.base), reform: buildScenario(c.reform) };
  let tally: CompareTally = emptyTally();
  const compareChunk = chunkProcessor(
    (text, n, counts) => {
      counts.lines++;
      const line = compareLine(text, n, sides, tally);
      if (line.error) counts.errors++;
      return line.out;
    },
    false,
    // A line that is not valid UTF-8 (the one decoding rule, household/decode.ts): compare's own error record.
    (n, counts, issue) => {
      counts.lines++;
      counts.errors++;
      return unreadableCompareLine(n, sides, tally, issue);
    },
  );
  return (chunk: ChunkInput): ChunkResult => {
    tally = emptyTally();
    const result = compareChunk(chunk);
    result.counts.tallies = tally as unknown as Tallies;
    return result;
  };
}
