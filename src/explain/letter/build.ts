/**
 * The applicant's letter as a document (document.ts): a clean function of the decision (with its
 * texts), the household, the rules it was made with, the caseworker's answers and who decided.
 *
 *   proposal   "Förslag till beslut" until a person decides: the handläggare proposes
 *   decision   "Beslut" once a person (or the nämnd's automated decision) has decided
 *   request    "Begäran om komplettering": facts the applicant can send are missing
 *   none       nothing to send (the rules are not published; a choice only a person can make)
 *
 * The letter holds only what the applicant should read: the decision, how it was counted, the
 * reasons with the facts and the law (reasons.ts), the barnkonsekvensanalys (children.ts), how to
 * appeal, whom to contact, who decided. Names, never member ids; plain Swedish, never a code word, a
 * hash or a note to the caseworker (those are the worksheet's, worksheet.ts). A fact not given is left
 * out, never printed as "–". Nothing of the worksheet reaches the letter unless the caseworker marked
 * it for the letter (answers.ts).
 */
import type { Household } from '../../household/types.ts';
import type { RuleSet } from '../../rulebook/types.ts';
import type { RegisteredPaymentOut } from '../../output/types.ts';
import type { MessageArgs } from '../../trace/messages.ts';
import { dateSv, krSv, monthSv } from '../format.ts';
import { AGENCY } from '../labels.js';
import { renderMessage } from '../messages.ts';
import { capital, People } from '../people.ts';
import type { DecisionSummary } from '../types.ts';
import type { CaseworkerAnswers } from './answers.ts';
import { childSections } from './children.ts';
import type { LetterBlock, LetterDocument, LetterKind, LetterSection } from './document.ts';
import { officeContactText, type BoardOffice } from './office.ts';
import { cutItem, prose, reasonBlocks, type ReasonContext } from './reasons.ts';

/** Who decided: a person (the caseworker decision registered beside the proposal) or the nämnd's automated decision. */
export interface Decided {
  readonly by: string;
  readonly title?: string | null;
  /** YYYY-MM-DD */
  readonly on: string;
  readonly delegation?: string | null;
}

/** A monthly approval decided automatically under the nämnd's delegation (docs/monthly.md). */
export interface AutomatedDecision {
  readonly delegation: string;
  readonly automatedRef: string;
  readonly reviewRef: string | null;
  readonly previous: { readonly decisionId: string; readonly period: string } | null;
  /** YYYY-MM-DD, when known. */
  readonly on?: string | null;
}

export interface LetterInput {
  readonly decision: DecisionSummary;
  readonly household: Household;
  /** The rules the decision was made with; null when the month's rules are not published. */
  readonly rules: RuleSet | null;
  readonly answers?: CaseworkerAnswers;
  /** Set once a person has decided: the letter is a decision. */
  readonly decided?: Decided | null;
  /** Set for an automated monthly decision. */
  readonly automated?: AutomatedDecision | null;
  /**
   * Print the applicant's personnummer under the name: only in the document that is sent (the
   * `letter` command's PDF). The decision's decisionText never holds one (the decision carries none).
   */
  readonly withPersonnummer?: boolean;
  /**
   * The nämnd's letterhead and contact from the rules (office.ts): its name and postal address as the
   * sender, its phone, e-mail and web page under "Har du frågor?". The household's own letterhead wins
   * where it gives the board or the contact. Absent: only the household's letterhead.
   */
  readonly office?: BoardOffice | null;
  /** The day the application arrived (the monthly run's routing.receivedOn), when the letterhead gives no applicationDate. */
  readonly receivedOn?: string | null;
}

/** Blocking missing facts that are the nämnd's own (a person's choice, the nämnd's data), not something the applicant can send. */
export const NOT_FROM_APPLICANT: ReadonlySet<string> = new Set([
  'RULES_PENDING',
  'ACTIVITY_DECISION_BY_PERSON',
  'LABOUR_MARKET_DECISION_BY_PERSON',
  'ACTIVITY_STATUS_UNKNOWN',
  'JOBBSTIMULANS_UNKNOWN',
  'RENT_CEILING_BASIS_MISSING',
  'AGENCY_ANSWER_MISSING',
]);

