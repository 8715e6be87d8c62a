/**
 * Validates a household (CONTRACT.md) and turns it into the engine's Household.
 *
 * One pass over the whole input reports every problem at once (issue 27): a field of the wrong JSON
 * type is reported and left out, and every other field is still checked (an impossible date, a negative
 * amount, an unknown member), so a caseworker sees all of them the first time. Each problem is data
 * (household/problems.ts: path, key, args); src/explain/problems.ts words it in Swedish or English.
 *
 * Fields the contract does not know are kept out of the calculation and reported as warnings, so a typo
 * ("daysInHouseHold") is visible instead of silently ignored.
 *
 * The zod schema below is the household's shape as documented (scripts/schemas.ts generates
 * schemas/household.schema.json from it); the reader checks the same shape field by field, so that it
 * can go on after a wrong field and say what the field must hold (test/batch/fast-parse.test.ts checks
 * that the two accept the same households).
 */
import { z } from 'zod';
import { parseKronor, type Ore } from '../money/index.ts';
import { addMonths, ageOn, daysInMonth, firstDayOf, isIsoDate, lastDayOf, monthsBetween, parsePeriod, type Period } from '../period/index.ts';
import {
  MAX_AMOUNT_ORE,
  MAX_ID_LENGTH,
  MAX_LIST_ITEMS,
  MAX_LIST_TOTAL_ORE,
  MAX_MEMBERS,
  MAX_PROBLEMS,
  MAX_REASON_LENGTH,
  MAX_TEXT_LENGTH,
  MAX_UNKNOWN_FIELD_WARNINGS,
  MAX_YEARS_FROM_PERIOD,
  MIN_AGE_APPLICANT_OR_PARTNER,
  MAX_LETTERHEAD_TEXT,
  MAX_ADDRESS_LINES,
} from './limits.ts';
import { quote } from './echo.ts';
import { personnummerProblem } from './personnummer.ts';
import { echo, givenOf, NO_ARGS, problem, type FieldKind, type InputProblem, type ProblemArgTypes, type ProblemKey, type TypedList } from './problems.ts';
import {
  AGENCIES,
  AGENCY_ANSWER_STATUSES,
  GENDERS,
  ROLES,
  type ActivityStatus,
  type Agency,
  type AgencyAnswer,
  type AgencyAnswerStatus,
  type Asset,
  type Cost,
  type Household,
  type Income,
  type InputIssue,
  type Member,
  type PaymentAssessment,
  type RegisteredIncome,
} from './types.ts';

// ---- the documented shape (JSON Schema) ---------------------------------------------------------

/** Aktivitetskrav (12 kap. 4 a–6 a §§ SoL (2025:400), from försörjningsstöd for October 2026): the adult's status. */
export const ACTIVITY_STATUSES = ['required', 'exempt', 'participating', 'declined'] as const;
const text = z.string();
const money = z.string();
const optionalMoney = money.nullable().optional();
const activitySchema = z.object({ status: z.string(), exemption: text.nullable().optional(), acceptableReason: text.nullable().optional() });
const sicknessSchema = z.object({ since: z.string().nullable().optional(), medicalCertificate: z.boolean().nullable().optional() });
const memberSchema = z.object({
  id: text.min(1),
  role: z.string(),
  birthDate: z.string(),
  lunchOutsideHome: z.boolean().optional(),
  daysInHousehold: z.number().int().nullable().optional(),
  inSchool: z.boolean().nullable().optional(),
  gender: z.string().nullable().optional(),
  personnummer: text.nullable().optional(),
  availableForWork: z.boolean().nullable().optional(),
  acceptableReason: text.nullable().optional(),
  activityRequirement: activitySchema.nullable().optional(),
  sickness: sicknessSchema.nullable().optional(),
  name: text.optional(),
  minorApplicantReason: text.nullable().optional(),
  /** Skyddade personuppgifter (issue 22): the member's name, personnummer and address are masked (src/casework/protectedIdentity.ts); the calculation does not read it. */
  protectedIdentity: z.boolean().optional(),
  /** Försörjningshinder (issue 25): a code of rules/support-obstacles.json, for the official statistics; the calculation does not read it. */
  supportObstacle: text.nullable().optional(),
});
const incomeSchema = z.object({ memberId: text, type: text, amount: optionalMoney, yearToDate: optionalMoney, description: text.nullable().optional() });
const costSchema = z.object({ type: text, amount: optionalMoney, memberId: text.nullable().optional(), description: text.nullable().optional() });
const assetSchema = z.object({ memberId: text.nullable().optional(), type: text, amount: optionalMoney, description: text.nullable().optional() });
const circumstancesSchema = z.object({
  availableForWork: z.boolean().nullable().optional(),
  acceptableReason: text.nullable().optional(),
  consecutiveMonthsOnAssistance: z.number().int().nonnegative().nullable().optional(),
  rentCeiling: optionalMoney,
  rentCeilingNotifiedOn: z.string().nullable().optional(),
  rentCeilingBasis: text.nullable().optional(),
  rentArrears: optionalMoney,
  jobbstimulansStart: text.nullable().optional(),
});
const registeredIncomeSchema = z.object({
  memberId: text,
  agency: z.string(),
  benefit: text.min(1),
  subBenefit: text.nullable().optional(),
  amountType: text.nullable().optional(),
  net: money,
  gross: optionalMoney,
  tax: optionalMoney,
  paidOn: z.string().nullable().optional(),
  periodFrom: z.string().nullable().optional(),
  periodTo: z.string().nullable().optional(),
  days: text.nullable().optional(),
  preliminary: z.boolean().optional(),
  ref: text.nullable().optional(),
  /** A caseworker's classification of a payment the rules leave to a person (or do not know). */
  assessment: z.object({ action: z.string(), incomeType: text.nullable().optional(), reason: text.nullable().optional() }).nullable().optional(),
});
const assessmentSchema = registeredIncomeSchema.shape.assessment.unwrap().unwrap();
const agencyAnswerSchema = z.object({ memberId: text, agency: z.string(), status: z.string() });
/** The letter's case facts (docs/household.md "letterhead"): only the letter and the worksheet use them. */
const decisionMakerSchema = z.object({ name: text, title: text.nullable().optional(), delegation: text.nullable().optional() });
const contactSchema = z.object({ name: text.nullable().optional(), phone: text.nullable().optional(), email: text.nullable().optional() });
const letterheadSchema = z.object({
  board: text.nullable().optional(),
  applicationDate: z.string().nullable().optional(),
  applicantAddress: z.array(text).nullable().optional(),
  decisionMaker: decisionMakerSchema.nullable().optional(),
  contact: contactSchema.nullable().optional(),
});

export const householdSchema = z.object({
  caseId: text.nullable().optional(),
  period: z.string(),
  decidedOn: z.string().nullable().optional(),
  municipality: text.nullable().optional(),
  /** Stadsdel or distrikt (issue 25): for the official statistics only (Stockholm, Göteborg, Malmö); the calculation does not read it. */
  district: text.nullable().optional(),
  members: z.array(memberSchema),
  incomes: z.array(incomeSchema).optional(),
  costs: z.array(costSchema).optional(),
  assets: z.array(assetSchema).optional(),
  circumstances: circumstancesSchema.optional(),
  registeredIncomes: z.array(registeredIncomeSchema).optional(),
  agencyAnswers: z.array(agencyAnswerSchema).optional(),
  letterhead: letterheadSchema.nullable().optional(),
});

/** Field names the contract (and this engine) knows, for the unknown-field warnings. */
const KNOWN_KEYS: Record<string, ReadonlySet<string>> = {
  '': new Set(Object.keys(householdSchema.shape)),
  members: new Set(Object.keys(memberSchema.shape)),
  incomes: new Set(Object.keys(incomeSchema.shape)),
  costs: new Set(Object.keys(costSchema.shape)),
  assets: new Set(Object.keys(assetSchema.shape)),
  circumstances: new Set(Object.keys(circumstancesSchema.shape)),
  registeredIncomes: new Set(Object.keys(registeredIncomeSchema.shape)),
  assessment: new Set(Object.keys(assessmentSchema.shape)),
  agencyAnswers: new Set(Object.keys(agencyAnswerSchema.shape)),
  activityRequirement: new Set(Object.keys(activitySchema.shape)),
  sickness: new Set(Object.keys(sicknessSchema.shape)),
  letterhead: new Set(Object.keys(letterheadSchema.shape)),
  decisionMaker: new Set(Object.keys(decisionMakerSchema.shape)),
  contact: new Set(Object.keys(contactSchema.shape)),
};

