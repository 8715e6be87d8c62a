/**
 * The household form: rows for members, incomes, costs and assets, built in the page, and the
 * fixed fields of index.html. The DOM is the only state: household() reads it into a CONTRACT.md
 * household, load() fills it from one, showErrors() puts the API's problems next to their fields.
 *
 * Fields the form has no control for (a fixture's "description", "yearToDate", "personnummer", …)
 * are kept with their row and sent back unchanged, so a loaded fixture gives the same decision as
 * `calculate --json` on the file.
 */
import { h, uid } from './dom.js';
import { amountFromInput, amountToInput, monthSv } from './format.js';
import { ACTIVITY_STATUS, GENDERS, ROLE_LABEL, ROLES, problemSv } from './labels.js';

const LISTS = ['members', 'incomes', 'costs', 'assets'];
const MEMBER_KEYS = ['id', 'role', 'birthDate', 'personnummer', 'gender', 'supportObstacle', 'availableForWork', 'acceptableReason', 'daysInHousehold', 'inSchool', 'lunchOutsideHome'];
const CHILD_ONLY = ['daysInHousehold', 'inSchool', 'lunchOutsideHome'];
/** The labour-market facts of a partner (the applicant's are under Omständigheter). */
const PARTNER_ONLY = ['availableForWork', 'acceptableReason'];
/** The försörjningshinder (issue 25): the applicant's and a partner's, for the official statistics. */
const ADULT_IN_CASE_ONLY = ['supportObstacle'];
/** Keys a member of this role sends; the others stay in the (hidden) card but are not sent. */
const keysFor = (role) => MEMBER_KEYS.filter((k) => (role === 'child' || !CHILD_ONLY.includes(k)) && (role === 'partner' || !PARTNER_ONLY.includes(k)) && (ADULT_IN_CASE.includes(role) || !ADULT_IN_CASE_ONLY.includes(k)));
/** The member keys the form knows for a role, the nested ones included (the rest of a loaded member is kept as it was). */
const knownFor = (role) => [...keysFor(role), ...(ADULT_IN_CASE.includes(role) ? Object.keys(NESTED) : [])];
/**
 * Facts of the law in force that the applicant and a partner have as objects (docs/law-in-force.md):
 * aktivitetskrav (from försörjningsstöd for October 2026) and sickness with läkarintyg (from July
 * 2026). Their fields are shown, and sent, only for a month the period's rules say they apply to.
 */
const NESTED = { activityRequirement: ['status', 'exemption', 'acceptableReason'], sickness: ['since', 'medicalCertificate'] };
const LAW_GROUP = { activityRequirement: 'activity', sickness: 'certificate' };
const ADULT_IN_CASE = ['applicant', 'partner'];
const ROW_KEYS = { members: MEMBER_KEYS, incomes: ['memberId', 'type', 'amount'], costs: ['type', 'amount', 'memberId'], assets: ['type', 'amount', 'memberId'] };
const CIRCUMSTANCES = {
  availableForWork: 'boolean',
  acceptableReason: 'text',
  consecutiveMonthsOnAssistance: 'integer',
  rentCeiling: 'amount',
  rentCeilingNotifiedOn: 'date',
  rentCeilingBasis: 'text',
  rentArrears: 'amount',
  jobbstimulansStart: 'text',
};
const TOP = ['caseId', 'period', 'municipality'];
const GENITIVE = { applicant: 'sökandens', partner: 'medsökandens', child: 'barnets', 'other-adult': 'den andra vuxnes' };
const ID_PREFIX = { applicant: 'a', partner: 'a', child: 'c', 'other-adult': 'o' };
const NO_TYPES = { incomes: [], costs: [], assets: [] };

// ---- reading values ------------------------------------------------------------------------

function textValue(el) {
  const t = el.value.trim();
  return t === '' ? undefined : t;
}

function integerValue(el) {
  const t = el.value.trim();
  if (t === '') return undefined;
  return /^-?[0-9]+$/.test(t) ? Number(t) : t;
}

/**
 * A date as typed, in the contract's form: "19880514", "1988-5-14", "1988/05/14" and a personnummer
 * ("19880514-1234") all become "1988-05-14". Anything else (a six-digit "880514", whose century is
 * unknown, half a date) is returned as typed, so the engine names the field and the page asks for
 * ÅÅÅÅ-MM-DD.
 */
export function normaliseDate(text) {
  const t = String(text).trim();
  const m = /^(\d{4})[-/. ]?(\d{2})[-/. ]?(\d{2})(?:[-+]?\d{4})?$/.exec(t) ?? /^(\d{4})[-/. ](\d{1,2})[-/. ](\d{1,2})$/.exec(t);
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : t;
}

function dateValue(el) {
  const t = el.value.trim();
  return t === '' ? undefined : normaliseDate(t);
}

function booleanValue(el) {
  return el.value === 'true' ? true : el.value === 'false' ? false : undefined;
}

function read(el, kind) {
  if (kind === 'amount') return amountFromInput(el.value);
  if (kind === 'integer') return integerValue(el);
  if (kind === 'boolean') return booleanValue(el);
  if (kind === 'check') return el.checked ? true : undefined;
  if (kind === 'date') return dateValue(el);
  return textValue(el);
}

