/**
 * Schemas for the files in rules/. A file that does not match is refused at load time with the file
 * name and the field path, so a typo in a norm table can never reach a calculation.
 */
import { z } from 'zod';

const isoDate = z.string().regex(/^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/, 'expected a date YYYY-MM-DD');
const kronorString = z.string().regex(/^(0|[1-9][0-9]*)(\.[0-9]{1,2})?$/, 'expected kronor as a decimal string like "3490"');
const status = z.enum(['verified', 'derived', 'estimate']);
/** How sure a legal reference is (rules/README.md): the law text read and a second source, one source, not read, not yet published. */
export const LEGAL_STATUSES = ['verified', 'verified-single-source', 'unverified', 'pending'] as const;
const legalStatus = z.enum(LEGAL_STATUSES);

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
  /**
   * A table in force from effectiveFrom may also apply to earlier months from coversFrom, for a
   * decision made on or after effectiveFrom (SFS 2025:468 12 kap. 2 § gives the table "under 2025").
   */
  coversFrom: isoDate.refine((d) => d.endsWith('-01'), 'coversFrom must be the first day of a month').optional(),
  coversNote: z.string().optional(),
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
    /** Always a child's cost (a childcare fee): kept in the children's part when an adult's part is refused. */
    childCost: z.boolean().optional(),
  }),
);

export const incomeTypesFileSchema = typeTableFile(
  'income-types',
  z.object({ labelSv: z.string(), labelEn: z.string(), employment: z.boolean() }),
);

export const assetTypesFileSchema = typeTableFile(
  'asset-types',
  z.object({ labelSv: z.string(), labelEn: z.string(), liquid: z.boolean() }),
);

/**
 * Försörjningshinder (rules/support-obstacles.json, issue 25): what a caseworker registers per adult
 * for the official statistics (HSLF-FS 2015:30 3 §). Not a calculation rule and never part of a rule
 * set: the registration and the statistics read it. A code Socialstyrelsen's bilaga 1 gives is
 * officialCode; null with codeStatus unverified where no public source gave it.
 */
export const supportObstaclesFileSchema = datedFile('support-obstacles', {
  status,
  source: z.string(),
  legalSource: z.string(),
  obstacles: z.record(
    z.string().regex(/^[a-z][a-z0-9-]*$/),
    z.strictObject({
      labelSv: z.string().min(1),
      labelEn: z.string().min(1),
      officialCode: z.string().nullable(),
      codeStatus: z.enum(['verified', 'unverified']),
    }),
  ),
});

/**
 * The unit's own statistics page (rules/unit-statistics.json, issue 25 item 3): when a household's aid is
 * long-term (paid in `months` of the `window` months ending with the month) and the smallest count the
 * page shows. Not a calculation rule and never part of a rule set.
 */
export const unitStatisticsFileSchema = datedFile('unit-statistics', {
  longTermAid: z.strictObject({ months: z.number().int().positive(), window: z.number().int().positive(), status, source: z.string(), alsoSource: z.string().optional() }).refine((v) => v.months <= v.window, 'months must be at most window'),
  minimumCount: z.strictObject({ value: z.number().int().min(1).max(100), status, source: z.string() }),
});

