/**
 * Loads rules/ into memory and checks it. This is the only module in the core that touches the file
 * system; everything downstream receives a resolved, immutable rule set (see resolve.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import {
  activityRequirementFileSchema,
  agencyIncomeMapFileSchema,
  assetTypesFileSchema,
  barnbidragFileSchema,
  barnkonsekvensFileSchema,
  childrenEarningsFileSchema,
  conditionsFileSchema,
  costTypesFileSchema,
  incomeTypesFileSchema,
  jobbstimulansFileSchema,
  legalReferencesFileSchema,
  medicalCertificateFileSchema,
  supportObstaclesFileSchema,
  unitStatisticsFileSchema,
  municipalFileSchema,
  pendingRulesFileSchema,
  prisbasbeloppFileSchema,
  riksnormFileSchema,
} from './schema.ts';

export type RiksnormFile = z.infer<typeof riksnormFileSchema>;
export type PrisbasbeloppFile = z.infer<typeof prisbasbeloppFileSchema>;
export type BarnbidragFile = z.infer<typeof barnbidragFileSchema>;
export type JobbstimulansFile = z.infer<typeof jobbstimulansFileSchema>;
export type ChildrenEarningsFile = z.infer<typeof childrenEarningsFileSchema>;
export type CostTypesFile = z.infer<typeof costTypesFileSchema>;
export type IncomeTypesFile = z.infer<typeof incomeTypesFileSchema>;
export type AssetTypesFile = z.infer<typeof assetTypesFileSchema>;
export type MunicipalFile = z.infer<typeof municipalFileSchema>;
export type LegalReferencesFile = z.infer<typeof legalReferencesFileSchema>;
export type BarnkonsekvensFile = z.infer<typeof barnkonsekvensFileSchema>;
export type ConditionsFile = z.infer<typeof conditionsFileSchema>;
export type ActivityRequirementFile = z.infer<typeof activityRequirementFileSchema>;
export type MedicalCertificateFile = z.infer<typeof medicalCertificateFileSchema>;
export type SupportObstaclesFile = z.infer<typeof supportObstaclesFileSchema>;
export type UnitStatisticsFile = z.infer<typeof unitStatisticsFileSchema>;
export type PendingRulesFile = z.infer<typeof pendingRulesFileSchema>;
export type AgencyIncomeMapFile = z.infer<typeof agencyIncomeMapFileSchema>;

export interface Loaded<T> {
  /** Path relative to the rules directory, with forward slashes: "riksnorm/2023.json". */
  readonly file: string;
  readonly data: T;
}

export interface Rulebook {
  readonly dir: string;
  readonly riksnorm: readonly Loaded<RiksnormFile>[];
  readonly prisbasbelopp: Loaded<PrisbasbeloppFile>;
  readonly barnbidrag: Loaded<BarnbidragFile>;
  readonly jobbstimulans: Loaded<JobbstimulansFile>;
  readonly childrenEarnings: Loaded<ChildrenEarningsFile>;
  readonly costTypes: Loaded<CostTypesFile>;
  readonly incomeTypes: Loaded<IncomeTypesFile>;
  readonly assetTypes: Loaded<AssetTypesFile>;
  readonly municipal: ReadonlyMap<string, Loaded<MunicipalFile>>;
  readonly legal: Loaded<LegalReferencesFile>;
  readonly barnkonsekvens: Loaded<BarnkonsekvensFile>;
  readonly activityRequirement: Loaded<ActivityRequirementFile>;
  readonly medicalCertificate: Loaded<MedicalCertificateFile>;
  /** Försörjningshinder for the statistics (never part of a rule set). */
  readonly supportObstacles: Loaded<SupportObstaclesFile>;
  /** The unit's statistics page: long-term aid and the smallest count shown (never part of a rule set). */
  readonly unitStatistics: Loaded<UnitStatisticsFile>;
  /** Condition files in force (status pending ones are in `pending.conditions`, never evaluated). */
  readonly conditions: readonly Loaded<ConditionsFile>[];
  readonly pending: { readonly rules: readonly Loaded<PendingRulesFile>[]; readonly conditions: readonly Loaded<ConditionsFile>[] };
  readonly agencyIncomeMap: Loaded<AgencyIncomeMapFile>;
}

