/**
 * The household as the engine sees it after validation: the CONTRACT.md input with money in öre,
 * dates checked, and every optional fact either present or explicitly null ("not given").
 */
import type { Ore } from '../money/index.ts';
import type { Period } from '../period/index.ts';

export type Role = 'applicant' | 'partner' | 'child' | 'other-adult';
export const ROLES: readonly Role[] = ['applicant', 'partner', 'child', 'other-adult'];

export type Gender = 'female' | 'male' | 'other';
export const GENDERS: readonly Gender[] = ['female', 'male', 'other'];

export type ActivityStatus = 'required' | 'exempt' | 'participating' | 'declined';

/** Aktivitetskrav for an adult (from försörjningsstöd for October 2026): what the nämnd has recorded. */
export interface ActivityRequirement {
  readonly status: ActivityStatus;
  /** The exemption code (rules/activity-requirement.json) when status is exempt. */
  readonly exemption: string | null;
  /** When declined: the reason the person gave, for a caseworker to judge (godtagbart skäl); null = none. */
  readonly acceptableReason: string | null;
}

/** The adult does not stand at the labour market's disposal (or take part in an activity) because of illness. */
export interface Sickness {
  /** First day of the illness; null = not given. */
  readonly since: string | null;
  /** A läkarintyg has been handed in; null = not given. */
  readonly medicalCertificate: boolean | null;
}

export interface Member {
  readonly index: number;
  readonly id: string;
  readonly role: Role;
  readonly birthDate: string;
  readonly lunchOutsideHome: boolean;
  /** Days of the month the child lives here; null = all days. */
  readonly daysInHousehold: number | null;
  /** For members 18–20: in grundskola/gymnasium; null = not given. */
  readonly inSchool: boolean | null;
  readonly gender: Gender | null;
  readonly personnummer: string | null;
  /** Applicant or partner: stands at the labour market's disposal; null = not given (for the applicant also circumstances.availableForWork). */
  readonly availableForWork: boolean | null;
  /** Applicant or partner: the reason stated for not standing at the labour market's disposal (a person judges it); null = none. */
  readonly acceptableReason: string | null;
  /** For an applicant under 18: why they apply on their own (e.g. married, own child, parents dead); null = not given. */
  readonly minorApplicantReason: string | null;
  /** Applicant or partner: aktivitetskrav status; null = not given. */
  readonly activityRequirement: ActivityRequirement | null;
  /** Applicant or partner: illness (läkarintyg from 2026-07-01); null = not given. */
  readonly sickness: Sickness | null;
  /** The person's name, for the letter and the worksheet only (never used in the calculation); null = not given. */
  readonly name: string | null;
  /**
   * Skyddade personuppgifter (issue 22): view data only, never read by the calculation. The letter leaves
   * the household's address out (src/explain/letter/build.ts); the case work masks the member.
   */
  readonly protectedIdentity: boolean;
  /** Applicant or partner: försörjningshinder, a code of rules/support-obstacles.json (official statistics only); null = not given. */
  readonly supportObstacle: string | null;
}

export interface Income {
  readonly index: number;
  readonly memberId: string;
  readonly type: string;
  /** null = the income exists but its amount is not known. */
  readonly amount: Ore | null;
  /** Earlier earnings this calendar year (children's earnings limit); null = not given. */
  readonly yearToDate: Ore | null;
  readonly description: string | null;
}

export interface Cost {
  readonly index: number;
  readonly type: string;
  readonly amount: Ore | null;
  readonly memberId: string | null;
  readonly description: string | null;
}

export interface Asset {
  readonly index: number;
  readonly memberId: string | null;
  readonly type: string;
  readonly amount: Ore | null;
  readonly description: string | null;
}

export interface Circumstances {
  readonly availableForWork: boolean | null;
  readonly acceptableReason: string | null;
  readonly consecutiveMonthsOnAssistance: number | null;
  readonly rentCeiling: Ore | null;
  /** The day the household was told its rent is above what the nämnd finds reasonable (starts the rådrum); null = not told. */
  readonly rentCeilingNotifiedOn: string | null;
  /** What the ceiling rests on (the municipality's guideline, or the caseworker's assessment), in words; null = not given. */
  readonly rentCeilingBasis: string | null;
  readonly rentArrears: Ore | null;
  /** First month of the current 24-month jobbstimulans window, when the caseworker knows it. */
  readonly jobbstimulansStart: Period | null;
}