// ---- depth --------------------------------------------------------------------------------------

/** Deeper nesting than any household needs (it needs 3); the canonical input hash recurses. */
export const MAX_JSON_DEPTH = 64;

/**
 * Whether a parsed JSON value nests deeper than max. It recurses, but stops at max + 1 levels, so it
 * cannot overflow the stack itself (and allocates nothing, unlike a work list of [value, depth] pairs).
 */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  return value !== null && typeof value === 'object' && objectNestsDeeper(value, 1, max);
}

function objectNestsDeeper(v: object, depth: number, max: number): boolean {
  if (depth > max) return true;
  if (Array.isArray(v)) {
    for (const child of v) if (child !== null && typeof child === 'object' && objectNestsDeeper(child, depth + 1, max)) return true;
  } else {
    for (const child of Object.values(v)) if (child !== null && typeof child === 'object' && objectNestsDeeper(child, depth + 1, max)) return true;
  }
  return false;
}

// ---- unknown fields -----------------------------------------------------------------------------

type Obj = Record<string, unknown>;
const isRecord = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Unknown keys of one object, in sorted order (only the rare unknown ones are sorted). The object is
 * at `list[index].field`: `index` −1 for no list index, `field` '' for the item itself. The path is
 * only written out for an unknown key (this runs for every object of every household).
 */
function checkKeys(warnings: InputIssue[], obj: unknown, known: ReadonlySet<string>, list: string, index: number, field = ''): void {
  if (!isRecord(obj)) return;
  let unknown: string[] | null = null;
  for (const key of Object.keys(obj)) if (!known.has(key)) (unknown ??= []).push(key);
  if (unknown === null) return;
  unknown.sort();
  const path = `${index < 0 ? list : `${list}[${index}]`}${field === '' ? '' : `.${field}`}`;
  for (const key of unknown) {
    const name = /^[A-Za-z_$][A-Za-z0-9_$-]{0,59}$/.test(key) ? key : `[${quote(key)}]`;
    warnings.push({ path: path === '' ? name : name.startsWith('[') ? `${path}${name}` : `${path}.${name}`, code: 'UNKNOWN_FIELD', message: 'not a field this engine knows; it was not used' });
  }
}

/**
 * UNKNOWN_FIELD warnings for every object of the household: the top, the list items, circumstances, and
 * a member's activityRequirement and sickness. At most MAX_UNKNOWN_FIELD_WARNINGS are listed, then one
 * warning says how many more there are (a million unknown keys must not give a million warnings).
 */
export function unknownKeyWarnings(raw: Obj): InputIssue[] {
  const warnings: InputIssue[] = [];
  checkKeys(warnings, raw, KNOWN_KEYS['']!, '', -1);
  for (const list of ['members', 'incomes', 'costs', 'assets', 'registeredIncomes', 'agencyAnswers'] as const) {
    const items = raw[list];
    if (!Array.isArray(items)) continue;
    for (let i = 0; i < items.length; i++) {
      const item: unknown = items[i];
      checkKeys(warnings, item, KNOWN_KEYS[list]!, list, i);
      if (list === 'registeredIncomes' && isRecord(item)) checkKeys(warnings, item['assessment'], KNOWN_KEYS['assessment']!, list, i, 'assessment');
      if (list === 'members' && isRecord(item)) {
        checkKeys(warnings, item['activityRequirement'], KNOWN_KEYS['activityRequirement']!, list, i, 'activityRequirement');
        checkKeys(warnings, item['sickness'], KNOWN_KEYS['sickness']!, list, i, 'sickness');
      }
    }
  }
  checkKeys(warnings, raw['circumstances'], KNOWN_KEYS['circumstances']!, 'circumstances', -1);
  const letterhead = raw['letterhead'];
  checkKeys(warnings, letterhead, KNOWN_KEYS['letterhead']!, 'letterhead', -1);
  if (isRecord(letterhead)) {
    checkKeys(warnings, letterhead['decisionMaker'], KNOWN_KEYS['decisionMaker']!, 'letterhead', -1, 'decisionMaker');
    checkKeys(warnings, letterhead['contact'], KNOWN_KEYS['contact']!, 'letterhead', -1, 'contact');
  }
  if (warnings.length <= MAX_UNKNOWN_FIELD_WARNINGS) return warnings;
  const more = warnings.length - MAX_UNKNOWN_FIELD_WARNINGS;
  return [
    ...warnings.slice(0, MAX_UNKNOWN_FIELD_WARNINGS),
    { path: '(household)', code: 'UNKNOWN_FIELD', message: `and ${more} more fields this engine does not know (the first ${MAX_UNKNOWN_FIELD_WARNINGS} are listed); they were not used` },
  ];
}

// ---- reading fields -----------------------------------------------------------------------------

/** How a field may be left out: required; optional (absent, never null); nullable (absent or null: not given). */
type Mode = 'required' | 'optional' | 'nullable';

/** The problems found so far, and how many are about the shape (a missing field or a wrong JSON type). */
class Reader {
  readonly problems: InputProblem[] = [];
  shapeProblems = 0;
  add<K extends ProblemKey>(path: string, key: K, args: ProblemArgTypes[K]): void {
    this.problems.push(problem(path, key, args));
  }
  shape<K extends ProblemKey>(path: string, key: K, args: ProblemArgTypes[K]): void {
    this.shapeProblems++;
    this.add(path, key, args);
  }
}

const at = (base: string, key: string): string => (base === '' ? key : `${base}.${key}`);

/**
 * A field's value when it has the JSON type `type`; null when it is not given (absent, or null where
 * null is allowed); undefined when it is missing though required, or of the wrong type (reported).
 */
function read(r: Reader, o: Obj, key: string, base: string, type: 'string' | 'boolean' | 'integer', holds: FieldKind, mode: Mode): unknown {
  const v = o[key];
  if (v === undefined || (v === null && mode === 'required')) {
    if (mode === 'required') r.shape(at(base, key), 'REQUIRED', { holds });
    return mode === 'required' ? undefined : null;
  }
  if (v === null) {
    if (mode === 'nullable') return null;
    r.shape(at(base, key), 'INVALID_FIELD', { holds, given: 'null' });
    return undefined;
  }
  if (type === 'integer' ? typeof v === 'number' : typeof v === type) {
    if (type === 'integer' && !Number.isSafeInteger(v)) {
      r.shape(at(base, key), 'INVALID_FIELD.notWhole', { holds });
      return undefined;
    }
    return v;
  }
  const given = givenOf(v);
  // A personnummer given as a number is not repeated (it is never printed in full).
  r.shape(at(base, key), 'INVALID_FIELD', given === 'text' && holds !== 'personnummer' ? { holds, given, value: echo(v as string) } : { holds, given });
  return undefined;
}

const str = (r: Reader, o: Obj, key: string, base: string, holds: FieldKind, mode: Mode) => read(r, o, key, base, 'string', holds, mode) as string | null | undefined;
const flag = (r: Reader, o: Obj, key: string, base: string, holds: FieldKind, mode: Mode) => read(r, o, key, base, 'boolean', holds, mode) as boolean | null | undefined;
const whole = (r: Reader, o: Obj, key: string, base: string, holds: FieldKind, mode: Mode) => read(r, o, key, base, 'integer', holds, mode) as number | null | undefined;

/** A text with a bound on its length (TOO_LONG): undefined when too long. */
function bounded(r: Reader, path: string, value: string | null | undefined, max: number): string | null | undefined {
  if (typeof value === 'string' && value.length > max) {
    r.add(path, 'TOO_LONG', { max, length: value.length });
    return undefined;
  }
  return value;
}

