/**
 * `serve [--port P] [--host H] [--rules DIR] [--store PATH]` (issue 5): the caseworker preview, a page and a JSON API
 * (src/web/app.ts, docs/web.md). Binds 127.0.0.1:8787 by default, prints the URL, and on SIGINT or
 * SIGTERM stops accepting requests, closes open connections and exits 0.
 */
import { parseArgs } from 'node:util';
import { storePath } from '../store/store.ts';
import { startServer, type RunningServer } from '../web/server.ts';
import { EXIT_BAD_INPUT, EXIT_OK, loadRulesOrExit, rulesDir, UsageError } from './common.ts';

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

function portOf(text: string | undefined): number {
  if (text === undefined) return DEFAULT_PORT;
  if (!/^[0-9]{1,5}$/.test(text) || Number(text) > 65535) throw new UsageError(`--port: expected a port number 0–65535 (0 = any free port), got "${text}"`);
  return Number(text);
}

export async function serveCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      rules: { type: 'string' },
      store: { type: 'string' },
    },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const port = portOf(values.port);
  const host = values.host ?? DEFAULT_HOST;
  if (host === '') throw new UsageError('--host: expected an address such as 127.0.0.1');
  const rulebook = loadRulesOrExit(rulesDir(values.rules));

  let server: RunningServer;
  try {
    // The queue view reads the decision store: --store, else $BISTAND_STORE, else .bistand/records.sqlite.
    server = await startServer({ rulebook, port, host, storePath: storePath(values.store) });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EADDRNOTAVAIL' || code === 'EACCES' || code === 'ENOTFOUND') {
      process.stderr.write(`serve: cannot listen on ${host}:${port} (${code}); choose another --port or --host\n`);
      return EXIT_BAD_INPUT;
    }
    throw error;
  }
  if (!LOOPBACK.has(host)) {
    process.stderr.write(`serve: warning: listening on ${host}, not only this machine; the preview has no login and households are personal data\n`);
  }
  process.stdout.write(`Caseworker preview (förhandsberäkning) at ${server.url}/\nPress Ctrl+C to stop.\n`);

  const running = server;
  return new Promise<number>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      process.stdout.write(`serve: ${signal}, stopping\n`);
      void running.close().then(() => resolve(EXIT_OK));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
