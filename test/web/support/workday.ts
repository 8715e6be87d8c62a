/**
 * A decision store as a caseworker finds it on a morning (issue 22): last month's households recorded
 * by `batch --record` and their decisions registered (with the payees: the applicant's account, for
 * some the rent straight to the landlord), then this month's monthly run. The tests of the workday's
 * API, roles, payments and pages share it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { monthlyLines } from '../../../bench/generate.ts';
import { itemsOf } from '../../../src/casework/items.ts';
import { registerDecision } from '../../../src/casework/workday.ts';
import type { Decision } from '../../../src/explain/contract.ts';
import { CaseWork } from '../../../src/store/casework.ts';
import { renderedDecision } from '../../../src/store/read.ts';
import { DecisionStore } from '../../../src/store/store.ts';
import { verifyStore } from '../../../src/store/verify.ts';
import { expect } from 'vitest';
import { createApp } from '../../../src/web/app.ts';
import { DEFAULT_AUTH } from '../../../src/web/kontaktcenter/routes.ts';
import { cli } from '../../batch/support.ts';
import { book } from '../../support/engine.ts';

/** Appends the modulus-10 (Luhn) check digit: a valid bankgiro or plusgiro number from its other digits. */
export function withCheckDigit(digits: string): string {
  for (let d = 0; d <= 9; d++) {
    const n = `${digits}${d}`;
    let sum = 0;
    for (let i = 0; i < n.length; i++) {
      let x = Number(n[n.length - 1 - i]);
      if (i % 2 === 1) x = x * 2 > 9 ? x * 2 - 9 : x * 2;
      sum += x;
    }
    if (sum % 10 === 0) return n;
  }
  throw new Error('unreachable');
}

export const LANDLORD_BANKGIRO = withCheckDigit('5050123');

/** The headers a login proxy sets for a person with these roles (and a delegation for a decision maker). */
export function as(user: string, roles: string, delegation: string | null = null): Record<string, string> {
  return { [DEFAULT_AUTH.userHeader]: user, [DEFAULT_AUTH.rolesHeader]: roles, ...(delegation ? { [DEFAULT_AUTH.delegationHeader!]: delegation } : {}) };
}

export const DECIDER = as('Karin Beslutsfattare', 'beslutsfattare handlaggare', 'Delegationsordning punkt 4.2');
export const CASEWORKER = as('Sam Handläggare', 'handlaggare');
/** A caseworker, and a decision maker, with the role that may see skyddade personuppgifter. */
export const SEER = { ...CASEWORKER, [DEFAULT_AUTH.rolesHeader]: 'handlaggare skyddade-personuppgifter' };
export const SEEING_DECIDER = { ...DECIDER, [DEFAULT_AUTH.rolesHeader]: 'beslutsfattare handlaggare skyddade-personuppgifter' };

/**
 * The workday API on a store at `now`, as a test asks it: `get` expects 200 and gives the JSON,
 * `post` gives the response, `queueItem` the queue's item of a case (expected to be there).
 */
export function workdayApi(store: string, now: Date) {
  const app = () => createApp({ rulebook: book, storePath: store, staff: { storePath: store, auth: DEFAULT_AUTH }, clock: () => now });
  const get = async (path: string, headers: Record<string, string>) => {
    const r = await app().request(path, { headers });
    expect(r.status, await r.clone().text()).toBe(200);
    return (await r.json()) as Record<string, unknown>;
  };
  const post = (path: string, body: unknown, headers: Record<string, string>) => app().request(path, { method: 'POST', body: JSON.stringify(body), headers: { ...headers, 'Content-Type': 'application/json' } });
  const queueItem = async <T extends { caseId: string }>(caseId: string, headers: Record<string, string> = CASEWORKER): Promise<T> => {
    const q = (await get('/api/queue?status=all&pageSize=200', headers)) as unknown as { items: T[] };
    const item = q.items.find((i) => i.caseId === caseId);
    expect(item, caseId).toBeDefined();
    return item!;
  };
  return { get, post, queueItem };
}

/** What a case view offers to register from: the suggestion, the proposal's amount and the points. */
export interface SuggestedCase {
  readonly suggestion: { readonly decidedOn: string; readonly outcome: string | null };
  readonly proposal: { readonly payable: string | null };
  readonly items: readonly { readonly id: string }[];
}

/** A registration of the proposal as the case view suggests it, every point marked with `comment`, paid to the applicant the next day. */
export function registrationAsSuggested(c: SuggestedCase, comment: string) {
  return {
    decidedOn: c.suggestion.decidedOn,
    outcome: c.suggestion.outcome,
    payable: c.proposal.payable ?? '0',
    acknowledgements: c.items.map((i) => ({ item: i.id, comment })),
    payments: [{ recipient: 'applicant', name: 'Sökanden', account: { scheme: 'bankgiro', number: LANDLORD_BANKGIRO }, amount: c.proposal.payable, payOn: '2026-03-11' }],
    journalNote: 'Beslut fattat efter genomgång av underlagen.',
  };
}
export const AUDITOR = as('Ada Revisor', 'granskare');
export const KONTAKT = as('Kim Kontaktcenter', 'kontaktcenter');

export interface Morning {
  readonly store: string;
  /** Case ids of last month whose decisions were registered, and those whose rent went to the landlord. */
  readonly registered: readonly string[];
  readonly landlord: readonly string[];
}

/**
 * Builds the store in `dir`: `count` cases (seed `seed`) for February 2026 recorded and registered,
 * then the monthly run for March 2026 (recommend mode). `protect` cases get a member with skyddade
 * personuppgifter in both months.
 */
