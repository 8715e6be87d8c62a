/**
 * The resident page and its printable summary as HTML (issue 12), rendered on the server from a
 * message catalogue and the month's rules: it works without JavaScript, in every browser, read aloud
 * by a screen reader, and `lang`/`dir` come from the catalogue. Every text goes through the
 * Translator (a missing key throws); every figure is a <data value="kronor"> element so a test can
 * compare it with the engine exactly, whatever digits the language writes.
 */
import type { InputIssue } from '../../household/types.ts';
import { add, formatKronor, parseKronor } from '../../money/index.ts';
import { LANGS, type Lang, type Translator } from './catalog.ts';
import { LUNCH_MAX_AGE, MAX_CHILDREN, SELF_CHECK_COSTS, SELF_CHECK_INCOMES, type SelfCheckEstimate } from './estimate.ts';
import type { Amount, ResidentInfo } from './info.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** The form as typed, by field name (adult1, adult2, child1…, lunch1…, cost.rent, income.salary, …). */
export type FormValues = Readonly<Record<string, string>>;

export interface PageState {
  readonly t: Translator;
  /** Every language's translator, for the language menu (each name in its own language). */
  readonly all: Readonly<Record<Lang, Translator>>;
  readonly period: string;
  readonly info: ResidentInfo | null;
  readonly form: FormValues;
  readonly estimate: SelfCheckEstimate | null;
  /** Field errors by form field name. */
  readonly errors: ReadonlyMap<string, InputIssue>;
}

const query = (lang: string, period: string): string => `?lang=${encodeURIComponent(lang)}&amp;month=${encodeURIComponent(period)}`;

function head(t: Translator, title: string, extraCss = ''): string {
  return `<!doctype html>
<html lang="${esc(t.lang)}" dir="${t.meta.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${esc(title)}</title>
<link rel="stylesheet" href="/invanare/assets/style.css">${extraCss}
</head>`;
}

function languageMenu(s: PageState, path: string): string {
  const items = LANGS.map((lang) => {
    const other = s.all[lang];
    const current = lang === s.t.lang ? ' aria-current="page"' : '';
    return `<li><a href="${path}${query(lang, s.period)}" lang="${lang}" hreflang="${lang}" dir="${other.meta.dir}"${current}>${esc(other.meta.name)}</a></li>`;
  }).join('');
  return `<nav class="languages" aria-label="${esc(s.t.t('page.languages'))}"><ul>${items}</ul></nav>`;
}

const money = (t: Translator, kronor: string): string => `<data value="${esc(kronor)}">${esc(t.money(kronor))}</data>`;
const starred = (t: Translator, a: Amount): string => `${money(t, a.amount)}${a.status === 'estimate' ? '<span aria-hidden="true"> *</span>' : ''}`;
const cite = (t: Translator, info: ResidentInfo, ...topics: string[]): string => {
  const refs = topics.map((topic) => info.refs[topic]).filter((r): r is string => r !== undefined);
  // Legal citations stay in Swedish (they name Swedish statutes); marked as such for screen readers.
  return refs.length === 0 ? '' : `<p class="ref">${esc(t.t('legalRef', { ref: '\u0000' })).replace('\u0000', `<span lang="sv" dir="ltr">${esc(refs.join('; '))}</span>`)}</p>`;
};
const list = (items: readonly string[]): string => `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;

function normSection(t: Translator, info: ResidentInfo, period: string): string {
  const childLabel = (min: number, max: number) => esc(min === max ? t.t('norm.childAge', { age: t.number(min) }) : t.t('norm.childAgeRange', { min: t.number(min), max: t.number(max) }));
  const lunchCell = (a: Amount | null, minAge: number) => (a !== null && minAge <= LUNCH_MAX_AGE ? starred(t, a) : '–');
  const rows = [
    `<tr><th scope="row">${esc(t.t('norm.single'))}</th><td>${starred(t, info.single)}</td><td>–</td></tr>`,
    `<tr><th scope="row">${esc(t.t('norm.cohabiting'))}</th><td>${starred(t, info.cohabiting)}</td><td>–</td></tr>`,
    ...info.children.map((c) => `<tr><th scope="row">${childLabel(c.minAge, c.maxAge)}</th><td>${starred(t, c.withLunch)}</td><td>${lunchCell(c.withoutLunch, c.minAge)}</td></tr>`),
  ].join('');
  const common = info.common.map((a, i) => `<tr><th scope="row">${esc(t.number(i + 1))}</th><td>${starred(t, a)}</td></tr>`).join('');
  const singleTotal = formatKronor(add(parseKronor(info.single.amount)!, parseKronor(info.common[0]!.amount)!));
  return `<section id="norm" aria-labelledby="norm-h">
