/**
 * Registering a person's decision on a proposal (issue 22): the request is read and checked against
 * the proposal (readRegistration), and the registered decision is derived from what was read
 * (deriveRegistered). Both are pure: the store (src/store/casework.ts) appends the result to the hash
 * chain, and replay derives it again from the stored input and proposal.
 *
 * What a registration must satisfy:
 * - every flag assessed and every missing fact and required barnkonsekvens question answered, each
 *   with a comment (items.ts);
 * - the outcome is bifall, delvis bifall, avslag or avvisning; an approval pays something, a refusal or
 *   a dismissal nothing;
 * - a decision that differs from the proposal (outcome or amount) says why;
 * - the payment orders add up to the amount to pay, to the öre (less what earlier decisions of the same
 *   case and month already paid, for a change); each has a payee, a valid account, a date and a reference;
 * - the person is signed in with the decision maker's role and a delegation (checked by the web layer).
 */
import { add, formatKronor, parseKronor, subtract, sum, ZERO, type Ore } from '../money/index.ts';
import { isIsoDate } from '../period/index.ts';
import { checkAccount } from './accounts.ts';
import { People } from '../explain/people.ts';
import { itemsOf, matchAcknowledgements, type ProposalItems } from './items.ts';
import {
  CHANGE_KINDS,
  DECIDED_OUTCOMES,
  RECIPIENTS,
  ACCOUNT_SCHEMES,
  type Acknowledgement,
  type AcknowledgedItem,
  type ChangeKind,
  type DecidedOutcome,
  type PaymentLine,
  type RegisteredDecision,
  type RegistrationInput,
} from './types.ts';

export interface Problem {
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

/** The proposal decided on: its record and what registration reads of its decision. */
export interface ProposalRef {
  readonly decisionId: string;
  readonly recordHash: string;
  readonly decision: ProposalItems & {
    readonly caseId: string | null;
    readonly period: string;
    readonly municipality: string | null;
    readonly outcome: string;
    readonly payable: string | null;
  };
  /** The household as stored with the proposal (its input): the points name its people. Absent: the proposal's own texts. */
  readonly household?: unknown;
}

export interface RegistrationContext {
  readonly proposal: ProposalRef;
  /** The signed-in person and the delegation the login proxy gives them. */
  readonly user: string;
  readonly role: string;
  readonly delegation: string;
  /** The decision this one changes, when it is a change: its id and hash, its acknowledged points, and the orders of its line already paid. */
  readonly changes: {
    readonly decisionId: string;
    readonly recordHash: string;
    readonly proposalId: string;
    readonly acknowledged: readonly AcknowledgedItem[];
    readonly alreadyPaid: readonly { readonly orderId: string; readonly amount: string }[];
  } | null;
}

export const REASON_MAX = 2000;
export const NAME_MAX = 70;
export const REFERENCE_MAX = 140;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The reference a payee sees when none is given: what the money is and for which case and month. */
export function defaultReference(caseId: string, period: string): string {
  return `Försörjningsstöd ${period}, ärende ${caseId}`.slice(0, REFERENCE_MAX);
}

function text(o: Record<string, unknown>, key: string, path: string, problems: Problem[], opts: { required: boolean; max: number }): string | null {
  const v = o[key];
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
    if (opts.required) problems.push({ path, code: 'REQUIRED', message: 'Uppgiften krävs.' });
    return null;
  }
  if (typeof v !== 'string') {
    problems.push({ path, code: 'INVALID_FIELD', message: 'Ange en text.' });
    return null;
  }
  if (v.length > opts.max) {
    problems.push({ path, code: 'TOO_LONG', message: `Högst ${opts.max} tecken.` });
    return null;
  }
  return v.trim();
}

function amount(o: Record<string, unknown>, key: string, path: string, problems: Problem[]): Ore | null {
  const v = o[key];
  const parsed = typeof v === 'string' ? parseKronor(v.trim()) : null;
  if (parsed === null) problems.push({ path, code: 'INVALID_AMOUNT', message: 'Ange beloppet i kronor, till exempel "4500" eller "4500.50".' });
  return parsed;
}

function oneOf<T extends string>(o: Record<string, unknown>, key: string, path: string, allowed: readonly T[], problems: Problem[]): T | null {
  const v = o[key];
  if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
  problems.push({ path, code: v === undefined ? 'REQUIRED' : 'INVALID_FIELD', message: `Ange något av: ${allowed.join(', ')}.` });
  return null;
}

