/**
 * The month's report of ekonomiskt bistånd to Socialstyrelsen (EKB-Månad; förordning (1981:1370) 2 §,
 * HSLF-FS 2015:30 3 §; issue 25, docs/statistics.md). Pure: from the registered decisions of a month
 * and their payment orders (never from proposals) to one row per household, validated before anything
 * is written.
 *
 * Who is in it: a household whose newest registered decision of the month pays something (bifall or
 * delvis bifall with orders in force). A refusal or a dismissal pays nothing and is counted in the
 * summary, not reported as a household. The amount is the sum of the month's orders in force (pending
 * or exported; never stopped or replaced by a changed decision), in kronor rounded half up from öre
 * (the report's unit is whole kronor), and the check is that the report's amounts equal the orders to
 * the krona, household by household and in total.
 */
import { add, formatKronor, parseKronor, sum, ZERO, type Ore } from '../money/index.ts';
import { ageOn, isIsoDate } from '../period/index.ts';
import { personnummer12 } from '../household/personnummer.ts';
import type { SupportObstacleTable } from '../casework/supportObstacle.ts';

/** One registered line of a case and month, as the store gives it: its newest decision, the household it was made on, the orders of the whole line. */
export interface RegisteredCaseMonth {
  readonly caseId: string;
  readonly municipality: string | null;
  /** The newest registered decision's outcome (approve, partial, deny, dismiss). */
  readonly outcome: string;
  /** The stored household the newest decision's proposal was computed from (the raw input). */
  readonly household: unknown;
  /** Every order of the line with its amount (kronor text) and status. */
  readonly orders: readonly { readonly amount: string; readonly status: string }[];
}

/** An adult as reported. */
export interface ReportedAdult {
  readonly personnummer: string;
  /** 1 man, 2 kvinna (the pre-2017 layout's Kon); '' when not given or neither. */
  readonly kon: '1' | '2' | '';
  readonly age: number;
  /** The engine's code (rules/support-obstacles.json) and Socialstyrelsen's code when known. */
  readonly supportObstacle: string;
  readonly officialCode: string | null;
}

export interface ReportedHousehold {
  readonly householdId: string;
  readonly kommun: string;
  /** Stadsdel/distrikt: the household's `district`, '' when not given. */
  readonly distrikt: string;
  readonly hushallstyp: HouseholdTypeCode;
  readonly childrenUnder18: number;
  /** Whole kronor (öre rounded half up). */
  readonly amountKronor: number;
  /** The orders' sum in öre, for the check. */
  readonly paidOre: Ore;
  readonly adults: readonly ReportedAdult[];
}

/** 1 only children; 3/4 single man without/with children; 5/6 single woman without/with; 7/8 couple without/with; 9 unknown. */
export type HouseholdTypeCode = 1 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

export interface ReportProblem {
  readonly caseId: string;
  readonly message: string;
}

export interface MonthReport {
  readonly period: string;
  readonly households: readonly ReportedHousehold[];
  /** Cases whose newest decision of the month pays nothing (avslag, avvisning). */
  readonly refused: number;
  readonly totalOre: Ore;
  readonly totalKronor: number;
  /** Orders counted that are not yet exported to the bank. */
  readonly pendingOrders: number;
}

const ADULT_ROLES = new Set(['applicant', 'partner']);

/** Whole kronor from öre, half up (the report's unit; the named rounding of the statistics). */
export function kronorHalfUp(ore: Ore): number {
  return Math.floor((ore + 50) / 100);
}

/** The household type code of EKB (research: Socialstyrelsen's variable list). */
export function householdType(adults: readonly { readonly gender: string | null; readonly age: number }[], childrenUnder18: number): HouseholdTypeCode {
  const withChildren = childrenUnder18 > 0;
  if (adults.length === 2) return withChildren ? 8 : 7;
  if (adults.length !== 1) return 9;
  const a = adults[0]!;
  if (a.age < 18) return 1;
  if (a.gender === 'male') return withChildren ? 4 : 3;
  if (a.gender === 'female') return withChildren ? 6 : 5;
  return 9;
}

type Member = Record<string, unknown>;
const membersOf = (h: unknown): Member[] => (h !== null && typeof h === 'object' && Array.isArray((h as { members?: unknown }).members) ? ((h as { members: unknown[] }).members.filter((m) => m !== null && typeof m === 'object') as Member[]) : []);

