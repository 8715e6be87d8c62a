/**
 * Monthly run benchmark (issue 9), end to end through the real CLI on one generated data set:
 *  - month M−1 recorded into a new store with plain `batch --record` (the store the run reads);
 *  - the JSON floor of the month-M file (read + JSON.parse + JSON.stringify + write, one thread);
 *  - plain `batch` (compact figures, no store) on the month-M file;
 *  - `batch --detail summary` (no store) on the month-M file: every decision with its trace computed,
 *    as the monthly run must compute it to record it, but nothing looked up or recorded (issue 26);
 *  - `monthly` on the month-M file against that store (full decisions, previous-decision lookup,
 *    comparison, routing, recording every proposal);
 * each with wall-clock time and peak RSS (/usr/bin/time), and the store's size.
 *
 * With `--before DIR` (a checkout of an earlier commit, built: DIR/dist/cli.js), the same three runs
 * (`batch --record` of month M−1 into a new store of its own, plain `batch`, `monthly` against its
 * store) are made with that engine too, taking turns with this one at every step on the same files,
 * and printed side by side with the store's size per recorded decision and the CPU seconds (issue 26).
 *
 *   npx tsx bench/monthly.bench.ts [--count 100000] [--workers 2] [--seed 42] [--period 2026-03] [--before DIR]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
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
    before: { type: 'string' },
  },
});
const count = Number(values.count);
const dir = mkdtempSync(join(tmpdir(), 'monthly-bench-'));
const fmt = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
const mib = (bytes: number) => `${fmt(bytes / (1 << 20))} MiB`;


/**
 * The compiled CLI under /usr/bin/time: wall seconds, CPU seconds (user + system, every thread) and
 * peak RSS. On the shared 2-core machine the wall time follows the other processes' load; the CPU
 * seconds follow it much less, so the ratios are given both ways.
 */
function timed(args: string[], cli: string = CLI): { seconds: number; cpu: number; rssKiB: number; stdout: string } {
  const started = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S %M', process.execPath, cli, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(`${args[0]} failed (${r.status}): ${r.stderr}`);
  const [user, system, rss] = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return { seconds, cpu: user! + system!, rssKiB: rss!, stdout: r.stdout };
}


const previous = join(dir, 'previous.ndjson');
const current = join(dir, 'current.ndjson');
const pairs = [...monthlyLines(count, Number(values.seed), values.period)];
await writeLines(previous, pairs.flatMap((p) => (p.previous === null ? [] : [p.previous])));
await writeLines(current, pairs.map((p) => p.current));
const previousCount = pairs.filter((p) => p.previous !== null).length;
pairs.length = 0;

const workers = values.workers;
const floor = await jsonFloor(current, join(dir, 'floor.out'));

interface Engine {
  readonly record: ReturnType<typeof timed>;
  readonly storeAfterPrevious: number;
  readonly batch: ReturnType<typeof timed>;
  readonly traced: ReturnType<typeof timed>;
  readonly monthly: ReturnType<typeof timed>;
  readonly storeAfterMonthly: number;
  readonly summary: Record<string, unknown>;
}

/**
 * The three runs with each engine's compiled CLI, each engine into a store of its own. The engines
 * take turns at every step (before's `batch --record`, this engine's, before's `batch`, …), so that a
 * change in the machine's load falls on both alike.
 */
function runEngines(list: readonly { name: string; label: string; cli: string }[]): [string, Engine][] {
  const store = (name: string) => join(dir, `${name}.sqlite`);
  const record = list.map((e) => timed(['batch', '--in', previous, '--out', join(dir, `${e.name}-previous.out`), '--record', '--store', store(e.name), '--workers', workers], e.cli));
  const storeAfterPrevious = list.map((e) => statSync(store(e.name)).size);
  const batch = list.map((e) => timed(['batch', '--in', current, '--out', join(dir, `${e.name}-batch.out`), '--workers', workers], e.cli));
  const traced = list.map((e) => timed(['batch', '--in', current, '--out', join(dir, `${e.name}-traced.out`), '--detail', 'summary', '--workers', workers], e.cli));
  const monthly = list.map((e) => timed(['monthly', '--in', current, '--out', join(dir, `${e.name}-monthly.out`), '--store', store(e.name), '--workers', workers, '--today', `${values.period}-15`], e.cli));
  return list.map((e, i) => [
    e.label,
    { record: record[i]!, storeAfterPrevious: storeAfterPrevious[i]!, batch: batch[i]!, traced: traced[i]!, monthly: monthly[i]!, storeAfterMonthly: statSync(store(e.name)).size, summary: JSON.parse(monthly[i]!.stdout) as Record<string, unknown> },
  ]);
}

