/**
 * The caseworker preview page: reads the form, asks POST /api/calculate (debounced, the latest
 * request wins) and shows the decision or the problems next to their fields. Loads the bundled
 * examples, prints the decision letter and downloads the decision as JSON and as text.
 *
 * #result carries data-state: "empty" (nothing entered yet), "pending" (a calculation is due or
 * on its way), "ok", "invalid" (the API named problems) or "error" (no answer). Tests wait on it.
 */
import { h } from './dom.js';
import { createForm } from './form.js';
import { monthSv } from './format.js';
import { renderPrint, renderProblems, renderResult, summaryLine } from './render.js';

const DEBOUNCE_MS = 300;
const PERIOD = /^[0-9]{4}-(0[1-9]|1[0-2])$/;

const $ = (selector) => document.querySelector(selector);
const result = $('#result');
const resultBody = $('#result-body');
const summary = $('#result-summary');
const busy = $('#busy');
const printLetter = $('#print-letter');
const fixtureSelect = $('#fixture-select');
const actions = ['#print', '#download-json', '#download-text'].map($);

let labels = { incomes: {}, costs: {}, assets: {} };
let typesState = { period: undefined, loaded: Promise.resolve(false) }; // the month whose types are shown, or on their way
let current = null; // { decision, text } of the last good answer
let timer = null;
let controller = null;
let sequence = 0;

const form = createForm($('#household-form'), { onInput: schedule });

function setState(state) {
  result.dataset.state = state;
  busy.hidden = state !== 'pending';
  result.setAttribute('aria-busy', state === 'pending' ? 'true' : 'false');
}

/** A change in the form: whatever is on its way is now stale; calculate again once typing pauses. */
function schedule() {
  sequence += 1;
  controller?.abort();
  setState('pending');
  clearTimeout(timer);
  timer = setTimeout(calculate, DEBOUNCE_MS);
}

async function calculate() {
  clearTimeout(timer);
  const household = form.household();
  // The month's types load alongside the calculation; the result waits for them, so its labels are that month's.
  const typesLoaded = typeof household.period === 'string' && PERIOD.test(household.period) ? loadTypes(household.period) : null;
  const body = JSON.stringify(household, null, 2);
  const mine = ++sequence;
  controller = new AbortController();
  try {
    const response = await fetch('/api/calculate', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body, signal: controller.signal });
    const text = await response.text();
    if (response.ok) await typesLoaded;
    if (mine !== sequence) return;
    if (response.ok) showDecision(JSON.parse(text), text, body);
    else if (response.status === 400 || response.status === 413) showProblems(JSON.parse(text).errors);
    else showFailure(`Beräkningstjänsten svarade med fel ${response.status}.`);
  } catch (error) {
    if (error.name === 'AbortError' || mine !== sequence) return;
    showFailure('Beräkningstjänsten svarar inte. Kontrollera att den är igång.');
  }
}

function onField(path) {
  form.focusPath(path);
}

function inputDetails(body) {
  return h('details', { class: 'result-section input-json' }, h('summary', {}, h('h3', {}, 'Indata som beräknades (JSON)')), h('pre', { id: 'household-json' }, body));
}

function showDecision(decision, text, body) {
  current = { decision, text };
  form.clearErrors();
  form.showNeeds(decision.needsInformation);
  resultBody.replaceChildren(...renderResult(decision, { labels, onField }), inputDetails(body));
  printLetter.replaceChildren(...renderPrint(decision, { labels }));
  summary.textContent = summaryLine(decision);
  for (const button of actions) button.disabled = false;
  setState('ok');
}

function showProblems(errors) {
  current = null;
  const problems = form.showErrors(errors);
  resultBody.replaceChildren(renderProblems(problems, { onField }));
  printLetter.replaceChildren();
  summary.textContent = problems.length === 1 ? 'En uppgift behöver rättas.' : `${problems.length} uppgifter behöver rättas.`;
  for (const button of actions) button.disabled = true;
  setState('invalid');
}

