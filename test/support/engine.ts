/** Test helpers: the engine with the project's rules/, loaded once per test file. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { contractDecision, type Decision } from '../../src/explain/contract.ts';
import type { AutomatedDecision } from '../../src/explain/letter/build.ts';
import { evaluateHousehold, loadRulebook, RuleSetCache, type RuleSetProvider } from '../../src/index.ts';
import { problemMessage } from '../../src/explain/problems.ts';
import type { Language } from '../../src/explain/messages.ts';
import { renderDecision } from '../../src/explain/render.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const RULES_DIR = `${ROOT}rules`;
export const book = loadRulebook(RULES_DIR);
export const cache = new RuleSetCache(book);
export const rulesFor = (period: Parameters<RuleSetCache['get']>[0], municipality: string | null, decidedOn: string | null = null) => cache.get(period, municipality, decidedOn);

export function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(`${ROOT}fixtures/${name}`, 'utf8')) as Record<string, unknown>;
}

/**
 * evaluateHousehold with the decision rendered at the edge (src/explain/contract.ts): the decision as
 * `calculate --json` prints it, texts included.
 */
export function evaluateRendered(raw: unknown, provider: RuleSetProvider = rulesFor) {
  const result = evaluateHousehold(raw, provider);
  return result.ok ? { ...result, decision: contractDecision(result.decision, result) } : result;
}

/** Calculates (the decision as `calculate --json` prints it) and fails the test with the issues when the input is refused. */
export function calc(raw: unknown): Decision {
  const result = evaluateRendered(raw);
  if (!result.ok) throw new Error(`input refused:\n${result.issues.map((i) => `${i.path}: ${problemMessage(i, 'en')}`).join('\n')}`);
  return result.decision;
}

/** The breakdown `calculate` prints (src/explain/render.ts) for a household, in Swedish unless told. */
export function breakdown(raw: unknown, lang: Language = 'sv'): string {
  const result = evaluateHousehold(raw, rulesFor);
  if (!result.ok) throw new Error(`input refused:\n${result.issues.map((i) => `${i.path}: ${problemMessage(i, 'en')}`).join('\n')}`);
  const basis = { household: result.household, rules: result.ruleSet?.rules ?? null, childImpact: result.decision.childImpact };
  return renderDecision(contractDecision(result.decision, result), lang, basis);
}

/** The letter of an automated monthly decision for a household (ProposeInput.letterFor). */
export function letterFor(raw: unknown): (automated: AutomatedDecision) => string {
  return (automated) => {
    const result = evaluateHousehold(raw, rulesFor);
    if (!result.ok) throw new Error('input refused');
    return contractDecision(result.decision, result, { automated }).decisionText;
  };
}

/** The trace step whose rule and result match, or undefined. */
export function stepsOf(decision: Decision, step: string) {
  return decision.trace.filter((s) => s.step === step);
}
