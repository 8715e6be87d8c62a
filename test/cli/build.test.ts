/**
 * The compiled build (scripts/build.mjs → dist/): what `npx bistand`, `npm start` and the batch
 * workers run gives the same bytes as the TypeScript sources. The global setup builds dist/ from the
 * sources as they are now (test/support/global-setup.ts), not an old dist/.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir, writeInput } from '../batch/support.ts';
import { COMPILED_CLI, runInProcess } from '../support/cli.ts';
import { ROOT } from '../support/engine.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const compiled = (args: string[]) => spawnSync(process.execPath, [COMPILED_CLI, ...args], { cwd: ROOT, encoding: 'utf8' });

describe('compiled build', () => {
  it('calculate --json: the same bytes as from the sources', async () => {
    const args = ['calculate', 'fixtures/e2-single-parent-rent-above-ceiling-2023.json', '--json'];
    const r = compiled(args);
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe((await runInProcess(args)).stdout);
  });

  it('batch with compiled worker threads: the same bytes as the sources on the main thread', async () => {
    const input = join(dir, 'in.ndjson');
    writeInput(input, 300, 5, '2025-09', 0.02);
    const r = compiled(['batch', '--in', input, '--out', join(dir, 'compiled.ndjson'), '--workers', '2', '--chunk-lines', '40', '--detail', 'full']);
    expect(r.status).toBe(0);
    expect((await runInProcess(['batch', '--in', input, '--out', join(dir, 'source.ndjson'), '--workers', '0', '--detail', 'full'])).status).toBe(0);
    expect(readFileSync(join(dir, 'compiled.ndjson')).equals(readFileSync(join(dir, 'source.ndjson')))).toBe(true);
  });

  it('batch from the sources through tsx, with the sources\' own worker threads: the same bytes as the compiled build', () => {
    const input = join(dir, 'tsx-in.ndjson');
    writeInput(input, 120, 6, '2026-03', 0.02);
    const env = { ...process.env };
    delete env['BISTAND_WORKERS_FROM_DIST'];
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'batch', '--in', input, '--out', join(dir, 'tsx.ndjson'), '--workers', '2', '--chunk-lines', '30'], { cwd: ROOT, encoding: 'utf8', env });
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(compiled(['batch', '--in', input, '--out', join(dir, 'tsx-compiled.ndjson'), '--workers', '2', '--chunk-lines', '30']).status).toBe(0);
    expect(readFileSync(join(dir, 'tsx.ndjson')).equals(readFileSync(join(dir, 'tsx-compiled.ndjson')))).toBe(true);
  });

  it('a bad household: exit 2 and the same field errors as from the sources (the catalogue is bundled)', async () => {
    const r = compiled(['calculate', 'no-such-file.json']);
    expect([r.status, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toBe('no-such-file.json: filen finns inte: kontrollera sökvägen\n');
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ caseId: 'X', period: '2026-03', members: [{ id: 'a1', role: 'boss', birthDate: '1988-13-01' }], incomes: [{ memberId: 'a1', type: 'salary', amount: 7900.5 }], costs: 'no' }));
    const bad = compiled(['calculate', file, '--json']);
    const source = await runInProcess(['calculate', file, '--json']);
    expect([bad.status, bad.stdout]).toEqual([2, '']);
    expect(bad.stderr).toBe(source.stderr);
    expect(bad.stderr.split('\n').length).toBeGreaterThan(2);
  });
});
