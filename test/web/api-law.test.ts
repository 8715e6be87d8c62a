/**
 * GET /api/types for the inputs of the law in force (docs/law-in-force.md): the decision date picks
 * the law the page's letter cites, the aktivitetskrav exemptions with their Swedish labels for a month
 * it applies to (and when it starts, for one it does not), läkarintyg, and a 2027 month whose rules
 * are pending: 200 with the missing rules named and no types, never another year's types.
 */
import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/period/index.ts';
import { createApp } from '../../src/web/app.ts';
import { book, cache } from '../support/engine.ts';

const app = createApp({ rulebook: book });

interface Types {
  status: string;
  law: string;
  messageSv?: string;
  pending?: { id: string; sv: string; legalRef: string }[];
  incomeTypes: unknown[];
  costTypes: unknown[];
  assetTypes: unknown[];
  ruleSetVersion: string | null;
  normTable: string | null;
  activityRequirement: { inForce: boolean; from: string; qualifyingMonths: number | null; exemptions: { code: string; labelSv: string }[] } | null;
  medicalCertificate: { inForce: boolean; from: string } | null;
  legal: { law: string; refs: Record<string, { ref: string }> };
}

async function types(query: string): Promise<Types> {
  const response = await app.request(`/api/types?${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Types;
}

describe('GET /api/types: the law in force', () => {
  it('cites the law of the decision date when decidedOn is given, else the month’s', async () => {
    const byMonth = await types('period=2025-06');
    const decidedInJuly = await types('period=2025-06&decidedOn=2025-07-03');
    expect(byMonth.law).toBe(cache.get(parsePeriod('2025-06')!, null).rules.legal.law);
    expect(decidedInJuly.law).toBe(cache.get(parsePeriod('2025-06')!, null, '2025-07-03').rules.legal.law);
    expect(byMonth.law).toContain('2001:453');
    expect(decidedInJuly.law).toContain('2025:400');
    expect(decidedInJuly.legal.refs['appealRoute']!.ref).not.toBe(byMonth.legal.refs['appealRoute']!.ref);
    const bad = await app.request('/api/types?period=2025-06&decidedOn=2025-7-3');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { path: string; code: string }[] }).errors).toEqual([expect.objectContaining({ path: 'decidedOn', code: 'INVALID_DATE' })]);
  });

  it('lists the aktivitetskrav exemptions with Swedish labels from October 2026, and says when it starts before that', async () => {
    const october = await types('period=2026-10');
    const rule = cache.get(parsePeriod('2026-10')!, null).rules.activityRequirement!;
    expect(october.status).toBe('loaded');
    expect(october.activityRequirement).toEqual({
      inForce: true,
      from: '2026-10-01',
      qualifyingMonths: rule.qualifyingConsecutiveMonths.value,
      exemptions: rule.exemptions.map((e) => ({ code: e.code, labelSv: e.sv, labelEn: e.en })),
    });
    expect(october.activityRequirement!.exemptions.map((e) => e.code)).toContain('sickness-benefit');
    const september = await types('period=2026-09');
    expect(september.activityRequirement).toEqual({ inForce: false, from: '2026-10-01', qualifyingMonths: null, exemptions: [] });
    expect(september.medicalCertificate).toMatchObject({ inForce: true, from: '2026-07-01' });
    expect((await types('period=2026-06')).medicalCertificate).toMatchObject({ inForce: false, from: '2026-07-01' });
  });

  it('answers a 2027 month with status pending, the missing rules in Swedish and no types (never another year’s)', async () => {
    const t = await types('period=2027-02');
    expect(t.status).toBe('pending');
    expect(t.incomeTypes).toEqual([]);
    expect(t.costTypes).toEqual([]);
    expect(t.assetTypes).toEqual([]);
    expect(t.ruleSetVersion).toBeNull();
    expect(t.normTable).toBeNull();
    expect(t.activityRequirement).toBeNull();
    const ids = t.pending!.map((p) => p.id);
    expect(ids).toEqual(['riksnorm-2027', 'norm-reference-value', 'norm-ceiling', 'large-household-limit']);
    expect(t.messageSv).toMatch(/^Reglerna för 2027 är inte publicerade: riksnormen för 2027 /);
    for (const p of t.pending!) expect(t.messageSv).toContain(p.sv);
    // The law in force is known (the appeal route, for instance), only the 2027 amounts and formulas are not.
    expect(t.law).toContain('2025:400');
    expect(t.legal.refs['appealRoute']!.ref.length).toBeGreaterThan(0);
    // The API's decision for the same month names the same rules.
    const d = await app.request('/api/calculate', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ period: '2027-02', members: [{ id: 'a1', role: 'applicant', birthDate: '1988-05-14' }] }) });
    const decision = (await d.json()) as { outcome: string; needsInformation: { code: string; message: { args: { rule: string } } }[] };
    expect(decision.outcome).toBe('needs-information');
    expect(decision.needsInformation.map((n) => n.message.args.rule)).toEqual(t.pending!.map((p) => p.sv));
  });
});
