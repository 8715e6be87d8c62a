/**
 * The decision as `calculate --json`, the API, batch --detail summary and the decision store give it
 * (CONTRACT.md, docs/household.md): the core's data (src/decision/types.ts) with every message
 * rendered in Swedish next to it, the trace with its texts and the decision text. A view: it computes
 * nothing, and the same data always renders to the same bytes.
 *
 * Each text sits where the contract has always had it: a flag's or a missing fact's `text` just
 * before its `message`, a reason's just after its `legalRef`, an item's `reason` after its code, a
 * trace step's `text` last.
 */
import type { AssetItemOut, CostItemOut, DecisionBasis, DecisionData, IncomeItemOut } from '../decision/types.ts';
import type { ChildImpact as ChildImpactData, Flag, Reason, RegisteredPaymentOut } from '../output/types.ts';
import type { Message } from '../trace/messages.ts';
import type { Household } from '../household/types.ts';
import type { CaseworkerAnswers } from './letter/answers.ts';
import { buildLetter, type AutomatedDecision, type Decided } from './letter/build.ts';
import { letterText } from './letter/document.ts';
import { worksheetText } from './worksheet.ts';
import { renderMessage } from './messages.ts';
import { calledSv } from './casework.ts';
import { capital, type People } from './people.ts';
import { renderTrace } from './trace.ts';
import type { AssetItem, ChildImpact, CostItem, Decision, DecisionSummary, IncomeItem, RegisteredPayment, RenderedReason } from './types.ts';

export type {
  AssetItem,
  ChildAlternative,
  ChildImpact,
  ChildNote,
  ChildPrompt,
  CostItem,
  Decision,
  DecisionSummary,
  IncomeItem,
  RegisteredPayment,
  RenderedFlag,
  RenderedNeed,
  RenderedReason,
  TraceStep,
} from './types.ts';

/** How a message becomes its Swedish text: as the contract has it, or for the case work with the people named. */
type Say = (m: Message) => string;

const say: Say = (m) => renderMessage('sv', m.key, m.args);

/**
 * The case work's texts (the case view, issue 22): every member id in a message named as People
 * names people for the case work ("Elsa", "barnet som är 7 år", "sökanden"; masked for skyddad
 * identitet when the People were made so), as the points are (casework.ts pointTextSv).
 */
function namedBy(people: People): { readonly sentence: Say; readonly part: Say } {
  const part: Say = (m) => calledSv(m, people);
  return { sentence: (m) => capital(part(m)), part };
}

/**
 * A copy of x with its Swedish `text` just before its `message`, the other keys in the order the core
 * gave them. The common shapes are written as literals (a batch renders these for every household).
 */
function textBeforeMessage<T extends { readonly message: Message }>(x: T, sv: Say): T & { readonly text: string } {
  const text = sv(x.message);
  const f = x as unknown as Flag;
  if (f.memberId === undefined && f.code !== undefined && f.severity !== undefined && Object.keys(x).length === 4) {
    return { code: f.code, severity: f.severity, legalRef: f.legalRef, text, message: f.message } as unknown as T & { readonly text: string };
  }
  const out: Record<string, unknown> = {};
  for (const key in x) {
    if (key === 'message') out['text'] = text;
    out[key] = x[key];
  }
  return out as T & { readonly text: string };
}

/** A reason with its Swedish `text` just after its `legalRef`. */
function reasonWithText(r: Reason, sv: Say): RenderedReason {
  const text = sv(r.message);
  if (r.amount === undefined) return { code: r.code, legalRef: r.legalRef, text, message: r.message };
  const out: Record<string, unknown> = {};
  for (const key in r) {
    out[key] = r[key as keyof Reason];
    if (key === 'legalRef') out['text'] = text;
  }
  return out as unknown as RenderedReason;
}

function costItem(i: CostItemOut, sv: Say): CostItem {
  return { type: i.type, memberId: i.memberId, claimed: i.claimed, accepted: i.accepted, code: i.code, reason: sv(i.message), legalRef: i.legalRef, requiresAssessment: i.requiresAssessment, message: i.message };
}

function incomeItem(i: IncomeItemOut, sv: Say): IncomeItem {
  const reason = sv(i.message);
  if (i.agency === undefined) return { memberId: i.memberId, type: i.type, amount: i.amount, counted: i.counted, code: i.code, reason, legalRef: i.legalRef, message: i.message, source: i.source };
  const { memberId, type, amount, counted, code, legalRef, message, source, ...agency } = i;
  return { memberId, type, amount, counted, code, reason, legalRef, message, source, ...agency };
}

function assetItem(i: AssetItemOut, sv: Say): AssetItem {
  return { memberId: i.memberId, type: i.type, amount: i.amount, code: i.code, reason: sv(i.message), message: i.message };
}

function registeredPayment(r: RegisteredPaymentOut, sv: Say): RegisteredPayment {
  return {
    index: r.index,
    memberId: r.memberId,
    agency: r.agency,
    benefit: r.benefit,
    subBenefit: r.subBenefit,
    amountType: r.amountType,
    net: r.net,
    gross: r.gross,
    tax: r.tax,
    paidOn: r.paidOn,
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    days: r.days,
    preliminary: r.preliminary,
    ref: r.ref,
    month: r.month,
    slot: r.slot,
    use: r.use,
    classification: r.classification,
    incomeType: r.incomeType,
    changeThreshold: r.changeThreshold,
    family: r.family,
    matchedOn: r.matchedOn,
    assessment: r.assessment,
    likelyIncomeType: r.likelyIncomeType,
    alternatives: r.alternatives,
    replacesDeclared: r.replacesDeclared,
    legalRef: r.legalRef,
    reason: sv(r.message),
    message: r.message,
  };
}

