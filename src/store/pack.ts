/**
 * Packed JSON: the decision's data as a record keeps it (docs/records.md, "What a record holds").
 * The decision as data (src/decision/types.ts) has no texts, but it repeats what the record already
 * holds elsewhere: the same object shapes in every record, the texts of the rule set (legal
 * references, labels, the barnkonsekvens questions), and the messages its trace steps carry. Packed,
 * each of these is written once, or not at all:
 *
 * - an **object** is an array `[shape, value, value, …]`: `shape` is an id in the record shape
 *   catalogue (src/store/shapes.ts, the object's keys in order), or −1, −2, … for the first, second,
 *   … key list of the record's own `shapes` (a shape the catalogue does not have); the values follow
 *   in the order of the keys. A key whose value is undefined is left out, as JSON does;
 * - an **array** stays an array; one whose first value would read as a shape (a number) or as this
 *   mark (`false`) is written with `false` in front;
 * - a **reference** is the only kind of JSON object in packed data, with one key:
 *   `{"t":i}` text number i of the rule set (textTable below: every string of the stored rule set,
 *   in the order of its canonical JSON), `{"m":i}` the message of trace step i (from 0),
 *   `{"r":i}` the i-th message written out earlier in this record (a message is an object with the
 *   keys `key` and `args`; counted in the order they are written);
 * - strings, numbers, booleans and null are themselves.
 *
 * A reference is written only where it gives the very same value; a text only where the reference
 * is shorter. The messages are matched by identity (the engine hands the same arguments to an item
 * and its trace step), so finding them costs nothing; content that merely looks the same is written
 * out. unpack(pack(x)) gives x back, key order included (test/store/pack.test.ts).
 */
import type { RuleSet } from '../rulebook/types.ts';
import { RECORD_SHAPES } from './shapes.ts';

/** A packed value, as JSON. */
export type Packed = string | number | boolean | null | readonly Packed[] | { readonly t: number } | { readonly m: number } | { readonly r: number };

/** Packed data cannot be unpacked: it was damaged, or written by a later engine or with another rule set. */
export class PackError extends Error {
  override readonly name = 'PackError';
}

const textTables = new WeakMap<RuleSet, { readonly list: readonly string[]; readonly index: ReadonlyMap<string, number> }>();

/** Shorter texts are never worth a reference (`{"t":12}` is 8 characters). */
const MIN_TEXT = 8;

/**
 * The texts a reference `{"t":i}` can name: every string of the rule set of at least MIN_TEXT
 * characters, in the order of its canonical JSON (keys sorted at every level, arrays in order), each
 * once. Part of the record format: the same stored rule set always gives the same table.
 */
export function textTable(rules: RuleSet): { readonly list: readonly string[]; readonly index: ReadonlyMap<string, number> } {
  let table = textTables.get(rules);
  if (table) return table;
  const list: string[] = [];
  const index = new Map<string, number>();
  const visit = (v: unknown): void => {
    if (typeof v === 'string') {
      if (v.length >= MIN_TEXT && !index.has(v)) {
        index.set(v, list.length);
        list.push(v);
      }
      return;
    }
    if (v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x);
      return;
    }
    const o = v as Record<string, unknown>;
    for (const key of Object.keys(o).sort()) visit(o[key]);
  };
  visit(rules);
  table = { list, index };
  textTables.set(rules, table);
  return table;
}

/** A key list as a map key: its length first, so that [] and [""] differ. */
const shapeKey = (keys: readonly string[]): string => `${keys.length}\u0000${keys.join('\u0000')}`;

/** The catalogue as a tree of keys: following an object's keys in order leads to its shape's id (the first entry with those keys). */
interface ShapeNode {
  readonly next: Map<string, ShapeNode>;
  id?: number;
}
let catalogueTree: ShapeNode | undefined;

/** The catalogue id of a key list, without building a string for every object packed. */
function catalogueId(keys: readonly string[]): number | undefined {
  if (!catalogueTree) {
    catalogueTree = { next: new Map() };
    RECORD_SHAPES.forEach((shape, id) => {
      let node = catalogueTree!;
      for (const key of shape) {
        let child = node.next.get(key);
        if (child === undefined) node.next.set(key, (child = { next: new Map() }));
        node = child;
      }
      node.id ??= id;
    });
  }
  let node: ShapeNode | undefined = catalogueTree;
  for (let i = 0; i < keys.length && node !== undefined; i++) node = node.next.get(keys[i]!);
  return node?.id;
}

const isMessageKeys = (keys: readonly string[]): boolean => keys.length === 2 && keys[0] === 'key' && keys[1] === 'args';

/** The digits a non-negative integer is written with. */
const digits = (n: number): number => (n < 10 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : n < 10000 ? 4 : String(n).length);

/** Packs the values of one record: call pack() for each, in the order unpacking will read them. */
export class Packer {
  readonly #texts: ReadonlyMap<string, number>;
  /** Each trace step's arguments object → the step's index and its message key. */
  readonly #steps = new Map<object, { readonly index: number; readonly key: string }>();
  /** Messages written out so far in this record: their arguments object → number and key. */
  readonly #written = new Map<object, { readonly index: number; readonly key: string }>();
  #count = 0;
  readonly #own: string[][] = [];
  readonly #ownIndex = new Map<string, number>();