/**
 * A list field: its items, null when absent, undefined when it is not a list (reported). An item that is
 * not an object is reported here; the callers skip it (isRecord).
 */
function list(r: Reader, o: Obj, key: string, holds: FieldKind, item: FieldKind, mode: 'required' | 'optional', max: number): readonly unknown[] | null | undefined {
  const v = o[key];
  if (v === undefined || (v === null && mode === 'required')) {
    if (mode === 'required') r.shape(key, 'REQUIRED', { holds });
    return mode === 'required' ? undefined : null;
  }
  if (!Array.isArray(v)) {
    r.shape(key, 'INVALID_FIELD', typeof v === 'string' ? { holds, given: 'text', value: echo(v) } : { holds, given: givenOf(v) });
    return undefined;
  }
  if (v.length > max) r.add(key, key === 'members' ? 'TOO_MANY_MEMBERS' : 'TOO_MANY_ITEMS', { max, count: v.length });
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i];
    if (!isRecord(x)) r.shape(`${key}[${i}]`, 'INVALID_FIELD', typeof x === 'string' ? { holds: item, given: 'text', value: echo(x) } : { holds: item, given: givenOf(x) });
  }
  return v;
}

/** An object field (circumstances, activityRequirement, sickness): the object, null when not given, undefined when not an object (reported). */
function object(r: Reader, o: Obj, key: string, base: string, holds: FieldKind, mode: 'optional' | 'nullable'): Obj | null | undefined {
  const v = o[key];
  if (v === undefined || (v === null && mode === 'nullable')) return null;
  if (isRecord(v)) return v;
  r.shape(at(base, key), 'INVALID_FIELD', typeof v === 'string' ? { holds, given: 'text', value: echo(v) } : { holds, given: givenOf(v) });
  return undefined;
}

// ---- months, dates and money --------------------------------------------------------------------

const MONTH_FORM = /^([0-9]{4})-([0-9]{2})$/;
const DATE_FORM = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

/** A month YYYY-MM: the period, or undefined (reported: the wrong form, or a month 00 or 13). */
function month(r: Reader, path: string, value: string): Period | undefined {
  const fast = parsePeriod(value);
  if (fast !== null) return fast;
  const m = MONTH_FORM.exec(value);
  if (m === null) {
    r.add(path, 'INVALID_PERIOD', { value: echo(value) });
    return undefined;
  }
  const mm = Number(m[2]);
  if (mm < 1 || mm > 12) {
    r.add(path, 'INVALID_PERIOD.noSuchMonth', { value: echo(value), month: mm });
    return undefined;
  }
  return { year: Number(m[1]), month: mm };
}

/**
 * Why a text is not a date YYYY-MM-DD that exists in the calendar, or null when it is one: the wrong
 * form, a month 13, or a day the month does not have ("2026-02-30" does not exist; it is not badly written).
 */
export function dateProblem(path: string, value: string): InputProblem | null {
  const m = DATE_FORM.exec(value);
  if (m === null) return problem(path, 'INVALID_DATE', { value: echo(value) });
  const mm = Number(m[2]);
  if (mm < 1 || mm > 12) return problem(path, 'INVALID_DATE.noSuchMonth', { value, month: mm });
  const days = daysInMonth({ year: Number(m[1]), month: mm });
  const dd = Number(m[3]);
  if (dd < 1 || dd > days) return problem(path, 'INVALID_DATE.noSuchDay', { value, month: value.slice(0, 7), days });
  return null;
}

/** A date that exists in the calendar, or undefined (reported: dateProblem). */
function date(r: Reader, path: string, value: string): string | undefined {
  if (isIsoDate(value)) return value; // digit by digit, without a match array: every member has a birth date
  const wrong = dateProblem(path, value);
  if (wrong === null) return value;
  r.problems.push(wrong);
  return undefined;
}

/** An optional date field: null when not given, undefined when wrong (reported). */
function optionalDate(r: Reader, o: Obj, key: string, base: string): string | null | undefined {
  const v = str(r, o, key, base, 'date', 'nullable');
  return typeof v === 'string' ? date(r, at(base, key), v) : v;
}

/** The earliest and latest day of the case's plausible window: MAX_YEARS_FROM_PERIOD on either side of the period. */
function plausibleWindow(period: Period): { from: string; to: string } {
  return { from: firstDayOf(addMonths(period, -12 * MAX_YEARS_FROM_PERIOD)), to: lastDayOf(addMonths(period, 12 * MAX_YEARS_FROM_PERIOD)) };
}

/** A date of the case far from the period (a typo such as 9999-12-31): FAR_FROM_PERIOD. */
function nearPeriod(r: Reader, path: string, value: string | null | undefined, p: PeriodRead): void {
  if (typeof value !== 'string' || p.period === undefined) return;
  const { from, to } = p.window();
  if (value < from || value > to) r.add(path, 'FAR_FROM_PERIOD', { value, period: p.text, years: MAX_YEARS_FROM_PERIOD });
}

/** An amount field: null when not given; undefined when not a kronor amount, negative or above the bound (reported). */
function amount(r: Reader, o: Obj, key: string, base: string, mode: 'required' | 'nullable'): Ore | null | undefined {
  const value = str(r, o, key, base, 'money', mode);
  if (typeof value !== 'string') return value;
  if (/^\s*-/.test(value)) {
    r.add(at(base, key), 'NEGATIVE_AMOUNT', { value: echo(value) });
    return undefined;
  }
  const parsed = parseKronor(value);
  if (parsed === null) {
    r.add(at(base, key), 'INVALID_AMOUNT', { value: echo(value) });
    return undefined;
  }
  if (parsed > MAX_AMOUNT_ORE) {
    r.add(at(base, key), 'AMOUNT_TOO_LARGE', { max: String(MAX_AMOUNT_ORE / 100) });
    return undefined;
  }
  return parsed;
}

/** Issue 13: the amounts of one list must add up to at most MAX_LIST_TOTAL_ORE (limits.ts), so no sum can overflow. */
function listTotal(r: Reader, amounts: readonly (Ore | null | undefined)[], path: string): void {
  let total = 0;
  for (const a of amounts) if (typeof a === 'number') total += a;
  if (total > MAX_LIST_TOTAL_ORE) r.add(path, 'TOTAL_TOO_LARGE', { max: String(MAX_LIST_TOTAL_ORE / 100) });
}

/** A value that must be one of a fixed list (role, gender, agency, status). */
function oneOf<T extends string>(r: Reader, path: string, value: string | null | undefined, allowed: readonly T[], key: 'INVALID_ROLE' | 'INVALID_GENDER' | 'INVALID_STATUS' | 'UNKNOWN_AGENCY' | 'INVALID_ACTION'): T | null | undefined {
  if (typeof value !== 'string') return value;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  r.add(path, key, { value: echo(value), allowed });
  return undefined;
}

// ---- the household ------------------------------------------------------------------------------

/**
 * What the checks against the period's rules need (src/index.ts runs them once the rules are known,
 * also when the household has other problems, so that every problem is reported at once): the month
 * and the keys of the rule set, and every value that must be a key of the period's rules.
 */
export interface RuleChecks {
  readonly period: Period;
  readonly municipality: string | null;
  readonly decidedOn: string | null;
  /** Income, cost and asset types (a caseworker's income type for an agency payment too), with where they are. */
  readonly types: readonly { readonly list: TypedList; readonly path: string; readonly value: string }[];
  /** Activity exemption codes, with the member they belong to. */
  readonly exemptions: readonly { readonly index: number; readonly value: string }[];
  readonly hasRegisteredIncomes: boolean;
}

export type ParseResult =
  | { readonly ok: true; readonly household: Household; readonly warnings: readonly InputIssue[]; readonly rules: RuleChecks }
  | { readonly ok: false; readonly issues: readonly InputProblem[]; readonly rules: RuleChecks | null; readonly caseId: string | null };

