/**
 * The caseworker's worksheet (arbetsunderlag): everything a person needs to decide that is not for the
 * applicant. What to assess (flags), what is missing, the payments nobody has classified, the
 * alternatives to try ("Pröva …", "Erbjud …"), the barnkonsekvens questions with what the data says
 * and the caseworker's answers (each marked whether it goes to the letter), the caseworker's notes,
 * the per-child shares of a refusal, the legal references not confirmed in the law text, the rule-set
 * version and the numbered trace. People by name or role, never by id; codes by their Swedish label.
 *
 * It is the decision's `worksheetText` (calculate --json), a separate field from the applicant's
 * letter `decisionText` (letter/build.ts): nothing here reaches the letter unless the caseworker
 * marked it for the letter.
 */
import type { Household } from '../household/types.ts';
import type { ChildImpact as ChildImpactData } from '../output/types.ts';
import type { RuleSet } from '../rulebook/types.ts';
import type { Message } from '../trace/messages.ts';
import { krSv, monthSv } from './format.ts';
import { ALTERNATIVE, AMOUNT_NAME, FLAG, labelOf, NEEDS, OUTCOME, SEVERITY, STATUS, stepLabel } from './labels.js';
import { answerFor, letterPrompts, type CaseworkerAnswers } from './letter/answers.ts';
import { unassessedArgs, waitsForPerson } from './letter/build.ts';
import { renderMessage } from './messages.ts';
import { People } from './people.ts';
import type { DecisionSummary, TraceStep } from './types.ts';

export interface WorksheetInput {
  readonly decision: DecisionSummary;
  readonly trace: readonly TraceStep[];
  readonly household: Household;
  /** null when the month's rules are not published. */
  readonly rules: RuleSet | null;
  readonly answers?: CaseworkerAnswers;
  /** The child impact as data (its messages), so that alternatives and question data name people, not ids. */
  readonly childImpactData?: ChildImpactData | null;
  /** Why no letter can be sent yet (the letter's blockers, letter/build.ts), printed first. */
  readonly blockers?: readonly string[];
}

/** The references the decision cites whose status is unverified or pending (rules/legal-references.json). */
export function unconfirmedRefs(rules: RuleSet, d: DecisionSummary): { ref: string; status: string }[] {
  const cited = new Set<string>([
    ...d.reasons.map((r) => r.legalRef),
    ...d.flags.map((f) => f.legalRef),
    ...d.needsInformation.map((n) => n.legalRef ?? ''),
    ...d.costs.items.map((i) => i.legalRef),
    ...d.income.items.map((i) => i.legalRef),
    ...(d.childImpact?.legalRefs ?? []),
  ]);
  const out: { ref: string; status: string }[] = [];
  for (const r of Object.values(rules.legal.refs)) {
    if ((r.status === 'unverified' || r.status === 'pending') && cited.has(r.ref) && !out.some((o) => o.ref === r.ref)) out.push({ ref: r.ref, status: r.status });
  }
  return out;
}

