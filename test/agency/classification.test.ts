/**
 * Agency income map (rules/agency-income-map.json; 15 kap. 10–12 §§ SoL (2025:400)): every row
 * classifies the payment it names, counted rows lower payable by exactly the net amount, excluded and
 * review rows never do, and an unknown benefit is UNHANDLED_INCOME, never a silent count or zero.
 */
import { describe, expect, it } from 'vitest';
import { classifyPayment, classifyRegistered } from '../../src/agency/map.ts';
import type { Ore } from '../../src/money/index.ts';
import { parsePeriod } from '../../src/period/index.ts';
import { calc, rulesFor } from '../support/engine.ts';
import { paid, PERIOD, withAgency } from './support.ts';

const map = rulesFor(parsePeriod(PERIOD)!, null).rules.agencyIncomeMap!;
const base = calc(withAgency([]));
const kr = (s: string | null) => Number(s);

describe('every row of the agency income map classifies the payment it names', () => {
  it.each(map.rows.map((r) => [r.id, r] as const))('%s', (id, row) => {
    // A row keyed on amounts (CSN's levels of extra tillägg) classifies a payment of such an amount.
    const net = row.netAmounts?.[0] ?? '1000';
    const payment = paid(row.agency, row.benefit, net, '2026-02-20', { ...(row.subBenefit ? { subBenefit: row.subBenefit } : {}), ...(row.amountType ? { amountType: row.amountType } : {}), ref: `ref-${id}` });
    const d = calc(withAgency([payment]));
    const reg = d.income.registered[0]!;
    expect(reg.classification).toBe(id);
    expect(reg.changeThreshold).toEqual(row.changeThreshold);
    if (row.action === 'count') {
      expect(reg.use).toBe('counted');
      const item = d.income.items.find((i) => i.source === `agency:${row.agency}`)!;
      expect(item).toMatchObject({ type: row.incomeType, amount: net, classification: id, ref: `ref-${id}`, paidOn: '2026-02-20', changeThreshold: row.changeThreshold });
      // Counted krona for krona (a child's own means rule does not apply: the payment is the applicant's).
      expect(kr(base.payable) - kr(d.payable)).toBe(Number(net));
    } else {
      expect(reg.use).toBe(row.action === 'exclude' ? 'excluded' : 'to-person');
      expect(d.income.items.filter((i) => i.source !== 'application')).toEqual([]);
      expect(d.payable).toBe(base.payable);
      if (row.action === 'review') expect(d.flags.map((f) => f.code)).toContain('REGISTERED_INCOME_TO_ASSESS');
    }
    expect(d.trace.some((s) => s.step === 'agency.classify' && s.rule === `${map.id}#${id}`)).toBe(true);
  });
});

