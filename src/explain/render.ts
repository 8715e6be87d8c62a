/**
 * The decision for a person to read: a Swedish (or English) breakdown of the norm, costs, income,
 * the outcome, reasons, open questions, the child section, the numbered trace and the decision text.
 * A view over the Decision data; it computes nothing.
 *
 * The Swedish breakdown is read by a caseworker, an auditor or a court, so it reads as the worksheet
 * does (worksheet.ts): people by name or role (people.ts, never the member id), codes by their Swedish
 * label (labels.js: reasons, flags, severities, missing facts, own cases, trace steps, statuses,
 * agencies; the rules' labelSv for cost, income and asset types, as the letter and the page), counts
 * in the right number ("1 person", "2 personer"), and no per-head split of a refusal among the
 * children (the legal review: that is not a consequence analysis). The rule ids of the trace stay: they
 * are the references of each number. The English breakdown is unchanged (codes and ids).
 */
import type { Household } from '../household/types.ts';
import type { ChildImpact as ChildImpactData } from '../output/types.ts';
import type { RuleSet } from '../rulebook/types.ts';
import type { Message } from '../trace/messages.ts';
import type { Decision } from './types.ts';
import { countSv, dateSv, krEn, krSv, monthEn, monthSv } from './format.ts';
import { AGENCY, AMOUNT_NAME, FLAG, ITEM, labelOf, NEEDS, OWN_CASE, SEVERITY, STATUS, stepLabel } from './labels.js';
import { unassessedArgs, waitsForPerson } from './letter/build.ts';
import { renderMessage, type Language } from './messages.ts';
import { People } from './people.ts';

/**
 * What the breakdown names people and types from, beside the decision: the household it was computed
 * for (members' names and roles), its rules (the types' Swedish labels; null when the month's rules
 * are pending) and the child impact as data (its messages, so that its notes name people; null for a
 * record stored with its texts only).
 */
export interface BreakdownBasis {
  readonly household: Pick<Household, 'members' | 'period'>;
  readonly rules: RuleSet | null;
  readonly childImpact: ChildImpactData | null;
}

/** The child notes the Swedish breakdown leaves out: a refusal split per head among the children (legal review). */
const PER_HEAD_SPLIT = new Set(['child.effect', 'child.promptConsequence']);
/** How a prompt's parts are joined (as in contract.ts): sentences with a space, lists with a semicolon. */
const PROMPT_JOIN: Readonly<Record<string, string>> = { housing: ' ', alternatives: ' ' };

const OUTCOME: Record<Language, Record<Decision['outcome'], string>> = {
  sv: { approve: 'BIFALL', partial: 'DELVIS BIFALL', deny: 'AVSLAG', 'needs-information': 'UPPGIFTER SAKNAS' },
  en: { approve: 'APPROVE', partial: 'PARTIAL', deny: 'DENY', 'needs-information': 'NEEDS INFORMATION' },
};

