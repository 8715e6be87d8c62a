/**
 * Begäran om komplettering and överklagande in the decision store (issue 30): each step a person records
 * is a row of the side chain `case_events` (schema.ts CASE_EVENTS_SQL; every row hashes the one before
 * it, sideChain.ts), written in one transaction with its row in the case log, after the check that the
 * step fits what was recorded before (src/casework/caseEvents.ts). `audit verify` walks the chain and
 * checks what the rows say against the registered decisions (verifyCaseEvents below).
 *
 * Read by the case view, the queue (the pauses of the handling clock) and the case status
 * (casestatus.ts). The table is created on the first write; a store without it has no events.
 */
import type Database from 'better-sqlite3';
import { appealInTime, CASE_EVENT_KINDS, foldEvents, type CaseEventEntry, type CaseMonthEvents, type StoredCaseEvent } from '../casework/caseEvents.ts';
import { logColumns, type CaseWork } from './casework.ts';
import { CASE_EVENTS_SQL } from './schema.ts';
import { appendSide, verifySide } from './sideChain.ts';

/** What the columns of a case_events row hold of its entry (verifySide checks each row against it). */
export function caseEventColumns(e: Record<string, unknown>): Record<string, string | number | null> {
  return { kind: e['kind'] as string, case_id: e['caseId'] as string, period: e['period'] as string, decision_id: e['decisionId'] as string, who: e['who'] as string };
}

const has = (db: Database.Database) => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'case_events'").get() !== undefined;

type Row = { seq: number; at: string; entry_json: string };
const toEvent = (r: Row): StoredCaseEvent => ({ seq: r.seq, at: r.at, entry: JSON.parse(r.entry_json) as CaseEventEntry });
export const monthKey = (caseId: string, period: string): string => `${caseId}\u0000${period}`;

function group(rows: readonly Row[]): Map<string, CaseMonthEvents> {
  const byMonth = new Map<string, StoredCaseEvent[]>();
  for (const r of rows) {
    const e = toEvent(r);
    const k = monthKey(e.entry.caseId, e.entry.period);
    byMonth.set(k, [...(byMonth.get(k) ?? []), e]);
  }
  return new Map([...byMonth].map(([k, list]) => [k, foldEvents(list)]));
}

/** The events of these cases, folded per case and month (key monthKey). */
export function eventsOfCases(db: Database.Database, caseIds: readonly string[]): Map<string, CaseMonthEvents> {
  if (!has(db) || caseIds.length === 0) return new Map();
  return group(db.prepare<[string], Row>('SELECT seq, at, entry_json FROM case_events WHERE case_id IN (SELECT value FROM json_each(?)) ORDER BY seq').all(JSON.stringify([...new Set(caseIds)])));
}

/** The events of every case of a month, folded per case (key monthKey): one indexed query for the queue. */
export function eventsOfPeriod(db: Database.Database, period: string): Map<string, CaseMonthEvents> {
  if (!has(db)) return new Map();
  return group(db.prepare<[string], Row>('SELECT seq, at, entry_json FROM case_events WHERE period = ? ORDER BY seq').all(period));
}

/** The events of one case and month. */
export function eventsOf(cw: CaseWork, caseId: string, period: string): CaseMonthEvents {
  return cw.store.withConnection((db) => eventsOfCases(db, [caseId]).get(monthKey(caseId, period)) ?? foldEvents([]));
}

/**
 * Appends one step, with its case-log row, in one transaction: `check` sees the case and month's events
 * as they are inside the transaction and throws to refuse the step (the caller turns that into 409).
 */
export function appendCaseEvent(cw: CaseWork, at: string, entry: CaseEventEntry, purpose: string, check: (events: CaseMonthEvents) => void): { seq: number; hash: string } {
  return cw.store.writeTransaction((db) => {
    db.exec(CASE_EVENTS_SQL);
    check(eventsOfCases(db, [entry.caseId]).get(monthKey(entry.caseId, entry.period)) ?? foldEvents([]));
    const [row] = appendSide(db, 'case_events', at, [{ entry, columns: caseEventColumns(entry as unknown as Record<string, unknown>) }]);
    const log = { who: entry.who, role: entry.role, action: entry.kind, caseId: entry.caseId, decisionId: entry.decisionId, purpose };
    appendSide(db, 'case_log', at, [{ entry: log, columns: logColumns(log) }]);
    return row!;
  });
}

export interface CaseEventProblem {
  readonly message: string;
}

/**
 * `audit verify` of the case events: an intact side chain, and rows that say what can be true — an
 * appeal concerns a registered decision of its case and month, its in-time answer is what 44 § FL gives
 * for its days, an omprövning it names is a registered omprövning of that decision's line, and every
 * later step names an earlier request or appeal of the same case and month.
 */
export function verifyCaseEvents(db: Database.Database): CaseEventProblem[] {
  if (!has(db)) return [];
  const problems: CaseEventProblem[] = verifySide(db, 'case_events', caseEventColumns).map((p) => ({ message: p.message }));
  const registered = new Map<string, { case_id: string; period: string; change_kind: string | null }>();
  const hasRegistered = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'registered_decisions'").get() !== undefined;
  if (hasRegistered) for (const r of db.prepare<[], { decision_id: string; case_id: string; period: string; change_kind: string | null }>('SELECT decision_id, case_id, period, change_kind FROM registered_decisions').iterate()) registered.set(r.decision_id, r);
  const seen = new Map<number, CaseEventEntry>();
  for (const r of db.prepare<[], Row>('SELECT seq, at, entry_json FROM case_events ORDER BY seq').iterate()) {
    const { seq, entry: e } = toEvent(r);
    const bad = (message: string) => problems.push({ message: `case_events #${seq} (${e.kind}, ${e.caseId} ${e.period}): ${message}` });
    if (!(CASE_EVENT_KINDS as readonly string[]).includes(e.kind)) bad('an unknown kind');
    const earlier = (ref: number, kind: string) => {
      const x = seen.get(ref);
      if (!x || x.kind !== kind || x.caseId !== e.caseId || x.period !== e.period) bad(`names #${ref}, which is not an earlier ${kind} of the same case and month`);
    };
    if (e.kind === 'completion.answer') earlier(e.requestSeq, 'completion.request');
    else if (e.kind === 'appeal.receive') {
      const d = registered.get(e.decisionId);
      if (!d || d.case_id !== e.caseId || d.period !== e.period) bad(`the appealed decision ${e.decisionId} is not a registered decision of the case and month`);
      const t = appealInTime(e.receivedOn, e.notifiedOn);
      if (t.inTime !== e.inTime || t.lastDay !== e.lastDay) bad(`says ${e.inTime} (last day ${e.lastDay}), but 44 § FL gives ${t.inTime} (last day ${t.lastDay}) for its days`);
    } else if (e.kind !== 'completion.request') {
      earlier(e.appealSeq, 'appeal.receive');
      if (e.kind === 'appeal.review' && e.omprovning !== null) {
        const o = registered.get(e.omprovning);
        if (!o || o.change_kind !== 'omprovning' || o.case_id !== e.caseId || o.period !== e.period) bad(`the omprövning ${e.omprovning} is not a registered omprövning of the case and month`);
      }
    }
    seen.set(seq, e);
  }
  return problems;
}
