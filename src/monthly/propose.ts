/**
 * A monthly proposal: this month's decision, compared with last month's recorded decision of the
 * case, routed, with its handling time; in automatic mode a ready approval becomes a decision of the
 * municipality's automated decision function. Pure: the previous decision, the arrival day and the
 * rules are inputs, so replay can recompute a recorded proposal byte for byte.
 *
 * The proposal is data like the decision (proposeMonthlyData: the decision, its trace followed by
 * the monthly steps, and the routing), which the monthly run records; renderProposal is its view
 * (the decision's texts, and for an automated decision its own decision text). proposeMonthly does
 * both at once for a decision already rendered.
 */
import { contractDecision, type Decision, type ViewBasis } from '../explain/contract.ts';
import { renderTrace } from '../explain/trace.ts';
import type { DecisionData } from '../decision/types.ts';
import type { MessageArgs, MessageKey } from '../trace/messages.ts';
import { addMonths, formatPeriod, parsePeriod } from '../period/index.ts';
import type { RuleSet } from '../rulebook/types.ts';
import type { RecordedStep, TraceParam, TraceValue } from '../trace/index.ts';
import { checkPayments } from './checks.ts';
import { compareMonths } from './compare.ts';
import { route, type RoutingCode } from './route.ts';
import type { Comparison, DecisionLike, MemberLike } from './types.ts';
import { dueOn, HANDLING_WORKING_DAYS, skippedDays } from './workdays.ts';
import type { AutomatedDecision } from '../explain/letter/build.ts';

export type Mode = 'recommend' | 'automatic';

export interface Routing {
  readonly to: 'ready' | 'caseworker';
  readonly reasons: readonly string[];
  readonly previousDecisionId: string | null;
  readonly dueOn: string | null;
  readonly receivedOn: string | null;
  readonly mode: Mode;
  /** True when this proposal was recorded as a decision of the automated decision function. */
  readonly automated: boolean;
  /** The nämnd's delegation reference the automated decision was made under (automated only). */
  readonly delegation: string | null;
}

export interface PreviousDecision {
  readonly decisionId: string;
  readonly period: string;
  readonly members: readonly MemberLike[];
  readonly decision: DecisionLike;
}

export type MonthlyProposal = Decision & { readonly routing: Routing };

/** The proposal as data: the decision, its trace with the monthly steps after it, and the routing (what the monthly run records). */
export type ProposalData = DecisionData & { readonly routing: Routing };

/** What the comparison and the routing read of this month's decision, data or rendered alike. */
type ThisMonth = DecisionLike & Pick<DecisionData, 'caseId' | 'period' | 'outcome'> & { readonly income: DecisionLike['income'] & Pick<DecisionData['income'], 'registered'> };

export interface ProposeInput<D extends ThisMonth = Decision> {
  readonly decision: D;
  /** This month's members as applied for (id, role). */
  readonly members: readonly MemberLike[];
  readonly previous: PreviousDecision | null;
  readonly receivedOn: string | null;
  readonly mode: Mode;
  /** The rule set the decision was computed with (delegation reference, legal references). */
  /** The month's rules; null for a month whose rules are pending (then never an automated decision). */
  readonly rules: RuleSet | null;
}

export function previousPeriodOf(period: string): string {
  return formatPeriod(addMonths(parsePeriod(period)!, -1));
}

function step(s: { step: string; rule: string; legalRef?: string; params?: readonly TraceParam[]; inputs: Record<string, TraceValue>; result: TraceValue; key: MessageKey; args: MessageArgs }): RecordedStep {
  return { step: s.step, rule: s.rule, legalRef: s.legalRef, params: s.params ?? [], inputs: s.inputs, result: s.result, message: { key: s.key, args: s.args } };
}

