/**
 * Batch benchmark (issues 3 and 10). One run reports, on the same generated files and machine:
 *  - start-up: `calculate e2 --json` with the compiled CLI (node dist/cli.js), through npx bistand
 *    and through tsx (the old way), and a batch of 0 lines;
 *  - the JSON floor: read the file, JSON.parse + JSON.stringify every line, write it — on 1 thread and
 *    on 2 threads (each thread a half of the file);
 *  - the batch end to end with the compiled CLI (`batch --detail compact`), wall clock including
 *    start-up, on 1 thread (--workers 0) and 2 worker threads, and its share of the floor;
 *  - `--detail full` (every trace step, compact form): bytes per line and rate, 2 workers;
 *  - where the time goes: bench/stages.ts (JSON.parse, validation, input hash, decision, output line, all
 *    of processLine, and the JSON floor of the same lines), compiled, one thread, lines in memory;
 *  - with --million: 1 000 000 households, 2 workers, wall time and peak RSS (VmHWM, all threads).
 *
 *   npm run build && npx tsx bench/batch.bench.ts [--sizes 20000,200000] [--runs 1] [--million]
 */
import { closeSync, mkdtempSync, openSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { jsonFloor } from './floor.ts';
import { buildCli, runMeasured } from './measure.ts';
import { lines, writeLines } from './generate.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const E2 = join(ROOT, 'fixtures', 'e2-single-parent-rent-above-ceiling-2023.json');
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '20000,200000' },
    runs: { type: 'string', default: '1' },
    million: { type: 'boolean', default: false },
  },
});
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);
const dir = mkdtempSync(join(tmpdir(), 'bench-'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

function generate(path: string, n: number): Promise<void> {
  return writeLines(path, lines(n, 2026, '2026-03', 0));
}

const run = (command: string, args: readonly string[]) => runMeasured(command, args, ROOT);

/** The batch with --workers N, or with no --workers at all (null: the default a user gets). */
const batch = (input: string, output: string, workers: number | null, detail = 'compact') =>
  run(process.execPath, [CLI, 'batch', '--in', input, '--out', output, ...(workers === null ? [] : ['--workers', String(workers)]), '--detail', detail]);

const CLI = buildCli(ROOT);

async function main(): Promise<void> {
  const rows: [string, string][] = [
    ['machine', `${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}; load average at start ${loadavg()[0]!.toFixed(1)}`],
  ];
  const timed = async (command: string, args: readonly string[], n: number) => {
    const xs: number[] = [];
    for (let r = 0; r < n; r++) xs.push((await run(command, args)).seconds);
    return median(xs);
  };

  // Start-up.
  const empty = join(dir, 'empty.ndjson');
  closeSync(openSync(empty, 'w'));
  rows.push(['start-up: `node dist/cli.js calculate e2 --json` (median of 5)', `${(await timed(process.execPath, [CLI, 'calculate', E2, '--json'], 5)).toFixed(2)} s`]);
  rows.push(['start-up: `npx bistand calculate e2 --json`', `${(await timed('npx', ['bistand', 'calculate', E2, '--json'], 1)).toFixed(2)} s`]);
  rows.push(['start-up: `npx tsx src/cli.ts calculate e2 --json` (sources, no build)', `${(await timed('npx', ['tsx', 'src/cli.ts', 'calculate', E2, '--json'], 1)).toFixed(2)} s`]);
  rows.push(['start-up: `batch` of 0 lines, 2 workers (median of 3)', `${(await timed(process.execPath, [CLI, 'batch', '--in', empty, '--out', join(dir, 'empty.out'), '--workers', '2'], 3)).toFixed(2)} s`]);

  for (const count of sizes) {
    const input = join(dir, `households-${count}.ndjson`);
    await generate(input, count);
    const bytesPerLine = Math.round(statSync(input).size / count);
    const floors = async (threads: number) => {
      const xs: number[] = [];
      for (let r = 0; r < runs; r++) xs.push(await jsonFloor(input, join(dir, 'floor.out'), threads));
      return median(xs);
    };
    const floor1 = await floors(1);
    const floor2 = await floors(2);
    const rate = async (workers: number | null) => {
      const xs: number[] = [];
      let peak = 0;
      for (let r = 0; r < runs; r++) {
        const { seconds, peakKb } = await batch(input, join(dir, 'out.ndjson'), workers);
        xs.push(count / seconds);
        peak = Math.max(peak, peakKb);
      }
      return { rate: median(xs), peak };
    };
    const one = await rate(0);
    const two = await rate(2);
    const n = fmt(count);
    rows.push([`${n} households (${bytesPerLine} bytes/line): JSON floor, 1 thread / 2 threads`, `${fmt(floor1)} / ${fmt(floor2)} lines/s`]);
    rows.push([`${n}: batch compact, 1 thread (--workers 0), incl. start-up`, `${fmt(one.rate)} hh/s = ${(one.rate / floor1).toFixed(2)} of the 1-thread floor (${(count / one.rate).toFixed(2)} s)`]);
    rows.push([`${n}: batch compact, 2 workers, incl. start-up`, `${fmt(two.rate)} hh/s = ${(two.rate / floor2).toFixed(2)} of the 2-thread floor (${(count / two.rate).toFixed(2)} s), peak RSS ${fmt(two.peak / 1024)} MiB`]);
    const auto = await rate(null);
    rows.push([`${n}: batch compact, no --workers (every core, a small input on one worker), incl. start-up`, `${fmt(auto.rate)} hh/s = ${(auto.rate / floor2).toFixed(2)} of the 2-thread floor (${(count / auto.rate).toFixed(2)} s)`]);
    if (count <= 20_000) {
      const out = join(dir, 'full.ndjson');
      const { seconds } = await batch(input, out, 2, 'full');
      rows.push([`${n}: batch --detail full (every trace step, compact), 2 workers`, `${fmt(count / seconds)} hh/s, ${fmt(statSync(out).size / count)} bytes/line`]);
    }
  }

  // Where the time goes, stage by stage: bench/stages.ts bundled and run with plain node on the
  // first 20 000 lines of the first size (the compiled code the batch runs, one thread, lines in memory).
  const stagesScript = join(dir, 'stages.mjs');
  await build({
    stdin: { contents: `import { readFileSync } from 'node:fs'; import { main } from ${JSON.stringify(join(ROOT, 'bench', 'stages.ts'))}; process.stdout.write(main(process.argv.slice(2), (p) => readFileSync(p, 'utf8')));`, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: stagesScript,
    logLevel: 'warning',
  });
  const stages = JSON.parse((await run(process.execPath, [stagesScript, join(dir, `households-${sizes[0]}.ndjson`), join(ROOT, 'rules'), '20000'])).stdout) as { name: string; micros: number }[];
  for (const s of stages) rows.push([`in-process, 1 thread, µs per household: ${s.name}`, s.micros.toFixed(1)]);
  const floorMicros = stages[0]!.micros;
  const micros = (prefix: string): number => stages.find((s) => s.name.startsWith(prefix))!.micros;
  rows.push(['in-process share of the floor (floor ÷ processLine): the ceiling with free reading, writing and threads', (floorMicros / micros('all of it')).toFixed(2)]);
  rows.push(['in-process share of the floor if validation, decision and counting cost nothing (floor ÷ what every line needs at V8 speed)', (floorMicros / micros('what every line needs')).toFixed(2)]);

  if (values.million) {
    const million = join(dir, 'million.ndjson');
    await generate(million, 1_000_000);
    const floor2 = await jsonFloor(million, join(dir, 'floor.out'), 2);
    const { seconds, peakKb } = await batch(million, join(dir, 'million.out'), 2);
    rows.push(['1 000 000: batch compact, 2 workers', `${seconds.toFixed(1)} s (${fmt(1_000_000 / seconds)} hh/s = ${(1_000_000 / seconds / floor2).toFixed(2)} of the 2-thread floor ${fmt(floor2)}), peak RSS ${fmt(peakKb / 1024)} MiB`]);
  }
  rows.push(['load average at the end', loadavg()[0]!.toFixed(1)]);
  process.stdout.write(`| measure | result |\n| --- | --- |\n${rows.map(([k, v]) => `| ${k} | ${v} |`).join('\n')}\n`);
  rmSync(dir, { recursive: true, force: true });
}

await main();
