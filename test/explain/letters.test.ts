/**
 * Issue 21: letters fit to send. For every fixture and for 2 000 generated households the applicant's
 * letter (decisionText) and the caseworker's worksheet (worksheetText) are rendered, and the letter is
 * checked against what the review found:
 *
 * - no member id, no code word (/[A-Z]{2,}_[A-Z_]+/), no hash, no worksheet prompt or note to the
 *   caseworker, no "–" for a missing fact, none of the review's broken phrases;
 * - every refusal and every cut has a paragraph that names at least one fact of the input, and that
 *   fact is printed in it;
 * - a letter with children has a barnkonsekvens part for each child, with no per-head öre split;
 * - a proposal says "Förslag till beslut" and never that a person assessed anything.
 *
 * The LIX of each letter's body is measured per letter type (docs/letters.md gives the figures).
 */
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contractDecision, contractSummary } from '../../src/explain/contract.ts';
import { buildLetter, type LetterInput } from '../../src/explain/letter/build.ts';
import { bodyText, letterText, type LetterDocument } from '../../src/explain/letter/document.ts';
import { lix } from '../../src/explain/lix.ts';
import { evaluateHousehold } from '../../src/index.ts';
import { household as householdArb } from '../support/arbitraries.ts';
import { fixture, ROOT, rulesFor } from '../support/engine.ts';

const GENERATED = 2000;

interface Rendered {
  readonly name: string;
  readonly doc: LetterDocument;
  readonly text: string;
  readonly worksheet: string;
  readonly input: LetterInput;
  readonly memberIds: readonly string[];
  readonly inputText: string;
}

function render(name: string, raw: unknown): Rendered | null {
  const result = evaluateHousehold(raw, rulesFor);
  if (!result.ok) return null;
  const decision = contractDecision(result.decision, result);
  const input: LetterInput = { decision: contractSummary(result.decision), household: result.household, rules: result.ruleSet?.rules ?? null };
  const doc = buildLetter(input);
  return { name, doc, text: letterText(doc), worksheet: decision.worksheetText, input, memberIds: result.household.members.map((m) => m.id), inputText: JSON.stringify(raw) };
}

const fixtures = readdirSync(`${ROOT}fixtures`).filter((f) => f.endsWith('.json'));
const fromFixtures = fixtures.map((f) => render(f, fixture(f))).filter((r): r is Rendered => r !== null);
const generated = fc.sample(householdArb, { numRuns: GENERATED, seed: 21 }).map((h, i) => render(`generated #${i}`, h)).filter((r): r is Rendered => r !== null);
const all = [...fromFixtures, ...generated];

/** What belongs to the worksheet and never to a letter. */
const WORKSHEET_ONLY = [
  /ARBETSUNDERLAG/,
  /\bPröva\b/,
  /\bErbjud\b/,
  /[Rr]egelversion/,
  /motorversion/,
  /\bmotorn\b/,
  /inte är bekräftade/,
  /Villkoret/,
  /\[ska besvaras\]/,
  /Skälen ska motiveras/,
  /sha256/,
  /\b[0-9a-f]{16,}\b/,
];
/** The review's phrases that no applicant should read. */
const BROKEN = [/\(1 personer\)/, /\b1 månader\b/, /−0 kr/, /Avslaget\/delavslaget/, /\+\d+,\d+ %/, /sfs \d/, /\[[A-Z_]+\]/, /\bLIQUID\b/, /\brent\b/, /(?:^|: )–(?: |$)/m, /\bundefined\b|\bnull\b|NaN/];

