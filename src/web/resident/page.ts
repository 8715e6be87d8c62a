/**
 * The resident page and its printable summary as HTML (issues 12 and 29), rendered on the server from
 * a message catalogue, the month's rules and the municipality's contact details: it works without
 * JavaScript, in every browser, read aloud by a screen reader, and `lang`/`dir` come from the
 * catalogue. Every text goes through the Translator (a missing key throws); every figure is a
 * <data value="kronor"> element so a test can compare it with the engine exactly.
 *
 * What the page shows whatever the month: how to apply, what to bring, the requirements and the
 * rules that apply that month, the appeal route, the resident's rights and how to reach the
 * municipality. What depends on the month's published rules: its amounts and the self-check. A month
 * without them gets a dated notice and the latest published amounts, labelled with their own period.
 */
import type { InputIssue } from '../../household/types.ts';
import { add, formatKronor, parseKronor } from '../../money/index.ts';
import { LANGS, type Lang, type Translator } from './catalog.ts';
import { isGeneric, weekdayRuns, type MunicipalContact, type OpeningHours } from './contact.ts';
import { CHILD_MAX_AGE, LUNCH_MAX_AGE, MAX_CHILDREN, SELF_CHECK_COSTS, SELF_CHECK_INCOMES, YOUTH_MIN_AGE, type SelfCheckEstimate } from './estimate.ts';
import type { FormValues } from './form.ts';
import type { Glossary } from './glossary.ts';
import type { Amount, NormInfo, ResidentInfo } from './info.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

