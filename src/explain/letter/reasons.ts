/**
 * The reasons of a letter, one paragraph each (32 § förvaltningslagen (2017:900): which facts decided
 * it and which rule was applied). Every refusal and every cut names the facts of the input it rests on
 * (the rent and the reasonable level, each income counted, the own money and the buffer) and ends with
 * its paragraph of the law; the right limb of 12 kap. 1 § is cited: a household whose own income or
 * money covers the need "kan själv tillgodose sina behov".
 *
 * Generic over the reasons: a reason whose key has no paragraph here (a new rule) is written from its
 * catalogue text, with people named, its paragraph of the law, and the input amounts it mentions as
 * its facts.
 */
import type { Household } from '../../household/types.ts';
import type { RuleSet } from '../../rulebook/types.ts';
import type { MessageArgs } from '../../trace/messages.ts';
import { dateSv, krSv, monthSv, othersSv } from '../format.ts';
import { renderMessage } from '../messages.ts';
import type { People } from '../people.ts';
import { capital } from '../people.ts';
import type { CostItem, DecisionSummary, IncomeItem, RenderedReason } from '../types.ts';
import type { LetterBlock, LetterFact } from './document.ts';

/** What a reason's paragraph is written from. */
export interface ReasonContext {
  readonly d: DecisionSummary;
  readonly household: Household;
  readonly rules: RuleSet;
  readonly people: People;
  /** The nämnd as the letter names it in a sentence ("nämnden"). */
  readonly board: string;
}

/** A type's label as a word in a sentence: "Boendekostnad (hyra/avgift)" → "boendekostnad". */
export function prose(label: string): string {
  const t = label.replace(/\s*\([^)]*\)\s*$/, '').trim();
  return /^[A-ZÅÄÖ]{2}/.test(t) ? t : t.charAt(0).toLowerCase() + t.slice(1);
}

const costLabel = (ctx: ReasonContext, type: string): string => prose(ctx.rules.costTypes[type]?.labelSv ?? 'kostnad');
const incomeLabel = (ctx: ReasonContext, type: string): string => prose(ctx.rules.incomeTypes[type]?.labelSv ?? 'inkomst');
const assetLabel = (ctx: ReasonContext, type: string): string => prose(ctx.rules.assetTypes[type]?.labelSv ?? 'tillgång');

/** "12 kap. 1 § första stycket SoL (2025:400)" in parentheses at the end of a sentence. */
const cite = (ref: string | undefined): string => (ref ? ` (${ref})` : '');

/** The input path of the household's cost of this type (and member), for a fact's `from`. */
function costPath(h: Household, type: string, memberId: string | null): string {
  const c = h.costs.find((x) => x.type === type && x.memberId === memberId) ?? h.costs.find((x) => x.type === type);
  return c ? `costs[${c.index}].amount` : 'costs';
}

function incomePath(h: Household, i: IncomeItem): string {
  if (i.source !== 'application') return 'registeredIncomes';
  const x = h.incomes.find((y) => y.memberId === i.memberId && y.type === i.type);
  return x ? `incomes[${x.index}].amount` : 'incomes';
}

/** A counted income in a sentence: "lön till dig, 12 000 kr". */
function incomePhrase(ctx: ReasonContext, i: IncomeItem): string {
  const label = i.agency !== undefined && i.benefit ? prose(i.benefit) : incomeLabel(ctx, i.type);
  return `${label} till ${ctx.people.object(i.memberId)}, ${krSv(i.amount ?? '0')}`;
}

/** The incomes that count, as facts: each amount as printed and the field it came from. */
function countedIncomes(ctx: ReasonContext): IncomeItem[] {
  return ctx.d.income.items.filter((i) => i.counted !== null && i.counted !== '0' && i.code !== 'REPLACED_BY_REGISTERED');
}

/**
 * Why a counted income counts as it does, when that is a rule of its own (a child's income up to the
 * child's share, a youth's earnings over the limit, jobbstimulans): one or two sentences with the
 * paragraph, else null.
 */
