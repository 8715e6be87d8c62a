/**
 * The Swedish breakdown `calculate` prints (src/explain/render.ts), as the legal review asked: a
 * person reads it, so it shows no code word (cost, income and asset types, reason, flag and missing-fact
 * codes, severities, the names of a flag's amounts), people by name or as the worksheet names them
 * (never the member id), counts in the right number ("1 person", "1 månad"), and no per-head split of a
 * refusal among the children. The English breakdown keeps its codes (unchanged).
 *
 * The trace's reference lines (the rule ids of rules/ and their values, under each step) are the
 * references an auditor follows and stay as they are; everything else is checked.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { maskProtected, MASK } from '../../src/casework/protectedIdentity.ts';
import { breakdown, fixture, ROOT } from '../support/engine.ts';

const fixtures = readdirSync(`${ROOT}fixtures`).filter((f) => f.endsWith('.json'));

/** The breakdown without the trace's reference lines and the rule-set line (ids an auditor follows). */
function readable(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let inTrace = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l === 'Beräkningsgång') inTrace = true;
    else if (l === 'Beslutstext') inTrace = false;
    // Under each numbered step: its rule, paragraph and parameters.
    if (inTrace && /^ {7}\S/.test(l) && /^ +\d+\. /.test(lines[i - 1] ?? '')) continue;
    if (l.startsWith('Regelversion: ')) continue;
    out.push(l);
  }
  return out.join('\n');
}

/** Every type key the fixtures use (rent, child-allowance, …): code words of the input. */
const typeKeys = (() => {
  const keys = new Set<string>();
  const raw = fixtures.map((f) => fixture(f));
  for (const h of raw) for (const list of ['costs', 'incomes', 'assets'] as const) for (const x of (h[list] as { type?: string }[] | undefined) ?? []) if (x.type) keys.add(x.type);
  return [...keys];
})();

/** A household from a fixture, with names given to its members (and one of them protected, when asked). */
function named(name: string, protect: string | null = null): Record<string, unknown> {
  const h = fixture(name);
  const names = ['Sara Lind', 'Olle Lind', 'Maja Lind', 'Nils Berg', 'Eva Berg', 'Ali Hassan', 'Lina Ek', 'Tor Ek', 'Ida Ek', 'Bo Ek'];
  h['members'] = (h['members'] as Record<string, unknown>[]).map((m, i) => ({ ...m, name: names[i], ...(m['id'] === protect ? { protectedIdentity: true } : {}) }));
  return h;
}

