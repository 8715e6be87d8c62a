/**
 * Issue 13 (F1): amounts near the top of the input format overflowed the money type (a RangeError
 * stack trace, exit 1). Every amount and every list total is bounded (src/household/limits.ts); these
 * tests show the bounds are named in the error and that no accepted household can overflow.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_AMOUNT_ORE, MAX_LIST_TOTAL_ORE, MAX_MEMBERS } from '../../src/household/limits.ts';
import { formatKronor, ore, parseKronor } from '../../src/money/index.ts';
import { ROOT, rulesFor, evaluateRendered } from '../support/engine.ts';
import { applicant, child, cost, household, income } from '../support/households.ts';
import { problemMessage, renderProblems } from '../../src/explain/problems.ts';

const MAX = formatKronor(ore(MAX_AMOUNT_ORE));
const FORMAT_MAX = '999999999999.99';

function issuesOf(raw: unknown) {
  const r = evaluateRendered(raw, rulesFor);
  return r.ok ? [] : r.issues;
}

describe('amount bounds (issue 13)', () => {
  it('refuses one amount above 1 000 000 000 kr, naming the bound', () => {
    const issues = issuesOf(household('2026-03', [applicant()], { costs: [cost('electricity', FORMAT_MAX)] }));
    expect(renderProblems(issues)).toEqual([{ path: 'costs[0].amount', code: 'AMOUNT_TOO_LARGE', message: 'får vara högst 1 000 000 000 kr (motorns gräns för ett belopp): kontrollera beloppet' }]);
    expect(problemMessage(issues[0]!, 'en')).toBe("may be at most SEK 1,000,000,000 (the engine's bound for one amount): check the amount");
  });

  it('refuses 100 maximal costs, incomes or assets with a field error instead of a RangeError', () => {
    for (const list of ['costs', 'incomes', 'assets'] as const) {
      const item = list === 'costs' ? cost('electricity', FORMAT_MAX) : list === 'incomes' ? income('a1', 'salary', FORMAT_MAX) : { memberId: 'a1', type: 'bank', amount: FORMAT_MAX };
      const raw = household('2026-03', [applicant()], { [list]: Array.from({ length: 100 }, () => item) });
      expect(() => evaluateRendered(raw, rulesFor)).not.toThrow();
      const issues = issuesOf(raw);
      expect(issues).toHaveLength(100);
      expect(issues.every((i) => i.code === 'AMOUNT_TOO_LARGE')).toBe(true);
    }
  });

  it('refuses a list whose amounts add up to more than 10 000 000 000 kr', () => {
    const raw = household('2026-03', [applicant()], { costs: Array.from({ length: 11 }, () => cost('electricity', MAX)) });
    expect(renderProblems(issuesOf(raw))).toEqual([{ path: 'costs', code: 'TOTAL_TOO_LARGE', message: expect.stringContaining('10 000 000 000 kr') }]);
    const atBound = household('2026-03', [applicant()], { costs: Array.from({ length: 10 }, () => cost('electricity', MAX)) });
    expect(issuesOf(atBound)).toEqual([]);
  });

  it(`refuses more than ${MAX_MEMBERS} members`, () => {
    const members = [applicant(), ...Array.from({ length: MAX_MEMBERS }, (_, i) => child(`c${i}`, '2015-01-01'))];
    expect(issuesOf(household('2026-03', members)).map((i) => i.code)).toEqual(['TOO_MANY_MEMBERS']);
  });

  it('refuses a member id or case id longer than 200 characters (a 10 MB id gave 304 MB of output)', () => {
    const big = 'x'.repeat(10_000_000);
    expect(issuesOf({ ...household('2026-03', [applicant('1985-01-01', { id: big })]), caseId: big }).map((i) => `${i.path} ${i.code}: ${problemMessage(i, 'en')}`)).toEqual([
      'caseId TOO_LONG: may be at most 200 characters (this is 10,000,000)',
      'members[0].id TOO_LONG: may be at most 200 characters (this is 10,000,000)',
    ]);
  });

  it('calculate exits 2 with one line per amount, not 1 with a stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bounds-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'max.json');
    writeFileSync(file, JSON.stringify(household('2026-03', [applicant()], { costs: Array.from({ length: 100 }, () => cost('electricity', FORMAT_MAX)) })));
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'calculate', file, '--json'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).not.toContain('RangeError');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(100);
  });
});

/** Every money string in a decision (keys that hold amounts), wherever it is nested. */
function moneyStrings(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) moneyStrings(v, out);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'string' && /^-?[0-9]+(\.[0-9]+)?$/.test(v) && k !== 'householdSize') out.push(v);
      else moneyStrings(v, out);
    }
  }
  return out;
}

const amount = fc.oneof(
  fc.constant(MAX_AMOUNT_ORE as number),
  fc.integer({ min: 0, max: MAX_AMOUNT_ORE }),
  fc.integer({ min: MAX_AMOUNT_ORE - 100, max: MAX_AMOUNT_ORE + 100 }),
).map((n) => formatKronor(ore(n)));

describe('no accepted household can overflow (property)', () => {
  it('amounts up to the bound, lists up to 14 items: a decision whose every amount reads back, or a bound error', () => {
    fc.assert(
      fc.property(
        fc.array(amount, { maxLength: 14 }),
        fc.array(amount, { maxLength: 14 }),
        fc.array(amount, { maxLength: 14 }),
        fc.option(amount, { nil: undefined }),
        fc.integer({ min: 0, max: 6 }),
        (costs, incomes, assets, ceiling, children) => {
          const members = [applicant(), ...Array.from({ length: children }, (_, i) => child(`c${i}`, '2016-05-01'))];
          const raw = household('2026-03', members, {
            costs: costs.map((a, i) => cost(i % 2 === 0 ? 'rent' : 'electricity', a)),
            incomes: incomes.map((a, i) => income(i % 2 === 0 ? 'a1' : members[members.length - 1]!['id'] as string, 'salary', a, { yearToDate: a })),
            assets: assets.map((a) => ({ memberId: 'a1', type: 'bank', amount: a })),
            circumstances: { availableForWork: true, consecutiveMonthsOnAssistance: 12, ...(ceiling === undefined ? {} : { rentCeiling: ceiling, rentArrears: ceiling }) },
          });
          const r = evaluateRendered(raw, rulesFor);
          if (!r.ok) {
            for (const i of r.issues) expect(['AMOUNT_TOO_LARGE', 'TOTAL_TOO_LARGE']).toContain(i.code);
            return;
          }
          for (const m of moneyStrings(r.decision)) {
            const abs = m.replace(/^-/, '');
            expect(parseKronor(abs), m).not.toBeNull();
            expect(parseKronor(abs)!).toBeLessThanOrEqual(2 * MAX_LIST_TOTAL_ORE + 100_000_000_000);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
