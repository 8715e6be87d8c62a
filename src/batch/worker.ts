/**
 * A batch worker thread: takes rules/ as the main thread loaded and checked it, then turns chunks of NDJSON lines into output lines.
 * A crash inside the engine on one household becomes an INTERNAL_ERROR record for that line, so the
 * batch still writes exactly one output line per input line (and ends with exit code 1).
 * With a line job (src/batch/job.ts) the job's processor is used instead.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { RuleSetCache } from '../rulebook/resolve.ts';
import { makeChunkProcessor, type ChunkInput, type WorkerConfig } from './chunk.ts';
import { loadLineJob, type ChunkProcessor } from './job.ts';

const config = workerData as WorkerConfig;
let processChunk: ChunkProcessor;
if (config.job) {
  processChunk = await (await loadLineJob(config.job)).makeJobProcessor(config.job.config);
} else {
  const cache = new RuleSetCache(config.rulebook);
  // A command built on the batch brings its own line processor (WorkerConfig.processorModule).
  const make: typeof makeChunkProcessor = config.processorModule ? ((await import(config.processorModule)) as { makeChunkProcessor: typeof makeChunkProcessor }).makeChunkProcessor : makeChunkProcessor;
  processChunk = make(config, (period, municipality, decidedOn) => cache.get(period, municipality, decidedOn));
}

parentPort!.on('message', (chunk: ChunkInput) => {
  const result = processChunk(chunk);
  parentPort!.postMessage(result, [result.out.buffer as ArrayBuffer]);
});
