/** Shared by the benchmarks: the JSON floor (reading, parsing and printing the same lines, no engine). */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * The floor's work on one thread: bytes [from, to) of the file (whole lines) read in 1 MiB blocks,
 * JSON.parse + JSON.stringify of every line, written out. Plain JS source, so a worker thread can run
 * it as it is.
 */
const FLOOR = `
const { closeSync, openSync, readSync, writeSync } = require('node:fs');
function floor(input, output, from, to) {
  const inFd = openSync(input, 'r');
  const outFd = openSync(output, 'w');
  const block = Buffer.allocUnsafe(1 << 20);
  let rest = '';
  let n = 0;
  for (let at = from; at < to; ) {
    const read = readSync(inFd, block, 0, Math.min(block.length, to - at), at);
    if (read === 0) break;
    at += read;
    const parts = (rest + block.toString('utf8', 0, read)).split('\\n');
    rest = parts.pop();
    let out = '';
    for (const line of parts) {
      out += JSON.stringify(JSON.parse(line)) + '\\n';
      n++;
    }
    writeSync(outFd, out);
  }
  closeSync(inFd);
  closeSync(outFd);
  return n;
}
`;
const floorOnThisThread = new Function('require', `${FLOOR}; return floor;`)(createRequire(import.meta.url)) as (input: string, output: string, from: number, to: number) => number;

const now = () => Number(process.hrtime.bigint()) / 1e9;

/**
 * Lines per second of the floor on `threads` threads: this thread when 1, else worker threads, each
 * a share of the file cut at line starts (wall clock including their start). Writes `output`, or
 * `output.<thread>` per worker.
 */
export async function jsonFloor(input: string, output: string, threads = 1): Promise<number> {
  const size = statSync(input).size;
  const started = now();
  if (threads === 1) return floorOnThisThread(input, output, 0, size) / (now() - started);
  const cuts = [0];
  const probe = Buffer.alloc(1 << 16);
  const fd = openSync(input, 'r');
  for (let t = 1; t < threads; t++) {
    const read = readSync(fd, probe, 0, probe.length, Math.floor((size * t) / threads));
    cuts.push(Math.floor((size * t) / threads) + probe.subarray(0, read).indexOf(0x0a) + 1);
  }
  closeSync(fd);
  cuts.push(size);
  const counts = await Promise.all(
    cuts.slice(0, -1).map(
      (from, t) =>
        new Promise<number>((resolve, reject) => {
          const w = new Worker(`${FLOOR}; const { parentPort, workerData: d } = require('node:worker_threads'); parentPort.postMessage(floor(d.input, d.output, d.from, d.to));`, {
            eval: true,
            workerData: { input, output: `${output}.${t}`, from, to: cuts[t + 1] },
          });
          w.once('message', resolve);
          w.once('error', reject);
        }),
    ),
  );
  return counts.reduce((a, b) => a + b, 0) / (now() - started);
}
