/**
 * What a municipality configures for the letters the workday registers (docs/letters.md): a copy of
 * rules/ with rules/municipal/<kommunkod>.json for each municipality the generated households live in
 * (bench/generate.ts), each with its nämnd's name, postal address and contact, and the staff
 * directory that names the test logins. Test data of a made-up "Provkommun": no real municipality's
 * details, and the calculation's values are the default policy's.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StaffDirectory } from '../../../src/casework/staffDirectory.ts';
import { loadRulebook, type Rulebook } from '../../../src/rulebook/load.ts';
import { RULES_DIR } from '../../support/engine.ts';

/** The municipalities bench/generate.ts gives its households. */
export const GENERATED_MUNICIPALITIES = ['0180', '1280', '1480', '2480', '0821', '1287'] as const;

/** The nämnd details the test files give a municipality. */
export const boardOf = (code: string) => ({
  board: `Socialnämnden i Provkommun ${code}`,
  postalAddress: [`Box ${code}`, '123 45 Provstad'],
  phone: `0123-45 ${code.slice(0, 2)} ${code.slice(2)}`,
  email: `socialtjansten@provkommun-${code}.example`,
  web: `https://provkommun-${code}.example/ekonomiskt-bistand`,
});

/** A copy of rules/ in `dir` (a new temporary directory when absent) with each generated municipality's file; `without` gets none. */
export function letterheadRules(without: readonly string[] = [], dir: string = mkdtempSync(join(tmpdir(), 'letterhead-rules-'))): { dir: string; book: Rulebook } {
  cpSync(RULES_DIR, dir, { recursive: true });
  const base = JSON.parse(readFileSync(join(RULES_DIR, 'municipal', 'default.json'), 'utf8')) as { values: unknown[] };
  for (const code of GENERATED_MUNICIPALITIES) {
    if (without.includes(code)) continue;
    const b = boardOf(code);
    const v = (value: unknown) => ({ value, status: 'verified', source: 'test-provkommun' });
    writeFileSync(
      join(dir, 'municipal', `${code}.json`),
      JSON.stringify({
        id: `municipal/${code}`,
        concept: 'municipal-policy',
        title: `Provkommun ${code} (test data of the workday's letters)`,
        sources: {
          'test-provkommun': { title: 'Test data: a made-up municipality, no real contact details' },
          'no-national-buffer': { title: 'As the default policy' },
          'sosfs-2013-1-umgange': { title: 'As the default policy' },
          'engine-agency-month': { title: 'As the default policy' },
          'no-automated-delegation': { title: 'As the default policy' },
          'sosfs-2013-1-radrum': { title: 'As the default policy' },
          'engine-shared-housing': { title: 'As the default policy' },
          'sol-12-9-far': { title: 'As the default policy' },
          'engine-age-policy': { title: 'As the default policy' },
        },
        contact: {
          name: v(`Socialtjänsten i Provkommun ${code}`),
          phone: v(b.phone),
          address: v('Stadshuset, Storgatan 1, Provstad'),
          openingHours: v([{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '08:00', closes: '12:00' }]),
          eService: v(b.web),
          emergencyPhone: v(null),
          board: v(b.board),
          postalAddress: v(b.postalAddress),
          email: v(b.email),
        },
        values: base.values,
      }),
    );
  }
  return { dir, book: loadRulebook(dir) };
}

/** The login the letter tests decide as, and the name and title the directory gives it. */
export const SIGNER_LOGIN = 'kber01';
export const SIGNER = { name: 'Karin Berg', title: 'socialsekreterare' } as const;

/** The staff directory of the tests: the letter tests' login, and the shared morning's decision maker (support/workday.ts DECIDER). */
export const STAFF_DIRECTORY = new StaffDirectory([
  { user: SIGNER_LOGIN, ...SIGNER },
  { user: 'Karin Beslutsfattare', name: 'Karin Beslutsfattare', title: 'socialsekreterare' },
]);
