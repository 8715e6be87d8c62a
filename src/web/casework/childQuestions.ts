/**
 * The barnkonsekvens questions the case view asks per child (issue 21 item 2): the rules' letter
 * questions (the child's views, the weighing of the child's best interest), each child by name or as
 * "Barnet som är 7 år", with the outcomes on which an answer is required. The answers are sent with
 * the registration as `childAnswers` (casework/childAnswers.ts) and written in the letter.
 */
import { letterPrompts } from '../../explain/letter/answers.ts';
import { People } from '../../explain/people.ts';
import { parseHousehold } from '../../household/parse.ts';
import type { CaseWork } from '../../store/casework.ts';
import type { StoredRecord } from '../../store/store.ts';

export interface ChildQuestion {
  readonly promptId: string;
  readonly number: number;
  readonly question: string;
  /** The outcomes on which the answer is required before the decision is registered. */
  readonly requiredOn: readonly string[];
  /** Each child the question is asked for; empty: asked once, for the household. */
  readonly children: readonly { readonly memberId: string; readonly name: string }[];
}

/**
 * The per-child questions of a proposal; none when the household has no children. `proposal`: the
 * record's decision as the case view already rendered it (not unpacked again here). `masked`: the
 * viewer may not see skyddade personuppgifter, so a protected child is described ("Barnet som är 7
 * år"), never named, as in the case view's points.
 */
export function childQuestionsOf(cw: CaseWork, record: StoredRecord, proposal: { readonly outcome: string; readonly childImpact?: { readonly children?: readonly string[] } | null }, options: { readonly masked?: boolean } = {}): ChildQuestion[] {
  const children = proposal.childImpact?.children ?? [];
  if (children.length === 0) return [];
  const parsed = parseHousehold(JSON.parse(record.inputJson));
  if (!parsed.ok) return [];
  const people = new People(parsed.household, { masked: options.masked === true });
  const prompts = cw.store.ruleSet(record.ruleSetVersion).rules.childImpact.prompts;
  const forLetter = letterPrompts(prompts);
  const proposed = proposal.outcome;
  const perChild = prompts
    .filter((p) => forLetter.has(p.id))
    .map((p) => ({ promptId: p.id, number: p.number, question: p.sv, requiredOn: p.requiredOn, children: children.map((memberId) => ({ memberId, name: people.get(memberId)?.heading ?? 'Barnet' })) }));
  // The household's questions a refusal needs (8 and 9) are points of a refusing proposal; over an
  // approving one the caseworker who refuses answers them here, once for the household (children: []).
  const household = prompts
    .filter((p) => !forLetter.has(p.id) && p.requiredOn.length > 0 && !p.requiredOn.includes(proposed))
    .map((p) => ({ promptId: p.id, number: p.number, question: p.sv, requiredOn: p.requiredOn, children: [] }));
  return [...perChild, ...household];
}
