/**
 * How many unchanged ongoing cases need no person (issue 24): a realistic month (bench/realistic.ts)
 * run twice for each example guideline, in the guideline's own year —
 *  - today: no guideline file; the caseworker has typed each household's ceiling (the guideline's
 *    level, read by hand) and its basis;
 *  - with the guideline: nothing typed; rules/municipal/examples/<name>.json gives the ceiling and its
 *    conditions for costs of livsföring i övrigt.
 * Every case is unchanged since last month, so the monthly run's routing (src/monthly/route.ts) sends
 * it to a person only for its outcome, a missing fact or a flag: those reasons are counted.
 *
 *   npx tsx bench/guidelines.bench.ts [--count 20000] [--seed 2026]
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { rentCeilingFromRooms, rentCeilingFromTable } from '../src/costs/guideline.ts';
import { evaluateHouseholdFigures, loadRulebook, RuleSetCache, type RuleSetProvider } from '../src/index.ts';
import { route } from '../src/monthly/route.ts';
import { parsePeriod } from '../src/period/index.ts';
import { realisticMonth, SHARES } from './realistic.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({ options: { count: { type: 'string', default: '20000' }, seed: { type: 'string', default: '2026' } } });
const count = Number(values.count);
const seed = Number(values.seed);
const book = loadRulebook(`${ROOT}rules`);
const cache = new RuleSetCache(book);

const EXAMPLES = [
  { name: 'trelleborg-2019', period: '2019-06' },
  { name: 'malmo-2019', period: '2019-06' },
  { name: 'uddevalla-2020', period: '2020-06' },
];

interface Tally {
  ready: number;
  total: number;
  reasons: Map<string, number>;
}

function run(provider: RuleSetProvider, households: Iterable<Record<string, unknown>>): Tally {
  const t: Tally = { ready: 0, total: 0, reasons: new Map() };
  for (const h of households) {
    const r = evaluateHouseholdFigures(h, provider);
    t.total++;
    if (!r.ok) {
      t.reasons.set('INPUT_REFUSED', (t.reasons.get('INPUT_REFUSED') ?? 0) + 1);
      continue;
    }
    const routed = route(r.decision as never, []);
    if (routed.to === 'ready') t.ready++;
    for (const reason of routed.reasons) t.reasons.set(reason, (t.reasons.get(reason) ?? 0) + 1);
  }
  return t;
}

const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)} %`;
const fmt = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
const reasonsText = (t: Tally) =>
  [...t.reasons]
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${fmt(v)} (${pct(v, t.total)})`)
    .join('; ');

const out: string[] = [];
out.push(`${fmt(count)} unchanged ongoing cases per run, seed ${seed}; the mix of bench/realistic.ts.`, '');
out.push('| guideline (its year) | run | ready | to a person, by reason (a case may have several) |', '| --- | --- | --- | --- |');
for (const ex of EXAMPLES) {
  const period = parsePeriod(ex.period)!;
  const guided = cache.get(period, `examples/${ex.name}`, null);
  const g = guided.rules.municipal.guideline!;
  const r = g.rentCeiling!;
  // The household's level under the example, with the engine's own functions (adults, children; age for under-25 rows).
  const ceiling = (adults: number, children: number, age: number) => {
    const h = { adults, children, persons: adults + children, allAdultsUnder25: adults === 1 && age < 25 };
    const found = r.basis === 'rooms' ? rentCeilingFromRooms(r, h) : rentCeilingFromTable(r, h);
    return found === null ? null : found.amount / 100;
  };
  const today: RuleSetProvider = (p, _m, d) => cache.get(p, null, d);
  const withGuideline: RuleSetProvider = (p, _m, d) => cache.get(p, `examples/${ex.name}`, d);
  const a = run(today, realisticMonth(count, seed, { period: ex.period, municipality: null, ceiling, typeCeiling: true }));
  const b = run(withGuideline, realisticMonth(count, seed, { period: ex.period, municipality: null, ceiling, typeCeiling: false }));
  out.push(`| ${ex.name} (${ex.period}) | today: ceiling typed, no guideline file | ${fmt(a.ready)} = ${pct(a.ready, a.total)} | ${reasonsText(a)} |`);
  out.push(`| ${ex.name} (${ex.period}) | with the guideline file | ${fmt(b.ready)} = ${pct(b.ready, b.total)} | ${reasonsText(b)} |`);
}
out.push('', 'Shares of the mix:', '', '| what | value | status | source |', '| --- | --- | --- | --- |');
for (const s of SHARES) out.push(`| ${s.what} | ${s.value} | ${s.status} | ${s.source} |`);
process.stdout.write(`${out.join('\n')}\n`);
