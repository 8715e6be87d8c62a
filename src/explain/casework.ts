/**
 * The caseworker's workday in Swedish (issue 22): every code the queue, the case view and the payments
 * show, and the journal note of a registered decision, rendered from the data (src/casework/types.ts).
 * Nothing here is stored: the chain keeps codes, amounts and dates.
 */
import type { MessageArgs, MessageKey } from '../trace/messages.ts';
import { krSv } from './format.ts';
import { reasonLabelSv, renderMessage } from './messages.ts';
import { capital, type People } from './people.ts';

export const OUTCOME_SV: Readonly<Record<string, string>> = {
  approve: 'Bifall',
  partial: 'Delvis bifall',
  deny: 'Avslag',
  dismiss: 'Avvisning',
  'needs-information': 'Uppgifter saknas',
};

export const ROUTING_SV: Readonly<Record<string, string>> = {
  ready: 'Klar att besluta (rekommendation)',
  caseworker: 'Till handläggare',
  preview: 'Förhandsberäkning',
};

export const STATUS_SV: Readonly<Record<string, string>> = { open: 'Att pröva', decided: 'Beslutade', all: 'Alla' };

export const CHANGE_SV: Readonly<Record<string, string>> = { rattelse: 'Rättelse', andring: 'Ändring', omprovning: 'Omprövning' };
/** The nämnd's omprövning of an appealed decision (39 § FL) and how an appeal ended (issue 30). */
export const REVIEW_SV: Readonly<Record<string, string>> = { unchanged: 'Beslutet står fast', changed: 'Beslutet ändrat genom omprövning' };
export const CLOSE_SV: Readonly<Record<string, string>> = { 'court-ruled': 'Förvaltningsrätten har avgjort', withdrawn: 'Återkallat', lapsed: 'Förfallet: beslutet ändrat som den sökande begärde' };

export const RECIPIENT_SV: Readonly<Record<string, string>> = { applicant: 'Sökande', landlord: 'Hyresvärd', other: 'Annan mottagare' };

export const SCHEME_SV: Readonly<Record<string, string>> = { bank: 'Bankkonto', bankgiro: 'Bankgiro', plusgiro: 'Plusgiro' };

export const ORDER_STATUS_SV: Readonly<Record<string, string>> = {
  pending: 'Väntar på export',
  stopped: 'Stoppad',
  exported: 'Exporterad till ekonomisystemet',
  superseded: 'Ersatt av ändrat beslut',
};

export const ITEM_STATUS_SV: Readonly<Record<string, string>> = { assessed: 'Bedömd', answered: 'Besvarad' };

export const SORT_SV: Readonly<Record<string, string>> = { dueOn: 'Sista handläggningsdag', receivedOn: 'Inkom', payable: 'Belopp att betala', daysUsed: 'Arbetsdagar använda' };

/** A routing reason or flag code as a label; a code without one says so, in Swedish, rather than showing English. */
export function reasonSv(code: string): string {
  return reasonLabelSv(code) ?? `Annan bedömningspunkt (${code})`;
}

/** A message in Swedish with its member ids named for the case work (People's `called` form: "Elsa", "sökanden"), as a part of a sentence. */
export function calledSv(m: { readonly key: string; readonly args: MessageArgs }, people: People): string {
  return renderMessage('sv', m.key as MessageKey, people.args(m.args, 'called'));
}

/** A flag or missing fact as stored: its code, its message (data) and, in a rendered record, its text. */
export interface PointLike {
  readonly code: string;
  readonly text?: string;
  readonly message?: { readonly key: string; readonly args: MessageArgs };
}

/**
 * A flag's or missing fact's sentence for the case work (the queue, the case view's points, the
 * journal note): rendered from its message with the people named as People names them ("Sara Lind
 * står inte till arbetsmarknadens förfogande … utan Sara Linds del", or "Sökanden …" without names),
 * never by member id. Without the household's people (or a message), the record's own text.
 */
export function pointTextSv(x: PointLike, people: People | null): string {
  if (x.message && people !== null) return capital(calledSv(x.message, people));
  if (typeof x.text === 'string') return x.text;
  if (x.message) return renderMessage('sv', x.message.key as MessageKey, x.message.args);
  return x.code;
}

export interface JournalData {
  readonly caseId: string;
  readonly period: string;
  readonly outcome: string;
  readonly payable: string;
  readonly proposed: { readonly outcome: string; readonly payable: string | null };
  readonly differs: boolean;
  readonly reason: string | null;
  readonly decidedOn: string;
  readonly decidedBy: string;
  readonly delegation: string;
  readonly acknowledged: readonly { readonly status: string; readonly text: string; readonly comment: string }[];
  readonly change: { readonly kind: string; readonly of: string; readonly reason: string; readonly legalRef: string | null } | null;
  readonly orders: readonly { readonly recipient: string; readonly amount: string; readonly payOn: string }[];
  readonly alreadyPaid: string;
  readonly overpaid: string | null;
  readonly journal: { readonly legalRef: string | null; readonly note: string | null };
}

/**
 * The journal note (journalanteckning) of a registered decision, as the case file shows it: what was
 * decided, by whom under which delegation, what was proposed, each point assessed with its comment,
 * the payments, and for a change what it changes and under which rule.
 */
export function journalNoteSv(d: JournalData, decisionId: string): string {
  const lines: string[] = [];
  const what = d.change ? `${CHANGE_SV[d.change.kind] ?? d.change.kind} av beslut ${d.change.of}` : 'Beslut';
  lines.push(`${d.decidedOn} ${what} i ärende ${d.caseId} för ${d.period} (${decisionId}).`);
  lines.push(`Beslutat av ${d.decidedBy} enligt delegation: ${d.delegation}.`);
  lines.push(`Beslut: ${OUTCOME_SV[d.outcome] ?? d.outcome}, ${krSv(d.payable)}. Förslaget var ${(OUTCOME_SV[d.proposed.outcome] ?? d.proposed.outcome).toLowerCase()}${d.proposed.payable === null ? '' : `, ${krSv(d.proposed.payable)}`}.`);
  if (d.differs && d.reason) lines.push(`Skäl för att beslutet skiljer sig från förslaget: ${d.reason}`);
  if (d.change) lines.push(`Skäl för ${(CHANGE_SV[d.change.kind] ?? d.change.kind).toLowerCase()}en: ${d.change.reason}${d.change.legalRef ? ` (${d.change.legalRef})` : ''}.`);
  if (d.acknowledged.length > 0) {
    lines.push('Bedömda punkter:');
    for (const a of d.acknowledged) lines.push(`- ${a.text} – ${ITEM_STATUS_SV[a.status] ?? a.status}: ${a.comment}`);
  }
  if (d.orders.length > 0) {
    lines.push(`Utbetalning: ${d.orders.map((o) => `${krSv(o.amount)} till ${(RECIPIENT_SV[o.recipient] ?? o.recipient).toLowerCase()} ${o.payOn}`).join('; ')}.`);
  } else lines.push('Ingen utbetalning.');
  if (d.alreadyPaid !== '0') lines.push(`Redan utbetalt på tidigare beslut: ${krSv(d.alreadyPaid)}.`);
  if (d.overpaid) lines.push(`Utbetalt mer än beslutet: ${krSv(d.overpaid)}. Om återkrav prövas i ett eget beslut.`);
  if (d.journal.note) lines.push(`Anteckning: ${d.journal.note}`);
  if (d.journal.legalRef) lines.push(`Dokumenterat enligt ${d.journal.legalRef}.`);
  return lines.join('\n');
}
