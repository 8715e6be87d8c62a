/**
 * Issue 13 (F2): the batch summary re-parsed each payable string and added 0 for one it could not
 * read, so totalPayable silently dropped money. It now sums exact öre (BigInt) and a payable that
 * cannot be summed is an error.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCheckpoint, writeCheckpoint, type Checkpoint } from '../../src/batch/checkpoint.ts';
import { processLine } from '../../src/batch/line.ts';
import { addCounts, addPayable, emptyCounts, summaryJson } from '../../src/batch/summary.ts';
import { rulesFor } from '../support/engine.ts';
import { applicant, cost, household } from '../support/households.ts';
import { tempDir } from './support.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('batch summary totals (issue 13)', () => {
  it('sums past 2^53 öre exactly: 10 000 households paying about 10 000 000 000 kr each', () => {
    const line = JSON.stringify(household('2026-03', [applicant()], { costs: Array.from({ length: 10 }, () => cost('electricity', '1000000000')) }));
    const counts = emptyCounts();
    let payable = '';
    for (let n = 1; n <= 10_000; n++) payable = JSON.parse(processLine(line, n, { detail: 'compact', period: null, rulesFor }, counts)).payable;
    const each = BigInt(payable.replace('.', '')) * (payable.includes('.') ? 1n : 100n);
    expect(each * 10_000n > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    const total = summaryJson(counts)['totalPayable'] as string;
    expect(BigInt(total.replace('.', '')) * (total.includes('.') ? 1n : 100n)).toBe(each * 10_000n);
  });

  it('adds a payable the input format cannot hold instead of dropping it, and refuses one that is not an amount', () => {
    const counts = emptyCounts();
    addPayable(counts, '2636');
    addPayable(counts, '1999999994589.98');
    addPayable(counts, null);
    expect(summaryJson(counts)['totalPayable']).toBe('1999999997225.98');
    expect(() => addPayable(counts, 'NaN')).toThrow(/cannot sum "NaN"/);
    expect(() => addPayable(counts, '12.5')).toThrow(RangeError);
  });

  it('keeps an exact total beyond 2^53 öre through a checkpoint and across chunks', async () => {
    const a = emptyCounts();
    a.payableOre = 9_007_199_254_740_993n;
    const b = emptyCounts();
    addCounts(b, a);
    addCounts(b, a);
    expect(b.payableOre).toBe(18_014_398_509_481_986n);
    const out = join(dir, 'out.ndjson');
    const cp: Checkpoint = {
      version: 1,
      run: { input: 'x', inputSize: 1, period: null, detail: 'compact', engineVersion: 'test' },
      runId: 'r',
      inputOffset: 0,
      linesDone: 0,
      outputBytes: 0,
      counts: b,
      internalErrors: 0,
    };
    await writeCheckpoint(out, cp);
    expect(readCheckpoint(out)!.counts.payableOre).toBe(18_014_398_509_481_986n);
  });
});
