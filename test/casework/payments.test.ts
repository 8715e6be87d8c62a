/**
 * Payments from registered decisions (issue 22). Properties: the orders of a registered decision add
 * up to the decided amount to the öre (less what earlier decisions of the case and month paid), and a
 * plan that does not add up is refused; the file's control total is the sum of its orders. Through the
 * API against a real store: no order without a registered decision, a stopped order never exported,
 * the exported file valid against the pain.001.001.09 schema (libxml2), its control total equal to
 * the registered decisions' amounts to pay, and the chain verifying afterwards.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { controlTotal, pain001, readPayer, type Payer } from '../../src/casework/pain001.ts';
import { deriveRegistered, readRegistration, type ProposalRef } from '../../src/casework/register.ts';
import { formatKronor, parseKronor, type Ore } from '../../src/money/index.ts';
import { CaseWork } from '../../src/store/casework.ts';
import { createApp } from '../../src/web/app.ts';
import { DEFAULT_AUTH } from '../../src/web/kontaktcenter/routes.ts';
import { tempDir } from '../batch/support.ts';
import { book, ROOT } from '../support/engine.ts';
import { CASEWORKER, childAnswersFor, DECIDER, LANDLORD_BANKGIRO, morning, storeProblems, withCheckDigit, type Morning } from '../web/support/workday.ts';

const REFS = { documentation: '14 kap. 3 § SoL (2025:400)', correction: '36 § FL', decisionChange: '37 § FL', personalReview: '38 § FL' };

function proposal(payable: Ore): ProposalRef {
  return {
    decisionId: 'D-00000001-0123456789abcdef',
    recordHash: 'a'.repeat(64),
    decision: { caseId: 'P-1', period: '2026-03', municipality: '2281', outcome: 'approve', payable: formatKronor(payable), flags: [], needsInformation: [], childImpact: null },
  };
}

/** Splits `total` öre into `parts` positive amounts (a random plan), or fewer when the total is small. */
const split = (total: number, cuts: number[]): number[] => {
  const points = [...new Set(cuts.map((c) => 1 + (c % Math.max(1, total - 1))))].filter((p) => p < total).sort((a, b) => a - b);
  const bounds = [0, ...points, total];
  return bounds.slice(1).map((b, i) => b - bounds[i]!);
};

const line = (amount: number, i: number) => ({
  recipient: i === 0 ? 'landlord' : 'applicant',
  name: i === 0 ? 'Bostadsbolaget AB' : 'Sökande',
  account: i === 0 ? { scheme: 'bankgiro', number: LANDLORD_BANKGIRO } : { scheme: 'bank', number: '8327-9, 123456789-0' },
  amount: formatKronor(amount as Ore),
  payOn: '2026-03-11',
});

const PERSON = { user: 'Karin', role: 'beslutsfattare', delegation: 'punkt 4.2' };

describe('property: the orders equal the decision to the öre', () => {
  it('a plan that adds up gives orders summing to the amount decided; one öre off is refused', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000_000_00 }), fc.array(fc.nat(), { maxLength: 4 }), fc.boolean(), (total, cuts, offByOne) => {
        const amounts = split(total, cuts);
        if (offByOne) amounts[amounts.length - 1]! += 1;
        const p = proposal(total as Ore);
        const read = readRegistration({ decidedOn: '2026-03-10', outcome: 'approve', payable: formatKronor(total as Ore), payments: amounts.map(line) }, { proposal: p, ...PERSON, changes: null });
        if (offByOne) {
          expect(read.ok).toBe(false);
          if (!read.ok) expect(read.problems.map((x) => x.code)).toContain('PAYMENTS_DO_NOT_ADD_UP');
          return;
        }
        expect(read.ok).toBe(true);
        if (!read.ok) return;
        const d = deriveRegistered(read.input, p.decision, REFS);
        const orders = d.orders.map((o) => parseKronor(o.amount)!);
        expect(orders.reduce((a, b) => a + b, 0)).toBe(total);
        expect(parseKronor(controlTotal(d.orders))).toBe(total);
        expect(d.toPay).toBe(formatKronor(total as Ore));
      }),
      { numRuns: 300 },
    );
  });

  it('a change pays what is left after what earlier decisions paid, to the öre', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000_00 }), fc.integer({ min: 1, max: 1_000_000_00 }), (decided, paid) => {
        const p = proposal(decided as Ore);
        const left = Math.max(0, decided - paid);
        const changes = { decisionId: 'D-00000002-0123456789abcdef', recordHash: 'b'.repeat(64), proposalId: p.decisionId, acknowledged: [], alreadyPaid: [{ orderId: 'D-00000002-0123456789abcdef-1', amount: formatKronor(paid as Ore) }] };
        const read = readRegistration(
          { decidedOn: '2026-03-10', outcome: 'approve', payable: formatKronor(decided as Ore), payments: left === 0 ? [] : [line(left, 1)], change: { kind: 'andring', reason: 'Ny hyra.' } },
          { proposal: p, ...PERSON, changes },
        );
        expect(read.ok).toBe(true);
        if (!read.ok) return;
        const d = deriveRegistered(read.input, p.decision, REFS);
        expect(parseKronor(d.toPay)! + Math.min(paid, decided)).toBe(decided);
        expect(d.overpaid === null ? 0 : parseKronor(d.overpaid)).toBe(Math.max(0, paid - decided));
      }),
      { numRuns: 200 },
    );
  });
});

