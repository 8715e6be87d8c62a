/**
 * One side of a comparison (base or reform): which rules, which month and which overlay.
 *
 * A spec on the command line is one or more parts separated by commas:
 * - `YYYY-MM`: that month's rules applied to every household (the household's period is replaced);
 * - a rules directory (validated like rules/);
 * - an overlay file (src/compare/overlay.ts);
 * - `current`: today's rules directory (--rules, $BISTAND_RULES or rules/), each household's own month;
 * - `guideline:KEY`: the municipal policy and guideline of rules/municipal/KEY.json for every household,
 *   whatever its kommunkod (`guideline:examples/malmo-2019`, `guideline:1287`): one guideline set
 *   against another over the same population (issue 24).
 * e.g. `2026-03`, `rules-2027/`, `reform.json`, `2026-03,reform.json`, `2019-06,guideline:examples/malmo-2019`.
 */
import { statSync } from 'node:fs';
import type { FiguresOf } from '../batch/line.ts';
import { evaluateHousehold, type RuleSetProvider } from '../index.ts';
import type { Household, InputIssue } from '../household/types.ts';
import { formatPeriod, parsePeriod, type Period } from '../period/index.ts';
import { loadRulebook } from '../rulebook/load.ts';
import { coverage, RuleLookupError, RuleSetCache, versionRuleSet } from '../rulebook/resolve.ts';
import { renderProblems } from '../explain/problems.ts';
import type { VersionedRuleSet } from '../rulebook/types.ts';
import type { RecordedStep } from '../trace/index.ts';
import { applyAidCap } from './aidCap.ts';
import { applyOverlayToInput, applyOverlayToRules, loadOverlay, overlayWindowFor, type InputChange, type Overlay, type OverlayWindow } from './overlay.ts';

/** A side as plain data (sent to the worker threads). */
export interface ScenarioSpec {
  /** As given on the command line. */
  readonly label: string;
  readonly rulesDir: string;
  /** Replaces every household's period, or null for the household's own. */
  readonly period: string | null;
  readonly overlayPath: string | null;
  /** The overlay's hash (checked again when a worker loads it), or null. */
  readonly overlayHash: string | null;
  /** The municipal file (rules/municipal/KEY.json) every household is calculated under, or absent/null for its own. */
  readonly guideline?: string | null;
}

export class SpecError extends Error {}

function kindOf(part: string): 'period' | 'current' | 'dir' | 'file' | 'guideline' {
  if (/^[0-9]{4}-[0-9]{2}$/.test(part)) return 'period';
  if (part.startsWith('guideline:')) return 'guideline';
  if (part === 'current') return 'current';
  let st;
  try {
    st = statSync(part);
  } catch {
    throw new SpecError(`"${part}" is not a month YYYY-MM, "current", a rules directory or an overlay file (no such file)`);
  }
  return st.isDirectory() ? 'dir' : 'file';
}

/** Parses a spec; loads and validates an overlay (OverlayError) but not a rules directory (the caller does). */
export function parseScenarioSpec(text: string, defaultRulesDir: string, option: string): ScenarioSpec {
  if (text.trim() === '') throw new SpecError(`${option}: expected a month YYYY-MM, a rules directory or an overlay file`);
  let rulesDir: string | null = null;
  let period: string | null = null;
  let overlay: Overlay | null = null;
  let overlayPath: string | null = null;
  let guideline: string | null = null;
  for (const part of text.split(',')) {
    const kind = kindOf(part);
    if (kind === 'guideline') {
      const key = part.slice('guideline:'.length);
      if (!/^(default|[0-9]{4}|examples\/[a-z0-9-]+)$/.test(key)) throw new SpecError(`${option}: "${part}" names no municipal file (expected guideline:<kommunkod>, guideline:default or guideline:examples/<name>)`);
      if (guideline !== null) throw new SpecError(`${option}: more than one guideline`);
      guideline = key;
    } else if (kind === 'period') {
      if (parsePeriod(part) === null) throw new SpecError(`${option}: "${part}" is not a month YYYY-MM`);
      if (period !== null) throw new SpecError(`${option}: more than one month`);
      period = part;
    } else if (kind === 'dir' || kind === 'current') {
      if (rulesDir !== null) throw new SpecError(`${option}: more than one rules directory`);
      rulesDir = kind === 'dir' ? part : defaultRulesDir;
    } else {
      if (overlayPath !== null) throw new SpecError(`${option}: more than one overlay`);
      overlayPath = part;
      overlay = loadOverlay(part);
    }
  }
  return { label: text, rulesDir: rulesDir ?? defaultRulesDir, period, overlayPath, overlayHash: overlay?.hash ?? null, ...(guideline === null ? {} : { guideline }) };
}

