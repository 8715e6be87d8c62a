/**
 * The caseworker's queue of a monthly run: every proposal not decided automatically (in recommend
 * mode that is every proposal; `to` says which are ready recommendations), sorted by dueOn (the
 * earliest first, unknown last), then cases to assess before ready ones, then by case.
 */
import { writeFileSync } from 'node:fs';
import { forEachLine } from './delegation.ts';
import type { Routing } from './propose.ts';

export interface QueueEntry {
  readonly caseId: string | null;
  readonly period: string;
  /** The proposal's record (from the store) or its line in the run's output. */
  readonly decisionId?: string;
  readonly line?: number;
  readonly dueOn: string | null;
  readonly receivedOn: string | null;
  readonly to: Routing['to'];
  readonly reasons: readonly string[];
  readonly outcome: string;
  readonly payable: string | null;
  readonly previousDecisionId: string | null;
}

interface ProposalLike {
  readonly caseId: string | null;
  readonly period: string;
  readonly outcome: string;
  readonly payable: string | null;
  readonly routing?: Routing;
}

export function queueEntry(p: ProposalLike, where: { decisionId: string } | { line: number }): QueueEntry | null {
  const r = p.routing;
  if (r === undefined || r.automated) return null;
  return { caseId: p.caseId, period: p.period, ...where, dueOn: r.dueOn, receivedOn: r.receivedOn, to: r.to, reasons: r.reasons, outcome: p.outcome, payable: p.payable, previousDecisionId: r.previousDecisionId };
}

export function compareQueueEntries(a: QueueEntry, b: QueueEntry): number {
  if (a.dueOn !== b.dueOn) return a.dueOn === null ? 1 : b.dueOn === null ? -1 : a.dueOn < b.dueOn ? -1 : 1;
  if (a.to !== b.to) return a.to === 'caseworker' ? -1 : 1;
  const ka = a.line ?? 0;
  const kb = b.line ?? 0;
  if (ka !== kb) return ka - kb;
  return (a.decisionId ?? '') < (b.decisionId ?? '') ? -1 : (a.decisionId ?? '') > (b.decisionId ?? '') ? 1 : 0;
}

/** `monthly --queue FILE`: the run's output as a queue, one JSON line per case, sorted by dueOn. */
export function writeQueueFile(outputPath: string, queuePath: string): number {
  const entries: QueueEntry[] = [];
  forEachLine(outputPath, (text) => {
    if (text === '') return;
    const p = JSON.parse(text) as ProposalLike & { line: number };
    if (p.routing === undefined) return; // an error record
    const e = queueEntry(p, { line: p.line });
    if (e) entries.push(e);
  });
  entries.sort(compareQueueEntries);
  writeFileSync(queuePath, entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
  return entries.length;
}
