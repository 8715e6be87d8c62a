/**
 * The record shape catalogue (src/store/shapes.ts) that records of form 2 name their objects' key
 * lists by: append-only (what the lock holds never changes, or stored records would read with other
 * keys) and complete on the fixtures, generated households and monthly proposals, so that a record
 * seldom spells out a key list of its own.
 */
import { describe, expect, it } from 'vitest';
import { compareWithLock, entriesToAppend, lockText, missingRecordShapes, readLock } from '../../scripts/record-shapes.ts';
import { observedDecisions } from '../../scripts/shape-catalogue.ts';
import { RECORD_SHAPES } from '../../src/store/shapes.ts';

describe('record shape catalogue', () => {
  it('has every object shape of the decisions on the fixtures, generated households and monthly proposals (else: npx tsx scripts/record-shapes.ts prints the entries to append)', () => {
    const observed = observedDecisions(20);
    expect(observed.some((o) => o.where.startsWith('generated monthly automatic'))).toBe(true);
    const missing = missingRecordShapes(observed);
    expect(missing.length, `shapes not in RECORD_SHAPES:\n${entriesToAppend(missing)}`).toBe(0);
  });

  it('is append-only: every entry of the lock is still there, unchanged, and every entry is locked', () => {
    const { changed, added } = compareWithLock(readLock(), RECORD_SHAPES);
    expect(changed).toEqual([]);
    expect(added, 'new entries not yet locked: run npx tsx scripts/record-shapes.ts --lock').toEqual([]);
    expect(lockText(RECORD_SHAPES)).toBe(lockText(readLock()));
  });

  it('the lock check catches a changed or removed entry and lets new ones through', () => {
    const lock = readLock();
    expect(compareWithLock(lock, lock.map((e, i) => (i === 3 ? [...e, 'extra'] : e))).changed).toEqual([expect.stringContaining('entry 3 was changed')]);
    expect(compareWithLock(lock, lock.slice(0, -1)).changed).toEqual([expect.stringContaining(`entry ${lock.length - 1}`)]);
    expect(compareWithLock(lock, [...lock, ['x']])).toEqual({ changed: [], added: [['x']] });
  });
});
