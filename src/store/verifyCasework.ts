/**
 * `audit verify` for the caseworker's workday (issue 22): the registered decisions in the chain, the
 * index rows and payment orders beside them, the payment events and files, and the case log. The chain
 * itself (verify.ts) already proves that no record was edited; this checks what the records say:
 *
 * - every registered decision names a proposal (or, for a change, a registered decision) recorded
 *   before it, with that record's hash, of the same case and month;
 * - a case and month has one first decision, and each decision is changed at most once;
 * - its orders add up to what was left to pay, to the öre, and to the amount decided less what earlier
 *   decisions of the line had paid;
 * - the index tables (registered_decisions, payment_orders) say exactly what the records say, and
 *   every registration record has its index row;
 * - the letters made for registered decisions (letters.ts) hash to what their rows say and name a
 *   registration of the chain;
 * - the payment events and the case log are intact side chains; every event names a known order; an
 *   order is stopped or exported at most once, never exported after it was stopped or after its decision
 *   was changed; each exported file hashes to what its events say, with their count and control total.
 */
import type Database from 'better-sqlite3';
import { canonicalJson, sha256 } from '../canonical.ts';
import { orderIdOf } from '../casework/register.ts';
import type { RegisteredDecision, RegistrationInput } from '../casework/types.ts';
import { add, parseKronor, subtract, sum, ZERO, type Ore } from '../money/index.ts';
import { logColumns, paymentEventColumns } from './casework.ts';
import { verifyLetters } from './letters.ts';
import { verifySide } from './sideChain.ts';
import type { DecisionStore, StoredRecord } from './store.ts';

export interface CaseworkProblem {
  readonly kind: 'registered' | 'payments' | 'log' | 'letters';
  readonly seq: number | null;
  readonly decisionId: string | null;
  readonly message: string;
}

/** Whether a stored decision is a registered decision (cheap test first: most records are proposals). */
export function isRegistrationJson(decisionJson: string): boolean {
  return decisionJson.includes('"recordKind":"registered-decision"') && (JSON.parse(decisionJson) as { recordKind?: unknown }).recordKind === 'registered-decision';
}

const has = (db: Database.Database, table: string) => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
const ore = (text: string | null | undefined): Ore => (text == null ? ZERO : (parseKronor(text) ?? ZERO));

