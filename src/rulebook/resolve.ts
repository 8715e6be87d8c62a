/**
 * Picks, for one period and one municipality, the version of every rule file in force on the first
 * day of the month, and turns it into a self-contained RuleSet with a content hash. A period that
 * has no riksnorm table (or no prisbasbelopp, or no legal frame) is an error that says so: the
 * engine never falls back to another year.
 */
import { contentHash } from '../canonical.ts';
import { addMonths, daysInMonth, firstDayOf, formatPeriod, type Period } from '../period/index.ts';
import { problem, type InputProblem, type RulesPart } from '../household/problems.ts';
import type { Loaded, RiksnormFile, Rulebook } from './load.ts';
import type {
  ActivityRequirementRule,
  AgencyIncomeMap,
  ChildAllowanceRule,
  ChildrenEarningsRule,
  ConditionRule,
  ConditionSet,
  Guideline,
  JobbstimulansRule,
  LegalFrame,
  LegalRef,
  MedicalCertificateRule,
  Param,
  RuleSet,
  SourceRef,
  Status,
  VersionedRuleSet,
} from './types.ts';

/**
 * No rules for the period (or no legal references for the decision date): which part of rules/ has
 * nothing for it and the windows it does cover, as data (issue 27: the input problem says which months
 * exist and what to do; src/explain/problems.ts words it). `message` is the same in English, for logs.
 */
export class RuleLookupError extends Error {
  readonly field: 'period' | 'decidedOn';
  readonly part: RulesPart;
  /** The month (YYYY-MM) or, for field decidedOn, the decision date the rules were asked for. */
  readonly date: string;
  /** The windows the part covers, as a person reads them ("2013–2015", "2023–2026", "2025-07–"). */
  readonly available: readonly string[];
  constructor(field: 'period' | 'decidedOn', part: RulesPart, date: string, available: readonly string[], message: string) {
    super(message);
    this.name = 'RuleLookupError';
    this.field = field;
    this.part = part;
    this.date = date;
    this.available = available;
  }
}

/** A month (or decision date) the rules do not cover, as an input problem naming what exists (src/explain/problems.ts words it). */
export function ruleLookupProblem(error: RuleLookupError): InputProblem {
  return error.field === 'decidedOn'
    ? problem('decidedOn', 'NO_RULES_FOR_PERIOD.decidedOn', { date: error.date, available: error.available })
    : problem('period', 'NO_RULES_FOR_PERIOD', { period: error.date, part: error.part, available: error.available });
}

/** A rule the month needs, enacted but not loaded (rules/pending/): the month cannot be calculated yet. */
export interface MissingRule {
  readonly id: string;
  readonly file: string;
  readonly kind: 'riksnorm-table' | 'formula' | 'condition';
  readonly sv: string;
  readonly en: string;
  readonly legalRef: string;
  readonly source: SourceRef;
}

/** What is known for a month whose rules are pending: the law in force and what is missing. */
export interface PendingRuleSet {
  readonly period: string;
  readonly legal: LegalFrame;
  readonly missing: readonly MissingRule[];
  readonly files: readonly string[];
}

/**
 * The month's rules are enacted but not published (rules/pending/): calculate and the API answer
 * needs-information naming them; batch refuses such a --period up front.
 */
export class RulesPendingError extends RuleLookupError {
  readonly pending: PendingRuleSet;
  constructor(pending: PendingRuleSet) {
    super('period', 'riksnorm', pending.period, [], `the rules for ${pending.period} are not published yet: ${pending.missing.map((m) => m.en).join('; ')}`);
    this.name = 'RulesPendingError';
    this.pending = pending;
  }
}

interface Windowed {
  readonly effectiveFrom: string;
  readonly effectiveTo: string | null;
}

function inForce<T extends Windowed>(items: readonly T[], date: string): T | undefined {
  return items.find((i) => i.effectiveFrom <= date && (i.effectiveTo === null || date <= i.effectiveTo));
}

type Sources = Record<string, { title: string; url?: string | undefined; note?: string | undefined }>;