function readPayments(raw: unknown, ctx: { caseId: string; period: string; decidedOn: string | null }, problems: Problem[]): PaymentLine[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.push({ path: 'payments', code: 'INVALID_FIELD', message: 'Ange utbetalningarna som en lista.' });
    return [];
  }
  const lines: PaymentLine[] = [];
  raw.forEach((p, i) => {
    const at = `payments[${i}]`;
    if (!isObject(p)) {
      problems.push({ path: at, code: 'INVALID_FIELD', message: 'Ange { recipient, name, account, amount, payOn, reference }.' });
      return;
    }
    const before = problems.length;
    const recipient = oneOf(p, 'recipient', `${at}.recipient`, RECIPIENTS, problems);
    const name = text(p, 'name', `${at}.name`, problems, { required: true, max: NAME_MAX });
    const account = isObject(p['account']) ? p['account'] : {};
    if (!isObject(p['account'])) problems.push({ path: `${at}.account`, code: 'REQUIRED', message: 'Ange mottagarens konto.' });
    const scheme = isObject(p['account']) ? oneOf(account, 'scheme', `${at}.account.scheme`, ACCOUNT_SCHEMES, problems) : null;
    const number = isObject(p['account']) ? text(account, 'number', `${at}.account.number`, problems, { required: true, max: 40 }) : null;
    const checked = scheme !== null && number !== null ? checkAccount(scheme, number) : null;
    if (checked && !checked.ok) problems.push({ path: `${at}.account.number`, code: 'INVALID_ACCOUNT', message: checked.message });
    const sum = amount(p, 'amount', `${at}.amount`, problems);
    if (sum !== null && sum <= 0) problems.push({ path: `${at}.amount`, code: 'INVALID_AMOUNT', message: 'En utbetalning måste vara större än 0 kr.' });
    const payOn = text(p, 'payOn', `${at}.payOn`, problems, { required: true, max: 10 });
    if (payOn !== null && !isIsoDate(payOn)) problems.push({ path: `${at}.payOn`, code: 'INVALID_DATE', message: 'Skriv datumet som ÅÅÅÅ-MM-DD.' });
    else if (payOn !== null && ctx.decidedOn !== null && payOn < ctx.decidedOn) problems.push({ path: `${at}.payOn`, code: 'PAY_BEFORE_DECISION', message: 'Pengarna kan inte betalas ut före beslutsdagen.' });
    const reference = text(p, 'reference', `${at}.reference`, problems, { required: false, max: REFERENCE_MAX }) ?? defaultReference(ctx.caseId, ctx.period);
    if (problems.length === before && checked?.ok) {
      lines.push({ recipient: recipient!, name: name!, account: checked.account, amount: formatKronor(sum!), payOn: payOn!, reference });
    }
  });
  return lines;
}

function readAcknowledgements(raw: unknown, problems: Problem[]): Acknowledgement[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.push({ path: 'acknowledgements', code: 'INVALID_FIELD', message: 'Ange de bedömda punkterna som en lista { item, comment }.' });
    return [];
  }
  const out: Acknowledgement[] = [];
  raw.forEach((a, i) => {
    if (!isObject(a) || typeof a['item'] !== 'string' || typeof a['comment'] !== 'string' || a['comment'].length > REASON_MAX) {
      problems.push({ path: `acknowledgements[${i}]`, code: 'INVALID_FIELD', message: `Ange { item, comment } med en kommentar på högst ${REASON_MAX} tecken.` });
    } else out.push({ item: a['item'], comment: a['comment'] });
  });
  return out;
}

/** Kronor of the proposal, or null (needs-information has no amount). */
const proposedOre = (payable: string | null): Ore | null => (payable === null ? null : parseKronor(payable));

/**
 * Reads a registration request against its proposal. The result's input is what the chain keeps
 * (with the person from the login, never from the request body).
 */