/** A registered payment that waits for a person's classification (not counted, the letter blocked). */
export const waitsForPerson = (r: RegisteredPaymentOut): boolean => r.use === 'unhandled' || r.use === 'to-person';

/** The message arguments of a payment's line "ej bedömd": where it came from and both alternatives. */
export function unassessedArgs(r: RegisteredPaymentOut): MessageArgs {
  return { ...r.message.args, notCounted: r.alternatives?.notCounted ?? '', counted: r.alternatives?.counted ?? '', reason: r.assessment?.reason ?? '' };
}

/** What the letter is: a request, a proposal, a decision, or nothing to send (and why). */
export function letterKindOf(d: DecisionSummary, rules: RuleSet | null, decided: boolean): { kind: LetterKind; why: string | null } {
  if (rules === null) return { kind: 'none', why: `Reglerna för ${d.period.slice(0, 4)} är inte publicerade: inget förslag, inget beslut och ingen begäran om komplettering kan skrivas.` };
  if (d.outcome === 'needs-information') {
    if (d.needsInformation.some((n) => n.blocking && !NOT_FROM_APPLICANT.has(n.code))) return { kind: 'request', why: null };
    const choice = d.needsInformation.find((n) => n.blocking && (n.code === 'LABOUR_MARKET_DECISION_BY_PERSON' || n.code === 'ACTIVITY_DECISION_BY_PERSON'));
    return {
      kind: 'none',
      why: choice
        ? 'Lagen anger inget belopp: handläggaren väljer ett av alternativen i förslaget. Inget brev kan skrivas förrän valet är gjort.'
        : 'Uppgifter som nämnden själv ska ta fram saknas: inget brev kan skrivas ännu.',
    };
  }
  return { kind: decided ? 'decision' : 'proposal', why: null };
}