const contactText = z.object({ value: z.string().min(1).max(200).nullable(), status, source: z.string() });
const httpsUrl = z.string().max(300).regex(/^https:\/\/[^\s"<>]+$/, 'expected an https:// address');
const clockTime = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'expected a time HH:MM');
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/**
 * How residents reach the municipality's social services (the resident page and its printout, issue
 * 29). Not a calculation rule: undated (the page shows how to get in touch today, whatever month it
 * is about) and never part of a rule set, so editing it changes no rule set version. Every value
 * carries its source and status like the rules; null = not known, and the page then says "contact
 * the social services in your municipality" instead of inventing a detail.
 */
export const municipalContactSchema = z.object({
  /** "Socialtjänsten i Exempelstads kommun". */
  name: contactText,
  phone: contactText,
  /** Visiting address, one line. */
  address: contactText,
  /** When the phone and reception are open; days and times, formatted per language by the page. */
  openingHours: z.object({
    value: z.array(z.object({ days: z.array(z.enum(WEEKDAYS)).min(1), opens: clockTime, closes: clockTime })).min(1).nullable(),
    status,
    source: z.string(),
  }),
  /** The municipality's e-service for applying. */
  eService: z.object({ value: httpsUrl.nullable(), status, source: z.string() }),
  /** Emergency help outside opening hours (socialjouren) for nödbistånd: a phone number. */
  emergencyPhone: contactText,
  /**
   * The nämnd that decides ekonomiskt bistånd, as it signs its letters ("Socialnämnden i Exempelstad"):
   * the letterhead of the letter the workday registers (docs/letters.md). Optional; absent = not known.
   */
  board: contactText.optional(),
  /** The nämnd's postal address, one line each (where the applicant writes, and sends an appeal): the letter's sender block. */
  postalAddress: z.object({ value: z.array(z.string().min(1).max(200)).min(1).max(4).nullable(), status, source: z.string() }).optional(),
  /** The social services' e-mail address for the applicant's questions ("Har du frågor?" in the letter). */
  email: contactText.optional(),
  /** Where the municipality publishes the resident page (printed on the summary); null = the address it was served from. */
  pageAddress: z.object({ value: httpsUrl.nullable(), status, source: z.string() }).optional(),
});

/**
 * The municipality's own guideline (riktlinjer för ekonomiskt bistånd, issue 24; docs/guidelines.md):
 * rent ceilings, fixed ceilings per cost type, items of livsföring i övrigt with their conditions,
 * supplements on top of the norm. Every part carries its status and source; a part with status
 * "pending" (not confirmed from the nämnd's text) is shown but never used by the calculation.
 */
const guidelineStatus = z.enum(['verified', 'derived', 'estimate', 'pending']);
const guidelineSourced = { status: guidelineStatus, source: z.string().min(1), note: z.string().optional() };
/** The cost types a guideline may set a ceiling or conditions for (rules/cost-types.json). */
const costTypeKey = z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected a cost type like "electricity"');
const householdRow = z.strictObject({
  adults: z.number().int().min(1).max(2),
  children: z.number().int().min(0).max(20),
  amount: kronorString,
  /** A row for households where every adult is under 25 (a lower level some guidelines give). */
  under25: z.boolean().optional(),
});
const rentCeilingGuideline = z
  .strictObject({
    /** household-table: the nämnd's own table; fk-average: Försäkringskassan's average housing cost for an area; rooms: by rooms, with a rule from household to rooms. */
    basis: z.enum(['household-table', 'fk-average', 'rooms']),
    /** What the table is, in the guideline's words ("skälig hyra 2019, Stormalmö enligt FKFS 2018:10"). */
    title: z.string().min(1),
    /** household-table and fk-average: a row per adults and children; the largest row for the adults applies to more children, plus perFurtherChild each. */
    table: z.array(householdRow).min(1).optional(),
    perFurtherChild: kronorString.optional(),
    /** rooms: the ceiling per number of rooms (rum och kök) … */
    rooms: z.array(z.strictObject({ rooms: z.number().int().min(1).max(10), amount: kronorString, squareMetres: z.number().int().positive().optional() })).min(1).optional(),
    /** … and the rule from household to rooms (children from minChildren to maxChildren, null = no upper bound). */
    roomsFor: z.array(z.strictObject({ adults: z.number().int().min(1).max(2), minChildren: z.number().int().min(0), maxChildren: z.number().int().min(0).nullable(), rooms: z.number().int().min(1).max(10) })).min(1).optional(),
    /** What the rent must not include to be compared with the ceiling (the caseworker takes it out of the rent). */
    excludes: z.array(z.enum(['parking', 'garage', 'storage', 'household-electricity', 'heating'])),
    /** What the ceiling includes (heating, water). */
    includes: z.array(z.enum(['heating', 'water', 'household-electricity'])).optional(),
    ...guidelineSourced,
  })
  .superRefine((r, ctx) => {
    if (r.basis === 'rooms') {
      if (!r.rooms || !r.roomsFor) ctx.addIssue({ code: 'custom', message: 'basis "rooms" needs rooms and roomsFor' });
      else for (const f of r.roomsFor) if (!r.rooms.some((x) => x.rooms === f.rooms)) ctx.addIssue({ code: 'custom', path: ['roomsFor'], message: `no ceiling for ${f.rooms} rooms` });
    } else if (!r.table) ctx.addIssue({ code: 'custom', message: `basis "${r.basis}" needs table` });
  });
const costCeilingGuideline = z.strictObject({
  /** By the number of persons in the household; the last row applies to larger households. One row: the same for all. */
  amounts: z.array(z.strictObject({ persons: z.number().int().min(1).max(20), amount: kronorString })).min(1),
  /** What happens to the part above the ceiling: refused with the guideline as reason, or left to a person. */
  overCeiling: z.enum(['refuse', 'person']),
  ...guidelineSourced,
});
const itemGuideline = z.strictObject({
  /** Only for households on long-term aid (longTermMonths of the guideline, circumstances.consecutiveMonthsOnAssistance). */
  longTermOnly: z.boolean(),
  /** A cost estimate (kostnadsförslag) must be approved first: the engine cannot see one, so a person decides. */
  costEstimateRequired: z.boolean(),
  /** Accepted up to this amount a month (the price reference); null = the claimed amount, up to reviewAbove. */
  reference: kronorString.nullable(),
  /** The price reference in words ("Folktandvårdens priser", "högkostnadsskyddet"). */
  referenceText: z.string().min(1),
  /** Above this amount a person reviews, whatever the conditions; null = no threshold. */
  reviewAbove: kronorString.nullable(),
  ...guidelineSourced,
});
export const guidelineSchema = z.strictObject({
  /** The nämnd's decision that adopted the guideline, cited in every reason the guideline gives (date null: not known). */
  decision: z.strictObject({ body: z.string().min(1), date: isoDate.nullable(), reference: z.string().min(1).nullable(), title: z.string().min(1), ...guidelineSourced }),
  rentCeiling: rentCeilingGuideline.optional(),
  costCeilings: z.record(costTypeKey, costCeilingGuideline).optional(),
  /** Long-term aid in the guideline's sense (Socialstyrelsen: 10–12 months of a year). */
  longTermMonths: z.strictObject({ value: z.number().int().min(1).max(60), ...guidelineSourced }).optional(),
  items: z.record(costTypeKey, itemGuideline).optional(),
  /** On top of the riksnorm (Sundsvall: 100 kr per child). */
  supplements: z.array(z.strictObject({ id: z.string().regex(/^[a-z][a-z0-9-]*$/), per: z.enum(['household', 'adult', 'child']), amount: kronorString, labelSv: z.string().min(1), ...guidelineSourced })).optional(),
});

export const municipalFileSchema = z.object({
  id: z.string().regex(/^municipal\/(default|[0-9]{4}|examples\/[a-z0-9-]+)$/, 'expected municipal/<kommunkod>, municipal/default or municipal/examples/<name>'),
  concept: z.literal('municipal-policy'),
  /**
   * An example file (rules/municipal/examples/): a municipality's published guideline of one year,
   * kept to show and measure the format, never today's rules of that municipality. No household's
   * kommunkod selects it; `rules show --municipality examples/<name>` shows it.
   */
  example: z.strictObject({ municipality: z.string().regex(/^[0-9]{4}$/), name: z.string().min(1), year: z.number().int().min(2000).max(2100), note: z.string().min(1) }).optional(),
  title: z.string(),
  note: z.string().optional(),
  sources: sourcesSchema,
  /** Optional in a municipality's own file (absent: the default file's, which names no municipality). */
  contact: municipalContactSchema.optional(),
  values: z
    .array(
      z.object({
        ...window,
        assetBuffer: amountValue,
        ageReference: z.object({ value: z.enum(['first-day-of-month', 'last-day-of-month']), status, source: z.string() }),
        partMonthChildHouseholdSize: z.object({ value: z.enum(['full-member', 'pro-rated']), status, source: z.string() }),
        /** Optional in a municipality's own file: when absent, municipal/default.json's value applies. */
        agencyIncomeMonth: z.object({ value: z.enum(['payment-date', 'covered-period']), status, source: z.string() }).optional(),
        // The nämnd's delegation of monthly re-application decisions to an automated decision
        // function (monthly --mode automatic); null = no delegation, the run refuses automatic mode.
        automatedDecisionDelegation: z.object({ value: z.string().min(1).nullable(), status, source: z.string() }).optional(),
        // Rådrum (SOSFS 2013:1, skälig tid för bostadsbyte): months from the notice before rent above the
        // ceiling is cut. Optional in a municipality's own file (the default's applies).
        rentAdjustmentMonths: z.object({ value: z.number().int().min(0).max(60), status, source: z.string() }).optional(),
        // How the housing cost of a shared home is split with members who are their own case.
        sharedHousingCost: z.object({ value: z.enum(['per-person', 'per-adult']), status, source: z.string() }).optional(),
        // Whether a child's own earnings above the year's limit are counted (12 kap. 9 § tredje stycket: "får").
        childEarningsAboveLimit: z.object({ value: z.enum(['count', 'not-counted']), status, source: z.string() }).optional(),
        // The municipality's own guideline (riktlinjer); absent = none: the calculation is exactly as without one.
        guideline: guidelineSchema.optional(),
      }),
    )
    .min(1),
});

const changeThreshold = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('percent'), percent: z.number().int().positive().max(1000) }),
  z.object({ kind: z.literal('exact') }),
  z.object({ kind: z.literal('none') }),
]);

