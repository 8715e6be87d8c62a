/**
 * A decision store for the unit's statistics (issue 25 item 3): proposals recorded as the preview's
 * "Till beslut" records them and decisions registered on them month by month, so the page's figures
 * can be computed by hand from what was registered. Three households are paid ten of the twelve months
 * up to March 2026 (long-term in March, not before; L-7 with a gap of two months); the others are
 * paid, refused or partly refused in February and March.
 */
import { join } from 'node:path';
import { itemsOf } from '../../../src/casework/items.ts';
import { registerDecision } from '../../../src/casework/workday.ts';
import { contractDecision, type Decision } from '../../../src/explain/contract.ts';
import { luhnCheckDigit } from '../../../src/household/personnummer.ts';
import { evaluateHousehold } from '../../../src/index.ts';
import type { VersionedRuleSet } from '../../../src/rulebook/types.ts';
import { CaseWork } from '../../../src/store/casework.ts';
import { rulesFor } from '../../support/engine.ts';
import { childAnswersFor, HOUSEHOLD_CHILD_ANSWERS } from './workday.ts';

/** A valid personnummer YYYYMMDD-NNNC for a birth date and a three-digit serial. */
export const pnr = (birth: string, serial: string) => {
  const d = birth.replaceAll('-', '');
  return `${d}-${serial}${luhnCheckDigit(`${d.slice(2)}${serial}`)}`;
};

const adult = (id: string, role: string, birthDate: string, gender: string, serial: string, supportObstacle: string) => ({ id, role, birthDate, gender, personnummer: pnr(birthDate, serial), availableForWork: true, supportObstacle, name: `Person ${id}${serial}` });
const child = (id: string, birthDate: string) => ({ id, role: 'child', birthDate });

export interface Case {
  readonly caseId: string;
  readonly members: readonly object[];
  readonly rent: string;
  /** Per month: approve (the proposal's payable), partial (this amount) or deny. */
  readonly months: Readonly<Record<string, 'approve' | 'deny' | { partial: string }>>;
}

const TEN_MONTHS = ['2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03'];

export const CASES: readonly Case[] = [
  { caseId: 'L-1', members: [adult('a', 'applicant', '1975-04-02', 'female', '482', 'arbetslos-ingen-ersattning')], rent: '5200', months: Object.fromEntries(TEN_MONTHS.map((p) => [p, 'approve'])) },
  { caseId: 'L-6', members: [adult('a', 'applicant', '1968-12-24', 'male', '611', 'arbetslos-ingen-ersattning')], rent: '4900', months: Object.fromEntries(TEN_MONTHS.map((p) => [p, 'approve'])) },
  { caseId: 'L-7', members: [adult('a', 'applicant', '1979-10-10', 'female', '728', 'arbetslos-ingen-ersattning')], rent: '5600', months: Object.fromEntries(['2025-04', '2025-05', ...TEN_MONTHS.slice(2)].map((p) => [p, 'approve'])) },
  { caseId: 'A-2', members: [adult('a', 'applicant', '1988-08-08', 'male', '293', 'sjukskriven-vantar-sjukpenning'), child('c1', '2016-01-05'), child('c2', '2019-06-30')], rent: '7400', months: { '2026-02': 'approve', '2026-03': 'approve' } },
  { caseId: 'B-3', members: [adult('a', 'applicant', '1980-01-10', 'male', '234', 'saknar-barnomsorg'), adult('b', 'partner', '1982-03-03', 'female', '345', 'saknar-barnomsorg'), child('c', '2012-03-02')], rent: '8100', months: { '2026-03': 'approve' } },
  { caseId: 'C-4', members: [adult('a', 'applicant', '1993-05-05', 'female', '566', 'arbetslos-ingen-ersattning'), child('c', '2021-09-09')], rent: '6100', months: { '2026-03': 'deny' } },
  { caseId: 'D-5', members: [adult('a', 'applicant', '1999-09-09', 'male', '567', 'etablering-vantar')], rent: '4800', months: { '2026-03': { partial: '1000.50' } } },
];

