/**
 * The decision from POST /api/calculate as the caseworker's view: outcome and payable first, the
 * calculation, then norm, costs, income, own means, reasons, flags, missing information, the
 * barnkonsekvens section, the trace and the decision text. A view only: it computes nothing except
 * the differences it shows (claimed − accepted, amount − counted), in whole öre.
 *
 * Amounts carry data-amount="<field>" (e.g. "need", "costs.items.0.refused") so tests and screen
 * readers find them; the numbers are formatted like the command line (format.js krSv).
 */
import { h } from './dom.js';
import { fromOre, krSv, monthSv, subtractKr, toOre } from './format.js';
import { AMOUNT_NAME, OUTCOME, RESIDENCE, SEVERITY, STATUS, STEP, describePath } from './labels.js';

/**
 * The view's options: labels (types by the period's rules), onField (go to a field), who (a member id
 * as the caseworker knows the person: name or role and birth year), preliminary (no income entered and
 * none confirmed: the outcome is not shown as a result yet), answers and onAnswer (the caseworker's
 * answers to the barnkonsekvens questions, kept by the page).
 */
let view = { labels: { incomes: {}, costs: {}, assets: {} }, onField: () => {}, who: (id) => id, whose: null, preliminary: false, answers: {}, onAnswer: () => {} };

/**
 * An engine text as the caseworker reads it: members by name, not id, also in the genitive ("a1s del"
 * → whose(id), e.g. "Annas del" or "sökandens del"); an en dash in "4–6 år".
 */
export function readable(text, who = view.who, ids = [], whose = view.whose ?? ((id) => `${who(id)}s`)) {
  let out = String(text).replace(/\b(\d+)-(\d+) år\b/g, '$1–$2 år');
  for (const id of ids) {
    if (!/^[A-Za-z0-9_-]+$/.test(id)) continue;
    out = out.replace(new RegExp(`(^|[\\s(])${id}s(?=[\\s,:;.)]|$)`, 'g'), (_, pre) => `${pre}${whose(id)}`);
    out = out.replace(new RegExp(`(^|[\\s(])${id}(?=[\\s,:;.)]|$)`, 'g'), (_, pre) => `${pre}${who(id)}`);
  }
  return out;
}

let memberIds = [];
/** An engine text with members by name, and an aktivitetskrav exemption code "(sickness-benefit)" by its Swedish label from the rules. */
const sv = (text) => {
  let out = readable(text, view.who, memberIds);
  for (const [code, label] of Object.entries(view.labels.exemptions ?? {})) out = out.replaceAll(`(${code})`, `(${label})`);
  return out;
};

/** Named kronor amounts (a flag's `amounts`) on one line: "Fullt belopp: 14 170 kr · Den vuxnes del: 8 145 kr". */
function namedAmounts(amounts, field) {
  return h(
    'p',
    { class: 'list__meta' },
    Object.entries(amounts).flatMap(([k, v], i) => [i ? ' · ' : '', `${AMOUNT_NAME[k] ?? 'Belopp'}: `, h('span', { class: 'amount', dataset: field ? { amount: `${field}.${k}` } : {} }, krSv(v))]),
  );
}

/** The year of a pending month, and the rules it misses in Swedish (needs.rulesPending), or null. */
export function pendingRules(d) {
  const missing = d.needsInformation.filter((n) => n.code === 'RULES_PENDING');
  if (missing.length === 0) return null;
  return { year: d.period.slice(0, 4), rules: missing.map((n) => n.message?.args?.rule ?? n.text) };
}

/** "Reglerna för 2027 är inte publicerade: a; b." */
export function pendingText(p) {
  return `Reglerna för ${p.year} är inte publicerade: ${p.rules.join('; ')}.`;
}

/**
 * The registered payments that wait for a person's classification: those a flag with blocksLetter is
 * about (no row knows them, or their row leaves them to a person). No letter until they are classified.
 */
export function unassessedPayments(d) {
  const blocked = new Set((d.flags ?? []).filter((f) => f.blocksLetter && f.paymentIndex !== undefined).map((f) => f.paymentIndex));
  return (d.income.registered ?? []).filter((r) => blocked.has(r.index));
}

/** The blocking aktivitetskrav flags (declined without an acceptable reason): a person chooses between the alternatives. */
export const activityBlocks = (d) => d.flags.filter((f) => f.code === 'ACTIVITY_DECLINED' && f.severity === 'block' && f.amounts);
/** The blocking labour-market flags (an adult not at the labour market's disposal, no reason given): a person chooses. */
export const labourMarketBlocks = (d) => d.flags.filter((f) => f.code === 'NOT_AT_LABOUR_MARKET_DISPOSAL' && f.severity === 'block' && f.amounts);
/** The labour-market flags with a stated reason: the amount is proposed, a person judges the reason. */
const reasonsToAssess = (d) => d.flags.filter((f) => f.code === 'LABOUR_MARKET_REASON_TO_ASSESS');
/** The needs-information codes that are a person's choice, not a missing fact. */
const PERSON_DECIDES = ['ACTIVITY_DECISION_BY_PERSON', 'LABOUR_MARKET_DECISION_BY_PERSON'];

