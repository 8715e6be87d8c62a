/**
 * The SSBTEK adapter (src/agency/ssbtek.ts) and `ssbtek import`: the agencies' nested shapes become
 * registeredIncomes + agencyAnswers; an element may be an object or a list; an error block is a failed
 * answer; a missing block is failed (absence is not "no income"); nothing is invented.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fetchMemberIncome, importSsbtekAnswer, mergeIntoHousehold, requestWindow, type SsbtekClient } from '../../src/agency/ssbtek.ts';
import { parsePeriod } from '../../src/period/index.ts';
import { calc, ROOT } from '../support/engine.ts';

const answer = (name: string): unknown => JSON.parse(readFileSync(`${ROOT}fixtures/ssbtek/${name}`, 'utf8'));
const statuses = (r: ReturnType<typeof importSsbtekAnswer>) => Object.fromEntries(r.agencyAnswers.map((a) => [a.agency, a.status]));

describe('Försäkringskassan (LEFI utbetalningsuppgift)', () => {
  const r = importSsbtekAnswer(answer('answer-fk.json'), 'a1');
  it('reads net (nettobelopp.summa), date, benefit family, period; gross and tax shown', () => {
    expect(r.registeredIncomes[0]).toEqual({
      memberId: 'a1', agency: 'fk', benefit: 'Bostadsbidrag', subBenefit: 'Bostadsbidrag', amountType: 'Belopp', net: '1500', gross: '1500', tax: '0',
      paidOn: '2026-02-25', periodFrom: '2026-02-01', periodTo: '2026-02-28', ref: 'FK-20260225-118812',
    });
  });
  it('sub-benefit, amount type and days only from a single detail row; a date with time and offset is read as its date', () => {
    const barnbidrag = r.registeredIncomes.find((p) => p.benefit === 'Allmänt barnbidrag')!;
    expect([barnbidrag.subBenefit, barnbidrag.amountType, barnbidrag.net]).toEqual([undefined, undefined, '2650']);
    const fp = r.registeredIncomes.find((p) => p.paidOn === '2026-02-18')!;
    expect(fp).toMatchObject({ benefit: 'Dagersättning', subBenefit: 'Föräldrapenning', days: '12', net: '4212', gross: '5400', tax: '1188' });
  });
  it('announced payments (preliminarautbetalningar, here one object rather than a list) are marked preliminary', () => {
    expect(r.registeredIncomes.filter((p) => p.preliminary)).toEqual([expect.objectContaining({ paidOn: '2026-03-25', net: '1500' })]);
  });
  it('a block with only FK data: PM nothing, the missing a-kassa and CSN blocks failed', () => {
    expect(statuses(r)).toEqual({ fk: 'answered', pm: 'nothing', akassa: 'failed', csn: 'failed' });
  });
});

describe('Pensionsmyndigheten (utbetalningar)', () => {
  const r = importSsbtekAnswer(answer('answer-pm.json'), 'a1');
  it('plain-number amounts; the benefit is the one benefit the rows name, else "PM"; rows as object or list', () => {
    expect(r.registeredIncomes.map((p) => [p.agency, p.benefit, p.net, p.paidOn, p.preliminary ?? false])).toEqual([
      ['pm', 'PM', '9875', '2026-02-19', false],
      ['pm', 'Bostadstillägg', '2310', '2026-02-19', false],
      ['pm', 'PM', '9875', '2026-03-19', true],
    ]);
    expect(statuses(r)).toMatchObject({ fk: 'nothing', pm: 'answered' });
  });
});

describe('a-kassa (so.ArbetsloshetsersattningLista)', () => {
  it('NettoEfterSkatt is the net; a fund answering INGET_HOS_OSS adds nothing; the answer is answered', () => {
    const r = importSsbtekAnswer(answer('answer-akassa.json'), 'a1');
    expect(r.registeredIncomes.map((p) => [p.benefit, p.net, p.gross, p.tax, p.paidOn, p.days, p.ref])).toEqual([
      ['Arbetslöshetsersättning', '6200', '8100', '1900', '2026-02-12', '20', 'UA-55120'],
      ['Arbetslöshetsersättning', '5900', '7700', '1800', '2026-01-13', '19', 'UA-54988'],
    ]);
    expect(statuses(r).akassa).toBe('answered');
  });
  it('a fund with any other status is unverifiable (a person assesses), never "nothing"', () => {
    const r = importSsbtekAnswer({ so: { ArbetsloshetsersattningLista: { Arbetsloshetsersattning: { SvarandeOrganisation: 'IF Metalls a-kassa', StatusSvarandeOrganisation: 'EJ_KONTROLLERBAR' } } } }, 'a1');
    expect(statuses(r).akassa).toBe('unverifiable');
  });
});

describe('CSN (UtbetalningsPlan)', () => {
  const r = importSsbtekAnswer(answer('answer-csn.json'), 'a1');
  it('totbelopp is the amount; yyyyMMdd dates; "0" = not booked → placed by the covered ISO weeks; Planerad is preliminary', () => {
    expect(r.registeredIncomes.map((p) => [p.benefit, p.net, p.paidOn, p.periodFrom, p.periodTo, p.preliminary ?? false])).toEqual([
      ['Studiemedel', '11840', '2026-01-26', '2026-01-26', '2026-02-22', false],
      ['Studiemedel', '11840', '2026-02-25', '2026-02-23', '2026-03-22', false],
      ['Studiemedel', '11840', undefined, '2026-03-23', '2026-04-26', true],
    ]);
    expect(r.registeredIncomes[0]!.subBenefit).toBe('Studiemedel för studier i Sverige');
  });
  it('a null sub-tree (no studiehjälp) is nothing, not an error', () => {
    expect(statuses(importSsbtekAnswer({ csn: { Personer: { Person: { Studiehjalp: null } } } }, 'a1')).csn).toBe('nothing');
  });
});

describe('errors and gaps', () => {
  it('an agency block that is an error → failed, noted; the other agencies are read', () => {
    const r = importSsbtekAnswer(answer('answer-error-csn.json'), 'a1');
    expect(statuses(r)).toEqual({ fk: 'answered', pm: 'nothing', akassa: 'nothing', csn: 'failed' });
    expect(r.notes.join('\n')).toContain('CSN-TIMEOUT');
    expect(r.registeredIncomes).toHaveLength(1);
  });
  it('a payment without a net amount or with a negative one is not imported and is noted', () => {
    const r = importSsbtekAnswer({ fk: { formansinformation: { utbetalningsuppgift: [
      { datum: '2026-02-25', formansfamilj: { beskrivning: 'Bostadsbidrag' } },
      { datum: '2026-02-25', formansfamilj: { beskrivning: 'Bostadsbidrag' }, nettobelopp: { summa: '-300' } },
    ] } }, so: {}, csn: {} }, 'a1');
    expect(r.registeredIncomes).toEqual([]);
    expect(r.notes.filter((n) => n.startsWith('fk.utbetalningsuppgift'))).toHaveLength(2);
  });
  it('an answer that is not an object: every income agency failed', () => {
    expect(statuses(importSsbtekAnswer([], 'a1'))).toEqual({ fk: 'failed', pm: 'failed', akassa: 'failed', csn: 'failed' });
  });
  it('a client whose call fails records every agency as failed (the household then gets needs-information)', async () => {
    const client: SsbtekClient = { fetchAnswer: () => Promise.reject(new Error('SOAP fault: certificate expired')) };
    const r = await fetchMemberIncome(client, { personnummer: '19900614-0000', ...requestWindow(parsePeriod('2026-03')!), caseId: 'A1', purpose: 'Beslut om eller kontroll av ekonomiskt bistånd' }, 'a1');
    expect(statuses(r)).toEqual({ fk: 'failed', pm: 'failed', akassa: 'failed', csn: 'failed' });
    expect(requestWindow(parsePeriod('2026-03')!)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
  });
});

describe('the imported household goes through the calculation with every income traced to its payment', () => {
  it('fixtures/ssbtek/household-a1-2026-03.json is the full answer merged into the household', () => {
    const h = JSON.parse(readFileSync(`${ROOT}fixtures/ssbtek/household-a1-2026-03.json`, 'utf8')) as Record<string, unknown>;
    const base = { ...h, registeredIncomes: [], agencyAnswers: [] };
    expect(mergeIntoHousehold(base, importSsbtekAnswer(answer('answer-a1-2026-03.json'), 'a1'), 'a1')).toEqual(h);
    const d = calc(h);
    for (const item of d.income.items.filter((i) => i.source !== 'application')) {
      expect(item.classification).toBeTruthy();
      expect(d.trace.some((s) => s.step === 'income.item' && s.rule === `agency-income-map#${item.classification}` && s.inputs['ref'] === item.ref)).toBe(true);
    }
    expect(d.income.registered.map((r) => r.use).sort()).toEqual(['counted', 'counted', 'counted', 'counted', 'excluded', 'other-month', 'other-month', 'other-month', 'replaces-declared', 'unhandled']);
  });
});

describe('npx tsx src/cli.ts ssbtek import', () => {
  const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'ssbtek', 'import', ...args], { cwd: ROOT, encoding: 'utf8' });
  it('prints registeredIncomes and agencyAnswers for the member; notes on stderr', () => {
    const r = cli('fixtures/ssbtek/answer-error-csn.json', '--member', 'a2');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['registeredIncomes', 'agencyAnswers']);
    expect(out.registeredIncomes[0].memberId).toBe('a2');
    expect(r.stderr).toContain('note: csn: error');
  });
  it('--into merges into a household and refuses a member the household does not have (exit 2)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ssbtek-'));
    const file = join(dir, 'h.json');
    writeFileSync(file, JSON.stringify({ period: '2026-03', members: [{ id: 'a1', role: 'applicant', birthDate: '1990-01-01' }], registeredIncomes: [{ memberId: 'a1', agency: 'fk', benefit: 'Gammal', net: '1', paidOn: '2026-01-01' }] }));
    const ok = cli('fixtures/ssbtek/answer-akassa.json', '--member', 'a1', '--into', file);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).registeredIncomes.map((p: { benefit: string }) => p.benefit)).toEqual(['Arbetslöshetsersättning', 'Arbetslöshetsersättning']);
    const bad = cli('fixtures/ssbtek/answer-akassa.json', '--member', 'x9', '--into', file);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('no member with id "x9"');
    expect(cli('fixtures/ssbtek/answer-akassa.json').status).toBe(2);
    expect(cli('no-such-file.json', '--member', 'a1').status).toBe(2);
  });
});