/** The letter for a decision with its texts. */
export function buildLetter(input: LetterInput): LetterDocument {
  const { decision: d, household, rules } = input;
  const decided = input.decided ?? null;
  const automated = input.automated ?? null;
  const { kind, why } = letterKindOf(d, rules, decided !== null || automated !== null);
  const month = monthSv(d.period);
  const people = new People(household);
  const lh = household.letterhead;
  const office = input.office ?? null;
  const board = lh?.board ?? office?.board ?? 'Socialnämnden';
  const sender = lh?.board ? [lh.board] : office?.board ? [office.board, ...office.postalAddress] : [];
  const applied = lh?.applicationDate ?? input.receivedOn ?? null;
  const applicant = household.members.find((m) => m.role === 'applicant');
  // A member with skyddade personuppgifter: the household's address is never printed (the letter goes through Skatteverket).
  const address = household.members.some((m) => m.protectedIdentity) ? [] : (lh?.applicantAddress ?? []);
  const recipient = [applicant?.name ?? null, input.withPersonnummer === true ? (applicant?.personnummer ?? null) : null, ...address].filter((x): x is string => x !== null && x !== '');
  const subtitle = `Ekonomiskt bistånd (försörjningsstöd) för ${month}`;
  const blockers: string[] = [];
  const waiting = d.income.registered.filter(waitsForPerson);
  if (why !== null) blockers.push(why);
  if (waiting.length > 0) blockers.push(renderMessage('sv', 'unassessed.blocked', { count: waiting.length }));
  if (kind === 'none' || rules === null) {
    return { kind: 'none', title: '', subtitle, sender, recipient, meta: [], sections: [], signature: [], blockers };
  }
  const meta: { label: string; value: string }[] = [];
  const decidedOn = decided?.on ?? automated?.on ?? null;
  if (kind === 'decision' && decidedOn !== null) meta.push({ label: 'Beslutsdatum', value: dateSv(decidedOn) });
  if (d.caseId !== null && d.caseId.trim() !== '') meta.push({ label: 'Ärende', value: d.caseId });
  if (applied !== null) meta.push({ label: 'Ansökan kom in', value: dateSv(applied) });

  const sections: LetterSection[] = [];
  const contact = contactSection(household, office);
  if (kind === 'request') {
    sections.push(...requestSections(d, household, rules, people, month));
    if (contact) sections.push(contact);
    const signature = lh?.contact?.name ? [`Handläggare: ${lh.contact.name}`] : [];
    return { kind, title: 'Begäran om komplettering', subtitle: `Din ansökan om ekonomiskt bistånd (försörjningsstöd) för ${month}`, sender, recipient, meta, sections, signature, blockers };
  }

  const ctx: ReasonContext = { d, household, rules, people, board };
  sections.push(decisionSection(d, kind, board, month, applied, rules, people));
  sections.push(calculationSection(d, rules, people));
  const reasons = reasonBlocks(ctx);
  for (const note of input.answers?.notes ?? []) if (note.forLetter && note.text.trim() !== '') reasons.push({ kind: 'p', text: note.text.trim() });
  if (reasons.length > 0) sections.push({ id: 'reasons', heading: kind === 'proposal' ? 'Skäl för förslaget' : 'Skäl för beslutet', level: 2, blocks: reasons });
  sections.push(lagrumSection(d, rules, kind));
  sections.push(...childSections({ d, household, rules, people, answers: input.answers, kind }));
  if (automated !== null) sections.push(...automatedSections(automated));
  // The nämnd's postal address from the rules, when the letterhead is theirs: where the appeal is sent.
  sections.push(appealSection(rules, board, !lh?.board && office?.board ? office.postalAddress : []));
  if (contact) sections.push(contact);
  if (kind === 'proposal') sections.push({ id: 'closing', heading: 'Det här är ett förslag', level: 2, blocks: [{ kind: 'p', text: 'Beslutet är inte fattat ännu. En handläggare på socialtjänsten fattar beslutet. Du får då beslutet med samma information om hur du överklagar.' }] });
  return { kind, title: kind === 'proposal' ? 'Förslag till beslut' : 'Beslut', subtitle, sender, recipient, meta, sections, signature: signatureLines(kind, decided, automated, household), blockers };
}

function decisionSection(d: DecisionSummary, kind: LetterKind, board: string, month: string, applied: string | null, rules: RuleSet, people: People): LetterSection {
  const blocks: LetterBlock[] = [];
  const proposes = kind === 'proposal';
  const lead = (verb: string) => (proposes ? `Handläggaren föreslår att ${board.charAt(0).toLowerCase()}${board.slice(1)} ${verb}` : `${board} ${verb}`);
  blocks.push({ kind: 'p', text: applied !== null ? `Du ansökte den ${dateSv(applied)} om försörjningsstöd för ${month}.` : `Du har ansökt om försörjningsstöd för ${month}.` });
  if (d.outcome === 'approve' || d.outcome === 'partial') {
    blocks.push({ kind: 'p', text: `${lead('beviljar')} dig ${krSv(d.payable ?? '0')} i försörjningsstöd för ${month}.` });
    const cuts = d.reasons.filter((r) => r.code !== 'RIGHT_TO_ASSISTANCE' && r.amount !== undefined && r.message.key.startsWith('costs.'));
    if (d.outcome === 'partial' && cuts.length > 0) {
      const what = cuts.map((r) => {
        const item = cutItem(d, r);
        const label = item ? prose(rules.costTypes[item.type]?.labelSv ?? 'kostnaden') : 'det sökta';
        return `${krSv(r.amount!)} av kostnaden för ${label}${item?.memberId ? ` för ${people.object(item.memberId)}` : ''}`;
      });
      blocks.push({ kind: 'p', text: `${proposes ? 'Handläggaren föreslår också att resten av ansökan avslås' : 'Resten av ansökan avslås'}. Det gäller ${what.join(' och ')}.` });
    }
  } else if (d.outcome === 'deny') {
    blocks.push({ kind: 'p', text: `${lead('avslår')} din ansökan om försörjningsstöd för ${month}.` });
  }
  return { id: 'decision', heading: proposes ? 'Förslaget' : 'Beslut', level: 2, blocks };
}

