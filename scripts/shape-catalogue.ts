/**
 * The trace shapes the engine produces, compared with its shape catalogue (src/trace/shapes.ts).
 *
 *   npx tsx scripts/shape-catalogue.ts          print the catalogue entries to append for every shape
 *                                               the engine produces on the fixtures and generated
 *                                               households that the catalogue does not have (exit 1
 *                                               when there are any)
 *   npx tsx scripts/shape-catalogue.ts --lock   append the catalogue's new entries to the lock
 *                                               (test/trace/shape-catalogue.lock.json); refuses when an
 *                                               entry already in the lock was changed
 *
 * test/trace/shape-catalogue.test.ts runs the same comparisons. When a shape is missing, append the
 * printed lines to SHAPE_CATALOGUE (new ids at the end; an entry already there is never changed),
 * then run with --lock and commit both files.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lines, monthlyLines } from '../bench/generate.ts';
import { evaluateHousehold, loadRulebook, RuleSetCache } from '../src/index.ts';
import { membersOf } from '../src/monthly/previous.ts';
import { proposeMonthlyData, type Mode } from '../src/monthly/propose.ts';
import type { RuleSet } from '../src/rulebook/types.ts';
import type { RecordedDecision } from '../src/store/serialize.ts';
import type { StepData } from '../src/trace/index.ts';
import { findShape, shapeKey, SHAPE_CATALOGUE, type Shape, type ShapeEntry } from '../src/trace/shapes.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Months the generated households are evaluated for: every law, norm table and rule change the engine knows. */
export const OBSERVED_PERIODS = ['2014-02', '2017-06', '2021-09', '2023-03', '2024-12', '2025-08', '2026-03', '2026-07', '2026-11'] as const;

export interface ObservedShape {
  readonly shape: Shape;
  /** Each step of this shape as seen: its rule and inputs (for the rule template). */
  readonly seen: { readonly rule: string; readonly inputs: Readonly<Record<string, unknown>> }[];
  /** Where it was first seen (a fixture or a generated household). */
  readonly where: string;
}

/**
 * Every decision the engine gives on fixtures/*.json and `perPeriod` generated households (with and
 * without agency data) of each OBSERVED_PERIODS month, and the monthly proposals of `perPeriod`
 * generated cases (recommend mode, and automatic mode under a delegation), with the rules of each:
 * what the trace shape catalogue and the record shape catalogue (scripts/record-shapes.ts) must cover.
 */
