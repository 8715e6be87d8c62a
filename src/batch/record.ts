/**
 * `batch --record`: every valid line's full decision goes into the decision store (issue 4), one
 * transaction per chunk, in input order, before the chunk's output is written. The store keeps the
 * run's last recorded line in the same transaction (batch_runs), so after a kill and `--resume` the
 * lines already recorded are not recorded again, and the chain holds each line exactly once.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { parsePeriod } from '../period/index.ts';
import { RuleSetCache, RulesPendingError } from '../rulebook/resolve.ts';
import type { Rulebook } from '../rulebook/load.ts';
import type { DecisionStore, RecordInput } from '../store/store.ts';
import type { CollectedDecision } from './chunk.ts';

export interface RecordTally {
  recorded: number;
  skipped: number;
}

/** The input's decidedOn (it picks the law of the rule set stored with the record); null when not given. */
function decidedOnOf(inputJson: string): string | null {
  if (!inputJson.includes('"decidedOn"')) return null;
  const value = (JSON.parse(inputJson) as { decidedOn?: unknown }).decidedOn;
  return typeof value === 'string' ? value : null;
}

export function recordSink(store: DecisionStore, book: Rulebook, tally: RecordTally) {
  const cache = new RuleSetCache(book);
  const recordedUpTo = new Map<string, number>();
  return (decisions: readonly CollectedDecision[], chunk: { readonly runId: string; readonly lastLine: number }): void => {
    let done = recordedUpTo.get(chunk.runId);
    if (done === undefined) {
      done = store.batchProgress(chunk.runId);
      recordedUpTo.set(chunk.runId, done);
    }
    if (chunk.lastLine <= done) {
      tally.skipped += decisions.length;
      return;
    }
    const items: RecordInput[] = [];
    for (const d of decisions) {
      if (d.line <= done) {
        tally.skipped++;
        continue;
      }
      let ruleSet;
      try {
        ruleSet = cache.get(parsePeriod(d.record.period)!, d.record.municipality, decidedOnOf(d.record.inputJson));
      } catch (error) {
        // A month whose rules are pending (rules/pending/) has no rule set: its needs-information line is not recorded.
        if (error instanceof RulesPendingError) continue;
        throw error;
      }
      items.push({ serialized: d.record, ruleSet });
    }
    store.recordMany(items, { runId: chunk.runId, line: chunk.lastLine });
    recordedUpTo.set(chunk.runId, chunk.lastLine);
    tally.recorded += items.length;
  };
}

/**
 * What identifies a recorded batch run across resumes and re-runs (issue 13): the sha256 of the input
 * file's bytes and the --period it was run with. The same input recorded by a finished run gives the
 * same key, so `--record --resume` after it is recognised and records nothing again.
 */
export function inputKey(path: string, period: string | null): string {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    const block = Buffer.allocUnsafe(1 << 20);
    for (let read = readSync(fd, block); read > 0; read = readSync(fd, block)) hash.update(block.subarray(0, read));
  } finally {
    closeSync(fd);
  }
  return `sha256:${hash.digest('hex')}|period:${period ?? '(as in each line)'}`;
}
