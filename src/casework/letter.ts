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
 */
import type { CaseworkerAnswers } from '../explain/letter/answers.ts';
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

export type LetterPlan =
  | { readonly ok: true; readonly doc: LetterDocument; readonly html: string; readonly fileName: string }
  | { readonly ok: false; readonly code: 'UNKNOWN_DECISION' | 'DIFFERS_FROM_PROPOSAL' | 'NO_LETTER_FOR_OUTCOME' | 'CHANGE_LETTER' | 'NOT_A_DECISION_LETTER'; readonly message: string };

/** The letter a registered decision gives, as a document and its HTML, or why the engine cannot write it. */
export function registeredLetter(cw: CaseWork, decisionId: string): LetterPlan {
  const reg = cw.registered(decisionId);
  if (!reg) return { ok: false, code: 'UNKNOWN_DECISION', message: `Det finns inget registrerat beslut ${decisionId}.` };
  const { input, decision } = reg;
  if (input.change !== null) return { ok: false, code: 'CHANGE_LETTER', message: 'Beslutet ändrar ett tidigare beslut (rättelse, ändring eller omprövning): brevet om ändringen skrivs utanför beräkningsmotorn.' };
  if (decision.outcome === 'dismiss') return { ok: false, code: 'NO_LETTER_FOR_OUTCOME', message: 'Ett beslut om avvisning skrivs utanför beräkningsmotorn.' };
  if (decision.differs) return { ok: false, code: 'DIFFERS_FROM_PROPOSAL', message: 'Beslutet skiljer sig från förslaget (utfall eller belopp): brevet från förslaget skulle säga något annat än beslutet, så det skrivs utanför beräkningsmotorn.' };
  const doc = storedProposalLetter(cw, cw.store.get(input.proposal.decisionId)!, { childAnswers: input.childAnswers ?? [], decided: { by: input.decidedBy, on: input.decidedOn, title: null, delegation: input.delegation } });
  if (doc === null) return { ok: false, code: 'NOT_A_DECISION_LETTER', message: 'Förslagets ansökan går inte att läsa: inget brev kan skrivas.' };
  if (doc.kind !== 'decision' || doc.blockers.length > 0) return { ok: false, code: 'NOT_A_DECISION_LETTER', message: `Inget beslutsbrev kan skrivas: ${doc.blockers.join(' ') || 'förslaget är inget beslut'}` };
  return { ok: true, doc, html: letterHtml(doc), fileName: `beslut-${input.caseId}-${input.period}.pdf`.replace(/[^A-Za-z0-9._-]/g, '_') };
}

/**
 * The letter of a stored proposal (its stored input and rule set), personnummer included: a "Förslag
 * till beslut" for the case view's PDF before a decision, or with `decided` the registered decision's
 * letter. Null when the stored input no longer reads as a household.
 */
export function storedProposalLetter(cw: CaseWork, proposal: StoredRecord, opts: { childAnswers?: CaseworkerAnswers['childAnswers']; decided?: Decided | null } = {}): LetterDocument | null {
  const parsed = parseHousehold(JSON.parse(proposal.inputJson));
  if (!parsed.ok) return null;
  return buildLetter({
    decision: renderedDecision(cw.store, proposal) as DecisionSummary,
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
export async function makeRegisteredLetter(cw: CaseWork, decisionId: string, print: LetterPrinter | null, by: { readonly user: string; readonly role: string }, purpose: string, now: () => Date): Promise<LetterOutcome> {
  const existing = storedLetter(cw.store, decisionId);
  if (existing) return { status: 'stored', letter: existing };
  const plan = registeredLetter(cw, decisionId);
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
