/**
 * The resident's self-check (provberäkning, issue 12): a few plain questions → a household in the
 * contract's format → the same engine and rules as the caseworker's proposal → only the figures.
 *
 * What the self-check assumes, and says so on the page (the decision may differ on each point):
 * - every adult stands at the labour market's disposal (4 kap. 1 § / its SoL 2025:400 counterpart);
 * - no savings or other assets (the household is asked about them when it applies);
 * - a first application: no jobbstimulans (it needs six months on assistance);
 * - the rent is taken as given: a municipality's reasonable rent level is assessed by a caseworker;
 * - costs a caseworker must assess (tandvård, glasögon, …) are not asked for;
 * - the incomes asked for are the adults' and the household's benefits: children's own earnings
 *   (not counted up to the prisbasbelopp limit) are left out, and the page says so;
 * - a youth 18–20 counts when in grundskola or gymnasieskola, else is their own case (the engine's
 *   rule, with the same figures as `calculate` for that household).
 *
 * Nothing here reads a clock or stores anything; the input is validated field by field and bad input
 * is a list of issues naming the field, never an exception.
 */
import { evaluateHousehold, type RuleSetProvider } from '../../index.ts';
import type { InputIssue } from '../../household/types.ts';
import { renderProblems } from '../../explain/problems.ts';
import { formatKronor, parseKronor } from '../../money/index.ts';
import { addMonths, firstDayOf, parsePeriod, type Period } from '../../period/index.ts';

/** The costs a resident is asked about: skäliga kostnader the engine accepts at the actual amount. */
export const SELF_CHECK_COSTS = ['rent', 'electricity', 'home-insurance', 'commuting', 'union-fee', 'unemployment-fund-fee'] as const;

/** The incomes and benefits a resident is asked about, in plain words on the page. */
export const SELF_CHECK_INCOMES = [
  'salary',
  'unemployment-benefit',
  'activity-support',
  'establishment-allowance',
  'sickness-benefit',
  'parental-benefit',
  'child-allowance',
  'housing-allowance',
  'maintenance-support',
  'pension',
  'study-allowance',
  'other',
] as const;

export type SelfCheckCost = (typeof SELF_CHECK_COSTS)[number];
export type SelfCheckIncome = (typeof SELF_CHECK_INCOMES)[number];

export const MAX_ADULTS = 2;
export const MAX_CHILDREN = 8;
export const ADULT_MIN_AGE = 18;
export const ADULT_MAX_AGE = 120;
/**
 * Children and youths at home up to 20: a youth 18–20 counts in the household when in grundskola or
 * gymnasieskola, otherwise is their own case (the engine's household-members step; SOSFS 2013:1).
 */
export const CHILD_MAX_AGE = 20;
/** From this age a child's schooling decides whether they count in the household. */
export const YOUTH_MIN_AGE = 18;
/** The "utan lunch" norm column applies to children 0–6 who eat lunch at förskola (src/norm). */
export const LUNCH_MAX_AGE = 6;

export interface SelfCheckChild {
  readonly age: number;
  /** Eats lunch at förskola on weekdays (only read for ages 0–6). */
  readonly lunchAtPreschool: boolean;
  /** For a youth 18–20: in grundskola or gymnasieskola (required at those ages; null below 18). */
  readonly inSchool: boolean | null;
}

export interface SelfCheckInput {
  readonly period: string;
  readonly adults: readonly number[];
  readonly children: readonly SelfCheckChild[];
  /** Kronor strings per cost, as typed; absent = none. */
  readonly costs: Readonly<Partial<Record<SelfCheckCost, string>>>;
  readonly incomes: Readonly<Partial<Record<SelfCheckIncome, string>>>;
}

/** The figures shown to the resident; every amount a kronor string as the engine computed it. */
export interface SelfCheckEstimate {
  readonly period: string;
  readonly law: string;
  readonly ruleSetVersion: string;
  /** The riksnorm for the household. */
  readonly norm: string;
  /** The reasonable costs counted (skäliga kostnader). */
  readonly costs: string;
  /** Norm + reasonable costs. */
  readonly need: string;
  /** The incomes counted against the need. */
  readonly income: string;
  /** What might be paid; "0" when the incomes cover the need. */
  readonly indicative: string;
  /** True when the incomes cover the need (indicative is 0). */
  readonly incomeCoversNeed: boolean;
  /** True when some amount used is a preliminary (estimate) rule value. */
  readonly usesEstimatedRules: boolean;
}

