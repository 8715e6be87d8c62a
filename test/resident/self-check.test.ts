/**
 * The resident self-check (issues 12 and 29) without a browser: the estimate is the engine's own
 * figures for the same household (a youth 18–20 in school included), amounts are read as people type
 * them ("6,000", "6 000", "6000") and an ambiguous one ("6,50") is refused naming the accepted forms,
 * bad input is a 400 naming the field, and nothing about the resident is written to any log. The
 * general information is in information.test.ts.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/web/app.ts';
import { LANGS } from '../../src/web/resident/catalog.ts';
import { birthDateForAge, estimateSelfCheck, parseSelfCheck, SELF_CHECK_COSTS, SELF_CHECK_INCOMES } from '../../src/web/resident/estimate.ts';
import { readAmount } from '../../src/web/resident/form.ts';
import { parseKronor } from '../../src/money/index.ts';
import fc from 'fast-check';
import { book, calc, rulesFor } from '../support/engine.ts';
import { cli, tempDir } from '../store/support.ts';
import { FAMILY, FAMILY_FORM, FAMILY_SELF_CHECK, YOUTH_FAMILY, YOUTH_FORM } from './support.ts';

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

  it('accepts Arabic-Indic and Persian digits and the Arabic separators as typed on a phone', async () => {
    const latin = await postForm({ adult1: '34', 'cost.rent': '7900.50' }, '?lang=ar&month=2026-03');
    const arabic = await postForm({ adult1: '٣٤', 'cost.rent': '٧٩٠٠٫٥٠' }, '?lang=ar&month=2026-03');
    const persian = await postForm({ adult1: '۳۴', 'cost.rent': '۷٬۹۰۰٫۵۰' }, '?lang=fa&month=2026-03');
    expect(dataValue(latin.html, 'r-indicative')).toBeDefined();
    expect(dataValue(arabic.html, 'r-indicative')).toBe(dataValue(latin.html, 'r-indicative'));
    expect(dataValue(persian.html, 'r-indicative')).toBe(dataValue(latin.html, 'r-indicative'));
  });

  it('"6,000", "6 000", "6000" and "6000 kr" are the same amount, in the form of every language', async () => {
    const results = new Set<string | undefined>();
    for (const rent of ['6,000', '6 000', '6000', '6000 kr', '6\u00a0000', 'SEK 6,000']) {
      for (const lang of ['sv', 'en', 'ar', 'so', 'ti'] as const) {
        const { status, html } = await postForm({ adult1: '35', 'cost.rent': rent }, `?lang=${lang}&month=2026-12`);
        expect(status, `${lang} ${rent}`).toBe(200);
        expect(dataValue(html, 'r-costs'), `${lang} ${rent}`).toBe('6000');
        results.add(dataValue(html, 'r-indicative'));
      }
    }
    // The review's case: one adult, rent 6 000, no income: 5 220 + 6 000.
    expect([...results]).toEqual(['11220']);
    expect(readAmount('12,340,500.50')).toEqual({ ok: true, kronor: '12340500.50' });
  });

  it('"6,50" is refused as ambiguous, next to the field, naming the forms the form accepts', async () => {
    for (const typed of ['6,50', '7900,50', '6,5', '6.000', '1.234.567', '12,34,567']) expect(readAmount(typed), typed).toEqual({ ok: false, code: 'AMOUNT_AMBIGUOUS' });
    const { status, html } = await postForm({ adult1: '35', 'cost.rent': '6,50' }, '?lang=sv&month=2026-12');
    expect(status).toBe(400);
    expect(html).toMatch(/<input id="f-cost.rent"[^>]*aria-invalid="true"/);
    expect(html).toContain('Beloppet kan läsas på två sätt, så skriv hela kronor utan ören, till exempel 6000, 6 000 eller 6,000.');
    expect(html).not.toContain('id="resultat"');
    const en = await postForm({ adult1: '35', 'income.salary': '6,50' }, '?lang=en&month=2026-12');
    expect(en.html).toMatch(/<span class="error" id="income-salary-error">[^<]*6000, 6 000 or 6,000/);
    expect(readAmount('sex tusen')).toEqual({ ok: false, code: 'AMOUNT_INVALID' });
  });

  it('an 18–20-year-old in school can be entered, and the self-check equals calculate for that household', async () => {
    const d = calc(YOUTH_FAMILY);
    // The youth counts: the household is four, and the norm holds the 19–20 band.
    expect(d.needsInformation).toEqual([]);
    for (const lang of LANGS) {
      const { status, html } = await postForm(YOUTH_FORM, `?lang=${lang}&month=2026-12`);
      expect(status, lang).toBe(200);
      expect([dataValue(html, 'r-norm'), dataValue(html, 'r-costs'), dataValue(html, 'r-need'), dataValue(html, 'r-income'), dataValue(html, 'r-indicative')], lang).toEqual([d.norm.total, d.costs.accepted, d.need, d.income.counted, d.payable]);
    }
    const api = await estimate({ period: '2026-12', adults: [46, 44], children: [{ age: 19, inSchool: true }, { age: 12 }], costs: { rent: '8200' }, incomes: { salary: '6000', 'child-allowance': '2650' } });
    expect(api.status).toBe(200);
    expect([api.json['estimate'].norm, api.json['estimate'].indicative]).toEqual([d.norm.total, d.payable]);
  });

  it('a youth 18–20 not in school is their own case, as calculate says, and the page says they can apply themselves', async () => {
    const notInSchool = { ...YOUTH_FAMILY, members: YOUTH_FAMILY.members.map((m) => (m.id === 'y1' ? { ...m, inSchool: false } : m)) };
    const d = calc(notInSchool);
    expect(d.norm.total).not.toBe(calc(YOUTH_FAMILY).norm.total);
    const { school1: _ticked, ...form } = YOUTH_FORM;
    const { html } = await postForm(form, '?lang=sv&month=2026-12');
    expect([dataValue(html, 'r-norm'), dataValue(html, 'r-indicative')]).toEqual([d.norm.total, d.payable]);
    expect(html).toContain('Barn 1 är 19 år och går inte i skolan, så hen räknas inte med här och kan ansöka om bistånd själv.');
    // The API wants the answer, not a guess: a youth without inSchool is a 400 naming the field.
    const api = await estimate({ period: '2026-12', adults: [46], children: [{ age: 19 }] });
    expect(api.status).toBe(400);
    expect(api.json['errors']).toEqual([expect.objectContaining({ path: 'children[0].inSchool', code: 'SCHOOL_STATUS_REQUIRED' })]);
  });

  it('a birth date for an age gives that age on the first and the last day of the month', async () => {
    expect(birthDateForAge({ year: 2026, month: 3 }, 4)).toBe('2021-04-01');
    expect(birthDateForAge({ year: 2026, month: 12 }, 0)).toBe('2026-01-01');
  });

  it('bad input is a 400 naming the field, on the API and next to the field on the page', async () => {
    const { status, json } = await estimate({ period: '2026-3', adults: [17], children: [{ age: 21 }], costs: { rent: '-5' }, incomes: { lottery: '5' }, extra: 1 });
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
    children: fc.array(fc.record({ age: fc.integer({ min: 0, max: 20 }), lunchAtPreschool: fc.boolean(), inSchool: fc.boolean() }), { maxLength: 8 }),
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

afterAll(() => vi.restoreAllMocks());
