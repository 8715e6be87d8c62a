/**
 * compare (docs/compare.md) through the real CLI: one output line per input line (errors included),
 * the overlay's hash on every line, the same bytes on any number of workers and after a kill and
 * --resume, a summary that adds up from the lines, clear errors for bad sides, and the store replay.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/engine.ts';
import { cli, cliAsync, tempDir, writeInput } from '../batch/support.ts';

const dir = tempDir();
const input = join(dir, 'in.ndjson');
const overlay = `${ROOT}fixtures/overlays/ceiling-jobbstimulans-cap-2026.json`;
const plus3 = `${ROOT}fixtures/overlays/riksnorm-plus-3-2026.json`;
const reference = join(dir, 'reference.ndjson');
let summary: Record<string, any>;
let inputLines: string[];
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  inputLines = writeInput(input, 3000, 11, '2026-03', 0.02);
  const r = (await cli(['compare', '--in', input, '--base', 'current', '--reform', overlay, '--out', reference, '--workers', '2', '--summary', join(dir, 'summary.json')]));
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  summary = JSON.parse(r.stdout);
  expect(JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'))).toEqual(summary);
}, 120_000);

const outputLines = (path: string) => readFileSync(path, 'utf8').split('\n').slice(0, -1).map((l) => JSON.parse(l) as Record<string, any>);
const ore = (kr: string | null) => (kr === null ? 0 : new Decimal(kr).times(100).toNumber());
const kr = (o: number) => (o % 100 === 0 ? new Decimal(o).div(100).toString() : new Decimal(o).div(100).toFixed(2));

describe('compare --in', () => {
  it('writes one line per input line, in order, each with the overlays’ hashes', async () => {
    const lines = outputLines(reference);
    expect(lines).toHaveLength(inputLines.length);
    const hash = JSON.parse((await cli(['compare', '--in', input, '--base', 'current', '--reform', overlay, '--out', join(dir, 'tiny.ndjson'), '--workers', '0'])).stdout).reform.overlayHash;
    expect(hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    lines.forEach((l, i) => {
      expect(l['line']).toBe(i + 1);
      expect(l['overlays']).toEqual({ base: null, reform: hash });
    });
    expect(lines.some((l) => l['errors'])).toBe(true); // the broken input lines have their records
  });

  it('gives the same bytes on the main thread as on two workers', async () => {
    const out = join(dir, 'w0.ndjson');
    const r = (await cli(['compare', '--in', input, '--base', 'current', '--reform', overlay, '--out', out, '--workers', '0']));
    expect(r.status).toBe(0);
    expect(readFileSync(out).equals(readFileSync(reference))).toBe(true);
    const { workers: _a, output: _b, ...a } = JSON.parse(r.stdout);
    const { workers: _c, output: _d, ...b } = summary;
    expect(a).toEqual(b);
  }, 60_000);

  it('has a summary that adds up from the output lines', async () => {
    const lines = outputLines(reference);
    const compared = lines.filter((l) => l['base']?.outcome && l['reform']?.outcome);
    expect(summary['households']).toBe(compared.length);
    expect(summary['lines']).toBe(lines.length);
    const e = summary['errors'];
    expect(e.input + e.base + e.reform + e.both + compared.length).toBe(lines.length);
    const base = compared.reduce((s, l) => s + ore(l['base'].payable), 0);
    const reform = compared.reduce((s, l) => s + ore(l['reform'].payable), 0);
    expect(summary['cost'].total).toEqual({ base: kr(base), reform: kr(reform), difference: kr(reform - base) });
    expect(summary['cost'].annualised.base).toBe(kr(base * 12));
    for (const t of summary['outcomes'].transitions) {
      expect(compared.filter((l) => l['base'].outcome === t.from && l['reform'].outcome === t.to)).toHaveLength(t.households);
    }
    expect(summary['outcomes'].changed).toBe(compared.filter((l) => l['outcomeChanged']).length);
    const losers = compared.filter((l) => l['difference'] !== null && l['difference'].startsWith('-'));
    const winners = compared.filter((l) => l['difference'] !== null && !l['difference'].startsWith('-') && l['difference'] !== '0');
    expect(losers.length).toBeGreaterThan(0);
    expect(winners.length).toBeGreaterThan(0);
    expect(summary['losers'].households).toBe(losers.length);
    expect(summary['losers'].children).toBe(losers.reduce((s, l) => s + l['children'], 0));
    expect(summary['winners'].households).toBe(winners.length);
    for (const g of ['female', 'male', 'other', 'unknown']) {
      const of = losers.filter((l) => l['applicantGender'] === g);
      expect(summary['losers'].byApplicantGender[g]).toEqual({ households: of.length, children: of.reduce((s, l) => s + l['children'], 0) });
    }
    for (const t of summary['byHouseholdType']) {
      const of = compared.filter((l) => l['householdType'] === t.type);
      expect(t.households).toBe(of.length);
      expect(t.losers).toBe(of.filter((l) => losers.includes(l)).length);
      expect(t.base).toBe(kr(of.reduce((s, l) => s + ore(l['base'].payable), 0)));
    }
    const histogram = summary['changeHistogram'].buckets.reduce((s: number, b: { households: number }) => s + b.households, 0);
    expect(histogram).toBe(winners.length + losers.length);
    // every household whose payment is capped says so
    const capped = compared.filter((l) => l['reform'].reasons.includes('AID_CAP'));
    expect(capped.length).toBeGreaterThan(0);
    for (const l of capped) expect(['partial', 'deny']).toContain(l['reform'].outcome);
  });

  it('names the first step where the two calculations diverge', async () => {
    const lines = outputLines(reference).filter((l) => l['difference'] !== null && l['difference'] !== '0');
    for (const l of lines) expect(l['firstDivergence']).not.toBeNull();
    const withRent = lines.find((l) => l['reform'].inputChanges);
    expect(withRent!['reform'].inputChanges[0]).toMatchObject({ field: 'circumstances.rentCeiling', to: '9000' });
  });

  it('the same rules on both sides: nothing changes, nothing diverges', async () => {
    const out = join(dir, 'same.ndjson');
    const r = (await cli(['compare', '--in', input, '--base', 'current', '--reform', `${ROOT}rules`, '--out', out, '--workers', '2']));
    expect(r.status).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.cost.total.difference).toBe('0');
    expect(s.outcomes.changed).toBe(0);
    expect(s.winners.households + s.losers.households).toBe(0);
    expect(s.firstDivergence).toEqual([]);
    for (const l of outputLines(out)) if (l['base']?.outcome) expect(l['firstDivergence']).toBeNull();
  }, 60_000);

  it('a month against another month: 2025-03 rules vs 2026-03 rules for the same households', async () => {
    const out = join(dir, 'months.ndjson');
    const r = (await cli(['compare', '--in', input, '--base', '2025-03', '--reform', `2026-03,${plus3}`, '--out', out, '--workers', '2']));
    expect(r.status).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.cost.byMonth.map((m: { period: string }) => m.period)).toEqual(['2025-03→2026-03']);
    const first = outputLines(out).find((l) => l['base']?.outcome)!;
    expect(first['base'].period).toBe('2025-03');
    expect(first['reform'].period).toBe('2026-03');
  }, 60_000);
});

describe('reading the input (the one decoding rule of calculate, batch and the API)', () => {
  it('a line that is not UTF-8 or nested too deep is its own error record; a BOM at the start of the file is accepted', async () => {
    const good = JSON.parse(readFileSync(input, 'utf8').split('\n')[0]!) as Record<string, unknown>;
    const file = join(dir, 'bytes.ndjson');
    const deep = `${'{"a":'.repeat(100)}1${'}'.repeat(100)}`;
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${JSON.stringify(good)}\n{"caseId":"`), Buffer.from([0xff]), Buffer.from(`"}\n${deep}\n`)]));
    const out = join(dir, 'bytes.out');
    const r = await cli(['compare', '--in', file, '--base', 'current', '--reform', overlay, '--out', out, '--workers', '0']);
    expect(r.status).toBe(0);
    const lines = readFileSync(out, 'utf8').split('\n').slice(0, -1).map((l) => JSON.parse(l) as Record<string, any>);
    expect(lines.map((l) => l.line)).toEqual([1, 2, 3]);
    expect(lines[0]!.errors).toBeUndefined();
    expect(lines[1]!.errors[0]).toMatchObject({ path: '(line)', code: 'INVALID_UTF8' });
    expect(lines[1]!.errors[0].message).toMatch(/byten på position 11 i raden/);
    expect(lines[2]!.errors[0].code).toBe('TOO_DEEP');
    expect(lines[2]!.errors[0].message).toMatch(/i mer än 64 nivåer/);
  }, 60_000);
});

describe('resume', () => {
  it('after SIGKILL, --resume gives the same bytes and the same summary', async () => {
    const out = join(dir, 'killed.ndjson');
    const child = cliAsync(['compare', '--in', input, '--base', 'current', '--reform', overlay, '--out', out, '--workers', '2', '--chunk-lines', '20']);
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const deadline = Date.now() + 60_000;
    // kill once a checkpoint past the start is on disk (written each second), so the resume really continues
    const linesDone = () => {
      try {
        return (JSON.parse(readFileSync(`${out}.checkpoint`, 'utf8')) as { linesDone: number }).linesDone;
      } catch {
        return 0;
      }
    };
    while (Date.now() < deadline && linesDone() === 0) await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGKILL');
    await exited;
    expect(readFileSync(out).length).toBeLessThan(readFileSync(reference).length);
    const r = (await cli(['compare', '--in', input, '--base', 'current', '--reform', overlay, '--out', out, '--workers', '2', '--resume']));
    expect(r.status).toBe(0);
    expect(readFileSync(out).equals(readFileSync(reference))).toBe(true);
    const { resumedFromLine, output: _a, ...resumed } = JSON.parse(r.stdout);
    const { resumedFromLine: _b, output: _c, ...whole } = summary;
    expect(resumedFromLine).toBeGreaterThan(1);
    expect(resumed).toEqual(whole);
  }, 120_000);

  it('refuses to resume with another reform', async () => {
    const out = join(dir, 'other.ndjson');
    const small = join(dir, 'small.ndjson');
    writeInput(small, 50, 3, '2026-03');
    // a checkpoint left by a run of another reform (its job key differs)
    expect((await cli(['compare', '--in', small, '--base', 'current', '--reform', overlay, '--out', out, '--workers', '0'])).status).toBe(0);
    const cp = { version: 1, run: { input: small, inputSize: statSync(small).size, period: null, detail: 'compact', engineVersion: 'x', job: 'other' }, runId: 'r', inputOffset: 0, linesDone: 0, outputBytes: 0, counts: {}, internalErrors: 0 };
    writeFileSync(`${out}.checkpoint`, JSON.stringify(cp));
    const r = (await cli(['compare', '--in', small, '--base', 'current', '--reform', plus3, '--out', out, '--workers', '0', '--resume']));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/belongs to another run/);
  }, 60_000);
});

describe('bad sides', () => {
  it('an invalid overlay is exit 2 naming the field, nothing written', async () => {
    const bad = join(dir, 'bad-overlay.json');
    const o = JSON.parse(readFileSync(plus3, 'utf8'));
    o.values[0].riksnorm.percent = 'three';
    writeFileSync(bad, JSON.stringify(o));
    const out = join(dir, 'never.ndjson');
    const r = (await cli(['compare', '--in', input, '--base', 'current', '--reform', bad, '--out', out]));
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`overlay: ${bad}: values.0.riksnorm.percent: expected a percentage`);
    expect(existsSync(out)).toBe(false);
  });

  it('a side that is no month, directory or file; a bad month; a missing side: exit 2', async () => {
    const out = join(dir, 'never.ndjson');
    expect((await cli(['compare', '--in', input, '--base', 'current', '--reform', join(dir, 'nope.json'), '--out', out])).stderr).toMatch(/is not a month YYYY-MM, "current", a rules directory or an overlay file/);
    const month = (await cli(['compare', '--in', input, '--base', '2026-13', '--reform', 'current', '--out', out]));
    expect(month.status).toBe(2);
    expect(month.stderr).toMatch(/--base: "2026-13" is not a month/);
    const missing = (await cli(['compare', '--in', input, '--base', 'current', '--out', out]));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/expected --reform SPEC/);
  });

  it('a rules directory that is not valid rules is exit 2 with its problems', async () => {
    const rules = join(dir, 'not-rules');
    mkdirSync(rules); // an empty folder: no riksnorm tables, no files
    const r = (await cli(['compare', '--in', input, '--base', 'current', '--reform', rules, '--out', join(dir, 'never.ndjson')]));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/is not a valid rules directory/);
  });
});

describe('compare --store', () => {
  it('every recorded decision against today’s rules, and against an overlay', async () => {
    const store = join(dir, 'records.sqlite');
    const small = join(dir, 'recorded.ndjson');
    writeInput(small, 40, 5, '2026-03', 0.05);
    const rec = (await cli(['batch', '--in', small, '--out', join(dir, 'rec-out.ndjson'), '--workers', '0', '--record', '--store', store]));
    expect(rec.status).toBe(0);
    const recorded = JSON.parse(rec.stdout).recorded;
    const out = join(dir, 'store-current.ndjson');
    const r = (await cli(['compare', '--store', store, '--reform', 'current', '--out', out]));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = outputLines(out);
    expect(lines).toHaveLength(recorded);
    lines.forEach((l, i) => {
      expect(l['record']).toBe(i + 1);
      expect(l['decisionId']).toMatch(/^D-0*\d+-[0-9a-f]{16}$/);
      // No amount on either side (a person decides, issue 20: an adult not at the labour market's disposal) is no difference to count.
      const noAmount = (l['base'] as { payable: string | null }).payable === null && (l['reform'] as { payable: string | null }).payable === null;
      expect(l['difference']).toBe(noAmount ? null : '0');
      expect(l['firstDivergence']).toBeNull();
    });
    const s = JSON.parse(r.stdout);
    expect(s.households).toBe(recorded);
    expect(s.cost.total.difference).toBe('0');

    const withOverlay = (await cli(['compare', '--store', store, '--reform', plus3, '--out', join(dir, 'store-plus3.ndjson')]));
    expect(withOverlay.status).toBe(0);
    const t = JSON.parse(withOverlay.stdout);
    expect(new Decimal(t.cost.total.difference).greaterThan(0)).toBe(true);
    expect(t.losers.households).toBe(0);
    expect((await cli(['compare', '--store', join(dir, 'no-such.sqlite'), '--reform', 'current', '--out', join(dir, 'x.ndjson')])).status).toBe(2);
  }, 60_000);
});