const ajv = new Ajv2020({ allErrors: true, strict: false });
const registrationSchema = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schemas/registration.schema.json'), 'utf8')) as object);

describe('the published schemas', () => {
  it('the payer in docs/payments.md is valid against schemas/payer.schema.json and read by serve; a wrong one is refused by both', () => {
    const payerSchema = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schemas/payer.schema.json'), 'utf8')) as object);
    const example = JSON.parse(/```json\n([\s\S]*?)```/.exec(readFileSync(join(ROOT, 'docs/payments.md'), 'utf8'))![1]!) as unknown;
    expect(payerSchema(example), JSON.stringify(payerSchema.errors)).toBe(true);
    expect(readPayer(example).ok).toBe(true);
    const wrong = { ...(example as object), organisationNumber: '12345' };
    expect(payerSchema(wrong)).toBe(false);
    expect(readPayer(wrong).ok).toBe(false);
  });

  it('a body the schema refuses is refused by the API reader too', () => {
    for (const bad of [{ decidedOn: '2026-03-10', outcome: 'maybe', payable: '100' }, { decidedOn: '2026-03-10', outcome: 'approve', payable: 100 }, { outcome: 'approve', payable: '100' }]) {
      expect(registrationSchema(bad)).toBe(false);
      expect(readRegistration(bad, { proposal: proposal(10000 as Ore), ...PERSON, changes: null }).ok).toBe(false);
    }
  });
});

