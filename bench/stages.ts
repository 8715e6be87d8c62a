/**
 * Where a household's time goes in `batch --detail compact`, stage by stage, on one thread with the
 * lines already in memory (no file reading or writing, no worker threads): JSON.parse of the line,
 * validation, the input hash, the decision in figures mode, the output line, and the whole of
 * processLine. Next to them the JSON floor of the same lines (JSON.parse + JSON.stringify), so the
 * table shows the best share of the floor the engine could reach if reading, writing and threads
 * cost nothing.
 *
 * bench/batch.bench.ts bundles this file with esbuild and runs it with plain node (the compiled code
 * the batch runs, without tsx's wrappers). Each stage is timed over every line, several rounds; the
 * first round warms the JIT up and is left out; the minimum of the rest is reported (the least
 * disturbed by other processes on a shared machine).
 */
import { compactLine } from '../src/batch/compact-line.ts';
import { processLine } from '../src/batch/line.ts';
import { emptyCounts } from '../src/batch/summary.ts';
import { contentHash } from '../src/canonical.ts';
import { parseHousehold } from '../src/household/parse.ts';
import { evaluateHouseholdFigures, loadRulebook, RuleSetCache, type DecisionFigures } from '../src/index.ts';

export interface Stage {
  readonly name: string;
  /** Microseconds per household (minimum over the rounds after the first). */
  readonly micros: number;
}

export function measureStages(lines: readonly string[], rulesDir: string, rounds = 5): Stage[] {
  const cache = new RuleSetCache(loadRulebook(rulesDir));
  const rulesFor = (p: Parameters<RuleSetCache['get']>[0], m: string | null, d: string | null) => cache.get(p, m, d);
  const raws = lines.map((l) => JSON.parse(l) as unknown);
  const figures = raws.map((r) => evaluateHouseholdFigures(r, rulesFor)).flatMap((r) => (r.ok ? [r.decision] : [])) as DecisionFigures[];
  const options = { detail: 'compact' as const, period: null, rulesFor };
  let sink = 0;
  const time = (name: string, count: number, run: (i: number) => unknown): Stage => {
    let best = Infinity;
    for (let r = 0; r < rounds; r++) {
      const started = process.hrtime.bigint();
      for (let i = 0; i < count; i++) if (run(i) === undefined) sink++;
      const micros = Number(process.hrtime.bigint() - started) / 1000 / count;
      if (r > 0) best = Math.min(best, micros);
    }
    return { name, micros: best };
  };
  const stages = [
    time('JSON floor: JSON.parse + JSON.stringify of the line', lines.length, (i) => JSON.stringify(JSON.parse(lines[i]!))),
    time('JSON.parse of the line', lines.length, (i) => JSON.parse(lines[i]!)),
    time('validation (parseHousehold)', raws.length, (i) => parseHousehold(raws[i])),
    time('input hash (contentHash)', raws.length, (i) => contentHash(raws[i])),
    time('validation + hash + decision, figures (evaluateHouseholdFigures)', raws.length, (i) => evaluateHouseholdFigures(raws[i], rulesFor)),
    time('the output line (compactLine)', figures.length, (i) => compactLine(i + 1, figures[i]!)),
    time('all of it (processLine --detail compact)', lines.length, (i) => processLine(lines[i]!, i + 1, options, emptyCounts())),
  ];
  if (sink > 0) throw new Error('a stage returned nothing');
  return stages;
}

/** Run as a script (bundled): `node stages.mjs <lines.ndjson> <rules dir> [count]` prints the stages as JSON. */
export function main(argv: readonly string[], read: (path: string) => string): string {
  const [input, rulesDir, count = '20000'] = argv;
  const lines = read(input!).split('\n').filter((l) => l !== '').slice(0, Number(count));
  return JSON.stringify(measureStages(lines, rulesDir!));
}