/** The rules folder is broken: every problem found, one line each, with the file and field. */
export class RulebookError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`rules/ is not valid:\n${problems.join('\n')}`);
    this.name = 'RulebookError';
    this.problems = problems;
  }
}

const SINGLE_FILES = {
  prisbasbelopp: ['prisbasbelopp.json', prisbasbeloppFileSchema],
  barnbidrag: ['barnbidrag.json', barnbidragFileSchema],
  jobbstimulans: ['jobbstimulans.json', jobbstimulansFileSchema],
  childrenEarnings: ['children-earnings.json', childrenEarningsFileSchema],
  costTypes: ['cost-types.json', costTypesFileSchema],
  incomeTypes: ['income-types.json', incomeTypesFileSchema],
  assetTypes: ['asset-types.json', assetTypesFileSchema],
  legal: ['legal-references.json', legalReferencesFileSchema],
  barnkonsekvens: ['barnkonsekvens.json', barnkonsekvensFileSchema],
  activityRequirement: ['activity-requirement.json', activityRequirementFileSchema],
  medicalCertificate: ['medical-certificate.json', medicalCertificateFileSchema],
  supportObstacles: ['support-obstacles.json', supportObstaclesFileSchema],
  unitStatistics: ['unit-statistics.json', unitStatisticsFileSchema],
  agencyIncomeMap: ['agency-income-map.json', agencyIncomeMapFileSchema],
} as const;

const FOLDERS = ['riksnorm', 'municipal', 'conditions', 'pending'] as const;

export function loadRulebook(dir: string): Rulebook {
  const problems: string[] = [];
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a directory');
  } catch {
    throw new RulebookError([`${dir}: the rules directory cannot be read`]);
  }

  const known = new Set<string>(Object.values(SINGLE_FILES).map(([name]) => name));
  for (const path of listJson(dir)) {
    const rel = relative(dir, path).split('\\').join('/');
    const folder = rel.includes('/') ? rel.slice(0, rel.indexOf('/')) : null;
    if (folder === null ? !known.has(rel) : !(FOLDERS as readonly string[]).includes(folder)) {
      problems.push(`${rel}: unknown rule file (expected one of ${[...known].join(', ')} or a file in ${FOLDERS.join('/, ')}/)`);
    }
  }

  const read = <S extends z.ZodType>(rel: string, schema: S): Loaded<z.infer<S>> | null => {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(join(dir, rel), 'utf8'));
    } catch (error) {
      problems.push(`${rel}: ${error instanceof SyntaxError ? `not valid JSON (${error.message})` : 'cannot be read'}`);
      return null;
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push(`${rel}: ${issue.path.length ? issue.path.join('.') : '(file)'}: ${issue.message}`);
      }
      return null;
    }
    return { file: rel, data: parsed.data };
  };

  const singles: Record<string, Loaded<unknown> | null> = {};
  for (const [key, [name, schema]] of Object.entries(SINGLE_FILES)) {
    singles[key] = read(name, schema);
  }
  const folderFiles = (folder: string) =>
    listJson(join(dir, folder))
      .map((p) => relative(dir, p).split('\\').join('/'))
      .sort();
  const riksnorm = folderFiles('riksnorm')
    .map((rel) => read(rel, riksnormFileSchema))
    .filter((x): x is Loaded<RiksnormFile> => x !== null);
  const municipalList = folderFiles('municipal')
    .map((rel) => read(rel, municipalFileSchema))
    .filter((x): x is Loaded<MunicipalFile> => x !== null);
  const allConditions = folderFiles('conditions')
    .map((rel) => read(rel, conditionsFileSchema))
    .filter((x): x is Loaded<ConditionsFile> => x !== null);
  const conditions = allConditions.filter((c) => c.data.status !== 'pending');
  const pendingRules = folderFiles('pending')
    .map((rel) => read(rel, pendingRulesFileSchema))
    .filter((x): x is Loaded<PendingRulesFile> => x !== null);
  const pending = { rules: pendingRules, conditions: allConditions.filter((c) => c.data.status === 'pending') };

  if (riksnorm.length === 0) problems.push('riksnorm/: no riksnorm tables');
  const municipal = new Map<string, Loaded<MunicipalFile>>();
  for (const m of municipalList) {
    const code = m.data.id.slice('municipal/'.length);
    const expectedFile = `municipal/${code}.json`;
    if (m.file !== expectedFile) problems.push(`${m.file}: id ${m.data.id} must live in ${expectedFile}`);
    municipal.set(code, m);
  }
  if (!municipal.has('default')) problems.push('municipal/default.json: missing (the policy used when a municipality has no file)');

  if (problems.length > 0) throw new RulebookError(problems);
  const book = {
    dir,
    riksnorm,
    municipal,
    conditions,
    pending,
    ...(singles as Record<keyof typeof SINGLE_FILES, Loaded<never>>),
  } as Rulebook;
  checkConsistency(book, problems);
  if (problems.length > 0) throw new RulebookError(problems);
  return book;
}

