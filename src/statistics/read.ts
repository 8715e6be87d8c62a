/**
 * What the month's statistics read from the decision store (issue 25): the registered decisions of a
 * month, one line per case (its newest decision, the household its proposal was computed from, and
 * every order of the line), never a proposal on its own.
 */
import { supportObstaclesFor } from '../casework/supportObstacle.ts';
import type { Rulebook } from '../rulebook/load.ts';
import { allMonths } from '../store/casestatus.ts';
import type { CaseWork } from '../store/casework.ts';
import type { RegisteredCaseMonth } from './ekbMonth.ts';
import { monthsBefore, monthsBetween, unitStatistics, type UnitStatistics, type UnitStatisticsRules } from './unit.ts';

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

/** The unit's statistics page's definitions in force for the month (rules/unit-statistics.json), or null. */
export function unitStatisticsRulesFor(book: Rulebook, period: string): UnitStatisticsRules | null {
  const day = `${period}-01`;
  const v = book.unitStatistics.data.values.find((x) => x.effectiveFrom <= day && (x.effectiveTo === null || day <= x.effectiveTo));
  return v ? { longTermMonths: v.longTermAid.months, longTermWindow: v.longTermAid.window, minimumCount: v.minimumCount.value } : null;
}

/**
 * The unit's statistics for `from`…`to` (issue 25 item 3): the registered months of the range and of
 * the long-term window before it, and every case-month's standing for the handläggningstid (issue 30).
 * Null when rules/unit-statistics.json has nothing for `to`.
 */
export function unitStatisticsOf(cw: CaseWork, book: Rulebook, from: string, to: string, today: string): UnitStatistics | null {
  const rules = unitStatisticsRulesFor(book, to);
  if (rules === null) return null;
  const months = monthsBetween(monthsBefore(from, rules.longTermWindow - 1), to).map((period) => ({ period, lines: registeredMonth(cw, period), obstacles: supportObstaclesFor(book, period) }));
  const handling = cw.store.withConnection((db) => allMonths(db)).map((m) => m.month);
  return unitStatistics({ from, to, today, months, handling, rules, obstacleLabels: supportObstaclesFor(book, to) });
}

/** The months that have a registered decision, oldest first. */
export function registeredPeriods(cw: CaseWork): string[] {
  return cw.store.withConnection((db) => {
    const has = db.prepare<[string], number>(`SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?`).pluck().get('registered_decisions');
    return has ? db.prepare<[], string>('SELECT DISTINCT period FROM registered_decisions ORDER BY period').pluck().all() : [];
  });
}
