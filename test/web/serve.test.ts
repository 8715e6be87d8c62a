/**
 * `serve` on the real command line: prints its URL, answers over a socket, stops cleanly (exit 0)
 * on SIGTERM and SIGINT, and refuses a bad port or a port in use with exit 2.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { cliArgs, runInProcess } from '../support/cli.ts';
import { ROOT } from '../support/engine.ts';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

interface Started {
  readonly child: ChildProcess;
  readonly url: string;
  readonly output: () => string;
  readonly exit: Promise<number | null>;
}

function start(args: string[] = []): Promise<Started> {
  const child = spawn(process.execPath, cliArgs(['serve', '--port', '0', ...args]), { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve printed no URL in 20 s:\n${stdout}\n${stderr}`)), 20_000);
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      stdout += d.toString();
      const url = /http:\/\/127\.0\.0\.1:[0-9]+/.exec(stdout)?.[0];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url, output: () => stdout, exit });
      }
    });
    void exit.then((code) => reject(new Error(`serve exited (${code}) before printing a URL:\n${stdout}\n${stderr}`)));
  });
}

describe('serve', () => {
  it('prints its URL, answers the API and stops with exit 0 on SIGTERM', async () => {
    const s = await start();
    expect(s.output()).toMatch(/^Caseworker preview \(förhandsberäkning\) at http:\/\/127\.0\.0\.1:[0-9]+\/$/m);
    expect(await (await fetch(`${s.url}/healthz`)).json()).toMatchObject({ status: 'ok' });
    const body = readFileSync(`${ROOT}fixtures/e2-single-parent-rent-above-ceiling-2023.json`, 'utf8');
    const response = await fetch(`${s.url}/api/calculate`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { payable: string }).payable).toBe('2636');
    // An oversized body over a real socket: 413, and the server is still there afterwards.
    const big = await fetch(`${s.url}/api/calculate`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: 'x'.repeat(300 * 1024) });
    expect(big.status).toBe(413);
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
    s.child.kill('SIGTERM');
    expect(await s.exit).toBe(0);
    expect(s.output()).toContain('SIGTERM, stopping');
  });

  it('stops with exit 0 on SIGINT (Ctrl+C) even with a keep-alive connection open', async () => {
    const s = await start();
    await (await fetch(`${s.url}/`, { headers: { Connection: 'keep-alive' } })).text();
    s.child.kill('SIGINT');
    expect(await s.exit).toBe(0);
  });

  it('refuses a bad port and a port in use with exit 2', async () => {
    const bad = await runInProcess(['serve', '--port', 'http']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--port');
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const taken = await runInProcess(['serve', '--port', String(port)]);
      expect(taken.status).toBe(2);
      expect(taken.stderr).toContain('EADDRINUSE');
    } finally {
      blocker.close();
    }
  });
});
