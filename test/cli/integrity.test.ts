/**
 * Issue 27: output that always parses, and input problems a caseworker can act on. One test per
 * defect the reliability run found (each failed on the code before the fix; the commit that fixed it
 * says how), through the command line in-process (runInProcess: the code the process runs).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { processLine } from '../../src/batch/line.ts';
import { emptyCounts } from '../../src/batch/summary.ts';
import { runInProcess } from '../support/cli.ts';
import { fixture, rulesFor } from '../support/engine.ts';

const dir = mkdtempSync(join(tmpdir(), 'integrity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
function withFile(content: unknown, name = `h${files++}.json`): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}
const calculate = (file: string, ...more: string[]) => runInProcess(['calculate', file, '--json', ...more]);
/** The batch line for the same household (--detail summary, the figures and codes of the decision). */
function batchLine(raw: unknown): Record<string, unknown> {
  return JSON.parse(processLine(JSON.stringify(raw), 1, { detail: 'summary', period: null, rulesFor }, emptyCounts())) as Record<string, unknown>;
}
const lines = (stderr: string) => stderr.split('\n').filter((l) => l !== '');

const base = fixture('contract-example.json') as Record<string, unknown> & { circumstances: Record<string, unknown>; members: Record<string, unknown>[] };

describe('defect 1: masking works on personnummer fields, never on the printed text', () => {
  it('1a: a number in the trace that passes the personnummer test stays a number (rentArrears 12 010 112,34 kr = 1201011234 öre)', async () => {
    const raw = { ...base, circumstances: { ...base.circumstances, rentArrears: '12010112.34' } };
    const r = await calculate(withFile(raw));
    expect(r.status).toBe(0);
    const d = JSON.parse(r.stdout) as { trace: { inputs: Record<string, unknown> }[] };
    expect(d.trace.some((s) => s.inputs['rentArrearsOre'] === 1201011234)).toBe(true);
  });

  it('1b: a need that looks like a personnummer is printed as it is, equal to the batch line', async () => {
    const raw = { ...base, costs: [{ type: 'other', amount: '999999999' }, { type: 'other', amount: '201011234' }] };
    const r = await calculate(withFile(raw));
    expect(r.status).toBe(0);
    const d = JSON.parse(r.stdout) as Record<string, unknown>;
    const line = batchLine(raw);
    expect(d['need']).toMatch(/^1201\d{6}\.\d\d$/);
    expect([d['need'], d['payable']]).toEqual([line['need'], line['payable']]);
  });

  it('1c: a case id shaped like a personnummer is printed as given', async () => {
    const r = await calculate(withFile({ ...base, caseId: '20260301-0042' }));
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { caseId: string }).caseId).toBe('20260301-0042');
    expect(r.stdout).not.toContain('****');
  });
});

/** 1 applicant, 999 children and 72 000 payments of 1 kr, each counted in the month: 6.5 MB of valid JSON. */
function hugeHousehold(): Record<string, unknown> {
  const members: Record<string, unknown>[] = [{ id: 'a1', role: 'applicant', birthDate: '1980-01-01' }];
  for (let i = 0; i < 999; i++) members.push({ id: `c${i}`, role: 'child', birthDate: '2015-01-01' });
  const registeredIncomes = Array.from({ length: 72_000 }, () => ({ memberId: 'a1', agency: 'fk', benefit: 'Bostadsbidrag', net: '1', paidOn: '2026-02-25' }));
  return { caseId: 'BIG', period: '2026-03', members, registeredIncomes, circumstances: { availableForWork: true, consecutiveMonthsOnAssistance: 0 } };
}

describe('defect 2: no valid-looking household crashes calculate; echoed texts are bounded', () => {
  it('2a: 72 000 payments are refused up front naming the limit, in calculate and in batch alike', async () => {
    const raw = hugeHousehold();
    const r = await calculate(withFile(raw));
    expect([r.status, r.stdout]).toEqual([2, '']);
    expect(lines(r.stderr)).toEqual([expect.stringMatching(/^registeredIncomes: .*2 000.*72 000/)]);
    const line = batchLine(raw) as { errors: { path: string; code: string }[] };
    expect(line.errors.map((e) => `${e.path} ${e.code}`)).toEqual(['registeredIncomes TOO_MANY_ITEMS']);
  });

  it('2b: a 10 000-character benefit, subBenefit or ref is refused naming the limit, not echoed 15 times', async () => {
    const long = 'Bostadsbidrag '.repeat(715);
    const raw = { ...base, registeredIncomes: [{ memberId: 'a1', agency: 'fk', benefit: long, subBenefit: long, ref: long, net: '1', paidOn: '2026-02-25' }] };
    const r = await calculate(withFile(raw));
    expect([r.status, r.stdout]).toEqual([2, '']);
    const said = lines(r.stderr);
    expect(said.map((l) => l.slice(0, l.indexOf(':')))).toEqual(['registeredIncomes[0].benefit', 'registeredIncomes[0].subBenefit', 'registeredIncomes[0].ref']);
    for (const l of said) expect(l.length).toBeLessThan(300);
  });
});