function pendingNotice(p) {
  return h(
    'div',
    { class: 'outcome__notice', id: 'rules-pending' },
    h('p', {}, h('strong', {}, `Reglerna för ${p.year} är inte publicerade: `)),
    h('ul', {}, p.rules.map((r) => h('li', {}, r))),
    h('p', {}, 'Motorn gissar inte och räknar inte med ett annat års regler: inget belopp föreslås och ingen bedömning är gjord. Förslaget kan räknas fram när reglerna har publicerats och lästs in.'),
  );
}

/**
 * A person's choice between the alternatives a blocking flag carries (flag.amounts): the adult's part
 * refused with the children's kept, a reduction between, the full amount. `field` prefixes the amounts'
 * data-amount names, `lead` says why (bold, then the rest), `labels` name the refusal and the full amount.
 */
function personChoice(f, field, lead, rest, labels) {
  const a = f.amounts;
  const item = (label, amount, name, note = null) => h('li', {}, `${label}: `, h('strong', { class: 'amount', dataset: { amount: `${field}.${name}` } }, krSv(amount)), note ? ` ${note}` : '');
  return h(
    'div',
    { class: 'outcome__notice', dataset: { [field]: f.memberId ?? '' } },
    h('p', {}, h('strong', {}, lead), rest),
    h(
      'ul',
      { class: 'plain' },
      item(labels.refuse, a.withoutAdultPart, 'withoutAdultPart', `(den vuxnes del ${krSv(a.adultPart)}, barnens del ${krSv(a.childrenPart)})`),
      h('li', {}, 'Sätta ned: ett belopp du bestämmer mellan ', h('strong', {}, krSv(a.withoutAdultPart)), ' och ', h('strong', {}, krSv(a.full))),
      item(labels.full, a.full, 'full', labels.fullNote),
    ),
  );
}

/** The alternatives of a declined aktivitetskrav, with their amounts: the law gives no amount, a person chooses. */
const activityChoice = (f) =>
  personChoice(f, 'activity', `${f.memberId ? view.who(f.memberId) : 'den vuxne'} har avböjt anvisad aktivitet utan godtagbart skäl. `, 'Nämnden ska vägra eller sätta ned fortsatt försörjningsstöd, men lagen anger inget belopp: du väljer och motiverar.', {
    refuse: 'Vägra den vuxnes del, barnens del behålls',
    full: 'Skälet godtas efter prövning',
    fullNote: '(ange då skälet på personens kort)',
  });

/** An adult not at the labour market's disposal without a reason: the engine refuses nothing; the children's part is in every alternative. */
const labourMarketChoice = (f) =>
  personChoice(f, 'labourMarket', `${f.memberId ? view.who(f.memberId) : 'den vuxne'} står inte till arbetsmarknadens förfogande och har inte angett något skäl. `, 'Villkoret gäller den som kan arbeta och bara försörjningsstödet. Beräkningen avslår inget: du prövar, väljer och motiverar.', {
    refuse: 'Avslå den vuxnes del, barnens del behålls',
    full: 'Står till förfogande eller har godtagbara skäl',
    fullNote: '(ange då det på personens kort)',
  });

/** A stated reason for not standing at the labour market's disposal: proposed, never accepted by the engine. */
function reasonToAssess(f) {
  const who = f.memberId ? view.who(f.memberId) : 'den vuxne';
  const reason = f.message?.args?.reason ? `”${f.message.args.reason}”` : 'sjukdom utan läkarintyg';
  return h(
    'div',
    { class: 'outcome__notice', dataset: { labourReason: f.memberId ?? '' } },
    h('p', {}, h('strong', {}, `${who} anger skälet ${reason}. `), 'Förslaget räknar med skälet tills du har bedömt om det är godtagbart.'),
    f.amounts ? h('p', {}, 'Godtas det inte: ', h('strong', { class: 'amount', dataset: { amount: 'labourReason.withoutAdultPart' } }, krSv(f.amounts.withoutAdultPart)), ` utan den vuxnes del (barnens del ${krSv(f.amounts.childrenPart)} ingår alltid).`) : null,
  );
}

const kr = (amount, field) => h('span', { class: 'amount', dataset: field ? { amount: field } : {} }, krSv(amount));

/** A part of the result: found by its heading, not a landmark of its own (ten of them would clutter the landmark list). */
function section(id, title, ...content) {
  return h('div', { class: 'result-section', id: `r-${id}` }, h('h3', { id: `r-${id}-title` }, title), ...content);
}

function legal(ref) {
  return ref ? h('span', { class: 'legal' }, ref) : null;
}

function badge(text, tone = 'neutral') {
  return h('span', { class: `badge badge--${tone}` }, text);
}