<h2 id="norm-h">${esc(t.t('norm.heading', { month: t.month(period) }))}</h2>
<p>${esc(t.t('norm.intro'))}</p>
<p>${esc(t.t('norm.covers'))}</p>
<table><caption>${esc(t.t('norm.personalCaption'))}</caption>
<thead><tr><th scope="col">${esc(t.t('norm.colPerson'))}</th><th scope="col">${esc(t.t('norm.colAmount'))}</th><th scope="col">${esc(t.t('norm.colWithoutLunch'))}</th></tr></thead>
<tbody>${rows}</tbody></table>
<table><caption>${esc(t.t('norm.commonCaption'))}</caption>
<thead><tr><th scope="col">${esc(t.t('norm.colPersons'))}</th><th scope="col">${esc(t.t('norm.colAmount'))}</th></tr></thead>
<tbody>${common}</tbody></table>
<p>${esc(t.t('norm.extraMember', { amount: '\u0000' })).replace('\u0000', money(t, info.commonPerExtraMember))}</p>
<p>${fill(t, 'norm.example', { personal: money(t, info.single.amount), common: money(t, info.common[0]!.amount), total: money(t, singleTotal) })}</p>
${info.hasEstimates ? `<p>${esc(t.t('norm.preliminary'))}</p>` : ''}
${cite(t, info, 'riksnorm', 'normAmounts')}
</section>`;
}

/** A message with HTML arguments: the text is escaped, the arguments are inserted as given. */
function fill(t: Translator, key: string, html: Readonly<Record<string, string>>): string {
  const marks = Object.fromEntries(Object.keys(html).map((k, i) => [k, `\u0000${i}\u0000`]));
  let out = esc(t.t(key, marks));
  Object.values(html).forEach((value, i) => {
    out = out.replace(`\u0000${i}\u0000`, value);
  });
  return out;
}

function infoSections(t: Translator, info: ResidentInfo, period: string): string {
  const costLabel = (type: string) => esc(t.has(`cost.${type}`) ? t.t(`cost.${type}`) : type);
  return `${normSection(t, info, period)}
<section id="costs" aria-labelledby="costs-h">
<h2 id="costs-h">${esc(t.t('costs.heading'))}</h2>
<p>${esc(t.t('costs.reasonable'))}</p>
${list(info.reasonableCosts.map(costLabel))}
<p>${esc(t.t('costs.rentLevel'))}</p>
${cite(t, info, 'reasonableCosts')}
<p>${esc(t.t('costs.assessed'))}</p>
${list(info.assessedCosts.map(costLabel))}
<p>${esc(t.t('costs.askFirst'))}</p>
${cite(t, info, 'livsforing')}
</section>
<section id="krav" aria-labelledby="req-h">
<h2 id="req-h">${esc(t.t('req.heading'))}</h2>
<p>${esc(t.t('req.right'))}</p>
${cite(t, info, 'rightToAssistance')}
${list([esc(t.t('req.labourMarket')), esc(t.t('req.assets')), esc(t.t('req.otherBenefits')), esc(t.t('req.household'))])}
${cite(t, info, 'labourMarket', 'ownMeans')}
</section>
<section id="ansok" aria-labelledby="apply-h">
<h2 id="apply-h">${esc(t.t('apply.heading'))}</h2>
${list(['apply.where', 'apply.how', 'apply.everyone', 'apply.interpreter'].map((k) => esc(t.t(k))))}
<h3>${esc(t.t('bring.heading'))}</h3>
${list(['bring.id', 'bring.housing', 'bring.bank', 'bring.income', 'bring.work', 'bring.costs'].map((k) => esc(t.t(k))))}
</section>
<section id="overklaga" aria-labelledby="appeal-h">
<h2 id="appeal-h">${esc(t.t('appeal.heading'))}</h2>
<p>${esc(t.t('appeal.right'))} ${esc(t.t('appeal.how'))} ${esc(t.t('appeal.help'))}</p>
${cite(t, info, 'appealRoute', 'appealDeadline')}
</section>`;
}

function resultSection(t: Translator, e: SelfCheckEstimate, info: ResidentInfo): string {
  const row = (key: string, amount: string, id: string) => `<div><dt>${esc(t.t(key))}</dt><dd id="${id}">${money(t, amount)}</dd></div>`;
  const differs = [esc(t.t('differs.assets')), esc(t.t('differs.labourMarket')), esc(t.t('differs.costs'))];
  if (info.jobbstimulans) differs.push(esc(t.t('differs.jobbstimulans', { months: t.number(info.jobbstimulans.months), percent: t.number(Number(info.jobbstimulans.percent)) })));
  differs.push(esc(t.t('differs.evidence')));
  return `<section id="resultat" class="result" aria-labelledby="result-h" tabindex="-1">
