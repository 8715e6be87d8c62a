/**
 * The municipality's own guideline (riktlinjer för ekonomiskt bistånd, issue 24): what the nämnd has
 * decided is a reasonable cost (skälig kostnad, 12 kap. 7 § första stycket 2 SoL (2025:400) / 4 kap.
 * 3 § första stycket 2 SoL (2001:453)) and on which conditions it grants costs of livsföring i övrigt
 * (12 kap. 1 § / 4 kap. 1 §). Each step below reads one part of rules/municipal/<kommunkod>.json's
 * `guideline` and returns what it allows, with the citation of the nämnd's decision. A part whose
 * status is "pending" is not used: the cost is then handled as without a guideline.
 *
 * Nothing here reads a clock or a locale; amounts are integer öre.
 */
import type { Context } from '../context.ts';
import { add, formatKronor, multiplyRatioHalfUp, parseKronor, type Ore } from '../money/index.ts';
import type { MemberAssessment } from '../norm/index.ts';
import type { Guideline, GuidelineCostCeiling, GuidelineItem, GuidelineRentCeiling, GuidelineSourced } from '../rulebook/types.ts';
import type { TraceParam } from '../trace/index.ts';

/** The household as a guideline's tables count it: adults (applicant, partner) and children in the case. */
export interface GuidelineHousehold {
  readonly adults: number;
  readonly children: number;
  readonly persons: number;
  /** Every adult is under 25 (a table may have lower rows for them). */
  readonly allAdultsUnder25: boolean;
}

/** A kronor string from the guideline (checked by the schema when the rules were loaded). */
function kr(text: string): Ore {
  return parseKronor(text)!;
}

export function guidelineOf(ctx: Context): Guideline | null {
  return ctx.rules.municipal.guideline ?? null;
}

/** A part of the guideline the calculation may use: every status but "pending". */
export function usable<T extends GuidelineSourced>(part: T | null | undefined): part is T {
  return part !== null && part !== undefined && part.status !== 'pending';
}

export function guidelineHousehold(assessments: ReadonlyMap<string, MemberAssessment>): GuidelineHousehold {
  let adults = 0;
  let children = 0;
  let under25 = true;
  for (const a of assessments.values()) {
    if (a.kind === 'applicant' || a.kind === 'partner') {
      adults++;
      if (a.age >= 25) under25 = false;
    } else if (a.kind === 'child') children++;
  }
  return { adults, children, persons: adults + children, allAdultsUnder25: adults > 0 && under25 };
}

/** "Socialnämnden i Trelleborgs kommun, beslut 2018-12-12 § 123, Riktlinjer för ekonomiskt bistånd 2019": the citation every reason carries. */
export function guidelineCitation(g: Guideline): string {
  const d = g.decision;
  const decided = d.date === null ? '' : `, beslut ${d.date}${d.reference === null ? '' : ` ${d.reference}`}`;
  return `${d.body}${decided}, ${d.title}`;
}

export function guidelineParam(id: string, value: string, part: GuidelineSourced): TraceParam {
  return { id, value, status: part.status, source: part.source.title };
}

export interface GuidelineRent {
  readonly ceiling: Ore;
  /** The basis in words, for the reason: the decision, the table and the row used. */
  readonly basis: string;
  readonly params: readonly TraceParam[];
}

const EXCLUDES_SV: Readonly<Record<string, string>> = {
  parking: 'parkering',
  garage: 'garage',
  storage: 'extra förråd',
  'household-electricity': 'hushållsel',
  heating: 'värme',
};

