/**
 * The monthly recalculation batch: NDJSON households in, one NDJSON line out per input line, in input
 * order, using every core.
 *
 * The main thread reads the input in blocks, cuts it into chunks of whole lines and hands them to
 * worker threads (least busy first, a bounded number in flight so memory stays flat). Results come back
 * in any order; a reorder buffer writes them in input order. Every second the output is fsynced and a
 * checkpoint written, so a killed run can be resumed (checkpoint.ts). SIGINT/SIGTERM stop reading,
 * flush what is done, checkpoint and exit 130.
 */
import { randomUUID } from 'node:crypto';
import { closeSync, fstatSync, fsync, ftruncateSync, openSync, readSync, statSync, writeSync } from 'node:fs';
import { promisify } from 'node:util';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { moduleUrl } from '../paths.ts';
import { loadRulebook, type Rulebook } from '../rulebook/load.ts';
import { parsePeriod } from '../period/index.ts';
import { RuleLookupError, RuleSetCache } from '../rulebook/resolve.ts';
import { ENGINE_VERSION } from '../version.ts';
import type { ChunkInput, ChunkResult, CollectedDecision, WorkerConfig } from './chunk.ts';
import type { WorkerReply } from './worker.ts';
import { CheckpointError, readCheckpoint, removeCheckpoint, sameRun, writeCheckpoint, type Checkpoint, type RunIdentity } from './checkpoint.ts';
import type { Detail } from './line.ts';
import { loadChunkProcessor, type ProcessorRef } from './processor.ts';
import { Progress } from './progress.ts';
import { addCounts, emptyCounts, type SummaryCounts } from './summary.ts';

export interface BatchOptions {
  readonly input: string;
  readonly output: string;
  readonly rulesDir: string;
  /** rules/ already loaded from rulesDir (it is loaded here otherwise): loaded and checked once per run. */
  readonly rulebook?: Rulebook;
  readonly period: string | null;
  readonly detail: Detail;
  /** Worker threads (the most it uses); 0 runs everything on the main thread. */
  readonly workers: number;
  /**
   * Start a second and further worker only while at least this many bytes of input are left to read
   * (EXTRA_WORKER_MIN_BYTES when the user did not choose --workers); 0 or absent: start them all.
   */
  readonly extraWorkerMinBytes?: number;
  readonly resume: boolean;
  readonly chunkLines?: number;
  /** Where to draw the progress bar (a TTY), or null for none. */
  readonly progress: NodeJS.WriteStream | null;
  /**
   * Hook for a record sink (issue 4): called on the main thread with the full decisions of each chunk,
   * in input order, BEFORE the chunk's output lines are written and checkpointed. After a crash the
   * same lines may be handed over again on resume, so the sink must be idempotent per (input, line).
   */
  readonly onDecisions?: (decisions: readonly CollectedDecision[], chunk: { readonly runId: string; readonly lastLine: number }) => void;
  /** Called once a stop was requested, e.g. by tests; production uses SIGINT/SIGTERM. */
  readonly stopSignal?: { stopped: boolean };
  readonly checkpointEveryMs?: number;
  /**
   * A command built on the batch (compare, monthly): its chunk processor (processor.ts) instead of the
   * batch's own decisions. Its counters come back in `counts.tallies`.
   */
  readonly processor?: ProcessorRef;
}

export interface BatchResult {
  readonly counts: SummaryCounts;
  readonly internalErrors: number;
  readonly interrupted: boolean;
  readonly resumedFromLine: number | null;
  readonly seconds: number;
  /** The run's id (the same across resumes). */
  readonly runId: string;
  /** Worker threads started (0 on the main thread; fewer than asked for a small input, extraWorkerMinBytes). */
  readonly workersStarted: number;
}

/** The input or output cannot be used: a clear message, nothing half-done. */
export class BatchError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 2) {
    super(message);
    this.exitCode = exitCode;
  }
}

const BLOCK = 1 << 20;

const fsyncAsync = promisify(fsync);

/**
 * A second (third, …) worker starts only while at least this much input is still to be read. A worker
 * spends its first few thousand households warming up the JIT (three to four times slower than later),
 * and on a machine with as many cores as workers the workers' warm-up competes with V8's compiler
 * threads: on 2 cores, 20 000 generated lines (12.8 MB) took 1.34 s on one thread and 1.6–2.5 s on
 * two workers, while 50 000 lines (32 MB) took 3.1 s and 2.7 s (2026-11-29). The commands use it when
 * --workers is not given (every core, but a small input on one worker); --workers N starts N.
 */
