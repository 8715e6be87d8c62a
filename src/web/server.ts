/**
 * Runs the preview app (app.ts) on a socket with @hono/node-server. Used by `serve` (src/cli/serve.ts)
 * and by the browser tests, which start it on port 0 and read the port back.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp, type WebOptions } from './app.ts';
import { hostAllowed, hostPolicy, hostRefused, type HostPolicy } from './host.ts';

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
  /** Host header values answered besides the bound address (`serve --allow-host`); '*' turns the check off. */
  readonly allowHosts?: readonly string[];
  /** Time to receive a request's headers (default 10 s). */
  readonly headersTimeoutMs?: number;
  /** Time to receive a whole request, headers and body (default 20 s; a body is at most 256 KB). */
  readonly requestTimeoutMs?: number;
}

/** Open connections at most; a browser uses a handful (issue 13: stalled connections held file descriptors). */
export const MAX_CONNECTIONS = 256;

export function startServer(options: ServeOptions): Promise<RunningServer> {
  const app = createApp(options);
  // Filled in once the port is known (port 0 = any free port).
  let policy: HostPolicy | null = null;
  const fetch = (request: Request, env?: unknown) => {
    const host = request.headers.get('host');
    return policy !== null && hostAllowed(policy, host) ? app.fetch(request, env) : hostRefused(host);
  };
  const requestTimeout = options.requestTimeoutMs ?? 20_000;
  const headersTimeout = Math.min(options.headersTimeoutMs ?? 10_000, requestTimeout);
  // Node checks the two timeouts every connectionsCheckingInterval (30 s by default): checked every
  // second here, so a stalled request is closed close to its bound (issue 13: it was held 315 s).
  const serverOptions = { requestTimeout, headersTimeout, connectionsCheckingInterval: Math.min(1000, headersTimeout), keepAliveTimeout: 5000 };
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port: options.port, hostname: options.host, serverOptions }, (info: AddressInfo) => {
      server.off('error', reject);
      policy = hostPolicy(info.address, info.port, options.allowHosts);
      (server as Server).maxConnections = MAX_CONNECTIONS;
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
