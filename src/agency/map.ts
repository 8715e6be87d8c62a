/**
 * Classification of a registered payment (15 kap. 10–12 §§ SoL (2025:400) / 11 kap. 11–11 b §§ SoL
 * (2001:453): the agencies' data about the household): the agency income map in rules/ says, for
 * (agency, benefit[, subBenefit, amountType]) in the agency's own words, whether the payment is
 * counted (as which income type), not counted (and why) or left to a person. Matching ignores case,
 * accents and spacing ("Studiehjalp" = "Studiehjälp"); the most specific matching row wins.
 */
import type { AgencyIncomeMap, AgencyIncomeRow } from '../rulebook/types.ts';

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
  /** amountType weighs more than subBenefit: an amount type like "Avdrag Soc" decides whatever the sub-benefit. */
  readonly weight: number;
}

const INDEXES = new WeakMap<AgencyIncomeMap, Map<string, IndexedRow[]>>();

function indexOf(map: AgencyIncomeMap): Map<string, IndexedRow[]> {
  let index = INDEXES.get(map);
  if (index) return index;
  index = new Map();
  for (const row of map.rows) {
    const key = `${row.agency}|${agencyKey(row.benefit)}`;
    const entry: IndexedRow = {
      row,
      sub: agencyKey(row.subBenefit),
      amountType: agencyKey(row.amountType),
      weight: (row.subBenefit !== null ? 1 : 0) + (row.amountType !== null ? 2 : 0),
    };
    const list = index.get(key);
    if (list) list.push(entry);
    else index.set(key, [entry]);
  }
  INDEXES.set(map, index);
  return index;
}

/** The row that classifies a payment, or null when the map does not know the benefit (UNHANDLED_INCOME). */
export function classifyPayment(map: AgencyIncomeMap, agency: string, benefit: string, subBenefit: string | null, amountType: string | null): AgencyIncomeRow | null {
  const candidates = indexOf(map).get(`${agency}|${agencyKey(benefit)}`);
  if (!candidates) return null;
  const sub = agencyKey(subBenefit);
  const type = agencyKey(amountType);
  let best: IndexedRow | null = null;
  for (const c of candidates) {
    if (c.sub !== '' && c.sub !== sub) continue;
    if (c.amountType !== '' && c.amountType !== type) continue;
    if (best === null || c.weight > best.weight) best = c;
  }
  return best?.row ?? null;
}
