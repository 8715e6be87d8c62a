/** Shared pieces of the command line: where rules/ is, reading a JSON file, printing problems. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseJsonBytes } from '../household/decode.ts';
import { loadRulebook, RulebookError, type Rulebook } from '../rulebook/load.ts';

/** Wrong use of a command (unknown option, missing argument): exit 2 with the message. */
export class UsageError extends Error {}

/** Exit codes: 0 done; 1 the engine or its rules are broken; 2 the input is bad. */
export const EXIT_OK = 0;
export const EXIT_ENGINE = 1;
export const EXIT_BAD_INPUT = 2;

export const DEFAULT_RULES_DIR = fileURLToPath(new URL('../../rules', import.meta.url));

export function rulesDir(option: string | undefined): string {
  return option ?? process.env['BISTAND_RULES'] ?? DEFAULT_RULES_DIR;
}

/** Loads rules/ or prints every problem and exits 1. */
export function loadRulesOrExit(dir: string): Rulebook {
  try {
    return loadRulebook(dir);
  } catch (error) {
    if (error instanceof RulebookError) {
      for (const p of error.problems) process.stderr.write(`rules: ${p}\n`);
      process.exit(EXIT_ENGINE);
    }
    throw error;
  }
}

export type ReadResult = { ok: true; value: unknown } | { ok: false; message: string };

/** Reads a household file by the one decoding rule (household/decode.ts): BOM accepted, invalid UTF-8 refused with its offset. */
export function readJsonFile(path: string): ReadResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return { ok: false, message: `${path}: cannot read the file (${code})` };
  }
  const read = parseJsonBytes(bytes);
  return read.ok ? read : { ok: false, message: `${path}: ${read.message}` };
}
