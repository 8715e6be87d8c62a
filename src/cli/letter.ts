/**
 * `letter <household.json> [--out FILE] [--answers FILE] [--decided-by NAME --decided-on YYYY-MM-DD
 * [--title TEXT] [--delegation TEXT]] [--rules DIR]` (issue 21): the applicant's letter for one
 * household and month, as the decision's decisionText is (src/explain/letter/), never the worksheet.
 *
 * - without --out: the letter as plain text on stdout;
 * - --out FILE.pdf: an A4 PDF through headless Chromium (src/cli/pdf.ts), the form a digital mailbox
 *   accepts; --out FILE.html: the page the PDF is printed from. stderr names the file and its sha256;
 * - --answers FILE: the caseworker's answers ({"childAnswers": [{promptId, memberId?, answer,
 *   forLetter?}], "notes": [{text, forLetter}]}): the child's views and the weighing are written in
 *   the letter; a note only when marked forLetter;
 * - --decided-by and --decided-on: a person has decided, so the letter is a "Beslut" with its date and
 *   signature; without them it is a "Förslag till beslut". A refusal that touches children is not
 *   written as a decision until the child's views (per child) and every required question are answered.
 *
 * When no letter can be sent (the rules are not published, a choice only a person can make, a
 * payment nobody has classified): exit 1 and why on stderr. Bad input: exit 2 naming the field.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseAnswers, type CaseworkerAnswers } from '../explain/letter/answers.ts';
import type { Decided } from '../explain/letter/build.ts';
import { letterForHousehold } from '../explain/letter/forHousehold.ts';
import { letterHtml, letterText } from '../explain/letter/document.ts';
import { loadRulebook } from '../rulebook/load.ts';
import { RuleSetCache } from '../rulebook/resolve.ts';
import { escapeControls } from '../household/echo.ts';
import { EXIT_BAD_INPUT, EXIT_ENGINE, EXIT_OK, problemLines, processIo, readJsonFile, rulesDir, staffDirectoryFrom, UsageError, type CliIo } from './common.ts';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export interface LetterOptions {
  readonly out: string | undefined;
  readonly answers: string | undefined;
  readonly decidedBy: string | undefined;
  readonly decidedOn: string | undefined;
  readonly title: string | undefined;
  readonly delegation: string | undefined;
  readonly rules: string | undefined;
}

export async function runLetter(file: string, options: LetterOptions, io: CliIo = processIo()): Promise<number> {
  const fail = (lines: readonly string[], code: number) => {
    for (const l of lines) io.stderr.write(`${escapeControls(l)}\n`);
    return code;
  };
  if ((options.decidedBy === undefined) !== (options.decidedOn === undefined)) return fail(['--decided-by and --decided-on go together: who decided, and on which day'], EXIT_BAD_INPUT);
  if (options.decidedOn !== undefined && !DATE.test(options.decidedOn)) return fail([`--decided-on: expected a date YYYY-MM-DD, got ${options.decidedOn}`], EXIT_BAD_INPUT);
  if (options.out !== undefined && !/\.(pdf|html)$/i.test(options.out)) return fail([`--out: expected a file ending in .pdf or .html, got ${options.out}`], EXIT_BAD_INPUT);
  const read = readJsonFile(file, io.cwd);
  if (!read.ok) {
    io.stderr.write(problemLines([read.problem], file, 'en'));
    return EXIT_BAD_INPUT;
  }
  let answers: CaseworkerAnswers = {};
  if (options.answers !== undefined) {
    const a = readJsonFile(options.answers, io.cwd);
    if (!a.ok) {
      io.stderr.write(problemLines([a.problem], options.answers, 'en'));
      return EXIT_BAD_INPUT;
    }
    const parsed = parseAnswers(a.value);
    if (!parsed.ok) return fail(parsed.issues, EXIT_BAD_INPUT);
    answers = parsed.answers;
  }
  const cache = new RuleSetCache(loadRulebook(rulesDir(options.rules, io.env)));
  const decided: Decided | null = options.decidedBy !== undefined ? { by: options.decidedBy, on: options.decidedOn!, title: options.title ?? null, delegation: options.delegation ?? null } : null;
  // The personnummer is printed only in the document that is sent (the PDF or its page), never on stdout.
  const made = letterForHousehold(read.value, { answers, decided, withPersonnummer: options.out !== undefined }, (period, municipality, decidedOn) => cache.get(period, municipality, decidedOn));
  if (!made.ok && made.reason === 'input') {
    io.stderr.write(problemLines(made.issues, file, 'en'));
    return EXIT_BAD_INPUT;
  }
  if (!made.ok) {
    return fail(made.missing.map((m) => `answers.childAnswers: question ${m.number} (${m.promptId})${m.memberId ? ` for ${m.memberId}` : ''} must be answered before a refusal that touches children is decided (3 kap. 1–2 §§ SoL)`), EXIT_BAD_INPUT);
  }
  const doc = made.doc;
  if (doc.kind === 'none' || doc.blockers.length > 0) return fail(['no letter can be sent yet:', ...doc.blockers], EXIT_ENGINE);
  if (options.out === undefined) {
    io.stdout.write(`${letterText(doc)}\n`);
    return EXIT_OK;
  }
  const html = letterHtml(doc);
  const bytes = /\.pdf$/i.test(options.out) ? await (await import('./pdf.ts')).htmlToPdf(html) : new TextEncoder().encode(html);
  const path = resolve(io.cwd, options.out);
  writeFileSync(path, bytes);
  io.stderr.write(`${options.out}: ${doc.title}, ${bytes.length} bytes, sha256:${createHash('sha256').update(bytes).digest('hex')}\n`);
  return EXIT_OK;
}

/**
 * `letter --registered D-… --store PATH --out FILE.pdf [--made-by NAME]`: the letter stored beside a
 * registered decision (issue 21), byte for byte, after checking it against its hash; when none is
 * stored yet (no Chromium at registration), --made-by NAME makes it now through the same builder,
 * stores it (logged as made by NAME from the command line) and writes it. stderr names its sha256.
 */
