/**
 * The month's report to Socialstyrelsen (issue 25) against a real store: a month of proposals recorded
 * by `batch --record`, decisions registered on them (a single woman with children paid in two orders,
 * a couple, a delvis bifall, a refusal), an adult without försörjningshinder refused at registration,
 * then `statistics month`: every variable of each household, the totals against the orders to the
 * krona, the file only with --out, the export logged, and a month with nothing to report.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statisticsCommand } from '../../src/cli/statistics.ts';
import { itemsOf } from '../../src/casework/items.ts';
import { missingSupportObstacleNote, supportObstacleProblems } from '../../src/casework/supportObstacle.ts';
import { registerDecision } from '../../src/casework/workday.ts';
import type { Decision } from '../../src/explain/contract.ts';
import { luhnCheckDigit } from '../../src/household/personnummer.ts';
import { buildMonthReport, FIELDS, householdType, kronorHalfUp } from '../../src/statistics/ekbMonth.ts';
import { CaseWork } from '../../src/store/casework.ts';
import { renderedDecision } from '../../src/store/read.ts';
import type { Ore } from '../../src/money/index.ts';
import { cli, tempDir } from '../batch/support.ts';
import { ROOT } from '../support/engine.ts';
import { childAnswersFor, LANDLORD_BANKGIRO } from '../web/support/workday.ts';

/** A valid personnummer YYYYMMDD-NNNC for a birth date and a three-digit serial. */
const pnr = (birth: string, serial: string) => {
  const d = birth.replaceAll('-', '');
  return `${d}-${serial}${luhnCheckDigit(`${d.slice(2)}${serial}`)}`;
};

const adult = (id: string, role: string, birthDate: string, gender: string, serial: string, supportObstacle?: string) => ({
  id, role, birthDate, gender, personnummer: pnr(birthDate, serial), availableForWork: true, ...(supportObstacle ? { supportObstacle } : {}),
});
const child = (id: string, birthDate: string) => ({ id, role: 'child', birthDate });
const household = (caseId: string, members: object[], rent: string) => ({
  caseId, period: '2026-03', municipality: '2281', members, costs: [{ type: 'rent', amount: rent }], circumstances: { availableForWork: true },
});

const HOUSEHOLDS = [
  { ...household('S-1', [adult('a', 'applicant', '1990-05-17', 'female', '123', 'arbetslos-ingen-ersattning'), child('c1', '2015-02-01'), child('c2', '2020-11-30')], '7200'), district: 'Centrum' },
  household('S-2', [adult('a', 'applicant', '1980-01-10', 'male', '234', 'sjukskriven-vantar-sjukpenning'), adult('b', 'partner', '1982-03-03', 'female', '345', 'saknar-barnomsorg'), child('c', '2008-03-02')], '8100'),
  household('S-3', [adult('a', 'applicant', '1970-07-07', 'male', '456', 'heltid-otillracklig-inkomst')], '5000'),
  household('S-4', [adult('a', 'applicant', '1999-09-09', 'male', '567', 'etablering-vantar')], '4800'),
  household('S-5', [adult('a', 'applicant', '1985-12-12', 'female', '678')], '6000'),
];

const PERSON = { user: 'Karin Beslutsfattare', role: 'beslutsfattare', delegation: 'Delegationsordning punkt 4.2' };
const bank = (n: number) => ({ scheme: 'bank', number: `8327-9, 12345678${n}-${n}` });

let dir: string;
let store: string;
const proposals = new Map<string, { id: string; payable: string }>();
let refusal: { path: string; code: string; message: string }[] = [];
const paid = new Map<string, number>();

function io(cwd: string) {
  let out = '';
  let err = '';
  return { io: { stdin: process.stdin, stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) }, env: { BISTAND_RULES: join(ROOT, 'rules') }, cwd }, out: () => out, err: () => err };
}

