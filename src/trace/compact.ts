/**
 * The reasoning trace in compact form, for bulk output (batch --detail full, docs/batch.md): every
 * step is kept, but what the engine's code or the rule set already says is not written again.
 *
 *   { "catalogue": 86,                                       the shape catalogue the line was written with
 *                                                            (src/trace/shapes.ts; its number of entries)
 *     "legal":  [ "reasonableCosts", … ],                   legal references: the topic key in the rule
 *                                                            set's legal frame (or the full text if none)
 *     "shapes": [ [step, messageKey, [input names], [argument names]], … ],   only shapes the catalogue
 *                                                            does not have; absent when there are none
 *     "steps":  [ [shape, rule, legal, params, [input values], result, [argument values]], … ] }
 *
 * - `shape` is a catalogue id (0, 1, …), or −1, −2, … for the line's own `shapes` (first, second, …);
 * - `rule` is the rule id, or null for the rule the catalogue entry's template gives (src/trace/shapes.ts);
 * - `legal` is an index into "legal", or null when the step has no legal reference;
 * - `params` is true for exactly the rule set's parameter whose id is the step's rule; else it lists
 *   parameter ids when the parameter is exactly the rule set's (value, status and source are looked
 *   up there), [id, value] for a value of the household's own (status "verified", source
 *   "input: <id>", e.g. the rent ceiling), else the whole parameter object;
 * - a message argument is its value (a string or number; anything else as {"value": v}), or:
 *   null = the input of the same name, true = the step's result, false = the step's legal reference
 *   text, [i] = input number i (from 0), ["#"] = the step's rule after its first "#", ["sv"] / ["en"] =
 *   the Swedish / English text the rule set gives the step's rule (the label of a cost, income or
 *   asset type, the title of the norm table, the reason of an agency income row);
 * - the Swedish text of a step is not stored: it is the step's message rendered on demand
 *   (src/explain/trace.ts).
 *
 * A compact trace without "catalogue" is the earlier form, where every shape was in the line and
 * `shape` indexed "shapes"; it is still read. renderTrace(expandTrace(compactTrace(trace, rules), rules))
 * gives back exactly the trace `calculate --json` prints (test/batch/compact-trace.test.ts checks this byte
 * for byte).
 */
import type { RuleSet } from '../rulebook/types.ts';
import { traceParam, type RecordedStep, type StepData, type TraceParam, type TraceValue } from './index.ts';
import { isMessageKey, type MessageArgs, type MessageKey } from './messages.ts';
import { findShape, ruleFromTemplate, SHAPE_CATALOGUE, shapeKey, type Shape } from './shapes.ts';

export type CompactShape = Shape;
/** A message argument: its value, or a reference to where the same value already is (see above). */
export type CompactArg = string | number | null | boolean | readonly [number] | readonly ['#' | 'sv' | 'en'] | { readonly value: unknown };
/** A value the household gave, used as a parameter: [id, value] for {id, value, status "verified", source "input: <id>"}. */
export type InputParam = readonly [id: string, value: string | number];
export type CompactStep = readonly [
  shape: number,
  rule: string | null,
  legal: number | null,
  params: true | readonly (string | InputParam | TraceParam)[],
  inputs: readonly TraceValue[],
  result: TraceValue,
  args: readonly CompactArg[],
];

export interface CompactTrace {
  /** The number of catalogue entries when the line was written (absent in the earlier form). */
  readonly catalogue?: number;
  readonly legal: readonly string[];
  /** The line's own shapes: those the catalogue does not have (every shape, in the earlier form). */
  readonly shapes?: readonly CompactShape[];
  readonly steps: readonly CompactStep[];
}

/**
 * A compact trace that cannot be expanded: `kind` says why. `damaged`: not a compact trace as this
 * engine writes it; `unknown-shape`: a shape id this engine's catalogue does not have (the line was
 * written by a later engine version); `rules`: it names a parameter the rule set does not have (it
 * was written with another rule set).
 */
export class CompactTraceError extends Error {
  constructor(
    message: string,
    readonly kind: 'damaged' | 'unknown-shape' | 'rules' = 'damaged',
  ) {
    super(message);
  }
}

interface RuleSetIndex {
  /** Parameter id → the parameter as a trace shows it. */
  readonly params: ReadonlyMap<string, TraceParam>;
  /** Legal reference text → its topic key (the first topic with that text). */
  readonly topicOf: ReadonlyMap<string, string>;
  /** Rule id → the Swedish and English texts the rule set gives it. */
  readonly texts: ReadonlyMap<string, { readonly sv: string; readonly en: string | null }>;
}

const indexes = new WeakMap<RuleSet, RuleSetIndex>();