function incomeRule(ctx: ReasonContext, i: IncomeItem): string | null {
  const a = i.message.args;
  const key = i.message.key;
  const who = ctx.people.get(i.memberId);
  const name = who?.role === 'applicant' ? 'dig' : ctx.people.object(i.memberId);
  const label = incomeLabel(ctx, i.type);
  const childRef = ctx.rules.legal.refs['childrenEarnings']?.ref;
  const ownRef = ctx.rules.legal.refs['childOwnMeans']?.ref ?? ctx.rules.legal.refs['ownMeans']?.ref;
  if (key === 'income.childIncomeCounted' || key === 'income.childIncomeAboveShare' || key === 'income.childEarningsAboveShare') {
    const sentences = [`Av ${label} till ${name} på ${krSv(i.amount ?? '0')} räknas ${krSv(i.counted ?? '0')} som inkomst.`];
    sentences.push(`Inkomsten räknas bara upp till den del av hushållets kostnader som gäller ${name}, ${krSv(String(a['share'] ?? '0'))}.`);
    if (i.counted !== i.amount) sentences.push(`Ett barn behöver inte försörja sina föräldrar${cite(ownRef)}.`);
    if (key === 'income.childEarningsAboveShare') sentences.push(`Arbetsinkomst upp till ${krSv(String(a['limit'] ?? '0'))} om året räknas inte alls${cite(childRef)}.`);
    return sentences.join(' ');
  }
  if (key === 'income.childEarningsAboveLimit') {
    return `${capital(label)} till ${name} på ${krSv(i.amount ?? '0')} är arbetsinkomst för ett barn som bor hemma. Upp till ${krSv(String(a['limit'] ?? '0'))} om året räknas den inte. Det som är över gränsen får nämnden räkna. Här räknas ${krSv(i.counted ?? '0')}${cite(childRef)}.`;
  }
  if (key === 'income.jobbstimulans') {
    return `Av ${label} till ${name} på ${krSv(i.amount ?? '0')} räknas bara ${krSv(i.counted ?? '0')}. Resten räknas inte, eftersom hushållet har haft försörjningsstöd i minst sex månader i följd (jobbstimulans${cite(ctx.rules.legal.refs['jobbstimulans']?.ref).replace(' (', ', ').replace(/\)$/, '')}).`;
  }
  return null;
}

/** Facts: the amounts of the incomes, as printed. */
function incomeFacts(ctx: ReasonContext, items: readonly IncomeItem[]): LetterFact[] {
  return items.map((i) => ({ text: krSv(i.amount ?? '0'), from: incomePath(ctx.household, i) }));
}

/** The own money of the household that counts (bank, cash …), as phrases and facts. */
function liquidAssets(ctx: ReasonContext): { phrases: string[]; facts: LetterFact[] } {
  const items = ctx.household.assets.filter((a) => a.amount !== null && ctx.rules.assetTypes[a.type]?.liquid === true);
  return {
    phrases: items.map((a) => `${assetLabel(ctx, a.type)} ${krSv(String(a.amount! / 100))}`),
    facts: items.map((a) => ({ text: krSv(String(a.amount! / 100)), from: `assets[${a.index}].amount` })),
  };
}

function rightToAssistance(ctx: ReasonContext, r: RenderedReason): LetterBlock[] {
  const { d } = ctx;
  const month = monthSv(d.period);
  const incomes = countedIncomes(ctx);
  const out: string[] = [`Hushållets behov för ${month} är ${krSv(d.need ?? '0')}.`];
  if (d.costs.accepted !== null && d.costs.accepted !== '0') out.push(`Det är riksnormen, ${krSv(d.norm.total ?? '0')}, och skäliga kostnader, ${krSv(d.costs.accepted)}.`);
  out.push(incomes.length === 0 ? 'Hushållet har inga inkomster som räknas.' : `Inkomsterna som räknas är ${krSv(d.income.counted ?? '0')}.`);
  if (d.assets.used !== null && d.assets.used !== '0') out.push(`Egna pengar på ${krSv(d.assets.used)} används först.`);
  out.push(`Det räcker inte till behovet, så du kan inte själv tillgodose hushållets behov. Därför har du rätt till försörjningsstöd med ${krSv(r.amount ?? d.payable ?? '0')}${cite(r.legalRef)}.`);
  return [{ kind: 'p', text: out.join(' '), code: r.code, facts: incomeFacts(ctx, incomes) }];
}