<h3 id="result-h">${esc(t.t('result.heading', { month: t.month(e.period) }))}</h3>
<p class="not-decision"><strong>${esc(t.t('notDecision'))}</strong></p>
<dl>
${row('result.norm', e.norm, 'r-norm')}
${row('result.costs', e.costs, 'r-costs')}
${row('result.need', e.need, 'r-need')}
${row('result.income', e.income, 'r-income')}
${row('result.indicative', e.indicative, 'r-indicative')}
</dl>
${e.incomeCoversNeed ? `<p>${esc(t.t('result.covered'))} ${esc(t.t('apply.everyone'))}</p>` : ''}
${e.usesEstimatedRules ? `<p>${esc(t.t('result.preliminary', { month: t.month(e.period) }))}</p>` : ''}
<h4>${esc(t.t('differs.heading'))}</h4>
${list(differs)}
<h4>${esc(t.t('apply.heading'))}</h4>
<p>${esc(t.t('apply.where'))} ${esc(t.t('apply.how'))} <a href="#ansok">${esc(t.t('bring.heading'))}</a></p>
</section>`;
}

function field(s: PageState, name: string, label: string, kind: 'age' | 'amount', describedBy: string): string {
  const error = s.errors.get(name);
  const errorId = `${name.replace('.', '-')}-error`;
  const ids = [describedBy, error ? errorId : ''].filter((x) => x !== '').join(' ');
  const input = `<input id="f-${esc(name)}" name="${esc(name)}" type="text" inputmode="${kind === 'age' ? 'numeric' : 'decimal'}" autocomplete="off" dir="ltr" value="${esc(s.form[name] ?? '')}"${ids ? ` aria-describedby="${ids}"` : ''}${error ? ' aria-invalid="true"' : ''}>`;
  const message = error ? `<span class="error" id="${errorId}">${esc(s.t.t(`error.${error.code}`))}</span>` : '';
  return `<div class="field"><label for="f-${esc(name)}">${esc(label)}</label>${input}${message}</div>`;
}

function checkForm(s: PageState): string {
  const t = s.t;
  const children = Array.from({ length: MAX_CHILDREN }, (_, i) => {
    const n = t.number(i + 1);
    const lunch = `lunch${i + 1}`;
    return `<div class="child">${field(s, `child${i + 1}`, t.t('check.childAge', { n }), 'age', 'children-hint')}<div class="check"><input type="checkbox" id="f-${lunch}" name="${lunch}" value="1"${s.form[lunch] ? ' checked' : ''}><label for="f-${lunch}">${esc(t.t('check.childLunch', { n }))}</label></div></div>`;
  }).join('');
  const amounts = (prefix: 'cost' | 'income', types: readonly string[]) => types.map((type) => field(s, `${prefix}.${type}`, t.t(`${prefix}.${type}`), 'amount', `${prefix}-hint`)).join('');
  const summary =
    s.errors.size === 0
      ? ''
      : `<div class="error-summary" role="alert"><h3>${esc(t.t('check.errorsHeading'))}</h3><ul>${[...s.errors].map(([name, e]) => `<li><a href="#f-${esc(name)}">${esc(t.t(`error.${e.code}`))}</a></li>`).join('')}</ul></div>`;
  return `${summary}<form method="post" action="/invanare/${query(t.lang, s.period)}#resultat" novalidate>
