/**
 * The same measure as bench/guidelines.bench.ts through the real `monthly` command (issue 24): month
 * M−1 recorded with `batch --record`, then `monthly` on month M, for Trelleborg's 2019 example —
 *  - today: the default policy, each household's ceiling typed by the caseworker;
 *  - with the guideline: a copy of rules/ where the example is municipal/1287.json (its window 2019
 *    only; for this measurement, never shipped), nothing typed.
 * Prints the routing and reasons of each run's summary.
 *
 *   npm run build && npx tsx bench/guidelines-monthly.ts [--count 10000]
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { rentCeilingFromRooms } from '../src/costs/guideline.ts';
import { loadRulebook, RuleSetCache } from '../src/index.ts';
import { realisticMonth } from './realistic.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({ options: { count: { type: 'string', default: '10000' }, seed: { type: 'string', default: '2026' } } });
const count = Number(values.count);
const seed = Number(values.seed);
const example = JSON.parse(readFileSync(`${ROOT}rules/municipal/examples/trelleborg-2019.json`, 'utf8')) as Record<string, unknown>;
const guideline = new RuleSetCache(loadRulebook(`${ROOT}rules`)).get({ year: 2019, month: 6 }, 'examples/trelleborg-2019', null).rules.municipal.guideline!;
const ceiling = (adults: number, children: number) => {
  const found = rentCeilingFromRooms(guideline.rentCeiling!, { adults, children, persons: adults + children, allAdultsUnder25: false });
  return found === null ? null : found.amount / 100;
};

for (const mode of ['today', 'guideline'] as const) {
  const dir = mkdtempSync(join(tmpdir(), `guidelines-monthly-${mode}-`));
  const lines = (period: string) =>
    [...realisticMonth(count, seed, { period, municipality: '1287', ceiling, typeCeiling: mode === 'today' })].map((h, i) =>
      JSON.stringify({ ...h, caseId: `C-${i + 1}`, ...(period === '2019-06' ? { receivedOn: '2019-06-03' } : {}) }),
    );
  writeFileSync(join(dir, 'previous.ndjson'), `${lines('2019-05').join('\n')}\n`);
  writeFileSync(join(dir, 'current.ndjson'), `${lines('2019-06').join('\n')}\n`);
  const rules: string[] = [];
  if (mode === 'guideline') {
    cpSync(`${ROOT}rules`, join(dir, 'rules'), { recursive: true });
    const { example: _example, ...rest } = example;
    writeFileSync(join(dir, 'rules/municipal/1287.json'), JSON.stringify({ ...rest, id: 'municipal/1287', title: "Trelleborg's 2019 guideline as municipal/1287 (this measurement only)" }, null, 2));
    rules.push('--rules', join(dir, 'rules'));
  }
  const cli = (args: string[]) => execFileSync(process.execPath, [`${ROOT}dist/cli.js`, ...args, ...rules], { encoding: 'utf8', maxBuffer: 1 << 26 });
  cli(['batch', '--in', join(dir, 'previous.ndjson'), '--out', join(dir, 'previous.out'), '--record', '--store', join(dir, 'records.sqlite')]);
  const summary = JSON.parse(cli(['monthly', '--in', join(dir, 'current.ndjson'), '--out', join(dir, 'monthly.out'), '--store', join(dir, 'records.sqlite'), '--today', '2019-06-15'])) as Record<string, unknown>;
  process.stdout.write(`${mode}: ${JSON.stringify(summary['byRouting'])} ${JSON.stringify(summary['byReason'])}\n`);
  rmSync(dir, { recursive: true, force: true });
}
