/**
 * The reasoning trace: one step per computed amount or decision point, as plain data.
 *
 * A step names the rule that produced it, the parameters it read from rules/ (with their status and
 * source), its inputs and its result. Its human sentence is kept as a message key plus arguments
 * (src/trace/messages.ts); the views render it (src/explain/trace.ts adds the Swedish `text` that
 * `calculate --json` prints, and can render English). Amounts in inputs and results are contract
 * kronor strings.
 */
import type { Param, Status } from '../rulebook/types.ts';
import type { Message, MessageArgs, MessageKey } from './messages.ts';

export interface TraceParam {
  readonly id: string;
  readonly value: string | number;
  readonly status: Status;
  readonly source: string;
}

export type TraceValue = string | number | boolean | null | readonly (string | number | boolean | null)[];

/** A step as data: everything but its rendered text (legalRef is left out, or undefined, when the step has none). */
export interface StepData {
  readonly step: string;
  readonly rule: string;
  readonly legalRef?: string | undefined;
  readonly params: readonly TraceParam[];
  readonly inputs: Readonly<Record<string, TraceValue>>;
  readonly result: TraceValue;
  readonly message: Message;
}

/** A step as recorded during the calculation (legalRef always present, undefined when it has none). */
export type RecordedStep = Omit<StepData, 'legalRef'> & { readonly legalRef: string | undefined };

export function traceParam(p: Param<string | number | { numerator: number; denominator: number }>): TraceParam {
  const value = typeof p.value === 'object' ? `${p.value.numerator}/${p.value.denominator}` : p.value;
  return { id: p.id, value, status: p.status, source: p.source.title };
}

const NO_PARAMS: readonly TraceParam[] = [];
const NO_INPUTS: Readonly<Record<string, TraceValue>> = {};

export class Trace {
  readonly #steps: RecordedStep[] = [];
  readonly #enabled: boolean;

  /** A disabled trace records nothing (bulk runs that keep only figures). */
  constructor(enabled = true) {
    this.#enabled = enabled;
  }

  add(step: {
    step: string;
    rule: string;
    legalRef?: string | undefined;
    params?: readonly TraceParam[];
    inputs?: Readonly<Record<string, TraceValue>>;
    result: TraceValue;
    key: MessageKey;
    args?: MessageArgs;
  }): void {
    if (!this.#enabled) return;
    this.#steps.push({
      step: step.step,
      rule: step.rule,
      legalRef: step.legalRef,
      params: step.params ?? NO_PARAMS,
      inputs: step.inputs ?? NO_INPUTS,
      result: step.result,
      message: { key: step.key, args: step.args ?? {} },
    });
  }

  /**
   * False for bulk runs that keep no trace: callers skip building a step (its inputs, formatted
   * amounts and parameters) that add() would throw away.
   */
  get enabled(): boolean {
    return this.#enabled;
  }

  get length(): number {
    return this.#steps.length;
  }

  /** The steps as recorded, in order (the views render their texts, src/explain/trace.ts). */
  recorded(): readonly RecordedStep[] {
    return this.#steps;
  }
}
