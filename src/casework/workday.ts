/**
 * The caseworker's workday over the decision store (issue 22): registering a decision on a proposal,
 * changing a registered decision (rättelse, ändring, omprövning), and replaying a registered decision.
 * The web layer (src/web/casework/) and the tests call these; the store does the appending
 * (src/store/casework.ts), register.ts the reading and deriving.
 */
import type { Decision } from '../explain/contract.ts';
import type { StoredRecord } from '../store/store.ts';
import { AlreadyRegisteredError, CaseWork, ConflictError } from '../store/casework.ts';
import { diffJson, type Difference } from '../store/diff.ts';
import { renderedDecision } from '../store/read.ts';
import { recordContentProblem } from '../store/verify.ts';
import { deriveRegistered, readRegistration, type Problem, type ProposalRef, type RegisteredRefs } from './register.ts';
import { supportObstacleProblems, type SupportObstacleTable } from './supportObstacle.ts';
import { readChildAnswers, type ChildAnswersRead } from './childAnswers.ts';
import { itemsOf } from './items.ts';
import { parseHousehold } from '../household/parse.ts';
import type { Household } from '../household/types.ts';
import type { Signer } from './staffDirectory.ts';
import type { RegisteredDecision, RegistrationInput } from './types.ts';

export interface Person {
  readonly user: string;
  /** The role the person acts in (the decision maker's role for a registration). */
  readonly role: string;
  /** The point of the delegation order the person decides under, from the login proxy. */
  readonly delegation: string;
  /** The person's name and title from the staff directory (staffDirectory.ts), stored in the registration for its letter; null or absent when the directory does not name them. */
  readonly signer?: Signer | null;
}

export type RegisterResult =
  | { readonly ok: true; readonly decisionId: string; readonly recordedAt: string; readonly decision: RegisteredDecision }
  | { readonly ok: false; readonly status: 400 | 404 | 409; readonly problems: readonly Problem[] };

/** The legal references a registered decision cites, from the rule set its proposal was computed with (as stored). */
export function refsOf(cw: CaseWork, ruleSetVersion: string): RegisteredRefs {
  const refs = cw.store.ruleSet(ruleSetVersion).rules.legal.refs;
  return {
    documentation: refs['documentation']?.ref ?? null,
    correction: refs['correction']?.ref ?? null,
    decisionChange: refs['decisionChange']?.ref ?? null,
    personalReview: refs['personalReview']?.ref ?? null,
  };
}

/** A proposal record (not a registration), or why not. */
export function proposalOf(cw: CaseWork, decisionId: string): { ok: true; record: StoredRecord; proposal: ProposalRef } | { ok: false; status: 404; problem: Problem } {
  const record = cw.store.get(decisionId);
  if (!record) return { ok: false, status: 404, problem: { path: 'decisionId', code: 'UNKNOWN_DECISION', message: `Det finns inget förslag ${decisionId} i beslutsregistret.` } };
  if (CaseWork.isRegistration(record)) return { ok: false, status: 404, problem: { path: 'decisionId', code: 'NOT_A_PROPOSAL', message: `${decisionId} är ett registrerat beslut, inget förslag.` } };
  // As stored (form 1) or rendered from the record's data (form 2, src/store/read.ts).
  const decision = renderedDecision(cw.store, record) as Decision;
  return { ok: true, record, proposal: { decisionId: record.decisionId, recordHash: record.recordHash, decision, household: JSON.parse(record.inputJson) as unknown } };
}

function conflict(error: unknown): RegisterResult | null {
  if (error instanceof AlreadyRegisteredError) return { ok: false, status: 409, problems: [{ path: 'decisionId', code: 'ALREADY_REGISTERED', message: error.message }] };
  if (error instanceof ConflictError) return { ok: false, status: 409, problems: [{ path: 'payments', code: 'CHANGED_MEANWHILE', message: error.message }] };
  return null;
}

/** Registers a first decision on a proposal. A case and month already decided is refused (409) with a message. */
/**
 * The försörjningshinder list of a month (rules/support-obstacles.json) to check the adults' codes
 * against; null checks only that every adult has one.
 */
export type ObstacleLookup = (period: string) => SupportObstacleTable | null;