beforeAll(async () => {
  dir = tempDir();
  store = join(dir, 'records.sqlite');
  writeFileSync(join(dir, 'mar.ndjson'), HOUSEHOLDS.map((h) => `${JSON.stringify(h)}\n`).join(''));
  const run = await cli(['batch', '--in', join(dir, 'mar.ndjson'), '--out', join(dir, 'mar.out'), '--record', '--store', store, '--workers', '1']);
  expect(run.status, run.stderr).toBe(0);
  const cw = CaseWork.open(store, { clock: () => new Date('2026-03-04T09:00:00Z') });
  try {
    for (const record of [...cw.store.records()]) {
      const d = renderedDecision(cw.store, record) as Decision;
      proposals.set(d.caseId!, { id: record.decisionId, payable: d.payable ?? '0' });
      const acknowledgements = itemsOf(d).map((i) => ({ item: i.id, comment: 'Bedömt.' }));
      const base = { decidedOn: '2026-03-04', acknowledgements, childAnswers: childAnswersFor(d, d.caseId === 'S-3' ? 'deny' : d.caseId === 'S-4' ? 'partial' : d.outcome) };
      const body =
        d.caseId === 'S-1'
          ? // Two orders: the rent to the landlord, the rest to the applicant.
            { ...base, outcome: d.outcome, payable: d.payable, payments: [{ recipient: 'landlord', name: 'Bostadsbolaget AB', account: { scheme: 'bankgiro', number: LANDLORD_BANKGIRO }, amount: '7200', payOn: '2026-03-05' }, { recipient: 'applicant', name: 'Sökande', account: bank(1), amount: (Number(d.payable) - 7200).toFixed(2), payOn: '2026-03-05' }] }
          : d.caseId === 'S-3'
            ? { ...base, outcome: 'deny', payable: '0', reason: 'Inkomsten täcker behovet enligt utredningen.' }
            : d.caseId === 'S-4'
              ? { ...base, outcome: 'partial', payable: '1000.50', reason: 'Delvis bifall: bara hyran för halva månaden.', payments: [{ recipient: 'applicant', name: 'Sökande', account: bank(2), amount: '1000.50', payOn: '2026-03-05' }] }
              : { ...base, outcome: d.outcome, payable: d.payable, payments: [{ recipient: 'applicant', name: 'Sökande', account: bank(3), amount: d.payable, payOn: '2026-03-05' }] };
      const result = registerDecision(cw, record.decisionId, body, PERSON, 'handläggning');
      if (d.caseId === 'S-5') {
        expect(result.ok).toBe(false);
        if (!result.ok) refusal = [...result.problems];
        continue;
      }
      expect(result.ok, JSON.stringify(result)).toBe(true);
      if (result.ok && body.payable !== '0') paid.set(d.caseId!, Math.round(Number(body.payable) * 100));
    }
  } finally {
    cw.close();
  }
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('försörjningshinder at registration', () => {
  it('an adult without försörjningshinder: the decision is refused with a message naming the field', () => {
    expect(refusal).toHaveLength(1);
    expect(refusal[0]).toMatchObject({ path: 'members[0].supportObstacle', code: 'SUPPORT_OBSTACLE_MISSING' });
    expect(refusal[0]!.message).toContain('Försörjningshinder saknas för den sökande');
    const cw = CaseWork.open(store);
    try {
      expect(cw.lineage('S-5', '2026-03')).toHaveLength(0);
    } finally {
      cw.close();
    }
  });
});

describe('försörjningshinder: the proposal notes it, the code is checked against the list of the month', () => {
  it('notes the adults it is missing for, and nothing when every adult has one', () => {
    expect(missingSupportObstacleNote(HOUSEHOLDS[4])).toEqual({ paths: ['members[0].supportObstacle'], text: expect.stringContaining('Försörjningshinder saknas för den sökande') });
    expect(missingSupportObstacleNote(HOUSEHOLDS[1])).toBeNull();
    const partnerMissing = { members: [{ role: 'applicant', supportObstacle: 'saknar-barnomsorg' }, { role: 'partner' }, { role: 'child' }] };
    expect(missingSupportObstacleNote(partnerMissing)?.paths).toEqual(['members[1].supportObstacle']);
  });
  it('a code not in the list is refused', () => {
    const problems = supportObstacleProblems({ members: [{ role: 'applicant', supportObstacle: 'ledig' }] }, { 'saknar-barnomsorg': { labelSv: 'Saknar barnomsorg', labelEn: 'No childcare', officialCode: null, codeStatus: 'unverified' } });
    expect(problems.map((p) => p.code)).toEqual(['UNKNOWN_SUPPORT_OBSTACLE']);
  });
});

describe('statistics month', () => {
  it('writes one row per household paid, every variable from the registered decisions and orders, and logs the export', () => {
    const out = join(dir, 'ekb.txt');
    const run = io(dir);
    expect(statisticsCommand(['month', '2026-03', '--store', store, '--out', out, '--who', 'Ada Statistik'], run.io), run.err()).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = text.trimEnd().split('\r\n').map((l) => l.split('\t'));
    expect(header).toEqual([...FIELDS]);
    const byId = new Map(rows.map((r) => [r[4], Object.fromEntries(FIELDS.map((f, i) => [f, r[i]]))]));
    // The refusal pays nothing and the unregistered case is not there: three households.
    expect([...byId.keys()].sort()).toEqual(['S-1', 'S-2', 'S-4']);
    const s1 = byId.get('S-1')!;
    expect(s1).toMatchObject({ Ar: '2026', Manad: '03', Kommun: '2281', Distrikt: 'Centrum', Hushallstyp: '6', Barn18: '2', Kon1: '2', Alder1: '35', Fhinder1: 'arbetslos-ingen-ersattning', Personnr2: '', Kon2: '', Alder2: '', Fhinder2: '' });
    expect(s1['Personnr1']).toBe(pnr('1990-05-17', '123').replace('-', ''));
    expect(Number(s1['Belopp'])).toBe(kronorHalfUp(paid.get('S-1')! as Ore));
    const s2 = byId.get('S-2')!;
    // The couple's child was born 2008-03-02: 18 on 2026-03-02, so under 18 on the month's first day.
    expect(s2).toMatchObject({ Distrikt: '', Hushallstyp: '8', Barn18: '1', Kon1: '1', Alder1: '46', Fhinder1: 'sjukskriven-vantar-sjukpenning', Kon2: '2', Alder2: '43', Fhinder2: 'saknar-barnomsorg' });
    expect(s2['Personnr2']).toBe(pnr('1982-03-03', '345').replace('-', ''));
    const s4 = byId.get('S-4')!;
    // Delvis bifall of 1 000,50 kr: 1 001 kr in whole kronor (half up).
    expect(s4).toMatchObject({ Hushallstyp: '3', Barn18: '0', Belopp: '1001', Kon1: '1', Alder1: '26', Fhinder1: 'etablering-vantar' });
    // Totals: the summary's öre equal every order registered for the month.
    const totalOre = [...paid.values()].reduce((a, b) => a + b, 0);
    expect(run.out()).toContain('3 hushåll, 4 vuxna, 3 barn under 18');
    const kronor = [...paid.values()].reduce((a, b) => a + kronorHalfUp(b as Ore), 0);
    expect(rows.reduce((a, r) => a + Number(r[7]), 0)).toBe(kronor);
    expect(Math.abs(kronor * 100 - totalOre)).toBeLessThan(100 * rows.length);
    expect(run.out()).toContain(`(${kronor} kr i hela kronor)`);
    expect(run.out()).toContain('avslag eller avvisningar (rapporteras inte som hushåll): 1');
    expect(run.out()).not.toMatch(/[0-9]{8}-?[0-9]{4}/);
    const cw = CaseWork.open(store);
    try {
      const log = cw.logRows({}).filter((r) => r.action === 'statistics.export');
      expect(log).toHaveLength(1);
      expect(log[0]).toMatchObject({ who: 'Ada Statistik', role: 'statistik' });
    } finally {
      cw.close();
    }
  });

  it('validates before writing: an adult without försörjningshinder in a registered decision, an amount off the orders, a household twice', () => {
    const line = { caseId: 'X-1', municipality: '2281', outcome: 'approve', orders: [{ amount: '100.00', status: 'pending' }], household: { members: [{ role: 'applicant', birthDate: '1990-01-01', gender: 'male', personnummer: pnr('1990-01-01', '111') }] } };
    const noObstacle = buildMonthReport('2026-03', [line], {});
    expect(noObstacle.ok).toBe(false);
    if (!noObstacle.ok) expect(noObstacle.problems.map((p) => p.message)).toContain('försörjningshinder saknas för den sökande (members[0].supportObstacle)');
    const withObstacle = { ...line, household: { members: [{ ...line.household.members[0], supportObstacle: 'x' }] } };
    const twice = buildMonthReport('2026-03', [withObstacle, withObstacle], { x: { labelSv: 'X', labelEn: 'X', officialCode: null, codeStatus: 'unverified' } });
    expect(twice.ok).toBe(false);
    if (!twice.ok) expect(twice.problems.map((p) => p.message)).toContain('hushållet finns två gånger i månaden');
    const stopped = buildMonthReport('2026-03', [{ ...withObstacle, orders: [{ amount: '100.00', status: 'stopped' }] }], { x: { labelSv: 'X', labelEn: 'X', officialCode: null, codeStatus: 'unverified' } });
    expect(stopped.ok).toBe(false);
    const refusedButPaid = buildMonthReport('2026-03', [{ ...withObstacle, outcome: 'deny' }], { x: { labelSv: 'X', labelEn: 'X', officialCode: null, codeStatus: 'unverified' } });
    expect(refusedButPaid.ok).toBe(false);
  });

  it('household type codes', () => {
    expect(householdType([{ gender: 'male', age: 17 }], 0)).toBe(1);
    expect(householdType([{ gender: 'male', age: 30 }], 0)).toBe(3);
    expect(householdType([{ gender: 'male', age: 30 }], 1)).toBe(4);
    expect(householdType([{ gender: 'female', age: 30 }], 0)).toBe(5);
    expect(householdType([{ gender: 'female', age: 30 }], 2)).toBe(6);
    expect(householdType([{ gender: 'male', age: 30 }, { gender: 'male', age: 30 }], 0)).toBe(7);
    expect(householdType([{ gender: 'female', age: 30 }, { gender: null, age: 30 }], 3)).toBe(8);
    expect(householdType([{ gender: null, age: 30 }], 0)).toBe(9);
    expect(householdType([{ gender: 'other', age: 30 }], 1)).toBe(9);
  });

  it('a month without registered decisions: "Inget att rapportera", no file', () => {
    const out = join(dir, 'empty.txt');
    const run = io(dir);
    expect(statisticsCommand(['month', '2026-04', '--store', store, '--out', out], run.io)).toBe(0);
    expect(run.out()).toContain('Inget att rapportera för 2026-04');
    expect(existsSync(out)).toBe(false);
  });
});