function isParam(v: object): v is Parameters<typeof traceParam>[0] {
  const p = v as { id?: unknown; status?: unknown; source?: { title?: unknown } };
  return typeof p.id === 'string' && typeof p.status === 'string' && 'value' in p && typeof p.source?.title === 'string';
}

/**
 * The texts of the rule set under the rule ids the engine's steps use for them: cost, income and
 * asset types (`cost-types#<type>` …: the label), the norm table (its id: the title) and the rows of
 * the agency income map (`<map id>#<row id>`: the reason). Part of the compact format: a change here
 * changes how ["sv"] and ["en"] arguments of lines already written expand.
 */
function ruleTexts(rules: RuleSet): Map<string, { sv: string; en: string | null }> {
  const texts = new Map<string, { sv: string; en: string | null }>();
  const types = [
    ['cost-types', rules.costTypes],
    ['income-types', rules.incomeTypes],
    ['asset-types', rules.assetTypes],
  ] as const;
  for (const [prefix, defs] of types) for (const [type, def] of Object.entries(defs)) texts.set(`${prefix}#${type}`, { sv: def.labelSv, en: def.labelEn });
  texts.set(rules.riksnorm.id, { sv: rules.riksnorm.title, en: null });
  const map = rules.agencyIncomeMap;
  if (map) for (const row of map.rows) if (row.reasonSv !== null) texts.set(`${map.id}#${row.id}`, { sv: row.reasonSv, en: row.reasonEn });
  return texts;
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
  index = { params, topicOf, texts: ruleTexts(rules) };
  indexes.set(rules, index);
  return index;
}

const sameParam = (a: TraceParam, b: TraceParam | undefined): boolean =>
  b !== undefined && a.id === b.id && a.value === b.value && a.status === b.status && a.source === b.source;

/** A parameter that is the household's own value (the rent ceiling it gives): status verified, source "input: <its id>". */
const isInputParam = (p: TraceParam): boolean => p.status === 'verified' && p.source === `input: ${p.id}`;

/** The part of a rule id after its first "#", or undefined when it has none. */
const fragmentOf = (rule: string): string | undefined => {
  const i = rule.indexOf('#');
  return i < 0 ? undefined : rule.slice(i + 1);
};

/** JSON length of a literal argument, near enough to choose the shorter encoding (the choice never changes what expands). */
const literalLength = (v: string | number): number => (typeof v === 'number' ? String(v).length : v.length + 2);

const RULE_FRAGMENT = ['#'] as const;
const TEXT_SV = ['sv'] as const;
const TEXT_EN = ['en'] as const;
const INPUT_REFS: readonly (readonly [number])[] = Array.from({ length: 100 }, (_, i) => [i] as const);

/**
 * One message argument: a reference to where the same value already is, when that is shorter than
 * the value (null and true 4 characters, [i] 3–4, false and ["#"] 5, ["sv"] and ["en"] 6), else the value.
 */
function compactArg(value: string | number, name: string, s: StepData | RecordedStep, inputNames: readonly string[], texts: RuleSetIndex['texts']): CompactArg {
  if (typeof value !== 'string' && typeof value !== 'number') return { value };
  const literal = literalLength(value);
  if (literal <= 3) return value;
  if (literal > 4 && Object.hasOwn(s.inputs, name) && s.inputs[name] === value) return null;
  for (let i = 0; i < inputNames.length && i < INPUT_REFS.length && i + 3 < literal; i++) if (s.inputs[inputNames[i]!] === value) return INPUT_REFS[i]!;
  if (literal > 4 && s.result === value) return true;
  if (literal <= 5) return value;
  if (s.legalRef === value) return false;
  if (fragmentOf(s.rule) === value) return RULE_FRAGMENT;
  if (literal <= 6) return value;
  const text = texts.get(s.rule);
  if (text?.sv === value) return TEXT_SV;
  if (text?.en === value) return TEXT_EN;
  return value;
}