/** Who decides (beslutsfattare) and under which delegation. */
export interface DecisionMaker {
  readonly name: string;
  /** E.g. "socialsekreterare"; null = not given. */
  readonly title: string | null;
  /** The point of the nämnd's delegationsordning the decision is made under; null = not given. */
  readonly delegation: string | null;
}

/** Whom the applicant contacts with questions. */
export interface Contact {
  readonly name: string | null;
  readonly phone: string | null;
  readonly email: string | null;
}

/**
 * The case facts only the letter uses (docs/household.md "letterhead"): the nämnd, the application
 * date, the applicant's address, the decision maker with their delegation and the contact person. The
 * applicant's name and personnummer are the applicant member's `name` and `personnummer`.
 */
export interface Letterhead {
  /** The nämnd's name, e.g. "Socialnämnden i Exempelby"; null = not given. */
  readonly board: string | null;
  /** YYYY-MM-DD; null = not given. */
  readonly applicationDate: string | null;
  /** The applicant's postal address, one line each; empty = not given. */
  readonly applicantAddress: readonly string[];
  readonly decisionMaker: DecisionMaker | null;
  readonly contact: Contact | null;
}

export interface Household {
  readonly caseId: string | null;
  readonly period: Period;
  /** The date the decision is made (YYYY-MM-DD): picks the law cited; null = not given (the month decides). */
  readonly decidedOn: string | null;
  readonly municipality: string | null;
  readonly members: readonly Member[];
  readonly incomes: readonly Income[];
  readonly costs: readonly Cost[];
  readonly assets: readonly Asset[];
  readonly circumstances: Circumstances;
  /** Payments reported by the agencies (SSBTEK); empty when none were read. */
  readonly registeredIncomes: readonly RegisteredIncome[];
  /** How each agency answered for each member; a member with payments and no entry counts as answered. */
  readonly agencyAnswers: readonly AgencyAnswer[];
  /** The letter's case facts; null = none given. */
  readonly letterhead: Letterhead | null;
}

/** One problem with the input: the field path in CONTRACT.md notation and a message that says what is expected. */
export interface InputIssue {
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

/** The agencies that report payments through SSBTEK (CONTRACT.md "Agency income data"). */
export type Agency = 'fk' | 'pm' | 'akassa' | 'csn' | 'af' | 'skv' | 'migrationsverket';
export const AGENCIES: readonly Agency[] = ['fk', 'pm', 'akassa', 'csn', 'af', 'skv', 'migrationsverket'];

/** How an agency answered the question about one member. */
export type AgencyAnswerStatus = 'answered' | 'nothing' | 'unverifiable' | 'failed';
export const AGENCY_ANSWER_STATUSES: readonly AgencyAnswerStatus[] = ['answered', 'nothing', 'unverifiable', 'failed'];

/**
 * One payment as an agency reports it (SSBTEK). `benefit`, `subBenefit` and `amountType` are the
 * agency's own words; only `net` is ever counted, the other amounts are shown.
 */
export interface RegisteredIncome {
  readonly index: number;
  readonly memberId: string;
  readonly agency: Agency;
  readonly benefit: string;
  readonly subBenefit: string | null;
  readonly amountType: string | null;
  readonly net: Ore;
  readonly gross: Ore | null;
  readonly tax: Ore | null;
  /** Payment date; null only when the agency has not booked one yet (then periodFrom must be given). */
  readonly paidOn: string | null;
  readonly periodFrom: string | null;
  readonly periodTo: string | null;
  /** Days paid, as the agency reports them (may be "0.5"). */
  readonly days: string | null;
  readonly preliminary: boolean;
  readonly ref: string | null;
  /** A caseworker's classification of the payment, when a person has made one. */
  readonly assessment: PaymentAssessment | null;
}

/** How a person classified a registered payment: counted as an income type, or not counted and why. */
export interface PaymentAssessment {
  readonly action: 'count' | 'exclude';
  readonly incomeType: string | null;
  readonly reason: string | null;
}

export interface AgencyAnswer {
  readonly index: number;
  readonly memberId: string;
  readonly agency: Agency;
  readonly status: AgencyAnswerStatus;
}