/** Every adult (applicant, partner) gets the försörjningshinder a decision is registered with (issue 25). */
export function withSupportObstacle<T extends { members: { role: string; supportObstacle?: string }[] }>(h: T): T {
  for (const m of h.members) if (m.role === 'applicant' || m.role === 'partner') m.supportObstacle = 'arbetslos-ingen-ersattning';
  return h;
}

/**
 * The barnkonsekvens answers per child a refusal touching children is registered with (issue 21 item
 * 2): the child's views and the weighing for each child; none for an approval or a household without children.
 */
export function childAnswersFor(d: Pick<Decision, 'outcome' | 'childImpact'>, outcome: string = d.outcome): { promptId: string; memberId: string; answer: string }[] {
  if (outcome !== 'partial' && outcome !== 'deny') return [];
  return (d.childImpact?.children ?? []).flatMap((memberId) => [
    { promptId: 'child-view', memberId, answer: 'Barnet har hörts genom föräldern och vill bo kvar i sin skola.' },
    { promptId: 'weighing', memberId, answer: 'Barnets behov är tillgodosedda genom barnens del; avslaget gäller den vuxnes del.' },
  ]);
}

/**
 * The household's barnkonsekvens answers (questions 8 and 9) a refusal decided over an approving
 * proposal is registered with: that proposal has no points for them (childQuestions.ts).
 */
export const HOUSEHOLD_CHILD_ANSWERS = [
  { promptId: 'consequences', answer: 'Barnens del betalas inte ut denna månad.' },
  { promptId: 'alternatives', answer: 'Ett längre rådrum har prövats.' },
] as const;

export async function morning(dir: string, count: number, seed: number, protect: readonly number[] = [], edit: ((h: Record<string, unknown>, i: number) => void) | null = null): Promise<Morning> {
  const store = join(dir, 'records.sqlite');
  const pairs = [...monthlyLines(count, seed, '2026-03')].map((p, i) => {
    const mark = (line: string) => {
      const h = withSupportObstacle(JSON.parse(line) as { members: { role: string; protectedIdentity?: boolean; name?: string; supportObstacle?: string }[] });
      if (protect.includes(i)) {
        h.members[0]!.protectedIdentity = true;
        h.members[0]!.name = 'Hemlig Person';
      }
      edit?.(h as unknown as Record<string, unknown>, i);
      return JSON.stringify(h);
    };
    return { previous: p.previous === null ? null : mark(p.previous), current: mark(p.current) };
  });
  writeFileSync(join(dir, 'feb.ndjson'), pairs.flatMap((p) => (p.previous ? [`${p.previous}\n`] : [])).join(''));
  writeFileSync(join(dir, 'mar.ndjson'), pairs.map((p) => `${p.current}\n`).join(''));
  const feb = await cli(['batch', '--in', join(dir, 'feb.ndjson'), '--out', join(dir, 'feb.out'), '--record', '--store', store, '--workers', '1']);
  if (feb.status !== 0) throw new Error(feb.stderr);

  // Last month's decisions, registered as a decision maker would, with the payees the case view offers again.
  const registered: string[] = [];
  const landlord: string[] = [];
  const cw = CaseWork.open(store, { clock: () => new Date('2026-02-04T09:00:00Z') });
  try {
    let n = 0;
    for (const record of [...cw.store.records()]) {
      const d = renderedDecision(cw.store, record) as Decision;
      if (d.outcome === 'needs-information' || d.caseId === null) continue;
      n += 1;
      const pays = d.outcome === 'approve' || d.outcome === 'partial';
      const rent = d.costs.items.find((c) => c.type === 'rent')?.accepted ?? null;
      const toLandlord = pays && rent !== null && n % 3 === 0 && Number(rent) < Number(d.payable);
      const applicant = toLandlord ? String(Math.round((Number(d.payable) - Number(rent)) * 100) / 100) : d.payable;
      const payments = pays
        ? [
            ...(toLandlord ? [{ recipient: 'landlord', name: 'Bostadsbolaget AB', account: { scheme: 'bankgiro', number: LANDLORD_BANKGIRO }, amount: rent, payOn: '2026-02-05' }] : []),
            { recipient: 'applicant', name: `Sökande ${d.caseId}`, account: { scheme: 'bank', number: `8327-9, ${String(100000000 + n).slice(0, 9)}-${n % 10}` }, amount: applicant, payOn: '2026-02-05' },
          ]
        : [];
      const result = registerDecision(
        cw,
        record.decisionId,
        { decidedOn: '2026-02-04', outcome: d.outcome, payable: d.payable, acknowledgements: itemsOf(d).map((i) => ({ item: i.id, comment: 'Bedömt vid förra månadens beslut.' })), childAnswers: childAnswersFor(d), payments },
        { user: 'Karin Beslutsfattare', role: 'beslutsfattare', delegation: 'Delegationsordning punkt 4.2' },
        'handläggning',
      );
      if (!result.ok) throw new Error(`${d.caseId}: ${JSON.stringify(result.problems)}`);
      registered.push(d.caseId);
      if (toLandlord) landlord.push(d.caseId);
    }
  } finally {
    cw.close();
  }

  const mar = await cli(['monthly', '--in', join(dir, 'mar.ndjson'), '--out', join(dir, 'mar.out'), '--store', store, '--workers', '1']);
  if (mar.status !== 0) throw new Error(mar.stderr);
  return { store, registered, landlord };
}

/** What `audit verify` finds wrong in the store: the chain, every registration and every side chain (none when intact). */
export function storeProblems(path: string): string[] {
  const store = DecisionStore.open(path, { readonly: true });
  try {
    return verifyStore(store).problems.map((p) => `${p.kind}: ${p.message}`);
  } finally {
    store.close();
  }
}