function listSv(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} och ${words[words.length - 1]}`;
}

/**
 * The rent ceiling from a household table (the nämnd's own, or Försäkringskassan's average housing
 * cost): the row for the adults and children; more children than the largest row add perFurtherChild
 * each. Under-25 rows apply when every adult is under 25 and the table has them. null: no row fits.
 */
export function rentCeilingFromTable(r: GuidelineRentCeiling, h: GuidelineHousehold): { amount: Ore; row: string } | null {
  const young = h.allAdultsUnder25 && r.table.some((t) => t.under25);
  const rows = r.table.filter((t) => t.adults === h.adults && t.under25 === young);
  let best: (typeof rows)[number] | undefined;
  for (const t of rows) if (t.children <= h.children && (best === undefined || t.children > best.children)) best = t;
  if (best === undefined) return null;
  const further = h.children - best.children;
  if (further > 0 && r.perFurtherChild === null) return null;
  const amount = further === 0 ? kr(best.amount) : add(kr(best.amount), multiplyRatioHalfUp(kr(r.perFurtherChild!), further, 1));
  const row = `${h.adults} ${h.adults === 1 ? 'vuxen' : 'vuxna'}, ${h.children} barn${young ? ', under 25 år' : ''}`;
  return { amount, row };
}

/** The rent ceiling by rooms: the household gives the rooms (roomsFor), the rooms the ceiling. */
export function rentCeilingFromRooms(r: GuidelineRentCeiling, h: GuidelineHousehold): { amount: Ore; row: string } | null {
  const rule = r.roomsFor.find((f) => f.adults === h.adults && f.minChildren <= h.children && (f.maxChildren === null || h.children <= f.maxChildren));
  if (rule === undefined) return null;
  const size = r.rooms.find((x) => x.rooms === rule.rooms);
  if (size === undefined) return null;
  return { amount: kr(size.amount), row: `${rule.rooms} rum och kök${size.squareMetres === null ? '' : ` (${size.squareMetres} m²)`}` };
}

/**
 * Step: the reasonable rent from the guideline, when the caseworker typed no ceiling. The basis names
 * the nämnd's decision, the table, the row, and what the rent is compared without.
 */
export function guidelineRentCeiling(ctx: Context, assessments: ReadonlyMap<string, MemberAssessment>): GuidelineRent | null {
  const g = guidelineOf(ctx);
  const r = g?.rentCeiling;
  if (g === null || !usable(r) || !usable(g.decision)) return null;
  const h = guidelineHousehold(assessments);
  if (h.adults === 0) return null;
  const found = r.basis === 'rooms' ? rentCeilingFromRooms(r, h) : rentCeilingFromTable(r, h);
  if (found === null) return null;
  const excludes = r.excludes.map((e) => EXCLUDES_SV[e] ?? e);
  const basis = `${guidelineCitation(g)}: ${r.title}, ${found.row}${excludes.length > 0 ? `; hyran räknas utan ${listSv(excludes)}` : ''}`;
  const d = g.decision;
  const decided = `${d.body}${d.date === null ? '' : `, ${d.date}`}${d.reference === null ? '' : ` ${d.reference}`}: ${d.title}`;
  const params = ctx.trace.enabled ? [guidelineParam(`${g.id}#rent-ceiling`, formatKronor(found.amount), r), guidelineParam(`${g.id}#decision`, decided, d)] : [];
  return { ceiling: found.amount, basis, params };
}

/** Step: the fixed ceiling for one cost type by the household's size (the last row covers larger households). */
export function guidelineCostCeiling(ctx: Context, type: string, h: GuidelineHousehold): { ceiling: Ore; rule: GuidelineCostCeiling; basis: string } | null {
  const g = guidelineOf(ctx);
  if (g === null || !usable(g.decision)) return null;
  const rule = g.costCeilings[type];
  if (!usable(rule)) return null;
  let row: (typeof rule.amounts)[number] | undefined;
  for (const a of rule.amounts) if (a.persons <= h.persons && (row === undefined || a.persons > row.persons)) row = a;
  if (row === undefined) return null;
  return { ceiling: kr(row.amount), rule, basis: guidelineCitation(g) };
}

/** What the guideline says about one item of livsföring i övrigt. */
export type ItemVerdict =
  | { readonly kind: 'accept'; readonly accepted: Ore; readonly reference: Ore | null; readonly rule: GuidelineItem; readonly basis: string }
  | { readonly kind: 'person'; readonly unmet: 'long-term' | 'cost-estimate' | 'review-threshold' | 'above-reference'; readonly rule: GuidelineItem; readonly basis: string };

/**
 * Step: an item of livsföring i övrigt under the guideline's conditions. Met (long-term aid when
 * required, no prior cost estimate required, at most the review threshold): accepted up to the price
 * reference. An amount above the reference, or an unmet condition, goes to a person as without a
 * guideline: the guideline does not say the rest is refused, so the engine does not refuse it.
 * null: the guideline has nothing usable for this item.
 */
export function guidelineItem(ctx: Context, type: string, claimed: Ore): ItemVerdict | null {
  const g = guidelineOf(ctx);
  if (g === null || !usable(g.decision)) return null;
  const rule = g.items[type];
  if (!usable(rule)) return null;
  const basis = guidelineCitation(g);
  if (rule.longTermOnly) {
    const months = ctx.household.circumstances.consecutiveMonthsOnAssistance;
    const need = g.longTermMonths;
    if (need === null || need.status === 'pending' || months === null || months < need.value) return { kind: 'person', unmet: 'long-term', rule, basis };
  }
  if (rule.costEstimateRequired) return { kind: 'person', unmet: 'cost-estimate', rule, basis };
  if (rule.reviewAbove !== null && claimed > kr(rule.reviewAbove)) return { kind: 'person', unmet: 'review-threshold', rule, basis };
  const reference = rule.reference === null ? null : kr(rule.reference);
  if (reference !== null && claimed > reference) return { kind: 'person', unmet: 'above-reference', rule, basis };
  return { kind: 'accept', accepted: claimed, reference, rule, basis };
}
