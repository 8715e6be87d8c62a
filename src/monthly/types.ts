/**
 * What the monthly comparison reads of a month: the members of the household as applied for and the
 * parts of the decision that are compared. Typed structurally, so a decision recorded by an older or
 * newer engine (parsed from the store) can be compared as long as it has these fields.
 *
 * Agency income data (income.items[].source "agency:<agency>", agency, benefit, classification,
 * changeThreshold) and flag severity 'block' are the agreed interface of the agency-data work; they
 * are optional here so that decisions without them compare too.
 */

import type { RegisteredPaymentOut } from '../output/types.ts';

/** How much an agency benefit may change month to month before a person must look (per rule row). */
export type ChangeThreshold = { readonly kind: 'percent'; readonly percent: number } | { readonly kind: 'exact' } | { readonly kind: 'none' };

export interface IncomeItemLike {
  readonly memberId: string;
  readonly type: string;
  readonly amount: string | null;
  readonly counted: string | null;
  /** "application" (declared by the applicant) or "agency:<agency>" (registered payment); absent = application. */
  readonly source?: string;
  readonly agency?: string;
  readonly benefit?: string;
  readonly subBenefit?: string | null;
  readonly classification?: string;
  readonly changeThreshold?: ChangeThreshold;
  /** The item's message: its arguments carry the income type's Swedish label (`label`). */
  readonly message?: { readonly args?: Readonly<Record<string, unknown>> };
}

/** A registered payment as the decision lists it (income.registered[]): what the payment checks read. */
export type RegisteredLike = Pick<RegisteredPaymentOut, 'memberId' | 'agency' | 'benefit' | 'subBenefit' | 'net' | 'paidOn' | 'periodFrom' | 'periodTo' | 'days' | 'preliminary' | 'ref' | 'month' | 'use' | 'classification'> & {
  readonly amountType?: string | null;
};

export interface FlagLike {
  readonly code: string;
  readonly severity: string;
  readonly memberId?: string;
}

export interface DecisionLike {
  readonly outcome: string;
  readonly payable: string | null;
  readonly norm: { readonly members: readonly { readonly memberId: string; readonly rule: string }[] };
  readonly costs: { readonly items: readonly { readonly type: string; readonly memberId: string | null; readonly claimed: string | null; readonly message?: { readonly args?: Readonly<Record<string, unknown>> } }[] };
  /** `registered` only in a decision computed now (the previous month's parts from the store leave it out). */
  readonly income: { readonly items: readonly IncomeItemLike[]; readonly registered?: readonly RegisteredLike[] };
  readonly flags: readonly FlagLike[];
  readonly needsInformation: readonly { readonly code: string; readonly blocking: boolean }[];
  readonly requiresAssessment: boolean;
}

export interface MemberLike {
  readonly id: string;
  readonly role: string;
  readonly birthDate?: string;
  /** Skyddade personuppgifter (members[].protectedIdentity): the case always goes to a person. */
  readonly protectedIdentity?: boolean;
}

/** One month of a case: the household's members as given and the decision computed for it. */
export interface MonthSnapshot {
  readonly members: readonly MemberLike[];
  readonly decision: DecisionLike;
}

/** The change codes of the monthly comparison (docs/monthly.md). */
export const CHANGE_CODES = [
  'NO_PREVIOUS_DECISION',
  'MEMBER_ADDED',
  'MEMBER_GONE',
  'CHILD_AGE_BAND_CHANGED',
  'COST_CHANGED',
  'DECLARED_INCOME_MISSING',
  'DECLARED_INCOME_CHANGED',
  'MISSING_REGISTERED_INCOME',
  'NEW_INCOME',
  'INCOME_DROPPED',
  'INCOME_CHANGE',
  'SSBTEK_DAY_CHECK',
  'STUDY_SUPPORT_NOT_RESUMED',
] as const;
export type ChangeCode = (typeof CHANGE_CODES)[number];

/**
 * One comparison of last month with this month: a trace step with both values. `changed` says
 * whether it sends the case to a person (a change beyond its threshold).
 */
export interface Comparison {
  readonly step: string;
  /** The change code when the comparison found a change, else null. */
  readonly code: ChangeCode | null;
  readonly subject: string;
  readonly previous: string | null;
  readonly current: string | null;
  /** For agency benefits: the threshold applied and the rounded change in percent. */
  readonly threshold?: string;
  readonly changePercent?: number | null;
  /** For NO_PREVIOUS_DECISION: the month looked for. */
  readonly period?: string;
  /** For the texts: the Swedish name of what was compared (an income type's label, a benefit). */
  readonly label?: string;
  /** For the payment checks: the period the payment covers. */
  readonly from?: string | null;
  readonly to?: string | null;
}