const T = {
  sv: {
    title: 'Försörjningsstöd – beräkning för',
    case: 'ärende',
    municipality: 'kommun',
    law: 'Lag',
    table: 'Norm',
    proposal: 'Förslag',
    payable: 'att betala',
    norm: 'Riksnorm',
    common: 'Gemensamma hushållskostnader',
    persons: 'personer',
    normTotal: 'Summa riksnorm',
    separate: 'Eget ärende (ingår inte)',
    costs: 'Kostnader',
    claimed: 'sökt',
    accepted: 'godtaget',
    income: 'Inkomster',
    amount: 'belopp',
    counted: 'räknas',
    assets: 'Egna medel',
    buffer: 'buffert',
    available: 'att använda först',
    need: 'Behov',
    incomeCounted: 'Inkomster som räknas',
    reasons: 'Skäl',
    flags: 'Att bedöma av handläggare',
    needs: 'Uppgifter som saknas',
    blocking: 'krävs för förslag',
    warnings: 'Varningar om indata',
    children: 'Barnkonsekvens',
    prompts: 'Frågor att besvara',
    mustAnswer: 'ska besvaras',
    alternatives: 'Alternativ',
    trace: 'Beräkningsgång',
    registered: 'Registrerade utbetalningar (uppgifter från myndigheter)',
    use: { counted: 'räknas', 'replaces-declared': 'räknas, ersätter ansökan', 'other-month': 'annan månad', excluded: 'räknas inte', 'to-person': 'ej bedömd', unhandled: 'ej bedömd' },
    letter: 'Beslutstext',
    noLetter: 'Inget brev kan skickas ännu. Skälen står först i arbetsunderlaget (worksheetText).',
    version: 'Regelversion',
    input: 'indata',
    engine: 'motorversion',
    missing: 'saknas',
    none: '–',
  },
  en: {
    title: 'Social assistance – calculation for',
    case: 'case',
    municipality: 'municipality',
    law: 'Law',
    table: 'Norm',
    proposal: 'Proposal',
    payable: 'payable',
    norm: 'National norm',
    common: 'Shared household costs',
    persons: 'persons',
    normTotal: 'Norm total',
    separate: 'Separate case (not included)',
    costs: 'Costs',
    claimed: 'claimed',
    accepted: 'accepted',
    income: 'Income',
    amount: 'amount',
    counted: 'counted',
    assets: 'Own money',
    buffer: 'buffer',
    available: 'to use first',
    need: 'Need',
    incomeCounted: 'Counted income',
    reasons: 'Reasons',
    flags: 'For the caseworker to assess',
    needs: 'Missing information',
    blocking: 'needed for a proposal',
    warnings: 'Input warnings',
    children: 'Child impact',
    prompts: 'Questions to answer',
    mustAnswer: 'must be answered',
    alternatives: 'Alternatives',
    trace: 'Calculation steps',
    registered: 'Registered payments (agency data)',
    use: { counted: 'counted', 'replaces-declared': 'counted, replaces declared', 'other-month': 'other month', excluded: 'not counted', 'to-person': 'not assessed', unhandled: 'not assessed' },
    letter: 'Decision text (Swedish)',
    noLetter: 'No letter can be sent yet. The worksheet (worksheetText) says why, first.',
    version: 'Rule set',
    input: 'input',
    engine: 'engine',
    missing: 'missing',
    none: '–',
  },
};

