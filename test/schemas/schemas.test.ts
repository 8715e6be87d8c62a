/**
 * Issue 13: the published JSON Schemas (schemas/) are generated from the engine's own zod schemas and
 * stay equal to what `npm run schemas` writes; real decisions match the decision schema strictly; and
 * the household schema, read by a standard JSON Schema validator (ajv, draft 2020-12), accepts every
 * example household and refuses what the engine refuses for its form.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateSchemas, SCHEMAS_DIR } from '../../scripts/schemas.ts';
import { decisionSchema } from '../../src/decision/schema.ts';
import { household as households } from '../support/arbitraries.ts';
import { calc, fixture, ROOT, rulesFor, evaluateRendered } from '../support/engine.ts';
import { applicant, child, household, partner } from '../support/households.ts';

const FIXTURES = readdirSync(`${ROOT}fixtures`).filter((f) => f.endsWith('.json')).sort();
const generated = generateSchemas();

function strictly(decision: unknown): string[] {
  const r = decisionSchema.safeParse(JSON.parse(JSON.stringify(decision)));
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('schemas/ (issue 13)', () => {
  it('the checked-in files equal what npm run schemas generates', () => {
    for (const [name, text] of Object.entries(generated.files)) expect(readFileSync(`${SCHEMAS_DIR}${name}`, 'utf8'), `${name}: run npm run schemas`).toBe(text);
  });

  it('every fixture decision matches the decision schema, with no field the schema does not name', () => {
    for (const name of FIXTURES) expect(strictly(calc(fixture(name))), name).toEqual([]);
  });

  it('so do needs-information, flagged and generated households', () => {
    expect(strictly(calc(household('2026-03', [applicant('2009-06-01'), child('c1', '2026-03-15')])))).toEqual([]);
    expect(strictly(calc(household('2026-03', [applicant(), partner('2009-01-01'), child('c1', '1990-01-01')])))).toEqual([]);
    fc.assert(
      fc.property(households, (h) => {
        const r = evaluateRendered(h, rulesFor);
        if (r.ok) expect(strictly(r.decision)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('the decision schema is strict: an unknown or a mistyped field fails', () => {
    const d = JSON.parse(JSON.stringify(calc(fixture(FIXTURES[0]!))));
    expect(decisionSchema.safeParse({ ...d, extra: 1 }).success).toBe(false);
    expect(decisionSchema.safeParse({ ...d, payable: 12.5 }).success).toBe(false);
  });

  it('a JSON Schema validator accepts every fixture with the household schema and refuses wrong forms', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(generated.files['household.schema.json']!));
    for (const name of FIXTURES) expect(validate(fixture(name)) ? [] : validate.errors, name).toEqual([]);
    const base = fixture(FIXTURES[0]!) as { costs?: unknown[] };
    for (const bad of [
      { ...base, period: '2026-13' },
      { ...base, costs: [{ type: 'rent', amount: 7900 }] },
      { ...base, costs: [{ type: 'rent', amount: '7900.505' }] },
      { ...base, members: [{ id: 'a1', role: 'boss', birthDate: '1980-01-01' }] },
      { ...base, members: undefined },
    ]) expect(validate(bad), JSON.stringify(bad).slice(0, 120)).toBe(false);
    const decision = ajv.compile(JSON.parse(generated.files['decision.schema.json']!));
    expect(decision(JSON.parse(JSON.stringify(calc(fixture(FIXTURES[0]!))))) ? [] : decision.errors).toEqual([]);
  });
});