/**
 * A municipality's guideline (issue 24): its sources exist, its ceilings and items name known cost
 * types (a ceiling for a cost outside the norm's reasonable costs, an item for livsföring i övrigt),
 * and an example file says it is one (and a municipality's own file does not).
 */
function checkGuidelines(m: Loaded<MunicipalFile>, costTypeValues: readonly { readonly types: Readonly<Record<string, { readonly category: string }>> }[], problems: string[]): void {
  const isExample = m.data.id.startsWith('municipal/examples/');
  if (isExample && !m.data.example) problems.push(`${m.file}: an example file needs "example" (the municipality, its name and the year it shows)`);
  if (!isExample && m.data.example) problems.push(`${m.file}: "example" is only for files in municipal/examples/`);
  const known = new Map<string, string>();
  for (const v of costTypeValues) for (const [k, t] of Object.entries(v.types)) known.set(k, t.category);
  for (const v of m.data.values) {
    const g = v.guideline;
    if (!g) continue;
    const at = `values from ${v.effectiveFrom}: guideline`;
    const used = [g.decision.source, ...(g.rentCeiling ? [g.rentCeiling.source] : []), ...(g.longTermMonths ? [g.longTermMonths.source] : [])];
    for (const [type, c] of Object.entries(g.costCeilings ?? {})) {
      used.push(c.source);
      if (known.get(type) !== 'reasonable-cost') problems.push(`${m.file}: ${at}.costCeilings.${type}: not a reasonable-cost type of rules/cost-types.json`);
      if (type === 'rent') problems.push(`${m.file}: ${at}.costCeilings.rent: the rent ceiling goes in rentCeiling`);
    }
    for (const [type, item] of Object.entries(g.items ?? {})) {
      used.push(item.source);
      if (known.get(type) !== 'livsforing') problems.push(`${m.file}: ${at}.items.${type}: not a livsföring type of rules/cost-types.json`);
      if (item.longTermOnly && !g.longTermMonths) problems.push(`${m.file}: ${at}.items.${type}: longTermOnly needs the guideline's longTermMonths`);
    }
    for (const sup of g.supplements ?? []) {
      used.push(sup.source);
      // Not silently left out of a decision: until the calculation adds supplements, a file says so.
      if (sup.status !== 'pending') problems.push(`${m.file}: ${at}.supplements.${sup.id}: the calculation does not add supplements to the norm yet; mark it "pending" (a person adds it) — docs/guidelines.md`);
    }
    checkSources(m.file, m.data.sources, used, problems);
  }
}

function listJson(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const name of entries.sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listJson(path));
    else if (name.endsWith('.json')) out.push(path);
  }
  return out;
}

interface Windowed {
  readonly effectiveFrom: string;
  readonly effectiveTo: string | null;
}