/** A data table; on a narrow screen it scrolls sideways in its own box (made reachable by keyboard by markScrollable), never the page. */
function table(caption, head, rows, foot = null) {
  return h(
    'div',
    { class: 'table-wrap', role: 'group', 'aria-label': `Tabell: ${caption}` },
    h(
      'table',
      { class: 'data' },
      h('caption', { class: 'visually-hidden' }, caption),
      h('thead', {}, h('tr', {}, head.map(([label, num]) => h('th', { scope: 'col', class: num ? 'num' : null }, label)))),
      h('tbody', {}, rows),
      foot ? h('tfoot', {}, foot) : null,
    ),
  );
}

const td = (content, num = false, props = {}) => h('td', { class: num ? 'num' : null, ...props }, content);

function memberOf(decision, id) {
  const step = decision.trace.find((s) => s.step === 'norm.member' && s.inputs.memberId === id);
  return step ? sv(step.text) : view.who(id);
}

/** The Act's words for the costs a person assesses one by one: "levnadskostnader i övrigt" in the 2025 Act, "livsföring i övrigt" in the 2001 one. */
export const otherLivingCosts = (d) => (String(d.law ?? '').includes('2001:453') ? 'livsföring i övrigt' : 'levnadskostnader i övrigt');

/** A cost for livsföring i övrigt (its type's category in the period's rules): a person assesses it one by one. */
const isLivsforing = (c) => view.labels.costCategory?.[c.type] === 'livsforing';

/** The costs counted in the payable that a person has not assessed yet (livsföring i övrigt). */
export function pendingCosts(d) {
  let ore = 0n;
  for (const c of d.costs.items) if (isLivsforing(c) && c.accepted !== null) ore += toOre(c.accepted) ?? 0n;
  return fromOre(ore);
}

// ---- sections ----------------------------------------------------------------------------

/** "Förslag: Delvis bifall"; before any income is entered or confirmed, "Preliminärt förslag". */
export function outcomeWord(d, preliminary = view.preliminary) {
  return `${preliminary ? 'Preliminärt förslag' : 'Förslag'}: ${OUTCOME[d.outcome] ?? d.outcome}`;
}

/** The outcome as it reads: no rules, a person's choice (aktivitetskrav), or "Förslag: …". */
function outcomeText(d) {
  if (pendingRules(d)) return 'Inget förslag: reglerna är inte publicerade';
  const onlyPersonDecides = d.needsInformation.every((n) => !n.blocking || PERSON_DECIDES.includes(n.code));
  if (d.outcome === 'needs-information' && labourMarketBlocks(d).length && onlyPersonDecides) return 'Förslag: Handläggaren beslutar (arbetsmarknadens förfogande)';
  if (d.outcome === 'needs-information' && activityBlocks(d).length && onlyPersonDecides) {
    return 'Förslag: Handläggaren beslutar (aktivitetskrav)';
  }
  return outcomeWord(d);
}

function outcomeCard(d) {
  const pending = pendingRules(d);
  const blocking = d.needsInformation.filter((n) => n.blocking && n.code !== 'RULES_PENDING' && !PERSON_DECIDES.includes(n.code));
  const blockingFields = [...new Set(blocking.map((n) => describePath(n.field)))];
  const meta = [monthSv(d.period), d.municipality ? `kommun ${d.municipality}` : null, d.caseId ? `ärende ${d.caseId}` : null, d.law].filter(Boolean).join(' · ');
  return h(
    'div',
    { class: `outcome outcome--${view.preliminary ? 'preliminary' : d.outcome}` },
    h(
      'div',
      { class: 'outcome__main' },
      h('p', { class: 'outcome__label', dataset: { outcome: d.outcome } }, outcomeText(d)),
      h('p', { class: 'outcome__meta' }, meta),
      view.preliminary && !pending ? h('p', { class: 'outcome__needs', id: 'preliminary-note' }, 'Inga inkomster är angivna. Ange hushållets inkomster, eller bekräfta under Inkomster att det inte finns några.') : null,
      pending ? pendingNotice(pending) : null,
      labourMarketBlocks(d).map(labourMarketChoice),
      reasonsToAssess(d).map(reasonToAssess),
      activityBlocks(d).map(activityChoice),
      blockingFields.length ? h('p', { class: 'outcome__needs' }, `Saknas för att räkna fram förslaget: ${blockingFields.join(', ')}.`) : null,
      d.requiresAssessment && !pending ? badge('Kräver bedömning av handläggare', 'assess') : null,
    ),
    h(
      'div',
      { class: 'outcome__payable' },
      h('span', {}, 'Att betala'),
      d.payable === null ? h('strong', { class: 'outcome__none', dataset: { amount: 'payable' } }, 'Kan inte beräknas') : h('strong', {}, kr(d.payable, 'payable')),
    ),
  );
}

