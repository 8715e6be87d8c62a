/**
 * The resident page's general information (issues 12 and 29) without a browser: a page for every
 * month; the rules that apply read from rules/ (a change there changes the page); the amounts and the
 * self-check only from the month's published rules, the latest published ones labelled as such; the
 * municipality's contact details from rules/municipal/, outside the rule set version.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RuleSetCache } from '../../src/index.ts';
import { createApp } from '../../src/web/app.ts';
import { LANGS, loadCatalogs, Translator } from '../../src/web/resident/catalog.ts';
import { book, cache, calc, RULES_DIR } from '../support/engine.ts';
import { cli } from '../store/support.ts';
import { EXEMPELBY_CONTACT, FAMILY_SELF_CHECK, rulesCopy } from './support.ts';

const DECEMBER_2026 = () => new Date('2026-12-10T09:00:00Z');
const app = createApp({ rulebook: book, clock: DECEMBER_2026 });
const catalogs = loadCatalogs();
const get = async (path: string, on = app) => (await on.request(path)).text();
const dataValues = (html: string) => [...html.matchAll(/<data value="([^"]+)"/g)].map((m) => m[1]!);
/** The HTML of one section by its id. */
const section = (html: string, id: string) => {
  const start = html.indexOf(`<section id="${id}"`);
  return start < 0 ? '' : html.slice(start, html.indexOf('</section>', html.lastIndexOf(`<section id="${id}"`)) + 10);
};

/** An app on a copy of rules/ with edits (the page must follow rules/, not a constant in the code). */
function withRules(edit: (dir: string) => void, options: { municipality?: string; contact?: unknown } = {}) {
  const { rulebook, cleanup } = rulesCopy(edit, options.contact);
  return { app: createApp({ rulebook, clock: DECEMBER_2026, ...(options.municipality ? { municipality: options.municipality } : {}) }), rulebook, cleanup };
}

function editJson(file: string, change: (data: any) => void): void {
  const data = JSON.parse(readFileSync(file, 'utf8'));
  change(data);
  writeFileSync(file, JSON.stringify(data, null, 2));
}