function incomeCoversNeed(ctx: ReasonContext, r: RenderedReason): LetterBlock[] {
  const { d } = ctx;
  const incomes = countedIncomes(ctx);
  const blocks: LetterBlock[] = [];
  const facts = incomeFacts(ctx, incomes);
  const text = [`Hushållets behov för ${monthSv(d.period)} är ${krSv(d.need ?? '0')}. Inkomsterna som räknas är ${krSv(d.income.counted ?? '0')}.`];
  blocks.push({ kind: 'p', text: text.join(' '), code: r.code, refusal: true, facts: [] });
  if (incomes.length > 0) blocks.push({ kind: 'list', items: incomes.map((i) => `${capital(incomePhrase(ctx, i))}${i.counted !== i.amount ? `, varav ${krSv(i.counted ?? '0')} räknas` : ''}`), code: r.code, refusal: true, facts });
  for (const i of incomes) {
    const rule = incomeRule(ctx, i);
    if (rule !== null) blocks.push({ kind: 'p', text: rule, code: r.code, refusal: true, facts: incomeFacts(ctx, [i]) });
  }
  const over = Number(d.income.counted ?? 0) - Number(d.need ?? 0);
  blocks.push({
    kind: 'p',
    text: `Inkomsterna är ${over > 0 ? `${krSv(over.toFixed(2).replace(/\.00$/, ''))} högre än behovet` : 'lika stora som behovet'}. Du kan alltså själv tillgodose hushållets behov. Därför har du inte rätt till försörjningsstöd${cite(r.legalRef)}.`,
    code: r.code,
    refusal: true,
    facts: [],
  });
  return blocks;
}

/** The municipality's buffer of own money, as a sentence (none: all of it counts). */
const buffer = (amount: string): string =>
  amount === '0' ? 'Enligt kommunens riktlinje får ni inte behålla någon del som buffert.' : `Av dem får ni behålla ${krSv(amount)} som buffert, enligt kommunens riktlinje.`;

function assetsCoverNeed(ctx: ReasonContext, r: RenderedReason): LetterBlock[] {
  const { d } = ctx;
  const a = r.message.args;
  const { phrases, facts } = liquidAssets(ctx);
  const text = [
    `Hushållets behov för ${monthSv(d.period)} är ${krSv(d.need ?? '0')} och inkomsterna som räknas är ${krSv(d.income.counted ?? '0')}. Det saknas alltså ${krSv(String(a['deficit'] ?? '0'))}.`,
    phrases.length > 0 ? `Hushållet har egna pengar: ${phrases.join(', ')}.` : '',
    a['buffer'] !== undefined ? buffer(String(a['buffer'])) : '',
    `Resten, ${krSv(String(a['available'] ?? '0'))}, räcker till det som saknas. Du kan alltså själv tillgodose hushållets behov med egna pengar. Därför har du inte rätt till försörjningsstöd${cite(r.legalRef)}.`,
  ].filter(Boolean);
  return [{ kind: 'p', text: text.join(' '), code: r.code, refusal: true, facts }];
}

function ownMeansUsed(ctx: ReasonContext, r: RenderedReason): LetterBlock[] {
  const a = r.message.args;
  const { phrases, facts } = liquidAssets(ctx);
  const text = [
    phrases.length > 0 ? `Hushållet har egna pengar: ${phrases.join(', ')}.` : 'Hushållet har egna pengar.',
    buffer(String(a['buffer'] ?? '0')),
    `Resten, ${krSv(String(a['used'] ?? '0'))}, ska användas först, på samma sätt som en inkomst. Därför blir försörjningsstödet ${krSv(String(a['used'] ?? '0'))} lägre${cite(r.legalRef)}.`,
  ];
  return [{ kind: 'p', text: text.join(' '), code: r.code, refusal: true, facts }];
}

function labourMarket(ctx: ReasonContext, r: RenderedReason): LetterBlock[] {
  const who = typeof r.message.args['memberId'] === 'string' ? ctx.people.subject(String(r.message.args['memberId'])) : 'du';
  return [
    {
      kind: 'p',
      text: `${capital(who)} kan arbeta men står inte till arbetsmarknadens förfogande och har inte angett något godtagbart skäl. Den som kan arbeta har rätt till försörjningsstöd bara om hen står till arbetsmarknadens förfogande${cite(r.legalRef)}.`,
      code: r.code,
      refusal: true,
      facts: [{ text: 'står inte till arbetsmarknadens förfogande', from: 'circumstances.availableForWork' }],
    },
  ];
}

/**
 * A housing cost of a shared home (costs/index.ts: the household's share, `sharedShare` in the item's
 * arguments): why only part of the whole cost is the household's — the others who live there carry
 * their parts in their own cases. The sentences a cut of a shared home's cost begins with.
 */
