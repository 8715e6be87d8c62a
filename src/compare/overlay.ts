/**
 * Overlays: a proposed change to the rules, as dated rule data (docs/compare.md). An overlay does not
 * replace rules/: it changes a few parameters of the rule set resolved for a month (every riksnorm
 * amount +N %, the jobbstimulans share), one input-side policy (the municipality's rent ceiling) and
 * can add one step the law does not have (a cap on the total aid per household, src/compare/aidCap.ts).
 *
 * Like a file in rules/ it is validated by a schema (every problem names the field), every value
 * carries its status and source, and it is in force only within its dated windows: a household whose
 * month no window covers gets NO_OVERLAY_FOR_PERIOD, never the nearest window.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { contentHash } from '../canonical.ts';
import { formatKronor, multiplyRatioHalfUp, ore, parseKronor, type Ore } from '../money/index.ts';
import { firstDayOf, type Period } from '../period/index.ts';
import type { Param, RiksnormTable, RuleSet, SourceRef, Status } from '../rulebook/types.ts';

const isoDate = z.string().regex(/^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/, 'expected a date YYYY-MM-DD');
const kronorString = z.string().regex(/^(0|[1-9][0-9]*)(\.[0-9]{1,2})?$/, 'expected kronor as a decimal string like "3490"');
/** A percentage as a decimal string with at most two decimals, e.g. "3", "-2.5"; above −100. */
const PERCENT = /^-?(0|[1-9][0-9]{0,2})(\.[0-9]{1,2})?$/;
const percentString = z
  .string()
  .regex(PERCENT, 'expected a percentage as a decimal string like "3" or "-2.5"')
  .refine((p) => !PERCENT.test(p) || Number(p) > -100, 'a percentage must be above -100');
const status = z.enum(['verified', 'derived', 'estimate']);
const sourced = { status, source: z.string().min(1), note: z.string().optional() };

const riksnormChange = z.strictObject({ percent: percentString, ...sourced });
const jobbstimulansChange = z.strictObject({
  disregardedShare: z.strictObject({ numerator: z.number().int().nonnegative(), denominator: z.number().int().positive() }).refine((r) => r.numerator <= r.denominator, 'the share must be at most 1'),
  ...sourced,
});
const rentCeilingChange = z.union([
  z.strictObject({ percent: percentString, ...sourced }),
  z.strictObject({ amount: kronorString, ...sourced }),
]);
const aidCapChange = z.strictObject({
  amount: kronorString,
  perAdditionalMember: kronorString.optional(),
  /** What the cap would rest on (a proposal, a decision of the nämnd): cited in the trace step and reason. */
  legalBasis: z.string().min(1),
  ...sourced,
});

const overlayWindow = z
  .strictObject({
    effectiveFrom: isoDate.refine((d) => d.endsWith('-01'), 'effectiveFrom must be the first day of a month'),
    effectiveTo: isoDate.nullable(),
    riksnorm: riksnormChange.optional(),
    jobbstimulans: jobbstimulansChange.optional(),
    rentCeiling: rentCeilingChange.optional(),
    aidCap: aidCapChange.optional(),
  })
  .refine((w) => w.riksnorm || w.jobbstimulans || w.rentCeiling || w.aidCap, 'a window must change something (riksnorm, jobbstimulans, rentCeiling or aidCap)');

export const overlayFileSchema = z.strictObject({
  overlay: z.literal(1, 'expected 1 (the overlay format version)'),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected an id of lower-case letters, digits and hyphens'),
  title: z.string().min(1),
  note: z.string().optional(),
  sources: z.record(z.string(), z.strictObject({ title: z.string().min(1), url: z.string().optional(), note: z.string().optional() })),
  values: z.array(overlayWindow).min(1),
});

export type OverlayFile = z.infer<typeof overlayFileSchema>;
export type OverlayWindow = OverlayFile['values'][number];

