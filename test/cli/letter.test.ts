/**
 * `letter` (issue 21): the applicant's letter as text, HTML or an A4 PDF through the bundled Chromium;
 * a proposal until a person decides; a refusal touching children is not a decision until the child's
 * views are given for each child; a worksheet note never reaches it; nothing to send is exit 1 with why.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../support/cli.ts';
import { pdfFonts } from '../support/pdf.ts';

const H11 = 'fixtures/h11-rent-above-ceiling-after-radrum-with-children-2026.json';
const NAMED = 'docs/letters/h11-named.json';
const ANSWERS = 'docs/letters/h11-answers.json';
const dir = mkdtempSync(join(tmpdir(), 'letter-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const decided = ['--decided-by', 'Karin Berg', '--decided-on', '2026-02-05', '--title', 'socialsekreterare', '--delegation', 'punkt 4.2'];

describe('letter', () => {
  it('prints a "Förslag till beslut" as text, with no member id and no worksheet', async () => {
    const r = await runInProcess(['letter', H11]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('FÖRSLAG TILL BESLUT');
    expect(r.stdout).toContain('Barnet som är 9 år');
    expect(r.stdout).not.toMatch(/\bc1\b|\ba1\b|ARBETSUNDERLAG|sha256|Pröva /);
  });

  it('a refusal touching children is not written as a decision until the child\'s views are given for each child', async () => {
    const partial = join(dir, 'partial.json');
    writeFileSync(partial, JSON.stringify({ childAnswers: [{ promptId: 'child-view', memberId: 'c1', answer: 'Elsa vill bo kvar.' }] }));
    const r = await runInProcess(['letter', NAMED, '--answers', partial, ...decided]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/question \d+ \(child-view\) for c2 must be answered/);
    expect(r.stderr).toMatch(/\(weighing\) for c1 must be answered/);
    expect(r.stderr).not.toMatch(/child-view\) for c1/);
  });

  it('with the answers and who decided: a "Beslut" with the children\'s views, the signature, and not the worksheet note', async () => {
    const r = await runInProcess(['letter', NAMED, '--answers', ANSWERS, ...decided]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('BESLUT');
    expect(r.stdout).toContain('Vad Elsa tycker: Elsa har berättat att hon vill bo kvar nära sin skola och sina kompisar.');
    expect(r.stdout).toContain('Noah, 4 år');
    expect(r.stdout).toContain('Karin Berg, socialsekreterare');
    expect(r.stdout).not.toContain('avbetalningsplan'); // the note not marked for the letter
    expect(r.stdout).not.toContain('Det här är ett förslag');
  });

  it('--out FILE.pdf writes an A4 PDF and names its sha256', async () => {
    const out = join(dir, 'beslut.pdf');
    const r = await runInProcess(['letter', NAMED, '--answers', ANSWERS, ...decided, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = bytes.toString('latin1');
    // A4 in points, and more than one page for this letter.
    expect(text).toMatch(/\/MediaBox \[0 0 594\.9\d* 841\.9\d*\]/);
    expect((text.match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThan(1);
    expect(r.stderr).toContain(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
  }, 60_000);

  it('the PDF embeds Noto Sans from the pinned npm package and no font of the machine (the page number included)', async () => {
    const out = join(dir, 'typsnitt.pdf');
    const r = await runInProcess(['letter', NAMED, '--answers', ANSWERS, ...decided, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(pdfFonts(readFileSync(out))).toEqual(['NotoSans-Bold', 'NotoSans-Regular']);
  }, 60_000);

  it('--out FILE.html writes the page the PDF is printed from', async () => {
    const out = join(dir, 'beslut.html');
    const r = await runInProcess(['letter', NAMED, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<h1>Förslag till beslut</h1>');
    expect(html).toContain('Socialnämnden i Exempelby');
    expect(html).not.toMatch(/<script|https?:\/\//);
  });

  it('nothing to send: exit 1 and why; bad options: exit 2 naming them', async () => {
    const none = await runInProcess(['letter', 'fixtures/h1-labour-market-no-reason-children-1-and-15-2026.json']);
    expect(none.status).toBe(1);
    expect(none.stdout).toBe('');
    expect(none.stderr).toContain('no letter can be sent yet');
    expect((await runInProcess(['letter', H11, '--decided-by', 'Karin'])).stderr).toContain('--decided-by and --decided-on go together');
    expect((await runInProcess(['letter', H11, '--out', 'x.docx'])).status).toBe(2);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ notes: [{ text: 'x' }] }));
    expect((await runInProcess(['letter', H11, '--answers', bad])).stderr).toContain('answers.notes[0].forLetter');
  });
});
