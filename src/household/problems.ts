/**
 * Problems with the input, as data (issue 27): where (`path`, the field in CONTRACT.md notation), which
 * problem (`key`; its `code`, the part before the first dot, is what machines read), and the values a
 * message needs (`args`). No text lives here: src/explain/problems.ts renders a problem in Swedish (the
 * default) or English at the edge (calculate, batch, the API, the page), as the decision's texts are.
 *
 * A value repeated from the input is an Echo: at most ECHO_MAX characters of it and, when it was
 * longer, its full length, so a 10 MB value stays a short message, whatever the language.
 */

/** The most characters of an input value a problem repeats. */
export const ECHO_MAX = 60;

/** A value from the input, cut: `text` is at most ECHO_MAX characters; `length` is the whole value's length when it was cut. */
export interface Echo {
  readonly text: string;
  readonly length?: number;
}

/** An input value as a problem repeats it (cut after ECHO_MAX characters, never in a surrogate pair). */
export function echo(value: string): Echo {
  if (value.length <= ECHO_MAX) return { text: value };
  const end = /[\uD800-\uDBFF]/.test(value[ECHO_MAX - 1] ?? '') ? ECHO_MAX - 1 : ECHO_MAX;
  return { text: value.slice(0, end), length: value.length };
}

/**
 * What a field must hold, in docs/household.md's words (the view words each one): the message for a
 * missing field or a value of the wrong JSON type says it.
 */
export type FieldKind =
  | 'household'
  | 'caseId'
  | 'period'
  | 'date'
  | 'birthDate'
  | 'decidedOn'
  | 'kommunkod'
  | 'members'
  | 'member'
  | 'memberId'
  | 'memberRef'
  | 'role'
  | 'flag'
  | 'flagOrNull'
  | 'days'
  | 'gender'
  | 'personnummer'
  | 'reason'
  | 'name'
  | 'activityRequirement'
  | 'activityStatus'
  | 'exemption'
  | 'sickness'
  | 'supportObstacle'
  | 'district'
  | 'incomes'
  | 'income'
  | 'incomeType'
  | 'costs'
  | 'cost'
  | 'costType'
  | 'assets'
  | 'asset'
  | 'assetType'
  | 'money'
  | 'description'
  | 'circumstances'
  | 'months'
  | 'month'
  | 'registeredIncomes'
  | 'registeredIncome'
  | 'agency'
  | 'benefit'
  | 'agencyText'
  | 'agencyDays'
  | 'assessment'
  | 'assessmentAction'
  | 'agencyAnswers'
  | 'agencyAnswer'
  | 'answerStatus'
  | 'letterhead'
  | 'letterText'
  | 'addressLines'
  | 'decisionMaker'
  | 'contact';

/** The JSON type of a value that has the wrong one (the message says what is there instead). */
export type Given = 'number' | 'text' | 'true' | 'false' | 'null' | 'list' | 'object';

export function givenOf(value: unknown): Given {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'object';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return 'number';
}

/** Which rule file (or part of one) a month has no values in. */
export type RulesPart =
  | 'riksnorm'
  | 'legal'
  | 'prisbasbelopp'
  | 'incomeTypes'
  | 'costTypes'
  | 'assetTypes'
  | 'municipal'
  | 'barnkonsekvens'
  | 'eligibility'
  | 'labour-market'
  | 'flags'
  | 'agencyIncomeMonth'
  | 'agencyIncomeMap'
  | 'jobbstimulans';

/** The three lists whose items have a type from the period's rules. */
export type TypedList = 'incomes' | 'costs' | 'assets';

/**
 * Every problem and the arguments its message needs. The key's part before the first dot is the
 * documented code; the part after it, when there is one, picks the wording for the reason.
 */
export interface ProblemArgTypes {
  // The bytes and the whole input ((household), the file, (line), (body)).
  INVALID_UTF8: { offset: number };
  'INVALID_UTF8.line': { offset: number };
  INVALID_JSON: { line: number; column: number };
  'INVALID_JSON.line': { column: number };
  'INVALID_JSON.end': Record<string, never>;
  TOO_LARGE: { size: number; max: number };
  UNREADABLE_FILE: { reason: string };
  'UNREADABLE_FILE.notFound': Record<string, never>;
  'UNREADABLE_FILE.denied': Record<string, never>;
  'UNREADABLE_FILE.directory': Record<string, never>;
  NOT_AN_OBJECT: { given: Given };
  TOO_DEEP: { max: number };
  EMPTY_LINE: Record<string, never>;
  TOO_MANY_PROBLEMS: { more: number; max: number };

  // A field of the wrong JSON type, or missing.
  REQUIRED: { holds: FieldKind };
  INVALID_FIELD: { holds: FieldKind; given: Given; value?: Echo };
  'INVALID_FIELD.notWhole': { holds: FieldKind };
  'INVALID_FIELD.negative': { holds: FieldKind; value: number };
  'INVALID_FIELD.empty': { holds: FieldKind };

