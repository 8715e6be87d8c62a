/**
 * compare with `guideline:KEY` on a side (issue 24): one municipality's guideline set against another
 * over the same households, whatever their kommunkod.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../batch/support.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// One adult, rent 5 000, told in December 2018 that it is above the reasonable level: the rådrum has passed in June 2019.
const single = { caseId: 'G1', period: '2019-06', municipality: '0180', members: [{ id: 'a1', role: 'applicant', birthDate: '1980-01-01' }], incomes: [], costs: [{ type: 'rent', amount: '5000' }], assets: [], circumstances: { availableForWork: true, consecutiveMonthsOnAssistance: 12, rentCeilingNotifiedOn: '2018-12-01' } };

describe('compare --base guideline:A --reform guideline:B', () => {
  it('Trelleborg 2019 (1 rok 3 901) against Malmö 2019 (6 300): the single adult gets 1 099 kr more under Malmö\'s', async () => {
    const input = join(dir, 'in.ndjson');
    writeFileSync(input, `${JSON.stringify(single)}\n`);
    const out = join(dir, 'out.ndjson');
    const r = await cli(['compare', '--in', input, '--base', 'guideline:examples/trelleborg-2019', '--reform', 'guideline:examples/malmo-2019', '--out', out, '--workers', '0']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.base).toMatchObject({ guideline: 'examples/trelleborg-2019' });
    expect(summary.reform).toMatchObject({ guideline: 'examples/malmo-2019' });
    expect(summary.cost.total.difference).toBe('1099');
    expect(summary.outcomes.base.partial).toBe(1);
    expect(summary.outcomes.reform.approve).toBe(1);
    expect(readFileSync(out, 'utf8').split('\n')).toHaveLength(2);
  });
  it('a guideline that does not exist is a clear error (exit 2)', async () => {
    const input = join(dir, 'in2.ndjson');
    writeFileSync(input, `${JSON.stringify(single)}\n`);
    const r = await cli(['compare', '--in', input, '--base', 'current', '--reform', 'guideline:examples/nowhere-2019', '--out', join(dir, 'o2.ndjson'), '--workers', '0']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('rules/municipal/examples/nowhere-2019.json does not exist');
  });
});