export function readRegistration(raw: unknown, ctx: RegistrationContext): { ok: true; input: RegistrationInput; acknowledged: AcknowledgedItem[] } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  if (!isObject(raw)) return { ok: false, problems: [{ path: '(body)', code: 'NOT_AN_OBJECT', message: 'Ange beslutet som ett JSON-objekt.' }] };
  const p = ctx.proposal.decision;
  if (p.caseId === null) problems.push({ path: 'proposal', code: 'NO_CASE_ID', message: 'Förslaget har inget ärendenummer: ett beslut registreras på ett ärende.' });
  // A registered payment nobody has classified pays as if it did not exist: the household must be mended first.
  if (p.flags.some((f) => f.blocksLetter === true)) {
    problems.push({ path: 'proposal', code: 'PAYMENT_NOT_ASSESSED', message: 'En registrerad utbetalning från en myndighet är inte bedömd: bedöm den i förhandsberäkningen och räkna fram ett nytt förslag.' });
  }
  const decidedOn = text(raw, 'decidedOn', 'decidedOn', problems, { required: true, max: 10 });
  if (decidedOn !== null && !isIsoDate(decidedOn)) problems.push({ path: 'decidedOn', code: 'INVALID_DATE', message: 'Skriv beslutsdatum som ÅÅÅÅ-MM-DD.' });
  const outcome = oneOf<DecidedOutcome>(raw, 'outcome', 'outcome', DECIDED_OUTCOMES, problems);
  const payable = amount(raw, 'payable', 'payable', problems);
  if (outcome !== null && payable !== null) {
    if ((outcome === 'approve' || outcome === 'partial') && payable === 0) problems.push({ path: 'payable', code: 'APPROVAL_WITHOUT_AMOUNT', message: 'Ett bifall eller delvis bifall beviljar ett belopp större än 0 kr.' });
    if ((outcome === 'deny' || outcome === 'dismiss') && payable !== 0) problems.push({ path: 'payable', code: 'REFUSAL_WITH_AMOUNT', message: 'Ett avslag eller en avvisning beviljar inget belopp: ange 0.' });
  }

  let change: RegistrationInput['change'] = null;
  if (ctx.changes !== null) {
    const c = isObject(raw['change']) ? raw['change'] : null;
    if (c === null) problems.push({ path: 'change', code: 'REQUIRED', message: 'Ange vilken sorts ändring det är (rättelse, ändring eller omprövning) och varför.' });
    else {
      const kind = oneOf<ChangeKind>(c, 'kind', 'change.kind', CHANGE_KINDS, problems);
      const why = text(c, 'reason', 'change.reason', problems, { required: true, max: REASON_MAX });
      if (kind !== null && why !== null) change = { kind, of: ctx.changes.decisionId, ofHash: ctx.changes.recordHash, reason: why };
    }
  } else if (raw['change'] !== undefined && raw['change'] !== null) {
    problems.push({ path: 'change', code: 'NOT_REGISTERED', message: 'Det finns inget registrerat beslut att ändra för förslaget.' });
  }

  const proposed = proposedOre(p.payable);
  const differs = outcome !== null && payable !== null && (outcome !== p.outcome || proposed === null || payable !== proposed);
  const given = text(raw, 'reason', 'reason', problems, { required: false, max: REASON_MAX });
  const reason = given ?? (differs && change !== null ? change.reason : null);
  if (differs && reason === null) {
    problems.push({ path: 'reason', code: 'REASON_REQUIRED', message: 'Beslutet skiljer sig från förslaget: skriv skälet (motiveringen).' });
  }

  // The points to mark: those of this proposal; a change on the same proposal keeps the first decision's marks.
  const people = ctx.proposal.household === undefined ? null : People.fromInput(ctx.proposal.household);
  const items = itemsOf(p, people);
  const sameProposal = ctx.changes !== null && ctx.changes.proposalId === ctx.proposal.decisionId;
  let acknowledgements = readAcknowledgements(raw['acknowledgements'], problems);
  if (sameProposal && acknowledgements.length === 0) acknowledgements = ctx.changes!.acknowledged.map((a) => ({ item: a.item, comment: a.comment }));
  const matched = matchAcknowledgements(items, acknowledgements);
  if (!matched.ok) for (const m of matched.problems) problems.push({ path: `acknowledgements.${m.item}`, code: m.code, message: m.code === 'ITEM_OPEN' ? `Punkten är inte ${m.item.startsWith('flag-') ? 'bedömd' : 'besvarad'}: skriv en kommentar och markera den.` : m.message });

  const caseId = p.caseId ?? '';
  const payments = readPayments(raw['payments'], { caseId, period: p.period, decidedOn: decidedOn !== null && isIsoDate(decidedOn) ? decidedOn : null }, problems);
  const alreadyPaid = ctx.changes?.alreadyPaid ?? [];
  if (payable !== null && Array.isArray(raw['payments']) && payments.length === (raw['payments'] as unknown[]).length) {
    const paid = sum(alreadyPaid.map((a) => parseKronor(a.amount)!));
    const toPay = payable > paid ? subtract(payable, paid) : ZERO;
    const planned = sum(payments.map((l) => parseKronor(l.amount)!));
    if (planned !== toPay) {
      problems.push({
        path: 'payments',
        code: 'PAYMENTS_DO_NOT_ADD_UP',
        message: `Utbetalningarna är ${formatKronor(planned)} kr men att betala är ${formatKronor(toPay)} kr${paid > 0 ? ` (beslutat ${formatKronor(payable)} kr, redan utbetalt ${formatKronor(paid)} kr)` : ''}.`,
      });
    }
  } else if (payable !== null && payable > 0 && raw['payments'] === undefined) {
    problems.push({ path: 'payments', code: 'REQUIRED', message: 'Ange vart pengarna ska betalas ut.' });
  }
  const journalNote = text(raw, 'journalNote', 'journalNote', problems, { required: false, max: REASON_MAX });

  if (problems.length > 0 || !matched.ok) return { ok: false, problems };
  return {
    ok: true,
    acknowledged: matched.acknowledged,
    input: {
      kind: 'registration',
      caseId,
      period: p.period,
      proposal: { decisionId: ctx.proposal.decisionId, recordHash: ctx.proposal.recordHash },
      change,
      decidedBy: ctx.user,
      role: ctx.role,
      delegation: ctx.delegation,
      decidedOn: decidedOn!,
      outcome: outcome!,
      payable: formatKronor(payable!),
      reason,
      acknowledgements,
      payments,
      alreadyPaid,
      journalNote,
      ...(people !== null ? { pointTexts: 'names' as const } : {}),
    },
  };
}

