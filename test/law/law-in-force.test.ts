/**
 * Which law applies (docs/law-in-force.md): the norm amounts follow the benefit month; the cited law
 * follows the decision date (decidedOn) when the input gives one, else the month. SoL (2001:453) before
 * 2025-07-01, SoL (2025:400) from then, with the paragraphs of the map (rules/legal-references.json).
 */
import { describe, expect, it } from 'vitest';
import { book, cache, calc, rulesFor, evaluateRendered } from '../support/engine.ts';
import { applicant, child, household } from '../support/households.ts';
import { parsePeriod } from '../../src/period/index.ts';

const single = (period: string, extra: Record<string, unknown> = {}) => ({ ...household(period, [applicant()]), ...extra });
const refsOn = (date: string) => book.legal.data.versions.find((v) => v.effectiveFrom <= date && (v.effectiveTo === null || date <= v.effectiveTo))!.refs;

describe('the cited law follows the decision date, the norm follows the month', () => {
  // Issue 20: a decision made from 2025-07-01 cites the ordinance in force that day, socialtjänstförordningen
  // (2025:468) 12 kap. 2 §, whose table is "under 2025" (was: the June table and the repealed (2001:937)).
  it('June 2025 decided on 3 July 2025: the 2025:468 table, which covers all of 2025, and SoL (2025:400) cited; never 2001:937', () => {
    const june = calc(single('2025-06'));
    const decided = calc(single('2025-06', { decidedOn: '2025-07-03' }));
    expect(june.law).toBe('SoL (2001:453)');
    expect(decided.law).toBe('SoL (2025:400)');
    expect(decided.norm.total).toBe(june.norm.total);
    expect(decided.norm.members.map((m) => m.rule)).toEqual(['riksnorm/2025-07#single']);
    expect(decided.norm.table).toContain('SFS 2025:468');
    expect(decided.decisionText).toContain('socialtjänstförordningen (2025:468) 12 kap. 2–3 §§');
    expect(JSON.stringify(decided)).not.toContain('2001:937');
    expect(june.decisionText).toContain('2001:937');
    expect(decided.reasons[0]!.legalRef).toBe('12 kap. 1 § första stycket SoL (2025:400)');
    expect(decided.ruleSetVersion).not.toBe(june.ruleSetVersion);
  });
  it('a decision made in 2026 about December 2025 still uses the 2025 table (the 2026 table does not cover 2025)', () => {
    expect(calc(single('2025-12', { decidedOn: '2026-01-05' })).norm.members.map((m) => m.rule)).toEqual(['riksnorm/2025-07#single']);
  });
  it('July 2025 decided on 30 June 2025: the July table (SFS 2025:468), SoL (2001:453) and its appeal route', () => {
    const d = calc(single('2025-07', { decidedOn: '2025-06-30' }));
    const month = calc(single('2025-07'));
    expect(d.law).toBe('SoL (2001:453)');
    expect(d.norm.total).toBe(month.norm.total);
    expect(d.decisionText).toContain('16 kap. 3 § SoL (2001:453) och 43 § förvaltningslagen (2017:900)');
    expect(month.decisionText).toContain('35 kap. 1 § 1 SoL (2025:400) och 43 § förvaltningslagen (2017:900)');
  });
  it('without decidedOn the month decides, as before', () => {
    expect(calc(single('2025-06')).law).toBe('SoL (2001:453)');
    expect(calc(single('2025-07')).law).toBe('SoL (2025:400)');
  });
  it('a decision made the day the law changes cites the new law', () => {
    expect(calc(single('2025-06', { decidedOn: '2025-06-30' })).law).toBe('SoL (2001:453)');
    expect(calc(single('2025-06', { decidedOn: '2025-07-01' })).law).toBe('SoL (2025:400)');
  });
});

