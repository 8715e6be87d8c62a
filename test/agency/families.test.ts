/**
 * Agency income as it really arrives (issue 23). Försäkringskassan reports pensions, sickness
 * compensation and annuities under the family "Pension/SA/Livräntor/Vårdbidrag" and the day benefits
 * under "Dagersättning", with the benefit itself as the förmån of the payment's detail row. A family
 * payment is classified by that förmån through the rows that already exist; without a recognisable
 * förmån it is not counted, goes to a person naming the family, the proposal computes both
 * alternatives, the case is never ready, and no letter can be produced until a person has classified
 * it (registeredIncomes[].assessment). Golden cases for each family shape and each new row.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { importSsbtekAnswer, requestWindow } from '../../src/agency/ssbtek.ts';
import { parsePeriod } from '../../src/period/index.ts';
import { breakdown, calc, fixture } from '../support/engine.ts';
import { applicant, household, type Json } from '../support/households.ts';

/** A single adult in March 2026 with rent 6 000 kr: riksnorm 5 220 kr + rent = 11 220 kr, with no income. */
const single = (registeredIncomes: Json[]): Json => household('2026-03', [applicant('1980-01-01')], { costs: [{ type: 'rent', amount: '6000' }], registeredIncomes });
const fk = (benefit: string, net: string, extra: Json = {}): Json => ({ memberId: 'a1', agency: 'fk', benefit, net, paidOn: '2026-02-25', ...extra });
const PSLV = 'Pension/SA/Livräntor/Vårdbidrag';

describe('the single adult of March 2026 with rent 6 000 kr', () => {
  it('needs 11 220 kr: riksnorm 5 220 kr + rent 6 000 kr, and gets all of it without income', () => {
    const d = calc(single([]));
    expect([d.norm.total, d.need, d.payable, d.outcome]).toEqual(['5220', '11220', '11220', 'approve']);
  });
});

