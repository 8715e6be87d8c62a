/**
 * The command line in-process: runCli (src/cli.ts) with captured stdout/stderr, the way the real
 * process runs it but without starting Node and tsx for every call. Tests that are about the process
 * itself (exit on a signal, kill and resume, time zone and locale, the server) spawn it for real
 * with spawnCli: the compiled CLI (dist/, built by the global setup), or the sources through tsx.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { runCli } from '../../src/cli.ts';
import type { CliIo } from '../../src/cli/common.ts';
import { ROOT } from './engine.ts';

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  /** Working directory for relative paths and the default store; default the project root. */
  readonly cwd?: string;
  /** The whole environment the command sees; default this process's. */
  readonly env?: NodeJS.ProcessEnv;
  /** What the command reads on stdin; default nothing. */
  readonly stdin?: string;
}

/** Runs `bistand ARGS` in this process. A crash is exit 1 with the stack on stderr, as in a real process. */
export async function runInProcess(args: readonly string[], options: RunOptions = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdin: Readable.from(options.stdin === undefined ? [] : [options.stdin]),
    stdout: { write: (text: string) => ((stdout += text), true) },
    stderr: { write: (text: string) => ((stderr += text), true) },
    env: options.env ?? process.env,
    cwd: resolve(options.cwd ?? ROOT),
  };
  let status: number;
  try {
    status = await runCli(args, io);
  } catch (error) {
    stderr += `${(error as Error).stack ?? String(error)}\n`;
    status = 1;
  }
  return { status, stdout, stderr };
}

/** The compiled command line (`npx bistand`), built from the sources by test/support/global-setup.ts. */
export const COMPILED_CLI = join(ROOT, 'dist', 'cli.js');

/** Node's arguments to run the command line: compiled, or from the sources through tsx (`npx tsx src/cli.ts`). */
export function cliArgs(args: readonly string[], from: 'compiled' | 'sources' = 'compiled'): string[] {
  return from === 'compiled' ? [COMPILED_CLI, ...args] : ['--import', 'tsx', `${ROOT}src/cli.ts`, ...args];
}

/** Runs the command line as a real child process (for what only a process shows). */
export function spawnCli(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeout?: number; from?: 'compiled' | 'sources' } = {}): Run {
  const r: SpawnSyncReturns<string> = spawnSync(process.execPath, cliArgs(args, options.from), {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    env: options.env ?? process.env,
    ...(options.timeout !== undefined ? { timeout: options.timeout } : {}),
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
