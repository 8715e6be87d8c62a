/**
 * Bounds on the input that keep every amount the engine computes exact and printable (issue 13).
 *
 * Money is integer öre in a JavaScript number, exact up to 2^53 öre (about 90 000 000 000 000 kr),
 * and printed as a kronor string of at most 12 integer digits (the input format, so every amount the
 * engine prints can be read back). Each amount alone is valid up to 999 999 999 999.99 kr in the
 * format, but a hundred of them add up to more than 2^53 öre. These bounds are technical, not policy:
 * no household's month comes near them, and they make overflow impossible for any accepted input:
 *
 * - one amount ≤ MAX_AMOUNT (1 000 000 000 kr);
 * - the amounts of one list (incomes, yearToDate, costs, assets) add up to ≤ MAX_LIST_TOTAL
 *   (10 000 000 000 kr), so every sum of a list, and need = norm + accepted costs, stay below it;
 * - at most MAX_MEMBERS members, so the norm (under 10 000 kr a member) stays below 10 000 000 kr.
 *
 * Every amount computed from an accepted household (norm, need, payable, shares, the 25 % of
 * jobbstimulans) is therefore at most about 2 × 10^12 öre: exact, far below 2^53, and at most
 * 11 integer digits in kronor. test/household/bounds.test.ts proves it with a property.
 */
import { formatKronorSv, type Ore } from '../money/index.ts';

/** The largest single amount accepted: 1 000 000 000 kr. */
export const MAX_AMOUNT_ORE = 100_000_000_000 as Ore;
/** The largest total of one list's amounts: 10 000 000 000 kr. */
export const MAX_LIST_TOTAL_ORE = 1_000_000_000_000 as Ore;
/** The most members one household may have. */
export const MAX_MEMBERS = 1000;
/**
 * The longest member id or case id. Ids are repeated in the trace and every text about the member:
 * a 10 MB id gave 304 MB of output (issue 13, F12).
 */
export const MAX_ID_LENGTH = 200;

export const MAX_AMOUNT_TEXT = formatKronorSv(MAX_AMOUNT_ORE);
export const MAX_LIST_TOTAL_TEXT = formatKronorSv(MAX_LIST_TOTAL_ORE);

/** The message for one amount above the bound. */
export function amountTooLarge(): string {
  return `must be at most ${MAX_AMOUNT_TEXT} (the engine's bound for one amount)`;
}

/** The message for a list whose amounts add up to more than the bound. */
export function totalTooLarge(what: string): string {
  return `the ${what} add up to more than ${MAX_LIST_TOTAL_TEXT} (the engine's bound for a household's total)`;
}

/**
 * Below this age a member cannot be the applicant or the partner (an input error, not a flag): a person
 * under 15 cannot be anyone's sambo (below the age of consent, 6 kap. 4 § BrB) and a child's needs are
 * met through the parents' application. A plausibility bound of the engine, not a policy value; the
 * policy thresholds (18 for a minor applicant or partner, 20 for a child) are in rules/conditions/.
 */
export const MIN_AGE_APPLICANT_OR_PARTNER = 15;
