/**
 * Golden cases for each change code of the monthly comparison, on hand-built previous/current
 * decisions that carry the agreed agency-income fields (source "agency:<agency>", agency, benefit,
 * classification, changeThreshold), so the comparison works before the agency data lands.
 */
import { describe, expect, it } from 'vitest';
import { beyondThreshold, changePercent, compareMonths } from '../../src/monthly/compare.ts';
import type { DecisionLike, IncomeItemLike, MonthSnapshot, RegisteredLike } from '../../src/monthly/types.ts';
import type { Ore } from '../../src/money/index.ts';

const o = (n: number) => n as Ore;

function decision(over: Partial<DecisionLike> = {}): DecisionLike {
  return {
    outcome: 'approve',
    payable: '5000',
    norm: { members: [{ memberId: 'a1', rule: 'riksnorm/2026#single' }, { memberId: 'c1', rule: 'riksnorm/2026#child-4-6' }] },
    costs: { items: [{ type: 'rent', memberId: null, claimed: '6000' }, { type: 'electricity', memberId: null, claimed: '400' }] },
    income: { items: [{ memberId: 'a1', type: 'salary', amount: '3000', counted: '3000', source: 'application' }] },
    flags: [],
    needsInformation: [],
    requiresAssessment: false,
    ...over,
  };
}

const members = [{ id: 'a1', role: 'applicant' }, { id: 'c1', role: 'child' }];
const snap = (d: DecisionLike, m = members): MonthSnapshot => ({ members: m, decision: d });
const ctx = { caseId: 'K1', previousPeriod: '2026-02' };

function agency(benefit: string, amount: string, threshold: IncomeItemLike['changeThreshold'], counted = amount): IncomeItemLike {
  return { memberId: 'a1', type: 'other', amount, counted, source: 'agency:fk', agency: 'fk', benefit, classification: `income-classification#${benefit}`, ...(threshold ? { changeThreshold: threshold } : {}) };
}

/** A payment as this month's decision lists it (income.registered[]). */
function registered(benefit: string, use: RegisteredLike['use']): RegisteredLike {
  return { memberId: 'a1', agency: 'fk', benefit, subBenefit: null, net: '4000', paidOn: '2026-01-25', periodFrom: null, periodTo: null, days: null, preliminary: false, ref: null, month: '2026-01', use, classification: null };
}

const codes = (prev: MonthSnapshot | null, cur: MonthSnapshot) => compareMonths(prev, cur, ctx).flatMap((c) => (c.code ? [c.code] : []));

