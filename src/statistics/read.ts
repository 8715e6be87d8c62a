/**
 * What the month's statistics read from the decision store (issue 25): the registered decisions of a
 * month, one line per case (its newest decision, the household its proposal was computed from, and
 * every order of the line), never a proposal on its own.
 */
import { supportObstaclesFor } from '../casework/supportObstacle.ts';
import type { Rulebook } from '../rulebook/load.ts';
import { allMonths } from '../store/casestatus.ts';
import { lineageOf, type CaseWork, type RegisteredDbRow } from '../store/casework.ts';
import type { RegisteredCaseMonth } from './ekbMonth.ts';
import { monthsBefore, monthsBetween, unitStatistics, type UnitStatistics, type UnitStatisticsRules } from './unit.ts';

export function registeredMonth(cw: CaseWork, period: string): RegisteredCaseMonth[] {
  // A few queries for the whole month (the statistics page reads up to 47 months of a unit's cases).
  const lines = cw.store.withConnection((db) => {
    const has = db.prepare<[string], number>(`SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?`).pluck().get('registered_decisions');
    if (!has) return [];
    const byCase = new Map<string, RegisteredDbRow[]>();
    for (const r of db.prepare<[string], RegisteredDbRow>('SELECT * FROM registered_decisions WHERE period = ?').all(period)) (byCase.get(r.case_id) ?? byCase.set(r.case_id, []).get(r.case_id)!).push(r);
    const municipality = db.prepare<[string], string | null>(`SELECT json_extract(decision_json, '$.municipality') FROM records WHERE decision_id = ?`).pluck();
    const input = db.prepare<[string], string>('SELECT input_json FROM records WHERE decision_id = ?').pluck();
    return [...byCase.keys()].sort().map((caseId) => {
      const line = lineageOf(byCase.get(caseId)!);
      const newest = line.at(-1)!;
      return { caseId, line, newest, municipality: municipality.get(newest.decisionId) ?? null, inputJson: input.get(newest.proposalId)! };
    });
  });
  const ids = lines.flatMap((l) => l.line.map((r) => r.decisionId));
  const orders = new Map<string, { amount: string; status: string }[]>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const o of cw.orders({ decisionIds: ids.slice(i, i + 500) })) (orders.get(o.decisionId) ?? orders.set(o.decisionId, []).get(o.decisionId)!).push({ amount: o.amount, status: o.status });
  }
  return lines.map((l) => ({
    caseId: l.caseId,
    municipality: l.municipality,
    outcome: l.newest.outcome,
    household: JSON.parse(l.inputJson) as unknown,
    orders: l.line.flatMap((r) => orders.get(r.decisionId) ?? []),
  }));
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