describe('a page for every month', () => {
  const norm2026 = cache.get({ year: 2026, month: 12 }, null).rules.riksnorm;
  const amounts2026 = new Set([norm2026.single.value, norm2026.cohabiting.value, ...norm2026.common.map((c) => c.value), ...norm2026.children.flatMap((b) => [b.withLunch.value, ...(b.withoutLunch ? [b.withoutLunch.value] : [])])]);

  it('January 2027 (rules pending): how to apply, requirements, appeal and rights are there, with the dated notice', async () => {
    const html = await get('/invanare/?lang=sv&month=2027-01');
    for (const id of ['ansok', 'kontakt', 'krav', 'aktivitetskrav', 'lakarintyg', 'hushall', 'overklaga', 'rattigheter']) expect(section(html, id), id).not.toBe('');
    const notice = section(html, 'nytt');
    expect(notice).toContain('Nya regler från 1 januari 2027');
    expect(notice).toContain('Riksdagen har beslutat om ändringar i försörjningsstödet som gäller från 1 januari 2027.');
    expect(notice).toContain('Beloppen för 2027 är ännu inte publicerade.');
    expect(notice).toContain('Längre ner visas de senast publicerade beloppen, för 2026, och de är inte beloppen för januari 2027.');
    expect(section(html, 'provberakning')).toContain('Provberäkningen fungerar igen när regeringen har publicerat beloppen för 2027 och de har lagts in här.');
    expect(html).not.toContain('<form method="post"');
  });

  it('January 2027 shows no 2027 amounts: only the 2026 table, in a section labelled 2026 and "not the amounts for januari 2027"', async () => {
    const html = await get('/invanare/?lang=sv&month=2027-01');
    const norm = section(html, 'norm');
    expect(norm).toContain('<h2 id="norm-h">Riksnormen för 2026</h2>');
    expect(norm).toContain('De här beloppen gällde till och med december 2026 och är inte beloppen för januari 2027.');
    expect(norm).toContain('Personliga kostnader per månad, 2026');
    expect(norm).toContain('Exempel för 2026:');
    // Every figure on the page is the 2026 table's (or derived from it): nothing is presented for 2027.
    const outsideNorm = html.replace(norm, '');
    expect(dataValues(outsideNorm)).toEqual([]);
    for (const v of dataValues(norm)) expect(amounts2026.has(v) || v === '190' || v === '5220', v).toBe(true);
    expect(html).not.toMatch(/för januari 2027<\/h2>/);
    expect(html).not.toContain('Riksnormen för januari 2027');
  });

  it('every language shows the notice and labels the amounts, never another year as the month\'s', async () => {
    for (const lang of LANGS) {
      const t = new Translator(lang, catalogs[lang]);
      const html = await get(`/invanare/?lang=${lang}&month=2027-01`);
      expect(html, lang).toContain(t.t('notice.pendingHeading', { date: t.date('2027-01-01') }));
      expect(html, lang).toContain(`<h2 id="norm-h">${t.t('norm.heading', { label: '2026' }).replace(/&/g, '&amp;')}</h2>`);
      expect(html, lang).toContain(t.t('check.worksAgain', { year: '2027' }).replace(/'/g, '&#39;'));
    }
  });

  it('the self-check API answers RULES_PENDING for 2027, and posting the form shows the page without a result', async () => {
    const api = await app.request('/api/invanare/provberakning', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ...FAMILY_SELF_CHECK, period: '2027-01' }) });
    expect(api.status).toBe(400);
    expect(((await api.json()) as any).errors).toEqual([expect.objectContaining({ path: 'period', code: 'RULES_PENDING' })]);
    const page = await app.request('/invanare/?lang=sv&month=2027-01', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'adult1=35&cost.rent=6000' });
    const html = await page.text();
    expect(html).not.toContain('id="resultat"');
    expect(html).toContain('Provberäkningen kan inte användas för januari 2027');
  });

  it('a month with no rules at all beyond the pending year (2031) still informs, labels the latest amounts and has no self-check', async () => {
    const html = await get('/invanare/?lang=sv&month=2031-01');
    expect(html).toContain('Inga belopp för januari 2031');
    expect(html).toContain('Sidan har inga belopp för januari 2031.');
    expect(section(html, 'norm')).toContain('Riksnormen för 2026');
    expect(section(html, 'ansok')).toContain('Du ansöker hos socialtjänsten');
    expect(html).not.toContain('Provberäkningen fungerar igen'); // no pending file: no promise of when
    const api = await app.request('/api/invanare/provberakning', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ...FAMILY_SELF_CHECK, period: '2031-01' }) });
    expect(((await api.json()) as any).errors[0].code).toBe('NO_RULES_FOR_PERIOD');
  });

  it('a month with published rules shows its own amounts, the self-check form and no notice', async () => {
    const html = await get('/invanare/?lang=sv&month=2026-12');
    expect(section(html, 'nytt')).toBe('');
    expect(section(html, 'norm')).toContain('Riksnormen för december 2026');
    expect(html).toContain('<form method="post"');
  });

  it('a month before any legal reference (1999) says so and still tells how to apply and whom to contact', async () => {
    const html = await get('/invanare/?lang=sv&month=1999-05');
    expect(html).toContain('Sidan har ingen information för maj 1999.');
    expect(section(html, 'ansok')).not.toBe('');
    expect(section(html, 'kontakt')).not.toBe('');
    expect(html).not.toContain('<data value=');
  });

  it('the default month is today in Sweden, from the web layer clock: on 5 January 2027 the page is January 2027', async () => {
    const newYear = createApp({ rulebook: book, clock: () => new Date('2027-01-05T08:00:00Z') });
    const html = await get('/invanare/?lang=sv', newYear);
    expect(html).toContain('Uppgifterna gäller januari 2027.');
    expect(html).toContain('Nya regler från 1 januari 2027');
    const eve = createApp({ rulebook: book, clock: () => new Date('2025-12-31T23:30:00Z') });
    expect(await get('/invanare/?lang=en', eve)).toContain('The information applies to January 2026.');
  });
});

