/**
 * docs/agency-income.md keeps the table of benefit families and rows of rules/agency-income-map.json
 * with its status counts (the same as `rules check` prints), and every Swedish text about agency data
 * and the monthly checks names no code word: no flag or change code, no rule row id, no income type
 * code — what a caseworker reads on the page and in the worksheet (issue 23).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runRulesCheck } from '../../src/cli/rules.ts';
import { proposeMonthly } from '../../src/monthly/propose.ts';
import { parsePeriod } from '../../src/period/index.ts';
import { calc, fixture, ROOT, RULES_DIR, rulesFor } from '../support/engine.ts';

const map = rulesFor(parsePeriod('2026-03')!, null).rules.agencyIncomeMap!;
const doc = readFileSync(`${ROOT}docs/agency-income.md`, 'utf8');
const file = JSON.parse(readFileSync(`${RULES_DIR}/agency-income-map.json`, 'utf8')) as { values: { rows: { id: string; status: string; source: string; action: string }[]; families: { id: string; status: string; source: string }[] }[] };

/** The table line of an id: its cells. */
const cells = (id: string): string[] => {
  const line = doc.split('\n').find((l) => l.startsWith(`| \`${id}\` |`));
  return line === undefined ? [] : line.split('|').slice(1, -1).map((c) => c.trim());
};

describe('docs/agency-income.md: the table of families and rows', () => {
  it('lists every family and every row with its action, status and source', () => {
    for (const f of file.values[0]!.families) expect(cells(f.id).slice(-2), f.id).toEqual([f.status, f.source]);
    for (const r of file.values[0]!.rows) {
      const c = cells(r.id);
      expect(c.slice(-2), r.id).toEqual([r.status, r.source]);
      expect(c[4]!.startsWith(r.action), r.id).toBe(true);
    }
    const ids = [...doc.matchAll(/^\| `([a-z0-9-]+)` \| (?:fk|pm|akassa|csn|af|skv|migrationsverket) \|/gm)].map((m) => m[1]);
    expect(ids.sort()).toEqual([...file.values[0]!.families.map((f) => f.id), ...file.values[0]!.rows.map((r) => r.id)].sort());
  });
  it('says the status counts, as rules check prints them', () => {
    let out = '';
    runRulesCheck(RULES_DIR, { stdout: { write: (t: string) => ((out += t), true) }, stderr: { write: () => true }, env: {} } as never);
    const line = out.split('\n').find((l) => l.includes('agency-income-map.json 2014-05-01'))!;
    const counts = line.slice(line.search(/\d+ rows/));
    expect(doc).toContain(`**${counts}.**`);
    const rows = file.values[0]!.rows;
    expect(counts).toBe(`${rows.length} rows: verified ${rows.filter((r) => r.status === 'verified').length}, derived ${rows.filter((r) => r.status === 'derived').length}, estimate ${rows.filter((r) => r.status === 'estimate').length}; 2 families: verified 0, derived 2, estimate 0`);
  });
});

describe('the Swedish texts about agency data and the monthly checks name no code word', () => {
  const codeWords = [
    /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/, // flag, change and routing codes
    ...map.rows.map((r) => new RegExp(`\\b${r.id}\\b`)),
    ...map.families.map((f) => new RegExp(`\\b${f.id}\\b`)),
    /\b(sickness|parental|activity|establishment|housing|maintenance|study|child|care|unemployment|tax|asylum)-[a-z-]+\b/, // income type codes
    /\(regel /,
  ];
  const raw = fixture('ssbtek/household-families-2026-03.json');
  const d = calc(raw);
  const p = proposeMonthly({ decision: d, members: (raw['members'] as { id: string; role: string }[]).map((m) => ({ id: m.id, role: m.role })), previous: null, receivedOn: '2026-03-02', mode: 'recommend', rules: rulesFor(parsePeriod(d.period)!, d.municipality).rules });
  // Against a previous decision: the income types new, dropped and changed, a benefit missing, a member gone.
  const febRaw = { ...raw, period: '2026-02', members: [...(raw['members'] as unknown[]), { id: 'c2', role: 'child', birthDate: '2020-01-01' }], registeredIncomes: [
    { memberId: 'a1', agency: 'fk', benefit: 'Bostadsbidrag', net: '1500', paidOn: '2026-01-25' },
    { memberId: 'a2', agency: 'fk', benefit: 'Dagersättning', subBenefit: 'Arbetsmarknadspolitiskt program', amountType: 'Aktivitetsstöd', net: '5000', paidOn: '2026-01-26' },
    { memberId: 'a1', agency: 'fk', benefit: 'Allmänt barnbidrag', net: '1250', paidOn: '2026-01-20' },
  ], agencyAnswers: [] };
  const feb = calc(febRaw);
  const withPrevious = proposeMonthly({ decision: d, members: (raw['members'] as { id: string; role: string }[]).map((m) => ({ id: m.id, role: m.role })), previous: { decisionId: 'D-00000001-0000000000000000', period: '2026-02', members: (febRaw.members as { id: string; role: string }[]).map((m) => ({ id: m.id, role: m.role })), decision: feb }, receivedOn: '2026-03-02', mode: 'recommend', rules: rulesFor(parsePeriod(d.period)!, d.municipality).rules });
  it('the comparison with a previous decision found what the texts below say', () => {
    expect(withPrevious.routing.reasons).toEqual(expect.arrayContaining(['NEW_INCOME', 'INCOME_CHANGE', 'MISSING_REGISTERED_INCOME', 'MEMBER_GONE']));
  });
  const texts: [string, string][] = [
    ...withPrevious.trace.filter((s) => s.step.startsWith('monthly.')).map((s): [string, string] => [`previous ${s.step} ${String(s.inputs['subject'] ?? '')}`, s.text]),
    ...p.trace.filter((s) => s.step.startsWith('agency.') || s.step.startsWith('monthly.') || s.step === 'income.item').map((s): [string, string] => [s.step, s.text]),
    ...d.flags.map((f): [string, string] => [f.code, f.text]),
    ...d.income.registered.map((r): [string, string] => [`registered ${r.index}`, r.reason]),
    ['decisionText', d.decisionText],
  ];
  it.each(texts)('%s', (_where, text) => {
    expect(text.length).toBeGreaterThan(0);
    for (const pattern of codeWords) expect(text).not.toMatch(pattern);
  });
});
