/**
 * compare as a line job of the batch machinery (src/batch/job.ts): each worker thread loads both
 * sides' rules and overlays once, then compares chunks of households; the tallies are summed on the
 * main thread and kept in the checkpoint, so a resumed comparison adds up exactly like an
 * uninterrupted one.
 */
import type { ChunkInput, ChunkResult } from '../batch/chunk.ts';
import type { ChunkProcessor } from '../batch/job.ts';
import { emptyCounts } from '../batch/summary.ts';
import { compareLine, type Sides } from './line.ts';
import { buildScenario, type ScenarioSpec } from './scenario.ts';
import { addTally, emptyTally, type CompareTally } from './summary.ts';

export interface CompareJobConfig {
  readonly base: ScenarioSpec;
  readonly reform: ScenarioSpec;
}

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

export function makeJobProcessor(config: unknown): ChunkProcessor {
  const c = config as CompareJobConfig;
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
        const message = `the engine failed on this line (${(error as Error).message}); please report it`;
        out += `{"line":${n},"caseId":null,"errors":[{"path":"(line)","code":"INTERNAL_ERROR","message":${JSON.stringify(message)}}]}\n`;
      }
    }
    return { seq: chunk.seq, firstLine: chunk.firstLine, lineCount: lines.length, out: encoder.encode(out), counts, internalErrors, decisions: [], extra: tally };
  };
}

export function emptyExtra(): CompareTally {
  return emptyTally();
}

export function addExtra(into: unknown, from: unknown): void {
  addTally(into as CompareTally, from as CompareTally);
}