export function renderDecision(d: Decision, lang: Language, basis: BreakdownBasis): string {
  const t = T[lang];
  const sv = lang === 'sv';
  const kr = (v: string | null) => (v === null ? t.missing : sv ? krSv(v) : krEn(v));
  const out: string[] = [];
  const people = new People(basis.household);
  const rules = basis.rules;
  // Swedish: the message rendered again with people named as the worksheet names them; English: as before.
  const text = (m: Message) => renderMessage(lang, m.key, sv ? people.args(m.args, 'label') : m.args);
  const who = (id: string | null | undefined) => (id === null || id === undefined ? '' : sv ? people.label(id) : id);
  /** A line's type and whose it is: "Barnbidrag – Sara Lind (sökande)" (English: "a1 child-allowance"). */
  const typed = (label: string | undefined, type: string, memberId: string | null | undefined) =>
    sv ? [label ?? type, memberId ? who(memberId) : ''].filter(Boolean).join(' – ') : `${memberId ?? ''} ${type}`.trim();
  // A Swedish label longer than its column (a type with a person's name) gets a line of its own, so the amounts stay aligned.
  const width = sv ? 44 : 38;
  const label = (name: string) => {
    if (!sv || name.length < width) return name;
    out.push(`  ${name}`);
    return '';
  };
  const line = (name: string, value: string, note = '') => out.push(`  ${label(name).padEnd(width)}${value.padStart(14)}${note ? `   ${note}` : ''}`);
  const row = (name: string, a: string, b: string) => out.push(`  ${label(name).padEnd(sv ? width : 24)}${a.padStart(14)}${b.padStart(14)}`);

  out.push(`${t.title} ${sv ? monthSv(d.period) : monthEn(d.period)}${d.caseId ? ` (${t.case} ${d.caseId}` : ' ('}${d.municipality ? `, ${t.municipality} ${d.municipality}` : ''})`.replace(' ()', ''));
  out.push(`${t.law}: ${d.law} · ${t.table}: ${d.norm.table}`);
  out.push(`${t.proposal}: ${OUTCOME[lang][d.outcome]}${d.payable !== null ? ` – ${t.payable} ${kr(d.payable)}` : ''}`);
  out.push('');

  out.push(t.norm);
  for (const m of d.norm.members) line(who(m.memberId), kr(m.amount), sv ? '' : m.rule);
  line(`${t.common} (${sv ? countSv(d.norm.householdSize, 'person', 'personer') : `${d.norm.householdSize} ${t.persons}`})`, kr(d.norm.common));
  line(t.normTotal, kr(d.norm.total));
  for (const s of d.norm.separate) line(`${t.separate}: ${who(s.memberId)}`, kr(s.amount), sv ? (OWN_CASE[s.reason] ?? '') : s.reason);
  out.push('');

  if (d.costs.items.length > 0) {
    out.push(`${t.costs} (${t.claimed} / ${t.accepted})`);
    for (const c of d.costs.items) {
      row(sv ? typed(rules?.costTypes[c.type]?.labelSv, c.type, c.memberId) : c.type, kr(c.claimed), kr(c.accepted));
      out.push(`      ${text(c.message)} (${c.legalRef})`);
    }
    line(`${t.costs}: ${t.accepted}`, kr(d.costs.accepted));
    out.push('');
  }
  if (d.income.items.length > 0) {
    out.push(`${t.income} (${t.amount} / ${t.counted})`);
    for (const i of d.income.items) {
      row(typed(rules?.incomeTypes[i.type]?.labelSv, i.type, i.memberId), kr(i.amount), kr(i.counted));
      out.push(`      ${text(i.message)} (${i.legalRef})`);
    }
    out.push('');
  }
  if (d.income.registered.length > 0) {
    out.push(t.registered);
    for (const r of d.income.registered) {
      if (sv) {
        const when = r.paidOn ?? r.periodFrom;
        line(`${r.benefit} från ${AGENCY[r.agency] ?? 'myndighet'} – ${who(r.memberId)}`, kr(r.net), [when ? dateSv(when) : '', t.use[r.use]].filter(Boolean).join(', '));
      } else {
        out.push(`  ${`${r.memberId} ${r.agency} ${r.benefit}`.padEnd(38)}${kr(r.net).padStart(14)}   ${r.paidOn ?? r.periodFrom ?? ''}  ${t.use[r.use]}${r.classification ? ` (${r.classification})` : ''}`);
      }
      out.push(`      ${text(r.message)}`);
    }
    out.push('');
  }
  if (d.assets.items.length > 0) {
    out.push(`${t.assets} (${t.buffer} ${kr(d.assets.buffer)}, ${t.available} ${kr(d.assets.available)})`);
    for (const a of d.assets.items) {
      if (sv) line(typed(rules?.assetTypes[a.type]?.labelSv, a.type, a.memberId), kr(a.amount), ITEM[a.code] ?? '');
      else out.push(`  ${`${a.memberId ?? ''} ${a.type}`.trim().padEnd(24)}${kr(a.amount).padStart(14)}   ${a.code}`);
    }
    out.push('');
  }
  line(t.need, kr(d.need));
  line(t.incomeCounted, kr(d.income.counted));
  // A payment nobody has classified yet: its own line "ej bedömd", not in the sum, with both alternatives.
  for (const r of d.income.registered.filter(waitsForPerson)) {
    const args = unassessedArgs(r);
    line(renderMessage(lang, 'unassessed.label', args), kr(r.net), renderMessage(lang, 'unassessed.note', args));
  }
  if (d.assets.used !== '0' && d.assets.used !== null) line(t.assets, kr(d.assets.used));
  line(t.payable.charAt(0).toUpperCase() + t.payable.slice(1), kr(d.payable));
  out.push('');

  if (d.reasons.length) {
    out.push(t.reasons);
    for (const r of d.reasons) out.push(`  - ${sv ? `${labelOf(r.code) ?? 'Skäl'}:` : `[${r.code}]`} ${text(r.message)} (${r.legalRef})`);
    out.push('');
  }
  if (d.flags.length) {
    out.push(t.flags);
    for (const f of d.flags) {
      const amounts = f.amounts ? ` (${Object.entries(f.amounts).map(([k, v]) => `${sv ? (AMOUNT_NAME[k] ?? 'Belopp') : k} ${kr(v)}`).join(', ')})` : '';
      const head = sv ? `${SEVERITY[f.severity] ?? 'Bedömning'}, ${FLAG[f.code] ?? labelOf(f.code) ?? 'att bedöma'}:` : `[${f.code}, ${f.severity}]`;
      out.push(`  - ${head} ${text(f.message)}${amounts}`);
    }
    out.push('');
  }
  if (d.needsInformation.length) {
    out.push(t.needs);
    for (const n of d.needsInformation) out.push(`  - ${sv ? (NEEDS[n.code] ?? labelOf(n.code) ?? 'Uppgift saknas') : n.field}${n.blocking ? ` (${t.blocking})` : ''}: ${text(n.message)}`);
    out.push('');
  }
  if (d.warnings.length) {
    out.push(t.warnings);
    for (const w of d.warnings) out.push(`  - ${w.path}: ${w.message}`);
    out.push('');
  }
  if (d.childImpact) {
    const c = d.childImpact;
    const data = sv ? basis.childImpact : null;
    out.push(`${t.children}${c.requiresAssessment ? ` (${sv ? 'kräver bedömning' : 'requires assessment'})` : ''}`);
    const notes = data === null ? c.notes : data.notes.filter((m) => !PER_HEAD_SPLIT.has(m.key)).map(text);
    for (const n of notes) out.push(`  - ${n}`);
    out.push(`  ${t.prompts}:`);
    for (const p of c.prompts) {
      out.push(`   ${String(p.number).padStart(2)}. ${p.question}${p.requiresAnswer ? ` [${t.mustAnswer}]` : ''}`);
      const raw = data?.prompts.find((x) => x.id === p.id);
      const shown = raw === undefined ? p.data : raw.data === null ? null : raw.data.filter((m) => !PER_HEAD_SPLIT.has(m.key)).map(text).join(PROMPT_JOIN[p.id] ?? '; ');
      if (shown) out.push(`       → ${shown}`);
    }
    out.push('');
  }

  out.push(t.trace);
  d.trace.forEach((s, i) => {
    const said = text(s.message);
    // The step's label, unless the sentence begins with it ("Behov: riksnorm …").
    const head = sv ? (said.toLowerCase().startsWith(stepLabel(s.step).toLowerCase()) ? '' : `${stepLabel(s.step)}: `) : `[${s.step}] `;
    out.push(`  ${String(i + 1).padStart(3)}. ${head}${said}`);
    const params = s.params.map((p) => `${p.id}=${p.value} (${sv ? (STATUS[p.status] ?? p.status) : p.status})`).join(', ');
    out.push(`       ${s.rule}${s.legalRef ? ` · ${s.legalRef}` : ''}${params ? ` · ${params}` : ''}`);
  });
  out.push('');
  // The applicant's letter is a document of its own: printed apart, under its own heading, or why none can be sent.
  out.push(t.letter);
  out.push(d.decisionText === '' ? `  ${t.noLetter}` : d.decisionText.split('\n').map((l) => `  ${l}`).join('\n'));
  out.push('');
  out.push(`${t.version}: ${d.ruleSetVersion} · ${t.input}: ${d.inputHash} · ${t.engine} ${d.engineVersion}`);
  return out.join('\n');
}