function sourceRef(sources: Sources, key: string): SourceRef {
  const s = sources[key];
  if (!s) throw new Error(`[rulebook] unknown source ${key}`); // checked at load time
  return { key, title: s.title, ...(s.url !== undefined ? { url: s.url } : {}), ...(s.note !== undefined ? { note: s.note } : {}) };
}

function param<T>(id: string, value: T, status: Status, sources: Sources, key: string): Param<T> {
  return { id, value, status, source: sourceRef(sources, key) };
}

/** A table's window as a person reads it: "2026", "2013–2015", or "2025-01–2025-06" when it is not whole years. */
function windowLabel(from: string, to: string | null): string {
  if (to === null) return `${from.slice(0, 7)}–`;
  const wholeYears = from.slice(5) === '01-01' && to.slice(5) === '12-31';
  if (!wholeYears) return `${from.slice(0, 7)}–${to.slice(0, 7)}`;
  return from.slice(0, 4) === to.slice(0, 4) ? from.slice(0, 4) : `${from.slice(0, 4)}–${to.slice(0, 4)}`;
}

/** The day after an ISO date (no Date objects). */
function nextDay(date: string): string {
  const period = { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) };
  const day = Number(date.slice(8, 10));
  if (day < daysInMonth(period)) return `${date.slice(0, 8)}${String(day + 1).padStart(2, '0')}`;
  return firstDayOf(addMonths(period, 1));
}

/** The windows a dated file covers, adjacent ones joined ("2023–2026"), in order: what a "no rules" problem lists. */
export function coverage(windows: readonly Windowed[]): string[] {
  const sorted = [...windows].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
  const merged: { from: string; to: string | null }[] = [];
  for (const w of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && last.to !== null && nextDay(last.to) === w.effectiveFrom) last.to = w.effectiveTo;
    else merged.push({ from: w.effectiveFrom, to: w.effectiveTo });
  }
  return merged.map((w) => windowLabel(w.from, w.to));
}

/**
 * The rules for one benefit month. Amounts, conditions and every other dated file follow the month
 * (its first day); the cited law follows the decision date when one is given (decidedOn), else the
 * month too (docs/law-in-force.md).
 */
/** The blocking pending rules for the date (a riksnorm table counts as loaded when a table covers the date). */
function missingRules(book: Rulebook, date: string, hasTable: boolean, refs: Readonly<Record<string, LegalRef>>): MissingRule[] {
  const out: MissingRule[] = [];
  for (const f of book.pending.rules) {
    if (!(f.data.effectiveFrom <= date && (f.data.effectiveTo === null || date <= f.data.effectiveTo))) continue;
    for (const r of f.data.rules) {
      if (r.status !== 'pending' || !r.blocksCalculation || (r.kind === 'riksnorm-table' && hasTable)) continue;
      out.push({ id: r.id, file: f.file, kind: r.kind, sv: r.sv, en: r.en, legalRef: refs[r.legalTopic]?.ref ?? r.legalTopic, source: sourceRef(f.data.sources as Sources, r.source) });
    }
  }
  return out;
}

type MunicipalValues = Rulebook['municipal'] extends ReadonlyMap<string, Loaded<infer F>> ? F extends { values: readonly (infer V)[] } ? V : never : never;

/**
 * The riksnorm table for a month: the one in force on its first day, unless the table in force on the
 * decision date says it covers the month too (coversFrom): a decision made from 2025-07-01 about a month
 * of January–June 2025 applies SFS 2025:468 12 kap. 2 §, whose table is "under 2025", and never cites the
 * repealed (2001:937).
 */
function riksnormTableFor(book: Rulebook, date: string, decidedOn: string | null): Loaded<RiksnormFile> | undefined {
  const windowed = book.riksnorm.map((r) => ({ ...r, effectiveFrom: r.data.effectiveFrom, effectiveTo: r.data.effectiveTo }));
  if (decidedOn !== null) {
    const onDecision = inForce(windowed, decidedOn);
    const from = onDecision?.data.coversFrom;
    if (onDecision && from !== undefined && from <= date && date < onDecision.data.effectiveFrom) return onDecision;
  }
  return inForce(windowed, date);
}

