/**
 * The comparison as one self-contained HTML page (docs/compare.md): no script, no font or style from
 * elsewhere, so it opens offline, can be mailed or archived with the nämnd's papers, and prints on A4.
 *
 * Charts are inline SVG drawn here in Node with d3-scale (scales and axis ticks) and d3-array (tick
 * steps for the histogram bins): small, well-kept libraries that compute positions only, no DOM. Every
 * figure is also in a table, and every number on the page comes from the summary (CompareSummary), which
 * is embedded as JSON data (<script type="application/json">, never executed) for machine checks.
 */
import { writeFileSync } from 'node:fs';
import { max, tickStep } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { barChart, count, esc, M, shortKr, svg, table, W } from '../explain/chart.ts';
import { formatKronorSv, ore, parseKronor } from '../money/index.ts';
import type { CompareSummary, Gender, HouseholdType, OutcomeKey } from './summary.ts';

const OUTCOME_SV: Record<OutcomeKey, string> = { approve: 'Bifall', partial: 'Delvis bifall', deny: 'Avslag', 'needs-information': 'Uppgifter saknas' };
const TYPE_SV: Record<HouseholdType, string> = {
  'single-no-children': 'Ensamstående utan barn',
  'single-with-children': 'Ensamstående med barn',
  'couple-no-children': 'Sammanboende utan barn',
  'couple-with-children': 'Sammanboende med barn',
  'with-other-adults': 'Med andra vuxna',
};
const GENDER_SV: Record<Gender, string> = { female: 'Kvinna', male: 'Man', other: 'Annat', unknown: 'Uppgift saknas' };
const OUTCOMES: readonly OutcomeKey[] = ['approve', 'partial', 'deny', 'needs-information'];
const GENDERS: readonly Gender[] = ['female', 'male', 'other', 'unknown'];

const BASE_COLOUR = '#5b6573';
const REFORM_COLOUR = '#1d4ed8';
const LOSS_COLOUR = '#b45309';

/** Kronor the Swedish way ("12 340 kr", "−1 200,50 kr"), from a kronor string of the summary. */
export function kr(amount: string): string {
  return formatKronorSv(ore(parseSigned(amount)));
}

/** Kronor given as a number of kronor (axis ticks, bin edges). */
const krNum = (kronor: number) => formatKronorSv(ore(Math.round(kronor * 100)));

const signedKr = (amount: string) => (amount.startsWith('-') || amount === '0' ? kr(amount) : `+${kr(amount)}`);

interface Bin {
  readonly fromOre: number;
  readonly toOre: number;
  households: number;
}

/**
 * The 10-kronor buckets of the summary regrouped into about 24 bins whose width is a round step of at
 * least 10 kr (10, 20, 50, 100, …): every bucket falls wholly into one bin, so the bins add up exactly.
 */
export function histogramBins(summary: CompareSummary): Bin[] {
  const buckets = summary.changeHistogram.buckets;
  if (buckets.length === 0) return [];
  const lo = parseSigned(buckets[0]!.from);
  const hi = parseSigned(buckets[buckets.length - 1]!.to);
  const step = Math.max(1000, Math.round(tickStep(lo / 100, hi / 100, 24) * 100));
  const first = Math.floor(lo / step) * step;
  const bins: Bin[] = [];
  for (let from = first; from < hi; from += step) bins.push({ fromOre: from, toOre: from + step, households: 0 });
  for (const b of buckets) bins[Math.floor((parseSigned(b.from) - first) / step)]!.households += b.households;
  return bins;
}

function parseSigned(amount: string): number {
  const negative = amount.startsWith('-');
  const value = parseKronor(negative ? amount.slice(1) : amount)!;
  return negative ? -value : value;
}

function histogramSvg(summary: CompareSummary): string {
  const bins = histogramBins(summary);
  if (bins.length === 0) return '<p>Ingen utbetalning ändras.</p>';
  const h = 300;
  const x = scaleLinear().domain([bins[0]!.fromOre / 100, bins[bins.length - 1]!.toOre / 100]).range([M.left, W - M.right]);
  const y = scaleLinear().domain([0, max(bins, (b) => b.households) ?? 1]).nice().range([h - M.bottom, M.top]);
  const bars = bins
    .map((b) => {
      const x0 = x(b.fromOre / 100);
      const x1 = x(b.toOre / 100);
      const label = `${krNum(b.fromOre / 100)} till ${krNum(b.toOre / 100)}: ${count(b.households)} hushåll`;
      return `<rect x="${x0.toFixed(1)}" y="${y(b.households).toFixed(1)}" width="${Math.max(0, x1 - x0 - 1).toFixed(1)}" height="${(y(0) - y(b.households)).toFixed(1)}" fill="${b.toOre <= 0 ? LOSS_COLOUR : REFORM_COLOUR}" data-from="${b.fromOre / 100}" data-households="${b.households}"><title>${esc(label)}</title></rect>`;
    })
    .join('');
  const xTicks = x.ticks(8).map((t) => `<g transform="translate(${x(t).toFixed(1)},${h - M.bottom})"><line y2="5" stroke="#333"/><text y="18" text-anchor="middle">${esc(krNum(t))}</text></g>`).join('');
  const yTicks = y.ticks(5).map((t) => `<g transform="translate(${M.left},${y(t).toFixed(1)})"><line x2="-5" stroke="#333"/><line x2="${W - M.left - M.right}" stroke="#e5e7eb"/><text x="-8" dy="0.32em" text-anchor="end">${esc(count(t))}</text></g>`).join('');
  return svg('histogram', h, 'Fördelning av förändringen i utbetalning per hushåll', `Antal hushåll per förändring i kronor per månad, i steg om ${krNum((bins[0]!.toOre - bins[0]!.fromOre) / 100)}; förluster i brunt, ökningar i blått.`,
    `${yTicks}${bars}${xTicks}<line x1="${x(0).toFixed(1)}" x2="${x(0).toFixed(1)}" y1="${M.top}" y2="${h - M.bottom}" stroke="#111" stroke-dasharray="3 3"/><text x="${(W / 2).toFixed(0)}" y="${h - 12}" text-anchor="middle">Förändring i utbetalning per månad (reform − utgångsläge)</text>`);
}

