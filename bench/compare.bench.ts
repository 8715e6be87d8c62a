/**
 * compare benchmark (issue 14): one generated file through
 *  - two batch runs, one per rule set (`batch --period 2025-03`, `batch --period 2026-03`): what a
 *    municipality would do without compare;
 *  - `compare --base 2025-03 --reform 2026-03` (both rule sets, both traces, the first divergence);
 *  - `compare --base current --reform fixtures/overlays/riksnorm-plus-3-2026.json --report …` (an overlay);
 * each through the real CLI, wall clock including start-up, with the peak resident memory of the
 * process (VmHWM, all threads) sampled every 100 ms, and the output size.
 *
 *   npx tsx bench/compare.bench.ts [--count 1000000] [--workers 2] [--skip-overlay]
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { lines, writeLines } from './generate.ts';
import { buildCli, runMeasured } from './measure.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({
  options: { count: { type: 'string', default: '1000000' }, workers: { type: 'string', default: String(availableParallelism()) }, 'skip-overlay': { type: 'boolean', default: false } },
});
const count = Number(values.count);
const workers = Number(values.workers);
const dir = mkdtempSync(join(tmpdir(), 'compare-bench-'));
const fmt = (n: number) => Math.round(n).toLocaleString('en-US').replace(/,/g, ' ');

/** Runs the compiled CLI; wall seconds, peak RSS of the process (all threads) and what it printed. */
const CLI = buildCli(ROOT);
const run = (args: string[]) => runMeasured(process.execPath, [CLI, ...args], ROOT, 100);

async function main(): Promise<void> {
  const input = join(dir, 'households.ndjson');
  await writeLines(input, lines(count, 2026, '2026-03', 0));
  const rows: [string, string][] = [
    ['machine', `${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}`],
    ['input', `${fmt(count)} generated households (seed 2026, period 2026-03), ${fmt(statSync(input).size / count)} bytes/line`],
  ];
  const line = (label: string, r: { seconds: number; peakKb: number }, out: string) =>
    rows.push([label, `${r.seconds.toFixed(1)} s (${fmt(count / r.seconds)} hh/s), peak RSS ${fmt(r.peakKb / 1024)} MiB, output ${fmt(statSync(out).size / 2 ** 20)} MiB`]);
  const w = ['--workers', String(workers)];
  const b1 = await run(['batch', '--in', input, '--out', join(dir, 'b1'), '--period', '2025-03', ...w]);
  line('batch --period 2025-03 (compact)', b1, join(dir, 'b1'));
  rmSync(join(dir, 'b1'));
  const b2 = await run(['batch', '--in', input, '--out', join(dir, 'b2'), '--period', '2026-03', ...w]);
  line('batch --period 2026-03 (compact)', b2, join(dir, 'b2'));
  rmSync(join(dir, 'b2'));
  rows.push(['two batch runs together', `${(b1.seconds + b2.seconds).toFixed(1)} s`]);
  const c1 = await run(['compare', '--in', input, '--base', '2025-03', '--reform', '2026-03', '--out', join(dir, 'c1'), ...w]);
  line('compare --base 2025-03 --reform 2026-03', c1, join(dir, 'c1'));
  rows.push(['compare / two batch runs', `${(c1.seconds / (b1.seconds + b2.seconds)).toFixed(2)} ×`]);
  rmSync(join(dir, 'c1'));
  if (!values['skip-overlay']) await overlayRun(input, rows, line, w);
  console.log('| measure | result |\n| --- | --- |');
  for (const [k, v] of rows) console.log(`| ${k} | ${v} |`);
}

async function overlayRun(input: string, rows: [string, string][], line: (label: string, r: { seconds: number; peakKb: number }, out: string) => void, w: string[]): Promise<void> {
  const report = join(dir, 'report.html');
  const c2 = await run(['compare', '--in', input, '--base', 'current', '--reform', join(ROOT, 'fixtures/overlays/riksnorm-plus-3-2026.json'), '--out', join(dir, 'c2'), '--report', report, ...w]);
  line('compare --base current --reform riksnorm-plus-3 overlay, with --report', c2, join(dir, 'c2'));
  const s = JSON.parse(c2.stdout);
  rows.push(['  its summary', `cost ${s.cost.total.base} → ${s.cost.total.reform} kr/month, ${fmt(s.winners.households)} winners, ${fmt(s.losers.households)} losers, report ${fmt(statSync(report).size / 1024)} KiB`]);
}

try {
  await main();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
