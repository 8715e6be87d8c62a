/**
 * Charts and tables as HTML text, for the compare report (src/compare/report.ts, drawn in Node) and the
 * unit's statistics page (src/web/app/statistics.ts, drawn in the browser): inline SVG whose positions
 * d3-scale computes (scales and axis ticks; no DOM), and the table every chart stands over, since a chart
 * is never the only carrier of a figure. Every text is escaped here.
 */
import { max } from 'd3-array';
import { scaleBand, scaleLinear } from 'd3-scale';

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A count with a space as thousands separator ("1 000 000"). */
export function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** Axis labels: "12 mkr", "800 tkr", "500 kr". */
export function shortKr(kronor: number): string {
  if (Math.abs(kronor) >= 1e6) return `${String(kronor / 1e6).replace('.', ',')} mkr`;
  if (Math.abs(kronor) >= 1e3) return `${String(kronor / 1e3).replace('.', ',')} tkr`;
  return `${kronor} kr`;
}

/** The drawing's width in SVG units (it scales to the page's width) and its margins. */
export const W = 720;
export const M = { top: 16, right: 32, bottom: 56, left: 72 };

/** An SVG with its title and description (role img, named by both). */
export function svg(id: string, h: number, title: string, desc: string, body: string): string {
  return `<svg id="${esc(id)}" viewBox="0 0 ${W} ${h}" width="100%" role="img" aria-labelledby="${esc(id)}-title ${esc(id)}-desc" font-family="system-ui, sans-serif" font-size="12"><title id="${esc(id)}-title">${esc(title)}</title><desc id="${esc(id)}-desc">${esc(desc)}</desc>${body}</svg>`;
}

/** A table with a caption; the first cell of each row is its heading; `numeric` right-aligns the other columns. */
export function table(id: string, caption: string, head: readonly string[], rows: readonly (readonly string[])[], numeric = true): string {
  const th = head.map((c, i) => `<th scope="col"${i > 0 && numeric ? ' class="num"' : ''}>${esc(c)}</th>`).join('');
  const tr = rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${esc(c)}</th>` : `<td${numeric ? ' class="num"' : ''}>${esc(c)}</td>`)).join('')}</tr>`).join('');
  return `<table id="${esc(id)}"><caption>${esc(caption)}</caption><thead><tr>${th}</tr></thead><tbody>${tr}</tbody></table>`;
}

export interface BarSeries {
  readonly label: string;
  readonly colour: string;
}

export interface BarGroup {
  /** The category's label under (vertical) or beside (horizontal) its bars. */
  readonly label: string;
  /** One value per series; null draws no bar (a figure not shown or not known: the table says which). */
  readonly values: readonly (number | null)[];
  /** Each bar's tooltip (its <title>), per series. */
  readonly titles: readonly string[];
  /** Data attributes of each bar, per series, as HTML attribute text (for machine checks), already escaped. */
  readonly attrs?: readonly string[];
}

export interface BarChart {
  readonly id: string;
  readonly title: string;
  readonly desc: string;
  readonly series: readonly BarSeries[];
  readonly groups: readonly BarGroup[];
  /** An axis tick's text. */
  readonly tick: (value: number) => string;
  readonly orientation?: 'vertical' | 'horizontal';
  /** Vertical: the drawing's height (default 330). */
  readonly height?: number;
  /** The values are counts: the axis has whole-number ticks only. */
  readonly integer?: boolean;
}

function legend(series: readonly BarSeries[], x: number, y: number): string {
  if (series.length < 2) return '';
  return `<g transform="translate(${x},${y})">${series.map((s, i) => `<rect x="${i * 180}" width="12" height="12" y="-10" fill="${esc(s.colour)}"/><text x="${i * 180 + 18}">${esc(s.label)}</text>`).join('')}</g>`;
}

/** Grouped bars from zero: one group per category, one bar per series, a value axis with about five ticks. */
export function barChart(c: BarChart): string {
  return (c.orientation ?? 'vertical') === 'vertical' ? verticalBars(c) : horizontalBars(c);
}

const top = (c: BarChart) => max(c.groups, (g) => max(g.values, (v) => v ?? 0) ?? 0) ?? 0;
const bar = (x: number, y: number, w: number, h: number, colour: string, title: string, attrs: string | undefined) =>
  `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${Math.max(0, w).toFixed(1)}" height="${Math.max(0, h).toFixed(1)}" fill="${esc(colour)}"${attrs ? ` ${attrs}` : ''}><title>${esc(title)}</title></rect>`;

/** The axis ticks, whole numbers only for counts. */
const ticksOf = (c: BarChart, ticks: number[]) => (c.integer ? ticks.filter((t) => Number.isInteger(t)) : ticks);

