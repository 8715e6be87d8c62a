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
import { krSv, monthSv, subtractKr } from './format.js';
import { OUTCOME, RESIDENCE, SEVERITY, STATUS, STEP, describePath } from './labels.js';

const kr = (amount, field) => h('span', { class: 'amount', dataset: field ? { amount: field } : {} }, krSv(amount));

function section(id, title, ...content) {
  return h('section', { class: 'result-section', id: `r-${id}`, 'aria-labelledby': `r-${id}-title` }, h('h3', { id: `r-${id}-title` }, title), ...content);
}

function legal(ref) {
  return ref ? h('span', { class: 'legal' }, ref) : null;
}

function badge(text, tone = 'neutral') {
  return h('span', { class: `badge badge--${tone}` }, text);
}

function table(caption, head, rows, foot = null) {
  return h(
    'table',
    { class: 'data' },
    h('caption', { class: 'visually-hidden' }, caption),
    h('thead', {}, h('tr', {}, head.map(([label, num]) => h('th', { scope: 'col', class: num ? 'num' : null }, label)))),
    h('tbody', {}, rows),
    foot ? h('tfoot', {}, foot) : null,
  );
}

const td = (content, num = false, props = {}) => h('td', { class: num ? 'num' : null, ...props }, content);

function memberOf(decision, id) {
  const step = decision.trace.find((s) => s.step === 'norm.member' && s.inputs.memberId === id);
  return step ? step.text : id;
}

// ---- sections ----------------------------------------------------------------------------

