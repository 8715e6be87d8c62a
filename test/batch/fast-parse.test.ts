/**
 * parseHousehold reads the household field by field (issue 27: so that a wrong field does not hide the
 * others) instead of asking zod, whose schema stays the documented shape (schemas/household.schema.json).
 * The two must agree: the reader finds no missing field and no field of the wrong type exactly when zod
 * accepts the household (matchesHouseholdShape), and then zod gives back the same data. The depth
 * check must give the same answer as the work-list version it replaced.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { householdSchema, matchesHouseholdShape, nestsDeeperThan, parseHousehold, unknownKeyWarnings } from '../../src/household/parse.ts';
import { lines } from '../../bench/generate.ts';

type Kind = 'text' | 'id' | 'flag' | 'int' | 'months';

/** A value for a field of this kind: mostly valid, sometimes of another JSON type, sometimes absent. */
function fieldValue(kind: Kind): fc.Arbitrary<unknown> {
  const valid: Record<Kind, fc.Arbitrary<unknown>> = {
    text: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('7900', '2026-03', '')),
    id: fc.oneof(fc.constantFrom('a1', 'c1', ''), fc.string({ maxLength: 3 })),
    flag: fc.boolean(),
    int: fc.oneof(fc.integer({ min: -40, max: 40 }), fc.constantFrom(2 ** 53 - 1, -(2 ** 53) + 1)),
    months: fc.integer({ min: -3, max: 80 }),
  };
  const other = fc.oneof(
    fc.constant(null),
    fc.string({ maxLength: 3 }),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(2 ** 60, -0, 1.5),
    fc.boolean(),
    fc.constant([]),
    fc.constant({}),
  );
  return fc.oneof({ weight: 40, arbitrary: valid[kind] }, { weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: other });
}

function record(fields: Record<string, Kind>): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(fields);
  return fc
    .tuple(fc.record(Object.fromEntries(keys.map((k) => [k, fieldValue(fields[k]!)]))), fc.option(fc.dictionary(fc.constantFrom('x', 'name2', 'daysInHouseHold'), fc.jsonValue({ maxDepth: 2 })), { nil: undefined }))
    .map(([known, extra]) => {
      const out: Record<string, unknown> = { ...(extra ?? {}) };
      for (const [k, v] of Object.entries(known)) if (v !== undefined) out[k] = v;
      return out;
    });
}

const MEMBER: Record<string, Kind> = {
  id: 'id', role: 'text', birthDate: 'text', lunchOutsideHome: 'flag', daysInHousehold: 'int', inSchool: 'flag',
  gender: 'text', personnummer: 'text', availableForWork: 'flag', acceptableReason: 'text', name: 'text', minorApplicantReason: 'text',
};
const INCOME: Record<string, Kind> = { memberId: 'text', type: 'text', amount: 'text', yearToDate: 'text', description: 'text' };
const COST: Record<string, Kind> = { type: 'text', amount: 'text', memberId: 'text', description: 'text' };
const ASSET: Record<string, Kind> = { memberId: 'text', type: 'text', amount: 'text', description: 'text' };
const CIRCUMSTANCES: Record<string, Kind> = {
  availableForWork: 'flag', acceptableReason: 'text', consecutiveMonthsOnAssistance: 'months', rentCeiling: 'text', rentArrears: 'text', jobbstimulansStart: 'text',
};

const notAList = fc.oneof(fc.constant(null), fc.constant('x'), fc.constant(3), fc.constant({}));
const list = (item: fc.Arbitrary<unknown>) =>
  fc.oneof({ weight: 10, arbitrary: fc.array(fc.oneof({ weight: 40, arbitrary: item }, { weight: 1, arbitrary: notAList }), { maxLength: 3 }) }, { weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: notAList });

const household = fc
  .record({
    caseId: fieldValue('text'),
    period: fieldValue('text'),
    municipality: fieldValue('text'),
    members: list(record(MEMBER)),
    incomes: list(record(INCOME)),
    costs: list(record(COST)),
    assets: list(record(ASSET)),
    circumstances: fc.oneof({ weight: 8, arbitrary: record(CIRCUMSTANCES) }, { weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: notAList }),
  })
  .map((h) => Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined)));

