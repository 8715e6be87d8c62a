// The monthly queue page (queue.html): lists GET /api/queue, opens GET /api/queue/:id with last
// month's decision and this month's proposal side by side. No framework, no inline script (CSP).

import { labelOf, OUTCOME } from '../../explain/labels.js';

// The routing reasons and outcomes as a person reads them: the engine's one catalogue (src/explain/labels.js).
const OUTCOMES = OUTCOME;
const STEPS = {
  'monthly.previous': 'Föregående beslut',
  'monthly.member': 'Person',
  'monthly.ageBand': 'Åldersgrupp',
  'monthly.cost': 'Kostnad',
  'monthly.declaredIncome': 'Redovisad inkomst',
  'monthly.registeredIncome': 'Registrerad förmån',
  'monthly.incomeType': 'Inkomst från myndighet',
  'monthly.dayCheck': 'Dagar',
  'monthly.studySupport': 'Studiehjälp',
};
const ROLES = { applicant: 'sökande', partner: 'make/maka/sambo', child: 'barn', 'other-adult': 'annan vuxen' };

const $ = (selector) => document.querySelector(selector);

/** "11620.5" → "11 620,50 kr" (a view: the amounts stay the API's strings). */
function kr(amount) {
  if (amount === null || amount === undefined || amount === '') return '–';
  const [whole, decimals] = String(amount).split('.');
  const negative = whole.startsWith('-');
  const digits = negative ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${negative ? '−' : ''}${grouped}${decimals ? `,${decimals.padEnd(2, '0')}` : ''}\u00a0kr`;
}

function cell(tag, text, className) {
  const el = document.createElement(tag);
  el.textContent = text;
  if (className) el.className = className;
  return el;
}

const reasonText = (code) => labelOf(code) ?? code;

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.errors?.map((e) => e.message).join('; ') ?? `HTTP ${response.status}`);
  return body;
}

function todayIso() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function loadQueue(period) {
  const status = $('#status');
  status.textContent = 'Hämtar kön …';
  const tbody = $('#queue tbody');
  tbody.replaceChildren();
  let data;
  try {
    data = await getJson(period ? `/api/queue?period=${encodeURIComponent(period)}` : '/api/queue');
  } catch (error) {
    status.textContent = `Kön kunde inte hämtas: ${error.message}`;
    return;
  }
  if (!period && data.period) $('#period').value = data.period;
  const today = todayIso();
  for (const item of data.items) {
    const row = document.createElement('tr');
    const late = item.dueOn !== null && item.dueOn < today;
    const due = cell('td', item.dueOn ?? 'okänd', late ? 'q-late' : '');
    if (late) due.append(cell('span', ' (passerad)'));
    row.append(due, cell('td', item.caseId ?? '–'), cell('td', item.receivedOn ?? '–'), cell('td', item.to === 'ready' ? 'Klar (rekommendation)' : 'Handläggare'));
    row.append(cell('td', OUTCOMES[item.outcome] ?? item.outcome), cell('td', kr(item.payable), 'q-num'));
    row.append(cell('td', item.reasons.length ? item.reasons.map(reasonText).join(', ') : 'Inga'));
    const open = cell('button', 'Öppna', 'q-open');
    open.type = 'button';
    open.setAttribute('aria-label', `Öppna förslaget för ärende ${item.caseId ?? ''}`);
    open.addEventListener('click', () => openProposal(item.decisionId));
    const action = document.createElement('td');
    action.append(open);
    row.append(action);
    tbody.append(row);
  }
  $('#queue-caption').textContent = `Ärenden ${data.period ?? ''} att pröva: ${data.items.length}, tidigast sista dag först`;
  status.textContent = `${data.items.length} ärenden i kön för ${data.period ?? 'inga månader'}.`;
}

function compareRow(label, previous, current, assessment, changed) {
  const row = document.createElement('tr');
  if (changed) row.className = 'q-changed';
  row.append(cell('th', label), cell('td', previous), cell('td', current), cell('td', assessment));
  row.firstChild.scope = 'row';
  return row;
}

const shown = (step, value) => {
  if (value === null || value === undefined) return '–';
  if (step === 'monthly.member') return ROLES[value] ?? value;
  if (step === 'monthly.ageBand') return `${String(value).replace('-', '–')} år`;
  if (step === 'monthly.previous') return value;
  if (step === 'monthly.dayCheck') return `${value} dagar`;
  if (step === 'monthly.studySupport' || (step === 'monthly.registeredIncome' && value === 'registrerad')) return value;
  return kr(value);
};

const typeLabels = new Map();

/** Swedish labels of the month's cost and income types (GET /api/types), fetched once per month. */
async function labelsFor(period) {
  if (!typeLabels.has(period)) {
    const labels = {};
    try {
      const types = await getJson(`/api/types?period=${encodeURIComponent(period)}`);
      for (const t of [...types.costTypes, ...types.incomeTypes]) labels[t.type] = t.labelSv;
    } catch {
      // Without labels the type codes are shown.
    }
    typeLabels.set(period, labels);
  }
  return typeLabels.get(period);
}

/** "rent" → "Boendekostnad …"; "a1/salary" → "a1: Lön"; other subjects as they are. */
function subjectText(step, subject, labels) {
  if (step === 'monthly.cost') {
    const [type, member] = subject.split('/');
    return `${labels[type] ?? type}${member ? ` (${member})` : ''}`;
  }
  if (step === 'monthly.dayCheck') {
    const [member, , benefit] = subject.split('/');
    return `${member}: ${benefit} (arbetsdagar i perioden / betalda dagar)`;
  }
  if (step === 'monthly.declaredIncome' || step === 'monthly.incomeType') {
    const [member, type] = subject.split('/');
    return `${member}: ${labels[type] ?? type}`;
  }
  return subject;
}

async function openProposal(decisionId) {
  const status = $('#status');
  let data;
  try {
    data = await getJson(`/api/queue/${encodeURIComponent(decisionId)}`);
  } catch (error) {
    status.textContent = `Förslaget kunde inte hämtas: ${error.message}`;
    return;
  }
  const p = data.proposal;
  const labels = await labelsFor(p.period);
  const prev = data.previous?.decision ?? null;
  $('#detail-title').textContent = `Ärende ${p.caseId ?? '–'}, ${p.period}: ${OUTCOMES[p.outcome] ?? p.outcome}`;
  $('#col-previous').textContent = data.previous ? `Förra månaden (${data.previous.period})` : 'Förra månaden';
  $('#col-current').textContent = `Denna månad (${p.period})`;
  const r = p.routing;
  $('#detail-meta').textContent = `Inkom ${r.receivedOn ?? 'okänt'}, sista handläggningsdag ${r.dueOn ?? 'okänd'}. ${r.to === 'ready' ? 'Redo att besluta (rekommendation).' : 'Ska prövas av handläggare.'} Föregående beslut: ${r.previousDecisionId ?? 'inget'}. Beslutspost: ${data.decisionId}.`;
  $('#detail-reasons').replaceChildren(...(r.reasons.length ? r.reasons : ['–']).map((code) => cell('li', code === '–' ? 'Inga skäl att pröva' : `${reasonText(code)} (${code})`)));

  const tbody = $('#compare tbody');
  tbody.replaceChildren();
  const figure = (label, get) => {
    const a = prev ? get(prev) : null;
    const b = get(p);
    tbody.append(compareRow(label, prev ? a : '–', b, prev && a !== b ? 'ändrad' : '', prev !== null && a !== b));
  };
  figure('Förslag', (d) => OUTCOMES[d.outcome] ?? d.outcome);
  figure('Riksnorm', (d) => kr(d.norm.total));
  figure('Godtagna kostnader', (d) => kr(d.costs.accepted));
  figure('Inkomster som räknas', (d) => kr(d.income.counted));
  figure('Att betala', (d) => kr(d.payable));
  for (const step of data.changes.filter((s) => s.rule.startsWith('monthly/compare#'))) {
    const label = `${STEPS[step.step] ?? step.step}: ${subjectText(step.step, step.inputs.subject, labels)}`;
    const changed = step.result !== 'UNCHANGED';
    const assessment = changed ? `${reasonText(step.result)}${step.inputs.changePercent != null ? ` (${step.inputs.changePercent > 0 ? '+' : ''}${step.inputs.changePercent} %)` : ''}` : 'oförändrad';
    tbody.append(compareRow(label, shown(step.step, step.inputs.previous), shown(step.step, step.inputs.current), assessment, changed));
  }
  // Two documents, never mixed: the applicant's letter, and the caseworker's worksheet apart.
  $('#decision-text').textContent = p.decisionText || 'Inget brev kan skickas ännu: skälen står först i arbetsunderlaget.';
  $('#worksheet-text').textContent = p.worksheetText ?? '';
  const detail = $('#detail');
  detail.hidden = false;
  $('#detail-title').focus();
}

$('#period-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const value = $('#period').value.trim();
  if (value !== '' && !/^[0-9]{4}-(0[1-9]|1[0-2])$/.test(value)) {
    $('#status').textContent = 'Ange månaden som ÅÅÅÅ-MM, till exempel 2026-03.';
    $('#period').setAttribute('aria-invalid', 'true');
    return;
  }
  $('#period').removeAttribute('aria-invalid');
  void loadQueue(value);
});

void loadQueue('');