/** A member as read: each field its value, null (not given) or undefined (wrong, reported). */
interface MemberRead {
  readonly index: number;
  readonly id: string | undefined;
  readonly role: Member['role'] | undefined;
  readonly birthDate: string | undefined;
  readonly lunchOutsideHome: boolean | null | undefined;
  readonly daysInHousehold: number | null | undefined;
  readonly inSchool: boolean | null | undefined;
  readonly gender: Member['gender'] | undefined;
  readonly personnummer: string | null | undefined;
  readonly availableForWork: boolean | null | undefined;
  readonly acceptableReason: string | null | undefined;
  readonly minorApplicantReason: string | null | undefined;
  readonly activityRequirement: Member['activityRequirement'] | undefined;
  readonly sickness: Member['sickness'] | undefined;
  readonly name: string | null | undefined;
  readonly protectedIdentity: boolean;
  readonly supportObstacle: string | null | undefined;
}

/**
 * The period and its text, when it was readable (every later check that needs it is skipped
 * otherwise), with its first and last day and the window of plausible dates, each worked out once.
 */
class PeriodRead {
  readonly start: string | undefined;
  readonly end: string | undefined;
  private plausible: { readonly from: string; readonly to: string } | undefined;
  constructor(
    readonly period: Period | undefined,
    readonly text: string,
  ) {
    this.start = period && firstDayOf(period);
    this.end = period && lastDayOf(period);
  }
  /** MAX_YEARS_FROM_PERIOD on either side of the period. */
  window(): { readonly from: string; readonly to: string } {
    return (this.plausible ??= plausibleWindow(this.period!));
  }
}

function readActivity(r: Reader, m: Obj, base: string, role: string | undefined): Member['activityRequirement'] | undefined {
  const a = object(r, m, 'activityRequirement', base, 'activityRequirement', 'nullable');
  if (a === null || a === undefined) return a;
  const path = `${base}.activityRequirement`;
  const status = oneOf(r, `${path}.status`, str(r, a, 'status', path, 'activityStatus', 'required'), ACTIVITY_STATUSES, 'INVALID_STATUS');
  const exemption = bounded(r, `${path}.exemption`, str(r, a, 'exemption', path, 'exemption', 'nullable'), MAX_TEXT_LENGTH);
  const reason = bounded(r, `${path}.acceptableReason`, str(r, a, 'acceptableReason', path, 'reason', 'nullable'), MAX_REASON_LENGTH);
  if (role !== undefined && role !== 'applicant' && role !== 'partner') r.add(path, 'NOT_AN_ADULT_IN_CASE', NO_ARGS);
  if (typeof status === 'string') {
    if (status === 'exempt' && exemption === null) r.add(`${path}.exemption`, 'REQUIRED.exemption', NO_ARGS);
    if (status !== 'exempt' && typeof exemption === 'string') r.add(`${path}.exemption`, 'NOT_EXEMPT', { status });
    if (status !== 'declined' && typeof reason === 'string') r.add(`${path}.acceptableReason`, 'NOT_DECLINED', { status });
  }
  if (status === undefined || status === null || exemption === undefined || reason === undefined) return undefined;
  return { status: status as ActivityStatus, exemption, acceptableReason: reason };
}

function readSickness(r: Reader, m: Obj, base: string, role: string | undefined, birthDate: string | undefined, p: PeriodRead): Member['sickness'] | undefined {
  const s = object(r, m, 'sickness', base, 'sickness', 'nullable');
  if (s === null || s === undefined) return s;
  const path = `${base}.sickness`;
  const since = optionalDate(r, s, 'since', path);
  const certificate = flag(r, s, 'medicalCertificate', path, 'flagOrNull', 'nullable');
  if (role !== undefined && role !== 'applicant' && role !== 'partner') r.add(path, 'NOT_AN_ADULT_IN_CASE', NO_ARGS);
  if (typeof since === 'string') {
    if (p.end !== undefined && since > p.end) r.add(`${path}.since`, 'AFTER_PERIOD', { value: since, period: p.text });
    else if (birthDate !== undefined && since < birthDate) r.add(`${path}.since`, 'BEFORE_BIRTH', { value: since, birthDate });
  }
  if (since === undefined || certificate === undefined) return undefined;
  return { since, medicalCertificate: certificate };
}

/**
 * Försörjningshinder (issue 25): a code of rules/support-obstacles.json, for the applicant or partner
 * only. Its form is checked here; whether the code is in the month's list, when a decision is
 * registered (src/casework/supportObstacle.ts): the calculation does not read it.
 */
function readSupportObstacle(r: Reader, m: Obj, base: string, role: string | undefined): string | null | undefined {
  const code = str(r, m, 'supportObstacle', base, 'supportObstacle', 'nullable');
  if (typeof code !== 'string') return code;
  const path = `${base}.supportObstacle`;
  if (!SUPPORT_OBSTACLE_CODE.test(code)) {
    r.add(path, 'INVALID_SUPPORT_OBSTACLE', { value: echo(code) });
    return undefined;
  }
  if (role !== undefined && role !== 'applicant' && role !== 'partner') r.add(path, 'NOT_AN_ADULT_IN_CASE', NO_ARGS);
  return code;
}

/** The longest stadsdel or distrikt name read. */
const MAX_DISTRICT_LENGTH = 60;

/** The form of a försörjningshinder code (rules/support-obstacles.json keys). */
const SUPPORT_OBSTACLE_CODE = /^[a-z][a-z0-9-]{0,59}$/;