/** The household of a registered line as the report sees it: its adults, children under 18, type, kommun and distrikt, and what is wrong with it. */
export interface DescribedHousehold {
  readonly adults: readonly ReportedAdult[];
  /** The applicant's `gender` as given (female, male, other) or null. */
  readonly applicantGender: string | null;
  readonly childrenUnder18: number;
  readonly hushallstyp: HouseholdTypeCode;
  readonly kommun: string;
  readonly distrikt: string;
  readonly problems: readonly ReportProblem[];
}

/** What is paid on a line: the sum of its orders in force (pending or exported), in öre. */
export function paidOnLine(line: RegisteredCaseMonth): Ore {
  return sum(line.orders.filter((o) => o.status === 'pending' || o.status === 'exported').map((o) => parseKronor(o.amount)!));
}

/**
 * One household of the month (the report's and the unit's statistics page's, issue 25): the applicant
 * and a partner with personnummer, kön, age and försörjningshinder; children under 18 on the month's
 * first day; the household type; and every problem that would keep it out of the report.
 */
export function describeHousehold(line: RegisteredCaseMonth, period: string, obstacles: SupportObstacleTable | null): DescribedHousehold {
  const problems: ReportProblem[] = [];
  const first = `${period}-01`;
  const year = Number(period.slice(0, 4));
  const members = membersOf(line.household);
  const adults: ReportedAdult[] = [];
  const forType: { gender: string | null; age: number }[] = [];
  let applicantGender: string | null = null;
  let childrenUnder18 = 0;
  members.forEach((m, i) => {
    const birth = typeof m['birthDate'] === 'string' && isIsoDate(m['birthDate']) ? m['birthDate'] : null;
    const age = birth === null ? null : ageOn(birth, first);
    if (!ADULT_ROLES.has(String(m['role']))) {
      if (age !== null && age < 18) childrenUnder18 += 1;
      return;
    }
    const who = m['role'] === 'applicant' ? 'den sökande' : 'medsökande';
    const obstacle = typeof m['supportObstacle'] === 'string' ? m['supportObstacle'] : null;
    if (obstacle === null) problems.push({ caseId: line.caseId, message: `försörjningshinder saknas för ${who} (members[${i}].supportObstacle)` });
    else if (obstacles !== null && !Object.hasOwn(obstacles, obstacle)) problems.push({ caseId: line.caseId, message: `"${obstacle}" är inget försörjningshinder för ${period} (members[${i}].supportObstacle)` });
    const pnr = typeof m['personnummer'] === 'string' ? personnummer12(m['personnummer'], year) : null;
    if (pnr === null) problems.push({ caseId: line.caseId, message: `personnummer saknas eller är ogiltigt för ${who} (members[${i}].personnummer)` });
    if (age === null) problems.push({ caseId: line.caseId, message: `födelsedatum saknas för ${who}` });
    const gender = typeof m['gender'] === 'string' ? m['gender'] : null;
    if (m['role'] === 'applicant') applicantGender = gender;
    forType.push({ gender, age: age ?? 0 });
    adults.push({ personnummer: pnr ?? '', kon: gender === 'male' ? '1' : gender === 'female' ? '2' : '', age: age ?? 0, supportObstacle: obstacle ?? '', officialCode: obstacle !== null && obstacles !== null ? (obstacles[obstacle]?.officialCode ?? null) : null });
  });
  if (adults.length === 0) problems.push({ caseId: line.caseId, message: 'hushållet har ingen sökande' });
  const kommun = line.municipality ?? '';
  if (!/^[0-9]{4}$/.test(kommun)) problems.push({ caseId: line.caseId, message: 'kommunkod saknas (municipality)' });
  const district = line.household !== null && typeof line.household === 'object' ? (line.household as { district?: unknown }).district : undefined;
  return { adults, applicantGender, childrenUnder18, hushallstyp: householdType(forType, childrenUnder18), kommun, distrikt: typeof district === 'string' ? district.replace(/[\t\r\n]/g, ' ').trim() : '', problems };
}

/**
 * Builds the month's report, or every problem that keeps it from being sent (nothing is written then):
 * an adult without a försörjningshinder or a valid personnummer or birth date, a household without a
 * kommun, a household twice, amounts that do not equal the orders to the krona.
 */
