/**
 * A decision turned into what the store keeps, and back, without the database (docs/records.md,
 * "What a record holds"). Serialising is most of the cost of recording, so batch --record and
 * monthly do it in their worker threads and the writer only hashes and inserts. This module must
 * not import better-sqlite3: it runs in every batch worker.
 *
 * A record keeps data, not text (record form 2): `decision_json` is the canonical JSON of
 *
 *   { "recordFormat": 2,                 the form
 *     "catalogue": 75,                   the record shape catalogue's size when written (shapes.ts)
 *     "outcome": "approve", "payable": "15718", "need": "…", "municipality": …   the decision's
 *                                        figures and codes (its fields that are not objects), as they are
 *     "routing": { … },                  a monthly proposal's routing, as it is
 *     "data": "…" }                      the rest, deflated (raw DEFLATE, RFC 1951) and in base64:
 *                                        the canonical JSON of
 *       { "shapes": [[key, …], …],       only when the decision has object shapes the catalogue lacks
 *         "norm": …, "costs": …, "flags": …, "childImpact": …, …   its parts, packed (pack.ts)
 *         "trace": { "catalogue": …, "legal": […], "steps": […] } }   the compact trace (trace/compact.ts)
 *
 * The figures, codes and routing stay readable with SQLite's json_extract (the queue and the case
 * desk read them so); the packed parts and the compact trace are positional arrays that only this
 * engine reads, so they are deflated: a record of the generated population is about a third smaller
 * (bench/RESULTS.md, issue 26: at most 5 KB a decision). The record's hash covers decision_json as
 * stored.
 *
 * The decision's caseId, period, ruleSetVersion, inputHash and engineVersion are not repeated in it:
 * they are the record's own columns, which its hash covers. Every text of the decision (the trace
 * steps' sentences, the reasons, the decision letter) is rendered again from these data and the
 * stored rule set (src/store/read.ts). A record written before this form (record form 1, no
 * `recordFormat`) holds the decision with its texts, as `calculate --json` printed it; both are read.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { canonicalJson, withCanonicalBytes } from '../canonical.ts';
import type { DecisionData } from '../decision/types.ts';
import type { Routing } from '../monthly/propose.ts';
import type { RuleSet } from '../rulebook/types.ts';
import { compactTrace, expandTrace, stepExpander, type CompactTrace } from '../trace/compact.ts';
import type { StepData } from '../trace/index.ts';
import { Packer, Unpacker } from './pack.ts';
import { RECORD_SHAPES } from './shapes.ts';

/** What a record keeps of a decision: the decision as data, and for a monthly proposal its routing. */
export type RecordedDecision = DecisionData & { readonly routing?: Routing };

/**
 * A valid line's decision for a record sink (batch --record, monthly): the household as evaluated,
 * the decision as data with its trace (a monthly proposal with its routing), and the rule set it was
 * computed with. Not called for a month whose rules are pending (nothing is recorded for it).
 */
export type OnDecision = (raw: unknown, decision: RecordedDecision, rules: RuleSet) => void;

/** The decision of a record read back: its trace as data (each step's message, no text). */
export type DecisionOfRecord = Omit<RecordedDecision, 'trace'> & { readonly trace: readonly StepData[] };

export const RECORD_FORMAT = 2;

/** The record's own columns, which are not repeated in its decision_json. */
const HEADER_FIELDS = ['caseId', 'period', 'ruleSetVersion', 'inputHash', 'engineVersion'] as const;
/** Keys of decision_json that are not fields of the decision. */
const ENVELOPE_FIELDS = new Set(['recordFormat', 'catalogue', 'shapes', 'trace', 'routing', 'data', ...HEADER_FIELDS]);

export interface SerializedRecord {
  readonly caseId: string | null;
  readonly period: string;
  /** Not stored as a column: the writer uses it to pick the rule set (RuleSetCache.get). */
  readonly municipality: string | null;
  readonly ruleSetVersion: string;
  readonly engineVersion: string;
  /** The decision's inputHash; the writer checks that it is the sha256 of inputJson. */
  readonly inputHash: string;
  /** canonicalJson of the household exactly as evaluated. */
  readonly inputJson: string;
  /** canonicalJson of the decision as the record keeps it (above). */
  readonly decisionJson: string;
}

/** What recordJson writes, before the packed parts are deflated: the fields kept as they are, and the packed parts with the compact trace (and the record's own shapes). */
export function packRecord(decision: RecordedDecision, rules: RuleSet): { plain: Record<string, unknown>; packed: Record<string, unknown> } {
  const { trace, routing } = decision;
  const packer = new Packer(rules, trace);
  const plain: Record<string, unknown> = {};
  const packed: Record<string, unknown> = {};
  // In the order unpacking reads them: the keys of canonical JSON, sorted.
  for (const key of Object.keys(decision).sort()) {
    if (ENVELOPE_FIELDS.has(key)) {
      if (key === 'recordFormat' || key === 'catalogue' || key === 'shapes' || key === 'data') throw new Error(`[engine] the decision has a field "${key}", which the record form keeps for itself`);
      continue;
    }
    const value = (decision as unknown as Record<string, unknown>)[key];
    if (value === undefined) continue;
    if (value !== null && typeof value === 'object') packed[key] = packer.pack(value);
    else plain[key] = value;
  }
  packed['trace'] = compactTrace(trace, rules);
  if (packer.shapes.length > 0) packed['shapes'] = packer.shapes;
  if (routing !== undefined) plain['routing'] = routing;
  return { plain, packed };
}

