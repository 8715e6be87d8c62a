/**
 * The letter's barnkonsekvensanalys (3 kap. 1–2 §§ SoL (2025:400); 1 kap. 2 § and 11 kap. 10 § SoL
 * (2001:453)): for each child, the situation (age, days at home, the home), what the decision means
 * for that child (needs met, what is refused, what happens to the home), how the child's best interest
 * was weighed and the child's views, the last two in the caseworker's own words. Nothing is said to
 * have been assessed that a person has not assessed: without the caseworker's answers a proposal says
 * that the caseworker will do it before deciding. No per-head öre split of a refusal: that stays in
 * the worksheet.
 */
import type { Household } from '../../household/types.ts';
import { daysInMonth } from '../../period/index.ts';
import type { RuleSet } from '../../rulebook/types.ts';
import { krSv } from '../format.ts';
import type { People } from '../people.ts';
import { capital } from '../people.ts';
import type { DecisionSummary } from '../types.ts';
import { answerFor, type CaseworkerAnswers } from './answers.ts';
import type { LetterBlock, LetterKind, LetterSection } from './document.ts';
import { cutItem, prose } from './reasons.ts';

export interface ChildrenContext {
  readonly d: DecisionSummary;
  readonly household: Household;
  readonly rules: RuleSet;
  readonly people: People;
  readonly answers: CaseworkerAnswers | undefined;
  readonly kind: LetterKind;
}

/** The housing cost lines of the decision (a rent or a shared home's share). */
const isHousing = (key: string): boolean => key.startsWith('costs.rent') || key === 'costs.sharedHousing';

function situation(ctx: ChildrenContext, id: string): string {
  const { d, household, people } = ctx;
  const p = people.get(id)!;
  const member = household.members.find((m) => m.id === id)!;
  const c = d.childImpact?.perChild.find((x) => x.memberId === id);
  const who = capital(p.subject);
  const days = c?.daysInHousehold ?? null;
  const sentences: string[] = [];
  if (c === undefined || c.residence === 'full-time') sentences.push(`${who} bor i hushållet hela månaden.`);
  else if (c.residence === 'not-this-month') sentences.push(`${who} bor inte i hushållet den här månaden.`);
  else sentences.push(`${who} bor i hushållet ${days} av ${daysInMonth(household.period)} dagar den här månaden.`);
  if (member.lunchOutsideHome) sentences.push(`${capital(p.subject)} äter lunch på förskolan.`);
  const housing = d.costs.items.filter((i) => i.type === 'rent' && i.claimed !== null);
  if (housing.length > 0) sentences.push(`Hushållets boendekostnad är ${krSv(housing[0]!.claimed!)} i månaden.`);
  const arrears = household.circumstances.rentArrears;
  if (arrears !== null && arrears > 0) sentences.push(`Hushållet har en hyresskuld på ${krSv(String(arrears / 100))}.`);
  return sentences.join(' ');
}

