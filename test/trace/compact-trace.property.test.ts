/**
 * The compact trace is exact whatever the step holds (fast-check): random steps of catalogue shapes
 * and of shapes the catalogue lacks, whose rules, parameters, inputs, result and message arguments
 * are drawn so that they often repeat each other, the rule set's texts and parameters and the legal
 * references (where the references are used) and often nearly do (where they must not be).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../src/explain/messages.ts';
import type { MessageArgs, MessageKey } from '../../src/trace/messages.ts';
import { parsePeriod } from '../../src/period/index.ts';
import { compactTrace, expandTrace } from '../../src/trace/compact.ts';
import { renderTrace, type TraceStep } from '../../src/explain/trace.ts';
import { traceParam, type TraceParam, type TraceValue } from '../../src/trace/index.ts';
import { ruleFromTemplate, SHAPE_CATALOGUE } from '../../src/trace/shapes.ts';
import { rulesFor } from '../support/engine.ts';

const rules = rulesFor(parsePeriod('2026-03')!, null).rules;
const ruleSetParams: TraceParam[] = [rules.riksnorm.single, rules.riksnorm.cohabiting, ...rules.riksnorm.common, rules.municipal.assetBuffer, rules.prisbasbelopp].map((p) => traceParam(p));
const legalTexts = Object.values(rules.legal.refs).map((r) => r.ref);
const ruleSetTexts = [rules.riksnorm.title, ...Object.values(rules.costTypes).flatMap((d) => [d.labelSv, d.labelEn]), ...Object.values(rules.incomeTypes).map((d) => d.labelSv)];
const rulePool = ['cost-types#rent', 'cost-types#electricity', 'income-types#salary', rules.riksnorm.id, rules.riksnorm.single.id, 'conditions/flags#RENT_ARREARS', 'decision/need', 'a#b#c', 'no-hash', '#', ''];

const scalar = fc.oneof(
  fc.constantFrom<string | number>(...legalTexts.slice(0, 4), ...ruleSetTexts.slice(0, 6), 'RENT_ARREARS', 'rent', 'a1', '0', '', 'x', 0, 1, 2, 12345, -3),
  fc.string({ maxLength: 8 }),
  fc.integer({ min: -1e6, max: 1e6 }),
);
const traceValue: fc.Arbitrary<TraceValue> = fc.oneof(scalar, fc.constantFrom(null, true, false), fc.array(fc.oneof(scalar, fc.constant(null)), { maxLength: 3 }));

const param: fc.Arbitrary<TraceParam> = fc.oneof(
  fc.constantFrom(...ruleSetParams),
  fc.constantFrom(...ruleSetParams).map((p) => ({ ...p, value: `${p.value}1` })),
  fc.constantFrom(...ruleSetParams).map((p) => ({ ...p, status: 'estimate' as const })),
  fc.record({ id: fc.constantFrom('circumstances.rentCeiling', 'x'), value: scalar }).map(({ id, value }) => ({ id, value, status: 'verified' as const, source: `input: ${id}` })),
  fc.record({ id: fc.constantFrom('circumstances.rentCeiling'), value: scalar }).map(({ id, value }) => ({ id, value, status: 'verified' as const, source: 'input: elsewhere' })),
);

/** One step: a catalogue shape (sometimes with its step name changed, so that the catalogue lacks it), and values that often repeat each other. */
const step: fc.Arbitrary<TraceStep> = fc
  .record({
    entry: fc.constantFrom(...SHAPE_CATALOGUE),
    renamed: fc.boolean(),
    inputs: fc.array(traceValue, { minLength: 25, maxLength: 25 }),
    result: traceValue,
    ruleChoice: fc.oneof(fc.constant('template' as const), fc.constantFrom(...rulePool)),
    legalRef: fc.option(fc.oneof(fc.constantFrom(...legalTexts), fc.string({ maxLength: 6 })), { nil: undefined }),
    params: fc.oneof(fc.constant('own' as const), fc.array(param, { maxLength: 3 })),
    args: fc.array(fc.nat({ max: 9 }), { minLength: 25, maxLength: 25 }),
    free: fc.array(scalar, { minLength: 25, maxLength: 25 }),
  })
  .map(({ entry, renamed, inputs: values, result, ruleChoice, legalRef, params, args: picks, free }) => {
    const [, stepName, key, inputNames, argNames, template] = entry;
    const inputs: Record<string, TraceValue> = {};
    inputNames.forEach((n, i) => (inputs[n] = values[i]!));
    const rule = (ruleChoice === 'template' && template !== undefined ? ruleFromTemplate(template, inputs) : undefined) ?? (ruleChoice === 'template' ? 'decision/need' : ruleChoice);
    const own = ruleSetParams.find((p) => p.id === rule);
    const stepParams = params === 'own' ? (own ? [own] : []) : params;
    const texts = [rules.riksnorm.title, rules.costTypes['rent']?.labelSv ?? '', rules.costTypes['rent']?.labelEn ?? ''];
    const args: Record<string, string | number> = {};
    argNames.forEach((n, i) => {
      const pick = picks[i]!;
      const fromInput = values[pick % Math.max(1, inputNames.length)];
      const candidates: unknown[] = [inputs[n], fromInput, result, legalRef, rule.slice(rule.indexOf('#') + 1), texts[pick % 3], free[i]];
      const v = candidates[pick % candidates.length];
      args[n] = typeof v === 'string' || typeof v === 'number' ? v : free[i]!;
    });
    return {
      step: renamed ? `${stepName}.later` : stepName,
      rule,
      ...(legalRef !== undefined ? { legalRef } : {}),
      params: stepParams,
      inputs,
      result,
      message: { key: key as MessageKey, args: args as MessageArgs },
      text: '',
    };
  });

/** The step with its Swedish text, or null when the message cannot be rendered from these (random) arguments. */
function rendered(s: TraceStep): TraceStep | null {
  try {
    return { ...s, text: renderMessage('sv', s.message.key, s.message.args) };
  } catch {
    return null;
  }
}

describe('compact trace (property)', () => {
  it('expands to exactly the steps it was made from, through JSON', () => {
    const used = new Set<string>();
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (raw) => {
        const steps = raw.map(rendered);
        fc.pre(steps.every((s) => s !== null));
        const compact = compactTrace(steps as TraceStep[], rules);
        for (const [shape, rule, , params, , , args] of compact.steps) {
          if (shape < 0) used.add('own shape');
          if (rule === null) used.add('rule from template');
          if (params === true) used.add('own parameter');
          else for (const p of params) used.add(typeof p === 'string' ? 'parameter id' : Array.isArray(p) ? 'input parameter' : 'parameter object');
          for (const a of args) used.add(Array.isArray(a) ? `[${typeof a[0] === 'number' ? 'i' : a[0]}]` : String(a === null || typeof a === 'boolean' ? a : typeof a));
        }
        expect(JSON.stringify(renderTrace(expandTrace(JSON.parse(JSON.stringify(compact)), rules)))).toBe(JSON.stringify(steps));
      }),
      { numRuns: 500 },
    );
    // Every encoding was exercised.
    expect([...used].sort()).toEqual(
      ['#', 'en', 'i', 'sv'].map((x) => `[${x}]`).concat(['false', 'input parameter', 'null', 'number', 'own parameter', 'own shape', 'parameter id', 'parameter object', 'rule from template', 'string', 'true']).sort(),
    );
  });
});