  constructor(rules: RuleSet, trace: readonly { readonly message: { readonly key: string; readonly args: object } }[]) {
    this.#texts = textTable(rules).index;
    trace.forEach((s, index) => {
      if (!this.#steps.has(s.message.args)) this.#steps.set(s.message.args, { index, key: s.message.key });
    });
  }

  /** The record's own shapes (key lists the catalogue lacks), in the order of their ids −1, −2, …; empty when none. */
  get shapes(): readonly (readonly string[])[] {
    return this.#own;
  }

  pack(v: unknown): Packed {
    switch (typeof v) {
      case 'string': {
        const i = this.#texts.get(v);
        // {"t":i} against the quoted text: written only when shorter.
        return i !== undefined && 6 + digits(i) < v.length + 2 ? { t: i } : v;
      }
      case 'number':
      case 'boolean':
        return v;
      case 'object':
        break;
      default:
        return null; // undefined in an array, as JSON writes it
    }
    if (v === null) return null;
    if (Array.isArray(v)) {
      const out: Packed[] = [];
      for (const x of v) out.push(this.pack(x));
      if (out.length > 0 && (typeof out[0] === 'number' || out[0] === false)) out.unshift(false);
      return out;
    }
    const o = v as Record<string, unknown>;
    const keys: string[] = [];
    for (const key in o) if (o[key] !== undefined) keys.push(key);
    const message = isMessageKeys(keys) && typeof o['key'] === 'string' && o['args'] !== null && typeof o['args'] === 'object';
    if (message) {
      const args = o['args'] as object;
      const step = this.#steps.get(args);
      if (step !== undefined && step.key === o['key']) return { m: step.index };
      const earlier = this.#written.get(args);
      if (earlier !== undefined && earlier.key === o['key']) return { r: earlier.index };
    }
    const out: Packed[] = [this.#shape(keys)];
    for (const key of keys) out.push(this.pack(o[key]));
    if (message) this.#written.set(o['args'] as object, { index: this.#count++, key: o['key'] as string });
    return out;
  }

  #shape(keys: readonly string[]): number {
    const id = catalogueId(keys);
    if (id !== undefined) return id;
    const k = shapeKey(keys);
    let own = this.#ownIndex.get(k);
    if (own === undefined) {
      own = this.#own.length;
      this.#own.push([...keys]);
      this.#ownIndex.set(k, own);
    }
    return -1 - own;
  }
}

/**
 * Sets an own property, as JSON.parse does: an assignment to `__proto__` would set the object's
 * prototype instead and lose the key (fast-check found it in test/store/pack.test.ts).
 */
function setOwn(o: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
  else o[key] = value;
}

/** Unpacks the values of one record, in the order they were packed. */
export class Unpacker {
  readonly #texts: readonly string[];
  readonly #own: readonly (readonly string[])[];
  readonly #stepMessage: (index: number) => object;
  readonly #written: object[] = [];

  /**
   * `own`: the record's own shapes; `stepMessage(i)`: the message of trace step i (the trace as
   * expanded from the record).
   */
  constructor(rules: RuleSet, own: readonly (readonly string[])[], stepMessage: (index: number) => object) {
    this.#texts = textTable(rules).list;
    this.#own = own;
    this.#stepMessage = stepMessage;
  }

  unpack(p: unknown): unknown {
    if (p === null || typeof p !== 'object') return p;
    if (!Array.isArray(p)) return this.#reference(p as Record<string, unknown>);
    if (p.length > 0 && typeof p[0] === 'number') {
      const keys = this.#keys(p[0]);
      if (p.length !== keys.length + 1) throw new PackError(`an object of shape ${p[0]} has ${p.length - 1} values for ${keys.length} keys`);
      const o: Record<string, unknown> = {};
      for (let i = 0; i < keys.length; i++) setOwn(o, keys[i]!, this.unpack(p[i + 1]));
      if (isMessageKeys(keys)) this.#written.push(o);
      return o;
    }
    const out: unknown[] = [];
    for (let i = p[0] === false ? 1 : 0; i < p.length; i++) out.push(this.unpack(p[i]));
    return out;
  }

  #keys(shape: number): readonly string[] {
    const keys = shape >= 0 ? RECORD_SHAPES[shape] : this.#own[-1 - shape];
    if (keys === undefined || !Number.isInteger(shape)) {
      throw new PackError(
        shape >= 0
          ? `shape ${shape} is not in this engine's record shape catalogue (it has ${RECORD_SHAPES.length}): the record was written by a later engine version`
          : `shape ${shape} is not among the record's own shapes`,
      );
    }
    return keys;
  }

  #reference(r: Record<string, unknown>): unknown {
    const keys = Object.keys(r);
    const i = r[keys[0]!];
    if (keys.length !== 1 || typeof i !== 'number' || !Number.isInteger(i) || i < 0) throw new PackError(`not a reference: ${JSON.stringify(r)}`);
    switch (keys[0]) {
      case 't': {
        const text = this.#texts[i];
        if (text === undefined) throw new PackError(`text ${i} is not in the rule set (it has ${this.#texts.length}): unpack the record with the rule set it names`);
        return text;
      }
      case 'm':
        return this.#stepMessage(i);
      case 'r': {
        const m = this.#written[i];
        if (m === undefined) throw new PackError(`message ${i} has not been written before it`);
        return m;
      }
      default:
        throw new PackError(`not a reference: ${JSON.stringify(r)}`);
    }
  }
}
