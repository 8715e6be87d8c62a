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
