/**
 * `handlingstid` (issue 30): the month's handläggningstid report as CSV (src/casework/handlingTime.ts,
 * docs/casestatus.md): cases decided in the month, median and 90th percentile of working days, the
 * share within five working days, and the cases past their due day on --today; for all cases and split
 * by outcome, the applicant's gender and new application or återansökan.
 *
 *   handlingstid --month YYYY-MM --today YYYY-MM-DD [--store PATH] [--out FILE]
 *
 * --today is required (no clock in the figures: the same store and day give the same file). A missing
 * store is exit 2, an unusable one exit 1.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { handlingReport, reportCsv } from '../casework/handlingTime.ts';
import { parseIsoDay } from '../monthly/workdays.ts';
import { parsePeriod } from '../period/index.ts';
import { allMonths } from '../store/casestatus.ts';
import { DecisionStore, StoreError, StoreNotFoundError, storePath } from '../store/store.ts';
import { EXIT_BAD_INPUT, EXIT_ENGINE, EXIT_OK, processIo, UsageError, type CliIo } from './common.ts';

export function handlingTimeCommand(args: string[], io: CliIo = processIo()): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { month: { type: 'string' }, today: { type: 'string' }, store: { type: 'string' }, out: { type: 'string' } } });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  if (values.month === undefined || parsePeriod(values.month) === null) throw new UsageError('--month YYYY-MM is required');
  const today = parseIsoDay(values.today);
  if (today === null) throw new UsageError('--today YYYY-MM-DD is required (the day "past due" is counted on)');
  let store: DecisionStore;
  try {
    store = DecisionStore.open(storePath(values.store), { readonly: true });
  } catch (error) {
    if (error instanceof StoreNotFoundError || error instanceof StoreError) {
      io.stderr.write(`handlingstid: ${error.message}\n`);
      return error instanceof StoreNotFoundError ? EXIT_BAD_INPUT : EXIT_ENGINE;
    }
    throw error;
  }
  try {
    const months = store.withConnection((db: Database.Database) => allMonths(db)).map((m) => m.month);
    const csv = reportCsv(handlingReport(months, values.month, today));
    if (values.out) writeFileSync(values.out, csv);
    else io.stdout.write(csv);
    return EXIT_OK;
  } finally {
    store.close();
  }
}
