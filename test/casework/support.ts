/**
 * What the case-status tests share (issue 30): registering a decision on a stored proposal as a
 * decision maker would (every point acknowledged, the whole amount to the applicant's account), the
 * payment file they export, and Kontaktcenter's lookup at a given moment.
 */
import { itemsOf } from '../../src/casework/items.ts';
import { controlTotal, pain001, type FileOrder, type Payer } from '../../src/casework/pain001.ts';
import { registerDecision } from '../../src/casework/workday.ts';
import type { Decision } from '../../src/explain/contract.ts';
import { CaseDesk, type CaseStatus } from '../../src/store/casedesk.ts';
import type { CaseWork } from '../../src/store/casework.ts';
import { withCheckDigit } from '../web/support/workday.ts';

export const PERSON = { user: 'Karin Beslutsfattare', role: 'beslutsfattare', delegation: 'Delegationsordning punkt 4.2' };

/** Registers the proposal's own outcome and amount on `decidedOn`, paid to the applicant on `payOn` (account number n); the registered decision's id. */
export function registerOn(cw: CaseWork, id: string, d: Decision, decidedOn: string, payOn: string, n: number): string {
  const result = registerDecision(
    cw,
    id,
    {
      decidedOn,
      outcome: d.outcome,
      payable: d.payable,
      acknowledgements: itemsOf(d).map((i) => ({ item: i.id, comment: 'Bedömt.' })),
      payments: Number(d.payable) > 0 ? [{ recipient: 'applicant', name: `Sökande ${d.caseId}`, account: { scheme: 'bank', number: `8327-9, ${String(100000000 + n).slice(0, 9)}-${n % 10}` }, amount: d.payable, payOn }] : [],
    },
    PERSON,
    'handläggning',
  );
  if (!result.ok) throw new Error(`${d.caseId}: ${JSON.stringify(result.problems)}`);
  return result.decisionId;
}

export const PAYER: Payer = { name: 'Sundsvalls kommun, Individ- och arbetsmarknadsnämnden', organisationNumber: '2120002411', account: { scheme: 'bankgiro', number: withCheckDigit('100200') }, bic: null };
/** The payment file of an export (CaseWork.exportOrders' builder). */
export const payFile = (orders: readonly FileOrder[], exportId: string, createdAt: string) => ({ fileName: `${exportId}.xml`, content: pain001(exportId, createdAt, PAYER, orders), controlTotal: controlTotal(orders) });

/** Kontaktcenter's lookup of a case in the store at `at` (a logged lookup, as the page makes it). */
export function lookAt(store: string, caseId: string, at: string): CaseStatus {
  const desk = CaseDesk.open(store, { clock: () => new Date(at) });
  try {
    return desk.lookup({ caseId, who: 'maria.kc', purpose: 'Personen ringer om sitt ärende' })!;
  } finally {
    desk.close();
  }
}
