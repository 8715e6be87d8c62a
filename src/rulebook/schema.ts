/**
 * Schemas for the files in rules/. A file that does not match is refused at load time with the file
 * name and the field path, so a typo in a norm table can never reach a calculation.
 */
import { z } from 'zod';

const isoDate = z.string().regex(/^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/, 'expected a date YYYY-MM-DD');
const kronorString = z.string().regex(/^(0|[1-9][0-9]*)(\.[0-9]{1,2})?$/, 'expected kronor as a decimal string like "3490"');
const status = z.enum(['verified', 'derived', 'estimate']);
const legalStatus = z.enum(['verified', 'derived', 'estimate', 'unverified']);

export const sourcesSchema = z.record(
  z.string(),
  z.object({ title: z.string().min(1), url: z.string().optional(), note: z.string().optional() }),
);

const window = {
  effectiveFrom: isoDate.refine((d) => d.endsWith('-01'), 'effectiveFrom must be the first day of a month'),
  effectiveTo: isoDate.nullable(),
};

const amountValue = z.object({ amount: kronorString, status, source: z.string(), note: z.string().optional() });
const numberValue = z.object({ value: z.number().int().nonnegative(), status, source: z.string() });
const ratioValue = z.object({
  numerator: z.number().int().nonnegative(),
  denominator: z.number().int().positive(),
  status,
  source: z.string(),
});

/**
 * A file of dated values for one concept: id, title, sources and `values[]`, each with its window.
 * (riksnorm tables, legal references and conditions have shapes of their own.)
 */
const datedFile = <E extends z.ZodRawShape>(id: string, entry: E) =>
  z.object({
    id: z.literal(id),
    concept: z.literal(id),
    title: z.string(),
    unit: z.string().optional(),
    note: z.string().optional(),
    sources: sourcesSchema,
    values: z.array(z.object({ ...window, ...entry })).min(1),
  });

export const riksnormFileSchema = z.object({
  id: z.string(),
  concept: z.literal('riksnorm'),
  title: z.string(),
  ...window,
  legalBasis: z.string(),
  sources: sourcesSchema,
  children: z
    .array(
      z.object({
        band: z.string(),
        minAge: z.number().int().nonnegative(),
        maxAge: z.number().int().nonnegative(),
        withLunch: amountValue,
        withoutLunch: amountValue.nullable(),
      }),
    )
    .min(1),
  adults: z.object({ single: amountValue, cohabiting: amountValue }),
  common: z.array(amountValue.extend({ persons: z.number().int().positive() })).length(7),
  commonAboveSeven: z.string().optional(),
});

export const prisbasbeloppFileSchema = datedFile('prisbasbelopp', { amount: kronorString, status, source: z.string() });


export const barnbidragFileSchema = datedFile('barnbidrag', {
  perChild: amountValue,
  largeFamilySupplement: z.array(amountValue.extend({ children: z.number().int().min(2) })),
  largeFamilySupplementPerChildFromFifth: amountValue,
  maxAgeBeforeStudyAllowance: z.number().int().positive(),
  splitForAlternatingResidence: ratioValue,
});


export const jobbstimulansFileSchema = datedFile('jobbstimulans', {
  disregardedShare: ratioValue,
  qualifyingConsecutiveMonths: numberValue,
  durationMonths: numberValue,
  incomeTypes: z.array(z.string()).min(1),
  legalTopic: z.string(),
});


export const childrenEarningsFileSchema = datedFile('children-earnings', {
  limitShareOfPrisbasbelopp: ratioValue,
  incomeTypes: z.array(z.string()).min(1),
  schoolYouthMaxAge: z.number().int().positive(),
  legalTopic: z.string(),
});


const typeTableFile = <T extends z.ZodType>(id: string, typeSchema: T) =>
  datedFile(id, { status, source: z.array(z.string()).min(1), types: z.record(z.string().regex(/^[a-z][a-z-]*$/), typeSchema) });
;

