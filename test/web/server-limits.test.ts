/**
 * Issue 13: the preview server bounds how long a request may take to arrive (F11: a stalled body held
 * a connection for 315 s) and answers only requests addressed to its own address (F14: DNS rebinding).
 * Raw sockets, so the Host header and the timing of the bytes are exactly what a client sends.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/web/server.ts';
import { book } from '../support/engine.ts';

/** Sends raw bytes and resolves with everything the server sent until it closed the connection. */
function raw(port: number, text: string, end = true): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => (end ? socket.end(text) : socket.write(text)));
    let got = '';
    socket.setEncoding('utf8').on('data', (d: string) => (got += d));
    socket.on('close', () => resolve(got));
    socket.on('error', reject);
  });
}

const get = (port: number, host: string) => raw(port, `GET /healthz HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
const status = (response: string) => Number(/^HTTP\/1\.1 ([0-9]{3})/.exec(response)?.[1]);

describe('request time bounds (issue 13)', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ rulebook: book, port: 0, host: '127.0.0.1', headersTimeoutMs: 1000, requestTimeoutMs: 2000 });
  });
  afterAll(() => server.close());

  it('closes a connection whose body stalls, with 408', async () => {
    const response = await raw(server.port, `POST /api/calculate HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"period":`, false);
    expect(status(response)).toBe(408);
  }, 20_000);

  it('closes a connection whose headers stall, with 408', async () => {
    const response = await raw(server.port, `GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n`, false);
    expect(status(response)).toBe(408);
  }, 20_000);
});

describe('Host header check (issue 13)', () => {
  let server: RunningServer;
  let open: RunningServer;
  beforeAll(async () => {
    server = await startServer({ rulebook: book, port: 0, host: '127.0.0.1' });
    open = await startServer({ rulebook: book, port: 0, host: '127.0.0.1', allowHosts: ['preview.kommun.example'] });
  });
  afterAll(async () => {
    await server.close();
    await open.close();
  });

  it('answers its own address, localhost and [::1] with its port', async () => {
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`, `LOCALHOST:${server.port}`, `[::1]:${server.port}`]) expect(status(await get(server.port, host)), host).toBe(200);
  });

  it('refuses any other Host (DNS rebinding) with 403 and says how to allow one', async () => {
    for (const host of ['evil.example', `evil.example:${server.port}`, '127.0.0.1:1', `127.0.0.1.evil.example:${server.port}`]) {
      const response = await get(server.port, host);
      expect(status(response), host).toBe(403);
      expect(response).toContain('HOST_NOT_ALLOWED');
      expect(response).toContain('--allow-host');
    }
  });

  it('answers a name given with --allow-host, with or without the port', async () => {
    expect(status(await get(open.port, 'preview.kommun.example'))).toBe(200);
    expect(status(await get(open.port, `preview.kommun.example:${open.port}`))).toBe(200);
    expect(status(await get(open.port, 'evil.example'))).toBe(403);
  });
});