export function verifyCasework(store: DecisionStore, registrations: readonly StoredRecord[]): CaseworkProblem[] {
  const problems: CaseworkProblem[] = [];
  const bad = (kind: CaseworkProblem['kind'], r: StoredRecord | null, message: string) => problems.push({ kind, seq: r?.seq ?? null, decisionId: r?.decisionId ?? null, message: r ? `record #${r.seq} ${r.decisionId}: ${message}` : message });

  // ---- the registered decisions as the chain records them
  const firsts = new Map<string, string>();
  const changedBy = new Map<string, string>();
  const byId = new Map<string, { record: StoredRecord; input: RegistrationInput; decision: RegisteredDecision }>();
  for (const r of registrations) {
    const input = JSON.parse(r.inputJson) as RegistrationInput;
    const decision = JSON.parse(r.decisionJson) as RegisteredDecision;
    byId.set(r.decisionId, { record: r, input, decision });
    const proposal = store.get(input.proposal.decisionId);
    if (!proposal || proposal.seq >= r.seq) bad('registered', r, `its proposal ${input.proposal.decisionId} is not recorded before it`);
    else if (proposal.recordHash !== input.proposal.recordHash) bad('registered', r, `its proposal ${input.proposal.decisionId} does not have the hash it was decided on`);
    else if (proposal.caseId !== input.caseId || proposal.period !== input.period) bad('registered', r, `its proposal is of another case or month`);
    if (r.caseId !== input.caseId || r.period !== input.period || decision.caseId !== input.caseId || decision.period !== input.period) bad('registered', r, 'its case or month differs between the record, its input and its decision');
    const key = `${input.caseId}\u0000${input.period}`;
    if (input.change === null) {
      const other = firsts.get(key);
      if (other) bad('registered', r, `a second first decision for case ${input.caseId} ${input.period} (the first is ${other}): a decision is registered once`);
      else firsts.set(key, r.decisionId);
    } else {
      const earlier = byId.get(input.change.of);
      if (!earlier || earlier.record.recordHash !== input.change.ofHash) bad('registered', r, `the decision it changes, ${input.change.of}, is not a registered decision recorded before it with that hash`);
      else if (earlier.input.caseId !== input.caseId || earlier.input.period !== input.period) bad('registered', r, 'it changes a decision of another case or month');
      const twice = changedBy.get(input.change.of);
      if (twice) bad('registered', r, `${input.change.of} was already changed by ${twice}: a decision is changed once, a later change names the newest`);
      else changedBy.set(input.change.of, r.decisionId);
    }
    // The orders add up, to the öre.
    const orders = sum(decision.orders.map((o) => ore(o.amount)));
    const paid = input.alreadyPaid.reduce<Ore>((s, a) => add(s, ore(a.amount)), ZERO);
    const payable = ore(decision.payable);
    const toPay = payable > paid ? subtract(payable, paid) : ZERO;
    if (orders !== ore(decision.toPay) || ore(decision.toPay) !== toPay) bad('registered', r, `its payment orders (${orders / 100} kr) do not add up to what was left to pay (${toPay / 100} kr)`);
    if (decision.outcome !== input.outcome || decision.payable !== input.payable || decision.decidedBy !== input.decidedBy || decision.decidedOn !== input.decidedOn) bad('registered', r, 'its decision does not say what its input says');
  }

  store.withConnection((db) => {
    if (has(db, 'registered_decisions')) {
      const indexed = new Set<string>();
      for (const row of db.prepare<[], Record<string, string | number | null>>('SELECT * FROM registered_decisions').iterate()) {
        const id = row['decision_id'] as string;
        indexed.add(id);
        const entry = byId.get(id);
        if (!entry) {
          bad('registered', null, `registered_decisions names ${id}, which is not a registered decision in the chain`);
          continue;
        }
        const { record, input, decision } = entry;
        const expected: Record<string, string | number | null> = {
          case_id: input.caseId,
          period: input.period,
          proposal_id: input.proposal.decisionId,
          supersedes: input.change?.of ?? null,
          change_kind: input.change?.kind ?? null,
          outcome: decision.outcome,
          payable_ore: ore(decision.payable),
          decided_on: decision.decidedOn,
          decided_by: decision.decidedBy,
          delegation: decision.delegation,
          recorded_at: record.recordedAt,
        };
        for (const [column, value] of Object.entries(expected)) if (row[column] !== value) bad('registered', record, `its index row's ${column} (${JSON.stringify(row[column])}) differs from the record (${JSON.stringify(value)})`);
      }
      for (const id of byId.keys()) if (!indexed.has(id)) bad('registered', byId.get(id)!.record, 'it has no row in registered_decisions');
    }

    if (has(db, 'payment_orders')) {
      const orderIds = new Set<string>();
      for (const row of db.prepare<[], Record<string, string | number>>('SELECT * FROM payment_orders').iterate()) {
        const id = row['order_id'] as string;
        orderIds.add(id);
        const entry = byId.get(row['decision_id'] as string);
        const order = entry?.decision.orders.find((o) => orderIdOf(entry.record.decisionId, o.line) === id);
        if (!entry || !order) {
          bad('payments', null, `payment order ${id} is not an order of a registered decision in the chain: no payment without a registered decision`);
          continue;
        }
        const expected: Record<string, string | number> = { line: order.line, case_id: entry.input.caseId, period: entry.input.period, recipient: order.recipient, name: order.name, scheme: order.scheme, account: order.account, amount_ore: ore(order.amount), pay_on: order.payOn, reference: order.reference };
        for (const [column, value] of Object.entries(expected)) if (row[column] !== value) bad('payments', entry.record, `payment order ${id}: its ${column} (${JSON.stringify(row[column])}) differs from the decision (${JSON.stringify(value)})`);
      }
      for (const { record, decision } of byId.values()) {
        for (const o of decision.orders) if (!orderIds.has(orderIdOf(record.decisionId, o.line))) bad('payments', record, `its order ${orderIdOf(record.decisionId, o.line)} has no row in payment_orders`);
      }
    }

    if (has(db, 'payment_events')) {
      for (const p of verifySide(db, 'payment_events', paymentEventColumns)) problems.push({ kind: 'payments', seq: null, decisionId: null, message: p.message });
      const done = new Map<string, string>();
      const exports = new Map<string, { count: number; total: Ore; declared: { count: number; total: string; sha: string } }>();
      const supersededAt = new Map<string, string>();
      for (const { record, input } of byId.values()) if (input.change) supersededAt.set(input.change.of, record.recordedAt);
      for (const row of db.prepare<[], { seq: number; at: string; kind: string; order_id: string | null; export_id: string | null; entry_json: string }>('SELECT seq, at, kind, order_id, export_id, entry_json FROM payment_events ORDER BY seq').iterate()) {
        const entry = JSON.parse(row.entry_json) as { amount?: string; count?: number; controlTotal?: string; fileSha256?: string };
        const at = `payment_events #${row.seq}`;
        const orderId = row.order_id ?? '';
        const decisionId = orderId.replace(/-[0-9]+$/, '');
        const order = byId.get(decisionId)?.decision.orders.find((o) => orderIdOf(decisionId, o.line) === orderId);
        if (!order) {
          bad('payments', null, `${at}: names ${orderId || 'no order'}, which is not an order of a registered decision`);
          continue;
        }
        const before = done.get(orderId);
        if (before) bad('payments', null, `${at}: order ${orderId} was already ${before}: an order is stopped or exported once`);
        done.set(orderId, row.kind === 'stop' ? 'stopped' : 'exported');
        if (row.kind === 'export') {
          const changed = supersededAt.get(decisionId);
          if (changed !== undefined && changed <= row.at) bad('payments', null, `${at}: order ${orderId} was exported after its decision was changed (${changed})`);
          if (entry.amount !== order.amount) bad('payments', null, `${at}: exports ${entry.amount} kr for order ${orderId} of ${order.amount} kr`);
          const e = exports.get(row.export_id ?? '') ?? { count: 0, total: ZERO, declared: { count: entry.count ?? -1, total: entry.controlTotal ?? '', sha: entry.fileSha256 ?? '' } };
          e.count += 1;
          e.total = add(e.total, ore(order.amount));
          exports.set(row.export_id ?? '', e);
        }
      }
      for (const [exportId, e] of exports) {
        if (e.count !== e.declared.count || e.total !== ore(e.declared.total)) bad('payments', null, `export ${exportId}: its file declares ${e.declared.count} orders and a control total of ${e.declared.total} kr, its events hold ${e.count} orders and ${e.total / 100} kr`);
        const file = has(db, 'payment_files') ? db.prepare<[string], { sha256: string; content: string }>('SELECT sha256, content FROM payment_files WHERE export_id = ?').get(exportId) : undefined;
        if (!file) bad('payments', null, `export ${exportId}: its file is missing`);
        else if (sha256(file.content) !== file.sha256 || file.sha256 !== e.declared.sha) bad('payments', null, `export ${exportId}: the stored file does not hash to what its events say: it was edited`);
      }
    }

    if (has(db, 'case_log')) {
      for (const p of verifySide(db, 'case_log', logColumns)) problems.push({ kind: 'log', seq: null, decisionId: null, message: p.message });
    }

    // The letters made for registered decisions (issue 21): each hashes to what its row says (letters.ts).
    for (const p of verifyLetters(db, new Map([...byId].map(([id, e]) => [id, e.record.recordHash])))) problems.push({ kind: 'letters', seq: null, decisionId: p.decisionId, message: p.message });

    // Stores from before issue 22 may hold caseworker decisions beside the chain (caseworker_decisions,
    // one sha256 over each row's content): still checked, never written any more.
    if (has(db, 'caseworker_decisions')) {
      for (const r of db.prepare<[], Record<string, string>>('SELECT * FROM caseworker_decisions ORDER BY id').iterate()) {
        const content = {
          decidedBy: r['decided_by'],
          decidedOn: r['decided_on'],
          delegation: r['delegation'],
          outcome: r['outcome'],
          letterKind: r['letter_kind'],
          letterText: r['letter_text'],
          childAnswers: JSON.parse(r['child_answers']!) as unknown,
          decisionId: r['decision_id'],
          recordHash: r['record_hash'],
          recordedAt: r['recorded_at'],
        };
        if (sha256(canonicalJson(content)) !== r['content_hash']) bad('registered', null, `caseworker_decisions: the row for ${r['decision_id']} no longer hashes to its content_hash: it was edited`);
      }
    }
  });
  return problems;
}
