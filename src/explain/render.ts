/**
 * The decision for a person to read: a Swedish (or English) breakdown of the norm, costs, income,
 * the outcome, reasons, open questions, the child section, the numbered trace and the decision text.
 * A view over the Decision data; it computes nothing.
 */
import type { Message } from '../trace/messages.ts';
import type { Decision } from './types.ts';
import { krEn, krSv, monthEn, monthSv } from './format.ts';
import { unassessedArgs, waitsForPerson } from './letter/build.ts';
import { renderMessage, type Language } from './messages.ts';

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
    missing: 'missing',
    none: '–',
  },
};

export function renderDecision(d: Decision, lang: Language = 'sv'): string {
  const t = T[lang];
  const kr = (v: string | null) => (v === null ? t.missing : lang === 'sv' ? krSv(v) : krEn(v));
  const out: string[] = [];
  const say = (x: { reason: string; message: Message }) => (lang === 'sv' ? x.reason : renderMessage('en', x.message.key, x.message.args));
  const line = (label: string, value: string, note = '') => out.push(`  ${label.padEnd(38)}${value.padStart(14)}${note ? `   ${note}` : ''}`);

  out.push(`${t.title} ${lang === 'sv' ? monthSv(d.period) : monthEn(d.period)}${d.caseId ? ` (${t.case} ${d.caseId}` : ' ('}${d.municipality ? `, ${t.municipality} ${d.municipality}` : ''})`.replace(' ()', ''));
  out.push(`${t.law}: ${d.law} · ${t.table}: ${d.norm.table}`);
  out.push(`${t.proposal}: ${OUTCOME[lang][d.outcome]}${d.payable !== null ? ` – ${t.payable} ${kr(d.payable)}` : ''}`);
  out.push('');

  out.push(t.norm);
  for (const m of d.norm.members) line(m.memberId, kr(m.amount), m.rule);
  line(`${t.common} (${d.norm.householdSize} ${t.persons})`, kr(d.norm.common));
  line(t.normTotal, kr(d.norm.total));
  for (const s of d.norm.separate) line(`${t.separate}: ${s.memberId}`, kr(s.amount), s.reason);
  out.push('');

  if (d.costs.items.length > 0) {
    out.push(`${t.costs} (${t.claimed} / ${t.accepted})`);
    for (const c of d.costs.items) {
      out.push(`  ${c.type.padEnd(24)}${kr(c.claimed).padStart(14)}${kr(c.accepted).padStart(14)}`);
      out.push(`      ${say(c)} (${c.legalRef})`);
    }
    line(`${t.costs}: ${t.accepted}`, kr(d.costs.accepted));
    out.push('');
  }
  if (d.income.items.length > 0) {
    out.push(`${t.income} (${t.amount} / ${t.counted})`);
    for (const i of d.income.items) {
      out.push(`  ${`${i.memberId} ${i.type}`.padEnd(24)}${kr(i.amount).padStart(14)}${kr(i.counted).padStart(14)}`);
      out.push(`      ${say({ reason: i.reason, message: i.message })} (${i.legalRef})`);
    }
    out.push('');
  }
  if (d.income.registered.length > 0) {
    out.push(t.registered);
    for (const r of d.income.registered) {
      out.push(`  ${`${r.memberId} ${r.agency} ${r.benefit}`.padEnd(38)}${kr(r.net).padStart(14)}   ${r.paidOn ?? r.periodFrom ?? ''}  ${t.use[r.use]}${r.classification ? ` (${r.classification})` : ''}`);
      out.push(`      ${say({ reason: r.reason, message: r.message })}`);
    }
    out.push('');
  }
  if (d.assets.items.length > 0) {
    out.push(`${t.assets} (${t.buffer} ${kr(d.assets.buffer)}, ${t.available} ${kr(d.assets.available)})`);
    for (const a of d.assets.items) out.push(`  ${`${a.memberId ?? ''} ${a.type}`.trim().padEnd(24)}${kr(a.amount).padStart(14)}   ${a.code}`);
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
    for (const r of d.reasons) out.push(`  - [${r.code}] ${say({ reason: r.text, message: r.message })} (${r.legalRef})`);
    out.push('');
  }
  if (d.flags.length) {
    out.push(t.flags);
    for (const f of d.flags) {
      const amounts = f.amounts ? ` (${Object.entries(f.amounts).map(([k, v]) => `${k} ${kr(v)}`).join(', ')})` : '';
      out.push(`  - [${f.code}, ${f.severity}] ${say({ reason: f.text, message: f.message })}${amounts}`);
    }
    out.push('');
  }
  if (d.needsInformation.length) {
    out.push(t.needs);
    for (const n of d.needsInformation) out.push(`  - ${n.field}${n.blocking ? ` (${t.blocking})` : ''}: ${say({ reason: n.text, message: n.message })}`);
    out.push('');
  }
  if (d.warnings.length) {
    out.push(t.warnings);
    for (const w of d.warnings) out.push(`  - ${w.path}: ${w.message}`);
    out.push('');
  }
  if (d.childImpact) {
    const c = d.childImpact;
    out.push(`${t.children}${c.requiresAssessment ? ` (${lang === 'sv' ? 'kräver bedömning' : 'requires assessment'})` : ''}`);
    for (const n of c.notes) out.push(`  - ${n}`);
    out.push(`  ${t.prompts}:`);
    for (const p of c.prompts) {
      out.push(`   ${String(p.number).padStart(2)}. ${p.question}${p.requiresAnswer ? ` [${t.mustAnswer}]` : ''}`);
      if (p.data) out.push(`       → ${p.data}`);
    }
    out.push('');
  }

  out.push(t.trace);
  d.trace.forEach((s, i) => {
    const text = say({ reason: s.text, message: s.message });
    out.push(`  ${String(i + 1).padStart(3)}. [${s.step}] ${text}`);
    out.push(`       ${s.rule}${s.legalRef ? ` · ${s.legalRef}` : ''}${s.params.length ? ` · ${s.params.map((p) => `${p.id}=${p.value} (${p.status})`).join(', ')}` : ''}`);
  });
  out.push('');
  // The applicant's letter is a document of its own: printed apart, under its own heading, or why none can be sent.
  out.push(t.letter);
  out.push(d.decisionText === '' ? `  ${t.noLetter}` : d.decisionText.split('\n').map((l) => `  ${l}`).join('\n'));
  out.push('');
  out.push(`${t.version}: ${d.ruleSetVersion} · ${t.input}: ${d.inputHash} · engine ${d.engineVersion}`);
  return out.join('\n');
}
