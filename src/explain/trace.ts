/**
 * The trace with its texts: each recorded step (src/trace/) with its message rendered, Swedish by
 * default (the `text` of `calculate --json`), or English. A view over the steps; it computes nothing.
 */
import type { RecordedStep, StepData } from '../trace/index.ts';
import { renderMessage, type Language } from './messages.ts';

/** A step with its text, as `calculate --json` prints it (legalRef left out when the step has none). */
export type TraceStep = StepData & { readonly text: string };

/** The steps with their text in `lang`, in order. */
export function renderTrace(steps: readonly (RecordedStep | StepData)[], lang: Language = 'sv'): TraceStep[] {
  return steps.map((s) => ({
    step: s.step,
    rule: s.rule,
    ...(s.legalRef !== undefined ? { legalRef: s.legalRef } : {}),
    params: s.params,
    inputs: s.inputs,
    result: s.result,
    message: s.message,
    text: renderMessage(lang, s.message.key, s.message.args),
  }));
}