export function buildMonthReport(period: string, lines: readonly RegisteredCaseMonth[], obstacles: SupportObstacleTable | null): { ok: true; report: MonthReport } | { ok: false; problems: ReportProblem[] } {
  const problems: ReportProblem[] = [];
  if (obstacles === null) problems.push({ caseId: '(rules)', message: `rules/support-obstacles.json har ingen lista över försörjningshinder för ${period}` });
  const households: ReportedHousehold[] = [];
  const seen = new Set<string>();
  let refused = 0;
  let pendingOrders = 0;
  let allOrders: Ore = ZERO;
  for (const line of lines) {
    const inForce = line.orders.filter((o) => o.status === 'pending' || o.status === 'exported');
    const paid = paidOnLine(line);
    allOrders = add(allOrders, paid);
    if (line.outcome !== 'approve' && line.outcome !== 'partial') {
      refused += 1;
      if (paid > 0) problems.push({ caseId: line.caseId, message: `beslutet betalar inget (${line.outcome}) men har utbetalningar på ${formatKronor(paid)} kr som inte är stoppade` });
      continue;
    }
    if (paid === 0) {
      problems.push({ caseId: line.caseId, message: 'beslutet beviljar bistånd men har ingen utbetalning som gäller' });
      continue;
    }
    if (seen.has(line.caseId)) problems.push({ caseId: line.caseId, message: 'hushållet finns två gånger i månaden' });
    seen.add(line.caseId);
    pendingOrders += inForce.filter((o) => o.status === 'pending').length;
    const described = describeHousehold(line, period, obstacles);
    problems.push(...described.problems);
    households.push({ householdId: line.caseId, kommun: described.kommun, distrikt: described.distrikt, hushallstyp: described.hushallstyp, childrenUnder18: described.childrenUnder18, amountKronor: kronorHalfUp(paid), paidOre: paid, adults: described.adults });
  }
  // The amounts equal the payments to the krona: each household, and the whole month against every order of it.
  for (const h of households) {
    if (Math.abs(h.amountKronor * 100 - h.paidOre) >= 100) problems.push({ caseId: h.householdId, message: `beloppet ${h.amountKronor} kr stämmer inte med utbetalningarna ${formatKronor(h.paidOre)} kr` });
  }
  const totalOre = sum(households.map((h) => h.paidOre));
  if (totalOre !== allOrders) problems.push({ caseId: '(månaden)', message: `hushållens belopp ${formatKronor(totalOre)} kr är inte månadens utbetalningar ${formatKronor(allOrders)} kr` });
  const totalKronor = households.reduce((s, h) => s + h.amountKronor, 0);
  if (Math.abs(totalKronor * 100 - totalOre) >= 100 * Math.max(1, households.length)) problems.push({ caseId: '(månaden)', message: 'summan i kronor avviker från utbetalningarna' });
  if (problems.length > 0) return { ok: false, problems };
  households.sort((a, b) => (a.householdId < b.householdId ? -1 : a.householdId > b.householdId ? 1 : 0));
  return { ok: true, report: { period, households, refused, totalOre, totalKronor, pendingOrders } };
}

/**
 * The field order written. Socialstyrelsen's current layout (bilaga 1 to HSLF-FS 2015:30) was not
 * read: this order follows the pre-2017 layout where it is known (Ar, Manad, Kommun, Distrikt, …,
 * Personnr, Kon, Alder per adult) and is `unverified` (docs/statistics.md).
 */
export const FIELDS = ['Ar', 'Manad', 'Kommun', 'Distrikt', 'HushallsId', 'Hushallstyp', 'Barn18', 'Belopp', 'Personnr1', 'Kon1', 'Alder1', 'Fhinder1', 'Personnr2', 'Kon2', 'Alder2', 'Fhinder2'] as const;

/** The report as text: tab-separated, CRLF, a header line, one line per household. */
export function reportText(report: MonthReport): string {
  const [y, m] = report.period.split('-') as [string, string];
  const adult = (a: ReportedAdult | undefined) => (a === undefined ? ['', '', '', ''] : [a.personnummer, a.kon, String(a.age), a.officialCode ?? a.supportObstacle]);
  const rows = report.households.map((h) => [y, m, h.kommun, h.distrikt, h.householdId, String(h.hushallstyp), String(h.childrenUnder18), String(h.amountKronor), ...adult(h.adults[0]), ...adult(h.adults[1])].join('\t'));
  return [FIELDS.join('\t'), ...rows].map((l) => `${l}\r\n`).join('');
}
