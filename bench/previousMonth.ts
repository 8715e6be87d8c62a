/**
 * Shared by the in-process monthly benchmarks (monthly-ab.ts, monthly-floor.ts): month M−1 of the
 * generated cases recorded into a new store, as `batch --record` writes it, and the store opened
 * read-only, as each monthly worker opens it.
 */
import type { RuleSetProvider } from '../src/index.ts';
import { evaluateHousehold } from '../src/index.ts';
import { DecisionStore } from '../src/store/store.ts';

export function recordPreviousMonth(path: string, pairs: readonly { readonly previous: string | null }[], rulesFor: RuleSetProvider): DecisionStore {
  const writer = DecisionStore.open(path, { create: true });
  writer.recordMany(
    pairs.flatMap((p) => {
      if (p.previous === null) return [];
      const input = JSON.parse(p.previous) as unknown;
      const r = evaluateHousehold(input, rulesFor);
      return r.ok && r.ruleSet !== null ? [{ input, decision: r.decision, ruleSet: r.ruleSet }] : [];
    }),
  );
  writer.close();
  return DecisionStore.open(path, { readonly: true });
}
