/**
 * The resume checkpoint, a sidecar file next to the output (`<out>.checkpoint`). It is written only
 * after the output up to `outputBytes` has been fsynced, so after a crash or a kill the output is at
 * least that long; `--resume` truncates it back to `outputBytes`, seeks the input to `inputOffset` and
 * goes on. Because the engine is deterministic, the lines written again are the same bytes, and the
 * final output equals an uninterrupted run.
 */
import { readFileSync, rmSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import type { SummaryCounts } from './summary.ts';

export interface Checkpoint {
  readonly version: 1;
  /** What must match for a resume to continue the same run (sameRun). */
  readonly run: RunIdentity;
  /** Names the run across resumes (for a record sink's bookkeeping). */
  readonly runId: string;
  readonly inputOffset: number;
  readonly linesDone: number;
  readonly outputBytes: number;
  readonly counts: SummaryCounts;
  readonly internalErrors: number;
}

/** A run as a resume must find it again; `processor` is a command's processor identity (processor.ts). */
export interface RunIdentity {
  readonly input: string;
  readonly inputSize: number;
  readonly period: string | null;
  readonly detail: string;
  readonly engineVersion: string;
  readonly processor?: unknown;
}

/** Whether a checkpoint's run is this run: the one check a resume makes, for the batch and every processor alike. */
export function sameRun(checkpointed: RunIdentity, run: RunIdentity): boolean {
  return JSON.stringify(checkpointed) === JSON.stringify(run);
}

export const checkpointPath = (output: string) => `${output}.checkpoint`;

/** A checkpoint file that cannot be read as one (damaged, or written by something else). */
export class CheckpointError extends Error {}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export function readCheckpoint(output: string): Checkpoint | null {
  let text: string;
  try {
    text = readFileSync(checkpointPath(output), 'utf8');
  } catch {
    return null;
  }
  const damaged = (what: string) => new CheckpointError(`${checkpointPath(output)} is not a usable checkpoint (${what})`);
  let cp: unknown;
  try {
    cp = JSON.parse(text);
  } catch {
    throw damaged('not JSON');
  }
  if (!isObject(cp) || cp['version'] !== 1) throw damaged('unknown checkpoint version');
  if (!isObject(cp['run']) || !isObject(cp['counts'])) throw damaged('no run or counts');
  // The exact payable total is written as a decimal string of öre (JSON has no BigInt).
  const payable = cp['counts']['payableOre'];
  if (typeof payable !== 'string' || !/^-?[0-9]+$/.test(payable)) throw damaged('counts.payableOre is not a whole number of öre');
  const read = cp as unknown as Checkpoint;
  return { ...read, counts: { ...read.counts, payableOre: BigInt(payable) } };
}

/** The checkpoint as written: JSON, with the exact payable total as a decimal string. */
const checkpointJson = (cp: Checkpoint): string => JSON.stringify(cp, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));

/**
 * Atomic replace: write a temporary file, fsync it, rename it over the old checkpoint. On libuv's
 * thread pool, so the calling thread can go on working while the disk syncs.
 */
export async function writeCheckpoint(output: string, cp: Checkpoint): Promise<void> {
  const path = checkpointPath(output);
  const tmp = `${path}.tmp`;
  const file = await open(tmp, 'w');
  try {
    await file.writeFile(checkpointJson(cp));
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(tmp, path);
}

export function removeCheckpoint(output: string): void {
  rmSync(checkpointPath(output), { force: true });
  rmSync(`${checkpointPath(output)}.tmp`, { force: true });
}