export const PERSON = { user: 'Karin Beslutsfattare', role: 'beslutsfattare', delegation: 'Delegationsordning punkt 4.2' };

/** What was paid, per case and month, in öre (the sum of the orders registered): the hand computation's basis. */
export type Paid = Map<string, Map<string, number>>;

/** Records and registers every case's months in `dir`/records.sqlite; returns the store and what was paid. */
export function statisticsStore(dir: string, cases: readonly Case[] = CASES): { store: string; paid: Paid } {
  const store = join(dir, 'records.sqlite');
  const paid: Paid = new Map();
  let n = 0;
  const periods = [...new Set(cases.flatMap((c) => Object.keys(c.months)))].sort();
  for (const period of periods) {
    const cw = CaseWork.open(store, { create: true, clock: () => new Date(`${period}-04T09:00:00Z`) });
    try {
      for (const c of cases) {
        const what = c.months[period];
        if (what === undefined) continue;
        const household = { caseId: c.caseId, period, municipality: '2281', members: c.members, costs: [{ type: 'rent', amount: c.rent }], circumstances: { availableForWork: true } };
        let ruleSet: VersionedRuleSet | undefined;
        const result = evaluateHousehold(household, (p, m, d) => (ruleSet = rulesFor(p, m, d)));
        if (!result.ok) throw new Error(`${c.caseId} ${period}: ${JSON.stringify(result.issues)}`);
        const ref = cw.store.record({ input: household, decision: result.decision, ruleSet: ruleSet! });
        const d = contractDecision(result.decision, result) as Decision;
        const acknowledgements = itemsOf(d).map((i) => ({ item: i.id, comment: 'Bedömt.' }));
        const decidedOn = `${period}-04`;
        n += 1;
        const account = { scheme: 'bank', number: `8327-9, ${String(100000000 + n).slice(0, 9)}-${n % 10}` };
        const body =
          what === 'deny'
            ? { decidedOn, acknowledgements, outcome: 'deny', payable: '0', reason: 'Inkomsten täcker behovet enligt utredningen.' }
            : what === 'approve'
              ? { decidedOn, acknowledgements, outcome: d.outcome, payable: d.payable, payments: [{ recipient: 'applicant', name: 'Sökande', account, amount: d.payable, payOn: `${period}-05` }] }
              : { decidedOn, acknowledgements, outcome: 'partial', payable: what.partial, reason: 'Delvis bifall: bara hyran för halva månaden.', payments: [{ recipient: 'applicant', name: 'Sökande', account, amount: what.partial, payOn: `${period}-05` }] };
        // A refusal touching children is registered with the barnkonsekvens answers (issue 21 item 2): per
        // child, and the household's questions 8 and 9 when the proposal did not ask them.
        const refusing = body.outcome === 'deny' || body.outcome === 'partial';
        const childAnswers = refusing && (d.childImpact?.children ?? []).length > 0
          ? [...childAnswersFor(d, body.outcome), ...HOUSEHOLD_CHILD_ANSWERS]
          : [];
        const registered = registerDecision(cw, ref.decisionId, { ...body, childAnswers }, PERSON, 'handläggning');
        if (!registered.ok) throw new Error(`${c.caseId} ${period}: ${JSON.stringify(registered.problems)}`);
        if (body.outcome !== 'deny') {
          const amount = Math.round(Number(body.payable) * 100);
          if (!paid.has(c.caseId)) paid.set(c.caseId, new Map());
          paid.get(c.caseId)!.set(period, amount);
        }
      }
    } finally {
      cw.close();
    }
  }
  return { store, paid };
}

/** Every personnummer of the store's households (for the test that none is shown). */
export const PERSONNUMMER = CASES.flatMap((c) => c.members.flatMap((m) => ('personnummer' in m ? [String((m as { personnummer: string }).personnummer)] : [])));
