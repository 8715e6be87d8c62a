/**
 * The applicant's letter of a registered decision (issue 21 item 6): made through the same builder as
 * the `letter` command and decisionText (explain/letter/), from what the chain keeps: the proposal
 * decided on (its stored input and rule set), who decided, when, under which delegation, and the
 * barnkonsekvens answers given per child at registration. Printed to an A4 PDF by the caller's printer
 * (headless Chromium, src/cli/pdf.ts) and stored beside the decision with its sha256 (store/letters.ts).
 *
 * When the engine cannot write the letter it says why and stores nothing; the registration stands and
 * the case view shows "brevet är inte framställt", with a way to make it later (a new try after a
 * printer failure). The engine never writes a letter that would say something else than the decision:
 *
 * - a decision that differs from the proposal (another outcome or amount): the letter is the
 *   proposal's calculation, so it is written outside the engine;
 * - an avvisning, or a change (rättelse, ändring, omprövning) of a registered decision: the builder has
 *   no such letter yet.
 *
 * A letter to send names its sender and signs with a person (docs/letters.md): the nämnd's name,
 * postal address and contact come from the municipality's rules (rules/municipal/<kommunkod>.json
 * `contact`, office.ts), the application date from the monthly run's routing.receivedOn, the applicant's
 * name and address from the household (never the address of a household with skyddade
 * personuppgifter), and the decision maker's name and title from the staff directory
 * (staffDirectory.ts), never the login. Without the nämnd's details or the person's name the letter is
 * not made and the answer says what to add; it can be made once they are there.
 */
import type { CaseworkerAnswers } from '../explain/letter/answers.ts';
import { boardOffice, officeMissing, type BoardOffice } from '../explain/letter/office.ts';
import { municipalContact } from '../rulebook/contact.ts';
import type { Rulebook } from '../rulebook/load.ts';
import type { StaffDirectory } from './staffDirectory.ts';
import { buildLetter, type Decided } from '../explain/letter/build.ts';
import { letterHtml, type LetterDocument } from '../explain/letter/document.ts';
import type { DecisionSummary } from '../explain/types.ts';
import { parseHousehold } from '../household/parse.ts';
import { storedLetter, storeLetter, type StoredLetter } from '../store/letters.ts';
import { renderedDecision } from '../store/read.ts';
import type { CaseWork } from '../store/casework.ts';
import type { StoredRecord } from '../store/store.ts';

/** Prints a complete HTML page to an A4 PDF (src/cli/pdf.ts htmlToPdf, or a shared browser). */
export type LetterPrinter = (html: string) => Promise<Uint8Array>;

/** What the municipality configures for its letters: the rulebook (the nämnd's name, address and contact) and its staff directory (the decision makers' names and titles). */
export interface LetterOffice {
  readonly book: Rulebook;
  readonly directory: StaffDirectory | null;
}

/** The nämnd's letterhead for a municipality (kommunkod) from the rules: the default file's names none. */
export const officeFor = (book: Rulebook, municipality: string | null): BoardOffice => boardOffice(municipalContact(book, municipality));

export type LetterPlan =
  | { readonly ok: true; readonly doc: LetterDocument; readonly html: string; readonly fileName: string }
  | { readonly ok: false; readonly code: 'UNKNOWN_DECISION' | 'DIFFERS_FROM_PROPOSAL' | 'NO_LETTER_FOR_OUTCOME' | 'CHANGE_LETTER' | 'NOT_A_DECISION_LETTER' | NotConfigured; readonly message: string };

/** The letter cannot be made until the municipality adds what it lacks (then it can: canMake). */
export type NotConfigured = 'NO_LETTERHEAD' | 'DECISION_MAKER_UNNAMED';
export const NOT_CONFIGURED: ReadonlySet<string> = new Set<NotConfigured>(['NO_LETTERHEAD', 'DECISION_MAKER_UNNAMED']);

