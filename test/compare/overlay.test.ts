/**
 * Overlays (docs/compare.md): validated like rules/, dated, and each change does what it says —
 * checked against what the engine computes for the same household with the plain rules.
 */
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { capFor, applyAidCap } from '../../src/compare/aidCap.ts';
import { firstDivergence } from '../../src/compare/line.ts';
import { applyOverlayToRules, OverlayError, overlayWindowFor, parseOverlay, percentHundredths, scaleToWholeKronor } from '../../src/compare/overlay.ts';
import { buildScenario, parseScenarioSpec, type SideResult } from '../../src/compare/scenario.ts';
import { formatKronor, kronor, parseKronor } from '../../src/money/index.ts';
import { parsePeriod } from '../../src/period/index.ts';
import { fixture, ROOT, RULES_DIR, rulesFor } from '../support/engine.ts';
import type { DecisionData } from '../../src/decision/types.ts';

const OVERLAYS = `${ROOT}fixtures/overlays`;

function overlay(window: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return parseOverlay(
    { overlay: 1, id: 'test', title: 'Test', sources: { s: { title: 'test source' } }, values: [{ effectiveFrom: '2023-01-01', effectiveTo: null, ...window }], ...extra },
    'test.json',
  );
}

function problems(raw: unknown): string[] {
  try {
    parseOverlay(raw, 'o.json');
  } catch (error) {
    if (error instanceof OverlayError) return [...error.problems];
    throw error;
  }
  return [];
}

function ok(r: SideResult) {
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return r;
}

/** The project's rules without an overlay, optionally with every household's month replaced. */
function plain(period: string | null = null) {
  return buildScenario({ label: 't', rulesDir: RULES_DIR, period, overlayPath: null, overlayHash: null });
}

