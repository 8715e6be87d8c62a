/**
 * The children and the agency payments by name in the caseworker's workday (after
 * test/web/workday-names.test.ts, which did it for the points): the case view's proposal texts — the
 * barnkonsekvens notes per child, the alternatives, the questions' data ("Medicin (barnet som är 1
 * år)"), the income lines and the registered agency payments ("… till sökanden") — and the per-child
 * barnkonsekvens questions name the people as People does for the case work (src/explain/people.ts),
 * never by member id ("För c1 …", "… till a1"). A protected child is described, not named, to a role
 * without skyddade personuppgifter. The queue and the journal note stay free of ids. Through the real
 * API and a real SQLite store.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../batch/support.ts';
import { fixture } from '../support/engine.ts';
import { CASEWORKER, DECIDER, registrationAsSuggested, SEEING_DECIDER, SEER, storeProblems, withSupportObstacle, workdayApi } from './support/workday.ts';

const dir = tempDir();
const store = join(dir, 'records.sqlite');
const api = workdayApi(store, new Date('2026-03-10T09:00:00Z'));
const { get, post } = api;

type Member = { id: string; name?: string; protectedIdentity?: boolean; role: string; supportObstacle?: string };
type Household = { caseId: string; members: Member[]; registeredIncomes?: unknown[] };
const H1 = 'h1-labour-market-no-reason-children-1-and-15-2026.json';
const H8 = 'h8-agency-answer-failed-csn-with-child-2026.json';
/** A fixture under another case id, its people named, the members in `protect` with skyddade personuppgifter. */
function variant(file: string, caseId: string, names: Record<string, string> = {}, protect: readonly string[] = []): Household {
  const h = withSupportObstacle(structuredClone(fixture(file)) as unknown as Household);
  h.caseId = caseId;
  for (const m of h.members) {
    if (names[m.id] !== undefined) m.name = names[m.id]!;
    if (protect.includes(m.id)) m.protectedIdentity = true;
  }
  return h;
}
/** An agency payment the rules do not know: its text names whom it was paid to (agency.classify.unknown). */
const withUnknownPayment = (h: Household): Household => ({
  ...h,
  registeredIncomes: [...(h.registeredIncomes ?? []), { memberId: 'a1', agency: 'fk', benefit: 'Okänd ersättning', net: '300', paidOn: '2026-02-25', ref: 'fk-9001' }],
});

interface QueueItem {
  decisionId: string;
  caseId: string;
}
const queueItem = (caseId: string, headers = CASEWORKER) => api.queueItem<QueueItem & Record<string, unknown>>(caseId, headers);
type CaseAnswer = Record<string, unknown> & {
  decisionId: string;
  proposal: { outcome: string; payable: string | null; childImpact: { notes: string[]; prompts: { id: string; data: string | null }[]; alternatives: { text: string }[] } | null; income: { items: { reason: string }[] } };
  agencyPayments: { reason: string }[];
  items: { id: string; text: string }[];
  childQuestions: { promptId: string; children: { memberId: string; name: string }[] }[];
  registered: { decisionId: string; journalText: string }[];
  suggestion: { decidedOn: string; outcome: string | null };
};
const caseOf = async (caseId: string, headers = CASEWORKER) => (await get(`/api/cases/${(await queueItem(caseId, SEER)).decisionId}`, headers)) as unknown as CaseAnswer;

/** The keys whose values a person reads as text (not ids, codes or message arguments). */
const TEXT_KEYS = new Set(['text', 'reason', 'notes', 'data', 'question', 'name', 'journalText', 'worksheetText', 'decisionText', 'codeText', 'toText']);
function textsOf(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return TEXT_KEYS.has(key) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((v) => textsOf(v, key));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => (k === 'household' || k === 'message' ? [] : textsOf(v, k)));
  return [];
}
const MEMBER_ID = /\b[acp]\d+s?\b/;
const expectNoIds = (value: unknown, what: string) => {
  const texts = textsOf(value);
  expect(texts.length, what).toBeGreaterThan(0);
  for (const t of texts) expect(t, what).not.toMatch(MEMBER_ID);
};