function write(el, kind, value) {
  if (kind === 'check') {
    el.checked = value === true;
    return;
  }
  let text;
  if (kind === 'amount') text = typeof value === 'string' ? amountToInput(value) : value === undefined || value === null ? '' : String(value);
  else if (kind === 'boolean') text = value === true ? 'true' : value === false ? 'false' : '';
  else text = value === undefined || value === null ? '' : String(value);
  el.value = text;
  if (el.tagName === 'SELECT' && el.value !== text) {
    // A value the list does not have (an unknown type in a file): keep it, so the engine names it.
    el.append(h('option', { value: text }, `${text} (okänd)`));
    el.value = text;
  }
}

/** Sets a key only when it has a value, so an empty field is "not given", as in the contract. */
function put(target, key, value) {
  if (value !== undefined) target[key] = value;
}

function extrasOf(obj, known) {
  const extra = {};
  if (obj && typeof obj === 'object' && !Array.isArray(obj)) for (const [k, v] of Object.entries(obj)) if (!known.includes(k)) extra[k] = v;
  return extra;
}

// ---- building fields -----------------------------------------------------------------------

function field({ key, label, control, kind = 'text', hint, only = null, wide = false, when = null }) {
  const id = uid('f');
  control.id = id;
  control.dataset.key = key;
  control.dataset.kind = kind;
  const errorId = `${id}-err`;
  const hintId = hint ? `${id}-hint` : null;
  control.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
  const error = h('p', { class: 'field-error', id: errorId, hidden: true });
  const classes = ['field', kind === 'check' ? 'field--check' : '', wide ? 'field--wide' : ''].filter(Boolean).join(' ');
  const dataset = { ...(only ? { only } : {}), ...(when ? { when } : {}) };
  const wrapper =
    kind === 'check'
      ? h('div', { class: classes, dataset }, control, h('label', { for: id }, label), error)
      : h('div', { class: classes, dataset }, h('label', { for: id }, label), control, hint ? h('p', { class: 'hint', id: hintId }, hint) : null, error);
  return wrapper;
}

/** A select; a list without an empty choice gets "Välj …" first, so a new row never looks filled in. */
function select(options, value = '', placeholder = null) {
  const all = placeholder ? [['', placeholder], ...options] : options;
  const el = h('select', {}, all.map(([v, label]) => h('option', { value: v }, label)));
  if (placeholder) el.dataset.placeholder = placeholder;
  el.value = value;
  return el;
}

const input = (props = {}) => h('input', { type: 'text', spellcheck: 'false', ...props });

function removeButton(label) {
  return h('button', { type: 'button', class: 'button button--remove', dataset: { remove: '1' }, 'aria-label': label }, 'Ta bort');
}

/** "Sökande, f. 1988" or the name the caseworker gave (kept in the page only). */
function memberLabel(row) {
  const name = row.querySelector('[data-key="displayName"]').value.trim();
  const role = row.querySelector('[data-key="role"]').value;
  const year = /^(\d{4})/.exec(normaliseDate(row.querySelector('[data-key="birthDate"]').value))?.[1];
  const what = `${ROLE_LABEL[role] ?? role}${year ? `, f. ${year}` : ''}`;
  return name ? `${name} (${what})` : what;
}

// ---- the form ------------------------------------------------------------------------------

