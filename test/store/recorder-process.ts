/**
 * A child process for the concurrency test (issue 4): computes COUNT decisions, says "ready",
 * waits for "go" on stdin (so that all writers start together), then opens the store and records
 * them CHUNK at a time, each chunk in its own transaction, and prints the decision ids as JSON.
 *
 *   node --import tsx test/store/recorder-process.ts STORE LABEL COUNT CHUNK
 */
import { DecisionStore } from '../../src/store/store.ts';
import { household, recordInput } from './support.ts';

const [path, label, count, chunk] = process.argv.slice(2) as [string, string, string, string];
const items = Array.from({ length: Number(count) }, (_, i) => recordInput(household(i, { caseId: `${label}-${i}` })));
process.stdout.write('ready\n');
await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
process.stdin.pause();
const store = DecisionStore.open(path, { create: true });
const ids: string[] = [];
for (let i = 0; i < items.length; i += Number(chunk)) ids.push(...store.recordMany(items.slice(i, i + Number(chunk))).map((r) => r.decisionId));
store.close();
process.stdout.write(`${JSON.stringify(ids)}\n`);
