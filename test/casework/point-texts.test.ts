/**
 * The points of a registration name the household's people (pointTexts 'names'); a registration made
 * before that (without the field) is derived again with the proposal's own texts, so that its replay
 * stays identical (src/casework/register.ts).
 */
import { describe, expect, it } from 'vitest';
import { deriveRegistered, readRegistration, type ProposalRef } from '../../src/casework/register.ts';
import { calc, fixture } from '../support/engine.ts';
import { LANDLORD_BANKGIRO } from '../web/support/workday.ts';

const REFS = { documentation: '14 kap. 3 § SoL (2025:400)', correction: '36 § FL', decisionChange: '37 § FL', personalReview: '38 § FL' };
const PERSON = { user: 'Karin', role: 'beslutsfattare', delegation: 'punkt 4.2' };

describe('the points name the people; older registrations keep their texts', () => {
  const household = structuredClone(fixture('h2-labour-market-reason-given-2026.json')) as { members: { id: string; name?: string }[] };
  household.members[0]!.name = 'Sara Lind';
  const decision = calc(household);
  const ref: ProposalRef = { decisionId: 'D-00000001-0123456789abcdef', recordHash: 'a'.repeat(64), decision, household };
  const body = {
    decidedOn: '2026-03-10',
    outcome: decision.outcome,
    payable: decision.payable,
    acknowledgements: [...decision.flags.map((f, i) => ({ item: `flag-${i + 1}-${f.code}`, comment: 'Bedömt.' }))],
    payments: [{ recipient: 'applicant', name: 'Sökanden', account: { scheme: 'bankgiro', number: LANDLORD_BANKGIRO }, amount: decision.payable, payOn: '2026-03-11' }],
  };

  it('a registration now: names, recorded as such, derived again the same', () => {
    const read = readRegistration(body, { proposal: ref, ...PERSON, changes: null });
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.input.pointTexts).toBe('names');
    const flag = read.acknowledged.find((a) => a.code === 'LABOUR_MARKET_REASON_TO_ASSESS')!;
    expect(flag.text).toMatch(/^Sara Lind står inte till arbetsmarknadens förfogande/);
    expect(deriveRegistered(read.input, decision, REFS, household).acknowledged).toEqual(read.acknowledged);
  });

  it('a registration made before: its texts as the proposal gave them', () => {
    const read = readRegistration(body, { proposal: { ...ref, household: undefined }, ...PERSON, changes: null });
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.input.pointTexts).toBeUndefined();
    // Replayed with the stored household at hand: still the texts it was made with.
    const again = deriveRegistered(read.input, decision, REFS, household).acknowledged.find((a) => a.code === 'LABOUR_MARKET_REASON_TO_ASSESS')!;
    expect(again.text).toBe(decision.flags.find((f) => f.code === 'LABOUR_MARKET_REASON_TO_ASSESS')!.text);
  });
});
