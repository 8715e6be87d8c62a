/**
 * Validates a household (CONTRACT.md) and turns it into the engine's Household. Every problem is
 * reported, not just the first, each with its field path ("members[2].birthDate") and what was
 * expected. Fields the contract does not know are kept out of the calculation and reported as
 * warnings, so a typo ("daysInHouseHold") is visible instead of silently ignored.
 */
import { z } from 'zod';
import { parseKronor, type Ore } from '../money/index.ts';
import { addMonths, ageOn, daysInMonth, firstDayOf, isIsoDate, lastDayOf, parsePeriod, type Period } from '../period/index.ts';
import { quote } from './echo.ts';
import { amountTooLarge, MAX_AMOUNT_ORE, MAX_ID_LENGTH, MAX_LIST_TOTAL_ORE, MAX_MEMBERS, MIN_AGE_APPLICANT_OR_PARTNER, totalTooLarge } from './limits.ts';
import { personnummerProblem } from './personnummer.ts';
import { AGENCIES, AGENCY_ANSWER_STATUSES, GENDERS, ROLES, type ActivityStatus, type Agency, type AgencyAnswer, type AgencyAnswerStatus, type Contact, type DecisionMaker, type Household, type InputIssue, type PaymentAssessment, type RegisteredIncome } from './types.ts';

const MONEY_MESSAGE = 'expected a decimal string in kronor like "7900" or "7900.50"';

const money = z.string({ error: MONEY_MESSAGE });
const optionalMoney = money.nullable().optional();
const text = (what: string) => z.string({ error: `expected ${what}` });

/** Aktivitetskrav (12 kap. 4 a–6 a §§ SoL (2025:400), from försörjningsstöd for October 2026): the adult's status. */
export const ACTIVITY_STATUSES = ['required', 'exempt', 'participating', 'declined'] as const;
const activitySchema = z.object({
  status: z.string({ error: `expected one of ${ACTIVITY_STATUSES.join(', ')}` }),
  exemption: text('an exemption code (rules/activity-requirement.json)').nullable().optional(),
  acceptableReason: text('a text').nullable().optional(),
});
/** Illness that keeps the adult from the labour market or an activity (läkarintyg from 2026-07-01). */
const sicknessSchema = z.object({
  since: z.string({ error: 'expected a date YYYY-MM-DD' }).nullable().optional(),
  medicalCertificate: z.boolean({ error: 'expected true or false' }).nullable().optional(),
});

const memberSchema = z.object({
  id: text('a member id (text)').min(1, 'must not be empty'),
  role: z.string({ error: `expected one of ${ROLES.join(', ')}` }),
  birthDate: z.string({ error: 'expected a date YYYY-MM-DD' }),
  lunchOutsideHome: z.boolean({ error: 'expected true or false' }).optional(),
  daysInHousehold: z.number({ error: 'expected a whole number of days' }).int('expected a whole number of days').nullable().optional(),
  inSchool: z.boolean({ error: 'expected true or false' }).nullable().optional(),
  gender: z.string({ error: `expected one of ${GENDERS.join(', ')}` }).nullable().optional(),
  personnummer: text('a personnummer (text)').nullable().optional(),
  availableForWork: z.boolean({ error: 'expected true or false' }).nullable().optional(),
  acceptableReason: text('a text').nullable().optional(),
  activityRequirement: activitySchema.nullable().optional(),
  sickness: sicknessSchema.nullable().optional(),
  name: text('a text').nullable().optional(),
  minorApplicantReason: text('a text').nullable().optional(),
});

const incomeSchema = z.object({
  memberId: text('the id of a member'),
  type: text('an income type'),
  amount: optionalMoney,
  yearToDate: optionalMoney,
  description: text('a text').nullable().optional(),
});

const costSchema = z.object({
  type: text('a cost type'),
  amount: optionalMoney,
  memberId: text('the id of a member').nullable().optional(),
  description: text('a text').nullable().optional(),
});

const assetSchema = z.object({
  memberId: text('the id of a member').nullable().optional(),
  type: text('an asset type'),
  amount: optionalMoney,
  description: text('a text').nullable().optional(),
});

const circumstancesSchema = z.object({
  availableForWork: z.boolean({ error: 'expected true or false' }).nullable().optional(),
  acceptableReason: text('a text').nullable().optional(),
  consecutiveMonthsOnAssistance: z
    .number({ error: 'expected a whole number of months' })
    .int('expected a whole number of months')
    .nonnegative('must not be negative')
    .nullable()
    .optional(),
  rentCeiling: optionalMoney,
  rentCeilingNotifiedOn: z.string({ error: 'expected a date YYYY-MM-DD' }).nullable().optional(),
  rentCeilingBasis: text('a text').nullable().optional(),
  rentArrears: optionalMoney,
  jobbstimulansStart: text('a month YYYY-MM').nullable().optional(),
});

/**
 * The letter's case facts (docs/household.md "letterhead"): who decides, for which nämnd, the
 * application date, the applicant's address and the contact person. Only the letter uses them.
 */
const decisionMakerSchema = z.object({
  name: text('a text'),
  title: text('a text').nullable().optional(),
  delegation: text('a text').nullable().optional(),
});
const contactSchema = z.object({
  name: text('a text').nullable().optional(),
  phone: text('a telephone number as text').nullable().optional(),
  email: text('an e-mail address as text').nullable().optional(),
});
const letterheadSchema = z.object({
  board: text('the nämnd\'s name (text)').nullable().optional(),
  applicationDate: z.string({ error: 'expected a date YYYY-MM-DD' }).nullable().optional(),
  applicantAddress: z.array(text('an address line (text)'), { error: 'expected a list of address lines' }).nullable().optional(),
  decisionMaker: decisionMakerSchema.nullable().optional(),
  contact: contactSchema.nullable().optional(),
});

