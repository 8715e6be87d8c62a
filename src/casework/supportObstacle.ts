/**
 * Försörjningshinder at registration (issue 25). Every adult of the case (the applicant and a partner;
 * another adult in the home is their own case) is reported with a försörjningshinder to Socialstyrelsen
 * each month (HSLF-FS 2015:30 3 §, EKB-Månad). The calculation does not read it, so a proposal only
 * notes that it is missing; a decision is not registered without it, since the month's report could
 * not be made. The codes are those of rules/support-obstacles.json in force for the month.
 */
import type { Rulebook, SupportObstaclesFile } from '../rulebook/load.ts';
import type { Problem } from './register.ts';

/** The försörjningshinder of a month: code → labels (rules/support-obstacles.json). */
export type SupportObstacleTable = SupportObstaclesFile['values'][number]['obstacles'];

/** The list in force on the month's first day, or null when rules/support-obstacles.json has none for it. */
export function supportObstaclesFor(book: Rulebook, period: string): SupportObstacleTable | null {
  const day = `${period}-01`;
  const v = book.supportObstacles.data.values.find((x) => x.effectiveFrom <= day && (x.effectiveTo === null || day <= x.effectiveTo));
  return v?.obstacles ?? null;
}

/** An adult of the case as the stored household gives them. */
export interface CaseAdult {
  readonly index: number;
  readonly role: 'applicant' | 'partner';
  readonly supportObstacle: string | null;
}

const ROLE_SV = { applicant: 'den sökande', partner: 'medsökande (make, maka eller sambo)' } as const;

/** The applicant and partner of a stored household (the household as read, src/household). */
export function caseAdults(household: unknown): CaseAdult[] {
  const members = household !== null && typeof household === 'object' && Array.isArray((household as { members?: unknown }).members) ? ((household as { members: unknown[] }).members) : [];
  const out: CaseAdult[] = [];
  members.forEach((m, index) => {
    if (m === null || typeof m !== 'object') return;
    const o = m as Record<string, unknown>;
    if (o['role'] !== 'applicant' && o['role'] !== 'partner') return;
    out.push({ index, role: o['role'], supportObstacle: typeof o['supportObstacle'] === 'string' ? o['supportObstacle'] : null });
  });
  return out;
}

/**
 * What keeps a decision from being registered: an adult without a försörjningshinder, or with a code
 * not in the month's list (when the list is given). The message names the role, never the person (a
 * protected identity stays masked).
 */
export function supportObstacleProblems(household: unknown, table: SupportObstacleTable | null): Problem[] {
  const problems: Problem[] = [];
  for (const a of caseAdults(household)) {
    const path = `members[${a.index}].supportObstacle`;
    if (a.supportObstacle === null) {
      problems.push({ path, code: 'SUPPORT_OBSTACLE_MISSING', message: `Försörjningshinder saknas för ${ROLE_SV[a.role]}. Det rapporteras för varje vuxen till Socialstyrelsen (EKB-Månad): ange det i ansökans uppgifter och räkna fram ett nytt förslag innan beslutet registreras.` });
    } else if (table !== null && !Object.hasOwn(table, a.supportObstacle)) {
      problems.push({ path, code: 'UNKNOWN_SUPPORT_OBSTACLE', message: `"${a.supportObstacle}" är inget försörjningshinder i listan för månaden (rules/support-obstacles.json). Ange något av: ${Object.keys(table).join(', ')}.` });
    }
  }
  return problems;
}

/** The caseworker's note on a proposal: the adults still without a försörjningshinder (not blocking the proposal). */
export function missingSupportObstacleNote(household: unknown): { readonly paths: readonly string[]; readonly text: string } | null {
  const missing = caseAdults(household).filter((a) => a.supportObstacle === null);
  if (missing.length === 0) return null;
  return {
    paths: missing.map((a) => `members[${a.index}].supportObstacle`),
    text: `Försörjningshinder saknas för ${missing.map((a) => ROLE_SV[a.role]).join(' och ')}. Förslaget påverkas inte, men beslutet kan inte registreras utan det (det rapporteras till Socialstyrelsen).`,
  };
}
