/**
 * The reasoning trace in compact form, for bulk output (batch --detail full, docs/batch.md): every
 * step is kept, but what repeats is written once or replaced by a reference to the rule set the
 * decision names in its ruleSetVersion.
 *
 *   { "legal":  [ "reasonableCosts", … ],                   legal references: the topic key in the rule
 *                                                            set's legal frame (or the full text if none)
 *     "shapes": [ [step, messageKey, [input names], [argument names]], … ],
 *     "steps":  [ [shape, rule, legal, params, [input values], result, [argument values]], … ] }
 *
 * - `legal` in a step is an index into "legal", or null when the step has no legal reference;
 * - `params` lists parameter ids when the parameter is exactly the rule set's (value, status and
 *   source are looked up there), else the whole parameter object;
 * - an argument value null stands for the input of the same name, false for the step's legal
 *   reference text (message arguments are strings and numbers; anything else is kept as {"value": v});
 * - the Swedish text of a step is not stored: it is the step's message rendered on demand.
 *
 * expandTrace(compactTrace(trace, rules), rules) gives back exactly the trace `calculate --json`
 * prints (test/batch/compact-trace.test.ts checks this byte for byte).
 */
import { renderMessage, type Language, type MessageArgs, type MessageKey } from '../explain/messages.ts';
import type { RuleSet } from '../rulebook/types.ts';
import { traceParam, type RecordedStep, type TraceParam, type TraceStep, type TraceValue } from './index.ts';

export type CompactShape = readonly [step: string, key: string, inputs: readonly string[], args: readonly string[]];
export type CompactArg = string | number | null | false | { readonly value: unknown };
export type CompactStep = readonly [
  shape: number,
  rule: string,
  legal: number | null,
  params: readonly (string | TraceParam)[],
  inputs: readonly TraceValue[],
  result: TraceValue,
  args: readonly CompactArg[],
];

export interface CompactTrace {
  readonly legal: readonly string[];
  readonly shapes: readonly CompactShape[];
  readonly steps: readonly CompactStep[];
}

/** A compact trace that does not fit its rule set (another rule set, or a damaged line). */
export class CompactTraceError extends Error {}

interface RuleSetIndex {
  /** Parameter id → the parameter as a trace shows it. */
  readonly params: ReadonlyMap<string, TraceParam>;
  /** Legal reference text → its topic key (the first topic with that text). */
  readonly topicOf: ReadonlyMap<string, string>;
}

const indexes = new WeakMap<RuleSet, RuleSetIndex>();

function isParam(v: object): v is Parameters<typeof traceParam>[0] {
  const p = v as { id?: unknown; status?: unknown; source?: { title?: unknown } };
  return typeof p.id === 'string' && typeof p.status === 'string' && 'value' in p && typeof p.source?.title === 'string';
}

function indexOf(rules: RuleSet): RuleSetIndex {
  let index = indexes.get(rules);
  if (index) return index;
  const params = new Map<string, TraceParam>();
  const visit = (v: unknown): void => {
    if (v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x);
      return;
    }
    if (isParam(v) && !params.has(v.id)) params.set(v.id, traceParam(v));
    for (const x of Object.values(v)) visit(x);
  };
  visit(rules);
  const topicOf = new Map<string, string>();
  for (const [topic, ref] of Object.entries(rules.legal.refs)) if (!topicOf.has(ref.ref)) topicOf.set(ref.ref, topic);
  index = { params, topicOf };
  indexes.set(rules, index);
  return index;
}

const sameParam = (a: TraceParam, b: TraceParam | undefined): boolean =>
  b !== undefined && a.id === b.id && a.value === b.value && a.status === b.status && a.source === b.source;

/** The trace of one decision in compact form, against the rule set the decision was made with. */
export function compactTrace(trace: readonly (TraceStep | RecordedStep)[], rules: RuleSet): CompactTrace {
  const { params, topicOf } = indexOf(rules);
  const legal: string[] = [];
  const legalIndex = new Map<string, number>();
  const shapes: CompactShape[] = [];
  const shapeIndex = new Map<string, number>();
  const steps: CompactStep[] = [];
  for (const s of trace) {
    const inputNames = Object.keys(s.inputs);
    const argNames = Object.keys(s.message.args);
    const shapeKey = `${s.step}\u0000${s.message.key}\u0000${inputNames.join('\u0001')}\u0000${argNames.join('\u0001')}`;
    let shape = shapeIndex.get(shapeKey);
    if (shape === undefined) {
      shape = shapes.length;
      shapes.push([s.step, s.message.key, inputNames, argNames]);
      shapeIndex.set(shapeKey, shape);
    }
    let l: number | null = null;
    if (s.legalRef !== undefined) {
      l = legalIndex.get(s.legalRef) ?? null;
      if (l === null) {
        l = legal.length;
        legal.push(topicOf.get(s.legalRef) ?? s.legalRef);
        legalIndex.set(s.legalRef, l);
      }
    }
    const args = argNames.map((name): CompactArg => {
      const value = s.message.args[name]!;
      if (Object.hasOwn(s.inputs, name) && s.inputs[name] === value) return null;
      if (value === s.legalRef) return false;
      return typeof value === 'string' || typeof value === 'number' ? value : { value };
    });
    steps.push([
      shape,
      s.rule,
      l,
      s.params.map((p) => (sameParam(p, params.get(p.id)) ? p.id : p)),
      inputNames.map((n) => s.inputs[n]!),
      s.result,
      args,
    ]);
  }
  return { legal, shapes, steps };
}

/** The full trace back from its compact form, with each step's text in `lang` (Swedish, as in calculate --json, by default). */
export function expandTrace(compact: CompactTrace, rules: RuleSet, lang: Language = 'sv'): TraceStep[] {
  const { params } = indexOf(rules);
  const legal = compact.legal.map((topicOrText) => (Object.hasOwn(rules.legal.refs, topicOrText) ? rules.legal.refs[topicOrText]!.ref : topicOrText));
  return compact.steps.map(([shapeIndex, rule, l, ps, inputValues, result, argValues]) => {
    const shape = compact.shapes[shapeIndex];
    if (!shape) throw new CompactTraceError(`trace step names shape ${shapeIndex}, which is not in the line`);
    const [step, key, inputNames, argNames] = shape;
    const legalRef = l === null ? undefined : legal[l];
    if (l !== null && legalRef === undefined) throw new CompactTraceError(`trace step names legal reference ${l}, which is not in the line`);
    const inputs: Record<string, TraceValue> = {};
    inputNames.forEach((name, i) => (inputs[name] = inputValues[i]!));
    const args: Record<string, string | number> = {};
    argNames.forEach((name, i) => {
      const v = argValues[i]!;
      if (v === null) args[name] = inputs[name] as string | number;
      else if (v === false) args[name] = legalRef!;
      else args[name] = typeof v === 'object' ? (v.value as string | number) : v;
    });
    const stepParams = ps.map((p) => {
      if (typeof p !== 'string') return p;
      const found = params.get(p);
      if (!found) throw new CompactTraceError(`parameter ${p} is not in the rule set; expand the line with the rule set named by its ruleSetVersion`);
      return found;
    });
    const message = { key: key as MessageKey, args: args as MessageArgs };
    return {
      step,
      rule,
      ...(legalRef !== undefined ? { legalRef } : {}),
      params: stepParams,
      inputs,
      result,
      message,
      text: renderMessage(lang, message.key, message.args),
    };
  });
}
