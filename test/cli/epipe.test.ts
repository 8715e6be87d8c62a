/**
 * Issue 13 (F10): `show … | head` and `npm start | head` died with an EPIPE stack trace. A reader that
 * closes the pipe early now ends the command quietly. The test closes the read end before the command
 * writes anything, so every write meets a closed pipe.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/engine.ts';

function withClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.destroy();
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

describe('a closed stdout pipe (issue 13)', () => {
  it('run-fixtures (npm start) exits quietly', async () => {
    const r = await withClosedStdout(['run-fixtures']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  }, 60_000);

  it('calculate and help exit quietly', async () => {
    for (const args of [['calculate', 'fixtures/e2-single-parent-rent-above-ceiling-2023.json'], ['help']]) {
      const r = await withClosedStdout(args);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
  }, 60_000);
});
