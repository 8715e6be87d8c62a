/**
 * Issue 13 (F13): sanity rules on roles and ages. A 6-year-old partner was accepted without a word.
 * Impossible combinations are input errors; implausible ones are flags or missing information, with
 * their thresholds in rules/conditions/ (docs/household.md, "Sanity rules").
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRulebook, RuleSetCache } from '../../src/index.ts';
import { calc, RULES_DIR, rulesFor, evaluateRendered } from '../support/engine.ts';
import { applicant, child, household, partner } from '../support/households.ts';
import { problemMessage } from '../../src/explain/problems.ts';

const dir = mkdtempSync(join(tmpdir(), 'sanity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const issuesOf = (raw: unknown) => {
  const r = evaluateRendered(raw, rulesFor);
  return r.ok ? [] : r.issues.map((i) => `${i.path} ${i.code}: ${problemMessage(i, 'en')}`);
};
const flagsOf = (raw: unknown) => calc(raw).flags.map((f) => f.code);

describe('sanity rules on roles and ages (issue 13)', () => {
  it('refuses a partner or an applicant younger than 15', () => {
    expect(issuesOf(household('2026-03', [applicant(), partner('2019-05-01')]))).toEqual([
      'members[1].birthDate IMPLAUSIBLE_AGE: a spouse or sambo aged 6 in March 2026 is not plausible (at least 15): check the date of birth, or give a child role "child"',
    ]);
    expect(issuesOf(household('2026-03', [applicant('2018-05-01')]))).toEqual([expect.stringMatching(/^members\[0\]\.birthDate IMPLAUSIBLE_AGE: an applicant aged 7 in March 2026/)]);
  });

  it('refuses a member born after the period', () => {
    expect(issuesOf(household('2026-03', [applicant(), child('c1', '2026-04-02')]))).toEqual([expect.stringMatching(/^members\[1\]\.birthDate BORN_AFTER_PERIOD/)]);
  });

  it('an applicant under 18 without a documented reason: needs information, no proposal', () => {
    const d = calc(household('2026-03', [applicant('2009-06-01')]));
    expect(d.outcome).toBe('needs-information');
    expect(d.payable).toBeNull();
    expect(d.needsInformation).toContainEqual(expect.objectContaining({ code: 'MINOR_APPLICANT_REASON_MISSING', field: 'members[0].minorApplicantReason', blocking: true }));
    const withReason = calc(household('2026-03', [applicant('2009-06-01', { minorApplicantReason: 'Gift, bor med sin make' })]));
    expect(withReason.outcome).toBe('approve');
    expect(withReason.flags.map((f) => f.code)).toContain('APPLICANT_UNDER_18');
    expect(withReason.needsInformation.map((n) => n.code)).not.toContain('MINOR_APPLICANT_REASON_MISSING');
  });

  it('the applicant need not be members[0]: the field names the applicant', () => {
    const d = calc(household('2026-03', [child('c1', '2025-01-01'), applicant('2009-06-01')]));
    expect(d.needsInformation).toContainEqual(expect.objectContaining({ code: 'MINOR_APPLICANT_REASON_MISSING', field: 'members[1].minorApplicantReason' }));
  });

  it('flags a partner under 18, a child older than 20 and a child born during the month', () => {
    expect(flagsOf(household('2026-03', [applicant(), partner('2009-01-01')]))).toContain('PARTNER_UNDER_18');
    expect(flagsOf(household('2026-03', [applicant(), partner()]))).not.toContain('PARTNER_UNDER_18');
    expect(flagsOf(household('2026-03', [applicant(), child('c1', '1990-01-01')]))).toContain('CHILD_OVER_20');
    expect(flagsOf(household('2026-03', [applicant(), child('c1', '2010-01-01')]))).not.toContain('CHILD_OVER_20');
    expect(flagsOf(household('2026-03', [applicant(), child('c1', '2026-03-15')]))).toContain('BORN_DURING_PERIOD');
    expect(flagsOf(household('2026-03', [applicant(), child('c1', '2026-03-01')]))).not.toContain('BORN_DURING_PERIOD');
  });

  it('the thresholds are rules data: raising the partner age in flags.json flags a 19-year-old partner', () => {
    cpSync(RULES_DIR, dir, { recursive: true });
    const path = join(dir, 'conditions', 'flags.json');
    const json = JSON.parse(readFileSync(path, 'utf8'));
    const rule = json.rules.find((r: { name: string }) => r.name === 'PARTNER_UNDER_18');
    rule.conditions.all[0].value = 21;
    writeFileSync(path, JSON.stringify(json));
    const cache = new RuleSetCache(loadRulebook(dir));
    const raw = household('2026-03', [applicant(), partner('2006-06-01')]);
    expect(flagsOf(raw)).not.toContain('PARTNER_UNDER_18');
    const r = evaluateRendered(raw, (p, m) => cache.get(p, m));
    expect(r.ok && r.decision.flags.map((f) => f.code)).toContain('PARTNER_UNDER_18');
  });
});
