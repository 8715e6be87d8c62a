/** Shared by the benchmarks: the compiled CLI, and running a command as a child process, timed, with its peak memory. */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The compiled CLI (dist/cli.js: what `npx bistand` runs, workers included), built from the current
 * sources first, so a benchmark measures neither a stale build nor the tsx loader.
 */
export function buildCli(root: string): string {
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  return join(root, 'dist', 'cli.js');
}

export interface Measured {
  readonly seconds: number;
  /** Peak resident memory of the process, all threads (VmHWM), sampled while it runs. */
  readonly peakKb: number;
  /** What it printed on stdout. */
  readonly stdout: string;
}

/** Runs `command args` in `cwd` (stderr passed through); wall seconds, peak RSS and stdout, or a rejection naming a non-zero exit. */
export function runMeasured(command: string, args: readonly string[], cwd: string, pollMs = 50): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    let peakKb = 0;
    const poll = setInterval(() => {
      try {
        const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
      } catch {
        /* the process has ended */
      }
    }, pollMs);
    child.on('exit', (code) => {
      clearInterval(poll);
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} exited with ${code}`));
      else resolve({ seconds: Number(process.hrtime.bigint() - started) / 1e9, peakKb, stdout });
    });
  });
}