function outcomeCard(d) {
  const blocking = d.needsInformation.filter((n) => n.blocking);
  const meta = [monthSv(d.period), d.municipality ? `kommun ${d.municipality}` : null, d.caseId ? `ärende ${d.caseId}` : null, d.law].filter(Boolean).join(' · ');
  return h(
    'div',
    { class: `outcome outcome--${d.outcome}` },
    h(
      'div',
      { class: 'outcome__main' },
      h('p', { class: 'outcome__label', dataset: { outcome: d.outcome } }, OUTCOME[d.outcome] ?? d.outcome),
      h('p', { class: 'outcome__meta' }, meta),
      blocking.length ? h('p', { class: 'outcome__needs' }, `Saknas för att räkna fram förslaget: ${blocking.map((n) => describePath(n.field)).join(', ')}.`) : null,
      d.requiresAssessment ? badge('Kräver bedömning av handläggare', 'assess') : null,
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
    row('Godtagna kostnader', d.costs.accepted, 'costs.accepted'),
    row('Behov', d.need, 'need', { class: 'subtotal' }),
    row('Inkomster som räknas', d.income.counted === null ? null : `-${d.income.counted}`.replace(/^-0$/, '0'), 'income.counted'),
  ];
  if (d.assets.used !== '0' && d.assets.used !== null) rows.push(row('Egna medel att använda först', `-${d.assets.used}`, 'assets.used'));
  rows.push(row('Att betala', d.payable, 'payable-summary', { class: 'total' }));
  return section('calculation', 'Så har behovet beräknats', h('table', { class: 'data data--summary' }, h('caption', { class: 'visually-hidden' }, 'Beräkning'), h('tbody', {}, rows)));
}

function norm(d) {
  const rows = d.norm.members.map((m, i) => h('tr', {}, td(h('strong', {}, m.memberId)), td(memberOf(d, m.memberId)), td(kr(m.amount, `norm.members.${i}.amount`), true)));
  rows.push(h('tr', {}, td(''), td(`Gemensamma hushållskostnader (${d.norm.householdSize} ${d.norm.householdSize === 1 ? 'person' : 'personer'})`), td(kr(d.norm.common, 'norm.common'), true)));
  const foot = h('tr', {}, h('th', { scope: 'row', colspan: '2' }, 'Summa riksnorm'), td(kr(d.norm.total, 'norm.total-table'), true));
  const separate = d.norm.separate.length
    ? h(
        'div',
        { class: 'note' },
        h('p', {}, 'Eget ärende – ingår inte i hushållets beräkning:'),
        h('ul', {}, d.norm.separate.map((s) => h('li', {}, `${s.memberId}: personliga kostnader ${krSv(s.personal)} + andel gemensamma ${krSv(s.commonShare)} = ${krSv(s.amount)}`))),
      )
    : null;
  return section('norm', 'Riksnorm', h('p', { class: 'section-meta' }, d.norm.table), table('Riksnorm per person', [['Person'], ['Normpost'], ['Belopp', true]], rows, foot), separate);
}

function itemStatus(claimed, accepted, requiresAssessment) {
  if (claimed === null) return badge('Belopp saknas', 'warn');
  if (accepted === null) return badge('Kan inte bedömas', 'warn');
  const refused = subtractKr(claimed, accepted);
  const status = refused === '0' ? badge('Godtas', 'ok') : accepted === '0' ? badge('Avslås', 'deny') : badge('Delvis', 'partial');
  return [status, requiresAssessment ? badge('Bedöms', 'assess') : null];
}

function costs(d, labels) {
  if (d.costs.items.length === 0) return section('costs', 'Kostnader', h('p', { class: 'muted' }, 'Inga kostnader angivna.'));
  const rows = [];
  d.costs.items.forEach((c, i) => {
    const refused = c.claimed !== null && c.accepted !== null ? subtractKr(c.claimed, c.accepted) : null;
    rows.push(
      h(
        'tr',
        { class: 'item' },
        td([h('strong', {}, labels.costs[c.type] ?? c.type), c.memberId ? h('span', { class: 'muted' }, ` (${c.memberId})`) : null]),
        td(kr(c.claimed, `costs.items.${i}.claimed`), true),
        td(kr(c.accepted, `costs.items.${i}.accepted`), true),
        td(refused === null ? '–' : kr(refused, `costs.items.${i}.refused`), true, { class: refused !== null && refused !== '0' ? 'num refused' : 'num' }),
        td(itemStatus(c.claimed, c.accepted, c.requiresAssessment)),
      ),
      h('tr', { class: 'reason' }, h('td', { colspan: '5' }, c.reason, ' ', legal(c.legalRef))),
    );
  });
  const foot = h('tr', {}, h('th', { scope: 'row' }, 'Summa'), td(kr(d.costs.claimed, 'costs.claimed'), true), td(kr(d.costs.accepted, 'costs.accepted-table'), true), td(kr(d.costs.refused, 'costs.refused'), true), td(''));
  return section('costs', 'Kostnader', table('Kostnader', [['Kostnad'], ['Sökt', true], ['Godtas', true], ['Avslås', true], ['Bedömning']], rows, foot));
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
        td([h('strong', {}, labels.incomes[item.type] ?? item.type), h('span', { class: 'muted' }, ` (${item.memberId})`)]),
        td(kr(item.amount, `income.items.${i}.amount`), true),
        td(kr(item.counted, `income.items.${i}.counted`), true),
        td(exempt === null ? '–' : kr(exempt, `income.items.${i}.exempt`), true, { class: exempt !== null && exempt !== '0' ? 'num exempt' : 'num' }),
      ),
      h('tr', { class: 'reason' }, h('td', { colspan: '4' }, item.reason, ' ', legal(item.legalRef))),
    );
  });
  const foot = h('tr', {}, h('th', { scope: 'row' }, 'Summa'), td(kr(d.income.total, 'income.total'), true), td(kr(d.income.counted, 'income.counted-table'), true), td(d.income.total !== null && d.income.counted !== null ? kr(subtractKr(d.income.total, d.income.counted), 'income.exempt') : '–', true));
  return section('income', 'Inkomster', table('Inkomster', [['Inkomst'], ['Belopp', true], ['Räknas', true], ['Räknas inte', true]], rows, foot));
}

