#!/usr/bin/env node
/**
 * Command line of the bistånd engine. `npx tsx src/cli.ts help` lists the commands. Each command
 * lives in src/cli/<command>.ts and parses its own options.
 *
 * Exit codes: 0 done; 1 the engine, its rules or its store are broken; 2 bad input or bad usage.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EXIT_BAD_INPUT, EXIT_ENGINE, EXIT_OK, processIo, UsageError, type CliIo } from './cli/common.ts';
import { oneLine, quote } from './household/echo.ts';
import { RulebookError } from './rulebook/load.ts';

/** A command gets its arguments and the process's streams (src/cli/common.ts) and returns the exit code. */
type Command = (args: string[], io: CliIo) => number | Promise<number>;

/*
 * Each command's module is imported only when that command runs, so `calculate` does not load the
 * web server, SQLite or the batch machinery (start-up time: bench/RESULTS.md).
 */

const COMMANDS: Record<string, { run: Command; usage: string }> = {
  calculate: {
    run: async (args, io) => (await import('./cli/calculate.ts')).calculateCommand(args, io),
    usage: `calculate <household.json> [--json] [--lang sv|en] [--rules DIR] [--record [--store PATH]]
      One household and month (docs/household.md). --json prints the decision as JSON; without it, a
      breakdown in Swedish (or English with --lang en). Bad input: exit 2, problems on stderr.
      --record also stores it in the decision store and prints its decisionId (docs/records.md;
      store: --store, else $BISTAND_STORE, else .bistand/records.sqlite).`,
  },
  letter: {
    run: async (args, io) => (await import('./cli/letter.ts')).letterCommand(args, io),
    usage: `letter <household.json> [--out FILE.pdf|FILE.html] [--answers FILE] [--decided-by NAME --decided-on YYYY-MM-DD
        [--title TEXT] [--delegation TEXT]] [--rules DIR]
      The applicant's letter (docs/letters.md): a request, a "Förslag till beslut", or with --decided-by
      and --decided-on a "Beslut". Plain text on stdout, or an A4 PDF (through the bundled Chromium) or
      its HTML with --out; stderr names the file and its sha256. --answers: the caseworker's answers
      and notes (the child's views, the weighing; a note only when marked forLetter). No letter can be
      sent yet: exit 1 with why. The worksheet is never in it.
  letter --registered DECISION_ID --out FILE.pdf [--store PATH] [--made-by NAME [--rules DIR] [--staff-directory FILE]]
      The letter stored beside a registered decision (docs/letters.md), byte for byte after checking
      its sha256; when none was made at registration, --made-by NAME makes and stores it now, with the
      nämnd's details from rules/municipal/KOD.json and the decision maker's name and title from
      --staff-directory (docs/workday.md).`,
  },
  batch: {
    run: async (args, io) => (await import('./cli/batch.ts')).batchCommand(args, io),
    usage: `batch --in households.ndjson --out decisions.ndjson [--period YYYY-MM] [--workers N] [--resume]
        [--detail compact|summary|full] [--summary FILE] [--rules DIR] [--record [--store PATH]]
      The monthly recalculation: one output line per input line, in order, on every core; resumable.
      --record also stores every decision, with its trace, in the decision store (docs/records.md).`,
  },
  compare: {
    run: async (args, io) => (await import('./cli/compare.ts')).compareCommand(args, io),
    usage: `compare --in households.ndjson --base SPEC --reform SPEC --out diff.ndjson [--report report.html]
        [--summary FILE] [--workers N] [--resume] [--rules DIR]
  compare --store PATH --reform SPEC --out diff.ndjson [--report report.html] [--summary FILE]
      What-if over a population (docs/compare.md): every household under two rule sets, the
      difference, the first trace step where they diverge, and a summary (cost, outcome transitions,
      winners and losers, children). SPEC: a month YYYY-MM, a rules directory, an overlay file,
      "current", or month/directory and overlay joined by a comma. With --store the base is each
      recorded decision as recorded.`,
  },
  monthly: {
    run: async (args, io) => (await import('./cli/monthly.ts')).monthlyCommand(args, io),
    usage: `monthly --in applications.ndjson --out proposals.ndjson [--store PATH] [--mode recommend|automatic]
        [--today YYYY-MM-DD] [--summary FILE] [--queue FILE] [--workers N] [--resume] [--detail compact|summary|full]
      The monthly återansökan run (docs/monthly.md): each case compared with last month's recorded
      decision, routed ready or to a caseworker with reasons and dueOn, recorded once in the store.`,
  },
  'run-fixtures': {
    run: async (args, io) => (await import('./cli/fixtures.ts')).fixturesCommand(args, io),
    usage: `run-fixtures [DIR] [--rules DIR]
      Calculates every *.json household in DIR (default fixtures/) and prints one line each.`,
  },
  statistics: {
    run: async (args, io) => (await import('./cli/statistics.ts')).statisticsCommand(args, io),
    usage: `statistics month YYYY-MM --store PATH [--out FILE] [--who NAME] [--rules DIR]
      The month's report to Socialstyrelsen (EKB-Månad) from registered decisions and their payments,
      validated before it is written; "Inget att rapportera" when no household was paid. docs/statistics.md.`,
  },
  rules: {
    run: async (args, io) => (await import('./cli/rules.ts')).rulesCommand(args, io),
    usage: `rules check [--rules DIR]
      Validates rules/ and summarises periods and how sure each value is.
  rules show YYYY-MM [--municipality KOD] [--rules DIR]
      The resolved rule set for a month and its ruleSetVersion.
  rules import-norm YYYY FILE [--sfs YYYY:NNN] [--status verified|derived] [--url URL] [--dry-run] [--force] [--rules DIR]
      Reads the year's riksnorm table as the SFS text prints it, writes rules/riksnorm/YYYY.json
      (validated with the whole folder) and prints the difference against the previous year.`,
  },
  audit: {
    run: async (args, io) => (await import('./cli/store.ts')).auditCommand(args, io),
    usage: `audit verify [--store PATH] [--anchor HASH]... [--json]
      Recomputes the hash chain of the decision store; names the first edited, deleted or
      reordered record (exit 1) or prints the head hash to write down (exit 0).`,
  },
  replay: {
    run: async (args, io) => (await import('./cli/store.ts')).replayCommand(args, io),
    usage: `replay DECISION_ID [--store PATH] [--json]
      Recomputes a recorded decision with its stored input and stored rule set: "identical", or
      every field that differs (exit 1).
  replay DECISION_ID --with-current-rules [--rules DIR] [--store PATH] [--json]
      What today's rules give for the same input, as a difference (informational, exit 0).`,
  },
  show: {
    run: async (args, io) => (await import('./cli/store.ts')).showCommand(args, io),
    usage: `show DECISION_ID [--store PATH] [--lang sv|en] [--json]
      A recorded decision with its trace and record metadata (recorded at, rule set, engine, chain hash).`,
  },
  explain: {
    run: async (args, io) => (await import('./cli/explain.ts')).explainCommand(args, io),
    usage: `explain DECISIONS.ndjson --line N [--json] [--lang sv|en] [--rules DIR]
      The reasoning trace of one line of a batch --detail full output, with its texts (docs/batch.md).`,
  },
  serve: {
    run: async (args, io) => (await import('./cli/serve.ts')).serveCommand(args, io),
    usage: `serve [--port P] [--host H] [--allow-host NAME]... [--rules DIR] [--municipality KOD] [--store PATH] [--payer FILE]
        [--staff-directory FILE]
      Caseworker preview: a web page and JSON API (docs/web.md) on 127.0.0.1:8787 by default
      (--port 0: any free port). Prints the URL; Ctrl+C or SIGTERM stops it. Answers only requests
      addressed to its own address (DNS rebinding); --allow-host adds a name ('*': any). With
      --trust-proxy-auth, the caseworker's workday (docs/workday.md): /queue, the case view where a
      decision is registered once in the store's chain, and /utbetalningar, whose payment file names
      the payer of --payer FILE (docs/payments.md); a registered decision's letter is signed with the
      decision maker's name and title from --staff-directory FILE (docs/workday.md).
      Also the public resident page /invanare/ (docs/invanare.md; --municipality: whose contact
      details from rules/municipal/KOD.json it shows) and Kontaktcenter's case lookup
      /kontaktcenter/ [--trust-proxy-auth [--auth-user-header H] [--auth-roles-header H]
      [--staff-role R]]: without --trust-proxy-auth every lookup answers 403.`,
  },
  handlingstid: {
    run: async (args, io) => (await import('./cli/handlingTime.ts')).handlingTimeCommand(args, io),
    usage: `handlingstid --month YYYY-MM --today YYYY-MM-DD [--store PATH] [--out FILE]
      Handläggningstid of the cases decided in the month as CSV (docs/casestatus.md): median and 90th
      percentile of working days, share within five, cases past due on --today; split by outcome,
      applicant's gender and new application or återansökan.`,
  },
  kontakt: {
    run: async (args, io) => (await import('./cli/kontakt.ts')).kontaktCommand(args, io),
    usage: `kontakt assign CASE_ID --caseworker NAME --by USER [--store PATH]
  kontakt payment DECISION_ID --date YYYY-MM-DD --by USER [--store PATH]
  kontakt log [--case CASE_ID] [--json] [--store PATH]
      What Kontaktcenter's case lookup shows besides the decision (caseworker, payment date), and
      its access log: every lookup with who, when, which case and why (docs/invanare.md).`,
  },
  ssbtek: {
    run: async (args, io) => (await import('./cli/ssbtek.ts')).ssbtekCommand(args, io),
    usage: `ssbtek import <answer.json> --member ID [--into household.json]
      Reads one person's SSBTEK answer (the agencies' nested shape) and prints registeredIncomes and
      agencyAnswers for member ID as JSON; --into prints that household with them merged in
      (docs/agency-income.md). Skipped parts are noted on stderr.`,
  },
};