export type SideResult =
  | {
      readonly ok: true;
      /** The figures and codes a comparison reads (a fresh decision's data or a recorded decision). */
      readonly decision: FiguresOf;
      readonly steps: readonly RecordedStep[];
      readonly household: Household;
      readonly inputChanges: readonly InputChange[];
    }
  | { readonly ok: false; readonly issues: readonly InputIssue[]; readonly caseId: string | null };

export interface Scenario {
  readonly spec: ScenarioSpec;
  readonly overlay: Overlay | null;
  /** Evaluates one household (as parsed JSON; not modified). */
  evaluate(raw: unknown): SideResult;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Loads the side's rules (and overlay) once; then evaluates households. */
export function buildScenario(spec: ScenarioSpec): Scenario {
  const book = loadRulebook(spec.rulesDir);
  const forced = spec.guideline ?? null;
  if (forced !== null && !book.municipal.has(forced)) throw new SpecError(`${spec.label}: rules/municipal/${forced}.json does not exist in ${spec.rulesDir}`);
  const base = new RuleSetCache(book);
  // With guideline:KEY every household is calculated under that municipal file, whatever its kommunkod.
  const cache = forced === null ? base : { get: (p: Period, _m: string | null, d: string | null) => base.get(p, forced, d) };
  const overlay = spec.overlayPath === null ? null : loadOverlay(spec.overlayPath);
  if (overlay && overlay.hash !== spec.overlayHash) throw new Error(`${spec.overlayPath} changed while the comparison was starting`);
  const changed = new Map<string, VersionedRuleSet>();

  const rulesWith = (window: OverlayWindow | null): RuleSetProvider => {
    if (overlay === null || window === null) return (p, m, d) => cache.get(p, m, d);
    const w = window;
    return (p: Period, m: string | null, d: string | null) => {
      const plain = cache.get(p, m, d);
      const key = `${plain.version}|${w.effectiveFrom}`;
      let hit = changed.get(key);
      if (!hit) {
        if (w.jobbstimulans && plain.rules.jobbstimulans === null) {
          throw new RuleLookupError('period', 'jobbstimulans', formatPeriod(p), coverage(book.jobbstimulans.data.values), `the overlay ${overlay.id} changes jobbstimulans, which is not in force in this month`);
        }
        hit = versionRuleSet(applyOverlayToRules(plain.rules, overlay, w));
        changed.set(key, hit);
      }
      return hit;
    };
  };

  return {
    spec,
    overlay,
    evaluate(raw: unknown): SideResult {
      let input = raw;
      let inputChanges: readonly InputChange[] = [];
      let window: OverlayWindow | null = null;
      if (isObject(raw)) {
        let obj = spec.period !== null ? { ...raw, period: spec.period } : raw;
        if (overlay !== null) {
          const period = typeof obj['period'] === 'string' ? parsePeriod(obj['period']) : null;
          window = period === null ? null : overlayWindowFor(overlay, period);
          if (period !== null && window === null) {
            const caseId = typeof obj['caseId'] === 'string' ? obj['caseId'] : null;
            return { ok: false, caseId, issues: [{ path: 'period', code: 'NO_OVERLAY_FOR_PERIOD', message: `the overlay ${overlay.id} has no window in force in ${String(obj['period'])}` }] };
          }
          if (window !== null) {
            const applied = applyOverlayToInput(obj, overlay, window);
            obj = applied.raw;
            inputChanges = applied.changes;
          }
        }
        input = obj;
      }
      const result = evaluateHousehold(input, rulesWith(window));
      if (!result.ok) return { ok: false, issues: renderProblems(result.issues), caseId: result.caseId };
      const { decision, household } = result;
      if (overlay === null || window === null || !window.aidCap) return { ok: true, decision, steps: decision.trace, household, inputChanges };
      const capped = applyAidCap(decision, overlay, window.aidCap);
      return { ok: true, decision: capped.decision, steps: [...decision.trace, capped.step], household, inputChanges };
    },
  };
}
