/**
 * The unit's statistics page (issue 25 item 3; src/web/public/statistik.html, bundled by scripts/build.mjs
 * into dist/web/statistik.js). It reads GET /api/statistics for the months chosen in the form and draws
 * each table's charts with the compare report's chart code (src/explain/chart.ts), the table under them
 * and a link to the table as CSV. The API gives no personal data; a hidden small count shows as "<3".
 */
import { barChart, count, esc, shortKr, table } from '../../explain/chart.ts';
import { formatKronorSv, type Ore } from '../../money/index.ts';

import type { Cell, Chart, Column, Hidden, StatTable, UnitStatistics } from '../../statistics/unit.ts';

/** What GET /api/statistics answers (src/web/statistics/routes.ts). */
type Statistics = UnitStatistics & { readonly available: readonly string[]; readonly mayExport: boolean };

const SERIES_COLOURS = ['#1d4ed8', '#b45309', '#5b6573'];

const isHidden = (c: Cell): c is Hidden => c !== null && typeof c === 'object';
const hiddenText = (c: Hidden) => (c.below === null ? '..' : `<${c.below}`);

/** A cell as the page shows it. */
function shown(kind: Column['kind'], cell: Cell): string {
  if (cell === null) return '–';
  if (isHidden(cell)) return hiddenText(cell);
  if (typeof cell === 'string') return cell;
  if (kind === 'amount') return formatKronorSv(cell as Ore);
  if (kind === 'share') return `${(cell / 10).toFixed(1).replace('.', ',')} %`;
  if (kind === 'days') return String(cell).replace('.', ',');
  return count(cell);
}

/** A bar's length: kronor for an amount, percent for a share; nothing for a hidden or missing figure. */
function barValue(kind: Column['kind'], cell: Cell): number | null {
  if (typeof cell !== 'number') return null;
  return kind === 'amount' ? cell / 100 : kind === 'share' ? cell / 10 : cell;
}

const tick = (kind: Column['kind']) => (v: number) => (kind === 'amount' ? shortKr(v) : kind === 'share' ? `${String(v).replace('.', ',')} %` : count(v));

function chartOf(t: StatTable, ch: Chart, index: number): string {
  const col = (key: string) => t.columns.findIndex((c) => c.key === key);
  const ci = col(ch.category);
  const series = ch.series.map((key, i) => ({ column: t.columns[col(key)]!, at: col(key), colour: SERIES_COLOURS[i % SERIES_COLOURS.length]! }));
  const kind = series[0]!.column.kind;
  const chart = barChart({
    id: `chart-${t.id}-${index}`,
    title: ch.title,
    desc: `Samma siffror som i tabellen ${t.title} nedan${series.length > 1 ? `; ${series.map((s, i) => `${['blå', 'brun', 'grå'][i]}: ${s.column.label}`).join(', ')}` : ''}. Dolda små antal ritas inte.`,
    orientation: ch.orientation,
    series: series.map((s) => ({ label: s.column.label, colour: s.colour })),
    groups: t.rows.map((r) => {
      const label = String(r[ci] ?? '');
      return {
        label,
        values: series.map((s) => barValue(s.column.kind, r[s.at] ?? null)),
        titles: series.map((s) => `${label}, ${s.column.label}: ${shown(s.column.kind, r[s.at] ?? null)}`),
        attrs: series.map((s) => `data-category="${esc(label)}" data-series="${esc(s.column.key)}" data-value="${esc(typeof r[s.at] === 'number' ? String(r[s.at]) : '')}"`),
      };
    }),
    tick: tick(kind),
    integer: kind === 'count',
  });
  return `<figure>${chart}<figcaption>${esc(ch.title)}. Siffrorna står i tabellen under diagrammet.</figcaption></figure>`;
}

function sectionOf(t: StatTable, query: string): string {
  const head = t.columns.map((c) => c.label);
  const rows = t.rows.map((r) => t.columns.map((c, i) => shown(c.kind, r[i] ?? null)));
  const csv = `/api/statistics/csv/${encodeURIComponent(t.id)}?${query}`;
  return `<section class="s-section" id="s-${esc(t.id)}" aria-labelledby="h-${esc(t.id)}"><h2 id="h-${esc(t.id)}">${esc(t.title)}</h2>${t.charts.map((ch, i) => chartOf(t, ch, i)).join('')}<div class="s-scroll" role="region" tabindex="0" aria-label="Tabell: ${esc(t.title)}">${table(`t-${t.id}`, t.title, head, rows)}</div><p class="s-definition">${esc(t.definition)}</p><p><a class="s-csv" href="${esc(csv)}">Ladda ner tabellen ”${esc(t.title)}” som CSV</a></p></section>`;
}