function assets(d, labels) {
  if (d.assets.items.length === 0) return null;
  const rows = d.assets.items.map((a, i) =>
    h('tr', {}, td([h('strong', {}, labels.assets[a.type] ?? a.type), a.memberId ? h('span', { class: 'muted' }, ` (${a.memberId})`) : null, h('div', { class: 'reason-inline' }, a.reason)]), td(kr(a.amount, `assets.items.${i}.amount`), true)),
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
    'Skäl för beslutet',
    h('ul', { class: 'list' }, d.reasons.map((r) => h('li', { dataset: { code: r.code } }, h('p', {}, r.text), h('p', { class: 'list__meta' }, legal(r.legalRef), h('code', {}, r.code))))),
  );
}

function flags(d) {
  if (d.flags.length === 0) return null;
  return section(
    'flags',
    'Att bedöma av handläggare',
    h('ul', { class: 'list list--flags' }, d.flags.map((f) => h('li', { class: `flag flag--${f.severity}`, dataset: { code: f.code } }, badge(SEVERITY[f.severity] ?? f.severity, f.severity === 'info' ? 'neutral' : f.severity === 'warning' ? 'warn' : 'assess'), h('p', {}, f.text), h('p', { class: 'list__meta' }, legal(f.legalRef))))),
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
          h('p', {}, h('button', { type: 'button', class: 'link', onclick: () => onField(n.field) }, describePath(n.field)), ': ', n.text),
          n.legalRef ? h('p', { class: 'list__meta' }, legal(n.legalRef)) : null,
        ),
      ),
    ),
  );
}

function warnings(d) {
  if (d.warnings.length === 0) return null;
  return section('warnings', 'Varningar om indata', h('ul', { class: 'list' }, d.warnings.map((w) => h('li', {}, h('code', {}, w.path), ' – ', w.code === 'UNKNOWN_FIELD' ? 'fältet är okänt och användes inte i beräkningen.' : w.message))));
}

function childImpact(d) {
  const c = d.childImpact;
  if (!c) return null;
  const perChild = c.perChild.map((p) =>
    h(
      'tr',
      {},
      td(h('strong', {}, p.memberId)),
      td(`${p.age} år`, true),
      td(RESIDENCE[p.residence] ?? p.residence),
      td(String(p.daysInHousehold), true),
      td(kr(p.norm), true),
      td(p.effect === null ? '–' : kr(p.effect, `childImpact.perChild.${p.memberId}.effect`), true),
    ),
  );
  const childNotes = new Set([...c.perChild.flatMap((p) => p.notes), ...c.alternatives.map((a) => a.text)]);
  const general = c.notes.filter((n) => !childNotes.has(n));
  return section(
    'children',
    'Barnkonsekvens',
    h('p', { class: 'section-meta' }, c.requiresAssessment ? badge('Barnets bästa ska bedömas och dokumenteras', 'assess') : badge('Ingen särskild bedömning krävs av beräkningen', 'ok'), ' ', c.legalRefs.map((r) => legal(r))),
    general.length ? h('ul', { class: 'plain' }, general.map((n) => h('li', {}, n))) : null,
    h('h4', {}, 'Barnen i hushållet'),
    table('Barn som berörs', [['Barn'], ['Ålder', true], ['Boende'], ['Dagar', true], ['Norm', true], ['Avslagets effekt', true]], perChild),
    h('p', { class: 'table-note' }, `Avslaget/delavslaget sammanlagt: ${krSv(c.effectOfRefusal)}${c.longTerm === true ? ' · långvarigt bistånd' : ''}.`),
    h('h4', {}, 'Frågor att besvara'),
    h(
      'ol',
      { class: 'prompts' },
      c.prompts.map((p) =>
        h(
          'li',
          { class: p.requiresAnswer ? 'prompt prompt--required' : 'prompt', dataset: { prompt: p.id } },
          h('p', { class: 'prompt__question' }, p.question, p.requiresAnswer ? [' ', badge('Ska besvaras', 'deny')] : null),
          p.data ? h('p', { class: 'prompt__data' }, h('span', { class: 'prompt__data-label' }, 'Underlag: '), p.data) : null,
        ),
      ),
    ),
    c.alternatives.length
      ? [h('h4', {}, 'Alternativ som har prövats'), h('ul', { class: 'list' }, c.alternatives.map((a) => h('li', { dataset: { code: a.code } }, h('p', {}, a.text), a.amount !== null ? h('p', { class: 'list__meta' }, `Belopp: ${krSv(a.amount)}`) : null)))]
      : null,
  );
}

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
          h('p', { class: 'trace__head' }, h('span', { class: 'trace__kind' }, STEP[s.step] ?? s.step), ' ', s.text),
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
                      s.params.map((p) => h('li', { title: p.source }, h('code', {}, p.id), ' = ', h('strong', {}, p.value), ' ', h('span', { class: `status status--${p.status}` }, STATUS[p.status] ?? p.status))),
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

