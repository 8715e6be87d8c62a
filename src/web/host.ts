/**
 * The Host check of the preview server (issue 13, F14). A page on another site can make a browser send
 * requests to 127.0.0.1 by DNS rebinding (its own name, re-pointed at 127.0.0.1): the requests are then
 * same-origin for the browser, need no preflight, and carry the attacker's name in the Host header. So
 * the server answers only requests whose Host is the address it is bound to (for a loopback address
 * also localhost, 127.0.0.1 and [::1]) with its port, or a name given with `serve --allow-host`.
 */

export interface HostPolicy {
  /** Host header values accepted (lower case, with or without port as given). */
  readonly allowed: ReadonlySet<string>;
  /** `--allow-host '*'`: any Host (the check is off, e.g. behind a reverse proxy that checks it). */
  readonly any: boolean;
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
const LOOPBACK_ADDRESSES = new Set(['127.0.0.1', '::1', 'localhost']);

/** The Host values a server bound to `address:port` answers, plus the names allowed explicitly. */
export function hostPolicy(address: string, port: number, allowHosts: readonly string[] = []): HostPolicy {
  const allowed = new Set<string>();
  const bound = address.includes(':') ? `[${address}]` : address;
  allowed.add(`${bound}:${port}`.toLowerCase());
  if (LOOPBACK_ADDRESSES.has(address) || address.startsWith('127.')) for (const name of LOOPBACK_NAMES) allowed.add(`${name}:${port}`);
  // Port 80 is left out of Host by browsers.
  if (port === 80) for (const value of [...allowed]) allowed.add(value.slice(0, value.lastIndexOf(':')));
  let any = false;
  for (const name of allowHosts) {
    if (name === '*') any = true;
    else {
      allowed.add(name.toLowerCase());
      if (!/:[0-9]+$/.test(name)) allowed.add(`${name.toLowerCase()}:${port}`);
    }
  }
  return { allowed, any };
}

/** Whether a request's Host header is one the server answers. */
export function hostAllowed(policy: HostPolicy, host: string | null): boolean {
  if (policy.any) return true;
  return host !== null && policy.allowed.has(host.trim().toLowerCase());
}

/** The refusal: 403 with the API's error shape, saying how to allow a name on purpose. */
export function hostRefused(host: string | null): Response {
  const shown = host === null ? 'none' : JSON.stringify(host.length > 100 ? `${host.slice(0, 100)}…` : host);
  const body = {
    errors: [
      {
        path: '(request)',
        code: 'HOST_NOT_ALLOWED',
        message: `the Host header ${shown} is not this server's address; open the preview at the address serve printed, or start it with --allow-host NAME to allow another name`,
      },
    ],
  };
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { status: 403, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' } });
}
