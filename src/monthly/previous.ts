/** Last month's decision of a case, read from a stored record (the monthly run; replay and the queue view: store/read.ts). */
import type { RuleSet } from '../rulebook/types.ts';
import { decisionFieldsOfRecord } from '../store/serialize.ts';
import type { LatestPartsRow } from '../store/store.ts';
import type { PreviousDecision } from './propose.ts';
import type { DecisionLike, MemberLike } from './types.ts';

/** The members of a household as applied for (id, role, and protectedIdentity when it is set). */
export function membersOf(raw: unknown): MemberLike[] {
  const members = (raw as { members?: unknown }).members;
  return Array.isArray(members) ? (members as MemberLike[]).map((m) => (m.protectedIdentity === true ? { id: m.id, role: m.role, protectedIdentity: true } : { id: m.id, role: m.role })) : [];
}

/**
 * The same from what the store finds (DecisionStore.latestPartsFor): a record of form 2 is read back
 * as data with the rule set it names (`rulesOf`), its fields without the trace; of a form-1 record, the parts SQLite extracted.
 */
export function previousFromParts(row: LatestPartsRow, rulesOf: (version: string) => RuleSet): PreviousDecision {
  const members = ((row.members === null ? null : (JSON.parse(row.members) as MemberLike[] | null)) ?? []).map((m) => ({ id: m.id, role: m.role }));
  if (row.data !== null) {
    const decision = decisionFieldsOfRecord(JSON.parse(row.data) as Record<string, unknown>, row, rulesOf(row.ruleSetVersion));
    return { decisionId: row.decisionId, period: row.period, members, decision: decision as unknown as DecisionLike };
  }
  const [outcome, normMembers, costItems, incomeItems, flags, needsInformation, requiresAssessment, payable] = JSON.parse(row.parts ?? '[]') as unknown[];
  const list = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);
  return {
    decisionId: row.decisionId,
    period: row.period,
    members,
    decision: {
      outcome: String(outcome),
      payable: typeof payable === 'string' ? payable : null,
      norm: { members: list(normMembers) },
      costs: { items: list(costItems) },
      income: { items: list(incomeItems) },
      flags: list(flags),
      needsInformation: list(needsInformation),
      requiresAssessment: requiresAssessment === true || requiresAssessment === 1,
    },
  };
}