describe('matching: the agencies own words, without regard to case, accents or spacing; the most specific row wins', () => {
  it('"Studiehjalp" (CSN spells it without ä) is Studiehjälp', () => {
    expect(classifyPayment(map, 'csn', 'Studiehjalp', null, null)?.id).toBe('csn-studiehjalp');
    expect(classifyPayment(map, 'csn', '  studiehjälp ', null, null)?.id).toBe('csn-studiehjalp');
  });
  it('a sub-benefit row beats an amount row and the benefit row; an amount type row beats them all', () => {
    expect(classifyPayment(map, 'csn', 'Studiehjälp', 'Extra tillägg', null)?.id).toBe('csn-studiehjalp-extra-tillagg');
    expect(classifyPayment(map, 'csn', 'Studiehjälp', 'Extra tillägg', null, 85500 as Ore)?.id).toBe('csn-studiehjalp-extra-tillagg');
    expect(classifyPayment(map, 'csn', 'Studiehjälp', 'Studiebidrag', 'Extra tillägg', 125000 as Ore)?.id).toBe('csn-studiehjalp-extra-tillagg-beloppstyp');
    expect(classifyPayment(map, 'fk', 'Bostadsbidrag', 'Bostadsbidrag', 'Avdrag Soc')?.id).toBe('fk-bostadsbidrag-avdrag-soc');
  });
  it('an amount row matches only its amounts: studiehjälp of exactly 855 kr is extra tillägg, 1 250 kr is studiebidrag', () => {
    expect(classifyPayment(map, 'csn', 'Studiehjälp', null, null, 85500 as Ore)?.id).toBe('csn-studiehjalp-extra-tillagg-belopp');
    expect(classifyPayment(map, 'csn', 'Studiehjalp', null, null, 28500 as Ore)?.id).toBe('csn-studiehjalp-extra-tillagg-belopp');
    expect(classifyPayment(map, 'csn', 'Studiehjälp', null, null, 125000 as Ore)?.id).toBe('csn-studiehjalp');
    expect(classifyPayment(map, 'csn', 'Studiehjälp', null, null, 210500 as Ore)?.id).toBe('csn-studiehjalp');
    expect(classifyPayment(map, 'csn', 'Studiehjälp', null, null)?.id).toBe('csn-studiehjalp');
  });
  it('a benefit family is classified by its förmån, else its amount type, through the rows of the agency; alone it has no row', () => {
    expect(classifyPayment(map, 'fk', 'Dagersättning', 'Sjukpenning', 'Belopp')?.id).toBe('fk-sjukpenning');
    expect(classifyPayment(map, 'fk', 'DAGERSÄTTNING', 'föräldrapenning', 'Föräldrapenning')?.id).toBe('fk-foraldrapenning');
    expect(classifyPayment(map, 'fk', 'Dagersättning', 'Arbetsmarknadspolitiskt program', 'Aktivitetsstöd')?.id).toBe('fk-aktivitetsstod');
    expect(classifyPayment(map, 'fk', 'Dagersättning', 'Arbetsmarknadspolitiskt program', 'Etableringstillägg')?.id).toBe('fk-etableringstillagg');
    expect(classifyPayment(map, 'fk', 'Pension/SA/Livräntor/Vårdbidrag', 'Sjukersättning', 'Belopp')?.id).toBe('fk-sjukersattning');
    expect(classifyPayment(map, 'fk', 'Pension/SA/Livräntor/Vårdbidrag', 'Vårdbidrag', null)?.id).toBe('fk-vardbidrag');
    expect(classifyPayment(map, 'fk', 'Pension/SA/Livräntor/Vårdbidrag', 'Handikappersättning', null)?.id).toBe('fk-handikappersattning');
    expect(classifyPayment(map, 'fk', 'Dagersättning', null, null)).toBeNull();
    expect(classifyPayment(map, 'fk', 'Pension/SA/Livräntor/Vårdbidrag', 'Okänd förmån', 'Belopp')).toBeNull();
    expect(classifyRegistered(map, 'fk', 'Pension/SA/Livräntor/Vårdbidrag', null, null, null)).toMatchObject({ row: null, family: { id: 'fk-pension-sa-livrantor-vardbidrag', likelyIncomeType: 'sickness-benefit' } });
    // Only a family is read through its förmån: an unknown benefit with a known sub-benefit stays unknown.
    expect(classifyPayment(map, 'fk', 'Utbetalning', 'Sjukersättning', null)).toBeNull();
  });
  it('the agency is part of the key: Bostadstillägg from PM and from FK are different rows, Bostadsbidrag from CSN is unknown', () => {
    expect(classifyPayment(map, 'pm', 'Bostadstillägg', null, null)?.id).toBe('pm-bostadstillagg');
    expect(classifyPayment(map, 'fk', 'Bostadstillägg', null, null)?.id).toBe('fk-bostadstillagg');
    expect(classifyPayment(map, 'csn', 'Bostadsbidrag', null, null)).toBeNull();
  });
});