/** A comparison as a trace step with both values. */
export function comparisonStep(c: Comparison, previousPeriod: string): RecordedStep {
  const inputs: Record<string, TraceValue> = { subject: c.subject, previous: c.previous, current: c.current };
  if (c.threshold !== undefined) inputs['threshold'] = c.threshold;
  if (c.changePercent !== undefined) inputs['changePercent'] = c.changePercent;
  if (c.period !== undefined) inputs['period'] = c.period;
  if (c.from !== undefined) inputs['from'] = c.from;
  if (c.to !== undefined) inputs['to'] = c.to;
  const args: MessageArgs = {
    code: c.code ?? '',
    subject: c.subject,
    previous: c.previous ?? '',
    current: c.current ?? '',
    period: previousPeriod,
    threshold: c.threshold ?? '',
    change: c.changePercent === undefined || c.changePercent === null ? '' : c.changePercent,
    label: c.label ?? c.subject,
    member: c.subject.split('/')[0] ?? '',
    from: c.from ?? '',
    to: c.to ?? '',
  };
  return step({ step: c.step, rule: `monthly/compare#${c.step.slice('monthly.'.length)}`, inputs, result: c.code ?? 'UNCHANGED', key: c.step as MessageKey, args });
}

/** The monthly steps and the routing of a proposal. */
function monthlyPart(input: ProposeInput<ThisMonth>): { readonly steps: RecordedStep[]; readonly routing: Routing } {
  const { decision, previous, rules, mode } = input;
  const previousPeriod = previousPeriodOf(decision.period);
  // The day check reads which rows ask for it from the month's rules (none for a pending month).
  const dayCheckRows = new Set((rules?.agencyIncomeMap?.rows ?? []).filter((r) => r.dayCheck).map((r) => r.id));
  const comparisons = [
    ...compareMonths(previous && { members: previous.members, decision: previous.decision }, { members: input.members, decision }, { caseId: decision.caseId, previousPeriod }),
    ...checkPayments(decision, { period: decision.period, dayCheckRows }),
  ];
  const steps: RecordedStep[] = [];
  if (previous) {
    steps.push(step({ step: 'monthly.previousFound', rule: 'monthly/previous', inputs: { caseId: decision.caseId, period: previous.period }, result: previous.decisionId, key: 'monthly.previousFound', args: { decisionId: previous.decisionId, period: previous.period } }));
  }
  for (const c of comparisons) steps.push(comparisonStep(c, previousPeriod));

  const due = input.receivedOn === null ? null : dueOn(input.receivedOn);
  steps.push(
    due === null
      ? step({ step: 'monthly.dueOn', rule: 'monthly/due-on', inputs: { receivedOn: null }, result: null, key: 'monthly.dueOnUnknown', args: {} })
      : step({
          step: 'monthly.dueOn',
          rule: 'monthly/due-on',
          inputs: { receivedOn: input.receivedOn, workingDays: HANDLING_WORKING_DAYS },
          result: due,
          key: 'monthly.dueOn',
          args: { receivedOn: input.receivedOn!, dueOn: due, days: HANDLING_WORKING_DAYS, skipped: skippedDays(input.receivedOn!, due).join(', ') },
        }),
  );

  const routed = route(decision, comparisons);
  let reasons = routed.reasons;
  let to = routed.to;
  // A person with skyddade personuppgifter is never handled by self-service or an automated decision
  // (as Sundsvall keeps them out of its e-service): the case always goes to a caseworker.
  if (input.members.some((m) => m.protectedIdentity === true)) {
    to = 'caseworker';
    reasons = [...reasons, 'PROTECTED_IDENTITY' satisfies RoutingCode];
  }
  const delegation = rules?.municipal.automatedDecisionDelegation;
  const automatedRef = rules?.legal.refs['automatedDecision'];
  // An automated decision needs the nämnd's delegation and the law that allows it; without them a
  // ready approval goes to a person like everything else.
  if (mode === 'automatic' && to === 'ready' && (delegation === undefined || automatedRef === undefined)) {
    to = 'caseworker';
    reasons = ['NO_AUTOMATED_DECISION_DELEGATION' satisfies RoutingCode];
  }
  const automated = mode === 'automatic' && to === 'ready';
  steps.push(
    to === 'ready'
      ? step({ step: 'monthly.routing', rule: 'monthly/route', inputs: { outcome: decision.outcome, mode }, result: 'ready', key: 'monthly.route.ready', args: { mode } })
      : step({ step: 'monthly.routing', rule: 'monthly/route', inputs: { outcome: decision.outcome, mode, reasons: [...reasons] }, result: 'caseworker', key: 'monthly.route.caseworker', args: { reasons: reasons.join(', ') } }),
  );
  if (automated) {
    const ref = automatedRef!.ref;
    steps.push(
      step({
        step: 'monthly.automatedDecision',
        rule: 'monthly/automated-decision',
        legalRef: ref,
        params: [{ id: delegation!.id, value: delegation!.value, status: delegation!.status, source: delegation!.source.title }],
        inputs: { outcome: decision.outcome, previousDecisionId: previous?.decisionId ?? null },
        result: 'automated',
        key: 'monthly.automated',
        args: { ref, delegation: delegation!.value },
      }),
    );
  }
  const routing: Routing = {
    to,
    reasons,
    previousDecisionId: previous?.decisionId ?? null,
    dueOn: due,
    receivedOn: input.receivedOn,
    mode,
    automated,
    delegation: automated ? delegation!.value : null,
  };
  return { steps, routing };
}

