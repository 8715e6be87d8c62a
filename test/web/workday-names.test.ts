/**
 * Names, not ids, in the caseworker's workday (the workday review's "people as a1, n1", the legal
 * review's member ids): the queue, the case view's points and the registered decision's journal note
 * name the household's people as People does (src/explain/people.ts): "Sara Lind står inte till
 * arbetsmarknadens förfogande … utan Sara Linds del", or "sökanden"/"sökandens" when no name is given.
 * No member id and no code word is shown in a text. A member with skyddade personuppgifter is never
 * named to a role that may not see them (described instead; masked by the existing rule elsewhere).
 * Through the real API and a real SQLite store.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../batch/support.ts';
import { fixture } from '../support/engine.ts';
import { CASEWORKER, DECIDER, registrationAsSuggested, SEEING_DECIDER, SEER, withSupportObstacle, workdayApi } from './support/workday.ts';

const dir = tempDir();
const store = join(dir, 'records.sqlite');
const api = workdayApi(store, new Date('2026-03-10T09:00:00Z'));
const { get, post } = api;

type Household = { caseId: string; members: { id: string; name?: string; protectedIdentity?: boolean; role: string; supportObstacle?: string }[] };
const H1 = 'h1-labour-market-no-reason-children-1-and-15-2026.json';
const H2 = 'h2-labour-market-reason-given-2026.json';
/** A fixture under another case id, its people named (and the applicant protected when asked). */
function named(file: string, caseId: string, names: Record<string, string>, protect = false): Household {
  const h = structuredClone(fixture(file)) as unknown as Household;
  h.caseId = caseId;
  for (const m of h.members) {
    const name = names[m.id];
    if (name !== undefined) m.name = name;
    if (protect && m.role === 'applicant') m.protectedIdentity = true;
  }
  return h;
}
const LIND = { a1: 'Sara Lind', c1: 'Elsa', c2: 'Noah' };
const HIDDEN = { a1: 'Hemlig Person', c1: 'Elsa', c2: 'Noah' };

interface QueueItem {
  decisionId: string;
  caseId: string;
  reasons: { code: string; text: string }[];
  missing: { code: string; text: string }[];
}
const queueItem = (caseId: string, headers = CASEWORKER) => api.queueItem<QueueItem>(caseId, headers);
interface CaseAnswer {
  decisionId: string;
  proposal: { outcome: string; payable: string | null };
  items: { id: string; kind: string; code: string; text: string }[];
  registered: { decisionId: string; journalText: string }[];
  suggestion: { decidedOn: string; outcome: string | null; payments: unknown[] };
}
const caseOf = async (decisionId: string, headers = CASEWORKER) => (await get(`/api/cases/${decisionId}`, headers)) as unknown as CaseAnswer;

/** Every text a person reads in an answer: the values of its `text` fields. */
function textsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(textsOf);
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => (k === 'text' && typeof v === 'string' ? [v] : textsOf(v)));
  return [];
}
const MEMBER_ID = /\b[acnp]\d+s?\b/;
const CODE_WORD = /\b[A-Z]{2,}(_[A-Z0-9]+)+\b/;