export function createForm(form, { onInput, onRemoved = () => {} }) {
  const lists = Object.fromEntries(LISTS.map((l) => [l, form.querySelector(`[data-list="${l}"]`)]));
  const extras = new WeakMap();
  /** A loaded member's aktivitetskrav and sickness as the file had them: sent unchanged for a month they do not apply to. */
  const loadedNested = new WeakMap();
  let topExtras = {};
  let circumstancesExtras = {};
  /** Lists and circumstances the loaded file had even when empty (they change the input hash). */
  let present = new Set();
  let types = NO_TYPES;
  /** The month's försörjningshinder (GET /api/types supportObstacles: rules/support-obstacles.json): code and Swedish label. */
  let obstacles = [];

  const rowsOf = (list) => [...lists[list].children];
  const fixed = (path) => form.querySelector(`[data-path="${path}"]`);

  // -- members --

  function memberIds() {
    return rowsOf('members').map((row) => ({ id: row.querySelector('[data-key="id"]').value.trim(), role: row.querySelector('[data-key="role"]').value, label: memberLabel(row) }));
  }

  /** How the page names a member id: the given name, else role and birth year; never only "c1". */
  function who(id) {
    const m = memberIds().find((x) => x.id === id);
    return m ? m.label : id;
  }

  /** A member in the genitive, for engine texts such as "a1s del": "Annas", else "sökandens", "medsökandens". */
  function whose(id) {
    const row = rowsOf('members').find((r) => r.querySelector('[data-key="id"]').value.trim() === id);
    if (!row) return `${id}s`;
    const name = row.querySelector('[data-key="displayName"]').value.trim();
    if (name) return /[sxz]$/i.test(name) ? name : `${name}s`;
    return GENITIVE[row.querySelector('[data-key="role"]').value] ?? 'personens';
  }

  function nextId(role, except) {
    const used = new Set(memberIds().map((m) => m.id));
    if (except) used.delete(except);
    const prefix = ID_PREFIX[role] ?? 'p';
    for (let n = 1; ; n++) if (!used.has(`${prefix}${n}`)) return `${prefix}${n}`;
  }

  function renameMember(from, to) {
    if (from === to) return;
    for (const list of ['incomes', 'costs', 'assets']) {
      for (const row of rowsOf(list)) {
        const sel = row.querySelector('[data-key="memberId"]');
        if (from !== '' && sel.value === from) {
          refreshMemberSelect(sel, to);
        }
      }
    }
  }

  function memberOptions(optional) {
    const options = memberIds()
      .filter((m) => m.id !== '')
      .map((m) => [m.id, m.label]);
    return optional ? [['', optional], ...options] : options;
  }

  function refreshMemberSelect(sel, value = sel.value) {
    const optional = sel.dataset.optional || null;
    const options = memberOptions(optional);
    sel.replaceChildren(...options.map(([v, label]) => h('option', { value: v }, label)));
    if (value !== '' && !options.some(([v]) => v === value)) sel.append(h('option', { value }, `${value} (finns inte)`));
    sel.value = value;
    if (sel.value !== value && options.length > 0) sel.value = options[0][0];
  }

  function refreshMemberSelects() {
    for (const list of ['incomes', 'costs', 'assets']) for (const row of rowsOf(list)) refreshMemberSelect(row.querySelector('[data-key="memberId"]'));
  }

  function updateMemberRow(row) {
    const index = rowsOf('members').indexOf(row);
    const role = row.querySelector('[data-key="role"]').value;
    const name = row.querySelector('[data-key="displayName"]').value.trim();
    row.querySelector('legend').textContent = `Person ${index + 1} · ${ROLE_LABEL[role] ?? role}${name ? ` · ${name}` : ''}`;
    for (const el of row.querySelectorAll('[data-only]')) el.hidden = !el.dataset.only.split(' ').includes(role);
    updateLawGroups(row);
    row.querySelector('[data-remove]').setAttribute('aria-label', `Ta bort person ${index + 1}`);
  }

  /**
   * The period's aktivitetskrav and läkarintyg (GET /api/types): whether they apply and from when.
   * null for a month whose rules are not published: nothing is shown.
   */
  let law = { period: null, activity: null, certificate: null };

  function lawNote(group) {
    const rule = law[group];
    if (!rule || rule.inForce || !rule.from || !law.period) return '';
    const from = monthSv(rule.from.slice(0, 7));
    return group === 'activity'
      ? `Aktivitetskrav anges från och med ${from}: kravet gäller försörjningsstöd från den månaden, inte för ${monthSv(law.period)}.`
      : `Läkarintyg krävs från och med ${from}, inte för ${monthSv(law.period)}. Före dess anges sjukdom som godtagbart skäl.`;
  }

  /** Shows a law group's fields for a month it applies to, else why not; within it, the fields of the chosen status. */
  function updateLawGroups(row) {
    for (const group of row.querySelectorAll('[data-law]')) {
      const rule = law[group.dataset.law];
      const inForce = rule?.inForce === true;
      group.querySelector('.law-group__fields').hidden = !inForce;
      const note = group.querySelector('.law-group__note');
      note.textContent = lawNote(group.dataset.law);
      note.hidden = note.textContent === '';
      group.hidden = group.hidden || (!inForce && note.hidden);
    }
    const status = row.querySelector('[data-key="activityRequirement.status"]').value;
    for (const el of row.querySelectorAll('[data-when]')) el.hidden = el.dataset.when !== status;
  }

  function obstacleOptions() {
    return obstacles.map((o) => [o.code, o.labelSv]);
  }

  function exemptionOptions() {
    return (law.activity?.exemptions ?? []).map((e) => [e.code, `${e.labelSv[0].toUpperCase()}${e.labelSv.slice(1)}`]);
  }

  function lawGroup(group, legend, fields) {
    return h(
      'fieldset',
      { class: 'law-group field--wide', dataset: { law: group, only: ADULT_IN_CASE.join(' ') } },
      h('legend', {}, legend),
      h('p', { class: 'law-group__note hint' }),
      h('div', { class: 'grid grid--2 law-group__fields' }, fields),
    );
  }

  function addMember(role, values = null) {
    const idInput = input({ class: 'input--short', autocapitalize: 'off' });
    const roleSelect = select(ROLES, role);
    const row = h(
      'fieldset',
      { class: 'row row--member', dataset: { row: 'members' } },
      h('legend', {}, ''),
      h(
        'div',
        { class: 'grid grid--member' },
        field({ key: 'role', label: 'Roll', control: roleSelect }),
        field({ key: 'displayName', label: 'Namn', kind: 'page', control: input({ autocomplete: 'off' }), hint: 'Visas bara här, skickas inte' }),
        field({ key: 'birthDate', label: 'Födelsedatum', kind: 'date', control: input({ inputmode: 'numeric', placeholder: 'ÅÅÅÅ-MM-DD' }), hint: 'T.ex. 1988-05-14 eller 19880514' }),
        field({ key: 'personnummer', label: 'Personnummer', control: input({ inputmode: 'numeric', placeholder: 'ÅÅÅÅMMDD-NNNN' }), hint: 'Valfritt' }),
        field({ key: 'gender', label: 'Kön', control: select(GENDERS) }),
        field({ key: 'supportObstacle', label: 'Försörjningshinder', control: select(obstacleOptions(), '', 'Välj försörjningshinder …'), hint: 'Rapporteras till Socialstyrelsen. Krävs för att beslutet ska kunna registreras.', only: ADULT_IN_CASE.join(' ') }),
        field({ key: 'id', label: 'Id', control: idInput, hint: 'Ges automatiskt' }),
        field({ key: 'availableForWork', label: 'Står till arbetsmarknadens förfogande', kind: 'boolean', control: select([['', 'Ej angivet'], ['true', 'Ja'], ['false', 'Nej']]), only: 'partner' }),
        field({ key: 'acceptableReason', label: 'Skäl att inte stå till förfogande', control: input({}), hint: 'Det skäl hen anger, t.ex. sjukskriven. Du bedömer om skälet är godtagbart.', only: 'partner' }),
        field({ key: 'daysInHousehold', label: 'Dagar i hushållet', kind: 'integer', control: input({ inputmode: 'numeric', placeholder: 'Alla' }), hint: 'Vid växelvis boende', only: 'child' }),
        field({ key: 'inSchool', label: 'Går i skolan (18–20 år)', kind: 'boolean', control: select([['', 'Ej angivet'], ['true', 'Ja'], ['false', 'Nej']]), only: 'child' }),
        field({ key: 'lunchOutsideHome', label: 'Äter lunch på förskolan (0–6 år)', kind: 'check', control: h('input', { type: 'checkbox' }), only: 'child', wide: true }),
        lawGroup('activity', 'Aktivitetskrav', [
          field({ key: 'activityRequirement.status', label: 'Aktivitetskrav', control: select(ACTIVITY_STATUS), hint: 'Efter tre månader i följd med försörjningsstöd' }),
          field({ key: 'activityRequirement.exemption', label: 'Skäl för undantag', control: select(exemptionOptions(), '', 'Välj skäl …'), when: 'exempt' }),
          field({ key: 'activityRequirement.acceptableReason', label: 'Skäl som hen har angett', control: input({}), hint: 'Tomt = inget skäl angivet', when: 'declined' }),
        ]),
        lawGroup('certificate', 'Sjukdom och läkarintyg', [
          field({ key: 'sickness.since', label: 'Sjuk sedan', kind: 'date', control: input({ inputmode: 'numeric', placeholder: 'ÅÅÅÅ-MM-DD' }), hint: 'Om hen inte står till förfogande på grund av sjukdom' }),
          field({ key: 'sickness.medicalCertificate', label: 'Läkarintyg', kind: 'boolean', control: select([['', 'Ej angivet'], ['true', 'Har lämnats'], ['false', 'Saknas']]) }),
        ]),
      ),
    );
    // The remove button last in the card, where it is drawn: Tab reaches the person's fields first, so
    // the applicant's "Ta bort" is not the first stop of the form.
    row.append(removeButton('Ta bort person'));
    lists.members.append(row);
    if (values) {
      for (const key of MEMBER_KEYS) {
        const el = row.querySelector(`[data-key="${key}"]`);
        const v = values[key];
        if (key === 'role') write(el, 'text', v);
        else write(el, el.dataset.kind, v);
      }
      loadedNested.set(row, Object.fromEntries(Object.keys(NESTED).filter((k) => values[k] !== undefined && values[k] !== null).map((k) => [k, values[k]])));
      for (const [key, subs] of Object.entries(NESTED)) {
        const obj = values[key] && typeof values[key] === 'object' ? values[key] : {};
        for (const sub of subs) {
          const el = row.querySelector(`[data-key="${key}.${sub}"]`);
          write(el, el.dataset.kind, obj[sub]);
        }
      }
      idInput.dataset.auto = '0';
    } else {
      idInput.value = nextId(role);
      idInput.dataset.auto = '1';
    }
    idInput.dataset.previous = idInput.value;
    updateMemberRow(row);
    refreshMemberSelects();
    return row;
  }

  // -- incomes, costs, assets --

  function typeOptions(list) {
    return types[list].map((t) => [t.type, t.labelSv]);
  }

  function addItem(list, values = null) {
    const typeSelect = select(typeOptions(list), '', 'Välj typ …');
    const memberSelect = h('select', { dataset: list === 'incomes' ? {} : { optional: list === 'costs' ? 'Hela hushållet' : 'Hushållet gemensamt' } });
    const amount = input({ inputmode: 'decimal', class: 'amount' });
    const n = rowsOf(list).length + 1;
    const noun = { incomes: 'inkomst', costs: 'kostnad', assets: 'tillgång' }[list];
    const person = field({ key: 'memberId', label: list === 'incomes' ? 'Person' : list === 'costs' ? 'Avser' : 'Ägare', control: memberSelect });
    const type = field({ key: 'type', label: 'Typ', control: typeSelect });
    const sum = field({ key: 'amount', label: 'Belopp (kr)', kind: 'amount', control: amount });
    const row = h(
      'div',
      { class: `row row--item row--${list}`, dataset: { row: list }, role: 'group', 'aria-label': `${noun[0].toUpperCase()}${noun.slice(1)} ${n}` },
      list === 'incomes' ? [person, type, sum] : [type, sum, person],
      removeButton(`Ta bort ${noun} ${n}`),
    );
    typeSelect.value = '';
    lists[list].append(row);
    refreshMemberSelect(memberSelect, list === 'incomes' ? (memberIds()[0]?.id ?? '') : '');
    if (values) {
      write(typeSelect, 'text', values.type);
      write(amount, 'amount', values.amount);
      refreshMemberSelect(memberSelect, values.memberId ?? '');
    }
    return row;
  }

  function relabelItems(list) {
    const noun = { incomes: 'inkomst', costs: 'kostnad', assets: 'tillgång' }[list];
    rowsOf(list).forEach((row, i) => {
      row.setAttribute('aria-label', `${noun[0].toUpperCase()}${noun.slice(1)} ${i + 1}`);
      row.querySelector('[data-remove]').setAttribute('aria-label', `Ta bort ${noun} ${i + 1}`);
    });
  }

  // -- events --

  form.addEventListener('click', (event) => {
    const button = event.target.closest('button');
    if (!button) return;
    if (button.dataset.addMember) {
      const row = addMember(button.dataset.addMember);
      row.querySelector('[data-key="birthDate"]').focus();
    } else if (button.dataset.add) {
      const row = addItem(button.dataset.add);
      row.querySelector('select, input').focus();
    } else if (button.dataset.remove) {
      const row = button.closest('[data-row]');
      const list = row.dataset.row;
      const removed = list === 'members' ? removeMember(row) : removeItem(row);
      form.querySelector(`[data-list="${list}"]`).closest('fieldset').querySelector('button[data-add], button[data-add-member]')?.focus();
      onRemoved(() => putBack(removed.rows), removed.text);
    } else return;
    onInput();
  });

  /** Removes a person and the incomes, costs and assets that are theirs; says what went. */
  function removeMember(row) {
    const n = rowsOf('members').indexOf(row) + 1;
    const label = memberLabel(row);
    const id = row.querySelector('[data-key="id"]').value.trim();
    const rows = [{ list: 'members', row, index: n - 1 }];
    for (const list of ['incomes', 'costs', 'assets']) {
      rowsOf(list).forEach((r, index) => {
        if (id !== '' && r.querySelector('[data-key="memberId"]').value === id) rows.push({ list, row: r, index });
      });
    }
    for (const { row: r } of rows) r.remove();
    for (const list of ['incomes', 'costs', 'assets']) relabelItems(list);
    for (const r of rowsOf('members')) updateMemberRow(r);
    refreshMemberSelects();
    const moved = rows.length - 1;
    return { rows, text: `Person ${n} (${label}) togs bort${moved ? ` med ${moved} ${moved === 1 ? 'rad' : 'rader'} (inkomster, kostnader, tillgångar)` : ''}.` };
  }

  function removeItem(row) {
    const list = row.dataset.row;
    const name = row.getAttribute('aria-label');
    const index = rowsOf(list).indexOf(row);
    row.remove();
    relabelItems(list);
    return { rows: [{ list, row, index }], text: `${name} togs bort.` };
  }

  /**
   * Undoes a removal, and only it: the removed rows go back where they were, as they were, into the
   * form as it is now; whatever was typed since stays. A person whose id was given to someone added
   * since comes back with a new id, and their rows follow them. Returns the control to go on in.
   */
  function putBack(rows) {
    const [first] = rows;
    if (first.list === 'members') {
      const idInput = first.row.querySelector('[data-key="id"]');
      const id = idInput.value.trim();
      if (id !== '' && memberIds().some((m) => m.id === id)) {
        const fresh = nextId(first.row.querySelector('[data-key="role"]').value);
        idInput.value = fresh;
        idInput.dataset.previous = fresh;
        for (const { row } of rows.slice(1)) {
          const sel = row.querySelector('[data-key="memberId"]');
          sel.append(h('option', { value: fresh }, fresh));
          sel.value = fresh;
        }
      }
    }
    for (const { list, row, index } of rows) lists[list].insertBefore(row, rowsOf(list)[index] ?? null);
    for (const list of ['incomes', 'costs', 'assets']) relabelItems(list);
    for (const r of rowsOf('members')) updateMemberRow(r);
    refreshMemberSelects();
    return first.row.querySelector('select, input');
  }

  const touch = (el) => el.closest('.field')?.classList.add('touched');

  /**
   * A field's message from the last answer no longer fits once its value changes: it goes, and the next
   * answer puts it back if it still holds. Kept, it showed when the field was left — above the buttons
   * below, which moved between the press and the release of a click on them, so the click was lost.
   */
  function clearFieldError(field) {
    if (!field || !(field.classList.contains('has-error') || field.classList.contains('has-need'))) return;
    field.classList.remove('has-error', 'has-need');
    for (const c of field.querySelectorAll('[aria-invalid]')) c.removeAttribute('aria-invalid');
    const slot = field.querySelector('.field-error');
    if (slot) {
      slot.textContent = '';
      slot.hidden = true;
    }
  }

  form.addEventListener('input', (event) => {
    const el = event.target;
    // A field is checked when it is left (focusout), not while a date is half typed.
    if (el.tagName === 'INPUT' && el.type !== 'checkbox') el.closest('.field')?.classList.add('editing');
    clearFieldError(el.closest('.field'));
    const row = el.closest('[data-row="members"]');
    if (row && /^(activityRequirement|sickness)\./.test(el.dataset.key ?? '')) delete loadedNested.get(row)?.[el.dataset.key.split('.')[0]];
    if (row && (el.dataset.key === 'displayName' || el.dataset.key === 'birthDate')) {
      updateMemberRow(row);
      refreshMemberSelects();
    }
    if (row && el.dataset.key === 'id') {
      el.dataset.auto = '0';
      // Incomes and costs follow a renamed member. An id cleared while retyping, or one that is for
      // the moment another person's ("c1" on the way to "c12"), keeps them on the old id until a new
      // unique one is typed, rather than moving them to (and then along with) another person.
      const id = el.value.trim();
      const others = memberIds().filter((m) => m.id === id).length > 1;
      if (id !== '' && !others) {
        renameMember(el.dataset.previous ?? '', id);
        el.dataset.previous = id;
      }
      refreshMemberSelects();
    }
    onInput(el);
  });

  form.addEventListener('change', (event) => {
    const el = event.target;
    touch(el);
    const row = el.closest('[data-row="members"]');
    if (row && el.dataset.key === 'activityRequirement.status') updateLawGroups(row);
    if (row && /^(activityRequirement|sickness)\./.test(el.dataset.key ?? '')) delete loadedNested.get(row)?.[el.dataset.key.split('.')[0]];
    if (row && el.dataset.key === 'role') {
      const idInput = row.querySelector('[data-key="id"]');
      if (idInput.dataset.auto === '1') {
        const before = idInput.value;
        idInput.value = nextId(el.value, before);
        renameMember(before, idInput.value);
        idInput.dataset.previous = idInput.value;
      }
      updateMemberRow(row);
      refreshMemberSelects();
    }
    // Text inputs reported on input. Selects and checkboxes report here too (Chromium also fires input
    // for them; the second call only restarts the debounce).
    if (el.tagName === 'SELECT' || el.type === 'checkbox') onInput(el);
  });

  form.addEventListener('focusout', (event) => {
    const el = event.target;
    if (!el.matches('input, select')) return;
    // A date typed as 19880514 or 1988-5-14 is shown as the engine reads it.
    if (el.dataset.kind === 'date' && el.value.trim() !== '' && normaliseDate(el.value) !== el.value) {
      el.value = normaliseDate(el.value);
      onInput(el);
    }
    // A personnummer with its century gives the birth date when none is typed yet.
    const card = el.closest('[data-row="members"]');
    if (card && el.dataset.key === 'personnummer') {
      const birth = card.querySelector('[data-key="birthDate"]');
      const date = normaliseDate(el.value.trim());
      if (birth.value.trim() === '' && /^\d{4}-\d{2}-\d{2}$/.test(date) && /^\d{8}[-+]?\d{4}$/.test(el.value.trim())) {
        birth.value = date;
        updateMemberRow(card);
        refreshMemberSelects();
        onInput(birth);
      }
    }
    el.closest('.field')?.classList.remove('editing');
    touch(el);
  });

  form.addEventListener('submit', (event) => event.preventDefault());

  // -- reading the household --

  function household() {
    const out = { ...topExtras };
    for (const key of TOP) put(out, key, textValue(fixed(key)));
    out.members = rowsOf('members').map((row) => {
      const m = { ...(extras.get(row) ?? {}) };
      const role = row.querySelector('[data-key="role"]').value;
      for (const key of keysFor(role)) {
        const el = row.querySelector(`[data-key="${key}"]`);
        put(m, key, key === 'role' ? el.value : read(el, el.dataset.kind));
      }
      if (ADULT_IN_CASE.includes(role)) for (const key of Object.keys(NESTED)) put(m, key, nestedValue(row, key));
      return m;
    });
    for (const list of ['incomes', 'costs', 'assets']) {
      const rows = rowsOf(list);
      if (rows.length === 0 && !present.has(list)) continue;
      out[list] = rows.map((row) => {
        const item = { ...(extras.get(row) ?? {}) };
        for (const key of ROW_KEYS[list]) {
          const el = row.querySelector(`[data-key="${key}"]`);
          put(item, key, key === 'amount' ? amountFromInput(el.value) : el.value === '' ? undefined : el.value);
        }
        return item;
      });
    }
    const c = { ...circumstancesExtras };
    for (const [key, kind] of Object.entries(CIRCUMSTANCES)) put(c, key, read(fixed(`circumstances.${key}`), kind));
    if (Object.keys(c).length > 0 || present.has('circumstances')) out.circumstances = c;
    return out;
  }

  /** An aktivitetskrav or sickness object from the card, only for a month it applies to; the fields of another status are not sent. */
  function nestedValue(row, key) {
    // Not for this month: what a loaded file had goes back unchanged (the engine says it was not used); typed values are not sent.
    if (law[LAW_GROUP[key]]?.inForce !== true) return loadedNested.get(row)?.[key];
    const value = (sub) => {
      const el = row.querySelector(`[data-key="${key}.${sub}"]`);
      return read(el, el.dataset.kind);
    };
    const out = {};
    if (key === 'activityRequirement') {
      const status = value('status');
      if (status === undefined) return undefined;
      out.status = status;
      if (status === 'exempt') put(out, 'exemption', value('exemption'));
      if (status === 'declined') put(out, 'acceptableReason', value('acceptableReason'));
    } else for (const sub of NESTED[key]) put(out, sub, value(sub));
    return Object.keys(out).length > 0 ? out : undefined;
  }

  // -- loading --

  function clear() {
    for (const list of LISTS) lists[list].replaceChildren();
    for (const key of TOP) fixed(key).value = '';
    for (const [key, kind] of Object.entries(CIRCUMSTANCES)) write(fixed(`circumstances.${key}`), kind, undefined);
    topExtras = {};
    circumstancesExtras = {};
    present = new Set();
    form.classList.remove('show-all');
    for (const el of form.querySelectorAll('.touched')) el.classList.remove('touched');
    clearErrors();
    showKept();
  }

  function reset(period) {
    clear();
    fixed('period').value = period;
    addMember('applicant');
  }

  function load(raw) {
    clear();
    const hh = raw && typeof raw === 'object' && !Array.isArray(raw) ? raw : {};
    topExtras = extrasOf(hh, [...TOP, ...LISTS, 'circumstances']);
    for (const key of TOP) write(fixed(key), 'text', typeof hh[key] === 'string' ? hh[key] : hh[key] === undefined || hh[key] === null ? undefined : String(hh[key]));
    for (const list of LISTS) {
      if (!Array.isArray(hh[list])) continue;
      if (list !== 'members') present.add(list);
      for (const item of hh[list]) {
        const values = item && typeof item === 'object' ? item : {};
        const row = list === 'members' ? addMember(values.role ?? 'applicant', values) : addItem(list, values);
        const known = list === 'members' ? knownFor(values.role) : ROW_KEYS[list];
        const extra = extrasOf(values, known);
        // A null, or a false checkbox, that the form would leave out is kept as given, so the input hash is the file's.
        for (const key of known) if (values[key] === null || (key === 'lunchOutsideHome' && values[key] === false)) extra[key] = values[key];
        if (Object.keys(extra).length > 0) extras.set(row, extra);
      }
    }
    if (hh.circumstances && typeof hh.circumstances === 'object') {
      present.add('circumstances');
      circumstancesExtras = extrasOf(hh.circumstances, Object.keys(CIRCUMSTANCES));
      for (const [key, kind] of Object.entries(CIRCUMSTANCES)) {
        const v = hh.circumstances[key];
        if (v === null) circumstancesExtras[key] = null;
        else write(fixed(`circumstances.${key}`), kind, v);
      }
    }
    refreshMemberSelects();
    for (const list of ['incomes', 'costs', 'assets']) {
      rowsOf(list).forEach((row, i) => {
        const v = hh[list][i];
        if (v && typeof v === 'object') refreshMemberSelect(row.querySelector('[data-key="memberId"]'), v.memberId ?? '');
      });
    }
    form.classList.add('show-all');
    showKept();
  }

  function showKept() {
    const kept = [];
    if (Object.keys(topExtras).length) kept.push(...Object.keys(topExtras));
    if (Object.keys(circumstancesExtras).length) kept.push(...Object.keys(circumstancesExtras).map((k) => `circumstances.${k}`));
    for (const list of LISTS) rowsOf(list).forEach((row, i) => {
      for (const key of Object.keys(extras.get(row) ?? {})) kept.push(`${list}[${i}].${key}`);
    });
    const note = form.querySelector('#kept-note');
    note.hidden = kept.length === 0;
    note.textContent = kept.length ? `Uppgifter från filen som formuläret inte visar skickas med oförändrade: ${kept.join(', ')}.` : '';
  }

  // -- types from the rules --

  function setTypes(next) {
    law = { period: next.period ?? null, activity: next.activityRequirement ?? null, certificate: next.medicalCertificate ?? null };
    if (Array.isArray(next.supportObstacles)) obstacles = next.supportObstacles;
    for (const row of rowsOf('members')) {
      for (const [key, options] of [['activityRequirement.exemption', exemptionOptions()], ['supportObstacle', obstacleOptions()]]) {
        const sel = row.querySelector(`[data-key="${key}"]`);
        const value = sel.value;
        sel.replaceChildren(...[['', sel.dataset.placeholder], ...options].map(([v, label]) => h('option', { value: v }, label)));
        write(sel, 'text', value);
      }
      updateMemberRow(row);
    }
    // A month whose rules are not published has no types: the lists typed so far are kept as they are (nothing is calculated).
    if (next.status === 'pending') return;
    types = { incomes: next.incomeTypes ?? [], costs: next.costTypes ?? [], assets: next.assetTypes ?? [] };
    for (const list of ['incomes', 'costs', 'assets']) {
      for (const row of rowsOf(list)) {
        const sel = row.querySelector('[data-key="type"]');
        const value = sel.value;
        sel.replaceChildren(...[['', sel.dataset.placeholder], ...typeOptions(list)].map(([v, label]) => h('option', { value: v }, label)));
        write(sel, 'text', value);
      }
    }
  }

  // -- errors --

  function clearErrors() {
    for (const el of form.querySelectorAll('.has-error, .has-need')) el.classList.remove('has-error', 'has-need');
    for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
    for (const el of form.querySelectorAll('.field-error, .list-error')) {
      el.textContent = '';
      el.hidden = true;
    }
  }

  /** The control (or list message) a problem's path belongs to. */
  function locate(path) {
    const m = /^(members|incomes|costs|assets)\[(\d+)\](?:\.([\w.]+))?/.exec(path);
    if (m) {
      const row = rowsOf(m[1])[Number(m[2])];
      if (row) {
        // "members[0].activityRequirement" is the card's aktivitetskrav: its first field.
        const control = m[3] ? (row.querySelector(`[data-key="${m[3]}"]`) ?? row.querySelector(`[data-key^="${m[3]}."]`)) : null;
        if (control && !control.closest('.field').hidden) return { control };
        return { control: row.querySelector('[data-key="role"], [data-key="type"]') };
      }
      return { list: form.querySelector(`[data-list-error="${m[1]}"]`) };
    }
    const control = fixed(path);
    if (control) return { control };
    const list = form.querySelector(`[data-list-error="${path}"]`);
    return list ? { list } : { list: form.querySelector('[data-list-error="(household)"]') };
  }

  /** Shows each problem next to its field; returns them with the id of that field (for the summary's links). */
  function showErrors(issues) {
    clearErrors();
    return issues.map((issue) => {
      const text = problemSv(issue);
      const where = locate(issue.path);
      let target = null;
      if (where.control) {
        const wrapper = where.control.closest('.field');
        const slot = wrapper.querySelector('.field-error');
        slot.textContent = slot.textContent ? `${slot.textContent} ${text}` : text;
        slot.hidden = false;
        wrapper.classList.add('has-error');
        where.control.setAttribute('aria-invalid', 'true');
        target = where.control.id;
      } else if (where.list) {
        where.list.textContent = where.list.textContent ? `${where.list.textContent} ${text}` : text;
        where.list.hidden = false;
      }
      return { issue, text, target };
    });
  }

  /** Marks the fields the decision says are missing (needsInformation), with the engine's Swedish text. */
  function showNeeds(items) {
    for (const n of items) {
      const where = locate(n.field);
      if (!where.control) continue;
      const wrapper = where.control.closest('.field');
      const slot = wrapper.querySelector('.field-error');
      slot.textContent = n.text;
      slot.hidden = false;
      wrapper.classList.add('has-need');
    }
  }

  /** Moves the focus to a problem's field and shows its message. */
  function focusPath(path) {
    const where = locate(path);
    const el = where.control ?? where.list;
    if (!el) return;
    el.closest('.field')?.classList.add('touched');
    if (where.list) el.closest('fieldset')?.scrollIntoView({ block: 'center' });
    else el.focus();
  }

  function showAll() {
    form.classList.add('show-all');
  }

  // -- what the page keeps (sessionStorage, undo): the household and the names, which are never sent --

  function state() {
    return { household: household(), names: rowsOf('members').map((row) => row.querySelector('[data-key="displayName"]').value) };
  }

  function restore(saved) {
    load(saved.household);
    rowsOf('members').forEach((row, i) => {
      row.querySelector('[data-key="displayName"]').value = saved.names?.[i] ?? '';
      updateMemberRow(row);
    });
    refreshMemberSelects();
  }

  /** Whether anything was typed beyond a fresh form (one applicant, this month). */
  function hasData() {
    const hh = household();
    const [first] = hh.members;
    const names = rowsOf('members').some((row) => row.querySelector('[data-key="displayName"]').value.trim() !== '');
    return names || hh.members.length !== 1 || Object.keys(first).some((k) => !['id', 'role'].includes(k)) || ['incomes', 'costs', 'assets', 'circumstances', 'caseId', 'municipality'].some((k) => k in hh);
  }

  return { household, load, reset, setTypes, showErrors, showNeeds, clearErrors, focusPath, showAll, state, restore, hasData, who, whose };
}
