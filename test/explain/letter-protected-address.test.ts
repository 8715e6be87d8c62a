/**
 * Skyddade personuppgifter (issue 22) in every letter path: `calculate --json`'s decisionText (and so
 * the records `show` renders, src/explain/contract.ts) prints no address when a member of the household
 * has `protectedIdentity: true`, just as the case work's letter (src/casework/letter.ts) never did. The
 * flag travels as view data on the parsed member; the calculation never reads it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'protected-address-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const address = ['Storgatan 12 B', '123 45 Exempelby'];

/** A copy of a fixture with a letterhead address and, when asked, one member with skyddade personuppgifter. */
function copyOf(fixture: string, protectedIndex: number | null): string {
  const h = JSON.parse(readFileSync(join('fixtures', fixture), 'utf8')) as { members: Record<string, unknown>[]; letterhead?: Record<string, unknown> };
  h.letterhead = { ...(h.letterhead ?? {}), board: 'Socialnämnden i Exempelby', applicantAddress: address };
  if (protectedIndex !== null) h.members[protectedIndex]!['protectedIdentity'] = true;
  const path = join(dir, `${protectedIndex ?? 'open'}-${fixture}`);
  writeFileSync(path, JSON.stringify(h));
  return path;
}

async function calculate(path: string): Promise<{ decisionText: string; payable: string; outcome: string; worksheetText: string }> {
  const r = await runInProcess(['calculate', path, '--json']);
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout);
}

describe('the letter of a household with skyddade personuppgifter', () => {
  it('prints no address in calculate --json decisionText; an unprotected household still has it', async () => {
    const open = await calculate(copyOf('e8-single-adult-2026.json', null));
    const guarded = await calculate(copyOf('e8-single-adult-2026.json', 0));
    for (const line of address) {
      expect(open.decisionText).toContain(line);
      expect(guarded.decisionText).not.toContain(line);
    }
    // The same decision otherwise: the flag changes no figure.
    expect([guarded.outcome, guarded.payable]).toEqual([open.outcome, open.payable]);
    expect(guarded.decisionText.replace(/\n+/g, '\n')).toBe(
      open.decisionText
        .split('\n')
        .filter((l) => !address.includes(l.trim()))
        .join('\n')
        .replace(/\n+/g, '\n'),
    );
  });

  it('a protected child is enough: the household address is left out', async () => {
    const guarded = await calculate(copyOf('e3-couple-two-children-jobbstimulans-2023.json', 3));
    for (const line of address) expect(guarded.decisionText).not.toContain(line);
    const open = await calculate(copyOf('e3-couple-two-children-jobbstimulans-2023.json', null));
    for (const line of address) expect(open.decisionText).toContain(line);
  });
});
