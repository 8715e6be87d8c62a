/**
 * Monthly run benchmark (issue 9), end to end through the real CLI on one generated data set:
 *  - month M−1 recorded into a new store with plain `batch --record` (the store the run reads);
 *  - the JSON floor of the month-M file (read + JSON.parse + JSON.stringify + write, one thread);
 *  - plain `batch` (compact figures, no store) on the month-M file;
 *  - `monthly` on the month-M file against that store (full decisions, previous-decision lookup,
 *    comparison, routing, recording every proposal);
 * each with wall-clock time and peak RSS (/usr/bin/time), and the store's size.
 *
 *   npx tsx bench/monthly.bench.ts [--count 100000] [--workers 2] [--seed 42] [--period 2026-03]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { jsonFloor } from './floor.ts';
import { buildCli } from './measure.ts';
import { monthlyLines, writeLines } from './generate.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CLI = buildCli(ROOT);
const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '100000' },
    workers: { type: 'string', default: String(availableParallelism()) },
    seed: { type: 'string', default: '42' },
    period: { type: 'string', default: '2026-03' },
    keep: { type: 'boolean', default: false },
  },
});
const count = Number(values.count);
const dir = mkdtempSync(join(tmpdir(), 'monthly-bench-'));
const fmt = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
const mib = (bytes: number) => `${fmt(bytes / (1 << 20))} MiB`;


/** The compiled CLI under /usr/bin/time: wall seconds and peak RSS. */
function timed(args: string[]): { seconds: number; rssKiB: number; stdout: string } {
  const started = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, CLI, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(`${args[0]} failed (${r.status}): ${r.stderr}`);
  const rssKiB = Number(r.stderr.trim().split('\n').pop());
  return { seconds, rssKiB, stdout: r.stdout };
}


const previous = join(dir, 'previous.ndjson');
const current = join(dir, 'current.ndjson');
const store = join(dir, 'records.sqlite');
const pairs = [...monthlyLines(count, Number(values.seed), values.period)];
await writeLines(previous, pairs.flatMap((p) => (p.previous === null ? [] : [p.previous])));
await writeLines(current, pairs.map((p) => p.current));
const previousCount = pairs.filter((p) => p.previous !== null).length;
pairs.length = 0;

const workers = values.workers;
const record = timed(['batch', '--in', previous, '--out', join(dir, 'previous.out'), '--record', '--store', store, '--workers', workers]);
const storeAfterPrevious = statSync(store).size;
const floor = await jsonFloor(current, join(dir, 'floor.out'));
const batch = timed(['batch', '--in', current, '--out', join(dir, 'batch.out'), '--workers', workers]);
const monthly = timed(['monthly', '--in', current, '--out', join(dir, 'monthly.out'), '--store', store, '--workers', workers, '--today', `${values.period}-15`]);
const summary = JSON.parse(monthly.stdout) as Record<string, unknown>;

const rows: [string, string][] = [
  ['machine', `${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}`],
  ['data', `${fmt(count)} month-${values.period} applications (${statSync(current).size / count | 0} bytes/line), ${fmt(previousCount)} cases with a month-M−1 decision`],
  ['store with month M−1: plain `batch --record`', `${record.seconds.toFixed(1)} s = ${fmt(previousCount / record.seconds)} hh/s, peak RSS ${fmt(record.rssKiB / 1024)} MiB, store ${mib(storeAfterPrevious)}`],
  ['JSON floor (read + parse + stringify + write, 1 thread)', `${fmt(floor)} lines/s`],
  ['plain `batch` (compact, no store) on month M', `${batch.seconds.toFixed(1)} s = ${fmt(count / batch.seconds)} hh/s, peak RSS ${fmt(batch.rssKiB / 1024)} MiB`],
  ['`monthly` on month M (lookup, compare, route, record)', `${monthly.seconds.toFixed(1)} s = ${fmt(count / monthly.seconds)} hh/s, peak RSS ${fmt(monthly.rssKiB / 1024)} MiB, store ${mib(statSync(store).size)}`],
  ['monthly / JSON floor', `${((count / monthly.seconds / floor) * 100).toFixed(1)} %`],
  ['monthly / plain batch', `${((batch.seconds / monthly.seconds) * 100).toFixed(1)} %`],
  ['monthly / batch --record', `${((previousCount / record.seconds) / (count / monthly.seconds)).toFixed(2)} × the time per household`],
  ['routing', JSON.stringify(summary['byRouting'])],
];
process.stdout.write(`| measure | result |\n| --- | --- |\n${rows.map(([a, b]) => `| ${a} | ${b} |`).join('\n')}\n\nsummary: ${JSON.stringify(summary)}\n`);
if (!values.keep) rmSync(dir, { recursive: true, force: true });
else process.stdout.write(`kept ${dir}\n`);