const registeredIncomeSchema = z.object({
  memberId: text('the id of a member'),
  agency: z.string({ error: `expected one of ${AGENCIES.join(', ')}` }),
  benefit: text("the benefit in the agency's words").min(1, 'must not be empty'),
  subBenefit: text('a text').nullable().optional(),
  amountType: text('a text').nullable().optional(),
  net: money,
  gross: optionalMoney,
  tax: optionalMoney,
  paidOn: z.string({ error: 'expected a date YYYY-MM-DD' }).nullable().optional(),
  periodFrom: z.string({ error: 'expected a date YYYY-MM-DD' }).nullable().optional(),
  periodTo: z.string({ error: 'expected a date YYYY-MM-DD' }).nullable().optional(),
  days: text('a number of days as text, like "22" or "0.5"').nullable().optional(),
  preliminary: z.boolean({ error: 'expected true or false' }).optional(),
  ref: text('a text').nullable().optional(),
  assessment: z
    .object({
      action: z.string({ error: 'expected "count" or "exclude"' }),
      incomeType: text('an income type').nullable().optional(),
      reason: text('a text').nullable().optional(),
    }, { error: 'expected { action, incomeType, reason }: the caseworker\'s classification of the payment' })
    .nullable()
    .optional(),
});

const assessmentSchema = registeredIncomeSchema.shape.assessment.unwrap().unwrap();

const agencyAnswerSchema = z.object({
  memberId: text('the id of a member'),
  agency: z.string({ error: `expected one of ${AGENCIES.join(', ')}` }),
  status: z.string({ error: `expected one of ${AGENCY_ANSWER_STATUSES.join(', ')}` }),
});