function render(s: Statistics, query: string): string {
  const k = s.keys;
  const keys = [
    ['Hushåll med utbetalning i perioden', shown('count', k.households), 'households'],
    ['Hushållsmånader', shown('count', k.householdMonths), 'household-months'],
    ['Utbetalt i perioden', shown('amount', k.paidOre), 'paid'],
    [`Ärenden som passerat förfallodagen i dag (${s.today})`, shown('count', k.pastDue), 'past-due'],
  ]
    .map(([label, value, id]) => `<li><span>${esc(label!)}</span><b id="key-${id}">${esc(value!)}</b></li>`)
    .join('');
  const incomplete = k.incomplete > 0 ? `<p class="s-note">${count(k.incomplete)} hushållsmånader har registrerade uppgifter som EKB-Månad inte godtar (till exempel ett försörjningshinder som saknas); de räknas här som de är registrerade.</p>` : '';
  const rule = `<p class="s-note">Antal från 1 till ${s.rules.minimumCount - 1} visas som ”&lt;${s.rules.minimumCount}”, och då visas inte heller beloppet eller andelen som hör till dem; ”..” är en siffra som döljs för att en dold inte ska kunna räknas fram (rules/unit-statistics.json). Långvarigt bistånd: utbetalning i minst ${s.rules.longTermMonths} av ${s.rules.longTermWindow} månader.</p>`;
  const ekb = s.mayExport
    ? `<section class="s-section" aria-labelledby="h-ekb"><h2 id="h-ekb">EKB-Månad till Socialstyrelsen</h2><p>Filen innehåller personnummer och laddas ner bara av dig med rollen för exporten; varje nedladdning loggas. Lämnas senast den 15:e månaden efter den månad biståndet avser.</p><ul>${[...s.available].reverse().slice(0, 13).map((p) => `<li><a href="/api/statistics/ekb/${esc(p)}">EKB-Månad ${esc(p)}</a></li>`).join('')}</ul></section>`
    : '';
  return `<p>Perioden ${esc(s.from)} till och med ${esc(s.to)}.</p><ul class="s-keys" aria-label="Sammanfattning">${keys}</ul>${rule}${incomplete}${s.tables.map((t) => sectionOf(t, query)).join('')}${ekb}`;
}

const status = document.getElementById('status')!;
const report = document.getElementById('report')!;
const form = document.getElementById('range') as HTMLFormElement;
const fromInput = document.getElementById('from') as HTMLInputElement;
const toInput = document.getElementById('to') as HTMLInputElement;

async function load(from: string | null, to: string | null): Promise<void> {
  const params = new URLSearchParams();
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  status.textContent = 'Hämtar statistiken …';
  const response = await fetch(`/api/statistics?${params.toString()}`, { headers: { Accept: 'application/json' } });
  const body = (await response.json()) as Statistics | { errors: { message: string }[] };
  if (!response.ok || 'errors' in body) {
    const errors = 'errors' in body ? body.errors : [];
    report.innerHTML = `<p class="s-note" role="alert">${esc(errors.map((e) => e.message).join(' ') || `Statistiken kunde inte hämtas (${response.status}).`)}</p>`;
    status.textContent = '';
    return;
  }
  fromInput.value = body.from;
  toInput.value = body.to;
  const query = new URLSearchParams({ from: body.from, to: body.to }).toString();
  history.replaceState(null, '', `/statistik?${query}`);
  report.innerHTML = render(body, query);
  status.textContent = `Statistiken för ${body.from} till och med ${body.to} visas.`;
  document.body.dataset['ready'] = 'true';
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  delete document.body.dataset['ready'];
  void load(fromInput.value || null, toInput.value || null);
});

const initial = new URLSearchParams(location.search);
void load(initial.get('from'), initial.get('to'));
