/**
 * A batch worker thread: takes rules/ as the main thread loaded and checked it, then turns chunks of NDJSON lines into output lines.
 * A crash inside the engine on one household becomes an INTERNAL_ERROR record for that line, so the
 * batch still writes exactly one output line per input line (and ends with exit code 1).
 * The chunks go through the configured processor (processor.ts): the batch's decisions, or a command's own.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ChunkInput, WorkerConfig } from './chunk.ts';
import { loadChunkProcessor } from './processor.ts';

const processChunk = await loadChunkProcessor(workerData as WorkerConfig);

parentPort!.on('message', (chunk: ChunkInput) => {
  const result = processChunk(chunk);
  parentPort!.postMessage(result, [result.out.buffer as ArrayBuffer]);
});
