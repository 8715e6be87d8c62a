/**
 * Where a household's time goes in `batch --detail compact`, stage by stage, on one thread with the
 * lines already in memory (no file reading or writing, no worker threads): JSON.parse of the line,
 * validation, the input hash, the decision in figures mode, the output line, and the whole of
 * processLine. Next to them the JSON floor of the same lines (JSON.parse + JSON.stringify), so the
 * table shows the best share of the floor the engine could reach if reading, writing and threads
 * cost nothing; and what every line needs at V8's own speed (JSON.parse, a hash, the output line),
 * the share it could reach if validation, the decision and counting cost nothing as well.
 *
 * bench/batch.bench.ts bundles this file with esbuild and runs it with plain node (the compiled code
 * the batch runs, without tsx's wrappers). Each measure runs over every line, several rounds; the
 * first round warms the JIT up and is left out; the minimum of the rest is kept (the least disturbed
 * by other processes on a shared machine). A stage is the difference of two measures (see below), so
 * on a busy machine a small stage can come out a little off, even below zero.
 */
import { hash as sha256Hex } from 'node:crypto';
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
  const options = { detail: 'compact' as const, period: null, rulesFor };
  const counts = emptyCounts();
  let sink = 0;
  /** Microseconds per line of `run` over every line, the minimum of the rounds after the first. */
  const time = (run: (line: string, n: number) => unknown): number => {
    let best = Infinity;
    for (let r = 0; r < rounds; r++) {
      const started = process.hrtime.bigint();
      for (let i = 0; i < lines.length; i++) if (run(lines[i]!, i + 1) === undefined) sink++;
      const micros = Number(process.hrtime.bigint() - started) / 1000 / lines.length;
      if (r > 0) best = Math.min(best, micros);
    }
    return best;
  };
  // Each household is parsed afresh in every measure, as in the batch (a parsed object is young and
  // in the cache; 20 000 objects parsed in advance would be neither), and each stage is the
  // difference between two measures that differ by that stage.
  const floor = time((line) => JSON.stringify(JSON.parse(line)));
  const parse = time((line) => JSON.parse(line));
  const validate = time((line) => parseHousehold(JSON.parse(line)));
  const hash = time((line) => {
    const raw = JSON.parse(line) as unknown;
    parseHousehold(raw);
    return contentHash(raw);
  });
  const evaluate = time((line) => evaluateHouseholdFigures(JSON.parse(line), rulesFor));
  const output = time((line, n) => {
    const r = evaluateHouseholdFigures(JSON.parse(line), rulesFor);
    return r.ok ? compactLine(n, r.decision as DecisionFigures) : '';
  });
  const all = time((line, n) => processLine(line, n, options, counts));
  // What every line needs whatever the engine's code, at the speed of V8's own JSON code: reading the
  // line (JSON.parse, as above), the input hash (V8's JSON.stringify of the parsed value, keys left
  // unsorted, then sha256 of it) and writing the output line (V8's JSON.stringify of an object with
  // the output's content; the lines are made in advance and parsed afresh). Not a strict lower bound:
  // a hand-written writer can beat JSON.stringify by not making a string (contentHash does, slightly).
  const hashed = time((line) => sha256Hex('sha256', JSON.stringify(JSON.parse(line)), 'hex'));
  const outLines = lines.map((line, i) => processLine(line, i + 1, options, emptyCounts()));
  const outParse = time((_line, n) => JSON.parse(outLines[n - 1]!));
  const outWrite = time((_line, n) => JSON.stringify(JSON.parse(outLines[n - 1]!)));
  if (sink > 0) throw new Error('a stage returned nothing');
  // JSON.parse with the hash reference (`hashed` includes the parse), plus the output reference.
  const required = hashed + (outWrite - outParse);
  return [
    { name: 'JSON floor: JSON.parse + JSON.stringify of the line', micros: floor },
    { name: 'JSON.parse of the line', micros: parse },
    { name: 'validation (parseHousehold)', micros: validate - parse },
    { name: 'input hash (contentHash)', micros: hash - validate },
    { name: 'the decision, figures (evaluateHouseholdFigures less validation and hash)', micros: evaluate - hash },
    { name: 'the output line (compactLine)', micros: output - evaluate },
    { name: 'counting it in the summary (processLine less the above)', micros: all - output },
    { name: 'all of it (processLine --detail compact)', micros: all },
    { name: 'V8 reference for the input hash: sha256 of JSON.stringify of the parsed line (keys unsorted)', micros: hashed - parse },
    { name: 'V8 reference for the output line: JSON.stringify of an object with its content', micros: outWrite - outParse },
    { name: 'what every line needs at V8 speed (JSON.parse + the two references above), validation, decision and counting free', micros: required },
  ];
}

/** Run as a script (bundled): `node stages.mjs <lines.ndjson> <rules dir> [count]` prints the stages as JSON. */
export function main(argv: readonly string[], read: (path: string) => string): string {
  const [input, rulesDir, count = '20000'] = argv;
  const lines = read(input!).split('\n').filter((l) => l !== '').slice(0, Number(count));
  return JSON.stringify(measureStages(lines, rulesDir!));
}
