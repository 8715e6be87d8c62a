/**
 * Issue 13: `batch --record --resume` after a finished run recorded everything a second time (F6), and
 * `batch --period` for a month without rules wrote an error on every line and exited 0 (F9).
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, tempDir, writeInput } from './support.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const input = join(dir, 'in.ndjson');
writeInput(input, 60, 7, '2026-03', 0.05);

const recordCount = (store: string) => {
  const db = new Database(store, { readonly: true });
  const n = db.prepare('SELECT COUNT(*) FROM records').pluck().get() as number;
  db.close();
  return n;
};

describe('batch --record --resume after a finished run (issue 13)', () => {
  it('is recognised, says so and records nothing again', async () => {
    const store = join(dir, 'r.sqlite');
    const out = join(dir, 'out.ndjson');
    const first = (await cli(['batch', '--in', input, '--out', out, '--record', '--store', store, '--workers', '0']));
    expect(first.status).toBe(0);
    const recorded = JSON.parse(first.stdout).recorded as number;
    expect(recorded).toBeGreaterThan(40);
    expect(recordCount(store)).toBe(recorded);
    const bytes = readFileSync(out);

    const again = (await cli(['batch', '--in', input, '--out', out, '--record', '--store', store, '--workers', '0', '--resume']));
    expect(again.status).toBe(0);
    expect(again.stderr).toContain('nothing to resume: this input was already recorded by a finished run');
    expect(JSON.parse(again.stdout)).toMatchObject({ alreadyFinished: true, recorded: 0, alreadyRecorded: recorded });
    expect(recordCount(store)).toBe(recorded);
    expect(readFileSync(out).equals(bytes)).toBe(true);
    expect((await cli(['audit', 'verify', '--store', store])).status).toBe(0);
  }, 60_000);

  it('--resume with no checkpoint and no finished run says it starts from the beginning', async () => {
    const out = join(dir, 'plain.ndjson');
    const r = (await cli(['batch', '--in', input, '--out', out, '--workers', '0', '--resume']));
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('no checkpoint');
  }, 60_000);
});

describe('batch --resume with a damaged checkpoint', () => {
  for (const [what, text] of [
    ['not JSON', '{"version":1,'],
    ['counts without the exact payable total', '{"version":1,"run":{},"counts":{}}'],
    ['another version', '{"version":2}'],
  ] as const) {
    it(`${what}: exit 2 with one line naming the file, no stack trace`, async () => {
      const out = join(dir, `damaged-${what.length}.ndjson`);
      writeFileSync(`${out}.checkpoint`, text);
      const r = await cli(['batch', '--in', input, '--out', out, '--workers', '0', '--resume']);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^batch: .*damaged-\d+\.ndjson\.checkpoint is not a usable checkpoint \(.*\): it belongs to another run or is damaged; start without --resume\n$/);
    }, 60_000);
  }
});

describe('batch --period without rules (issue 13)', () => {
  it('is refused up front with exit 2 and no output', async () => {
    const out = join(dir, 'p.ndjson');
    const r = (await cli(['batch', '--in', input, '--out', out, '--period', '2012-03', '--workers', '0']));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^batch: --period 2012-03: no riksnorm table .*nothing was calculated\n$/);
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});
