/**
 * Properties of agency income data over random households with random registered payments
 * (fast-check): a failed answer never yields a proposal, the same money is never counted twice, a
 * payment outside M−2..M−1 and a benefit the rules do not know never change payable, and the order of
 * registeredIncomes never changes the decision.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Decision } from '../../src/explain/contract.ts';
import { addMonths, formatPeriod, parsePeriod } from '../../src/period/index.ts';
import { household, type HouseholdShape } from '../support/arbitraries.ts';
import { rulesFor, evaluateRendered } from '../support/engine.ts';
import { problemMessage } from '../../src/explain/problems.ts';

const run = (raw: unknown): Decision => {
  const r = evaluateRendered(raw, rulesFor);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${problemMessage(i, 'en')}`).join('\n'));
  return r.decision;
};
const RUNS = { numRuns: 150 };
const map = rulesFor(parsePeriod('2026-03')!, null).rules.agencyIncomeMap!;
const COUNT_ROWS = map.rows.filter((r) => r.action === 'count');
const ALL_ROWS = map.rows;

type Payment = Record<string, unknown>;
type WithAgency = HouseholdShape & { registeredIncomes: Payment[]; agencyAnswers?: Payment[] };

/** A day in the month `offset` months from the application month. */
const dayIn = (period: string, offset: number, day: number) => `${formatPeriod(addMonths(parsePeriod(period)!, offset))}-${String(day).padStart(2, '0')}`;

const payment = (period: string, ids: string[], rows = ALL_ROWS, offsets = [-3, -2, -1, -1, 0]) =>
  fc.record({ row: fc.constantFrom(...rows), who: fc.nat(), net: fc.integer({ min: 1, max: 15000 }), offset: fc.constantFrom(...offsets), day: fc.integer({ min: 1, max: 28 }), ref: fc.nat(99999) }).map((p) => ({
    memberId: ids[p.who % ids.length]!,
    agency: p.row.agency,
    benefit: p.row.benefit,
    ...(p.row.subBenefit ? { subBenefit: p.row.subBenefit } : {}),
    ...(p.row.amountType ? { amountType: p.row.amountType } : {}),
    net: String(p.net),
    paidOn: dayIn(period, p.offset, p.day),
    ref: `r${p.ref}`,
  }));

/** A household (from SSBTEK's start) with 0–6 registered payments. */
const withAgency: fc.Arbitrary<WithAgency> = household
  .filter((h) => h.period >= '2014-07')
  .chain((h) => {
    const ids = h.members.map((m) => String(m['id']));
    return fc.array(payment(h.period, ids), { maxLength: 6 }).map((registeredIncomes) => ({ ...h, registeredIncomes }));
  });

/** The decision without what names input positions (the permutation moves them) and the input hash (also on the worksheet). */
function positionFree(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(positionFree);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (!['index', 'registeredIncome', 'registeredPayments', 'inputHash', 'paymentIndex'].includes(k)) out[k] = positionFree(v);
  // The worksheet prints the input hash on its version line.
  if (typeof out['worksheetText'] === 'string') out['worksheetText'] = out['worksheetText'].replace(/indata sha256:[0-9a-f]+/, 'indata');
  return out;
}