/** The id of the riksnorm table a month and decision date use (part of the rule set cache key). */
export function riksnormTableId(book: Rulebook, period: Period, decidedOn: string | null): string {
  return riksnormTableFor(book, firstDayOf(period), decidedOn)?.data.id ?? '';
}

export function resolveRuleSet(book: Rulebook, period: Period, municipality: string | null, decidedOn: string | null = null): RuleSet {
  const date = firstDayOf(period);
  const label = formatPeriod(period);
  const year = String(period.year);

  const legalVersion = inForce(book.legal.data.versions, decidedOn ?? date);
  if (!legalVersion) {
    const have = coverage(book.legal.data.versions);
    throw decidedOn === null
      ? new RuleLookupError('period', 'legal', label, have, `no legal references in rules/legal-references.json for ${label}`)
      : new RuleLookupError('decidedOn', 'legal', decidedOn, have, `no legal references in rules/legal-references.json for a decision made on ${decidedOn}`);
  }
  const legalSources = book.legal.data.sources as Sources;
  const refs: Record<string, LegalRef> = {};
  for (const [topic, r] of Object.entries(legalVersion.refs)) {
    refs[topic] = {
      topic,
      ref: r.ref,
      status: r.status,
      source: sourceRef(legalSources, r.source),
      ...(r.corroboratedBy ? { corroboratedBy: r.corroboratedBy.map((k) => sourceRef(legalSources, k)) } : {}),
    };
  }
  const legal: LegalFrame = {
    law: legalVersion.law,
    lawTitle: legalVersion.lawTitle,
    otherLivingCosts: legalVersion.otherLivingCosts,
    effectiveFrom: legalVersion.effectiveFrom,
    effectiveTo: legalVersion.effectiveTo,
    refs,
  };

  const table = riksnormTableFor(book, date, decidedOn);
  const missing = missingRules(book, date, table !== undefined, refs);
  if (missing.length > 0) {
    throw new RulesPendingError({ period: label, legal, missing, files: [book.legal.file, ...new Set(missing.map((m) => m.file))] });
  }
  if (!table) {
    const have = coverage(book.riksnorm.map((r) => r.data));
    throw new RuleLookupError('period', 'riksnorm', label, have, `no riksnorm table in rules/ for ${label}; tables exist for ${have.join(', ')}`);
  }
  const rn = table.data;
  const rs = rn.sources as Sources;
  const riksnorm = {
    id: rn.id,
    file: table.file,
    title: rn.title,
    effectiveFrom: rn.effectiveFrom,
    effectiveTo: rn.effectiveTo,
    legalBasis: rn.legalBasis,
    ...(rn.coversFrom !== undefined && date < rn.effectiveFrom ? { coversFrom: rn.coversFrom } : {}),
    children: rn.children.map((c) => ({
      band: c.band,
      minAge: c.minAge,
      maxAge: c.maxAge,
      withLunch: param(`${rn.id}#child-${c.band}`, c.withLunch.amount, c.withLunch.status, rs, c.withLunch.source),
      withoutLunch: c.withoutLunch
        ? param(`${rn.id}#child-${c.band}-without-lunch`, c.withoutLunch.amount, c.withoutLunch.status, rs, c.withoutLunch.source)
        : null,
    })),
    single: param(`${rn.id}#single`, rn.adults.single.amount, rn.adults.single.status, rs, rn.adults.single.source),
    cohabiting: param(`${rn.id}#cohabiting`, rn.adults.cohabiting.amount, rn.adults.cohabiting.status, rs, rn.adults.cohabiting.source),
    common: rn.common.map((c) => param(`${rn.id}#common-${c.persons}`, c.amount, c.status, rs, c.source)),
  };

  const pbbFile = book.prisbasbelopp;
  const pbb = inForce(pbbFile.data.values, date);
  if (!pbb) throw new RuleLookupError('period', 'prisbasbelopp', label, coverage(pbbFile.data.values), `no prisbasbelopp in rules/prisbasbelopp.json for ${year}`);

  const bb = inForce(book.barnbidrag.data.values, date);
  const bbs = book.barnbidrag.data.sources as Sources;
  const childAllowance: ChildAllowanceRule | null = bb
    ? {
        id: `barnbidrag/${bb.effectiveFrom}`,
        perChild: param('barnbidrag#per-child', bb.perChild.amount, bb.perChild.status, bbs, bb.perChild.source),
        largeFamilySupplement: bb.largeFamilySupplement.map((s) => ({
          children: s.children,
          amount: param(`barnbidrag#flerbarnstillagg-${s.children}`, s.amount, s.status, bbs, s.source),
        })),
        largeFamilySupplementPerChildFromFifth: param(
          'barnbidrag#flerbarnstillagg-per-child-from-5',
          bb.largeFamilySupplementPerChildFromFifth.amount,
          bb.largeFamilySupplementPerChildFromFifth.status,
          bbs,
          bb.largeFamilySupplementPerChildFromFifth.source,
        ),
        maxAgeBeforeStudyAllowance: bb.maxAgeBeforeStudyAllowance,
      }
    : null;

  const js = inForce(book.jobbstimulans.data.values, date);
  const jss = book.jobbstimulans.data.sources as Sources;
  const jobbstimulans: JobbstimulansRule | null = js
    ? {
        id: `jobbstimulans/${js.effectiveFrom}`,
        disregardedShare: param('jobbstimulans#disregarded-share', { numerator: js.disregardedShare.numerator, denominator: js.disregardedShare.denominator }, js.disregardedShare.status, jss, js.disregardedShare.source),
        qualifyingConsecutiveMonths: param('jobbstimulans#qualifying-months', js.qualifyingConsecutiveMonths.value, js.qualifyingConsecutiveMonths.status, jss, js.qualifyingConsecutiveMonths.source),
        durationMonths: param('jobbstimulans#duration-months', js.durationMonths.value, js.durationMonths.status, jss, js.durationMonths.source),
        incomeTypes: js.incomeTypes,
      }
    : null;

  const ce = inForce(book.childrenEarnings.data.values, date);
  const ces = book.childrenEarnings.data.sources as Sources;
  const childrenEarnings: ChildrenEarningsRule | null = ce
    ? {
        id: `children-earnings/${ce.effectiveFrom}`,
        limitShareOfPrisbasbelopp: param('children-earnings#limit-share-of-pbb', { numerator: ce.limitShareOfPrisbasbelopp.numerator, denominator: ce.limitShareOfPrisbasbelopp.denominator }, ce.limitShareOfPrisbasbelopp.status, ces, ce.limitShareOfPrisbasbelopp.source),
        incomeTypes: ce.incomeTypes,
        schoolYouthMaxAge: ce.schoolYouthMaxAge,
      }
    : null;

  const typeTable = <T>(loaded: Loaded<{ values: readonly (Windowed & { types: Record<string, T> })[] }>, what: string, part: RulesPart): Record<string, T> => {
    const v = inForce(loaded.data.values, date);
    if (!v) throw new RuleLookupError('period', part, label, coverage(loaded.data.values), `no ${what} in rules/${loaded.file} for ${label}`);
    return v.types;
  };

  const municipalFile = (municipality !== null ? book.municipal.get(municipality) : undefined) ?? book.municipal.get('default')!;
  const mv = inForce(municipalFile.data.values, date);
  if (!mv) throw new RuleLookupError('period', 'municipal', label, coverage(municipalFile.data.values), `no municipal policy in rules/${municipalFile.file} for ${label}`);
  const ms = municipalFile.data.sources as Sources;
  const mid = municipalFile.data.id;

  const bk = inForce(book.barnkonsekvens.data.values, date);
  if (!bk) throw new RuleLookupError('period', 'barnkonsekvens', label, coverage(book.barnkonsekvens.data.values), `no barnkonsekvens template in rules/barnkonsekvens.json for ${label}`);
  const bks = book.barnkonsekvens.data.sources as Sources;

  const conditionSet = (phase: ConditionSet['phase']): { set: ConditionSet; file: string } => {
    const file = book.conditions.find((c) => c.data.phase === phase && c.data.effectiveFrom <= date && (c.data.effectiveTo === null || date <= c.data.effectiveTo));
    if (!file) throw new RuleLookupError('period', phase, label, coverage(book.conditions.filter((c) => c.data.phase === phase).map((c) => c.data)), `no ${phase} conditions in rules/conditions/ for ${label}`);
    return {
      file: file.file,
      set: { id: file.data.id, phase, facts: file.data.facts, rules: file.data.rules as readonly ConditionRule[] },
    };
  };
  // Which month an agency payment belongs to: the municipality's choice, else the default policy's.
  const defaultFile = book.municipal.get('default')!;
  const monthOwn = mv.agencyIncomeMonth !== undefined;
  const monthValue = mv.agencyIncomeMonth ?? inForce(defaultFile.data.values, date)?.agencyIncomeMonth;
  if (!monthValue) throw new RuleLookupError('period', 'agencyIncomeMonth', label, coverage(defaultFile.data.values), `no agencyIncomeMonth in rules/${defaultFile.file} for ${label}`);
  const monthSources = (monthOwn ? ms : defaultFile.data.sources) as Sources;
  const monthId = monthOwn ? mid : defaultFile.data.id;

  /** A policy value that a municipality's own file may leave out: its own, else the default policy's (required there). */
  const policy = <K extends 'rentAdjustmentMonths' | 'sharedHousingCost' | 'childEarningsAboveLimit'>(key: K, name: string): Param<NonNullable<MunicipalValues[K]>['value']> => {
    const own = mv[key];
    const value = own ?? inForce(defaultFile.data.values, date)?.[key];
    if (!value) throw new RuleLookupError('period', 'municipal', label, coverage(defaultFile.data.values), `no ${key} in rules/${defaultFile.file} for ${label}`);
    const id = own ? mid : defaultFile.data.id;
    return param(`${id}#${name}`, value.value as NonNullable<MunicipalValues[K]>['value'], value.status, (own ? ms : defaultFile.data.sources) as Sources, value.source);
  };

  const am = inForce(book.agencyIncomeMap.data.values, date);
  const ams = book.agencyIncomeMap.data.sources as Sources;
  const agencyIncomeMap: AgencyIncomeMap | null = am
    ? {
        id: `agency-income-map/${am.effectiveFrom}`,
        families: (am.families ?? []).map((f) => ({
          id: f.id,
          agency: f.agency,
          benefit: f.benefit,
          members: f.members,
          likelyIncomeType: f.likelyIncomeType,
          legalTopic: f.legalTopic,
          changeThreshold: f.changeThreshold,
          status: f.status,
          source: sourceRef(ams, f.source),
        })),
        rows: am.rows.map((r) => ({
          id: r.id,
          agency: r.agency,
          benefit: r.benefit,
          subBenefit: r.subBenefit ?? null,
          amountType: r.amountType ?? null,
          action: r.action,
          incomeType: r.incomeType ?? null,
          reasonSv: r.reasonSv ?? null,
          reasonEn: r.reasonEn ?? null,
          legalTopic: r.legalTopic,
          netAmounts: r.netAmounts ?? null,
          likelyIncomeType: r.likelyIncomeType ?? null,
          dayCheck: r.dayCheck ?? false,
          changeThreshold: r.changeThreshold,
          status: r.status,
          source: sourceRef(ams, r.source),
        })),
      }
    : null;

  const eligibility = conditionSet('eligibility');
  const labourMarket = conditionSet('labour-market');
  const flags = conditionSet('flags');

  const ar = inForce(book.activityRequirement.data.values, date);
  const ars = book.activityRequirement.data.sources as Sources;
  const activityRequirement: ActivityRequirementRule | null = ar
    ? {
        id: `activity-requirement/${ar.effectiveFrom}`,
        qualifyingConsecutiveMonths: param('activity-requirement#qualifying-months', ar.qualifyingConsecutiveMonths.value, ar.qualifyingConsecutiveMonths.status, ars, ar.qualifyingConsecutiveMonths.source),
        exemptions: ar.exemptions.map((e) => ({ code: e.code, sv: e.sv, en: e.en, param: param(`activity-requirement#exemption-${e.code}`, e.code, e.status, ars, e.source) })),
        legalTopic: ar.legalTopic,
        status: ar.status,
      }
    : null;
  const mc = inForce(book.medicalCertificate.data.values, date);
  const medicalCertificate: MedicalCertificateRule | null = mc
    ? {
        id: `medical-certificate/${mc.effectiveFrom}`,
        requiredAfterDays: param('medical-certificate#required-after-days', mc.requiredAfterDays.value, mc.requiredAfterDays.status, book.medicalCertificate.data.sources as Sources, mc.requiredAfterDays.source),
        legalTopic: mc.legalTopic,
      }
    : null;

  const files = [
    table.file,
    pbbFile.file,
    book.legal.file,
    ...(bb ? [book.barnbidrag.file] : []),
    ...(js ? [book.jobbstimulans.file] : []),
    ...(ce ? [book.childrenEarnings.file] : []),
    book.costTypes.file,
    book.incomeTypes.file,
    book.assetTypes.file,
    municipalFile.file,
    book.barnkonsekvens.file,
    eligibility.file,
    labourMarket.file,
    flags.file,
    ...(ar ? [book.activityRequirement.file] : []),
    ...(mc ? [book.medicalCertificate.file] : []),
    ...(am ? [book.agencyIncomeMap.file] : []),
  ];

  return {
    files,
    riksnorm,
    prisbasbelopp: param(`prisbasbelopp/${year}`, pbb.amount, pbb.status, pbbFile.data.sources as Sources, pbb.source),
    childAllowance,
    jobbstimulans,
    childrenEarnings,
    costTypes: typeTable(book.costTypes, 'cost types', 'costTypes'),
    incomeTypes: typeTable(book.incomeTypes, 'income types', 'incomeTypes'),
    assetTypes: typeTable(book.assetTypes, 'asset types', 'assetTypes'),
    municipal: {
      id: mid,
      assetBuffer: param(`${mid}#asset-buffer`, mv.assetBuffer.amount, mv.assetBuffer.status, ms, mv.assetBuffer.source),
      ageReference: param(`${mid}#age-reference`, mv.ageReference.value, mv.ageReference.status, ms, mv.ageReference.source),
      partMonthChildHouseholdSize: param(`${mid}#part-month-child-household-size`, mv.partMonthChildHouseholdSize.value, mv.partMonthChildHouseholdSize.status, ms, mv.partMonthChildHouseholdSize.source),
      agencyIncomeMonth: param(`${monthId}#agency-income-month`, monthValue.value, monthValue.status, monthSources, monthValue.source),
      ...(mv.automatedDecisionDelegation?.value
        ? { automatedDecisionDelegation: param(`${mid}#automated-decision-delegation`, mv.automatedDecisionDelegation.value, mv.automatedDecisionDelegation.status, ms, mv.automatedDecisionDelegation.source) }
        : {}),
      rentAdjustmentMonths: policy('rentAdjustmentMonths', 'rent-adjustment-months'),
      sharedHousingCost: policy('sharedHousingCost', 'shared-housing-cost'),
      childEarningsAboveLimit: policy('childEarningsAboveLimit', 'child-earnings-above-limit'),
      ...(mv.guideline ? { guideline: resolveGuideline(mid, mv.guideline, ms) } : {}),
    },
    legal,
    childImpact: {
      longTermMonths: param('barnkonsekvens#long-term-months', bk.longTermMonths.value, bk.longTermMonths.status, bks, bk.longTermMonths.source),
      prompts: bk.prompts.map(({ letter, ...p }) => ({ ...p, ...(letter !== undefined ? { letter } : {}), source: sourceRef(bks, p.source) })),
    },
    conditions: { eligibility: eligibility.set, labourMarket: labourMarket.set, flags: flags.set },
    activityRequirement,
    medicalCertificate,
    agencyIncomeMap,
  };
}

