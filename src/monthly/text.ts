/**
 * The decision text of an automated monthly decision (only ever an approval): the proposal's text
 * with its heading made a decision and its closing paragraph ("a caseworker decides") replaced by
 * what an automated decision must tell the applicant: that it was made automatically, under which
 * delegation and paragraph, what was compared, how to ask for a person's review and how to appeal
 * (the appeal section of the proposal text stays).
 */
import { monthSv } from '../explain/format.ts';

export interface AutomatedTextArgs {
  readonly delegation: string;
  readonly automatedRef: string;
  readonly reviewRef: string | null;
  readonly previous: { readonly decisionId: string; readonly period: string } | null;
}

const PROPOSAL_HEADING = 'FÖRSLAG TILL BESLUT';
const CLOSING = 'Förslaget är beräknat automatiskt';

export function automatedDecisionText(proposalText: string, a: AutomatedTextArgs): string {
  const lines = proposalText.split('\n');
  if (lines[0]?.startsWith(PROPOSAL_HEADING)) lines[0] = `BESLUT${lines[0].slice(PROPOSAL_HEADING.length)} – AUTOMATISERAT BESLUT`;
  const closing = lines.findIndex((l) => l.startsWith(CLOSING));
  const body = closing >= 0 ? lines.slice(0, closing) : lines;
  while (body.length > 0 && body[body.length - 1] === '') body.pop();
  const compared = a.previous
    ? `Ansökan har jämförts med beslutet för ${monthSv(a.previous.period)} (${a.previous.decisionId}); inga ändringar utöver fastställda gränser, inget som behöver bedömas och inga uppgifter som saknas hittades.`
    : '';
  return [
    ...body,
    '',
    'Automatiserat beslut',
    `Beslutet har fattats automatiskt av socialnämndens automatiserade beslutsfunktion (${a.automatedRef}) enligt nämndens delegationsbeslut: ${a.delegation}. ${compared}`.trimEnd(),
    'Ett automatiserat beslut är alltid ett bifall. Om något i ansökan hade behövt bedömas hade en handläggare prövat den.',
    '',
    'Du kan begära att en handläggare prövar beslutet',
    'Om du anser att beslutet är fel kan du kontakta socialtjänsten och begära att en handläggare prövar det på nytt. ' +
      `Nämnden ska ändra beslutet om det är felaktigt${a.reviewRef ? ` (${a.reviewRef})` : ''}. Du kan samtidigt överklaga beslutet enligt ovan; ` +
      'en begäran om prövning förlänger inte tiden för att överklaga.',
  ].join('\n');
}
