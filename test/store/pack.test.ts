/**
 * Packed JSON (src/store/pack.ts): unpack(pack(x)) gives x back, key order included, for any JSON
 * value and for the engine's decisions; a reference that names nothing is refused, never guessed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { observedDecisions } from '../../scripts/shape-catalogue.ts';
import { Packer, PackError, textTable, Unpacker } from '../../src/store/pack.ts';
import { RECORD_SHAPES } from '../../src/store/shapes.ts';
import type { RuleSet } from '../../src/rulebook/types.ts';

const observed = observedDecisions(4);
const rules = observed[0]!.rules;

/** Packs the values in order, then unpacks them through JSON with the given rule set and trace. */
function roundTrip(values: readonly unknown[], r: RuleSet, trace: readonly { message: { key: string; args: object } }[] = []): unknown[] {
  const packer = new Packer(r, trace);
  const packed = JSON.parse(JSON.stringify(values.map((v) => packer.pack(v)))) as unknown[];
  const unpacker = new Unpacker(r, JSON.parse(JSON.stringify(packer.shapes)) as string[][], (i) => trace[i]!.message);
  return packed.map((p) => unpacker.unpack(p));
}

describe('packed JSON', () => {
  it('gives back any JSON value, key order included', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 4 }), (values) => {
        const plain = JSON.parse(JSON.stringify(values)) as unknown[];
        expect(JSON.stringify(roundTrip(plain, rules))).toBe(JSON.stringify(plain));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a key named __proto__ as an own key, as JSON.parse does (fast-check found it lost)', () => {
    const plain = JSON.parse('[{"__proto__": {"a": 1}, "b": [null]}, {"__proto__": null}]') as unknown[];
    const back = roundTrip(plain, rules);
    expect(JSON.stringify(back)).toBe(JSON.stringify(plain));
    expect(Object.getPrototypeOf(back[0])).toBe(Object.prototype);
  });

  it('gives back every decision of the fixtures, generated households and monthly proposals, and is smaller than its JSON', () => {
    expect(observed.length).toBeGreaterThan(50);
    for (const { where, decision, rules: r } of observed) {
      const values = Object.keys(decision).sort().map((k) => (decision as unknown as Record<string, unknown>)[k]);
      const back = roundTrip(values, r, decision.trace);
      expect(JSON.stringify(back), where).toBe(JSON.stringify(values));
      const packer = new Packer(r, decision.trace);
      expect(JSON.stringify(values.map((v) => packer.pack(v))).length, where).toBeLessThan(JSON.stringify(values).length);
    }
  });

  it('names texts of the rule set and the messages of trace steps only where they give the very same value', () => {
    const text = textTable(rules).list.find((t) => t.length > 30)!;
    const args = { a: 1 };
    const trace = [{ message: { key: 'x.y', args } }];
    const packer = new Packer(rules, trace);
    expect(packer.pack(text)).toEqual({ t: textTable(rules).index.get(text) });
    expect(packer.pack({ key: 'x.y', args })).toEqual({ m: 0 });
    // The same content in another object, or another key: written out.
    expect(packer.pack({ key: 'x.y', args: { a: 1 } })).not.toEqual({ m: 0 });
    expect(packer.pack({ key: 'x.z', args })).not.toEqual({ m: 0 });
  });

  it('refuses a reference or shape that names nothing', () => {
    const unpacker = new Unpacker(rules, [], () => {
      throw new PackError('no step');
    });
    expect(() => unpacker.unpack({ t: textTable(rules).list.length })).toThrow(PackError);
    expect(() => unpacker.unpack({ r: 0 })).toThrow(PackError);
    expect(() => unpacker.unpack({ q: 0 })).toThrow(PackError);
    expect(() => unpacker.unpack([RECORD_SHAPES.length, 1])).toThrow(/later engine version/);
    expect(() => unpacker.unpack([-1, 1])).toThrow(/own shapes/);
    expect(() => unpacker.unpack([0, 1])).toThrow(/values for/);
  });
});
