/** Shared pieces of the command line: its streams, where rules/ is, reading a JSON file, printing problems. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseJsonBytes } from '../household/decode.ts';
import { projectPath } from '../paths.ts';

/** Wrong use of a command (unknown option, missing argument): exit 2 with the message. */
export class UsageError extends Error {}

/** Exit codes: 0 done; 1 the engine or its rules are broken; 2 the input is bad. */
export const EXIT_OK = 0;
export const EXIT_ENGINE = 1;
export const EXIT_BAD_INPUT = 2;

/** Where a command writes: process.stdout/stderr, or a test's buffers (runCli in src/cli.ts). */
export interface CliOutput {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** What a command may use of its process: streams, environment and working directory. */
export interface CliIo {
  readonly stdin: NodeJS.ReadableStream;
  readonly stdout: CliOutput;
  readonly stderr: CliOutput;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

/** The real process's streams, environment and working directory. */
export function processIo(): CliIo {
  return {
    get stdin() {
      return process.stdin; // created on first use only: an idle stdin must not keep the process alive
    },
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
  };
}

export const DEFAULT_RULES_DIR = projectPath('rules');

export function rulesDir(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return option ?? env['BISTAND_RULES'] ?? DEFAULT_RULES_DIR;
}

export type ReadResult = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * Reads a household file (a relative path from `cwd`) by the one decoding rule (household/decode.ts):
 * BOM accepted, invalid UTF-8 refused with its offset; messages name the path as given.
 */
export function readJsonFile(path: string, cwd?: string): ReadResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(cwd === undefined ? path : resolve(cwd, path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return { ok: false, message: `${path}: cannot read the file (${code})` };
  }
  const read = parseJsonBytes(bytes);
  return read.ok ? read : { ok: false, message: `${path}: ${read.message}` };
}
