/**
 * The case view's data (issue 22): everything a person needs to decide a case from the queue, read
 * from the store, with every code in Swedish beside it. The stored application is the household; the
 * proposal, last month's decision, the comparison, the registered agency payments, the points to mark,
 * the registered decisions of the case and month with their journal notes, their payment orders, and
 * what the form starts from (the proposal's outcome and amount, today, a payment plan).
 */
import { itemsOf } from '../../casework/items.ts';
import { suggestPayments, type SuggestedPayment } from '../../casework/suggest.ts';
import { missingSupportObstacleNote } from '../../casework/supportObstacle.ts';
import type { RegisteredDecision } from '../../casework/types.ts';
import { CHANGE_SV, journalNoteSv, ORDER_STATUS_SV, OUTCOME_SV, reasonSv, RECIPIENT_SV, ROUTING_SV, SCHEME_SV } from '../../explain/casework.ts';
import type { Decision } from '../../explain/contract.ts';
import { People } from '../../explain/people.ts';
import { formatKronor, parseKronor, subtract, sum, ZERO } from '../../money/index.ts';
import type { Routing } from '../../monthly/propose.ts';
import type { CaseWork, OrderRow } from '../../store/casework.ts';
import { renderedDecision } from '../../store/read.ts';
import type { StoredRecord } from '../../store/store.ts';

export interface CaseViewOptions {
  readonly today: string;
  readonly may: { readonly register: boolean; readonly stop: boolean };
  /** The viewer's role may see a protected member's name: the points name them; else they are described ("sökanden"). */
  readonly seesProtectedIdentity?: boolean;
}

/** An order with its Swedish words. */
export function orderView(o: OrderRow) {
  return { ...o, recipientText: RECIPIENT_SV[o.recipient] ?? o.recipient, schemeText: SCHEME_SV[o.scheme] ?? o.scheme, statusText: ORDER_STATUS_SV[o.status] ?? o.status };
}

function registeredView(decisionId: string, recordedAt: string, d: RegisteredDecision) {
  return {
    decisionId,
    recordedAt,
    ...d,
    outcomeText: OUTCOME_SV[d.outcome] ?? d.outcome,
    changeText: d.change ? (CHANGE_SV[d.change.kind] ?? d.change.kind) : null,
    journalText: journalNoteSv(d, decisionId),
  };
}

const applicantName = (household: Record<string, unknown>): string => {
  const members = Array.isArray(household['members']) ? (household['members'] as Record<string, unknown>[]) : [];
  const a = members.find((m) => m['role'] === 'applicant');
  return typeof a?.['name'] === 'string' && a['name'].trim() !== '' ? a['name'] : 'Sökande';
};