function costByTypeSvg(summary: CompareSummary): string {
  return barChart({
    id: 'cost-by-type',
    title: 'Kostnad per hushållstyp',
    desc: 'Utbetalning per månad, utgångsläge och reform, per hushållstyp.',
    series: [
      { label: 'Utgångsläge', colour: BASE_COLOUR },
      { label: 'Reform', colour: REFORM_COLOUR },
    ],
    groups: summary.byHouseholdType.map((r) => ({
      label: TYPE_SV[r.type],
      values: [parseSigned(r.base) / 100, parseSigned(r.reform) / 100],
      titles: [`${TYPE_SV[r.type]}, utgångsläge: ${kr(r.base)}`, `${TYPE_SV[r.type]}, reform: ${kr(r.reform)}`],
      attrs: [`data-type="${r.type}" data-side="base" data-kronor="${esc(r.base)}"`, `data-type="${r.type}" data-side="reform" data-kronor="${esc(r.reform)}"`],
    })),
    tick: shortKr,
  });
}

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;color:#111;margin:2rem auto;max-width:62rem;padding:0 1rem;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.25rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ccc;padding-bottom:.2rem}
table{border-collapse:collapse;margin:.75rem 0 1rem;width:100%}caption{text-align:left;font-weight:600;padding:.25rem 0}
#by-household-type{font-size:.9rem}th,td{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.keys{display:grid;grid-template-columns:repeat(auto-fit,minmax(11rem,1fr));gap:.75rem;margin:1rem 0}
.key{border:1px solid #ccc;border-radius:.4rem;padding:.6rem .8rem}.key b{display:block;font-size:1.3rem}
.meta{color:#444;font-size:.9rem}code{font-size:.85em;word-break:break-all}figure{margin:1rem 0}figcaption{font-size:.9rem;color:#333}
section{break-inside:avoid-page}
@media print{body{margin:0;max-width:none;font-size:10pt}h2{break-after:avoid}table,figure,.keys{break-inside:avoid}a{color:inherit;text-decoration:none}}
@page{size:A4;margin:15mm}
`;

export function renderReport(summary: CompareSummary): string {
  const s = summary;
  const side = (v: unknown) => {
    const o = (v ?? {}) as { spec?: string; overlay?: string | null; overlayHash?: string | null };
    return `${esc(o.spec ?? '')}${o.overlayHash ? ` (överlägg <code>${esc(o.overlayHash)}</code>)` : ''}`;
  };
  const t = s.cost.total;
  const keys = [
    ['Jämförda hushåll', count(s.households), 'households'],
    ['Kostnad, utgångsläge', kr(t.base), 'cost-base'],
    ['Kostnad, reform', kr(t.reform), 'cost-reform'],
    ['Skillnad', signedKr(t.difference), 'cost-difference'],
    ['Hushåll som förlorar', count(s.losers.households), 'losers'],
    ['Barn i hushåll som förlorar', count(s.losers.children), 'children-losing'],
  ]
    .map(([label, value, id]) => `<div class="key"><span>${esc(label!)}</span><b id="key-${id}">${esc(value!)}</b></div>`)
    .join('');
  const byMonth = table('cost-by-month', 'Kostnad per månad', ['Månad', 'Hushåll', 'Utgångsläge', 'Reform', 'Skillnad'], s.cost.byMonth.map((m) => [m.period, count(m.households), kr(m.base), kr(m.reform), signedKr(m.difference)]));
  const byYear = table('cost-by-year', 'Kostnad per år (summan av månaderna i underlaget)', ['År', 'Månader', 'Utgångsläge', 'Reform', 'Skillnad'], s.cost.byYear.map((y) => [y.year, String(y.months), kr(y.base), kr(y.reform), signedKr(y.difference)]));
  const a = s.cost.annualised;
  const annual = table('cost-annualised', `Helårstakt (genomsnittlig månad × 12, ${a.months} månad${a.months === 1 ? '' : 'er'} i underlaget)`, ['Takt', 'Utgångsläge', 'Reform', 'Skillnad'], [['Per år', kr(a.base), kr(a.reform), signedKr(a.difference)]]);
  const transitions = table(
    'transitions',
    `Utfall före och efter (rader: utgångsläge, kolumner: reform); ${count(s.outcomes.changed)} hushåll byter utfall`,
    ['Utgångsläge \\ Reform', ...OUTCOMES.map((o) => OUTCOME_SV[o]), 'Summa'],
    OUTCOMES.map((from) => [
      OUTCOME_SV[from],
      ...OUTCOMES.map((to) => count(s.outcomes.transitions.find((x) => x.from === from && x.to === to)?.households ?? 0)),
      count(s.outcomes.base[from]),
    ]),
  );
  const types = table(
    'by-household-type',
    'Vinnare och förlorare per hushållstyp (utbetalning per månad)',
    ['Hushållstyp', 'Hushåll', 'Får mer', 'Får mindre', 'Oförändrat', 'Utgångsläge', 'Reform', 'Skillnad', 'Barn i hushåll som förlorar'],
    s.byHouseholdType.map((r) => [TYPE_SV[r.type], count(r.households), count(r.winners), count(r.losers), count(r.unchanged), kr(r.base), kr(r.reform), signedKr(r.difference), count(r.childrenInLosingHouseholds)]),
  );
  const children = table(
    'children-affected',
    'Barn i hushåll som förlorar och som vinner, efter sökandens kön',
    ['Sökandens kön', 'Hushåll som förlorar', 'Barn i dem', 'Hushåll som vinner', 'Barn i dem'],
    [
      ...GENDERS.map((g) => [GENDER_SV[g], count(s.losers.byApplicantGender[g].households), count(s.losers.byApplicantGender[g].children), count(s.winners.byApplicantGender[g].households), count(s.winners.byApplicantGender[g].children)]),
      ['Totalt', count(s.losers.households), count(s.losers.children), count(s.winners.households), count(s.winners.children)],
    ],
  );
  const divergence = table('first-divergence', 'Första steg i beräkningen där reglerna ger olika resultat', ['Steg', 'Hushåll'], s.firstDivergence.map((d) => [d.step, count(d.households)]));
  const bins = histogramBins(s);
  const histTable = table('histogram-table', 'Förändring i utbetalning per månad (samma indelning som diagrammet; steg utan hushåll är utelämnade)', ['Från', 'Till (ej inklusive)', 'Hushåll'], bins.filter((b) => b.households > 0).map((b) => [krNum(b.fromOre / 100), krNum(b.toOre / 100), count(b.households)]));
  const e = s.errors;
  const data = JSON.stringify(s).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Jämförelse av regelverk – ekonomiskt bistånd</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Jämförelse av regelverk för ekonomiskt bistånd</h1>
<p class="meta">Utgångsläge: ${side(s['base'])}<br>Reform: ${side(s['reform'])}<br>
${count(s.lines)} rader, ${count(s.households)} hushåll jämförda; ${count(e.input + e.base + e.reform + e.both)} rader med fel (${count(e.input)} ej läsbara, ${count(e.base)} bara utgångsläget, ${count(e.reform)} bara reform, ${count(e.both)} båda) finns i utfilen med sina felkoder.
Beräkningen är ett förslag per hushåll: beslut fattas av en handläggare.</p>
<section aria-labelledby="h-keys"><h2 id="h-keys">Sammanfattning</h2><div class="keys">${keys}</div>
${byMonth}${byYear}${annual}</section>
<section aria-labelledby="h-hist"><h2 id="h-hist">Förändring i utbetalning</h2>
<figure>${histogramSvg(s)}<figcaption>${count(s.winners.households)} hushåll får mer, ${count(s.losers.households)} får mindre; ${count(s.unchanged)} hushåll med oförändrad utbetalning och ${count(s.withoutAmount)} utan belopp (uppgifter saknas) ingår inte i diagrammet.</figcaption></figure>
${histTable}</section>
<section aria-labelledby="h-types"><h2 id="h-types">Kostnad per hushållstyp</h2>
<figure>${costByTypeSvg(s)}<figcaption>Summa utbetalning per månad för hushållen i underlaget.</figcaption></figure>
${types}</section>
<section aria-labelledby="h-outcomes"><h2 id="h-outcomes">Utfall</h2>${transitions}</section>
<section aria-labelledby="h-children"><h2 id="h-children">Barn som berörs</h2>
<p>Barn räknas som i barnkonsekvensanalysen: under 18 år, eller 18–20 år och i skolan. ${count(s.losers.children)} barn bor i hushåll som får mindre med reformen.</p>${children}</section>
<section aria-labelledby="h-div"><h2 id="h-div">Var beräkningarna skiljer sig</h2>${divergence}</section>
</main>
<script type="application/json" id="compare-summary">${data}</script>
</body>
</html>
`;
}

export function writeReport(path: string, summary: CompareSummary): void {
  writeFileSync(path, renderReport(summary));
}