/** What the decision means for the child: needs met, what is refused, what happens to the home. */
function meaning(ctx: ChildrenContext, id: string): string {
  const { d, people, rules } = ctx;
  const p = people.get(id)!;
  const c = d.childImpact?.perChild.find((x) => x.memberId === id);
  const norm = c ? ` (${krSv(c.norm)})` : '';
  const who = p.object;
  const out: string[] = [];
  const cuts = d.reasons.filter((r) => r.code !== 'RIGHT_TO_ASSISTANCE' && r.amount !== undefined && r.message.key.startsWith('costs.'));
  // The home: a cut of the rent itself (above the reasonable level, or the share of a shared home).
  const housingCut = cuts.find((r) => isHousing(r.message.key) && cutItem(d, r)?.type === 'rent');
  const childIncome = d.income.items.find((i) => i.memberId === id && i.counted !== null && i.counted !== '0');
  switch (d.outcome) {
    case 'approve':
      out.push(`Försörjningsstödet räcker till behoven för ${who} enligt riksnormen${norm} och till hushållets boende.`);
      break;
    case 'partial': {
      out.push(`Försörjningsstödet räcker till behoven för ${who} enligt riksnormen${norm}.`);
      if (housingCut) {
        out.push(`Men ${krSv(housingCut.amount!)} av boendekostnaden beviljas inte. Hushållet får betala det själv eller hitta en billigare bostad. Det kan betyda att ${p.subject} behöver flytta.`);
      }
      for (const r of cuts.filter((x) => x !== housingCut)) {
        const item = cutItem(d, r);
        out.push(`Av kostnaden för ${item ? prose(rules.costTypes[item.type]?.labelSv ?? 'det sökta') : 'det sökta'} beviljas ${krSv(r.amount!)} inte.`);
      }
      if (d.assets.used !== null && d.assets.used !== '0') out.push('Hushållets egna pengar används först.');
      break;
    }
    case 'deny': {
      const denied = d.reasons.find((r) => r.code !== 'RIGHT_TO_ASSISTANCE' && !r.message.key.startsWith('costs.'));
      if (denied?.code === 'INCOME_COVERS_NEED') out.push(`Hushållets inkomster räcker till behoven för ${who} enligt riksnormen${norm} och till boendet.`);
      else if (denied?.code === 'ASSETS_COVER_NEED') out.push(`Hushållets egna pengar räcker till behoven för ${who} enligt riksnormen${norm} den här månaden.`);
      else out.push(`Avslaget gäller hela hushållet, också ${who}.`);
      if (housingCut) out.push(`${krSv(housingCut.amount!)} av boendekostnaden är mer än vad som är skäligt.`);
      break;
    }
    default:
      break;
  }
  if (childIncome !== undefined && childIncome.counted !== childIncome.amount) {
    out.push(`Inkomsten för ${who} räknas bara till en del, upp till det som gäller ${who}. Resten får ${p.subject} behålla.`);
  }
  return out.join(' ');
}

/** One section for the children, with an intro and a part for each child. */
export function childSections(ctx: ChildrenContext): LetterSection[] {
  const { d, rules, people, answers, kind } = ctx;
  if (d.childImpact === null || d.childImpact.children.length === 0) return [];
  const refs = [rules.legal.refs['childBestInterest']?.ref, rules.legal.refs['childViews']?.ref].filter((r): r is string => r !== undefined);
  const children = d.childImpact.children;
  const intro: LetterBlock[] = [
    { kind: 'p', text: `Vid ett beslut som rör barn ska nämnden främst tänka på vad som är bäst för barnet. Barnet har rätt att säga vad det tycker${refs.length ? ` (${refs.join('; ')})` : ''}.` },
  ];
  const weighed = children.filter((id) => answerFor(answers, 'weighing', id) !== null);
  const heard = children.filter((id) => answerFor(answers, 'child-view', id) !== null);
  if (kind === 'proposal' && (weighed.length < children.length || heard.length < children.length)) {
    intro.push({ kind: 'p', text: 'Innan beslutet fattas tar handläggaren reda på vad barnen tycker och väger in vad som är bäst för dem.' });
  }
  const notes = (answers?.childAnswers ?? []).filter((a) => a.forLetter === true && a.promptId !== 'weighing' && a.promptId !== 'child-view' && (a.memberId === undefined || a.memberId === null || a.memberId === '') && a.answer.trim() !== '');
  for (const n of notes) intro.push({ kind: 'p', text: n.answer.trim() });
  const sections: LetterSection[] = [{ id: 'children', heading: 'Barnets bästa', level: 2, blocks: intro }];
  for (const id of children) {
    const p = people.get(id);
    if (p === undefined) continue;
    const blocks: LetterBlock[] = [{ kind: 'p', text: situation(ctx, id) }];
    const m = meaning(ctx, id);
    if (m !== '') blocks.push({ kind: 'p', text: m });
    const weighing = answerFor(answers, 'weighing', id);
    if (weighing !== null) blocks.push({ kind: 'p', text: `Så har vi vägt in vad som är bäst för ${p.object}: ${weighing}` });
    const view = answerFor(answers, 'child-view', id);
    if (view !== null) blocks.push({ kind: 'p', text: `Vad ${p.subject} tycker: ${view}` });
    for (const n of (answers?.childAnswers ?? []).filter((a) => a.forLetter === true && a.memberId === id && a.promptId !== 'weighing' && a.promptId !== 'child-view' && a.answer.trim() !== '')) {
      blocks.push({ kind: 'p', text: n.answer.trim() });
    }
    sections.push({ id: 'child', memberId: id, heading: p.heading, level: 3, blocks });
  }
  return sections;
}