/** The case view of a proposal record (the caller has checked that it is one). */
export function caseView(cw: CaseWork, record: StoredRecord, options: CaseViewOptions) {
  const household = JSON.parse(record.inputJson) as Record<string, unknown>;
  // The household's people as the case work names them; a protected member described, not named, to a role that may not see them.
  const people = People.fromInput(household, { masked: options.seesProtectedIdentity !== true });
  // As stored (form 1) or rendered from the record's data (form 2, src/store/read.ts), its texts naming the people.
  const proposal = renderedDecision(cw.store, record, people) as Decision & { routing?: Routing };
  const caseId = proposal.caseId;
  const routing = proposal.routing ?? null;
  const previousRecord = routing?.previousDecisionId ? cw.store.get(routing.previousDecisionId) : undefined;
  const previous = previousRecord ? (renderedDecision(cw.store, previousRecord) as Decision) : null;
  const previousLine = previousRecord && caseId !== null ? cw.lineage(caseId, previousRecord.period) : [];
  const line = caseId === null ? [] : cw.lineage(caseId, proposal.period);
  const registered = line.map((r) => {
    const full = cw.registered(r.decisionId)!;
    return registeredView(r.decisionId, r.recordedAt, full.decision);
  });
  const orders = line.length === 0 ? [] : cw.orders({ decisionIds: line.map((r) => r.decisionId) });
  const paid = cw.paidIn(line);
  const paidOre = sum(paid.map((p) => parseKronor(p.amount)!));
  const newest = line.at(-1);
  const decidedPayable = newest ? parseKronor(newest.payable)! : null;
  const base = proposal.payable === null ? ZERO : (parseKronor(proposal.payable) ?? ZERO);
  const rent = proposal.costs.items.find((c) => c.type === 'rent')?.accepted ?? null;
  const decidedOn = options.today;
  const toPay = (decidedPayable ?? base) > paidOre ? subtract(decidedPayable ?? base, paidOre) : ZERO;
  const suggested: SuggestedPayment[] =
    proposal.outcome === 'approve' || proposal.outcome === 'partial'
      ? suggestPayments({ caseId: caseId ?? '', period: proposal.period, toPay: formatKronor(toPay), decidedOn, applicantName: applicantName(household), acceptedRent: rent, earlier: cw.latestRegisteredBefore(caseId ?? '', proposal.period)?.orders ?? [] })
      : [];
  const changes = proposal.trace
    .filter((s) => s.rule.startsWith('monthly/compare#') || s.rule === 'monthly/checks' || s.step === 'monthly.dayCheck' || s.step === 'monthly.studySupport')
    .map((s) => ({ step: s.step, text: s.text, changed: s.result !== 'UNCHANGED', code: typeof s.result === 'string' && s.result !== 'UNCHANGED' ? s.result : null, codeText: typeof s.result === 'string' && s.result !== 'UNCHANGED' ? reasonSv(s.result) : null }));
  const { trace: _trace, ...withoutTrace } = proposal;
  const newestProposal = caseId === null ? null : cw.newestProposal(caseId, proposal.period);
  return {
    decisionId: record.decisionId,
    recordedAt: record.recordedAt,
    caseId,
    period: proposal.period,
    municipality: proposal.municipality,
    household,
    proposal: { ...withoutTrace, outcomeText: OUTCOME_SV[proposal.outcome] ?? proposal.outcome },
    routing: routing === null ? null : { ...routing, toText: ROUTING_SV[routing.to] ?? routing.to, reasons: routing.reasons.map((code) => ({ code, text: reasonSv(code) })), pastDue: line.length === 0 && routing.dueOn !== null && routing.dueOn < options.today },
    previous:
      previousRecord && previous
        ? {
            decisionId: previousRecord.decisionId,
            period: previousRecord.period,
            outcome: previous.outcome,
            outcomeText: OUTCOME_SV[previous.outcome] ?? previous.outcome,
            payable: previous.payable,
            registered: previousLine.length === 0 ? null : { decisionId: previousLine.at(-1)!.decisionId, outcome: previousLine.at(-1)!.outcome, outcomeText: OUTCOME_SV[previousLine.at(-1)!.outcome] ?? previousLine.at(-1)!.outcome, payable: previousLine.at(-1)!.payable },
          }
        : null,
    changes,
    agencyPayments: proposal.income.registered,
    items: itemsOf(proposal, people),
    /** Adults without a försörjningshinder (issue 25): a note, not blocking the proposal; registering is refused until given. */
    supportObstacleMissing: missingSupportObstacleNote(household),
    registered,
    orders: orders.map(orderView),
    alreadyPaid: formatKronor(paidOre),
    newerProposal: newestProposal !== null && newestProposal !== record.decisionId ? newestProposal : null,
    suggestion: {
      decidedOn,
      outcome: proposal.outcome === 'needs-information' ? null : proposal.outcome,
      payable: proposal.payable,
      payments: suggested,
    },
    may: { register: options.may.register && proposal.caseId !== null && newestProposal === record.decisionId && line.length === 0, change: options.may.register && line.length > 0, stop: options.may.stop },
    codes: { outcome: OUTCOME_SV, recipient: RECIPIENT_SV, scheme: SCHEME_SV, change: CHANGE_SV, orderStatus: ORDER_STATUS_SV },
  };
}
