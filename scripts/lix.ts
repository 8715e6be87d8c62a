/**
 * LIX (läsbarhetsindex) of the applicant's letters, per letter type, over every fixture and 2 000
 * generated households (the same as test/explain/letters.test.ts): the body only (paragraphs and list
 * items; not the headings, the calculation table or the address). docs/letters.md gives the figures.
 *
 *   npx tsx scripts/lix.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { contractSummary } from '../src/explain/contract.ts';
import { buildLetter } from '../src/explain/letter/build.ts';
import { bodyText } from '../src/explain/letter/document.ts';
import { lix } from '../src/explain/lix.ts';
import { evaluateHousehold, loadRulebook, RuleSetCache } from '../src/index.ts';
import { household as householdArb } from '../test/support/arbitraries.ts';

const root = new URL('../', import.meta.url).pathname;
const cache = new RuleSetCache(loadRulebook(`${root}rules`));
const rulesFor: Parameters<typeof evaluateHousehold>[1] = (period, municipality, decidedOn) => cache.get(period, municipality, decidedOn);
const inputs: { name: string; raw: unknown }[] = [
  ...readdirSync(`${root}fixtures`).filter((f) => f.endsWith('.json')).map((f) => ({ name: f, raw: JSON.parse(readFileSync(`${root}fixtures/${f}`, 'utf8')) as unknown })),
  ...fc.sample(householdArb, { numRuns: 2000, seed: 21 }).map((raw, i) => ({ name: `generated #${i}`, raw: raw as unknown })),
];
const byKind = new Map<string, { name: string; lix: number; words: number }[]>();
for (const { name, raw } of inputs) {
  const result = evaluateHousehold(raw, rulesFor);
  if (!result.ok) continue;
  const doc = buildLetter({ decision: contractSummary(result.decision), household: result.household, rules: result.ruleSet?.rules ?? null });
  if (doc.kind === 'none') continue;
  const key = `${doc.kind}${result.decision.outcome === 'needs-information' ? '' : ` (${result.decision.outcome})`}`;
  const l = lix(bodyText(doc));
  const list = byKind.get(key) ?? [];
  list.push({ name, lix: l.lix, words: l.words });
  byKind.set(key, list);
}
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
console.log('| letter | letters | LIX median | LIX max | highest | words (median) |');
console.log('|---|---:|---:|---:|---|---:|');
for (const [key, list] of [...byKind.entries()].sort()) {
  const worst = list.reduce((a, b) => (b.lix > a.lix ? b : a));
  console.log(`| ${key} | ${list.length} | ${median(list.map((x) => x.lix)).toFixed(1)} | ${worst.lix.toFixed(1)} | ${worst.name} | ${median(list.map((x) => x.words))} |`);
}
