/**
 * Issue 13: error lines quote and cut what they echo (F3), and calculate, batch and the API read bytes
 * by one rule (F8): a UTF-8 BOM is accepted, invalid UTF-8 is refused with its byte offset.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { processLine } from '../../src/batch/line.ts';
import { emptyCounts } from '../../src/batch/summary.ts';
import { invalidUtf8Offset } from '../../src/household/decode.ts';
import { quote } from '../../src/household/echo.ts';
import { problemMessage } from '../../src/explain/problems.ts';
import { createApp } from '../../src/web/app.ts';
import { tempDir } from '../batch/support.ts';
import { book, evaluateRendered, fixture, ROOT, rulesFor } from '../support/engine.ts';
import { runInProcess } from '../support/cli.ts';
import { applicant, household } from '../support/households.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const app = createApp({ rulebook: book });
const E1 = 'e1-single-adult-bifall-2023.json';
const E2 = 'e2-single-parent-rent-above-ceiling-2023.json';

/** The command line in-process (the code the process runs, test/support/cli.ts): spawning tsx costs seconds a call. */
const cli = (args: string[]) => runInProcess(args);
const issuesOf = (raw: unknown) => {
  const r = evaluateRendered(raw, rulesFor);
  return r.ok ? [] : r.issues;
};
const post = (body: string | Uint8Array) => app.request('/api/calculate', { method: 'POST', body, headers: { 'Content-Type': 'application/json' } });

describe('echoed values (issue 13, F3)', () => {
  const forged = 'salary"\nmembers[0].birthDate: expected a date YYYY-MM-DD, got "1999-99-99';

  it('quote() escapes newlines and quotes and cuts long values with a marker', () => {
    expect(quote('a\nb"')).toBe('"a\\nb\\""');
    const long = quote('x'.repeat(10_000_000));
    expect(long.length).toBeLessThan(100);
    expect(long).toContain('… (cut, 10000000 characters)');
  });

  it('a value with a newline cannot print a fake error for another field (calculate)', async () => {
    const h = fixture(E1) as { incomes: { type: string }[] };
    h.incomes[0]!.type = forged;
    const file = join(dir, 'forged.json');
    writeFileSync(file, JSON.stringify(h));
    const r = await cli(['calculate', file, '--json']);
    expect(r.status).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^incomes\[0\]\.type: "salary\\"\\nmembers\[0\]\.birthDate: expected a date YYYY-MM-DD, go"… \(avkortat, 73 tecken\) är ingen inkomsttyp/);
  });

  it('a 10 MB value is echoed cut, in every message that repeats a value', () => {
    const big = 'x'.repeat(10_000_000);
    const raw = household(big, [applicant('1985-01-01', { id: big }), applicant(big, { id: big, role: big, gender: big })], {
      municipality: big,
      incomes: [{ memberId: big, type: 'salary', amount: big }],
      costs: [{ type: big, amount: `-${big}` }],
      circumstances: { jobbstimulansStart: big },
    });
    const issues = issuesOf(raw);
    expect(issues.length).toBeGreaterThanOrEqual(9);
    for (const lang of ['sv', 'en'] as const) {
      for (const i of issues) expect(problemMessage(i, lang).length, `${i.path}: ${problemMessage(i, lang).slice(0, 80)}`).toBeLessThan(300);
      for (const i of issues) expect(problemMessage(i, lang)).not.toContain('\n');
    }
  });

  it('batch error lines and API errors echo the same cut value', async () => {
    const big = 'y'.repeat(200_000);
    const line = JSON.stringify(household('2026-03', [applicant(big)]));
    const out = processLine(line, 1, { detail: 'compact', period: null, rulesFor }, emptyCounts());
    expect(out.length).toBeLessThan(400);
    const response = await post(line);
    expect(response.status).toBe(400);
    expect((await response.text()).length).toBeLessThan(400);
  });

  it('an unknown field with a newline in its name stays on one line in the warnings', () => {
    const r = evaluateRendered({ ...fixture(E1), 'evil\nkey': 1 }, rulesFor);
    expect(r.ok && r.decision.warnings.map((w) => w.path)).toEqual(['["evil\\nkey"]']);
  });
});

describe('one decoding rule (issue 13, F8)', () => {
  const bom = Buffer.from([0xef, 0xbb, 0xbf]);
  const e2 = readFileSync(`${ROOT}fixtures/${E2}`);
  const bad = Buffer.from(e2.toString('utf8').replace('"E2"', '"E\u00ff2"'), 'utf8');
  const badOffset = bad.indexOf(0xc3) + 0; // the é-like character's first byte, then break it:
  bad[badOffset + 1] = 0x32; // 0xC3 followed by "2": not UTF-8

  it('calculate accepts a BOM (same output) and refuses invalid UTF-8 naming the offset', async () => {
    const plain = await cli(['calculate', `fixtures/${E2}`, '--json']);
    writeFileSync(join(dir, 'bom.json'), Buffer.concat([bom, e2]));
    const withBom = await cli(['calculate', join(dir, 'bom.json'), '--json']);
    expect(withBom.status).toBe(0);
    expect(withBom.stdout).toBe(plain.stdout);
    writeFileSync(join(dir, 'bad.json'), bad);
    const r = await cli(['calculate', join(dir, 'bad.json'), '--json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`bad.json: är inte UTF-8: byten på position ${badOffset} hör inte till något UTF-8-tecken`);
  });

  it('batch: a BOM on line 1 is accepted; a bad byte or a BOM later is an error on that line only', async () => {
    const line = JSON.stringify(fixture(E2));
    const badLine = Buffer.from(line.replace('"E2"', '"E\u00ff2"'));
    const at = badLine.indexOf(0xc3);
    badLine[at + 1] = 0x32;
    const input = Buffer.concat([bom, Buffer.from(`${line}\n`), badLine, Buffer.from('\n'), bom, Buffer.from(`${line}\n${line}\n`)]);
    writeFileSync(join(dir, 'in.ndjson'), input);
    const r = await cli(['batch', '--in', join(dir, 'in.ndjson'), '--out', join(dir, 'out.ndjson'), '--workers', '0', '--chunk-lines', '2']);
    expect(r.status).toBe(0);
    const out = readFileSync(join(dir, 'out.ndjson'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.errors?.[0]?.code ?? o.outcome)).toEqual(['partial', 'INVALID_UTF8', 'INVALID_JSON', 'partial']);
    expect(out[1].errors[0].message).toContain(`byten på position ${at} i raden`);
  });

  it('the API accepts a BOM and refuses invalid UTF-8 with the same message', async () => {
    expect((await post(Buffer.concat([bom, e2]))).status).toBe(200);
    const response = await post(bad);
    expect(response.status).toBe(400);
    const { errors } = (await response.json()) as { errors: { code: string; message: string }[] };
    expect(errors[0]).toMatchObject({ code: 'INVALID_UTF8', message: expect.stringContaining(`byten på position ${badOffset}`) });
  });

  it('invalidUtf8Offset agrees with a fatal TextDecoder on any bytes', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        let valid = true;
        try {
          decoder.decode(bytes);
        } catch {
          valid = false;
        }
        const offset = invalidUtf8Offset(bytes);
        expect(offset === -1).toBe(valid);
        if (!valid) expect(() => decoder.decode(bytes.subarray(0, offset))).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });
});