/** The worksheet as plain text. */
export function worksheetText(input: WorksheetInput): string {
  const { decision: d, household, rules, answers } = input;
  const people = new People(household);
  const say = (m: Message) => renderMessage('sv', m.key, people.args(m.args, 'label'));
  const out: string[] = [];
  const line = (text = '') => out.push(text);
  const head = [`Ärende ${d.caseId ?? '(inget ärendenummer)'}`, monthSv(d.period), d.law, `Förslag: ${OUTCOME[d.outcome] ?? 'okänt'}`, d.payable !== null ? `att betala ${krSv(d.payable)}` : 'inget belopp'];
  line('ARBETSUNDERLAG – skickas inte till den sökande');
  line(head.join(' · '));
  const blockers = input.blockers ?? [];
  if (blockers.length > 0) {
    line();
    line('Inget brev kan skickas ännu');
    for (const b of blockers) line(`- ${b}`);
  }

  if (d.flags.length > 0) {
    line();
    line('Att bedöma');
    for (const f of d.flags) {
      const amounts = f.amounts ? ` (${Object.entries(f.amounts).map(([k, v]) => `${AMOUNT_NAME[k] ?? 'belopp'} ${krSv(v)}`).join(', ')})` : '';
      line(`- ${SEVERITY[f.severity] ?? 'Bedömning'}, ${FLAG[f.code] ?? labelOf(f.code) ?? 'att bedöma'}: ${say(f.message)}${amounts} (${f.legalRef})`);
    }
  }
  if (d.needsInformation.length > 0) {
    line();
    line('Uppgifter som saknas');
    for (const n of d.needsInformation) line(`- ${NEEDS[n.code] ?? 'Uppgift saknas'}${n.blocking ? ' (krävs för förslag)' : ''}: ${say(n.message)}`);
  }
  const waiting = d.income.registered.filter(waitsForPerson);
  if (waiting.length > 0) {
    line();
    line('Utbetalningar som inte är bedömda');
    for (const r of waiting) line(`- ${renderMessage('sv', 'unassessed.line', people.args(unassessedArgs(r), 'label'))}`);
    line(renderMessage('sv', 'unassessed.blocked', { count: waiting.length }));
  }

  const c = d.childImpact;
  if (c !== null) {
    line();
    line(`Barnkonsekvens – underlag${c.requiresAssessment ? ' (ska bedömas och dokumenteras)' : ''}`);
    for (const p of c.perChild) {
      const share = p.effect !== null && p.effect !== '0' ? `; avslagets andel ${krSv(p.effect)}` : '';
      line(`- ${people.label(p.memberId)}: normbelopp ${krSv(p.norm)}, ${p.residence === 'full-time' ? 'bor här hela månaden' : p.residence === 'not-this-month' ? 'bor inte här denna månad' : `bor här ${p.daysInHousehold} dagar`}${share}`);
    }
    if (c.effectOfRefusal !== '0') line(`  Avslaget sammanlagt: ${krSv(c.effectOfRefusal)}`);
    if (c.alternatives.length > 0) {
      line('  Alternativ att pröva:');
      c.alternatives.forEach((a, i) => {
        const raw = input.childImpactData?.alternatives[i];
        const text = raw !== undefined && raw.code === a.code ? say(raw.message) : a.text;
        line(`  - ${ALTERNATIVE[a.code] ?? 'Alternativ'}: ${text}${a.amount !== null ? ` (${krSv(a.amount)})` : ''}`);
      });
    }
    const forLetter = rules ? letterPrompts(rules.childImpact.prompts) : new Set<string>();
    line('  Frågor:');
    for (const p of c.prompts) {
      line(`  ${p.number}. ${p.question}${p.requiresAnswer ? ' [ska besvaras]' : ''}${forLetter.has(p.id) ? ' [svaret skrivs i brevet]' : ''}`);
      const rawData = input.childImpactData?.prompts.find((x) => x.id === p.id)?.data ?? null;
      if (rawData !== null && rawData.length > 0) line(`     Underlag: ${rawData.map(say).join(p.id === 'housing' || p.id === 'alternatives' ? ' ' : '; ')}`);
      else if (p.data) line(`     Underlag: ${p.data}`);
      const given = (answers?.childAnswers ?? []).filter((a) => a.promptId === p.id && a.answer.trim() !== '');
      if (given.length === 0) line('     Svar: inte besvarad');
      for (const a of given) {
        const whom = a.memberId ? ` (${people.label(a.memberId)})` : '';
        const where = forLetter.has(p.id) || a.forLetter === true ? 'med i brevet' : 'internt';
        line(`     Svar${whom}, ${where}: ${a.answer.trim()}`);
      }
      if (forLetter.has(p.id) && p.requiresAnswer) {
        const open = c.children.filter((id) => answerFor(answers, p.id, id) === null);
        if (open.length > 0 && given.length > 0) line(`     Saknas för: ${open.map((id) => people.label(id)).join(', ')}`);
      }
    }
  }
  const notes = answers?.notes ?? [];
  if (notes.length > 0) {
    line();
    line('Anteckningar');
    for (const n of notes) line(`- ${n.forLetter ? '[med i brevet] ' : '[internt] '}${n.text.trim()}`);
  }
  if (rules !== null) {
    const weak = unconfirmedRefs(rules, d);
    if (weak.length > 0) {
      line();
      line('Lagrum som inte är bekräftade i lagtexten (kontrolleras före beslut)');
      for (const w of weak) line(`- ${w.ref} (${STATUS[w.status] ?? w.status})`);
    }
  }
  line();
  line(`Regelversion ${d.ruleSetVersion} · indata ${d.inputHash} · motorversion ${d.engineVersion}`);
  line();
  line('Beräkningsgång');
  input.trace.forEach((s, i) => {
    line(`${String(i + 1).padStart(3)}. ${stepLabel(s.step)}: ${say(s.message)}${s.legalRef ? ` (${s.legalRef})` : ''}`);
  });
  return out.join('\n');
}