/** The calculation as a table (norm, reasonable costs, need, counted income, own money, to pay) and where agency incomes came from. */
function calculationSection(d: DecisionSummary, rules: RuleSet, people: People): LetterSection {
  const rows: { label: string; amount: string; total?: boolean }[] = [];
  const kr = (v: string | null) => krSv(v ?? '0');
  rows.push({ label: 'Riksnorm för hushållet', amount: kr(d.norm.total) });
  for (const c of d.costs.items) {
    if (c.accepted === null || c.accepted === '0') continue;
    rows.push({ label: `${capital(prose(rules.costTypes[c.type]?.labelSv ?? 'kostnad'))}${c.memberId ? ` för ${people.object(c.memberId)}` : ''}`, amount: krSv(c.accepted) });
  }
  rows.push({ label: 'Behov', amount: kr(d.need), total: true });
  rows.push({ label: 'Avgår: inkomster som räknas', amount: kr(d.income.counted) });
  if (d.assets.used !== null && d.assets.used !== '0') rows.push({ label: 'Avgår: egna pengar som används först', amount: krSv(d.assets.used) });
  rows.push({ label: 'Att betala', amount: kr(d.payable), total: true });
  const blocks: LetterBlock[] = [{ kind: 'table', rows }];
  const fromAgencies = d.income.items.filter((i) => i.agency !== undefined && i.counted !== null && i.code !== 'REPLACED_BY_REGISTERED');
  const excluded = d.income.registered.filter((r) => r.use === 'excluded');
  if (fromAgencies.length > 0 || excluded.length > 0) {
    blocks.push({ kind: 'p', text: 'Inkomster som myndigheter har rapporterat:' });
    const items = fromAgencies.map((i) => {
      const benefit = `${i.benefit}${i.subBenefit && i.subBenefit.toLowerCase() !== i.benefit?.toLowerCase() ? ` (${i.subBenefit})` : ''}`;
      const when = i.paidOn ? `utbetalt ${dateSv(i.paidOn)}` : `för tiden från ${dateSv(i.periodFrom ?? '')}`;
      return `${benefit} från ${AGENCY[i.agency!] ?? 'en myndighet'}, ${when}: ${krSv(i.amount ?? '0')}${i.counted !== i.amount ? `, varav ${krSv(i.counted!)} räknas` : ''}`;
    });
    for (const r of excluded) {
      items.push(r.assessment === null ? `${r.benefit} från ${AGENCY[r.agency] ?? 'en myndighet'}, ${krSv(r.net)}, räknas inte: ${String(r.message.args['reasonSv'] ?? '')}` : renderMessage('sv', 'unassessed.excludedByPerson', unassessedArgs(r)).replace(/\.$/, ''));
    }
    blocks.push({ kind: 'list', items });
  }
  return { id: 'calculation', heading: 'Så har vi räknat', level: 2, blocks };
}

/** The paragraphs the decision rests on, in citing order, once each. */
function lagrumSection(d: DecisionSummary, rules: RuleSet, kind: LetterKind): LetterSection {
  const granted = d.outcome === 'approve' || d.outcome === 'partial';
  const refs = [
    granted ? rules.legal.refs['rightToAssistance']?.ref : undefined,
    rules.legal.refs['riksnorm']?.ref,
    rules.riksnorm.legalBasis,
    ...d.reasons.map((r) => r.legalRef),
    ...(d.childImpact !== null ? [rules.legal.refs['childBestInterest']?.ref, rules.legal.refs['childViews']?.ref] : []),
  ].filter((r): r is string => typeof r === 'string' && r !== '');
  const unique = [...new Set(refs)];
  return { id: 'lagrum', heading: 'Lagrum', level: 2, blocks: [{ kind: 'p', text: `${kind === 'proposal' ? 'Förslaget' : 'Beslutet'} grundar sig på ${unique.join('; ')}.` }] };
}

