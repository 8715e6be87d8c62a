/**
 * Routing of a monthly proposal: `ready` only for an approval with nothing to assess, nothing
 * missing and no change beyond the thresholds; everything else to a caseworker with its reasons.
 * A refusal (deny or partial) is never ready. Routing reads the decision; it never changes it.
 */
import type { Comparison, DecisionLike } from './types.ts';

/**
 * The routing's own reason codes (routing.reasons[] holds these, the stopping flags' codes of
 * src/output/codes.ts and the change codes of CHANGE_CODES; each has a Swedish label in labels.js).
 */
export const ROUTING_CODES = ['OUTCOME_PARTIAL', 'OUTCOME_DENY', 'NEEDS_INFORMATION', 'REQUIRES_ASSESSMENT', 'PROTECTED_IDENTITY', 'NO_AUTOMATED_DECISION_DELEGATION'] as const;
export type RoutingCode = (typeof ROUTING_CODES)[number];

/** Flag severities that ask a person to look before deciding. */
export const STOPPING_SEVERITIES: readonly string[] = ['block', 'assessment'];

/** Why the outcome itself needs a person. */
export function outcomeReasons(decision: DecisionLike): string[] {
  switch (decision.outcome) {
    case 'approve':
      return [];
    case 'partial':
      return ['OUTCOME_PARTIAL'];
    case 'deny':
      return ['OUTCOME_DENY'];
    case 'needs-information':
      return ['NEEDS_INFORMATION'];
    default:
      return [`OUTCOME_${decision.outcome.toUpperCase()}`];
  }
}

/** Missing facts (blocking or not) and flags of severity block/assessment, by their codes. */
export function assessmentReasons(decision: DecisionLike): string[] {
  const out: string[] = [];
  if (decision.needsInformation.length > 0) out.push('NEEDS_INFORMATION');
  for (const f of decision.flags) if (STOPPING_SEVERITIES.includes(f.severity)) out.push(f.code);
  const flagged = decision.flags.some((f) => STOPPING_SEVERITIES.includes(f.severity));
  if (decision.requiresAssessment && !flagged) out.push('REQUIRES_ASSESSMENT');
  return out;
}

/** The change codes of the comparisons that found a change. */
export function changeReasons(comparisons: readonly Comparison[]): string[] {
  return comparisons.flatMap((c) => (c.code === null ? [] : [c.code]));
}

export interface Route {
  readonly to: 'ready' | 'caseworker';
  /** Distinct reason codes, in the order found (outcome, missing/assessment, changes). */
  readonly reasons: readonly string[];
}

export function route(decision: DecisionLike, comparisons: readonly Comparison[]): Route {
  const reasons = [...new Set([...outcomeReasons(decision), ...assessmentReasons(decision), ...changeReasons(comparisons)])];
  const ready = decision.outcome === 'approve' && reasons.length === 0;
  return { to: ready ? 'ready' : 'caseworker', reasons };
}