/** Field paths as the engine writes them, or (household) / the file name for the whole input. */
const PATH = /^(\(household\)|[A-Za-z]+(\[\d+\])?(\.[A-Za-z]+(\[\d+\])?)*): /;
const RAW_BREAK = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

describe('defect 3: one problem is one line, whatever the value holds', () => {
  it('U+2028, U+2029, DEL and NEL in a value are escaped; every line starts with a field path', async () => {
    const forged = 'x\u2028members[9].id: fake\u2029y\u007fz\u0085w';
    const raw = { ...base, members: [{ ...base.members[0], birthDate: forged }, ...base.members.slice(1)], incomes: [{ memberId: 'a1', type: forged, amount: '1' }] };
    const r = await calculate(withFile(raw));
    expect([r.status, r.stdout]).toEqual([2, '']);
    const said = r.stderr.split('\n').slice(0, -1);
    expect(said.length).toBeGreaterThanOrEqual(1);
    for (const l of said) {
      expect(l).toMatch(PATH);
      expect(l).not.toMatch(RAW_BREAK);
      expect(l.startsWith('members[9]')).toBe(false);
    }
    expect(said.some((l) => l.startsWith('members[0].birthDate: ') && l.includes('\\u2028'))).toBe(true);
  });
});

describe('defect 4: a file-level problem names the file, escaped', () => {
  it('a file that is not JSON, with a newline in its name: one line starting with the escaped name', async () => {
    const r = await calculate(withFile('{ not json', 'bad\nname.json'));
    expect([r.status, r.stdout]).toEqual([2, '']);
    const said = lines(r.stderr);
    expect(said).toHaveLength(1);
    expect(said[0]!.startsWith(`${join(dir, 'bad\\nname.json')}: `)).toBe(true);
  });

  it('a file that holds JSON but not a household names the file, not (household)', async () => {
    const file = withFile('[1, 2]', 'list.json');
    const r = await calculate(file);
    expect([r.status, r.stdout]).toEqual([2, '']);
    expect(lines(r.stderr)).toEqual([expect.stringMatching(new RegExp(`^${file.replace(/[.[\]\\]/g, '\\$&')}: `))]);
  });
});

describe('defect 5: every problem at once', () => {
  it('a type error (caseId 1) does not hide an impossible date and a negative amount', async () => {
    const raw = { ...base, caseId: 1, members: [{ ...base.members[0], birthDate: '2026-02-30' }, ...base.members.slice(1)], costs: [{ type: 'rent', amount: '-5' }] };
    const r = await calculate(withFile(raw));
    expect([r.status, r.stdout]).toEqual([2, '']);
    expect(lines(r.stderr).map((l) => l.slice(0, l.indexOf(':')))).toEqual(['caseId', 'members[0].birthDate', 'costs[0].amount']);
  });

  it('and an unknown type is reported with the field errors, not after them', async () => {
    const raw = { ...base, caseId: 1, incomes: [{ memberId: 'a1', type: 'salery', amount: '1' }] };
    const r = await calculate(withFile(raw));
    expect(lines(r.stderr).map((l) => l.slice(0, l.indexOf(':')))).toEqual(['caseId', 'incomes[0].type']);
  });
});