/** The trace of one decision in compact form, against the rule set the decision was made with. */
export function compactTrace(trace: readonly (StepData | RecordedStep)[], rules: RuleSet): CompactTrace {
  const { params, topicOf, texts } = indexOf(rules);
  const legal: string[] = [];
  const legalIndex = new Map<string, number>();
  const own: CompactShape[] = [];
  const ownIndex = new Map<string, number>();
  const steps: CompactStep[] = [];
  for (const s of trace) {
    const inputNames = Object.keys(s.inputs);
    const argNames = Object.keys(s.message.args);
    const entries = findShape(s.step, s.message.key, inputNames, argNames);
    let shape: number;
    let rule: string | null = s.rule;
    if (entries.length > 0) {
      const templated = entries.find((e) => e[5] !== undefined && ruleFromTemplate(e[5], s.inputs) === s.rule);
      shape = (templated ?? entries[0]!)[0];
      if (templated) rule = null;
    } else {
      const key = shapeKey(s.step, s.message.key, inputNames, argNames);
      let i = ownIndex.get(key);
      if (i === undefined) {
        i = own.length;
        own.push([s.step, s.message.key, inputNames, argNames]);
        ownIndex.set(key, i);
      }
      shape = -1 - i;
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
    const ownParam = s.params.length === 1 && s.params[0]!.id === s.rule && sameParam(s.params[0]!, params.get(s.rule));
    steps.push([
      shape,
      rule,
      l,
      ownParam ? true : s.params.map((p) => (sameParam(p, params.get(p.id)) ? p.id : isInputParam(p) ? [p.id, p.value] : p)),
      inputNames.map((n) => s.inputs[n]!),
      s.result,
      argNames.map((name) => compactArg(s.message.args[name]!, name, s, inputNames, texts)),
    ]);
  }
  return own.length > 0 ? { catalogue: SHAPE_CATALOGUE.length, legal, shapes: own, steps } : { catalogue: SHAPE_CATALOGUE.length, legal, steps };
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isNames = (v: unknown): v is readonly string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isShape = (v: unknown): v is CompactShape => Array.isArray(v) && v.length === 4 && typeof v[0] === 'string' && typeof v[1] === 'string' && isNames(v[2]) && isNames(v[3]);

/** Checks the outline of a compact trace read from a line, so that a damaged one is refused with a reason, never half expanded. */
function checkOutline(c: unknown): asserts c is CompactTrace {
  const fail = (what: string): never => {
    throw new CompactTraceError(`not a compact trace: ${what}`);
  };
  if (c === null || typeof c !== 'object' || Array.isArray(c)) fail('expected an object');
  const t = c as Record<string, unknown>;
  if (t['catalogue'] !== undefined && !(isInt(t['catalogue']) && t['catalogue'] >= 0)) fail('"catalogue" is not a number of entries');
  if (!isNames(t['legal'])) fail('"legal" is not a list of texts');
  if (t['shapes'] !== undefined && !(Array.isArray(t['shapes']) && t['shapes'].every(isShape))) fail('"shapes" is not a list of [step, key, [inputs], [arguments]]');
  if (!Array.isArray(t['steps'])) fail('"steps" is not a list');
  (t['steps'] as unknown[]).forEach((s, i) => {
    if (!Array.isArray(s) || s.length !== 7) return fail(`step ${i + 1} is not [shape, rule, legal, params, inputs, result, arguments]`);
    const [shape, rule, legal, params, inputs, , args] = s as unknown[];
    if (!isInt(shape) || (rule !== null && typeof rule !== 'string') || (legal !== null && !isInt(legal)) || (params !== true && !Array.isArray(params)) || !Array.isArray(inputs) || !Array.isArray(args)) {
      fail(`step ${i + 1} is not [shape, rule, legal, params, inputs, result, arguments]`);
    }
  });
}

/** The full trace back from its compact form, as data (src/explain/trace.ts renders each step's text). */
export function expandTrace(compact: CompactTrace, rules: RuleSet): StepData[] {
  const expand = stepExpander(compact, rules);
  return compact.steps.map((_, n) => expand(n));
}

/**
 * One step at a time (step n, from 0), for a reader that needs only some of them (last month's
 * decision in the monthly run reads only the messages its items name). Checks the outline first.
 */
export function stepExpander(compact: CompactTrace, rules: RuleSet): (n: number) => StepData {
  checkOutline(compact);
  const { params, texts } = indexOf(rules);
  const legal = compact.legal.map((topicOrText) => (Object.hasOwn(rules.legal.refs, topicOrText) ? rules.legal.refs[topicOrText]!.ref : topicOrText));
  const earlierForm = compact.catalogue === undefined;
  const own = compact.shapes ?? [];
  return (n) => {
    const compactStep = compact.steps[n];
    if (compactStep === undefined) throw new CompactTraceError(`trace step ${n + 1} is not in the trace (it has ${compact.steps.length})`);
    const [shapeId, ruleOrNull, l, ps, inputValues, result, argValues] = compactStep;
    const where = `trace step ${n + 1}`;
    let shape: Shape | undefined;
    let template: string | undefined;
    if (earlierForm || shapeId < 0) {
      shape = own[earlierForm ? shapeId : -1 - shapeId];
      if (!shape) throw new CompactTraceError(`${where} names shape ${shapeId}, which is not in the line`);
    } else {
      const entry = SHAPE_CATALOGUE[shapeId];
      if (!entry) {
        throw new CompactTraceError(
          `${where} names shape ${shapeId}, which this engine's shape catalogue does not have (it has ${SHAPE_CATALOGUE.length} shapes; the line was written with ${compact.catalogue})`,
          'unknown-shape',
        );
      }
      shape = [entry[1], entry[2], entry[3], entry[4]];
      template = entry[5];
    }
    const [step, key, inputNames, argNames] = shape;
    if (inputValues.length !== inputNames.length || argValues.length !== argNames.length) throw new CompactTraceError(`${where}: its inputs or arguments do not fit its shape ${shapeId}`);
    if (!isMessageKey(key)) throw new CompactTraceError(`${where}: no text for message key ${key}`);
    const inputs: Record<string, TraceValue> = {};
    inputNames.forEach((name, i) => (inputs[name] = inputValues[i]!));
    const rule = ruleOrNull ?? (template === undefined ? undefined : ruleFromTemplate(template, inputs));
    if (rule === undefined) throw new CompactTraceError(`${where}: its rule is to come from shape ${shapeId}, which gives none for these inputs`);
    const legalRef = l === null ? undefined : legal[l];
    if (l !== null && legalRef === undefined) throw new CompactTraceError(`${where} names legal reference ${l}, which is not in the line`);
    const args: Record<string, string | number> = {};
    argNames.forEach((name, i) => (args[name] = expandArg(argValues[i]!, name, { rule, inputs, inputNames, result, legalRef, texts, where })));
    const stepParams =
      ps === true
        ? [lookUpParam(params, rule, where)]
        : ps.map((p) => (typeof p === 'string' ? lookUpParam(params, p, where) : Array.isArray(p) ? inputParam(p, where) : wholeParam(p, where)));
    const message = { key: key as MessageKey, args: args as MessageArgs };
    return {
      step,
      rule,
      ...(legalRef !== undefined ? { legalRef } : {}),
      params: stepParams,
      inputs,
      result,
      message,
    };
  };
}

function lookUpParam(params: RuleSetIndex['params'], id: string, where: string): TraceParam {
  const found = params.get(id);
  if (!found) throw new CompactTraceError(`${where}: parameter ${id} is not in the rule set; expand the line with the rule set named by its ruleSetVersion`, 'rules');
  return found;
}

function wholeParam(p: unknown, where: string): TraceParam {
  const q = p as Partial<TraceParam> | null;
  if (q === null || typeof q !== 'object' || typeof q.id !== 'string' || (typeof q.value !== 'string' && typeof q.value !== 'number') || typeof q.status !== 'string' || typeof q.source !== 'string') {
    throw new CompactTraceError(`${where}: parameter ${JSON.stringify(p)} is not an id, [id, value] or {id, value, status, source}`);
  }
  return q as TraceParam;
}

function inputParam(p: readonly unknown[], where: string): TraceParam {
  const [id, value] = p;
  if (p.length !== 2 || typeof id !== 'string' || (typeof value !== 'string' && typeof value !== 'number')) throw new CompactTraceError(`${where}: parameter ${JSON.stringify(p)} is not [id, value]`);
  return { id, value, status: 'verified', source: `input: ${id}` };
}

function expandArg(
  v: CompactArg,
  name: string,
  s: { rule: string; inputs: Record<string, TraceValue>; inputNames: readonly string[]; result: TraceValue; legalRef: string | undefined; texts: RuleSetIndex['texts']; where: string },
): string | number {
  const fail = (what: string): never => {
    throw new CompactTraceError(`${s.where}: argument ${name} ${what}`);
  };
  const scalar = (x: unknown, what: string): string | number => (typeof x === 'string' || typeof x === 'number' ? x : fail(what));
  if (v === null) return scalar(Object.hasOwn(s.inputs, name) ? s.inputs[name] : undefined, 'refers to an input of the same name, which the step does not have as a string or number');
  if (v === true) return scalar(s.result, "refers to the step's result, which is not a string or number");
  if (v === false) return s.legalRef ?? fail("refers to the step's legal reference, which it has none");
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (Array.isArray(v)) {
    const [ref] = v as readonly unknown[];
    if (v.length === 1 && isInt(ref)) return scalar(ref >= 0 && ref < s.inputNames.length ? s.inputs[s.inputNames[ref]!] : undefined, `refers to input ${ref}, which the step does not have as a string or number`);
    if (v.length === 1 && ref === '#') return fragmentOf(s.rule) ?? fail(`refers to the part of rule ${s.rule} after "#", which it has none`);
    if (v.length === 1 && (ref === 'sv' || ref === 'en')) return s.texts.get(s.rule)?.[ref] ?? fail(`refers to the rule set's ${ref} text of rule ${s.rule}, which it has none`);
    return fail(`is not a value or a reference: ${JSON.stringify(v)}`);
  }
  if (typeof v === 'object' && Object.hasOwn(v, 'value')) return (v as { value: unknown }).value as string | number;
  return fail(`is not a value or a reference: ${JSON.stringify(v)}`);
}