describe('overlay format', () => {
  it('accepts the example overlays in fixtures/overlays', () => {
    for (const name of ['riksnorm-plus-3-2026.json', 'ceiling-jobbstimulans-cap-2026.json']) {
      const spec = parseScenarioSpec(`${OVERLAYS}/${name}`, RULES_DIR, '--reform');
      expect(spec.overlayHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    }
  });

  it('names the field of every problem', () => {
    const base = { overlay: 1, id: 'x', title: 'X', sources: { s: { title: 't' } } };
    expect(problems({ ...base, values: [{ effectiveFrom: '2026-01-01', effectiveTo: null, riksnorm: { percent: '3 %', status: 'estimate', source: 's' } }] })).toEqual([
      'o.json: values.0.riksnorm.percent: expected a percentage as a decimal string like "3" or "-2.5"',
    ]);
    expect(problems({ ...base, values: [{ effectiveFrom: '2026-01-01', effectiveTo: null, riksnorm: { pct: '3', percent: '3', status: 'estimate', source: 's' } }] })[0]).toMatch(/^o\.json: values\.0\.riksnorm: .*pct/);
    expect(problems({ ...base, values: [{ effectiveFrom: '2026-01-01', effectiveTo: null, riksnorm: { percent: '3', status: 'estimate', source: 'nope' } }] })).toEqual([
      'o.json: values.0.riksnorm.source: "nope" is not listed under sources',
    ]);
    expect(problems({ ...base, values: [{ effectiveFrom: '2026-01-15', effectiveTo: null, riksnorm: { percent: '3', status: 'estimate', source: 's' } }] })).toEqual([
      'o.json: values.0.effectiveFrom: effectiveFrom must be the first day of a month',
    ]);
    expect(problems({ ...base, values: [{ effectiveFrom: '2026-01-01', effectiveTo: null }] })[0]).toMatch(/^o\.json: values\.0: a window must change something/);
    expect(problems({ ...base, values: [{ effectiveFrom: '2026-01-01', effectiveTo: null, aidCap: { amount: '-5', legalBasis: 'x', status: 'estimate', source: 's' } }] })[0]).toMatch(/^o\.json: values\.0\.aidCap\.amount: expected kronor/);
    const overlapping = problems({
      ...base,
      values: [
        { effectiveFrom: '2026-01-01', effectiveTo: null, riksnorm: { percent: '3', status: 'estimate', source: 's' } },
        { effectiveFrom: '2026-06-01', effectiveTo: null, riksnorm: { percent: '4', status: 'estimate', source: 's' } },
      ],
    });
    expect(overlapping).toEqual(['o.json: values.1.effectiveFrom: the window overlaps the one from 2026-01-01']);
    expect(problems({ ...base, overlay: 2, values: [] })).toContain('o.json: overlay: expected 1 (the overlay format version)');
  });

  it('is in force only within its windows (no nearest window)', () => {
    const o = overlay({ effectiveFrom: '2026-01-01', effectiveTo: '2026-06-30', riksnorm: { percent: '3', status: 'estimate', source: 's' } });
    expect(overlayWindowFor(o, parsePeriod('2026-06')!)).not.toBeNull();
    expect(overlayWindowFor(o, parsePeriod('2026-07')!)).toBeNull();
    expect(overlayWindowFor(o, parsePeriod('2025-12')!)).toBeNull();
  });
});

describe('riksnorm +N % (scaleToWholeKronor: half-up to whole kronor)', () => {
  it('rounds half-up to whole kronor', () => {
    expect(scaleToWholeKronor(kronor(3940), '3')).toBe(kronor(4058)); // 4058.2
    expect(scaleToWholeKronor(kronor(3950), '3')).toBe(kronor(4069)); // 4068.5 → up
    expect(scaleToWholeKronor(kronor(1000), '-2.5')).toBe(kronor(975));
    expect(scaleToWholeKronor(kronor(1290), '-2.5')).toBe(kronor(1258)); // 1257.75
    expect(percentHundredths('-0.05')).toBe(-5);
  });

  it('scales every riksnorm amount of the month, and nothing else', () => {
    const o = overlay({ riksnorm: { percent: '3.5', status: 'estimate', source: 's' } });
    const rules = rulesFor(parsePeriod('2026-03')!, null).rules;
    const changed = applyOverlayToRules(rules, o, overlayWindowFor(o, parsePeriod('2026-03')!)!);
    const expected = (amount: string) => formatKronor(parseKronor(new Decimal(amount).times(1.035).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toString())!);
    expect(changed.riksnorm.single.value).toBe(expected(rules.riksnorm.single.value));
    expect(changed.riksnorm.cohabiting.value).toBe(expected(rules.riksnorm.cohabiting.value));
    changed.riksnorm.common.forEach((c, i) => expect(c.value).toBe(expected(rules.riksnorm.common[i]!.value)));
    changed.riksnorm.children.forEach((c, i) => {
      expect(c.withLunch.value).toBe(expected(rules.riksnorm.children[i]!.withLunch.value));
      if (c.withoutLunch) expect(c.withoutLunch.value).toBe(expected(rules.riksnorm.children[i]!.withoutLunch!.value));
    });
    expect(changed.riksnorm.single.status).toBe('estimate');
    expect(changed.riksnorm.single.id).toBe(`${rules.riksnorm.single.id}@test`);
    expect(changed.files.at(-1)).toBe(`overlay:test#${o.hash}`);
    expect(changed.jobbstimulans).toEqual(rules.jobbstimulans);
    expect(changed.costTypes).toBe(rules.costTypes);
  });

  it('raises a single adult’s payment by exactly the scaled norm minus the plain one (E8, 2026)', () => {
    const spec = parseScenarioSpec(`${OVERLAYS}/riksnorm-plus-3-2026.json`, RULES_DIR, '--reform');
    const reform = ok(buildScenario(spec).evaluate(fixture('e8-single-adult-2026.json')));
    const base = ok(plain().evaluate(fixture('e8-single-adult-2026.json')));
    const table = rulesFor(parsePeriod('2026-03')!, null).rules.riksnorm;
    const plus = (a: string) => scaleToWholeKronor(parseKronor(a)!, '3') - parseKronor(a)!;
    expect(parseKronor(reform.decision.payable!)! - parseKronor(base.decision.payable!)!).toBe(plus(table.single.value) + plus(table.common[0]!.value));
    const d = firstDivergence(base.steps, reform.steps)!;
    expect(d.step).toBe('norm.member');
    expect(d.reform!.params[0]!.value).toBe(formatKronor(scaleToWholeKronor(parseKronor(table.single.value)!, '3')));
  });
});

describe('the other overlay changes', () => {
  const spec = parseScenarioSpec(`${OVERLAYS}/ceiling-jobbstimulans-cap-2026.json`, RULES_DIR, '--reform');
  const reform = buildScenario(spec);
  const base = plain();

  it('rent ceiling: the household’s ceiling is replaced, and reported as an input change (E2 in 2026)', () => {
    const household = { ...fixture('e2-single-parent-rent-above-ceiling-2023.json'), period: '2026-03' };
    const b = ok(base.evaluate(household));
    const r = ok(reform.evaluate(household));
    expect(r.inputChanges).toEqual([{ field: 'circumstances.rentCeiling', from: '7416', to: '9000', rule: 'ceiling-jobbstimulans-cap-2026#rentCeiling' }]);
    // the rent (7 900) is now within the ceiling: the refused part is paid
    expect(parseKronor(b.decision.costs.refused!)).toBe(kronor(7900 - 7416));
    expect(r.decision.costs.refused).toBe('0');
    expect(parseKronor(r.decision.payable!)! - parseKronor(b.decision.payable!)!).toBe(kronor(7900 - 7416));
    expect(b.decision.outcome).toBe('partial');
    expect(r.decision.outcome).toBe('approve');
  });

  it('jobbstimulans share: 30 % instead of 25 % of the salary is left out (E3 in 2026)', () => {
    const e3 = fixture('e3-couple-two-children-jobbstimulans-2023.json');
    const household = { ...e3, period: '2026-03' };
    const b = ok(base.evaluate(household));
    const r = ok(reform.evaluate(household));
    const salary = (b.decision as DecisionData).income.items.find((i) => i.type === 'salary')!;
    expect(salary.counted).not.toBe(salary.amount); // jobbstimulans applies in the base
    const salaryOre = parseKronor(salary.amount!)!;
    expect(parseKronor(b.decision.income.counted!)! - parseKronor(r.decision.income.counted!)!).toBe(Math.round((salaryOre * 30) / 100) - Math.round((salaryOre * 25) / 100));
  });

  it('a household outside every window gets NO_OVERLAY_FOR_PERIOD, never the nearest window', () => {
    const r = reform.evaluate({ ...fixture('e8-single-adult-2026.json'), period: '2025-12' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues).toEqual([{ path: 'period', code: 'NO_OVERLAY_FOR_PERIOD', message: 'the overlay ceiling-jobbstimulans-cap-2026 has no window in force in 2025-12' }]);
  });

  it('does not change the household object it is given', () => {
    const household = { ...fixture('e2-single-parent-rent-above-ceiling-2023.json'), period: '2026-03' };
    const before = JSON.stringify(household);
    reform.evaluate(household);
    expect(JSON.stringify(household)).toBe(before);
  });
});

describe('aid cap (a step outside the law, only with an overlay)', () => {
  const o = overlay({ aidCap: { amount: '5000', perAdditionalMember: '1000', legalBasis: 'Test reform', status: 'estimate', source: 's' } });
  const cap = o.file.values[0]!.aidCap!;
  const base = plain();

  it('cap = amount + perAdditionalMember × (size − 1)', () => {
    expect(capFor(cap, 1)).toBe(kronor(5000));
    expect(capFor(cap, 4)).toBe(kronor(8000));
  });

  it('cuts the payment to the cap, traced, with an AID_CAP reason; the outcome becomes partial', () => {
    const b = ok(base.evaluate(fixture('e8-single-adult-2026.json')));
    expect(parseKronor(b.decision.payable!)!).toBeGreaterThan(kronor(5000));
    const { decision, step } = applyAidCap(b.decision, o, cap);
    expect(decision.payable).toBe('5000');
    expect(decision.outcome).toBe('partial');
    const reason = decision.reasons.find((r) => r.code === 'AID_CAP')!;
    expect(parseKronor(reason.amount!)).toBe(parseKronor(b.decision.payable!)! - kronor(5000));
    expect(reason.legalRef).toBe('Test reform');
    expect(decision.reasons.find((r) => r.code === 'RIGHT_TO_ASSISTANCE')!.amount).toBe('5000');
    expect(step).toMatchObject({ step: 'compare.aidCap', rule: 'test#aidCap', result: '5000', inputs: { payable: b.decision.payable, householdSize: 1 } });
  });

  it('a cap of 0 kr denies; a payment under the cap and a denial are left alone', () => {
    const b = ok(base.evaluate(fixture('e8-single-adult-2026.json')));
    const zero = overlay({ aidCap: { amount: '0', legalBasis: 'Test', status: 'estimate', source: 's' } });
    const denied = applyAidCap(b.decision, zero, zero.file.values[0]!.aidCap!).decision;
    expect(denied.outcome).toBe('deny');
    expect(denied.payable).toBe('0');
    expect(denied.reasons.some((r) => r.code === 'RIGHT_TO_ASSISTANCE')).toBe(false);
    const high = overlay({ aidCap: { amount: '90000', legalBasis: 'Test', status: 'estimate', source: 's' } });
    expect(applyAidCap(b.decision, high, high.file.values[0]!.aidCap!).decision).toBe(b.decision);
    const e4 = ok(base.evaluate(fixture('e4-couple-income-covers-need-avslag-2023.json')));
    expect(applyAidCap(e4.decision, zero, zero.file.values[0]!.aidCap!).decision).toBe(e4.decision);
  });
});

describe('first divergence', () => {
  it('is null when both sides are the same rules', () => {
    const a = ok(plain().evaluate(fixture('e3-couple-two-children-jobbstimulans-2023.json')));
    const b = ok(plain().evaluate(fixture('e3-couple-two-children-jobbstimulans-2023.json')));
    expect(firstDivergence(a.steps, b.steps)).toBeNull();
  });

  it('a month’s rules against another month’s: the first differing step, by position', () => {
    const a = ok(plain('2025-03').evaluate(fixture('e8-single-adult-2026.json')));
    const b = ok(plain('2026-03').evaluate(fixture('e8-single-adult-2026.json')));
    const d = firstDivergence(a.steps, b.steps)!;
    expect(d.index).toBe(a.steps.findIndex((s, i) => JSON.stringify(s.result) !== JSON.stringify(b.steps[i]!.result) || s.rule !== b.steps[i]!.rule || JSON.stringify(s.params) !== JSON.stringify(b.steps[i]!.params) || JSON.stringify(s.inputs) !== JSON.stringify(b.steps[i]!.inputs)));
    expect(d.base!.rule).toMatch(/2025/);
    expect(d.reform!.rule).toMatch(/2026/);
  });

  it('an extra step at the end (the aid cap) is a divergence', () => {
    const a = ok(plain().evaluate(fixture('e8-single-adult-2026.json')));
    const extra = { ...a.steps[0]!, step: 'compare.aidCap' };
    expect(firstDivergence(a.steps, [...a.steps, extra])).toMatchObject({ index: a.steps.length, step: 'compare.aidCap', base: null });
  });
});
