/**
 * The resident self-check and general information (issue 12) without a browser: the estimate is the
 * engine's own figures for the same household, the information is read from rules/ (and changes
 * when rules/ does), a month without rules says so instead of falling back, bad input is a 400
 * naming the field, and nothing about the resident is written to any log.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadRulebook } from '../../src/index.ts';
import { createApp } from '../../src/web/app.ts';
import { LANGS } from '../../src/web/resident/catalog.ts';
import { birthDateForAge, estimateSelfCheck, parseSelfCheck, SELF_CHECK_COSTS, SELF_CHECK_INCOMES } from '../../src/web/resident/estimate.ts';
import { parseKronor } from '../../src/money/index.ts';
import fc from 'fast-check';
import { book, cache, calc, RULES_DIR, rulesFor } from '../support/engine.ts';
import { cli, tempDir } from '../store/support.ts';
import { FAMILY, FAMILY_FORM, FAMILY_SELF_CHECK } from './support.ts';

const MARCH_2026 = () => new Date('2026-03-10T09:00:00Z');
const app = createApp({ rulebook: book, clock: MARCH_2026 });

async function estimate(body: unknown) {
  const r = await app.request('/api/invanare/provberakning', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: r.status, json: (await r.json()) as Record<string, any> };
}

async function postForm(form: Record<string, string>, query = '?lang=sv&month=2026-03') {
  const r = await app.request(`/invanare/${query}`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });
  return { status: r.status, html: await r.text(), headers: r.headers };
}

const dataValue = (html: string, id: string) => new RegExp(`id="${id}"><data value="([^"]+)"`).exec(html)?.[1];

describe('self-check estimate', () => {
  it('equals calculate for the same household (JSON API)', async () => {
    const d = calc(FAMILY);
    const { status, json } = await estimate(FAMILY_SELF_CHECK);
    expect(status).toBe(200);
    expect(json['notADecision']).toBe(true);
    const e = json['estimate'];
    expect([e.norm, e.costs, e.need, e.income, e.indicative]).toEqual([d.norm.total, d.costs.accepted, d.need, d.income.counted, d.payable]);
    expect(e.ruleSetVersion).toBe(d.ruleSetVersion);
    expect(Number(e.indicative)).toBeGreaterThan(0);
    // Only figures: no trace, no decision text, no household.
    expect(Object.keys(e).sort()).toEqual(['costs', 'income', 'incomeCoversNeed', 'indicative', 'law', 'need', 'norm', 'period', 'ruleSetVersion', 'usesEstimatedRules']);
  });

  it('equals what the calculate command prints for the same household file', async () => {
    const { dir, cleanup } = tempDir('resident-calc-');
    try {
      const file = join(dir, 'family.json');
      writeFileSync(file, JSON.stringify(FAMILY));
      const run = (await cli(['calculate', file, '--json']));
      expect(run.status, run.stderr).toBe(0);
      const printed = JSON.parse(run.stdout) as { norm: { total: string }; costs: { accepted: string }; need: string; income: { counted: string }; payable: string };
      const e = (await estimate(FAMILY_SELF_CHECK)).json['estimate'];
      expect([e.norm, e.costs, e.need, e.income, e.indicative]).toEqual([printed.norm.total, printed.costs.accepted, printed.need, printed.income.counted, printed.payable]);
    } finally {
      cleanup();
    }
  });

  it('equals calculate for the same household (the page form, in every language)', async () => {
    const d = calc(FAMILY);
    for (const lang of LANGS) {
      const { status, html, headers } = await postForm(FAMILY_FORM, `?lang=${lang}&month=2026-03`);
      expect(status, lang).toBe(200);
      expect(headers.get('cache-control')).toBe('no-store');
      expect([dataValue(html, 'r-norm'), dataValue(html, 'r-costs'), dataValue(html, 'r-income'), dataValue(html, 'r-indicative')], lang).toEqual([d.norm.total, d.costs.accepted, d.income.counted, d.payable]);
    }
  });

  it('says so when the incomes cover the need', async () => {
    const { json } = await estimate({ period: '2026-03', adults: [40], incomes: { salary: '30000' }, costs: { rent: '6000' } });
    expect(json['estimate'].indicative).toBe('0');
    expect(json['estimate'].incomeCoversNeed).toBe(true);
    const { html } = await postForm({ adult1: '40', 'income.salary': '30000', 'cost.rent': '6000' });
    expect(html).toContain('Hushållets inkomster verkar räcka');
  });

  it('accepts Arabic-Indic and Persian digits and a decimal comma as typed on a phone', async () => {
    const latin = await postForm({ adult1: '34', 'cost.rent': '7900.50' }, '?lang=ar&month=2026-03');
    const arabic = await postForm({ adult1: '٣٤', 'cost.rent': '٧٩٠٠٫٥٠' }, '?lang=ar&month=2026-03');
    const persian = await postForm({ adult1: '۳۴', 'cost.rent': '۷۹۰۰,۵۰' }, '?lang=fa&month=2026-03');
    expect(dataValue(latin.html, 'r-indicative')).toBeDefined();
    expect(dataValue(arabic.html, 'r-indicative')).toBe(dataValue(latin.html, 'r-indicative'));
    expect(dataValue(persian.html, 'r-indicative')).toBe(dataValue(latin.html, 'r-indicative'));
  });

  it('a birth date for an age gives that age on the first and the last day of the month', async () => {
    expect(birthDateForAge({ year: 2026, month: 3 }, 4)).toBe('2021-04-01');
    expect(birthDateForAge({ year: 2026, month: 12 }, 0)).toBe('2026-01-01');
  });

  it('bad input is a 400 naming the field, on the API and next to the field on the page', async () => {
    const { status, json } = await estimate({ period: '2026-3', adults: [17], children: [{ age: 19 }], costs: { rent: '-5' }, incomes: { lottery: '5' }, extra: 1 });
    expect(status).toBe(400);
    expect(json['errors'].map((e: { path: string }) => e.path).sort()).toEqual(['adults[0]', 'children[0].age', 'costs.rent', 'extra', 'incomes.lottery', 'period']);
    const page = await postForm({ adult1: 'trettio', child3: '25', 'cost.rent': 'mycket' });
    expect(page.status).toBe(400);
    expect(page.html).toMatch(/<input id="f-adult1"[^>]*aria-invalid="true"/);
    expect(page.html).toMatch(/<input id="f-child3"[^>]*aria-invalid="true"/);
    expect(page.html).toMatch(/<input id="f-cost.rent"[^>]*aria-invalid="true"/);
    expect(page.html).not.toContain('id="resultat"');
    const notJson = await app.request('/api/invanare/provberakning', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{' });
    expect(notJson.status).toBe(400);
  });

  it('writes nothing to any log while answering a resident', async () => {
    const out = vi.spyOn(process.stdout, 'write');
    const err = vi.spyOn(process.stderr, 'write');
    const log = vi.spyOn(console, 'log');
    const warn = vi.spyOn(console, 'warn');
    try {
      await postForm(FAMILY_FORM);
      await estimate(FAMILY_SELF_CHECK);
      await postForm({ adult1: 'x' });
      expect([out.mock.calls, err.mock.calls, log.mock.calls, warn.mock.calls].flat()).toEqual([]);
    } finally {
      vi.restoreAllMocks();
    }
  });
});

describe('self-check properties', () => {
  const selfCheck = fc.record({
    period: fc.constantFrom('2024-06', '2025-07', '2026-03'),
    adults: fc.array(fc.integer({ min: 18, max: 90 }), { minLength: 1, maxLength: 2 }),
    children: fc.array(fc.record({ age: fc.integer({ min: 0, max: 17 }), lunchAtPreschool: fc.boolean() }), { maxLength: 8 }),
    costs: fc.dictionary(fc.constantFrom(...SELF_CHECK_COSTS), fc.integer({ min: 0, max: 30_000 }).map(String)),
    incomes: fc.dictionary(fc.constantFrom(...SELF_CHECK_INCOMES), fc.integer({ min: 0, max: 40_000 }).map(String)),
  });

  it('the indicative amount is need minus counted income, never below zero, for any answers', async () => {
    fc.assert(
      fc.property(selfCheck, (raw) => {
        const parsed = parseSelfCheck(raw);
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
        const r = estimateSelfCheck(parsed.input, rulesFor);
        if (!r.ok) throw new Error(JSON.stringify(r.issues));
        const e = r.estimate;
        const ore = (k: string) => parseKronor(k)!;
        expect(ore(e.need)).toBe(ore(e.norm) + ore(e.costs));
        expect(ore(e.indicative)).toBe(Math.max(0, ore(e.need) - ore(e.income)));
        expect(e.incomeCoversNeed).toBe(ore(e.indicative) === 0);
      }),
      { numRuns: 150 },
    );
  });

  it('any JSON is either a self-check or a list of issues naming fields, never an exception', async () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.record({ period: fc.string(), adults: fc.anything(), children: fc.anything(), costs: fc.anything(), incomes: fc.anything() })), (raw) => {
        const parsed = parseSelfCheck(raw);
        if (!parsed.ok) for (const i of parsed.issues) expect(i.path.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('general information from rules/', () => {
  // Read through the rulebook (not the file's shape, which the law branch may change).
  const norm2026 = cache.get({ year: 2026, month: 3 }, null).rules.riksnorm;

  it('shows every riksnorm amount of the month as the rules file has it', async () => {
    const html = await (await app.request('/invanare/?lang=en&month=2026-03')).text();
    const values = [...html.matchAll(/<data value="([^"]+)"/g)].map((m) => m[1]);
    expect(values).toContain(norm2026.single.value);
    expect(values).toContain(norm2026.cohabiting.value);
    for (const c of norm2026.children) expect(values).toContain(c.withLunch.value);
    for (const a of norm2026.common) expect(values).toContain(a.value);
  });

  it('the example for an adult living alone totals what the engine computes as that person’s norm', async () => {
    const html = await (await app.request('/invanare/?lang=sv&month=2026-03')).text();
    const example = /Exempel:.*?<\/p>/.exec(html)![0];
    const amounts = [...example.matchAll(/<data value="([^"]+)"/g)].map((m) => m[1]);
    const single = calc({ period: '2026-03', members: [{ id: 'a1', role: 'applicant', birthDate: '1980-01-01' }], circumstances: { availableForWork: true } });
    expect(amounts.at(-1)).toBe(single.norm.total);
  });

  it('lists the skäliga kostnader and the costs assessed case by case from the cost types', async () => {
    const html = await (await app.request('/invanare/?lang=sv&month=2026-03')).text();
    const costs = html.slice(html.indexOf('id="costs"'), html.indexOf('id="krav"'));
    const [reasonable, assessed] = costs.split('Andra kostnader');
    for (const label of ['Hyra eller avgift för bostaden', 'Hushållsel', 'Resor till och från arbetet', 'Hemförsäkring', 'Avgift till fackförening', 'Avgift till a-kassa']) expect(reasonable).toContain(label);
    for (const label of ['Tandvård', 'Glasögon']) expect(assessed).toContain(label);
    expect(reasonable).not.toContain('Tandvård');
  });

  it('cites the law in force for the month from the legal references', async () => {
    const refs = JSON.parse(readFileSync(join(RULES_DIR, 'legal-references.json'), 'utf8'));
    const inForce = (date: string) => refs.versions.find((v: { effectiveFrom: string; effectiveTo: string | null }) => v.effectiveFrom <= date && (v.effectiveTo === null || date <= v.effectiveTo));
    for (const [month, date] of [['2026-03', '2026-03-01'], ['2024-03', '2024-03-01']] as const) {
      const html = await (await app.request(`/invanare/?lang=sv&month=${month}`)).text();
      const v = inForce(date);
      expect(html).toContain(v.law);
      for (const topic of ['labourMarket', 'appealRoute', 'reasonableCosts']) if (v.refs[topic]) expect(html, `${month} ${topic}`).toContain(v.refs[topic].ref.replace(/&/g, '&amp;'));
    }
  });

  it('changes with rules/: a changed amount is what the page shows', async () => {
    const { dir, cleanup } = tempDir('resident-rules-');
    try {
      cpSync(RULES_DIR, dir, { recursive: true });
      const file = join(dir, 'riksnorm', '2026.json');
      const before = norm2026.single.value;
      writeFileSync(file, readFileSync(file, 'utf8').replaceAll(`"amount": "${before}"`, '"amount": "4321"'));
      const changed = createApp({ rulebook: loadRulebook(dir), clock: MARCH_2026 });
      const html = await (await changed.request('/invanare/?lang=sv')).text();
      expect(html).toMatch(/Vuxen som bor ensam<\/th><td><data value="4321">/);
      expect(html).not.toContain(`<data value="${norm2026.single.value}">`);
    } finally {
      cleanup();
    }
  });

  it('a month without rules says so and shows no amounts, never another year', async () => {
    const html = await (await app.request('/invanare/?lang=sv&month=2031-01')).text();
    expect(html).toContain('Det finns inga fastställda belopp för januari 2031');
    expect(html).not.toContain('<data value=');
    const api = await estimate({ ...FAMILY_SELF_CHECK, period: '2031-01' });
    expect(api.status).toBe(400);
    expect(api.json['errors'][0].code).toBe('NO_RULES_FOR_PERIOD');
  });

  it('the default month is today in Sweden, from the web layer clock', async () => {
    const newYear = createApp({ rulebook: book, clock: () => new Date('2025-12-31T23:30:00Z') });
    const html = await (await newYear.request('/invanare/?lang=en')).text();
    expect(html).toContain('The information applies to January 2026.');
  });

  it('sets lang and dir from the catalogue, and an unknown language falls back to Swedish', async () => {
    for (const [lang, dir] of [['ar', 'rtl'], ['fa', 'rtl'], ['so', 'ltr'], ['ti', 'ltr'], ['uk', 'ltr'], ['xx', 'ltr']] as const) {
      const html = await (await app.request(`/invanare/?lang=${lang}&month=2026-03`)).text();
      expect(html).toContain(`<html lang="${lang === 'xx' ? 'sv' : lang}" dir="${dir}">`);
    }
    expect((await app.request('/invanare/?month=2026-3')).status).toBe(400);
  });

  it('serves the page with no script and a strict CSP', async () => {
    for (const path of ['/invanare/?lang=so&month=2026-03', '/invanare/utskrift?lang=ti&month=2026-03']) {
      const r = await app.request(path);
      expect(r.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
      expect(await r.text()).not.toMatch(/<script/);
    }
  });
});

afterAll(() => vi.restoreAllMocks());
