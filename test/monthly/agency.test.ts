/**
 * The monthly run with agency income data end to end (issues 8 and 9 together): February is recorded
 * with its registered payments (batch --record), March arrives through `monthly`, and the comparison
 * reads the payments counted last month from the store. A benefit counted last month and not
 * registered now is MISSING_REGISTERED_INCOME; one that moved beyond its rule's threshold (12 % for
 * a-kassa in rules/agency-income-map.json) is INCOME_CHANGE with both amounts; the same payments as
 * last month route an approval to `ready`. Routing never changes the amounts.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../batch/support.ts';
import { calc } from '../support/engine.ts';

const dir = tempDir();
const store = join(dir, 'records.sqlite');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** One adult with bostadsbidrag and a-kassa, as SSBTEK reports them, for the benefit month `period`. */
function household(caseId: string, period: '2026-02' | '2026-03', payments: { bostadsbidrag: string | null; akassa: string }): Record<string, unknown> {
  const paidIn = period === '2026-02' ? '2026-01' : '2026-02';
  const registeredIncomes: Record<string, unknown>[] = [
    { memberId: 'a1', agency: 'akassa', benefit: 'Arbetslöshetsersättning', net: payments.akassa, paidOn: `${paidIn}-12`, ref: `AK-${caseId}-${period}` },
  ];
  if (payments.bostadsbidrag !== null) {
    registeredIncomes.push({ memberId: 'a1', agency: 'fk', benefit: 'Bostadsbidrag', net: payments.bostadsbidrag, paidOn: `${paidIn}-25`, ref: `FK-${caseId}-${period}` });
  }
  return {
    caseId,
    period,
    members: [{ id: 'a1', role: 'applicant', birthDate: '1985-03-14', gender: 'male' }],
    incomes: [],
    costs: [{ type: 'rent', amount: '7200' }, { type: 'electricity', amount: '400' }],
    circumstances: { availableForWork: true, consecutiveMonthsOnAssistance: 4 },
    registeredIncomes,
    agencyAnswers: [
      { memberId: 'a1', agency: 'fk', status: payments.bostadsbidrag === null ? 'nothing' : 'answered' },
      { memberId: 'a1', agency: 'akassa', status: 'answered' },
    ],
  };
}

const FEB = [
  household('SAME', '2026-02', { bostadsbidrag: '1500', akassa: '3000' }),
  household('GONE', '2026-02', { bostadsbidrag: '1500', akassa: '3000' }),
  household('MOVED', '2026-02', { bostadsbidrag: '1500', akassa: '3000' }),
];
const MAR = [
  { ...household('SAME', '2026-03', { bostadsbidrag: '1500', akassa: '3000' }), receivedOn: '2026-03-02' },
  { ...household('GONE', '2026-03', { bostadsbidrag: null, akassa: '3000' }), receivedOn: '2026-03-02' },
  // 3 000 → 3 500 kr is +17 %, beyond the a-kassa row's 12 %.
  { ...household('MOVED', '2026-03', { bostadsbidrag: '1500', akassa: '3500' }), receivedOn: '2026-03-02' },
];

let out: Record<string, any>[];

beforeAll(async () => {
  const feb = join(dir, 'feb.ndjson');
  const mar = join(dir, 'mar.ndjson');
  writeFileSync(feb, FEB.map((h) => `${JSON.stringify(h)}\n`).join(''));
  writeFileSync(mar, MAR.map((h) => `${JSON.stringify(h)}\n`).join(''));
  const recorded = await cli(['batch', '--in', feb, '--out', join(dir, 'feb.out'), '--record', '--store', store, '--workers', '0']);
  expect(recorded.stderr).toBe('');
  expect(recorded.status).toBe(0);
  const run = await cli(['monthly', '--in', mar, '--out', join(dir, 'mar.out'), '--store', store, '--workers', '0', '--detail', 'full']);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  out = readFileSync(join(dir, 'mar.out'), 'utf8').split('\n').slice(0, -1).map((l) => JSON.parse(l) as Record<string, any>);
}, 120_000);

describe('the monthly run reads last month’s registered payments from the store', () => {
  it('the same payments as last month: an approval routed ready, linked to February’s decision', () => {
    const same = out[0]!;
    expect(same.outcome).toBe('approve');
    expect(same.routing.to).toBe('ready');
    expect(same.routing.reasons).toEqual([]);
    expect(same.routing.previousDecisionId).toEqual(expect.any(String));
  });

  it('a benefit counted last month and not registered now: MISSING_REGISTERED_INCOME, to a caseworker', () => {
    const gone = out[1]!;
    expect(gone.routing.to).toBe('caseworker');
    expect(gone.routing.reasons).toContain('MISSING_REGISTERED_INCOME');
    const step = gone.trace.find((s: any) => s.result === 'MISSING_REGISTERED_INCOME');
    expect(step).toBeDefined();
    expect(JSON.stringify(step.inputs)).toContain('1500');
  });

  it('a benefit changed beyond its threshold: INCOME_CHANGE with both amounts, to a caseworker', () => {
    const moved = out[2]!;
    expect(moved.routing.to).toBe('caseworker');
    expect(moved.routing.reasons).toContain('INCOME_CHANGE');
    expect(moved.routing.reasons).not.toContain('MISSING_REGISTERED_INCOME');
    const step = moved.trace.find((s: any) => s.result === 'INCOME_CHANGE');
    expect(JSON.stringify(step.inputs)).toMatch(/3000[\s\S]*3500/);
  });

  it('routing never changes the amounts: each proposal pays what calculate gives for the same household', () => {
    for (const [i, line] of out.entries()) {
      const { receivedOn: _ignored, ...h } = MAR[i]! as Record<string, unknown>;
      const d = calc(h);
      expect(line.payable, String(line.caseId)).toBe(d.payable);
      expect(line.income.counted, String(line.caseId)).toBe(d.income.counted);
    }
  });
});
