/** A chunk of input lines → its output text, summary counts and (when recording) the full decisions. */
import type { RuleSetProvider } from '../index.ts';
import type { Rulebook } from '../rulebook/load.ts';
import { serializeRecord, type OnDecision, type SerializedRecord } from '../store/serialize.ts';
import { decodeUtf8, invalidUtf8 } from '../household/decode.ts';
import { processLine, unreadableLine, type Detail } from './line.ts';
import { emptyCounts, type SummaryCounts } from './summary.ts';
import type { InputProblem } from '../household/problems.ts';

export interface WorkerConfig {
  /** rules/ as loaded and checked once by the main thread (plain data, copied to each worker). */
  readonly rulebook: Rulebook;
  readonly detail: Detail;
  readonly period: string | null;
  /** Also return each household's full decision (with trace) for a record sink (issue 4). */
  readonly collectDecisions: boolean;
  /**
   * A command built on the batch (compare, monthly) turns lines into output its own way
   * (processor.ts): the URL of its processor module, loaded in each worker, and its options (plain
   * data). Absent: the batch's own decisions.
   */
  readonly processor?: { readonly module: string; readonly options: unknown };
}

/** One line → its output line (no newline); calls onDecision with a valid line's full decision. */
export type LineProcessor = (text: string, n: number, counts: SummaryCounts, onDecision?: OnDecision) => string;

/**
 * One valid household's full decision, for a record sink: serialised for the decision store here in
 * the worker (canonical input, the decision as data, its compact trace), so the main thread only
 * hashes and inserts.
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
  /**
   * True when `out` is the only view of its ArrayBuffer (chunkProcessor's output), so the buffer can be
   * handed back as a later chunk's spare once written; a processor's own output is never reused.
   */
  readonly outReusable?: boolean;
  readonly counts: SummaryCounts;
  readonly internalErrors: number;
  readonly decisions: readonly CollectedDecision[];
}

/** Whole input lines (without the last newline) as UTF-8 bytes, and where they start. */
export interface ChunkInput {
  readonly seq: number;
  readonly firstLine: number;
  readonly bytes: Uint8Array;
  /**
   * The buffer of an earlier chunk's output, handed back once written (run.ts): the output is copied
   * into it when it fits, instead of into a new ArrayBuffer.
   */
  readonly spare?: ArrayBuffer | undefined;
}

/** A line of a chunk: its text, or where its bytes stop being UTF-8. */
export type ChunkLine = string | { readonly offset: number };

/**
 * The chunk's lines as text, by the one decoding rule (household/decode.ts): a BOM only at the start
 * of the file (line 1), and a line that is not valid UTF-8 is an error naming the byte offset in it.
 * The whole chunk is decoded at once; only a chunk with a bad byte is decoded line by line.
 */
function chunkLines(chunk: ChunkInput): ChunkLine[] {
  const whole = decodeUtf8(chunk.bytes, chunk.firstLine === 1);
  if (whole.ok) return whole.text.split('\n');
  const lines: ChunkLine[] = [];
  let start = 0;
  for (;;) {
    const nl = chunk.bytes.indexOf(0x0a, start);
    const end = nl < 0 ? chunk.bytes.length : nl;
    const line = decodeUtf8(chunk.bytes.subarray(start, end), chunk.firstLine === 1 && start === 0);
    lines.push(line.ok ? line.text : { offset: line.offset });
    if (nl < 0) return lines;
    start = nl + 1;
  }
}

/** The batch's own processor (the default of processor.ts): each line's decision. */
export function makeChunkProcessor(config: WorkerConfig, rulesFor: RuleSetProvider): (chunk: ChunkInput) => ChunkResult {
  const options = { detail: config.detail, period: config.period, rulesFor };
  return chunkProcessor((text, n, counts, onDecision) => processLine(text, n, options, counts, onDecision), config.collectDecisions);
}

/**
 * The chunk loop around any line processor: one output line per input line, in order; a crash on a
 * line becomes that line's INTERNAL_ERROR record; valid lines' decisions serialised for the store.
 * Lines are cut by the one decoding rule (chunkLines above); `unreadable` writes the record of a line
 * that is not valid UTF-8 (by default the batch's error record).
 */