function help(): string {
  return `Användning / usage: npx bistand <command> [options]\n\n${Object.values(COMMANDS)
    .map((c) => `  ${c.usage}`)
    .join('\n')}\n\nEnvironment: BISTAND_RULES overrides the rules directory.\n`;
}

/**
 * The whole command line as a function: arguments in, exit code out, output on `io` (the real process
 * by default). Tests call it in-process with their own streams.
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.stdout.write(help());
    return name === undefined ? EXIT_BAD_INPUT : EXIT_OK;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.stderr.write(`unknown command ${quote(name)}\n${help()}`);
    return EXIT_BAD_INPUT;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && String((error as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS'))) {
      // Options echo what was typed: one line, cut (issue 13).
      io.stderr.write(`${name}: ${oneLine(error.message, 300)}\n`);
      return EXIT_BAD_INPUT;
    }
    if (error instanceof RulebookError) {
      for (const p of error.problems) io.stderr.write(`rules: ${p}\n`);
      return EXIT_ENGINE;
    }
    throw error;
  }
}

/**
 * A reader that stops early (`show … | head`, `npm start | head`) closes the pipe: that is not an
 * error of the command, so it ends quietly instead of with an EPIPE stack trace (issue 13).
 */
function exitQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
    throw error;
  });
}

/** True when this file is the program being run (node dist/cli.js, npx bistand, npx tsx src/cli.ts), not an import. */
function isMain(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  exitQuietlyOnClosedPipe(process.stdout);
  process.exitCode = await runCli(process.argv.slice(2));
}
