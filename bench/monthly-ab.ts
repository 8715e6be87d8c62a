/**
 * A monthly line with its record, in this engine and in an earlier one (`--before DIR`, a checkout of
 * that commit), measured in ONE process with the two taking turns round by round, in CPU time
 * (process.cpuUsage): on the shared 2-core machine the load moves the wall time of whole runs by more
 * than a change in the code does, and falls on both alike here (issue 26, bench/RESULTS.md).
 *
 * Month M−1 is recorded with this engine's code into a temporary store (as `batch --record` does);
 * each round then runs, on the month-M lines in memory: the earlier engine's processMonthlyLine with
 * serializeRecord as its record sink, the same with this engine's code, each one's packRecord and
 * compactTrace on the decisions, and plain batch's processLine for scale. Last month's decision is
 * read with this engine's code in both (the previous-decision reader did not change in this round).
 * Prints µs of CPU a household, median and minimum of the rounds after the first.
 *
 * Collecting the heap before each measure (node --expose-gc) made every measure two to three times
 * dearer in bench/monthly-floor.ts (21:14 UTC, 2026-12-07): compare the engines' figures with each
 * other, not with figures measured without it.
 *
 *   node --expose-gc --import tsx bench/monthly-ab.ts --before /tmp/before [--count 2000] [--rounds 7] [--seed 42] [--period 2026-03]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { processLine } from '../src/batch/line.ts';
import { emptyCounts } from '../src/batch/summary.ts';
import { evaluateHousehold, loadRulebook, RuleSetCache } from '../src/index.ts';
import { previousFromParts } from '../src/monthly/previous.ts';
import type { DecisionStore as Store } from '../src/store/store.ts';
import { monthlyLines } from './generate.ts';
import { recordPreviousMonth } from './previousMonth.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({
  options: { before: { type: 'string' }, count: { type: 'string', default: '2000' }, rounds: { type: 'string', default: '7' }, seed: { type: 'string', default: '42' }, period: { type: 'string', default: '2026-03' } },
});
if (values.before === undefined) throw new Error('--before DIR: a checkout of the earlier commit');
const before = (path: string) => import(pathToFileURL(join(values.before!, 'src', path)).href);
const [lineA, serializeA, compactA] = await Promise.all([before('monthly/line.ts'), before('store/serialize.ts'), before('trace/compact.ts')]);
const [lineB, serializeB, compactB] = await Promise.all([import('../src/monthly/line.ts'), import('../src/store/serialize.ts'), import('../src/trace/compact.ts')]);

const dir = mkdtempSync(join(tmpdir(), 'monthly-ab-'));
const pairs = [...monthlyLines(Number(values.count), Number(values.seed), values.period)];
const lines = pairs.map((p) => p.current);
const storePath = join(dir, 'store.sqlite');
const cache = new RuleSetCache(loadRulebook(join(ROOT, 'rules')));
const rulesFor = (...a: Parameters<RuleSetCache['get']>) => cache.get(...a);
const store: Store = recordPreviousMonth(storePath, pairs, rulesFor);
const previous = (caseId: string, period: string) => {
  const row = store.latestPartsFor(caseId, period);
  return row ? previousFromParts(row, (v) => store.ruleSet(v).rules) : null;
};
const options = { detail: 'compact' as const, rulesFor, previous, mode: 'recommend' as const, today: `${values.period}-15` };
const decisions = lines.flatMap((l) => {
  const raw = JSON.parse(l) as Record<string, unknown>;
  delete raw['receivedOn'];
  const r = evaluateHousehold(raw, rulesFor);
  return r.ok && r.ruleSet !== null ? [{ decision: r.decision, rules: r.ruleSet.rules }] : [];
});

/** µs of CPU (user + system) a household for one pass of `run`. */
const cpu = (run: () => void): number => {
  const started = process.cpuUsage();
  run();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / lines.length;
};
const measures: [string, () => void][] = [
  ['before: a monthly line with its record', () => lines.forEach((l, i) => lineA.processMonthlyLine(l, i + 1, options, emptyCounts(), (raw: unknown, d: unknown, r: unknown) => serializeA.serializeRecord(raw, d, r)))],
  ['this engine: a monthly line with its record', () => lines.forEach((l, i) => lineB.processMonthlyLine(l, i + 1, options, emptyCounts(), (raw, d, r) => serializeB.serializeRecord(raw, d, r)))],
  ['before: packRecord', () => decisions.forEach((d) => serializeA.packRecord(d.decision, d.rules))],
  ['this engine: packRecord', () => decisions.forEach((d) => serializeB.packRecord(d.decision, d.rules))],
  ['before: compactTrace', () => decisions.forEach((d) => compactA.compactTrace(d.decision.trace, d.rules))],
  ['this engine: compactTrace', () => decisions.forEach((d) => compactB.compactTrace(d.decision.trace, d.rules))],
  ['plain batch line (processLine, compact)', () => lines.forEach((l, i) => processLine(l, i + 1, { detail: 'compact', period: null, rulesFor }, emptyCounts()))],
];
const taken = new Map<string, number[]>();
const collect = (globalThis as { gc?: () => void }).gc;
for (let round = 0; round < Number(values.rounds); round++) {
  // The two engines swap places every round, so that neither always pays for the other's garbage;
  // with node --expose-gc, the heap is also collected before each measure.
  const order = round % 2 === 0 ? measures : [...measures.slice(0, 6).map((_, i, all) => all[i ^ 1]!), ...measures.slice(6)];
  for (const [name, run] of order) {
    collect?.();
    const micros = cpu(run);
    if (round > 0) taken.set(name, [...(taken.get(name) ?? []), micros]);
  }
}
store.close();
rmSync(dir, { recursive: true, force: true });
const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
process.stdout.write(`| µs of CPU a household (${fmtCount(lines.length)} households, ${Number(values.rounds) - 1} rounds; load average at the end ${load}) | median | min |\n| --- | --- | --- |\n`);
for (const [name, list] of taken) {
  const sorted = [...list].sort((a, b) => a - b);
  process.stdout.write(`| ${name} | ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} | ${sorted[0]!.toFixed(0)} |\n`);
}

function fmtCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}
