/**
 * The decision text a person would send (Swedish): the decision, how it was computed, the reasons
 * with the law in force, the child section, and how to appeal (förvaltningsbesvär: in writing to the
 * socialnämnd within three weeks of being notified; the nämnd forwards it to förvaltningsrätten).
 * A view over the decision's data with its texts (contract.ts) and the rules it was made with.
 */
import type { PendingRuleSet } from '../rulebook/resolve.ts';
import type { LegalRef, RuleSet } from '../rulebook/types.ts';
import type { RegisteredPaymentOut } from '../output/types.ts';
import type { DecisionSummary } from './types.ts';
import { dateSv, krSv, monthSv } from './format.ts';
import type { MessageArgs } from '../trace/messages.ts';
import { renderMessage } from './messages.ts';

/** Blocking needs-information codes that are a person's choice the law leaves open, not a missing fact. */
const PERSON_DECIDES: readonly string[] = ['LABOUR_MARKET_DECISION_BY_PERSON', 'ACTIVITY_DECISION_BY_PERSON'];

/** The legal reference for a topic in the rules' law in force (context.ts legal, for a view). */
function legal(rules: RuleSet, topic: string): LegalRef {
  const ref = rules.legal.refs[topic];
  if (!ref) throw new Error(`[engine] no legal reference for topic ${topic}`); // checked when rules/ is loaded
  return ref;
}

const AGENCY_NAME: Record<string, string> = { fk: 'Försäkringskassan', pm: 'Pensionsmyndigheten', akassa: 'a-kassan', csn: 'CSN', af: 'Arbetsförmedlingen', skv: 'Skatteverket', migrationsverket: 'Migrationsverket' };

/** Where each counted income came from: the application, or an agency's payment and its date. */
function incomeSources(lines: string[], d: DecisionSummary): void {
  const shown = d.income.items.filter((i) => i.counted !== null && i.code !== 'REPLACED_BY_REGISTERED');
  const excluded = d.income.registered.filter((r) => r.use === 'excluded');
  if ((shown.length === 0 && excluded.length === 0) || (d.income.registered.length === 0 && d.income.items.every((i) => i.source === 'application'))) return;
  lines.push('');
  lines.push('Inkomsterna kommer från');
  for (const i of shown) {
    const from = i.agency === undefined
      ? `${String(i.message.args['label'] ?? i.type)} för ${i.memberId} enligt ansökan`
      : `${i.benefit}${i.subBenefit && i.subBenefit.toLowerCase() !== i.benefit?.toLowerCase() ? ` (${i.subBenefit})` : ''} från ${AGENCY_NAME[i.agency] ?? i.agency}, ${i.paidOn ? `utbetalt ${dateSv(i.paidOn)}` : `avser tiden från ${dateSv(i.periodFrom ?? '')}`}`;
    lines.push(`- ${from}: ${krSv(i.amount ?? '0')}${i.counted !== i.amount ? `, varav ${krSv(i.counted!)} räknas` : ''}`);
  }
  for (const r of excluded) {
    lines.push(
      r.assessment === null
        ? `- ${r.benefit} från ${AGENCY_NAME[r.agency] ?? r.agency} (${krSv(r.net)}) räknas inte i förslaget: ${String(r.message.args['reasonSv'] ?? '')}.`
        : `- ${renderMessage('sv', 'unassessed.excludedByPerson', unassessedArgs(r))}`,
    );
  }
}

/** A registered payment that waits for a person's classification (not counted, the letter blocked). */
export const waitsForPerson = (r: RegisteredPaymentOut): boolean => r.use === 'unhandled' || r.use === 'to-person';

/** The message arguments of a payment's line "ej bedömd": where it came from and both alternatives. */
export function unassessedArgs(r: RegisteredPaymentOut): MessageArgs {
  return { ...r.message.args, notCounted: r.alternatives?.notCounted ?? '', counted: r.alternatives?.counted ?? '', reason: r.assessment?.reason ?? '' };
}

/** The payments nobody has classified yet, each on its own line "ej bedömd", and why the proposal cannot be sent. */
function unassessedLines(lines: string[], d: DecisionSummary): void {
  const waiting = d.income.registered.filter(waitsForPerson);
  if (waiting.length === 0) return;
  for (const r of waiting) lines.push(`  ${renderMessage('sv', 'unassessed.line', unassessedArgs(r))}`);
  lines.push('');
  lines.push(renderMessage('sv', 'unassessed.blocked', { count: waiting.length }));
}

/** The cited references whose status is unverified or pending (rules/legal-references.json), in citing order. */
function unconfirmedRefs(rules: RuleSet, cited: readonly string[]): string[] {
  const weak = new Set(Object.values(rules.legal.refs).filter((r) => r.status === 'unverified' || r.status === 'pending').map((r) => r.ref));
  return [...new Set(cited.filter((ref) => weak.has(ref)))];
}