export const EXTRA_WORKER_MIN_BYTES = 24 << 20;

/**
 * Lines per chunk when --chunk-lines is not given. 400 for decisions written as lines (smaller and
 * larger chunks measured no faster). 100 when every decision is kept whole for a record sink
 * (`batch --record`, `monthly`): a chunk then carries each decision with its trace, about 30 KB of
 * JSON, and three chunks per worker in flight held some 350–400 MB more than needed. On 2 cores,
 * 10 000 generated households (2026-11-29): `batch --record` 7.9–8.1 s and 790–820 MB peak with 400,
 * 6.9–7.1 s and 460–470 MB with 100; `monthly` 11.0–11.5 s and 990–1 020 MB with 400, 9.6–10.0 s and
 * 590 MB with 100 (50 gave 9.2–9.9 s and 500 MB: no clearer gain, and twice the transactions).
 */
export const CHUNK_LINES = 400;
export const RECORD_CHUNK_LINES = 100;

/**
 * The worker thread's entry: the compiled dist/batch-worker.js when this module is compiled (a chunk
 * in dist/), else worker-entry.mjs, which registers tsx in the worker and loads worker.ts.
 */
const WORKER_ENTRY = moduleUrl('batch/worker-entry.mjs', 'batch-worker.js');

interface Chunk {
  readonly seq: number;
  readonly firstLine: number;
  /** A copy of the chunk's bytes in a buffer of its own (no other chunk's), so it can be transferred to a worker. */
  readonly bytes: Uint8Array;
  readonly endOffset: number;
}

/**
 * ArrayBuffers handed back once used, to be used again: the buffers chunks' bytes are copied into, and
 * the buffers chunks' output comes in (passed back to be written into: ChunkInput.spare). A new buffer
 * of a few hundred KB for every chunk, both ways, freed only by a full collection, made the main
 * thread run one every few hundred ms with --workers 2 (9 in a 5 s run of 200 000 households, none
 * now), and each fresh buffer is page faults on both sides.
 */
class BufferPool {
  readonly #free: ArrayBuffer[] = [];
  readonly #max: number;
  constructor(max: number) {
    this.#max = max;
  }
  /** A buffer of at least `size` bytes: a free one if the last freed is big enough, else a new one with an eighth more room. */
  take(size: number): ArrayBuffer {
    const last = this.#free.pop();
    return last !== undefined && last.byteLength >= size ? last : new ArrayBuffer(size + (size >> 3));
  }
  /** The last freed buffer, if any. */
  takeAny(): ArrayBuffer | undefined {
    return this.#free.pop();
  }
  give(buffer: ArrayBuffer): void {
    if (this.#free.length < this.#max && buffer.byteLength > 0) this.#free.push(buffer);
  }
}

/**
 * Reads whole lines from the input, from a byte offset, in chunks. The input is read into one buffer,
 * reused for the whole run: the bytes not yet cut into a chunk are moved to its start before the next
 * read, and it grows only for a chunk longer than it. Reading each block into a new buffer and joining
 * it to the rest (Buffer.concat) allocated ~3 MB of ArrayBuffers per 1 MB of input, and that external
 * memory made the main thread run a full mark-compact every ~100 ms with --workers 2 (36 in a run of
 * 200 000 households, where the workers need it to do little else).
 */
class LineChunker {
  readonly #fd: number;
  /** The file offset of the byte after the last one read. */
  #offset: number;
  #buffer = Buffer.allocUnsafe(2 * BLOCK);
  /** The bytes read and not yet handed out: #buffer[#start, #end). */
  #start = 0;
  #end = 0;
  #eof = false;
  #nextLine: number;
  #seq = 0;
  readonly #chunkLines: number;
  /** Buffers of chunks already processed, to copy the next chunks' bytes into. */
  readonly spent = new BufferPool(16);

  constructor(fd: number, offset: number, firstLine: number, chunkLines: number) {
    this.#fd = fd;
    this.#offset = offset;
    this.#nextLine = firstLine;
    this.#chunkLines = chunkLines;
  }