/** The reading's problems and the försörjningshinder's, together (every problem at once). */
function withObstacles(read: ReturnType<typeof readRegistration>, record: StoredRecord, period: string, obstacles: ObstacleLookup | null): ReturnType<typeof readRegistration> {
  const more = supportObstacleProblems(JSON.parse(record.inputJson), obstacles === null ? null : obstacles(period));
  if (more.length === 0) return read;
  return { ok: false, problems: [...(read.ok ? [] : read.problems), ...more] };
}

/**
 * The per-child barnkonsekvens answers of a request (childAnswers.ts), read against the proposal and
 * its stored rules: the request with the points they answer, and the answers and problems.
 */
function childAnswersOf(cw: CaseWork, raw: unknown, record: StoredRecord, proposal: ProposalRef): { raw: unknown; read: ChildAnswersRead } {
  const body = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const given = Array.isArray(body['acknowledgements']) ? (body['acknowledgements'] as unknown[]) : [];
  const acknowledged = new Map<string, string>();
  for (const a of given) {
    const o = a !== null && typeof a === 'object' ? (a as Record<string, unknown>) : {};
    if (typeof o['item'] === 'string' && o['item'].startsWith('child-') && typeof o['comment'] === 'string') acknowledged.set(o['item'].slice('child-'.length), o['comment']);
  }
  const parsed = parseHousehold(JSON.parse(record.inputJson));
  const household = parsed.ok ? parsed.household : ({ period: proposal.decision.period, members: [] } as unknown as Household);
  const children = (proposal.decision as { childImpact?: { children?: readonly string[] } | null }).childImpact?.children ?? [];
  const read = readChildAnswers(raw, { household, children, prompts: cw.store.ruleSet(record.ruleSetVersion).rules.childImpact.prompts, acknowledged });
  // Only the proposal's own points: a refusal decided over an approving proposal has no barnkonsekvens
  // points to mark, its answers are kept as childAnswers (and the registration would refuse an unknown point).
  const points = new Set(itemsOf(proposal.decision as Decision).map((i) => i.id));
  const missing = read.acknowledgements.filter((a) => points.has(a.item) && !given.some((g) => g !== null && typeof g === 'object' && (g as Record<string, unknown>)['item'] === a.item));
  return { raw: missing.length === 0 || !Array.isArray(body['acknowledgements'] ?? []) ? raw : { ...body, acknowledgements: [...given, ...missing] }, read };
}

/** The registration read with the per-child answers: their problems added, the answers kept in the input. */
function withChildAnswers(read: ReturnType<typeof readRegistration>, child: ChildAnswersRead): ReturnType<typeof readRegistration> {
  if (child.problems.length > 0) return { ok: false, problems: [...(read.ok ? [] : read.problems), ...child.problems] };
  if (!read.ok || child.answers.length === 0) return read;
  return { ...read, input: { ...read.input, childAnswers: child.answers } };
}

export function registerDecision(cw: CaseWork, proposalId: string, raw: unknown, person: Person, purpose: string, obstacles: ObstacleLookup | null = null): RegisterResult {
  const found = proposalOf(cw, proposalId);
  if (!found.ok) return { ok: false, status: found.status, problems: [found.problem] };
  const { proposal, record } = found;
  const line = proposal.decision.caseId === null ? [] : cw.lineage(proposal.decision.caseId, proposal.decision.period);
  if (line.length > 0) {
    const newest = line.at(-1)!;
    return {
      ok: false,
      status: 409,
      problems: [{ path: 'decisionId', code: 'ALREADY_REGISTERED', message: `Ärende ${newest.caseId} för ${newest.period} är redan beslutat (${newest.decisionId}, ${newest.decidedOn} av ${newest.decidedBy}). En ändring görs som rättelse, ändring eller omprövning av det beslutet.` }],
    };
  }
  const child = childAnswersOf(cw, raw, record, proposal);
  const read = withChildAnswers(withObstacles(readRegistration(child.raw, { proposal, user: person.user, role: person.role, delegation: person.delegation, changes: null }), record, proposal.decision.period, obstacles), child.read);
  if (!read.ok) return { ok: false, status: 400, problems: read.problems };
  return append(cw, signed(read.input, person), proposal, record.ruleSetVersion, purpose);
}