/** The decision as decision_json keeps it, with the rule set it was computed with (which the compact trace and the packed texts refer to). */
export function recordJson(decision: RecordedDecision, rules: RuleSet): string {
  const { plain, packed } = packRecord(decision, rules);
  // Deflated straight from the canonical JSON's bytes (the same bytes as canonicalJson(packed) in UTF-8).
  const data = withCanonicalBytes(packed, (bytes) => deflateRawSync(bytes)).toString('base64');
  return canonicalJson({ recordFormat: RECORD_FORMAT, catalogue: RECORD_SHAPES.length, ...plain, data });
}

export function serializeRecord(input: unknown, decision: RecordedDecision, rules: RuleSet): SerializedRecord {
  return {
    caseId: decision.caseId,
    period: decision.period,
    municipality: decision.municipality,
    ruleSetVersion: decision.ruleSetVersion,
    engineVersion: decision.engineVersion,
    inputHash: decision.inputHash,
    inputJson: canonicalJson(input),
    decisionJson: recordJson(decision, rules),
  };
}

/** The record form of a decision_json as parsed: 2 for data, 1 for the decision with its texts (written before). */
export function recordFormatOf(parsed: unknown): 1 | 2 {
  const form = parsed !== null && typeof parsed === 'object' ? (parsed as { recordFormat?: unknown }).recordFormat : undefined;
  if (form === undefined) return 1;
  if (form !== RECORD_FORMAT) throw new RecordFormError(`record form ${JSON.stringify(form)}: this engine reads record forms 1 and ${RECORD_FORMAT}; read the record with the engine version that wrote it or a later one`);
  return RECORD_FORMAT;
}

/** A record whose decision cannot be read back (a later record form, damaged packed data, another rule set). */
export class RecordFormError extends Error {
  override readonly name = 'RecordFormError';
}

/** The record's own columns, which a decision read back gets again. */
type RecordHeader = { readonly caseId: string | null; readonly period: string; readonly ruleSetVersion: string; readonly inputHash: string; readonly engineVersion: string };

/**
 * The decision of a record of form 2, as data: from its decision_json (parsed), the record's own
 * columns and the rule set it names. Throws RecordFormError when the data cannot be read back.
 */
export function decisionOfRecord(parsed: Record<string, unknown>, header: RecordHeader, rules: RuleSet): DecisionOfRecord {
  return readRecord(parsed, header, rules, 'whole') as DecisionOfRecord;
}

/**
 * The same without its trace: the decision's fields only, for a reader that compares them (last
 * month's decision in the monthly run, src/monthly/previous.ts). The messages its items name are
 * those of the trace steps, expanded one by one as they are met (stepExpander) instead of the whole
 * trace: an item names about 6 of a decision's 40-odd steps, and expanding the trace was half the cost
 * of reading a record back (bench/RESULTS.md, issue 26). Each field is the one decisionOfRecord gives.
 */
export function decisionFieldsOfRecord(parsed: Record<string, unknown>, header: RecordHeader, rules: RuleSet): Omit<DecisionOfRecord, 'trace'> {
  return readRecord(parsed, header, rules, 'fields');
}

function readRecord(parsed: Record<string, unknown>, header: RecordHeader, rules: RuleSet, read: 'whole' | 'fields'): Omit<DecisionOfRecord, 'trace'> {
  try {
    if (typeof parsed['data'] !== 'string') throw new RecordFormError('the record has no "data"');
    // The deflated parts beside the plain fields: one object, read in the order of its sorted keys.
    parsed = { ...parsed, ...(JSON.parse(inflateRawSync(Buffer.from(parsed['data'], 'base64')).toString('utf8')) as Record<string, unknown>) };
    const compact = parsed['trace'] as CompactTrace;
    const trace = read === 'whole' ? expandTrace(compact, rules) : null;
    const step = trace === null ? stepsOnDemand(compact, rules) : (i: number) => trace[i];
    const unpacker = new Unpacker(rules, (parsed['shapes'] as string[][] | undefined) ?? [], (i) => {
      const s = step(i);
      if (s === undefined) throw new RecordFormError(`the decision names trace step ${i + 1}, which the record does not have`);
      return s.message;
    });
    const out: Record<string, unknown> = { caseId: header.caseId, period: header.period };
    for (const key of Object.keys(parsed).sort()) {
      if (ENVELOPE_FIELDS.has(key)) continue;
      const value = parsed[key];
      out[key] = value !== null && typeof value === 'object' ? unpacker.unpack(value) : value;
    }
    if (trace !== null) out['trace'] = trace;
    out['ruleSetVersion'] = header.ruleSetVersion;
    out['inputHash'] = header.inputHash;
    out['engineVersion'] = header.engineVersion;
    if (parsed['routing'] !== undefined) out['routing'] = parsed['routing'];
    return out as unknown as Omit<DecisionOfRecord, 'trace'>;
  } catch (error) {
    if (error instanceof RecordFormError) throw error;
    throw new RecordFormError(`the record's decision cannot be read back: ${(error as Error).message}`);
  }
}

/** Step i of a compact trace, expanded when first asked for and then kept (an item and its step share one message); undefined past the end. */
function stepsOnDemand(compact: CompactTrace, rules: RuleSet): (i: number) => StepData | undefined {
  const expand = stepExpander(compact, rules);
  const done = new Map<number, StepData>();
  return (i) => {
    let s = done.get(i);
    if (s === undefined && Number.isInteger(i) && i >= 0 && i < compact.steps.length) {
      s = expand(i);
      done.set(i, s);
    }
    return s;
  };
}