function checkWindows(label: string, items: readonly Windowed[], problems: string[]): void {
  // ISO dates (checked by the schema) sort as text. Compared by code unit, not localeCompare: that
  // depends on the locale and loads ICU's collator, about 6 ms of every start.
  const sorted = [...items].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0));
  for (const item of sorted) {
    if (item.effectiveTo !== null && item.effectiveTo < item.effectiveFrom) {
      problems.push(`${label}: effectiveTo ${item.effectiveTo} is before effectiveFrom ${item.effectiveFrom}`);
    }
    if (item.effectiveTo !== null && !isLastDayOfMonth(item.effectiveTo)) {
      problems.push(`${label}: effectiveTo ${item.effectiveTo} must be the last day of a month`);
    }
  }
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const cur = sorted[i]!;
    if (prev.effectiveTo === null || prev.effectiveTo >= cur.effectiveFrom) {
      problems.push(`${label}: the period from ${cur.effectiveFrom} overlaps the one from ${prev.effectiveFrom}`);
    }
  }
}

function overlaps(a: Windowed, b: Windowed): boolean {
  return (a.effectiveTo === null || b.effectiveFrom <= a.effectiveTo) && (b.effectiveTo === null || a.effectiveFrom <= b.effectiveTo);
}

function isLastDayOfMonth(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d === last;
}

function checkSources(file: string, sources: Record<string, unknown>, keys: Iterable<string>, problems: string[]): void {
  for (const key of keys) {
    if (!(key in sources)) problems.push(`${file}: source "${key}" is used but not listed under sources`);
  }
}

/**
 * A second source is what makes a reference `verified` (rules/README.md, "Legal references"): one named
 * under `corroboratedBy` must be another source than the one the words were read in, and a reference
 * that names one cannot claim less (single source, unverified, pending) at the same time.
 */
function checkCorroboration(file: string, from: string, refs: Record<string, { status: string; source: string; corroboratedBy?: string[] | undefined }>, problems: string[]): void {
  for (const [topic, r] of Object.entries(refs)) {
    if (r.corroboratedBy === undefined) continue;
    if (r.status !== 'verified') problems.push(`${file}: version from ${from}, ${topic}: corroboratedBy names a second source, so the status must be verified (is ${r.status})`);
    if (r.corroboratedBy.includes(r.source)) problems.push(`${file}: version from ${from}, ${topic}: corroboratedBy repeats the source "${r.source}"; name an independent one`);
    if (new Set(r.corroboratedBy).size !== r.corroboratedBy.length) problems.push(`${file}: version from ${from}, ${topic}: corroboratedBy names a source twice`);
  }
}

