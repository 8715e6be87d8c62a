/**
 * What the month's statistics read from the decision store (issue 25): the registered decisions of a
 * month, one line per case (its newest decision, the household its proposal was computed from, and
 * every order of the line), never a proposal on its own.
 */
import type { CaseWork } from '../store/casework.ts';
import type { RegisteredCaseMonth } from './ekbMonth.ts';

export function registeredMonth(cw: CaseWork, period: string): RegisteredCaseMonth[] {
  const caseIds = cw.store.withConnection((db) => {
    const has = db.prepare<[string], number>(`SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?`).pluck().get('registered_decisions');
    if (!has) return [] as string[];
    return db.prepare<[string], string>('SELECT DISTINCT case_id FROM registered_decisions WHERE period = ? ORDER BY case_id').pluck().all(period);
  });
  return caseIds.map((caseId) => {
    const line = cw.lineage(caseId, period);
    const newest = line.at(-1)!;
    const full = cw.registered(newest.decisionId)!;
    const proposal = cw.store.get(full.input.proposal.decisionId)!;
    return {
      caseId,
      municipality: full.decision.municipality,
      outcome: newest.outcome,
      household: JSON.parse(proposal.inputJson) as unknown,
      orders: cw.orders({ decisionIds: line.map((r) => r.decisionId) }).map((o) => ({ amount: o.amount, status: o.status })),
    };
  });
}