/** What zod's output holds for an accepted household: the input's known fields only. */
function known(value: Record<string, unknown>): Record<string, unknown> {
  const pick = (o: unknown, fields: Record<string, Kind>) =>
    Object.fromEntries(Object.keys(fields).filter((k) => (o as Record<string, unknown>)[k] !== undefined).map((k) => [k, (o as Record<string, unknown>)[k]]));
  const out: Record<string, unknown> = pick(value, { caseId: 'text', period: 'text', municipality: 'text' });
  out['members'] = (value['members'] as unknown[]).map((m) => pick(m, MEMBER));
  for (const [name, fields] of [['incomes', INCOME], ['costs', COST], ['assets', ASSET]] as const) {
    if (value[name] !== undefined) out[name] = (value[name] as unknown[]).map((m) => pick(m, fields));
  }
  if (value['circumstances'] !== undefined) out['circumstances'] = pick(value['circumstances'], CIRCUMSTANCES);
  return out;
}

describe('parseHousehold and the documented shape (zod)', () => {
  it('finds no shape problem exactly when zod accepts, and then zod gives back the same data', () => {
    let accepted = 0;
    fc.assert(
      fc.property(household, (h) => {
        const fast = matchesHouseholdShape(h);
        const zod = householdSchema.safeParse(h);
        expect(fast).toBe(zod.success);
        if (fast) {
          accepted++;
          expect(zod.data).toEqual(known(h));
        }
      }),
      { numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(100); // the property was not vacuous
  });

  it('is taken by every valid generated household', () => {
    for (const line of lines(2000, 11, '2026-03', 0)) expect(matchesHouseholdShape(JSON.parse(line))).toBe(true);
  });
});

/** The work-list version nestsDeeperThan replaced, as the reference. */
function reference(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [v, depth] = top;
    if (v === null || typeof v !== 'object') continue;
    if (depth > max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

describe('nestsDeeperThan', () => {
  it('agrees with the work-list version on random JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 7 }), fc.integer({ min: 0, max: 8 }), (value, max) => {
        expect(nestsDeeperThan(value, max)).toBe(reference(value, max));
      }),
      { numRuns: 3000 },
    );
  });

  it('is not needed for a household of the shape without unknown fields: it then nests at most 4 levels', () => {
    // Generated valid households, with unknown fields (deep JSON among them) put in any object,
    // activityRequirement and sickness objects included.
    const bases = [...lines(200, 5, '2026-03', 0)];
    const place = fc.constantFrom('top', 'member', 'income', 'cost', 'circumstances', 'activity', 'sickness');
    const injection = fc.tuple(place, fc.constantFrom('x', 'status', 'since', 'daysInHouseHold'), fc.jsonValue({ maxDepth: 6 }));
    const household = fc.tuple(fc.nat(bases.length - 1), fc.array(injection, { maxLength: 2 }), fc.boolean()).map(([i, injections, nested]) => {
      const raw = JSON.parse(bases[i]!) as Record<string, any>;
      const member = raw['members'][0];
      if (nested) {
        member.activityRequirement = { status: 'required' };
        member.sickness = { since: null };
      }
      for (const [where, key, value] of injections) {
        const target = { top: raw, member, income: raw['incomes'][0], cost: raw['costs'][0], circumstances: raw['circumstances'], activity: member.activityRequirement, sickness: member.sickness }[where];
        if (target && typeof target === 'object') target[key] = value;
      }
      return raw;
    });
    let shallow = 0;
    let notShallow = 0;
    fc.assert(
      fc.property(household, (raw) => {
        if (!matchesHouseholdShape(raw)) return;
        if (unknownKeyWarnings(raw).length === 0) {
          shallow++;
          expect(nestsDeeperThan(raw, 4)).toBe(false);
        } else if (nestsDeeperThan(raw, 4)) notShallow++;
      }),
      { numRuns: 3000 },
    );
    expect(shallow).toBeGreaterThan(200);
    expect(notShallow).toBeGreaterThan(200);
  });

  it('a household nested too deep is refused wherever the deep value sits', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = [deep];
    const base = () => JSON.parse([...lines(1, 3, '2026-03', 0)][0]!) as Record<string, any>;
    const places: ((raw: Record<string, any>) => void)[] = [
      (raw) => (raw['x'] = deep),
      (raw) => (raw['members'][0].x = deep),
      (raw) => (raw['members'][0].activityRequirement = { status: 'required', x: deep }),
      (raw) => (raw['members'][0].sickness = { since: null, x: deep }),
      (raw) => (raw['circumstances'].x = deep),
      (raw) => (raw['members'][0].gender = deep),
      (raw) => (raw['costs'] = [deep]),
    ];
    for (const put of places) {
      const raw = base();
      put(raw);
      const result = parseHousehold(raw);
      expect(result.ok === false && result.issues[0]!.code).toBe('TOO_DEEP');
    }
  });

  it('does not overflow the stack on 100 000 levels', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(nestsDeeperThan({ a: deep }, 64)).toBe(true);
  });
});
