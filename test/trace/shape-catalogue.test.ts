/**
 * The shape catalogue (src/trace/shapes.ts) that compact traces name their steps' shapes by: it is
 * append-only (what the lock holds never changes) and it has every shape the engine produces on the
 * fixtures and on generated households of every year, so that batch --detail full never needs to
 * spell one out.
 */
import { describe, expect, it } from 'vitest';
import { compareWithLock, entriesToAppend, lockText, missingShapes, observedShapes, observedTraces, readLock } from '../../scripts/shape-catalogue.ts';
import { findShape, ruleFromTemplate, SHAPE_CATALOGUE, shapeKey, type ShapeEntry } from '../../src/trace/shapes.ts';

const observed = observedShapes(observedTraces());

describe('shape catalogue', () => {
  it('has every shape the engine produces on the fixtures and generated households (else: npx tsx scripts/shape-catalogue.ts prints the entries to append)', () => {
    const missing = missingShapes(observed);
    expect(missing.length, `shapes not in the catalogue; append to SHAPE_CATALOGUE in src/trace/shapes.ts, then run npx tsx scripts/shape-catalogue.ts --lock:\n${entriesToAppend(missing)}`).toBe(0);
    // The observation covers the engine's main paths, so a missing shape would show.
    const steps = new Set(observed.map((o) => o.shape[0]));
    for (const s of ['norm.member', 'costs.item', 'income.item', 'assets.item', 'agency.classify', 'agency.month', 'conditions.flags', 'decision.outcome', 'childImpact', 'activity.requirement']) expect(steps).toContain(s);
  });

  it('is append-only: every entry of the lock is still there, unchanged, and every entry is locked', () => {
    const { changed, added } = compareWithLock(readLock(), SHAPE_CATALOGUE);
    expect(changed, 'an entry lines may already name was changed or removed: put it back and add the new shape at the end').toEqual([]);
    expect(
      added.map((e) => e[0]),
      'new entries not yet in test/trace/shape-catalogue.lock.json: run npx tsx scripts/shape-catalogue.ts --lock',
    ).toEqual([]);
    expect(lockText(SHAPE_CATALOGUE)).toBe(lockText(readLock()));
  });

  it('the lock check catches a changed, removed or renumbered entry, and lets new ones through', () => {
    const lock = readLock();
    const changedArgs: ShapeEntry[] = lock.map((e) => (e[0] === 3 ? [e[0], e[1], e[2], e[3], [...e[4], 'extra']] : e));
    expect(compareWithLock(lock, changedArgs).changed).toEqual([expect.stringContaining('entry 3 was changed')]);
    const changedRule: ShapeEntry[] = lock.map((e) => (e[0] === 22 ? [e[0], e[1], e[2], e[3], e[4], 'decision/need-v2'] : e));
    expect(compareWithLock(lock, changedRule).changed).toEqual([expect.stringContaining('entry 22 was changed')]);
    expect(compareWithLock(lock, lock.slice(0, -1)).changed).toEqual([expect.stringContaining(`entry ${lock.length - 1}`)]);
    const renumbered = lock.map((e, i): ShapeEntry => (i === 5 ? [99, e[1], e[2], e[3], e[4]] : e));
    expect(compareWithLock(lock, renumbered).changed).toContainEqual(expect.stringContaining('has id 99'));
    const appended: ShapeEntry[] = [...lock, [lock.length, 'x.step', 'norm.single', ['a'], ['memberId']]];
    expect(compareWithLock(lock, appended)).toEqual({ changed: [], added: [appended.at(-1)] });
  });

  it('ids are 0, 1, 2, … and no two entries are the same shape with the same rule template', () => {
    expect(SHAPE_CATALOGUE.map((e) => e[0])).toEqual(SHAPE_CATALOGUE.map((_, i) => i));
    const seen = new Set<string>();
    for (const e of SHAPE_CATALOGUE) {
      const key = `${shapeKey(e[1], e[2], e[3], e[4])}\u0000${e[5] ?? ''}`;
      expect(seen.has(key), `entry ${e[0]} repeats an earlier entry`).toBe(false);
      seen.add(key);
      expect(findShape(e[1], e[2], e[3], e[4])).toContain(e);
    }
  });

  it('a rule template only names inputs of its shape', () => {
    for (const e of SHAPE_CATALOGUE) {
      if (e[5] === undefined) continue;
      for (const [, name] of e[5].matchAll(/\{([^{}]*)\}/g)) expect(e[3], `entry ${e[0]}: template ${e[5]}`).toContain(name);
    }
  });

  it('a template fills its holes with string or number inputs, and gives nothing when one is missing', () => {
    expect(ruleFromTemplate('cost-types#{type}', { type: 'rent' })).toBe('cost-types#rent');
    expect(ruleFromTemplate('x/{a}-{b}', { a: 1, b: 'z' })).toBe('x/1-z');
    expect(ruleFromTemplate('decision/need', {})).toBe('decision/need');
    expect(ruleFromTemplate('cost-types#{type}', {})).toBeUndefined();
    expect(ruleFromTemplate('cost-types#{type}', { type: null })).toBeUndefined();
    expect(ruleFromTemplate('cost-types#{type}', { type: ['rent'] })).toBeUndefined();
  });

  it('the templates give the rule of most steps seen (they save bytes; a rule they miss is written out)', () => {
    let steps = 0;
    let byTemplate = 0;
    for (const o of observed) {
      const entries = findShape(...o.shape);
      for (const s of o.seen) {
        steps++;
        if (entries.some((e) => e[5] !== undefined && ruleFromTemplate(e[5], s.inputs) === s.rule)) byTemplate++;
      }
    }
    expect(byTemplate / steps).toBeGreaterThan(0.7);
  });
});