export interface Overlay {
  readonly id: string;
  readonly title: string;
  /** contentHash of the file's JSON (canonical: keys sorted), in every output line. */
  readonly hash: string;
  readonly file: OverlayFile;
}

/** The overlay file is unusable: every problem, each naming the field path. */
export class OverlayError extends Error {
  readonly problems: readonly string[];
  constructor(path: string, problems: readonly string[]) {
    super(`${path}: not a valid overlay:\n${problems.join('\n')}`);
    this.problems = problems.map((p) => `${path}: ${p}`);
  }
}

function lastDayOk(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate() === d;
}

/** Validates an overlay as parsed JSON: the schema, then windows, sources and amounts. */
export function parseOverlay(raw: unknown, path: string): Overlay {
  const parsed = overlayFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new OverlayError(path, parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(file)'}: ${i.message}`));
  }
  const file = parsed.data;
  const problems: string[] = [];
  const sorted = file.values.map((w, i) => ({ w, i })).sort((a, b) => a.w.effectiveFrom.localeCompare(b.w.effectiveFrom));
  for (const { w, i } of sorted) {
    if (w.effectiveTo !== null && (w.effectiveTo < w.effectiveFrom || !lastDayOk(w.effectiveTo))) {
      problems.push(`values.${i}.effectiveTo: must be the last day of a month on or after effectiveFrom`);
    }
    for (const [key, change] of Object.entries({ riksnorm: w.riksnorm, jobbstimulans: w.jobbstimulans, rentCeiling: w.rentCeiling, aidCap: w.aidCap })) {
      if (change && !(change.source in file.sources)) problems.push(`values.${i}.${key}.source: "${change.source}" is not listed under sources`);
    }
  }
  for (let k = 1; k < sorted.length; k++) {
    const prev = sorted[k - 1]!.w;
    if (prev.effectiveTo === null || prev.effectiveTo >= sorted[k]!.w.effectiveFrom) {
      problems.push(`values.${sorted[k]!.i}.effectiveFrom: the window overlaps the one from ${prev.effectiveFrom}`);
    }
  }
  if (problems.length > 0) throw new OverlayError(path, problems);
  return { id: file.id, title: file.title, hash: contentHash(raw), file };
}

export function loadOverlay(path: string): Overlay {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new OverlayError(path, [error instanceof SyntaxError ? `(file): not valid JSON (${error.message})` : '(file): cannot be read']);
  }
  return parseOverlay(raw, path);
}

/** The window in force on the first day of the month, or null (then the household gets NO_OVERLAY_FOR_PERIOD). */
export function overlayWindowFor(overlay: Overlay, period: Period): OverlayWindow | null {
  const date = firstDayOf(period);
  return overlay.file.values.find((w) => w.effectiveFrom <= date && (w.effectiveTo === null || date <= w.effectiveTo)) ?? null;
}

function sourceOf(overlay: Overlay, key: string): SourceRef {
  const s = overlay.file.sources[key]!;
  return { key: `overlay:${overlay.id}/${key}`, title: s.title, ...(s.url !== undefined ? { url: s.url } : {}), ...(s.note !== undefined ? { note: s.note } : {}) };
}

/** Hundredths of a per cent: "3" → 300, "-2.5" → -250 (exact, no floats). */
export function percentHundredths(percent: string): number {
  const negative = percent.startsWith('-');
  const [whole, frac = ''] = (negative ? percent.slice(1) : percent).split('.');
  const value = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  return negative ? -value : value;
}

/**
 * amount × (100 + percent) / 100, rounded half-up to whole kronor — the riksnorm and rent levels are
 * whole kronor, so a scaled level is too ("riksnorm +3 %": 3 940 kr → 4 058 kr, 4 058.2 rounded).
 */
export function scaleToWholeKronor(amount: Ore, percent: string): Ore {
  const wholeKronor = multiplyRatioHalfUp(amount, 10000 + percentHundredths(percent), 10000 * 100);
  return ore(wholeKronor * 100);
}

