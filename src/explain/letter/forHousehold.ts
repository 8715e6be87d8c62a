/**
 * The applicant's letter for a household as the caseworker gives it (issue 21): the one way the
 * `letter` command and the preview page's letter (POST /api/letter, src/web/letterApi.ts) make it, so
 * both say exactly what decisionText says. The household is evaluated with the rules in force (the
 * decision date picks the law, issue 15); a decision ("Beslut") that refuses something touching
 * children needs the child's views and the weighing per child first (answersMissingForDecision).
 */
import { evaluateHousehold, type RuleSetProvider } from '../../index.ts';
import type { InputProblem } from '../../household/problems.ts';
import { contractSummary } from '../contract.ts';
import { answersMissingForDecision, type CaseworkerAnswers, type MissingAnswer } from './answers.ts';
import { buildLetter, type Decided } from './build.ts';
import type { LetterDocument } from './document.ts';

export interface HouseholdLetterOptions {
  readonly answers?: CaseworkerAnswers;
  /** Who decided; null or absent: a "Förslag till beslut". */
  readonly decided?: Decided | null;
  /** Print the personnummer under the name: only in the document that is sent (a PDF). */
  readonly withPersonnummer?: boolean;
}

export type HouseholdLetter =
  | { readonly ok: true; readonly doc: LetterDocument }
  | { readonly ok: false; readonly reason: 'input'; readonly issues: readonly InputProblem[] }
  | { readonly ok: false; readonly reason: 'answers'; readonly missing: readonly MissingAnswer[] };

export function letterForHousehold(raw: unknown, options: HouseholdLetterOptions, rulesFor: RuleSetProvider): HouseholdLetter {
  const decided = options.decided ?? null;
  // The decision date picks the law in force (issue 15), unless the household gives its own.
  const withDate = decided !== null && raw !== null && typeof raw === 'object' && !Array.isArray(raw) && (raw as Record<string, unknown>)['decidedOn'] === undefined ? { ...(raw as Record<string, unknown>), decidedOn: decided.on } : raw;
  const result = evaluateHousehold(withDate, rulesFor);
  if (!result.ok) return { ok: false, reason: 'input', issues: result.issues };
  const decision = contractSummary(result.decision);
  const rules = result.ruleSet?.rules ?? null;
  if (decided !== null && rules !== null) {
    const missing = answersMissingForDecision(decision.outcome, decision.childImpact?.children ?? [], rules.childImpact.prompts, options.answers);
    if (missing.length > 0) return { ok: false, reason: 'answers', missing };
  }
  return { ok: true, doc: buildLetter({ decision, household: result.household, rules, ...(options.answers ? { answers: options.answers } : {}), decided, withPersonnummer: options.withPersonnummer === true }) };
}

