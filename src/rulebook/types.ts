/**
 * The resolved rule set: every parameter, legal reference and condition that applies to one period
 * (and one municipality), copied out of the dated files in rules/. The calculation reads only this
 * object, so a stored copy of it replays a decision exactly, whatever rules/ holds later.
 */

export type Status = 'verified' | 'derived' | 'estimate' | 'unverified' | 'pending';

export interface SourceRef {
  readonly key: string;
  readonly title: string;
  readonly url?: string;
  readonly note?: string;
}

/** A value read from rules/, with where it came from and how sure it is. */
export interface Param<T = string> {
  /** Stable id used in traces, e.g. "riksnorm/2023#child-7-10". */
  readonly id: string;
  readonly value: T;
  readonly status: Status;
  readonly source: SourceRef;
}

export interface ChildBand {
  readonly band: string;
  readonly minAge: number;
  readonly maxAge: number;
  /** Amount in kronor (decimal string). */
  readonly withLunch: Param;
  readonly withoutLunch: Param | null;
}

export interface RiksnormTable {
  readonly id: string;
  readonly file: string;
  readonly title: string;
  readonly effectiveFrom: string;
  readonly effectiveTo: string | null;
  readonly legalBasis: string;
  /** Earlier months this table applies to when the decision is made on or after effectiveFrom (absent: none). */
  readonly coversFrom?: string;
  readonly children: readonly ChildBand[];
  readonly single: Param;
  readonly cohabiting: Param;
  /** Index 0 = 1 person … index 6 = 7 persons. */
  readonly common: readonly Param[];
}

export interface Ratio {
  readonly numerator: number;
  readonly denominator: number;
}

export interface JobbstimulansRule {
  readonly id: string;
  readonly disregardedShare: Param<Ratio>;
  readonly qualifyingConsecutiveMonths: Param<number>;
  readonly durationMonths: Param<number>;
  readonly incomeTypes: readonly string[];
}

export interface ChildrenEarningsRule {
  readonly id: string;
  readonly limitShareOfPrisbasbelopp: Param<Ratio>;
  readonly incomeTypes: readonly string[];
  readonly schoolYouthMaxAge: number;
}

export interface ChildAllowanceRule {
  readonly id: string;
  readonly perChild: Param;
  /** Supplement by number of children (2, 3, 4). */
  readonly largeFamilySupplement: readonly { readonly children: number; readonly amount: Param }[];
  readonly largeFamilySupplementPerChildFromFifth: Param;
  readonly maxAgeBeforeStudyAllowance: number;
}

export type CostCategory = 'reasonable-cost' | 'livsforing' | 'norm-supplement';

export interface CostTypeDef {
  readonly labelSv: string;
  readonly labelEn: string;
  readonly category: CostCategory;
  readonly legalTopic: string;
  readonly requiresAssessment: boolean;
  readonly housing?: boolean | undefined;
  readonly childArea?: string | undefined;
  readonly childCost?: boolean | undefined;
}

export interface IncomeTypeDef {
  readonly labelSv: string;
  readonly labelEn: string;
  readonly employment: boolean;
}

export interface AssetTypeDef {
  readonly labelSv: string;
  readonly labelEn: string;
  readonly liquid: boolean;
}

export interface MunicipalPolicy {
  readonly id: string;
  readonly assetBuffer: Param;
  readonly ageReference: Param<'first-day-of-month' | 'last-day-of-month'>;
  readonly partMonthChildHouseholdSize: Param<'full-member' | 'pro-rated'>;
  /** Which month an agency payment belongs to: its payment date (default) or the period it covers. */
  readonly agencyIncomeMonth: Param<'payment-date' | 'covered-period'>;
  /**
   * The nämnd's delegation reference for automated decisions (monthly --mode automatic), present
   * only when the municipality has one (absent keeps the rule set version of a policy without it).
   */
  readonly automatedDecisionDelegation?: Param<string>;
  /** Rådrum: months from the notice (circumstances.rentCeilingNotifiedOn) before rent above the ceiling is cut. */
  readonly rentAdjustmentMonths: Param<number>;
  /** How a shared home's housing cost is split with members who are their own case. */
  readonly sharedHousingCost: Param<'per-person' | 'per-adult'>;
  /** Whether a child's own earnings above the year's limit are counted ("får", 12 kap. 9 § tredje stycket). */
  readonly childEarningsAboveLimit: Param<'count' | 'not-counted'>;
  /** The municipality's own guideline (issue 24), present only when its file has one for the month. */
  readonly guideline?: Guideline;
}

