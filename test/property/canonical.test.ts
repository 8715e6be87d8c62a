/**
 * Canonical JSON (src/canonical.ts) is JSON.stringify of the same value with every object's keys
 * sorted: the input hash and the rule set version depend on it byte for byte. Strings with quotes,
 * backslashes, control characters and lone or paired surrogates take JSON.stringify's escaping.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHash, sha256 } from '../../src/canonical.ts';

/** The same value with keys inserted in sorted order (no index-like keys: V8 would order those first). */
function sortedCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedCopy);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = sortedCopy((value as Record<string, unknown>)[key]);
  return out;
}

const text = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom('"', '\\', '\u0000', '\u001f', '\u007f', '\u2028', '\ud800', '\udfff', '\ud83d\ude00', 'å', 'a') }));
const key = fc.string({ unit: 'grapheme-ascii' }).filter((k) => !/^[0-9]/.test(k) && k !== '__proto__');
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, text, fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null), fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(key, tie('node'), { maxKeys: 5 })),
})).node;

describe('canonicalJson', () => {
  it('escapes every string as JSON.stringify does', () => {
    fc.assert(fc.property(text, (s) => { expect(canonicalJson(s)).toBe(JSON.stringify(s)); }), { numRuns: 2000 });
  });
  it('equals JSON.stringify of the value with sorted keys', () => {
    fc.assert(fc.property(value, (v) => { expect(canonicalJson(v)).toBe(JSON.stringify(sortedCopy(v))); }), { numRuns: 500 });
  });
});

/**
 * An independent writer of the same text: JSON.stringify for strings and numbers, keys sorted by
 * Array.prototype.sort, undefined, functions and symbols left out of objects and written as null in
 * arrays, every other object read through its own enumerable keys (a Date as {}).
 */
function reference(value: unknown): string | undefined {
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (value === null) return 'null';
  if (typeof value !== 'object') return undefined;
  if (Array.isArray(value)) return `[${value.map((x) => reference(x) ?? 'null').join(',')}]`;
  const o = value as Record<string, unknown>;
  const parts = Object.keys(o)
    .sort()
    .flatMap((k) => {
      const v = reference(o[k]);
      return v === undefined ? [] : [`${JSON.stringify(k)}:${v}`];
    });
  return `{${parts.join(',')}}`;
}

/** The same value with every object's keys inserted in sorted order (what canonicalJson hands to JSON.stringify when it can). */
function insertedSorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(insertedSorted);
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = insertedSorted((value as Record<string, unknown>)[key]);
  return out;
}

// Any key, index-like ones included ("9" and "10": V8 lists those first, in numeric order).
const anyKey = fc.oneof(fc.string({ unit: 'grapheme-ascii', maxLength: 4 }), fc.constantFrom('0', '9', '10', '01', 'a', 'B', '\u00e5', '\ud83d\ude00', 'toJSON')).filter((k) => k !== '__proto__');
const odd = fc.constantFrom<unknown>(undefined, () => 1, Symbol('s'), 1n, new Date(0), { toJSON: () => 'x' }, Number.NaN, -0, Number.POSITIVE_INFINITY);
const anyValue = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), odd, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(anyKey, tie('node'), { maxKeys: 5 })),
})).node;

describe('canonicalJson, the JSON.stringify path (values already in sorted key order) and the general one', () => {
  it('give the same text as an independent writer, whatever the keys, the order and the values', () => {
    fc.assert(
      fc.property(anyValue, (v) => {
        for (const x of [v, insertedSorted(v)]) {
          if (typeof x !== 'object' || x === null) continue;
          expect(canonicalJson(x)).toBe(reference(x));
          expect(contentHash(x)).toBe(sha256(reference(x)!));
        }
      }),
      { numRuns: 3000 },
    );
  });
  it('take the general path for what JSON.stringify would write otherwise: a bigint, toJSON, index-like keys', () => {
    expect(canonicalJson({ a: [1n], b: 1 })).toBe('{"a":[null],"b":1}');
    expect(canonicalJson({ a: { toJSON: () => 'x' } })).toBe('{"a":{}}');
    expect(canonicalJson({ a: new Date(0) })).toBe('{"a":{}}');
    expect(canonicalJson({ 9: 'x', 10: 'y' })).toBe('{"10":"y","9":"x"}');
    expect(canonicalJson({ a: undefined, b: [undefined, () => 1], c: Number.NaN })).toBe('{"b":[null,null],"c":null}');
  });
});

describe('contentHash', () => {
  it('is the sha256 of canonicalJson, byte for byte (written as UTF-8 bytes without building the string)', () => {
    fc.assert(fc.property(value, (v) => { expect(contentHash(v)).toBe(sha256(canonicalJson(v))); }), { numRuns: 1000 });
  });
  it('leaves out what JSON leaves out and survives a value larger than its buffer', () => {
    const big = { b: 'å'.repeat(40_000), a: [undefined, () => 1, 1n], f: () => 1, s: Symbol('x'), u: undefined, n: Number.NaN };
    expect(contentHash(big)).toBe(sha256(canonicalJson(big)));
    expect(contentHash({ z: 1 })).toBe(sha256('{"z":1}'));
    expect(contentHash(undefined)).toBe(sha256('null'));
  });
});
