/**
 * Issue 21: the optional case facts of the letter (letterhead) and members[].name: read into the
 * household for the letter only, checked with field paths, never used in a calculation.
 */
import { describe, expect, it } from 'vitest';
import { parseHousehold } from '../../src/household/parse.ts';
import { calc } from '../support/engine.ts';
import { applicant, child, household } from '../support/households.ts';

const letterhead = {
  board: 'Socialnämnden i Exempelby',
  applicationDate: '2026-02-27',
  applicantAddress: ['Storgatan 12 B', '  123 45   Exempelby '],
  decisionMaker: { name: 'Karin Berg', title: 'socialsekreterare', delegation: 'punkt 4.2' },
  contact: { name: 'Karin Berg', phone: '010-123 45 67', email: null },
};
const named = (extra: Record<string, unknown> = {}) => ({ ...household('2026-03', [applicant('1986-05-05', { name: 'Sara Lind' }), child('c1', '2017-03-03', { name: 'Elsa' })]), letterhead, ...extra });

describe('letterhead and names', () => {
  it('are read as given (one line each), and change nothing in the calculation', () => {
    const r = parseHousehold(named());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.household.members.map((m) => m.name)).toEqual(['Sara Lind', 'Elsa']);
    expect(r.household.letterhead).toEqual({ ...letterhead, applicantAddress: ['Storgatan 12 B', '123 45 Exempelby'], contact: { name: 'Karin Berg', phone: '010-123 45 67', email: null } });
    const plain = calc(household('2026-03', [applicant('1986-05-05'), child('c1', '2017-03-03')]));
    const withNames = calc(named());
    expect([withNames.outcome, withNames.payable, withNames.need]).toEqual([plain.outcome, plain.payable, plain.need]);
    expect(withNames.decisionText).toContain('Elsa, 8 år');
    expect(withNames.decisionText).toContain('Socialnämnden i Exempelby');
  });
  it('wrong forms are refused naming the field', () => {
    const bad = parseHousehold(named({ decidedOn: '2026-02-20', letterhead: { ...letterhead, applicantAddress: 'Storgatan 12', decisionMaker: { title: 'x' } } }));
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.issues.map((i) => [i.path, i.code])).toEqual(
      expect.arrayContaining([
        ['letterhead.applicationDate', 'AFTER_DECISION'],
        ['letterhead.applicantAddress', 'INVALID_FIELD'],
        ['letterhead.decisionMaker.name', 'REQUIRED'],
      ]),
    );
  });
  it('an unknown letterhead field is a warning naming it', () => {
    const r = parseHousehold(named({ letterhead: { ...letterhead, fax: '08-1' } }));
    expect(r.ok && r.warnings.map((w) => w.path)).toEqual(['letterhead.fax']);
  });
});
