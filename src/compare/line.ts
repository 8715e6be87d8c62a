/**
 * One household, two rule sets: both outcomes and payables, the difference, the first trace step
 * where the two calculations diverge, and the household's contribution to the summary.
 *
 * Output line (docs/compare.md), keys in this order:
 *   {"line":n,"caseId":…,"overlays":{"base":hash|null,"reform":hash|null},"householdType":…,"children":n,
 *    "applicantGender":…,"base":{…},"reform":{…},"difference":"kr"|null,"outcomeChanged":bool,"firstDivergence":{…}|null}
 * A side that cannot be evaluated has {"errors":[…]} instead of its figures; a line that is not a
 * household at all is {"line":n,"caseId":…,"overlays":{…},"errors":[…]}.
 */
import { readLine } from '../batch/line.ts';
import { canonicalJson } from '../canonical.ts';
import type { Household, InputIssue } from '../household/types.ts';
import type { InputProblem } from '../household/problems.ts';
import { renderProblems } from '../explain/problems.ts';
import { formatKronor, ore, parseKronor } from '../money/index.ts';
import type { RecordedStep } from '../trace/index.ts';
import type { Scenario, SideResult } from './scenario.ts';
import { tallyHousehold, type CompareTally, type Gender, type HouseholdType } from './summary.ts';

/** The first step (by position) whose rule, parameters, inputs or result differ; null when none does. */
export function firstDivergence(base: readonly RecordedStep[], reform: readonly RecordedStep[]): Divergence | null {
  const n = Math.max(base.length, reform.length);
  for (let i = 0; i < n; i++) {
    const a = base[i];
    const b = reform[i];
    const ka = a && stepKey(a);
    const kb = b && stepKey(b);
    if (ka !== kb) return { index: i, step: (a ?? b)!.step, base: a ? stepView(a) : null, reform: b ? stepView(b) : null };
  }
  return null;
}

export interface Divergence {
  readonly index: number;
  readonly step: string;
  readonly base: StepView | null;
  readonly reform: StepView | null;
}

interface StepView {
  readonly step: string;
  readonly rule: string;
  readonly params: readonly { readonly id: string; readonly value: string | number }[];
  readonly inputs: RecordedStep['inputs'];
  readonly result: RecordedStep['result'];
}

/** Canonical (keys sorted), so a recorded step read back from the store compares equal to a fresh one. */
function stepKey(s: RecordedStep): string {
  return canonicalJson([s.step, s.rule, s.params.map((p) => [p.id, p.value, p.status]), s.inputs, s.result]);
}

function stepView(s: RecordedStep): StepView {
  return { step: s.step, rule: s.rule, params: s.params.map((p) => ({ id: p.id, value: p.value })), inputs: s.inputs, result: s.result };
}

export function householdType(h: Household): HouseholdType {
  if (h.members.some((m) => m.role === 'other-adult')) return 'with-other-adults';
  const couple = h.members.some((m) => m.role === 'partner');
  const children = h.members.some((m) => m.role === 'child');
  return couple ? (children ? 'couple-with-children' : 'couple-no-children') : children ? 'single-with-children' : 'single-no-children';
}

export function applicantGenderOf(h: Household): Gender {
  return h.members.find((m) => m.role === 'applicant')?.gender ?? 'unknown';
}

/** A side's figures on the output line: the proposal's amounts and codes, and what the overlay changed in the input. */
function sideFigures(side: SideResult & { ok: true }): Record<string, unknown> {
  const d = side.decision;
  return {
    period: d.period,
    outcome: d.outcome,
    payable: d.payable,
    need: d.need,
    norm: d.norm.total,
    costsAccepted: d.costs.accepted,
    incomeCounted: d.income.counted,
    reasons: d.reasons.map((r) => r.code),
    ruleSetVersion: d.ruleSetVersion,
    ...(side.inputChanges.length > 0 ? { inputChanges: side.inputChanges } : {}),
  };
}

export interface Sides {
  readonly base: Scenario;
  readonly reform: Scenario;
}

