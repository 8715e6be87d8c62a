/** A chunk of input lines → its output text, summary counts and (when recording) the full decisions. */
import type { RuleSetProvider } from '../index.ts';
import type { Decision } from '../decision/types.ts';
import { serializeRecord, type SerializedRecord } from '../store/serialize.ts';
import type { LineJobRef } from './job.ts';
import { processLine, type Detail } from './line.ts';
import { emptyCounts, type SummaryCounts } from './summary.ts';

export interface WorkerConfig {
  readonly rulesDir: string;
  readonly detail: Detail;
  readonly period: string | null;
  /** Also return each household's full decision (with trace) for a record sink (issue 4). */
  readonly collectDecisions: boolean;
  /** Another line job instead of the batch's decisions (src/batch/job.ts), e.g. compare. */
  readonly job?: LineJobRef;
}

/**
 * One valid household's full decision, for a record sink: serialised for the decision store here in
 * the worker (canonical input and decision JSON), so the main thread only hashes and inserts.
 */
export interface CollectedDecision {
  readonly line: number;
  readonly record: SerializedRecord;
}

export interface ChunkResult {
  readonly seq: number;
  readonly firstLine: number;
  readonly lineCount: number;
  /** The output lines, UTF-8 encoded (transferred, not copied, from a worker). */
  readonly out: Uint8Array;
  readonly counts: SummaryCounts;
  readonly internalErrors: number;
  readonly decisions: readonly CollectedDecision[];
  /** A line job's own tallies for the chunk (src/batch/job.ts); absent for the batch itself. */
  readonly extra?: unknown;
}

/** Whole input lines (without the last newline) as UTF-8 bytes, and where they start. */
export interface ChunkInput {
  readonly seq: number;
  readonly firstLine: number;
  readonly bytes: Uint8Array;
}

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

export function makeChunkProcessor(config: WorkerConfig, rulesFor: RuleSetProvider) {
  const options = { detail: config.detail, period: config.period, rulesFor };
  return (chunk: ChunkInput): ChunkResult => {
    const counts = emptyCounts();
    const lines = decoder.decode(chunk.bytes).split('\n');
    const decisions: CollectedDecision[] = [];
    let out = '';
    let internalErrors = 0;
    for (let i = 0; i < lines.length; i++) {
      const n = chunk.firstLine + i;
      try {
        const collect = config.collectDecisions ? (raw: unknown, decision: Decision) => decisions.push({ line: n, record: serializeRecord(raw, decision) }) : undefined;
        out += `${processLine(lines[i]!, n, options, counts, collect)}\n`;
      } catch (error) {
        internalErrors++;
        counts.errors++;
        const message = `the engine failed on this line (${(error as Error).message}); please report it`;
        out += `{"line":${n},"caseId":null,"errors":[{"path":"(line)","code":"INTERNAL_ERROR","message":${JSON.stringify(message)}}]}\n`;
      }
    }
    return { seq: chunk.seq, firstLine: chunk.firstLine, lineCount: lines.length, out: encoder.encode(out), counts, internalErrors, decisions };
  };
}
