/**
 * Issue 4: members[].personnummer is validated (format, date part incl. samordningsnummer, Luhn
 * check digit) and never printed in full, not even in the error that refuses it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { luhnCheckDigit, maskPersonnummer, personnummerProblem } from '../../src/household/personnummer.ts';
import { problemMessage } from '../../src/explain/problems.ts';
import { problem } from '../../src/household/problems.ts';
import { parseHousehold } from '../../src/household/parse.ts';
import { runInProcess } from '../support/cli.ts';

const household = (personnummer: unknown) => ({
  caseId: 'C-1',
  period: '2026-03',
  members: [{ id: 'a1', role: 'applicant', birthDate: '1912-12-12', personnummer }],
  costs: [{ type: 'rent', amount: '5000' }],
});

describe('personnummer validation', () => {
  it('computes the Luhn check digit over YYMMDDNNN', () => {
    expect(luhnCheckDigit('121212121')).toBe(2);
    expect(luhnCheckDigit('811218987')).toBe(6);
  });

  it.each([
    ['12-digit form', '19121212-1212'],
    ['10-digit form', '121212-1212'],
    ['100 years or older', '121212+1212'],
    ['another check digit', '811218-9876'],
    ['samordningsnummer (day + 60)', '701063-2391'],
    ['29 February of a leap year', '20000229-0005'],
    ['12-digit form without separator', '191212121212'],
    ['10-digit form without separator', '1212121212'],
  ])('accepts a %s', (_, pnr) => {
    expect(personnummerProblem(pnr, 2026)).toBeNull();
  });

  it.each([
    ['a wrong check digit', '19121212-1213', 'INVALID_PERSONNUMMER.checkDigit', 'kontrollsiffran stämmer inte i 19121212-****'],
    ['month 13', '19881302-1234', 'INVALID_PERSONNUMMER.date', 'datumdelen av 19881302-**** är inget datum som finns'],
    ['day 32', '19880132-1234', 'INVALID_PERSONNUMMER.date', 'är inget datum som finns'],
    ['samordningsnummer day 92', '19880192-1234', 'INVALID_PERSONNUMMER.date', 'är inget datum som finns'],
    ['29 February 1900 (the + makes it 1900)', '000229+0005', 'INVALID_PERSONNUMMER.date', 'är inget datum som finns'],
    ['+ in the 12-digit form', '19121212+1212', 'INVALID_PERSONNUMMER.plus', 'används bara i den korta formen'],
    ['a wrong check digit without separator', '191212121213', 'INVALID_PERSONNUMMER.checkDigit', 'kontrollsiffran stämmer inte i 19121212****'],
    ['eleven digits', '19121212121', 'INVALID_PERSONNUMMER', 'ska vara ett personnummer ÅÅÅÅMMDD-NNNN'],
    ['letters', '1912121X-1212', 'INVALID_PERSONNUMMER', 'en text med 13 tecken'],
    ['too short', '1212-1212', 'INVALID_PERSONNUMMER', 'ska vara ett personnummer'],
  ])('refuses %s', (_, pnr, key, message) => {
    const wrong = personnummerProblem(pnr, 2026);
    expect(wrong?.key).toBe(key);
    const text = problemMessage(problem('members[0].personnummer', wrong!.key, wrong!.args as never));
    expect(text).toContain(message);
    expect(text).not.toContain(pnr);
    expect(JSON.stringify(wrong)).not.toContain(pnr);
  });

  it('reads the century of YYMMDD against the period, so 000229- is 2000 (leap) and 000229+ is 1900', () => {
    expect(personnummerProblem('000229-0005', 2026)).toBeNull();
    expect(personnummerProblem('000229+0005', 2026)?.key).toBe('INVALID_PERSONNUMMER.date');
  });

  it('parseHousehold refuses a bad personnummer at members[i].personnummer without echoing it', () => {
    const r = parseHousehold(household('19121212-1213'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([{ path: 'members[0].personnummer', code: 'INVALID_PERSONNUMMER', key: 'INVALID_PERSONNUMMER.checkDigit', args: { masked: '19121212-****' } }]);
  });

  it('a personnummer given as a number is refused without printing the number', () => {
    const r = parseHousehold(household(191212121212));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path)).toEqual(['members[0].personnummer']);
    expect(problemMessage(r.issues[0]!)).not.toMatch(/[0-9]{6}/);
    expect(JSON.stringify(r.issues)).not.toMatch(/[0-9]{6}/);
  });

  it('keeps a valid personnummer in the household', () => {
    const r = parseHousehold(household('19121212-1212'));
    expect(r.ok && r.household.members[0]!.personnummer).toBe('19121212-1212');
  });
});

describe('masking', () => {
  it('hides the four last digits', () => {
    expect(maskPersonnummer('19880402-1234')).toBe('19880402-****');
    expect(maskPersonnummer('121212+1212')).toBe('121212+****');
  });

});

describe('calculate with a bad personnummer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pnr-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 2 with members[i].personnummer on stderr, nothing on stdout, and never the full number', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ ...household('19121212-1212'), members: [household('19121212-1212').members[0], { id: 'c1', role: 'child', birthDate: '2020-01-01', personnummer: '20200101-1235' }] }));
    const r = await runInProcess(['calculate', file, '--json']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^members\[1\]\.personnummer: /m);
    expect(r.stderr).not.toContain('20200101-1235');
  });
});
