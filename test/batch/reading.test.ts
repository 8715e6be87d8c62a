/**
 * How the batch reads its input (src/batch/run.ts, LineChunker): one read buffer, reused, grown for a
 * line longer than it, with the bytes not yet cut into a chunk moved to its front before each read.
 * Whatever the chunk size and the lines' lengths, every line gets the output processLine gives it.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { processLine } from '../../src/batch/line.ts';
import { emptyCounts } from '../../src/batch/summary.ts';
import { lines } from '../../bench/generate.ts';
import { rulesFor } from '../support/engine.ts';
import { cli, tempDir } from './support.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('reading the input', () => {
  it('lines longer than the read buffer (2 MB), between short ones, at any chunk size and with workers', async () => {
    const input = [...lines(300, 21, '2026-03', 0.05)];
    const long = JSON.parse(input[10]!) as { costs: { description?: string }[] };
    long.costs[0]!.description = 'å'.repeat(1_500_000); // 3 MB of UTF-8
    input.splice(11, 0, JSON.stringify(long));
    input.splice(200, 0, `"${'x'.repeat(5_000_000)}"`, '');
    writeFileSync(join(dir, 'in.ndjson'), input.join('\n')); // the last line without a newline
    const options = { detail: 'compact' as const, period: null, rulesFor };
    const expected = `${input.map((text, i) => processLine(text, i + 1, options, emptyCounts())).join('\n')}\n`;
    for (const [chunkLines, workers] of [['1', '0'], ['7', '0'], ['400', '0'], ['13', '2']] as const) {
      const out = join(dir, `out-${chunkLines}-${workers}.ndjson`);
      const r = await cli(['batch', '--in', join(dir, 'in.ndjson'), '--out', out, '--workers', workers, '--chunk-lines', chunkLines]);
      expect(r.status).toBe(0);
      expect(readFileSync(out, 'utf8') === expected).toBe(true);
    }
  }, 120_000);
});
