/**
 * A batch worker thread: takes rules/ as the main thread loaded and checked it, then turns chunks of NDJSON lines into output lines.
 * A crash inside the engine on one household becomes an INTERNAL_ERROR record for that line, so the
 * batch still writes exactly one output line per input line (and ends with exit code 1).
 * The chunks go through the configured processor (processor.ts): the batch's decisions, or a command's own.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ChunkInput, ChunkResult, WorkerConfig } from './chunk.ts';
import { loadChunkProcessor } from './processor.ts';

const processChunk = await loadChunkProcessor(workerData as WorkerConfig);

/** A chunk's result, and its input bytes' buffer handed back to the main thread to be read into again. */
export interface WorkerReply {
  readonly result: ChunkResult;
  readonly input: ArrayBuffer | null;
}

parentPort!.on('message', (chunk: ChunkInput) => {
  const result = processChunk(chunk);
  const out = result.out.buffer as ArrayBuffer;
  // A processor could give a view of its input as output: then that buffer is not handed back twice.
  const input = chunk.bytes.buffer === out ? null : (chunk.bytes.buffer as ArrayBuffer);
  parentPort!.postMessage({ result, input } satisfies WorkerReply, input ? [out, input] : [out]);
});
