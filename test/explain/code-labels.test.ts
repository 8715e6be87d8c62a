/**
 * Every code a caseworker can be shown has a Swedish label from the one catalogue (src/explain/labels.js):
 * the flags, missing facts and reasons the engine writes (the code lists of src/output/codes.ts, which
 * the compiler holds the concepts to, and the codes the rule files of rules/conditions/ give), the
 * monthly run's change codes (CHANGE_CODES) and its routing codes (ROUTING_CODES). The queue and the
 * case view (reasonSv) never fall back to "Annan bedömningspunkt (CODE)" for any of them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reasonSv } from '../../src/explain/casework.ts';
import { FLAG, NEEDS, REASON, reasonLabel } from '../../src/explain/labels.js';
import { reasonLabelSv } from '../../src/explain/messages.ts';
import { CHANGE_CODES } from '../../src/monthly/types.ts';
import { ROUTING_CODES } from '../../src/monthly/route.ts';
import { FLAG_CODES, NEEDS_CODES, REASON_CODES } from '../../src/output/codes.ts';
import { calc, fixture, ROOT } from '../support/engine.ts';

interface RuleEvent {
  readonly type: string;
  readonly params: { readonly code: string };
}
/** Every rule event of rules/conditions/ (each file's rules, whatever their dates). */
const events: RuleEvent[] = readdirSync(`${ROOT}rules/conditions`)
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => (JSON.parse(readFileSync(`${ROOT}rules/conditions/${f}`, 'utf8')) as { rules?: { event: RuleEvent }[] }).rules ?? [])
  .map((r) => r.event);

/** A label a caseworker can read: Swedish words, not the code, not the fallback. */
function expectPlainLabel(code: string, label: string | null): void {
  expect(label, code).not.toBeNull();
  expect(label, code).not.toContain(code);
  expect(label, code).not.toMatch(/[A-Z]{2,}_[A-Z]/);
  expect(label!.length, code).toBeGreaterThan(3);
}

describe('every code a caseworker sees has a Swedish label (labels.js)', () => {
  it('the rule files give only listed codes', () => {
    expect(events.length).toBeGreaterThan(20);
    for (const e of events) {
      if (e.type === 'needs-information') expect(NEEDS_CODES as readonly string[], e.params.code).toContain(e.params.code);
      else expect(FLAG_CODES as readonly string[], e.params.code).toContain(e.params.code);
    }
  });

  it('every flag code, as a flag and as a routing reason', () => {
    for (const code of FLAG_CODES) {
      expectPlainLabel(code, FLAG[code] ?? null);
      expectPlainLabel(code, reasonLabelSv(code));
      expect(reasonSv(code), code).toBe(reasonLabel(code));
    }
  });

  it('every missing-fact code', () => {
    for (const code of NEEDS_CODES) {
      expectPlainLabel(code, NEEDS[code] ?? null);
      expect(reasonSv(code), code).not.toContain('Annan bedömningspunkt');
    }
  });

  it("every reason code of the decision's own", () => {
    for (const code of REASON_CODES) expectPlainLabel(code, REASON[code] ?? null);
  });

  it('every change and routing code of the monthly run', () => {
    for (const code of [...CHANGE_CODES, ...ROUTING_CODES]) {
      expectPlainLabel(code, reasonLabelSv(code));
      expect(reasonSv(code), code).not.toContain('Annan bedömningspunkt');
    }
  });

  it('the fixtures raise no flag or missing fact outside the lists', () => {
    for (const f of readdirSync(`${ROOT}fixtures`).filter((x) => x.endsWith('.json'))) {
      const d = calc(fixture(f));
      for (const x of d.flags) expect(FLAG_CODES as readonly string[], `${f} ${x.code}`).toContain(x.code);
      for (const x of d.needsInformation) expect(NEEDS_CODES as readonly string[], `${f} ${x.code}`).toContain(x.code);
    }
  });
});
