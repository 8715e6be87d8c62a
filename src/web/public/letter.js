/**
 * The letter to the applicant, kept apart from the caseworker's worksheet. The page does not write it:
 * its text comes from the server's letter builder (POST /api/letter, the same document as the
 * decision's decisionText and the `letter` command, src/explain/letter/), and its PDF from POST
 * /api/letter/pdf. Here only what the page decides itself: what the printed letter is headed, and
 * the signature lines under the text the caseworker may edit.
 */
import { krSv } from './format.js';
import { unassessedPayments } from './render.js';

/**
 * What blocks a proposal that the applicant cannot mend by sending something: rules not published
 * (2027), or a choice the law leaves to a person (aktivitetskrav declined without an acceptable
 * reason; an adult not at the labour market's disposal without a reason). A begäran om
 * komplettering never asks the applicant for these.
 */
const NOT_FROM_APPLICANT = new Set(['RULES_PENDING', 'ACTIVITY_DECISION_BY_PERSON', 'LABOUR_MARKET_DECISION_BY_PERSON']);

/** The missing information the applicant can give (what a begäran om komplettering asks for). */
export const fromApplicant = (d) => d.needsInformation.filter((n) => !NOT_FROM_APPLICANT.has(n.code));

/**
 * What the printed letter is headed: a request to complete, a proposal, or (recorded by a person) a
 * decision; kind "none" when nothing can be sent (`why` says why), e.g. the rules are not published.
 */
export function letterKind(d, recorded) {
  // A registered payment nobody has classified yet: the letter would pay as if it did not exist.
  const unassessed = unassessedPayments(d);
  if (unassessed.length > 0) {
    const what = unassessed.map((r) => `${r.benefit}${r.subBenefit && r.subBenefit.toLowerCase() !== r.benefit.toLowerCase() ? ` (${r.subBenefit})` : ''}, ${krSv(r.net)}`).join('; ');
    return { kind: 'none', title: null, why: `En utbetalning från en myndighet är inte bedömd (${what}). Ange i ärendets uppgifter om utbetalningen räknas och som vilken inkomst, eller varför den inte räknas; förslaget räknas då om. Inget brev kan skrivas ut innan dess.` };
  }
  if (d.outcome === 'needs-information') {
    if (!fromApplicant(d).some((n) => n.blocking)) {
      const why = d.needsInformation.some((n) => n.code === 'RULES_PENDING')
        ? `Reglerna för ${d.period.slice(0, 4)} är inte publicerade: inget förslag, inget beslut och ingen begäran om komplettering kan skrivas ut.`
        : d.needsInformation.some((n) => n.code === 'LABOUR_MARKET_DECISION_BY_PERSON')
          ? 'En vuxen står inte till arbetsmarknadens förfogande och har inte angett något skäl: beräkningen avslår inget, du prövar och väljer ett av alternativen i förslaget. Förslaget kan inte skrivas ut som beslut. Anges ett skäl, eller står personen till förfogande, anges det på personens kort och förslaget räknas om.'
          : 'Den sökande har avböjt anvisad aktivitet utan godtagbart skäl: lagen anger inget belopp, så du väljer ett av alternativen i förslaget. Förslaget kan inte skrivas ut som beslut. Godtas skälet, anges det på personens kort och förslaget räknas om.';
      return { kind: 'none', title: null, why };
    }
    return { kind: 'request', title: 'Begäran om komplettering – ansökan om ekonomiskt bistånd' };
  }
  return recorded
    ? { kind: 'decision', title: 'Beslut – ekonomiskt bistånd (försörjningsstöd)' }
    : { kind: 'proposal', title: 'Förslag till beslut – ekonomiskt bistånd (försörjningsstöd)' };
}

/** The signature block under the letter: who decided, when, under which delegation. */
export function signature({ decidedBy, decidedOn, delegation }, kind) {
  if (kind === 'request') return [`Handläggare: ${decidedBy || '____________________'}`, `Datum: ${decidedOn || '__________'}`];
  return [
    `Beslutsfattare: ${decidedBy || '____________________'}`,
    `Beslutsdatum: ${decidedOn || '__________'}`,
    `Delegation: ${delegation || '____________________'}`,
  ];
}