function calculation(d) {
  const row = (label, amount, field, props = {}) => h('tr', props, h('th', { scope: 'row' }, label), td(kr(amount, field), true));
  const rows = [
    row('Riksnorm', d.norm.total, 'norm.total'),
    row('Skäliga kostnader (godtagna)', d.costs.accepted, 'costs.accepted'),
    row('Behov', d.need, 'need', { class: 'subtotal' }),
    row('Inkomster som räknas', d.income.counted === null ? null : `-${d.income.counted}`.replace(/^-0$/, '0'), 'income.counted'),
  ];
  if (d.assets.used !== '0' && d.assets.used !== null) rows.push(row('Egna medel att använda först', `-${d.assets.used}`, 'assets.used'));
  rows.push(row('Att betala', d.payable, 'payable-summary', { class: 'total' }));
  // A registered payment nobody has classified yet: its own line "Ej bedömd", outside the sum, with what each choice pays.
  const waiting = unassessedPayments(d);
  for (const r of waiting) {
    rows.push(
      h(
        'tr',
        { class: 'unassessed', dataset: { payment: String(r.index) } },
        h('th', { scope: 'row' }, `Ej bedömd: ${r.benefit}${r.subBenefit && r.subBenefit.toLowerCase() !== r.benefit.toLowerCase() ? ` (${r.subBenefit})` : ''}, ${AGENCY[r.agency] ?? r.agency}`),
        td(kr(r.net, `registered.${r.index}.net`), true),
      ),
    );
  }
  const alternatives = waiting.length
    ? h(
        'ul',
        { class: 'table-note unassessed-note' },
        waiting.map((r) =>
          h(
            'li',
            {},
            `${r.benefit} ingår inte i beloppet att betala. `,
            r.alternatives?.counted != null ? ['Räknas den som trolig förmån blir att betala ', kr(r.alternatives.counted, `registered.${r.index}.payableCounted`), '. '] : '',
            'Inget brev kan skrivas ut förrän du har bedömt den.',
          ),
        ),
      )
    : null;
  const pending = pendingCosts(d);
  const note =
    pending !== '0' && d.payable !== null
      ? h('p', { class: 'table-note pending-note', dataset: { amount: 'costs.pending' } }, `Varav ${krSv(pending)} är kostnader för ${otherLivingCosts(d)} som väntar på handläggarens bedömning. De ingår i beloppet att betala först när de har bedömts som skäliga.`)
      : null;
  return section('calculation', 'Så har behovet beräknats', h('table', { class: 'data data--summary' }, h('caption', { class: 'visually-hidden' }, 'Beräkning'), h('tbody', {}, rows)), alternatives, note);
}

function norm(d) {
  const rows = d.norm.members.map((m, i) => h('tr', {}, td(h('strong', {}, view.who(m.memberId))), td(memberOf(d, m.memberId)), td(kr(m.amount, `norm.members.${i}.amount`), true)));
  rows.push(h('tr', {}, td(''), td(`Gemensamma hushållskostnader (${d.norm.householdSize} ${d.norm.householdSize === 1 ? 'person' : 'personer'})`), td(kr(d.norm.common, 'norm.common'), true)));
  const foot = h('tr', {}, h('th', { scope: 'row', colspan: '2' }, 'Summa riksnorm'), td(kr(d.norm.total, 'norm.total-table'), true));
  const separate = d.norm.separate.length
    ? h(
        'div',
        { class: 'note' },
        h('p', {}, 'Eget ärende – ingår inte i hushållets beräkning:'),
        h('ul', {}, d.norm.separate.map((s) => h('li', {}, `${view.who(s.memberId)}: personliga kostnader ${krSv(s.personal)} + andel gemensamma ${krSv(s.commonShare)} = ${krSv(s.amount)}`))),
      )
    : null;
  return section('norm', 'Riksnorm', h('p', { class: 'section-meta' }, d.norm.table), table('Riksnorm per person', [['Person'], ['Normpost'], ['Belopp', true]], rows, foot), separate);
}

/**
 * A cost's status. Green "Godtas" only where something is paid: on an avslag a reasonable cost is
 * "Skälig" (neutral); a livsföring-i-övrigt cost waits for the caseworker's assessment.
 */
function itemStatus(d, c) {
  if (c.claimed === null) return badge('Belopp saknas', 'warn');
  if (c.accepted === null) return badge('Kan inte bedömas', 'warn');
  if (isLivsforing(c)) return badge('Väntar på bedömning', 'assess');
  const refused = subtractKr(c.claimed, c.accepted);
  const paid = d.outcome === 'approve' || d.outcome === 'partial';
  const status = refused === '0' ? (paid ? badge('Godtas', 'ok') : badge('Skälig', 'neutral')) : c.accepted === '0' ? badge('Avslås', 'deny') : badge('Delvis', 'partial');
  return [status, c.requiresAssessment ? badge('Bedöms', 'assess') : null];
}

