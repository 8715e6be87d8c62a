/**
 * What agency income data (registeredIncomes, agencyAnswers) costs per household. The same generated
 * households (same seed) without and with `--registered` payments: the core alone (summary and full
 * decision, one thread, mitata p50), the batch end to end, and the JSON floor of each file, so the cost
 * reads against what merely parsing and printing the larger lines costs.
 *
 *   npx tsx bench/agency.bench.ts [--count 20000] [--workers 2]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { measure } from 'mitata';
import { contractDecision, contractSummary } from '../src/explain/contract.ts';
import { evaluateHousehold, loadRulebook, RuleSetCache } from '../src/index.ts';
import { lines } from './generate.ts';
import { buildCli } from './measure.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CLI = buildCli(ROOT);
const { values } = parseArgs({ options: { count: { type: 'string', default: '20000' }, workers: { type: 'string', default: String(availableParallelism()) } } });
const count = Number(values.count);
const dir = mkdtempSync(join(tmpdir(), 'agency-bench-'));
const cache = new RuleSetCache(loadRulebook(join(ROOT, 'rules')));
const rulesFor = (p: Parameters<RuleSetCache['get']>[0], m: string | null) => cache.get(p, m);
const us = (ns: number) => (ns / 1000).toFixed(1);

interface Row {
  readonly label: string;
  readonly bytes: number;
  readonly payments: number;
  readonly floorNs: number;
  readonly summaryNs: number;
  readonly fullNs: number;
  readonly batchNs: number;
}

async function run(label: string, registered: boolean): Promise<Row> {
  const text = [...lines(count, 2026, '2026-03', 0, registered)].join('\n') + '\n';
  const file = join(dir, `${registered ? 'with' : 'without'}.ndjson`);
  writeFileSync(file, text);
  const all = text.trimEnd().split('\n');
  const sample = all.slice(0, 5000).map((l) => JSON.parse(l) as { registeredIncomes?: unknown[] });
  const payments = sample.reduce((n, h) => n + (h.registeredIncomes?.length ?? 0), 0) / sample.length;
  let i = 0;
  const floorNs = (await measure(() => JSON.stringify(JSON.parse(all[i++ % all.length]!)))).p50;
  // The decision rendered as batch --detail summary writes it, and whole as calculate --json prints it.
  const summaryNs = (await measure(() => {
    const r = evaluateHousehold(sample[i++ % sample.length], rulesFor);
    return r.ok ? contractSummary(r.decision) : r;
  })).p50;
  const fullNs = (await measure(() => {
    const r = evaluateHousehold(sample[i++ % sample.length], rulesFor);
    return r.ok ? contractDecision(r.decision, r) : r;
  })).p50;
  const started = process.hrtime.bigint();
  const batch = spawnSync(process.execPath, [CLI, 'batch', '--in', file, '--out', join(dir, 'out.ndjson'), '--workers', String(values.workers)], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (batch.status !== 0) throw new Error(`batch exited with ${batch.status}`);
  const batchNs = Number(process.hrtime.bigint() - started) / count;
  return { label, bytes: Math.round(Buffer.byteLength(text) / count), payments, floorNs, summaryNs, fullNs, batchNs };
}

const rows = [await run('without agency data', false), await run('with 0–6 registered payments', true)];
rmSync(dir, { recursive: true, force: true });
const [a, b] = rows as [Row, Row];
process.stdout.write(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}; ${count} households, seed 2026, 2026-03\n\n`);
process.stdout.write('| households | bytes/line | payments/hh | JSON floor µs/hh | core summary µs/hh | core full µs/hh | batch wall µs/hh (' + values.workers + ' workers) |\n| --- | --- | --- | --- | --- | --- | --- |\n');
for (const r of rows) process.stdout.write(`| ${r.label} | ${r.bytes} | ${r.payments.toFixed(2)} | ${us(r.floorNs)} | ${us(r.summaryNs)} | ${us(r.fullNs)} | ${us(r.batchNs)} |\n`);
process.stdout.write(`\nagency data adds ${us(b.summaryNs - a.summaryNs)} µs (summary) / ${us(b.fullNs - a.fullNs)} µs (full) per household in the core, against ${us(b.floorNs - a.floorNs)} µs more JSON floor for the larger line; summary core / floor: ${(a.summaryNs / a.floorNs).toFixed(1)}× without, ${(b.summaryNs / b.floorNs).toFixed(1)}× with.\n`);
