/**
 * Issue 27: docs/household.md lists every input problem with its Swedish and English message, as the
 * engine renders them (scripts/problem-docs.ts writes the table from the catalogue). This checks the
 * table in the file is the generated one, and that every message is one line a caseworker can read.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROBLEMS_EN, PROBLEMS_SV } from '../../src/explain/problems.ts';
import { DOC, problemTable, withTable } from '../../scripts/problem-docs.ts';

describe('the input problems in docs/household.md', () => {
  it('are the table the catalogue generates (run npx tsx scripts/problem-docs.ts after changing a message)', () => {
    const doc = readFileSync(DOC, 'utf8');
    expect(withTable(doc) === doc, 'docs/household.md: the table of input problems is not current').toBe(true);
  });

  it('has a row for every key of both catalogues, and no message with developer or library wording', () => {
    const table = problemTable();
    const keys = Object.keys(PROBLEMS_SV);
    expect(Object.keys(PROBLEMS_EN)).toEqual(keys);
    expect(table.split('\n').filter((l) => l.startsWith('| `')).length).toBe(keys.length);
    for (const line of table.split('\n')) {
      expect(line).not.toMatch(/Invalid input|received|got (number|string)|undefined|NaN|\[object|1e\+/);
    }
  });
});
