/**
 * What the caseworker writes beside a proposal: the answers to the barnkonsekvens questions
 * (rules/barnkonsekvens.json) and free notes. The rule that keeps the two documents apart:
 *
 * - a question marked `"letter": "always"` in the rules (the child's views, how the child's best
 *   interest was weighed) is answered for the letter: its answer is printed in the applicant's letter,
 *   for one child when the answer names the child (memberId), else for every child;
 * - every other answer, and every note, is the caseworker's worksheet note: it reaches the letter only
 *   when the caseworker marked it `forLetter`.
 *
 * A refusal (delvis bifall, avslag) with children cannot be sent until each required question is
 * answered, and the child's views for each child (3 kap. 1–2 §§ SoL (2025:400)): `missingAnswers`.
 */
import type { ChildImpactPrompt } from '../../rulebook/types.ts';

export interface ChildAnswer {
  readonly promptId: string;
  /** The child the answer is about; absent or null: every child. */
  readonly memberId?: string | null;
  readonly answer: string;
  /** A worksheet answer the caseworker marked for the letter (a "letter: always" question is always for the letter). */
  readonly forLetter?: boolean;
}

export interface CaseworkerNote {
  readonly text: string;
  /** Marked for the letter: printed under the reasons. Unmarked: the worksheet only. */
  readonly forLetter: boolean;
}

export interface CaseworkerAnswers {
  readonly childAnswers?: readonly ChildAnswer[];
  readonly notes?: readonly CaseworkerNote[];
}

/** The prompts of the rules whose answers are written for the letter. */
export function letterPrompts(prompts: readonly ChildImpactPrompt[]): Set<string> {
  return new Set(prompts.filter((p) => p.letter === 'always').map((p) => p.id));
}

/** The answer to a prompt for one child: the child's own, else the one for every child; null when none. */
export function answerFor(answers: CaseworkerAnswers | undefined, promptId: string, memberId: string): string | null {
  const list = (answers?.childAnswers ?? []).filter((a) => a.promptId === promptId && a.answer.trim() !== '');
  const own = list.find((a) => a.memberId === memberId);
  const all = list.find((a) => a.memberId === undefined || a.memberId === null || a.memberId === '');
  return (own ?? all)?.answer.trim() ?? null;
}

/** A required answer that is missing: the prompt, and the child it is missing for (null: for the household). */
export interface MissingAnswer {
  readonly promptId: string;
  readonly number: number;
  readonly memberId: string | null;
}

/**
 * The answers a refusal still needs before it can be sent: each prompt the rules require on this
 * outcome; a letter question (the child's views) for each child. Nothing for an outcome that requires none.
 */
export function missingAnswers(prompts: readonly { readonly id: string; readonly number: number; readonly requiresAnswer: boolean }[], letterIds: ReadonlySet<string>, children: readonly string[], answers: CaseworkerAnswers | undefined): MissingAnswer[] {
  const missing: MissingAnswer[] = [];
  for (const p of prompts) {
    if (!p.requiresAnswer) continue;
    if (letterIds.has(p.id)) {
      for (const child of children) if (answerFor(answers, p.id, child) === null) missing.push({ promptId: p.id, number: p.number, memberId: child });
    } else if (!(answers?.childAnswers ?? []).some((a) => a.promptId === p.id && a.answer.trim() !== '')) {
      missing.push({ promptId: p.id, number: p.number, memberId: null });
    }
  }
  return missing;
}

/** The outcomes whose letter refuses something: a refusal that touches children needs the answers first. */
export const REFUSALS: ReadonlySet<string> = new Set(['partial', 'deny']);

/**
 * The answers a decision with this outcome still needs before a person may decide it (3 kap. 1–2 §§
 * SoL (2025:400)): nothing unless the outcome refuses something (delvis bifall, avslag) and the
 * household has children; then each question the rules require on that outcome, and the letter's
 * questions (the child's views, the weighing of the child's best interest) for each child. The one
 * check `letter --decided-by` and the workday's registration both make.
 */
export function answersMissingForDecision(outcome: string, children: readonly string[], prompts: readonly ChildImpactPrompt[], answers: CaseworkerAnswers | undefined): MissingAnswer[] {
  if (children.length === 0 || !REFUSALS.has(outcome)) return [];
  const required = prompts.map((p) => ({ id: p.id, number: p.number, requiresAnswer: p.requiredOn.includes(outcome) }));
  return missingAnswers(required, letterPrompts(prompts), children, answers);
}

/** The answers file, checked field by field: the answers, or the problems with their paths. */
export function parseAnswers(value: unknown): { ok: true; answers: CaseworkerAnswers } | { ok: false; issues: string[] } {
  const issues: string[] = [];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, issues: ['answers: expected an object with childAnswers and notes'] };
  const v = value as Record<string, unknown>;
  const childAnswers: ChildAnswer[] = [];
  const notes: CaseworkerNote[] = [];
  for (const key of Object.keys(v)) if (key !== 'childAnswers' && key !== 'notes') issues.push(`answers.${key}: unknown field (childAnswers, notes)`);
  const list = (key: string): unknown[] => {
    if (v[key] === undefined) return [];
    if (!Array.isArray(v[key])) {
      issues.push(`answers.${key}: expected an array`);
      return [];
    }
    return v[key] as unknown[];
  };
  list('childAnswers').forEach((a, i) => {
    const at = `answers.childAnswers[${i}]`;
    const o = (a ?? {}) as Record<string, unknown>;
    if (typeof o['promptId'] !== 'string') issues.push(`${at}.promptId: expected the question's id (a string)`);
    if (typeof o['answer'] !== 'string') issues.push(`${at}.answer: expected the answer as text`);
    if (o['memberId'] !== undefined && o['memberId'] !== null && typeof o['memberId'] !== 'string') issues.push(`${at}.memberId: expected a member id or null`);
    if (o['forLetter'] !== undefined && typeof o['forLetter'] !== 'boolean') issues.push(`${at}.forLetter: expected true or false`);
    if (typeof o['promptId'] === 'string' && typeof o['answer'] === 'string') {
      childAnswers.push({ promptId: o['promptId'], answer: o['answer'], ...(typeof o['memberId'] === 'string' ? { memberId: o['memberId'] } : {}), ...(o['forLetter'] === true ? { forLetter: true } : {}) });
    }
  });
  list('notes').forEach((n, i) => {
    const at = `answers.notes[${i}]`;
    const o = (n ?? {}) as Record<string, unknown>;
    if (typeof o['text'] !== 'string') issues.push(`${at}.text: expected the note as text`);
    if (typeof o['forLetter'] !== 'boolean') issues.push(`${at}.forLetter: expected true (printed in the letter) or false (the worksheet only)`);
    if (typeof o['text'] === 'string' && typeof o['forLetter'] === 'boolean') notes.push({ text: o['text'], forLetter: o['forLetter'] });
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, answers: { childAnswers, notes } };
}