/** How a prompt's parts are joined: sentences with a space, lists of people or costs with a semicolon. */
const PROMPT_JOIN: Readonly<Record<string, string>> = { housing: ' ', alternatives: ' ' };

/** A prompt's data: sentences joined with a space, a list joined with a semicolon (its parts as parts of one sentence). */
function promptData(data: readonly Message[], id: string, sv: Say, part: Say): string {
  const join = PROMPT_JOIN[id];
  if (join !== undefined) return data.map(sv).join(join);
  const list = data.map(part).join('; ');
  return part === sv ? list : capital(list);
}

function childImpact(c: ChildImpactData, sv: Say, part: Say): ChildImpact {
  return {
    children: c.children,
    notes: c.notes.map(sv),
    requiresAssessment: c.requiresAssessment,
    legalRefs: c.legalRefs,
    perChild: c.perChild.map((p) => ({ ...p, notes: p.notes.map(sv) })),
    effectOfRefusal: c.effectOfRefusal,
    alternatives: c.alternatives.map((a) => ({ code: a.code, text: sv(a.message), amount: a.amount })),
    longTerm: c.longTerm,
    prompts: c.prompts.map((p) => ({ ...p, data: p.data === null ? null : promptData(p.data, p.id, sv, part) })),
  };
}

/** The norm table's title, or what stands in its place when the month's rules are pending. */
function normOf(d: DecisionData): DecisionSummary['norm'] {
  const { norm } = d;
  return norm.table !== null ? (norm as DecisionSummary['norm']) : { ...norm, table: `ingen riksnorm (reglerna för ${d.period} är inte publicerade)` };
}

/**
 * The decision with its Swedish texts, without the trace and the decision text (batch --detail
 * summary). With `people`, the texts name the household's people for the case work instead of by
 * member id (the case view; the contract's own texts keep the ids).
 */
export function contractSummary(d: DecisionData, people: People | null = null): DecisionSummary {
  const { sentence: sv, part } = people === null ? { sentence: say, part: say } : namedBy(people);
  return {
    caseId: d.caseId,
    period: d.period,
    municipality: d.municipality,
    outcome: d.outcome,
    law: d.law,
    norm: normOf(d),
    costs: { claimed: d.costs.claimed, accepted: d.costs.accepted, refused: d.costs.refused, items: d.costs.items.map((i) => costItem(i, sv)) },
    income: { total: d.income.total, counted: d.income.counted, items: d.income.items.map((i) => incomeItem(i, sv)), registered: d.income.registered.map((r) => registeredPayment(r, sv)) },
    assets: { total: d.assets.total, buffer: d.assets.buffer, available: d.assets.available, used: d.assets.used, items: d.assets.items.map((i) => assetItem(i, sv)) },
    need: d.need,
    payable: d.payable,
    reasons: d.reasons.map((r) => reasonWithText(r, sv)),
    flags: d.flags.map((f) => textBeforeMessage(f, sv)),
    needsInformation: d.needsInformation.map((n) => textBeforeMessage(n, sv)),
    requiresAssessment: d.requiresAssessment,
    childImpact: d.childImpact === null ? null : childImpact(d.childImpact, sv, part),
    warnings: d.warnings,
    ruleSetVersion: d.ruleSetVersion,
    inputHash: d.inputHash,
    engineVersion: d.engineVersion,
  };
}

/** What a view of a decision is made from besides the decision: the rules it was made with and the household it is about. */
export type ViewBasis = DecisionBasis & {
  readonly household: Household;
  /** The case work's naming (the case view): the decision's texts name the people, not their ids; the letter and the worksheet are the same either way. */
  readonly people?: People | null;
};

/** The caseworker's part of the two documents: answers and notes, who decided, an automated decision. */
export interface DocumentOptions {
  readonly answers?: CaseworkerAnswers;
  readonly decided?: Decided | null;
  readonly automated?: AutomatedDecision | null;
}

/**
 * The decision as `calculate --json` prints it: the summary, the two documents apart (the applicant's
 * letter `decisionText`, src/explain/letter/; the caseworker's worksheet `worksheetText`,
 * src/explain/worksheet.ts) and the trace with its texts.
 */
export function contractDecision(d: DecisionData, basis: ViewBasis, options: DocumentOptions = {}): Decision {
  const summary = contractSummary(d);
  const trace = renderTrace(d.trace);
  const shown = basis.people ? contractSummary(d, basis.people) : summary;
  const rules = basis.ruleSet?.rules ?? null;
  const letter = buildLetter({ decision: summary, household: basis.household, rules, ...options });
  const decisionText = letterText(letter);
  const worksheet = worksheetText({ decision: summary, trace, household: basis.household, rules, blockers: letter.blockers, childImpactData: d.childImpact, ...(options.answers ? { answers: options.answers } : {}) });
  // Fixed key order: the contract's fields first, then the rest.
  const { ruleSetVersion, inputHash, engineVersion, warnings, ...head } = shown;
  return { ...head, decisionText, worksheetText: worksheet, warnings, trace, ruleSetVersion, inputHash, engineVersion };
}