function readMember(r: Reader, m: Obj, i: number, p: PeriodRead, ids: Map<string, number>): MemberRead {
  const base = `members[${i}]`;
  let id = str(r, m, 'id', base, 'memberId', 'required') as string | undefined;
  if (id === '') {
    r.shape(`${base}.id`, 'INVALID_FIELD.empty', { holds: 'memberId' });
    id = undefined;
  } else if (id !== undefined && id.length > MAX_ID_LENGTH) {
    r.add(`${base}.id`, 'TOO_LONG', { max: MAX_ID_LENGTH, length: id.length });
    id = undefined;
  } else if (id !== undefined) {
    const other = ids.get(id);
    if (other !== undefined) r.add(`${base}.id`, 'DUPLICATE_MEMBER_ID', { value: echo(id), other });
    else ids.set(id, i);
  }
  const role = oneOf(r, `${base}.role`, str(r, m, 'role', base, 'role', 'required'), ROLES, 'INVALID_ROLE') as Member['role'] | undefined;
  const birthText = str(r, m, 'birthDate', base, 'birthDate', 'required') as string | undefined;
  let birthDate = birthText === undefined ? undefined : date(r, `${base}.birthDate`, birthText);
  if (birthDate !== undefined) {
    if (p.end !== undefined && birthDate > p.end) {
      r.add(`${base}.birthDate`, 'BORN_AFTER_PERIOD', { value: birthDate, period: p.text });
      birthDate = undefined;
    } else if (birthDate < '1890-01-01') {
      r.add(`${base}.birthDate`, 'INVALID_DATE.beforeEarliest', { value: birthDate, earliest: '1890-01-01' });
      birthDate = undefined;
    } else if (p.start !== undefined && (role === 'applicant' || role === 'partner') && ageOn(birthDate, p.start) < MIN_AGE_APPLICANT_OR_PARTNER) {
      // Issue 13: a 6-year-old partner was accepted without a word (limits.ts says why 15).
      r.add(`${base}.birthDate`, 'IMPLAUSIBLE_AGE', { role, age: Math.max(0, ageOn(birthDate, p.start)), period: p.text, min: MIN_AGE_APPLICANT_OR_PARTNER });
    }
  }
  const lunch = flag(r, m, 'lunchOutsideHome', base, 'flag', 'optional');
  if (lunch === true && role !== undefined && role !== 'child') r.add(`${base}.lunchOutsideHome`, 'NOT_A_CHILD.lunch', NO_ARGS);
  const days = whole(r, m, 'daysInHousehold', base, 'days', 'nullable');
  if (typeof days === 'number') {
    if (role !== undefined && role !== 'child') r.add(`${base}.daysInHousehold`, 'NOT_A_CHILD.days', NO_ARGS);
    else if (days < 0) r.add(`${base}.daysInHousehold`, 'INVALID_DAYS.negative', { value: days });
    else if (p.period !== undefined && days > daysInMonth(p.period)) r.add(`${base}.daysInHousehold`, 'INVALID_DAYS.moreThanMonth', { value: days, period: p.text, days: daysInMonth(p.period) });
  }
  const inSchool = flag(r, m, 'inSchool', base, 'flagOrNull', 'nullable');
  const gender = oneOf(r, `${base}.gender`, str(r, m, 'gender', base, 'gender', 'nullable'), GENDERS, 'INVALID_GENDER');
  const personnummer = str(r, m, 'personnummer', base, 'personnummer', 'nullable');
  if (typeof personnummer === 'string') {
    // Issue 4: form, date part (samordningsnummer: day + 60) and Luhn check digit; a problem holds only the masked number.
    const wrong = personnummerProblem(personnummer, p.period ? p.period.year : null);
    if (wrong !== null) r.add(`${base}.personnummer`, wrong.key, wrong.args as never);
  }
  const availableForWork = flag(r, m, 'availableForWork', base, 'flagOrNull', 'nullable');
  const acceptableReason = bounded(r, `${base}.acceptableReason`, str(r, m, 'acceptableReason', base, 'reason', 'nullable'), MAX_REASON_LENGTH);
  const activityRequirement = readActivity(r, m, base, role ?? undefined);
  const sickness = readSickness(r, m, base, role ?? undefined, birthDate, p);
  const name = bounded(r, `${base}.name`, str(r, m, 'name', base, 'name', 'optional'), MAX_LETTERHEAD_TEXT);
  // View data (the letter leaves the address out); the case work masks the member and the monthly run routes the case to a person.
  const protectedIdentity = flag(r, m, 'protectedIdentity', base, 'flag', 'optional');
  const minorApplicantReason = bounded(r, `${base}.minorApplicantReason`, str(r, m, 'minorApplicantReason', base, 'reason', 'nullable'), MAX_REASON_LENGTH);
  const supportObstacle = readSupportObstacle(r, m, base, role ?? undefined);
  return {
    index: i,
    id,
    role: role ?? undefined,
    birthDate,
    lunchOutsideHome: lunch,
    daysInHousehold: days,
    inSchool,
    gender,
    personnummer,
    availableForWork,
    acceptableReason,
    minorApplicantReason,
    activityRequirement,
    sickness,
    name: name === undefined ? undefined : oneLineOf(name),
    protectedIdentity: protectedIdentity === true,
    supportObstacle,
  };
}

/** A text the letter prints on one line: trimmed, inner whitespace as one space; empty is not given. */
function oneLineOf(value: string | null | undefined): string | null {
  const line = (value ?? '').replace(/\s+/g, ' ').trim();
  return line === '' ? null : line;
}

/** A letterhead text (one line, at most MAX_LETTERHEAD_TEXT characters): null when not given, undefined when wrong (reported). */
function letterLine(r: Reader, o: Obj, key: string, base: string, mode: 'required' | 'nullable' = 'nullable'): string | null | undefined {
  const value = bounded(r, at(base, key), str(r, o, key, base, 'letterText', mode), MAX_LETTERHEAD_TEXT);
  if (value === undefined) return undefined;
  return oneLineOf(value);
}

/**
 * The letterhead (docs/household.md): the nämnd, the application date, the applicant's address, the
 * decision maker and their delegation, the contact person. Only the letter and the worksheet use it;
 * a fact not given is left out of the letter, never printed as "–".
 */
function readLetterhead(r: Reader, raw: Obj, p: PeriodRead, decidedOn: string | null | undefined): Household['letterhead'] | undefined {
  const l = object(r, raw, 'letterhead', '', 'letterhead', 'nullable');
  if (l === null) return null;
  if (l === undefined) return undefined;
  const board = letterLine(r, l, 'board', 'letterhead');
  const applicationDate = optionalDate(r, l, 'applicationDate', 'letterhead');
  if (typeof applicationDate === 'string') {
    if (p.end !== undefined && applicationDate > p.end) r.add('letterhead.applicationDate', 'AFTER_PERIOD', { value: applicationDate, period: p.text });
    else if (typeof decidedOn === 'string' && applicationDate > decidedOn) r.add('letterhead.applicationDate', 'AFTER_DECISION', { value: applicationDate, decidedOn });
  }
  const lines = l['applicantAddress'];
  const address: string[] = [];
  if (lines !== undefined && lines !== null && !Array.isArray(lines)) r.shape('letterhead.applicantAddress', 'INVALID_FIELD', { holds: 'addressLines', given: givenOf(lines) });
  else if (Array.isArray(lines)) {
    if (lines.length > MAX_ADDRESS_LINES) r.add('letterhead.applicantAddress', 'TOO_MANY_ITEMS', { max: MAX_ADDRESS_LINES, count: lines.length });
    lines.forEach((line: unknown, i) => {
      const path = `letterhead.applicantAddress[${i}]`;
      if (typeof line !== 'string') {
        r.shape(path, 'INVALID_FIELD', { holds: 'letterText', given: givenOf(line) });
        return;
      }
      const text = bounded(r, path, line, MAX_LETTERHEAD_TEXT);
      const one = text === undefined ? null : oneLineOf(text);
      if (one !== null) address.push(one);
    });
  }
  const maker = object(r, l, 'decisionMaker', 'letterhead', 'decisionMaker', 'nullable');
  let decisionMaker: Household['letterhead'] extends infer L ? (L extends { decisionMaker: infer D } ? D : never) : never = null;
  if (maker) {
    const base = 'letterhead.decisionMaker';
    const name = letterLine(r, maker, 'name', base, 'required');
    const title = letterLine(r, maker, 'title', base);
    const delegation = letterLine(r, maker, 'delegation', base);
    if (typeof name === 'string') decisionMaker = { name, title: title ?? null, delegation: delegation ?? null };
  }
  const c = object(r, l, 'contact', 'letterhead', 'contact', 'nullable');
  let contact: { name: string | null; phone: string | null; email: string | null } | null = null;
  if (c) {
    const base = 'letterhead.contact';
    const name = letterLine(r, c, 'name', base);
    const phone = letterLine(r, c, 'phone', base);
    const email = letterLine(r, c, 'email', base);
    if (name || phone || email) contact = { name: name ?? null, phone: phone ?? null, email: email ?? null };
  }
  return { board: board ?? null, applicationDate: applicationDate ?? null, applicantAddress: address, decisionMaker, contact };
}

/** The member a `memberId` names must exist (only checked when every member's id could be read). */
function memberRef(r: Reader, ids: ReadonlyMap<string, number> | null, path: string, id: string | null | undefined): void {
  if (ids !== null && typeof id === 'string' && !ids.has(id)) r.add(path, 'UNKNOWN_MEMBER', { value: echo(id) });
}

function readIncome(r: Reader, o: Obj, i: number, ids: ReadonlyMap<string, number> | null, types: RuleChecks['types'][number][]): Income | undefined {
  const base = `incomes[${i}]`;
  const memberId = str(r, o, 'memberId', base, 'memberRef', 'required');
  memberRef(r, ids, `${base}.memberId`, memberId);
  const type = str(r, o, 'type', base, 'incomeType', 'required');
  if (typeof type === 'string') types.push({ list: 'incomes', path: `${base}.type`, value: type });
  const value = amount(r, o, 'amount', base, 'nullable');
  const yearToDate = amount(r, o, 'yearToDate', base, 'nullable');
  const description = str(r, o, 'description', base, 'description', 'nullable');
  if (typeof memberId !== 'string' || typeof type !== 'string' || value === undefined || yearToDate === undefined || description === undefined) return undefined;
  return { index: i, memberId, type, amount: value, yearToDate, description };
}