function letter(d) {
  return h('details', { class: 'result-section letter-section', id: 'r-letter' }, h('summary', {}, h('h3', {}, 'Beslutstext (förslag till beslut)')), h('pre', { class: 'letter', dataset: { testid: 'decision-text' } }, d.decisionText));
}

function versions(d) {
  return h('p', { class: 'versions' }, `Regelversion ${d.ruleSetVersion} · indata ${d.inputHash} · motor ${d.engineVersion}`);
}

/** The whole result view for a decision. */
export function renderResult(d, { labels, onField }) {
  return [
    outcomeCard(d),
    h('div', { class: 'breakdown' }, calculation(d), norm(d), costs(d, labels), income(d, labels), assets(d, labels), reasons(d), flags(d), needs(d, onField), warnings(d), childImpact(d)),
    trace(d),
    letter(d),
    versions(d),
  ];
}

/** The print view: the letter first, the breakdown after it (the page's @media print shows only this). */
export function renderPrint(d, { labels }) {
  const appendix = h('div', { class: 'print-appendix' }, h('h2', {}, `Bilaga: beräkning för ${monthSv(d.period)}`), outcomeCard(d), calculation(d), norm(d), costs(d, labels), income(d, labels), assets(d, labels), childImpact(d), versions(d));
  // The same sections as on screen: without their ids, which the screen view already uses.
  for (const el of appendix.querySelectorAll('[id], [aria-labelledby]')) {
    el.removeAttribute('id');
    el.removeAttribute('aria-labelledby');
  }
  return [h('pre', { class: 'letter letter--print' }, d.decisionText), appendix];
}

/** One line for the aria-live region. */
export function summaryLine(d) {
  const outcome = OUTCOME[d.outcome] ?? d.outcome;
  return d.payable === null ? `${outcome}. Förslaget kan inte beräknas.` : `${outcome}. Att betala ${krSv(d.payable)}. Behov ${krSv(d.need)}.`;
}

/** The problems that stop the calculation, each with a link to its field. */
export function renderProblems(problems, { onField }) {
  return h(
    'div',
    { class: 'problems', role: 'alert' },
    h('h3', {}, problems.length === 1 ? 'En uppgift behöver rättas' : `${problems.length} uppgifter behöver rättas`),
    h('p', { class: 'muted' }, 'Förslaget räknas fram när uppgifterna är kompletta.'),
    h(
      'ul',
      {},
      problems.map((p) =>
        h('li', { dataset: { path: p.issue.path } }, p.target ? h('button', { type: 'button', class: 'link', onclick: () => onField(p.issue.path) }, describePath(p.issue.path)) : h('strong', {}, describePath(p.issue.path)), ': ', p.text),
      ),
    ),
  );
}