/** How to appeal (43–46 §§ förvaltningslagen (2017:900)): in writing, to the nämnd, within three weeks; a late appeal is rejected; the nämnd reviews first. */
function appealSection(rules: RuleSet, board: string, postalAddress: readonly string[]): LetterSection {
  const ref = (topic: string) => rules.legal.refs[topic]?.ref;
  const cite = (...topics: string[]) => {
    const list = topics.map(ref).filter((r): r is string => r !== undefined);
    return list.length > 0 ? ` (${list.join('; ')})` : '';
  };
  const to = `${board === 'Socialnämnden' ? 'socialnämnden' : board}${postalAddress.length > 0 ? `, ${postalAddress.join(', ')}` : ''}`;
  return {
    id: 'appeal',
    heading: 'Om du vill överklaga',
    level: 2,
    blocks: [
      { kind: 'p', text: `Du kan överklaga beslutet till förvaltningsrätten. Skicka ditt överklagande till ${to}, inte direkt till domstolen${cite('appealRoute')}.` },
      { kind: 'p', text: 'Skriv vilket beslut du överklagar och hur du vill att det ska ändras. Skriv gärna också varför du tycker att beslutet är fel. Skriv under med ditt namn.' },
      { kind: 'p', text: `Nämnden måste ha fått ditt överklagande inom tre veckor från den dag du fick beslutet${cite('appealDeadline')}. Kommer det in för sent avvisas det. Då prövas det inte${cite('appealLate')}.` },
      { kind: 'p', text: `Nämnden prövar först om beslutet ska ändras. Om nämnden inte ändrar beslutet som du vill, skickar den ditt överklagande till förvaltningsrätten${cite('appealReview')}.` },
    ],
  };
}

function contactSection(household: Household, office: BoardOffice | null): LetterSection | null {
  const c = household.letterhead?.contact ?? null;
  if (c === null) {
    const text = office === null ? null : officeContactText(office);
    return text === null ? null : { id: 'contact', heading: 'Har du frågor?', level: 2, blocks: [{ kind: 'p', text }] };
  }
  const ways = [c.phone ? `telefon ${c.phone}` : null, c.email ? `e-post ${c.email}` : null].filter((x): x is string => x !== null);
  const text = c.name
    ? `Kontakta ${c.name}${ways.length ? `, ${ways.join(' eller ')}` : ''}.`
    : `Kontakta oss på ${ways.join(' eller ')}.`;
  return { id: 'contact', heading: 'Har du frågor?', level: 2, blocks: [{ kind: 'p', text }] };
}

function automatedSections(a: AutomatedDecision): LetterSection[] {
  const compared = a.previous ? ` Ansökan har jämförts med beslutet för ${monthSv(a.previous.period)}. Inget hade ändrats mer än nämndens gränser, och inget behövde bedömas.` : '';
  return [
    {
      id: 'automated',
      heading: 'Automatiserat beslut',
      level: 2,
      blocks: [
        { kind: 'p', text: `Beslutet har fattats automatiskt av nämndens beslutsfunktion${a.automatedRef ? ` (${a.automatedRef})` : ''}, enligt nämndens delegation: ${a.delegation}.${compared}` },
        { kind: 'p', text: 'Ett automatiserat beslut är alltid ett bifall. Om något i ansökan hade behövt bedömas hade en handläggare prövat den.' },
      ],
    },
    {
      id: 'review',
      heading: 'Du kan be att en handläggare prövar beslutet',
      level: 2,
      blocks: [
        {
          kind: 'p',
          text: `Om du tycker att beslutet är fel kan du be socialtjänsten att en handläggare prövar det igen. Nämnden ska ändra beslutet om det är fel${a.reviewRef ? ` (${a.reviewRef})` : ''}. Du kan samtidigt överklaga. Tiden för att överklaga blir inte längre för att du ber om en ny prövning.`,
        },
      ],
    },
  ];
}

