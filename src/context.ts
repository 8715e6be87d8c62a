/**
 * What every step of one calculation can see: the household, the resolved rules, the period facts,
 * the trace being written, and the lists of open questions. Built once per calculation.
 */
import type { Household, InputIssue } from './household/types.ts';
import type { NeedsInformation } from './output/types.ts';
import type { NeedsCode } from './output/codes.ts';
import { daysInMonth, firstDayOf, lastDayOf, type IsoDate } from './period/index.ts';
import type { LegalRef, RuleSet } from './rulebook/types.ts';
import { Trace } from './trace/index.ts';
import type { MessageArgs, MessageKey } from './trace/messages.ts';

export type { NeedsInformation };

export interface Context {
  readonly household: Household;
  readonly rules: RuleSet;
  readonly daysInMonth: number;
  /** The date ages are read on (first or last day of the month, a municipal setting). */
  readonly ageDate: IsoDate;
  readonly trace: Trace;
  readonly needsInformation: NeedsInformation[];
  readonly warnings: InputIssue[];
  /**
   * False for bulk runs that keep only figures and codes (batch --detail compact): no trace steps
   * are recorded and the child section's notes and prompts are left out. The amounts and codes are the same.
   */
  readonly explain: boolean;
}

export function createContext(household: Household, rules: RuleSet, warnings: readonly InputIssue[], explain = true): Context {
  const ageDate = rules.municipal.ageReference.value === 'last-day-of-month' ? lastDayOf(household.period) : firstDayOf(household.period);
  return {
    household,
    rules,
    daysInMonth: daysInMonth(household.period),
    ageDate,
    trace: new Trace(explain),
    needsInformation: [],
    warnings: [...warnings],
    explain,
  };
}

/** Records a missing fact with its message (the views render its text). */
export function needInformation(
  ctx: Context,
  entry: { code: NeedsCode; field: string; blocking: boolean; legalRef?: string; key: MessageKey; args?: MessageArgs },
): void {
  const args = entry.args ?? {};
  ctx.needsInformation.push({
    code: entry.code,
    field: entry.field,
    blocking: entry.blocking,
    ...(entry.legalRef !== undefined ? { legalRef: entry.legalRef } : {}),
    message: { key: entry.key, args },
  });
}

/** The legal reference for a topic in the law in force for the period. */
export function legal(ctx: Context, topic: string): LegalRef {
  const ref = ctx.rules.legal.refs[topic];
  if (!ref) throw new Error(`[engine] no legal reference for topic ${topic}`); // checked when rules/ is loaded
  return ref;
}
