/**
 * The codes the engine writes, as lists: what a flag, a missing fact and a reason can be called. The
 * types below make the compiler refuse a flag or a missing fact with a code that is not listed here,
 * so that these lists are every code a caseworker can be shown (with the conditions of
 * rules/conditions/, whose codes the rule files give), and test/explain/code-labels.test.ts checks
 * that each has a Swedish label (src/explain/labels.js). Data only.
 *
 * The monthly run's own codes are listed where they are made: CHANGE_CODES (src/monthly/types.ts) and
 * ROUTING_CODES (src/monthly/route.ts).
 */

/** flags[].code: the codes of the rule files' flags and those the concepts raise themselves. */
export const FLAG_CODES = [
  // rules/conditions/flags.json, labour-market.json, reform-2027.json
  'CHILD_AFFECTED_BY_REFUSAL',
  'RENT_ABOVE_CEILING',
  'RENT_RADRUM_ENDS',
  'RENT_ARREARS',
  'COST_NEEDS_ASSESSMENT',
  'ASSETS_ABOVE_BUFFER',
  'NON_LIQUID_ASSETS',
  'OTHER_ADULT_IN_HOUSEHOLD',
  'SHARED_HOUSING_COST',
  'APPLICANT_UNDER_18',
  'PARTNER_UNDER_18',
  'CHILD_OVER_20',
  'BORN_DURING_PERIOD',
  'LONG_TERM_ASSISTANCE',
  'CHILD_EARNINGS_ABOVE_LIMIT',
  'CHILD_ALLOWANCE_MISMATCH',
  'NORM_ESTIMATE_USED',
  'NOT_AT_LABOUR_MARKET_DISPOSAL',
  'LABOUR_MARKET_REASON_TO_ASSESS',
  'SUBLET_WITHOUT_CONSENT',
  'NOT_LAWFULLY_RESIDENT',
  // src/activity
  'ACTIVITY_DECLINED',
  'ACTIVITY_DECLINED_WITH_REASON',
  // src/agency
  'AGENCY_ANSWER_MISSING',
  'UNHANDLED_INCOME',
  'REGISTERED_INCOME_TO_ASSESS',
  'DECLARED_DIFFERS_FROM_REGISTERED',
  'INCOME_FROM_EARLIER_MONTH',
  // Records written before issue 20 (the partner now goes through the applicant's rule).
  'PARTNER_NOT_AT_LABOUR_MARKET_DISPOSAL',
] as const;
export type FlagCode = (typeof FLAG_CODES)[number];

/** needsInformation[].code: the facts a proposal can be missing. */
export const NEEDS_CODES = [
  // rules/conditions/
  'MINOR_APPLICANT_REASON_MISSING',
  'JOBBSTIMULANS_UNKNOWN',
  'LABOUR_MARKET_STATUS_UNKNOWN',
  // the concepts
  'SCHOOL_STATUS_UNKNOWN',
  'COST_AMOUNT_MISSING',
  'INCOME_AMOUNT_MISSING',
  'ASSET_AMOUNT_MISSING',
  'CHILD_EARNINGS_YEAR_TO_DATE_UNKNOWN',
  'RENT_CEILING_BASIS_MISSING',
  'ACTIVITY_STATUS_UNKNOWN',
  'ACTIVITY_DECISION_BY_PERSON',
  'LABOUR_MARKET_DECISION_BY_PERSON',
  'MEDICAL_CERTIFICATE_MISSING',
  'AGENCY_ANSWER_MISSING',
  'RULES_PENDING',
] as const;
export type NeedsCode = (typeof NEEDS_CODES)[number];

/** reasons[].code of the decision itself (a cost line whose claim is cut gives its line's code as a reason too). */
export const REASON_CODES = ['RIGHT_TO_ASSISTANCE', 'INCOME_COVERS_NEED', 'ASSETS_COVER_NEED', 'OWN_MEANS_USED', 'NOT_AT_LABOUR_MARKET_DISPOSAL', 'AID_CAP'] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

/** A code of the lists above, checked (a rule file's code is read as text). */
export function isFlagCode(code: string): code is FlagCode {
  return (FLAG_CODES as readonly string[]).includes(code);
}
export function isNeedsCode(code: string): code is NeedsCode {
  return (NEEDS_CODES as readonly string[]).includes(code);
}

/** A rule file's code as a flag code; a code outside FLAG_CODES is a fault in rules/ (the tests check every rule file). */
export function flagCode(code: string): FlagCode {
  if (!isFlagCode(code)) throw new Error(`[engine] the flag code ${code} is not in FLAG_CODES (src/output/codes.ts)`);
  return code;
}

/** A rule file's code as a missing fact's code; a code outside NEEDS_CODES is a fault in rules/. */
export function needsCode(code: string): NeedsCode {
  if (!isNeedsCode(code)) throw new Error(`[engine] the missing-fact code ${code} is not in NEEDS_CODES (src/output/codes.ts)`);
  return code;
}
