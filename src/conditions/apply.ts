/**
 * Applying a condition set (rules/conditions/) within one calculation: the trace step for every rule
 * checked, with the facts it read. Shared by the eligibility, labour-market and flag steps.
 */
import { legal, type Context } from '../context.ts';
import type { ConditionSet } from '../rulebook/types.ts';
import type { TraceValue } from '../trace/index.ts';
import type { RuleResult } from './index.ts';

/**
 * One trace step per rule of the set: its name, whether it fired and the facts it read. `about` adds
 * inputs first (the member a per-adult rule was checked for).
 */
export function traceConditions(ctx: Context, set: ConditionSet, results: readonly RuleResult[], about: Readonly<Record<string, TraceValue>> = {}): void {
  if (!ctx.trace.enabled) return;
  for (const r of results) {
    const inputs: Record<string, TraceValue> = { ...about };
    for (const c of r.checked) {
      inputs[c.fact] = Array.isArray(c.factValue) ? JSON.stringify(c.factValue) : (c.factValue as string | number | boolean | null);
    }
    ctx.trace.add({
      step: `conditions.${set.phase}`,
      rule: `${set.id}#${r.name}`,
      legalRef: legal(ctx, r.event.params.legalTopic).ref,
      inputs,
      result: r.result,
      key: r.result ? 'conditions.fired' : 'conditions.notFired',
      args: { name: r.name },
    });
  }
}