/** A part of a guideline: how sure it is and where it comes from ("pending" parts are never used). */
export interface GuidelineSourced {
  readonly status: Status;
  readonly source: SourceRef;
}

/** The nämnd's decision that adopted the guideline, cited in each reason the guideline gives. */
export interface GuidelineDecision extends GuidelineSourced {
  readonly body: string;
  /** The day the nämnd decided; null when not known (an example whose decision was not found). */
  readonly date: string | null;
  readonly reference: string | null;
  readonly title: string;
}

export interface GuidelineRentCeiling extends GuidelineSourced {
  readonly basis: 'household-table' | 'fk-average' | 'rooms';
  readonly title: string;
  /** Amounts in kronor (decimal strings). */
  readonly table: readonly { readonly adults: number; readonly children: number; readonly amount: string; readonly under25: boolean }[];
  readonly perFurtherChild: string | null;
  readonly rooms: readonly { readonly rooms: number; readonly amount: string; readonly squareMetres: number | null }[];
  readonly roomsFor: readonly { readonly adults: number; readonly minChildren: number; readonly maxChildren: number | null; readonly rooms: number }[];
  readonly excludes: readonly string[];
  readonly includes: readonly string[];
}

export interface GuidelineCostCeiling extends GuidelineSourced {
  readonly amounts: readonly { readonly persons: number; readonly amount: string }[];
  readonly overCeiling: 'refuse' | 'person';
}

export interface GuidelineItem extends GuidelineSourced {
  readonly longTermOnly: boolean;
  readonly costEstimateRequired: boolean;
  readonly reference: string | null;
  readonly referenceText: string;
  readonly reviewAbove: string | null;
}

export interface GuidelineSupplement extends GuidelineSourced {
  readonly id: string;
  readonly per: 'household' | 'adult' | 'child';
  readonly amount: string;
  readonly labelSv: string;
}

/** rules/municipal/<kommunkod>.json's guideline for the month (docs/guidelines.md). */
export interface Guideline {
  /** "municipal/1287#guideline" … */
  readonly id: string;
  readonly decision: GuidelineDecision;
  readonly rentCeiling: GuidelineRentCeiling | null;
  readonly costCeilings: Readonly<Record<string, GuidelineCostCeiling>>;
  readonly longTermMonths: Param<number> | null;
  readonly items: Readonly<Record<string, GuidelineItem>>;
  readonly supplements: readonly GuidelineSupplement[];
}

export type ChangeThreshold = { readonly kind: 'percent'; readonly percent: number } | { readonly kind: 'exact' } | { readonly kind: 'none' };

/** One row of rules/agency-income-map.json, as resolved for a period. */
export interface AgencyIncomeRow {
  /** Stable id, cited in traces and in income items as `classification`. */
  readonly id: string;
  readonly agency: string;
  readonly benefit: string;
  readonly subBenefit: string | null;
  readonly amountType: string | null;
  readonly action: 'count' | 'exclude' | 'review';
  readonly incomeType: string | null;
  readonly reasonSv: string | null;
  readonly reasonEn: string | null;
  readonly legalTopic: string;
  /** The row matches only these net amounts (kronor strings), or any amount when null. */
  readonly netAmounts: readonly string[] | null;
  /** review rows: the income type a person would most likely count the payment as, or null. */
  readonly likelyIncomeType: string | null;
  /** The monthly run checks the days paid against the working days of the covered period. */
  readonly dayCheck: boolean;
  readonly changeThreshold: ChangeThreshold;
  readonly status: Status;
  readonly source: SourceRef;
}

/**
 * A benefit family as an agency reports it (Försäkringskassan's formansfamilj): a payment under it is
 * classified by its förmån through the agency's rows; without a recognisable förmån a person decides.
 */
export interface AgencyBenefitFamily {
  readonly id: string;
  readonly agency: string;
  readonly benefit: string;
  readonly members: readonly string[];
  readonly likelyIncomeType: string | null;
  readonly legalTopic: string;
  readonly changeThreshold: ChangeThreshold;
  readonly status: Status;
  readonly source: SourceRef;
}

export interface AgencyIncomeMap {
  readonly id: string;
  readonly families: readonly AgencyBenefitFamily[];
  readonly rows: readonly AgencyIncomeRow[];
}