export const householdSchema = z.object({
  caseId: text('a case id (text)').nullable().optional(),
  period: z.string({ error: 'expected a month YYYY-MM' }),
  decidedOn: z.string({ error: 'expected a date YYYY-MM-DD' }).nullable().optional(),
  municipality: text('a kommunkod (four digits)').nullable().optional(),
  members: z.array(memberSchema, { error: 'expected a list of members' }),
  incomes: z.array(incomeSchema, { error: 'expected a list of incomes' }).optional(),
  costs: z.array(costSchema, { error: 'expected a list of costs' }).optional(),
  assets: z.array(assetSchema, { error: 'expected a list of assets' }).optional(),
  circumstances: circumstancesSchema.optional(),
  registeredIncomes: z.array(registeredIncomeSchema, { error: 'expected a list of registered payments' }).optional(),
  agencyAnswers: z.array(agencyAnswerSchema, { error: 'expected a list of agency answers' }).optional(),
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

/*
 * A fast path for the common case, a well-formed household: plain type checks that accept only what
 * householdSchema accepts (strictly less is fine: anything this refuses goes through zod, which then
 * accepts it or words the errors). zod's safeParse costs ~3 µs a household, a third of parsing, and
 * its result holds the same values as the input minus unknown fields, which nothing below reads.
 * test/batch/fast-parse.test.ts checks on random objects that this never accepts what zod refuses.
 */
const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isText = (v: unknown): boolean => typeof v === 'string';
/** .optional(): absent, or of the type (not null). */
const optFlag = (v: unknown): boolean => v === undefined || typeof v === 'boolean';
/** .nullable().optional(): absent, null, or of the type. */
const nullText = (v: unknown): boolean => v === undefined || v === null || typeof v === 'string';
const nullFlag = (v: unknown): boolean => v === undefined || v === null || typeof v === 'boolean';
/** z.number().int(): a safe integer (zod 4 checks Number.isSafeInteger). */
const nullInt = (v: unknown): boolean => v === undefined || v === null || Number.isSafeInteger(v);

function memberMatches(m: unknown): boolean {
  return (
    isRecord(m) &&
    typeof m['id'] === 'string' &&
    m['id'].length >= 1 &&
    isText(m['role']) &&
    isText(m['birthDate']) &&
    optFlag(m['lunchOutsideHome']) &&
    nullInt(m['daysInHousehold']) &&
    nullFlag(m['inSchool']) &&
    nullText(m['gender']) &&
    nullText(m['personnummer']) &&
    nullFlag(m['availableForWork']) &&
    nullText(m['acceptableReason']) &&
    (m['activityRequirement'] === undefined || m['activityRequirement'] === null || activityMatches(m['activityRequirement'])) &&
    (m['sickness'] === undefined || m['sickness'] === null || sicknessMatches(m['sickness'])) &&
    nullText(m['name']) &&
    nullText(m['minorApplicantReason'])
  );
}

function activityMatches(a: unknown): boolean {
  return isRecord(a) && isText(a['status']) && nullText(a['exemption']) && nullText(a['acceptableReason']);
}

function sicknessMatches(a: unknown): boolean {
  return isRecord(a) && nullText(a['since']) && nullFlag(a['medicalCertificate']);
}

function incomeMatches(i: unknown): boolean {
  return isRecord(i) && isText(i['memberId']) && isText(i['type']) && nullText(i['amount']) && nullText(i['yearToDate']) && nullText(i['description']);
}

function costMatches(c: unknown): boolean {
  return isRecord(c) && isText(c['type']) && nullText(c['amount']) && nullText(c['memberId']) && nullText(c['description']);
}

function assetMatches(a: unknown): boolean {
  return isRecord(a) && nullText(a['memberId']) && isText(a['type']) && nullText(a['amount']) && nullText(a['description']);
}

function registeredIncomeMatches(r: unknown): boolean {
  return (
    isRecord(r) &&
    isText(r['memberId']) &&
    isText(r['agency']) &&
    typeof r['benefit'] === 'string' &&
    r['benefit'].length >= 1 &&
    nullText(r['subBenefit']) &&
    nullText(r['amountType']) &&
    isText(r['net']) &&
    nullText(r['gross']) &&
    nullText(r['tax']) &&
    nullText(r['paidOn']) &&
    nullText(r['periodFrom']) &&
    nullText(r['periodTo']) &&
    nullText(r['days']) &&
    optFlag(r['preliminary']) &&
    nullText(r['ref']) &&
    (r['assessment'] === undefined || r['assessment'] === null || assessmentMatches(r['assessment']))
  );
}

function letterheadMatches(l: unknown): boolean {
  if (l === undefined || l === null) return true;
  if (!isRecord(l)) return false;
  const address = l['applicantAddress'];
  const maker = l['decisionMaker'];
  const contact = l['contact'];
  return (
    nullText(l['board']) &&
    nullText(l['applicationDate']) &&
    (address === undefined || address === null || (Array.isArray(address) && address.every(isText))) &&
    (maker === undefined || maker === null || (isRecord(maker) && isText(maker['name']) && nullText(maker['title']) && nullText(maker['delegation']))) &&
    (contact === undefined || contact === null || (isRecord(contact) && nullText(contact['name']) && nullText(contact['phone']) && nullText(contact['email'])))
  );
}

function assessmentMatches(a: unknown): boolean {
  return isRecord(a) && isText(a['action']) && nullText(a['incomeType']) && nullText(a['reason']);
}

function agencyAnswerMatches(a: unknown): boolean {
  return isRecord(a) && isText(a['memberId']) && isText(a['agency']) && isText(a['status']);
}

function circumstancesMatch(c: unknown): boolean {
  if (c === undefined) return true;
  if (!isRecord(c)) return false;
  const months = c['consecutiveMonthsOnAssistance'];
  return (
    nullFlag(c['availableForWork']) &&
    nullText(c['acceptableReason']) &&
    nullInt(months) &&
    (months === undefined || months === null || (months as number) >= 0) &&
    nullText(c['rentCeiling']) &&
    nullText(c['rentCeilingNotifiedOn']) &&
    nullText(c['rentCeilingBasis']) &&
    nullText(c['rentArrears']) &&
    nullText(c['jobbstimulansStart'])
  );
}

function everyMatches(list: unknown, optional: boolean, matches: (item: unknown) => boolean): boolean {
  if (list === undefined) return optional;
  if (!Array.isArray(list)) return false;
  for (const item of list) if (!matches(item)) return false;
  return true;
}

/** True only when householdSchema.safeParse(raw) succeeds (see above); false means "ask zod". */
export function matchesHouseholdShape(raw: Record<string, unknown>): boolean {
  return (
    nullText(raw['caseId']) &&
    isText(raw['period']) &&
    nullText(raw['decidedOn']) &&
    nullText(raw['municipality']) &&
    everyMatches(raw['members'], false, memberMatches) &&
    everyMatches(raw['incomes'], true, incomeMatches) &&
    everyMatches(raw['costs'], true, costMatches) &&
    everyMatches(raw['assets'], true, assetMatches) &&
    circumstancesMatch(raw['circumstances']) &&
    everyMatches(raw['registeredIncomes'], true, registeredIncomeMatches) &&
    everyMatches(raw['agencyAnswers'], true, agencyAnswerMatches) &&
    letterheadMatches(raw['letterhead'])
  );
}

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

export type ParseResult =
  | { readonly ok: true; readonly household: Household; readonly warnings: readonly InputIssue[] }
  | { readonly ok: false; readonly issues: readonly InputIssue[] };

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(household)' : out;
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = raw;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

/** A short description of a wrong value for an error message: its JSON type and, for scalars, the value. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${typeof value === 'string' ? quote(value) : String(value)}`;
}

/**
 * Unknown keys of one object, in sorted order (only the rare unknown ones are sorted). The object is
 * at `list[index].field`: `index` −1 for no list index, `field` '' for the item itself. The path is
 * only written out for an unknown key (this runs for every object of every household).
 */
function checkKeys(warnings: InputIssue[], obj: unknown, known: ReadonlySet<string>, list: string, index: number, field = ''): void {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return;
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

/** UNKNOWN_FIELD warnings for every object of the household: the top, the list items, circumstances, and a member's activityRequirement and sickness. */
export function unknownKeyWarnings(raw: Record<string, unknown>): InputIssue[] {
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
  return warnings;
}

function addIssue(issues: InputIssue[], path: string, code: string, message: string): void {
  issues.push({ path, code, message });
}

/** An amount field: null when absent; a field error when negative or not a kronor string. `index` −1: no list index in the path. */
function moneyField(issues: InputIssue[], value: string | null | undefined, list: string, index: number, field: string): Ore | null {
  if (value === undefined || value === null) return null;
  if (/^-/.test(value.trim())) {
    addIssue(issues, index < 0 ? `${list}.${field}` : `${list}[${index}].${field}`, 'NEGATIVE_AMOUNT', `must not be negative (got ${quote(value)})`);
    return null;
  }
  const parsedAmount = parseKronor(value);
  if (parsedAmount === null) addIssue(issues, index < 0 ? `${list}.${field}` : `${list}[${index}].${field}`, 'INVALID_AMOUNT', `${MONEY_MESSAGE}, got ${quote(value)}`);
  else if (parsedAmount > MAX_AMOUNT_ORE) {
    addIssue(issues, index < 0 ? `${list}.${field}` : `${list}[${index}].${field}`, 'AMOUNT_TOO_LARGE', amountTooLarge());
    return null;
  }
  return parsedAmount;
}

/** Issue 13: the amounts of one list must add up to at most MAX_LIST_TOTAL_ORE (limits.ts), so no sum can overflow. */
function listTotal(issues: InputIssue[], items: readonly { readonly [k: string]: unknown }[], field: string, list: string, what: string): void {
  let total = 0;
  for (const item of items) {
    const amount = item[field];
    if (typeof amount === 'number') total += amount;
  }
  if (total > MAX_LIST_TOTAL_ORE) addIssue(issues, list, 'TOTAL_TOO_LARGE', totalTooLarge(what));
}

type MemberInput = z.infer<typeof memberSchema>;

/** activityRequirement: only for the applicant and a partner; a known status; an exemption code exactly when exempt. */
function checkActivity(issues: InputIssue[], m: MemberInput, base: string): void {
  const a = m.activityRequirement;
  if (a === undefined || a === null) return;
  const path = `${base}.activityRequirement`;
  if (m.role !== 'applicant' && m.role !== 'partner') addIssue(issues, path, 'NOT_AN_ADULT_IN_CASE', 'applies only to the applicant and a partner (another adult is their own case)');
  if (!(ACTIVITY_STATUSES as readonly string[]).includes(a.status)) addIssue(issues, `${path}.status`, 'INVALID_STATUS', `expected one of ${ACTIVITY_STATUSES.join(', ')}, got ${quote(a.status)}`);
  const exemption = a.exemption ?? null;
  if (a.status === 'exempt' && exemption === null) addIssue(issues, `${path}.exemption`, 'REQUIRED', 'required when status is exempt: the reason code (rules/activity-requirement.json)');
  if (a.status !== 'exempt' && exemption !== null) addIssue(issues, `${path}.exemption`, 'NOT_EXEMPT', `given, but status is ${quote(a.status)}, not exempt`);
  if (a.status !== 'declined' && (a.acceptableReason ?? null) !== null) addIssue(issues, `${path}.acceptableReason`, 'NOT_DECLINED', `given, but status is ${quote(a.status)}, not declined`);
}

/** sickness: only for the applicant and a partner; since is a real date not after the period. */
function checkSickness(issues: InputIssue[], m: MemberInput, base: string, period: Period | null): void {
  const s = m.sickness;
  if (s === undefined || s === null) return;
  const path = `${base}.sickness`;
  if (m.role !== 'applicant' && m.role !== 'partner') addIssue(issues, path, 'NOT_AN_ADULT_IN_CASE', 'applies only to the applicant and a partner (another adult is their own case)');
  const since = s.since ?? null;
  if (since === null) return;
  if (!isIsoDate(since)) addIssue(issues, `${path}.since`, 'INVALID_DATE', `expected a date YYYY-MM-DD, got ${quote(since)}`);
  else if (period && since > lastDayOf(period)) addIssue(issues, `${path}.since`, 'AFTER_PERIOD', `${since} is after the period ${firstDayOf(period).slice(0, 7)}`);
}

/**
 * The applicant's labour-market statement may be given in circumstances (CONTRACT.md) or, like a
 * partner's, on the member: both at once must agree.
 */
function checkApplicantStatement(issues: InputIssue[], members: readonly MemberInput[], c: { availableForWork?: boolean | null | undefined; acceptableReason?: string | null | undefined }): void {
  const i = members.findIndex((m) => m.role === 'applicant');
  const m = members[i];
  if (m === undefined) return;
  for (const key of ['availableForWork', 'acceptableReason'] as const) {
    const own = m[key] ?? null;
    const given = c[key] ?? null;
    const show = (v: string | boolean): string => (typeof v === 'string' ? quote(v) : String(v));
    if (own !== null && given !== null && own !== given) addIssue(issues, `members[${i}].${key}`, 'CONFLICTS_WITH_CIRCUMSTANCES', `${show(own)} here but ${show(given)} in circumstances.${key}: give the applicant's statement once`);
  }
}

function memberRef(issues: InputIssue[], ids: ReadonlyMap<string, number>, id: string | null | undefined, list: string, index: number): void {
  if (id !== undefined && id !== null && !ids.has(id)) addIssue(issues, `${list}[${index}].memberId`, 'UNKNOWN_MEMBER', `no member has id ${quote(id)}`);
}

/**
 * decidedOn: the date the decision is made, which picks the law cited (docs/law-in-force.md). A real
 * date, and not before the month preceding the benefit month (a decision about a month is made at the
 * earliest in the month before it; later is fine: omprövning and appeals come years after).
 */
function decidedOnProblem(issues: InputIssue[], decidedOn: string, period: Period | null): void {
  if (!isIsoDate(decidedOn)) {
    addIssue(issues, 'decidedOn', 'INVALID_DATE', `expected a date YYYY-MM-DD, got ${quote(decidedOn)}`);
    return;
  }
  if (period === null) return;
  const earliest = firstDayOf(addMonths(period, -1));
  if (decidedOn < earliest) {
    addIssue(issues, 'decidedOn', 'DECIDED_TOO_EARLY', `${decidedOn} is more than a month before the period ${firstDayOf(period).slice(0, 7)} (earliest ${earliest})`);
  }
}

/** An optional date field of a registered payment: null when absent; a field error when not a real date. */
function dateField(issues: InputIssue[], value: string | null | undefined, index: number, field: string): string | null {
  if (value === undefined || value === null) return null;
  if (!isIsoDate(value)) {
    addIssue(issues, `registeredIncomes[${index}].${field}`, 'INVALID_DATE', `expected a date YYYY-MM-DD, got ${quote(value)}`);
    return null;
  }
  return value;
}

type RegisteredInput = NonNullable<z.infer<typeof householdSchema>['registeredIncomes']>[number];
type AnswerInput = NonNullable<z.infer<typeof householdSchema>['agencyAnswers']>[number];

function agencyField(issues: InputIssue[], value: string, list: string, index: number): Agency {
  if (!(AGENCIES as readonly string[]).includes(value)) addIssue(issues, `${list}[${index}].agency`, 'UNKNOWN_AGENCY', `expected one of ${AGENCIES.join(', ')}, got ${quote(value)}`);
  return value as Agency;
}

/** Registered payments (SSBTEK): agency known, net a kronor amount, dates real, the member exists. */
function parseRegistered(issues: InputIssue[], ids: ReadonlyMap<string, number>, list: readonly RegisteredInput[]): RegisteredIncome[] {
  return list.map((r, i) => {
    memberRef(issues, ids, r.memberId, 'registeredIncomes', i);
    const paidOn = dateField(issues, r.paidOn, i, 'paidOn');
    const periodFrom = dateField(issues, r.periodFrom, i, 'periodFrom');
    const periodTo = dateField(issues, r.periodTo, i, 'periodTo');
    if ((r.paidOn ?? null) === null && (r.periodFrom ?? null) === null) {
      addIssue(issues, `registeredIncomes[${i}].paidOn`, 'REQUIRED', 'required: the payment date, or periodFrom when the agency has not booked a date yet');
    }
    if (periodFrom !== null && periodTo !== null && periodTo < periodFrom) {
      addIssue(issues, `registeredIncomes[${i}].periodTo`, 'INVALID_PERIOD', `${periodTo} is before periodFrom ${periodFrom}`);
    }
    if (r.days !== undefined && r.days !== null && !/^(0|[1-9][0-9]{0,3})(\.[0-9]{1,2})?$/.test(r.days)) {
      addIssue(issues, `registeredIncomes[${i}].days`, 'INVALID_DAYS', `expected a number of days like "22" or "0.5", got ${quote(r.days)}`);
    }
    const assessment = assessmentField(issues, r.assessment ?? null, i);
    return {
      index: i,
      memberId: r.memberId,
      agency: agencyField(issues, r.agency, 'registeredIncomes', i),
      benefit: r.benefit,
      subBenefit: r.subBenefit ?? null,
      amountType: r.amountType ?? null,
      net: moneyField(issues, r.net, 'registeredIncomes', i, 'net') ?? (0 as Ore),
      gross: moneyField(issues, r.gross, 'registeredIncomes', i, 'gross'),
      tax: moneyField(issues, r.tax, 'registeredIncomes', i, 'tax'),
      paidOn,
      periodFrom,
      periodTo,
      days: r.days ?? null,
      preliminary: r.preliminary ?? false,
      ref: r.ref ?? null,
      assessment,
    };
  });
}

/**
 * A caseworker's classification of a registered payment the rules leave to a person (or do not know):
 * counted as an income type, or not counted with the reason. The income type is checked against the
 * period's rules with the other types (src/index.ts).
 */
function assessmentField(issues: InputIssue[], a: NonNullable<RegisteredInput['assessment']> | null, index: number): PaymentAssessment | null {
  if (a === null) return null;
  const path = `registeredIncomes[${index}].assessment`;
  if (a.action !== 'count' && a.action !== 'exclude') {
    addIssue(issues, `${path}.action`, 'INVALID_ACTION', `expected "count" or "exclude", got ${quote(a.action)}`);
    return null;
  }
  const incomeType = a.incomeType ?? null;
  const reason = a.reason?.trim() || null;
  if (a.action === 'count' && incomeType === null) addIssue(issues, `${path}.incomeType`, 'REQUIRED', 'required when the payment is counted: the income type it is counted as');
  if (a.action === 'exclude' && incomeType !== null) addIssue(issues, `${path}.incomeType`, 'NOT_ALLOWED', 'a payment that is not counted has no income type');
  if (a.action === 'exclude' && reason === null) addIssue(issues, `${path}.reason`, 'REQUIRED', 'required when the payment is not counted: why it is not income');
  return { action: a.action, incomeType, reason };
}

/** Agency answers: one per member and agency; a "nothing" or "failed" answer cannot sit beside payments from that agency. */
function parseAnswers(issues: InputIssue[], ids: ReadonlyMap<string, number>, list: readonly AnswerInput[], registered: readonly RegisteredIncome[]): AgencyAnswer[] {
  const seen = new Map<string, number>();
  return list.map((a, i) => {
    memberRef(issues, ids, a.memberId, 'agencyAnswers', i);
    const agency = agencyField(issues, a.agency, 'agencyAnswers', i);
    if (!(AGENCY_ANSWER_STATUSES as readonly string[]).includes(a.status)) {
      addIssue(issues, `agencyAnswers[${i}].status`, 'INVALID_STATUS', `expected one of ${AGENCY_ANSWER_STATUSES.join(', ')}, got ${quote(a.status)}`);
    }
    const key = `${a.memberId}\u0000${a.agency}`;
    if (seen.has(key)) addIssue(issues, `agencyAnswers[${i}]`, 'DUPLICATE_ANSWER', `agencyAnswers[${seen.get(key)}] already gives ${a.agency}'s answer for ${a.memberId}`);
    else seen.set(key, i);
    if (a.status === 'nothing' || a.status === 'failed') {
      const paid = registered.find((r) => r.memberId === a.memberId && r.agency === a.agency);
      if (paid) addIssue(issues, `agencyAnswers[${i}].status`, 'ANSWER_CONTRADICTS_PAYMENTS', `${quote(a.status)}, but registeredIncomes[${paid.index}] is a payment from ${a.agency} to ${a.memberId}`);
    }
    return { index: i, memberId: a.memberId, agency, status: a.status as AgencyAnswerStatus };
  });
}

/** A member's name as the letter uses it: trimmed, one line; an empty name is no name. */
function nameOf(name: string | null | undefined): string | null {
  const trimmed = (name ?? '').replace(/\s+/g, ' ').trim();
  return trimmed === '' ? null : trimmed;
}

type LetterheadInput = NonNullable<z.infer<typeof householdSchema>['letterhead']>;

/** The longest text of the letterhead (a name, a line of the address, a delegation). */
export const MAX_LETTERHEAD_TEXT = 200;
/** The most address lines (c/o, street, box, postcode and town, country). */
export const MAX_ADDRESS_LINES = 6;

/** A letterhead text: absent or null → null; else one line, not empty, at most MAX_LETTERHEAD_TEXT characters. */
function letterText(issues: InputIssue[], value: string | null | undefined, path: string): string | null {
  if (value === undefined || value === null) return null;
  const trimmed = value.trim();
  if (trimmed === '') addIssue(issues, path, 'REQUIRED', 'must not be empty (leave the field out when it is not known)');
  else if (/[\u0000-\u001f\u007f]/.test(value)) addIssue(issues, path, 'INVALID_FIELD', 'one line of text: no line breaks or control characters');
  else if (value.length > MAX_LETTERHEAD_TEXT) addIssue(issues, path, 'TOO_LONG', `at most ${MAX_LETTERHEAD_TEXT} characters (got ${value.length})`);
  return trimmed === '' ? null : trimmed;
}

/**
 * The letterhead (the letter's case facts): every text one line of at most 200 characters; the
 * application date a real date not after the decision date or the benefit month; at most six address
 * lines; a telephone number of digits (with spaces, +, -, parentheses); an e-mail address with an @.
 */
function parseLetterhead(issues: InputIssue[], l: LetterheadInput | null | undefined, decidedOn: string | null, period: Period | null): Household['letterhead'] {
  if (l === undefined || l === null) return null;
  const board = letterText(issues, l.board, 'letterhead.board');
  let applicationDate: string | null = null;
  if (l.applicationDate !== undefined && l.applicationDate !== null) {
    const date = l.applicationDate;
    if (!isIsoDate(date)) addIssue(issues, 'letterhead.applicationDate', 'INVALID_DATE', `expected a date YYYY-MM-DD, got ${quote(date)}`);
    else if (decidedOn !== null && isIsoDate(decidedOn) && date > decidedOn) addIssue(issues, 'letterhead.applicationDate', 'AFTER_DECISION', `${date} is after the decision date ${decidedOn}`);
    else if (period !== null && date > lastDayOf(period)) addIssue(issues, 'letterhead.applicationDate', 'AFTER_PERIOD', `${date} is after the month applied for (${firstDayOf(period).slice(0, 7)})`);
    else applicationDate = date;
  }
  const lines = l.applicantAddress ?? [];
  if (lines.length > MAX_ADDRESS_LINES) addIssue(issues, 'letterhead.applicantAddress', 'TOO_LONG', `at most ${MAX_ADDRESS_LINES} lines (got ${lines.length})`);
  const applicantAddress = lines.map((line, i) => letterText(issues, line, `letterhead.applicantAddress[${i}]`)).filter((x): x is string => x !== null);
  let decisionMaker: DecisionMaker | null = null;
  if (l.decisionMaker !== undefined && l.decisionMaker !== null) {
    const name = letterText(issues, l.decisionMaker.name, 'letterhead.decisionMaker.name');
    const title = letterText(issues, l.decisionMaker.title, 'letterhead.decisionMaker.title');
    const delegation = letterText(issues, l.decisionMaker.delegation, 'letterhead.decisionMaker.delegation');
    decisionMaker = name === null ? null : { name, title, delegation };
  }
  let contact: Contact | null = null;
  if (l.contact !== undefined && l.contact !== null) {
    const name = letterText(issues, l.contact.name, 'letterhead.contact.name');
    const phone = letterText(issues, l.contact.phone, 'letterhead.contact.phone');
    const email = letterText(issues, l.contact.email, 'letterhead.contact.email');
    if (phone !== null && !/^\+?[0-9 ()-]+$/.test(phone)) addIssue(issues, 'letterhead.contact.phone', 'INVALID_PHONE', `expected digits, spaces, +, - and parentheses, got ${quote(phone)}`);
    else if (phone !== null && phone.replace(/[^0-9]/g, '').length < 5) addIssue(issues, 'letterhead.contact.phone', 'INVALID_PHONE', `expected at least 5 digits, got ${quote(phone)}`);
    if (email !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) addIssue(issues, 'letterhead.contact.email', 'INVALID_EMAIL', `expected an e-mail address like namn@kommun.se, got ${quote(email)}`);
    if (l.contact.name == null && l.contact.phone == null && l.contact.email == null) addIssue(issues, 'letterhead.contact', 'REQUIRED', 'give at least one of name, phone and email (or leave contact out)');
    contact = name === null && phone === null && email === null ? null : { name, phone, email };
  }
  return { board, applicationDate, applicantAddress, decisionMaker, contact };
}

export function parseHousehold(raw: unknown): ParseResult {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, issues: [{ path: '(household)', code: 'NOT_AN_OBJECT', message: 'expected a JSON object with period, members, incomes, costs' }] };
  }
  // The shape check and the unknown-field warnings look at fixed places only, so they are safe on any
  // nesting. A household of the contract's shape with no unknown field nests at most 4 levels, known
  // without walking it: given that shape, every field the contract knows holds a primitive except the
  // lists, their items, circumstances, activityRequirement and sickness, so only a field it does not
  // know can nest deeper, and unknownKeyWarnings looks at every object that can hold one
  // (test/batch/fast-parse.test.ts checks it). That spares walking it for the depth check below (a
  // quarter of parseHousehold's time in a profile; parseHousehold 4.2 -> 3.8 µs a household without it).
  const shapeMatches = matchesHouseholdShape(raw as Record<string, unknown>);
  const warnings = unknownKeyWarnings(raw as Record<string, unknown>);
  const knownShallow = shapeMatches && warnings.length === 0;
  // Refused before anything recurses over it (the input hash, zod): a body of a few hundred KB can
  // nest 100 000 levels and would overflow the stack.
  if (!knownShallow && nestsDeeperThan(raw, MAX_JSON_DEPTH)) {
    return { ok: false, issues: [{ path: '(household)', code: 'TOO_DEEP', message: `arrays and objects are nested more than ${MAX_JSON_DEPTH} levels deep; a household needs 3` }] };
  }
  const parsed = shapeMatches ? { success: true as const, data: raw as z.infer<typeof householdSchema> } : householdSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => {
        const given = valueAt(raw, issue.path);
        // A personnummer given as a number must not be echoed in full on stderr (issue 4): name its type only.
        const hidden = issue.path[issue.path.length - 1] === 'personnummer' && given !== null && typeof given !== 'object';
        const message =
          issue.code !== 'invalid_type' ? issue.message : given === undefined ? `required: ${issue.message}` : `${issue.message}, got ${hidden ? typeof given : describe(given)}`;
        return { path: formatPath(issue.path), code: given === undefined ? 'REQUIRED' : 'INVALID_FIELD', message };
      }),
    };
  }
  const input = parsed.data;
  const issues: InputIssue[] = [];

  const period = parsePeriod(input.period);
  if (input.caseId !== undefined && input.caseId !== null && input.caseId.length > MAX_ID_LENGTH) {
    addIssue(issues, 'caseId', 'TOO_LONG', `at most ${MAX_ID_LENGTH} characters (got ${input.caseId.length})`);
  }
  if (!period) addIssue(issues, 'period', 'INVALID_PERIOD', `expected a month YYYY-MM, got ${quote(input.period)}`);
  const decidedOn = input.decidedOn ?? null;
  if (decidedOn !== null) decidedOnProblem(issues, decidedOn, period);

  // Members
  const ids = new Map<string, number>();
  const periodStart = period ? firstDayOf(period) : null;
  const periodEnd = period ? lastDayOf(period) : null;
  input.members.forEach((m, i) => {
    const base = `members[${i}]`;
    if (m.id.length > MAX_ID_LENGTH) addIssue(issues, `${base}.id`, 'TOO_LONG', `at most ${MAX_ID_LENGTH} characters (got ${m.id.length})`);
    else if (ids.has(m.id)) addIssue(issues, `${base}.id`, 'DUPLICATE_MEMBER_ID', `${quote(m.id)} is already used by members[${ids.get(m.id)}]`);
    else ids.set(m.id, i);
    if (!(ROLES as readonly string[]).includes(m.role)) addIssue(issues, `${base}.role`, 'INVALID_ROLE', `expected one of ${ROLES.join(', ')}, got ${quote(m.role)}`);
    if (!isIsoDate(m.birthDate)) addIssue(issues, `${base}.birthDate`, 'INVALID_DATE', `expected a date YYYY-MM-DD, got ${quote(m.birthDate)}`);
    else if (periodEnd !== null && m.birthDate > periodEnd) addIssue(issues, `${base}.birthDate`, 'BORN_AFTER_PERIOD', `${m.birthDate} is after the period ${input.period}`);
    else if (m.birthDate < '1890-01-01') addIssue(issues, `${base}.birthDate`, 'INVALID_DATE', `${m.birthDate} is not a plausible birth date`);
    else if (periodStart !== null && (m.role === 'applicant' || m.role === 'partner') && ageOn(m.birthDate, periodStart) < MIN_AGE_APPLICANT_OR_PARTNER) {
      // Issue 13: a 6-year-old partner was accepted without a word (limits.ts says why 15).
      const age = Math.max(0, ageOn(m.birthDate, periodStart));
      addIssue(issues, `${base}.birthDate`, 'IMPLAUSIBLE_AGE', `${m.role === 'applicant' ? 'an' : 'a'} ${m.role} aged ${age} in ${input.period} is not plausible (at least ${MIN_AGE_APPLICANT_OR_PARTNER}): check birthDate, or give a child role child`);
    }
    if (m.gender !== undefined && m.gender !== null && !(GENDERS as readonly string[]).includes(m.gender)) {
      addIssue(issues, `${base}.gender`, 'INVALID_GENDER', `expected one of ${GENDERS.join(', ')}, got ${quote(m.gender)}`);
    }
    if (m.daysInHousehold !== undefined && m.daysInHousehold !== null) {
      if (m.role !== 'child') addIssue(issues, `${base}.daysInHousehold`, 'NOT_A_CHILD', 'only a member with role child can live here part of the month');
      else if (m.daysInHousehold < 0) addIssue(issues, `${base}.daysInHousehold`, 'INVALID_DAYS', `must be 0 or more (got ${m.daysInHousehold})`);
      else if (period && m.daysInHousehold > daysInMonth(period)) {
        addIssue(issues, `${base}.daysInHousehold`, 'INVALID_DAYS', `${input.period} has ${daysInMonth(period)} days (got ${m.daysInHousehold})`);
      }
    }
    if (m.name !== undefined && m.name !== null && m.name.length > MAX_LETTERHEAD_TEXT) addIssue(issues, `${base}.name`, 'TOO_LONG', `at most ${MAX_LETTERHEAD_TEXT} characters (got ${m.name.length})`);
    checkActivity(issues, m, base);
    checkSickness(issues, m, base, period);
    if (m.lunchOutsideHome === true && m.role !== 'child') addIssue(issues, `${base}.lunchOutsideHome`, 'NOT_A_CHILD', 'applies only to a member with role child (aged 0–6)');
    if (m.personnummer !== undefined && m.personnummer !== null) {
      // Issue 4: format, date part (samordningsnummer: day + 60) and Luhn check digit; the message masks the number.
      const problem = personnummerProblem(m.personnummer, period ? period.year : null);
      if (problem !== null) addIssue(issues, `${base}.personnummer`, 'INVALID_PERSONNUMMER', problem);
    }
  });
  const applicants = input.members.filter((m) => m.role === 'applicant').length;
  if (input.members.length === 0) addIssue(issues, 'members', 'NO_MEMBERS', 'the household must have at least the applicant');
  else if (applicants === 0) addIssue(issues, 'members', 'NO_APPLICANT', 'exactly one member must have role "applicant" (none has)');
  else if (applicants > 1) addIssue(issues, 'members', 'SEVERAL_APPLICANTS', `exactly one member must have role "applicant" (${applicants} have)`);
  if (input.members.length > MAX_MEMBERS) addIssue(issues, 'members', 'TOO_MANY_MEMBERS', `at most ${MAX_MEMBERS} members (got ${input.members.length})`);
  const partners = input.members.filter((m) => m.role === 'partner').length;
  if (partners > 1) addIssue(issues, 'members', 'SEVERAL_PARTNERS', `at most one member can have role "partner" (${partners} have)`);

  const incomes = (input.incomes ?? []).map((inc, i) => {
    memberRef(issues, ids, inc.memberId, 'incomes', i);
    return {
      index: i,
      memberId: inc.memberId,
      type: inc.type,
      amount: moneyField(issues, inc.amount, 'incomes', i, 'amount'),
      yearToDate: moneyField(issues, inc.yearToDate, 'incomes', i, 'yearToDate'),
      description: inc.description ?? null,
    };
  });
  const costs = (input.costs ?? []).map((c, i) => {
    memberRef(issues, ids, c.memberId, 'costs', i);
    return { index: i, type: c.type, amount: moneyField(issues, c.amount, 'costs', i, 'amount'), memberId: c.memberId ?? null, description: c.description ?? null };
  });
  const assets = (input.assets ?? []).map((a, i) => {
    memberRef(issues, ids, a.memberId, 'assets', i);
    return { index: i, memberId: a.memberId ?? null, type: a.type, amount: moneyField(issues, a.amount, 'assets', i, 'amount'), description: a.description ?? null };
  });

  listTotal(issues, incomes, 'amount', 'incomes', 'income amounts');
  listTotal(issues, incomes, 'yearToDate', 'incomes', 'yearToDate amounts');
  listTotal(issues, costs, 'amount', 'costs', 'cost amounts');
  listTotal(issues, assets, 'amount', 'assets', 'asset amounts');

  const c = input.circumstances ?? {};
  let jobbstimulansStart: Period | null = null;
  if (c.jobbstimulansStart !== undefined && c.jobbstimulansStart !== null) {
    jobbstimulansStart = parsePeriod(c.jobbstimulansStart);
    if (!jobbstimulansStart) addIssue(issues, 'circumstances.jobbstimulansStart', 'INVALID_PERIOD', `expected a month YYYY-MM, got ${quote(c.jobbstimulansStart)}`);
  }
  const rentCeilingNotifiedOn = c.rentCeilingNotifiedOn ?? null;
  if (rentCeilingNotifiedOn !== null && !isIsoDate(rentCeilingNotifiedOn)) addIssue(issues, 'circumstances.rentCeilingNotifiedOn', 'INVALID_DATE', `expected a date YYYY-MM-DD, got ${quote(rentCeilingNotifiedOn)}`);
  checkApplicantStatement(issues, input.members, c);
  const circumstances = {
    availableForWork: c.availableForWork ?? null,
    acceptableReason: c.acceptableReason ?? null,
    consecutiveMonthsOnAssistance: c.consecutiveMonthsOnAssistance ?? null,
    rentCeiling: moneyField(issues, c.rentCeiling, 'circumstances', -1, 'rentCeiling'),
    rentCeilingNotifiedOn,
    rentCeilingBasis: c.rentCeilingBasis ?? null,
    rentArrears: moneyField(issues, c.rentArrears, 'circumstances', -1, 'rentArrears'),
    jobbstimulansStart,
  };

  const registeredIncomes = parseRegistered(issues, ids, input.registeredIncomes ?? []);
  const agencyAnswers = parseAnswers(issues, ids, input.agencyAnswers ?? [], registeredIncomes);

  if (input.municipality !== undefined && input.municipality !== null && !/^[0-9]{4}$/.test(input.municipality)) {
    addIssue(issues, 'municipality', 'INVALID_MUNICIPALITY', `expected a kommunkod of four digits, got ${quote(input.municipality)}`);
  }

  const letterhead = parseLetterhead(issues, input.letterhead, decidedOn, period);

  if (issues.length > 0 || !period) return { ok: false, issues };

  const household: Household = {
    caseId: input.caseId ?? null,
    period,
    decidedOn,
    municipality: input.municipality ?? null,
    members: input.members.map((m, i) => ({
      index: i,
      id: m.id,
      role: m.role as Household['members'][number]['role'],
      birthDate: m.birthDate,
      lunchOutsideHome: m.lunchOutsideHome ?? false,
      daysInHousehold: m.daysInHousehold ?? null,
      inSchool: m.inSchool ?? null,
      gender: (m.gender ?? null) as Household['members'][number]['gender'],
      personnummer: m.personnummer ?? null,
      availableForWork: m.availableForWork ?? null,
      acceptableReason: m.acceptableReason ?? null,
      minorApplicantReason: m.minorApplicantReason ?? null,
      activityRequirement: m.activityRequirement
        ? { status: m.activityRequirement.status as ActivityStatus, exemption: m.activityRequirement.exemption ?? null, acceptableReason: m.activityRequirement.acceptableReason ?? null }
        : null,
      sickness: m.sickness ? { since: m.sickness.since ?? null, medicalCertificate: m.sickness.medicalCertificate ?? null } : null,
      name: nameOf(m.name),
    })),
    incomes,
    costs,
    assets,
    circumstances,
    registeredIncomes,
    agencyAnswers,
    letterhead,
  };
  return { ok: true, household, warnings };
}
