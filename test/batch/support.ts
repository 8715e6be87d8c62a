/** Helpers for the batch tests: generated input files and the real CLI as a child process. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lines } from '../../bench/generate.ts';
import { ROOT } from '../support/engine.ts';

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'batch-'));
}

export function writeInput(path: string, count: number, seed: number, period = '2026-03', invalidRate = 0): string[] {
  const all = [...lines(count, seed, period, invalidRate)];
  writeFileSync(path, `${all.join('\n')}\n`);
  return all;
}

export function cli(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function cliAsync(args: string[]) {
  return spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
}