function readCost(r: Reader, o: Obj, i: number, ids: ReadonlyMap<string, number> | null, types: RuleChecks['types'][number][]): Cost | undefined {
  const base = `costs[${i}]`;
  const type = str(r, o, 'type', base, 'costType', 'required');
  if (typeof type === 'string') types.push({ list: 'costs', path: `${base}.type`, value: type });
  const value = amount(r, o, 'amount', base, 'nullable');
  const memberId = str(r, o, 'memberId', base, 'memberRef', 'nullable');
  memberRef(r, ids, `${base}.memberId`, memberId);
  const description = str(r, o, 'description', base, 'description', 'nullable');
  if (typeof type !== 'string' || value === undefined || memberId === undefined || description === undefined) return undefined;
  return { index: i, type, amount: value, memberId, description };
}

function readAsset(r: Reader, o: Obj, i: number, ids: ReadonlyMap<string, number> | null, types: RuleChecks['types'][number][]): Asset | undefined {
  const base = `assets[${i}]`;
  const memberId = str(r, o, 'memberId', base, 'memberRef', 'nullable');
  memberRef(r, ids, `${base}.memberId`, memberId);
  const type = str(r, o, 'type', base, 'assetType', 'required');
  if (typeof type === 'string') types.push({ list: 'assets', path: `${base}.type`, value: type });
  const value = amount(r, o, 'amount', base, 'nullable');
  const description = str(r, o, 'description', base, 'description', 'nullable');
  if (typeof type !== 'string' || value === undefined || memberId === undefined || description === undefined) return undefined;
  return { index: i, memberId, type, amount: value, description };
}

/** Registered payments (SSBTEK): agency known, net a kronor amount, dates real and near the period, texts bounded, the member exists. */
function readRegistered(r: Reader, o: Obj, i: number, ids: ReadonlyMap<string, number> | null, p: PeriodRead, types: RuleChecks['types'][number][]): RegisteredIncome | undefined {
  const base = `registeredIncomes[${i}]`;
  const memberId = str(r, o, 'memberId', base, 'memberRef', 'required');
  memberRef(r, ids, `${base}.memberId`, memberId);
  const agency = oneOf(r, `${base}.agency`, str(r, o, 'agency', base, 'agency', 'required'), AGENCIES, 'UNKNOWN_AGENCY');
  let benefit = str(r, o, 'benefit', base, 'benefit', 'required');
  if (benefit === '') {
    r.shape(`${base}.benefit`, 'INVALID_FIELD.empty', { holds: 'benefit' });
    benefit = undefined;
  }
  benefit = bounded(r, `${base}.benefit`, benefit, MAX_TEXT_LENGTH);
  const subBenefit = bounded(r, `${base}.subBenefit`, str(r, o, 'subBenefit', base, 'agencyText', 'nullable'), MAX_TEXT_LENGTH);
  const amountType = bounded(r, `${base}.amountType`, str(r, o, 'amountType', base, 'agencyText', 'nullable'), MAX_TEXT_LENGTH);
  const net = amount(r, o, 'net', base, 'required');
  const gross = amount(r, o, 'gross', base, 'nullable');
  const tax = amount(r, o, 'tax', base, 'nullable');
  const paidOn = optionalDate(r, o, 'paidOn', base);
  const periodFrom = optionalDate(r, o, 'periodFrom', base);
  const periodTo = optionalDate(r, o, 'periodTo', base);
  nearPeriod(r, `${base}.paidOn`, paidOn, p);
  nearPeriod(r, `${base}.periodFrom`, periodFrom, p);
  nearPeriod(r, `${base}.periodTo`, periodTo, p);
  if (o['paidOn'] == null && o['periodFrom'] == null) r.add(`${base}.paidOn`, 'REQUIRED.paidOn', NO_ARGS);
  if (typeof periodFrom === 'string' && typeof periodTo === 'string' && periodTo < periodFrom) r.add(`${base}.periodTo`, 'INVALID_PERIOD.toBeforeFrom', { value: periodTo, from: periodFrom });
  let days = str(r, o, 'days', base, 'agencyDays', 'nullable');
  if (typeof days === 'string' && !/^(0|[1-9][0-9]{0,3})(\.[0-9]{1,2})?$/.test(days)) {
    r.add(`${base}.days`, 'INVALID_DAYS', { value: echo(days) });
    days = undefined;
  }
  const preliminary = flag(r, o, 'preliminary', base, 'flag', 'optional');
  const ref = bounded(r, `${base}.ref`, str(r, o, 'ref', base, 'agencyText', 'nullable'), MAX_TEXT_LENGTH);
  const assessment = readAssessment(r, o, base, types);
  if (
    typeof memberId !== 'string' ||
    typeof agency !== 'string' ||
    typeof benefit !== 'string' ||
    subBenefit === undefined ||
    amountType === undefined ||
    typeof net !== 'number' ||
    gross === undefined ||
    tax === undefined ||
    paidOn === undefined ||
    periodFrom === undefined ||
    periodTo === undefined ||
    days === undefined ||
    preliminary === undefined ||
    ref === undefined ||
    assessment === undefined
  ) {
    return undefined;
  }
  return { index: i, memberId, agency, benefit, subBenefit, amountType, net, gross, tax, paidOn, periodFrom, periodTo, days, preliminary: preliminary ?? false, ref, assessment };
}

/**
 * A caseworker's classification of a registered payment the rules leave to a person (or do not know):
 * counted as an income type, or not counted with the reason. The income type is checked against the
 * period's rules with the other types (src/index.ts).
 */
function readAssessment(r: Reader, o: Obj, base: string, types: RuleChecks['types'][number][]): PaymentAssessment | null | undefined {
  const a = object(r, o, 'assessment', base, 'assessment', 'nullable');
  if (a === null || a === undefined) return a;
  const path = `${base}.assessment`;
  const action = oneOf(r, `${path}.action`, str(r, a, 'action', path, 'assessmentAction', 'required'), ASSESSMENT_ACTIONS, 'INVALID_ACTION');
  const incomeType = str(r, a, 'incomeType', path, 'incomeType', 'nullable');
  const reasonText = bounded(r, `${path}.reason`, str(r, a, 'reason', path, 'reason', 'nullable'), MAX_REASON_LENGTH);
  const reason = typeof reasonText === 'string' ? reasonText.trim() || null : reasonText;
  if (typeof incomeType === 'string') types.push({ list: 'incomes', path: `${path}.incomeType`, value: incomeType });
  if (action === 'count' && incomeType === null) r.add(`${path}.incomeType`, 'REQUIRED.assessmentIncomeType', NO_ARGS);
  if (action === 'exclude' && typeof incomeType === 'string') r.add(`${path}.incomeType`, 'NOT_ALLOWED', NO_ARGS);
  if (action === 'exclude' && reason === null) r.add(`${path}.reason`, 'REQUIRED.assessmentReason', NO_ARGS);
  if (typeof action !== 'string' || incomeType === undefined || reason === undefined) return undefined;
  return { action, incomeType, reason };
}

/** What a caseworker can do with a registered payment the rules leave to a person. */
export const ASSESSMENT_ACTIONS = ['count', 'exclude'] as const;

/** Agency answers: one per member and agency; a "nothing" or "failed" answer cannot sit beside payments from that agency. */
function readAnswers(r: Reader, items: readonly unknown[], ids: ReadonlyMap<string, number> | null, registered: readonly (RegisteredIncome | undefined)[]): (AgencyAnswer | undefined)[] {
  const seen = new Map<string, number>();
  return items.map((o, i) => {
    if (!isRecord(o)) return undefined;
    const base = `agencyAnswers[${i}]`;
    const memberId = str(r, o, 'memberId', base, 'memberRef', 'required');
    memberRef(r, ids, `${base}.memberId`, memberId);
    const agency = oneOf(r, `${base}.agency`, str(r, o, 'agency', base, 'agency', 'required'), AGENCIES, 'UNKNOWN_AGENCY');
    const status = oneOf(r, `${base}.status`, str(r, o, 'status', base, 'answerStatus', 'required'), AGENCY_ANSWER_STATUSES, 'INVALID_STATUS');
    if (typeof memberId !== 'string' || typeof agency !== 'string' || typeof status !== 'string') return undefined;
    const key = `${memberId}\u0000${agency}`;
    const other = seen.get(key);
    if (other !== undefined) r.add(base, 'DUPLICATE_ANSWER', { other, agency, memberId: echo(memberId) });
    else seen.set(key, i);
    if (status === 'nothing' || status === 'failed') {
      const paid = registered.find((x) => x !== undefined && x.memberId === memberId && x.agency === agency);
      if (paid) r.add(`${base}.status`, 'ANSWER_CONTRADICTS_PAYMENTS', { status, payment: paid.index, agency, memberId: echo(memberId) });
    }
    return { index: i, memberId, agency: agency as Agency, status: status as AgencyAnswerStatus };
  });
}