describe('the rules that apply, generated from rules/', () => {
  it('aktivitetskrav: who, from when, every exemption of rules/, and what happens without an acceptable reason', async () => {
    const rule = cache.get({ year: 2026, month: 12 }, null).rules.activityRequirement!;
    const html = section(await get('/invanare/?lang=sv&month=2026-12'), 'aktivitetskrav');
    expect(html).toContain('Från och med försörjningsstöd för oktober 2026 gäller ett aktivitetskrav för vuxna.');
    expect(html).toContain(`Har du fått försörjningsstöd i ${rule.qualifyingConsecutiveMonths.value} månader i följd ska du delta`);
    const items = [...html.matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1]);
    expect(items).toHaveLength(rule.exemptions.length);
    expect(html).toContain('ska socialnämnden neka eller sänka ditt fortsatta försörjningsstöd');
    // Not in force before October 2026.
    expect(section(await get('/invanare/?lang=sv&month=2026-09'), 'aktivitetskrav')).toBe('');
  });

  it('the läkarintyg duty from July 2026, and not before', async () => {
    const html = section(await get('/invanare/?lang=sv&month=2026-12'), 'lakarintyg');
    expect(html).toContain('ska du lämna in ett läkarintyg som visar det');
    expect(html).toContain('Kravet på läkarintyg gäller från juli 2026.');
    // The seven-day threshold is unverified in rules/: not stated as a fact.
    expect(html).not.toContain('dagar');
    expect(section(await get('/invanare/?lang=sv&month=2026-06'), 'lakarintyg')).toBe('');
  });

  it('the 18–20 rule, children\'s exempt earnings (the year\'s prisbasbelopp) and jobbstimulans with its 24 months', async () => {
    const html = section(await get('/invanare/?lang=sv&month=2026-12'), 'hushall');
    expect(html).toContain('Ungdomar som är 18–20 år och bor hemma ingår i hushållet om de går i grundskola eller gymnasieskola.');
    expect(html).toContain('Andra ungdomar från 18 år ingår inte i hushållet och kan ansöka om bistånd själva.');
    expect(html).toContain('Lön som barn och skolungdomar under 21 år tjänar själva räknas inte som inkomst');
    expect(html).toMatch(/Gränsen är 1 prisbasbelopp, för 2026 alltså <data value="59200" dir="ltr">59\u00a0200\u00a0kr<\/data>\./);
    expect(html).toContain('räknas 25 procent av din lön inte som inkomst, i högst 24 månader, så kallad jobbstimulans');
    expect(html).not.toContain('hela hushållets inkomster räknas ihop');
  });

  it('changes with rules/: months for aktivitetskrav, an exemption, jobbstimulans\'s 24 months and the läkarintyg threshold', async () => {
    const changed = withRules((dir) => {
      editJson(join(dir, 'activity-requirement.json'), (d) => {
        d.values[0].qualifyingConsecutiveMonths.value = 4;
        d.values[0].exemptions = d.values[0].exemptions.filter((e: { code: string }) => e.code !== 'pension-age');
        d.values[0].exemptions.push({ code: 'new-ground', sv: 'har ett nytt skäl som lagen anger', en: 'a new ground', status: 'verified', source: 'prop-2025-26-207' });
      });
      editJson(join(dir, 'jobbstimulans.json'), (d) => {
        d.values[0].durationMonths.value = 36;
      });
      editJson(join(dir, 'medical-certificate.json'), (d) => {
        d.values[0].requiredAfterDays.status = 'verified';
      });
    });
    try {
      const html = await get('/invanare/?lang=sv&month=2026-12', changed.app);
      expect(html).toContain('Har du fått försörjningsstöd i 4 månader i följd');
      expect(html).not.toContain('riktåldern för pension');
      // An exemption the catalogues have no words for yet: shown in the rules' Swedish, marked as Swedish.
      expect(section(html, 'aktivitetskrav')).toContain('<bdi lang="sv" dir="ltr">har ett nytt skäl som lagen anger</bdi>');
      expect(html).toContain('i högst 36 månader');
      expect(html).toContain('Intyget behövs när sjukdomen varar längre än 7 dagar.');
      const en = await get('/invanare/?lang=en&month=2026-12', changed.app);
      expect(en).toContain('<bdi lang="sv" dir="ltr">har ett nytt skäl som lagen anger</bdi>');
    } finally {
      changed.cleanup();
    }
  });

  it('changes with rules/: a changed norm amount is what the page shows', async () => {
    const before = cache.get({ year: 2026, month: 3 }, null).rules.riksnorm.single.value;
    const changed = withRules((dir) => {
      const file = join(dir, 'riksnorm', '2026.json');
      writeFileSync(file, readFileSync(file, 'utf8').replaceAll(`"amount": "${before}"`, '"amount": "4321"'));
    });
    try {
      const html = await get('/invanare/?lang=sv&month=2026-03', changed.app);
      expect(html).toMatch(/Vuxen som bor ensam<\/th><td><data value="4321"/);
      expect(html).not.toContain(`<data value="${before}"`);
    } finally {
      changed.cleanup();
    }
  });

  it('the norm covers what the Act lists (12 kap. 7 § första stycket 1 SoL (2025:400)): no tv-avgift', async () => {
    const html = await get('/invanare/?lang=sv&month=2026-12');
    expect(html).toContain('Riksnormen ska räcka till livsmedel, kläder och skor, lek och fritid, förbrukningsvaror, hälsa och hygien samt dagstidning och telefon.');
    for (const lang of LANGS) expect(catalogs[lang].messages['norm.covers']!.toLowerCase(), lang).not.toMatch(/tv|телебач|تلفزيون|تلویزیون|telev|ቴሌቪዥን/);
  });

  it('lists the skäliga kostnader and the costs assessed case by case from the cost types', async () => {
    const costs = section(await get('/invanare/?lang=sv&month=2026-03'), 'costs');
    const [reasonable, assessed] = costs.split('Andra kostnader');
    for (const label of ['Hyra eller avgift för bostaden', 'Hushållsel', 'Resor till och från arbetet', 'Hemförsäkring', 'Avgift till fackförening', 'Avgift till a-kassa']) expect(reasonable).toContain(label);
    for (const label of ['Tandvård', 'Glasögon']) expect(assessed).toContain(label);
    expect(reasonable).not.toContain('Tandvård');
  });

  it('shows every riksnorm amount of the month as the rules file has it, and the example totals the engine\'s norm', async () => {
    const norm2026 = cache.get({ year: 2026, month: 3 }, null).rules.riksnorm;
    const html = await get('/invanare/?lang=en&month=2026-03');
    const values = dataValues(html);
    for (const v of [norm2026.single.value, norm2026.cohabiting.value, ...norm2026.children.map((c) => c.withLunch.value), ...norm2026.common.map((a) => a.value)]) expect(values).toContain(v);
    const example = /Example for March 2026:.*?<\/p>/.exec(html)![0];
    const single = calc({ period: '2026-03', members: [{ id: 'a1', role: 'applicant', birthDate: '1980-01-01' }], circumstances: { availableForWork: true } });
    expect(dataValues(example).at(-1)).toBe(single.norm.total);
  });

  it('cites the law in force for the month, and only references whose text was read', async () => {
    const refs = JSON.parse(readFileSync(join(RULES_DIR, 'legal-references.json'), 'utf8'));
    const inForce = (date: string) => refs.versions.find((v: { effectiveFrom: string; effectiveTo: string | null }) => v.effectiveFrom <= date && (v.effectiveTo === null || date <= v.effectiveTo));
    for (const [month, date] of [['2026-12', '2026-12-01'], ['2024-03', '2024-03-01']] as const) {
      const html = await get(`/invanare/?lang=sv&month=${month}`);
      const v = inForce(date);
      expect(html).toContain(v.law);
      for (const [topic, r] of Object.entries(v.refs) as [string, { ref: string; status: string }][]) {
        const shown = html.includes(r.ref.replace(/&/g, '&amp;'));
        const read = r.status === 'verified' || r.status === 'verified-single-source';
        // The topics of the sections every month has are cited when their text was read; nothing unread ever is.
        if (['labourMarket', 'appealRoute', 'reasonableCosts', 'childrenEarnings', 'jobbstimulans', 'householdMembers', 'riksnorm'].includes(topic)) expect(shown, `${month} ${topic} (${r.status})`).toBe(read);
        else if (!read) expect(shown, `${month} ${topic} (${r.status})`).toBe(false);
      }
    }
  });
});