type GuidelineFile = NonNullable<MunicipalValues['guideline']>;

/** A municipality's guideline as the calculation reads it: every part with its status and source. */
function resolveGuideline(mid: string, g: GuidelineFile, ms: Sources): Guideline {
  const src = (x: { status: Status; source: string }) => ({ status: x.status, source: sourceRef(ms, x.source) });
  const r = g.rentCeiling;
  return {
    id: `${mid}#guideline`,
    decision: { body: g.decision.body, date: g.decision.date, reference: g.decision.reference, title: g.decision.title, ...src(g.decision) },
    rentCeiling: r
      ? {
          basis: r.basis,
          title: r.title,
          table: (r.table ?? []).map((t) => ({ adults: t.adults, children: t.children, amount: t.amount, under25: t.under25 ?? false })),
          perFurtherChild: r.perFurtherChild ?? null,
          rooms: (r.rooms ?? []).map((x) => ({ rooms: x.rooms, amount: x.amount, squareMetres: x.squareMetres ?? null })),
          roomsFor: r.roomsFor ?? [],
          excludes: r.excludes,
          includes: r.includes ?? [],
          ...src(r),
        }
      : null,
    costCeilings: Object.fromEntries(Object.entries(g.costCeilings ?? {}).map(([k, c]) => [k, { amounts: c.amounts, overCeiling: c.overCeiling, ...src(c) }])),
    longTermMonths: g.longTermMonths ? param(`${mid}#guideline-long-term-months`, g.longTermMonths.value, g.longTermMonths.status, ms, g.longTermMonths.source) : null,
    items: Object.fromEntries(
      Object.entries(g.items ?? {}).map(([k, i]) => [k, { longTermOnly: i.longTermOnly, costEstimateRequired: i.costEstimateRequired, reference: i.reference, referenceText: i.referenceText, reviewAbove: i.reviewAbove, ...src(i) }]),
    ),
    supplements: (g.supplements ?? []).map((x) => ({ id: x.id, per: x.per, amount: x.amount, labelSv: x.labelSv, ...src(x) })),
  };
}

