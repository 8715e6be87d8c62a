/**
 * The floor of a monthly line (issue 26 item 4): in ONE process, in CPU time (process.cpuUsage), what
 * a plain batch line costs beside the parts of a monthly line that no implementation of the issue's
 * items 1–3 can leave out:
 *
 *  - the decision evaluated with its whole trace (the record must keep the compact trace, item 3;
 *    plain `batch` evaluates the figures only, with no trace: evaluateHouseholdFigures);
 *  - finding last month's record of the case in the store (one indexed SQLite query, a hit);
 *  - inserting the proposal's record in the hash chain (DecisionStore.recordMany, chunks of 500,
 *    the records already serialised as the workers hand them over).
 *
 * Not counted, although a monthly line needs them too: reading last month's decision back,
 * comparing, routing, and serialising the record (the compact trace, packing, deflate). The measures
 * take turns round by round on the same lines; the median and the minimum of the rounds after the
 * first are printed, with the floor as a share of the batch line's cost: for `monthly` to reach 0.5
 * of `batch`'s throughput, a monthly line may cost at most twice a batch line (bench/RESULTS.md).
 *
 *   node --expose-gc --import tsx bench/monthly-floor.ts [--count 2000] [--rounds 7] [--seed 42] [--period 2026-03]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseLine, processLine } from '../src/batch/line.ts';
import { emptyCounts } from '../src/batch/summary.ts';
import { evaluateHousehold, loadRulebook, RuleSetCache } from '../src/index.ts';
import { previousPeriodOf } from '../src/monthly/propose.ts';
import { parsePeriod } from '../src/period/index.ts';
import { serializeRecord, type SerializedRecord } from '../src/store/serialize.ts';
import { DecisionStore } from '../src/store/store.ts';
import { monthlyLines } from './generate.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({ options: { count: { type: 'string', default: '2000' }, rounds: { type: 'string', default: '7' }, seed: { type: 'string', default: '42' }, period: { type: 'string', default: '2026-03' } } });
const dir = mkdtempSync(join(tmpdir(), 'monthly-floor-'));
const pairs = [...monthlyLines(Number(values.count), Number(values.seed), values.period)];
const lines = pairs.map((p) => p.current);
const cache = new RuleSetCache(loadRulebook(join(ROOT, 'rules')));
const rulesFor = (...a: Parameters<RuleSetCache['get']>) => cache.get(...a);

// Month M−1 in a store, as `batch --record` writes it.
const previousStore = DecisionStore.open(join(dir, 'previous.sqlite'), { create: true });
previousStore.recordMany(
  pairs.flatMap((p) => {
    if (p.previous === null) return [];
    const input = JSON.parse(p.previous) as unknown;
    const r = evaluateHousehold(input, rulesFor);
    return r.ok && r.ruleSet !== null ? [{ input, decision: r.decision, ruleSet: r.ruleSet }] : [];
  }),
);
previousStore.close();
const store = DecisionStore.open(join(dir, 'previous.sqlite'), { readonly: true });

/** Month M's lines as households (receivedOn belongs to the monthly run, not to the calculation). */
const households = (): Record<string, unknown>[] =>
  lines.map((l, i) => {
    const raw = (parseLine(l, i + 1, emptyCounts()) as { raw: Record<string, unknown> }).raw;
    delete raw['receivedOn'];
    return raw;
  });
const evaluated = households().flatMap((raw) => {
  const r = evaluateHousehold(raw, rulesFor);
  return r.ok && r.ruleSet !== null ? [{ raw, decision: r.decision, ruleSet: r.ruleSet }] : [];
});
const keys = evaluated.map((e) => [e.decision.caseId!, previousPeriodOf(e.decision.period)] as const);
// The records as the workers hand them to the writer (serialising is not counted here).
const records: SerializedRecord[] = evaluated.map((e) => serializeRecord(e.raw, e.decision, e.ruleSet.rules));
let writes = 0;

const measures: [string, () => number][] = [
  ['plain `batch` line (parse, figures only, compact output)', () => (lines.forEach((l, i) => processLine(l, i + 1, { detail: 'compact', period: null, rulesFor }, emptyCounts())), lines.length)],
  [
    'parse + evaluation with the whole trace',
    () =>
      (lines.forEach((l, i) => {
        const raw = (parseLine(l, i + 1, emptyCounts()) as { raw: Record<string, unknown> }).raw;
        delete raw['receivedOn'];
        evaluateHousehold(raw, rulesFor);
      }),
      lines.length),
  ],
  ['last month\'s record found (latestPartsFor, a hit)', () => (keys.forEach(([caseId, period]) => store.latestPartsFor(caseId, period)), keys.length)],
  [
    'the record inserted in the chain (recordMany, chunks of 500)',
    () => {
      const writer = DecisionStore.open(join(dir, `write-${writes++}.sqlite`), { create: true });
      for (let i = 0; i < records.length; i += 500) writer.recordMany(records.slice(i, i + 500).map((s) => ({ serialized: s, ruleSet: cache.get(parsePeriod(s.period)!, s.municipality, null) })));
      writer.close();
      return records.length;
    },
  ],
];

const taken = new Map<string, number[]>();
const collect = (globalThis as { gc?: () => void }).gc;
for (let round = 0; round < Number(values.rounds); round++) {
  for (const [name, run] of measures) {
    collect?.();
    const started = process.cpuUsage();
    const n = run();
    const used = process.cpuUsage(started);
    if (round > 0) taken.set(name, [...(taken.get(name) ?? []), (used.user + used.system) / n]);
  }
}
store.close();
rmSync(dir, { recursive: true, force: true });

const stat = (name: string) => {
  const sorted = [...taken.get(name)!].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]! };
};
const batch = stat(measures[0]![0]);
const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
process.stdout.write(`| µs of CPU a household (${lines.length} households, ${Number(values.rounds) - 1} rounds; load average at the end ${load}) | median | min | median / batch line |\n| --- | --- | --- | --- |\n`);
let floorMedian = 0;
let floorMin = 0;
for (const [name] of measures) {
  const s = stat(name);
  if (name !== measures[0]![0]) {
    floorMedian += s.median;
    floorMin += s.min;
  }
  process.stdout.write(`| ${name} | ${s.median.toFixed(0)} | ${s.min.toFixed(0)} | ${(s.median / batch.median).toFixed(2)} |\n`);
}
process.stdout.write(`| **floor of a monthly line** (the three above) | **${floorMedian.toFixed(0)}** | **${floorMin.toFixed(0)}** | **${(floorMedian / batch.median).toFixed(2)}** (0.5 of batch needs ≤ 2.00) |\n`);