/** The legal references a registered decision cites, from the rule set its proposal was made with. */
export interface RegisteredRefs {
  readonly documentation: string | null;
  readonly correction: string | null;
  readonly decisionChange: string | null;
  readonly personalReview: string | null;
}

/**
 * The registered decision a registration gives: pure, from the stored input, the proposal and the
 * rule set's references (replay derives it again and compares).
 */
export function deriveRegistered(input: RegistrationInput, proposal: ProposalRef['decision'], refs: RegisteredRefs, household?: unknown): RegisteredDecision {
  // The points' texts as they were written: naming the people (pointTexts 'names'), or as the proposal gave them.
  const people = input.pointTexts === 'names' && household !== undefined ? People.fromInput(household) : null;
  const matched = matchAcknowledgements(itemsOf(proposal, people), input.acknowledgements);
  const acknowledged = matched.ok ? matched.acknowledged : [];
  const payable = parseKronor(input.payable)!;
  const paid = input.alreadyPaid.reduce<Ore>((s, a) => add(s, parseKronor(a.amount)!), ZERO);
  const toPay = payable > paid ? subtract(payable, paid) : ZERO;
  const proposed = proposedOre(proposal.payable);
  const changeRef = input.change === null ? null : input.change.kind === 'rattelse' ? refs.correction : input.change.kind === 'andring' ? refs.decisionChange : refs.personalReview;
  return {
    recordKind: 'registered-decision',
    caseId: input.caseId,
    period: input.period,
    municipality: proposal.municipality,
    proposalId: input.proposal.decisionId,
    proposed: { outcome: proposal.outcome, payable: proposal.payable },
    outcome: input.outcome,
    payable: input.payable,
    differs: input.outcome !== proposal.outcome || proposed === null || payable !== proposed,
    reason: input.reason,
    decidedOn: input.decidedOn,
    decidedBy: input.decidedBy,
    role: input.role,
    delegation: input.delegation,
    acknowledged,
    change: input.change === null ? null : { kind: input.change.kind, of: input.change.of, reason: input.change.reason, legalRef: changeRef },
    orders: input.payments.map((l, i) => ({ line: i + 1, recipient: l.recipient, name: l.name, scheme: l.account.scheme, account: l.account.number, amount: l.amount, payOn: l.payOn, reference: l.reference })),
    alreadyPaid: formatKronor(paid),
    toPay: formatKronor(toPay),
    overpaid: paid > payable ? formatKronor(subtract(paid, payable)) : null,
    journal: { legalRef: refs.documentation, note: input.journalNote },
  };
}

/** An order's id: its decision's id and its line (e.g. D-00000042-3f9a1c2b7d4e5f60-1: 29 characters). */
export function orderIdOf(decisionId: string, line: number): string {
  return `${decisionId}-${line}`;
}
