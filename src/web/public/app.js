/**
 * The caseworker preview page: reads the form, asks POST /api/calculate (debounced, the latest
 * request wins) and shows the proposal or the problems next to their fields. Loads the bundled
 * examples (only on "Ladda exempel"), keeps the work in sessionStorage, offers undo, writes the
 * letter to the applicant apart from the internal worksheet, and sends the proposal on to the case
 * view ("Till beslut": POST /api/proposals), where the decision is registered.
 *
 * #result carries data-state: "empty" (nothing entered yet), "pending" (a calculation is due or
 * on its way), "ok", "invalid" (the API named problems; the last proposal stays, marked stale) or
 * "error" (no answer). Tests wait on it.
 */
import { h } from './dom.js';
import { createForm, normaliseDate } from './form.js';
import { monthSv } from './format.js';
import { letterKind, signature } from './letter.js';
import { markScrollable, readable, renderProblems, renderResult, renderWorksheet, summaryLine, unansweredPrompts } from './render.js';

const DEBOUNCE_MS = 300;
const PERIOD = /^[0-9]{4}-(0[1-9]|1[0-2])$/;
const SAVED = 'bistand.forhandsberakning.v1';

const $ = (selector) => document.querySelector(selector);
const result = $('#result');
const resultBody = $('#result-body');
const resultProblems = $('#result-problems');
const summary = $('#result-summary');
const busy = $('#busy');
const printLetter = $('#print-letter');
const printWorksheet = $('#worksheet-print');
const fixtureSelect = $('#fixture-select');
const noIncome = $('#no-income');
const letterPanel = $('#letter-panel');
const letterText = $('#letter-text');
// The caseworker's own note: the worksheet's, never the letter's (issue 21: two documents, never mixed).
const worksheetNote = $('#worksheet-note');
const letterFields = [...document.querySelectorAll('[data-letter]')];
const decidedOnField = $('#decided-on');
const buttons = { print: $('#print'), worksheet: $('#print-worksheet'), json: $('#download-json'), text: $('#download-text'), pdf: $('#download-pdf'), record: $('#record-decision') };

let labels = { incomes: {}, costs: {}, assets: {} };
let typesState = { period: undefined, loaded: Promise.resolve(false) }; // the month whose types are shown, or on their way
let current = null; // { decision, text, body } of the last good answer
let stale = false; // the form changed into something invalid since `current`
let answers = {}; // the caseworker's barnkonsekvens answers by prompt id
let draftOf; // the inputHash whose draft is in the letter box (undefined: none yet; null: the caseworker edited it)
let shownDraft = null; // the draft last put in (or computed for) the letter box
let editedFrom = null; // the draft the caseworker's own text was written from: a new one differs from it
let recorded = null; // { decisionId, inputHash, ... } once the caseworker registered the decision
let registerWhenReady = false; // "Registrera beslut" was pressed while the proposal was being computed again
let sentDecidedOn = null; // the decision date the shown proposal was asked with
let timer = null;
let controller = null;
let sequence = 0;

const form = createForm($('#household-form'), { onInput: schedule, onRemoved: (putBack, text) => offerUndo(text, putBack) });

// ---- the amount to pay in the window (one column): a bar at the bottom while the proposal is out of view ----

const peek = $('#result-peek');
let peekWatch = null;

/** The outcome and the amount to pay as the result shows them, in the bar; hidden near the outcome itself. */
function updatePeek() {
  const label = resultBody.querySelector('.outcome__label')?.textContent.trim();
  const pay = resultBody.querySelector('[data-amount="payable"]')?.textContent.trim();
  peek.hidden = !current || !label;
  peek.classList.toggle('is-stale', stale);
  $('#result-peek-link').textContent = `${stale ? 'Inaktuellt – ' : ''}${label ?? ''}${pay ? ` · Att betala ${pay}` : ''}`;
  peekWatch?.disconnect();
  const outcome = resultBody.querySelector('.outcome');
  if (!outcome || typeof IntersectionObserver !== 'function') return;
  peekWatch = new IntersectionObserver(([entry]) => {
    peek.classList.toggle('is-near', entry.isIntersecting);
    document.documentElement.style.setProperty('--peek-h', `${peek.offsetHeight}px`);
  });
  peekWatch.observe(outcome);
}