function readCircumstances(r: Reader, raw: Obj, p: PeriodRead, applicant: MemberRead | undefined) {
  const c = object(r, raw, 'circumstances', '', 'circumstances', 'optional') ?? {};
  const base = 'circumstances';
  const availableForWork = flag(r, c, 'availableForWork', base, 'flagOrNull', 'nullable');
  const acceptableReason = bounded(r, `${base}.acceptableReason`, str(r, c, 'acceptableReason', base, 'reason', 'nullable'), MAX_REASON_LENGTH);
  let months = whole(r, c, 'consecutiveMonthsOnAssistance', base, 'months', 'nullable');
  if (typeof months === 'number') {
    if (months < 0) {
      r.shape(`${base}.consecutiveMonthsOnAssistance`, 'INVALID_FIELD.negative', { holds: 'months', value: months });
      months = undefined;
    } else if (p.period !== undefined && applicant?.birthDate !== undefined) {
      // Issue 27: more months in a row than the applicant has lived is impossible (1 201 011 234 was accepted).
      const lived = Math.max(0, monthsBetween(p.period, { year: Number(applicant.birthDate.slice(0, 4)), month: Number(applicant.birthDate.slice(5, 7)) }));
      if (months > lived) {
        r.add(`${base}.consecutiveMonthsOnAssistance`, 'TOO_MANY_MONTHS', { value: months, age: Math.max(0, ageOn(applicant.birthDate, p.start!)), months: lived });
        months = undefined;
      }
    }
  }
  const rentCeiling = amount(r, c, 'rentCeiling', base, 'nullable');
  // The day the household was told its rent is above the reasonable level (starts the rådrum).
  const rentCeilingNotifiedOn = optionalDate(r, c, 'rentCeilingNotifiedOn', base);
  nearPeriod(r, `${base}.rentCeilingNotifiedOn`, rentCeilingNotifiedOn, p);
  const rentCeilingBasis = bounded(r, `${base}.rentCeilingBasis`, str(r, c, 'rentCeilingBasis', base, 'reason', 'nullable'), MAX_REASON_LENGTH);
  const rentArrears = amount(r, c, 'rentArrears', base, 'nullable');
  const startText = str(r, c, 'jobbstimulansStart', base, 'month', 'nullable');
  let jobbstimulansStart = typeof startText === 'string' ? month(r, `${base}.jobbstimulansStart`, startText) : startText;
  if (jobbstimulansStart && p.period !== undefined) {
    // Issue 27: "9999-12" silently switched jobbstimulans off (a window 9999-12–10001-11).
    if (monthsBetween(jobbstimulansStart, p.period) > 0) {
      r.add(`${base}.jobbstimulansStart`, 'AFTER_PERIOD.jobbstimulans', { value: startText as string, period: p.text });
      jobbstimulansStart = undefined;
    } else if (monthsBetween(p.period, jobbstimulansStart) > 12 * MAX_YEARS_FROM_PERIOD) {
      r.add(`${base}.jobbstimulansStart`, 'FAR_FROM_PERIOD', { value: startText as string, period: p.text, years: MAX_YEARS_FROM_PERIOD });
      jobbstimulansStart = undefined;
    }
  }
  if (applicant !== undefined) applicantStatement(r, applicant, { availableForWork, acceptableReason });
  return { availableForWork, acceptableReason, consecutiveMonthsOnAssistance: months, rentCeiling, rentCeilingNotifiedOn, rentCeilingBasis, rentArrears, jobbstimulansStart };
}

/**
 * The applicant's labour-market statement may be given in circumstances (CONTRACT.md) or, like a
 * partner's, on the member: both at once must agree.
 */
function applicantStatement(r: Reader, m: MemberRead, c: { availableForWork: boolean | null | undefined; acceptableReason: string | null | undefined }): void {
  for (const key of ['availableForWork', 'acceptableReason'] as const) {
    const here = m[key];
    const there = c[key];
    if (here === null || here === undefined || there === null || there === undefined || here === there) continue;
    const shown = (v: string | boolean) => (typeof v === 'string' ? echo(v) : v);
    r.add(`members[${m.index}].${key}`, 'CONFLICTS_WITH_CIRCUMSTANCES', { field: key, here: shown(here), there: shown(there) });
  }
}

/**
 * decidedOn: the date the decision is made, which picks the law cited (docs/law-in-force.md). A real
 * date; not before the month preceding the benefit month (a decision about a month is made at the
 * earliest in the month before it); not more than MAX_YEARS_FROM_PERIOD after it (omprövning and
 * appeals come years after, never decades).
 */
function readDecidedOn(r: Reader, raw: Obj, p: PeriodRead): string | null | undefined {
  const decidedOn = optionalDate(r, raw, 'decidedOn', '');
  if (typeof decidedOn !== 'string' || p.period === undefined) return decidedOn;
  const earliest = firstDayOf(addMonths(p.period, -1));
  if (decidedOn < earliest) {
    r.add('decidedOn', 'DECIDED_TOO_EARLY', { value: decidedOn, period: p.text, earliest });
    return undefined;
  }
  if (decidedOn > p.window().to) {
    r.add('decidedOn', 'FAR_FROM_PERIOD', { value: decidedOn, period: p.text, years: MAX_YEARS_FROM_PERIOD });
    return undefined;
  }
  return decidedOn;
}

function caseIdOf(raw: unknown): string | null {
  if (!isRecord(raw)) return null;
  const id = raw['caseId'];
  return typeof id === 'string' ? id : null;
}

/**
 * Every problem at once, but at most MAX_PROBLEMS of them: then one more says how many were left out
 * (a 100 MB list of bad items would otherwise give a gigabyte of messages).
 */
export function capProblems(problems: readonly InputProblem[]): readonly InputProblem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  return [...problems.slice(0, MAX_PROBLEMS), problem('(household)', 'TOO_MANY_PROBLEMS', { more: problems.length - MAX_PROBLEMS, max: MAX_PROBLEMS })];
}

const defined = <T>(items: readonly (T | undefined)[]): items is readonly T[] => items.every((x) => x !== undefined);

/** True when the household has the documented shape (householdSchema): no field missing or of the wrong JSON type. */
export function matchesHouseholdShape(raw: Obj): boolean {
  const parsed = parseHousehold(raw);
  return parsed.ok || (isRecord(raw) && (parsed.issues as readonly InputProblem[]).every((p) => !SHAPE_KEYS.has(p.key)));
}
const SHAPE_KEYS: ReadonlySet<ProblemKey> = new Set<ProblemKey>(['REQUIRED', 'INVALID_FIELD', 'INVALID_FIELD.notWhole', 'INVALID_FIELD.negative', 'INVALID_FIELD.empty', 'NOT_AN_OBJECT', 'TOO_DEEP']);

