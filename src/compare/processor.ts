/**
 * compare's chunk processor for the batch machinery (src/batch/processor.ts): each worker thread loads
 * both sides' rules and overlays once, then compares chunks of households. Each chunk's tally
 * (src/compare/summary.ts) goes in its `counts.tallies`, which the batch sums and keeps in the
 * checkpoint, so a resumed comparison adds up exactly like an uninterrupted one.
 */
import { internalErrorLine, type ChunkInput, type ChunkResult, type WorkerConfig } from '../batch/chunk.ts';
import type { ChunkProcessor } from '../batch/processor.ts';
import { emptyCounts, type Tallies } from '../batch/summary.ts';
import { compareLine, type Sides } from './line.ts';
import { buildScenario, type ScenarioSpec } from './scenario.ts';
import { emptyTally } from './summary.ts';

/** The processor's options (`WorkerConfig.processor.options`): both sides. */
export interface CompareOptions {
  readonly base: ScenarioSpec;
  readonly reform: ScenarioSpec;
}

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

export function makeChunkProcessor(config: WorkerConfig): ChunkProcessor {
  const c = config.processor!.options as CompareOptions;
  const sides: Sides = { base: buildScenario(c.base), reform: buildScenario(c.reform) };
  return (chunk: ChunkInput): ChunkResult => {
    const counts = emptyCounts();
    const tally = emptyTally();
    const lines = decoder.decode(chunk.bytes).split('\n');
    let out = '';
    let internalErrors = 0;
    for (let i = 0; i < lines.length; i++) {
      const n = chunk.firstLine + i;
      counts.lines++;
      try {
        const line = compareLine(lines[i]!, n, sides, tally);
        if (line.error) counts.errors++;
        out += `${line.out}\n`;
      } catch (error) {
        internalErrors++;
        counts.errors++;
        out += `${internalErrorLine(n, error)}\n`;
      }
    }
    counts.tallies = tally as unknown as Tallies;
    return { seq: chunk.seq, firstLine: chunk.firstLine, lineCount: lines.length, out: encoder.encode(out), counts, internalErrors, decisions: [] };
  };
}
