/**
 * The monthly run's chunk processor for the batch workers (src/batch/processor.ts): each worker
 * opens the decision store read-only and looks up last month's decision of each case, reading only
 * records up to the chain position the run started from (the same on every resume).
 */
import { chunkProcessor, type WorkerConfig } from '../batch/chunk.ts';
import type { ChunkProcessor } from '../batch/processor.ts';
import type { RuleSetProvider } from '../index.ts';
import { DecisionStore } from '../store/store.ts';
import { previousFromParts } from './previous.ts';
import { processMonthlyLine } from './line.ts';
import type { Mode, PreviousDecision } from './propose.ts';

export interface MonthlyWorkerOptions {
  readonly storePath: string;
  /** Read previous decisions only up to this chain position (the head when the run first started). */
  readonly headSeq: number;
  readonly mode: Mode;
  readonly today: string | null;
}

export function makeChunkProcessor(config: WorkerConfig, rulesFor: RuleSetProvider): ChunkProcessor {
  const options = config.processor!.options as MonthlyWorkerOptions;
  const store = DecisionStore.open(options.storePath, { readonly: true });
  const previous = (caseId: string, period: string): PreviousDecision | null => {
    const row = store.latestPartsFor(caseId, period, options.headSeq);
    return row ? previousFromParts(row, (version) => store.ruleSet(version).rules) : null;
  };
  const lineOptions = { detail: config.detail, rulesFor, previous, mode: options.mode, today: options.today };
  return chunkProcessor((text, n, counts, onDecision) => processMonthlyLine(text, n, lineOptions, counts, onDecision), config.collectDecisions);
}