/** The proposal as data, from the decision as data (what the monthly run records). */
export function proposeMonthlyData(input: ProposeInput<DecisionData>): ProposalData {
  const { steps, routing } = monthlyPart(input);
  return { ...input.decision, trace: [...input.decision.trace, ...steps], routing };
}

/**
 * What the letter of an automated decision says of it (explain/letter/build.ts): the delegation, the
 * law, the decision compared with, the paragraph on a person's review; from the proposal's trace steps
 * and the rules. Null for a proposal that is not an automated decision.
 */
function automatedOf(routing: Routing, trace: readonly { readonly step: string; readonly legalRef?: string | undefined; readonly inputs: Readonly<Record<string, TraceValue>>; readonly result: TraceValue }[], rules: RuleSet | null): AutomatedDecision | null {
  if (!routing.automated) return null;
  const automated = trace.find((s) => s.step === 'monthly.automatedDecision');
  const previous = trace.find((s) => s.step === 'monthly.previousFound');
  return {
    delegation: routing.delegation!,
    automatedRef: automated!.legalRef!,
    reviewRef: rules?.legal.refs['personalReview']?.ref ?? null,
    previous: previous ? { decisionId: String(previous.result), period: String(previous.inputs['period']) } : null,
  };
}

/**
 * The view of a proposal: the decision with its two documents (explain/contract.ts; an automated
 * decision's letter says it is one) and its routing. The basis holds the household the letter names.
 */
export function renderProposal(p: ProposalData, basis: ViewBasis): MonthlyProposal {
  const automated = automatedOf(p.routing, p.trace, basis.ruleSet?.rules ?? null);
  const d = contractDecision(p, basis, automated === null ? {} : { automated });
  return { ...d, routing: p.routing };
}

/**
 * The proposal for a decision already rendered, rendered: its monthly steps with their texts. An
 * automated decision's letter is written anew by `letterFor` (the caller knows the household).
 */
export function proposeMonthly(input: ProposeInput & { readonly letterFor?: (automated: AutomatedDecision) => string }): MonthlyProposal {
  const { decision } = input;
  const { steps, routing } = monthlyPart(input);
  const automated = automatedOf(routing, steps, input.rules);
  if (automated !== null && input.letterFor === undefined) throw new Error('[engine] an automated decision needs its letter (letterFor)');
  const decisionText = automated === null ? decision.decisionText : input.letterFor!(automated);
  return { ...decision, decisionText, trace: [...decision.trace, ...renderTrace(steps)], routing };
}
