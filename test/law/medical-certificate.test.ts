/**
 * Läkarintyg from 2026-07-01 (rules/medical-certificate.json): an adult who because of illness does not
 * stand at the labour market's disposal must give a medical certificate; without one the proposal is
 * needs-information naming it. The 7-day threshold (SOU 2025:15) is unconfirmed: a parameter, unverified.
 */
import { describe, expect, it } from 'vitest';
import { calc, rulesFor, evaluateRendered } from '../support/engine.ts';
import { applicant, household } from '../support/households.ts';

const ill = (period: string, sickness: Record<string, unknown>) =>
  household(period, [applicant('1985-01-01', { sickness })], { circumstances: { availableForWork: false, consecutiveMonthsOnAssistance: 1 } });

describe('läkarintyg', () => {
  it('from July 2026: no certificate → needs-information naming the field', () => {
    const d = calc(ill('2026-07', { since: '2026-06-01' }));
    expect([d.outcome, d.payable]).toEqual(['needs-information', null]);
    expect(d.needsInformation).toContainEqual(expect.objectContaining({ code: 'MEDICAL_CERTIFICATE_MISSING', field: 'members[0].sickness.medicalCertificate', blocking: true }));
    expect(d.needsInformation.find((n) => n.code === 'MEDICAL_CERTIFICATE_MISSING')!.legalRef).toContain('(läkarintyg, i kraft 2026-07-01; SFS-nummer ej funnet)');
    expect(d.decisionText).toContain('- Ett läkarintyg för dig.');
    expect(d.decisionText).not.toContain('a1');
    // An unconfirmed paragraph is the caseworker's to check: the worksheet's, never the letter's.
    expect(d.worksheetText).toMatch(/Lagrum som inte är bekräftade i lagtexten \(kontrolleras före beslut\)\n- 12 kap\. 3 a §/);
    expect(d.decisionText).not.toContain('inte är bekräftade');
  });
  it('with a certificate the proposal is made (illness is a godtagbart skäl, not a refusal)', () => {
    const d = calc(ill('2026-07', { since: '2026-06-01', medicalCertificate: true }));
    expect(d.outcome).toBe('approve');
    expect(d.trace.find((s) => s.step === 'medical.certificate')).toMatchObject({ result: 'given' });
  });
  it('a misspelt field in sickness is a warning naming it, and the certificate counts as not given', () => {
    const d = calc(ill('2026-07', { since: '2026-06-01', medicalCertficate: true }));
    expect(d.warnings).toContainEqual(expect.objectContaining({ path: 'members[0].sickness.medicalCertficate', code: 'UNKNOWN_FIELD' }));
    expect(d.needsInformation.map((n) => n.code)).toContain('MEDICAL_CERTIFICATE_MISSING');
  });
  it('the 7-day threshold is a parameter with status unverified: 7 days ill is below it, 8 is not', () => {
    const seven = calc(ill('2026-07', { since: '2026-07-25' }));
    expect(seven.outcome).toBe('approve');
    expect(seven.trace.find((s) => s.step === 'medical.certificate')).toMatchObject({
      result: 'notNeeded',
      params: [expect.objectContaining({ id: 'medical-certificate#required-after-days', value: 7, status: 'unverified' })],
    });
    expect(calc(ill('2026-07', { since: '2026-07-24' })).outcome).toBe('needs-information');
  });
  it('without the first day of illness the threshold cannot be applied: the certificate is asked for', () => {
    expect(calc(ill('2026-08', {})).needsInformation.map((n) => n.code)).toContain('MEDICAL_CERTIFICATE_MISSING');
  });
  it('before July 2026 there is no such duty: illness is a godtagbart skäl as before', () => {
    const d = calc(ill('2026-06', {}));
    expect(d.outcome).toBe('approve');
    expect(d.trace.some((s) => s.step === 'medical.certificate')).toBe(false);
  });
  it('since must be a real date, not after the month', () => {
    const r = evaluateRendered(ill('2026-07', { since: '2026-08-02' }), rulesFor);
    expect(r.ok ? [] : r.issues.map((i) => `${i.path} ${i.code}`)).toEqual(['members[0].sickness.since AFTER_PERIOD']);
  });
});