function setState(state) {
  updatePeek();
  result.dataset.state = state;
  busy.hidden = state !== 'pending';
  result.setAttribute('aria-busy', state === 'pending' ? 'true' : 'false');
}

/** Announces politely, and only when the text changed (not on every recalculation). */
function announce(text) {
  if (summary.textContent !== text) summary.textContent = text;
}

// ---- keeping the work: session storage, undo, leaving the page ----

function pageState() {
  return { form: form.state(), noIncome: noIncome.checked, answers, letter: Object.fromEntries(letterFields.map((el) => [el.dataset.letter, el.value])), letterText: draftOf === null ? letterText.value : null, letterFrom: draftOf === null ? editedFrom : null, worksheetNote: worksheetNote.value, recorded };
}

function save() {
  try {
    sessionStorage.setItem(SAVED, JSON.stringify(pageState()));
  } catch {
    // Storage full or disabled: the page still works, a reload just starts empty.
  }
}

function restoreState(saved) {
  form.restore(saved.form);
  noIncome.checked = saved.noIncome === true;
  answers = saved.answers && typeof saved.answers === 'object' ? { ...saved.answers } : {};
  for (const el of letterFields) el.value = saved.letter?.[el.dataset.letter] ?? '';
  worksheetNote.value = typeof saved.worksheetNote === 'string' ? saved.worksheetNote : '';
  if (typeof saved.letterText === 'string') {
    letterText.value = saved.letterText;
    draftOf = null;
    editedFrom = typeof saved.letterFrom === 'string' ? saved.letterFrom : null;
  } else draftOf = undefined; // a new draft with the next proposal
  recorded = null; // a decision is registered in the case view now (issue 22), never on this page
}

let undoing = null; // what "Ångra" does: returns the control to go on in, nothing (then Månad), or false when declined

/**
 * Shows what just happened with an "Ångra" button that undoes that one thing: a removed person comes
 * back into the form as it is now, the caseworker's letter text comes back; nothing else is touched.
 */
function offerUndo(text, undo) {
  undoing = undo;
  $('#undo-text').textContent = text;
  $('#undo').hidden = false;
}

/**
 * Undo for replacing the whole page (an example, a new household): back to the page as it was. What
 * was typed after the replacement would go with it, so then the caseworker is asked first.
 */
function undoReplace(before) {
  const after = JSON.stringify(form.state());
  return () => {
    if (JSON.stringify(form.state()) !== after && !window.confirm('Det du har ändrat efter det tas också bort när du ångrar. Fortsätta?')) return false;
    restoreState(before);
    return undefined;
  };
}

$('#undo').addEventListener('click', () => {
  if (!undoing) return;
  const undo = undoing;
  const next = undo();
  if (next === false) return; // the caseworker said no: nothing changed, "Ångra" stays
  undoing = null;
  $('#undo').hidden = true;
  $('#undo-text').textContent = 'Ändringen är ångrad.';
  schedule();
  (next ?? $('#period')).focus();
});

window.addEventListener('beforeunload', (event) => {
  if (!form.hasData()) return;
  save();
  event.preventDefault();
  event.returnValue = ''; // Chromium still wants it for the "leave site?" dialog
});

/** Whether replacing the form is all right: nothing typed, or the caseworker says yes. */
function mayReplace(what) {
  return !form.hasData() || window.confirm(`${what} ersätter hushållet som du har skrivit in. Du kan ångra efteråt. Fortsätta?`);
}

// ---- calculation ----