/** One row of the agency income map: (agency, benefit[, subBenefit, amountType]) → what is done with the payment. */
const agencyIncomeRow = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected a row id like "fk-bostadsbidrag"'),
    agency: z.enum(['fk', 'pm', 'akassa', 'csn', 'af', 'skv', 'migrationsverket']),
    benefit: z.string().min(1),
    subBenefit: z.string().min(1).optional(),
    amountType: z.string().min(1).optional(),
    action: z.enum(['count', 'exclude', 'review']),
    incomeType: z.string().optional(),
    reasonSv: z.string().min(1).optional(),
    reasonEn: z.string().min(1).optional(),
    legalTopic: z.string(),
    /** The row matches only a payment of exactly one of these net amounts (CSN's fixed levels of extra tillägg). */
    netAmounts: z.array(kronorString).min(1).optional(),
    /** review rows: the income type a person would most likely count it as (the proposal computes that alternative). */
    likelyIncomeType: z.string().optional(),
    /** The monthly run compares the days paid with the working days of the period the payment covers. */
    dayCheck: z.boolean().optional(),
    changeThreshold,
    status,
    source: z.string(),
    note: z.string().optional(),
  })
  .refine((r) => (r.action === 'count') === (r.incomeType !== undefined), 'a count row names its incomeType, and only a count row does')
  .refine((r) => r.action === 'count' || (r.reasonSv !== undefined && r.reasonEn !== undefined), 'an exclude or review row gives its reason (reasonSv and reasonEn)')
  .refine((r) => r.action === 'review' || r.likelyIncomeType === undefined, 'only a review row names a likelyIncomeType');

