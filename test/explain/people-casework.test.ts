/**
 * How the case work names people (src/explain/people.ts, the one naming of the views): by name, in a
 * Swedish genitive, by a plain description without a name, and never a protected member's name in a
 * masked view. People.fromInput reads a stored input leniently (the queue's rows).
 */
import { describe, expect, it } from 'vitest';
import { genitiveSv, People } from '../../src/explain/people.ts';
import { pointTextSv } from '../../src/explain/casework.ts';

const household = {
  period: '2026-03',
  members: [
    { id: 'a1', role: 'applicant', birthDate: '1990-03-14', name: 'Sara Lind' },
    { id: 'a2', role: 'partner', birthDate: '1988-01-02', name: 'Lars', protectedIdentity: true },
    { id: 'c1', role: 'child', birthDate: '2019-01-10' },
    { id: 'c2', role: 'child', birthDate: 'not a date' },
  ],
};

describe('the case work names people', () => {
  it('a genitive as Swedish makes it', () => {
    expect(genitiveSv('Sara Lind')).toBe('Sara Linds');
    expect(genitiveSv('Lars')).toBe('Lars');
    expect(genitiveSv('Max')).toBe('Max');
    expect(genitiveSv('Inez')).toBe('Inez');
  });

  it('by name, else by role; a member that cannot be read is left out, never shown by id', () => {
    const people = People.fromInput(household)!;
    expect(people.get('a1')?.called).toBe('Sara Lind');
    expect(people.get('a2')?.calledGen).toBe('Lars');
    expect(people.get('c1')?.called).toBe('barnet som är 7 år');
    expect(people.get('c2')).toBeUndefined();
    expect(people.args({ memberId: 'a1' }, 'called')).toEqual({ memberId: 'Sara Lind', memberIdGen: 'Sara Linds' });
    expect(People.fromInput({ members: [] })).toBeNull();
    expect(People.fromInput('x')).toBeNull();
  });

  it('masked: a protected member is described, the others keep their names', () => {
    const people = People.fromInput(household, { masked: true })!;
    expect(people.get('a2')?.called).toBe('medsökanden');
    expect(people.get('a2')?.calledGen).toBe('medsökandens');
    expect(people.get('a1')?.called).toBe('Sara Lind');
  });

  it("a point's sentence starts with a capital; without the people it is the record's own text", () => {
    const flag = { code: 'NOT_AT_LABOUR_MARKET_DISPOSAL_NO_AID', text: 'a2 står …', message: { key: 'flag.NOT_AT_LABOUR_MARKET_DISPOSAL_NO_AID', args: { memberId: 'a2' } } };
    expect(pointTextSv(flag, People.fromInput(household, { masked: true }))).toMatch(/^Medsökanden står inte till arbetsmarknadens förfogande/);
    expect(pointTextSv(flag, null)).toBe('a2 står …');
  });
});
