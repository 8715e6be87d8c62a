/**
 * A batch worker thread: loads rules/ once, then turns chunks of NDJSON lines into output lines.
 * A crash inside the engine on one household becomes an INTERNAL_ERROR record for that line, so the
 * batch still writes exactly one output line per input line (and ends with exit code 1).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadRulebook } from '../rulebook/load.ts';
import { RuleSetCache } from '../rulebook/resolve.ts';
import { makeChunkProcessor, type ChunkInput, type WorkerConfig } from './chunk.ts';

const config = workerData as WorkerConfig;
const cache = new RuleSetCache(loadRulebook(config.rulesDir));
// A command built on the batch brings its own line processor (WorkerConfig.processorModule).
const make: typeof makeChunkProcessor = config.processorModule ? ((await import(config.processorModule)) as { makeChunkProcessor: typeof makeChunkProcessor }).makeChunkProcessor : makeChunkProcessor;
const processChunk = make(config, (period, municipality) => cache.get(period, municipality));

parentPort!.on('message', (chunk: ChunkInput) => {
  const result = processChunk(chunk);
  parentPort!.postMessage(result, [result.out.buffer as ArrayBuffer]);
});
