/**
 * Public API of the views: the core (src/index.ts) computes a decision as data; these render it.
 *
 *   const result = evaluateHousehold(json, rulesFor);
 *   if (result.ok) {
 *     const decision = contractDecision(result.decision, result); // what `calculate --json` prints
 *     const basis = { household: result.household, rules: result.ruleSet?.rules ?? null, childImpact: result.decision.childImpact };
 *     console.log(renderDecision(decision, 'sv', basis));          // the breakdown `calculate` prints
 *   }
 */
export { contractDecision, contractSummary, type Decision, type DecisionSummary } from './contract.ts';
export { buildLetter, letterKindOf, type AutomatedDecision, type Decided, type LetterInput } from './letter/build.ts';
export { bodyText, letterHtml, letterText, type LetterDocument, type LetterKind } from './letter/document.ts';
export { answerFor, missingAnswers, type CaseworkerAnswers, type ChildAnswer, type CaseworkerNote } from './letter/answers.ts';
export { worksheetText } from './worksheet.ts';
export { lix } from './lix.ts';
export { renderMessage, type Language } from './messages.ts';
export { renderDecision, type BreakdownBasis } from './render.ts';
export { renderTrace, type TraceStep } from './trace.ts';
