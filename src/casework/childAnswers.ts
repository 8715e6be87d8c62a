/**
 * The child's views and the weighing of the child's best interest, per child, at registration
 * (issue 21 item 2; 3 kap. 1–2 §§ SoL (2025:400)). A refusal (delvis bifall, avslag) that touches
 * children is not registered until the rules' letter questions (rules/barnkonsekvens.json, `"letter":
 * "always"`: the child's views, the weighing) are answered for each child, and every other question
 * the rules require on that outcome is answered: the same check `letter --decided-by` makes
 * (answersMissingForDecision, explain/letter/answers.ts). The answers to the letter questions are
 * written in the applicant's letter, per child; they are kept in the registration's input, so the
 * letter made from the registration (casework/letter.ts) prints exactly what was registered.
 *
 * The request carries them as `childAnswers: [{ promptId, memberId, answer }]`. A letter question
 * answered for every child marks its point of the proposal as answered (the per-child answers are the
 * comment), so the person does not write the same thing twice.
 */
import { answerFor, answersMissingForDecision, letterPrompts, type ChildAnswer } from '../explain/letter/answers.ts';
import { People } from '../explain/people.ts';
import type { Household } from '../household/types.ts';
import type { ChildImpactPrompt } from '../rulebook/types.ts';
import type { Problem } from './register.ts';
import type { RegistrationInput } from './types.ts';

/** An answer as the registration keeps it: for one child (memberId) or for every child. */
export type RegisteredChildAnswer = NonNullable<RegistrationInput['childAnswers']>[number];

export const CHILD_ANSWER_MAX = 2000;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export interface ChildAnswersRead {
  readonly answers: readonly RegisteredChildAnswer[];
  readonly problems: readonly Problem[];
  /** Acknowledgements the per-child answers give for the proposal's points (child-<promptId>), to add when the request has none for them. */
  readonly acknowledgements: readonly { readonly item: string; readonly comment: string }[];
}

/**
 * Reads `childAnswers` of a registration request and checks them against the decided outcome: each
 * problem names the child's field (`childAnswers.<memberId>.<promptId>`) and the child by name or as
 * "Barnet som är 7 år".
 */
export function readChildAnswers(raw: unknown, ctx: { readonly household: Household; readonly children: readonly string[]; readonly prompts: readonly ChildImpactPrompt[]; readonly acknowledged: ReadonlyMap<string, string> }): ChildAnswersRead {
  const body = isObject(raw) ? raw : {};
  const problems: Problem[] = [];
  const answers: RegisteredChildAnswer[] = [];
  const given = body['childAnswers'];
  const known = new Set(ctx.prompts.map((p) => p.id));
  if (given !== undefined && given !== null && !Array.isArray(given)) problems.push({ path: 'childAnswers', code: 'INVALID_FIELD', message: 'Ange svaren som en lista { promptId, memberId, answer }.' });
  (Array.isArray(given) ? given : []).forEach((a, i) => {
    const at = `childAnswers[${i}]`;
    if (!isObject(a) || typeof a['promptId'] !== 'string' || typeof a['answer'] !== 'string') {
      problems.push({ path: at, code: 'INVALID_FIELD', message: 'Ange { promptId, memberId, answer } med svaret som text.' });
      return;
    }
    const memberId = a['memberId'] === undefined || a['memberId'] === null ? null : a['memberId'];
    if (memberId !== null && (typeof memberId !== 'string' || !ctx.children.includes(memberId))) {
      problems.push({ path: `${at}.memberId`, code: 'UNKNOWN_CHILD', message: 'Barnet finns inte i ansökan.' });
      return;
    }
    if (!known.has(a['promptId'])) {
      problems.push({ path: `${at}.promptId`, code: 'UNKNOWN_QUESTION', message: 'Frågan finns inte i barnkonsekvensanalysen.' });
      return;
    }
    if (a['answer'].length > CHILD_ANSWER_MAX) {
      problems.push({ path: `${at}.answer`, code: 'TOO_LONG', message: `Högst ${CHILD_ANSWER_MAX} tecken.` });
      return;
    }
    if (a['answer'].trim() === '') return;
    answers.push({ promptId: a['promptId'], ...(memberId !== null ? { memberId } : {}), answer: a['answer'].trim() });
  });

  const outcome = typeof body['outcome'] === 'string' ? body['outcome'] : '';
  const forLetter = letterPrompts(ctx.prompts);
  // A question that is not the letter's counts as answered by its point's comment (it stays in the worksheet and journal).
  const fromPoints: ChildAnswer[] = [...ctx.acknowledged].filter(([id, comment]) => !forLetter.has(id) && comment.trim() !== '').map(([promptId, answer]) => ({ promptId, answer }));
  const people = new People(ctx.household);
  for (const m of answersMissingForDecision(outcome, ctx.children, ctx.prompts, { childAnswers: [...answers, ...fromPoints] })) {
    const prompt = ctx.prompts.find((p) => p.id === m.promptId)!;
    if (m.memberId !== null) {
      const what = prompt.area === 'view' ? 'Barnets åsikter' : prompt.area === 'weighing' ? 'Hur barnets bästa har vägts' : `Svaret på fråga ${m.number}`;
      problems.push({ path: `childAnswers.${m.memberId}.${m.promptId}`, code: 'CHILD_ANSWER_REQUIRED', message: `${what} saknas för ${people.get(m.memberId)?.heading ?? 'ett barn'}: ett avslag eller delvis avslag som berör barn beslutas inte förrän det är besvarat för varje barn (3 kap. 1–2 §§ SoL). Svaret skrivs i beslutsbrevet.` });
    } else {
      problems.push({ path: `acknowledgements.child-${m.promptId}`, code: 'CHILD_ANSWER_REQUIRED', message: `Barnkonsekvensanalysen, fråga ${m.number} (${prompt.sv}), ska besvaras innan ett avslag eller delvis avslag som berör barn beslutas.` });
    }
  }

  const acknowledgements = [...forLetter]
    .filter((id) => ctx.children.length > 0 && ctx.children.every((c) => answerFor({ childAnswers: answers }, id, c) !== null))
    .map((id) => ({ item: `child-${id}`, comment: `Besvarad för varje barn i beslutsbrevet: ${ctx.children.map((c) => `${people.get(c)?.heading ?? 'Barnet'}: ${answerFor({ childAnswers: answers }, id, c)}`).join(' ')}`.slice(0, CHILD_ANSWER_MAX) }));
  return { answers, problems, acknowledgements };
}