function costs(d, labels) {
  if (d.costs.items.length === 0) return section('costs', 'Skäliga kostnader', h('p', { class: 'muted' }, 'Inga kostnader angivna.'));
  const rows = [];
  d.costs.items.forEach((c, i) => {
    const refused = c.claimed !== null && c.accepted !== null ? subtractKr(c.claimed, c.accepted) : null;
    rows.push(
      h(
        'tr',
        { class: 'item' },
        td([h('strong', {}, labels.costs[c.type] ?? c.type), c.memberId ? h('span', { class: 'muted' }, ` – ${view.who(c.memberId)}`) : null]),
        td(kr(c.claimed, `costs.items.${i}.claimed`), true),
        td(kr(c.accepted, `costs.items.${i}.accepted`), true),
        td(refused === null ? '–' : kr(refused, `costs.items.${i}.refused`), true, { class: refused !== null && refused !== '0' ? 'num refused' : 'num' }),
        td(itemStatus(d, c)),
      ),
      h('tr', { class: 'reason' }, h('td', { colspan: '5' }, sv(c.reason), ' ', legal(c.legalRef))),
    );
  });
  const foot = h('tr', {}, h('th', { scope: 'row' }, 'Summa'), td(kr(d.costs.claimed, 'costs.claimed'), true), td(kr(d.costs.accepted, 'costs.accepted-table'), true), td(kr(d.costs.refused, 'costs.refused'), true), td(''));
  return section('costs', 'Skäliga kostnader', table('Skäliga kostnader', [['Kostnad'], ['Sökt', true], ['Skäligt', true], ['Avslås', true], ['Bedömning']], rows, foot));
}

function income(d, labels) {
  if (d.income.items.length === 0) return section('income', 'Inkomster', h('p', { class: 'muted' }, 'Inga inkomster angivna.'));
  const rows = [];
  d.income.items.forEach((item, i) => {
    const exempt = item.amount !== null && item.counted !== null ? subtractKr(item.amount, item.counted) : null;
    rows.push(
      h(
        'tr',
        { class: 'item' },
        td([h('strong', {}, labels.incomes[item.type] ?? item.type), h('span', { class: 'muted' }, ` – ${view.who(item.memberId)}`)]),
        td(kr(item.amount, `income.items.${i}.amount`), true),
        td(kr(item.counted, `income.items.${i}.counted`), true),
        td(exempt === null ? '–' : kr(exempt, `income.items.${i}.exempt`), true, { class: exempt !== null && exempt !== '0' ? 'num exempt' : 'num' }),
      ),
      h('tr', { class: 'reason' }, h('td', { colspan: '4' }, sv(item.reason), ' ', legal(item.legalRef))),
    );
  });
  const foot = h('tr', {}, h('th', { scope: 'row' }, 'Summa'), td(kr(d.income.total, 'income.total'), true), td(kr(d.income.counted, 'income.counted-table'), true), td(d.income.total !== null && d.income.counted !== null ? kr(subtractKr(d.income.total, d.income.counted), 'income.exempt') : '–', true));
  return section('income', 'Inkomster', table('Inkomster', [['Inkomst'], ['Belopp', true], ['Räknas', true], ['Räknas inte', true]], rows, foot));
}

function assets(d, labels) {
  if (d.assets.items.length === 0) return null;
  const rows = d.assets.items.map((a, i) =>
    h('tr', {}, td([h('strong', {}, labels.assets[a.type] ?? a.type), a.memberId ? h('span', { class: 'muted' }, ` – ${view.who(a.memberId)}`) : null, h('div', { class: 'reason-inline' }, sv(a.reason))]), td(kr(a.amount, `assets.items.${i}.amount`), true)),
  );
  return section(
    'assets',
    'Egna medel',
    table('Tillgångar', [['Tillgång'], ['Belopp', true]], rows),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Buffert som får behållas'),
      h('dd', {}, kr(d.assets.buffer, 'assets.buffer')),
      h('dt', {}, 'Att använda före bistånd'),
      h('dd', {}, kr(d.assets.available, 'assets.available')),
      h('dt', {}, 'Används denna månad'),
      h('dd', {}, kr(d.assets.used, 'assets.used-table')),
    ),
  );
}

function reasons(d) {
  if (d.reasons.length === 0) return null;
  return section(
    'reasons',
    'Skäl i förslaget',
    h('ul', { class: 'list' }, d.reasons.map((r) => h('li', { dataset: { code: r.code } }, h('p', {}, sv(r.text)), h('p', { class: 'list__meta' }, legal(r.legalRef))))),
  );
}

function flags(d) {
  if (d.flags.length === 0) return null;
  return section(
    'flags',
    'Att bedöma av handläggare',
    h('ul', { class: 'list list--flags' }, d.flags.map((f, i) => h('li', { class: `flag flag--${f.severity}`, dataset: { code: f.code } }, badge(SEVERITY[f.severity] ?? f.severity, f.severity === 'info' ? 'neutral' : f.severity === 'warning' ? 'warn' : f.severity === 'block' ? 'deny' : 'assess'), h('p', {}, sv(f.text)), f.amounts ? namedAmounts(f.amounts, `flags.${i}`) : null, h('p', { class: 'list__meta' }, legal(f.legalRef))))),
  );
}