export async function runRegisteredLetter(decisionId: string, options: { store: string | undefined; out: string | undefined; madeBy: string | undefined; rules?: string | undefined; staffDirectory?: string | undefined }, io: CliIo = processIo()): Promise<number> {
  const fail = (line: string, code: number) => {
    io.stderr.write(`${escapeControls(line)}\n`);
    return code;
  };
  if (options.out === undefined || !/\.pdf$/i.test(options.out)) return fail('--registered: give --out FILE.pdf, where the stored letter is written', EXIT_BAD_INPUT);
  const { CaseWork } = await import('../store/casework.ts');
  const { letterBytes, sha256Bytes, storedLetter } = await import('../store/letters.ts');
  const { StoreError, StoreNotFoundError, storePath } = await import('../store/store.ts');
  let cw: ReturnType<typeof CaseWork.open>;
  try {
    cw = CaseWork.open(storePath(options.store, io.env, io.cwd), { readonly: options.madeBy === undefined });
  } catch (error) {
    if (error instanceof StoreNotFoundError) return fail(error.message, EXIT_BAD_INPUT);
    if (error instanceof StoreError) return fail(`store: ${error.message}`, EXIT_ENGINE);
    throw error;
  }
  try {
    if (!cw.registered(decisionId)) return fail(`${decisionId}: not a registered decision in the store`, EXIT_BAD_INPUT);
    let letter = storedLetter(cw.store, decisionId);
    if (!letter) {
      if (options.madeBy === undefined) return fail(`${decisionId}: its letter is not made yet; give --made-by NAME to make and store it now`, EXIT_ENGINE);
      const { makeRegisteredLetter } = await import('../casework/letter.ts');
      const { htmlToPdf } = await import('./pdf.ts');
      // The nämnd's details from the rules and the decision maker's name and title from the staff directory, as the server makes it.
      const office = { book: loadRulebook(rulesDir(options.rules, io.env)), directory: options.staffDirectory === undefined ? null : staffDirectoryFrom(options.staffDirectory) };
      const made = await makeRegisteredLetter(cw, decisionId, office, (html: string) => htmlToPdf(html), { user: options.madeBy, role: 'kommandorad' }, 'brev framställt från kommandoraden', () => new Date());
      if (made.status !== 'stored') return fail(`${decisionId}: ${made.message}`, EXIT_ENGINE);
      letter = made.letter;
    }
    const bytes = letterBytes(cw.store, letter);
    if (!bytes || sha256Bytes(bytes) !== letter.sha256) return fail(`${decisionId}: the stored letter does not match its hash ${letter.sha256}: run audit verify`, EXIT_ENGINE);
    writeFileSync(resolve(io.cwd, options.out), bytes);
    io.stderr.write(`${options.out}: ${letter.title}, ${bytes.length} bytes, ${letter.sha256}, made ${letter.madeAt} by ${escapeControls(letter.madeBy)}\n`);
    return EXIT_OK;
  } finally {
    cw.close();
  }
}

export async function letterCommand(args: string[], io: CliIo = processIo()): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      answers: { type: 'string' },
      'decided-by': { type: 'string' },
      'decided-on': { type: 'string' },
      title: { type: 'string' },
      delegation: { type: 'string' },
      rules: { type: 'string' },
      registered: { type: 'string' },
      store: { type: 'string' },
      'made-by': { type: 'string' },
      'staff-directory': { type: 'string' },
    },
  });
  if (values.registered !== undefined) {
    if (positionals.length !== 0) throw new UsageError('letter --registered: give the decision id, no household file');
    return runRegisteredLetter(values.registered, { store: values.store, out: values.out, madeBy: values['made-by'], rules: values.rules, staffDirectory: values['staff-directory'] }, io);
  }
  if (positionals.length !== 1) throw new UsageError('letter: give one household file');
  return runLetter(positionals[0]!, { out: values.out, answers: values.answers, decidedBy: values['decided-by'], decidedOn: values['decided-on'], title: values.title, delegation: values.delegation, rules: values.rules }, io);
}
