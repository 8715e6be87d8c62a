/**
 * `compare --store records.sqlite --reform current`: what today's rules (or any reform) give for every
 * recorded decision — the population version of `replay --with-current-rules`. The base side is the
 * decision as it was recorded (outcome, payable and trace from the store, never recomputed); the
 * reform side is the stored input evaluated with the reform's rules. Records are read in chain order,
 * streamed, on one thread; one output line per record.
 */
import { parseHousehold } from '../household/parse.ts';
import { renderProblems } from '../explain/problems.ts';
import { renderedDecision } from '../store/read.ts';
import type { DecisionStore } from '../store/store.ts';
import { compareHousehold, type Sides } from './line.ts';
import { buildScenario, type Scenario, type ScenarioSpec, type SideResult } from './scenario.ts';
import { emptyTally, type CompareTally } from './summary.ts';

const recorded: Scenario = {
  spec: { label: 'recorded', rulesDir: '', period: null, overlayPath: null, overlayHash: null },
  overlay: null,
  evaluate() {
    throw new Error('the recorded side is read from the store, not evaluated');
  },
};

export function compareStore(store: DecisionStore, reform: ScenarioSpec, write: (text: string) => void): { tally: CompareTally; internalErrors: number } {
  const sides: Sides = { base: recorded, reform: buildScenario(reform) };
  const tally = emptyTally();
  let internalErrors = 0;
  let buffer = '';
  for (const record of store.records()) {
    const start = (_n: number, caseId: string | null, s: Sides) =>
      `{"record":${record.seq},"decisionId":${JSON.stringify(record.decisionId)},"caseId":${JSON.stringify(caseId)},"overlays":{"base":null,"reform":${JSON.stringify(s.reform.overlay?.hash ?? null)}}`;
    try {
      const raw: unknown = JSON.parse(record.inputJson);
      const decision = renderedDecision(store, record);
      const parsed = parseHousehold(raw);
      tally.lines++;
      const base: SideResult = parsed.ok
        ? { ok: true, decision, steps: decision.trace.map((t) => ({ ...t, legalRef: t.legalRef })), household: parsed.household, inputChanges: [] }
        : { ok: false, issues: renderProblems(parsed.issues), caseId: record.caseId };
      buffer += `${compareHousehold(raw, start, record.seq, sides, tally, base).out}\n`;
    } catch (error) {
      internalErrors++;
      const message = `the engine failed on this record (${(error as Error).message}); please report it`;
      buffer += `${start(record.seq, record.caseId, sides)},"errors":[{"path":"(record)","code":"INTERNAL_ERROR","message":${JSON.stringify(message)}}]}\n`;
    }
    if (buffer.length > 1 << 20) {
      write(buffer);
      buffer = '';
    }
  }
  write(buffer);
  return { tally, internalErrors };
}