describe('decidedOn is validated', () => {
  const issues = (raw: unknown) => {
    const r = evaluateRendered(raw, rulesFor);
    return r.ok ? [] : r.issues.map((i) => `${i.path} ${i.code}`);
  };
  it('an impossible date names the field', () => {
    expect(issues(single('2025-03', { decidedOn: '2025-02-30' }))).toEqual(['decidedOn INVALID_DATE']);
    expect(issues(single('2025-03', { decidedOn: 20250301 }))).toEqual(['decidedOn INVALID_FIELD']);
  });
  it('more than a month before the benefit month is refused; the month before and any later date are fine', () => {
    expect(issues(single('2025-03', { decidedOn: '2025-01-31' }))).toEqual(['decidedOn DECIDED_TOO_EARLY']);
    expect(issues(single('2025-03', { decidedOn: '2025-02-01' }))).toEqual([]);
    expect(issues(single('2025-03', { decidedOn: '2029-05-01' }))).toEqual([]);
  });
  it('a rule set provider that drops decidedOn is an engine error, never a silently wrong law', () => {
    expect(() => evaluateRendered(single('2025-06', { decidedOn: '2025-07-03' }), (p, m) => cache.get(p, m))).toThrow(/decidedOn/);
  });
  it('the cache keeps one rule set per law in force, not per date', () => {
    const p = parsePeriod('2025-06')!;
    expect(cache.get(p, null, '2025-07-03')).toBe(cache.get(p, null, '2025-12-24'));
    expect(cache.get(p, null, '2025-06-03')).toBe(cache.get(p, null));
  });
});