describe('defect 6: a blocking missing fact gives needs-information, and need is kept when its parts are known', () => {
  it('a 17-year-old applicant without minorApplicantReason who is not available for work (the labour-market rule goes to a person too)', async () => {
    const raw = { caseId: 'X', period: '2026-03', members: [{ id: 'a1', role: 'applicant', birthDate: '2008-06-01' }], costs: [{ type: 'rent', amount: '5000' }], circumstances: { availableForWork: false, consecutiveMonthsOnAssistance: 0 } };
    const r = await calculate(withFile(raw));
    expect(r.status).toBe(0);
    const d = JSON.parse(r.stdout) as { outcome: string; need: string | null; payable: string | null; norm: { total: string }; costs: { accepted: string }; needsInformation: { code: string; blocking: boolean }[] };
    expect(d.needsInformation.filter((n) => n.blocking).map((n) => n.code)).toEqual(['MINOR_APPLICANT_REASON_MISSING', 'LABOUR_MARKET_DECISION_BY_PERSON']);
    expect(d.outcome).toBe('needs-information');
    expect(d.payable).toBeNull();
    expect(d.need).not.toBeNull();
    expect(Number(d.need)).toBe(Number(d.norm.total) + Number(d.costs.accepted));
  });
});

describe('defect 7: impossible values are input errors, never silent', () => {
  it('jobbstimulansStart 9999-12 for a 2026 period', async () => {
    const r = await calculate(withFile({ ...base, circumstances: { ...base.circumstances, jobbstimulansStart: '9999-12' } }));
    expect([r.status, r.stdout]).toEqual([2, '']);
    expect(lines(r.stderr)).toEqual([expect.stringMatching(/^circumstances\.jobbstimulansStart: /)]);
  });

  it('1 201 011 234 consecutive months on assistance', async () => {
    const r = await calculate(withFile({ ...base, circumstances: { ...base.circumstances, consecutiveMonthsOnAssistance: 1201011234 } }));
    expect([r.status, r.stdout]).toEqual([2, '']);
    expect(lines(r.stderr)).toEqual([expect.stringMatching(/^circumstances\.consecutiveMonthsOnAssistance: /)]);
  });

  it('a payment dated 9999-12-31, and a decision date decades after the period', async () => {
    const raw = { ...base, decidedOn: '2206-03-01', registeredIncomes: [{ memberId: 'a1', agency: 'fk', benefit: 'Bostadsbidrag', net: '100', paidOn: '9999-12-31' }] };
    const r = await calculate(withFile(raw));
    expect([r.status, r.stdout]).toEqual([2, '']);
    expect(lines(r.stderr).map((l) => l.slice(0, l.indexOf(':')))).toEqual(['decidedOn', 'registeredIncomes[0].paidOn']);
  });
});

describe('messages a caseworker can act on', () => {
  const wrong = { ...base, period: '2012-05', caseId: 1, members: ['a1', { ...base.members[1], birthDate: '2026-02-30' }], costs: [{ type: 'rent', amount: 1e308 }] };

  it('in Swedish by default and in English with --lang en, each with its field path, no library or developer wording', async () => {
    const file = withFile(wrong);
    const sv = await calculate(file);
    const en = await calculate(file, '--lang', 'en');
    expect([sv.status, en.status]).toEqual([2, 2]);
    expect(lines(sv.stderr)).toEqual([
      'caseId: ska vara ärendenumret som text, till exempel "2026-000123", men här står ett tal utan citattecken',
      'members[0]: ska vara en medlem: ett objekt { … } med id, role och birthDate, men här står texten "a1"',
      'members[1].birthDate: 2026-02-30 är inget datum som finns: februari 2026 har dagarna 1–28',
      'costs[0].amount: ska vara ett belopp i kronor som text, till exempel "7900" eller "7900.50", men här står ett tal utan citattecken',
      'period: det finns inga regler för maj 2012: riksnormen (rules/riksnorm/) saknas för den månaden (finns för 2013–2026). Välj en månad som reglerna täcker, eller räkna med en regelkatalog som har den (--rules KATALOG); ett nytt år läggs till i rules/ när dess värden är publicerade.',
    ]);
    expect(lines(en.stderr)[0]).toBe('caseId: must be the case number as text, for example "2026-000123", but is a number without quotes');
    for (const l of [...lines(sv.stderr), ...lines(en.stderr)]) expect(l).not.toMatch(/Invalid input|received|got number|1e\+308|a list$/);
  });

  it('the right reason: a date that does not exist is not "the wrong form"', async () => {
    const r = await calculate(withFile({ ...base, members: [base.members[0], { ...base.members[1], birthDate: '2026-02-30' }, ...base.members.slice(2)] }), '--lang', 'en');
    expect(lines(r.stderr)).toEqual(['members[1].birthDate: 2026-02-30 is not a date that exists: February 2026 has days 1–28']);
  });
});