function scaled(p: Param, overlay: Overlay, change: { percent: string; status: Status; source: string }): Param {
  const value = formatKronor(scaleToWholeKronor(parseKronor(p.value)!, change.percent));
  return { id: `${p.id}@${overlay.id}`, value, status: change.status, source: sourceOf(overlay, change.source) };
}

function scaleRiksnorm(t: RiksnormTable, overlay: Overlay, change: NonNullable<OverlayWindow['riksnorm']>): RiksnormTable {
  return {
    ...t,
    title: `${t.title} ${Number(change.percent) >= 0 ? '+' : ''}${change.percent} % (${overlay.title})`,
    children: t.children.map((c) => ({ ...c, withLunch: scaled(c.withLunch, overlay, change), withoutLunch: c.withoutLunch && scaled(c.withoutLunch, overlay, change) })),
    single: scaled(t.single, overlay, change),
    cohabiting: scaled(t.cohabiting, overlay, change),
    common: t.common.map((c) => scaled(c, overlay, change)),
  };
}

/**
 * The rule set with the window's parameter changes. The overlay (id and hash) is added to `files`, so
 * the changed set has its own ruleSetVersion and says where it came from.
 */
export function applyOverlayToRules(rules: RuleSet, overlay: Overlay, window: OverlayWindow): RuleSet {
  let out: RuleSet = { ...rules, files: [...rules.files, `overlay:${overlay.id}#${overlay.hash}`] };
  if (window.riksnorm) out = { ...out, riksnorm: scaleRiksnorm(out.riksnorm, overlay, window.riksnorm) };
  if (window.jobbstimulans) {
    if (out.jobbstimulans === null) throw new Error(`overlay ${overlay.id}: jobbstimulans is not in force in this month, so its share cannot be changed`);
    const change = window.jobbstimulans;
    out = {
      ...out,
      jobbstimulans: {
        ...out.jobbstimulans,
        disregardedShare: { id: `${out.jobbstimulans.disregardedShare.id}@${overlay.id}`, value: { ...change.disregardedShare }, status: change.status, source: sourceOf(overlay, change.source) },
      },
    };
  }
  return out;
}

/** A change the overlay made to the household's input (the rent ceiling), reported on the output line. */
export interface InputChange {
  readonly field: string;
  readonly from: string | null;
  readonly to: string | null;
  readonly rule: string;
}

/**
 * The household with the overlay's input-side policy applied: the rent ceiling is the municipality's
 * reasonable level (circumstances.rentCeiling), given per household, so a new ceiling policy changes
 * it there (+N % of each household's level, or one level for all). A household without a ceiling keeps
 * none under a percentage change. The new level rests on the overlay, so the ceiling's basis
 * (circumstances.rentCeilingBasis, stated in a refusal) names it. Returns the same object when nothing
 * changes.
 */
export function applyOverlayToInput(raw: Record<string, unknown>, overlay: Overlay, window: OverlayWindow): { raw: Record<string, unknown>; changes: InputChange[] } {
  const change = window.rentCeiling;
  if (!change) return { raw, changes: [] };
  const circumstances = raw['circumstances'];
  const c = circumstances !== null && typeof circumstances === 'object' && !Array.isArray(circumstances) ? (circumstances as Record<string, unknown>) : {};
  const current = c['rentCeiling'];
  const from = typeof current === 'string' ? current : null;
  let to: string | null;
  if ('amount' in change) to = change.amount;
  else {
    const parsed = from === null ? null : parseKronor(from);
    if (parsed === null) return { raw, changes: [] }; // no ceiling, or one the engine will refuse as input
    to = formatKronor(scaleToWholeKronor(parsed, change.percent));
  }
  if (to === from) return { raw, changes: [] };
  return {
    raw: { ...raw, circumstances: { ...c, rentCeiling: to, rentCeilingBasis: `förslaget ${overlay.id} (${overlay.title})` } },
    changes: [{ field: 'circumstances.rentCeiling', from, to, rule: `${overlay.id}#rentCeiling` }],
  };
}