describe('the municipality\'s contact details (rules/municipal/<kommunkod>.json, contact)', () => {
  const CONTACT = EXEMPELBY_CONTACT;
  const withMunicipality = (contact: unknown = CONTACT) => withRules(() => {}, { municipality: '9999', contact });

  it('the default file names no municipality: the page says to contact your municipality, with general emergency advice, and nothing made up', async () => {
    const html = section(await get('/invanare/?lang=sv&month=2026-12'), 'kontakt');
    expect(html).toContain('Kontakta socialtjänsten i den kommun där du bor; telefonnummer, adress och e-tjänst finns på kommunens webbplats.');
    expect(html).toContain('kan du få nödbistånd');
    expect(html).toContain('ring 112');
    expect(html).not.toMatch(/tel:|https:|Öppettider|Besöksadress|socialjouren/);
    const contact = JSON.parse(readFileSync(join(RULES_DIR, 'municipal', 'default.json'), 'utf8')).contact;
    for (const [field, v] of Object.entries(contact) as [string, { value: unknown }][]) expect(v.value, field).toBeNull();
  });

  it('a municipality\'s details are on the page and on the printout, with the page\'s own address', async () => {
    const m = withMunicipality();
    try {
      for (const path of ['/invanare/?lang=sv&month=2027-01', '/invanare/utskrift?lang=sv&month=2027-01']) {
        const html = section(await get(path, m.app), 'kontakt');
        expect(html, path).toContain('<bdi lang="sv" dir="ltr">Socialtjänsten i Exempelby kommun</bdi>');
        expect(html).toContain('<a href="tel:0123456700" dir="ltr">0123-45 67 00</a>');
        expect(html).toContain('Öppettider: måndag–fredag <bdi dir="ltr">08:00–16:30</bdi>');
        expect(html).toContain('Besöksadress: <bdi lang="sv" dir="ltr">Storgatan 1, 123 45 Exempelby</bdi>');
        expect(html).toContain('href="https://e.exempelby.se/forsorjningsstod"');
        expect(html).toContain('Utanför öppettiderna når du socialjouren på <a href="tel:0123459999" dir="ltr">0123-45 99 99</a>.');
      }
      const print = await get('/invanare/utskrift?lang=ti&month=2027-01', m.app);
      expect(print).toContain('<bdi dir="ltr">https://www.exempelby.se/invanare/?lang=ti</bdi>');
      const ar = section(await get('/invanare/?lang=ar&month=2026-12', m.app), 'kontakt');
      expect(ar).toContain(new Translator('ar', catalogs.ar).weekday(0));
    } finally {
      m.cleanup();
    }
  });

  it('without a published address the printout gives the address the page was served from', async () => {
    const html = await (await app.request('http://kommun.example/invanare/utskrift?lang=fi&month=2026-12')).text();
    expect(html).toContain('<bdi dir="ltr">http://kommun.example/invanare/?lang=fi</bdi>');
  });

  it('contact details are not part of the rule set: changing them changes no rule set version', async () => {
    const a = withMunicipality();
    const b = withMunicipality({ ...CONTACT, phone: { value: '0123-11 11 11', status: 'verified', source: 'kommunens-webb' } });
    const none = withMunicipality('none');
    try {
      const version = (rulebook: typeof book) => new RuleSetCache(rulebook).get({ year: 2026, month: 12 }, '9999').version;
      expect(version(a.rulebook)).toBe(version(b.rulebook));
      expect(version(a.rulebook)).toBe(version(none.rulebook));
      // Without a contact section of its own the municipality's page gives the default's general advice.
      expect(section(await get('/invanare/?lang=sv&month=2026-12', none.app), 'kontakt')).toContain('Kontakta socialtjänsten i den kommun där du bor');
    } finally {
      a.cleanup();
      b.cleanup();
      none.cleanup();
    }
  });

  it('serve --municipality needs a kommunkod with a file in rules/ (exit 2, naming the file)', async () => {
    const missing = await cli(['serve', '--municipality', '9999', '--port', '0']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no rules/municipal/9999.json');
    const bad = await cli(['serve', '--municipality', 'Sundsvall', '--port', '0']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--municipality: expected a kommunkod of four digits');
  });

  it('the default file must have a contact section (null values, never left out)', () => {
    expect(() => rulesCopy((dir) => editJson(join(dir, 'municipal', 'default.json'), (d) => delete d.contact))).toThrow(/municipal\/default\.json: contact is required in the default policy/);
  });

  it('a contact value without a listed source, or an e-service that is not https, is refused when rules/ is loaded', () => {
    for (const [contact, message] of [
      [{ ...CONTACT, phone: { value: '1', status: 'verified', source: 'nowhere' } }, /source "nowhere" is used but not listed/],
      [{ ...CONTACT, eService: { value: 'http://e.exempelby.se', status: 'verified', source: 'kommunens-webb' } }, /contact\.eService\.value: expected an https:\/\/ address/],
    ] as const) {
      expect(() => withMunicipality(contact)).toThrow(message);
    }
  });
});
