/** Last month's decision of a case, read from a stored record (the monthly run and replay). */
import type { StoredRecord } from '../store/store.ts';
import type { PreviousDecision } from './propose.ts';
import type { DecisionLike, MemberLike } from './types.ts';

export function previousFromRecord(record: StoredRecord): PreviousDecision {
  const input = JSON.parse(record.inputJson) as { members?: MemberLike[] };
  return {
    decisionId: record.decisionId,
    period: record.period,
    members: (input.members ?? []).map((m) => ({ id: m.id, role: m.role })),
    decision: JSON.parse(record.decisionJson) as DecisionLike,
  };
}

/** The members of a household as applied for (id, role, and protectedIdentity when it is set). */
export function membersOf(raw: unknown): MemberLike[] {
  const members = (raw as { members?: unknown }).members;
  return Array.isArray(members) ? (members as MemberLike[]).map((m) => (m.protectedIdentity === true ? { id: m.id, role: m.role, protectedIdentity: true } : { id: m.id, role: m.role })) : [];
}

/** The same from the parts the store extracts (DecisionStore.latestPartsFor): what the comparison reads. */
export function previousFromParts(row: { decisionId: string; period: string; members: string | null; parts: string }): PreviousDecision {
  const [outcome, normMembers, costItems, incomeItems, flags, needsInformation, requiresAssessment, payable] = JSON.parse(row.parts) as unknown[];
  const members = (JSON.parse(row.members ?? '[]') as MemberLike[] | null) ?? [];
  const list = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);
  return {
    decisionId: row.decisionId,
    period: row.period,
    members: members.map((m) => ({ id: m.id, role: m.role })),
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