describe('the Swedish breakdown reads as Swedish, for every fixture', () => {
  const texts = fixtures.map((f) => [f, breakdown(fixture(f))] as const);

  it.each(texts)('%s: no code word, no member id, no per-head split, no broken plural', (name, text) => {
    const body = readable(text);
    const ids = (fixture(name)['members'] as { id: string }[]).map((m) => m.id);
    for (const id of ids) expect(body, `${name}: member id ${id}`).not.toMatch(new RegExp(`(?<![\\w/#-])${id}(?![\\w-])`));
    expect(body).not.toMatch(/\b[A-Z]{2,}_[A-Z_]+\b/); // RIGHT_TO_ASSISTANCE, OTHER_ADULT …
    expect(body).not.toMatch(/\bLIQUID\b|\bNON_LIQUID\b/);
    expect(body).not.toMatch(/\[(?:[A-Z_]+|[a-z]+\.[a-zA-Z.-]+)(?:, (?:block|assessment|warning|info))?\]/); // [CODE, severity], [norm.member]
    expect(body).not.toMatch(/\b(?:adultPart|withoutAdultPart|childrenPart|payableCounted|payableNotCounted)\b|\(full /);
    for (const key of typeKeys) expect(body, `${name}: type ${key}`).not.toMatch(new RegExp(`^ {2}(?:\\S+ )?${key}\\b`, 'm'));
    expect(body).not.toMatch(/person\(er\)|case\(s\)|\b1 personer\b|\b1 månader\b|\b1 månaders\b/);
    expect(body).not.toMatch(/motsvarar avslaget/);
    expect(body).not.toMatch(/engine \d/);
  });

  it('the English breakdown is the same as before: codes and ids (a view for developers and auditors)', () => {
    const en = breakdown(fixture('h7-three-adults-shared-home-2026.json'), 'en');
    expect(en).toContain('[RIGHT_TO_ASSISTANCE]');
    expect(en).toMatch(/\n {2}rent {20}/);
    expect(en).toContain('Separate case (not included): o1');
  });
});

describe('people by name, or as the worksheet names them', () => {
  it('h1 unnamed: "Sökande, född 1990", "Barn, 1 år" in the norm, the lines and the sentences; the flag\'s amounts by their Swedish names', () => {
    const text = breakdown(fixture('h1-labour-market-no-reason-children-1-and-15-2026.json'));
    expect(text).toMatch(/\n {2}Sökande, född 1990 +3 940 kr\n {2}Barn, 1 år +3 060 kr\n {2}Barn, 15 år +4 960 kr\n/);
    expect(text).toMatch(/\n {2}Medicin – Barn, 1 år +350 kr +350 kr\n/);
    expect(text).toContain('Barnbidrag och flerbarnstillägg för Sökande, född 1990, 2 650 kr, räknas som inkomst krona för krona.');
    expect(text).toContain('  - Hindrar förslag, Står inte till arbetsmarknadens förfogande');
    expect(text).toContain('(Fullt belopp 20 240 kr, Den vuxnes del 7 466,67 kr, Utan den vuxnes del 12 773,33 kr, Barnens del 12 773,33 kr)');
    expect(text).toContain('  - Barn, 1 år, bor här hela månaden; barnets normbelopp 3 060 kr.');
  });

  it('h1 named: the names given, the same function as the worksheet (people.ts label)', () => {
    const text = breakdown(named('h1-labour-market-no-reason-children-1-and-15-2026.json'));
    expect(text).toMatch(/\n {2}Sara Lind \(sökande\) +3 940 kr\n {2}Olle Lind \(barn, 1 år\) +3 060 kr\n/);
    expect(text).toContain('  - Olle Lind (barn, 1 år), bor här hela månaden; barnets normbelopp 3 060 kr.');
    expect(text).toContain('1. Riksnorm per person: Sara Lind (sökande): personliga kostnader för ensamstående vuxen 3 940 kr.');
  });

  it('h7: own cases by role and birth date, with the Swedish words for why', () => {
    const text = breakdown(fixture('h7-three-adults-shared-home-2026.json'));
    expect(text).toContain('  Eget ärende (ingår inte): Annan vuxen, född 1991-02-02\n');
    expect(text).toContain('   Vuxen i hushållet som inte är sambo');
    expect(text).toContain('  - Delad bostad, hushållets andel: Boendekostnad (hyra/avgift) för hela bostaden 8 000 kr.');
    expect(text).toContain('sedan 2 personer med egna ärenden fått sin andel');
  });

  it('skyddad identitet: masked as the worksheet and the letter are, the breakdown keeps no protected name', () => {
    const h = named('h1-labour-market-no-reason-children-1-and-15-2026.json', 'c1');
    const text = breakdown(h);
    expect(text).toContain('Olle Lind');
    const masked = maskProtected(text, h);
    expect(masked).not.toContain('Olle');
    expect(masked).toContain(MASK);
    expect(masked).toContain('Sara Lind (sökande)');
  });
});

describe('counts in the right number', () => {
  const single = { caseId: 'S1', period: '2026-03', members: [{ id: 'a1', role: 'applicant', birthDate: '1990-01-01' }], costs: [{ type: 'rent', amount: '5000' }], circumstances: { availableForWork: true, consecutiveMonthsOnAssistance: 1 } };

  it('one person: "(1 person)", "Hushållet består av 1 person", "för 1 person"', () => {
    const text = breakdown(single);
    expect(text).toMatch(/Gemensamma hushållskostnader \(1 person\) +\d/);
    expect(text).toContain('Hushållet består av 1 person.');
    expect(text).toContain('Gemensamma hushållskostnader för 1 person:');
  });

  it('one month: "1 månad" (jobbstimulans not yet; the child section\'s months on aid)', () => {
    const withWork = { ...single, incomes: [{ memberId: 'a1', type: 'salary', amount: '2000' }] };
    expect(breakdown(withWork)).toContain('Hushållet har haft försörjningsstöd 1 månad; jobbstimulans gäller först efter');
    const family = { ...single, members: [...single.members, { id: 'c1', role: 'child', birthDate: '2018-01-01' }] };
    expect(breakdown(family)).toContain('→ 1 månad med försörjningsstöd.');
    expect(breakdown({ ...family, circumstances: { ...family.circumstances, consecutiveMonthsOnAssistance: 3 } })).toContain('→ 3 månader i följd med försörjningsstöd.');
  });

  it('one other adult in an own case: "1 person med eget ärende", "1 person som har ett eget ärende"', () => {
    const h = { ...single, members: [...single.members, { id: 'o1', role: 'other-adult', birthDate: '1960-01-01' }] };
    const text = breakdown(h);
    expect(text).toContain('sedan 1 person med eget ärende fått sin andel');
    expect(text).toContain('Bostaden delas med 1 person som har ett eget ärende, och kostnaden fördelas lika per person');
    expect(text).toContain('  - Bedömning, Delad bostad: Bostaden delas med 1 person som har ett eget ärende och bär sin andel');
    const family = breakdown({ ...h, members: [...h.members, { id: 'c1', role: 'child', birthDate: '2018-01-01' }] });
    expect(family).toContain('→ Bostaden delas med 1 person som har ett eget ärende. Den personens del av boendekostnaden är');
    expect(text).not.toMatch(/1 person (?:som har|med) egna ärenden/);
  });
});

describe('no per-head split of a refusal among the children (legal review)', () => {
  it('h11 (a refusal, children): the household-level note stays; "För … motsvarar avslaget" and the per-child öre shares are gone', () => {
    const text = breakdown(fixture('h11-rent-above-ceiling-after-radrum-with-children-2026.json'));
    expect(text).toContain('mindre för hushållet denna månad än om allt sökt beviljats');
    expect(text).not.toMatch(/motsvarar avslaget/);
    expect(text).not.toMatch(/\n {7}→ Barn, \d+ år: [\d ]+(,\d+)? kr/);
  });
});
