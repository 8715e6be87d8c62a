/**
 * The worksheet's barnkonsekvens data names each affected child once with its age (issue 21 item 6):
 * "Barn, 1 år, bor här hela månaden", never "Barn, 1 år 1 år". A bare member id (the decision JSON,
 * rendered without the household's people) still gets its age.
 */
import { describe, expect, it } from 'vitest';
import { contractDecision } from '../../src/explain/contract.ts';
import { renderMessage } from '../../src/explain/messages.ts';
import { evaluateHousehold } from '../../src/index.ts';
import { fixture, rulesFor } from '../support/engine.ts';

describe('the affected children in the worksheet', () => {
  it('says an unnamed child\'s age once (h1: children of 1 and 15)', () => {
    const result = evaluateHousehold(fixture('h1-labour-market-no-reason-children-1-and-15-2026.json'), rulesFor);
    if (!result.ok) throw new Error('h1 does not evaluate');
    const worksheet = contractDecision(result.decision, result).worksheetText;
    expect(worksheet).toContain('Underlag: Barn, 1 år, bor här hela månaden; Barn, 15 år, bor här hela månaden');
    expect(worksheet).not.toMatch(/(\d+) år \1 år/);
  });

  it('says a named child\'s age once, from the label', () => {
    expect(renderMessage('sv', 'child.promptAffected', { memberId: 'Alex (barn, 7 år)', age: 7, residence: 'full-time', days: 31, daysInMonth: 31 })).toBe('Alex (barn, 7 år), bor här hela månaden');
  });

  it('keeps the age after a bare member id', () => {
    expect(renderMessage('sv', 'child.promptAffected', { memberId: 'c1', age: 7, residence: 'alternating', days: 15, daysInMonth: 31 })).toBe('c1 7 år, bor här 15 av 31 dagar');
    expect(renderMessage('en', 'child.promptAffected', { memberId: 'Child, 7 years', age: 7, residence: 'full-time', days: 31, daysInMonth: 31 })).toBe('Child, 7 years, lives here all month');
  });

  it('puts a named adult in the genitive as Swedish does: "utan Sara Linds del", never "Sara Lind (sökande)s del"', () => {
    const h = structuredClone(fixture('h1-labour-market-no-reason-children-1-and-15-2026.json')) as { members: { id: string; name?: string }[] };
    for (const m of h.members) m.name = ({ a1: 'Sara Lind', c1: 'Elsa', c2: 'Noah' } as Record<string, string>)[m.id]!;
    const result = evaluateHousehold(h, rulesFor);
    if (!result.ok) throw new Error('h1 does not evaluate');
    const worksheet = contractDecision(result.decision, result).worksheetText;
    expect(worksheet).toContain('utan Sara Linds del');
    expect(worksheet).not.toContain('(sökande)s');
    expect(worksheet).not.toMatch(/\ba1s?\b/);
  });
});
