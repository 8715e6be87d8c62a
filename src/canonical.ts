/**
 * Canonical JSON and content hashes. Keys are sorted at every level and there is no whitespace, so
 * the same data always gives the same bytes and the same sha256, whatever order it was built in.
 */
import { hash } from 'node:crypto';

export function canonicalJson(value: unknown): string {
  return flat(write(value) ?? 'null');
}

/**
 * The same text, as one flat string. write() builds its result by concatenation, which V8 keeps as a
 * tree of the pieces until something reads the characters. A recorded decision (about 30 KB, thousands
 * of pieces) then stayed a tree while its chunk of decisions was collected: the garbage collector
 * traced every piece, and hashing it or sending it to the main thread flattened it late. Reading a
 * character makes V8 flatten the string in place, at once. Serialising 3 000 recorded decisions in
 * chunks of 100 and cloning each chunk as a worker sends it: 410 → 220 µs a decision.
 */
function flat(text: string): string {
  text.charCodeAt(0);
  return text;
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
export function quoteString(text: string): string {
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
  return withCanonicalBytes(value, (bytes) => `sha256:${hash('sha256', bytes, 'hex')}`);
}

/**
 * canonicalJson(value) as UTF-8 bytes, handed to `use` and valid only during that call (they are a
 * view of the reused buffer below): for a consumer of bytes (a hash, deflate), without building the
 * string and encoding it again.
 */
export function withCanonicalBytes<T>(value: unknown, use: (bytes: Uint8Array) => T): T {
  at = 0;
  if (!writeBytes(value)) ascii('null');
  const result = use(buffer.subarray(0, at));
  // A buffer grown by a huge value is not kept.
  if (buffer.length > 64 * INITIAL_BYTES) buffer = new Uint8Array(INITIAL_BYTES);
  return result;
}

/*
 * The byte buffer contentHash and withCanonicalBytes write into, reused from one hash to the next (one per thread; nothing
 * in writeBytes calls back into it). Module state rather than an object: these run for every field of
 * every household, and plain variables are the cheapest to reach.
 */
const INITIAL_BYTES = 16 * 1024;
let buffer = new Uint8Array(INITIAL_BYTES);
let at = 0;

/** Makes room for `extra` more bytes. */
function room(extra: number): void {
  if (at + extra <= buffer.length) return;
  const grown = new Uint8Array(Math.max(buffer.length * 2, at + extra));
  grown.set(buffer.subarray(0, at));
  buffer = grown;
}

/** Text known to be ASCII (numbers, literals). */
function ascii(text: string): void {
  room(text.length);
  for (let i = 0; i < text.length; i++) buffer[at++] = text.charCodeAt(i);
}

/** Text without lone surrogates (JSON.stringify's output has none), as UTF-8. */
function utf8(text: string): void {
  room(text.length * 3);
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) buffer[at++] = c;
    else if (c < 0x800) {
      buffer[at++] = 0xc0 | (c >> 6);
      buffer[at++] = 0x80 | (c & 0x3f);
    } else if (c >= 0xd800 && c <= 0xdbff) {
      c = 0x10000 + ((c - 0xd800) << 10) + (text.charCodeAt(++i) - 0xdc00);
      buffer[at++] = 0xf0 | (c >> 18);
      buffer[at++] = 0x80 | ((c >> 12) & 0x3f);
      buffer[at++] = 0x80 | ((c >> 6) & 0x3f);
      buffer[at++] = 0x80 | (c & 0x3f);
    } else {
      buffer[at++] = 0xe0 | (c >> 12);
      buffer[at++] = 0x80 | ((c >> 6) & 0x3f);
      buffer[at++] = 0x80 | (c & 0x3f);
    }
  }
}

/**
 * A string in JSON quotes as UTF-8, as quoteString writes it: copied as it is while no character
 * needs escaping (a quote, a backslash, a control character, a surrogate); at the first that does,
 * JSON.stringify's text instead.
 */
function quoted(text: string): void {
  room(text.length * 3 + 2);
  // The loop works on locals: module-level `buffer` and `at` live in the module's context, and
  // reading and writing them for every byte cost ~0.1 µs a household here (0.3 µs for the key bytes).
  const b = buffer;
  let p = at;
  b[p++] = 0x22;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c < 0x20 || c === 0x22 || c === 0x5c) {
        utf8(JSON.stringify(text));
        return;
      }
      b[p++] = c;
    } else if (c < 0x800) {
      b[p++] = 0xc0 | (c >> 6);
      b[p++] = 0x80 | (c & 0x3f);
    } else if (c >= 0xd800 && c <= 0xdfff) {
      utf8(JSON.stringify(text));
      return;
    } else {
      b[p++] = 0xe0 | (c >> 12);
      b[p++] = 0x80 | ((c >> 6) & 0x3f);
      b[p++] = 0x80 | (c & 0x3f);
    }
  }
  b[p++] = 0x22;
  at = p;
}

const encoder = new TextEncoder();
const keyBytes = new Map<string, Uint8Array>();

/** `"key":` as UTF-8; keys repeat from one household to the next, so they are encoded once. */
function key(name: string): void {
  let encoded = keyBytes.get(name);
  if (encoded === undefined) {
    encoded = encoder.encode(`${JSON.stringify(name)}:`);
    if (keyBytes.size < 10_000) keyBytes.set(name, encoded);
  }
  room(encoded.length);
  // Locals, as in quoted().
  const b = buffer;
  let p = at;
  for (let i = 0; i < encoded.length; i++) b[p++] = encoded[i]!;
  at = p;
}

/** write() above, as UTF-8 bytes; false where write() gives undefined (nothing written). */
function writeBytes(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
      quoted(value);
      return true;
    // As JSON.stringify writes them (a finite number as Number#toString, the rest as null), without
    // calling it for each of a household's flags and counts.
    case 'number':
      ascii(Number.isFinite(value) ? String(value) : 'null');
      return true;
    case 'boolean':
      ascii(value ? 'true' : 'false');
      return true;
    case 'object':
      break;
    default:
      return false;
  }
  if (value === null) {
    ascii('null');
    return true;
  }
  if (Array.isArray(value)) {
    room(1);
    buffer[at++] = 0x5b;
    for (let i = 0; i < value.length; i++) {
      if (i) {
        room(1);
        buffer[at++] = 0x2c;
      }
      if (!writeBytes(value[i])) ascii('null');
    }
    room(1);
    buffer[at++] = 0x5d;
    return true;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length > 1) sortKeys(keys);
  room(1);
  buffer[at++] = 0x7b;
  let first = true;
  for (const name of keys) {
    const v = record[name];
    const type = typeof v;
    // What write() leaves out: undefined, functions, symbols, bigints.
    if (v === undefined || (type !== 'string' && type !== 'number' && type !== 'boolean' && type !== 'object')) continue;
    if (!first) {
      room(1);
      buffer[at++] = 0x2c;
    }
    key(name);
    writeBytes(v);
    first = false;
  }
  room(1);
  buffer[at++] = 0x7d;
  return true;
}