describe('SoL (2025:400): the paragraphs of the map', () => {
  const refs = refsOn('2025-07-01');
  it.each([
    ['rightToAssistance', '12 kap. 1 § första stycket SoL (2025:400)', 'verified'],
    ['labourMarket', '12 kap. 3 § SoL (2025:400)', 'verified-single-source'],
    ['riksnorm', '12 kap. 7 § första stycket 1 SoL (2025:400)', 'verified'],
    ['reasonableCosts', '12 kap. 7 § första stycket 2 SoL (2025:400)', 'verified-single-source'],
    ['normAdjustment', '12 kap. 7 § tredje stycket SoL (2025:400)', 'verified-single-source'],
    ['jobbstimulans', '12 kap. 8 § SoL (2025:400)', 'verified-single-source'],
    ['childrenEarnings', '12 kap. 9 § SoL (2025:400)', 'verified-single-source'],
    ['childBestInterest', '3 kap. 1 § SoL (2025:400)', 'verified-single-source'],
    ['documentation', '14 kap. 3 § SoL (2025:400)', 'verified'],
    ['agencyData', '15 kap. 10–12 §§ SoL (2025:400)', 'verified'],
    ['appealRoute', '35 kap. 1 § 1 SoL (2025:400) och 43 § förvaltningslagen (2017:900)', 'verified-single-source'],
    ['appealDeadline', '44–45 §§ förvaltningslagen (2017:900)', 'verified'],
    ['statementOfReasons', '32 § förvaltningslagen (2017:900)', 'verified'],
    ['automatedDecision', '28 § förvaltningslagen (2017:900)', 'verified'],
    ['personalReview', '37–39 §§ förvaltningslagen (2017:900)', 'verified'],
    ['normAmounts', '12 kap. 2 § socialtjänstförordningen (2025:468)', 'verified'],
  ])('%s: %s (%s)', (topic, ref, status) => {
    expect(refs[topic]).toMatchObject({ ref, status });
  });
  it('a verified reference read in one source names the independent source that cites the same number', () => {
    expect(refs['documentation']!.corroboratedBy).toEqual(['sfs-2022-913']);
    expect(refs['statementOfReasons']!.corroboratedBy).toEqual(['sfs-cross-references-fl-2017-900']);
    expect(refs['personalReview']!.corroboratedBy).toEqual(['sfs-cross-references-fl-2017-900']);
    expect(refs['automatedDecision']!.corroboratedBy).toEqual(['digg-fl-28']);
    // the resolved rule set carries the second source with its title and address, next to the first
    const resolved = cache.get(parsePeriod('2026-03')!, null).rules.legal.refs['automatedDecision']!;
    expect(resolved.source.key).toBe('se-lex-fl-2017-900');
    expect(resolved.corroboratedBy!.map((s) => [s.key, s.url])).toEqual([['digg-fl-28', 'https://www.digg.se/kunskap-och-stod/skapa-automationsvanliga-regelverk/nar-ar-det-mojligt-med-automation']]);
    expect(cache.get(parsePeriod('2026-03')!, null).rules.legal.refs['labourMarket']).not.toHaveProperty('corroboratedBy');
    // still one source only: the paragraph was read in the se-lex text, no other source cites the number
    expect(refs['labourMarket']!.corroboratedBy).toBeUndefined();
    expect(refsOn('2025-06-30')['statementOfReasons']).toMatchObject({ ref: '32 § förvaltningslagen (2017:900)', status: 'verified' });
    expect(refsOn('2018-06-30')['statementOfReasons']).toMatchObject({ ref: '20 § förvaltningslagen (1986:223)', status: 'unverified' });
  });
  it('before SFS 2016:654 the law did not say godtagbara skäl: the citation says they came from rättspraxis', () => {
    expect(refsOn('2015-06-01')['medicalCertificate']).toEqual({ ref: '4 kap. 1 § SoL (2001:453) (godtagbara skäl enligt rättspraxis; i lagtexten först från 2016-07-01)', status: 'unverified', source: 'prop-2015-16-136' });
    expect(refsOn('2016-07-01')['medicalCertificate']).toMatchObject({ ref: '4 kap. 1 § andra stycket SoL (2001:453) (godtagbara skäl)', status: 'verified', source: 'sfs-2016-654' });
  });
  it('1 kap. 2 § SoL (2001:453) is read in SFS 2012:776 for the versions from 2016-07; the wording before 2013 was not read', () => {
    expect(refsOn('2024-06-01')['childBestInterest']).toEqual({ ref: '1 kap. 2 § SoL (2001:453)', status: 'verified-single-source', source: 'sfs-2012-776' });
    expect(refsOn('2017-01-01')['childBestInterest']).toMatchObject({ status: 'verified-single-source', source: 'sfs-2012-776' });
    expect(refsOn('2015-06-01')['childBestInterest']).toMatchObject({ ref: '1 kap. 2 § SoL (2001:453)', status: 'unverified' });
  });
  it('a reference naming several paragraphs is only as verified as its least-read one (2018-07 – 2025-06)', () => {
    // The source read for appealRoute is förvaltningslagen (2017:900); 16 kap. 3 § SoL (2001:453) was not read.
    expect(refsOn('2024-06-01')['appealRoute']).toEqual({ ref: '16 kap. 3 § SoL (2001:453) och 43 § förvaltningslagen (2017:900)', status: 'unverified', source: 'se-lex-fl-2017-900' });
    // SFS 2013:421 holds 4 kap. 1 a, 1 b and 4 §§; 4 kap. 5 § was not read.
    expect(refsOn('2024-06-01')['activityRequirement']).toEqual({ ref: '4 kap. 4–5 §§ SoL (2001:453)', status: 'unverified', source: 'sfs-2013-421' });
  });
  it('no placeholder is left and the repealed ordinance (2001:937) is not cited from July 2025', () => {
    for (const v of book.legal.data.versions) {
      for (const r of Object.values(v.refs)) {
        expect(r.ref).not.toContain('motsvarar');
        if (v.effectiveFrom >= '2025-07-01') expect(r.ref).not.toContain('2001:937');
      }
    }
  });
  it('the aktivitetskrav and läkarintyg paragraphs from July 2026 are marked unverified (SFS 2026:730 from one weak source)', () => {
    expect(refsOn('2026-07-01')['activityRequirement']).toMatchObject({ status: 'unverified' });
    expect(refsOn('2026-07-01')['medicalCertificate']).toMatchObject({ status: 'unverified' });
    expect(refsOn('2027-01-01')['subletConsent']).toMatchObject({ status: 'pending' });
    expect(refsOn('2027-01-01')['lawfulResidence']).toMatchObject({ status: 'pending' });
  });
  it('the transitional provisions keep SoL (2001:453) for appeals of earlier decisions (p. 6) and återkrav of earlier aid (p. 5 a)', () => {
    const t = book.legal.data.transitional!;
    expect(t.map((x) => [x.id, x.topics, x.appliesWhen, x.date])).toEqual([
      ['sol-2025-400-p6', ['appealRoute'], 'decidedBefore', '2025-07-01'],
      ['sol-2025-400-p5a', ['recovery'], 'grantedBefore', '2025-07-01'],
    ]);
    expect(refsOn('2025-06-30')['recovery']!.ref).toContain('9 kap.');
    expect(refsOn('2025-07-01')['recovery']!.ref).toContain('33 kap.');
  });
  it('barnkonsekvens cites 3 kap. 1 § from July 2025 and 1 kap. 2 § before', () => {
    const kids = (period: string, extra = {}) => calc({ ...household(period, [applicant(), child('c1', '2015-05-05')]), ...extra });
    expect(kids('2026-03').childImpact!.legalRefs.join(' ')).toContain('3 kap. 1 § SoL (2025:400)');
    expect(kids('2025-06').childImpact!.legalRefs.join(' ')).toContain('1 kap. 2 § SoL (2001:453)');
    expect(kids('2025-06', { decidedOn: '2025-07-02' }).childImpact!.legalRefs.join(' ')).toContain('3 kap. 1 § SoL (2025:400)');
  });
});
