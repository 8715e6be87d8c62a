/**
 * Issue 4 through the real command line: calculate --record, replay (stored rules, then today's
 * rules), show, and where the store lives. A replay must not depend on today's rules/ folder, and
 * must tolerate no difference at all.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DecisionStore } from '../../src/store/store.ts';
import { ENGINE_VERSION } from '../../src/version.ts';
import { ROOT, RULES_DIR } from '../support/engine.ts';
import { cli, household, rawDb, recordInput, tempDir } from './support.ts';

const tmp = tempDir('replay-');
afterAll(tmp.cleanup);

const fixture = join(ROOT, 'fixtures', 'e8-single-adult-2026.json');
const store = join(tmp.dir, 'records.sqlite');
const rules = join(tmp.dir, 'rules');
let recorded: Record<string, unknown>;
let id: string;

beforeAll(async () => {
  // A copy of rules/ that the test changes after recording.
  cpSync(RULES_DIR, rules, { recursive: true });
  const r = await cli(['calculate', fixture, '--json', '--record', '--store', store, '--rules', rules]);
  expect(r.stderr.replace(/^npm warn.*\n/gm, '')).toBe('');
  expect(r.status).toBe(0);
  recorded = JSON.parse(r.stdout) as Record<string, unknown>;
  id = recorded['decisionId'] as string;
});

describe('calculate --record', () => {
  it('prints the calculate --json decision unchanged, plus its decisionId', async () => {
    const plain = await cli(['calculate', fixture, '--json', '--rules', rules]);
    expect(plain.status).toBe(0);
    expect(id).toMatch(/^D-00000001-[0-9a-f]{16}$/);
    const { decisionId: _, ...rest } = recorded;
    expect(rest).toEqual(JSON.parse(plain.stdout));
  });

  it('adds a last line with the id to the text view', async () => {
    const r = await cli(['calculate', fixture, '--record', '--store', store, '--rules', rules]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\n\nBeslutspost: D-00000002-[0-9a-f]{16}\n$/);
    expect(r.stdout).toContain('Beräkningsgång');
  });

  it('records nothing for bad input (exit 2), and --store without --record is a usage error', async () => {
    const bad = join(tmp.dir, 'bad.json');
    writeFileSync(bad, JSON.stringify(household(1, { period: '2026-13' })));
    const other = join(tmp.dir, 'other.sqlite');
    expect((await cli(['calculate', bad, '--json', '--record', '--store', other])).status).toBe(2);
    expect(existsSync(other)).toBe(false);
    expect((await cli(['calculate', fixture, '--store', other])).status).toBe(2);
  });
});

describe('replay', () => {
  it('recomputes with the stored rules: identical, exit 0', async () => {
    const r = await cli(['replay', id, '--store', store]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('identical');
    const j = await cli(['replay', id, '--store', store, '--json']);
    expect(JSON.parse(j.stdout)).toMatchObject({ decisionId: id, identical: true, differences: [], rules: 'stored', ruleSetVersion: recorded['ruleSetVersion'] });
  });

  it('is still identical after the rules on disk changed; --with-current-rules shows what today\'s rules give (exit 0)', async () => {
    const file = join(rules, 'riksnorm', '2026.json');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('"amount": "3940"');
    writeFileSync(file, text.replace('"amount": "3940"', '"amount": "4100"'));

    const stored = await cli(['replay', id, '--store', store, '--json']);
    expect(stored.status).toBe(0);
    expect(JSON.parse(stored.stdout)).toMatchObject({ identical: true });

    const current = await cli(['replay', id, '--store', store, '--with-current-rules', '--rules', rules, '--json']);
    expect(current.status).toBe(0);
    const result = JSON.parse(current.stdout) as { identical: boolean; rules: string; ruleSetVersion: string; differences: { path: string; recorded: unknown; recomputed: unknown }[] };
    expect(result.identical).toBe(false);
    expect(result.rules).toBe('current');
    expect(result.ruleSetVersion).not.toBe(recorded['ruleSetVersion']);
    const byPath = new Map(result.differences.map((d) => [d.path, d]));
    expect(byPath.get('ruleSetVersion')).toEqual({ path: 'ruleSetVersion', recorded: recorded['ruleSetVersion'], recomputed: result.ruleSetVersion });
    expect(byPath.get('norm.members[0].amount')).toEqual({ path: 'norm.members[0].amount', recorded: '3940', recomputed: '4100' });
    expect(byPath.get('payable')).toEqual({ path: 'payable', recorded: recorded['payable'], recomputed: String(Number(recorded['payable']) + 160) });

    const text2 = await cli(['replay', id, '--store', store, '--with-current-rules', '--rules', rules]);
    expect(text2.status).toBe(0);
    expect(text2.stdout).toContain('norm.members[0].amount: "3940" → "4100"');
  });

  it('detects an engine change: every differing path with the recorded and recomputed values, exit 1', async () => {
    // A record as an older engine would have made it: another version and another amount.
    const path = join(tmp.dir, 'engine-change.sqlite');
    const s = DecisionStore.open(path, { create: true });
    const item = recordInput(household(2));
    const older = { ...item.decision, engineVersion: '0.0.9', payable: '1.00' };
    const ref = s.record({ ...item, decision: older });
    s.close();

    const r = await cli(['replay', ref.decisionId, '--store', path, '--json']);
    expect(r.status).toBe(1);
    const result = JSON.parse(r.stdout) as { identical: boolean; integrityProblem: string | null; differences: unknown[] };
    expect(result.identical).toBe(false);
    expect(result.integrityProblem).toBeNull(); // a genuine record, genuinely different
    // The record keeps data: its letter and its worksheet are rendered from the recorded amount and version, so they differ too.
    expect(result.differences.map((d) => (d as { path: string }).path)).toEqual(['decisionText', 'engineVersion', 'payable', 'worksheetText']);
    expect(result.differences.slice(1, 3)).toEqual([
      { path: 'engineVersion', recorded: '0.0.9', recomputed: ENGINE_VERSION },
      { path: 'payable', recorded: '1.00', recomputed: item.decision.payable },
    ]);
    expect((result.differences[0] as { recorded: string }).recorded).toContain('beviljar dig 1 kr i försörjningsstöd');
    expect((result.differences[3] as { recorded: string }).recorded).toContain('motorversion 0.0.9');
    const text = await cli(['replay', ref.decisionId, '--store', path]);
    expect(text.status).toBe(1);
    expect(text.stdout).toContain('NOT IDENTICAL: 4 field(s) differ');
    expect(text.stdout).toContain(`engineVersion: "0.0.9" → "${ENGINE_VERSION}"`);
  });

  it('a decision edited in the file shows as a difference and as a failed hash check, exit 1', async () => {
    const path = join(tmp.dir, 'edited.sqlite');
    const s = DecisionStore.open(path, { create: true });
    const ref = s.record(recordInput(household(3)));
    s.close();
    const db = rawDb(path);
    db.exec('DROP TRIGGER records_no_update');
    const payable = recordInput(household(3)).decision.payable!;
    db.prepare('UPDATE records SET decision_json = replace(decision_json, ?, ?) WHERE seq = 1').run(`"payable":"${payable}"`, '"payable":"9.99"');
    db.close();
    const r = await cli(['replay', ref.decisionId, '--store', path]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('the record fails its own hash check');
    expect(r.stdout).toContain(`payable: "9.99" → "${payable}"`);
  });

  it('an unknown id or a missing store is exit 2', async () => {
    const r = await cli(['replay', 'D-00000099-0000000000000000', '--store', store]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no decision D-00000099-0000000000000000');
    expect((await cli(['replay', id, '--store', join(tmp.dir, 'nowhere.sqlite'), '--with-current-rules'])).status).toBe(2);
    expect((await cli(['show', 'D-00000099-0000000000000000', '--store', store])).status).toBe(2);
  });
});

describe('show', () => {
  it('renders the decision in Swedish with its trace and the record metadata', async () => {
    const r = await cli(['show', id, '--store', store]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`Beslutspost ${id} (plats i kedjan: #1)`);
    expect(r.stdout).toMatch(/Registrerad: \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/);
    expect(r.stdout).toContain(`Regelversion: ${recorded['ruleSetVersion']}`);
    expect(r.stdout).toContain(`Motorversion: ${ENGINE_VERSION}`);
    expect(r.stdout).toMatch(/Kedjehash: sha256:[0-9a-f]{64} \(föregående sha256:0{64}\)/);
    expect(r.stdout).toContain('Beräkningsgång');
    expect(r.stdout).toContain('Förslag:');
  });

  it('in English with --lang en, and as JSON with --json', async () => {
    const en = await cli(['show', id, '--store', store, '--lang', 'en']);
    expect(en.stdout).toContain(`Decision record ${id}`);
    expect(en.stdout).toContain('Calculation steps');
    const j = JSON.parse((await cli(['show', id, '--store', store, '--json'])).stdout) as { record: Record<string, unknown>; decision: Record<string, unknown> };
    expect(j.record).toMatchObject({ decisionId: id, seq: 1, ruleSetVersion: recorded['ruleSetVersion'], engineVersion: ENGINE_VERSION, integrityProblem: null });
    const { decisionId: _, ...decision } = recorded;
    expect(j.decision).toEqual(decision);
  });
});

describe('where the store lives', () => {
  it('defaults to .bistand/records.sqlite under the current directory; BISTAND_STORE overrides it', async () => {
    const cwd = join(tmp.dir, 'cwd');
    cpSync(fixture, join(cwd, 'h.json'));
    const r = await cli(['calculate', 'h.json', '--json', '--record'], { cwd });
    expect(r.status).toBe(0);
    expect(existsSync(join(cwd, '.bistand', 'records.sqlite'))).toBe(true);
    const envStore = join(tmp.dir, 'env', 'r.sqlite');
    const e = await cli(['calculate', 'h.json', '--json', '--record'], { cwd, env: { BISTAND_STORE: envStore } });
    expect(e.status).toBe(0);
    expect(JSON.parse(e.stdout).decisionId).toMatch(/^D-00000001-/);
    const v = await cli(['audit', 'verify'], { cwd, env: { BISTAND_STORE: envStore } });
    expect(v.stdout).toContain(`audit verify ${envStore}`);
    expect(v.stdout).toContain('records: 1,');
  });
});