export function chunkProcessor(processOne: LineProcessor, collectDecisions: boolean, unreadable: (n: number, counts: SummaryCounts, issue: InputProblem) => string = unreadableLine): (chunk: ChunkInput) => ChunkResult {
  return (chunk: ChunkInput): ChunkResult => {
    const counts = emptyCounts();
    const lines = chunkLines(chunk);
    const decisions: CollectedDecision[] = [];
    const out = new OutputBytes();
    let internalErrors = 0;
    for (let i = 0; i < lines.length; i++) {
      const n = chunk.firstLine + i;
      let text: string;
      try {
        const collect: OnDecision | undefined = collectDecisions ? (raw, decision, rules) => decisions.push({ line: n, record: serializeRecord(raw, decision, rules) }) : undefined;
        const line = lines[i]!;
        text =
          typeof line === 'string'
            ? processOne(line, n, counts, collect)
            : unreadable(n, counts, invalidUtf8('(line)', line.offset, true));
      } catch (error) {
        internalErrors++;
        counts.errors++;
        text = internalErrorLine(n, error);
      }
      out.line(text);
    }
    return { seq: chunk.seq, firstLine: chunk.firstLine, lineCount: lines.length, out: out.take(chunk.spare), outReusable: true, counts, internalErrors, decisions };
  };
}

/**
 * A chunk's output as UTF-8 bytes, each line encoded as soon as it is made. Appending every line to
 * one string and encoding it at the end kept the chunk's whole output alive as a rope of small
 * strings (an output line is built from dozens of pieces) across young-generation collections, which
 * copied and promoted it, and then flattened it all at once: measured at ~7 µs a household of the
 * ~10 µs the chunk loop added to processLine. Encoding a line at once lets its pieces die young.
 * The buffer is reused from chunk to chunk (one per thread; a chunk processor run inside another's
 * line gets one of its own); take() copies the chunk's bytes out, so they can be transferred to the
 * main thread, and gives the buffer back.
 */
const INITIAL_OUTPUT_BYTES = 1 << 20;

class OutputBytes {
  static #free: Buffer | null = null;
  #buffer: Buffer;
  #at = 0;

  constructor() {
    this.#buffer = OutputBytes.#free ?? Buffer.allocUnsafe(INITIAL_OUTPUT_BYTES);
    OutputBytes.#free = null;
  }

  /** Appends the text and a newline. */
  line(text: string): void {
    // At most 3 bytes per UTF-16 code unit, plus the newline.
    const need = this.#at + text.length * 3 + 1;
    if (need > this.#buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(need, this.#buffer.length * 2));
      this.#buffer.copy(grown, 0, 0, this.#at);
      this.#buffer = grown;
    }
    this.#at += this.#buffer.write(text, this.#at);
    this.#buffer[this.#at++] = 0x0a;
  }

  /**
   * The bytes written, in a buffer of their own: `spare` when they fit in it, else a new one with an
   * eighth more room, so that it can take a later chunk's output when it is handed back.
   */
  take(spare?: ArrayBuffer): Uint8Array {
    const bytes = new Uint8Array(spare !== undefined && spare.byteLength >= this.#at ? spare : new ArrayBuffer(this.#at + (this.#at >> 3)), 0, this.#at);
    bytes.set(this.#buffer.subarray(0, this.#at));
    // A buffer grown by a chunk of huge lines is not kept.
    if (this.#buffer.length <= 16 * INITIAL_OUTPUT_BYTES) OutputBytes.#free = this.#buffer;
    return bytes;
  }
}

/** The output line (no newline) for a line the engine failed on: an INTERNAL_ERROR record, never a crash of the run. */
function internalErrorLine(n: number, error: unknown): string {
  const message = `the engine failed on this line (${(error as Error).message}); please report it`;
  return `{"line":${n},"caseId":null,"errors":[{"path":"(line)","code":"INTERNAL_ERROR","message":${JSON.stringify(message)}}]}`;
}