export type SelfCheckResult =
  | { readonly ok: true; readonly estimate: SelfCheckEstimate; readonly household: Record<string, unknown> }
  | { readonly ok: false; readonly issues: readonly InputIssue[] };

const AMOUNT_MAX = parseKronor('10000000')!;

function issue(path: string, code: string, message: string): InputIssue {
  return { path, code, message };
}

/**
 * A birth date that gives `age` on every day of the period (born on the first day of the month after
 * the period, `age + 1` years earlier), so the age band is the same whichever day the municipality
 * reads the age on.
 */
export function birthDateForAge(period: Period, age: number): string {
  const next = addMonths(period, 1);
  return firstDayOf({ year: next.year - age - 1, month: next.month });
}

function checkAge(value: unknown, path: string, min: number, max: number, issues: InputIssue[]): number | null {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    issues.push(issue(path, 'AGE_INVALID', `expected an age in whole years ${min}–${max}`));
    return null;
  }
  if (value < min || value > max) {
    issues.push(issue(path, 'AGE_OUT_OF_RANGE', `expected an age ${min}–${max}, got ${value}`));
    return null;
  }
  return value;
}

function checkAmounts<K extends string>(raw: unknown, keys: readonly K[], path: string, issues: InputIssue[]): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  if (raw === undefined) return out;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    issues.push(issue(path, 'INVALID_TYPE', 'expected an object of kronor amounts'));
    return out;
  }
  for (const [key, value] of Object.entries(raw)) {
    if (!(keys as readonly string[]).includes(key)) {
      issues.push(issue(`${path}.${key}`, 'UNKNOWN_FIELD', `unknown field (expected one of ${keys.join(', ')})`));
      continue;
    }
    const ore = typeof value === 'string' ? parseKronor(value) : null;
    if (ore === null || ore > AMOUNT_MAX) {
      issues.push(issue(`${path}.${key}`, 'AMOUNT_INVALID', 'expected kronor as a decimal string, e.g. "7900" or "7900.50", at most 10 000 000'));
      continue;
    }
    if (ore > 0) out[key as K] = formatKronor(ore);
  }
  return out;
}

const FIELDS = new Set(['period', 'adults', 'children', 'costs', 'incomes']);

/** Validates the self-check JSON (POST /api/invanare/provberakning); issues name the field. */
export function parseSelfCheck(raw: unknown): { ok: true; input: SelfCheckInput } | { ok: false; issues: InputIssue[] } {
  const issues: InputIssue[] = [];
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, issues: [issue('(body)', 'INVALID_TYPE', 'expected a JSON object')] };
  const o = raw as Record<string, unknown>;
  for (const key of Object.keys(o)) if (!FIELDS.has(key)) issues.push(issue(key === '' ? '""' : key, 'UNKNOWN_FIELD', `unknown field (expected ${[...FIELDS].join(', ')})`));
  const period = typeof o['period'] === 'string' ? o['period'] : '';
  if (parsePeriod(period) === null) issues.push(issue('period', 'INVALID_PERIOD', 'expected a month YYYY-MM'));
  const adults: number[] = [];
  if (!Array.isArray(o['adults']) || o['adults'].length < 1 || o['adults'].length > MAX_ADULTS) {
    issues.push(issue('adults', 'ADULTS_INVALID', `expected the ages of 1–${MAX_ADULTS} adults`));
  } else {
    o['adults'].forEach((a, i) => {
      const age = checkAge(a, `adults[${i}]`, ADULT_MIN_AGE, ADULT_MAX_AGE, issues);
      if (age !== null) adults.push(age);
    });
  }
  const children: SelfCheckChild[] = [];
  const rawChildren = o['children'] ?? [];
  if (!Array.isArray(rawChildren) || rawChildren.length > MAX_CHILDREN) {
    issues.push(issue('children', 'CHILDREN_INVALID', `expected a list of at most ${MAX_CHILDREN} children`));
  } else {
    rawChildren.forEach((c, i) => {
      const child = c !== null && typeof c === 'object' && !Array.isArray(c) ? (c as Record<string, unknown>) : {};
      const age = checkAge(child['age'], `children[${i}].age`, 0, CHILD_MAX_AGE, issues);
      const lunch = child['lunchAtPreschool'] ?? false;
      if (typeof lunch !== 'boolean') issues.push(issue(`children[${i}].lunchAtPreschool`, 'INVALID_TYPE', 'expected true or false'));
      const school = child['inSchool'];
      let inSchool: boolean | null = null;
      if (age !== null && age >= YOUTH_MIN_AGE) {
        // Unknown is not "no": whether a youth counts depends on it, so it must be given.
        if (typeof school !== 'boolean') issues.push(issue(`children[${i}].inSchool`, 'SCHOOL_STATUS_REQUIRED', `expected true or false: is the youth (${YOUTH_MIN_AGE}–${CHILD_MAX_AGE}) in grundskola or gymnasieskola?`));
        else inSchool = school;
      } else if (school !== undefined && typeof school !== 'boolean') issues.push(issue(`children[${i}].inSchool`, 'INVALID_TYPE', 'expected true or false'));
      if (age !== null) children.push({ age, lunchAtPreschool: lunch === true, inSchool });
    });
  }
  const costs = checkAmounts(o['costs'], SELF_CHECK_COSTS, 'costs', issues);
  const incomes = checkAmounts(o['incomes'], SELF_CHECK_INCOMES, 'incomes', issues);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, input: { period, adults, children, costs, incomes } };
}