<fieldset><legend>${esc(t.t('check.householdLegend'))}</legend>
${field(s, 'adult1', t.t('check.adult1Age'), 'age', '')}
${field(s, 'adult2', t.t('check.adult2Age'), 'age', '')}
<p class="hint" id="children-hint">${esc(t.t('check.childrenHint'))} ${esc(t.t('check.childrenOver17'))}</p>
<div class="children">${children}</div>
</fieldset>
<fieldset><legend>${esc(t.t('check.costsLegend'))}</legend>
<p class="hint" id="cost-hint">${esc(t.t('check.amountHint'))} ${esc(t.t('check.amountEmpty'))}</p>
${amounts('cost', SELF_CHECK_COSTS)}
</fieldset>
<fieldset><legend>${esc(t.t('check.incomesLegend'))}</legend>
<p class="hint" id="income-hint">${esc(t.t('check.amountHint'))} ${esc(t.t('check.amountEmpty'))}</p>
${amounts('income', SELF_CHECK_INCOMES)}
</fieldset>
<button type="submit">${esc(t.t('check.submit'))}</button>
</form>`;
}

function footer(s: PageState, info: ResidentInfo | null): string {
  const t = s.t;
  return `<footer>
<p>${esc(t.t('footer.review'))}</p>
<p>${esc(t.t('footer.privacy'))}</p>
${info ? `<p>${esc(t.t('footer.rules', { month: t.month(s.period), law: info.law }))}</p>` : ''}
</footer>`;
}

function monthPicker(s: PageState, path: string): string {
  const t = s.t;
  return `<form method="get" action="${path}" class="month">
<input type="hidden" name="lang" value="${esc(t.lang)}">
<label for="month">${esc(t.t('page.monthLabel'))}</label>
<input id="month" name="month" type="month" value="${esc(s.period)}" dir="ltr">
<button type="submit">${esc(t.t('page.monthButton'))}</button>
</form>`;
}

function noRules(t: Translator, period: string): string {
  return `<div role="alert"><p>${esc(t.t('page.noRules', { month: t.month(period) }))}</p><p>${esc(t.t('page.noRulesHint'))}</p></div>`;
}

/** GET /invanare/ (and the answer to the form's POST): information, the self-check and its result. */
export function renderResidentPage(s: PageState): string {
  const t = s.t;
  const body = s.info
    ? `<section id="provberakning" aria-labelledby="check-h">
<h2 id="check-h">${esc(t.t('check.heading'))}</h2>
<p>${esc(t.t('check.intro'))}</p>
<p>${esc(t.t('notDecision'))}</p>
${s.estimate ? resultSection(t, s.estimate, s.info) : ''}
${checkForm(s)}
</section>
${infoSections(t, s.info, s.period)}`
    : noRules(t, s.period);
  return `${head(t, t.t('page.title'))}
<body>
<header>${languageMenu(s, '/invanare/')}</header>
<main id="main">
<h1>${esc(t.t('page.title'))}</h1>
<p>${esc(t.t('page.intro'))} ${esc(t.t('page.noLogin'))}</p>
${monthPicker(s, '/invanare/')}
<p>${esc(t.t('page.month', { month: t.month(s.period) }))} <a href="/invanare/utskrift${query(t.lang, s.period)}">${esc(t.t('page.printLink'))}</a></p>
${body}
</main>
${footer(s, s.info)}
</body>
</html>
`;
}

/** GET /invanare/utskrift: the same information on one printed page, for Kontaktcenter to hand out. */
export function renderPrintSummary(s: PageState): string {
  const t = s.t;
  const body = s.info ? infoSections(t, s.info, s.period) : noRules(t, s.period);
  return `${head(t, t.t('print.heading', { month: t.month(s.period) }), '\n<link rel="stylesheet" href="/invanare/assets/print.css">')}
<body class="print">
<header class="no-print">${languageMenu(s, '/invanare/utskrift')}<p><a href="/invanare/${query(t.lang, s.period)}">${esc(t.t('page.backLink'))}</a></p></header>
<main id="main">
<h1>${esc(t.t('print.heading', { month: t.month(s.period) }))}</h1>
<p>${esc(t.t('page.intro'))} ${esc(t.t('print.contact'))}</p>
${body}
</main>
${footer(s, s.info)}
</body>
</html>
`;
}