function showFailure(message) {
  current = null;
  resultBody.replaceChildren(h('div', { class: 'problems', role: 'alert' }, h('h3', {}, 'Förslaget kunde inte beräknas'), h('p', {}, message)));
  summary.textContent = message;
  for (const button of actions) button.disabled = true;
  setState('error');
}

// ---- types and rules info ----

/**
 * The period's income, cost and asset types (labels from the rules). Resolves false when the rules
 * have no such month. A month already shown, or on its way, is not asked for again.
 */
function loadTypes(period) {
  if (period !== typesState.period) typesState = { period, loaded: fetchTypes(period) };
  return typesState.loaded;
}

async function fetchTypes(period) {
  try {
    const response = await fetch(`/api/types${period ? `?period=${encodeURIComponent(period)}` : ''}`);
    if (!response.ok) return false;
    const answer = await response.json();
    if (period !== typesState.period) return true; // another month was asked for meanwhile
    labels = {
      incomes: Object.fromEntries(answer.incomeTypes.map((t) => [t.type, t.labelSv])),
      costs: Object.fromEntries(answer.costTypes.map((t) => [t.type, t.labelSv])),
      assets: Object.fromEntries(answer.assetTypes.map((t) => [t.type, t.labelSv])),
    };
    form.setTypes(answer);
    $('#rules-info').textContent = `Regler för ${monthSv(answer.period)}: ${answer.law} · ${answer.normTable} · regelversion ${answer.ruleSetVersion.slice(0, 19)}…`;
    return true;
  } catch {
    if (period === typesState.period) typesState = { period: undefined, loaded: Promise.resolve(false) }; // try again next time
    return false;
  }
}

// ---- examples ----

async function loadFixtureList() {
  const response = await fetch('/api/fixtures');
  if (!response.ok) return;
  const { fixtures } = await response.json();
  fixtureSelect.append(...fixtures.map((f) => h('option', { value: f.name }, `${f.name}${f.period ? ` (${f.period})` : ''}`)));
}

fixtureSelect.addEventListener('change', async () => {
  const name = fixtureSelect.value;
  if (!name) return;
  // The form is about to be replaced: what is shown or on its way is stale from now on.
  schedule();
  clearTimeout(timer);
  const response = await fetch(`/api/fixtures/${encodeURIComponent(name)}`);
  if (!response.ok) return showFailure('Exemplet kunde inte läsas.');
  const household = await response.json();
  if (typeof household.period === 'string' && PERIOD.test(household.period)) await loadTypes(household.period);
  form.load(household);
  schedule();
  void calculate();
  fixtureSelect.focus();
});

$('#new-household').addEventListener('click', () => {
  fixtureSelect.value = '';
  form.reset(thisMonth());
  sequence += 1;
  controller?.abort();
  clearTimeout(timer);
  current = null;
  resultBody.replaceChildren(h('div', { class: 'empty-state' }, h('p', {}, 'Fyll i hushållets uppgifter. Förslaget visas här och uppdateras medan du skriver.')));
  printLetter.replaceChildren();
  summary.textContent = '';
  for (const button of actions) button.disabled = true;
  setState('empty');
  $('#period').focus();
});

// ---- print and download ----

function fileStem(decision) {
  const id = (decision.caseId ?? 'forhandsberakning').replace(/[^A-Za-z0-9_-]+/g, '-');
  return `forsorjningsstod-${id}-${decision.period}`;
}

function download(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h('a', { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

$('#print').addEventListener('click', () => current && window.print());
$('#download-json').addEventListener('click', () => current && download(`${fileStem(current.decision)}.json`, current.text, 'application/json'));
$('#download-text').addEventListener('click', () => current && download(`${fileStem(current.decision)}-beslutstext.txt`, `${current.decision.decisionText}\n`, 'text/plain;charset=utf-8'));

// ---- start ----

function thisMonth() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

// This month's types, or (no rules for this month yet) those of the newest rules.
await Promise.all([loadTypes(thisMonth()).then((ok) => ok || loadTypes('')), loadFixtureList()]);
form.reset(thisMonth());
document.body.dataset.ready = 'true';