function signatureLines(kind: LetterKind, decided: Decided | null, automated: AutomatedDecision | null, household: Household): string[] {
  if (kind !== 'decision') return [];
  if (automated !== null && decided === null) return ['Beslutet är fattat automatiskt enligt nämndens delegation.'];
  const maker = household.letterhead?.decisionMaker ?? null;
  const by = decided?.by ?? maker?.name ?? null;
  const title = decided?.title ?? (decided === null || decided.by === maker?.name ? maker?.title ?? null : null);
  const delegation = decided?.delegation ?? maker?.delegation ?? null;
  const lines: string[] = [];
  if (by !== null) lines.push(`${by}${title ? `, ${title}` : ''}`);
  if (delegation) lines.push(`Beslutet är fattat med stöd av delegation: ${delegation}.`);
  return lines;
}

/** The texts of a request to complete the application: what the applicant can send, in their words. */
function neededText(n: DecisionSummary['needsInformation'][number], household: Household, rules: RuleSet, people: People): string {
  const a = n.message.args;
  const who = typeof a['memberId'] === 'string' ? people.object(a['memberId']) : 'dig';
  const label = typeof a['label'] === 'string' ? prose(a['label']) : null;
  switch (n.code) {
    case 'INCOME_AMOUNT_MISSING':
      return `Hur mycket ${label ?? 'inkomst'} du har fått${who === 'dig' ? '' : ` till ${who}`} den här månaden. Skicka till exempel ett lönebesked.`;
    case 'COST_AMOUNT_MISSING':
      return `Hur stor kostnaden för ${label ?? 'det du har sökt'} är. Skicka en faktura eller ett kvitto.`;
    case 'ASSET_AMOUNT_MISSING':
      return `Hur mycket ${label ?? 'tillgången'} är värd. Skicka till exempel ett kontoutdrag.`;
    case 'SCHOOL_STATUS_UNKNOWN':
      return `Om ${who} går i grundskolan eller gymnasiet. Skicka ett intyg från skolan.`;
    case 'MEDICAL_CERTIFICATE_MISSING':
      return `Ett läkarintyg för ${who}.`;
    case 'MINOR_APPLICANT_REASON_MISSING':
      return 'Varför du söker själv fast du är under 18 år, till exempel att du är gift eller har ett eget barn.';
    case 'CHILD_EARNINGS_YEAR_TO_DATE_UNKNOWN':
      return `Hur mycket ${who} har tjänat tidigare i år.`;
    case 'LABOUR_MARKET_STATUS_UNKNOWN':
      return 'Om du står till arbetsmarknadens förfogande, till exempel om du är inskriven på Arbetsförmedlingen. Om du inte kan arbeta: varför.';
    default:
      void household;
      void rules;
      return renderMessage('sv', n.message.key, people.args(a, 'third'));
  }
}

function requestSections(d: DecisionSummary, household: Household, rules: RuleSet, people: People, month: string): LetterSection[] {
  const asked = d.needsInformation.filter((n) => !NOT_FROM_APPLICANT.has(n.code));
  const blocking = asked.filter((n) => n.blocking).map((n) => neededText(n, household, rules, people));
  const more = asked.filter((n) => !n.blocking).map((n) => neededText(n, household, rules, people));
  const blocks: LetterBlock[] = [
    { kind: 'p', text: `Du har ansökt om försörjningsstöd för ${month}. Vi behöver fler uppgifter för att kunna pröva din ansökan.` },
    { kind: 'list', items: [...new Set(blocking)] },
  ];
  if (more.length > 0) blocks.push({ kind: 'p', text: 'Vi behöver också:' }, { kind: 'list', items: [...new Set(more)] });
  blocks.push({ kind: 'p', text: 'Skicka in uppgifterna så snart du kan. När vi har fått dem prövar vi din ansökan.' });
  return [{ id: 'request', heading: 'Vi behöver fler uppgifter', level: 2, blocks }];
}