export function parseHousehold(raw: unknown): ParseResult {
  if (!isRecord(raw)) {
    return { ok: false, issues: [problem('(household)', 'NOT_AN_OBJECT', { given: givenOf(raw) })], rules: null, caseId: null };
  }
  const r = new Reader();
  const warnings = unknownKeyWarnings(raw);

  const caseId = bounded(r, 'caseId', str(r, raw, 'caseId', '', 'caseId', 'nullable'), MAX_ID_LENGTH);
  const periodText = str(r, raw, 'period', '', 'period', 'required');
  const p = new PeriodRead(typeof periodText === 'string' ? month(r, 'period', periodText) : undefined, typeof periodText === 'string' ? periodText : '');
  const decidedOn = readDecidedOn(r, raw, p);
  // Read for its type and length only: the official statistics take it from the stored household (src/statistics).
  bounded(r, 'district', str(r, raw, 'district', '', 'district', 'nullable'), MAX_DISTRICT_LENGTH);
  let municipality = str(r, raw, 'municipality', '', 'kommunkod', 'nullable');
  if (typeof municipality === 'string' && !/^[0-9]{4}$/.test(municipality)) {
    r.add('municipality', 'INVALID_MUNICIPALITY', { value: echo(municipality) });
    municipality = undefined;
  }

  // Members
  const memberItems = list(r, raw, 'members', 'members', 'member', 'required', MAX_MEMBERS);
  const ids = new Map<string, number>();
  const members: (MemberRead | undefined)[] = (memberItems ?? []).map((m, i) => (isRecord(m) ? readMember(r, m, i, p, ids) : undefined));
  const readable = memberItems !== undefined && members.every((m) => m !== undefined && m.id !== undefined);
  // An unknown memberId is only reported when every member's id could be read (else it may be that member's).
  const refs = readable ? ids : null;
  let applicants = 0;
  let partners = 0;
  let rolesRead = true;
  let applicant: MemberRead | undefined;
  for (const m of members) {
    if (m === undefined || m.role === undefined) rolesRead = false;
    else if (m.role === 'applicant') {
      applicants++;
      applicant = m;
    } else if (m.role === 'partner') partners++;
  }
  if (applicants !== 1) applicant = undefined;
  // The roles are counted only when every member and role could be read (else "no applicant" may only echo that).
  if (memberItems !== undefined && rolesRead) {
    if (members.length === 0) r.add('members', 'NO_MEMBERS', NO_ARGS);
    else if (applicants === 0) r.add('members', 'NO_APPLICANT', NO_ARGS);
    else if (applicants > 1) r.add('members', 'SEVERAL_APPLICANTS', { count: applicants });
    if (partners > 1) r.add('members', 'SEVERAL_PARTNERS', { count: partners });
  }

  const types: RuleChecks['types'][number][] = [];
  const incomeItems = list(r, raw, 'incomes', 'incomes', 'income', 'optional', MAX_LIST_ITEMS);
  const incomes = (incomeItems ?? []).map((o, i) => (isRecord(o) ? readIncome(r, o, i, refs, types) : undefined));
  listTotal(r, incomes.map((x) => x?.amount), 'incomes');
  listTotal(r, incomes.map((x) => x?.yearToDate), 'incomes');
  const costItems = list(r, raw, 'costs', 'costs', 'cost', 'optional', MAX_LIST_ITEMS);
  const costs = (costItems ?? []).map((o, i) => (isRecord(o) ? readCost(r, o, i, refs, types) : undefined));
  listTotal(r, costs.map((x) => x?.amount), 'costs');
  const assetItems = list(r, raw, 'assets', 'assets', 'asset', 'optional', MAX_LIST_ITEMS);
  const assets = (assetItems ?? []).map((o, i) => (isRecord(o) ? readAsset(r, o, i, refs, types) : undefined));
  listTotal(r, assets.map((x) => x?.amount), 'assets');

  const circumstances = readCircumstances(r, raw, p, applicant);
  const letterhead = readLetterhead(r, raw, p, decidedOn);

  const registeredItems = list(r, raw, 'registeredIncomes', 'registeredIncomes', 'registeredIncome', 'optional', MAX_LIST_ITEMS);
  const registered = (registeredItems ?? []).map((o, i) => (isRecord(o) ? readRegistered(r, o, i, refs, p, types) : undefined));
  const answerItems = list(r, raw, 'agencyAnswers', 'agencyAnswers', 'agencyAnswer', 'optional', MAX_LIST_ITEMS);
  const answers = readAnswers(r, answerItems ?? [], refs, registered);

  const exemptions: { index: number; value: string }[] = [];
  for (const m of members) if (m?.activityRequirement?.exemption) exemptions.push({ index: m.index, value: m.activityRequirement.exemption });
  const rules: RuleChecks | null =
    p.period !== undefined && decidedOn !== undefined && municipality !== undefined
      ? { period: p.period, municipality, decidedOn, types, exemptions, hasRegisteredIncomes: Array.isArray(raw['registeredIncomes']) && raw['registeredIncomes'].length > 0 }
      : null;

  // Refused before anything recurses over it (the input hash): a body of a few hundred KB can nest
  // 100 000 levels and would overflow the stack. A household of the documented shape with no unknown
  // field nests at most 4 levels, known without walking it: given that shape, every field the contract
  // knows holds a primitive except the lists, their items, circumstances, activityRequirement and
  // sickness, so only a field it does not know (or a known field of the wrong type) can nest deeper,
  // and unknownKeyWarnings looks at every object that can hold one (test/batch/fast-parse.test.ts).
  const knownShallow = r.shapeProblems === 0 && warnings.length === 0;
  if (!knownShallow && nestsDeeperThan(raw, MAX_JSON_DEPTH)) {
    return { ok: false, issues: [problem('(household)', 'TOO_DEEP', { max: MAX_JSON_DEPTH }), ...r.problems], rules: null, caseId: caseIdOf(raw) };
  }

  if (r.problems.length > 0 || rules === null || caseId === undefined || municipality === undefined || decidedOn === undefined) {
    return { ok: false, issues: r.problems, rules, caseId: caseIdOf(raw) };
  }
  const c = circumstances;
  if (
    !defined(members) ||
    !defined(incomes) ||
    !defined(costs) ||
    !defined(assets) ||
    !defined(registered) ||
    !defined(answers) ||
    c.availableForWork === undefined ||
    c.acceptableReason === undefined ||
    c.consecutiveMonthsOnAssistance === undefined ||
    c.rentCeiling === undefined ||
    c.rentCeilingNotifiedOn === undefined ||
    c.rentCeilingBasis === undefined ||
    c.rentArrears === undefined ||
    c.jobbstimulansStart === undefined
  ) {
    // Every undefined value was reported; this only satisfies the types.
    throw new Error('[engine] a household field was unusable but no problem was reported');
  }
  const household: Household = {
    caseId,
    period: rules.period,
    decidedOn,
    municipality,
    members: (members as readonly MemberRead[]).map((m): Member => ({
      index: m.index,
      id: m.id!,
      role: m.role!,
      birthDate: m.birthDate!,
      lunchOutsideHome: m.lunchOutsideHome ?? false,
      daysInHousehold: m.daysInHousehold ?? null,
      inSchool: m.inSchool ?? null,
      gender: m.gender ?? null,
      personnummer: m.personnummer ?? null,
      availableForWork: m.availableForWork ?? null,
      acceptableReason: m.acceptableReason ?? null,
      minorApplicantReason: m.minorApplicantReason ?? null,
      activityRequirement: m.activityRequirement ?? null,
      sickness: m.sickness ?? null,
      name: m.name ?? null,
      protectedIdentity: m.protectedIdentity,
      supportObstacle: m.supportObstacle ?? null,
    })),
    incomes,
    costs,
    assets,
    circumstances: {
      availableForWork: c.availableForWork,
      acceptableReason: c.acceptableReason,
      consecutiveMonthsOnAssistance: c.consecutiveMonthsOnAssistance,
      rentCeiling: c.rentCeiling,
      rentCeilingNotifiedOn: c.rentCeilingNotifiedOn,
      rentCeilingBasis: c.rentCeilingBasis,
      rentArrears: c.rentArrears,
      jobbstimulansStart: c.jobbstimulansStart,
    },
    registeredIncomes: registered,
    agencyAnswers: answers,
    letterhead: letterhead ?? null,
  };
  return { ok: true, household, warnings, rules };
}