describe('agency data properties', () => {
  // Issue 20: a failed answer does not withhold aid (was: never approve, partial or deny). The proposal is
  // the one computed on what is known, and it always asks a person to verify before deciding.
  it('a failed agency answer gives the proposal computed on what is known, always for a person to verify', () => {
    fc.assert(
      fc.property(withAgency, fc.constantFrom('fk', 'pm', 'akassa', 'csn', 'af', 'skv', 'migrationsverket'), (h, agency) => {
        // A failed answer cannot sit beside payments from the same agency for that member (input error): pick a member without.
        const member = h.members.map((m) => String(m['id'])).find((id) => !h.registeredIncomes.some((p) => p['memberId'] === id && p['agency'] === agency));
        fc.pre(member !== undefined);
        const known = run(h);
        const d = run({ ...h, agencyAnswers: [{ memberId: member, agency, status: 'failed' }] });
        expect([d.outcome, d.payable, d.need]).toEqual([known.outcome, known.payable, known.need]);
        expect(d.requiresAssessment).toBe(true);
        expect(d.flags.some((f) => f.code === 'AGENCY_ANSWER_MISSING' && f.severity === 'assessment' && f.memberId === member && f.agency === agency)).toBe(true);
        if (d.childImpact !== null && d.outcome === 'needs-information') expect(d.childImpact.notes.join(' ')).not.toContain('inget avslag som påverkar barnen');
      }),
      RUNS,
    );
  });

  it('the same payment declared and registered is counted once', () => {
    fc.assert(
      fc.property(
        withAgency.chain((h) => payment(h.period, h.members.map((m) => String(m['id'])), COUNT_ROWS, [-1]).map((p) => ({ h, p }))),
        ({ h, p }) => {
          const row = COUNT_ROWS.find((r) => r.agency === p['agency'] && r.benefit === p['benefit'] && (r.subBenefit ?? undefined) === p['subBenefit'])!;
          const registered = { ...h, registeredIncomes: [...h.registeredIncomes, p] };
          const both = { ...registered, incomes: [...h.incomes, { memberId: p['memberId'] as string, type: row.incomeType!, amount: p['net'] as string }] };
          const a = run(registered);
          const b = run(both);
          expect(b.income.counted).toBe(a.income.counted);
          expect(b.payable).toBe(a.payable);
        },
      ),
      RUNS,
    );
  });

  it('a payment outside M−2..M−1 never changes payable', () => {
    fc.assert(
      fc.property(withAgency.chain((h) => payment(h.period, h.members.map((m) => String(m['id'])), ALL_ROWS, [-5, -4, -3, 0, 1]).map((p) => ({ h, p }))), ({ h, p }) => {
        const a = run(h);
        const b = run({ ...h, registeredIncomes: [...h.registeredIncomes, p] });
        expect(b.payable).toBe(a.payable);
        expect(b.outcome).toBe(a.outcome);
      }),
      RUNS,
    );
  });

  it('permuting registeredIncomes never changes the decision', () => {
    fc.assert(
      fc.property(withAgency.chain((h) => fc.shuffledSubarray(h.registeredIncomes, { minLength: h.registeredIncomes.length }).map((shuffled) => ({ h, shuffled }))), ({ h, shuffled }) => {
        const a = run(h);
        const b = run({ ...h, registeredIncomes: shuffled });
        expect(positionFree(b)).toEqual(positionFree(a));
      }),
      RUNS,
    );
  });

  it('no payment with a known förmån is ever UNHANDLED_INCOME: a row’s own benefit, or a family payment whose förmån or amount type a row knows', () => {
    const families = map.families;
    const known = fc.oneof(
      // A row's own words (with its sub-benefit, amount type or one of its amounts).
      fc.constantFrom(...ALL_ROWS).map((r) => ({ agency: r.agency, benefit: r.benefit, subBenefit: r.subBenefit, amountType: r.amountType, net: r.netAmounts?.[0] ?? null })),
      // A family, its förmån the benefit of a row of the agency, with any amount type.
      fc.tuple(fc.constantFrom(...families), fc.constantFrom(...ALL_ROWS), fc.constantFrom(null, 'Belopp', 'Preliminärskatt', 'Retro')).filter(([f, r]) => r.agency === f.agency && r.subBenefit === null && r.amountType === null && r.netAmounts === null)
        .map(([f, r, type]) => ({ agency: f.agency, benefit: f.benefit, subBenefit: r.benefit.toUpperCase(), amountType: type, net: null })),
      // A family whose förmån is a category (Arbetsmarknadspolitiskt program) and whose amount type names the benefit.
      fc.tuple(fc.constantFrom(...families), fc.constantFrom(...ALL_ROWS)).filter(([f, r]) => r.agency === f.agency && r.subBenefit === null && r.amountType === null && r.netAmounts === null)
        .map(([f, r]) => ({ agency: f.agency, benefit: f.benefit, subBenefit: 'Arbetsmarknadspolitiskt program', amountType: ` ${r.benefit} `, net: null })),
    );
    fc.assert(
      fc.property(withAgency, known, fc.integer({ min: 1, max: 30000 }), fc.constantFrom(-2, -1), (h, k, amount, offset) => {
        const payment = {
          memberId: 'a1', agency: k.agency, benefit: k.benefit, net: k.net ?? String(amount), paidOn: dayIn(h.period, offset, 15), ref: 'KNOWN',
          ...(k.subBenefit !== null ? { subBenefit: k.subBenefit } : {}), ...(k.amountType !== null ? { amountType: k.amountType } : {}),
        };
        const d = run({ ...h, registeredIncomes: [...h.registeredIncomes, payment] });
        const index = h.registeredIncomes.length;
        const out = d.income.registered.find((r) => r.index === index)!;
        expect(out.use).not.toBe('unhandled');
        expect(d.flags.filter((f) => f.code === 'UNHANDLED_INCOME' && f.paymentIndex === index)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('a benefit the rules do not know never changes payable (and is flagged UNHANDLED_INCOME)', () => {
    const unknown = fc.record({ agency: fc.constantFrom('fk', 'pm', 'akassa', 'csn', 'skv'), name: fc.constantFrom('Bilstöd', 'Resebidrag', 'Okänd förmån', 'Tandvårdsbidrag') });
    fc.assert(
      fc.property(withAgency, unknown, fc.integer({ min: 1, max: 30000 }), fc.constantFrom(-2, -1), (h, u, net, offset) => {
        const a = run(h);
        const b = run({ ...h, registeredIncomes: [...h.registeredIncomes, { memberId: 'a1', agency: u.agency, benefit: u.name, net: String(net), paidOn: dayIn(h.period, offset, 15) }] });
        expect(b.payable).toBe(a.payable);
        expect(b.outcome).toBe(a.outcome);
        if (b.income.registered.some((r) => r.benefit === u.name && r.use === 'unhandled')) expect(b.flags.some((f) => f.code === 'UNHANDLED_INCOME' && f.benefit === u.name)).toBe(true);
      }),
      RUNS,
    );
  });
});
