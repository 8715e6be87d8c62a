/**
 * schemas/municipal.schema.json (generated from the loader's own zod schema by `npm run schemas`): a
 * standard JSON Schema validator accepts every municipal file in rules/, the examples included, and
 * refuses a guideline with a wrong form; `rules check` refuses what the schema cannot say.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { loadRulebook, RulebookError } from '../../src/rulebook/load.ts';
import { ROOT, RULES_DIR } from '../support/engine.ts';

const schema = JSON.parse(readFileSync(`${ROOT}schemas/municipal.schema.json`, 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
const files = ['default.json', ...readdirSync(`${RULES_DIR}/municipal/examples`).map((f) => `examples/${f}`)];
const read = (f: string) => JSON.parse(readFileSync(`${RULES_DIR}/municipal/${f}`, 'utf8'));

describe('the municipal file and its guideline have a JSON Schema', () => {
  it.each(files)('%s is valid', (f) => {
    expect(validate(read(f)) ? [] : validate.errors).toEqual([]);
  });
  it('refuses a rent table amount that is not a kronor string, and an unknown basis', () => {
    const g = read('examples/malmo-2019.json');
    g.values[0].guideline.rentCeiling.table[0].amount = 6300;
    expect(validate(g)).toBe(false);
    const h = read('examples/malmo-2019.json');
    h.values[0].guideline.rentCeiling.basis = 'guess';
    expect(validate(h)).toBe(false);
  });
});

describe('rules check on a guideline', () => {
  function check(edit: (g: Record<string, any>) => void): readonly string[] {
    const dir = mkdtempSync(join(tmpdir(), 'guideline-rules-'));
    cpSync(RULES_DIR, dir, { recursive: true });
    const path = join(dir, 'municipal/examples/uddevalla-2020.json');
    const data = JSON.parse(readFileSync(path, 'utf8'));
    edit(data);
    writeFileSync(path, JSON.stringify(data));
    try {
      loadRulebook(dir);
      return [];
    } catch (e) {
      if (e instanceof RulebookError) return e.problems;
      throw e;
    }
  }
  it('the examples load', () => expect(check(() => {})).toEqual([]));
  it('a ceiling for a type that is not a reasonable cost, an item that is not livsföring, an unknown source', () => {
    const problems = check((d) => {
      const g = d.values[0].guideline;
      g.costCeilings = { dental: { amounts: [{ persons: 1, amount: '100' }], overCeiling: 'refuse', status: 'estimate', source: 'uddevalla-rows' } };
      g.items.electricity = { ...g.items.medical };
      g.items.medical.source = 'nowhere';
    });
    expect(problems.join('\n')).toMatch(/costCeilings\.dental: not a reasonable-cost type/);
    expect(problems.join('\n')).toMatch(/items\.electricity: not a livsföring type/);
    expect(problems.join('\n')).toMatch(/nowhere/);
  });
  it('rooms without a ceiling for the rooms a household gets', () => {
    const problems = check((d) => {
      d.values[0].guideline.rentCeiling = { basis: 'rooms', title: 't', rooms: [{ rooms: 1, amount: '4000' }], roomsFor: [{ adults: 1, minChildren: 0, maxChildren: null, rooms: 2 }], excludes: [], status: 'estimate', source: 'uddevalla-rows' };
    });
    expect(problems.join('\n')).toMatch(/no ceiling for 2 rooms/);
  });
  it('an example must say it is one', () => {
    expect(check((d) => delete d.example).join('\n')).toMatch(/an example file needs "example"/);
  });
});

describe('supplements on top of the norm', () => {
  it('are refused unless pending: the calculation does not add them yet, so no decision silently leaves one out', () => {
    const dir = mkdtempSync(join(tmpdir(), 'guideline-rules-'));
    cpSync(RULES_DIR, dir, { recursive: true });
    const path = join(dir, 'municipal/examples/uddevalla-2020.json');
    const data = JSON.parse(readFileSync(path, 'utf8'));
    data.sources['sundsvall-per-child'] = { title: 'Sundsvall adds 100 kr per child to the riksnorm' };
    data.values[0].guideline.supplements = [{ id: 'per-child', per: 'child', amount: '100', labelSv: 'tillägg per barn', status: 'estimate', source: 'sundsvall-per-child' }];
    writeFileSync(path, JSON.stringify(data));
    expect(() => loadRulebook(dir)).toThrow(/supplements\.per-child: the calculation does not add supplements/);
    data.values[0].guideline.supplements[0].status = 'pending';
    writeFileSync(path, JSON.stringify(data));
    expect(() => loadRulebook(dir)).not.toThrow();
  });
});

describe('docs/guidelines.md', () => {
  it('its example file passes the JSON Schema and rules check', () => {
    const text = readFileSync(`${ROOT}docs/guidelines.md`, 'utf8');
    const block = text.split('```json\n').map((b) => b.split('\n```')[0]!).find((b) => b.includes('"id": "municipal/1287"'))!;
    const example = JSON.parse(block);
    expect(validate(example) ? [] : validate.errors).toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), 'guideline-docs-'));
    cpSync(RULES_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'municipal/1287.json'), block);
    expect(() => loadRulebook(dir)).not.toThrow();
  });
});
