/**
 * Issue 27, as properties of `calculate --json` (run in-process: runInProcess is the code the process
 * runs, test/support/cli.ts):
 *
 * - on generated households with personnummer-shaped numbers in every text field and in amounts whose
 *   öre are personnummer-shaped (the trace shows öre as numbers), stdout always parses and equals the
 *   batch line for the same household (its figures, codes and texts: the summary decision);
 * - on generated bad households (wrong types, line and paragraph separators, DEL, NEL, bidi controls,
 *   huge values, personnummer-shaped numbers), an exit-2 run prints nothing on stdout and every stderr
 *   line starts with a field path or the file name and holds no raw line-breaking or control character.
 *   No run exits 1.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { processLine } from '../../src/batch/line.ts';
import { emptyCounts } from '../../src/batch/summary.ts';
import { luhnCheckDigit } from '../../src/household/personnummer.ts';
import { household as validHousehold, type HouseholdShape } from '../support/arbitraries.ts';
import { runInProcess } from '../support/cli.ts';
import { rulesFor } from '../support/engine.ts';

const dir = mkdtempSync(join(tmpdir(), 'output-property-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const FILE = join(dir, 'household.json');

/** A valid personnummer or samordningsnummer (date and Luhn check digit pass), in one of its written forms. */
const personnummer: fc.Arbitrary<string> = fc
  .record({
    year: fc.integer({ min: 1900, max: 2025 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    coordination: fc.boolean(),
    serial: fc.integer({ min: 0, max: 999 }),
    form: fc.constantFrom('yyyymmdd-nnnn', 'yymmdd-nnnn', 'yyyymmddnnnn', 'yymmddnnnn'),
  })
  .map(({ year, month, day, coordination, serial, form }) => {
    const nine = `${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}${String(day + (coordination ? 60 : 0)).padStart(2, '0')}${String(serial).padStart(3, '0')}`;
    const ten = `${nine}${luhnCheckDigit(nine)}`;
    const century = String(year).slice(0, 2);
    return { 'yyyymmdd-nnnn': `${century}${ten.slice(0, 6)}-${ten.slice(6)}`, 'yymmdd-nnnn': `${ten.slice(0, 6)}-${ten.slice(6)}`, yyyymmddnnnn: `${century}${ten}`, yymmddnnnn: ten }[form];
  });

/** A text field's value: a personnummer, one that only looks like one (a case number 20260301-0042), or one inside a sentence. */
const pnrText = fc.oneof(personnummer, fc.constantFrom('20260301-0042', '1201011234', '881218-98761'), personnummer.map((p) => `ärende ${p}, avser ${p}`));

/** An amount whose öre (as the trace's facts show them) are a ten-digit personnummer: "12010112.34" is 1201011234 öre. */
const pnrAmount = personnummer.filter((p) => /^[0-9]{10}$/.test(p) && Number(p) <= 100_000_000_000).map((p) => `${p.slice(0, 8).replace(/^0+(?=.)/, '')}.${p.slice(8)}`);

interface Injected {
  readonly raw: Record<string, unknown>;
}


/** A valid household with personnummer-shaped values in every text field and in several amounts. */
const injected: fc.Arbitrary<Injected> = fc
  .tuple(validHousehold, fc.array(pnrText, { minLength: 12, maxLength: 12 }), fc.array(pnrAmount, { minLength: 4, maxLength: 4 }), fc.array(personnummer, { minLength: 8, maxLength: 8 }), fc.array(personnummer, { minLength: 8, maxLength: 8 }), fc.boolean())
  .map(([h, texts, amounts, pnrs, own, agency]: [HouseholdShape, string[], string[], string[], string[], boolean]) => {
    // Member ids become personnummer-shaped too (unique), and every reference follows them.
    const rename = new Map(h.members.map((m, i) => [String(m['id']), `${pnrs[i % pnrs.length]}-${i}`]));
    const id = (old: string) => rename.get(old) ?? old;
    // And each member has a personnummer of their own in the field for it (never printed).
    const members: Record<string, unknown>[] = h.members.map((m, i) => ({ ...m, id: id(String(m['id'])), name: texts[i % texts.length], personnummer: own[i % own.length] }));
    const applicant = members.find((m) => m['role'] === 'applicant')!;
    const raw: Record<string, unknown> = {
      ...h,
      caseId: texts[0],
      members,
      incomes: h.incomes.map((x, i) => ({ ...x, memberId: id(x.memberId), description: texts[(i + 1) % texts.length] })),
      costs: [...h.costs.map((x, i) => ({ ...x, description: texts[(i + 2) % texts.length] })), { type: 'other', amount: amounts[0], description: texts[3] }],
      assets: [...h.assets.map((x) => ({ ...x, memberId: id(x.memberId) })), { memberId: applicant['id'], type: 'bank', amount: amounts[1], description: texts[4] }],
      circumstances: { ...h.circumstances, rentArrears: amounts[2], rentCeiling: amounts[3], ...(h.circumstances['availableForWork'] === false ? { acceptableReason: texts[5] } : {}) },
    };
    if (agency && h.period >= '2014-05') {
      const [y, m] = h.period.split('-').map(Number) as [number, number];
      const before = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
      raw['registeredIncomes'] = [
        { memberId: applicant['id'], agency: 'fk', benefit: texts[6], subBenefit: texts[7], amountType: texts[8], net: amounts[0], gross: amounts[1], paidOn: `${before}-25`, ref: texts[9] },
        { memberId: applicant['id'], agency: 'akassa', benefit: 'Arbetslöshetsersättning', net: '1201.01', paidOn: `${before}-10`, ref: texts[10] },
      ];
    }
    return { raw };
  });

/** The batch line's decision for the same household, without its line number. */
function batchDecision(raw: unknown): Record<string, unknown> {
  const { line: _, ...decision } = JSON.parse(processLine(JSON.stringify(raw), 1, { detail: 'summary', period: null, rulesFor }, emptyCounts())) as Record<string, unknown>;
  return decision;
}

describe('calculate --json on households with personnummer-shaped values everywhere (issue 27)', () => {
  it('stdout always parses and equals the batch line', async () => {
    let calculated = 0;
    await fc.assert(
      fc.asyncProperty(injected, async ({ raw }) => {
        writeFileSync(FILE, JSON.stringify(raw));
        const r = await runInProcess(['calculate', FILE, '--json']);
        expect(r.status, r.stderr).not.toBe(1);
        const line = batchDecision(raw);
        if (r.status === 2) {
          expect(r.stdout).toBe('');
          expect(line['errors']).toBeDefined();
          return;
        }
        calculated++;
        const decision = JSON.parse(r.stdout) as Record<string, unknown>;
        const { trace: _trace, decisionText: _text, worksheetText: _worksheet, ...figures } = decision;
        expect(figures).toEqual(line);
        expect(decision['caseId']).toBe(raw['caseId']);
        // members[].personnummer is never printed (unless the same number was also typed into a text field).
        const elsewhere = JSON.stringify({ ...raw, members: (raw['members'] as Record<string, unknown>[]).map(({ personnummer: _, ...m }) => m) });
        for (const m of raw['members'] as { personnummer: string }[]) if (!elsewhere.includes(m.personnummer)) expect(r.stdout).not.toContain(m.personnummer);
      }),
      { numRuns: 60 },
    );
    expect(calculated).toBeGreaterThan(40);
  });
});

// ---- bad input ----------------------------------------------------------------------------------

/** Values that break lines, reorder text, are of the wrong type, or are far too large. */
const nasty: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('a\u2028b', 'x\u2029members[0].id: fake', 'del\u007f', 'nel\u0085', 'bidi\u202eevil', 'cr\rlf\n', 'zw\u200b', 'tab\tv\u000bf\u000c', '\ud800', 'emoji 😀'),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom(1201011234, 191212121212, 1e308, -1, 1.5, 0, true, false, null, [], {}, [1, [2]], { a: { b: 1 } }),
  personnummer,
  fc.integer({ min: 1, max: 3 }).map((n) => 'y'.repeat(10 ** n * 7)),
);

/** Where a nasty value goes: a field of the household, of an item, of a member's nested object. */
const PLACES: readonly ((raw: Record<string, any>, v: unknown) => void)[] = [
  (raw, v) => (raw['caseId'] = v),
  (raw, v) => (raw['period'] = v),
  (raw, v) => (raw['municipality'] = v),
  (raw, v) => (raw['decidedOn'] = v),
  (raw, v) => (raw['members'][0]['id'] = v),
  (raw, v) => (raw['members'][0]['role'] = v),
  (raw, v) => (raw['members'][0]['birthDate'] = v),
  (raw, v) => (raw['members'][0]['gender'] = v),
  (raw, v) => (raw['members'][0]['personnummer'] = v),
  (raw, v) => (raw['members'][0]['daysInHousehold'] = v),
  (raw, v) => (raw['members'][0]['activityRequirement'] = { status: v }),
  (raw, v) => (raw['members'][0]['sickness'] = { since: v }),
  (raw, v) => (raw['members'][0][String(v)] = 1),
  (raw, v) => raw['members'].push(v),
  (raw, v) => (raw['incomes'] = [{ memberId: v, type: v, amount: v }]),
  (raw, v) => (raw['costs'] = [{ type: 'rent', amount: v, memberId: v }]),
  (raw, v) => (raw['assets'] = v),
  (raw, v) => (raw['circumstances'] = { consecutiveMonthsOnAssistance: v, jobbstimulansStart: v, rentCeiling: v }),
  (raw, v) => (raw['registeredIncomes'] = [{ memberId: 'a1', agency: v, benefit: v, net: v, paidOn: v, periodFrom: v, periodTo: v, days: v, ref: v }]),
  (raw, v) => (raw['agencyAnswers'] = [{ memberId: v, agency: 'fk', status: v }]),
];

const bad = fc.tuple(validHousehold, fc.array(fc.tuple(fc.nat(PLACES.length - 1), nasty), { minLength: 1, maxLength: 4 })).map(([h, changes]) => {
  const raw = JSON.parse(JSON.stringify(h)) as Record<string, any>;
  for (const [where, value] of changes) PLACES[where]!(raw, value);
  return raw;
});

/** A field path as the engine writes it (members[2].activityRequirement.status, registeredIncomes, …). */
const FIELD_PATH = /^[A-Za-z]+(\[\d+\])?(\.[A-Za-z]+(\[\d+\])?)*: /;
/** Anything that could break or reorder a line, raw. */
const RAW_CONTROL = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

describe('calculate on bad households (issue 27)', () => {
  it('exit 2: nothing on stdout; every stderr line starts with a field path or the file name and holds no raw control character', async () => {
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(bad, async (raw) => {
        writeFileSync(FILE, JSON.stringify(raw));
        const r = await runInProcess(['calculate', FILE, '--json']);
        expect([0, 2], r.stderr).toContain(r.status);
        if (r.status === 0) {
          JSON.parse(r.stdout);
          return;
        }
        refused++;
        expect(r.stdout).toBe('');
        expect(r.stderr.endsWith('\n')).toBe(true);
        for (const line of r.stderr.slice(0, -1).split('\n')) {
          expect(line.startsWith(`${FILE}: `) || FIELD_PATH.test(line), line).toBe(true);
          expect(RAW_CONTROL.test(line), JSON.stringify(line)).toBe(false);
          expect(line.length, line.slice(0, 100)).toBeLessThan(1000);
        }
      }),
      { numRuns: 150 },
    );
    expect(refused).toBeGreaterThan(100);
  });
});
