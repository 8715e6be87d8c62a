/** Generated households with agency payments go through the batch line by line. */
import { describe, expect, it } from 'vitest';
import { lines } from '../../bench/generate.ts';
import { processLine } from '../../src/batch/line.ts';
import { emptyCounts } from '../../src/batch/summary.ts';
import { rulesFor } from '../support/engine.ts';

describe('batch: households with 0–6 registered payments (bench/generate.ts --registered)', () => {
  it('every line gives a decision; compact flags keep member, agency, benefit and amounts; failed answers never give a proposal', () => {
    let n = 0;
    const counts = emptyCounts();
    const outcomes = new Set<string>();
    for (const line of lines(300, 7, '2026-03', 0, true)) {
      n++;
      const d = JSON.parse(processLine(line, n, { detail: 'compact', period: null, rulesFor }, counts)) as { errors?: unknown; outcome: string; payable: string | null; flags: { code: string; severity: string; memberId?: string; amounts?: unknown }[] };
      expect(d.errors).toBeUndefined();
      outcomes.add(d.outcome);
      for (const f of d.flags.filter((x) => x.code === 'AGENCY_ANSWER_MISSING' || x.code === 'UNHANDLED_INCOME')) expect(f.memberId).toBeDefined();
      if (d.flags.some((f) => f.severity === 'block')) expect([d.outcome, d.payable]).toEqual(['needs-information', null]);
      const h = JSON.parse(line) as { registeredIncomes: unknown[] };
      expect(h.registeredIncomes.length).toBeLessThanOrEqual(6);
    }
    expect(outcomes.size).toBeGreaterThan(2);
  });
});