describe('golden: 9 000 kr sjukersättning reported under the family Pension/SA/Livräntor/Vårdbidrag', () => {
  const d = calc(single([fk(PSLV, '9000', { subBenefit: 'Sjukersättning', ref: 'FK-1' })]));
  it('is counted as sjukersättning, and the payable is 11 220 − 9 000 = 2 220 kr', () => {
    expect(d.income.counted).toBe('9000');
    expect(d.payable).toBe('2220');
    expect(d.outcome).toBe('approve');
    expect(d.income.registered[0]).toMatchObject({ use: 'counted', classification: 'fk-sjukersattning', incomeType: 'sickness-benefit', family: PSLV, matchedOn: 'subBenefit', alternatives: null });
    expect(d.income.items[0]).toMatchObject({ type: 'sickness-benefit', counted: '9000', source: 'agency:fk', benefit: PSLV, subBenefit: 'Sjukersättning', classification: 'fk-sjukersattning' });
  });
  it('raises no UNHANDLED_INCOME and nothing that blocks the letter', () => {
    expect(d.flags.map((f) => f.code)).not.toContain('UNHANDLED_INCOME');
    expect(d.flags.some((f) => f.blocksLetter)).toBe(false);
  });
  it('the trace cites the row it was classified by and says through which förmån', () => {
    const step = d.trace.find((s) => s.step === 'agency.classify')!;
    expect(step.rule).toMatch(/#fk-sjukersattning$/);
    expect(step.inputs['matchedOn']).toBe('subBenefit');
    expect(step.text).toBe('Pension/SA/Livräntor/Vårdbidrag från Försäkringskassan: förmånen Sjukersättning räknas som sjukpenning/sjukersättning.');
  });
});

describe('family shapes', () => {
  it('Dagersättning with the förmån Föräldrapenning (and the amount type Föräldrapenning, as Sundsvall’s mocks show it): föräldrapenning', () => {
    const d = calc(single([fk('Dagersättning', '2100', { subBenefit: 'Föräldrapenning', amountType: 'Föräldrapenning', days: '10' })]));
    expect(d.income.registered[0]).toMatchObject({ use: 'counted', classification: 'fk-foraldrapenning', incomeType: 'parental-benefit', matchedOn: 'subBenefit' });
    expect(d.payable).toBe('9120');
  });
  it('Dagersättning with the förmån Arbetsmarknadspolitiskt program and the amount type Aktivitetsstöd: aktivitetsstöd, by the amount type', () => {
    const d = calc(single([fk('Dagersättning', '3960', { subBenefit: 'Arbetsmarknadspolitiskt program', amountType: 'Aktivitetsstöd', days: '18' })]));
    expect(d.income.registered[0]).toMatchObject({ use: 'counted', classification: 'fk-aktivitetsstod', incomeType: 'activity-support', matchedOn: 'amountType' });
    expect(d.payable).toBe('7260');
  });
  it('Dagersättning / Arbetsmarknadspolitiskt program / Etableringsersättning, Etableringstillägg, Bostadsersättning, Utvecklingsersättning: each its own row', () => {
    const kinds = ['Etableringsersättning', 'Etableringstillägg', 'Bostadsersättning', 'Utvecklingsersättning'];
    const d = calc(single(kinds.map((k, i) => fk('Dagersättning', String(100 * (i + 1)), { subBenefit: 'Arbetsmarknadspolitiskt program', amountType: k, ref: k }))));
    expect(kinds.map((k) => d.income.registered.find((r) => r.ref === k)!.classification)).toEqual(['fk-etableringsersattning', 'fk-etableringstillagg', 'fk-bostadsersattning', 'fk-utvecklingsersattning']);
    expect(d.income.counted).toBe('1000');
  });
  it('Pension/SA/Livräntor/Vårdbidrag with the förmån Aktivitetsersättning or Arbetsskadelivränta: counted; Handikappersättning: not counted; Vårdbidrag: a person', () => {
    const d = calc(single([
      fk(PSLV, '1000', { subBenefit: 'Aktivitetsersättning', ref: 'AE' }),
      fk(PSLV, '700', { subBenefit: 'Arbetsskadelivränta', ref: 'ASL' }),
      fk(PSLV, '1453', { subBenefit: 'Handikappersättning', ref: 'HE' }),
      fk(PSLV, '3200', { subBenefit: 'Vårdbidrag', ref: 'VB' }),
    ]));
    const by = (ref: string) => d.income.registered.find((r) => r.ref === ref)!;
    expect([by('AE').use, by('ASL').use, by('HE').use, by('VB').use]).toEqual(['counted', 'counted', 'excluded', 'to-person']);
    expect([by('AE').incomeType, by('ASL').incomeType]).toEqual(['sickness-benefit', 'pension']);
    expect(d.income.counted).toBe('1700');
    expect(d.flags.find((f) => f.code === 'REGISTERED_INCOME_TO_ASSESS')).toMatchObject({ paymentIndex: 3, blocksLetter: true });
  });
});

describe('a family payment with no recognisable förmån goes to a person, naming the family', () => {
  const d = calc(single([fk(PSLV, '9000', { ref: 'FK-2' })]));
  const flag = d.flags.find((f) => f.code === 'UNHANDLED_INCOME')!;
  it('is not counted: the proposal pays 11 220 kr, and computes the alternative with it counted as sjukersättning, 2 220 kr', () => {
    expect(d.payable).toBe('11220');
    expect(d.income.registered[0]).toMatchObject({ use: 'unhandled', classification: 'fk-pension-sa-livrantor-vardbidrag', family: PSLV, likelyIncomeType: 'sickness-benefit', alternatives: { notCounted: '11220', counted: '2220', incomeType: 'sickness-benefit' } });
  });
  it('UNHANDLED_INCOME names the family and both amounts, points at the payment and blocks the letter', () => {
    expect(flag).toMatchObject({ severity: 'assessment', memberId: 'a1', agency: 'fk', benefit: PSLV, paymentIndex: 0, blocksLetter: true, amounts: { registered: '9000', payableNotCounted: '11220', payableCounted: '2220' } });
    expect(flag.text).toContain('anger bara förmånsfamiljen Pension/SA/Livräntor/Vårdbidrag');
    expect(flag.text).toContain('Räknas den som sjukpenning/sjukersättning blir att betala 2 220 kr i stället för 11 220 kr');
    expect(d.requiresAssessment).toBe(true);
  });
  it('the same when FK gives a förmån no row knows', () => {
    const other = calc(single([fk(PSLV, '9000', { subBenefit: 'Okänd förmån' })]));
    expect(other.income.registered[0]!.use).toBe('unhandled');
    expect(other.flags.find((f) => f.code === 'UNHANDLED_INCOME')!.message.key).toBe('flag.UNHANDLED_INCOME_FAMILY');
  });
  it('the breakdown shows it on its own line "Ej bedömd", outside the counted income, with the alternative', () => {
    const text = breakdown(single([fk(PSLV, '9000', { ref: 'FK-2' })]));
    expect(text).toMatch(/\n {2}Inkomster som räknas +0 kr\n {2}Ej bedömd: Pension\/SA\/Livräntor\/Vårdbidrag +9 000 kr {3}räknas inte; som sjukpenning\/sjukersättning: att betala 2 220 kr\n {2}Att betala +11 220 kr\n/);
    // The payment's line says it is not assessed, with the day it was paid; no classification id (legal review: no codes).
    expect(text).toMatch(/\n {2}Pension\/SA\/Livräntor\/Vårdbidrag från Försäkringskassan – Sökande, född 1980\n +9 000 kr {3}25 februari 2026, ej bedömd\n/);
    expect(text.split('\nBeräkningsgång\n')[0]).not.toContain('fk-pension-sa-livrantor-vardbidrag');
  });
  it('the worksheet says it is not assessed, what it would mean, and that the proposal cannot be sent; the letter says nothing of it', () => {
    expect(d.decisionText).not.toMatch(/Ej bedömd|inte bedömd|Pension\/SA/);
    expect(d.worksheetText).toMatch(/^ARBETSUNDERLAG[^\n]*\n[^\n]*\n\nInget brev kan skickas ännu\n- Förslaget kan inte skickas/);
    expect(d.worksheetText).toContain('Ej bedömd: Pension/SA/Livräntor/Vårdbidrag från Försäkringskassan, utbetalt 25 februari 2026, 9 000 kr. Ingår inte i beloppet ovan. Räknas den som sjukpenning/sjukersättning blir att betala 2 220 kr.');
    expect(d.worksheetText).toContain('Förslaget kan inte skickas som beslut förrän handläggaren har bedömt utbetalningen som inte är bedömd.');
  });
  it('the page’s letter refuses while it stands (letterKind none, with why)', async () => {
    const letter = (await import(fileURLToPath(new URL('../../src/web/public/letter.js', import.meta.url)))) as { letterKind: (d: unknown, recorded: boolean) => { kind: string; why?: string } };
    const kind = letterKind(letter, d);
    expect(kind.kind).toBe('none');
    expect(kind.why).toContain('Pension/SA/Livräntor/Vårdbidrag, 9 000 kr');
    expect(letterKind(letter, calc(single([fk(PSLV, '9000', { subBenefit: 'Sjukersättning' })]))).kind).toBe('proposal');
  });
});

function letterKind(module: { letterKind: (d: unknown, recorded: boolean) => { kind: string; why?: string } }, d: unknown) {
  return module.letterKind(d, false);
}

describe('a person classifies the payment (registeredIncomes[].assessment)', () => {
  it('counted as sjukersättning: 2 220 kr, nothing blocks the letter, the text says a person assessed it', () => {
    const d = calc(single([fk(PSLV, '9000', { assessment: { action: 'count', incomeType: 'sickness-benefit', reason: 'Sjukersättning enligt beslut från Försäkringskassan' } })]));
    expect(d.payable).toBe('2220');
    expect(d.income.registered[0]).toMatchObject({ use: 'counted', classification: 'fk-pension-sa-livrantor-vardbidrag', incomeType: 'sickness-benefit', assessment: { action: 'count', incomeType: 'sickness-benefit' }, alternatives: null });
    expect(d.flags).toEqual([]);
    expect(d.income.registered[0]!.reason).toContain('handläggaren har bedömt att den räknas som sjukpenning/sjukersättning (Sjukersättning enligt beslut från Försäkringskassan)');
  });
  it('not counted, with the reason: 11 220 kr and the reason in the letter', () => {
    const d = calc(single([fk('Bilstöd', '4000', { assessment: { action: 'exclude', reason: 'bilstödet betalas till bilförsäljaren' } })]));
    expect(d.payable).toBe('11220');
    expect(d.income.registered[0]).toMatchObject({ use: 'excluded', classification: 'unknown' });
    expect(d.flags).toEqual([]);
    expect(d.decisionText).toContain('- Bilstöd från Försäkringskassan (4 000 kr) räknas inte: bilstödet betalas till bilförsäljaren\n');
  });
  it('a classification that is incomplete is refused, naming the field', async () => {
    const { evaluateHousehold } = await import('../../src/index.ts');
    const { rulesFor } = await import('../support/engine.ts');
    const bad = (assessment: Json) => {
      const r = evaluateHousehold(single([fk('Bilstöd', '4000', { assessment })]), rulesFor);
      return r.ok ? [] : r.issues.map((i) => `${i.path} ${i.code}`);
    };
    expect(bad({ action: 'count' })).toEqual(['registeredIncomes[0].assessment.incomeType REQUIRED']);
    expect(bad({ action: 'exclude' })).toEqual(['registeredIncomes[0].assessment.reason REQUIRED']);
    expect(bad({ action: 'maybe' })).toEqual(['registeredIncomes[0].assessment.action INVALID_ACTION']);
    expect(bad({ action: 'count', incomeType: 'lottery' })).toEqual(['registeredIncomes[0].assessment.incomeType UNKNOWN_TYPE']);
  });
});

describe('new rows', () => {
  it('Elstöd is counted (Sundsvall’s list, R 35), never compared month to month', () => {
    const d = calc(single([fk('Elstöd', '600')]));
    expect(d.income.registered[0]).toMatchObject({ use: 'counted', classification: 'fk-elstod', incomeType: 'other', changeThreshold: { kind: 'none' } });
    expect(d.payable).toBe('10620');
  });
  it('FK Bostadskostnad is not counted (R 41), with the reason', () => {
    const d = calc(single([fk('Bostadskostnad', '6000')]));
    expect(d.income.registered[0]).toMatchObject({ use: 'excluded', classification: 'fk-bostadskostnad' });
    expect(d.income.registered[0]!.reason).toContain('räknas inte: uppgiften om bostadskostnad är inte en ersättning till hushållet');
    expect(d.payable).toBe('11220');
    expect(d.flags).toEqual([]);
  });
  it('Assistansersättning goes to a person (it pays for assistance, SFB 51 kap. 2 and 4 §§): not counted, no likely type, the letter blocked', () => {
    const d = calc(single([fk('Assistansersättning', '52000')]));
    expect(d.payable).toBe('11220');
    expect(d.income.registered[0]).toMatchObject({ use: 'to-person', classification: 'fk-assistansersattning', likelyIncomeType: null, alternatives: { notCounted: '11220', counted: null, incomeType: null } });
    expect(d.flags[0]).toMatchObject({ code: 'REGISTERED_INCOME_TO_ASSESS', blocksLetter: true, paymentIndex: 0 });
    expect(d.flags[0]!.text).toContain('51 kap. 2 och 4 §§ socialförsäkringsbalken');
  });
  it.each([
    ['its sub-benefit (CSN’s ärende text)', { subBenefit: 'Extra tillägg', net: '855' }, 'csn-studiehjalp-extra-tillagg'],
    ['its amount row’s text', { amountType: 'Extra tillägg', net: '570' }, 'csn-studiehjalp-extra-tillagg-beloppstyp'],
    ['its amount alone (855 kr, one of CSN’s levels)', { net: '855' }, 'csn-studiehjalp-extra-tillagg-belopp'],
  ])('Studiehjälp extra tillägg is recognised by %s: a person decides, the alternative computed', (_how, extra, id) => {
    const d = calc(single([{ memberId: 'a1', agency: 'csn', benefit: 'Studiehjälp', paidOn: '2026-02-25', ...extra }]));
    const net = String(extra.net);
    expect(d.income.registered[0]).toMatchObject({ use: 'to-person', classification: id, likelyIncomeType: 'study-allowance' });
    expect(d.income.registered[0]!.alternatives).toEqual({ notCounted: '11220', counted: String(11220 - Number(net)), incomeType: 'study-allowance' });
    expect(d.payable).toBe('11220');
  });
  it('studiebidrag of 1 250 kr is studiehjälp, counted', () => {
    const d = calc(single([{ memberId: 'a1', agency: 'csn', benefit: 'Studiehjalp', net: '1250', paidOn: '2026-02-25' }]));
    expect(d.income.registered[0]).toMatchObject({ use: 'counted', classification: 'csn-studiehjalp' });
  });
});

describe('the SSBTEK adapter carries the family shapes (fixtures/ssbtek/answer-families-*.json)', () => {
  const answer = (name: string): unknown => fixture(`ssbtek/${name}`);
  const a1 = importSsbtekAnswer(answer('answer-families-a1-2026-03.json'), 'a1');
  const a2 = importSsbtekAnswer(answer('answer-families-a2-2026-03.json'), 'a2');
  it('a family payment whose detail rows (an amount and its tax) name one förmån gets it as subBenefit; no amount is summed from the rows', () => {
    expect(a1.registeredIncomes.find((p) => p.ref === 'FK-20260225-301001')).toEqual({ memberId: 'a1', agency: 'fk', benefit: PSLV, subBenefit: 'Sjukersättning', net: '9000', gross: '11538', tax: '2538', paidOn: '2026-02-25', periodFrom: '2026-02-01', periodTo: '2026-02-28', ref: 'FK-20260225-301001' });
  });
  it('rows naming different förmåner give no subBenefit: the payment goes to a person', () => {
    const split = a1.registeredIncomes.find((p) => p.ref === 'FK-20260227-301004')!;
    expect([split.benefit, split.subBenefit, split.amountType, split.net]).toEqual([PSLV, undefined, undefined, '1650']);
  });
  it('Dagersättning with förmån, amount type and days from its single detail row', () => {
    expect(a2.registeredIncomes.map((p) => [p.benefit, p.subBenefit, p.amountType, p.days])).toEqual([
      ['Dagersättning', 'Arbetsmarknadspolitiskt program', 'Aktivitetsstöd', '18'],
      ['Dagersättning', 'Föräldrapenning', 'Föräldrapenning', '10'],
    ]);
  });
  it('the household the two answers give (household-families-2026-03.json) is what the import writes, and its proposal', () => {
    const h = fixture('ssbtek/household-families-2026-03.json') as { registeredIncomes: unknown[] };
    expect(h.registeredIncomes).toEqual([...a1.registeredIncomes, ...a2.registeredIncomes]);
    const d = calc(h);
    expect(d.income.registered.map((r) => `${r.classification}:${r.use}`)).toEqual([
      'fk-allmant-barnbidrag:counted',
      'fk-elstod:counted',
      'fk-sjukersattning:counted',
      'fk-pension-sa-livrantor-vardbidrag:unhandled',
      'fk-foraldrapenning:counted',
      'fk-aktivitetsstod:counted',
    ]);
    expect([d.outcome, d.payable]).toEqual(['approve', '4410']);
    expect(d.income.registered[3]!.alternatives).toEqual({ notCounted: '4410', counted: '2760', incomeType: 'sickness-benefit' });
  });
  it('for an October application SSBTEK is read from 1 June (the studiehjälp check needs June); otherwise from M−2', () => {
    expect(requestWindow(parsePeriod('2026-10')!)).toEqual({ from: '2026-06-01', to: '2026-10-31' });
    expect(requestWindow(parsePeriod('2026-03')!)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
  });
});
