/**
 * POST /api/decisions (issue 11): the caseworker's decision is recorded beside the proposal in the
 * decision store. Through app.request() against a real SQLite file: the proposal is recomputed and
 * chained like `calculate --record`, the caseworker's row carries the edited letter and the
 * barnkonsekvens answers, a refusal without answers and a needs-information case are refused, an
 * edited row is detected, and the page's files never write a lagrum themselves.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CaseworkerDecisions } from '../../src/store/caseworkerDecision.ts';
import { DecisionStore } from '../../src/store/store.ts';
import { verifyStore } from '../../src/store/verify.ts';
import { createApp, PUBLIC_DIR } from '../../src/web/app.ts';
import { book, calc, fixture } from '../support/engine.ts';

// A refusal with children (issue 20: X1, not at the labour market's disposal, is a person's choice now, not a refusal).
const X1 = 'h11-rent-above-ceiling-after-radrum-with-children-2026';
const X3 = 'x3-missing-income-amount-needs-information-2026';

function setup() {
  const storePath = join(mkdtempSync(join(tmpdir(), 'decisions-')), 'records.sqlite');
  const app = createApp({ rulebook: book, storePath });
  const post = (body: unknown) => app.request('/api/decisions', { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
  return { storePath, post };
}

const answers = [
  { promptId: 'child-view', answer: 'Barnen har fått säga vad de tycker genom sin mamma.' },
  { promptId: 'consequences', answer: 'Barnen berörs av att hushållet får mindre pengar denna månad.' },
  { promptId: 'alternatives', answer: 'Barnens del har prövats och beviljas inte.' },
  { promptId: 'weighing', answer: 'Avvägt mot kravet att stå till arbetsmarknadens förfogande.' },
];

const signed = { decidedBy: 'Karin Handläggare', decidedOn: '2026-02-05', delegation: 'Punkt 4.2', letterText: 'Socialnämnden avslår ansökan …\n\nRedigerad rad.' };

describe('POST /api/decisions', () => {
  it('records the proposal in the chain and the caseworker’s decision beside it', async () => {
    const { storePath, post } = setup();
    const household = fixture(`${X1}.json`);
    const response = await post({ household, ...signed, childAnswers: [...answers, { promptId: 'health', answer: '' }] });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { decisionId: string; contentHash: string };
    expect(body.decisionId).toMatch(/^D-00000001-[0-9a-f]{16}$/);

    const store = DecisionStore.open(storePath, { readonly: true });
    const record = store.get(body.decisionId)!;
    expect(record.inputHash).toBe(calc(household).inputHash);
    // The chain is intact with the extra table in the file.
    expect(verifyStore(store).ok).toBe(true);
    store.close();

    const decisions = new CaseworkerDecisions(storePath);
    const [row] = decisions.forDecision(body.decisionId);
    expect(row).toMatchObject({ ...signed, outcome: 'partial', letterKind: 'decision', recordHash: record.recordHash, contentHash: body.contentHash });
    // The question texts come from the engine's proposal; an empty answer is not stored.
    expect(row!.childAnswers.map((a) => a.promptId)).toEqual(['child-view', 'consequences', 'alternatives', 'weighing']);
    expect(row!.childAnswers[1]!.question).toBe(calc(household).childImpact!.prompts.find((p) => p.id === 'consequences')!.question);
    expect(decisions.tampered()).toEqual([]);
    decisions.close();
  });

  it('refuses a refusal whose barnkonsekvens questions are unanswered, and a needs-information proposal', async () => {
    const { post } = setup();
    const missing = await post({ household: fixture(`${X1}.json`), ...signed, childAnswers: answers.slice(0, 1) });
    expect(missing.status).toBe(400);
    const errors = ((await missing.json()) as { errors: { path: string; code: string }[] }).errors;
    expect(errors.map((e) => [e.path, e.code])).toEqual([
      ['childAnswers.consequences', 'CHILD_ASSESSMENT_MISSING'],
      ['childAnswers.alternatives', 'CHILD_ASSESSMENT_MISSING'],
      ['childAnswers.weighing', 'CHILD_ASSESSMENT_MISSING'],
    ]);
    const request = await post({ household: fixture(`${X3}.json`), ...signed });
    expect(request.status).toBe(400);
    expect(((await request.json()) as { errors: { code: string }[] }).errors[0]!.code).toBe('NOT_A_DECISION');
  });

  it('a registered payment nobody has classified: refused until a person has classified it; then recorded (issue 23)', async () => {
    const { post } = setup();
    const payment = { memberId: 'a1', agency: 'fk', benefit: 'Pension/SA/Livräntor/Vårdbidrag', net: '9000', paidOn: '2026-02-25' };
    const household = { caseId: 'U1', period: '2026-03', members: [{ id: 'a1', role: 'applicant', birthDate: '1980-01-01' }], incomes: [], costs: [{ type: 'rent', amount: '6000' }], circumstances: { availableForWork: true }, registeredIncomes: [payment] };
    const refused = await post({ household, ...signed });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errors: { path: string; code: string }[] }).errors).toEqual([expect.objectContaining({ path: 'household.registeredIncomes[0].assessment', code: 'PAYMENT_NOT_ASSESSED' })]);
    const classified = { ...household, registeredIncomes: [{ ...payment, assessment: { action: 'count', incomeType: 'sickness-benefit' } }] };
    const recorded = await post({ household: classified, ...signed });
    expect(recorded.status).toBe(201);
  });

  it('names every missing or bad field, and the household’s own problems under household.', async () => {
    const { post } = setup();
    const response = await post({ household: { period: '2026-02', members: [{ id: 'a1', role: 'applicant', birthDate: '2026-02-30' }] }, decidedOn: '5/2 2026', letterText: '' });
    expect(response.status).toBe(400);
    const paths = ((await response.json()) as { errors: { path: string }[] }).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['decidedBy', 'decidedOn', 'delegation', 'letterText', 'household.members[0].birthDate']));
  });

  it('answers 503 without a store and 415 without JSON', async () => {
    const app = createApp({ rulebook: book });
    const none = await app.request('/api/decisions', { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } });
    expect(none.status).toBe(503);
    const text = await app.request('/api/decisions', { method: 'POST', body: 'x', headers: { 'Content-Type': 'text/plain' } });
    expect(text.status).toBe(415);
  });

  it('detects a caseworker decision edited in the file, and refuses UPDATE and DELETE', async () => {
    const { storePath, post } = setup();
    const response = await post({ household: fixture(`${X1}.json`), ...signed, childAnswers: answers });
    const { decisionId } = (await response.json()) as { decisionId: string };
    const db = new Database(storePath);
    expect(() => db.prepare("UPDATE caseworker_decisions SET letter_text = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM caseworker_decisions').run()).toThrow(/append-only/);
    db.exec('DROP TRIGGER caseworker_decisions_no_update');
    db.prepare("UPDATE caseworker_decisions SET decided_by = 'Någon annan'").run();
    db.close();
    const decisions = new CaseworkerDecisions(storePath);
    expect(decisions.tampered()).toEqual([{ decisionId, contentHash: expect.any(String) }]);
    decisions.close();
  });
});

describe('the page cites no law itself', () => {
  it('has no lagrum in its files: every reference comes from the decision or GET /api/types', () => {
    for (const file of readdirSync(PUBLIC_DIR).filter((f) => /\.(js|html)$/.test(f))) {
      const source = readFileSync(join(PUBLIC_DIR, file), 'utf8');
      expect(source, file).not.toMatch(/\d+\s*kap\.|\d+\s*§|SoL \(|\(\d{4}:\d{1,4}\)|förvaltningslagen|FL \d/);
    }
  });

  it('GET /api/types gives the period’s legal references by topic', async () => {
    const app = createApp({ rulebook: book });
    const types = (await (await app.request('/api/types?period=2026-02')).json()) as { legal: { law: string; refs: Record<string, { ref: string }> } };
    expect(types.legal.law).toBe('SoL (2025:400)');
    for (const topic of ['appealRoute', 'appealDeadline', 'rightToAssistance', 'riksnorm']) expect(types.legal.refs[topic]?.ref, topic).toBeTruthy();
  });
});
