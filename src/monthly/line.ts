/**
 * One line of the monthly run → one output line: the household is validated and computed like a
 * batch line, last month's recorded decision of the case is looked up, and the proposal is compared,
 * routed and given its handling time (propose.ts). Runs in the batch workers (chunk.ts).
 *
 * Output (docs/monthly.md): `{"line":n, …the decision…, "changes":[…], "routing":{…}}`, or the same
 * error record as batch for a line that is not a valid household (a bad `receivedOn` included).
 */
import type { OnDecision } from '../store/serialize.ts';
import { compactDecision, countDecision, errorLine, parseLine, withoutText, type Detail } from '../batch/line.ts';
import { addPayable, tally, type SummaryCounts } from '../batch/summary.ts';
import { evaluateHousehold, type RuleSetProvider } from '../index.ts';
import { previousPeriodOf, proposeMonthlyData, renderProposal, type Mode, type PreviousDecision, type ProposalData } from './propose.ts';
import type { Comparison } from './types.ts';
import { membersOf } from './previous.ts';
import { isPastDue, parseIsoDay } from './workdays.ts';
import { dateProblem } from '../household/parse.ts';
import { echo, givenOf, problem } from '../household/problems.ts';

export interface MonthlyLineOptions {
  readonly detail: Detail;
  readonly rulesFor: RuleSetProvider;
  /** Last month's recorded decision of a case, or null. */
  readonly previous: (caseId: string, period: string) => PreviousDecision | null;
  readonly mode: Mode;
  /** The day "past dueOn" is counted on (--today), or null. */
  readonly today: string | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The changes found (not the unchanged comparisons) in the compact output. */
function changesOf(p: ProposalData): Partial<Comparison>[] {
  return p.trace
    .filter((s) => s.step.startsWith('monthly.') && s.rule.startsWith('monthly/compare#') && s.result !== 'UNCHANGED')
    .map((s) => ({ code: s.result as Comparison['code'], subject: s.inputs['subject'] as string, previous: s.inputs['previous'] as string | null, current: s.inputs['current'] as string | null, ...(s.inputs['threshold'] !== undefined ? { threshold: s.inputs['threshold'] as string, changePercent: s.inputs['changePercent'] as number | null } : {}) }));
}

/** Summary counters of the monthly run (docs/monthly.md). */
function countRouting(counts: SummaryCounts, p: ProposalData, today: string | null): void {
  const r = p.routing;
  tally(counts, `routing.${r.to}`);
  if (r.automated) tally(counts, 'automated');
  for (const code of r.reasons) tally(counts, `reason.${code}`);
  if (p.childImpact && p.childImpact.children.length > 0) tally(counts, 'householdsWithChildren');
  if (r.receivedOn === null) tally(counts, 'withoutReceivedOn');
  if (!r.automated && isPastDue(r.dueOn, today)) tally(counts, 'pastDueOn');
}

export function processMonthlyLine(text: string, n: number, options: MonthlyLineOptions, counts: SummaryCounts, onDecision?: OnDecision): string {
  const parsed = parseLine(text, n, counts);
  if ('error' in parsed) return parsed.error;
  const raw = parsed.raw;
  let receivedOn: string | null = null;
  if (isObject(raw) && raw['receivedOn'] !== undefined) {
    receivedOn = parseIsoDay(raw['receivedOn']);
    if (receivedOn === null) {
      counts.errors++;
      const caseId = typeof raw['caseId'] === 'string' ? raw['caseId'] : null;
      const given = raw['receivedOn'];
      const wrong = typeof given === 'string' ? dateProblem('receivedOn', given) : null;
      return errorLine(n, caseId, [wrong ?? (typeof given === 'string' ? problem('receivedOn', 'INVALID_DATE', { value: echo(given) }) : problem('receivedOn', 'INVALID_FIELD', { holds: 'date', given: givenOf(given) }))]);
    }
    // The arrival day belongs to the monthly run (routing.receivedOn), not to the calculation.
    delete raw['receivedOn'];
  }
  const result = evaluateHousehold(raw, options.rulesFor);
  if (!result.ok) {
    counts.errors++;
    return errorLine(n, result.caseId, result.issues);
  }
  // The proposal is data (recorded as such); only --detail summary and full render its texts, here at the edge.
  const d = result.decision;
  // A month whose rules are pending (rules/pending/) has no rule set: its needs-information proposal
  // goes to a caseworker, nothing can be decided automatically, and nothing is recorded.
  const rules = result.ruleSet === null ? null : result.ruleSet.rules;
  const previous = d.caseId === null ? null : options.previous(d.caseId, previousPeriodOf(d.period));
  const proposal = proposeMonthlyData({ decision: d, members: membersOf(raw), previous, receivedOn, mode: options.mode, rules });
  // First, so a payable that cannot be summed fails the line before anything else is counted (as batch).
  addPayable(counts, proposal.payable);
  if (onDecision !== undefined && rules !== null) onDecision(raw, proposal, rules);
  countDecision(counts, raw, proposal);
  countRouting(counts, proposal, options.today);
  const shown =
    options.detail === 'compact'
      ? { ...compactDecision(proposal), changes: changesOf(proposal), routing: proposal.routing }
      : options.detail === 'summary'
        ? withoutText(renderProposal(proposal, result))
        : renderProposal(proposal, result);
  return `{"line":${n},${JSON.stringify(shown).slice(1)}`;
}