/** How sure a legal reference is: see rules/README.md ("Legal references"). */
export type LegalStatus = 'verified' | 'verified-single-source' | 'unverified' | 'pending';

export interface LegalRef {
  readonly topic: string;
  readonly ref: string;
  readonly status: LegalStatus;
  /** Where the provision's words were read. */
  readonly source: SourceRef;
  /** Independent sources citing the provision with the same number (present only when the file names them). */
  readonly corroboratedBy?: readonly SourceRef[];
}

export interface LegalFrame {
  readonly law: string;
  readonly lawTitle: string;
  /** The Act's words for the costs outside försörjningsstödet: "livsföring i övrigt" (2001:453), "levnadskostnader i övrigt" (2025:400). */
  readonly otherLivingCosts: string;
  readonly effectiveFrom: string;
  readonly effectiveTo: string | null;
  readonly refs: Readonly<Record<string, LegalRef>>;
}

export interface ChildImpactPrompt {
  readonly id: string;
  readonly number: number;
  readonly area: string;
  readonly sv: string;
  readonly en: string;
  readonly source: SourceRef;
  readonly requiredOn: readonly string[];
  /** "always": the answer is written for the applicant's letter; absent: a worksheet note, in the letter only when marked for it. */
  readonly letter?: 'always';
}

export interface ChildImpactTemplate {
  readonly longTermMonths: Param<number>;
  readonly prompts: readonly ChildImpactPrompt[];
}

/** A condition in json-rules-engine's JSON format. */
export type ConditionValue = string | number | boolean | null | readonly (string | number | boolean | null)[] | { readonly fact: string };

export interface LeafCondition {
  readonly fact: string;
  readonly operator: string;
  readonly value: ConditionValue;
}

export type Condition =
  | LeafCondition
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition };

export interface RuleEvent {
  readonly type: 'person-decides' | 'needs-information' | 'flag';
  readonly params: {
    readonly code: string;
    readonly legalTopic: string;
    readonly severity: 'block' | 'assessment' | 'warning' | 'info';
    readonly field?: string;
    readonly blocking?: boolean;
  };
}

export interface ConditionRule {
  readonly name: string;
  readonly priority: number;
  readonly conditions: Condition;
  readonly event: RuleEvent;
}

export interface ConditionSet {
  readonly id: string;
  readonly phase: 'eligibility' | 'labour-market' | 'flags';
  readonly facts: Readonly<Record<string, string>>;
  readonly rules: readonly ConditionRule[];
}

/** Aktivitetskrav (rules/activity-requirement.json), in force for the month or null. */
export interface ActivityRequirementRule {
  readonly id: string;
  readonly qualifyingConsecutiveMonths: Param<number>;
  readonly exemptions: readonly { readonly code: string; readonly sv: string; readonly en: string; readonly param: Param }[];
  readonly legalTopic: string;
  readonly status: Status;
}

/** Läkarintyg (rules/medical-certificate.json), in force for the month or null. */
export interface MedicalCertificateRule {
  readonly id: string;
  readonly requiredAfterDays: Param<number>;
  readonly legalTopic: string;
}

export interface RuleSet {
  /** The rule files (relative paths) this set was resolved from. */
  readonly files: readonly string[];
  readonly riksnorm: RiksnormTable;
  readonly prisbasbelopp: Param;
  readonly childAllowance: ChildAllowanceRule | null;
  readonly jobbstimulans: JobbstimulansRule | null;
  readonly childrenEarnings: ChildrenEarningsRule | null;
  readonly costTypes: Readonly<Record<string, CostTypeDef>>;
  readonly incomeTypes: Readonly<Record<string, IncomeTypeDef>>;
  readonly assetTypes: Readonly<Record<string, AssetTypeDef>>;
  readonly municipal: MunicipalPolicy;
  readonly legal: LegalFrame;
  readonly childImpact: ChildImpactTemplate;
  readonly conditions: { readonly eligibility: ConditionSet; readonly labourMarket: ConditionSet; readonly flags: ConditionSet };
  readonly activityRequirement: ActivityRequirementRule | null;
  readonly medicalCertificate: MedicalCertificateRule | null;
  /** null for a period before SSBTEK (no map in force): a household with registered payments then has no rules. */
  readonly agencyIncomeMap: AgencyIncomeMap | null;
}

/** A rule set with its content hash, ready for the calculation. */
export interface VersionedRuleSet {
  readonly version: string;
  readonly rules: RuleSet;
}