function checkConsistency(book: Rulebook, problems: string[]): void {
  // Windows do not overlap, within a file and across the riksnorm tables.
  checkWindows('riksnorm/', book.riksnorm.map((r) => r.data), problems);
  for (const loaded of [book.prisbasbelopp, book.barnbidrag, book.jobbstimulans, book.childrenEarnings, book.costTypes, book.incomeTypes, book.assetTypes, book.barnkonsekvens, book.activityRequirement, book.medicalCertificate, book.supportObstacles, book.unitStatistics, book.agencyIncomeMap]) {
    checkWindows(loaded.file, loaded.data.values, problems);
  }
  checkWindows(book.legal.file, book.legal.data.versions, problems);
  for (const m of book.municipal.values()) checkWindows(m.file, m.data.values, problems);
  const byPhase = new Map<string, Loaded<ConditionsFile>[]>();
  for (const c of book.conditions) byPhase.set(c.data.phase, [...(byPhase.get(c.data.phase) ?? []), c]);
  for (const phase of ['eligibility', 'labour-market', 'flags']) {
    const files = byPhase.get(phase) ?? [];
    if (files.length === 0) problems.push(`conditions/: no file for phase ${phase}`);
    checkWindows(`conditions/ (${phase})`, files.map((f) => f.data), problems);
  }

  // Every source key used is listed, and riksnorm bands cover ages 0–20 without gaps.
  for (const r of book.riksnorm) {
    const used = [
      ...r.data.children.flatMap((c) => [c.withLunch.source, ...(c.withoutLunch ? [c.withoutLunch.source] : [])]),
      r.data.adults.single.source,
      r.data.adults.cohabiting.source,
      ...r.data.common.map((c) => c.source),
    ];
    checkSources(r.file, r.data.sources, used, problems);
    let expectedMin = 0;
    for (const [i, band] of r.data.children.entries()) {
      if (band.minAge !== expectedMin || band.maxAge < band.minAge) {
        problems.push(`${r.file}: children.${i}: age bands must be contiguous from 0 (expected minAge ${expectedMin})`);
      }
      expectedMin = band.maxAge + 1;
    }
    if (expectedMin !== 21) problems.push(`${r.file}: children: age bands must end at 20`);
    if (r.data.coversFrom !== undefined && r.data.coversFrom >= r.data.effectiveFrom) problems.push(`${r.file}: coversFrom ${r.data.coversFrom} must be before effectiveFrom ${r.data.effectiveFrom}`);
    r.data.common.forEach((c, i) => {
      if (c.persons !== i + 1) problems.push(`${r.file}: common.${i}.persons must be ${i + 1}`);
    });
  }
  checkSources(book.prisbasbelopp.file, book.prisbasbelopp.data.sources, book.prisbasbelopp.data.values.map((v) => v.source), problems);
  for (const v of book.barnbidrag.data.values) {
    checkSources(book.barnbidrag.file, book.barnbidrag.data.sources, [v.perChild.source, v.largeFamilySupplementPerChildFromFifth.source, v.splitForAlternatingResidence.source, ...v.largeFamilySupplement.map((s) => s.source)], problems);
  }
  for (const v of book.jobbstimulans.data.values) {
    checkSources(book.jobbstimulans.file, book.jobbstimulans.data.sources, [v.disregardedShare.source, v.qualifyingConsecutiveMonths.source, v.durationMonths.source], problems);
  }
  for (const v of book.childrenEarnings.data.values) {
    checkSources(book.childrenEarnings.file, book.childrenEarnings.data.sources, [v.limitShareOfPrisbasbelopp.source], problems);
  }
  for (const t of [book.costTypes, book.incomeTypes, book.assetTypes]) {
    for (const v of t.data.values) checkSources(t.file, t.data.sources, v.source, problems);
  }
  for (const m of book.municipal.values()) {
    for (const v of m.data.values) {
      const optional = [v.agencyIncomeMonth, v.rentAdjustmentMonths, v.sharedHousingCost, v.childEarningsAboveLimit].flatMap((x) => (x ? [x.source] : []));
      checkSources(m.file, m.data.sources, [v.assetBuffer.source, v.ageReference.source, v.partMonthChildHouseholdSize.source, ...optional], problems);
    }
  }
  for (const m of book.municipal.values()) checkGuidelines(m, book.costTypes.data.values, problems);
  for (const m of book.municipal.values()) {
    if (m.data.contact) checkSources(m.file, m.data.sources, Object.values(m.data.contact).flatMap((c) => (c ? [c.source] : [])), problems);
  }
  const defaultPolicy = book.municipal.get('default');
  if (defaultPolicy && !defaultPolicy.data.contact) problems.push(`${defaultPolicy.file}: contact is required in the default policy (null values: the page says to contact the municipality)`);
  if (defaultPolicy) {
    for (const v of defaultPolicy.data.values) {
      for (const key of ['agencyIncomeMonth', 'rentAdjustmentMonths', 'sharedHousingCost', 'childEarningsAboveLimit'] as const) {
        if (!v[key]) problems.push(`${defaultPolicy.file}: values from ${v.effectiveFrom}: ${key} is required in the default policy`);
      }
    }
  }
  checkAgencyIncomeMap(book, problems);
  for (const v of book.barnkonsekvens.data.values) {
    checkSources(book.barnkonsekvens.file, book.barnkonsekvens.data.sources, [v.longTermMonths.source, ...v.prompts.map((p) => p.source)], problems);
  }

  // Every legal topic that a rule cites exists in every version of the legal references.
  for (const v of book.activityRequirement.data.values) {
    checkSources(book.activityRequirement.file, book.activityRequirement.data.sources, [v.source, v.qualifyingConsecutiveMonths.source, ...v.exemptions.map((e) => e.source)], problems);
  }
  for (const v of book.supportObstacles.data.values) {
    checkSources(book.supportObstacles.file, book.supportObstacles.data.sources, [v.source, v.legalSource], problems);
  }
  for (const v of book.unitStatistics.data.values) {
    checkSources(book.unitStatistics.file, book.unitStatistics.data.sources, [v.longTermAid.source, ...(v.longTermAid.alsoSource ? [v.longTermAid.alsoSource] : []), v.minimumCount.source], problems);
  }
  for (const v of book.medicalCertificate.data.values) {
    checkSources(book.medicalCertificate.file, book.medicalCertificate.data.sources, [v.source, v.requiredAfterDays.source], problems);
  }

  // Every legal topic the code or a rule cites exists in every version (the keys other modules use by name
  // included); a conditions file's topics only in the versions its window overlaps (a pending 2027 rule
  // may cite a provision that does not exist before 2027).
  const topics = new Set<string>([
    'rightToAssistance', 'ownMeans', 'labourMarket', 'riksnorm', 'reasonableCosts', 'livsforing', 'normAmounts', 'childBestInterest', 'childRights',
    'statementOfReasons', 'appealDeadline', 'appealRoute', 'appealLate', 'appealReview', 'childViews', 'householdMembers',
    'agencyData', 'automatedDecision', 'personalReview', 'activityRequirement', 'medicalCertificate', 'documentation', 'recovery',
    'childOwnMeans', 'housingAdjustmentTime', 'childrenEarnings',
    // A registered decision changed afterwards (src/casework): rättelse and ändring of a decision.
    'correction', 'decisionChange',
  ]);
  for (const v of book.costTypes.data.values) for (const t of Object.values(v.types)) topics.add(t.legalTopic);
  for (const v of book.jobbstimulans.data.values) topics.add(v.legalTopic);
  for (const v of book.childrenEarnings.data.values) topics.add(v.legalTopic);
  checkSources(book.legal.file, book.legal.data.sources, (book.legal.data.transitional ?? []).map((t) => t.source), problems);
  for (const v of book.agencyIncomeMap.data.values) for (const r of [...v.rows, ...(v.families ?? [])]) topics.add(r.legalTopic);
  for (const version of book.legal.data.versions) {
    checkSources(book.legal.file, book.legal.data.sources, Object.values(version.refs).flatMap((r) => [r.source, ...(r.corroboratedBy ?? [])]), problems);
    checkCorroboration(book.legal.file, version.effectiveFrom, version.refs, problems);
    const needed = new Set(topics);
    for (const c of book.conditions) {
      if (!overlaps(c.data, version)) continue;
      for (const rule of c.data.rules) needed.add(rule.event.params.legalTopic);
    }
    for (const topic of needed) {
      if (!(topic in version.refs)) problems.push(`${book.legal.file}: version from ${version.effectiveFrom} has no reference for topic "${topic}"`);
    }
  }

  // Pending rules: windows do not overlap, sources are listed, a condition they name exists.
  checkWindows('pending/', book.pending.rules.map((p) => p.data), problems);
  for (const p of book.pending.rules) {
    checkSources(p.file, p.data.sources, p.data.rules.map((r) => r.source), problems);
    for (const r of p.data.rules) {
      if (r.kind === 'condition') {
        const [file, name] = (r.condition ?? '').split('#');
        const c = [...book.pending.conditions, ...book.conditions].find((x) => x.data.id === file);
        if (!c || !c.data.rules.some((x) => x.name === name)) problems.push(`${p.file}: rule ${r.id} names condition "${r.condition ?? ''}", which does not exist`);
      }
      for (const v of book.legal.data.versions) {
        if (overlaps(p.data, v) && !(r.legalTopic in v.refs)) problems.push(`${p.file}: rule ${r.id} cites topic "${r.legalTopic}", missing in legal references from ${v.effectiveFrom}`);
      }
    }
  }
  for (const c of book.pending.conditions) {
    for (const v of book.legal.data.versions) {
      if (!overlaps(c.data, v)) continue;
      for (const rule of c.data.rules) {
        if (!(rule.event.params.legalTopic in v.refs)) problems.push(`${c.file}: rule ${rule.name} cites topic "${rule.event.params.legalTopic}", missing in legal references from ${v.effectiveFrom}`);
      }
    }
  }

  // Conditions read only declared facts.
  for (const c of [...book.conditions, ...book.pending.conditions]) {
    for (const rule of c.data.rules) {
      for (const fact of factsOf(rule.conditions)) {
        if (!(fact in c.data.facts)) problems.push(`${c.file}: rule ${rule.name} reads fact "${fact}", which is not declared under facts`);
      }
    }
  }
}