  /** The next chunk, or null at the end of the input. */
  next(): Chunk | null {
    let lines = 0;
    let cut = -1;
    let from = this.#start;
    for (;;) {
      const nl = this.#buffer.indexOf(0x0a, from);
      if (nl >= 0 && nl < this.#end) {
        lines++;
        cut = nl;
        from = nl + 1;
        if (lines >= this.#chunkLines) break;
        continue;
      }
      if (this.#eof) break;
      from = this.#end;
      // Room for the next read: the pending bytes to the front, and a bigger buffer when they fill it.
      if (this.#start > 0) {
        this.#buffer.copyWithin(0, this.#start, this.#end);
        from -= this.#start;
        if (cut >= 0) cut -= this.#start;
        this.#end -= this.#start;
        this.#start = 0;
      }
      if (this.#end === this.#buffer.length) {
        const grown = Buffer.allocUnsafe(2 * this.#buffer.length);
        this.#buffer.copy(grown, 0, 0, this.#end);
        this.#buffer = grown;
      }
      const read = readSync(this.#fd, this.#buffer, this.#end, this.#buffer.length - this.#end, this.#offset);
      if (read === 0) this.#eof = true;
      this.#offset += read;
      this.#end += read;
    }
    const first = this.#start;
    let bodyEnd: number;
    if (cut >= 0) {
      bodyEnd = cut;
      this.#start = cut + 1;
    } else if (this.#end > first) {
      // The last line has no newline.
      bodyEnd = this.#end;
      lines = 1;
      this.#start = this.#end;
    } else {
      return null;
    }
    // A copy in a buffer of its own: the chunk is transferred to a worker, and #buffer is read into again.
    const bytes = new Uint8Array(this.spent.take(bodyEnd - first), 0, bodyEnd - first);
    bytes.set(this.#buffer.subarray(first, bodyEnd));
    const endOffset = this.#offset - (this.#end - this.#start);
    const chunk: Chunk = { seq: this.#seq++, firstLine: this.#nextLine, bytes, endOffset };
    this.#nextLine += lines;
    return chunk;
  }
}

export async function runBatch(options: BatchOptions): Promise<BatchResult> {
  const started = Date.now();
  const input = resolve(options.input);
  const output = resolve(options.output);
  // Rules are checked here, once, so a broken rules/ stops the batch before any output (exit 1).
  const book = options.rulebook ?? loadRulebook(options.rulesDir);
  // A --period without rules would give an error on every line and exit 0 (issue 13),
  // and a month whose rules are pending (rules/pending/) is nothing but needs-information: both are
  // refused up front, before the input is read.
  const forced = options.period === null ? null : parsePeriod(options.period);
  if (forced !== null) {
    try {
      new RuleSetCache(book).get(forced, null, null);
    } catch (error) {
      if (error instanceof RuleLookupError) throw new BatchError(`--period ${options.period}: ${error.message}; nothing was calculated`);
      throw error;
    }
  }

  let inputSize: number;
  try {
    const st = statSync(input);
    if (!st.isFile()) throw new Error('not a file');
    inputSize = st.size;
  } catch (error) {
    throw new BatchError(`${options.input}: cannot read the input file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (input === output) throw new BatchError('--out must not be the input file');
  const run: RunIdentity = { input, inputSize, period: options.period, detail: options.detail, engineVersion: ENGINE_VERSION, ...(options.processor ? { processor: options.processor.identity } : {}) };
  let checkpoint: Checkpoint | null = null;
  if (options.resume) {
    try {
      checkpoint = readCheckpoint(output);
    } catch (error) {
      if (error instanceof CheckpointError) throw new BatchError(`${error.message}: it belongs to another run or is damaged; start without --resume`);
      throw error;
    }
    if (checkpoint !== null && !sameRun(checkpoint.run, run)) {
      throw new BatchError(`${output}.checkpoint belongs to another run (input, size, --period, --detail or engine version differ); start without --resume`);
    }
  }

  let inFd: number;
  let outFd: number;
  try {
    inFd = openSync(input, 'r');
  } catch (error) {
    throw new BatchError(`${options.input}: cannot read the input file (${(error as NodeJS.ErrnoException).code})`);
  }
  try {
    outFd = openSync(output, checkpoint ? 'r+' : 'w');
  } catch (error) {
    closeSync(inFd);
    throw new BatchError(`${options.output}: cannot write the output file (${(error as NodeJS.ErrnoException).code})`);
  }
  if (checkpoint) {
    if (fstatSync(outFd).size < checkpoint.outputBytes) {
      throw new BatchError(`${options.output} is shorter than its checkpoint says; start without --resume`);
    }
    ftruncateSync(outFd, checkpoint.outputBytes);
  } else if (options.resume) {
    removeCheckpoint(output);
  }

  // A run's id survives resumes (it is in the checkpoint), so a record sink can tell a resumed run
  // from a new one. It is not part of any output.
  const runId = checkpoint?.runId ?? randomUUID();
  const counts = emptyCounts();
  if (checkpoint) addCounts(counts, checkpoint.counts);
  let internalErrors = checkpoint?.internalErrors ?? 0;
  let outputBytes = checkpoint?.outputBytes ?? 0;
  let inputOffset = checkpoint?.inputOffset ?? 0;
  let linesDone = checkpoint?.linesDone ?? 0;
  const chunker = new LineChunker(inFd, inputOffset, linesDone + 1, options.chunkLines ?? (options.onDecisions ? RECORD_CHUNK_LINES : CHUNK_LINES));

  const config: WorkerConfig = {
    rulebook: book,
    detail: options.detail,
    period: options.period,
    collectDecisions: options.onDecisions !== undefined,
    ...(options.processor ? { processor: { module: options.processor.module, options: options.processor.options(runId) } } : {}),
  };
  const workerCount = Math.max(0, options.workers);
  const progress = options.progress ? new Progress(options.progress, inputSize, inputOffset) : null;
  const stop = options.stopSignal ?? { stopped: false };
  const onSignal = () => {
    stop.stopped = true;
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  /** The run's state as written so far, for the checkpoint. */
  const snapshot = (): Checkpoint => ({ version: 1, run, runId, inputOffset, linesDone, outputBytes, counts: structuredClone(counts), internalErrors });
  /**
   * fsyncs the output, then writes the checkpoint of the state taken before the fsync: every byte it
   * counts was written before the fsync started, so the checkpoint never claims more than is on disk.
   */
  const saveCheckpoint = async (): Promise<void> => {
    const cp = snapshot();
    await fsyncAsync(outFd);
    await writeCheckpoint(output, cp);
  };
  // A first checkpoint before any work: a run killed at once resumes as the same run.
  await saveCheckpoint();
  // Output buffers written, handed back to be written into again (ChunkInput.spare).
  const spareOutput = new BufferPool(16);
  const flush = (result: ChunkResult, endOffset: number) => {
    if (options.onDecisions) options.onDecisions(result.decisions, { runId, lastLine: result.firstLine + result.lineCount - 1 });
    const bytes = result.out;
    let written = 0;
    while (written < bytes.length) written += writeSync(outFd, bytes, written, bytes.length - written, outputBytes + written);
    if (result.outReusable) spareOutput.give(bytes.buffer as ArrayBuffer);
    outputBytes += bytes.length;
    inputOffset = endOffset;
    linesDone += result.lineCount;
    addCounts(counts, result.counts);
    internalErrors += result.internalErrors;
    progress?.update(counts.lines, inputOffset);
  };

  /*
   * The checkpoint every second is written in the background, on libuv's thread pool, while the run
   * goes on (the fsync of a second's output, up to ~20 MB, blocked the main thread ~10 ms each time:
   * ~1 % of a --workers 0 run). One at a time; the last checkpoint (below) waits for it.
   */
  let background: Promise<void> | null = null;
  let backgroundError: unknown = null;
  const saveCheckpointInBackground = () => {
    background = saveCheckpoint()
      .catch((error: unknown) => {
        backgroundError = error;
      })
      .finally(() => {
        background = null;
      });
  };
  /** Waits for a background checkpoint; its failure fails the run, as a synchronous one would. */
  const settleCheckpoint = async () => {
    await background;
    if (backgroundError !== null) throw backgroundError;
  };

  let lastCheckpoint = Date.now();
  const every = options.checkpointEveryMs ?? 1000;
  const maybeCheckpoint = () => {
    if (backgroundError !== null) throw backgroundError;
    if (background === null && Date.now() - lastCheckpoint >= every) {
      saveCheckpointInBackground();
      lastCheckpoint = Date.now();
    }
  };

  let workersStarted = 0;
  try {
    if (workerCount === 0) {
      const processChunk = await loadChunkProcessor(config);
      for (let chunk = chunker.next(); chunk && !stop.stopped; chunk = chunker.next()) {
        const result = processChunk({ ...chunk, spare: spareOutput.takeAny() });
        flush(result, chunk.endOffset);
        // Unless a processor gave a view of its input as output, the input's buffer is free again.
        if (result.out.buffer !== chunk.bytes.buffer) chunker.spent.give(chunk.bytes.buffer as ArrayBuffer);
        maybeCheckpoint();
        await new Promise((r) => setImmediate(r)); // let signals in
      }
    } else {
      workersStarted = await runWithWorkers(workerCount, config, chunker, flush, spareOutput, maybeCheckpoint, stop, inputSize, options.extraWorkerMinBytes ?? 0);
    }
    await settleCheckpoint();
    await saveCheckpoint();
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    // Not closed under a background checkpoint's fsync.
    await background;
    closeSync(inFd);
    closeSync(outFd);
  }
  progress?.update(counts.lines, inputOffset, true);
  progress?.done();
  if (!stop.stopped) removeCheckpoint(output);
  return {
    counts,
    internalErrors,
    interrupted: stop.stopped,
    resumedFromLine: checkpoint ? checkpoint.linesDone + 1 : null,
    seconds: (Date.now() - started) / 1000,
    runId,
    workersStarted,
  };
}

async function runWithWorkers(
  count: number,
  config: WorkerConfig,
  chunker: LineChunker,
  flush: (result: ChunkResult, endOffset: number) => void,
  spareOutput: BufferPool,
  maybeCheckpoint: () => void,
  stop: { stopped: boolean },
  inputSize: number,
  extraWorkerMinBytes: number,
): Promise<number> {
  const maxInFlight = count * 3;
  const waiting = new Map<number, { result: ChunkResult; endOffset: number }>();
  const endOffsets = new Map<number, number>();
  let nextToWrite = 0;
  let inFlight = 0;
  let exhausted = false;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };

  // Workers start when there is work for them: an empty or one-chunk input starts one worker or none.
  const workers: { worker: Worker; busy: number }[] = [];
  const startWorker = () => {
    const w = { worker: new Worker(WORKER_ENTRY, { workerData: config }), busy: 0 };
    w.worker.on('message', ({ result, input }: WorkerReply) => {
      if (input) chunker.spent.give(input);
      w.busy--;
      inFlight--;
      waiting.set(result.seq, { result, endOffset: endOffsets.get(result.seq)! });
      endOffsets.delete(result.seq);
      notify();
    });
    w.worker.on('error', (error) => {
      failure = error;
      notify();
    });
    w.worker.on('exit', (code) => {
      if (code !== 0 && failure === null) failure = new Error(`a batch worker stopped with exit code ${code}`);
      notify();
    });
    workers.push(w);
    return w;
  };

  try {
    for (;;) {
      while (!exhausted && !stop.stopped && inFlight < maxInFlight) {
        const chunk = chunker.next();
        if (!chunk) {
          exhausted = true;
          break;
        }
        const idlest = workers.length ? workers.reduce((a, b) => (b.busy < a.busy ? b : a)) : null;
        // Another worker only while enough input is left to pay for its start and JIT warm-up.
        const another = workers.length < count && (idlest === null || inputSize - chunk.endOffset >= extraWorkerMinBytes);
        const target = idlest !== null && (idlest.busy === 0 || !another) ? idlest : startWorker();
        target.busy++;
        inFlight++;
        endOffsets.set(chunk.seq, chunk.endOffset);
        const spare = spareOutput.takeAny();
        const message: ChunkInput = { seq: chunk.seq, firstLine: chunk.firstLine, bytes: chunk.bytes, spare };
        target.worker.postMessage(message, spare ? [chunk.bytes.buffer as ArrayBuffer, spare] : [chunk.bytes.buffer as ArrayBuffer]);
      }
      for (let ready = waiting.get(nextToWrite); ready; ready = waiting.get(nextToWrite)) {
        waiting.delete(nextToWrite);
        flush(ready.result, ready.endOffset);
        nextToWrite++;
      }
      maybeCheckpoint();
      if (failure) throw failure;
      if (inFlight === 0 && (exhausted || stop.stopped)) break;
      await new Promise<void>((r) => {
        wake = r;
      });
    }
  } finally {
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }
  return workers.length;
}
