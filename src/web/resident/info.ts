/**
 * The general information for residents (issues 12 and 29), for any month, read from rules/:
 *
 * - what holds whatever the amounts: the law in force and its references by topic, the cost types,
 *   and the rules that apply that month (aktivitetskrav, the läkarintyg duty, the 18–20 rule,
 *   children's exempt earnings, jobbstimulans), each read from its dated file in the rulebook;
 * - the riksnorm amounts: the month's own when its rules are published (then the self-check works
 *   too), otherwise the latest published table before the month, labelled with its own period and
 *   never presented as the month's; and when the month's rules are enacted but not published
 *   (rules/pending/), the date the change takes effect.
 *
 * No figure or rule is written here: when rules/ changes, the page changes with it.
 */
import type { RuleSetProvider } from '../../index.ts';
import { formatKronor, multiplyRatioHalfUp, parseKronor, subtract, type Ore } from '../../money/index.ts';
import { firstDayOf, formatPeriod, type Period } from '../../period/index.ts';
import type { Rulebook } from '../../rulebook/load.ts';
import { RuleLookupError } from '../../rulebook/resolve.ts';
import type { Param, RiksnormTable, Status } from '../../rulebook/types.ts';

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

/** One riksnorm table as the page shows it. */
export interface NormInfo {
  /** True when these are the amounts for the month asked for; false for the latest published table before it. */
  readonly forMonth: boolean;
  /** The table's window: first day and last day (null = open). */
  readonly effectiveFrom: string;
  readonly effectiveTo: string | null;
  readonly single: Amount;
  readonly cohabiting: Amount;
  readonly children: readonly ChildRow[];
  /** Gemensamma hushållskostnader for 1…7 persons. */
  readonly common: readonly Amount[];
  /** What each member above seven adds (the engine's rule: the 7-person minus the 6-person amount). */
  readonly commonPerExtraMember: string;
  /** True when any amount shown is a preliminary (estimate) value. */
  readonly hasEstimates: boolean;
}

export interface ActivityInfo {
  /** The first benefit month the requirement applies to, "YYYY-MM". */
  readonly from: string;
  /** Consecutive months with försörjningsstöd before it applies. */
  readonly months: number;
  /** Exemption codes in the rules' order, with the Swedish wording of rules/. */
  readonly exemptions: readonly { readonly code: string; readonly sv: string }[];
}

export interface ResidentInfo {
  readonly period: string;
  /** "SoL (2025:400)". */
  readonly law: string;
  /** Legal reference text by topic; a topic the month's references lack is absent. */
  readonly refs: Readonly<Record<string, string>>;
  /** The amounts shown: the month's, or the latest published before it, or null when no table precedes the month. */
  readonly norm: NormInfo | null;
  /** True when the month's rules are published: its amounts are shown and the self-check works. */
  readonly amountsPublished: boolean;
  /** The month's rules are enacted but not published (rules/pending/): the day they take effect, "YYYY-MM-DD". */
  readonly pendingFrom: string | null;
  /** Cost types accepted at the actual amount (skäliga kostnader), in the rules' order. */
  readonly reasonableCosts: readonly string[];
  /** Cost types a person assesses case by case (livsföring i övrigt and norm supplements). */
  readonly assessedCosts: readonly string[];
  readonly activity: ActivityInfo | null;
  /** The läkarintyg duty in force; afterDays only when rules/ holds the threshold as verified. */
  readonly medicalCertificate: { readonly from: string; readonly afterDays: number | null } | null;
  /**
   * Children's own earnings: the age limit (under maxAge + 1), the share of the prisbasbelopp and the
   * limit in kronor when the month's amounts are published and rules/ holds the year's prisbasbelopp.
   */
  readonly childrenEarnings: { readonly maxAge: number; readonly share: number; readonly year: number; readonly limit: string | null } | null;
  readonly jobbstimulans: { readonly percent: string; readonly months: number; readonly durationMonths: number } | null;
}

/** The topics the page cites, by the keys of rules/legal-references.json. */
export const CITED_TOPICS = [
  'rightToAssistance', 'labourMarket', 'ownMeans', 'riksnorm', 'normAmounts', 'reasonableCosts', 'livsforing', 'jobbstimulans', 'appealRoute', 'appealDeadline',
  'activityRequirement', 'medicalCertificate', 'childrenEarnings', 'householdMembers',
] as const;

/** The legal reference statuses a public page cites (rules/README.md: the law text was read). */
const PUBLIC_STATUSES: readonly string[] = ['verified', 'verified-single-source'];

interface Windowed {
  readonly effectiveFrom: string;
  readonly effectiveTo: string | null;
}

const covers = (w: Windowed, date: string): boolean => w.effectiveFrom <= date && (w.effectiveTo === null || date <= w.effectiveTo);
const inForce = <T extends Windowed>(items: readonly T[], date: string): T | undefined => items.find((i) => covers(i, date));

const amountOf = (p: Param): Amount => ({ amount: p.value, status: p.status });

