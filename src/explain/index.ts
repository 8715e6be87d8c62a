/**
 * Public API of the views: the core (src/index.ts) computes a decision as data; these render it.
 *
 *   const result = evaluateHousehold(json, rulesFor);
 *   if (result.ok) {
 *     const decision = contractDecision(result.decision, result); // what `calculate --json` prints
 *     console.log(renderDecision(decision, 'en'));                 // the breakdown `calculate --lang en` prints
 *   }
 */
export { contractDecision, contractSummary, type Decision, type DecisionSummary } from './contract.ts';
export { buildLetter, letterKindOf, type AutomatedDecision, type Decided, type LetterInput } from './letter/build.ts';
export { bodyText, letterHtml, letterText, type LetterDocument, type LetterKind } from './letter/document.ts';
export { answerFor, missingAnswers, type CaseworkerAnswers, type ChildAnswer, type CaseworkerNote } from './letter/answers.ts';
export { worksheetText } from './worksheet.ts';
export { lix } from './lix.ts';
export { renderMessage, type Language } from './messages.ts';
export { renderDecision } from './render.ts';
export { renderTrace, type TraceStep } from './trace.ts';
