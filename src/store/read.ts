/**
 * Reading a record back (docs/records.md): the decision it keeps, as data, and with its texts as
 * `calculate --json` printed it when it was recorded. `show`, `replay`, the web page's queue and
 * compare --store read records only through here, so both record forms read alike:
 *
 * - form 2 (data): the decision is unpacked (serialize.ts) against the stored rule set it names, and
 *   its texts, its trace's sentences and its decision text are rendered again by the views
 *   (explain/contract.ts; a monthly proposal by monthly/propose.ts renderProposal);
 * - form 1 (written before: the decision with its texts): the stored JSON is the rendered decision.
 *
 * Either way the rendered decision is returned as JSON data with its keys sorted, exactly as a form-1
 * record's JSON parses, so every view prints the same bytes for the same decision.
 */
import { canonicalJson } from '../canonical.ts';
import type { Decision } from '../explain/contract.ts';
import type { BreakdownBasis } from '../explain/render.ts';
import type { People } from '../explain/people.ts';
import { contractDecision } from '../explain/contract.ts';
import type { DecisionData } from '../decision/types.ts';
import { membersOf } from '../monthly/previous.ts';
import { renderProposal, type PreviousDecision, type ProposalData, type Routing } from '../monthly/propose.ts';
import type { DecisionLike } from '../monthly/types.ts';
import type { VersionedRuleSet } from '../rulebook/types.ts';
import { decisionOfRecord, RecordFormError, recordFormatOf, type DecisionOfRecord } from './serialize.ts';
import { parseHousehold } from '../household/parse.ts';
import type { Household } from '../household/types.ts';
import type { DecisionStore, StoredRecord } from './store.ts';

/** The decision with its texts, and for a monthly proposal its routing. */
export type RenderedRecord = Decision & { readonly routing?: Routing };

/** The record's form and its decision_json parsed. */
function parsed(record: Pick<StoredRecord, 'decisionJson'>): { form: 1 | 2; json: Record<string, unknown> } {
  const json = JSON.parse(record.decisionJson) as Record<string, unknown>;
  return { form: recordFormatOf(json), json };
}

/** The decision of a form-2 record as data, unpacked against its stored rule set. */
export function recordData(store: DecisionStore, record: StoredRecord, json: Record<string, unknown> = JSON.parse(record.decisionJson) as Record<string, unknown>): DecisionOfRecord {
  return decisionOfRecord(json, record, store.ruleSet(record.ruleSetVersion).rules);
}

/** A decision as data rendered with its texts, as JSON data with sorted keys (a monthly proposal with its routing and decision text). */
export function renderRecordData(d: DecisionOfRecord, ruleSet: VersionedRuleSet, household: Household, people: People | null = null): RenderedRecord {
  // The household the letter and the worksheet name (members' names, the letterhead): the record's own input.
  const basis = { ruleSet, pending: null, household, people };
  // The trace as expanded from a record is StepData (legalRef left out when none): the views take both.
  const data = d as unknown as DecisionData;
  const rendered = d.routing !== undefined ? renderProposal(data as ProposalData, basis) : contractDecision(data, basis);
  return JSON.parse(canonicalJson(rendered)) as RenderedRecord;
}

/**
 * The decision a record keeps, with its texts: for a form-2 record rendered from its data and stored
 * rule set, for a form-1 record as stored. Throws StoreError when the stored rule set was edited,
 * RecordFormError when the record cannot be read back. With `people` (the case view), a form-2
 * record's texts name the household's people instead of their member ids (explain/contract.ts); a
 * form-1 record kept only its texts.
 */
export function renderedDecision(store: DecisionStore, record: StoredRecord, people: People | null = null): RenderedRecord {
  const { form, json } = parsed(record);
  if (form === 1) return json as unknown as RenderedRecord;
  const ruleSet = store.ruleSet(record.ruleSetVersion);
  return renderRecordData(decisionOfRecord(json, record, ruleSet.rules), ruleSet, householdOfRecord(record), people);
}

/**
 * What the breakdown (explain/render.ts) names people and types from, for a record: its input's
 * household, its stored rule set, and for a form-2 record its child impact as data (a form-1 record
 * kept only the child impact's texts, which the breakdown then prints as stored).
 */
export function recordBasis(store: DecisionStore, record: StoredRecord): BreakdownBasis {
  const { form, json } = parsed(record);
  const rules = store.ruleSet(record.ruleSetVersion).rules;
  const childImpact = form === 1 ? null : (recordData(store, record, json) as unknown as DecisionData).childImpact;
  return { household: householdOfRecord(record), rules, childImpact };
}

/** The household a record was computed from (its canonical input, which parsed when it was recorded). */
function householdOfRecord(record: StoredRecord): Household {
  const parsedInput = parseHousehold(JSON.parse(record.inputJson));
  if (!parsedInput.ok) throw new RecordFormError(`record ${record.decisionId}: its input no longer reads as a household (${parsedInput.issues.map((i) => i.path).join(', ')})`);
  return parsedInput.household;
}

/** A record as last month's decision of a monthly comparison (the monthly run's replay, the queue view). */
export function previousFromRecord(store: DecisionStore, record: StoredRecord): PreviousDecision {
  const { form, json } = parsed(record);
  return {
    decisionId: record.decisionId,
    period: record.period,
    members: membersOf(JSON.parse(record.inputJson)),
    decision: (form === 1 ? json : recordData(store, record, json)) as unknown as DecisionLike,
  };
}
