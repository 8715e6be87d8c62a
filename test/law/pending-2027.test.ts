/**
 * 2027 without guessing (rules/pending/2027.json): the reform is enacted but its tables, formulas and
 * wording are not published. Months from 2027-01 answer needs-information naming every missing rule;
 * the conditions that need no numbers (sublet consent, lawful residence) are prepared but off.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { evaluateHouseholdFigures, loadRulebook, RuleSetCache, resolveRuleSet, RulesPendingError } from '../../src/index.ts';
import { parsePeriod } from '../../src/period/index.ts';
import { batchCommand } from '../../src/cli/batch.ts';
import { createApp } from '../../src/web/app.ts';
import { book, calc, RULES_DIR, rulesFor, evaluateRendered } from '../support/engine.ts';
import { applicant, child, cost, household } from '../support/households.ts';

const family = (period: string, extra = {}) => ({ ...household(period, [applicant(), child('c1', '2015-05-05')], { costs: [cost('rent', '7000')] }), ...extra });
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('a month from 2027-01 answers needs-information, never an amount', () => {
  it('names the riksnorm 2027 and the three reform formulas, blocking, with their paragraphs', () => {
    const d = calc(family('2027-01'));
    expect(d.outcome).toBe('needs-information');
    expect([d.payable, d.need, d.norm.total, d.norm.common, d.costs.accepted, d.income.counted]).toEqual([null, null, null, null, null, null]);
    expect(d.needsInformation.map((n) => [n.code, n.field, n.blocking])).toEqual(Array(4).fill(['RULES_PENDING', 'period', true]));
    expect(d.needsInformation.map((n) => n.message.args['rule'])).toEqual([
      expect.stringContaining('riksnormen för 2027'),
      expect.stringContaining('referensvärde'),
      expect.stringContaining('tak'),
      expect.stringContaining('fyra eller fler barn'),
    ]);
    expect(d.needsInformation[0]!.legalRef).toBe('12 kap. 2 § socialtjänstförordningen (2025:468)');
    expect(d.trace.map((s) => s.step)).toEqual(Array(4).fill('rules.pending'));
    expect(d.law).toBe('SoL (2025:400)');
    expect(d.requiresAssessment).toBe(true);
  });
  it('the letter says nothing was calculated or assessed', () => {
    const d = calc(family('2027-03'));
    // Nothing to send: the letter is empty, and the worksheet says why.
    expect(d.decisionText).toBe('');
    expect(d.worksheetText).toContain('Inget brev kan skickas ännu\n- Reglerna för 2027 är inte publicerade: inget förslag, inget beslut och ingen begäran om komplettering kan skrivas.');
    expect(d.worksheetText).not.toContain('beviljar');
    expect(d.decisionText).not.toContain('avslår');
  });
  it('is deterministic and the same in figures mode (no texts)', () => {
    const a = calc(family('2027-06'));
    const b = calc(family('2027-06'));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const f = evaluateHouseholdFigures(family('2027-06'), rulesFor);
    expect(f.ok && [f.decision.outcome, f.decision.needsInformation.length, f.decision.needsInformation[0]!.message.key]).toEqual(['needs-information', 4, 'needs.rulesPending']);
  });
  it('December 2026 is still calculated; 2028 has no rules at all (an error, as any month without a table)', () => {
    expect(calc(family('2026-12')).outcome).not.toBe('needs-information');
    const r = evaluateRendered(family('2028-01'), rulesFor);
    expect(r.ok ? null : r.issues[0]).toMatchObject({ path: 'period', key: 'NO_RULES_FOR_PERIOD', args: { period: '2028-01', part: 'riksnorm' } });
  });
  it('the resolver says why (RulesPendingError, a RuleLookupError for callers that only know that)', () => {
    expect(() => resolveRuleSet(book, parsePeriod('2027-01')!, null)).toThrow(RulesPendingError);
  });
});

describe('the API and batch', () => {
  it('POST /api/calculate answers 200 with the needs-information proposal', async () => {
    const app = createApp({ rulebook: book });
    const res = await app.request('/api/calculate', { method: 'POST', body: JSON.stringify(family('2027-02')), headers: { 'Content-Type': 'application/json' } });
    expect(res.status).toBe(200);
    const d = (await res.json()) as { outcome: string; payable: unknown; needsInformation: { code: string }[] };
    expect([d.outcome, d.payable, d.needsInformation.map((n) => n.code)]).toEqual(['needs-information', null, Array(4).fill('RULES_PENDING')]);
  });
  it('batch --period 2027-MM is refused up front, naming the missing rules, before any line is read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'batch-2027-'));
    dirs.push(dir);
    const err: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
    const code = await batchCommand(['--in', join(dir, 'none.ndjson'), '--out', join(dir, 'out.ndjson'), '--period', '2027-02', '--workers', '0']);
    vi.restoreAllMocks();
    expect(code).toBe(2);
    expect(err.join('')).toMatch(/--period 2027-02: the rules for 2027-02 are not published yet: the 2027 riksnorm table/);
  });
  it('prisbasbelopp 2027 is loaded: 59 600 kr, verified (the children’s earnings limit of 12 kap. 9 §)', () => {
    expect(book.prisbasbelopp.data.values.find((v) => v.effectiveFrom === '2027-01-01')).toMatchObject({ amount: '59600', status: 'verified' });
  });
});

describe('the 2027 conditions that need no numbers are prepared, pending and off', () => {
  it('sublet consent and lawful residence are conditions with status pending, never evaluated', () => {
    expect(book.pending.conditions.map((c) => [c.data.id, c.data.status, c.data.effectiveFrom])).toEqual([['conditions/reform-2027', 'pending', '2027-01-01']]);
    expect(book.pending.conditions[0]!.data.rules.map((r) => r.name)).toEqual(['SUBLET_WITHOUT_CONSENT', 'NOT_LAWFULLY_RESIDENT']);
    expect(book.conditions.some((c) => c.data.id === 'conditions/reform-2027')).toBe(false);
  });
  it('every pending rule carries status pending and a source', () => {
    const rules = book.pending.rules.flatMap((p) => p.data.rules.map((r) => [r.id, r.status, p.data.sources[r.source] !== undefined]));
    expect(rules).toEqual([
      ['riksnorm-2027', 'pending', true],
      ['norm-reference-value', 'pending', true],
      ['norm-ceiling', 'pending', true],
      ['large-household-limit', 'pending', true],
      ['sublet-consent', 'pending', true],
      ['lawful-residence', 'pending', true],
    ]);
  });
});

describe('loading the rules lifts the block, one rule at a time', () => {
  const copy = (change: (dir: string) => void) => {
    const dir = mkdtempSync(join(tmpdir(), 'rules-2027-'));
    dirs.push(dir);
    cpSync(RULES_DIR, dir, { recursive: true });
    change(dir);
    return new RuleSetCache(loadRulebook(dir));
  };
  const confirm = (dir: string, ids: string[]) => {
    const path = join(dir, 'pending/2027.json');
    const json = JSON.parse(readFileSync(path, 'utf8'));
    for (const r of json.rules) if (ids.includes(r.id)) r.status = 'verified';
    writeFileSync(path, JSON.stringify(json));
  };
  const table2027 = (dir: string) => {
    const t = JSON.parse(readFileSync(join(dir, 'riksnorm/2026.json'), 'utf8'));
    writeFileSync(join(dir, 'riksnorm/2027.json'), JSON.stringify({ ...t, id: 'riksnorm/2027', effectiveFrom: '2027-01-01', effectiveTo: '2027-12-31' }));
  };
  it('with a 2027 table loaded, the formulas still block', () => {
    const cache = copy(table2027);
    const d = evaluateRendered(family('2027-01'), (p, m, o) => cache.get(p, m, o));
    expect(d.ok && d.decision.needsInformation.map((n) => n.message.args['rule'])).toHaveLength(3);
  });
  it('with the table loaded and every formula confirmed, the month is calculated', () => {
    const cache = copy((dir) => {
      table2027(dir);
      confirm(dir, ['norm-reference-value', 'norm-ceiling', 'large-household-limit']);
    });
    const d = evaluateRendered(family('2027-01'), (p, m, o) => cache.get(p, m, o));
    expect(d.ok && d.decision.outcome).toBe('approve');
  });
});
