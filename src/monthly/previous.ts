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

/** The members of a household as applied for (id, role). */
export function membersOf(raw: unknown): MemberLike[] {
  const members = (raw as { members?: unknown }).members;
  return Array.isArray(members) ? (members as MemberLike[]).map((m) => ({ id: m.id, role: m.role })) : [];
}
