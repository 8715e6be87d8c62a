/** Shared pieces of the command line: its streams, where rules/ is, reading a JSON file, printing problems. */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { problemMessage, type Lang } from '../explain/problems.ts';
import { parseJsonBytes } from '../household/decode.ts';
import { escapeControls } from '../household/echo.ts';
import { MAX_HOUSEHOLD_BYTES } from '../household/limits.ts';
import { NO_ARGS, problem, type InputProblem } from '../household/problems.ts';
import { projectPath } from '../paths.ts';
import { readStaffDirectory, type StaffDirectory } from '../casework/staffDirectory.ts';

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

export type ReadResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly problem: InputProblem };

/** Why a file could not be read, as a problem of the whole input. */
function unreadable(error: unknown): InputProblem {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  if (code === 'ENOENT') return problem('(household)', 'UNREADABLE_FILE.notFound', NO_ARGS);
  if (code === 'EACCES' || code === 'EPERM') return problem('(household)', 'UNREADABLE_FILE.denied', NO_ARGS);
  if (code === 'EISDIR') return problem('(household)', 'UNREADABLE_FILE.directory', NO_ARGS);
  return problem('(household)', 'UNREADABLE_FILE', { reason: code });
}

/**
 * Reads a household file (a relative path from `cwd`) by the one decoding rule (household/decode.ts):
 * BOM accepted, invalid UTF-8 refused with its offset, at most MAX_HOUSEHOLD_BYTES (refused before
 * it is read). A problem has the path (household): the command names the file instead (fileLines).
 */
export function readJsonFile(path: string, cwd?: string): ReadResult {
  const full = cwd === undefined ? path : resolve(cwd, path);
  let bytes: Buffer;
  try {
    const size = statSync(full).size;
    if (size > MAX_HOUSEHOLD_BYTES) return { ok: false, problem: problem('(household)', 'TOO_LARGE', { size, max: MAX_HOUSEHOLD_BYTES }) };
    bytes = readFileSync(full);
  } catch (error) {
    return { ok: false, problem: unreadable(error) };
  }
  return parseJsonBytes(bytes);
}

/**
 * Input problems as stderr lines (CONTRACT.md): one line per problem, `path: message`, where a problem
 * of the whole input names the file as it was given. Every line is made one line (household/echo.ts):
 * a newline, U+2028 or DEL in a file name or a value is written as its escape.
 */
export function problemLines(problems: readonly InputProblem[], file: string, lang: Lang): string {
  let out = '';
  for (const p of problems) out += `${escapeControls(`${p.path === '(household)' ? file : p.path}: ${problemMessage(p, lang)}`)}\n`;
  return out;
}

/** The staff directory (docs/workday.md): a JSON file { "staff": [{ user, name, title }] }. */
export function staffDirectoryFrom(path: string): StaffDirectory {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`--staff-directory ${path}: ${(error as Error).message}`);
  }
  const read = readStaffDirectory(raw);
  if (!read.ok) throw new UsageError(`--staff-directory ${path}: ${read.problems.join('; ')}`);
  return read.directory;
}
