/**
 * A monthly proposal: this month's decision, compared with last month's recorded decision of the
 * case, routed, with its handling time; in automatic mode a ready approval becomes a decision of the
 * municipality's automated decision function. Pure: the previous decision, the arrival day and the
 * rules are inputs, so replay can recompute a recorded proposal byte for byte.
 */
import type { Decision } from '../explain/contract.ts';
import { renderMessage } from '../explain/messages.ts';
import type { MessageArgs, MessageKey } from '../trace/messages.ts';
import { addMonths, formatPeriod, parsePeriod } from '../period/index.ts';
import type { RuleSet } from '../rulebook/types.ts';
import type { TraceParam } from '../trace/index.ts';
import type { TraceStep } from '../explain/trace.ts';
import { checkPayments } from './checks.ts';
import { compareMonths } from './compare.ts';
import { route } from './route.ts';
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

export interface ProposeInput {
  readonly decision: Decision;
  /** This month's members as applied for (id, role). */
  readonly members: readonly MemberLike[];
  readonly previous: PreviousDecision | null;
  readonly receivedOn: string | null;
  readonly mode: Mode;
  /** The rule set the decision was computed with (delegation reference, legal references). */
  /** The month's rules; null for a month whose rules are pending (then never an automated decision). */
  readonly rules: RuleSet | null;
  /**
   * The applicant's letter of an automated decision (a view, written where the household is known:
   * contractDecision with `automated`). Required when the mode is automatic.
   */
  readonly letterFor?: (automated: AutomatedDecision) => string;
}

export function previousPeriodOf(period: string): string {
  return formatPeriod(addMonths(parsePeriod(period)!, -1));
}

function step(s: { step: string; rule: string; legalRef?: string; params?: readonly TraceParam[]; inputs: Record<string, TraceStep['result']>; result: TraceStep['result']; key: MessageKey; args: MessageArgs }): TraceStep {
  return {
    step: s.step,
    rule: s.rule,
    ...(s.legalRef !== undefined ? { legalRef: s.legalRef } : {}),
    params: s.params ?? [],
    inputs: s.inputs,
    result: s.result,
    message: { key: s.key, args: s.args },
    text: renderMessage('sv', s.key, s.args),
  };
}

/** A comparison as a trace step with both values. */
export function comparisonStep(c: Comparison, previousPeriod: string): TraceStep {
  const inputs: Record<string, TraceStep['result']> = { subject: c.subject, previous: c.previous, current: c.current };
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

export function proposeMonthly(input: ProposeInput): MonthlyProposal {
  const { decision, previous, rules, mode } = input;
  const previousPeriod = previousPeriodOf(decision.period);
  // The day check reads which rows ask for it from the month's rules (none for a pending month).
  const dayCheckRows = new Set((rules?.agencyIncomeMap?.rows ?? []).filter((r) => r.dayCheck).map((r) => r.id));
  const comparisons = [
    ...compareMonths(previous && { members: previous.members, decision: previous.decision }, { members: input.members, decision }, { caseId: decision.caseId, previousPeriod }),
    ...checkPayments(decision, { period: decision.period, dayCheckRows }),
  ];
  const steps: TraceStep[] = [];
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
  const delegation = rules?.municipal.automatedDecisionDelegation;
  const automatedRef = rules?.legal.refs['automatedDecision'];
  // An automated decision needs the nämnd's delegation and the law that allows it; without them a
  // ready approval goes to a person like everything else.
  if (mode === 'automatic' && to === 'ready' && (delegation === undefined || automatedRef === undefined)) {
    to = 'caseworker';
    reasons = ['NO_AUTOMATED_DECISION_DELEGATION'];
  }
  const automated = mode === 'automatic' && to === 'ready';
  steps.push(
    to === 'ready'
      ? step({ step: 'monthly.routing', rule: 'monthly/route', inputs: { outcome: decision.outcome, mode }, result: 'ready', key: 'monthly.route.ready', args: { mode } })
      : step({ step: 'monthly.routing', rule: 'monthly/route', inputs: { outcome: decision.outcome, mode, reasons: [...reasons] }, result: 'caseworker', key: 'monthly.route.caseworker', args: { reasons: reasons.join(', ') } }),
  );
  let decisionText = decision.decisionText;
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
    // The letter is written anew as a decision of the automated function (explain/letter/build.ts):
    // its heading, the delegation, what was compared, a person's review and the appeal.
    if (input.letterFor === undefined) throw new Error('[engine] an automated decision needs its letter (ProposeInput.letterFor)');
    decisionText = input.letterFor({
      delegation: delegation!.value,
      automatedRef: ref,
      reviewRef: rules?.legal.refs['personalReview']?.ref ?? null,
      previous: previous ? { decisionId: previous.decisionId, period: previous.period } : null,
    });
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
  return { ...decision, decisionText, trace: [...decision.trace, ...steps], routing };
}