/**
 * The household (CONTRACT.md) the self-check stands for. Every income is put on the first adult:
 * the household is one economic unit and each of these incomes counts krona for krona for a first
 * application.
 */
export function householdFor(input: SelfCheckInput, municipality: string | null = null): Record<string, unknown> {
  const period = parsePeriod(input.period)!;
  const members: Record<string, unknown>[] = input.adults.map((age, i) =>
    i === 0
      ? { id: 'a1', role: 'applicant', birthDate: birthDateForAge(period, age) }
      : { id: `a${i + 1}`, role: 'partner', birthDate: birthDateForAge(period, age), availableForWork: true },
  );
  input.children.forEach((c, i) => {
    const child: Record<string, unknown> = { id: `c${i + 1}`, role: 'child', birthDate: birthDateForAge(period, c.age) };
    if (c.lunchAtPreschool && c.age <= LUNCH_MAX_AGE) child['lunchOutsideHome'] = true;
    if (c.age >= YOUTH_MIN_AGE) child['inSchool'] = c.inSchool === true;
    members.push(child);
  });
  return {
    period: input.period,
    ...(municipality !== null ? { municipality } : {}),
    members,
    incomes: SELF_CHECK_INCOMES.filter((t) => input.incomes[t] !== undefined).map((type) => ({ memberId: 'a1', type, amount: input.incomes[type] })),
    costs: SELF_CHECK_COSTS.filter((t) => input.costs[t] !== undefined).map((type) => ({ type, amount: input.costs[type] })),
    circumstances: { availableForWork: true, consecutiveMonthsOnAssistance: 0 },
  };
}

/** Runs the engine on the self-check household and keeps only the figures a resident is shown. */
export function estimateSelfCheck(input: SelfCheckInput, rulesFor: RuleSetProvider, municipality: string | null = null): SelfCheckResult {
  const household = householdFor(input, municipality);
  const result = evaluateHousehold(household, rulesFor);
  if (!result.ok) return { ok: false, issues: renderProblems(result.issues) };
  const d = result.decision;
  if (d.norm.total === null || d.costs.accepted === null || d.income.counted === null || d.need === null || d.payable === null) {
    // The month's rules are enacted but not published (rules/pending/): say so, once, on the period.
    if (d.needsInformation.some((n) => n.code === 'RULES_PENDING')) {
      return { ok: false, issues: [issue('period', 'RULES_PENDING', `the amounts for ${d.period} are not published yet; the self-check works again when rules/ holds them`)] };
    }
    // Cannot happen otherwise for a household built above (every amount is given); refuse rather than guess.
    return { ok: false, issues: d.needsInformation.map((n) => issue(n.field, 'NEEDS_INFORMATION', n.code)) };
  }
  return {
    ok: true,
    household,
    estimate: {
      period: d.period,
      law: d.law,
      ruleSetVersion: d.ruleSetVersion,
      norm: d.norm.total,
      costs: d.costs.accepted,
      need: d.need,
      income: d.income.counted,
      indicative: d.payable,
      incomeCoversNeed: parseKronor(d.payable) === 0,
      usesEstimatedRules: d.flags.some((f) => f.code === 'NORM_ESTIMATE_USED'),
    },
  };
}
