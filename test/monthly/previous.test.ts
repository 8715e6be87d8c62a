/**
 * Last month's decision as the monthly run reads it (DecisionStore.latestPartsFor: a record of form 2
 * whole, of form 1 the parts SQLite extracts) equals what replay and the queue view read (the whole
 * record, store/read.ts), field for field of what the comparison uses; the lookup is by case and
 * month, the newest record, and only up to a chain position.
 */
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluateHousehold } from '../../src/index.ts';
import { previousFromParts } from '../../src/monthly/previous.ts';
import type { PreviousDecision } from '../../src/monthly/propose.ts';
import { previousFromRecord } from '../../src/store/read.ts';
import { decisionFieldsOfRecord, decisionOfRecord } from '../../src/store/serialize.ts';
import { DecisionStore } from '../../src/store/store.ts';
import { fixture, ROOT, rulesFor } from '../support/engine.ts';

const dir = mkdtempSync(join(tmpdir(), 'monthly-previous-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What the comparison reads of last month's decision. */
const compared = ({ decision: d }: PreviousDecision) => ({
  outcome: d.outcome,
  payable: d.payable,
  norm: { members: d.norm.members },
  costs: { items: d.costs.items },
  income: { items: d.income.items },
  flags: d.flags,
  needsInformation: d.needsInformation,
  requiresAssessment: d.requiresAssessment,
});

describe('reading last month’s decision', () => {
  it('parts and whole record agree; newest record of the case and month; never past the run’s head', () => {
    const store = DecisionStore.open(join(dir, 'r.sqlite'), { create: true });
    const first = { ...fixture('contract-example.json'), period: '2026-02' };
    const second = { ...first, costs: [{ type: 'rent', amount: '7000' }] };
    const record = (raw: Record<string, unknown>) => {
      const r = evaluateHousehold(raw, rulesFor);
      if (!r.ok || r.ruleSet === null) throw new Error('refused');
      return store.record({ input: raw, decision: r.decision, ruleSet: r.ruleSet });
    };
    const a = record(first);
    const b = record(second);
    const whole = previousFromRecord(store, store.latestFor('2026-000123', '2026-02')!);
    const row = store.latestPartsFor('2026-000123', '2026-02')!;
    expect(row.data).not.toBeNull(); // a record of form 2 comes whole
    const parts = previousFromParts(row, (v) => store.ruleSet(v).rules);
    expect({ id: parts.decisionId, period: parts.period, members: parts.members }).toEqual({ id: whole.decisionId, period: whole.period, members: whole.members });
    expect(parts.decisionId).toBe(b.decisionId);
    expect(compared(parts)).toEqual(compared(whole));
    expect(compared(parts).costs.items[0]).toMatchObject({ type: 'rent', claimed: '7000', message: { args: { label: 'Boendekostnad (hyra/avgift)' } } });
    expect(store.latestPartsFor('2026-000123', '2026-02', a.seq)!.decisionId).toBe(a.decisionId);
    expect(store.latestPartsFor('2026-000123', '2026-01')).toBeUndefined();
    store.close();
  });

  it('the fields read without the trace (steps expanded as items name them) are those of the whole record, every one', () => {
    const store = DecisionStore.open(join(dir, 'fields.sqlite'), { create: true });
    let read = 0;
    for (const name of readdirSync(join(ROOT, 'fixtures')).filter((f) => f.endsWith('.json'))) {
      const raw = fixture(name);
      const r = evaluateHousehold(raw, rulesFor);
      if (!r.ok || r.ruleSet === null) continue;
      read++;
      const stored = store.get(store.record({ input: raw, decision: r.decision, ruleSet: r.ruleSet }).decisionId)!;
      const rules = store.ruleSet(stored.ruleSetVersion).rules;
      const { trace, ...whole } = decisionOfRecord(JSON.parse(stored.decisionJson) as Record<string, unknown>, stored, rules);
      expect(trace.length).toBeGreaterThan(0);
      expect(decisionFieldsOfRecord(JSON.parse(stored.decisionJson) as Record<string, unknown>, stored, rules)).toEqual(whole);
    }
    expect(read).toBeGreaterThan(20);
    store.close();
  });

  it('a record written before records kept data (form 1): the parts SQLite extracts agree with the whole stored decision', () => {
    const path = join(dir, 'text-records.sqlite');
    copyFileSync(join(ROOT, 'test/store/data/text-records.sqlite'), path);
    const store = DecisionStore.open(path, { readonly: true });
    const row = store.latestPartsFor('C-0000001', '2026-02')!;
    expect(row.data).toBeNull();
    const parts = previousFromParts(row, (v) => store.ruleSet(v).rules);
    const whole = previousFromRecord(store, store.latestFor('C-0000001', '2026-02')!);
    expect(parts.decisionId).toBe(whole.decisionId);
    expect(compared(parts)).toEqual(compared(whole));
    store.close();
  });
});
