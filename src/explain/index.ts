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
export { writeDecisionText, writePendingDecisionText } from './letter.ts';
export { renderMessage, type Language } from './messages.ts';
export { renderDecision } from './render.ts';
export { renderTrace, type TraceStep } from './trace.ts';