/** Every bar with a value, placed by `at` (group, series, value → x, y, width, height). */
function eachBar(c: BarChart, at: (group: number, series: number, value: number) => [number, number, number, number]): string {
  return c.groups
    .map((g, gi) =>
      c.series
        .map((s, si) => {
          const v = g.values[si];
          if (v === null || v === undefined) return '';
          const [x, y, w, h] = at(gi, si, v);
          return bar(x, y, w, h, s.colour, g.titles[si] ?? '', g.attrs?.[si]);
        })
        .join(''),
    )
    .join('');
}

function verticalBars(c: BarChart): string {
  const h = c.height ?? 330;
  const keys = c.groups.map((_, i) => String(i));
  const x0 = scaleBand<string>().domain(keys).range([M.left, W - M.right]).paddingInner(0.25).paddingOuter(0.1);
  const x1 = scaleBand<string>().domain(c.series.map((_, i) => String(i))).range([0, x0.bandwidth()]).padding(0.05);
  const highest = top(c);
  const y = scaleLinear().domain([0, highest > 0 ? highest : 1]).nice().range([h - M.bottom, M.top]);
  const bars = eachBar(c, (gi, si, v) => [x0(String(gi))! + x1(String(si))!, y(v), x1.bandwidth(), y(0) - y(v)]);
  const xLabels = c.groups
    .map((g, gi) => {
      const [first, ...rest] = g.label.split(' ');
      const cx = (x0(String(gi))! + x0.bandwidth() / 2).toFixed(1);
      return `<text x="${cx}" y="${h - M.bottom + 16}" text-anchor="middle"><tspan x="${cx}">${esc(first!)}</tspan>${rest.length > 0 ? `<tspan x="${cx}" dy="1.2em">${esc(rest.join(' '))}</tspan>` : ''}</text>`;
    })
    .join('');
  const yTicks = ticksOf(c, y.ticks(5)).map((t) => `<g transform="translate(${M.left},${y(t).toFixed(1)})"><line x2="-5" stroke="#333"/><line x2="${W - M.left - M.right}" stroke="#e5e7eb"/><text x="-8" dy="0.32em" text-anchor="end">${esc(c.tick(t))}</text></g>`).join('');
  return svg(c.id, h, c.title, c.desc, `${yTicks}${bars}${xLabels}${legend(c.series, M.left, h - 6)}`);
}

/** A horizontal chart's label wraps at a space after this many characters. */
const LABEL_CHARS = 36;

/** The label in lines of at most `width` characters, broken at spaces (a longer word stands alone). */
export function wrap(label: string, width: number): string[] {
  const out: string[] = [];
  for (const word of label.split(' ')) {
    const last = out.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width) out[out.length - 1] = `${last} ${word}`;
    else out.push(word);
  }
  return out.length > 0 ? out : [''];
}

/** Horizontal bars, for long category labels (försörjningshinder): the labels on the left, the values along. */
function horizontalBars(c: BarChart): string {
  const lines = c.groups.map((g) => wrap(g.label, LABEL_CHARS));
  const left = Math.min(330, 16 + 6.4 * Math.max(0, ...lines.flat().map((l) => l.length)));
  const rowHeight = Math.max(10 + 16 * c.series.length, 8 + 14 * Math.max(1, ...lines.map((l) => l.length)));
  const legendSpace = c.series.length > 1 ? 24 : 0;
  const h = M.top + rowHeight * c.groups.length + 32 + legendSpace;
  const keys = c.groups.map((_, i) => String(i));
  const y0 = scaleBand<string>().domain(keys).range([M.top, M.top + rowHeight * c.groups.length]).paddingInner(0.2);
  const y1 = scaleBand<string>().domain(c.series.map((_, i) => String(i))).range([0, y0.bandwidth()]).padding(0.05);
  const highest = top(c);
  const x = scaleLinear().domain([0, highest > 0 ? highest : 1]).nice().range([left, W - M.right]);
  const axisY = M.top + rowHeight * c.groups.length;
  const bars = eachBar(c, (gi, si, v) => [x(0), y0(String(gi))! + y1(String(si))!, x(v) - x(0), y1.bandwidth()]);
  const labels = lines
    .map((ls, gi) => {
      const x = (left - 8).toFixed(1);
      const first = y0(String(gi))! + y0.bandwidth() / 2 - ((ls.length - 1) * 14) / 2;
      return `<text x="${x}" y="${first.toFixed(1)}" dy="0.32em" text-anchor="end">${ls.map((l, i) => `<tspan x="${x}"${i > 0 ? ' dy="14"' : ''}>${esc(l)}</tspan>`).join('')}</text>`;
    })
    .join('');
  const ticks = ticksOf(c, x.ticks(5)).map((t) => `<g transform="translate(${x(t).toFixed(1)},${axisY})"><line y2="5" stroke="#333"/><line y2="${-(axisY - M.top)}" stroke="#e5e7eb"/><text y="18" text-anchor="middle">${esc(c.tick(t))}</text></g>`).join('');
  return svg(c.id, h, c.title, c.desc, `${ticks}${bars}${labels}${legend(c.series, left, h - 6)}`);
}
