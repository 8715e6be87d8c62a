/**
 * The unit's statistics page (issue 25 item 3): how long its figures take for a year of a unit's
 * registered decisions. `count` cases, each registered in about four months of five from April 2025
 * to March 2026 (every seventh refused), the store built in-process with the tests' store builder
 * (test/web/support/statistics.ts: record the proposal, register the decision); then the page's
 * figures (src/statistics/read.ts unitStatisticsOf: the twelve months, the long-term window of eleven
 * months before them, and every case-month's standing for the handläggningstid) three times, the
 * first cold.
 *
 *   npx tsx bench/statistics.bench.ts [--count 200]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { unitStatisticsOf } from '../src/statistics/read.ts';
import { CaseWork } from '../src/store/casework.ts';
import { book } from '../test/support/engine.ts';
import { CASES, statisticsStore, type Case } from '../test/web/support/statistics.ts';

const { values } = parseArgs({ options: { count: { type: 'string', default: '200' } } });
const count = Number(values.count);
const MONTHS = ['2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03'];
const cases: Case[] = Array.from({ length: count }, (_, i) => {
  const base = CASES[i % CASES.length]!;
  return { ...base, caseId: `${base.caseId}-${i}`, months: Object.fromEntries(MONTHS.filter((_, k) => (i + k) % 5 !== 0).map((p) => [p, i % 7 === 0 ? 'deny' : 'approve'])) };
});
const dir = mkdtempSync(join(tmpdir(), 'statistics-bench-'));
try {
  let t = performance.now();
  const { store } = statisticsStore(dir, cases);
  console.log(`store: ${count} cases, ${cases.reduce((s, c) => s + Object.keys(c.months).length, 0)} registered case-months, built in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const cw = CaseWork.open(store);
  try {
    for (let run = 1; run <= 3; run++) {
      t = performance.now();
      const stats = unitStatisticsOf(cw, book, '2025-04', '2026-03', '2026-03-20')!;
      console.log(`run ${run}: the page's figures for 2025-04…2026-03 in ${(performance.now() - t).toFixed(0)} ms (${stats.tables.length} tables)`);
    }
  } finally {
    cw.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
