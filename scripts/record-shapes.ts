/**
 * The object shapes of recorded decisions, compared with the record shape catalogue (src/store/shapes.ts).
 *
 *   npx tsx scripts/record-shapes.ts          print the catalogue entries to append for every object
 *                                             shape the engine's decisions have on the fixtures,
 *                                             generated households and monthly proposals that the
 *                                             catalogue does not have (exit 1 when there are any)
 *   npx tsx scripts/record-shapes.ts --lock   append the catalogue's new entries to the lock
 *                                             (test/store/record-shapes.lock.json); refuses when an
 *                                             entry already in the lock was changed
 *
 * test/store/record-shapes.test.ts runs the same comparisons. When a shape is missing, append the
 * printed lines to RECORD_SHAPES (at the end; an entry already there is never changed), then run with
 * --lock and commit both files.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RECORD_SHAPES } from '../src/store/shapes.ts';
import { packRecord } from '../src/store/serialize.ts';
import { lockedEntriesChanged, observedDecisions } from './shape-catalogue.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const LOCK_PATH = `${ROOT}test/store/record-shapes.lock.json`;

/** The shapes the observed decisions have that the catalogue lacks (each record's own `shapes`), in order of first appearance, with where each was first seen. */
export function missingRecordShapes(observed: ReturnType<typeof observedDecisions> = observedDecisions()): { keys: readonly string[]; where: string }[] {
  const seen = new Map<string, { keys: readonly string[]; where: string }>();
  for (const { where, decision, rules } of observed) {
    const own = (packRecord(decision, rules).packed['shapes'] as string[][] | undefined) ?? [];
    for (const keys of own) {
      const k = JSON.stringify(keys);
      if (!seen.has(k)) seen.set(k, { keys, where });
    }
  }
  return [...seen.values()];
}

export function entriesToAppend(missing: readonly { keys: readonly string[]; where: string }[]): string {
  return missing.map((m, i) => `  [${m.keys.map((k) => `'${k}'`).join(', ')}], // ${RECORD_SHAPES.length + i}: first seen in ${m.where}`).join('\n');
}

export function readLock(): string[][] {
  return JSON.parse(readFileSync(LOCK_PATH, 'utf8')) as string[][];
}

/** The lock file's text: one entry a line, numbered by its place. */
export function lockText(entries: readonly (readonly string[])[]): string {
  return `[\n${entries.map((e) => `  ${JSON.stringify(e)}`).join(',\n')}\n]\n`;
}

/** Entries of the lock that are gone or different in the catalogue (never allowed), and the catalogue's entries beyond the lock. */
export function compareWithLock(lock: readonly (readonly string[])[], catalogue: readonly (readonly string[])[]): { changed: string[]; added: (readonly string[])[] } {
  return { changed: lockedEntriesChanged(lock, catalogue), added: catalogue.slice(lock.length) };
}

function main(): number {
  if (process.argv.includes('--lock')) {
    const lock = readLock();
    const { changed, added } = compareWithLock(lock, RECORD_SHAPES);
    if (changed.length > 0) {
      process.stderr.write(`record shapes: entries already locked must never change (records written with them would read differently):\n${changed.join('\n')}\n`);
      return 1;
    }
    writeFileSync(LOCK_PATH, lockText([...lock, ...added]));
    process.stdout.write(`record shapes: ${added.length} new entr${added.length === 1 ? 'y' : 'ies'} locked (${lock.length + added.length} in all)\n`);
    return 0;
  }
  const missing = missingRecordShapes();
  if (missing.length === 0) {
    process.stdout.write(`record shapes: all ${RECORD_SHAPES.length} entries; every shape seen is in it\n`);
    return 0;
  }
  process.stdout.write(`${entriesToAppend(missing)}\n`);
  process.stderr.write(`record shapes: ${missing.length} shape(s) not in src/store/shapes.ts; append the lines above to RECORD_SHAPES, then run npx tsx scripts/record-shapes.ts --lock\n`);
  return 1;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main();
