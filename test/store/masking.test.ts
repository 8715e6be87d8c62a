/**
 * Issue 4: the personnummer (members[].personnummer) is stored (the canonical input keeps it, so a
 * replay sees the same input) but never printed in full: not by calculate, show, replay or audit, not
 * in an error message. This test collects every output of every command and greps it for the numbers,
 * in the 12- and 10-digit forms, with and without separator.
 *
 * Issue 27: masking works on that field, never on printed text: a case id, a member id or a
 * description that looks like a personnummer is printed as given, and every JSON output parses.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { luhnCheckDigit } from '../../src/household/personnummer.ts';
import { DecisionStore } from '../../src/store/store.ts';
import { cli, household, type Run, tempDir } from './support.ts';

const tmp = tempDir('masking-');
afterAll(tmp.cleanup);

const withCheck = (nine: string) => `${nine}${luhnCheckDigit(nine)}`;
const applicant = `19${withCheck('121212121').slice(0, 6)}-${withCheck('121212121').slice(6)}`; // 19121212-1212
const child = (() => {
  const ten = withCheck('190601123');
  return `20${ten.slice(0, 6)}-${ten.slice(6)}`;
})();
const coordination = (() => {
  const ten = withCheck('880463456'); // samordningsnummer: day 03 + 60
  return `${ten.slice(0, 6)}-${ten.slice(6)}`;
})();

/** Every way a number could appear in full. */
function forms(pnr: string): string[] {
  const digits = pnr.replace(/[-+]/g, '');
  const ten = digits.slice(-10);
  return [pnr, digits, `${ten.slice(0, 6)}-${ten.slice(6)}`, ten];
}
const SECRETS = [applicant, child, coordination].flatMap(forms);

function leaks(runs: readonly Run[]): string[] {
  const found: string[] = [];
  for (const r of runs) for (const s of SECRETS) if (r.stdout.includes(s) || r.stderr.includes(s)) found.push(s);
  return found;
}

describe('personnummer masking', () => {
  it('no command prints a members[].personnummer; the store keeps it and replay is identical', async () => {
    expect(applicant).toBe('19121212-1212');
    const store = join(tmp.dir, 'records.sqlite');
    const file = join(tmp.dir, 'household.json');
    const members = [
      { id: 'a1', role: 'applicant', birthDate: '1912-12-12', personnummer: applicant },
      { id: 'o1', role: 'other-adult', birthDate: '1988-04-03', personnummer: coordination },
      { id: 'c1', role: 'child', birthDate: '2019-06-01', personnummer: child },
    ];
    const h = household(2, { caseId: '2026-000123', members, incomes: [{ memberId: 'o1', type: 'salary', amount: '3000' }] });
    writeFileSync(file, JSON.stringify(h));

    const runs: Run[] = [];
    const run = async (args: string[], status: number) => {
      const r = await cli(args);
      expect(r.status, `${args.join(' ')}\n${r.stderr}`).toBe(status);
      runs.push(r);
      return r;
    };
    const recorded = await run(['calculate', file, '--json', '--record', '--store', store], 0);
    const id = (JSON.parse(recorded.stdout) as { decisionId: string }).decisionId;
    await run(['calculate', file, '--record', '--store', store], 0);
    await run(['calculate', file, '--lang', 'en'], 0);
    await run(['show', id, '--store', store], 0);
    await run(['show', id, '--store', store, '--lang', 'en'], 0);
    JSON.parse((await run(['show', id, '--store', store, '--json'], 0)).stdout);
    await run(['replay', id, '--store', store], 0);
    JSON.parse((await run(['replay', id, '--store', store, '--json'], 0)).stdout);
    await run(['replay', id, '--store', store, '--with-current-rules'], 0);
    await run(['replay', id, '--store', store, '--with-current-rules', '--json'], 0);
    await run(['audit', 'verify', '--store', store], 0);
    await run(['audit', 'verify', '--store', store, '--json'], 0);

    // A wrong check digit: the problem names the field and shows the masked number only.
    const bad = join(tmp.dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...h, members: [{ ...members[0], personnummer: '19121212-1213' }, ...members.slice(1)] }));
    const refused = await run(['calculate', bad, '--json', '--record', '--store', store], 2);
    expect(refused.stderr).toBe('members[0].personnummer: kontrollsiffran stämmer inte i 19121212-****: kontrollera att siffrorna är rätt skrivna\n');
    expect(refused.stderr).not.toContain('19121212-1213');

    expect(leaks(runs)).toEqual([]);

    // Stored in full, so that a replay computes from exactly the input given.
    const s = DecisionStore.open(store, { readonly: true });
    const input = JSON.parse(s.get(id)!.inputJson) as typeof h;
    expect(s.count()).toBe(2); // the refused household was not recorded
    s.close();
    expect(input).toEqual(h);
    expect(readFileSync(store).includes(Buffer.from(applicant))).toBe(true);
  });

  it('a case id, member id or description that looks like a personnummer is printed as given, never rewritten (issue 27)', async () => {
    const store = join(tmp.dir, 'as-given.sqlite');
    const file = join(tmp.dir, 'as-given.json');
    // A real personnummer's shape (date and check digit pass) in fields that are not the personnummer field.
    const members = [
      { id: 'a1', role: 'applicant', birthDate: '1912-12-12' },
      { id: coordination, role: 'other-adult', birthDate: '1988-04-03' },
    ];
    const h = household(2, { caseId: applicant, members, incomes: [{ memberId: coordination, type: 'salary', amount: '3000', description: `lön till ${coordination}` }] });
    writeFileSync(file, JSON.stringify(h));
    const recorded = await cli(['calculate', file, '--json', '--record', '--store', store]);
    expect(recorded.status).toBe(0);
    const decision = JSON.parse(recorded.stdout) as { decisionId: string; caseId: string; norm: { separate: { memberId: string }[] } };
    expect(decision.caseId).toBe(applicant);
    expect(decision.norm.separate.map((x) => x.memberId)).toEqual([coordination]);
    expect(recorded.stdout).not.toContain('****');
    const shown = await cli(['show', decision.decisionId, '--store', store, '--json']);
    expect((JSON.parse(shown.stdout) as { decision: { caseId: string } }).decision.caseId).toBe(applicant);
    const unknown = join(tmp.dir, 'unknown.json');
    writeFileSync(unknown, JSON.stringify({ ...h, incomes: [{ memberId: child, type: 'salary', amount: '1' }] }));
    const refused = await cli(['calculate', unknown, '--json']);
    expect(refused.stderr).toBe(`incomes[0].memberId: ingen medlem har id:t "${child}": ange id:t för en av hushållets medlemmar\n`);
  });
});