describe('row groups (golden cases)', () => {
  it('FK family benefits: bostadsbidrag, barnbidrag and flerbarnstillägg, underhållsstöd, föräldrapenning, sjukpenning counted as their income types', () => {
    const d = calc(withAgency([
      paid('fk', 'Bostadsbidrag', '1500', '2026-02-25', { ref: 'fk-1' }),
      paid('fk', 'Allmänt barnbidrag', '1250', '2026-02-20'),
      paid('fk', 'Underhållsstöd', '1673', '2026-02-26'),
      paid('fk', 'Dagersättning', '4212', '2026-02-18', { subBenefit: 'Föräldrapenning', days: '12' }),
    ]));
    expect(d.income.items.map((i) => [i.type, i.counted, i.classification])).toEqual([
      ['parental-benefit', '4212', 'fk-foraldrapenning'],
      ['child-allowance', '1250', 'fk-allmant-barnbidrag'],
      ['housing-allowance', '1500', 'fk-bostadsbidrag'],
      ['maintenance-support', '1673', 'fk-underhallsstod'],
    ]);
    expect(d.income.counted).toBe('8635');
    expect(kr(base.payable) - kr(d.payable)).toBe(8635);
    expect(d.flags.filter((f) => f.code === 'CHILD_ALLOWANCE_MISMATCH')).toEqual([]);
  });
  it('handikappersättning and merkostnadsersättning compensate extra costs: shown with the reason, never counted', () => {
    const d = calc(withAgency([paid('fk', 'Handikappersättning', '1453', '2026-02-25'), paid('fk', 'Merkostnadsersättning', '2100', '2026-02-25')]));
    expect(d.payable).toBe(base.payable);
    expect(d.income.registered.map((r) => r.use)).toEqual(['excluded', 'excluded']);
    expect(d.income.registered[0]!.reason).toMatch(/räknas inte: handikappersättning ersätter merkostnader/);
    expect(d.requiresAssessment).toBe(base.requiresAssessment);
  });
  it('vårdbidrag goes to a person: not counted, flagged for assessment with the amount', () => {
    const d = calc(withAgency([paid('fk', 'Vårdbidrag', '3200', '2026-02-25')]));
    expect(d.payable).toBe(base.payable);
    expect(d.flags.find((f) => f.code === 'REGISTERED_INCOME_TO_ASSESS')).toMatchObject({ severity: 'assessment', memberId: 'a1', agency: 'fk', benefit: 'Vårdbidrag', amounts: { registered: '3200' } });
    expect(d.requiresAssessment).toBe(true);
  });
  it('Pensionsmyndigheten, a-kassa, CSN, Skatteverket: counted with net only (gross and tax are shown, never summed)', () => {
    const d = calc(withAgency([
      paid('pm', 'Garantipension', '6140', '2026-02-19'),
      paid('akassa', 'Arbetslöshetsersättning', '6200', '2026-02-12', { gross: '8100', tax: '1900', days: '20' }),
      paid('csn', 'Studiemedel', '11840', '2026-02-25'),
      paid('skv', 'Skatteåterbäring', '900', '2026-02-10'),
    ]));
    expect(d.income.counted).toBe('25080');
    expect(d.income.registered.find((r) => r.agency === 'akassa')).toMatchObject({ net: '6200', gross: '8100', tax: '1900', days: '20' });
  });
  // Issue 20: one rule for every income of a child, capped at the child's own share (was: the child's norm).
  it('a child’s underhållsstöd paid to the child counts only up to the child’s own share (the income rules apply to agency payments too)', () => {
    const d = calc(withAgency([{ ...paid('fk', 'Underhållsstöd', '9000', '2026-02-26'), memberId: 'c1' }]));
    const item = d.income.items.find((i) => i.memberId === 'c1')!;
    expect(item.code).toBe('CHILD_INCOME_CAPPED');
    expect(kr(item.counted)).toBeLessThan(9000);
    expect(item.reason).toMatch(/^Underhållsstöd från Försäkringskassan, utbetalt 26 februari 2026: /);
  });
});

describe('UNHANDLED_INCOME: a benefit the rules do not know', () => {
  it('is not counted, raises UNHANDLED_INCOME (assessment) with member, agency, benefit and amount', () => {
    const d = calc(withAgency([paid('fk', 'Bilstöd', '4000', '2026-02-27')]));
    expect(d.payable).toBe(base.payable);
    expect(d.income.registered[0]).toMatchObject({ use: 'unhandled', classification: null });
    expect(d.flags.find((f) => f.code === 'UNHANDLED_INCOME')).toMatchObject({ severity: 'assessment', memberId: 'a1', agency: 'fk', benefit: 'Bilstöd', amounts: { registered: '4000' } });
    expect(d.requiresAssessment).toBe(true);
    expect(d.trace.find((s) => s.step === 'agency.classify')!.rule).toBe(`${map.id}#unknown`);
  });
});
