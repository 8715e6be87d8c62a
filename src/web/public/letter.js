/**
 * The letter to the applicant, kept apart from the caseworker's worksheet. It says only what is true
 * when it is sent: the outcome the caseworker decides, the calculation, the reasons with the law the
 * rules cite, the barnkonsekvens text the caseworker wrote (nothing for a question left unanswered),
 * and how to appeal. No member ids, no notes meant for the caseworker, no rule hash, no checklist.
 *
 * Every lagrum comes from the decision (reasons) or from the period's rules (GET /api/types `legal`):
 * the page never writes one itself. A needs-information proposal is not a decision: its letter is a
 * begäran om komplettering.
 */
import { krSv, monthSv } from './format.js';
import { readable, unassessedPayments } from './render.js';

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

function amountRow(label, amount, sign = '') {
  const value = amount === null ? 'saknas' : `${sign}${krSv(amount)}`;
  return `  ${label.padEnd(34, ' ')}${value.padStart(16, ' ')}`;
}

const ref = (legal, topic) => legal?.refs?.[topic] ?? null;

/**
 * The draft text: whoInLetter(id) names a member for the applicant ("Anna", "barnet född 2014");
 * answers are the caseworker's barnkonsekvens answers by prompt id; legal the period's references.
 */
export function letterDraft(d, { whoInLetter, answers = {}, legal = null }) {
  if (letterKind(d, false).kind === 'none') return '';
  const month = monthSv(d.period);
  const ids = [...new Set([...d.norm.members.map((m) => m.memberId), ...(d.childImpact?.perChild ?? []).map((p) => p.memberId)])];
  const say = (text) => readable(text, whoInLetter, ids);
  const lines = [`Ärende: ${d.caseId ?? '–'}   Månad: ${month}${d.municipality ? `   Kommun: ${d.municipality}` : ''}`, ''];

  if (d.outcome === 'needs-information') {
    lines.push(`Vi kan inte pröva din ansökan om försörjningsstöd för ${month} förrän vi har fått följande uppgifter:`);
    const asked = fromApplicant(d);
    for (const n of asked.filter((x) => x.blocking)) lines.push(`- ${say(n.text)}`);
    const more = asked.filter((x) => !x.blocking);
    if (more.length) {
      lines.push('', 'Vi behöver också:');
      for (const n of more) lines.push(`- ${say(n.text)}`);
    }
    lines.push('', 'Skicka in uppgifterna så snart du kan. Hör av dig till din handläggare om du har frågor.');
    return lines.join('\n');
  }

  const refused = d.reasons.filter((r) => r.amount !== undefined && r.code !== 'RIGHT_TO_ASSISTANCE');
  if (d.outcome === 'approve') lines.push(`Socialnämnden beviljar försörjningsstöd för ${month} med ${krSv(d.payable)}.`);
  if (d.outcome === 'partial') {
    lines.push(`Socialnämnden beviljar försörjningsstöd för ${month} med ${krSv(d.payable)}.`);
    if (refused.length) lines.push(`Ansökan avslås i övrigt (${refused.map((r) => krSv(r.amount)).join(' + ')}).`);
    else lines.push('Ansökan avslås i övrigt.');
  }
  if (d.outcome === 'deny') lines.push(`Socialnämnden avslår ansökan om försörjningsstöd för ${month}.`);

  lines.push('', 'Så har behovet beräknats');
  lines.push(amountRow('Riksnorm', d.norm.total));
  lines.push(amountRow('Skäliga kostnader', d.costs.accepted));
  lines.push(amountRow('Behov', d.need));
  lines.push(amountRow('Inkomster som räknas', d.income.counted, '−'));
  if (d.assets.used !== '0') lines.push(amountRow('Egna medel som ska användas', d.assets.used, '−'));
  lines.push(amountRow('Att betala', d.payable));

  lines.push('', 'Skäl för beslutet');
  for (const r of d.reasons) lines.push(`- ${say(r.text)}${r.legalRef ? ` (${r.legalRef})` : ''}`);
  const refs = [...new Set([ref(legal, 'rightToAssistance')?.ref, ref(legal, 'riksnorm')?.ref, ...d.reasons.map((r) => r.legalRef)].filter(Boolean))];
  if (refs.length) lines.push('', `Lagrum: ${refs.join('; ')}.`);

  // Barnets bästa: only what the caseworker wrote. An unanswered question adds nothing.
  const answered = (d.childImpact?.prompts ?? []).filter((p) => (answers[p.id] ?? '').trim() !== '');
  if (d.childImpact && answered.length) {
    lines.push('', 'Barnets bästa');
    for (const p of answered) lines.push(answers[p.id].trim());
    if (d.childImpact.legalRefs.length) lines.push(`(${d.childImpact.legalRefs.join('; ')})`);
  }

  const route = ref(legal, 'appealRoute')?.ref;
  const deadline = ref(legal, 'appealDeadline')?.ref;
  lines.push('', 'Hur man överklagar');
  lines.push(
    'Om du inte är nöjd med beslutet kan du överklaga det till förvaltningsrätten. Skriv till socialnämnden och tala om vilket beslut du överklagar, ' +
      'varför du anser att det är fel och hur du vill att det ska ändras. Överklagandet ska ha kommit in till socialnämnden inom tre veckor från den dag ' +
      'du fick del av beslutet. Nämnden prövar först om beslutet ska ändras; annars skickar nämnden överklagandet vidare till förvaltningsrätten.' +
      (route || deadline ? ` (${[route, deadline].filter(Boolean).join('; ')})` : ''),
  );
  return lines.join('\n');
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
