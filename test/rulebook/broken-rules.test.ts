/**
 * A broken rules/ folder is refused at load time with the file and the field, one problem per line
 * (like OpenFisca's parameter_validation tests: one deliberately broken file per error).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadRulebook, RulebookError } from '../../src/rulebook/load.ts';
import { RULES_DIR } from '../support/engine.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function brokenCopy(file: string, change: (json: any) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'rules-'));
  dirs.push(dir);
  cpSync(RULES_DIR, dir, { recursive: true });
  const path = join(dir, file);
  const json = JSON.parse(readFileSync(path, 'utf8'));
  change(json);
  writeFileSync(path, JSON.stringify(json));
  return dir;
}

function problems(dir: string): string[] {
  try {
    loadRulebook(dir);
  } catch (error) {
    if (error instanceof RulebookError) return [...error.problems];
    throw error;
  }
  return [];
}

describe('broken rule files', () => {
  it('the real rules/ folder loads', () => {
    expect(problems(RULES_DIR)).toEqual([]);
  });
  it('an amount that is not a kronor string', () => {
    const dir = brokenCopy('riksnorm/2023.json', (j) => (j.adults.single.amount = 3490));
    expect(problems(dir).join('\n')).toMatch(/riksnorm\/2023\.json: adults\.single\.amount: /);
  });
  it('a value without a known status', () => {
    const dir = brokenCopy('riksnorm/2023.json', (j) => (j.common[0].status = 'guess'));
    expect(problems(dir).join('\n')).toMatch(/riksnorm\/2023\.json: common\.0\.status/);
  });
  it('a source key that is not listed', () => {
    const dir = brokenCopy('riksnorm/2023.json', (j) => (j.common[0].source = 'nowhere'));
    expect(problems(dir)).toContain('riksnorm/2023.json: source "nowhere" is used but not listed under sources');
  });
  it('two tables for the same period', () => {
    const dir = brokenCopy('riksnorm/2024.json', (j) => (j.effectiveFrom = '2023-06-01'));
    expect(problems(dir).join('\n')).toMatch(/overlaps/);
  });
  it('an age band gap', () => {
    const dir = brokenCopy('riksnorm/2021.json', (j) => (j.children[2].minAge = 4));
    expect(problems(dir).join('\n')).toMatch(/age bands must be contiguous/);
  });
  it('a window that does not end on the last day of a month', () => {
    const dir = brokenCopy('prisbasbelopp.json', (j) => (j.values[0].effectiveTo = '2013-12-30'));
    expect(problems(dir).join('\n')).toMatch(/must be the last day of a month/);
  });
  it('a legal version that lacks a topic a rule cites', () => {
    const dir = brokenCopy('legal-references.json', (j) => delete j.versions[3].refs.jobbstimulans);
    expect(problems(dir).join('\n')).toMatch(/no reference for topic "jobbstimulans"/);
  });
  it('a second source on a reference that still claims one source, or the same source twice', () => {
    const refs = (j: any) => j.versions.find((v: any) => v.effectiveFrom === '2025-07-01').refs;
    const single = brokenCopy('legal-references.json', (j) => (refs(j).labourMarket.corroboratedBy = ['sfs-2022-913']));
    expect(problems(single).join('\n')).toMatch(/labourMarket: corroboratedBy names a second source, so the status must be verified \(is verified-single-source\)/);
    const same = brokenCopy('legal-references.json', (j) => (refs(j).documentation.corroboratedBy = ['se-lex-sol-2025-400']));
    expect(problems(same).join('\n')).toMatch(/documentation: corroboratedBy repeats the source "se-lex-sol-2025-400"/);
    const unknown = brokenCopy('legal-references.json', (j) => (refs(j).documentation.corroboratedBy = ['nowhere']));
    expect(problems(unknown).join('\n')).toMatch(/source "nowhere" is used but not listed under sources/);
  });
  it('a condition that reads an undeclared fact', () => {
    const dir = brokenCopy('conditions/flags.json', (j) => (j.rules[0].conditions.all[0].fact = 'childCuont'));
    expect(problems(dir).join('\n')).toMatch(/reads fact "childCuont"/);
  });
  it('an unknown operator', () => {
    const dir = brokenCopy('conditions/eligibility.json', (j) => (j.rules[0].conditions.all[0].operator = 'roughlyEqual'));
    expect(problems(dir).join('\n')).toMatch(/conditions\/eligibility\.json: rules\.0\.conditions/);
  });
  it('a file that is not JSON, and a file nobody knows', () => {
    const dir = brokenCopy('barnbidrag.json', () => {});
    writeFileSync(join(dir, 'barnbidrag.json'), '{ not json');
    writeFileSync(join(dir, 'stray.json'), '{}');
    const p = problems(dir).join('\n');
    expect(p).toMatch(/barnbidrag\.json: not valid JSON/);
    expect(p).toMatch(/stray\.json: unknown rule file/);
  });
  it('a missing directory', () => {
    expect(problems('/nonexistent/rules')).toEqual(['/nonexistent/rules: the rules directory cannot be read']);
  });
});

// Agency income data (SSBTEK): rules/agency-income-map.json and the municipal month policy.
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
    expect(problems(brokenCopy(MAP, change)).join('\n')).toContain(expected);
  });
  it('the default municipal policy must say which month an agency payment belongs to', () => {
    expect(problems(brokenCopy('municipal/default.json', (j) => delete j.values[0].agencyIncomeMonth)).join('\n')).toContain('agencyIncomeMonth is required in the default policy');
  });
});
