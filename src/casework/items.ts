/**
 * The points a person must mark before a decision is registered (issue 22): every flag of the
 * proposal (assessed, "bedömd"), every missing fact (answered, "besvarad") and every barnkonsekvens
 * question the proposal requires an answer to (answered), each with the person's comment. Sundsvall
 * acknowledges its warnings one by one; so does this.
 */
import { pointTextSv } from '../explain/casework.ts';
import type { People } from '../explain/people.ts';
import type { MessageArgs } from '../trace/messages.ts';
import type { Acknowledgement, AcknowledgedItem, Item } from './types.ts';

/** The parts of a proposal this module reads (a stored proposal, with or without rendered texts). */
export interface ProposalItems {
  /** blocksLetter: a person must act in the household itself first (an unclassified registered payment). */
  readonly flags: readonly { readonly code: string; readonly severity: string; readonly blocksLetter?: boolean; readonly text?: string; readonly message?: { readonly key: string; readonly args: MessageArgs } }[];
  readonly needsInformation: readonly { readonly code: string; readonly text?: string; readonly message?: { readonly key: string; readonly args: MessageArgs } }[];
  readonly childImpact?: { readonly prompts?: readonly { readonly id: string; readonly number: number; readonly question: string; readonly requiresAnswer: boolean }[] } | null;
}

/**
 * The points of a proposal. `people`: the household's people (People.fromInput of the stored input),
 * so that a point names the person ("Sara Lind står inte till …"); without them, the proposal's own
 * texts (registrations made before the points named people are derived that way: pointTexts).
 */
export function itemsOf(p: ProposalItems, people: People | null = null): Item[] {
  const textOf = (x: Parameters<typeof pointTextSv>[0]) => pointTextSv(x, people);
  const items: Item[] = [];
  p.flags.forEach((f, i) => items.push({ id: `flag-${i + 1}-${f.code}`, kind: 'flag', code: f.code, severity: f.severity, text: textOf(f), question: null }));
  p.needsInformation.forEach((n, i) => items.push({ id: `need-${i + 1}-${n.code}`, kind: 'missing', code: n.code, severity: null, text: textOf(n), question: null }));
  for (const q of p.childImpact?.prompts ?? []) {
    if (q.requiresAnswer) items.push({ id: `child-${q.id}`, kind: 'child', code: q.id, severity: null, text: `Barnkonsekvensanalys, fråga ${q.number}`, question: q.question });
  }
  return items;
}

export const COMMENT_MAX = 2000;

/**
 * The acknowledgements matched to the items: every item needs exactly one, with a comment, and an
 * acknowledgement of a point the proposal does not have is refused. Problems name the item.
 */
export function matchAcknowledgements(items: readonly Item[], given: readonly Acknowledgement[]): { ok: true; acknowledged: AcknowledgedItem[] } | { ok: false; problems: { item: string; code: string; message: string }[] } {
  const problems: { item: string; code: string; message: string }[] = [];
  const byId = new Map<string, Acknowledgement>();
  for (const a of given) {
    if (byId.has(a.item)) problems.push({ item: a.item, code: 'DUPLICATE_ITEM', message: `the point ${a.item} is marked twice` });
    else byId.set(a.item, a);
    if (!items.some((i) => i.id === a.item)) problems.push({ item: a.item, code: 'UNKNOWN_ITEM', message: `the proposal has no point ${a.item}` });
  }
  const acknowledged: AcknowledgedItem[] = [];
  for (const item of items) {
    const a = byId.get(item.id);
    if (!a || a.comment.trim() === '') {
      problems.push({ item: item.id, code: 'ITEM_OPEN', message: `${item.kind === 'flag' ? 'mark the flag as assessed' : 'mark the point as answered'} with a comment before the decision is registered` });
      continue;
    }
    acknowledged.push({ item: item.id, kind: item.kind, code: item.code, status: item.kind === 'flag' ? 'assessed' : 'answered', text: item.question ?? item.text, comment: a.comment.trim() });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, acknowledged };
}