export function writeDecisionText(rules: RuleSet, d: DecisionSummary): string {
  const lines: string[] = [];
  const month = monthSv(d.period);
  const row = (label: string, amount: string | null, sign = '') => {
    const value = amount === null ? 'saknas' : `${sign}${krSv(amount)}`;
    lines.push(`  ${label.padEnd(34, ' ')}${value.padStart(16, ' ')}`);
  };

  lines.push('FÖRSLAG TILL BESLUT – EKONOMISKT BISTÅND (FÖRSÖRJNINGSSTÖD)');
  lines.push(`Ärende: ${d.caseId ?? '(inget ärendenummer)'}   Månad: ${month}${d.municipality ? `   Kommun: ${d.municipality}` : ''}`);
  lines.push('');
  lines.push('Beslut');
  const refusedTotal = d.reasons.filter((r) => r.amount !== undefined && r.code !== 'RIGHT_TO_ASSISTANCE');
  switch (d.outcome) {
    case 'approve':
      lines.push(`Socialnämnden beviljar försörjningsstöd för ${month} med ${krSv(d.payable!)}.`);
      break;
    case 'partial':
      lines.push(`Socialnämnden beviljar försörjningsstöd för ${month} med ${krSv(d.payable!)}.`);
      lines.push(`Ansökan avslås i övrigt (${refusedTotal.map((r) => krSv(r.amount!)).join(' + ')}).`);
      break;
    case 'deny':
      lines.push(`Socialnämnden avslår ansökan om försörjningsstöd för ${month}.`);
      break;
    case 'needs-information': {
      // A choice the law leaves to a person (12 kap. 3 §, aktivitetskrav) is not information the applicant lacks.
      const blocking = d.needsInformation.filter((x) => x.blocking);
      const missing = blocking.filter((x) => !PERSON_DECIDES.includes(x.code));
      const person = blocking.filter((x) => PERSON_DECIDES.includes(x.code));
      if (missing.length > 0) {
        lines.push(`Ansökan om försörjningsstöd för ${month} kan inte prövas ännu. Följande uppgifter behövs:`);
        for (const n of missing) lines.push(`- ${n.text}`);
      }
      if (person.length > 0) {
        lines.push(
          missing.length > 0
            ? 'Dessutom prövar en handläggare följande; lagen anger inget belopp, och beräkningen föreslår inget avslag:'
            : `Ansökan om försörjningsstöd för ${month} prövas av en handläggare: lagen anger inget belopp, och beräkningen föreslår inget avslag.`,
        );
        for (const n of person) lines.push(`- ${n.text}`);
      }
      break;
    }
  }
  lines.push('');
  lines.push('Så har behovet beräknats');
  row('Riksnorm', d.norm.total);
  row('Godtagna kostnader', d.costs.accepted);
  row('Behov', d.need);
  row('Inkomster som räknas', d.income.counted, '−');
  if (d.assets.used !== '0' && d.assets.used !== null) row('Egna medel som ska användas', d.assets.used, '−');
  row('Att betala', d.payable);
  unassessedLines(lines, d);
  incomeSources(lines, d);
  lines.push('');
  lines.push('Skäl för beslutet');
  for (const r of d.reasons) lines.push(`- ${r.text} (${r.legalRef})`);
  if (d.reasons.length === 0) lines.push('- Se beräkningen ovan.');
  const refs = [...new Set([legal(rules, 'rightToAssistance').ref, legal(rules, 'riksnorm').ref, ...d.reasons.map((r) => r.legalRef)])];
  lines.push('');
  lines.push(`Lagrum: ${refs.join('; ')}; ${rules.riksnorm.legalBasis}.`);
  const unconfirmed = unconfirmedRefs(rules, [...refs, ...d.needsInformation.map((n) => n.legalRef ?? '')]);
  if (unconfirmed.length > 0) lines.push(`Lagrum som inte är bekräftade i lagtexten (kontrolleras före beslut): ${unconfirmed.join('; ')}.`);

  if (d.childImpact) {
    lines.push('');
    lines.push('Barnets bästa');
    for (const note of d.childImpact.notes) lines.push(`- ${note}`);
    lines.push(`(${d.childImpact.legalRefs.join('; ')})`);
  }

  if (d.outcome !== 'needs-information') {
    lines.push('');
    lines.push('Hur man överklagar');
    lines.push(
      'Om du inte är nöjd med beslutet kan du överklaga det till förvaltningsrätten. Skriv till socialnämnden och tala om vilket beslut du överklagar, ' +
        'varför du anser att det är fel och hur du vill att det ska ändras. Överklagandet ska ha kommit in till socialnämnden inom tre veckor från den dag ' +
        'du fick del av beslutet. Nämnden prövar först om beslutet ska ändras; annars skickar nämnden överklagandet vidare till förvaltningsrätten. ' +
        `(${legal(rules, 'appealRoute').ref}; ${legal(rules, 'appealDeadline').ref})`,
    );
  }
  lines.push('');
  lines.push(
    `Förslaget är beräknat automatiskt enligt ${rules.legal.lawTitle} och ${rules.riksnorm.title.toLowerCase()} ` +
      `(regelversion ${d.ruleSetVersion.slice(0, 19)}…). Beslutet fattas av handläggare. Skälen ska motiveras enligt ${legal(rules, 'statementOfReasons').ref}.`,
  );
  return lines.join('\n');
}

/**
 * The decision text for a month whose rules are enacted but not published (decision/pending.ts): no
 * calculation and no assessment, only what is missing.
 */
export function writePendingDecisionText(pending: PendingRuleSet, d: DecisionSummary): string {
  const month = monthSv(d.period);
  return [
    'FÖRSLAG TILL BESLUT – EKONOMISKT BISTÅND (FÖRSÖRJNINGSSTÖD)',
    `Ärende: ${d.caseId ?? '(inget ärendenummer)'}   Månad: ${month}${d.municipality ? `   Kommun: ${d.municipality}` : ''}`,
    '',
    'Beslut',
    `Ansökan om försörjningsstöd för ${month} kan inte beräknas ännu. Reglerna för månaden är beslutade men inte publicerade, och motorn gissar inte. Följande saknas:`,
    ...d.needsInformation.map((n) => `- ${n.text} (${n.legalRef ?? ''})`),
    '',
    `Ingen beräkning och ingen bedömning har gjorts. Förslaget tas fram när reglerna har lästs in (${pending.legal.lawTitle}).`,
  ].join('\n');
}
