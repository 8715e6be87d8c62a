/**
 * The types of the decision with its texts: what `calculate --json`, the API, batch --detail summary
 * and the decision store give (CONTRACT.md). Each is the core's data type (src/decision/types.ts,
 * src/output/types.ts) with the rendered text beside each message; src/explain/contract.ts renders them.
 */
import type { AssetItemOut, CostItemOut, DecisionData, IncomeItemOut } from '../decision/types.ts';
import type {
  ChildImpact as ChildImpactData,
  ChildNote as ChildNoteData,
  ChildPrompt as ChildPromptData,
  Flag,
  NeedsInformation,
  Reason,
  RegisteredPaymentOut,
} from '../output/types.ts';
import type { TraceStep } from './trace.ts';

export type { TraceStep };

export type RenderedReason = Reason & { readonly text: string };
export type RenderedFlag = Flag & { readonly text: string };
export type RenderedNeed = NeedsInformation & { readonly text: string };
export type CostItem = CostItemOut & { readonly reason: string };
export type IncomeItem = IncomeItemOut & { readonly reason: string };
export type AssetItem = AssetItemOut & { readonly reason: string };
export type RegisteredPayment = RegisteredPaymentOut & { readonly reason: string };
export type ChildNote = Omit<ChildNoteData, 'notes'> & { readonly notes: readonly string[] };
/** A prompt with what the data says as one text (its parts joined), or null when it says nothing. */
export type ChildPrompt = Omit<ChildPromptData, 'data'> & { readonly data: string | null };
export interface ChildAlternative {
  readonly code: string;
  readonly text: string;
  readonly amount: string | null;
}
export type ChildImpact = Omit<ChildImpactData, 'notes' | 'perChild' | 'alternatives' | 'prompts'> & {
  readonly notes: readonly string[];
  readonly perChild: readonly ChildNote[];
  readonly alternatives: readonly ChildAlternative[];
  readonly prompts: readonly ChildPrompt[];
};

/** The decision without the rendered trace and decision text (batch --detail summary). */
export type DecisionSummary = Omit<DecisionData, 'norm' | 'costs' | 'income' | 'assets' | 'reasons' | 'flags' | 'needsInformation' | 'childImpact' | 'trace'> & {
  readonly norm: Omit<DecisionData['norm'], 'table'> & { readonly table: string };
  readonly costs: Omit<DecisionData['costs'], 'items'> & { readonly items: readonly CostItem[] };
  readonly income: Omit<DecisionData['income'], 'items' | 'registered'> & { readonly items: readonly IncomeItem[]; readonly registered: readonly RegisteredPayment[] };
  readonly assets: Omit<DecisionData['assets'], 'items'> & { readonly items: readonly AssetItem[] };
  readonly reasons: readonly RenderedReason[];
  readonly flags: readonly RenderedFlag[];
  readonly needsInformation: readonly RenderedNeed[];
  readonly childImpact: ChildImpact | null;
};

/**
 * The decision proposal as `calculate --json` prints it: the applicant's letter (`decisionText`) and the
 * caseworker's worksheet (`worksheetText`) as two separate documents, and the trace.
 */
export type Decision = DecisionSummary & { readonly decisionText: string; readonly worksheetText: string; readonly trace: readonly TraceStep[] };

