/**
 * One decoding rule for every way a household comes in (issue 13, F8): `calculate` (a file), `batch`
 * (each NDJSON line) and `POST /api/calculate` (a request body) all read bytes the same way:
 *
 * - a UTF-8 byte order mark at the very start is accepted and dropped (Notepad writes one);
 * - bytes that are not valid UTF-8 are refused, naming the byte offset of the first bad byte
 *   (never replaced by U+FFFD and silently accepted);
 * - then JSON.parse, whose message is made one line (echo.ts).
 */
import { oneLine } from './echo.ts';

const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export type JsonRead =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly code: 'INVALID_UTF8' | 'INVALID_JSON'; readonly message: string };

export type TextRead = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly offset: number };

/** Length of the UTF-8 sequence starting at i if it is valid (shortest form, no surrogates, ≤ U+10FFFF), else 0. */
function sequenceLength(b: Uint8Array, i: number): number {
  const x = b[i]!;
  if (x < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < b.length && b[i + k]! >= lo && b[i + k]! <= hi;
  if (x >= 0xc2 && x <= 0xdf) return cont(1) ? 2 : 0;
  if (x === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((x >= 0xe1 && x <= 0xec) || x === 0xee || x === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (x === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (x === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (x >= 0xf1 && x <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (x === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

/** The offset of the first byte that is not valid UTF-8, or -1. */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const n = sequenceLength(bytes, i);
    if (n === 0) return i;
    i += n;
  }
  return -1;
}

const hasBom = (b: Uint8Array) => b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;

/** Bytes to text: a leading BOM dropped (when `bomAllowed`), invalid UTF-8 refused with its offset. */
export function decodeUtf8(bytes: Uint8Array, bomAllowed = true): TextRead {
  const body = bomAllowed && hasBom(bytes) ? bytes.subarray(3) : bytes;
  try {
    return { ok: true, text: fatal.decode(body) };
  } catch {
    return { ok: false, offset: invalidUtf8Offset(body) + (body === bytes ? 0 : 3) };
  }
}

export function invalidUtf8Message(offset: number, where = ''): string {
  return `not valid UTF-8: the byte at offset ${offset}${where} is not part of a UTF-8 character (save the file as UTF-8)`;
}

/** JSON text to a value, with JSON.parse's message made one line. */
export function parseJsonText(text: string): JsonRead {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, code: 'INVALID_JSON', message: `not valid JSON (${oneLine((error as Error).message)})` };
  }
}

/** Bytes (a file, a request body, one NDJSON line) to a JSON value, by the rule above. */
export function parseJsonBytes(bytes: Uint8Array, bomAllowed = true, where = ''): JsonRead {
  const decoded = decodeUtf8(bytes, bomAllowed);
  if (!decoded.ok) return { ok: false, code: 'INVALID_UTF8', message: invalidUtf8Message(decoded.offset, where) };
  return parseJsonText(decoded.text);
}
