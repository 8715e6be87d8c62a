/**
 * Classification of a registered payment (15 kap. 10–12 §§ SoL (2025:400) / 11 kap. 11–11 b §§ SoL
 * (2001:453): the agencies' data about the household): the agency income map in rules/ says, for
 * (agency, benefit[, subBenefit, amountType, amount]) in the agency's own words, whether the payment
 * is counted (as which income type), not counted (and why) or left to a person. Matching ignores case,
 * accents and spacing ("Studiehjalp" = "Studiehjälp"); the most specific matching row wins.
 *
 * Försäkringskassan reports many benefits under a family (formansfamilj: "Dagersättning",
 * "Pension/SA/Livräntor/Vårdbidrag") with the benefit itself as the förmån of the payment's detail row.
 * A family payment is classified by that förmån (the subBenefit), or failing that its amount type, as a
 * benefit of the same agency, through the rows that already exist; with neither recognisable it has no
 * row and a person classifies it, the family named.
 */
import { parseKronor, type Ore } from '../money/index.ts';
import type { AgencyBenefitFamily, AgencyIncomeMap, AgencyIncomeRow } from '../rulebook/types.ts';

const KEYS = new Map<string, string>();
const MAX_KEYS = 4096;

/** The matching key of an agency's words: no accents, lower case, single spaces (memoised: the same few benefit names recur). */
export function agencyKey(text: string | null | undefined): string {
  if (text === null || text === undefined) return '';
  let key = KEYS.get(text);
  if (key === undefined) {
    key = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
    if (KEYS.size >= MAX_KEYS) KEYS.clear();
    KEYS.set(text, key);
  }
  return key;
}

interface IndexedRow {
  readonly row: AgencyIncomeRow;
  readonly sub: string;
  readonly amountType: string;
  readonly amounts: readonly Ore[] | null;
  /**
   * An amount type ("Avdrag Soc") decides whatever the sub-benefit; a sub-benefit is more specific than
   * an amount the payment happens to have; any condition is more specific than the benefit alone.
   */
  readonly weight: number;
}

interface Index {
  readonly rows: Map<string, IndexedRow[]>;
  readonly families: Map<string, AgencyBenefitFamily>;
}

const INDEXES = new WeakMap<AgencyIncomeMap, Index>();

function indexOf(map: AgencyIncomeMap): Index {
  let index = INDEXES.get(map);
  if (index) return index;
  const rows = new Map<string, IndexedRow[]>();
  for (const row of map.rows) {
    const key = `${row.agency}|${agencyKey(row.benefit)}`;
    const entry: IndexedRow = {
      row,
      sub: agencyKey(row.subBenefit),
      amountType: agencyKey(row.amountType),
      amounts: row.netAmounts === null ? null : row.netAmounts.map((a) => parseKronor(a)!),
      weight: (row.netAmounts !== null ? 1 : 0) + (row.subBenefit !== null ? 2 : 0) + (row.amountType !== null ? 4 : 0),
    };
    const list = rows.get(key);
    if (list) list.push(entry);
    else rows.set(key, [entry]);
  }
  const families = new Map((map.families ?? []).map((f) => [`${f.agency}|${agencyKey(f.benefit)}`, f]));
  index = { rows, families };
  INDEXES.set(map, index);
  return index;
}

/** The most specific row keyed on exactly this benefit, or null. */
function rowFor(index: Index, agency: string, benefit: string, subBenefit: string | null, amountType: string | null, net: Ore | null): AgencyIncomeRow | null {
  const candidates = index.rows.get(`${agency}|${agencyKey(benefit)}`);
  if (!candidates) return null;
  const sub = agencyKey(subBenefit);
  const type = agencyKey(amountType);
  let best: IndexedRow | null = null;
  for (const c of candidates) {
    if (c.sub !== '' && c.sub !== sub) continue;
    if (c.amountType !== '' && c.amountType !== type) continue;
    if (c.amounts !== null && (net === null || !c.amounts.includes(net))) continue;
    if (best === null || c.weight > best.weight) best = c;
  }
  return best?.row ?? null;
}

/** How a payment was classified: by its own benefit, or (a family) by its förmån or its amount type. */
export type MatchedOn = 'benefit' | 'subBenefit' | 'amountType';

export interface Classification {
  /** The row that classifies the payment, or null (UNHANDLED_INCOME). */
  readonly row: AgencyIncomeRow | null;
  /** The family the payment's benefit is, or null. */
  readonly family: AgencyBenefitFamily | null;
  readonly matchedOn: MatchedOn | null;
}

/** The family a benefit name is (Försäkringskassan's formansfamilj), or null. */
export function familyOf(map: AgencyIncomeMap, agency: string, benefit: string): AgencyBenefitFamily | null {
  return indexOf(map).families.get(`${agency}|${agencyKey(benefit)}`) ?? null;
}

/**
 * Classifies a payment: a row keyed on its own benefit; for a family, rows keyed on the family itself
 * first (none need exist), then its förmån (subBenefit) as a benefit of the agency, then its amount type
 * ("Dagersättning" / "Arbetsmarknadspolitiskt program" / "Aktivitetsstöd" is aktivitetsstöd).
 */
export function classifyRegistered(map: AgencyIncomeMap, agency: string, benefit: string, subBenefit: string | null, amountType: string | null, net: Ore | null): Classification {
  const index = indexOf(map);
  const family = index.families.get(`${agency}|${agencyKey(benefit)}`) ?? null;
  const own = rowFor(index, agency, benefit, subBenefit, amountType, net);
  if (own !== null) return { row: own, family, matchedOn: 'benefit' };
  if (family === null) return { row: null, family: null, matchedOn: null };
  if (subBenefit !== null && agencyKey(subBenefit) !== agencyKey(benefit)) {
    const bySub = rowFor(index, agency, subBenefit, subBenefit, amountType, net);
    if (bySub !== null) return { row: bySub, family, matchedOn: 'subBenefit' };
  }
  if (amountType !== null && agencyKey(amountType) !== agencyKey(benefit)) {
    const byType = rowFor(index, agency, amountType, null, null, net);
    if (byType !== null) return { row: byType, family, matchedOn: 'amountType' };
  }
  return { row: null, family, matchedOn: null };
}

/** The row that classifies a payment, or null when the map does not know it (UNHANDLED_INCOME). */
export function classifyPayment(map: AgencyIncomeMap, agency: string, benefit: string, subBenefit: string | null, amountType: string | null, net: Ore | null = null): AgencyIncomeRow | null {
  return classifyRegistered(map, agency, benefit, subBenefit, amountType, net).row;
}