function sharedSentences(ctx: ReasonContext, item: CostItem): string[] {
  const a = item.message.args;
  const others = Number(a['sharedOthers'] ?? 0);
  return [
    `Bostaden delas med ${othersSv(others)}. ${capital(costLabel(ctx, item.type))} för hela bostaden är ${krSv(String(a['amount']))} i månaden.`,
    `Den delas lika ${a['sharedPolicy'] === 'per-adult' ? 'per vuxen' : 'per person'}, enligt kommunens riktlinje. Hushållets del är ${krSv(String(a['sharedShare']))}. ${others === 1 ? 'Den andra personens del' : 'De andras delar'}, ${krSv(String(a['sharedOthersShare']))}, hör till ${others === 1 ? 'den personens eget ärende' : 'deras egna ärenden'}.`,
  ];
}

const isShared = (item: CostItem): boolean => item.message.args['sharedShare'] !== undefined;

/** Where a cut housing cost's reasonable level comes from and, after a rådrum, how long the household had. */
function rentCut(ctx: ReasonContext, item: CostItem, r: RenderedReason): LetterBlock[] {
  const a = item.message.args;
  const facts: LetterFact[] = [{ text: krSv(String(a['amount'])), from: costPath(ctx.household, item.type, item.memberId) }];
  if (a['ceiling'] !== undefined) facts.push({ text: krSv(String(a['ceiling'])), from: 'circumstances.rentCeiling' });
  const size = ctx.d.norm.householdSize;
  const shared = isShared(item);
  const text = [
    ...(shared ? sharedSentences(ctx, item) : [`Boendekostnaden är ${krSv(String(a['amount']))} i månaden.`]),
    `Nämnden bedömer att en skälig boendekostnad för ett hushåll med ${size} ${size === 1 ? 'person' : 'personer'} är ${krSv(String(a['ceiling']))}${a['basis'] ? `, enligt ${a['basis']}` : ''}.`,
  ];
  if (a['notifiedOn'] !== undefined) {
    const months = Number(a['months']);
    text.push(`Du fick besked om det den ${dateSv(String(a['notifiedOn']))}. Sedan dess har du haft ${months} ${months === 1 ? 'månad' : 'månader'} på dig att hitta en billigare bostad (rådrum), till den ${dateSv(String(a['endsOn']))}.`);
  }
  text.push(shared
    ? `Därför godtas ${krSv(String(a['accepted']))}. Resten, ${krSv(String(a['refused']))}, beviljas inte här: ${Number(a['sharedOthers']) === 1 ? 'den andra personens del' : 'de andras delar'} och ${krSv(String(a['above']))} över den skäliga nivån${cite(r.legalRef)}.`
    : `Därför godtas ${krSv(String(a['accepted']))}. Resten, ${krSv(String(a['refused']))}, beviljas inte${cite(r.legalRef)}.`);
  return [{ kind: 'p', text: text.join(' '), code: r.code, refusal: true, facts }];
}

/** A shared home's housing cost within the reasonable level (or within the rådrum): only the others' parts are not granted here. */
function sharedHousing(ctx: ReasonContext, item: CostItem, r: RenderedReason): LetterBlock[] {
  const a = item.message.args;
  const text = [...sharedSentences(ctx, item), `Därför godtas ${krSv(String(a['sharedShare']))}. Resten, ${krSv(String(a['sharedOthersShare']))}, beviljas inte här${cite(r.legalRef)}.`];
  return [{ kind: 'p', text: text.join(' '), code: r.code, refusal: true, facts: [{ text: krSv(String(a['amount'])), from: costPath(ctx.household, item.type, item.memberId) }] }];
}

/** A cost above the level of the nämnd's guideline (costs/guideline.ts): the claim, the level, the guideline's decision, the excess. */
function guidelineCut(ctx: ReasonContext, item: CostItem, r: RenderedReason): LetterBlock[] {
  const a = item.message.args;
  const label = costLabel(ctx, item.type);
  const text = [
    `Du har sökt ${label}${item.memberId ? ` för ${ctx.people.object(item.memberId)}` : ''} med ${krSv(String(a['amount']))}.`,
    `Nämndens riktlinje godtar högst ${krSv(String(a['ceiling']))}${a['basis'] ? ` (${a['basis']})` : ''}.`,
    `Därför godtas ${krSv(String(a['accepted']))}. Resten, ${krSv(String(a['refused']))}, beviljas inte${cite(r.legalRef)}.`,
  ];
  const facts: LetterFact[] = [{ text: krSv(String(a['amount'])), from: costPath(ctx.household, item.type, item.memberId) }];
  return [{ kind: 'p', text: text.join(' '), code: r.code, refusal: true, facts }];
}