/** Resolves and hashes, caching by (period, municipality file) so a batch hashes each set once. */
export class RuleSetCache {
  readonly #book: Rulebook;
  /** By month (year × 12 + month: no key string to build for every household), then municipality and law. */
  readonly #cache = new Map<number, Map<string, VersionedRuleSet>>();
  constructor(book: Rulebook) {
    this.#book = book;
  }
  /** The rulebook the sets are resolved from (for the lists that are no part of a rule set, such as rules/support-obstacles.json). */
  get book(): Rulebook {
    return this.#book;
  }
  /** The rule set for a month; decidedOn (YYYY-MM-DD, optional) picks the law cited (see resolveRuleSet). */
  get(period: Period, municipality: string | null, decidedOn: string | null = null): VersionedRuleSet {
    const muni = municipality !== null && this.#book.municipal.has(municipality) ? municipality : 'default';
    // Keyed by the legal version the decision date picks, not the date itself: one set per law in force.
    const versions = this.#book.legal.data.versions;
    const byDecision = decidedOn === null ? undefined : (inForce(versions, decidedOn)?.effectiveFrom ?? decidedOn);
    const sameLaw = byDecision === undefined || byDecision === inForce(versions, firstDayOf(period))?.effectiveFrom;
    // A decision date may also pick another riksnorm table (coversFrom): part of the key when it does.
    const table = decidedOn === null ? '' : riksnormTableId(this.#book, period, decidedOn);
    const law = sameLaw && (decidedOn === null || table === riksnormTableId(this.#book, period, null)) ? '' : `|${byDecision}|${table}`;
    const month = period.year * 12 + period.month;
    let sets = this.#cache.get(month);
    if (!sets) this.#cache.set(month, (sets = new Map()));
    const key = law === '' ? muni : muni + law;
    let hit = sets.get(key);
    if (!hit) {
      const rules = resolveRuleSet(this.#book, period, municipality, decidedOn);
      hit = { version: contentHash(rules), rules };
      sets.set(key, hit);
    }
    return hit;
  }
}

export function versionRuleSet(rules: RuleSet): VersionedRuleSet {
  return { version: contentHash(rules), rules };
}
