/**
 * The general information for residents (issue 12), read from the month's resolved rule set: the
 * riksnorm amounts per member type, the cost types outside the norm (skäliga kostnader at the actual
 * amount; livsföring i övrigt after assessment), jobbstimulans, and the legal references by topic.
 * No figure is written here: when rules/ changes for a year, the page changes with it.
 */
import { formatKronor, parseKronor, subtract, type Ore } from '../../money/index.ts';
import type { Param, RuleSet, Status } from '../../rulebook/types.ts';

export interface Amount {
  /** Kronor string from rules/ ("3940"). */
  readonly amount: string;
  readonly status: Status;
}

export interface ChildRow {
  readonly minAge: number;
  readonly maxAge: number;
  readonly withLunch: Amount;
  /** The "utan lunch" amount (a child 0–6 who eats lunch at förskola), or null when the table has none. */
  readonly withoutLunch: Amount | null;
}

export interface ResidentInfo {
  readonly law: string;
  readonly normTitle: string;
  readonly normLegalBasis: string;
  readonly single: Amount;
  readonly cohabiting: Amount;
  readonly children: readonly ChildRow[];
  /** Gemensamma hushållskostnader for 1…7 persons. */
  readonly common: readonly Amount[];
  /** What each member above seven adds (the engine's rule: the 7-person minus the 6-person amount). */
  readonly commonPerExtraMember: string;
  /** Cost types accepted at the actual amount (skäliga kostnader), in the rules' order. */
  readonly reasonableCosts: readonly string[];
  /** Cost types a person assesses case by case (livsföring i övrigt and norm supplements). */
  readonly assessedCosts: readonly string[];
  readonly jobbstimulans: { readonly percent: string; readonly months: number; readonly durationMonths: number } | null;
  /** True when any norm amount shown is a preliminary (estimate) value. */
  readonly hasEstimates: boolean;
  /** Legal reference text by topic; a topic the month's rules lack is absent. */
  readonly refs: Readonly<Record<string, string>>;
}

/** The topics the page cites, by the keys of rules/legal-references.json. */
export const CITED_TOPICS = ['rightToAssistance', 'labourMarket', 'ownMeans', 'riksnorm', 'normAmounts', 'reasonableCosts', 'livsforing', 'jobbstimulans', 'appealRoute', 'appealDeadline'] as const;

const amountOf = (p: Param): Amount => ({ amount: p.value, status: p.status });

function percentOf(numerator: number, denominator: number): string {
  // 25/100 → "25"; 1/3 → "33.33" (only for display; the engine computes with the fraction itself).
  const value = (numerator * 100) / denominator;
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

export function residentInfo(rules: RuleSet): ResidentInfo {
  const table = rules.riksnorm;
  const children = table.children.map((b) => ({ minAge: b.minAge, maxAge: b.maxAge, withLunch: amountOf(b.withLunch), withoutLunch: b.withoutLunch ? amountOf(b.withoutLunch) : null }));
  const common = table.common.map(amountOf);
  const six = parseKronor(table.common[5]!.value)!;
  const seven = parseKronor(table.common[6]!.value)!;
  const all = [table.single, table.cohabiting, ...table.common, ...table.children.flatMap((b) => (b.withoutLunch ? [b.withLunch, b.withoutLunch] : [b.withLunch]))];
  const types = Object.entries(rules.costTypes);
  const refs: Record<string, string> = {};
  for (const topic of CITED_TOPICS) {
    const ref = rules.legal.refs[topic];
    if (ref) refs[topic] = ref.ref;
  }
  const j = rules.jobbstimulans;
  return {
    law: rules.legal.law,
    normTitle: table.title,
    normLegalBasis: table.legalBasis,
    single: amountOf(table.single),
    cohabiting: amountOf(table.cohabiting),
    children,
    common,
    commonPerExtraMember: formatKronor(subtract(seven, six) as Ore),
    reasonableCosts: types.filter(([, d]) => d.category === 'reasonable-cost').map(([t]) => t),
    assessedCosts: types.filter(([, d]) => d.category !== 'reasonable-cost').map(([t]) => t),
    jobbstimulans: j
      ? { percent: percentOf(j.disregardedShare.value.numerator, j.disregardedShare.value.denominator), months: j.qualifyingConsecutiveMonths.value, durationMonths: j.durationMonths.value }
      : null,
    hasEstimates: all.some((p) => p.status === 'estimate'),
    refs,
  };
}