export function observedDecisions(perPeriod = 60): { where: string; decision: RecordedDecision; rules: RuleSet }[] {
  const cache = new RuleSetCache(loadRulebook(`${ROOT}rules`));
  const rulesFor = (p: Parameters<RuleSetCache['get']>[0], m: string | null, d: string | null = null) => cache.get(p, m, d);
  const out: { where: string; decision: RecordedDecision; rules: RuleSet }[] = [];
  const evaluate = (raw: unknown) => {
    const r = evaluateHousehold(raw, rulesFor);
    return r.ok && r.ruleSet !== null ? { decision: r.decision, rules: r.ruleSet.rules } : null;
  };
  const add = (where: string, raw: unknown): void => {
    const r = evaluate(raw);
    if (r) out.push({ where, ...r });
  };
  for (const name of readdirSync(`${ROOT}fixtures`).filter((f) => f.endsWith('.json')).sort()) add(`fixtures/${name}`, JSON.parse(readFileSync(`${ROOT}fixtures/${name}`, 'utf8')));
  for (const period of OBSERVED_PERIODS) {
    for (const registered of [false, true]) {
      let i = 0;
      for (const text of lines(perPeriod, 11, period, 0, registered)) add(`generated ${period}${registered ? ' --registered' : ''} #${++i}`, JSON.parse(text));
    }
  }
  const withDelegation = (r: RuleSet): RuleSet => ({
    ...r,
    municipal: { ...r.municipal, automatedDecisionDelegation: { id: 'municipal/observed#automated-decision-delegation', value: 'Socialnämnden 2026-01-20 § 5', status: 'verified', source: { key: 'observed', title: 'observed' } } },
  });
  // Generated cases of two months, and households with agency data against themselves a month before.
  const pairs: { previous: string | null; current: string }[] = [...monthlyLines(perPeriod, 11, '2026-03')];
  for (const text of lines(perPeriod, 12, '2026-03', 0, true)) pairs.push({ previous: JSON.stringify({ ...JSON.parse(text), period: '2026-02' }), current: text });
  let i = 0;
  for (const pair of pairs) {
    i++;
    const raw = JSON.parse(pair.current) as Record<string, unknown>;
    // Some without the day the application arrived (dueOn unknown).
    const receivedOn = typeof raw['receivedOn'] === 'string' && i % 7 !== 0 ? raw['receivedOn'] : null;
    delete raw['receivedOn'];
    const current = evaluate(raw);
    const previousRaw = pair.previous === null ? null : (JSON.parse(pair.previous) as Record<string, unknown>);
    const previous = previousRaw === null ? null : evaluate(previousRaw);
    if (!current) continue;
    for (const mode of ['recommend', 'automatic'] as Mode[]) {
      const rules = mode === 'automatic' ? withDelegation(current.rules) : current.rules;
      const decision = proposeMonthlyData({
        decision: current.decision,
        members: membersOf(raw),
        previous: previous && previousRaw ? { decisionId: `D-${String(i).padStart(8, '0')}-0000000000000000`, period: previous.decision.period, members: membersOf(previousRaw), decision: previous.decision } : null,
        receivedOn,
        mode,
        rules,
      });
      out.push({ where: `generated monthly ${mode} #${i}`, decision, rules });
    }
  }
  return out;
}

/** Every trace of observedDecisions. */
export function observedTraces(perPeriod = 60): { where: string; trace: readonly StepData[] }[] {
  return observedDecisions(perPeriod).map(({ where, decision }) => ({ where, trace: decision.trace }));
}

/** The distinct shapes of the given traces, in order of first appearance. */
export function observedShapes(traces: readonly { where: string; trace: readonly StepData[] }[]): ObservedShape[] {
  const byKey = new Map<string, ObservedShape>();
  for (const { where, trace } of traces) {
    for (const s of trace) {
      const shape: Shape = [s.step, s.message.key, Object.keys(s.inputs), Object.keys(s.message.args)];
      const key = shapeKey(...shape);
      let o = byKey.get(key);
      if (!o) byKey.set(key, (o = { shape, seen: [], where }));
      o.seen.push({ rule: s.rule, inputs: s.inputs });
    }
  }
  return [...byKey.values()];
}

/**
 * A rule template that gives the rule of every step seen: a fixed text followed by `{input}` when
 * the rule always ends, after a # or /, with that input's text (e.g. `cost-types#{type}`), else the rule itself when
 * it is always the same, else none (the rule is then written in each step). Only a suggestion: check
 * it against the code that makes the step (a rule that holds a year or a municipality is better
 * left without a template).
 */