function head(n: number, caseId: string | null, sides: Sides): string {
  return `{"line":${n},"caseId":${JSON.stringify(caseId)},"overlays":{"base":${JSON.stringify(sides.base.overlay?.hash ?? null)},"reform":${JSON.stringify(sides.reform.overlay?.hash ?? null)}}`;
}

function inputError(n: number, sides: Sides, errors: readonly InputIssue[]): string {
  return `${head(n, null, sides)},"errors":${JSON.stringify(errors)}}`;
}

/** Compares one line (without its newline; a trailing \r is ignored); `n` is its 1-based line number. */
export function compareLine(text: string, n: number, sides: Sides, tally: CompareTally): { out: string; error: boolean } {
  tally.lines++;
  const read = readLine(text);
  if ('issue' in read) {
    tally.errors.input++;
    return { out: inputError(n, sides, renderProblems([read.issue])), error: true };
  }
  return compareHousehold(read.raw, head, n, sides, tally);
}

/** A line that is not valid UTF-8: its error record, counted as an input error. */
export function unreadableCompareLine(n: number, sides: Sides, tally: CompareTally, issue: InputProblem): string {
  tally.lines++;
  tally.errors.input++;
  return inputError(n, sides, renderProblems([issue]));
}

/**
 * Evaluates both sides of a parsed household and writes the line; `start` writes the line's first
 * fields (the line number here, the record's id for a store comparison).
 */
export function compareHousehold(
  raw: unknown,
  start: (n: number, caseId: string | null, sides: Sides) => string,
  n: number,
  sides: Sides,
  tally: CompareTally,
  /** The base side already known (a recorded decision), instead of evaluating it. */
  known?: SideResult,
): { out: string; error: boolean } {
  const base: SideResult = known ?? sides.base.evaluate(raw);
  const reform = sides.reform.evaluate(raw);
  const caseId = base.ok ? base.decision.caseId : reform.ok ? reform.decision.caseId : base.caseId;
  if (!base.ok && !reform.ok) {
    tally.errors.both++;
    const same = JSON.stringify(base.issues) === JSON.stringify(reform.issues);
    const body = same ? `"errors":${JSON.stringify(base.issues)}` : `"base":{"errors":${JSON.stringify(base.issues)}},"reform":{"errors":${JSON.stringify(reform.issues)}}`;
    return { out: `${start(n, caseId, sides)},${body}}`, error: true };
  }
  const household = base.ok ? base.household : (reform as SideResult & { ok: true }).household;
  const type = householdType(household);
  const gender = applicantGenderOf(household);
  const some = base.ok ? base.decision : (reform as SideResult & { ok: true }).decision;
  const children = some.childImpact?.children.length ?? 0;
  const side = (s: SideResult) => (s.ok ? sideFigures(s) : { errors: s.issues });
  const fields: Record<string, unknown> = { householdType: type, children, applicantGender: gender, base: side(base), reform: side(reform) };
  if (!base.ok || !reform.ok) {
    if (!base.ok) tally.errors.base++;
    else tally.errors.reform++;
    const json = JSON.stringify({ ...fields, difference: null, outcomeChanged: null, firstDivergence: null });
    return { out: `${start(n, caseId, sides)},${json.slice(1)}`, error: true };
  }
  const b = base.decision;
  const r = reform.decision;
  const baseOre = b.payable === null ? null : parseKronor(b.payable);
  const reformOre = r.payable === null ? null : parseKronor(r.payable);
  const diverged = firstDivergence(base.steps, reform.steps);
  // Cost is counted in the base month (with two different months, under "base→reform").
  const month = b.period === r.period ? b.period : `${b.period}→${r.period}`;
  tallyHousehold(tally, { month, type, gender, children, baseOutcome: b.outcome, reformOutcome: r.outcome, baseOre, reformOre, divergedAt: diverged?.step ?? null });
  const difference = baseOre === null || reformOre === null ? null : formatKronor(ore(reformOre - baseOre));
  const json = JSON.stringify({ ...fields, difference, outcomeChanged: b.outcome !== r.outcome, firstDivergence: diverged });
  return { out: `${start(n, caseId, sides)},${json.slice(1)}`, error: false };
}

