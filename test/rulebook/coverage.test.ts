/**
 * `rules check` says whether every month from the first riksnorm table to the last has exactly one table
 * ("no missing month"), or lists the months that have none: a month without a table is refused, never
 * filled from another year (rules/README.md).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runRulesCheck } from '../../src/cli/rules.ts';
import { monthCoverage } from '../../src/rulebook/coverage.ts';
import { RULES_DIR } from '../support/engine.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A copy of rules/ with some riksnorm files removed and others edited. */
function copyOfRules(remove: string[], edit: Record<string, (json: { effectiveFrom: string; effectiveTo: string | null }) => void> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'rules-'));
  dirs.push(dir);
  cpSync(RULES_DIR, dir, { recursive: true, filter: (src) => !remove.some((f) => src.endsWith(`riksnorm/${f}`)) });
  for (const [file, change] of Object.entries(edit)) {
    const path = join(dir, 'riksnorm', file);
    const json = JSON.parse(readFileSync(path, 'utf8'));
    change(json);
    writeFileSync(path, JSON.stringify(json));
  }
  return dir;
}

/** The coverage line `rules check` prints under the riksnorm tables. */
function coverageLine(dir: string): string {
  let out = '';
  const code = runRulesCheck(dir, { stdout: { write: (t: string) => ((out += t), true) }, stderr: { write: () => true }, env: {} } as never);
  expect(code).toBe(0);
  return out.split('\n').find((l) => l.startsWith('  every month '))!.trim();
}

describe('rules check: one riksnorm table for every month', () => {
  it('rules/: every month 2013-01 – 2026-12 has exactly one table', () => {
    expect(coverageLine(RULES_DIR)).toBe('every month 2013-01 – 2026-12: exactly one table, no missing month');
  });
  it('lists the missing months, a run of months as a range', () => {
    expect(coverageLine(copyOfRules(['2016.json', '2018.json']))).toBe('every month 2013-01 – 2026-12: missing months (no table): 2016-01 – 2016-12, 2018-01 – 2018-12');
  });
  it('a single missing month, and a first or last table removed narrows the span instead', () => {
    const dir = copyOfRules(['2013-2015.json', '2026.json'], { '2024.json': (j) => (j.effectiveTo = '2024-11-30') });
    expect(coverageLine(dir)).toBe('every month 2016-01 – 2025-12: missing months (no table): 2024-12');
  });
});

describe('monthCoverage', () => {
  it('an open-ended last table ends the span at its first month', () => {
    expect(monthCoverage([{ effectiveFrom: '2025-07-01', effectiveTo: null }])).toEqual({ from: '2025-07', to: '2025-07', missing: [], multiple: [] });
  });
  it('months with two tables, and no tables at all', () => {
    const c = monthCoverage([
      { effectiveFrom: '2024-01-01', effectiveTo: '2024-03-31' },
      { effectiveFrom: '2024-03-01', effectiveTo: '2024-04-30' },
      { effectiveFrom: '2024-07-01', effectiveTo: '2024-07-31' },
    ]);
    expect(c).toEqual({ from: '2024-01', to: '2024-07', missing: [{ from: '2024-05', to: '2024-06' }], multiple: [{ from: '2024-03', to: '2024-03' }] });
    expect(monthCoverage([])).toEqual({ from: null, to: null, missing: [], multiple: [] });
  });
});
