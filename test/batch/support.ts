/** Helpers for the batch tests: generated input files, the CLI in-process, and the real CLI as a child process. */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lines } from '../../bench/generate.ts';
import { cliArgs, runInProcess, type Run } from '../support/cli.ts';
import { ROOT } from '../support/engine.ts';

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'batch-'));
}

export function writeInput(path: string, count: number, seed: number, period = '2026-03', invalidRate = 0): string[] {
  const all = [...lines(count, seed, period, invalidRate)];
  writeFileSync(path, `${all.join('\n')}\n`);
  return all;
}

/** `bistand ARGS` in-process (test/support/cli.ts). */
export function cli(args: string[]): Promise<Run> {
  return runInProcess(args);
}

/** The real (compiled) command line as a child process: for signals, kill and resume. */

export function cliAsync(args: string[]) {
  return spawn(process.execPath, cliArgs(args), { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
}
