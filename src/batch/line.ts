/**
 * One NDJSON input line → one output line (no trailing newline), plus its contribution to the summary.
 * Runs in the worker threads; also used directly with --workers 0 and in tests.
 *
 * Output shapes (docs/batch.md):
 * - a decision: `{"line":n, …the decision…}` — with --detail compact the decision's figures and codes,
 *   with summary the whole decision with its Swedish texts (src/explain/contract.ts) but without the
 *   trace and decision text, with full the figures and codes and every trace step in compact form
 *   (src/trace/compact.ts; the texts are rendered on demand by `bistand explain`). Only summary lines
 *   render texts (a record sink gets the decision as data);
 * - an error: `{"line":n,"caseId":…,"errors":[{"path","code","message"}]}`.
 */
import { evaluateHousehold, evaluateHouseholdFigures, type RuleSetProvider } from '../index.ts';
import type { DecisionFigures } from '../decision/types.ts';
import { contractSummary, type Decision, type DecisionSummary } from '../explain/contract.ts';
import { renderProblems } from '../explain/problems.ts';
import type { OnDecision } from '../store/serialize.ts';
import { parseJsonText } from '../household/decode.ts';
import { MAX_HOUSEHOLD_BYTES } from '../household/limits.ts';
import { NO_ARGS, problem, type InputProblem } from '../household/problems.ts';
import type { ChildImpact } from '../output/types.ts';
import { addPayable, type SummaryCounts } from './summary.ts';
import { compactTrace } from '../trace/compact.ts';
import { compactLine } from './compact-line.ts';

export type Detail = 'compact' | 'summary' | 'full';

export interface LineOptions {
  readonly detail: Detail;
  /** Sets the period of every household (the month being recalculated). */
  readonly period: string | null;
  readonly rulesFor: RuleSetProvider;
}

/** A line's error record: each problem with its path, code and Swedish message (src/explain/problems.ts). */
export function errorLine(n: number, caseId: string | null, problems: readonly InputProblem[]): string {
  return `{"line":${n},"caseId":${JSON.stringify(caseId)},"errors":${JSON.stringify(renderProblems(problems))}}`;
}

/** A line that cannot be read at all (not UTF-8): its error record, counted like any bad line. */
export function unreadableLine(n: number, counts: SummaryCounts, issue: InputProblem): string {
  counts.lines++;
  counts.errors++;
  return errorLine(n, null, [issue]);
}

/**
 * What the compact form and the summary counts read of a decision, data (DecisionFigures) or rendered
 * (Decision) alike: its figures, codes and the child section's counts.
 */
export type FiguresOf = Omit<DecisionFigures, 'childImpact'> & { readonly childImpact: Pick<ChildImpact, 'children' | 'requiresAssessment' | 'effectOfRefusal'> | null };

/** The decision's figures and codes, with the same field names as the full decision. */
export function compactDecision(d: FiguresOf): Record<string, unknown> {
  return {
    caseId: d.caseId,
    period: d.period,
    municipality: d.municipality,
    outcome: d.outcome,
    law: d.law,
    norm: { total: d.norm.total, common: d.norm.common, householdSize: d.norm.householdSize },
    costs: { claimed: d.costs.claimed, accepted: d.costs.accepted, refused: d.costs.refused },
    income: { total: d.income.total, counted: d.income.counted },
    assets: { available: d.assets.available },
    need: d.need,
    payable: d.payable,
    reasons: d.reasons.map((r) => (r.amount === undefined ? { code: r.code, legalRef: r.legalRef } : { code: r.code, legalRef: r.legalRef, amount: r.amount })),
    flags: d.flags.map((f) => (f.memberId === undefined ? { code: f.code, severity: f.severity } : { code: f.code, severity: f.severity, memberId: f.memberId, agency: f.agency, benefit: f.benefit, amounts: f.amounts })),
    needsInformation: d.needsInformation.map((n) => ({ code: n.code, field: n.field, blocking: n.blocking })),
    requiresAssessment: d.requiresAssessment,
    childImpact: d.childImpact && { children: d.childImpact.children, requiresAssessment: d.childImpact.requiresAssessment, effectOfRefusal: d.childImpact.effectOfRefusal },
    ruleSetVersion: d.ruleSetVersion,
    inputHash: d.inputHash,
    engineVersion: d.engineVersion,
  };
}

/** The summary form of a full decision (the same fields, in the same order, as evaluateHouseholdSummary gives). */
export function withoutText(d: Decision): DecisionSummary {
  const { trace: _trace, decisionText: _text, worksheetText: _worksheet, ...summary } = d;
  return summary;
}