function needs(d, onField) {
  if (d.needsInformation.length === 0) return null;
  return section(
    'needs',
    'Uppgifter som saknas',
    h(
      'ul',
      { class: 'list' },
      d.needsInformation.map((n) =>
        h(
          'li',
          { dataset: { field: n.field } },
          n.blocking ? badge('Krävs för förslag', 'deny') : badge('Bör kompletteras', 'warn'),
          h('p', {}, h('button', { type: 'button', class: 'link', onclick: () => onField(n.field) }, describePath(n.field)), ': ', sv(n.text)),
          n.legalRef ? h('p', { class: 'list__meta' }, legal(n.legalRef)) : null,
        ),
      ),
    ),
  );
}

function warnings(d) {
  if (d.warnings.length === 0) return null;
  return section('warnings', 'Varningar om indata', h('ul', { class: 'list' }, d.warnings.map((w) => h('li', {}, describePath(w.path), ' – ', w.code === 'UNKNOWN_FIELD' ? 'fältet är okänt och användes inte i beräkningen.' : w.code === 'NOT_IN_FORCE' ? 'gäller inte för den här månaden och användes inte i beräkningen.' : 'uppgiften behöver kontrolleras.'))));
}

/** Whether every question the caseworker must answer has an answer. */
export function unansweredPrompts(d, answers) {
  return (d.childImpact?.prompts ?? []).filter((p) => p.requiresAnswer && !(answers[p.id] ?? '').trim());
}

function promptItem(p) {
  const id = `answer-${p.id}`;
  const status = () => ((view.answers[p.id] ?? '').trim() ? badge('Besvarad', 'ok') : p.requiresAnswer ? badge('Ska besvaras', 'deny') : badge('Valfri', 'neutral'));
  const holder = h('span', { class: 'prompt__status' }, status());
  const area = h('textarea', {
    id,
    rows: '2',
    class: 'prompt__answer',
    'aria-describedby': p.data ? `${id}-data` : null,
    oninput: (event) => {
      view.onAnswer(p.id, event.target.value);
      holder.replaceChildren(status());
    },
  });
  area.value = view.answers[p.id] ?? '';
  return h(
    'li',
    { class: p.requiresAnswer ? 'prompt prompt--required' : 'prompt', dataset: { prompt: p.id } },
    h('p', { class: 'prompt__question' }, sv(p.question), ' ', holder),
    p.data ? h('p', { class: 'prompt__data', id: `${id}-data` }, h('span', { class: 'prompt__data-label' }, 'Underlag: '), sv(p.data)) : null,
    h('label', { for: id, class: 'prompt__label' }, `Ditt svar på fråga ${p.number}`),
    area,
  );
}

function childImpact(d, { answerable = true } = {}) {
  const c = d.childImpact;
  if (!c) return null;
  const perChild = c.perChild.map((p) =>
    h(
      'tr',
      {},
      td(h('strong', {}, view.who(p.memberId))),
      td(`${p.age} år`, true),
      td(RESIDENCE[p.residence] ?? p.residence),
      td(String(p.daysInHousehold), true),
      td(kr(p.norm), true),
      td(p.effect === null ? '–' : kr(p.effect, `childImpact.perChild.${p.memberId}.effect`), true),
    ),
  );
  const childNotes = new Set([...c.perChild.flatMap((p) => p.notes), ...c.alternatives.map((a) => a.text)]);
  const general = c.notes.filter((n) => !childNotes.has(n));
  const open = unansweredPrompts(d, view.answers).length;
  return section(
    'children',
    'Barnkonsekvensanalys',
    h('p', { class: 'section-meta' }, c.requiresAssessment ? badge('Barnets bästa ska bedömas och dokumenteras', 'assess') : badge('Ingen särskild bedömning krävs av beräkningen', 'neutral'), ' ', c.legalRefs.map((r) => legal(r))),
    general.length ? h('ul', { class: 'plain' }, general.map((n) => h('li', {}, sv(n)))) : null,
    h('h4', {}, 'Barnen i hushållet'),
    table('Barn som berörs', [['Barn'], ['Ålder', true], ['Boende'], ['Dagar', true], ['Norm', true], ['Avslagets effekt', true]], perChild),
    h('p', { class: 'table-note' }, `Avslaget/delavslaget sammanlagt: ${krSv(c.effectOfRefusal)}${c.longTerm === true ? ' · långvarigt bistånd' : ''}.`),
    h('h4', {}, 'Frågor att besvara (internt underlag)'),
    answerable
      ? h('p', { class: 'section-meta', id: 'prompts-open' }, open ? `${open} ${open === 1 ? 'fråga' : 'frågor'} ska besvaras innan ett avslag kan skrivas ut. Bara det du skriver här kommer med i brevet.` : 'Bara det du skriver här kommer med i brevet till den sökande.')
      : null,
    h('ol', { class: 'prompts' }, c.prompts.map((p) => (answerable ? promptItem(p) : h('li', { class: 'prompt' }, h('p', { class: 'prompt__question' }, sv(p.question)), h('p', {}, (view.answers[p.id] ?? '').trim() || 'Inte besvarad.'))))),
    c.alternatives.length
      ? [h('h4', {}, 'Alternativ att pröva'), h('ul', { class: 'list' }, c.alternatives.map((a) => h('li', { dataset: { code: a.code } }, h('p', {}, sv(a.text)), a.amount !== null ? h('p', { class: 'list__meta' }, `Belopp: ${krSv(a.amount)}`) : null)))]
      : null,
  );
}

