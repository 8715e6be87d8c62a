/** Small builders for households in the CONTRACT.md format, so golden tests read like the examples. */
export type Json = Record<string, unknown>;

export function household(period: string, members: Json[], extra: Json = {}): Json {
  return { caseId: 'T', period, members, incomes: [], costs: [], circumstances: { availableForWork: true, consecutiveMonthsOnAssistance: 0 }, ...extra };
}
export const applicant = (birthDate = '1985-01-01', extra: Json = {}): Json => ({ id: 'a1', role: 'applicant', birthDate, ...extra });
export const partner = (birthDate = '1986-01-01', extra: Json = {}): Json => ({ id: 'a2', role: 'partner', birthDate, ...extra });
export const child = (id: string, birthDate: string, extra: Json = {}): Json => ({ id, role: 'child', birthDate, ...extra });
export const otherAdult = (id: string, birthDate = '1960-01-01'): Json => ({ id, role: 'other-adult', birthDate });
export const income = (memberId: string, type: string, amount: string | null, extra: Json = {}): Json =>
  amount === null ? { memberId, type, ...extra } : { memberId, type, amount, ...extra };
export const cost = (type: string, amount: string | null, extra: Json = {}): Json => (amount === null ? { type, ...extra } : { type, amount, ...extra });
