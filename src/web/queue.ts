/**
 * The queue view's API (monthly): the cases of a month awaiting a person, from the decision store,
 * sorted by dueOn; and one proposal with last month's decision and the comparison side by side.
 *
 *   GET /api/queue?period=YYYY-MM      { period, items: QueueEntry[] } (default: the newest month in the store)
 *   GET /api/queue/:decisionId         { proposal, previous, changes }
 *
 * The store is opened read-only for each request (a run may be recording meanwhile) and never created.
 */
import type { Context, Hono } from 'hono';
import type { InputIssue } from '../household/types.ts';
import { queueFromStore } from '../monthly/queue.ts';
import { parsePeriod } from '../period/index.ts';
import { renderedDecision } from '../store/read.ts';
import { DecisionStore, StoreNotFoundError } from '../store/store.ts';

const DECISION_ID = /^D-[0-9]{8}-[0-9a-f]{16}$/;

type Fail = (c: Context, status: 400 | 404, errors: readonly InputIssue[]) => Response;

/**
 * A JSON answer, never rewritten after it is made (issue 27): the proposals hold no personnummer (a
 * decision has no field for it), so there is nothing to mask, and masking the text broke the JSON.
 */
function jsonAnswer(c: Context, value: unknown): Response {
  return c.body(`${JSON.stringify(value, null, 2)}\n`, 200, { 'Content-Type': 'application/json; charset=utf-8' });
}

export function addQueueRoutes(app: Hono, storePath: string | null, fail: Fail): void {
  const withStore = <T>(c: Context, fn: (store: DecisionStore) => T): T | Response => {
    if (storePath === null) return fail(c, 404, [{ path: '(server)', code: 'NO_STORE', message: 'no decision store: start the server with serve --store PATH' }]);
    let store: DecisionStore;
    try {
      store = DecisionStore.open(storePath, { readonly: true });
    } catch (error) {
      if (error instanceof StoreNotFoundError) return fail(c, 404, [{ path: '(server)', code: 'NO_STORE', message: `no decision store at the configured path` }]);
      throw error;
    }
    try {
      return fn(store);
    } finally {
      store.close();
    }
  };

  app.get('/api/queue', (c) => {
    const asked = c.req.query('period');
    if (asked !== undefined && parsePeriod(asked) === null) return fail(c, 400, [{ path: 'period', code: 'INVALID_PERIOD', message: `expected a month YYYY-MM, got "${asked}"` }]);
    return withStore(c, (store) => {
      const period = asked ?? store.newestPeriod();
      return jsonAnswer(c, { period, items: period === null ? [] : queueFromStore(store, period) });
    });
  });

  app.get('/api/queue/:decisionId', (c) => {
    const id = c.req.param('decisionId');
    if (!DECISION_ID.test(id)) return fail(c, 400, [{ path: 'decisionId', code: 'INVALID_DECISION_ID', message: 'expected a decision id D-00000000-0123456789abcdef' }]);
    return withStore(c, (store) => {
      const record = store.get(id);
      if (!record) return fail(c, 404, [{ path: 'decisionId', code: 'UNKNOWN_DECISION', message: `no decision ${id} in the store` }]);
      // The proposal with its texts, rendered from the record's data (or as stored by an older engine).
      const proposal = renderedDecision(store, record);
      if (proposal.routing === undefined) return fail(c, 404, [{ path: 'decisionId', code: 'NOT_A_MONTHLY_PROPOSAL', message: `${id} was not recorded by a monthly run` }]);
      const previousRecord = proposal.routing.previousDecisionId === null ? undefined : store.get(proposal.routing.previousDecisionId);
      const changes = proposal.trace.filter((s) => s.rule.startsWith('monthly/'));
      return jsonAnswer(c, {
        decisionId: record.decisionId,
        recordedAt: record.recordedAt,
        proposal,
        previous: previousRecord ? { decisionId: previousRecord.decisionId, period: previousRecord.period, decision: renderedDecision(store, previousRecord) } : null,
        changes,
      });
    });
  });
}