export function suggestTemplate(o: ObservedShape): string | undefined {
  for (const name of o.shape[2]) {
    let prefix: string | null = null;
    const fits = o.seen.every(({ rule, inputs }) => {
      const v = inputs[name];
      if (typeof v !== 'string' || v === '' || !rule.endsWith(v)) return false;
      const p = rule.slice(0, rule.length - v.length);
      prefix ??= p;
      return p === prefix && /[#/]$/.test(p) && !/[{}]/.test(p);
    });
    if (fits && prefix !== null) return `${prefix}{${name}}`;
  }
  const rules = new Set(o.seen.map((s) => s.rule));
  const only = [...rules][0]!;
  return rules.size === 1 && !/[{}]/.test(only) ? only : undefined;
}

/** The shapes seen that the catalogue does not have. */
export function missingShapes(observed: readonly ObservedShape[]): ObservedShape[] {
  return observed.filter((o) => findShape(...o.shape).length === 0);
}

const quote = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** The catalogue lines to append for these shapes, numbered from the catalogue's next id. */
export function entriesToAppend(missing: readonly ObservedShape[]): string {
  return missing
    .map((o, i) => {
      const template = suggestTemplate(o);
      const [step, key, inputs, args] = o.shape;
      const list = (xs: readonly string[]) => `[${xs.map(quote).join(', ')}]`;
      const fields = [String(SHAPE_CATALOGUE.length + i), quote(step), quote(key), list(inputs), list(args), ...(template === undefined ? [] : [quote(template)])];
      return `  [${fields.join(', ')}], // first seen in ${o.where}`;
    })
    .join('\n');
}

/** The catalogue as last locked: the entries lines may already name, which must never change. */
export const LOCK_PATH = `${ROOT}test/trace/shape-catalogue.lock.json`;

export function readLock(): ShapeEntry[] {
  return JSON.parse(readFileSync(LOCK_PATH, 'utf8')) as ShapeEntry[];
}

/** The lock file's text for these entries: one entry a line, so that a change shows as one line. */
export function lockText(entries: readonly ShapeEntry[]): string {
  return `[\n${entries.map((e) => `  ${JSON.stringify(e)}`).join(',\n')}\n]\n`;
}

/**
 * What breaks the append-only rule, comparing the catalogue with the lock: an entry of the lock that
 * is gone or different, or an id out of place. Entries beyond the lock are new (`added`); they are
 * not an error here (lock them with --lock).
 */
export function compareWithLock(lock: readonly ShapeEntry[], catalogue: readonly ShapeEntry[]): { changed: string[]; added: ShapeEntry[] } {
  const changed: string[] = [];
  catalogue.forEach((e, i) => {
    if (e[0] !== i) changed.push(`entry ${i} of the catalogue has id ${e[0]}: ids are 0, 1, 2, … in order`);
  });
  changed.push(...lockedEntriesChanged(lock, catalogue));
  return { changed, added: catalogue.slice(lock.length) };
}

/** The entries of an append-only catalogue's lock that are gone or different in the catalogue (this one's, and the record shape catalogue's: scripts/record-shapes.ts). */
export function lockedEntriesChanged(lock: readonly unknown[], catalogue: readonly unknown[]): string[] {
  const changed: string[] = [];
  lock.forEach((e, i) => {
    const now = catalogue[i];
    if (now === undefined) changed.push(`entry ${i} ${JSON.stringify(e)} was removed`);
    else if (JSON.stringify(now) !== JSON.stringify(e)) changed.push(`entry ${i} was changed: it was ${JSON.stringify(e)}, it is ${JSON.stringify(now)}`);
  });
  return changed;
}

function lockNew(): number {
  const lock = readLock();
  const { changed, added } = compareWithLock(lock, SHAPE_CATALOGUE);
  if (changed.length > 0) {
    process.stderr.write(`shape catalogue: entries already locked must never change (lines written with them would expand differently):\n${changed.join('\n')}\nput the old entry back and add the new shape at the end\n`);
    return 1;
  }
  writeFileSync(LOCK_PATH, lockText([...lock, ...added]));
  process.stdout.write(`shape catalogue: ${added.length} new entr${added.length === 1 ? 'y' : 'ies'} locked (${lock.length + added.length} in all)\n`);
  return 0;
}

function main(): number {
  if (process.argv.includes('--lock')) return lockNew();
  const missing = missingShapes(observedShapes(observedTraces()));
  if (missing.length === 0) {
    process.stdout.write(`shape catalogue: all ${SHAPE_CATALOGUE.length} entries; every shape seen is in it\n`);
    return 0;
  }
  process.stdout.write(`${entriesToAppend(missing)}\n`);
  process.stderr.write(`shape catalogue: ${missing.length} shape(s) not in src/trace/shapes.ts; append the lines above to SHAPE_CATALOGUE, then run npx tsx scripts/shape-catalogue.ts --lock\n`);
  return 1;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main();
