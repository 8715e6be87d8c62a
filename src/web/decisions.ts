/**
 * POST /api/decisions (issue 11): the caseworker records their decision on a proposal. The server
 * computes the proposal again from the household (never trusting a decision sent by the page),
 * records it in the decision store's hash chain, and stores beside it who decided, when, under which
 * delegation, the letter text as edited and the barnkonsekvens answers (src/store/caseworkerDecision.ts).
 *
 * A needs-information proposal is not a decision (the page prints a begäran om komplettering), a
 * proposal with a registered payment nobody has classified yet pays as if it did not exist, and a
 * refusal whose barnkonsekvens questions are unanswered cannot be decided: all are refused with 400.
 * Nothing from the request is logged.
 */
import { contractDecision } from '../explain/contract.ts';
import { evaluateHousehold } from '../index.ts';
import type { InputIssue } from '../household/types.ts';
import { renderProblems } from '../explain/problems.ts';
import type { RuleSetCache } from '../rulebook/resolve.ts';
import type { VersionedRuleSet } from '../rulebook/types.ts';
import { CaseworkerDecisions, type ChildAnswer, type StoredCaseworkerDecision } from '../store/caseworkerDecision.ts';
import { DecisionStore } from '../store/store.ts';
import { isIsoDate } from '../period/index.ts';

const MAX_TEXT = 100_000;

export type RecordAnswer =
  | { readonly ok: true; readonly decisionId: string; readonly stored: StoredCaseworkerDecision }
  | { readonly ok: false; readonly status: 400; readonly issues: InputIssue[] };

function text(o: Record<string, unknown>, key: string, issues: InputIssue[], max = 200): string {
  const v = o[key];
  if (typeof v !== 'string' || v.trim() === '') issues.push({ path: key, code: 'REQUIRED', message: `expected ${key} as a non-empty text` });
  else if (v.length > max) issues.push({ path: key, code: 'TOO_LONG', message: `${key} is longer than ${max} characters` });
  return typeof v === 'string' ? v.trim() : '';
}

/** Checks the request, computes the proposal and records both; the store file is created if missing. */
export function recordCaseworkerDecision(raw: unknown, cache: RuleSetCache, storePath: string): RecordAnswer {
  const issues: InputIssue[] = [];
  const o = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : null;
  if (!o) return { ok: false, status: 400, issues: [{ path: '(body)', code: 'NOT_AN_OBJECT', message: 'expected an object { household, decidedBy, decidedOn, delegation, letterText, childAnswers }' }] };
  const decidedBy = text(o, 'decidedBy', issues);
  const decidedOn = text(o, 'decidedOn', issues, 10);
  if (decidedOn !== '' && !isIsoDate(decidedOn)) issues.push({ path: 'decidedOn', code: 'INVALID_DATE', message: `expected a date YYYY-MM-DD, got "${decidedOn}"` });
  const delegation = text(o, 'delegation', issues);
  const letterText = text(o, 'letterText', issues, MAX_TEXT);
  const answersRaw = Array.isArray(o['childAnswers']) ? o['childAnswers'] : [];
  if (o['childAnswers'] !== undefined && !Array.isArray(o['childAnswers'])) issues.push({ path: 'childAnswers', code: 'INVALID_FIELD', message: 'expected a list of { promptId, answer }' });
  const given = new Map<string, string>();
  answersRaw.forEach((a, i) => {
    const e = a !== null && typeof a === 'object' ? (a as Record<string, unknown>) : {};
    if (typeof e['promptId'] !== 'string' || typeof e['answer'] !== 'string' || e['answer'].length > MAX_TEXT) {
      issues.push({ path: `childAnswers[${i}]`, code: 'INVALID_FIELD', message: 'expected { promptId, answer } as texts' });
    } else if (e['answer'].trim() !== '') given.set(e['promptId'], e['answer'].trim());
  });

  let ruleSet: VersionedRuleSet | undefined;
  // decidedOn picks the law cited (and, for January–June 2025, the riksnorm table): passed on to the cache.
  const result = evaluateHousehold(o['household'], (period, municipality, decidedOn) => (ruleSet = cache.get(period, municipality, decidedOn)));
  // The decision with its texts (src/explain/contract.ts) for the checks below; the record keeps it as data.
  if (!result.ok) issues.push(...renderProblems(result.issues).map((i) => ({ ...i, path: `household.${i.path}`.replace('household.(', '(household') })));
  if (issues.length > 0 || !result.ok) return { ok: false, status: 400, issues };

  const decision = contractDecision(result.decision, result);
  if (decision.outcome === 'needs-information') {
    return { ok: false, status: 400, issues: [{ path: 'household', code: 'NOT_A_DECISION', message: 'the proposal needs information: send a request to complete the application, not a decision' }] };
  }
  // A registered payment nobody has classified yet: the proposal pays as if it did not exist, so no decision.
  const unassessed = decision.flags.filter((f) => f.blocksLetter === true);
  if (unassessed.length > 0) {
    return {
      ok: false,
      status: 400,
      issues: unassessed.map((f) => ({ path: f.paymentIndex === undefined ? 'household.registeredIncomes' : `household.registeredIncomes[${f.paymentIndex}].assessment`, code: 'PAYMENT_NOT_ASSESSED', message: 'a registered payment is not assessed: classify it (count it as an income type, or say why it is not income) before a decision is recorded' })),
    };
  }
  const prompts = decision.childImpact?.prompts ?? [];
  const missing = prompts.filter((p) => p.requiresAnswer && !given.has(p.id));
  if (missing.length > 0) {
    return {
      ok: false,
      status: 400,
      issues: missing.map((p) => ({ path: `childAnswers.${p.id}`, code: 'CHILD_ASSESSMENT_MISSING', message: `the barnkonsekvens question ${p.number} must be answered before a refusal is decided` })),
    };
  }
  const childAnswers: ChildAnswer[] = prompts.filter((p) => given.has(p.id)).map((p) => ({ promptId: p.id, question: p.question, answer: given.get(p.id)! }));

  const store = DecisionStore.open(storePath, { create: true });
  let ref;
  try {
    ref = store.record({ input: o['household'], decision: result.decision, ruleSet: ruleSet! });
  } finally {
    store.close();
  }
  const decisions = new CaseworkerDecisions(storePath);
  try {
    const stored = decisions.record(ref.decisionId, ref.recordHash, { decidedBy, decidedOn, delegation, outcome: decision.outcome, letterKind: 'decision', letterText, childAnswers });
    return { ok: true, decisionId: ref.decisionId, stored };
  } finally {
    decisions.close();
  }
}
