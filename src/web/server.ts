/**
 * Runs the preview app (app.ts) on a socket with @hono/node-server. Used by `serve` (src/cli/serve.ts)
 * and by the browser tests, which start it on port 0 and read the port back.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp, type WebOptions } from './app.ts';

export interface RunningServer {
  /** "http://127.0.0.1:8787" (an IPv6 host in brackets). */
  readonly url: string;
  readonly port: number;
  /** Stops accepting connections, ends open ones and resolves when the socket is closed. */
  close(): Promise<void>;
}

export interface ServeOptions extends WebOptions {
  readonly port: number;
  readonly host: string;
}

export function startServer(options: ServeOptions): Promise<RunningServer> {
  const app = createApp(options);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, (info: AddressInfo) => {
      server.off('error', reject);
      const host = info.address.includes(':') ? `[${info.address}]` : info.address;
      let closing: Promise<void> | null = null;
      resolve({
        url: `http://${host}:${info.port}`,
        port: info.port,
        close: () =>
          (closing ??= new Promise<void>((done) => {
            const http = server as Server;
            http.close(() => done());
            http.closeIdleConnections();
            // Keep-alive connections of a browser that is still open would hold close() forever.
            setTimeout(() => http.closeAllConnections(), 1000).unref();
          })),
      });
    }) as Server;
    server.once('error', reject);
  });
}
