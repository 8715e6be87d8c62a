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
 *
 * The other bounds keep what the engine prints proportional to a real household (issue 27).
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

/**
 * The most items one of incomes, costs, assets, registeredIncomes and agencyAnswers may hold (issue
 * 27). Every item is repeated in the decision (its line, its trace steps, its texts): an agency
 * payment with 200-character texts gives about 13 KB of `calculate --json`, a member about 5 KB, an
 * income 3 KB (measured on the compiled CLI). A household of 72 000 payments (6.5 MB of JSON) gave more
 * than the 512 MB a JavaScript string can hold, and calculate crashed. With these bounds the largest
 * accepted household prints about 50 MB, and a real one (a few dozen payments from the M−2 … M window
 * of SSBTEK, a handful of incomes and costs) is far below them.
 */
export const MAX_LIST_ITEMS = 2000;
/**
 * The longest text from an agency (`benefit`, `subBenefit`, `amountType`, `ref`, `days`) and the
 * longest activity exemption code: each is repeated 9–15 times in the decision (issue 27). The
 * agencies' own names are under 60 characters.
 */
export const MAX_TEXT_LENGTH = 200;
/** The longest free-text reason (`acceptableReason`, `minorApplicantReason`): repeated a few times in the decision. */
export const MAX_REASON_LENGTH = 2000;
/**
 * A date or month of the case further than this from the benefit month is not plausible (a typo such
 * as 9999-12 or 2206, issue 27): a decision date, an agency payment's dates, the start of a
 * jobbstimulans window. Real ones lie within months of the period (an appeal within a few years).
 */
export const MAX_YEARS_FROM_PERIOD = 10;
/**
 * At most this many problems are listed for one household (then one line says how many more): every
 * problem is reported at once, but a 100 MB list of bad items must not give a gigabyte of messages.
 */
export const MAX_PROBLEMS = 1000;
/**
 * The largest household, in bytes of JSON: a `calculate` file or one `batch` line (the API takes at
 * most 256 KB a request). The list bounds above keep the decision small whatever the input; this one
 * keeps reading it cheap (a file of gigabytes is refused before it is read, not after).
 */
export const MAX_HOUSEHOLD_BYTES = 32 * 1024 * 1024;
/** At most this many unknown fields are listed in a decision's warnings (then one says how many more). */
export const MAX_UNKNOWN_FIELD_WARNINGS = 100;

/**
 * Below this age a member cannot be the applicant or the partner (an input error, not a flag): a person
 * under 15 cannot be anyone's sambo (below the age of consent, 6 kap. 4 § BrB) and a child's needs are
 * met through the parents' application. A plausibility bound of the engine, not a policy value; the
 * policy thresholds (18 for a minor applicant or partner, 20 for a child) are in rules/conditions/.
 */
export const MIN_AGE_APPLICANT_OR_PARTNER = 15;

/** The longest text of the letterhead or a member's name (a name, a line of the address, a delegation): one printed line. */
export const MAX_LETTERHEAD_TEXT = 200;

/** The lines of the applicant's postal address a window envelope shows. */
export const MAX_ADDRESS_LINES = 6;
