import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRulebook } from '../../src/index.ts';
import type { Rulebook } from '../../src/rulebook/load.ts';
import { RULES_DIR } from '../support/engine.ts';
import { tempDir } from '../store/support.ts';

/** Test family for the resident tests, written by hand as a caseworker would enter it (not built by the self-check's own mapping). */
export const FAMILY = {
  period: '2026-03',
  members: [
    { id: 'p1', role: 'applicant', birthDate: '1991-07-15' },
    { id: 'p2', role: 'partner', birthDate: '1989-12-01', availableForWork: true },
    { id: 'k1', role: 'child', birthDate: '2021-09-20', lunchOutsideHome: true },
    { id: 'k2', role: 'child', birthDate: '2016-05-05' },
  ],
  incomes: [
    { memberId: 'p1', type: 'salary', amount: '5000' },
    { memberId: 'p1', type: 'child-allowance', amount: '2500' },
    { memberId: 'p2', type: 'housing-allowance', amount: '1200' },
  ],
  costs: [
    { type: 'rent', amount: '7900' },
    { type: 'electricity', amount: '450' },
    { type: 'home-insurance', amount: '150' },
  ],
  circumstances: { availableForWork: true, consecutiveMonthsOnAssistance: 0 },
};

/** The same family as a resident answers the questions. */
export const FAMILY_SELF_CHECK = {
  period: '2026-03',
  adults: [34, 36],
  children: [{ age: 4, lunchAtPreschool: true }, { age: 9 }],
  costs: { rent: '7900', electricity: '450', 'home-insurance': '150' },
  incomes: { salary: '5000', 'child-allowance': '2500', 'housing-allowance': '1200' },
};

export const FAMILY_FORM = {
  adult1: '34',
  adult2: '36',
  child1: '4',
  lunch1: '1',
  child2: '9',
  'cost.rent': '7 900',
  'cost.electricity': '450',
  'cost.home-insurance': '150',
  'income.salary': '5000',
  'income.child-allowance': '2500',
  'income.housing-allowance': '1200',
};


/** A couple with a youth of 19 in gymnasieskola, written by hand as a caseworker would enter it (issue 29: the 18–20 rule). */
export const YOUTH_FAMILY = {
  period: '2026-12',
  members: [
    { id: 'p1', role: 'applicant', birthDate: '1980-02-10' },
    { id: 'p2', role: 'partner', birthDate: '1982-06-01', availableForWork: true },
    { id: 'y1', role: 'child', birthDate: '2007-05-20', inSchool: true },
    { id: 'k1', role: 'child', birthDate: '2014-03-03' },
  ],
  incomes: [
    { memberId: 'p1', type: 'salary', amount: '6000' },
    { memberId: 'p1', type: 'child-allowance', amount: '2650' },
  ],
  costs: [{ type: 'rent', amount: '8200' }],
  circumstances: { availableForWork: true, consecutiveMonthsOnAssistance: 0 },
};

/** The same household as a resident fills in the form: the youth's age and the "in school" box. */
export const YOUTH_FORM = {
  adult1: '46',
  adult2: '44',
  child1: '19',
  school1: '1',
  child2: '12',
  'cost.rent': '8,200',
  'income.salary': '6 000',
  'income.child-allowance': '2650',
};

/** A municipality's contact details as rules/municipal/<kommunkod>.json holds them (test data: Exempelby, kommunkod 9999). */
export const EXEMPELBY_CONTACT = {
  name: { value: 'Socialtjänsten i Exempelby kommun', status: 'verified', source: 'kommunens-webb' },
  phone: { value: '0123-45 67 00', status: 'verified', source: 'kommunens-webb' },
  address: { value: 'Storgatan 1, 123 45 Exempelby', status: 'verified', source: 'kommunens-webb' },
  openingHours: { value: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '08:00', closes: '16:30' }], status: 'verified', source: 'kommunens-webb' },
  eService: { value: 'https://e.exempelby.se/forsorjningsstod', status: 'verified', source: 'kommunens-webb' },
  emergencyPhone: { value: '0123-45 99 99', status: 'verified', source: 'kommunens-webb' },
  pageAddress: { value: 'https://www.exempelby.se/invanare/', status: 'verified', source: 'kommunens-webb' },
};

/**
 * A copy of rules/ with edits (and, when `contact` is given, a municipality 9999 whose policy is the
 * default's and whose contact section is `contact`; 'none' = no contact section of its own).
 */
export function rulesCopy(edit: (dir: string) => void = () => {}, contact?: unknown): { dir: string; rulebook: Rulebook; cleanup: () => void } {
  const { dir, cleanup } = tempDir('resident-rules-');
  try {
    cpSync(RULES_DIR, dir, { recursive: true });
    edit(dir);
    if (contact !== undefined) {
      const policy = JSON.parse(readFileSync(join(dir, 'municipal', 'default.json'), 'utf8'));
      policy.id = 'municipal/9999';
      policy.title = 'Exempelby (test municipality)';
      policy.sources['kommunens-webb'] = { title: 'Exempelby kommun, webbsidan Ekonomiskt bistånd (test data)' };
      if (contact === 'none') delete policy.contact;
      else policy.contact = contact;
      writeFileSync(join(dir, 'municipal', '9999.json'), JSON.stringify(policy, null, 2));
    }
    return { dir, rulebook: loadRulebook(dir), cleanup };
  } catch (error) {
    cleanup();
    throw error;
  }
}
