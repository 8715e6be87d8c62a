/** A chunk of input lines → its output text, summary counts and (when recording) the full decisions. */
import type { RuleSetProvider } from '../index.ts';
import type { Decision } from '../decision/types.ts';
import { serializeRecord, type SerializedRecord } from '../store/serialize.ts';
import { processLine, type Detail } from './line.ts';
import { emptyCounts, type SummaryCounts } from './summary.ts';

export interface WorkerConfig {
  readonly rulesDir: string;
  readonly detail: Detail;
  readonly period: string | null;
  /** Also return each household's full decision (with trace) for a record sink (issue 4). */
  readonly collectDecisions: boolean;
  /**
   * A command built on the batch (e.g. monthly) turns lines into output its own way: the URL of a
   * module exporting `makeChunkProcessor(config, rulesFor)`, loaded in each worker, and its options
   * (plain data, passed to the worker).
   */
  readonly processorModule?: string;
  readonly processorOptions?: unknown;
}

/** One line → its output line (no newline); calls onDecision with a valid line's full decision. */
export type LineProcessor = (text: string, n: number, counts: SummaryCounts, onDecision?: (raw: unknown, decision: Decision) => void) => string;

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
}

/** Whole input lines (without the last newline) as UTF-8 bytes, and where they start. */
export interface ChunkInput {
  readonly seq: number;
  readonly firstLine: number;
  readonly bytes: Uint8Array;
}

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

export function makeChunkProcessor(config: WorkerConfig, rulesFor: RuleSetProvider): (chunk: ChunkInput) => ChunkResult {
  const options = { detail: config.detail, period: config.period, rulesFor };
  return chunkProcessor((text, n, counts, onDecision) => processLine(text, n, options, counts, onDecision), config.collectDecisions);
}

/**
 * The chunk loop around any line processor: one output line per input line, in order; a crash on a
 * line becomes that line's INTERNAL_ERROR record; valid lines' decisions serialised for the store.
 */
export function chunkProcessor(processOne: LineProcessor, collectDecisions: boolean): (chunk: ChunkInput) => ChunkResult {
  return (chunk: ChunkInput): ChunkResult => {
    const counts = emptyCounts();
    const lines = decoder.decode(chunk.bytes).split('\n');
    const decisions: CollectedDecision[] = [];
    let out = '';
    let internalErrors = 0;
    for (let i = 0; i < lines.length; i++) {
      const n = chunk.firstLine + i;
      try {
        const collect = collectDecisions ? (raw: unknown, decision: Decision) => decisions.push({ line: n, record: serializeRecord(raw, decision) }) : undefined;
        out += `${processOne(lines[i]!, n, counts, collect)}\n`;
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
