/**
 * A shared home's letter (legal review, the h7 household; 32 § förvaltningslagen (2017:900)): when only
 * the household's share of the rent is accepted, the letter says why — the home is shared with adults
 * who have their own cases and carry their parts there — whatever key the rent's line has (no ceiling,
 * within the ceiling, above it after the rådrum, above it within the rådrum).
 */
import { describe, expect, it } from 'vitest';
import { contractSummary } from '../../src/explain/contract.ts';
import { buildLetter } from '../../src/explain/letter/build.ts';
import { letterText } from '../../src/explain/letter/document.ts';
import { evaluateHousehold } from '../../src/index.ts';
import { fixture, rulesFor } from '../support/engine.ts';

/** The letter's text for a household (the fixture h7, with its circumstances changed). */
function letter(circumstances: Record<string, unknown> = {}): string {
  const raw = fixture('h7-three-adults-shared-home-2026.json');
  raw['circumstances'] = { ...(raw['circumstances'] as Record<string, unknown>), ...circumstances };
  const result = evaluateHousehold(raw, rulesFor);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return letterText(buildLetter({ decision: contractSummary(result.decision), household: result.household, rules: result.ruleSet?.rules ?? null }));
}

/** The paragraph of the reasons that speaks of the rent. */
const rentParagraph = (text: string): string => text.split('\n').find((l) => l.includes('för hela bostaden')) ?? '';

describe('SHARED_HOUSING: the letter of a shared home says why only part of the rent is accepted (32 § FL)', () => {
  it('h7, no ceiling: the sharing, the household\'s part and the others\' parts, in their own cases', () => {
    const p = rentParagraph(letter());
    expect(p).toBe(
      'Bostaden delas med 2 personer som har egna ärenden. Boendekostnad för hela bostaden är 8 000 kr i månaden. '
      + 'Den delas lika per person, enligt kommunens riktlinje. Hushållets del är 2 666,67 kr. De andras delar, 5 333,33 kr, hör till deras egna ärenden. '
      + 'Därför godtas 2 666,67 kr. Resten, 5 333,33 kr, beviljas inte här (12 kap. 7 § första stycket 2 SoL (2025:400)).',
    );
    expect(letter()).not.toContain('Nämnden godtar 2 666,67 kr som skälig kostnad');
  });

  it('h7 within a ceiling: still the sharing, not a bare "godtar som skälig kostnad"', () => {
    const p = rentParagraph(letter({ rentCeiling: '5000' }));
    expect(p).toContain('Bostaden delas med 2 personer som har egna ärenden.');
    expect(p).toContain('Resten, 5 333,33 kr, beviljas inte här');
  });

  it('h7 above the ceiling after the rådrum: the sharing first, then the ceiling, and what the rest consists of', () => {
    const p = rentParagraph(letter({ consecutiveMonthsOnAssistance: 7, rentCeiling: '2000', rentCeilingNotifiedOn: '2025-10-20', rentCeilingBasis: 'kommunens riktlinjer för skälig boendekostnad 2026' }));
    expect(p).toContain('Bostaden delas med 2 personer som har egna ärenden.');
    expect(p).toContain('Hushållets del är 2 666,67 kr. De andras delar, 5 333,33 kr, hör till deras egna ärenden.');
    expect(p).toContain('en skälig boendekostnad för ett hushåll med 3 personer är 2 000 kr, enligt kommunens riktlinjer för skälig boendekostnad 2026');
    expect(p).toContain('Sedan dess har du haft 3 månader på dig');
    expect(p).toContain('Därför godtas 2 000 kr. Resten, 6 000 kr, beviljas inte här: de andras delar och 666,67 kr över den skäliga nivån');
  });

  it('h7 above the ceiling within the rådrum: the household\'s whole share is accepted, the others\' parts are the cut', () => {
    const p = rentParagraph(letter({ consecutiveMonthsOnAssistance: 1, rentCeiling: '2000', rentCeilingNotifiedOn: '2026-02-20', rentCeilingBasis: 'kommunens riktlinjer' }));
    expect(p).toContain('Bostaden delas med 2 personer som har egna ärenden.');
    expect(p).toContain('Därför godtas 2 666,67 kr. Resten, 5 333,33 kr, beviljas inte här');
  });
});
