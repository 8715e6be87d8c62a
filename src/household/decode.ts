/**
 * One decoding rule for every way a household comes in (issue 13, F8): `calculate` (a file), `batch`
 * (each NDJSON line) and `POST /api/calculate` (a request body) all read bytes the same way:
 *
 * - a UTF-8 byte order mark at the very start is accepted and dropped (Notepad writes one);
 * - bytes that are not valid UTF-8 are refused, naming the byte offset of the first bad byte
 *   (never replaced by U+FFFD and silently accepted);
 * - then JSON.parse; text that is not JSON is refused naming the line and character where it goes
 *   wrong (issue 27: never V8's own wording, which quotes the input and differs between versions).
 */
import { NO_ARGS, problem, type InputProblem } from './problems.ts';

const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export type JsonRead = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly problem: InputProblem };

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

/** Bytes that are not UTF-8, as a problem of the whole input (`path`) or of one NDJSON line. */
export function invalidUtf8(path: string, offset: number, line = false): InputProblem {
  return line ? problem(path, 'INVALID_UTF8.line', { offset }) : problem(path, 'INVALID_UTF8', { offset });
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const isWs = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * Where a text that JSON.parse refused first goes wrong (the offset of the first character that cannot
 * continue valid JSON; the text's length when it ends too early). A scan with an explicit stack, so
 * that 100 000 levels of nesting cannot overflow it; it runs only for a refused text.
 */
export function jsonErrorOffset(text: string): number {
  const n = text.length;
  const stack: ('{' | '[')[] = [];
  let i = 0;
  const ws = () => {
    while (i < n && isWs(text.charCodeAt(i))) i++;
  };
  /** Scans a string starting at the quote at i; returns false at the offending character. */
  const string = (): boolean => {
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return false;
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return false;
      } else i++;
    }
    return false;
  };
  // A state machine, not recursion: what must come next is a value, an object key, or what follows a value.
  let state: 'value' | 'key' | 'after' = 'value';
  for (;;) {
    ws();
    const c = text[i];
    if (state === 'value') {
      if (c === '{' || c === '[') {
        i++;
        ws();
        if (text[i] === (c === '{' ? '}' : ']')) {
          i++;
          state = 'after';
        } else {
          stack.push(c);
          state = c === '{' ? 'key' : 'value';
        }
        continue;
      }
      state = 'after';
      if (c === '"') {
        if (!string()) return i;
        continue;
      }
      const word = ['true', 'false', 'null'].find((w) => text.startsWith(w, i));
      if (word !== undefined) {
        i += word.length;
        continue;
      }
      NUMBER.lastIndex = i;
      if (c === undefined || !NUMBER.test(text)) return i;
      i = NUMBER.lastIndex;
    } else if (state === 'key') {
      if (c !== '"' || !string()) return i;
      ws();
      if (text[i] !== ':') return i;
      i++;
      state = 'value';
    } else {
      const top = stack[stack.length - 1];
      if (top === undefined) return i; // the value ended; anything after it is the error
      if (c === (top === '{' ? '}' : ']')) {
        stack.pop();
        i++;
      } else if (c === ',') {
        i++;
        state = top === '{' ? 'key' : 'value';
      } else return i;
    }
  }
}

/** A text JSON.parse refused, as a problem naming the line and character where it goes wrong. */
export function invalidJson(path: string, text: string): InputProblem {
  const offset = Math.min(jsonErrorOffset(text), text.length);
  if (offset >= text.length) return problem(path, 'INVALID_JSON.end', NO_ARGS);
  // One NDJSON line: its line number is the record's; the character is what helps.
  if (path === '(line)') return problem(path, 'INVALID_JSON.line', { column: offset + 1 });
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return problem(path, 'INVALID_JSON', { line, column });
}

/** JSON text to a value; a text that is not JSON is a problem at `path` ((household), (line), (body)). */
export function parseJsonText(text: string, path = '(household)'): JsonRead {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, problem: invalidJson(path, text) };
  }
}

/** Bytes (a file, a request body, one NDJSON line) to a JSON value, by the rule above. */
export function parseJsonBytes(bytes: Uint8Array, bomAllowed = true, path = '(household)'): JsonRead {
  const decoded = decodeUtf8(bytes, bomAllowed);
  if (!decoded.ok) return { ok: false, problem: invalidUtf8(path, decoded.offset) };
  return parseJsonText(decoded.text, path);
}