/**
 * A benefit family as Försäkringskassan reports it (formansfamilj, e.g. "Pension/SA/Livräntor/Vårdbidrag"):
 * a payment under it is classified by its förmån (subBenefit), or failing that its amount type, through the
 * rows of that agency; with neither recognisable it goes to a person, naming the family.
 */
const agencyBenefitFamily = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected a family id like "fk-dagersattning"'),
  agency: z.enum(['fk', 'pm', 'akassa', 'csn', 'af', 'skv', 'migrationsverket']),
  benefit: z.string().min(1),
  /** The benefits the family groups, as the source names them (documentation; matching uses every row of the agency). */
  members: z.array(z.string().min(1)).min(1),
  /** The income type a payment of the family most likely is, or null: the proposal computes that alternative. */
  likelyIncomeType: z.string().nullable(),
  legalTopic: z.string(),
  changeThreshold,
  status,
  source: z.string(),
  note: z.string().optional(),
});

export const agencyIncomeMapFileSchema = datedFile('agency-income-map', {
  note: z.string().optional(),
  families: z.array(agencyBenefitFamily).optional(),
  rows: z.array(agencyIncomeRow).min(1),
});

export const legalReferencesFileSchema = z.object({
  id: z.literal('legal-references'),
  concept: z.literal('legal-references'),
  title: z.string(),
  note: z.string().optional(),
  sources: sourcesSchema,
  /** Transitional provisions that keep an earlier law for some topics (documented; see docs/law-in-force.md). */
  transitional: z
    .array(
      z.object({
        id: z.string(),
        law: z.string(),
        topics: z.array(z.string()).min(1),
        appliesWhen: z.enum(['decidedBefore', 'grantedBefore']),
        date: isoDate,
        text: z.string().min(1),
        status: legalStatus,
        source: z.string(),
      }),
    )
    .optional(),
  versions: z
    .array(
      z.object({
        ...window,
        law: z.string(),
        lawTitle: z.string(),
        /** The Act's own words for the costs outside försörjningsstödet ("livsföring i övrigt" / "levnadskostnader i övrigt"). */
        otherLivingCosts: z.string().min(1),
        refs: z.record(
          z.string(),
          z.object({
            ref: z.string().min(1),
            status: legalStatus,
            /** Where the provision's words were read (the law text). */
            source: z.string(),
            /** Independent sources that cite the provision with the same number (another statute, the government, an agency): what makes it `verified`. */
            corroboratedBy: z.array(z.string()).min(1).optional(),
          }),
        ),
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
        /** "always": the answer is written for the applicant's letter; absent: a worksheet note, in the letter only when marked for it. */
        letter: z.enum(['always']).optional(),
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
  id: z.string().regex(/^conditions\/[a-z0-9-]+$/),
  concept: z.literal('conditions'),
  phase: z.enum(['eligibility', 'labour-market', 'flags']),
  /** pending: enacted but not confirmed; the engine never evaluates it (rules/README.md). */
  status: z.enum(['in-force', 'pending']).optional(),
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
          // person-decides: the proposal waits for a person (no amount), with the alternatives computed;
          // a condition never refuses aid by itself.
          type: z.enum(['person-decides', 'needs-information', 'flag']),
          params: z.object({
            code: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
            legalTopic: z.string(),
            severity: z.enum(['block', 'assessment', 'warning', 'info']),
            field: z.string().optional(),
            blocking: z.boolean().optional(),
          }),
        }),
      }),
    )
    .min(1),
});