function percentOf(numerator: number, denominator: number): string {
  // 25/100 → "25"; 1/3 → "33.33" (only for display; the engine computes with the fraction itself).
  const value = (numerator * 100) / denominator;
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

export function normInfo(table: RiksnormTable, forMonth: boolean): NormInfo {
  const six = parseKronor(table.common[5]!.value)!;
  const seven = parseKronor(table.common[6]!.value)!;
  const all = [table.single, table.cohabiting, ...table.common, ...table.children.flatMap((b) => (b.withoutLunch ? [b.withLunch, b.withoutLunch] : [b.withLunch]))];
  return {
    forMonth,
    effectiveFrom: table.effectiveFrom,
    effectiveTo: table.effectiveTo,
    single: amountOf(table.single),
    cohabiting: amountOf(table.cohabiting),
    children: table.children.map((b) => ({ minAge: b.minAge, maxAge: b.maxAge, withLunch: amountOf(b.withLunch), withoutLunch: b.withoutLunch ? amountOf(b.withoutLunch) : null })),
    common: table.common.map(amountOf),
    commonPerExtraMember: formatKronor(subtract(seven, six) as Ore),
    hasEstimates: all.some((p) => p.status === 'estimate'),
  };
}

/**
 * The amounts for the month, or the latest published table before it (resolved as the rules of that
 * table's last month, so it is exactly what the engine used then).
 */
function amountsFor(book: Rulebook, rulesFor: RuleSetProvider, municipality: string | null, period: Period): { norm: NormInfo | null; published: boolean } {
  try {
    return { norm: normInfo(rulesFor(period, municipality, null).rules.riksnorm, true), published: true };
  } catch (error) {
    if (!(error instanceof RuleLookupError)) throw error;
  }
  const date = firstDayOf(period);
  const before = book.riksnorm.filter((r) => r.data.effectiveTo !== null && r.data.effectiveTo < date).sort((a, b) => (a.data.effectiveFrom < b.data.effectiveFrom ? 1 : -1))[0];
  if (!before) return { norm: null, published: false };
  const lastMonth = { year: Number(before.data.effectiveTo!.slice(0, 4)), month: Number(before.data.effectiveTo!.slice(5, 7)) };
  try {
    return { norm: normInfo(rulesFor(lastMonth, municipality, null).rules.riksnorm, false), published: false };
  } catch (error) {
    if (error instanceof RuleLookupError) return { norm: null, published: false };
    throw error;
  }
}

/** The month's information, or null when rules/ has no legal references for it (before 2002). */
export function residentInfo(book: Rulebook, rulesFor: RuleSetProvider, municipality: string | null, period: Period): ResidentInfo | null {
  const date = firstDayOf(period);
  const legal = inForce(book.legal.data.versions, date);
  if (!legal) return null;
  const refs: Record<string, string> = {};
  for (const topic of CITED_TOPICS) {
    const ref = legal.refs[topic];
    // A public page cites only provisions whose text was read: an unverified or pending reference
    // (its paragraph number inferred, its SFS not found) stays in the caseworker's trace.
    if (ref && PUBLIC_STATUSES.includes(ref.status)) refs[topic] = ref.ref;
  }
  const { norm, published } = amountsFor(book, rulesFor, municipality, period);
  const pendingFile = published ? undefined : book.pending.rules.find((f) => covers(f.data, date) && f.data.rules.some((r) => r.status === 'pending' && r.blocksCalculation));
  const types = Object.entries(inForce(book.costTypes.data.values, date)?.types ?? {});

  const ar = inForce(book.activityRequirement.data.values, date);
  const mc = inForce(book.medicalCertificate.data.values, date);
  const ce = inForce(book.childrenEarnings.data.values, date);
  const pbb = inForce(book.prisbasbelopp.data.values, date);
  const js = inForce(book.jobbstimulans.data.values, date);
  const share = ce?.limitShareOfPrisbasbelopp;
  return {
    period: formatPeriod(period),
    law: legal.law,
    refs,
    norm,
    amountsPublished: published,
    pendingFrom: pendingFile ? pendingFile.data.effectiveFrom : null,
    reasonableCosts: types.filter(([, d]) => d.category === 'reasonable-cost').map(([t]) => t),
    assessedCosts: types.filter(([, d]) => d.category !== 'reasonable-cost').map(([t]) => t),
    activity: ar ? { from: ar.effectiveFrom.slice(0, 7), months: ar.qualifyingConsecutiveMonths.value, exemptions: ar.exemptions.map((e) => ({ code: e.code, sv: e.sv })) } : null,
    medicalCertificate: mc ? { from: mc.effectiveFrom.slice(0, 7), afterDays: mc.requiredAfterDays.status === 'verified' ? mc.requiredAfterDays.value : null } : null,
    childrenEarnings:
      ce && share
        ? {
            maxAge: ce.schoolYouthMaxAge,
            share: share.numerator / share.denominator,
            year: period.year,
            // A figure only with the month's published amounts: a month still pending shows none of its own.
            limit: published && pbb ? formatKronor(multiplyRatioHalfUp(parseKronor(pbb.amount)!, share.numerator, share.denominator)) : null,
          }
        : null,
    jobbstimulans: js
      ? { percent: percentOf(js.disregardedShare.numerator, js.disregardedShare.denominator), months: js.qualifyingConsecutiveMonths.value, durationMonths: js.durationMonths.value }
      : null,
  };
}
