/**
 * Canonical JSON and content hashes. Keys are sorted at every level and there is no whitespace, so
 * the same data always gives the same bytes and the same sha256, whatever order it was built in.
 */
import { createHash } from 'node:crypto';

export function canonicalJson(value: unknown): string {
  return write(value) ?? 'null';
}

/** JSON.stringify with keys sorted at every level; undefined properties are left out, as JSON does. */
function write(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') {
    return typeof value === 'function' || typeof value === 'symbol' ? undefined : JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + (write(value[i]) ?? 'null');
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const v = write(record[key]);
    if (v === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${v}`;
    first = false;
  }
  return `${out}}`;
}

export function sha256(text: string): string {
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}

export function contentHash(value: unknown): string {
  return sha256(canonicalJson(value));
}
