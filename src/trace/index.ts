/**
 * The reasoning trace: one step per computed amount or decision point, as plain data.
 *
 * A step names the rule that produced it, the parameters it read from rules/ (with their status and
 * source), its inputs and its result. Its human sentence is kept as a message key plus arguments;
 * `text` is the Swedish rendering (the contract's field), and explain/render.ts can render the same
 * message in English. Amounts in inputs and results are contract kronor strings.
 */
import type { Param, Status } from '../rulebook/types.ts';
import { renderMessage } from '../explain/messages.ts';
import type { MessageArgs, MessageKey } from './messages.ts';

export interface TraceParam {
  readonly id: string;
  readonly value: string | number;
  readonly status: Status;
  readonly source: string;
}

export type TraceValue = string | number | boolean | null | readonly (string | number | boolean | null)[];

export interface TraceStep {
  readonly step: string;
  readonly rule: string;
  readonly legalRef?: string;
  readonly params: readonly TraceParam[];
  readonly inputs: Readonly<Record<string, TraceValue>>;
  readonly result: TraceValue;
  readonly message: { readonly key: MessageKey; readonly args: MessageArgs };
  readonly text: string;
}

/** A step as recorded during the calculation; its Swedish text is rendered only when the trace is output. */
export type RecordedStep = Omit<TraceStep, 'text' | 'legalRef'> & { readonly legalRef: string | undefined };

export function traceParam(p: Param<string | number | { numerator: number; denominator: number }>): TraceParam {
  const value = typeof p.value === 'object' ? `${p.value.numerator}/${p.value.denominator}` : p.value;
  return { id: p.id, value, status: p.status, source: p.source.title };
}

const NO_PARAMS: readonly TraceParam[] = [];
const NO_INPUTS: Readonly<Record<string, TraceValue>> = {};

export class Trace {
  readonly #steps: RecordedStep[] = [];
  readonly #enabled: boolean;

  /** A disabled trace records nothing and renders no texts (bulk runs that keep only figures). */
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
   * Records the step behind one line of the decision (a cost, income or asset item) and returns the
   * line's message and its Swedish rendering, so the item and its trace step always say the same.
   */
  explain(step: Parameters<Trace['add']>[0] & { args: MessageArgs }): { message: { key: MessageKey; args: MessageArgs }; reason: string } {
    this.add(step);
    return { message: { key: step.key, args: step.args }, reason: this.#enabled ? renderMessage('sv', step.key, step.args) : '' };
  }

  /** The steps with their Swedish text, in the order they were recorded. */
  render(): TraceStep[] {
    return this.#steps.map((s) => {
      const step: TraceStep = {
        step: s.step,
        rule: s.rule,
        ...(s.legalRef !== undefined ? { legalRef: s.legalRef } : {}),
        params: s.params,
        inputs: s.inputs,
        result: s.result,
        message: s.message,
        text: renderMessage('sv', s.message.key, s.message.args),
      };
      return step;
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

  /** The steps as recorded, without their rendered text (for the compact trace, src/trace/compact.ts). */
  recorded(): readonly RecordedStep[] {
    return this.#steps;
  }
}
