/**
 * The conditions in rules/conditions/ are data a domain expert can change: editing the JSON changes
 * the engine's behaviour without touching code.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRulebook, RuleSetCache } from '../../src/index.ts';
import { fixture, RULES_DIR, evaluateRendered } from '../support/engine.ts';

const dir = mkdtempSync(join(tmpdir(), 'rules-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('rules/conditions is the source of truth', () => {
  it('changing the long-term threshold in barnkonsekvens.json changes the LONG_TERM_ASSISTANCE flag', () => {
    cpSync(RULES_DIR, dir, { recursive: true });
    const path = join(dir, 'barnkonsekvens.json');
    const json = JSON.parse(readFileSync(path, 'utf8'));
    json.values[0].longTermMonths.value = 12;
    writeFileSync(path, JSON.stringify(json));
    const cache = new RuleSetCache(loadRulebook(dir));
    const x1 = fixture('x1-not-at-labour-market-disposal-with-children-2026.json'); // 11 months
    const flags = (c: RuleSetCache) => {
      const r = evaluateRendered(x1, (p, m) => c.get(p, m));
      return r.ok ? r.decision.flags.map((f) => f.code) : [];
    };
    expect(flags(new RuleSetCache(loadRulebook(RULES_DIR)))).toContain('LONG_TERM_ASSISTANCE');
    expect(flags(cache)).not.toContain('LONG_TERM_ASSISTANCE');
  });
  it('a changed rule gives a different ruleSetVersion', () => {
    const a = new RuleSetCache(loadRulebook(RULES_DIR)).get({ year: 2026, month: 2 }, null).version;
    const b = new RuleSetCache(loadRulebook(dir)).get({ year: 2026, month: 2 }, null).version;
    expect(a).not.toBe(b);
  });
  it('the trace names each condition that was checked, with the facts it read', () => {
    const r = evaluateRendered(fixture('x1-not-at-labour-market-disposal-with-children-2026.json'), (p, m) => new RuleSetCache(loadRulebook(RULES_DIR)).get(p, m));
    if (!r.ok) throw new Error('refused');
    // The labour-market condition is checked per adult (issue 20): the member first, then the facts read.
    const step = r.decision.trace.find((s) => s.rule === 'conditions/labour-market#NOT_AT_LABOUR_MARKET_DISPOSAL')!;
    expect(step.result).toBe(true);
    expect(step.inputs).toEqual({ memberId: 'a1', availableForWork: false, reasonGiven: false });
  });
});
