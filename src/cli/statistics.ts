/**
 * `statistics month YYYY-MM --store PATH [--out FILE] [--rules DIR] [--who NAME]` (issue 25,
 * docs/statistics.md): the month's report to Socialstyrelsen (EKB-Månad) from the registered decisions
 * and their payment orders. It is validated before anything is written; a problem prints one line per
 * case and exits 1, writing nothing. A month without a household paid: "Inget att rapportera", no file.
 *
 * Personnummer appear only in the file (--out); stdout gets the summary. Writing the file is logged in
 * the case log like every read (action statistics.export, with who and why).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { supportObstaclesFor } from '../casework/supportObstacle.ts';
import { formatKronorSv } from '../money/index.ts';
import { parsePeriod } from '../period/index.ts';
import { loadRulebook } from '../rulebook/load.ts';
import { buildMonthReport, reportText } from '../statistics/ekbMonth.ts';
import { registeredMonth } from '../statistics/read.ts';
import { CaseWork } from '../store/casework.ts';
import { StoreNotFoundError, storePath } from '../store/store.ts';
import { EXIT_BAD_INPUT, EXIT_ENGINE, EXIT_OK, processIo, rulesDir, UsageError, type CliIo } from './common.ts';

export function statisticsCommand(args: string[], io: CliIo = processIo()): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { store: { type: 'string' }, out: { type: 'string' }, rules: { type: 'string' }, who: { type: 'string' } } });
  if (positionals[0] !== 'month' || positionals.length !== 2) throw new UsageError('expected: statistics month YYYY-MM --store PATH [--out FILE]');
  const period = positionals[1]!;
  if (parsePeriod(period) === null) {
    io.stderr.write(`period: expected a month YYYY-MM, got "${period.slice(0, 20)}"\n`);
    return EXIT_BAD_INPUT;
  }
  const book = loadRulebook(rulesDir(values.rules, io.env));
  let cw: CaseWork;
  try {
    cw = CaseWork.open(storePath(values.store, io.env, io.cwd));
  } catch (error) {
    if (error instanceof StoreNotFoundError) {
      io.stderr.write(`${error.message}\n`);
      return EXIT_BAD_INPUT;
    }
    throw error;
  }
  try {
    const built = buildMonthReport(period, registeredMonth(cw, period), supportObstaclesFor(book, period));
    if (!built.ok) {
      io.stderr.write(`Rapporten för ${period} kan inte skapas (${built.problems.length} fel); ingen fil skrevs:\n`);
      for (const p of built.problems) io.stderr.write(`  ${p.caseId}: ${p.message}\n`);
      return EXIT_ENGINE;
    }
    const r = built.report;
    if (r.households.length === 0) {
      io.stdout.write(`Inget att rapportera för ${period}: inget registrerat beslut betalar bistånd för månaden${r.refused > 0 ? ` (${r.refused} avslag eller avvisningar)` : ''}.\n`);
      return EXIT_OK;
    }
    const summary = [
      `EKB-Månad ${period}: ${r.households.length} hushåll, ${r.households.reduce((s, h) => s + h.adults.length, 0)} vuxna, ${r.households.reduce((s, h) => s + h.childrenUnder18, 0)} barn under 18, ${formatKronorSv(r.totalOre)} kr utbetalt (${r.totalKronor} kr i hela kronor)`,
      `  avslag eller avvisningar (rapporteras inte som hushåll): ${r.refused}`,
      ...(r.pendingOrders > 0 ? [`  obs: ${r.pendingOrders} utbetalningar är ännu inte exporterade till banken men räknas med`] : []),
      `  inlämnas till Socialstyrelsen senast den 15:e månaden efter (HSLF-FS 2015:30 3 §)`,
    ];
    if (values.out !== undefined) {
      const file = resolve(io.cwd, values.out);
      writeFileSync(file, reportText(r));
      cw.log([{ who: values.who ?? io.env['USER'] ?? 'okänd', role: 'statistik', action: 'statistics.export', caseId: null, decisionId: null, purpose: `officiell statistik EKB-Månad ${period}` }]);
      summary.push(`  skrev ${file} (personnummer finns bara i filen; exporten är loggad)`);
    } else summary.push('  kontrollerad; ingen fil skrevs (ange --out FILE)');
    io.stdout.write(`${summary.join('\n')}\n`);
    return EXIT_OK;
  } finally {
    cw.close();
  }
}
