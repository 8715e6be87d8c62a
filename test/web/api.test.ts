/**
 * The preview's JSON API (src/web/app.ts) through app.request(), without a socket: the decision is
 * byte for byte what `calculate --json` prints, bad input names its fields, oversized bodies are
 * refused without being read whole, fixtures cannot be used to read other files, and the types
 * come from the period's rules with their Swedish labels.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { luhnCheckDigit } from '../../src/household/personnummer.ts';
import { parsePeriod } from '../../src/period/index.ts';
import { nestsDeeperThan } from '../../src/household/parse.ts';
import { createApp, MAX_BODY_BYTES, PUBLIC_DIR } from '../../src/web/app.ts';
import { runInProcess } from '../support/cli.ts';
import { book, cache, fixture, ROOT, rulesFor, evaluateRendered } from '../support/engine.ts';

const app = createApp({ rulebook: book });
const E2 = 'e2-single-parent-rent-above-ceiling-2023';

function post(body: string | Uint8Array, headers: Record<string, string> = { 'Content-Type': 'application/json' }) {
  return app.request('/api/calculate', { method: 'POST', body, headers });
}

async function errorsOf(response: Response) {
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const json = (await response.json()) as { errors: { path: string; code: string; message: string }[] };
  for (const e of json.errors) expect(Object.keys(e).sort()).toEqual(['code', 'message', 'path']);
  return json.errors;
}

describe('POST /api/calculate', () => {
  it('answers a fixture with exactly the bytes `calculate --json` prints', async () => {
    const cli = await runInProcess(['calculate', `fixtures/${E2}.json`, '--json']);
    expect(cli.status).toBe(0);
    const response = await post(readFileSync(`${ROOT}fixtures/${E2}.json`, 'utf8'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const text = await response.text();
    expect(text).toBe(cli.stdout);
    const d = JSON.parse(text);
    expect([d.outcome, d.norm.total, d.need, d.payable, d.costs.refused]).toEqual(['partial', '12340', '20386', '2636', '484']);
  });

  it('gives every bundled fixture the same decision as the engine', async () => {
    const names = readdirSync(`${ROOT}fixtures`).filter((f) => f.endsWith('.json'));
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) {
      const raw = fixture(name);
      const expected = evaluateRendered(raw, rulesFor);
      if (!expected.ok) throw new Error(`${name} is not valid`);
      const response = await post(JSON.stringify(raw));
      expect(response.status, name).toBe(200);
      expect(await response.text(), name).toBe(`${JSON.stringify(expected.decision, null, 2)}\n`);
    }
  });

  it('names each bad field with its path, code and message (400)', async () => {
    const household = fixture(`${E2}.json`) as { members: { birthDate: string }[]; costs: { amount: string }[] };
    household.members[1]!.birthDate = '2023-02-30';
    household.costs[0]!.amount = '79OO';
    const response = await post(JSON.stringify(household));
    expect(response.status).toBe(400);
    const errors = await errorsOf(response);
    expect(errors).toContainEqual({ path: 'members[1].birthDate', code: 'INVALID_DATE', message: '2023-02-30 är inget datum som finns: februari 2023 har dagarna 1–28' });
    expect(errors.find((e) => e.path === 'costs[0].amount')?.code).toBe('INVALID_AMOUNT');
    // English with ?lang=en, as calculate --lang en.
    const english = await errorsOf(await app.request('/api/calculate?lang=en', { method: 'POST', body: JSON.stringify(household), headers: { 'Content-Type': 'application/json' } }));
    expect(english).toContainEqual({ path: 'members[1].birthDate', code: 'INVALID_DATE', message: '2023-02-30 is not a date that exists: February 2023 has days 1–28' });
  });

  it('reports a missing field, an unknown type and a month without rules like the command line', async () => {
    const missing = await errorsOf(await post(JSON.stringify({ period: '2023-03', members: [{ id: 'a1', role: 'applicant' }] })));
    expect(missing).toContainEqual(expect.objectContaining({ path: 'members[0].birthDate', code: 'REQUIRED' }));
    const type = await errorsOf(await post(JSON.stringify({ period: '2023-03', members: [{ id: 'a1', role: 'applicant', birthDate: '1980-01-01' }], costs: [{ type: 'yacht', amount: '1' }] })));
    expect(type).toContainEqual(expect.objectContaining({ path: 'costs[0].type', code: 'UNKNOWN_TYPE' }));
    const period = await errorsOf(await post(JSON.stringify({ period: '1999-03', members: [{ id: 'a1', role: 'applicant', birthDate: '1980-01-01' }] })));
    expect(period).toContainEqual(expect.objectContaining({ path: 'period', code: 'NO_RULES_FOR_PERIOD' }));
  });

  it('refuses invalid JSON, a non-object and text that is not UTF-8 (400)', async () => {
    const invalid = await post('{"period": "2023-03",');
    expect(invalid.status).toBe(400);
    expect((await errorsOf(invalid))[0]).toMatchObject({ path: '(body)', code: 'INVALID_JSON' });
    const empty = await post('');
    expect(empty.status).toBe(400);
    expect((await errorsOf(empty))[0]?.code).toBe('INVALID_JSON');
    const list = await post('[]');
    expect(list.status).toBe(400);
    expect((await errorsOf(list))[0]?.code).toBe('NOT_AN_OBJECT');
    const latin1 = await post(new Uint8Array([0x7b, 0x22, 0xe5, 0x22, 0x3a, 0x31, 0x7d]));
    expect(latin1.status).toBe(400);
    expect((await errorsOf(latin1))[0]?.message).toMatch(/UTF-8/);
  });

  it('refuses JSON nested deeper than a household can be (400, not a stack overflow and 500)', async () => {
    const household = fixture(`${E2}.json`) as Record<string, unknown>;
    // 100 000 levels fit well within 256 KB; the engine's recursive input hash would overflow on them.
    for (const deep of ['['.repeat(100_000) + ']'.repeat(100_000), '{"a":'.repeat(40_000) + '1' + '}'.repeat(40_000)]) {
      const body = JSON.stringify({ ...household, note: 0 }).replace('"note":0', `"note":${deep}`);
      expect(body.length).toBeLessThan(MAX_BODY_BYTES);
      const response = await post(body);
      expect(response.status).toBe(400);
      expect((await errorsOf(response))[0]).toMatchObject({ path: '(household)', code: 'TOO_DEEP' });
    }
    // An unknown field with a little nesting is still only a warning in the decision.
    expect(nestsDeeperThan(household, 3)).toBe(false);
    const nested = await post(JSON.stringify({ ...household, note: { a: [{ b: [1] }] } }));
    expect(nested.status).toBe(200);
    expect(nestsDeeperThan({ a: [[[{}]]] }, 4)).toBe(true);
    expect(nestsDeeperThan({ a: [[[1]]] }, 4)).toBe(false);
  });

  it('refuses a body over 256 KB with 413 from its Content-Length, before reading it', async () => {
    expect(MAX_BODY_BYTES).toBe(256 * 1024);
    const big = `{"pad":"${'x'.repeat(MAX_BODY_BYTES)}"}`;
    const response = await post(big, { 'Content-Type': 'application/json', 'Content-Length': String(big.length) });
    expect(response.status).toBe(413);
    expect((await errorsOf(response))[0]?.code).toBe('BODY_TOO_LARGE');
    // Exactly at the limit is still read (and is then a household problem, not a size problem).
    const edge = `{"p":"${'x'.repeat(MAX_BODY_BYTES - 8)}"}`;
    expect(edge.length).toBe(MAX_BODY_BYTES);
    expect((await post(edge)).status).toBe(400);
  });

  it('stops reading a streamed body without Content-Length as soon as it passes 256 KB (413)', async () => {
    const chunk = new Uint8Array(16 * 1024).fill(0x20);
    let pulled = 0;
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
        if (pulled >= 64 * 1024 * 1024) controller.close();
      },
      cancel() {
        cancelled = true;
      },
    });
    const request = new Request('http://localhost/api/calculate', { method: 'POST', body: stream, headers: { 'Content-Type': 'application/json' }, duplex: 'half' } as RequestInit);
    const response = await app.request(request);
    expect(response.status).toBe(413);
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThan(MAX_BODY_BYTES + 8 * chunk.byteLength);
  });

  it('answers another method with 405 and Allow: POST, and another content type with 415', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const response = await app.request('/api/calculate', { method });
      expect(response.status, method).toBe(405);
      expect(response.headers.get('allow')).toBe('POST');
      expect((await errorsOf(response))[0]?.code).toBe('METHOD_NOT_ALLOWED');
    }
    const form = await post('period=2023-03', { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    expect((await errorsOf(form))[0]?.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const none = await post('{}', {});
    expect(none.status).toBe(415);
    expect((await post(readFileSync(`${ROOT}fixtures/${E2}.json`, 'utf8'), { 'Content-Type': 'application/json; charset=UTF-8' })).status).toBe(200);
  });

  it('never prints a members[].personnummer, and prints a case id that looks like one as given (issue 27)', async () => {
    const nine = '840102123';
    const pnr = `19840102-123${luhnCheckDigit(nine)}`;
    const base = fixture(`${E2}.json`) as { members: Record<string, unknown>[] };
    const household = { ...base, caseId: `ärende ${pnr}`, members: [{ ...base.members[0], personnummer: pnr }, ...base.members.slice(1)] };
    const response = await post(JSON.stringify(household));
    expect(response.status).toBe(200);
    const text = await response.text();
    const decision = JSON.parse(text) as { caseId: string };
    expect(decision.caseId).toBe(`ärende ${pnr}`);
    // Only where the case id is repeated: the personnummer field is not in the decision at all.
    expect(text.split(pnr).length).toBe(text.split(`ärende ${pnr}`).length);
    expect(text).not.toContain('****');
  });
});

describe('GET /api/types', () => {
  it('lists the period’s income, cost and asset types with their Swedish labels from rules/', async () => {
    const response = await app.request('/api/types?period=2023-03');
    expect(response.status).toBe(200);
    const types = (await response.json()) as Record<string, { type: string; labelSv: string }[]> & { period: string; ruleSetVersion: string };
    const rules = cache.get(parsePeriod('2023-03')!, null);
    expect(types.period).toBe('2023-03');
    expect(types.ruleSetVersion).toBe(rules.version);
    expect(types['incomeTypes']!.map((t) => [t.type, t.labelSv])).toEqual(Object.entries(rules.rules.incomeTypes).map(([k, v]) => [k, v.labelSv]));
    expect(types['costTypes']!.map((t) => [t.type, t.labelSv])).toEqual(Object.entries(rules.rules.costTypes).map(([k, v]) => [k, v.labelSv]));
    expect(types['assetTypes']!.map((t) => [t.type, t.labelSv])).toEqual(Object.entries(rules.rules.assetTypes).map(([k, v]) => [k, v.labelSv]));
    // The contract's minimum lists are all there, each with a label.
    const costs = new Set(types['costTypes']!.map((t) => t.type));
    for (const t of ['rent', 'electricity', 'commuting', 'home-insurance', 'union-fee', 'unemployment-fund-fee', 'childcare-fee', 'medical', 'dental', 'medicine', 'glasses', 'other']) expect(costs.has(t), t).toBe(true);
    expect(types['incomeTypes']!.find((t) => t.type === 'salary')?.labelSv).toBe('Lön (netto)');
    for (const list of ['incomeTypes', 'costTypes', 'assetTypes']) for (const t of types[list]!) expect(t.labelSv.length, t.type).toBeGreaterThan(0);
  });

  it('uses the newest rules without a period and refuses a bad month or one without rules', async () => {
    const latest = await app.request('/api/types');
    expect(latest.status).toBe(200);
    expect(((await latest.json()) as { period: string }).period).toMatch(/^[0-9]{4}-[0-9]{2}$/);
    expect((await errorsOf(await app.request('/api/types?period=2023-13')))[0]?.code).toBe('INVALID_PERIOD');
    expect((await errorsOf(await app.request('/api/types?period=1999-01')))[0]?.code).toBe('NO_RULES_FOR_PERIOD');
  });
});

describe('GET /api/fixtures', () => {
  it('lists the bundled fixtures and returns one unchanged', async () => {
    const list = (await (await app.request('/api/fixtures')).json()) as { fixtures: { name: string; period: string | null }[] };
    const files = readdirSync(`${ROOT}fixtures`).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
    expect(list.fixtures.map((f) => f.name)).toEqual(files);
    expect(list.fixtures.find((f) => f.name === E2)?.period).toBe('2023-03');
    const one = await app.request(`/api/fixtures/${E2}`);
    expect(one.status).toBe(200);
    expect(await one.text()).toBe(readFileSync(`${ROOT}fixtures/${E2}.json`, 'utf8'));
    expect((await app.request(`/api/fixtures/${E2}.json`)).status).toBe(200);
  });

  it('refuses path traversal and unknown names', async () => {
    for (const name of ['..%2Fpackage', '..%2F..%2Fpackage.json', '%2e%2e%2fpackage', '.hidden', 'a%2Fb', '%2Fetc%2Fpasswd', '..%5Cpackage']) {
      const response = await app.request(`/api/fixtures/${name}`);
      expect(response.status, name).toBe(400);
      expect((await errorsOf(response))[0]?.code, name).toBe('INVALID_FIXTURE_NAME');
    }
    const unknown = await app.request('/api/fixtures/not-a-fixture');
    expect(unknown.status).toBe(404);
    expect((await errorsOf(unknown))[0]?.code).toBe('UNKNOWN_FIXTURE');
    // A literal "../" is normalised by the URL parser and never reaches the route.
    expect((await app.request('/api/fixtures/../../package.json')).status).toBe(404);
    for (const dots of ['..', '%2e%2e']) expect((await app.request(`/api/fixtures/${dots}`)).status, dots).toBe(404);
  });
});

describe('the page and its files', () => {
  it('serves the page with a strict Content-Security-Policy and its scripts as modules', async () => {
    const page = await app.request('/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('<html lang="sv">');
    for (const [, path] of html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)) expect((await app.request(path!)).status, path).toBe(200);
    const js = await app.request('/assets/app.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await app.request('/assets/nope.js')).status).toBe(404);
    expect((await app.request('/assets/..%2Fapp.ts')).status).toBe(404);
  });

  it('works offline: no file of the page loads anything from another host', () => {
    for (const name of readdirSync(PUBLIC_DIR)) {
      const text = readFileSync(`${PUBLIC_DIR}${name}`, 'utf8');
      const external = text.match(/(?:src|href|url)\s*[=(]\s*["']?(?:https?:)?\/\/[^"')\s]+/gi) ?? [];
      expect(external.filter((u) => !u.includes('www.w3.org/2000/svg')), name).toEqual([]);
      expect(text, name).not.toMatch(/@import|fonts\.googleapis|cdn\./i);
    }
  });

  it('answers /healthz and unknown API routes', async () => {
    const health = await app.request('/healthz');
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    const missing = await app.request('/api/nothing');
    expect(missing.status).toBe(404);
    expect((await errorsOf(missing))[0]?.code).toBe('NOT_FOUND');
  });
});
