/**
 * The agency income map is checked at load time like every rule file (one deliberately broken copy per
 * error), and generated households with agency payments go through the batch line by line.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lines } from '../../bench/generate.ts';
import { processLine } from '../../src/batch/line.ts';
import { emptyCounts } from '../../src/batch/summary.ts';
import { loadRulebook, RulebookError } from '../../src/rulebook/load.ts';
import { RULES_DIR, rulesFor } from '../support/engine.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function problemsAfter(file: string, change: (json: any) => void): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'rules-'));
  dirs.push(dir);
  cpSync(RULES_DIR, dir, { recursive: true });
  const path = join(dir, file);
  const json = JSON.parse(readFileSync(path, 'utf8'));
  change(json);
  writeFileSync(path, JSON.stringify(json));
  try {
    loadRulebook(dir);
  } catch (error) {
    if (error instanceof RulebookError) return [...error.problems];
    throw error;
  }
  return [];
}

const MAP = 'agency-income-map.json';
const rows = (j: any) => j.values[0].rows as any[];

describe('rules/agency-income-map.json is validated by the rulebook schema', () => {
  it.each([
    ['a count row without its income type', (j: any) => delete rows(j)[0].incomeType, 'a count row names its incomeType'],
    ['an exclude row without a reason', (j: any) => delete rows(j).find((r: any) => r.action === 'exclude').reasonSv, 'gives its reason'],
    ['an income type income-types.json does not know', (j: any) => (rows(j)[0].incomeType = 'lottery'), 'incomeType "lottery" is not in income-types.json'],
    ['a source that is not listed', (j: any) => (rows(j)[0].source = 'hearsay'), 'source "hearsay" is used but not listed'],
    ['two rows with the same key (accents and case do not make them different)', (j: any) => rows(j).push({ ...rows(j)[0], id: 'fk-bostadsbidrag-2', benefit: 'BOSTADSBIDRAG' }), 'have the same agency, benefit, subBenefit and amountType'],
    ['a row id used twice', (j: any) => rows(j).push({ ...rows(j)[1], id: rows(j)[0].id, benefit: 'Något annat' }), 'is used twice'],
    ['a threshold of an unknown kind', (j: any) => (rows(j)[0].changeThreshold = { kind: 'sometimes' }), 'changeThreshold'],
    ['a row status outside verified/derived/estimate', (j: any) => (rows(j)[0].status = 'guess'), 'status'],
    ['an unknown agency', (j: any) => (rows(j)[0].agency = 'kronofogden'), 'agency'],
  ])('%s', (_what, change, expected) => {
    expect(problemsAfter(MAP, change).join('\n')).toContain(expected);
  });
  it('the default municipal policy must say which month an agency payment belongs to', () => {
    expect(problemsAfter('municipal/default.json', (j) => delete j.values[0].agencyIncomeMonth).join('\n')).toContain('agencyIncomeMonth is required in the default policy');
  });
});

describe('batch: households with 0–6 registered payments (bench/generate.ts --registered)', () => {
  it('every line gives a decision; compact flags keep member, agency, benefit and amounts; failed answers never give a proposal', () => {
    let n = 0;
    const counts = emptyCounts();
    const outcomes = new Set<string>();
    for (const line of lines(300, 7, '2026-03', 0, true)) {
      n++;
      const d = JSON.parse(processLine(line, n, { detail: 'compact', period: null, rulesFor }, counts)) as { errors?: unknown; outcome: string; payable: string | null; flags: { code: string; severity: string; memberId?: string; amounts?: unknown }[] };
      expect(d.errors).toBeUndefined();
      outcomes.add(d.outcome);
      for (const f of d.flags.filter((x) => x.code === 'AGENCY_ANSWER_MISSING' || x.code === 'UNHANDLED_INCOME')) expect(f.memberId).toBeDefined();
      if (d.flags.some((f) => f.severity === 'block')) expect([d.outcome, d.payable]).toEqual(['needs-information', null]);
      const h = JSON.parse(line) as { registeredIncomes: unknown[] };
      expect(h.registeredIncomes.length).toBeLessThanOrEqual(6);
    }
    expect(outcomes.size).toBeGreaterThan(2);
  });
});