/** A change in the form: whatever is on its way is now stale; calculate again once typing pauses. */
function schedule() {
  sequence += 1;
  controller?.abort();
  setState('pending');
  clearTimeout(timer);
  timer = setTimeout(calculate, DEBOUNCE_MS);
  save();
}

/**
 * The decision date typed in the letter panel, when it is a real date: it is sent as the household's
 * decidedOn, so the proposal (and the letter's lagrum) cite the law in force that day.
 */
function decidedOn() {
  const t = normaliseDate(decidedOnField.value);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(t)) return null;
  const date = new Date(`${t}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === t ? t : null;
}

async function calculate() {
  clearTimeout(timer);
  const mine = ++sequence;
  const decided = decidedOn();
  // The month's rules first (types, and which of aktivitetskrav and läkarintyg apply, which decides
  // what the form sends); a month already loaded is not asked for again.
  const period = form.household().period;
  if (typeof period === 'string' && PERIOD.test(period)) await loadTypes(period, decided);
  if (mine !== sequence) return;
  const household = form.household();
  delete household.decidedOn;
  if (decided !== null) household.decidedOn = decided;
  const body = JSON.stringify(household, null, 2);
  controller = new AbortController();
  try {
    const response = await fetch('/api/calculate', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body, signal: controller.signal });
    const text = await response.text();
    if (mine !== sequence) return;
    keepFocusInPlace(() => {
      if (response.ok) showDecision(JSON.parse(text), text, body);
      else if (response.status === 400 || response.status === 413) showProblems(JSON.parse(text).errors);
      else showFailure(`Beräkningstjänsten svarade med fel ${response.status}.`);
    });
  } catch (error) {
    if (error.name === 'AbortError' || mine !== sequence) return;
    showFailure('Beräkningstjänsten svarar inte. Kontrollera att den är igång.');
  }
}

/**
 * Runs `render` (an answer's hints and errors, shown at their fields) without moving the field being
 * typed in: what is inserted above it scrolls the page by as much, so it stays where the eye is.
 */
function keepFocusInPlace(render) {
  const el = document.activeElement;
  const inForm = el instanceof HTMLElement && el.closest('#household-form') !== null;
  const top = inForm ? el.getBoundingClientRect().top : 0;
  render();
  if (!inForm || !el.isConnected) return;
  const moved = el.getBoundingClientRect().top - top;
  if (moved !== 0) window.scrollBy(0, moved);
}

function onField(path) {
  form.focusPath(path);
}

/** No income rows and nobody confirmed there are none: the outcome is preliminary, never a green Bifall. */
function preliminary(household = form.household()) {
  return !noIncome.checked && !(household.incomes?.length > 0);
}

function viewOptions() {
  return { labels, onField, who: form.who, whose: form.whose, preliminary: preliminary(), answers, onAnswer };
}

function inputDetails(body) {
  // tabindex: the box scrolls, so it must be reachable by keyboard (WCAG 2.1.1).
  return h('details', { class: 'result-section input-json' }, h('summary', {}, h('h3', {}, 'Indata som beräknades (JSON)')), h('pre', { id: 'household-json', tabindex: '0', 'aria-label': 'Indata som beräknades, JSON' }, body));
}

function showDecision(decision, text, body) {
  current = { decision, text, body };
  stale = false;
  if (recorded && recorded.inputHash !== decision.inputHash) recorded = null;
  form.clearErrors();
  showDecidedOnProblem(null);
  const ids = decision.norm.members.map((m) => m.memberId);
  form.showNeeds(decision.needsInformation.filter((n) => n.code !== 'RULES_PENDING').map((n) => ({ ...n, text: readable(n.text, form.who, ids, form.whose) })));
  resultProblems.replaceChildren();
  resultBody.classList.remove('is-stale');
  resultBody.removeAttribute('aria-describedby');
  resultBody.replaceChildren(...renderResult(decision, viewOptions()), inputDetails(body));
  markScrollable(resultBody);
  updateLetter();
  announce(summaryLine(decision, preliminary()));
  setState('ok');
  if (registerWhenReady) void register();
}

/** A problem with the decision date (the engine's decidedOn) is shown at its field in the letter panel. */
function showDecidedOnProblem(text) {
  $('#decided-on-err').hidden = text === null;
  $('#decided-on-err').textContent = text ?? '';
  decidedOnField.toggleAttribute('aria-invalid', text !== null);
}

function showProblems(errors) {
  if (registerWhenReady) $('#record-status').textContent = 'Beslutet registrerades inte: rätta uppgifterna först.';
  registerWhenReady = false;
  const problems = form.showErrors(errors);
  const decidedProblem = problems.find((p) => p.issue.path === 'decidedOn');
  showDecidedOnProblem(decidedProblem ? decidedProblem.text : null);
  stale = current !== null;
  resultProblems.replaceChildren(renderProblems(problems, { onField, stale }));
  if (stale) {
    // The last proposal stays in view, dimmed and marked out of date, under the list of problems.
    resultBody.classList.add('is-stale');
    if (!resultBody.querySelector('.stale-note')) resultBody.prepend(h('p', { class: 'stale-note' }, 'Inaktuellt förslag – gäller uppgifterna före den senaste ändringen.'));
  } else resultBody.replaceChildren();
  announce(`${problems.length === 1 ? 'En uppgift behöver rättas' : `${problems.length} uppgifter behöver rättas`}${stale ? '; förslaget är inaktuellt' : ''}.`);
  updateLetter();
  setState('invalid');
}

function showFailure(message) {
  stale = current !== null;
  resultProblems.replaceChildren(h('div', { class: 'problems' }, h('h3', {}, 'Förslaget kunde inte beräknas'), h('p', {}, message)));
  if (stale) resultBody.classList.add('is-stale');
  announce(message);
  updateLetter();
  setState('error');
}

// ---- barnkonsekvens answers and the letter ----

function onAnswer(id, value) {
  answers[id] = value;
  if (recorded) recorded = null;
  if (draftOf !== null) draftOf = undefined; // the answered text goes into a fresh draft
  updateLetter();
  save();
}

/** The letter from the server's builder (issue 21): { key, text } of the proposal and answers it was made for. */
let serverLetter = { key: null, text: '', asked: null };
let letterController = null;

/** What the server's letter is made from: the household computed, and the barnkonsekvens answers for every child. */
function letterRequest() {
  const childAnswers = Object.entries(answers).filter(([, a]) => String(a ?? '').trim() !== '').map(([promptId, answer]) => ({ promptId, answer: String(answer) }));
  return { household: JSON.parse(current.body), answers: { childAnswers } };
}

function requestServerLetter(key) {
  letterController?.abort();
  const controller = new AbortController();
  letterController = controller;
  serverLetter = { ...serverLetter, asked: key };
  fetch('/api/letter', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(letterRequest()), signal: controller.signal })
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`status ${r.status}`))))
    .then((answer) => {
      if (controller.signal.aborted) return;
      serverLetter = { key, text: answer.text, asked: null };
      updateLetter();
    })
    .catch(() => {
      if (controller.signal.aborted) return;
      serverLetter = { ...serverLetter, asked: null };
      $('#letter-blocked').hidden = false;
      $('#letter-blocked').textContent = 'Brevet kunde inte hämtas från servern. Försök igen.';
    });
}

/** What stops the letter from being printed, or null. */
function letterBlocked(d) {
  if (stale) return 'Förslaget är inaktuellt: rätta uppgifterna först.';
  const kind = letterKind(d, false);
  if (kind.kind === 'none') return kind.why;
  if (preliminary()) return 'Ange hushållets inkomster, eller bekräfta att det inte finns några, innan brevet skrivs ut.';
  const open = unansweredPrompts(d, answers);
  if ((d.outcome === 'deny' || d.outcome === 'partial') && open.length) {
    return `Ett avslag kan inte skrivas ut förrän barnkonsekvensanalysen är besvarad: ${open.map((p) => `fråga ${p.number}`).join(', ')}.`;
  }
  return null;
}

function updateLetter() {
  const d = current?.decision;
  letterPanel.hidden = !d;
  if (!d) {
    for (const b of Object.values(buttons)) b.disabled = true;
    printLetter.replaceChildren();
    printWorksheet.replaceChildren();
    return;
  }
  const kind = letterKind(d, recorded !== null);
  // The draft is the server's letter (POST /api/letter): asked for once per proposal and answers.
  const key = JSON.stringify([d.inputHash, answers]);
  if (serverLetter.key !== key && serverLetter.asked !== key && !stale) requestServerLetter(key);
  const ready = serverLetter.key === key;
  const draft = ready ? serverLetter.text : (shownDraft ?? '');
  letterText.dataset.state = ready ? 'ready' : 'loading';
  $('#letter-text-field').hidden = kind.kind === 'none';
  if (draftOf !== null && !stale && ready) {
    letterText.value = draft;
    draftOf = d.inputHash;
  }
  shownDraft = draft;
  // Only when the proposal's draft really changed since the caseworker began writing their own text.
  $('#letter-outdated').hidden = draftOf !== null || editedFrom === null || draft === editedFrom || letterText.value === draft;
  $('#letter-kind').textContent =
    kind.kind === 'none'
      ? 'Inget brev till den sökande för det här förslaget.'
      : kind.kind === 'request'
      ? 'Förslaget kan inte räknas fram: brevet är en begäran om komplettering, inget beslut.'
      : recorded
        ? `Beslutet är registrerat (${recorded.decisionId}) av ${recorded.decidedBy} ${recorded.decidedOn}.`
        : 'Förslag till beslut tills du registrerar beslutet. Bara det som står här går till den sökande.';
  const blocked = letterBlocked(d);
  $('#letter-blocked').hidden = blocked === null;
  $('#letter-blocked').textContent = blocked ?? '';
  buttons.print.disabled = blocked !== null;
  buttons.print.textContent = kind.kind === 'request' ? 'Skriv ut begäran om komplettering' : recorded ? 'Skriv ut beslut' : 'Skriv ut förslag';
  buttons.worksheet.disabled = stale;
  buttons.json.disabled = stale;
  buttons.text.disabled = blocked !== null;
  // The PDF is the server's letter as it stands, not the box: an edited text is printed, not made a PDF.
  buttons.pdf.disabled = blocked !== null || !ready || draftOf === null;
  $('#download-pdf-hint').hidden = draftOf !== null;
  buttons.record.hidden = kind.kind === 'request' || kind.kind === 'none';
  buttons.record.disabled = blocked !== null || recorded !== null;
  // The printed pages: the letter alone, or the internal worksheet alone.
  const fields = Object.fromEntries(letterFields.map((el) => [el.dataset.letter, el.value.trim()]));
  // Ctrl+P prints this too: a blocked letter is not in it, only why.
  printLetter.replaceChildren(
    ...(blocked !== null
      ? [h('p', { class: 'print-letter__blocked' }, `Brevet kan inte skrivas ut ännu. ${blocked}`)]
      : [
          h('h1', { class: 'print-letter__title' }, kind.title),
          h('div', { class: 'print-letter__text' }, letterText.value),
          h('div', { class: 'print-letter__signature' }, signature(fields, kind.kind).map((line) => h('p', {}, line))),
        ]),
  );
  printWorksheet.replaceChildren(renderWorksheet(d, { ...viewOptions(), note: worksheetNote.value.trim() }));
}

worksheetNote.addEventListener('input', () => {
  updateLetter();
  save();
});

letterText.addEventListener('input', () => {
  if (draftOf !== null) editedFrom = shownDraft;
  draftOf = null; // the caseworker's own text from now on: a new proposal does not overwrite it
  recorded = null;
  updateLetter();
  save();
});
// The caseworker's own text is replaced only when they say so, and "Ångra" brings it back.
$('#letter-redraft').addEventListener('click', () => {
  if (!window.confirm('Din egen text i brevet ersätts med ett nytt utkast från förslaget. Du kan ångra efteråt. Fortsätta?')) return;
  const own = { text: letterText.value, from: editedFrom };
  draftOf = undefined;
  updateLetter();
  save();
  offerUndo('Brevets text är ersatt med ett nytt utkast.', () => {
    letterText.value = own.text;
    draftOf = null;
    editedFrom = own.from;
    updateLetter();
    save();
    return letterText;
  });
  letterText.focus();
});
for (const el of letterFields) {
  el.addEventListener('input', () => {
    recorded = null;
    updateLetter();
    save();
  });
}
decidedOnField.addEventListener('input', () => {
  // A valid date, or none: the proposal is asked again with it (the law cited follows the decision date).
  const decided = decidedOn();
  if ((decided !== null || decidedOnField.value.trim() === '') && decided !== sentDecidedOn) {
    sentDecidedOn = decided;
    schedule();
  }
});
decidedOnField.addEventListener('focusout', () => {
  const el = decidedOnField;
  if (el.value.trim() !== '' && normaliseDate(el.value) !== el.value) el.value = normaliseDate(el.value);
  const ok = el.value.trim() === '' || decidedOn() !== null;
  showDecidedOnProblem(ok ? null : 'Skriv beslutsdatum som ÅÅÅÅ-MM-DD, till exempel 2026-10-05, ett datum som finns i kalendern.');
  if (ok) {
    sentDecidedOn = decidedOn();
    schedule();
  }
});
noIncome.addEventListener('change', () => schedule());

/**
 * "Till beslut" (issue 22): the proposal, computed with the decision date, is recorded in the decision
 * store (POST /api/proposals, signed-in staff only) and the decision is registered in the case view
 * (/arende/:id), where every flag is acknowledged and the payments are set. This page registers no
 * decision itself: a decision is a record in the hash chain, made once, in one place.
 */
async function register() {
  if (!current || stale) return;
  const status = $('#record-status');
  const fields = Object.fromEntries(letterFields.map((el) => [el.dataset.letter, el.value.trim()]));
  if (!fields.decidedOn) {
    status.textContent = 'Fyll i beslutsdatum innan förslaget lämnas till beslut.';
    return;
  }
  const household = JSON.parse(current.body);
  // The proposal recorded is the one computed with this decision date (the law cited follows it).
  if (household.decidedOn !== fields.decidedOn || result.dataset.state !== 'ok') {
    status.textContent = 'Förslaget räknas om med beslutsdatumet och lämnas sedan till beslut …';
    registerWhenReady = true;
    if (result.dataset.state !== 'pending') schedule();
    return;
  }
  registerWhenReady = false;
  status.textContent = 'Sparar förslaget …';
  try {
    const response = await fetch('/api/proposals', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ household }) });
    const answer = await response.json();
    if (!response.ok) {
      status.textContent = `Förslaget kunde inte sparas: ${answer.errors.map((e) => RECORD_PROBLEM[e.code] ?? e.message ?? 'uppgifterna behöver rättas').join('; ')}.`;
      return;
    }
    status.replaceChildren(`Förslaget är sparat (${answer.decisionId}). `, Object.assign(document.createElement('a'), { href: `/arende/${answer.decisionId}`, textContent: 'Öppna ärendet och registrera beslutet' }));
  } catch {
    status.textContent = 'Förslaget kunde inte sparas: tjänsten svarar inte.';
  }
}
buttons.record.addEventListener('click', () => void register());

const RECORD_PROBLEM = {
  NO_STORE: 'servern har ingen beslutslagring (starta med serve --store)',
  STORE_UNAVAILABLE: 'beslutslagringen går inte att skriva till just nu',
  FORBIDDEN: 'du behöver vara inloggad som handläggare',
};

// ---- types and rules info ----

/**
 * The period's income, cost and asset types (labels from the rules). Resolves false when the rules
 * have no such month. A month already shown, or on its way, is not asked for again.
 */
function loadTypes(period, decided = null) {
  const key = `${period}|${decided ?? ''}`;
  if (key !== typesState.period) typesState = { period: key, loaded: fetchTypes(period, decided, key) };
  return typesState.loaded;
}

async function fetchTypes(period, decided, key) {
  try {
    const query = [period ? `period=${encodeURIComponent(period)}` : null, decided ? `decidedOn=${encodeURIComponent(decided)}` : null].filter(Boolean).join('&');
    const response = await fetch(`/api/types${query ? `?${query}` : ''}`);
    if (!response.ok) return false;
    const answer = await response.json();
    if (key !== typesState.period) return true; // another month was asked for meanwhile
    if (answer.status === 'pending') {
      // No types for a month whose rules are not published: say so, and never show another year's.
      form.setTypes(answer);
      $('#rules-info').textContent = answer.messageSv;
      return true;
    }
    labels = {
      incomes: Object.fromEntries(answer.incomeTypes.map((t) => [t.type, t.labelSv])),
      costs: Object.fromEntries(answer.costTypes.map((t) => [t.type, t.labelSv])),
      assets: Object.fromEntries(answer.assetTypes.map((t) => [t.type, t.labelSv])),
      costCategory: Object.fromEntries(answer.costTypes.map((t) => [t.type, t.category])),
      exemptions: Object.fromEntries((answer.activityRequirement?.exemptions ?? []).map((e) => [e.code, e.labelSv])),
    };
    form.setTypes(answer);
    $('#rules-info').textContent = `Regler för ${monthSv(answer.period)}: ${answer.law} · ${answer.normTable}`;
    return true;
  } catch {
    if (key === typesState.period) typesState = { period: undefined, loaded: Promise.resolve(false) }; // try again next time
    return false;
  }
}

// ---- examples: loaded only on "Ladda exempel", never on a change of the list ----

async function loadFixtureList() {
  const response = await fetch('/api/fixtures');
  if (!response.ok) return;
  const { fixtures } = await response.json();
  const label = (f) => [f.caseId ? `Exempel ${f.caseId}` : 'Exempel', f.period ? monthSv(f.period) : null, f.members ? `${f.members} ${f.members === 1 ? 'person' : 'personer'}` : null].filter(Boolean).join(' – ');
  fixtureSelect.append(...fixtures.map((f) => h('option', { value: f.name }, label(f))));
}

$('#load-fixture').addEventListener('click', async () => {
  const name = fixtureSelect.value;
  if (!name) {
    fixtureSelect.focus();
    return;
  }
  if (!mayReplace('Exemplet')) return;
  const before = pageState();
  // What is shown or on its way is stale from now on.
  sequence += 1;
  controller?.abort();
  clearTimeout(timer);
  setState('pending');
  const response = await fetch(`/api/fixtures/${encodeURIComponent(name)}`);
  if (!response.ok) return showFailure('Exemplet kunde inte läsas.');
  const household = await response.json();
  if (typeof household.period === 'string' && PERIOD.test(household.period)) await loadTypes(household.period);
  resetPageExtras();
  // A file's decision date belongs in the letter panel's Beslutsdatum, which sends it.
  if (typeof household.decidedOn === 'string') decidedOnField.value = household.decidedOn;
  delete household.decidedOn;
  form.load(household);
  offerUndo(`Exemplet ${fixtureSelect.selectedOptions[0].textContent} är inläst.`, undoReplace(before));
  schedule();
  void calculate();
});

/** Answers, letter and registration belong to the household they were written for. */
function resetPageExtras() {
  answers = {};
  noIncome.checked = false;
  for (const el of letterFields) el.value = '';
  worksheetNote.value = '';
  draftOf = undefined;
  recorded = null;
  current = null;
  stale = false;
  resultProblems.replaceChildren();
  resultBody.classList.remove('is-stale');
}

$('#new-household').addEventListener('click', () => {
  if (!mayReplace('Ett nytt hushåll')) return;
  const before = pageState();
  fixtureSelect.value = '';
  resetPageExtras();
  form.reset(thisMonth());
  sequence += 1;
  controller?.abort();
  clearTimeout(timer);
  resultBody.replaceChildren(h('div', { class: 'empty-state' }, h('p', {}, 'Fyll i hushållets uppgifter. Förslaget visas här och uppdateras medan du skriver.')));
  updateLetter();
  announce('');
  setState('empty');
  save();
  offerUndo('Formuläret är tömt.', undoReplace(before));
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

/** Prints the letter or the worksheet: the print styles show only the one body[data-print] names. */
function printOut(which) {
  if (!current) return;
  updateLetter();
  document.body.dataset.print = which;
  window.print();
}

window.addEventListener('afterprint', () => delete document.body.dataset.print); // Ctrl+P prints the letter again
buttons.print.addEventListener('click', () => printOut('letter'));
buttons.worksheet.addEventListener('click', () => printOut('worksheet'));
buttons.json.addEventListener('click', () => current && download(`${fileStem(current.decision)}-forslag.json`, current.text, 'application/json'));
buttons.text.addEventListener('click', () => {
  if (!current) return;
  const kind = letterKind(current.decision, recorded !== null);
  const fields = Object.fromEntries(letterFields.map((el) => [el.dataset.letter, el.value.trim()]));
  download(`${fileStem(current.decision)}-brev.txt`, `${kind.title.toUpperCase()}\n\n${letterText.value}\n\n${signature(fields, kind.kind).join('\n')}\n`, 'text/plain;charset=utf-8');
});

// The letter as an A4 PDF from the server (the same builder and Chromium as `letter --out FILE.pdf`).
buttons.pdf.addEventListener('click', async () => {
  if (!current || buttons.pdf.disabled) return;
  const status = $('#record-status');
  status.textContent = 'Brevet görs som PDF …';
  try {
    const response = await fetch('/api/letter/pdf', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(letterRequest()) });
    if (!response.ok) {
      const answer = await response.json().catch(() => ({ errors: [] }));
      status.textContent = `Ingen PDF: ${(answer.errors ?? []).map((e) => e.message).join(' ') || `servern svarade ${response.status}`}`;
      return;
    }
    const blob = await response.blob();
    const url = URL.createObjectURL(blob);
    const link = h('a', { href: url, download: `${fileStem(current.decision)}-brev.pdf`, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    status.textContent = 'Brevet är nedladdat som PDF.';
  } catch {
    status.textContent = 'Ingen PDF: tjänsten svarar inte.';
  }
});

// ---- layout: offsets from the toolbar's real height ----

function measureToolbar() {
  const bar = $('#toolbar');
  const sticky = getComputedStyle(bar).position === 'sticky';
  document.documentElement.style.setProperty('--toolbar-h', `${sticky ? Math.ceil(bar.getBoundingClientRect().height) : 0}px`);
}
new ResizeObserver(measureToolbar).observe($('#toolbar'));
window.addEventListener('resize', () => {
  measureToolbar();
  markScrollable(resultBody);
});

// ---- start ----

function thisMonth() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

// This month's types, or (no rules for this month yet) those of the newest rules.
await Promise.all([loadTypes(thisMonth()).then((ok) => ok || loadTypes('')), loadFixtureList()]);
let saved = null;
try {
  saved = JSON.parse(sessionStorage.getItem(SAVED) ?? 'null');
} catch {
  saved = null;
}
if (saved?.form?.household) {
  const period = saved.form.household.period;
  if (typeof period === 'string' && PERIOD.test(period)) await loadTypes(period);
  restoreState(saved);
  $('#undo-text').textContent = 'Hushållet från förra gången i den här fliken är återställt.';
  schedule();
} else form.reset(thisMonth());
measureToolbar();
document.body.dataset.ready = 'true';