  // Forms and values.
  INVALID_PERIOD: { value: Echo };
  'INVALID_PERIOD.noSuchMonth': { value: Echo; month: number };
  'INVALID_PERIOD.toBeforeFrom': { value: string; from: string };
  INVALID_DATE: { value: Echo };
  'INVALID_DATE.noSuchMonth': { value: string; month: number };
  'INVALID_DATE.noSuchDay': { value: string; month: string; days: number };
  'INVALID_DATE.beforeEarliest': { value: string; earliest: string };
  INVALID_MUNICIPALITY: { value: Echo };
  INVALID_ROLE: { value: Echo; allowed: readonly string[] };
  INVALID_GENDER: { value: Echo; allowed: readonly string[] };
  INVALID_SUPPORT_OBSTACLE: { value: Echo };
  INVALID_STATUS: { value: Echo; allowed: readonly string[] };
  UNKNOWN_AGENCY: { value: Echo; allowed: readonly string[] };
  INVALID_ACTION: { value: Echo; allowed: readonly string[] };
  INVALID_DAYS: { value: Echo };
  'INVALID_DAYS.negative': { value: number };
  'INVALID_DAYS.moreThanMonth': { value: number; period: string; days: number };
  INVALID_PERSONNUMMER: { length: number };
  'INVALID_PERSONNUMMER.plus': Record<string, never>;
  'INVALID_PERSONNUMMER.date': { masked: string };
  'INVALID_PERSONNUMMER.checkDigit': { masked: string };
  INVALID_AMOUNT: { value: Echo };
  NEGATIVE_AMOUNT: { value: Echo };
  AMOUNT_TOO_LARGE: { max: string };
  TOTAL_TOO_LARGE: { max: string };
  TOO_LONG: { max: number; length: number };
  TOO_MANY_ITEMS: { max: number; count: number };

  // The members.
  NO_MEMBERS: Record<string, never>;
  NO_APPLICANT: Record<string, never>;
  SEVERAL_APPLICANTS: { count: number };
  SEVERAL_PARTNERS: { count: number };
  TOO_MANY_MEMBERS: { max: number; count: number };
  DUPLICATE_MEMBER_ID: { value: Echo; other: number };
  UNKNOWN_MEMBER: { value: Echo };
  'NOT_A_CHILD.days': Record<string, never>;
  'NOT_A_CHILD.lunch': Record<string, never>;
  NOT_AN_ADULT_IN_CASE: Record<string, never>;
  BORN_AFTER_PERIOD: { value: string; period: string };
  IMPLAUSIBLE_AGE: { role: string; age: number; period: string; min: number };
  'REQUIRED.exemption': Record<string, never>;
  NOT_EXEMPT: { status: string };
  NOT_DECLINED: { status: string };

  // Dates and months against the period and each other.
  AFTER_PERIOD: { value: string; period: string };
  'AFTER_PERIOD.jobbstimulans': { value: string; period: string };
  BEFORE_BIRTH: { value: string; birthDate: string };
  AFTER_DECISION: { value: string; decidedOn: string };
  CONFLICTS_WITH_CIRCUMSTANCES: { field: 'availableForWork' | 'acceptableReason'; here: Echo | boolean; there: Echo | boolean };
  DECIDED_TOO_EARLY: { value: string; period: string; earliest: string };
  FAR_FROM_PERIOD: { value: string; period: string; years: number };
  TOO_MANY_MONTHS: { value: number; age: number; months: number };

  // Agency data.
  'REQUIRED.paidOn': Record<string, never>;
  'REQUIRED.assessmentIncomeType': Record<string, never>;
  'REQUIRED.assessmentReason': Record<string, never>;
  NOT_ALLOWED: Record<string, never>;
  DUPLICATE_ANSWER: { other: number; agency: string; memberId: Echo };
  ANSWER_CONTRADICTS_PAYMENTS: { status: string; payment: number; agency: string; memberId: Echo };

  // Against the period's rules.
  UNKNOWN_TYPE: { list: TypedList; value: Echo; period: string; allowed: readonly string[] };
  UNKNOWN_EXEMPTION: { value: Echo; period: string; allowed: readonly string[] };
  NO_RULES_FOR_PERIOD: { period: string; part: RulesPart; available: readonly string[] };
  'NO_RULES_FOR_PERIOD.decidedOn': { date: string; available: readonly string[] };
  'NO_RULES_FOR_PERIOD.agencyMap': { period: string; from: string };
}

export type ProblemKey = keyof ProblemArgTypes;

/** One problem with the input: where, which (its documented code, and the key of its wording), and the values its message needs. */
export interface InputProblem<K extends ProblemKey = ProblemKey> {
  readonly path: string;
  readonly code: string;
  readonly key: K;
  readonly args: ProblemArgTypes[K];
}

/** The documented code of a problem (INVALID_DATE for INVALID_DATE.noSuchDay). */
export function codeOf(key: ProblemKey): string {
  const dot = key.indexOf('.');
  return dot < 0 ? key : key.slice(0, dot);
}

export function problem<K extends ProblemKey>(path: string, key: K, args: ProblemArgTypes[K]): InputProblem<K> {
  return { path, code: codeOf(key), key, args };
}

/** For the problems that need no arguments. */
export const NO_ARGS: Record<string, never> = Object.freeze({}) as Record<string, never>;