const PAYER: Payer = { name: 'Sundsvalls kommun, Individ- och arbetsmarknadsnämnden', organisationNumber: '2120002411', account: { scheme: 'bankgiro', number: withCheckDigit('100200') }, bic: null };
const dir = tempDir();
let m: Morning;
beforeAll(async () => {
  m = await morning(dir, 24, 11);
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// No letters here (printLetter null): this file checks the payments; the letters made at registration are test/web/workday-letter.test.ts's.
const app = () => createApp({ rulebook: book, storePath: m.store, staff: { storePath: m.store, auth: DEFAULT_AUTH }, clock: () => new Date('2026-03-10T09:00:00Z'), payer: PAYER, printLetter: null });
const post = (path: string, body: unknown, headers = DECIDER) => app().request(path, { method: 'POST', body: JSON.stringify(body), headers: { ...headers, 'Content-Type': 'application/json' } });
const get = async <T>(path: string, headers = DECIDER) => (await (await app().request(path, { headers })).json()) as T;

describe('payment orders and the payment file', () => {
  it('no order without a registered decision: the store refuses one, and every order names a registered decision', () => {
    const db = new Database(m.store);
    try {
      db.pragma('foreign_keys = ON');
      expect(() => db.prepare("INSERT INTO payment_orders (order_id, decision_id, line, case_id, period, recipient, name, scheme, account, amount_ore, pay_on, reference) VALUES ('D-00000099-0123456789abcdef-1', 'D-00000099-0123456789abcdef', 1, 'X', '2026-03', 'applicant', 'X', 'bank', '83279123456789', 100, '2026-03-11', 'x')").run()).toThrow();
      const orphans = db.prepare('SELECT COUNT(*) FROM payment_orders WHERE decision_id NOT IN (SELECT decision_id FROM registered_decisions)').pluck().get();
      expect(orphans).toBe(0);
    } finally {
      db.close();
    }
  });

  it('registers this month, stops one order with a reason, exports the rest: the file is valid pain.001 and its control total equals the decisions', async () => {
    type Q = { items: { decisionId: string; outcome: string }[] };
    type C = { decisionId: string; proposal: { payable: string | null }; items: { id: string }[]; suggestion: { decidedOn: string; outcome: string | null; payments: ReturnType<typeof line>[] } };
    const queue = await get<Q>('/api/queue?pageSize=200');
    let registered = 0;
    const toPay: Ore[] = [];
    for (const item of queue.items.filter((i) => i.outcome === 'approve' || i.outcome === 'partial')) {
      const c = await get<C>(`/api/cases/${item.decisionId}`);
      // A new applicant has no account on file yet: the person fills it in.
      const payments = c.suggestion.payments.map((p) => (p.account.number === '' ? { ...p, account: { scheme: 'bank', number: '8327-9, 987654321-0' } } : p));
      const body = { decidedOn: c.suggestion.decidedOn, outcome: c.suggestion.outcome, payable: c.proposal.payable, acknowledgements: c.items.map((i) => ({ item: i.id, comment: 'Bedömd.' })), childAnswers: childAnswersFor(c.proposal as never, c.suggestion.outcome ?? ''), payments };
      // What the API accepts, the published schema accepts (schemas/registration.schema.json).
      expect(registrationSchema(body), JSON.stringify(registrationSchema.errors)).toBe(true);
      const r = await post(`/api/cases/${c.decisionId}/decision`, body);
      expect(r.status, await r.clone().text()).toBe(201);
      toPay.push(parseKronor(((await r.json()) as { decision: { toPay: string } }).decision.toPay)!);
      registered += 1;
    }
    expect(registered).toBeGreaterThan(3);

    type O = { orders: { orderId: string; amount: string; status: string; payOn: string; recipient: string }[]; controlTotal: string };
    const pending = (await get<O>('/api/payments?status=pending&payOnUpTo=2026-03-31')).orders.filter((o) => o.payOn >= '2026-03-01');
    expect(pending.some((o) => o.recipient === 'landlord')).toBe(true);
    const stopped = pending[0]!;
    expect((await post(`/api/payments/${stopped.orderId}/stop`, { reason: '' })).status).toBe(400);
    const stop = await post(`/api/payments/${stopped.orderId}/stop`, { reason: 'Kontot är avslutat enligt banken.' }, CASEWORKER);
    expect(stop.status).toBe(200);
    expect((await post(`/api/payments/${stopped.orderId}/stop`, { reason: 'Igen.' })).status).toBe(409);

    const exported = await post('/api/payments/export', { payOnUpTo: '2026-03-31' });
    expect(exported.status, await exported.clone().text()).toBe(201);
    const meta = (await exported.json()) as { exportId: string; controlTotal: string; count: number };
    const file = await app().request(`/api/payments/exports/${meta.exportId}`, { headers: DECIDER });
    const xml = await file.text();
    expect(file.status, xml.slice(0, 300)).toBe(200);
    const orders = (await get<O>('/api/payments')).orders;
    expect(orders.filter((o) => o.status === 'exported').map((o) => o.orderId)).not.toContain(stopped.orderId);
    expect(orders.filter((o) => o.status === 'pending')).toEqual([]);
    // The control total: every registered decision's amount to pay (last month's, never exported, and
    // this month's), less the stopped order.
    const cw0 = CaseWork.open(m.store, { readonly: true });
    const decided = [...cw0.store.records()].filter((r) => CaseWork.isRegistration(r)).map((r) => parseKronor(cw0.registered(r.decisionId)!.decision.toPay)!);
    cw0.close();
    expect(decided.length).toBe(m.registered.length + registered);
    const expected = decided.reduce((a, b) => a + b, 0) - parseKronor(stopped.amount)!;
    expect(toPay.every((t) => t > 0)).toBe(true);
    expect(parseKronor(meta.controlTotal)).toBe(expected);
    expect(meta.count).toBe(orders.length - 1);
    expect(xml.match(/<CtrlSum>[^<]*<\/CtrlSum>/)?.[0]).toBe(`<CtrlSum>${(expected / 100).toFixed(2)}</CtrlSum>`);
    expect(xml).not.toContain(stopped.orderId);

    const schema = readFileSync(join(ROOT, 'schemas/pain.001.001.09-bistand.xsd'), 'utf8');
    const valid = await validateXML({ xml: [{ fileName: 'utbetalningar.xml', contents: xml }], schema: [schema] });
    expect(valid.errors).toEqual([]);
    expect(valid.valid).toBe(true);
    // Nothing is left to export: a second export is refused.
    expect((await post('/api/payments/export', { payOnUpTo: '2026-03-31' })).status).toBe(409);

    expect(storeProblems(m.store)).toEqual([]);
  });

  it('the file writer: the control total is the sum of the orders, in kronor with two decimals', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10_000_000_00 }), { minLength: 1, maxLength: 20 }), (amounts) => {
        const orders = amounts.map((a, i) => ({ orderId: `D-00000001-0123456789abcdef-${i + 1}`, name: 'Sökande', scheme: 'bankgiro', account: LANDLORD_BANKGIRO, amount: formatKronor(a as Ore), payOn: '2026-03-11', reference: 'Försörjningsstöd 2026-03' }));
        const xml = pain001('U-2026-03-10-0001', '2026-03-10T09:00:00.000Z', PAYER, orders);
        const total = amounts.reduce((a, b) => a + b, 0);
        expect(xml).toContain(`<CtrlSum>${(total / 100).toFixed(2)}</CtrlSum>`);
        expect(xml).toContain(`<NbOfTxs>${amounts.length}</NbOfTxs>`);
      }),
      { numRuns: 100 },
    );
  });
});