function costCut(ctx: ReasonContext, item: CostItem, r: RenderedReason): LetterBlock[] {
  const label = costLabel(ctx, item.type);
  const text = `Du har sökt ${label}${item.memberId ? ` för ${ctx.people.object(item.memberId)}` : ''} med ${krSv(item.claimed ?? '0')}. Nämnden godtar ${krSv(item.accepted ?? '0')} som skälig kostnad. Resten, ${krSv(r.amount ?? '0')}, beviljas inte${cite(r.legalRef)}.`;
  return [{ kind: 'p', text, code: r.code, refusal: true, facts: [{ text: krSv(item.claimed ?? '0'), from: costPath(ctx.household, item.type, item.memberId) }] }];
}

/** The input's amounts as printed, with their paths: what a generic paragraph may name as its facts. */
function inputAmounts(h: Household): LetterFact[] {
  const facts: LetterFact[] = [];
  const add = (amount: number | null, from: string) => amount !== null && facts.push({ text: krSv(String(amount / 100)), from });
  for (const c of h.costs) add(c.amount, `costs[${c.index}].amount`);
  for (const i of h.incomes) add(i.amount, `incomes[${i.index}].amount`);
  for (const a of h.assets) add(a.amount, `assets[${a.index}].amount`);
  for (const r of h.registeredIncomes) add(r.net, `registeredIncomes[${r.index}].net`);
  add(h.circumstances.rentCeiling, 'circumstances.rentCeiling');
  add(h.circumstances.rentArrears, 'circumstances.rentArrears');
  return facts;
}

/** A reason this module has no paragraph for: its catalogue text with people named, and its paragraph. */
function generic(ctx: ReasonContext, r: RenderedReason, refusal: boolean): LetterBlock[] {
  const args: MessageArgs = ctx.people.args(r.message.args, 'third');
  const text = `${renderMessage('sv', r.message.key, args).replace(/\.$/, '')}${cite(r.legalRef)}.`;
  const facts = inputAmounts(ctx.household).filter((f) => text.includes(f.text));
  for (const id of ctx.people.ids()) {
    const p = ctx.people.get(id)!;
    if (p.name !== null && text.includes(p.name)) facts.push({ text: p.name, from: `members[${ctx.household.members.findIndex((m) => m.id === id)}].name` });
  }
  return [{ kind: 'p', text, code: r.code, ...(refusal ? { refusal: true } : {}), facts }];
}

/** The cost line a cut (a reason whose message is a cost's) belongs to, or null. */
export function cutItem(d: DecisionSummary, r: RenderedReason): CostItem | null {
  return d.costs.items.find((i) => i.message === r.message || (i.code === r.code && i.reason === r.text)) ?? null;
}

/** The paragraphs of every reason, in the decision's order. */
export function reasonBlocks(ctx: ReasonContext): LetterBlock[] {
  const blocks: LetterBlock[] = [];
  for (const r of ctx.d.reasons) {
    const key = r.message.key;
    if (r.code === 'RIGHT_TO_ASSISTANCE') blocks.push(...rightToAssistance(ctx, r));
    else if (key === 'reason.INCOME_COVERS_NEED') blocks.push(...incomeCoversNeed(ctx, r));
    else if (key === 'reason.ASSETS_COVER_NEED') blocks.push(...assetsCoverNeed(ctx, r));
    else if (key === 'reason.OWN_MEANS_USED') blocks.push(...ownMeansUsed(ctx, r));
    else if (key === 'reason.NOT_AT_LABOUR_MARKET_DISPOSAL') blocks.push(...labourMarket(ctx, r));
    else if (key.startsWith('costs.')) {
      // A cost the decision cuts: the item with this message.
      const item = cutItem(ctx.d, r);
      if (item === null) blocks.push(...generic(ctx, r, true));
      else if (key === 'costs.rentAboveCeiling' && item.message.args['ceiling'] !== undefined) blocks.push(...rentCut(ctx, item, r));
      // A shared home (the item carries its share, whatever the rent's key): the sharing is the reason.
      else if (isShared(item)) blocks.push(...sharedHousing(ctx, item, r));
      else if (key === 'costs.aboveGuideline' && item.message.args['ceiling'] !== undefined) blocks.push(...guidelineCut(ctx, item, r));
      else blocks.push(...costCut(ctx, item, r));
    } else blocks.push(...generic(ctx, r, r.amount !== undefined || ctx.d.outcome === 'deny'));
  }
  return blocks;
}