/**
 * Changes a registered decision (it must be the newest of its case and month): a rättelse, ändring or
 * omprövning, linked to it. On the same proposal, or on a newer proposal of the same case and month
 * (`proposalId` in the request) when the facts changed.
 */
export function changeDecision(cw: CaseWork, decisionId: string, raw: unknown, person: Person, purpose: string, obstacles: ObstacleLookup | null = null): RegisterResult {
  const current = cw.registered(decisionId);
  if (!current) return { ok: false, status: 404, problems: [{ path: 'decisionId', code: 'UNKNOWN_DECISION', message: `Det finns inget registrerat beslut ${decisionId}.` }] };
  const line = cw.lineage(current.input.caseId, current.input.period);
  const newest = line.at(-1)!;
  if (newest.decisionId !== decisionId) {
    return { ok: false, status: 409, problems: [{ path: 'decisionId', code: 'ALREADY_CHANGED', message: `Beslutet ${decisionId} är redan ändrat; det senaste beslutet är ${newest.decisionId}. En ny ändring görs av det.` }] };
  }
  const body = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const proposalId = typeof body['proposalId'] === 'string' ? body['proposalId'] : current.input.proposal.decisionId;
  const found = proposalOf(cw, proposalId);
  if (!found.ok) return { ok: false, status: found.status, problems: [found.problem] };
  if (found.proposal.decision.caseId !== current.input.caseId || found.proposal.decision.period !== current.input.period) {
    return { ok: false, status: 400, problems: [{ path: 'proposalId', code: 'OTHER_CASE', message: 'Det nya förslaget gäller ett annat ärende eller en annan månad.' }] };
  }
  const child = childAnswersOf(cw, raw, found.record, found.proposal);
  const read = withChildAnswers(withObstacles(readRegistration(child.raw, {
    proposal: found.proposal,
    user: person.user,
    role: person.role,
    delegation: person.delegation,
    changes: { decisionId, recordHash: current.record.recordHash, proposalId: current.input.proposal.decisionId, acknowledged: current.decision.acknowledged, alreadyPaid: cw.paidIn(line) },
  }), found.record, found.proposal.decision.period, obstacles), child.read);
  if (!read.ok) return { ok: false, status: 400, problems: read.problems };
  return append(cw, signed(read.input, person), found.proposal, found.record.ruleSetVersion, purpose);
}

/** The registration with the decision maker's name and title, when the staff directory names them. */
const signed = (input: RegistrationInput, person: Person): RegistrationInput => (person.signer ? { ...input, signedBy: { name: person.signer.name, title: person.signer.title } } : input);

function append(cw: CaseWork, input: RegistrationInput, proposal: ProposalRef, ruleSetVersion: string, purpose: string): RegisterResult {
  const decision = deriveRegistered(input, proposal.decision, refsOf(cw, ruleSetVersion), proposal.household);
  try {
    const ref = cw.register(input, decision, ruleSetVersion, purpose);
    return { ok: true, decisionId: ref.decisionId, recordedAt: ref.recordedAt, decision };
  } catch (error) {
    const answer = conflict(error);
    if (answer) return answer;
    throw error;
  }
}

export interface RegistrationReplay {
  readonly decisionId: string;
  readonly integrityProblem: string | null;
  readonly differences: readonly Difference[];
  readonly identical: boolean;
}

/** Derives a registered decision again from its stored input, its proposal and the stored rule set, and compares. */
export function replayRegistration(cw: CaseWork, record: StoredRecord): RegistrationReplay {
  const input = JSON.parse(record.inputJson) as RegistrationInput;
  const found = proposalOf(cw, input.proposal.decisionId);
  const integrity = recordContentProblem(record);
  if (!found.ok) return { decisionId: record.decisionId, integrityProblem: integrity?.message ?? found.problem.message, differences: [], identical: false };
  const again = deriveRegistered(input, found.proposal.decision, refsOf(cw, record.ruleSetVersion), found.proposal.household);
  const differences = diffJson(JSON.parse(record.decisionJson), JSON.parse(JSON.stringify(again)));
  return { decisionId: record.decisionId, integrityProblem: integrity?.message ?? null, differences, identical: differences.length === 0 };
}
