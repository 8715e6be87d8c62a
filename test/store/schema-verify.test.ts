/**
 * Issue 13 (F16): `audit verify` checked the triggers' names only, so a trigger edited to do nothing
 * ("BEFORE UPDATE ON records WHEN 0 BEGIN …") passed. It now compares the SQL of every table and
 * trigger with the engine's schema.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DecisionStore } from '../../src/store/store.ts';
import { verifyStore } from '../../src/store/verify.ts';
import { cli, household, rawDb, recordInput, tempDir } from './support.ts';

const { dir, cleanup } = tempDir('schema-verify-');
afterAll(cleanup);

function storeWith(name: string): string {
  const path = join(dir, name);
  const store = DecisionStore.open(path, { create: true });
  store.record(recordInput(household(1)));
  store.record(recordInput(household(2)));
  store.close();
  return path;
}

function editSchema(path: string, name: string, from: string, to: string): void {
  const db = rawDb(path);
  db.unsafeMode(true);
  db.pragma('writable_schema = ON');
  const changed = db.prepare('UPDATE sqlite_master SET sql = replace(sql, ?, ?) WHERE name = ?').run(from, to, name).changes;
  db.pragma('writable_schema = OFF');
  db.close();
  expect(changed).toBe(1);
}

function report(path: string) {
  const store = DecisionStore.open(path, { readonly: true });
  try {
    return verifyStore(store);
  } finally {
    store.close();
  }
}

describe('audit verify checks the schema SQL (issue 13)', () => {
  it('a fresh store (and one reopened for writing) matches the schema', async () => {
    const path = storeWith('fresh.sqlite');
    DecisionStore.open(path).close();
    expect(report(path).problems).toEqual([]);
  });

  it('an edited trigger body is found, though every record still checks out', async () => {
    const path = storeWith('trigger.sqlite');
    editSchema(path, 'records_no_update', 'BEFORE UPDATE ON records BEGIN', 'BEFORE UPDATE ON records WHEN 0 BEGIN');
    const r = report(path);
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([expect.objectContaining({ kind: 'triggers', message: expect.stringContaining('records_no_update (its SQL was changed)') })]);
    const out = (await cli(['audit', 'verify', '--store', path]));
    expect(out.status).toBe(1);
    expect(out.stdout + out.stderr).toContain('records_no_update');
  });

  it('an edited table definition and an added trigger are found', async () => {
    const path = storeWith('table.sqlite');
    editSchema(path, 'records', 'case_id          TEXT,', "case_id          TEXT DEFAULT 'x',");
    const db = rawDb(path);
    db.exec("CREATE TRIGGER records_rewrite AFTER INSERT ON records BEGIN SELECT 1; END");
    db.close();
    const kinds = report(path).problems.map((p) => `${p.kind}: ${p.message}`);
    expect(kinds).toEqual([
      expect.stringMatching(/^triggers: .*records_rewrite \(not part of the schema\)/),
      expect.stringMatching(/^schema: the definition of table records differs/),
    ]);
  });
});