/** Payments the agencies registered (SSBTEK), when the decision has any: their own table, with their flags. */
function registered(d) {
  const items = d.income.items.map((item, i) => ({ item, i })).filter(({ item }) => typeof item.source === 'string' && item.source.startsWith('agency:'));
  const all = Array.isArray(d.income.registered) ? d.income.registered : [];
  if (items.length === 0 && all.length === 0) return null;
  const rows = (all.length ? all : items.map(({ item }) => item)).map((p) =>
    h(
      'tr',
      {},
      td([h('strong', {}, p.benefit ?? '–'), p.subBenefit ? h('span', { class: 'muted' }, ` (${p.subBenefit})`) : null, p.memberId ? h('span', { class: 'muted' }, ` – ${view.who(p.memberId)}`) : null]),
      td(AGENCY[p.agency] ?? p.agency ?? '–'),
      td(p.paidOn ?? '–'),
      td(kr(p.net ?? p.amount ?? null), true),
      td(p.use !== undefined ? (USE[p.use] ?? p.use) : p.counted !== undefined && p.counted !== null ? `Räknas ${kr(p.counted)}` : '–'),
      td(p.ref ?? '–'),
    ),
  );
  const agencyFlags = d.flags.filter((f) => f.agency || /REGISTERED|AGENCY|UNHANDLED_INCOME|INCOME_CHANGE|EARLIER_MONTH/.test(f.code));
  return section(
    'registered',
    'Registrerade utbetalningar (SSBTEK)',
    table('Registrerade utbetalningar', [['Förmån'], ['Myndighet'], ['Utbetald'], ['Belopp', true], ['Hantering'], ['Referens']], rows),
    agencyFlags.length
      ? h(
          'ul',
          { class: 'list list--flags' },
          agencyFlags.map((f) =>
            h(
              'li',
              { class: `flag flag--${f.severity}`, dataset: { code: f.code } },
              badge(SEVERITY[f.severity] ?? f.severity, f.severity === 'block' ? 'deny' : 'warn'),
              h('p', {}, sv(f.text)),
              f.amounts ? namedAmounts(f.amounts) : null,
            ),
          ),
        )
      : null,
  );
}

/** What the engine did with a registered payment (income.registered[].use), as the caseworker reads it. */
const USE = {
  counted: 'Räknas som inkomst',
  'replaces-declared': 'Räknas i stället för den redovisade inkomsten',
  'other-month': 'Hör till en annan månad',
  excluded: 'Räknas inte (enligt regel)',
  'to-person': 'Ej bedömd – handläggaren bedömer',
  unhandled: 'Ej bedömd – handläggaren bedömer',
};
const AGENCY = { fk: 'Försäkringskassan', pm: 'Pensionsmyndigheten', akassa: 'Arbetslöshetskassa', csn: 'CSN', af: 'Arbetsförmedlingen', skv: 'Skatteverket', migrationsverket: 'Migrationsverket' };

