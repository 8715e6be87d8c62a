/**
 * `serve [--port P] [--host H] [--allow-host NAME]... [--rules DIR] [--municipality KOD] [--store PATH] [--trust-proxy-auth …] [--payer FILE] [--staff-directory FILE]` (issues 5, 9, 11, 12, 13, 29): the caseworker preview, a page and a JSON API
 * (src/web/app.ts, docs/web.md). Binds 127.0.0.1:8787 by default, prints the URL, and on SIGINT or
 * SIGTERM stops accepting requests, closes open connections and exits 0.
 */
import { loadRulebook } from '../rulebook/load.ts';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readPayer, type Payer } from '../casework/pain001.ts';
import { DEFAULT_AUTH, type StaffOptions } from '../web/kontaktcenter/routes.ts';
import { startServer, type RunningServer } from '../web/server.ts';
import { storePath } from '../store/store.ts';
import { EXIT_BAD_INPUT, EXIT_OK, processIo, rulesDir, staffDirectoryFrom, UsageError, type CliIo } from './common.ts';

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

function portOf(text: string | undefined): number {
  if (text === undefined) return DEFAULT_PORT;
  if (!/^[0-9]{1,5}$/.test(text) || Number(text) > 65535) throw new UsageError(`--port: expected a port number 0–65535 (0 = any free port), got "${text}"`);
  return Number(text);
}

const HEADER_NAME = /^[A-Za-z0-9-]{1,64}$/;

/** The Kontaktcenter lookup's settings: without --trust-proxy-auth no request is ever staff (403). */
function staffOptions(values: { store?: string | undefined; 'trust-proxy-auth'?: boolean | undefined; 'auth-user-header'?: string | undefined; 'auth-roles-header'?: string | undefined; 'staff-role'?: string | undefined }): StaffOptions {
  const userHeader = values['auth-user-header'] ?? DEFAULT_AUTH.userHeader;
  const rolesHeader = values['auth-roles-header'] ?? DEFAULT_AUTH.rolesHeader;
  const role = values['staff-role'] ?? DEFAULT_AUTH.role;
  if (!HEADER_NAME.test(userHeader)) throw new UsageError(`--auth-user-header: expected a header name, got "${userHeader}"`);
  if (!HEADER_NAME.test(rolesHeader)) throw new UsageError(`--auth-roles-header: expected a header name, got "${rolesHeader}"`);
  if (!/^[A-Za-z0-9._:-]{1,64}$/.test(role)) throw new UsageError(`--staff-role: expected a role name, got "${role}"`);
  const trusted = values['trust-proxy-auth'] === true;
  if (!trusted && (values['auth-user-header'] || values['auth-roles-header'] || values['staff-role'])) {
    throw new UsageError('--auth-user-header, --auth-roles-header and --staff-role need --trust-proxy-auth');
  }
  return { storePath: storePath(values.store), auth: trusted ? { userHeader, rolesHeader, role } : null };
}

/** The payer configuration (docs/payments.md): a JSON file { name, organisationNumber, account: { scheme, number }, bic? }. */
function payerFrom(path: string): Payer {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`--payer ${path}: ${(error as Error).message}`);
  }
  const read = readPayer(raw);
  if (!read.ok) throw new UsageError(`--payer ${path}: ${read.problems.join('; ')}`);
  return read.payer;
}

export async function serveCommand(args: string[], io: CliIo = processIo()): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      rules: { type: 'string' },
      // The municipality the resident page is published for: its contact details (issue 29).
      municipality: { type: 'string' },
      'allow-host': { type: 'string', multiple: true },
      // Kontaktcenter's case lookup (issue 12, docs/invanare.md): trusted login headers from a reverse proxy.
      store: { type: 'string' },
      'trust-proxy-auth': { type: 'boolean' },
      'auth-user-header': { type: 'string' },
      'auth-roles-header': { type: 'string' },
      'staff-role': { type: 'string' },
      // Who pays: the payment file's debtor (issue 22, docs/payments.md). Without it, export answers 503.
      payer: { type: 'string' },
      // The decision makers' names and titles by login (docs/workday.md): the letters are signed with them.
      'staff-directory': { type: 'string' },
    },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const port = portOf(values.port);
  const host = values.host ?? DEFAULT_HOST;
  if (host === '') throw new UsageError('--host: expected an address such as 127.0.0.1');
  const rulebook = loadRulebook(rulesDir(values.rules, io.env));
  const municipality = values.municipality;
  if (municipality !== undefined && !/^[0-9]{4}$/.test(municipality)) throw new UsageError(`--municipality: expected a kommunkod of four digits, got "${municipality}"`);
  if (municipality !== undefined && !rulebook.municipal.has(municipality)) {
    throw new UsageError(`--municipality ${municipality}: no rules/municipal/${municipality}.json; add the municipality's file (its contact section gives the resident page's phone, address and e-service)`);
  }
  const staff = staffOptions(values);
  const payer = values.payer === undefined ? undefined : payerFrom(values.payer);
  const staffDirectory = values['staff-directory'] === undefined ? undefined : staffDirectoryFrom(values['staff-directory']);

  let server: RunningServer;
  try {
    // The decision store: the caseworker's workday (the queue, the case view, registered decisions and
    // payments, issue 22) and Kontaktcenter's lookup use it.
    server = await startServer({ rulebook, port, host, allowHosts: values['allow-host'] ?? [], storePath: staff.storePath, staff, ...(payer ? { payer } : {}), ...(staffDirectory ? { staffDirectory } : {}), ...(municipality !== undefined ? { municipality } : {}) });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EADDRNOTAVAIL' || code === 'EACCES' || code === 'ENOTFOUND') {
      io.stderr.write(`serve: cannot listen on ${host}:${port} (${code}); choose another --port or --host\n`);
      return EXIT_BAD_INPUT;
    }
    throw error;
  }
  if (!LOOPBACK.has(host)) {
    io.stderr.write(`serve: warning: listening on ${host}, not only this machine; the preview has no login and households are personal data\n`);
  }
  if (staff.auth !== null) {
    io.stderr.write(`serve: trusting ${staff.auth.userHeader} and ${staff.auth.rolesHeader} (role "${staff.auth.role}") for Kontaktcenter: only a login proxy that sets and strips them may reach this port\n`);
  }
  io.stdout.write(`Caseworker preview (förhandsberäkning) at ${server.url}/\nResident page at ${server.url}/invanare/\nPress Ctrl+C to stop.\n`);

  const running = server;
  return new Promise<number>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      io.stdout.write(`serve: ${signal}, stopping\n`);
      void running.close().then(() => resolve(EXIT_OK));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