beforeAll(async () => {
  for (const h of [
    fixture(H1),
    named(H1, 'H1N', LIND),
    named(H1, 'H1P', HIDDEN, true),
    withSupportObstacle(named(H2, 'H2N', LIND)),
    withSupportObstacle(named(H2, 'H2P', HIDDEN, true)),
  ]) {
    const r = await post('/api/proposals', { household: h, purpose: 'handläggning' }, DECIDER);
    expect(r.status, await r.clone().text()).toBe(201);
  }
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Registers the case's proposal as the case view suggests, every point marked; the registered decision as the viewer sees it. */
async function register(caseId: string, viewer: Record<string, string>) {
  const item = await queueItem(caseId, SEER);
  const c = await caseOf(item.decisionId, SEEING_DECIDER);
  const body = registrationAsSuggested(c, 'Bedömt: skälet prövas vid nästa uppföljning.');

  const r = await post(`/api/cases/${c.decisionId}/decision`, body, DECIDER);
  expect(r.status, await r.clone().text()).toBe(201);
  return caseOf(item.decisionId, viewer);
}

describe('the queue names no member by id and shows no code', () => {
  it('h1 without names: "sökanden", every reason in Swedish words', async () => {
    const item = await queueItem('H1');
    const texts = textsOf(item);
    expect(texts.length).toBeGreaterThan(2);
    for (const t of texts) {
      expect(t).not.toMatch(MEMBER_ID);
      expect(t).not.toMatch(CODE_WORD);
      expect(t).not.toContain('Annan bedömningspunkt');
    }
    expect(item.reasons.find((r) => r.code === 'NOT_AT_LABOUR_MARKET_DISPOSAL')?.text).toBe('Står inte till arbetsmarknadens förfogande, inget skäl angivet');
    const need = item.missing.find((n) => n.code === 'LABOUR_MARKET_DECISION_BY_PERSON')!.text;
    expect(need).toContain('för sökanden, som inte står till arbetsmarknadens förfogande');
    expect(need).toContain('utan sökandens del');
  });

  it('h1 with names: the person by name, in the genitive "Sara Linds del"', async () => {
    const need = (await queueItem('H1N')).missing.find((n) => n.code === 'LABOUR_MARKET_DECISION_BY_PERSON')!.text;
    expect(need).toContain('för Sara Lind, som inte står till arbetsmarknadens förfogande');
    expect(need).toContain('utan Sara Linds del');
    expect(need).not.toMatch(MEMBER_ID);
    expect(need).not.toContain('(sökande)');
  });
});

describe("the case view's points and the journal note name the person", () => {
  it('the points: "Sara Lind står inte till arbetsmarknadens förfogande"', async () => {
    const c = await caseOf((await queueItem('H1N')).decisionId);
    const flag = c.items.find((i) => i.code === 'NOT_AT_LABOUR_MARKET_DISPOSAL')!;
    expect(flag.text).toMatch(/^Sara Lind står inte till arbetsmarknadens förfogande/);
    expect(flag.text).toContain('utan Sara Linds del');
    for (const i of c.items) expect(i.text, i.id).not.toMatch(MEMBER_ID);
    const unnamed = await caseOf((await queueItem('H1')).decisionId);
    expect(unnamed.items.find((i) => i.code === 'NOT_AT_LABOUR_MARKET_DISPOSAL')!.text).toMatch(/^Sökanden står inte till arbetsmarknadens förfogande/);
  });

  it('the journal note of a registered decision names the person, never the id', async () => {
    const after = await register('H2N', CASEWORKER);
    const journal = after.registered[0]!.journalText;
    expect(journal).toContain('Sara Lind står inte till arbetsmarknadens förfogande och anger som skäl');
    expect(journal).toContain('utan Sara Linds del');
    expect(journal).not.toMatch(MEMBER_ID);
  });
});

describe('skyddad identitet: a protected member is never named to a role that may not see them', () => {
  it('the queue describes the person; the role for protected identities sees the name', async () => {
    const hidden = await queueItem('H1P');
    expect(JSON.stringify(hidden)).not.toContain('Hemlig');
    expect(hidden.missing.find((n) => n.code === 'LABOUR_MARKET_DECISION_BY_PERSON')!.text).toContain('utan sökandens del');
    const seen = await queueItem('H1P', SEER);
    expect(seen.missing.find((n) => n.code === 'LABOUR_MARKET_DECISION_BY_PERSON')!.text).toContain('utan Hemlig Persons del');
  });

  it("the case view's points likewise", async () => {
    const id = (await queueItem('H1P')).decisionId;
    const c = await caseOf(id);
    expect(JSON.stringify(c)).not.toContain('Hemlig');
    expect(c.items.find((i) => i.code === 'NOT_AT_LABOUR_MARKET_DISPOSAL')!.text).toMatch(/^Sökanden står inte/);
    expect((await caseOf(id, SEER)).items.find((i) => i.code === 'NOT_AT_LABOUR_MARKET_DISPOSAL')!.text).toMatch(/^Hemlig Person står inte/);
  });

  it('the journal note is masked for a role that may not see the name', async () => {
    const masked = await register('H2P', CASEWORKER);
    expect(JSON.stringify(masked)).not.toContain('Hemlig');
    expect(masked.registered[0]!.journalText).toContain('Skyddad identitet står inte till arbetsmarknadens förfogande');
    const seen = await caseOf(masked.decisionId, SEER);
    expect(seen.registered[0]!.journalText).toContain('Hemlig Person står inte till arbetsmarknadens förfogande');
  });
});