describe('issue 21: the letter and the worksheet, for every fixture and 2 000 generated households', () => {
  it(`renders ${fixtures.length} fixtures and ${GENERATED} generated households`, () => {
    expect(fromFixtures.length).toBeGreaterThan(20);
    expect(generated.length).toBe(GENERATED);
    // Every kind of letter is among them.
    expect(new Set(all.map((r) => r.doc.kind))).toEqual(new Set(['proposal', 'request', 'none']));
  });

  it('the letter is the decision JSON\'s decisionText and the worksheet is apart', () => {
    for (const r of all) {
      expect(r.worksheet.startsWith('ARBETSUNDERLAG'), r.name).toBe(true);
      if (r.doc.kind === 'none') expect(r.text, r.name).toBe('');
    }
  });

  it('no letter contains a member id, a code word, a hash or a worksheet prompt', () => {
    for (const r of all) {
      if (r.text === '') continue;
      for (const id of r.memberIds) expect(r.text, `${r.name}: member id ${id}`).not.toMatch(new RegExp(`(?<![\\p{L}\\d])${id}(?![\\p{L}\\d])`, 'u'));
      expect(r.text, r.name).not.toMatch(/[A-Z]{2,}_[A-Z_]+/);
      for (const bad of WORKSHEET_ONLY) expect(r.text, `${r.name}: ${bad}`).not.toMatch(bad);
      for (const bad of BROKEN) expect(r.text, `${r.name}: ${bad}`).not.toMatch(bad);
      // The barnkonsekvens questions are the caseworker's; only the answers marked for the letter reach it.
      for (const p of r.input.rules?.childImpact.prompts ?? []) expect(r.text, `${r.name}: prompt ${p.id}`).not.toContain(p.sv);
    }
  });

  it('every refusal and every cut names at least one fact of the input, printed in its paragraph', () => {
    let refusals = 0;
    for (const r of all) {
      const d = r.input.decision;
      const cuts = d.reasons.filter((x) => x.code !== 'RIGHT_TO_ASSISTANCE' && (d.outcome === 'deny' || x.amount !== undefined));
      if (r.doc.kind !== 'proposal' || (d.outcome !== 'deny' && d.outcome !== 'partial') || cuts.length === 0) continue;
      refusals++;
      const paragraphs = r.doc.sections.flatMap((s) => s.blocks).filter((b) => b.kind !== 'table' && b.refusal === true);
      expect(paragraphs.length, r.name).toBeGreaterThan(0);
      for (const code of new Set(cuts.map((c) => c.code))) {
        const own = paragraphs.filter((b) => b.kind !== 'table' && b.code === code);
        expect(own.length, `${r.name}: ${code}`).toBeGreaterThan(0);
        const printed = (b: (typeof own)[number]) => (b.kind === 'p' ? b.text : b.kind === 'list' ? b.items.join('\n') : '');
        const facts = own.flatMap((b) => (b.kind !== 'table' ? (b.facts ?? []).filter((f) => printed(b).includes(f.text)) : []));
        expect(facts.length, `${r.name}: ${code} names no fact`).toBeGreaterThan(0);
      }
    }
    expect(refusals).toBeGreaterThan(100);
  });

  it('every letter with children has a barnkonsekvens part per child, without a per-head split', () => {
    let withChildren = 0;
    for (const r of all) {
      const c = r.input.decision.childImpact;
      if (r.doc.kind !== 'proposal' || c === null || c.children.length === 0) continue;
      withChildren++;
      expect(r.doc.sections.some((s) => s.id === 'children'), r.name).toBe(true);
      expect(r.doc.sections.filter((s) => s.id === 'child').map((s) => s.memberId), r.name).toEqual(c.children);
      expect(r.text, r.name).not.toMatch(/motsvarar avslaget|avslagets andel/);
    }
    expect(withChildren).toBeGreaterThan(100);
  });

  it('a proposal is "Förslag till beslut" and says a person decides; it never claims an assessment', () => {
    for (const r of all.filter((x) => x.doc.kind === 'proposal')) {
      expect(r.text.split('\n')[0], r.name).toBe('FÖRSLAG TILL BESLUT');
      expect(r.text, r.name).toContain('Beslutet är inte fattat ännu.');
      expect(r.text, r.name).not.toMatch(/har beaktats|har bedömt|har prövat|Beslutsdatum/);
    }
  });

  it('LIX of the body is 40 or below for every letter (klarspråk)', () => {
    const worst = new Map<string, { lix: number; name: string }>();
    for (const r of all) {
      if (r.doc.kind === 'none') continue;
      const value = lix(bodyText(r.doc)).lix;
      const key = r.doc.kind;
      if (value > (worst.get(key)?.lix ?? -1)) worst.set(key, { lix: value, name: r.name });
      expect(value, `${r.name} (${r.doc.kind})`).toBeLessThanOrEqual(40);
    }
    expect([...worst.keys()].sort()).toEqual(['proposal', 'request']);
  });
});
