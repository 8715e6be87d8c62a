#!/usr/bin/env node
/**
 * Command line of the bistånd engine. `npx tsx src/cli.ts help` lists the commands. Each command
 * lives in src/cli/<command>.ts and parses its own options.
 *
 * Exit codes: 0 done; 1 the engine, its rules or its store are broken; 2 bad input or bad usage.
 */
import { batchCommand } from './cli/batch.ts';
import { calculateCommand } from './cli/calculate.ts';
import { EXIT_BAD_INPUT, EXIT_OK, UsageError } from './cli/common.ts';
import { fixturesCommand } from './cli/fixtures.ts';
import { monthlyCommand } from './cli/monthly.ts';
import { rulesCommand } from './cli/rules.ts';
import { serveCommand } from './cli/serve.ts';
import { auditCommand, replayCommand, showCommand } from './cli/store.ts';

type Command = (args: string[]) => number | Promise<number>;

const COMMANDS: Record<string, { run: Command; usage: string }> = {
  calculate: {
    run: calculateCommand,
    usage: `calculate <household.json> [--json] [--lang sv|en] [--rules DIR] [--record [--store PATH]]
      One household and month (CONTRACT.md). --json prints the decision as JSON; without it, a
      breakdown in Swedish (or English with --lang en). Bad input: exit 2, problems on stderr.
      --record also stores it in the decision store and prints its decisionId (docs/records.md;
      store: --store, else $BISTAND_STORE, else .bistand/records.sqlite).`,
  },
  batch: {
    run: batchCommand,
    usage: `batch --in households.ndjson --out decisions.ndjson [--period YYYY-MM] [--workers N] [--resume]
        [--detail compact|summary|full] [--summary FILE] [--rules DIR] [--record [--store PATH]]
      The monthly recalculation: one output line per input line, in order, on every core; resumable.
      --record also stores every decision, with its trace, in the decision store (docs/records.md).`,
  },
  monthly: {
    run: monthlyCommand,
    usage: `monthly --in applications.ndjson --out proposals.ndjson [--store PATH] [--mode recommend|automatic]
        [--today YYYY-MM-DD] [--summary FILE] [--queue FILE] [--workers N] [--resume] [--detail compact|summary|full]
      The monthly återansökan run (docs/monthly.md): each case compared with last month's recorded
      decision, routed ready or to a caseworker with reasons and dueOn, recorded once in the store.`,
  },
  'run-fixtures': {
    run: fixturesCommand,
    usage: `run-fixtures [DIR] [--rules DIR]
      Calculates every *.json household in DIR (default fixtures/) and prints one line each.`,
  },
  rules: {
    run: rulesCommand,
    usage: `rules check [--rules DIR]
      Validates rules/ and summarises periods and how sure each value is.
  rules show YYYY-MM [--municipality KOD] [--rules DIR]
      The resolved rule set for a month and its ruleSetVersion.`,
  },
  audit: {
    run: auditCommand,
    usage: `audit verify [--store PATH] [--anchor HASH]... [--json]
      Recomputes the hash chain of the decision store; names the first edited, deleted or
      reordered record (exit 1) or prints the head hash to write down (exit 0).`,
  },
  replay: {
    run: replayCommand,
    usage: `replay DECISION_ID [--store PATH] [--json]
      Recomputes a recorded decision with its stored input and stored rule set: "identical", or
      every field that differs (exit 1).
  replay DECISION_ID --with-current-rules [--rules DIR] [--store PATH] [--json]
      What today's rules give for the same input, as a difference (informational, exit 0).`,
  },
  show: {
    run: showCommand,
    usage: `show DECISION_ID [--store PATH] [--lang sv|en] [--json]
      A recorded decision with its trace and record metadata (recorded at, rule set, engine, chain hash).`,
  },
  serve: {
    run: serveCommand,
    usage: `serve [--port P] [--host H] [--rules DIR] [--store PATH]
      Caseworker preview: a web page and JSON API (docs/web.md) on 127.0.0.1:8787 by default
      (--port 0: any free port). Prints the URL; Ctrl+C or SIGTERM stops it. /queue lists the
      monthly proposals in the decision store awaiting a person (--store, as for the store commands).`,
  },
};

function help(): string {
  return `Användning / usage: npx tsx src/cli.ts <command> [options]\n\n${Object.values(COMMANDS)
    .map((c) => `  ${c.usage}`)
    .join('\n')}\n\nEnvironment: BISTAND_RULES overrides the rules directory.\n`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(help());
    return name === undefined ? EXIT_BAD_INPUT : EXIT_OK;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`unknown command "${name}"\n${help()}`);
    return EXIT_BAD_INPUT;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && String((error as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`${name}: ${error.message}\n`);
      return EXIT_BAD_INPUT;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