export function applicantGender(raw: unknown): 'female' | 'male' | 'other' | 'unknown' {
  const members = (raw as { members?: unknown }).members;
  if (!Array.isArray(members)) return 'unknown';
  const applicant = members.find((m) => m && typeof m === 'object' && (m as { role?: unknown }).role === 'applicant') as { gender?: unknown } | undefined;
  const g = applicant?.gender;
  return g === 'female' || g === 'male' || g === 'other' ? g : 'unknown';
}

/**
 * A line of NDJSON as one household's JSON value, or what stops it: an empty line, or one that is not
 * JSON (household/decode.ts: depth-bounded, one message per problem). A trailing \r is ignored. The
 * one reading of a line for batch, monthly and compare.
 */
export function readLine(text: string): { raw: unknown } | { issue: InputProblem } {
  const body = text.endsWith('\r') ? text.slice(0, -1) : text;
  if (body.trim() === '') return { issue: problem('(line)', 'EMPTY_LINE', NO_ARGS) };
  // The same bound as a calculate file (limits.ts); a character is at least one byte, so only a long line is measured.
  if (body.length > MAX_HOUSEHOLD_BYTES / 3) {
    const size = Buffer.byteLength(body);
    if (size > MAX_HOUSEHOLD_BYTES) return { issue: problem('(line)', 'TOO_LARGE', { size, max: MAX_HOUSEHOLD_BYTES }) };
  }
  const parsed = parseJsonText(body, '(line)');
  return parsed.ok ? { raw: parsed.value } : { issue: parsed.problem };
}

/** Counts a line and reads it (readLine): its JSON value, or the error record of a line that has none (counted as an error). */
export function parseLine(text: string, n: number, counts: SummaryCounts): { raw: unknown } | { error: string } {
  counts.lines++;
  const read = readLine(text);
  if ('raw' in read) return read;
  counts.errors++;
  return { error: errorLine(n, null, [read.issue]) };
}

/**
 * Processes one line. `text` is the line without its newline (a trailing \r is ignored); `n` is its
 * 1-based line number in the input file.
 */
export function processLine(
  text: string,
  n: number,
  options: LineOptions,
  counts: SummaryCounts,
  onDecision?: OnDecision,
): string {
  const parsed = parseLine(text, n, counts);
  if ('error' in parsed) return parsed.error;
  const raw = parsed.raw;
  if (options.period !== null && raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
    (raw as Record<string, unknown>)['period'] = options.period;
  }
  // A record sink needs the whole decision with its trace (as data: the record keeps no text);
  // --detail compact without one only the figures (no trace recorded, no item lists).
  if (options.detail === 'compact' && onDecision === undefined) {
    const figures = evaluateHouseholdFigures(raw, options.rulesFor);
    if (!figures.ok) return errorOf(n, counts, figures);
    // First, so a payable that cannot be summed fails the line before anything else is counted.
    addPayable(counts, figures.decision.payable);
    countDecision(counts, raw, figures.decision);
    return compactLine(n, figures.decision);
  }
  const result = evaluateHousehold(raw, options.rulesFor);
  if (!result.ok) return errorOf(n, counts, result);
  const d = result.decision;
  addPayable(counts, d.payable);
  // A month whose rules are pending has no rule set to record with: nothing is recorded for it.
  if (onDecision !== undefined && result.ruleSet !== null) onDecision(raw, d, result.ruleSet.rules);
  countDecision(counts, raw, d);
  if (options.detail === 'compact') return compactLine(n, d);
  const json = JSON.stringify(
    options.detail === 'full' ? { ...compactDecision(d), trace: result.ruleSet ? compactTrace(d.trace, result.ruleSet.rules) : [] } : contractSummary(d),
  );
  return `{"line":${n},${json.slice(1)}`;
}

function errorOf(n: number, counts: SummaryCounts, result: { readonly issues: readonly InputProblem[]; readonly caseId: string | null }): string {
  counts.errors++;
  return errorLine(n, result.caseId, result.issues);
}

/** A valid household's contribution to the summary (batch and monthly). */
export function countDecision(counts: SummaryCounts, raw: unknown, d: FiguresOf): void {
  counts.households++;
  counts.byOutcome[d.outcome]++;
  if (d.requiresAssessment) counts.requiresAssessment++;
  if (d.flags.some((f) => f.code === 'LONG_TERM_ASSISTANCE')) counts.longTermCases++;
  if (d.childImpact && (d.outcome === 'partial' || d.outcome === 'deny')) {
    counts.childrenInHouseholdsWithRefusal += d.childImpact.children.length;
    counts.householdsWithRefusalAndChildren++;
  }
  counts.byApplicantGender[applicantGender(raw)]++;
}
