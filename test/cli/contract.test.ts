/**
 * CONTRACT.md through the command line: `npx tsx src/cli.ts calculate FILE --json` prints one
 * decision; bad input exits 2 with nothing on stdout and one line per problem naming the field path.
 * The command line runs in-process (runCli, the same code the process runs); real processes check
 * what only a process shows: exit codes, and the same bytes in any time zone and locale.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess, spawnCli } from '../support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'contract-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[]) => runInProcess(args);

function withFile(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const valid = {
  caseId: 'C-1',
  period: '2026-03',
  members: [
    { id: 'a1', role: 'applicant', birthDate: '1988-04-02' },
    { id: 'c1', role: 'child', birthDate: '2021-06-01' },
  ],
  incomes: [{ memberId: 'a1', type: 'salary', amount: '12000' }],
  costs: [{ type: 'rent', amount: '7900' }],
  circumstances: { availableForWork: true, consecutiveMonthsOnAssistance: 2 },
};

describe('calculate --json', () => {
  it('prints one decision with the contract fields and exits 0', async () => {
    const r = await cli(['calculate', 'fixtures/contract-example.json', '--json']);
    expect(r.status).toBe(0);
    const d = JSON.parse(r.stdout);
    for (const key of ['caseId', 'period', 'outcome', 'norm', 'costs', 'income', 'need', 'payable', 'reasons', 'trace', 'childImpact', 'ruleSetVersion', 'inputHash']) expect(d).toHaveProperty(key);
    expect(d.ruleSetVersion).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(d.inputHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    for (const m of [d.need, d.payable, d.norm.total, d.costs.accepted, d.income.counted]) expect(m).toMatch(/^(0|[1-9][0-9]*)(\.[0-9]{2})?$/);
  });
  it('without --json prints the breakdown in Swedish (and in English with --lang en)', async () => {
    const sv = await cli(['calculate', 'fixtures/e2-single-parent-rent-above-ceiling-2023.json']);
    expect(sv.status).toBe(0);
    expect(sv.stdout).toContain('Förslag: DELVIS BIFALL – att betala 2 636 kr');
    expect(sv.stdout).toContain('Beräkningsgång');
    expect(sv.stdout).toContain('Om du vill överklaga');
    const en = await cli(['calculate', 'fixtures/e2-single-parent-rent-above-ceiling-2023.json', '--lang', 'en']);
    expect(en.stdout).toContain('Proposal: PARTIAL – payable SEK 2,636');
  });
  it('gives byte-identical output in any time zone and locale', async () => {
    // The contract's own command (npx tsx src/cli.ts) and the compiled one (npx bistand), in two zones and locales.
    const a = spawnCli(['calculate', 'fixtures/contract-example.json', '--json'], { from: 'sources', env: { ...process.env, TZ: 'UTC', LANG: 'C', LC_ALL: 'C' } });
    const b = spawnCli(['calculate', 'fixtures/contract-example.json', '--json'], { env: { ...process.env, TZ: 'Pacific/Kiritimati', LANG: 'sv_SE.UTF-8', LC_ALL: 'sv_SE.UTF-8' } });
    expect([a.status, b.status]).toEqual([0, 0]);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toBe((await cli(['calculate', 'fixtures/contract-example.json', '--json'])).stdout);
  });
});

describe('bad input: exit 2, nothing on stdout, one line per problem naming the field', () => {
  const cases: [string, unknown, string[]][] = [
    ['wrong dates', { ...valid, members: [valid.members[0], { id: 'c1', role: 'child', birthDate: '2021-02-30' }] }, ['members[1].birthDate: 2021-02-30 är inget datum som finns: februari 2021 har dagarna 1–28']],
    ['unknown member ids', { ...valid, incomes: [{ memberId: 'zz', type: 'salary', amount: '100' }] }, ['incomes[0].memberId: ingen medlem har id:t "zz": ange id:t för en av hushållets medlemmar']],
    ['negative amounts', { ...valid, costs: [{ type: 'rent', amount: '-5' }] }, ['costs[0].amount: får inte vara negativt (här står "-5")']],
    ['floats instead of decimal strings', { ...valid, costs: [{ type: 'rent', amount: 7900.5 }] }, ['costs[0].amount: ska vara ett belopp i kronor som text, till exempel "7900" eller "7900.50", men här står ett tal utan citattecken']],
    ['no applicant', { ...valid, members: [{ id: 'c1', role: 'child', birthDate: '2021-06-01' }], incomes: [] }, ['members: en medlem ska ha rollen "applicant" (den sökande), men ingen har det']],
    [
      'unknown period',
      { ...valid, period: '2012-05', members: [valid.members[0]] },
      [
        'period: det finns inga regler för maj 2012: riksnormen (rules/riksnorm/) saknas för den månaden (finns för 2013–2026). Välj en månad som reglerna täcker, eller räkna med en regelkatalog som har den (--rules KATALOG); ett nytt år läggs till i rules/ när dess värden är publicerade.',
      ],
    ],
    ['malformed period', { ...valid, period: '2026-13' }, ['period: "2026-13" är ingen månad som finns: det finns ingen månad 13 (bara 01–12)']],
    ['unknown types', { ...valid, incomes: [{ memberId: 'a1', type: 'salery', amount: '1' }] }, ['incomes[0].type: "salery" är ingen inkomsttyp i reglerna för mars 2026: ange en av salary, unemployment-benefit']],
    ['born after the period', { ...valid, members: [valid.members[0], { id: 'c1', role: 'child', birthDate: '2026-04-02' }] }, ['members[1].birthDate: födelsedatumet 2026-04-02 ligger efter månaden som söks (mars 2026): kontrollera datumet och månaden']],
    ['days outside the month', { ...valid, members: [valid.members[0], { id: 'c1', role: 'child', birthDate: '2021-06-01', daysInHousehold: 32 }] }, ['members[1].daysInHousehold: mars 2026 har 31 dagar: ange högst 31']],
    [
      'several problems at once',
      { ...valid, period: 'mars', members: [{ id: 'a1', role: 'boss', birthDate: '1988-13-01' }] },
      [
        'period: ska vara en månad ÅÅÅÅ-MM, till exempel "2026-03", men här står "mars"',
        'members[0].role: ska vara applicant (sökande), partner (make/maka/sambo), child (barn) eller other-adult (annan vuxen), men här står "boss"',
        'members[0].birthDate: 1988-13-01 är inget datum som finns: det finns ingen månad 13 (bara 01–12)',
      ],
    ],
    ['missing required field', { ...valid, members: [{ id: 'a1', role: 'applicant' }] }, ['members[0].birthDate: saknas: ange födelsedatumet, ÅÅÅÅ-MM-DD, till exempel "1988-04-02"']],
    ['a number far too large for a whole number', { ...valid, members: [valid.members[0], { id: 'c1', role: 'child', birthDate: '2021-06-01', daysInHousehold: 1e308 }] }, ['members[1].daysInHousehold: ska vara antal dagar i månaden som ett heltal, till exempel 15, men här står ett tal med decimaler eller ett för stort tal']],
    ['a member that is not an object', { ...valid, members: ['a1'], incomes: [] }, ['members[0]: ska vara en medlem: ett objekt { … } med id, role och birthDate, men här står texten "a1"']],
  ];
  it.each(cases)('%s', async (name, input, expected) => {
    const r = await cli(['calculate', withFile(`${name.replace(/\W+/g, '-')}.json`, input), '--json']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.split('\n').filter((l) => l && !l.startsWith('npm warn'));
    for (const e of expected) expect(lines.some((l) => l.startsWith(e)), `${e}\n---\n${lines.join('\n')}`).toBe(true);
    expect(lines.length).toBe(expected.length);
  });
  it('JSON nested deeper than any household (it would overflow the input hash): exit 2, not a crash', async () => {
    const deep = `{"period":"2026-03","members":[],"note":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const r = await cli(['calculate', withFile('deep.json', deep), '--json']);
    expect([r.status, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toContain(': har listor och objekt i mer än 64 nivåer, men ett hushåll har högst 4');
    expect(r.stderr.startsWith(`${join(dir, 'deep.json')}: `)).toBe(true);
  });
  it('a file that is not JSON', async () => {
    const r = await cli(['calculate', withFile('broken.json', '{ "period": '), '--json']);
    expect([r.status, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(/broken\.json: är inte giltig JSON: texten tar slut för tidigt/);
  });
  it('a file that does not exist', async () => {
    const r = await cli(['calculate', join(dir, 'nope.json'), '--json']);
    expect([r.status, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(/nope\.json: filen finns inte: kontrollera sökvägen\n$/);
  });
  it('a real process exits 2 with the problem on stderr and nothing on stdout', async () => {
    const r = spawnCli(['calculate', withFile('process-bad.json', { ...valid, period: '2026-13' }), '--json']);
    expect([r.status, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toContain('period: "2026-13" är ingen månad som finns');
  });
  it('wrong usage', async () => {
    expect((await cli(['calculate'])).status).toBe(2);
    expect((await cli(['calculate', 'a.json', '--lang', 'fi'])).status).toBe(2);
    expect((await cli(['frobnicate'])).status).toBe(2);
  });
});
