/**
 * Canonical JSON and content hashes. Keys are sorted at every level and there is no whitespace, so
 * the same data always gives the same bytes and the same sha256, whatever order it was built in.
 */
import { hash } from 'node:crypto';

export function canonicalJson(value: unknown): string {
  return write(value) ?? 'null';
}

const quotedKeys = new Map<string, string>();

/** A key in JSON quotes; keys repeat from one household to the next, so their quoting is cached. */
function quoteKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = JSON.stringify(key);
    if (quotedKeys.size < 10_000) quotedKeys.set(key, quoted);
  }
  return quoted;
}

/**
 * Sorts an object's keys in place by UTF-16 code units, as Array.prototype.sort() does without a
 * comparator. Objects here have a handful of keys, and a plain insertion sort with `<` is about three
 * times faster on them than the built-in sort, which converts and compares through a generic path.
 */
function sortKeys(keys: string[]): void {
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i]!;
    let j = i - 1;
    while (j >= 0 && keys[j]! > key) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = key;
  }
}

/** Characters JSON.stringify escapes or rewrites: quote, backslash, control characters, surrogates. */
const NEEDS_ESCAPING = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * A string in JSON quotes, exactly as JSON.stringify writes it. Most strings of a household (ids,
 * dates, types, amounts) have nothing to escape: quoting them directly is about half the cost of a
 * JSON.stringify call each.
 */
function quoteString(text: string): string {
  return NEEDS_ESCAPING.test(text) ? JSON.stringify(text) : `"${text}"`;
}

/** JSON.stringify with keys sorted at every level; undefined properties are left out, as JSON does. */
function write(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return quoteString(value);
    case 'number':
    case 'boolean':
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      return undefined;
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + (write(value[i]) ?? 'null');
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length > 1) sortKeys(keys);
  let out = '{';
  let first = true;
  for (const key of keys) {
    const v = write(record[key]);
    if (v === undefined) continue;
    out += (first ? '' : ',') + quoteKey(key) + ':' + v;
    first = false;
  }
  return `${out}}`;
}

/** The sha256 of the text's UTF-8 bytes. crypto.hash (Node ≥ 20.12) is the one-shot form: about half the cost of createHash for short texts. */
export function sha256(text: string): string {
  return `sha256:${hash('sha256', text, 'hex')}`;
}

/**
 * sha256 of canonicalJson(value), written straight into a reused byte buffer instead of a string:
 * the same bytes (test/property/canonical.test.ts checks it), but no string rope to flatten and
 * re-encode before hashing, which was about a third of the input hash of a household.
 */
export function contentHash(value: unknown): string {
  const out = bytes;
  out.length = 0;
  if (!writeBytes(out, value)) out.ascii('null');
  const digest = `sha256:${hash('sha256', out.view(), 'hex')}`;
  out.release();
  return digest;
}

/** A growing UTF-8 byte buffer, reused from one hash to the next (one per thread). */
class ByteWriter {
  #buf = new Uint8Array(ByteWriter.INITIAL);
  length = 0;
  static readonly INITIAL = 16 * 1024;

  #room(extra: number): Uint8Array {
    if (this.length + extra > this.#buf.length) {
      const grown = new Uint8Array(Math.max(this.#buf.length * 2, this.length + extra));
      grown.set(this.#buf.subarray(0, this.length));
      this.#buf = grown;
    }
    return this.#buf;
  }

  byte(b: number): void {
    this.#room(1)[this.length++] = b;
  }

  raw(b: Uint8Array): void {
    this.#room(b.length).set(b, this.length);
    this.length += b.length;
  }

  /** Text known to be ASCII (numbers, literals). */
  ascii(text: string): void {
    const buf = this.#room(text.length);
    let n = this.length;
    for (let i = 0; i < text.length; i++) buf[n++] = text.charCodeAt(i);
    this.length = n;
  }

  /** Any text without lone surrogates (canonical JSON has none: JSON.stringify escapes them), as UTF-8. */
  utf8(text: string): void {
    const buf = this.#room(text.length * 3);
    let n = this.length;
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (c < 0x80) buf[n++] = c;
      else if (c < 0x800) {
        buf[n++] = 0xc0 | (c >> 6);
        buf[n++] = 0x80 | (c & 0x3f);
      } else if (c >= 0xd800 && c <= 0xdbff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (text.charCodeAt(++i) - 0xdc00);
        buf[n++] = 0xf0 | (c >> 18);
        buf[n++] = 0x80 | ((c >> 12) & 0x3f);
        buf[n++] = 0x80 | ((c >> 6) & 0x3f);
        buf[n++] = 0x80 | (c & 0x3f);
      } else {
        buf[n++] = 0xe0 | (c >> 12);
        buf[n++] = 0x80 | ((c >> 6) & 0x3f);
        buf[n++] = 0x80 | (c & 0x3f);
      }
    }
    this.length = n;
  }

  view(): Uint8Array {
    return this.#buf.subarray(0, this.length);
  }

  /** A buffer grown by a huge value is not kept. */
  release(): void {
    if (this.#buf.length > 64 * ByteWriter.INITIAL) this.#buf = new Uint8Array(ByteWriter.INITIAL);
  }
}

const bytes = new ByteWriter();
const encoder = new TextEncoder();
const keyBytes = new Map<string, Uint8Array>();

/** `"key":` as UTF-8; keys repeat from one household to the next, so they are encoded once. */
function keyPrefix(key: string): Uint8Array {
  let encoded = keyBytes.get(key);
  if (encoded === undefined) {
    encoded = encoder.encode(`${JSON.stringify(key)}:`);
    if (keyBytes.size < 10_000) keyBytes.set(key, encoded);
  }
  return encoded;
}

/** write() above, as UTF-8 bytes into `out`; false where write() gives undefined (nothing written). */
function writeBytes(out: ByteWriter, value: unknown): boolean {
  switch (typeof value) {
    case 'string':
      if (NEEDS_ESCAPING.test(value)) out.utf8(JSON.stringify(value));
      else {
        out.byte(0x22);
        out.utf8(value);
        out.byte(0x22);
      }
      return true;
    case 'number':
    case 'boolean':
      out.ascii(JSON.stringify(value));
      return true;
    case 'object':
      break;
    default:
      return false;
  }
  if (value === null) {
    out.ascii('null');
    return true;
  }
  if (Array.isArray(value)) {
    out.byte(0x5b);
    for (let i = 0; i < value.length; i++) {
      if (i) out.byte(0x2c);
      if (!writeBytes(out, value[i])) out.ascii('null');
    }
    out.byte(0x5d);
    return true;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length > 1) sortKeys(keys);
  out.byte(0x7b);
  let first = true;
  for (const key of keys) {
    const v = record[key];
    const type = typeof v;
    // What write() leaves out: undefined, functions, symbols, bigints.
    if (v === undefined || (type !== 'string' && type !== 'number' && type !== 'boolean' && type !== 'object')) continue;
    if (!first) out.byte(0x2c);
    out.raw(keyPrefix(key));
    writeBytes(out, v);
    first = false;
  }
  out.byte(0x7d);
  return true;
}
