/**
 * `kontakt` (issue 12): what Kontaktcenter's case-status lookup reads besides the decisions, and the
 * access log an auditor or the dataskyddsombud reads afterwards (src/store/casedesk.ts).
 *
 *   kontakt assign CASE_ID --caseworker NAME --by USER [--store PATH]         who handles the case from now on
 *   kontakt payment DECISION_ID --date YYYY-MM-DD --by USER [--store PATH]    when a recorded decision is paid out
 *   kontakt log [--case CASE_ID] [--json] [--store PATH]                      every lookup: who, when, which case, why
 *
 * The store must exist (decisions are recorded with calculate --record); a missing store or an
 * unknown decision is exit 2, an unusable store exit 1.
 */
import { parseArgs } from 'node:util';
import { CaseDesk } from '../store/casedesk.ts';
import { StoreError, StoreNotFoundError, storePath } from '../store/store.ts';
import { EXIT_BAD_INPUT, EXIT_ENGINE, EXIT_OK, processIo, UsageError, type CliIo } from './common.ts';

function required(value: string | undefined, option: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`${option} is required`);
  return value.trim();
}

export function kontaktCommand(args: string[], io: CliIo = processIo()): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { store: { type: 'string' }, caseworker: { type: 'string' }, by: { type: 'string' }, date: { type: 'string' }, case: { type: 'string' }, json: { type: 'boolean' } },
  });
  const [sub, id, ...rest] = positionals;
  if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
  if (sub !== 'assign' && sub !== 'payment' && sub !== 'log') throw new UsageError('expected kontakt assign, kontakt payment or kontakt log');
  if (sub !== 'log' && id === undefined) throw new UsageError(`kontakt ${sub}: expected ${sub === 'assign' ? 'a case id' : 'a decision id'}`);
  let desk: CaseDesk;
  try {
    desk = CaseDesk.open(storePath(values.store));
  } catch (error) {
    if (error instanceof StoreNotFoundError || error instanceof StoreError) {
      io.stderr.write(`kontakt: ${error.message}\n`);
      return error instanceof StoreNotFoundError ? EXIT_BAD_INPUT : EXIT_ENGINE;
    }
    throw error;
  }
  try {
    if (sub === 'assign') {
      desk.assignCaseworker(id!, required(values.caseworker, '--caseworker'), required(values.by, '--by'));
      io.stdout.write(`case ${id}: caseworker ${values.caseworker!.trim()}\n`);
    } else if (sub === 'payment') {
      desk.recordPaymentDate(id!, required(values.date, '--date'), required(values.by, '--by'));
      io.stdout.write(`decision ${id}: paid on ${values.date}\n`);
    } else {
      const log = desk.accessLog(values.case);
      if (values.json) io.stdout.write(`${JSON.stringify(log, null, 2)}\n`);
      else for (const e of log) io.stdout.write(`${e.at}\t${e.who}\t${e.caseId}\t${e.found ? 'found' : 'not found'}\t${e.purpose}\n`);
    }
    return EXIT_OK;
  } catch (error) {
    if (error instanceof StoreNotFoundError || (error instanceof StoreError && /YYYY-MM-DD/.test(error.message))) {
      io.stderr.write(`kontakt: ${error.message}\n`);
      return EXIT_BAD_INPUT;
    }
    throw error;
  } finally {
    desk.close();
  }
}