/** The letter a registered decision gives, as a document and its HTML, or why the engine cannot write it. */
export function registeredLetter(cw: CaseWork, decisionId: string, office: LetterOffice): LetterPlan {
  const reg = cw.registered(decisionId);
  if (!reg) return { ok: false, code: 'UNKNOWN_DECISION', message: `Det finns inget registrerat beslut ${decisionId}.` };
  const { input, decision } = reg;
  if (input.change !== null) return { ok: false, code: 'CHANGE_LETTER', message: 'Beslutet ändrar ett tidigare beslut (rättelse, ändring eller omprövning): brevet om ändringen skrivs utanför beräkningsmotorn.' };
  if (decision.outcome === 'dismiss') return { ok: false, code: 'NO_LETTER_FOR_OUTCOME', message: 'Ett beslut om avvisning skrivs utanför beräkningsmotorn.' };
  if (decision.differs) return { ok: false, code: 'DIFFERS_FROM_PROPOSAL', message: 'Beslutet skiljer sig från förslaget (utfall eller belopp): brevet från förslaget skulle säga något annat än beslutet, så det skrivs utanför beräkningsmotorn.' };
  const municipality = decision.municipality;
  const board = officeFor(office.book, municipality);
  const missing = officeMissing(board);
  if (missing.length > 0) {
    const file = municipality === null ? 'rules/municipal/<kommunkod>.json (ärendet har ingen kommunkod)' : `rules/municipal/${municipality}.json`;
    return { ok: false, code: 'NO_LETTERHEAD', message: `Brevet kan inte skickas utan nämndens uppgifter: lägg in ${missing.join(', ')} i avsnittet contact i ${file}, och framställ sedan brevet.` };
  }
  const signer = input.signedBy ?? office.directory?.signer(input.decidedBy) ?? null;
  if (signer === null) return { ok: false, code: 'DECISION_MAKER_UNNAMED', message: 'Beslutsfattarens namn och titel finns inte i personalförteckningen (serve --staff-directory): brevet skrivs inte under med ett inloggningsnamn. Lägg till personen i förteckningen och framställ sedan brevet.' };
  const doc = storedProposalLetter(cw, cw.store.get(input.proposal.decisionId)!, { childAnswers: input.childAnswers ?? [], decided: { by: signer.name, on: input.decidedOn, title: signer.title, delegation: input.delegation }, office: board });
  if (doc === null) return { ok: false, code: 'NOT_A_DECISION_LETTER', message: 'Förslagets ansökan går inte att läsa: inget brev kan skrivas.' };
  if (doc.kind !== 'decision' || doc.blockers.length > 0) return { ok: false, code: 'NOT_A_DECISION_LETTER', message: `Inget beslutsbrev kan skrivas: ${doc.blockers.join(' ') || 'förslaget är inget beslut'}` };
  return { ok: true, doc, html: letterHtml(doc), fileName: `beslut-${input.caseId}-${input.period}.pdf`.replace(/[^A-Za-z0-9._-]/g, '_') };
}

/**
 * The letter of a stored proposal (its stored input and rule set), personnummer included: a "Förslag
 * till beslut" for the case view's PDF before a decision, or with `decided` the registered decision's
 * letter. Null when the stored input no longer reads as a household.
 */
export function storedProposalLetter(cw: CaseWork, proposal: StoredRecord, opts: { childAnswers?: CaseworkerAnswers['childAnswers']; decided?: Decided | null; office?: BoardOffice | null } = {}): LetterDocument | null {
  const parsed = parseHousehold(JSON.parse(proposal.inputJson));
  if (!parsed.ok) return null;
  const rendered = renderedDecision(cw.store, proposal);
  return buildLetter({
    decision: rendered as DecisionSummary,
    office: opts.office ?? null,
    receivedOn: rendered.routing?.receivedOn ?? null,
    household: parsed.household,
    rules: cw.store.ruleSet(proposal.ruleSetVersion).rules,
    answers: { childAnswers: opts.childAnswers ?? [] },
    decided: opts.decided ?? null,
    withPersonnummer: true,
  });
}

export type LetterOutcome =
  | { readonly status: 'stored'; readonly letter: StoredLetter }
  | { readonly status: 'not-made'; readonly code: string; readonly message: string };

/**
 * Makes the letter of a registered decision and stores it, unless one is stored already (then that
 * one). A printer failure (no Chromium) stores nothing and says so: the letter can be made later.
 */
export async function makeRegisteredLetter(cw: CaseWork, decisionId: string, office: LetterOffice, print: LetterPrinter | null, by: { readonly user: string; readonly role: string }, purpose: string, now: () => Date): Promise<LetterOutcome> {
  const existing = storedLetter(cw.store, decisionId);
  if (existing) return { status: 'stored', letter: existing };
  const plan = registeredLetter(cw, decisionId, office);
  if (!plan.ok) return { status: 'not-made', code: plan.code, message: plan.message };
  if (print === null) return { status: 'not-made', code: 'NO_PRINTER', message: 'Servern framställer inga PDF-brev (ingen Chromium): beslutet är registrerat, brevet är inte framställt.' };
  let pdf: Uint8Array;
  try {
    pdf = await print(plan.html);
  } catch (error) {
    return { status: 'not-made', code: 'PRINT_FAILED', message: `Brevet kunde inte framställas som PDF (${error instanceof Error ? error.message.split('\n')[0] : 'okänt fel'}): beslutet är registrerat, brevet är inte framställt. Försök igen.` };
  }
  const reg = cw.registered(decisionId)!;
  const letter = storeLetter(cw, {
    decisionId,
    recordHash: reg.record.recordHash,
    caseId: reg.input.caseId,
    period: reg.input.period,
    proposalId: reg.input.proposal.decisionId,
    title: plan.doc.title,
    fileName: plan.fileName,
    pdf,
    madeBy: by.user,
    role: by.role,
    purpose,
    at: now(),
  });
  return { status: 'stored', letter };
}
