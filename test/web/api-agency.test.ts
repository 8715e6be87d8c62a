/**
 * POST /api/calculate with agency data: the decision carries source, classification and
 * changeThreshold on income items, income.registered[] and the agency flags, byte for byte what the
 * engine gives; bad agency data is a 400 naming the field.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/web/app.ts';
import { book, ROOT, rulesFor, evaluateRendered } from '../support/engine.ts';

const app = createApp({ rulebook: book });
const post = (body: unknown) => app.request('/api/calculate', { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
const household = JSON.parse(readFileSync(`${ROOT}fixtures/ssbtek/household-a1-2026-03.json`, 'utf8')) as Record<string, unknown>;

describe('POST /api/calculate with registered incomes', () => {
  it('returns the engine’s decision with every agency income traced to its payment', async () => {
    const response = await post(household);
    expect(response.status).toBe(200);
    const text = await response.text();
    const expected = evaluateRendered(household, rulesFor);
    if (!expected.ok) throw new Error('fixture refused');
    expect(text).toBe(`${JSON.stringify(expected.decision, null, 2)}\n`);
    const d = JSON.parse(text);
    const bostadsbidrag = d.income.items.find((i: { classification?: string }) => i.classification === 'fk-bostadsbidrag');
    expect(bostadsbidrag).toMatchObject({ source: 'agency:fk', agency: 'fk', benefit: 'Bostadsbidrag', paidOn: '2026-02-25', ref: 'FK-20260225-118812', changeThreshold: { kind: 'percent', percent: 12 } });
    expect(d.income.items.find((i: { source: string }) => i.source === 'application')).toBeDefined();
    expect(d.income.registered).toHaveLength(10);
    expect(d.flags.find((f: { code: string }) => f.code === 'DECLARED_DIFFERS_FROM_REGISTERED').amounts).toEqual({ declared: '1400', registered: '1500' });
  });

  // Issue 20: a failed answer does not withhold aid (was: needs-information, payable null).
  it('a failed agency answer: 200 with the proposal computed on what is known, for a person to verify', async () => {
    const known = (await (await post(household)).json()) as { outcome: string; payable: string | null };
    const d = (await (await post({ ...household, agencyAnswers: [{ memberId: 'a1', agency: 'csn', status: 'failed' }] })).json()) as { outcome: string; payable: string | null; requiresAssessment: boolean; flags: { code: string }[] };
    expect([d.outcome, d.payable]).toEqual([known.outcome, known.payable]);
    expect(d.requiresAssessment).toBe(true);
    expect(d.flags.find((f: { code: string }) => f.code === 'AGENCY_ANSWER_MISSING')).toMatchObject({ severity: 'assessment', agency: 'csn', memberId: 'a1' });
  });

  it('bad agency data: 400 naming each field, all at once (a missing net does not hide the others, issue 27)', async () => {
    const response = await post({ ...household, registeredIncomes: [{ memberId: 'zz', agency: 'kronofogden', benefit: 'Bostadsbidrag', paidOn: '2026-13-01' }] });
    expect(response.status).toBe(400);
    const { errors } = (await response.json()) as { errors: { path: string; code: string; message: string }[] };
    expect(errors.map((e) => `${e.path} ${e.code}`)).toEqual([
      'registeredIncomes[0].memberId UNKNOWN_MEMBER',
      'registeredIncomes[0].agency UNKNOWN_AGENCY',
      'registeredIncomes[0].net REQUIRED',
      'registeredIncomes[0].paidOn INVALID_DATE',
    ]);
    expect(errors[2]!.message).toBe('saknas: ange ett belopp i kronor som text, till exempel "7900" eller "7900.50"');
    expect(errors[3]!.message).toBe('2026-13-01 är inget datum som finns: det finns ingen månad 13 (bara 01–12)');
  });
});