describe('the monthly comparison, one golden case per change code', () => {
  it('an unchanged month finds nothing, and still shows each comparison with both values', () => {
    const all = compareMonths(snap(decision()), snap(decision()), ctx);
    expect(all.every((c) => c.code === null)).toBe(true);
    expect(all.find((c) => c.step === 'monthly.cost' && c.subject === 'rent')).toMatchObject({ previous: '6000', current: '6000' });
  });
  it('NO_PREVIOUS_DECISION when no decision was recorded last month', () => {
    expect(compareMonths(null, snap(decision()), ctx)).toEqual([{ step: 'monthly.previous', code: 'NO_PREVIOUS_DECISION', subject: 'K1', previous: null, current: null, period: '2026-02' }]);
  });
  it('MEMBER_ADDED and MEMBER_GONE by member id', () => {
    const now = [{ id: 'a1', role: 'applicant' }, { id: 'a2', role: 'partner' }];
    const all = compareMonths(snap(decision()), snap(decision(), now), ctx).filter((c) => c.step === 'monthly.member');
    expect(all).toContainEqual({ step: 'monthly.member', code: 'MEMBER_ADDED', subject: 'a2', previous: null, current: 'partner' });
    expect(all).toContainEqual({ step: 'monthly.member', code: 'MEMBER_GONE', subject: 'c1', previous: 'child', current: null });
  });
  it('CHILD_AGE_BAND_CHANGED when a child moves to another riksnorm band (lunch or not is not a band change)', () => {
    const older = decision({ norm: { members: [{ memberId: 'a1', rule: 'riksnorm/2026#single' }, { memberId: 'c1', rule: 'riksnorm/2026#child-7-10' }] } });
    expect(compareMonths(snap(decision()), snap(older), ctx).find((c) => c.step === 'monthly.ageBand')).toMatchObject({ code: 'CHILD_AGE_BAND_CHANGED', previous: '4-6', current: '7-10' });
    const noLunch = decision({ norm: { members: [{ memberId: 'a1', rule: 'riksnorm/2026#single' }, { memberId: 'c1', rule: 'riksnorm/2026#child-4-6-without-lunch' }] } });
    expect(codes(snap(decision()), snap(noLunch))).toEqual([]);
  });
  it('COST_CHANGED for a changed, new or gone cost, exactly', () => {
    const changed = decision({ costs: { items: [{ type: 'rent', memberId: null, claimed: '6000.01' }] } });
    const all = compareMonths(snap(decision()), snap(changed), ctx).filter((c) => c.step === 'monthly.cost');
    expect(all).toContainEqual({ step: 'monthly.cost', code: 'COST_CHANGED', subject: 'rent', label: 'rent', previous: '6000', current: '6000.01' });
    expect(all).toContainEqual({ step: 'monthly.cost', code: 'COST_CHANGED', subject: 'electricity', label: 'electricity', previous: '400', current: null });
  });
  it('DECLARED_INCOME_MISSING and DECLARED_INCOME_CHANGED for the incomes the applicant declares', () => {
    const gone = decision({ income: { items: [] } });
    expect(codes(snap(decision()), snap(gone))).toEqual(['DECLARED_INCOME_MISSING']);
    const changed = decision({ income: { items: [{ memberId: 'a1', type: 'salary', amount: '3100', counted: '3100' }] } });
    expect(compareMonths(snap(decision()), snap(changed), ctx).find((c) => c.step === 'monthly.declaredIncome')).toMatchObject({ code: 'DECLARED_INCOME_CHANGED', previous: '3000', current: '3100' });
  });
  it('MISSING_REGISTERED_INCOME: a benefit counted last month is not registered now (once: not INCOME_DROPPED as well)', () => {
    const prev = decision({ income: { items: [...decision().income.items, agency('sjukpenning', '4000', { kind: 'percent', percent: 12 })] } });
    const all = compareMonths(snap(prev), snap(decision()), ctx).filter((c) => c.step === 'monthly.registeredIncome' || c.step === 'monthly.incomeType');
    expect(all).toEqual([
      { step: 'monthly.registeredIncome', code: 'MISSING_REGISTERED_INCOME', subject: 'a1/fk/sjukpenning', label: 'other (sjukpenning)', threshold: '12 %', previous: '4000', current: null },
      { step: 'monthly.incomeType', code: null, subject: 'a1/other', label: 'other', threshold: '12 %', previous: '4000', current: null, changePercent: null },
    ]);
  });
  it('a registered benefit that was not counted last month may disappear without a code', () => {
    const prev = decision({ income: { items: [...decision().income.items, agency('bostadsbidrag', '1200', { kind: 'percent', percent: 12 }, '0')] } });
    expect(codes(snap(prev), snap(decision()))).toEqual([]);
  });
  it('INCOME_DROPPED: an income type counted last month is not counted now although the agency still reports the benefit', () => {
    const prev = decision({ income: { items: [...decision().income.items, agency('sjukpenning', '4000', { kind: 'percent', percent: 12 })] } });
    // This month the payment is registered but belongs to another month (or is no longer counted).
    const now = decision({ income: { items: decision().income.items, registered: [registered('sjukpenning', 'other-month')] } });
    const all = compareMonths(snap(prev), snap(now), ctx);
    expect(all.flatMap((c) => (c.code ? [c.code] : []))).toEqual(['INCOME_DROPPED']);
    expect(all.find((c) => c.code === 'INCOME_DROPPED')).toMatchObject({ step: 'monthly.incomeType', subject: 'a1/other', previous: '4000', current: null });
  });
  it('NEW_INCOME: an income type counted now and not in the previous decision, whatever its threshold', () => {
    const now = (t: IncomeItemLike['changeThreshold']) => decision({ income: { items: [...decision().income.items, agency('barnbidrag', '1250', t)] } });
    for (const t of [{ kind: 'percent', percent: 12 }, { kind: 'exact' }, { kind: 'none' }] as const) {
      expect(codes(snap(decision()), snap(now(t)))).toEqual(['NEW_INCOME']);
    }
    expect(compareMonths(snap(decision()), snap(now({ kind: 'exact' })), ctx).find((c) => c.step === 'monthly.incomeType')).toMatchObject({ code: 'NEW_INCOME', previous: null, current: '1250' });
  });
  it('INCOME_CHANGE beyond a percent threshold, with both amounts and the rounded change', () => {
    const at = (amount: string) => decision({ income: { items: [agency('aktivitetsstod', amount, { kind: 'percent', percent: 12 })] } });
    // 10 000 → 11 200 is +12 %: not beyond; → 11 251 is +12.51 % → 13 %: beyond.
    expect(codes(snap(at('10000')), snap(at('11200')))).toEqual([]);
    const change = compareMonths(snap(at('10000')), snap(at('11251')), ctx).find((c) => c.step === 'monthly.incomeType');
    expect(change).toMatchObject({ code: 'INCOME_CHANGE', previous: '10000', current: '11251', changePercent: 13, threshold: '12 %' });
    expect(compareMonths(snap(at('10000')), snap(at('7700')), ctx).find((c) => c.step === 'monthly.incomeType')).toMatchObject({ code: 'INCOME_CHANGE', changePercent: -23 });
  });
  it('INCOME_CHANGE with an exact threshold catches 1 250 → 1 255 kr; a threshold of none never compares, and its absence is no code', () => {
    const at = (amount: string, t: IncomeItemLike['changeThreshold']) => decision({ income: { items: [agency('underhallsstod', amount, t)] } });
    expect(codes(snap(at('1250', { kind: 'exact' })), snap(at('1255', { kind: 'exact' })))).toEqual(['INCOME_CHANGE']);
    expect(codes(snap(at('1250', { kind: 'none' })), snap(at('9999', { kind: 'none' })))).toEqual([]);
    expect(codes(snap(at('600', { kind: 'none' })), snap(decision({ income: { items: [] } })))).toEqual([]);
  });
  it('each income type is compared as a whole, with the strictest threshold of its rows: sjukpenning replaced by sjukersättning of the same amount is no change', () => {
    const sick = (benefit: string, amount: string, t: IncomeItemLike['changeThreshold']) => ({ ...agency(benefit, amount, t), type: 'sickness-benefit' });
    const prev = decision({ income: { items: [sick('Sjukpenning', '8000', { kind: 'percent', percent: 12 })] } });
    const now = decision({ income: { items: [sick('Sjukersättning', '8000', { kind: 'exact' })] } });
    expect(codes(snap(prev), snap(now))).toEqual(['MISSING_REGISTERED_INCOME']);
    const type = compareMonths(snap(prev), snap(now), ctx).find((c) => c.step === 'monthly.incomeType')!;
    expect(type).toMatchObject({ code: null, threshold: 'exakt', previous: '8000', current: '8000' });
    // 8 000 → 8 500 is +6 %: under 12 %, but the sjukersättning row compares exactly.
    expect(codes(snap(prev), snap(decision({ income: { items: [sick('Sjukpenning', '4000', { kind: 'percent', percent: 12 }), sick('Sjukersättning', '4500', { kind: 'exact' })] } })))).toEqual(['INCOME_CHANGE']);
  });
  it('payments of one benefit are summed before comparing; a registered item without a threshold compares exactly', () => {
    const two = decision({ income: { items: [agency('sjukpenning', '2000', undefined), agency('sjukpenning', '2000', undefined)] } });
    const one = decision({ income: { items: [agency('sjukpenning', '4000', undefined)] } });
    expect(codes(snap(two), snap(one))).toEqual([]);
    expect(codes(snap(two), snap(decision({ income: { items: [agency('sjukpenning', '4000.01', undefined)] } })))).toEqual(['INCOME_CHANGE']);
    expect(compareMonths(snap(two), snap(one), ctx).find((c) => c.step === 'monthly.incomeType')).toMatchObject({ previous: '4000', current: '4000' });
  });
});

describe('thresholds (rounding named: half away from zero, in whole percent)', () => {
  it('rounds the change half away from zero', () => {
    expect(changePercent(o(1000_00), o(1125_00))).toBe(13); // 12.5 → 13
    expect(changePercent(o(1000_00), o(875_00))).toBe(-13); // −12.5 → −13
    expect(changePercent(o(1000_00), o(1124_99))).toBe(12);
    expect(changePercent(o(0), o(100))).toBeNull();
  });
  it('percent thresholds compare the rounded change', () => {
    expect(beyondThreshold({ kind: 'percent', percent: 12 }, o(1000_00), o(1124_99))).toBe(false);
    expect(beyondThreshold({ kind: 'percent', percent: 12 }, o(1000_00), o(1125_00))).toBe(true);
    expect(beyondThreshold({ kind: 'percent', percent: 0 }, o(1250_00), o(1255_00))).toBe(true);
  });
});