beforeAll(async () => {
  for (const h of [
    variant(H1, 'H1'),
    variant(H1, 'H1N', { a1: 'Sara Lind', c1: 'Elsa', c2: 'Noah' }),
    variant(H1, 'H1P', { a1: 'Sara Lind', c1: 'Elsa', c2: 'Noah' }, ['c1']),
    variant(H8, 'H8'),
    withUnknownPayment(variant(H8, 'H8U', { a1: 'Maria Holm', c1: 'Liam' })),
  ]) {
    const r = await post('/api/proposals', { household: h, purpose: 'handläggning' }, DECIDER);
    expect(r.status, await r.clone().text()).toBe(201);
  }
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the children by name or description, never by id', () => {
  it('h1 without names: the child notes, questions and alternatives describe the children', async () => {
    const c = await caseOf('H1');
    expectNoIds(c, 'case view H1');
    expectNoIds(await queueItem('H1'), 'queue H1');
    const impact = c.proposal.childImpact!;
    expect(impact.notes).toContain('Barnet som är 1 år, bor här hela månaden; barnets normbelopp 3 060 kr.');
    expect(impact.notes).toContain('Barnet som är 15 år, bor här hela månaden; barnets normbelopp 4 960 kr.');
    expect(impact.alternatives[0]!.text).toMatch(/^Avslå sökandens del/);
    expect(impact.prompts.find((p) => p.id === 'affected')?.data ?? impact.prompts.map((p) => p.data).find((d) => d?.includes('bor här'))).toBe('Barnet som är 1 år, bor här hela månaden; barnet som är 15 år, bor här hela månaden');
    expect(impact.prompts.map((p) => p.data)).toContain('Medicin (barnet som är 1 år): sökt 350 kr, godtaget 350 kr');
    expect(c.childQuestions[0]!.children.map((x) => x.name)).toEqual(['Barnet som är 1 år', 'Barnet som är 15 år']);
  });

  it('h1 with names: "Elsa, 1 år", "Medicin (Elsa)", "Avslå Sara Linds del"', async () => {
    const c = await caseOf('H1N');
    expectNoIds(c, 'case view H1N');
    const impact = c.proposal.childImpact!;
    expect(impact.notes).toContain('Elsa, 1 år, bor här hela månaden; barnets normbelopp 3 060 kr.');
    expect(impact.prompts.map((p) => p.data)).toContain('Medicin (Elsa): sökt 350 kr, godtaget 350 kr');
    expect(impact.alternatives[0]!.text).toMatch(/^Avslå Sara Linds del/);
    expect(c.childQuestions[0]!.children.map((x) => x.name)).toEqual(['Elsa, 1 år', 'Noah, 15 år']);
  });
});

describe('a protected child is described, not named, to a role without skyddade personuppgifter', () => {
  it('the case view and the questions describe the child; the role that may see names it', async () => {
    const masked = await caseOf('H1P');
    expect(JSON.stringify(masked)).not.toContain('Elsa');
    expectNoIds(masked, 'case view H1P');
    expect(masked.proposal.childImpact!.notes).toContain('Barnet som är 1 år, bor här hela månaden; barnets normbelopp 3 060 kr.');
    expect(masked.proposal.childImpact!.prompts.map((p) => p.data)).toContain('Medicin (barnet som är 1 år): sökt 350 kr, godtaget 350 kr');
    expect(masked.childQuestions[0]!.children.map((x) => x.name)).toEqual(['Barnet som är 1 år', 'Noah, 15 år']);
    const seen = await caseOf('H1P', SEER);
    expect(seen.proposal.childImpact!.notes).toContain('Elsa, 1 år, bor här hela månaden; barnets normbelopp 3 060 kr.');
    expect(seen.childQuestions[0]!.children.map((x) => x.name)).toEqual(['Elsa, 1 år', 'Noah, 15 år']);
    expect(JSON.stringify(await queueItem('H1P'))).not.toContain('Elsa');
  });
});

describe('the agency payments name whom they were paid to', () => {
  it('h8: the registered payments and income lines say "sökanden", never "a1"', async () => {
    const c = await caseOf('H8');
    expectNoIds(c, 'case view H8');
    expectNoIds(await queueItem('H8'), 'queue H8');
    expect(c.proposal.income.items.map((i) => i.reason)).toContain('Bostadsbidrag från Försäkringskassan, utbetalt 25 februari 2026 (fk-4410): Bostadsbidrag/bostadstillägg för sökanden, 1 800 kr, räknas som inkomst krona för krona.');
    expect(c.childQuestions[0]!.children.map((x) => x.name)).toEqual(['Barnet som är 9 år']);
  });

  it('a payment the rules do not know: "… till Maria Holm"', async () => {
    const c = await caseOf('H8U');
    expectNoIds(c, 'case view H8U');
    const unknown = c.agencyPayments.find((p) => p.reason.startsWith('Okänd ersättning'))!;
    expect(unknown.reason).toContain('Okänd ersättning från Försäkringskassan till Maria Holm, 300 kr');
  });

  it('the journal note of the registered decision names no member by id', async () => {
    const c = await caseOf('H8', SEEING_DECIDER);
    const body = registrationAsSuggested(c, 'Bedömt: uppgiften från CSN begärs in.');
    const r = await post(`/api/cases/${c.decisionId}/decision`, body, DECIDER);
    expect(r.status, await r.clone().text()).toBe(201);
    const after = await caseOf('H8');
    expect(after.registered).toHaveLength(1);
    expect(after.registered[0]!.journalText).toContain('CSN svarade inte om sökanden');
    expectNoIds(after, 'case view H8 after registration');
    // The registration replays identical (audit verify): the case view's naming is a view, nothing stored changed.
    expect(storeProblems(store)).toEqual([]);
  });
});