export const costTypesFileSchema = typeTableFile(
  'cost-types',
  z.object({
    labelSv: z.string(),
    labelEn: z.string(),
    category: z.enum(['reasonable-cost', 'livsforing', 'norm-supplement']),
    legalTopic: z.string(),
    requiresAssessment: z.boolean(),
    housing: z.boolean().optional(),
    childArea: z.string().optional(),
  }),
);

export const incomeTypesFileSchema = typeTableFile(
  'income-types',
  z.object({ labelSv: z.string(), labelEn: z.string(), employment: z.boolean(), childOwnMeans: z.boolean() }),
);

export const assetTypesFileSchema = typeTableFile(
  'asset-types',
  z.object({ labelSv: z.string(), labelEn: z.string(), liquid: z.boolean() }),
);

export const municipalFileSchema = z.object({
  id: z.string().regex(/^municipal\/(default|[0-9]{4})$/),
  concept: z.literal('municipal-policy'),
  title: z.string(),
  note: z.string().optional(),
  sources: sourcesSchema,
  values: z
    .array(
      z.object({
        ...window,
        assetBuffer: amountValue,
        ageReference: z.object({ value: z.enum(['first-day-of-month', 'last-day-of-month']), status, source: z.string() }),
        partMonthChildHouseholdSize: z.object({ value: z.enum(['full-member', 'pro-rated']), status, source: z.string() }),
        // The nämnd's delegation of monthly re-application decisions to an automated decision
        // function (monthly --mode automatic); null = no delegation, the run refuses automatic mode.
        automatedDecisionDelegation: z.object({ value: z.string().min(1).nullable(), status, source: z.string() }).optional(),
      }),
    )
    .min(1),
});

export const legalReferencesFileSchema = z.object({
  id: z.literal('legal-references'),
  concept: z.literal('legal-references'),
  title: z.string(),
  note: z.string().optional(),
  sources: sourcesSchema,
  versions: z
    .array(
      z.object({
        ...window,
        law: z.string(),
        lawTitle: z.string(),
        refs: z.record(z.string(), z.object({ ref: z.string().min(1), status: legalStatus, source: z.string() })),
      }),
    )
    .min(1),
});

export const barnkonsekvensFileSchema = datedFile('barnkonsekvens', {
  longTermMonths: numberValue,
  prompts: z
    .array(
      z.object({
        id: z.string(),
        number: z.number().int().positive(),
        area: z.string(),
        sv: z.string().min(1),
        en: z.string().min(1),
        source: z.string(),
        requiredOn: z.array(z.enum(['approve', 'partial', 'deny', 'needs-information'])),
      }),
    )
    .min(1),
});


const operators = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
] as const;
export const OPERATORS: readonly string[] = operators;

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const leaf = z.object({
  fact: z.string().min(1),
  operator: z.enum(operators),
  value: z.union([scalar, z.array(scalar), z.object({ fact: z.string().min(1) })]),
});
type ConditionShape =
  | z.infer<typeof leaf>
  | { all: ConditionShape[] }
  | { any: ConditionShape[] }
  | { not: ConditionShape };
export const conditionSchema: z.ZodType<ConditionShape> = z.lazy(() =>
  z.union([
    leaf,
    z.object({ all: z.array(conditionSchema).min(1) }),
    z.object({ any: z.array(conditionSchema).min(1) }),
    z.object({ not: conditionSchema }),
  ]),
);

export const conditionsFileSchema = z.object({
  id: z.string().regex(/^conditions\/[a-z-]+$/),
  concept: z.literal('conditions'),
  phase: z.enum(['eligibility', 'flags']),
  title: z.string(),
  format: z.string().optional(),
  ...window,
  facts: z.record(z.string(), z.string()),
  rules: z
    .array(
      z.object({
        name: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
        priority: z.number().int().positive(),
        conditions: conditionSchema,
        event: z.object({
          type: z.enum(['deny', 'needs-information', 'flag']),
          params: z.object({
            code: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
            legalTopic: z.string(),
            severity: z.enum(['assessment', 'warning', 'info']),
            field: z.string().optional(),
            blocking: z.boolean().optional(),
          }),
        }),
      }),
    )
    .min(1),
});
