/**
 * The chunk loop (src/batch/chunk.ts) encodes each output line into a reused byte buffer as soon as it
 * is made, instead of joining the chunk's lines into one string and encoding that. The bytes must be
 * exactly those of the joined text, whatever the lines hold (non-ASCII, astral characters, lone
 * surrogates, which TextEncoder writes as U+FFFD) and however long they are (the buffer grows), and a
 * chunk's bytes must not change when the buffer is reused for the next chunk.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkProcessor } from '../../src/batch/chunk.ts';

const encoder = new TextEncoder();

/** A chunk of `count` lines whose input text is irrelevant: the line processor below gives the output. */
function chunkOf(count: number) {
  return { seq: 0, firstLine: 1, bytes: encoder.encode(Array.from({ length: count }, () => '{}').join('\n')) };
}

describe('chunk output bytes', () => {
  it('are the UTF-8 of the output lines joined with newlines, for any texts', () => {
    const line = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 40 }), fc.constantFrom('§ö', '\ud800', 'a\udc00b', '😀'));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 30 }), (texts) => {
        const process = chunkProcessor((_text, n) => texts[n - 1]!, false);
        const out = process(chunkOf(texts.length)).out;
        expect(Buffer.from(out).equals(Buffer.from(encoder.encode(`${texts.join('\n')}\n`)))).toBe(true);
      }),
    );
  });

  it('grows for a chunk larger than the buffer, and a chunk taken before is left unchanged by the next', () => {
    const big = ['x'.repeat(700_000), 'ä'.repeat(400_000), '€'.repeat(300_000)];
    const first = chunkProcessor((_text, n) => big[n - 1]!, false)(chunkOf(3)).out;
    const copy = Buffer.from(first);
    const second = chunkProcessor(() => 'y'.repeat(1000), false)(chunkOf(2000)).out;
    expect(Buffer.from(first).equals(copy)).toBe(true);
    expect(Buffer.from(first).equals(Buffer.from(encoder.encode(`${big.join('\n')}\n`)))).toBe(true);
    expect(second.length).toBe(2000 * 1001);
    // Each chunk's bytes have a buffer of their own (transferred to the main thread by a worker).
    expect(first.byteOffset).toBe(0);
    expect(first.buffer).not.toBe(second.buffer);
  });

  it('are right when a line processor runs a chunk processor of its own (the reused buffer is not shared)', () => {
    const inner = chunkProcessor((_text, n) => `inner ${n}`, false);
    const outer = chunkProcessor((_text, n) => `outer ${n}: ${Buffer.from(inner(chunkOf(n)).out).toString('utf8').trim().replace(/\n/g, '|')}`, false);
    const expected = Array.from({ length: 5 }, (_, i) => `outer ${i + 1}: ${Array.from({ length: i + 1 }, (_, j) => `inner ${j + 1}`).join('|')}\n`).join('');
    expect(Buffer.from(outer(chunkOf(5)).out).toString('utf8')).toBe(expected);
  });

  it('go into the spare buffer handed back when they fit, else into a new one', () => {
    const process = chunkProcessor((_text, n) => `line ${n} åäö`, false);
    const expected = Buffer.from(Array.from({ length: 50 }, (_, i) => `line ${i + 1} åäö\n`).join(''));
    const roomy = new ArrayBuffer(expected.length + 10);
    const inSpare = process({ ...chunkOf(50), spare: roomy }).out;
    expect(inSpare.buffer).toBe(roomy);
    expect(Buffer.from(inSpare).equals(expected)).toBe(true);
    const tight = new ArrayBuffer(expected.length - 1);
    const fresh = process({ ...chunkOf(50), spare: tight }).out;
    expect(fresh.buffer).not.toBe(tight);
    expect(Buffer.from(fresh).equals(expected)).toBe(true);
  });
});