export interface PageState {
  readonly t: Translator;
  /** Every language's translator, for the language menu (each name in its own language). */
  readonly all: Readonly<Record<Lang, Translator>>;
  readonly period: string;
  readonly info: ResidentInfo | null;
  readonly contact: MunicipalContact;
  /** The page's own address in this language, printed on the summary. */
  readonly pageUrl: string;
  /** The Swedish glossary and this language's (listed on the page for readers of other languages). */
  readonly glossary: { readonly sv: Glossary; readonly own: Glossary };
  readonly form: FormValues;
  readonly estimate: SelfCheckEstimate | null;
  /** Field errors by form field name. */
  readonly errors: ReadonlyMap<string, InputIssue>;
  /** Youths 18–20 entered as not in school: their own case, not counted (child number and age). */
  readonly ownCaseYouths: readonly { readonly n: number; readonly age: number }[];
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
<link rel="stylesheet" href="/invanare/assets/fonts.css">
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

/** An amount: "5 220 kr" in every language, kept left to right inside right-to-left text. */
const money = (t: Translator, kronor: string): string => `<data value="${esc(kronor)}" dir="ltr">${esc(t.money(kronor))}</data>`;
const starred = (t: Translator, a: Amount): string => `${money(t, a.amount)}${a.status === 'estimate' ? '<span aria-hidden="true"> *</span>' : ''}`;
/** Text from rules/ or the municipal file, in Swedish: marked so, and isolated in right-to-left text. */
const swedish = (text: string): string => `<bdi lang="sv" dir="ltr">${esc(text)}</bdi>`;
const ltr = (text: string): string => `<bdi dir="ltr">${esc(text)}</bdi>`;
const p = (text: string): string => `<p>${text}</p>`;
const list = (items: readonly string[]): string => `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;

/** A message with HTML arguments: the text is escaped, the arguments are inserted as given. */
function fill(t: Translator, key: string, html: Readonly<Record<string, string>>): string {
  const marks = Object.fromEntries(Object.keys(html).map((k, i) => [k, `\u0000${i}\u0000`]));
  let out = esc(t.t(key, marks));
  Object.values(html).forEach((value, i) => {
    out = out.replace(`\u0000${i}\u0000`, value);
  });
  return out;
}

const text = (t: Translator, key: string, args: Readonly<Record<string, string | number>> = {}): string => esc(t.t(key, args));

/** The legal references by topic, in Swedish (they name Swedish statutes), as one line. */
function cite(t: Translator, info: ResidentInfo, ...topics: string[]): string {
  const refs = topics.map((topic) => info.refs[topic]).filter((r): r is string => r !== undefined);
  return refs.length === 0 ? '' : `<p class="ref">${fill(t, 'legalRef', { ref: swedish(refs.join('; ')) })}</p>`;
}

/** A table's own period: "2026", "2013–2015", or "januari 2025 – juni 2025". */
function tableLabel(t: Translator, n: NormInfo, period: string): string {
  if (n.forMonth) return t.month(period);
  const from = n.effectiveFrom;
  const to = n.effectiveTo!;
  if (from.endsWith('-01-01') && to.endsWith('-12-31')) return from.slice(0, 4) === to.slice(0, 4) ? from.slice(0, 4) : `${from.slice(0, 4)}–${to.slice(0, 4)}`;
  return `${t.month(from.slice(0, 7))} – ${t.month(to.slice(0, 7))}`;
}

function noticeSection(t: Translator, info: ResidentInfo): string {
  const month = t.month(info.period);
  const lines: string[] = [];
  let heading: string;
  if (info.pendingFrom !== null) {
    const date = t.date(info.pendingFrom);
    heading = text(t, 'notice.pendingHeading', { date });
    lines.push(text(t, 'notice.decided', { date }), text(t, 'notice.notPublished', { year: info.pendingFrom.slice(0, 4) }));
  } else {
    heading = text(t, 'notice.noAmountsHeading', { month });
    lines.push(text(t, 'notice.noAmounts', { month }));
  }
  if (info.norm) lines.push(text(t, 'notice.latest', { label: tableLabel(t, info.norm, info.period), month }));
  lines.push(text(t, 'notice.apply', { month }));
  return `<section id="nytt" class="notice" aria-labelledby="notice-h">
<h2 id="notice-h">${heading}</h2>
${lines.map(p).join('\n')}
</section>`;
}

function normSection(t: Translator, info: ResidentInfo, n: NormInfo): string {
  const label = tableLabel(t, n, info.period);
  const childLabel = (min: number, max: number) => (min === max ? text(t, 'norm.childAge', { age: t.number(min) }) : text(t, 'norm.childAgeRange', { min: t.number(min), max: t.number(max) }));
  const lunchCell = (a: Amount | null, minAge: number) => (a !== null && minAge <= LUNCH_MAX_AGE ? starred(t, a) : '–');
  const rows = [
    `<tr><th scope="row">${text(t, 'norm.single')}</th><td>${starred(t, n.single)}</td><td>–</td></tr>`,
    `<tr><th scope="row">${text(t, 'norm.cohabiting')}</th><td>${starred(t, n.cohabiting)}</td><td>–</td></tr>`,
    ...n.children.map((c) => `<tr><th scope="row">${childLabel(c.minAge, c.maxAge)}</th><td>${starred(t, c.withLunch)}</td><td>${lunchCell(c.withoutLunch, c.minAge)}</td></tr>`),
  ].join('');
  const common = n.common.map((a, i) => `<tr><th scope="row">${esc(t.number(i + 1))}</th><td>${starred(t, a)}</td></tr>`).join('');
  const singleTotal = formatKronor(add(parseKronor(n.single.amount)!, parseKronor(n.common[0]!.amount)!));
  return `<section id="norm" aria-labelledby="norm-h"${n.forMonth ? '' : ' class="earlier"'}>
<h2 id="norm-h">${text(t, 'norm.heading', { label })}</h2>
${n.forMonth ? '' : `<p class="label"><strong>${text(t, 'norm.latestNote', { last: t.month(n.effectiveTo!.slice(0, 7)), month: t.month(info.period) })}</strong></p>`}
<p class="screen-only">${text(t, 'norm.intro')}</p>
<p>${text(t, 'norm.covers')}</p>
<div class="table-scroll" tabindex="0" role="region" aria-labelledby="norm-personal"><table><caption id="norm-personal">${text(t, 'norm.personalCaption', { label })}</caption>
<thead><tr><th scope="col">${text(t, 'norm.colPerson')}</th><th scope="col">${text(t, 'norm.colAmount')}</th><th scope="col">${text(t, 'norm.colWithoutLunch')}</th></tr></thead>
<tbody>${rows}</tbody></table></div>
<div class="table-scroll" tabindex="0" role="region" aria-labelledby="norm-common"><table><caption id="norm-common">${text(t, 'norm.commonCaption', { label })}</caption>
<thead><tr><th scope="col">${text(t, 'norm.colPersons')}</th><th scope="col">${text(t, 'norm.colAmount')}</th></tr></thead>
<tbody>${common}</tbody></table></div>
<p>${fill(t, 'norm.extraMember', { amount: money(t, n.commonPerExtraMember) })}</p>
<p>${fill(t, 'norm.example', { label: esc(label), personal: money(t, n.single.amount), common: money(t, n.common[0]!.amount), total: money(t, singleTotal) })}</p>
${n.hasEstimates ? `<p>${text(t, 'norm.preliminary')}</p>` : ''}
${cite(t, info, 'riksnorm', 'normAmounts')}
</section>`;
}

function costsSection(t: Translator, info: ResidentInfo): string {
  const costLabel = (type: string) => esc(t.has(`cost.${type}`) ? t.t(`cost.${type}`) : type);
  return `<section id="costs" aria-labelledby="costs-h">
<h2 id="costs-h">${text(t, 'costs.heading')}</h2>
<p>${text(t, 'costs.reasonable')}</p>
${list(info.reasonableCosts.map(costLabel))}
<p>${text(t, 'costs.rentLevel')}</p>
${cite(t, info, 'reasonableCosts')}
<p>${text(t, 'costs.assessed')}</p>
${list(info.assessedCosts.map(costLabel))}
<p class="screen-only">${text(t, 'costs.askFirst')}</p>
${cite(t, info, 'livsforing')}
</section>`;
}

function requirementsSection(t: Translator, info: ResidentInfo): string {
  const a = info.activity;
  const mc = info.medicalCertificate;
  // An exemption the catalogue has no words for yet is shown in the rules' Swedish, marked as Swedish.
  const exemption = (e: { code: string; sv: string }) => (t.has(`activity.exemption.${e.code}`) ? text(t, `activity.exemption.${e.code}`) : swedish(e.sv));
  const activity = a
    ? `<section id="aktivitetskrav" aria-labelledby="activity-h">
<h3 id="activity-h">${text(t, 'activity.heading')}</h3>
<p>${text(t, 'activity.from', { from: t.month(a.from) })} ${text(t, 'activity.who', { months: t.number(a.months) })}</p>
<p class="screen-only">${text(t, 'activity.examples')}</p>
<p>${text(t, 'activity.exemptHeading')}</p>
${list(a.exemptions.map(exemption))}
<p><strong>${text(t, 'activity.consequence')}</strong></p>
${cite(t, info, 'activityRequirement')}
</section>`
    : '';
  const medical = mc
    ? `<section id="lakarintyg" aria-labelledby="medical-h">
<h3 id="medical-h">${text(t, 'medical.heading')}</h3>
<p>${text(t, 'medical.duty')}${mc.afterDays !== null ? ` ${text(t, 'medical.afterDays', { days: t.number(mc.afterDays) })}` : ''} ${text(t, 'medical.from', { from: t.month(mc.from) })}</p>
${cite(t, info, 'medicalCertificate')}
</section>`
    : '';
  return `<section id="krav" aria-labelledby="req-h">
<h2 id="req-h">${text(t, 'req.heading')}</h2>
<p>${text(t, 'req.right')}</p>
${cite(t, info, 'rightToAssistance')}
${list([text(t, 'req.labourMarket'), text(t, 'req.assets'), text(t, 'req.otherBenefits')])}
${cite(t, info, 'labourMarket', 'ownMeans')}
${activity}
${medical}
</section>`;
}

function householdSection(t: Translator, info: ResidentInfo): string {
  const maxAge = info.childrenEarnings?.maxAge ?? CHILD_MAX_AGE;
  const ce = info.childrenEarnings;
  const js = info.jobbstimulans;
  const earnings = ce
    ? `<p>${text(t, 'incomes.childEarnings', { age: t.number(ce.maxAge + 1) })} ${
        ce.limit !== null
          ? fill(t, 'incomes.childEarningsLimit', { share: esc(t.number(ce.share)), year: esc(String(ce.year)), limit: money(t, ce.limit) })
          : text(t, 'incomes.childEarningsShare', { share: t.number(ce.share) })
      }</p>`
    : '';
  const jobbstimulans = js ? `<p>${text(t, 'incomes.jobbstimulans', { months: t.number(js.months), percent: t.number(Number(js.percent)), duration: t.number(js.durationMonths) })}</p>` : '';
  return `<section id="hushall" aria-labelledby="household-h">
<h2 id="household-h">${text(t, 'household.heading')}</h2>
${list([
  text(t, 'household.couple'),
  text(t, 'household.children', { adult: t.number(YOUTH_MIN_AGE) }),
  text(t, 'household.youth', { adult: t.number(YOUTH_MIN_AGE), max: t.number(maxAge) }),
  text(t, 'household.youthOwn', { adult: t.number(YOUTH_MIN_AGE) }),
])}
${cite(t, info, 'householdMembers')}
<h3>${text(t, 'incomes.heading')}</h3>
<p class="screen-only">${text(t, 'incomes.all')}</p>
${earnings}
${cite(t, info, 'childrenEarnings')}
${jobbstimulans}
${js ? cite(t, info, 'jobbstimulans') : ''}
</section>`;
}

/** Opening hours as "måndag–fredag 08:00–16:00; …", days in the language. */
function hours(t: Translator, rows: readonly OpeningHours[]): string {
  return rows
    .map((r) => {
      const days = weekdayRuns(r.days).map((run) => (run.length >= 3 ? `${t.weekday(run[0]!)}–${t.weekday(run[run.length - 1]!)}` : run.map((i) => t.weekday(i)).join(', '))).join(', ');
      return `${esc(days)} ${ltr(`${r.opens}–${r.closes}`)}`;
    })
    .join('; ');
}

function contactSection(s: PageState): string {
  const t = s.t;
  const c = s.contact;
  const details: string[] = [];
  if (!isGeneric(c)) {
    if (c.phone) details.push(fill(t, 'contact.phone', { phone: `<a href="tel:${esc(c.phone.replace(/[^0-9+]/g, ''))}" dir="ltr">${esc(c.phone)}</a>` }));
    if (c.openingHours) details.push(fill(t, 'contact.hours', { hours: hours(t, c.openingHours) }));
    if (c.address) details.push(fill(t, 'contact.address', { address: swedish(c.address) }));
    if (c.eService) details.push(fill(t, 'contact.eService', { url: `<a href="${esc(c.eService)}" dir="ltr">${esc(c.eService)}</a>` }));
  }
  const emergency = [text(t, 'contact.emergency')];
  if (c.emergencyPhone) emergency.push(fill(t, 'contact.emergencyPhone', { phone: `<a href="tel:${esc(c.emergencyPhone.replace(/[^0-9+]/g, ''))}" dir="ltr">${esc(c.emergencyPhone)}</a>` }));
  emergency.push(text(t, 'contact.lifeInDanger'));
  return `<section id="kontakt" aria-labelledby="contact-h">
<h2 id="contact-h">${text(t, 'contact.heading')}</h2>
${isGeneric(c) ? p(text(t, 'contact.generic')) : `${c.name ? `<p><strong>${swedish(c.name)}</strong></p>` : ''}${list(details)}`}
<h3>${text(t, 'contact.emergencyHeading')}</h3>
${emergency.map(p).join('\n')}
</section>`;
}

function applySection(s: PageState): string {
  const t = s.t;
  return `<section id="ansok" aria-labelledby="apply-h">
<h2 id="apply-h">${text(t, 'apply.heading')}</h2>
${list(['apply.where', 'apply.how', 'apply.monthly'].map((k) => text(t, k)))}
<h3 id="bring-h">${text(t, 'bring.heading')}</h3>
${list(['bring.id', 'bring.housing', 'bring.bank', 'bring.income', 'bring.work', 'bring.medical', 'bring.costs'].map((k) => text(t, k)))}
</section>`;
}

function appealSection(t: Translator, info: ResidentInfo): string {
  return `<section id="overklaga" aria-labelledby="appeal-h">
<h2 id="appeal-h">${text(t, 'appeal.heading')}</h2>
<p>${text(t, 'appeal.right')} ${text(t, 'appeal.how')} ${text(t, 'appeal.help')}</p>
${cite(t, info, 'appealRoute', 'appealDeadline')}
</section>`;
}

function rightsSection(t: Translator): string {
  return `<section id="rattigheter" aria-labelledby="rights-h">
<h2 id="rights-h">${text(t, 'rights.heading')}</h2>
${list(['rights.apply', 'rights.decision', 'rights.interpreter', 'rights.insight'].map((k) => text(t, k)))}
</section>`;
}

/** For readers of a translation: the Swedish terms they will meet on letters, with the page's word for each. */
function glossarySection(s: PageState): string {
  if (s.t.lang === 'sv') return '';
  const rows = Object.keys(s.glossary.sv.terms)
    .map((sv) => `<div><dt lang="sv" dir="ltr">${esc(sv)}</dt><dd>${esc(s.glossary.own.terms[sv]?.term ?? sv)}</dd></div>`)
    .join('');
  return `<section id="ordlista" aria-labelledby="glossary-h">
<h2 id="glossary-h">${text(s.t, 'glossary.heading')}</h2>
<p>${text(s.t, 'glossary.intro')}</p>
<dl class="glossary">${rows}</dl>
</section>`;
}

/** Everything that holds whatever the month, then the amounts (the month's, or the latest, labelled). */
function infoSections(s: PageState, info: ResidentInfo): string {
  const t = s.t;
  return [applySection(s), contactSection(s), requirementsSection(t, info), householdSection(t, info), info.norm ? normSection(t, info, info.norm) : '', costsSection(t, info), appealSection(t, info), rightsSection(t)].join('\n');
}

function resultSection(s: PageState, e: SelfCheckEstimate, info: ResidentInfo): string {
  const t = s.t;
  const row = (key: string, amount: string, id: string) => `<div><dt>${text(t, key)}</dt><dd id="${id}">${money(t, amount)}</dd></div>`;
  const differs = [text(t, 'differs.assets'), text(t, 'differs.labourMarket'), text(t, 'differs.costs')];
  if (info.activity) differs.push(text(t, 'differs.activity', { months: t.number(info.activity.months) }));
  if (info.jobbstimulans) differs.push(text(t, 'differs.jobbstimulans', { months: t.number(info.jobbstimulans.months), percent: t.number(Number(info.jobbstimulans.percent)), duration: t.number(info.jobbstimulans.durationMonths) }));
  differs.push(text(t, 'differs.childEarnings'), text(t, 'differs.evidence'));
  return `<section id="resultat" class="result" aria-labelledby="result-h" tabindex="-1">
<h3 id="result-h">${text(t, 'result.heading', { month: t.month(e.period) })}</h3>
<p class="not-decision"><strong>${text(t, 'notDecision')}</strong></p>
<dl>
${row('result.norm', e.norm, 'r-norm')}
${row('result.costs', e.costs, 'r-costs')}
${row('result.need', e.need, 'r-need')}
${row('result.income', e.income, 'r-income')}
${row('result.indicative', e.indicative, 'r-indicative')}
</dl>
${s.ownCaseYouths.map((y) => p(text(t, 'result.youthOwnCase', { n: t.number(y.n), age: t.number(y.age) }))).join('\n')}
${e.incomeCoversNeed ? `<p>${text(t, 'result.covered')} ${text(t, 'rights.apply')}</p>` : ''}
${e.usesEstimatedRules ? `<p>${text(t, 'result.preliminary', { month: t.month(e.period) })}</p>` : ''}
<h4>${text(t, 'differs.heading')}</h4>
${list(differs)}
<h4>${text(t, 'apply.heading')}</h4>
<p>${text(t, 'apply.where')} ${text(t, 'apply.how')} <a href="#bring-h">${text(t, 'bring.heading')}</a></p>
</section>`;
}

function field(s: PageState, name: string, label: string, kind: 'age' | 'amount', describedBy: string): string {
  const error = s.errors.get(name);
  const errorId = `${name.replace('.', '-')}-error`;
  const ids = [describedBy, error ? errorId : ''].filter((x) => x !== '').join(' ');
  const input = `<input id="f-${esc(name)}" name="${esc(name)}" type="text" inputmode="${kind === 'age' ? 'numeric' : 'decimal'}" autocomplete="off" dir="ltr" value="${esc(s.form[name] ?? '')}"${ids ? ` aria-describedby="${ids}"` : ''}${error ? ' aria-invalid="true"' : ''}>`;
  const message = error ? `<span class="error" id="${errorId}">${errorText(s.t, error)}</span>` : '';
  return `<div class="field"><label for="f-${esc(name)}">${esc(label)}</label>${input}${message}</div>`;
}

/** A field's error in the language; a code the catalogue has no words for gets the general message. */
function errorText(t: Translator, e: InputIssue): string {
  const key = t.has(`error.${e.code}`) ? `error.${e.code}` : 'error.other';
  return text(t, key, { adult: t.number(YOUTH_MIN_AGE), child: t.number(CHILD_MAX_AGE) });
}

function checkbox(s: PageState, name: string, label: string): string {
  return `<div class="check"><input type="checkbox" id="f-${name}" name="${name}" value="1"${s.form[name] ? ' checked' : ''}><label for="f-${name}">${esc(label)}</label></div>`;
}

function checkForm(s: PageState): string {
  const t = s.t;
  const children = Array.from({ length: MAX_CHILDREN }, (_, i) => {
    const n = t.number(i + 1);
    return `<div class="child">${field(s, `child${i + 1}`, t.t('check.childAge', { n }), 'age', 'children-hint')}${checkbox(s, `lunch${i + 1}`, t.t('check.childLunch', { n, max: t.number(LUNCH_MAX_AGE) }))}${checkbox(s, `school${i + 1}`, t.t('check.childSchool', { n, min: t.number(YOUTH_MIN_AGE), max: t.number(CHILD_MAX_AGE) }))}</div>`;
  }).join('');
  const amounts = (prefix: 'cost' | 'income', types: readonly string[]) => types.map((type) => field(s, `${prefix}.${type}`, t.t(`${prefix}.${type}`), 'amount', `${prefix}-hint`)).join('');
  const summary =
    s.errors.size === 0
      ? ''
      : `<div class="error-summary" role="alert"><h3>${text(t, 'check.errorsHeading')}</h3><ul>${[...s.errors].map(([name, e]) => `<li><a href="#f-${esc(name)}">${errorText(t, e)}</a></li>`).join('')}</ul></div>`;
  return `${summary}<form method="post" action="/invanare/${query(t.lang, s.period)}#resultat" novalidate>
<fieldset><legend>${text(t, 'check.householdLegend')}</legend>
${field(s, 'adult1', t.t('check.adult1Age'), 'age', '')}
${field(s, 'adult2', t.t('check.adult2Age'), 'age', '')}
<p class="hint" id="children-hint">${text(t, 'check.childrenHint')} ${text(t, 'check.youth', { min: t.number(YOUTH_MIN_AGE), max: t.number(CHILD_MAX_AGE) })}</p>
<div class="children">${children}</div>
</fieldset>
<fieldset><legend>${text(t, 'check.costsLegend')}</legend>
<p class="hint" id="cost-hint">${text(t, 'check.amountHint')} ${text(t, 'check.amountEmpty')}</p>
${amounts('cost', SELF_CHECK_COSTS)}
</fieldset>
<fieldset><legend>${text(t, 'check.incomesLegend')}</legend>
<p class="hint" id="income-hint">${text(t, 'check.incomesHint')} ${text(t, 'check.amountHint')} ${text(t, 'check.amountEmpty')}</p>
${amounts('income', SELF_CHECK_INCOMES)}
</fieldset>
<button type="submit">${text(t, 'check.submit')}</button>
</form>`;
}

function selfCheckSection(s: PageState, info: ResidentInfo): string {
  const t = s.t;
  const month = t.month(s.period);
  const body = info.amountsPublished
    ? `<p>${text(t, 'check.intro')}</p>
<p>${text(t, 'notDecision')}</p>
${s.estimate ? resultSection(s, s.estimate, info) : ''}
${checkForm(s)}`
    : `<p>${text(t, 'check.unavailable', { month })}</p>
${info.pendingFrom !== null ? p(text(t, 'check.worksAgain', { year: info.pendingFrom.slice(0, 4) })) : ''}`;
  return `<section id="provberakning" aria-labelledby="check-h">
<h2 id="check-h">${text(t, 'check.heading')}</h2>
${body}
</section>`;
}

function footer(s: PageState, info: ResidentInfo | null): string {
  const t = s.t;
  // The review status in a form fit for the public: "the translation is being reviewed", never "draft".
  const review = t.meta.review.status === 'legal-reference' ? 'footer.reference' : t.meta.review.status === 'reviewed' ? 'footer.reviewed' : 'footer.translationReview';
  return `<footer>
<p>${text(t, review)}</p>
<p>${text(t, 'footer.privacy')}</p>
${info ? `<p>${fill(t, 'footer.rules', { month: esc(t.month(s.period)), law: swedish(info.law) })}</p>` : ''}
</footer>`;
}

function monthPicker(s: PageState, path: string): string {
  const t = s.t;
  return `<form method="get" action="${path}" class="month">
<input type="hidden" name="lang" value="${esc(t.lang)}">
<label for="month">${text(t, 'page.monthLabel')}</label>
<input id="month" name="month" type="month" value="${esc(s.period)}" dir="ltr">
<button type="submit">${text(t, 'page.monthButton')}</button>
</form>`;
}

function noInformation(t: Translator, period: string): string {
  return `<div role="alert"><p>${text(t, 'page.noRules', { month: t.month(period) })}</p><p>${text(t, 'page.noRulesHint')}</p></div>`;
}

/** GET /invanare/ (and the answer to the form's POST): information, the self-check and its result. */
export function renderResidentPage(s: PageState): string {
  const t = s.t;
  const info = s.info;
  const body = info
    ? [info.amountsPublished ? '' : noticeSection(t, info), selfCheckSection(s, info), infoSections(s, info), glossarySection(s)].join('\n')
    : `${noInformation(t, s.period)}\n${applySection(s)}\n${contactSection(s)}\n${rightsSection(t)}`;
  return `${head(t, t.t('page.title'))}
<body>
<header>${languageMenu(s, '/invanare/')}</header>
<main id="main">
<h1>${text(t, 'page.title')}</h1>
<p>${text(t, 'page.intro')} ${text(t, 'page.noLogin')}</p>
${monthPicker(s, '/invanare/')}
<p>${text(t, 'page.month', { month: t.month(s.period) })} <a href="/invanare/utskrift${query(t.lang, s.period)}">${text(t, 'page.printLink')}</a></p>
${body}
</main>
${footer(s, info)}
</body>
</html>
`;
}

/** GET /invanare/utskrift: the same information on at most two printed pages, for Kontaktcenter to hand out. */
export function renderPrintSummary(s: PageState): string {
  const t = s.t;
  const info = s.info;
  const body = info
    ? `${info.amountsPublished ? '' : noticeSection(t, info)}\n${infoSections(s, info)}`
    : `${noInformation(t, s.period)}\n${applySection(s)}\n${contactSection(s)}\n${rightsSection(t)}`;
  return `${head(t, t.t('print.heading', { month: t.month(s.period) }), '\n<link rel="stylesheet" href="/invanare/assets/print.css">')}
<body class="print">
<header class="no-print">${languageMenu(s, '/invanare/utskrift')}<p><a href="/invanare/${query(t.lang, s.period)}">${text(t, 'page.backLink')}</a></p></header>
<main id="main">
<h1>${text(t, 'print.heading', { month: t.month(s.period) })}</h1>
<p class="address">${fill(t, 'print.address', { url: `<bdi dir="ltr">${esc(s.pageUrl)}</bdi>` })}</p>
<div class="columns">
${body}
</div>
</main>
${footer(s, info)}
</body>
</html>
`;
}
