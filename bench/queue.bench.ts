/**
 * The queue page on a store of many cases (issue 30): what one `GET /api/queue` costs now that every
 * item carries its due day after pauses and its working days used, and which part of that is new.
 *
 * Builds a store through the compiled CLI — month M−1 recorded with `batch --record`, month M with
 * `monthly` (every case a proposal with its arrival and due day) — then records a begäran om
 * komplettering for every tenth case (half of them answered) in the case_events side chain, and times,
 * in this process, `--runs` times each (median, min, max in ms):
 *
 *   first page    GET /api/queue with the derived index emptied before each run: every packed record
 *                 unpacked (as every request did before this change) and written to queue_parts
 *   page          GET /api/queue (25 items, default sort by due day) through the Hono app, as the browser asks it
 *   page-days     the same sorted by working days used (sort=daysUsed&order=desc)
 *   unpack        store.get + unpacking the flags and missing facts of every proposal: what each queue
 *                 request did before this change (CaseWork.proposalsOf without queue_parts)
 *   proposalsOf   reading the month's newest proposals from the store, the parts from queue_parts
 *   events        reading the month's case events (new: one indexed query)
 *   items         queueItem for every proposal (includes the days below)
 *   days          only the new arithmetic: dueOnAfterPauses + workingDaysUsed for every proposal
 *
 * The figures go to bench/RESULTS.md with the command.
 *
 *   npx tsx bench/queue.bench.ts [--count 10000] [--runs 7] [--seed 42] [--period 2026-03]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { pausesOf } from '../src/casework/caseEvents.ts';
import { queueItem } from '../src/casework/queue.ts';
import { dueOnAfterPauses, workingDaysUsed } from '../src/monthly/workdays.ts';
import type { Routing } from '../src/monthly/propose.ts';
import { loadRulebook } from '../src/rulebook/load.ts';
import { appendCaseEvent, eventsOfPeriod, monthKey } from '../src/store/caseEvents.ts';
import { CaseWork } from '../src/store/casework.ts';
import { partsOfRecord } from '../src/store/queueParts.ts';
import { createApp } from '../src/web/app.ts';
import { DEFAULT_AUTH } from '../src/web/kontaktcenter/routes.ts';
import { monthlyLines, writeLines } from './generate.ts';
import { buildCli } from './measure.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({ options: { count: { type: 'string', default: '10000' }, runs: { type: 'string', default: '7' }, seed: { type: 'string', default: '42' }, period: { type: 'string', default: '2026-03' } } });
const count = Number(values.count);
const runs = Number(values.runs);
const period = values.period;
const dir = mkdtempSync(join(tmpdir(), 'queue-bench-'));
const store = join(dir, 'records.sqlite');
const CLI = buildCli(ROOT);

function cli(args: string[]): void {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${args[0]} failed (${r.status}): ${r.stderr}`);
  console.error(`${args[0]}: ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s`);
}

async function time(name: string, fn: () => unknown | Promise<unknown>): Promise<string> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    await fn();
    ms.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  ms.sort((a, b) => a - b);
  return `| ${name} | ${ms[Math.floor(ms.length / 2)]!.toFixed(1)} | ${ms[0]!.toFixed(1)} | ${ms[ms.length - 1]!.toFixed(1)} |`;
}

try {
  const pairs = [...monthlyLines(count, Number(values.seed), period)];
  await writeLines(join(dir, 'previous.ndjson'), pairs.flatMap((p) => (p.previous === null ? [] : [p.previous])));
  await writeLines(join(dir, 'current.ndjson'), pairs.map((p) => p.current));
  cli(['batch', '--in', join(dir, 'previous.ndjson'), '--out', join(dir, 'previous.out'), '--record', '--store', store]);
  cli(['monthly', '--in', join(dir, 'current.ndjson'), '--out', join(dir, 'current.out'), '--store', store]);

  // A begäran om komplettering for every tenth case, every other one answered.
  const cw = CaseWork.open(store);
  const proposals = cw.proposalsOf(period);
  let n = 0;
  for (const p of proposals.filter((_, i) => i % 10 === 0)) {
    const routing = JSON.parse(p.routing ?? '{}') as Partial<Routing>;
    const sentOn = routing.receivedOn ?? `${period}-02`;
    const base = { caseId: p.caseId, period: p.period, decisionId: p.decisionId, who: 'Bänk', role: 'handlaggare' };
    appendCaseEvent(cw, new Date().toISOString(), { kind: 'completion.request', ...base, sentOn, request: 'Kontoutdrag', answerBy: `${period}-20` }, 'bänk', () => undefined);
    if (n++ % 2 === 0) {
      const seq = cw.store.withConnection((db) => eventsOfPeriod(db, period)).get(monthKey(p.caseId, p.period))!.completions[0]!.seq;
      appendCaseEvent(cw, new Date().toISOString(), { kind: 'completion.answer', ...base, requestSeq: seq, answeredOn: `${period}-16` }, 'bänk', () => undefined);
    }
  }
  const today = `${period}-18`;
  const app = createApp({ rulebook: loadRulebook(join(ROOT, 'rules')), storePath: store, staff: { storePath: store, auth: DEFAULT_AUTH }, clock: () => new Date(`${today}T09:00:00Z`) });
  const headers = { [DEFAULT_AUTH.userHeader]: 'Bänk', [DEFAULT_AUTH.rolesHeader]: 'handlaggare' };
  const page = async (query: string) => {
    const r = await app.request(`/api/queue?period=${period}${query}`, { headers });
    if (r.status !== 200) throw new Error(await r.text());
    return r.json();
  };
  await page(''); // opens the store once, as a running server has it open
  const events = cw.store.withConnection((db) => eventsOfPeriod(db, period));
  const rows: string[] = [];
  rows.push(await time('first page (index emptied: unpack all + write)', async () => {
    cw.store.writeTransaction((db) => db.exec('DELETE FROM queue_parts'));
    return page('');
  }));
  rows.push(await time('unpack every proposal (each request before)', () => proposals.map((r) => partsOfRecord(cw.store, cw.store.get(r.decisionId)!))));
  rows.push(await time('page (GET /api/queue, 25 items)', () => page('')));
  rows.push(await time('page sorted by days used', () => page('&sort=daysUsed&order=desc')));
  rows.push(await time('proposalsOf (store read, parts from queue_parts)', () => cw.proposalsOf(period)));
  rows.push(await time('events of the month (new query)', () => cw.store.withConnection((db) => eventsOfPeriod(db, period))));
  rows.push(await time('queueItem × all (with the days)', () => proposals.map((r) => queueItem(r, today, events.get(monthKey(r.caseId, r.period))))));
  rows.push(
    await time('days only (new arithmetic) × all', () =>
      proposals.map((r) => {
        const routing = JSON.parse(r.routing ?? '{}') as Partial<Routing>;
        if (!routing.receivedOn) return null;
        const pauses = pausesOf(events.get(monthKey(r.caseId, r.period)) ?? { completions: [], appeals: [] });
        return [dueOnAfterPauses(routing.receivedOn, pauses), workingDaysUsed(routing.receivedOn, today, pauses)];
      }),
    ),
  );
  cw.close();
  console.log(`${count} cases (${proposals.length} proposals in ${period}, ${[...events.values()].reduce((s, e) => s + e.completions.length, 0)} with a begäran om komplettering), ${runs} runs each, today ${today}:\n`);
  console.log('| step | median ms | min | max |\n| --- | --- | --- | --- |');
  for (const r of rows) console.log(r);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