/** The machine's load average (1, 5 and 15 minutes): other processes share the 2 cores. */
const load = (): string => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const loadAtStart = load();
const engines = runEngines([
  ...(values.before !== undefined ? [{ name: 'before', label: `before (${values.before})`, cli: join(values.before, 'dist', 'cli.js') }] : []),
  { name: 'after', label: 'this engine', cli: CLI },
]);

const hhs = (n: number, s: number) => `${fmt(n / s)} hh/s`;
const rows: [string, (e: Engine) => string][] = [
  ['store with month M−1: `batch --record` into a new store', (e) => `${e.record.seconds.toFixed(1)} s = ${hhs(previousCount, e.record.seconds)}, peak RSS ${fmt(e.record.rssKiB / 1024)} MiB`],
  ['plain `batch` (compact, no store) on month M', (e) => `${e.batch.seconds.toFixed(1)} s = ${hhs(count, e.batch.seconds)}, peak RSS ${fmt(e.batch.rssKiB / 1024)} MiB`],
  ['`batch --detail summary` on month M (each decision with its trace, no store)', (e) => `${e.traced.seconds.toFixed(1)} s = ${hhs(count, e.traced.seconds)}, ${e.traced.cpu.toFixed(1)} CPU s`],
  ['`monthly` on month M (lookup, compare, route, record)', (e) => `${e.monthly.seconds.toFixed(1)} s = ${hhs(count, e.monthly.seconds)}, peak RSS ${fmt(e.monthly.rssKiB / 1024)} MiB`],
  ['CPU seconds (user + system): `batch --record` / `batch` / `monthly`', (e) => `${e.record.cpu.toFixed(1)} / ${e.batch.cpu.toFixed(1)} / ${e.monthly.cpu.toFixed(1)}`],
  ['**monthly / plain batch** (throughput, wall)', (e) => `**${(e.batch.seconds / e.monthly.seconds).toFixed(2)}**`],
  ['**monthly / plain batch** (per CPU second)', (e) => `**${(e.batch.cpu / e.monthly.cpu).toFixed(2)}**`],
  ['batch --detail summary / plain batch (wall; per CPU second)', (e) => `${(e.batch.seconds / e.traced.seconds).toFixed(2)}; ${(e.batch.cpu / e.traced.cpu).toFixed(2)}`],
  ['monthly / batch --detail summary (wall; per CPU second)', (e) => `${(e.traced.seconds / e.monthly.seconds).toFixed(2)}; ${(e.traced.cpu / e.monthly.cpu).toFixed(2)}`],
  ['batch --record / plain batch (throughput, per household, wall)', (e) => `${((previousCount / e.record.seconds) / (count / e.batch.seconds)).toFixed(2)}`],
  ['batch --record / plain batch (per household, per CPU second)', (e) => `${((previousCount / e.record.cpu) / (count / e.batch.cpu)).toFixed(2)}`],
  ['monthly / JSON floor', (e) => `${((count / e.monthly.seconds / floor) * 100).toFixed(1)} %`],
  ['store after month M−1 (file size)', (e) => `${mib(e.storeAfterPrevious)} = ${fmt(e.storeAfterPrevious / previousCount)} bytes per decision`],
  ['**store growth by the monthly run, per recorded proposal**', (e) => `**${fmt((e.storeAfterMonthly - e.storeAfterPrevious) / count)} bytes**`],
  ['routing', (e) => JSON.stringify(e.summary['byRouting'])],
];
const header = `| measure | ${engines.map(([n]) => n).join(' | ')} |\n| --- |${engines.map(() => ' --- |').join('')}\n`;
const lead = [
  `| machine | ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}${engines.map(() => '').join(' |')} |`,
  `| load average (1, 5, 15 min) at the start / at the end | ${loadAtStart} / ${load()}${engines.map(() => '').join(' |')} |`,
  `| data | ${fmt(count)} month-${values.period} applications (${(statSync(current).size / count) | 0} bytes/line), ${fmt(previousCount)} cases with a month-M−1 decision; JSON floor ${fmt(floor)} lines/s${engines.map(() => '').join(' |')} |`,
];
process.stdout.write(`${header}${lead.join('\n')}\n${rows.map(([a, f]) => `| ${a} | ${engines.map(([, e]) => f(e)).join(' | ')} |`).join('\n')}\n\nsummary: ${JSON.stringify(engines.at(-1)![1].summary)}\n`);
if (!values.keep) rmSync(dir, { recursive: true, force: true });
