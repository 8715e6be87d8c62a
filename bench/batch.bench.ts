/**
 * Batch benchmark (issue 3). One run reports, on the same generated file:
 *  - households/s for the core alone (mitata, one thread, pre-parsed households): figures-only
 *    (what `batch --detail compact` computes), summary, and full (with trace and decision text);
 *  - households/s for the JSON floor: read the file, JSON.parse + JSON.stringify every line, write it;
 *  - households/s for the batch end to end: the real CLI (`batch --workers N`), wall clock including
 *    start-up, median of --runs;
 *  - the ratio batch / floor;
 *  - with --million: 1 000 000 households through the CLI, wall time and peak RSS (VmHWM of the
 *    process, all threads).
 *
 *   npx tsx bench/batch.bench.ts [--count 200000] [--workers 2] [--runs 3] [--million]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { measure } from 'mitata';
import { evaluateHousehold, evaluateHouseholdFigures, evaluateHouseholdSummary, loadRulebook, RuleSetCache } from '../src/index.ts';
import { jsonFloor, writeLines } from './floor.ts';
import { lines } from './generate.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '200000' },
    workers: { type: 'string', default: String(availableParallelism()) },
    runs: { type: 'string', default: '3' },
    million: { type: 'boolean', default: false },
  },
});
const count = Number(values.count);
const workers = Number(values.workers);
const runs = Number(values.runs);
const dir = mkdtempSync(join(tmpdir(), 'bench-'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

function generate(path: string, n: number): void {
  writeLines(path, lines(n, 2026, '2026-03', 0));
}


/** Runs the batch CLI; returns wall seconds and the peak resident memory of the process (all threads). */
function runBatch(input: string, output: string): Promise<{ seconds: number; peakKb: number }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'batch', '--in', input, '--out', output, '--workers', String(workers)], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    let peakKb = 0;
    const poll = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
        if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
      } catch {
        /* the process has ended */
      }
    }, 100);
    child.on('exit', (code) => {
      clearInterval(poll);
      if (code !== 0) reject(new Error(`batch exited with ${code}`));
      else resolve({ seconds: Number(process.hrtime.bigint() - started) / 1e9, peakKb });
    });
  });
}

async function main(): Promise<void> {
  const input = join(dir, 'households.ndjson');
  generate(input, count);
  const text = readFileSync(input, 'utf8');
  const bytesPerLine = Math.round(Buffer.byteLength(text) / count);
  const sample = text.split('\n').slice(0, 5000).map((l) => JSON.parse(l) as unknown);

  const cache = new RuleSetCache(loadRulebook(join(ROOT, 'rules')));
  const rulesFor = (p: Parameters<RuleSetCache['get']>[0], m: string | null) => cache.get(p, m);
  let i = 0;
  const core = async (fn: (raw: unknown) => unknown) => 1e9 / (await measure(() => fn(sample[i++ % sample.length]))).p50;
  const coreFigures = await core((raw) => evaluateHouseholdFigures(raw, rulesFor));
  const coreSummary = await core((raw) => evaluateHouseholdSummary(raw, rulesFor));
  const coreFull = await core((raw) => evaluateHousehold(raw, rulesFor));

  const floors: number[] = [];
  for (let r = 0; r < runs; r++) floors.push(jsonFloor(input, join(dir, 'floor.ndjson')));
  const floor = median(floors);

  const batch: number[] = [];
  let peak = 0;
  for (let r = 0; r < runs; r++) {
    const { seconds, peakKb } = await runBatch(input, join(dir, 'out.ndjson'));
    batch.push(count / seconds);
    peak = Math.max(peak, peakKb);
  }
  const batchRate = median(batch);

  const rows: [string, string][] = [
    ['machine', `${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}`],
    ['input', `${fmt(count)} generated households, ${bytesPerLine} bytes/line`],
    ['core alone, figures only (batch --detail compact), 1 thread', `${fmt(coreFigures)} hh/s`],
    ['core alone, summary decision, 1 thread', `${fmt(coreSummary)} hh/s`],
    ['core alone, full decision with trace and text, 1 thread', `${fmt(coreFull)} hh/s`],
    ['JSON floor: read + parse + stringify + write, 1 thread', `${fmt(floor)} hh/s`],
    [`batch end to end, ${workers} workers (wall clock incl. start-up)`, `${fmt(batchRate)} hh/s (runs: ${batch.map(fmt).join(', ')})`],
    ['batch / JSON floor', `${((100 * batchRate) / floor).toFixed(1)} %`],
    [`batch peak RSS (${fmt(count)} households)`, `${fmt(peak / 1024)} MiB`],
  ];
  if (values.million) {
    const million = join(dir, 'million.ndjson');
    generate(million, 1_000_000);
    const { seconds, peakKb } = await runBatch(million, join(dir, 'million.out'));
    rows.push(['1 000 000 households through the batch', `${seconds.toFixed(1)} s (${fmt(1_000_000 / seconds)} hh/s), peak RSS ${fmt(peakKb / 1024)} MiB`]);
  }
  process.stdout.write(`| measure | result |\n| --- | --- |\n${rows.map(([k, v]) => `| ${k} | ${v} |`).join('\n')}\n`);
  rmSync(dir, { recursive: true, force: true });
}

await main();
