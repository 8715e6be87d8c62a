/**
 * What a monthly line costs beyond a plain batch line (issue 26 item 4), in ONE process, in CPU time
 * (process.cpuUsage), the measures taking turns round by round on the same lines:
 *
 *  - the extra that no implementation of the items 1–3 can leave out: the decision evaluated
 *    with its whole trace instead of the figures only (the record keeps the compact trace, item 3;
 *    plain `batch` evaluates with evaluateHouseholdFigures: no trace, no item lists), last month's
 *    record found in the store (one indexed SQLite query, a hit) and the new record inserted in the
 *    hash chain (DecisionStore.recordMany, chunks of 500, serialised as the workers hand it over);
 *  - for comparison, what the rest costs today: reading last month's decision back, comparing and
 *    routing (proposeMonthlyData), serialising the record (serializeRecord).
 *
 * For `monthly` to reach 0.5 of `batch`'s throughput, all of it must fit in what a whole batch line
 * costs (a monthly line may cost twice a batch line): bench/RESULTS.md sets these figures beside the
 * whole commands' CPU seconds (bench/monthly.bench.ts). No forced garbage collection between the
 * measures (node --expose-gc and gc() before each made every measure two to three times dearer, the
 * batch line too; why was not found): the first two rounds are warm-up, and the median and minimum of
 * the others are printed.
 *
 *   node --import tsx bench/monthly-floor.ts [--count 2000] [--rounds 12] [--seed 42] [--period 2026-03]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseLine, processLine } from '../src/batch/line.ts';
import { emptyCounts } from '../src/batch/summary.ts';
import { evaluateHousehold, evaluateHouseholdFigures, loadRulebook, RuleSetCache } from '../src/index.ts';
import { membersOf, previousFromParts } from '../src/monthly/previous.ts';
import { previousPeriodOf, proposeMonthlyData } from '../src/monthly/propose.ts';
import { parsePeriod } from '../src/period/index.ts';
import { serializeRecord, type SerializedRecord } from '../src/store/serialize.ts';
import { DecisionStore } from '../src/store/store.ts';
import { monthlyLines } from './generate.ts';
import { recordPreviousMonth } from './previousMonth.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({ options: { count: { type: 'string', default: '2000' }, rounds: { type: 'string', default: '12' }, seed: { type: 'string', default: '42' }, period: { type: 'string', default: '2026-03' } } });
const dir = mkdtempSync(join(tmpdir(), 'monthly-floor-'));
const pairs = [...monthlyLines(Number(values.count), Number(values.seed), values.period)];
const lines = pairs.map((p) => p.current);
const cache = new RuleSetCache(loadRulebook(join(ROOT, 'rules')));
const rulesFor = (...a: Parameters<RuleSetCache['get']>) => cache.get(...a);

const store = recordPreviousMonth(join(dir, 'previous.sqlite'), pairs, rulesFor);

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

const previousOf = (caseId: string, period: string) => {
  const row = store.latestPartsFor(caseId, period);
  return row ? previousFromParts(row, (v) => store.ruleSet(v).rules) : null;
};
const previousDecisions = keys.map(([caseId, period]) => previousOf(caseId, period));
/** The rows last month's lookups find (each read back in the measure below). */
const rows = keys.flatMap(([caseId, period]) => store.latestPartsFor(caseId, period) ?? []);
const proposals = evaluated.map((e, i) => proposeMonthlyData({ decision: e.decision, members: membersOf(e.raw), previous: previousDecisions[i]!, receivedOn: null, mode: 'recommend', rules: e.ruleSet.rules }));

const IRREDUCIBLE = ['evaluation with the whole trace, beyond the figures', "last month's record found (latestPartsFor, a hit)", 'the record inserted in the chain (recordMany, chunks of 500)'];
const measures: [string, () => number][] = [
  ['plain `batch` line (parse, figures only, compact output)', () => (lines.forEach((l, i) => processLine(l, i + 1, { detail: 'compact', period: null, rulesFor }, emptyCounts())), lines.length)],
  ['evaluation, figures only (evaluateHouseholdFigures)', () => (households().forEach((raw) => evaluateHouseholdFigures(raw, rulesFor)), lines.length)],
  ['evaluation with the whole trace (evaluateHousehold)', () => (households().forEach((raw) => evaluateHousehold(raw, rulesFor)), lines.length)],
  [IRREDUCIBLE[1]!, () => (keys.forEach(([caseId, period]) => store.latestPartsFor(caseId, period)), keys.length)],
  [
    IRREDUCIBLE[2]!,
    () => {
      const writer = DecisionStore.open(join(dir, `write-${writes++}.sqlite`), { create: true });
      for (let i = 0; i < records.length; i += 500) writer.recordMany(records.slice(i, i + 500).map((s) => ({ serialized: s, ruleSet: cache.get(parsePeriod(s.period)!, s.municipality, null) })));
      writer.close();
      return records.length;
    },
  ],
  ["today: last month's decision read back from the row found (previousFromParts)", () => (rows.forEach((row) => previousFromParts(row, (v) => store.ruleSet(v).rules)), rows.length)],
  ['today: comparing and routing (proposeMonthlyData)', () => (evaluated.forEach((e, i) => proposeMonthlyData({ decision: e.decision, members: membersOf(e.raw), previous: previousDecisions[i]!, receivedOn: null, mode: 'recommend', rules: e.ruleSet.rules })), evaluated.length)],
  ['today: the record serialised (serializeRecord)', () => (proposals.forEach((p, i) => serializeRecord(evaluated[i]!.raw, p, evaluated[i]!.ruleSet.rules)), proposals.length)],
];

const taken = new Map<string, number[]>();
for (let round = 0; round < Number(values.rounds); round++) {
  for (const [name, run] of measures) {
    const started = process.cpuUsage();
    const n = run();
    const used = process.cpuUsage(started);
    if (round > 1) taken.set(name, [...(taken.get(name) ?? []), (used.user + used.system) / n]);
  }
}
store.close();
rmSync(dir, { recursive: true, force: true });

const stat = (name: string) => {
  const sorted = [...taken.get(name)!].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]! };
};
const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const table: [string, { median: number; min: number }][] = measures.map(([name]) => [name, stat(name)]);
const figures = stat(measures[1]![0]);
const whole = stat(measures[2]![0]);
table.splice(3, 0, [IRREDUCIBLE[0]!, { median: whole.median - figures.median, min: whole.min - figures.min }]);
const sum = (names: readonly string[], k: 'median' | 'min') => table.filter(([n]) => names.includes(n)).reduce((a, [, s]) => a + s[k], 0);
const today = table.filter(([n]) => n.startsWith('today:')).map(([n]) => n);
table.push(['**beyond a batch line, what cannot be left out** (the three marked ★)', { median: sum(IRREDUCIBLE, 'median'), min: sum(IRREDUCIBLE, 'min') }]);
table.push(['**beyond a batch line, the rest today** (the three "today")', { median: sum(today, 'median'), min: sum(today, 'min') }]);
process.stdout.write(`| µs of CPU a household (${lines.length} households, ${Number(values.rounds) - 2} rounds after 2 of warm-up; load average at the end ${load}) | median | min |\n| --- | --- | --- |\n`);
for (const [name, s] of table) process.stdout.write(`| ${IRREDUCIBLE.includes(name) ? '★ ' : ''}${name} | ${s.median.toFixed(0)} | ${s.min.toFixed(0)} |\n`);