/** Normalised matching key of the agencies' words (agency/map.ts uses the same). */
function agencyKey(text: string | undefined): string {
  return text === undefined ? '' : text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Row and family ids unique, no two rows with the same key, income types known, sources listed; a
 * family's name is never a row's plain benefit (the family's own fallback is the person's assessment).
 */
function checkAgencyIncomeMap(book: Rulebook, problems: string[]): void {
  const file = book.agencyIncomeMap.file;
  const incomeTypes = new Set(book.incomeTypes.data.values.flatMap((v) => Object.keys(v.types)));
  const knownType = (where: string, field: string, type: string | null | undefined) => {
    if (type !== undefined && type !== null && !incomeTypes.has(type)) problems.push(`${file}: ${where}: ${field} "${type}" is not in income-types.json`);
  };
  for (const v of book.agencyIncomeMap.data.values) {
    const families = v.families ?? [];
    checkSources(file, book.agencyIncomeMap.data.sources, [...v.rows.map((r) => r.source), ...families.map((f) => f.source)], problems);
    const ids = new Set<string>();
    const keys = new Map<string, string>();
    const familyKeys = new Set<string>();
    for (const f of families) {
      if (ids.has(f.id)) problems.push(`${file}: values from ${v.effectiveFrom}: id "${f.id}" is used twice`);
      ids.add(f.id);
      const key = `${f.agency}|${agencyKey(f.benefit)}`;
      if (familyKeys.has(key)) problems.push(`${file}: values from ${v.effectiveFrom}: family "${f.benefit}" of ${f.agency} is listed twice`);
      familyKeys.add(key);
      knownType(`family "${f.id}"`, 'likelyIncomeType', f.likelyIncomeType);
    }
    for (const r of v.rows) {
      if (ids.has(r.id)) problems.push(`${file}: values from ${v.effectiveFrom}: id "${r.id}" is used twice`);
      ids.add(r.id);
      const key = [r.agency, agencyKey(r.benefit), agencyKey(r.subBenefit), agencyKey(r.amountType), (r.netAmounts ?? []).join(',')].join('|');
      const other = keys.get(key);
      if (other !== undefined) problems.push(`${file}: values from ${v.effectiveFrom}: rows "${other}" and "${r.id}" have the same agency, benefit, subBenefit and amountType (and amounts)`);
      else keys.set(key, r.id);
      if (familyKeys.has(`${r.agency}|${agencyKey(r.benefit)}`) && r.subBenefit === undefined && r.amountType === undefined && r.netAmounts === undefined) {
        problems.push(`${file}: row "${r.id}": "${r.benefit}" is a benefit family; a row for it must name a subBenefit, amountType or amounts`);
      }
      knownType(`row "${r.id}"`, 'incomeType', r.incomeType);
      knownType(`row "${r.id}"`, 'likelyIncomeType', r.likelyIncomeType);
    }
  }
}

function factsOf(condition: unknown): string[] {
  const c = condition as Record<string, unknown>;
  if (Array.isArray(c['all'])) return c['all'].flatMap(factsOf);
  if (Array.isArray(c['any'])) return c['any'].flatMap(factsOf);
  if (c['not'] !== undefined) return factsOf(c['not']);
  const value = c['value'];
  const fromValue = value !== null && typeof value === 'object' && !Array.isArray(value) ? [String((value as { fact: string }).fact)] : [];
  return [String(c['fact']), ...fromValue];
}