/**
 * Rules that are enacted (or expected) but whose tables, formulas or wording are not published in a
 * source we can reach: a month they block answers needs-information naming them, never a guess.
 */
export const pendingRulesFileSchema = z.object({
  id: z.string().regex(/^pending\/[0-9]{4}$/),
  concept: z.literal('pending-rules'),
  title: z.string(),
  ...window,
  note: z.string().optional(),
  sources: sourcesSchema,
  rules: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z0-9-]+$/),
        kind: z.enum(['riksnorm-table', 'formula', 'condition']),
        condition: z.string().optional(),
        sv: z.string().min(1),
        en: z.string().min(1),
        status: z.enum(['pending', 'verified']),
        blocksCalculation: z.boolean(),
        legalTopic: z.string(),
        source: z.string(),
      }),
    )
    .min(1),
});

/** How sure a value of the 2026 reform is: the law text was not read, so some values are unverified. */
const reformStatus = z.enum(['verified', 'derived', 'estimate', 'unverified', 'pending']);
const reformNumber = z.object({ value: z.number().int().nonnegative(), status: reformStatus, source: z.string() });

/** Aktivitetskrav: the months before the duty applies and the exemptions (codes the input may use). */
export const activityRequirementFileSchema = datedFile('activity-requirement', {
  qualifyingConsecutiveMonths: reformNumber,
  exemptions: z
    .array(z.object({ code: z.string().regex(/^[a-z0-9-]+$/), sv: z.string().min(1), en: z.string().min(1), status: reformStatus, source: z.string() }))
    .min(1),
  legalTopic: z.string(),
  status: reformStatus,
  source: z.string(),
});

/** Läkarintyg: from how many days of illness a certificate is needed (threshold unconfirmed). */
export const medicalCertificateFileSchema = datedFile('medical-certificate', {
  requiredAfterDays: reformNumber,
  legalTopic: z.string(),
  status: reformStatus,
  source: z.string(),
});