function trace(d) {
  const value = (v) => (v === null ? '–' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  return h(
    'details',
    { class: 'result-section trace', id: 'r-trace' },
    h('summary', {}, h('h3', { id: 'r-trace-title' }, `Beräkningsgång (${d.trace.length} steg)`)),
    h(
      'ol',
      { class: 'trace__steps' },
      d.trace.map((s) =>
        h(
          'li',
          { class: 'trace__step', dataset: { step: s.step } },
          h('p', { class: 'trace__head' }, h('span', { class: 'trace__kind' }, STEP[s.step] ?? s.step), ' ', sv(s.text)),
          h(
            'dl',
            { class: 'trace__facts' },
            h('dt', {}, 'Regel'),
            h('dd', {}, h('code', {}, s.rule)),
            s.legalRef ? [h('dt', {}, 'Lagrum'), h('dd', {}, s.legalRef)] : null,
            s.params.length
              ? [
                  h('dt', {}, 'Parametrar'),
                  h(
                    'dd',
                    {},
                    h(
                      'ul',
                      { class: 'params' },
                      s.params.map((p) => h('li', {}, h('code', {}, p.id), ' = ', h('strong', {}, p.value), ' ', h('span', { class: `status status--${p.status}` }, STATUS[p.status] ?? p.status))),
                    ),
                  ),
                ]
              : null,
            h('dt', {}, 'Resultat'),
            h('dd', {}, h('code', {}, value(s.result))),
          ),
        ),
      ),
    ),
  );
}

function versions(d) {
  return h('p', { class: 'versions' }, `Regelversion ${d.ruleSetVersion} · indata ${d.inputHash} · motor ${d.engineVersion}`);
}

/** Sets the view's options for the next render (see `view`). */
export function setView(options, d) {
  view = { ...view, ...options };
  memberIds = d ? [...new Set([...d.norm.members.map((m) => m.memberId), ...(d.childImpact?.perChild ?? []).map((p) => p.memberId)])] : [];
}

/** The whole result view for a decision (the caseworker's internal view). */
export function renderResult(d, options) {
  setView(options, d);
  // Rules not published: nothing was calculated, so no empty tables; the outcome says what is missing.
  if (pendingRules(d)) return [outcomeCard(d), h('div', { class: 'breakdown' }, warnings(d)), trace(d), versions(d)];
  return [
    outcomeCard(d),
    h('div', { class: 'breakdown' }, calculation(d), norm(d), costs(d, view.labels), income(d, view.labels), registered(d), assets(d, view.labels), reasons(d), flags(d), needs(d, view.onField), warnings(d), childImpact(d)),
    trace(d),
    versions(d),
  ];
}

/**
 * The internal worksheet for printing (arbetsunderlag): the calculation, the checklist with the
 * caseworker's answers, ids and the rule version. It never goes to the applicant.
 */
export function renderWorksheet(d, options) {
  setView(options, d);
  // Rules not published: nothing was calculated, so the sheet has only the outcome and what is missing.
  const calculated = pendingRules(d) === null;
  const sheet = h(
    'div',
    { class: 'print-appendix' },
    h('h2', {}, `Internt arbetsunderlag – ${monthSv(d.period)}`),
    h('p', { class: 'section-meta' }, 'Skickas inte till den sökande.'),
    outcomeCard(d),
    ...(calculated ? worksheetBreakdown(d) : []),
    // The caseworker's own note (the letter panel's "Anteckning i arbetsunderlaget"): here, never in the letter.
    ...(options.note ? [h('section', { class: 'worksheet-note' }, h('h3', {}, 'Handläggarens anteckning'), h('p', {}, options.note))] : []),
    versions(d),
  );
  // The same sections as on screen: without their ids, which the screen view already uses.
  for (const el of sheet.querySelectorAll('[id], [aria-labelledby]')) {
    el.removeAttribute('id');
    el.removeAttribute('aria-labelledby');
  }
  return sheet;
}

function worksheetBreakdown(d) {
  return [
    calculation(d),
    norm(d),
    costs(d, view.labels),
    income(d, view.labels),
    registered(d),
    assets(d, view.labels),
    reasons(d),
    flags(d),
    childImpact(d, { answerable: false }),
  ];
}

/** One line for the aria-live region. */
export function summaryLine(d, preliminary = false) {
  const pending = pendingRules(d);
  if (pending) return `${pendingText(pending)} Inget förslag.`;
  const outcome = outcomeWord(d, preliminary);
  return d.payable === null ? `${outcome}. Förslaget kan inte beräknas.` : `${outcome}. Att betala ${krSv(d.payable)}. Behov ${krSv(d.need)}.`;
}

/** The problems that stop the calculation, each with a link to its field; shown above the last proposal. */
export function renderProblems(problems, { onField, stale }) {
  return h(
    'div',
    { class: 'problems' },
    h('h3', {}, problems.length === 1 ? 'En uppgift behöver rättas' : `${problems.length} uppgifter behöver rättas`),
    h('p', { class: 'muted' }, stale ? 'Förslaget nedan gäller uppgifterna före ändringen och är inaktuellt tills uppgifterna är rättade.' : 'Förslaget räknas fram när uppgifterna är kompletta.'),
    h(
      'ul',
      {},
      problems.map((p) =>
        h('li', { dataset: { path: p.issue.path } }, p.target ? h('button', { type: 'button', class: 'link', onclick: () => onField(p.issue.path) }, describePath(p.issue.path)) : h('strong', {}, describePath(p.issue.path)), ': ', p.text),
      ),
    ),
  );
}

/** Table boxes that scroll get a Tab stop (to scroll them by keyboard); the others do not clutter the Tab order. */
export function markScrollable(root) {
  for (const box of root.querySelectorAll('.table-wrap')) {
    if (box.scrollWidth > box.clientWidth + 1) box.setAttribute('tabindex', '0');
    else box.removeAttribute('tabindex');
  }
}
