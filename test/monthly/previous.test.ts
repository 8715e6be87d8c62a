/**
 * Last month's decision as the monthly run reads it (the parts SQLite extracts) equals what replay
 * reads (the whole record), field for field of what the comparison uses; the lookup is by case and
 * month, the newest record, and only up to a chain position.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { previousFromParts, previousFromRecord } from '../../src/monthly/previous.ts';
import { parsePeriod } from '../../src/period/index.ts';
import { DecisionStore } from '../../src/store/store.ts';
import { calc, fixture, rulesFor } from '../support/engine.ts';

const dir = mkdtempSync(join(tmpdir(), 'monthly-previous-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('reading last month’s decision', () => {
  it('parts and whole record agree; newest record of the case and month; never past the run’s head', () => {
    const store = DecisionStore.open(join(dir, 'r.sqlite'), { create: true });
    const first = { ...fixture('contract-example.json'), period: '2026-02' };
    const second = { ...first, costs: [{ type: 'rent', amount: '7000' }] };
    const record = (raw: Record<string, unknown>) => {
      const d = calc(raw);
      return store.record({ input: raw, decision: d, ruleSet: rulesFor(parsePeriod(d.period)!, d.municipality) });
    };
    const a = record(first);
    const b = record(second);
    const whole = previousFromRecord(store.latestFor('2026-000123', '2026-02')!);
    const parts = previousFromParts(store.latestPartsFor('2026-000123', '2026-02')!);
    expect({ id: parts.decisionId, period: parts.period, members: parts.members }).toEqual({ id: whole.decisionId, period: whole.period, members: whole.members });
    expect(parts.decisionId).toBe(b.decisionId);
    const d = whole.decision;
    expect(parts.decision).toEqual({
      outcome: d.outcome,
      payable: d.payable,
      norm: { members: d.norm.members },
      costs: { items: d.costs.items },
      income: { items: d.income.items },
      flags: d.flags,
      needsInformation: d.needsInformation,
      requiresAssessment: d.requiresAssessment,
    });
    expect(store.latestPartsFor('2026-000123', '2026-02', a.seq)!.decisionId).toBe(a.decisionId);
    expect(store.latestPartsFor('2026-000123', '2026-01')).toBeUndefined();
    store.close();
  });
});
