/**
 * The decision proposal as data: every figure, code and reference of the decision CONTRACT.md
 * describes, each sentence as a message (key and arguments), and the trace as recorded. No text: the
 * views render it (src/explain/contract.ts gives the decision `calculate --json` prints, with the
 * Swedish texts, the rendered trace and the decision text). Money is a kronor decimal string; null
 * means "cannot be computed: facts are missing".
 */
import type { InputIssue } from '../household/types.ts';
import type { ChildImpact, Flag, NeedsInformation, Outcome, Reason, RegisteredPaymentOut } from '../output/types.ts';
import type { PendingRuleSet } from '../rulebook/resolve.ts';
import type { ChangeThreshold, VersionedRuleSet } from '../rulebook/types.ts';
import type { RecordedStep } from '../trace/index.ts';
import type { Message } from '../trace/messages.ts';

export type { ChildImpact, Flag, FlagSeverity, NeedsInformation, Outcome, Reason, RegisteredPaymentOut, RegisteredUse } from '../output/types.ts';

export interface CostItemOut {
  readonly type: string;
  readonly memberId: string | null;
  readonly claimed: string | null;
  readonly accepted: string | null;
  readonly code: string;
  readonly legalRef: string;
  readonly requiresAssessment: boolean;
  readonly message: Message;
}

/** One counted or declared income line; agency items carry where the money came from. */
export interface IncomeItemOut {
  readonly memberId: string;
  readonly type: string;
  readonly amount: string | null;
  readonly counted: string | null;
  readonly code: string;
  readonly legalRef: string;
  readonly message: Message;
  /** "application" (declared by the applicant) or "agency:<agency>" (a registered payment). */
  readonly source: string;
  readonly agency?: string;
  readonly benefit?: string;
  readonly subBenefit?: string | null;
  readonly amountType?: string | null;
  readonly ref?: string | null;
  readonly paidOn?: string | null;
  readonly periodFrom?: string | null;
  readonly periodTo?: string | null;
  /** The agency-income-map row id that classified the payment. */
  readonly classification?: string;
  readonly changeThreshold?: ChangeThreshold;
}

export interface AssetItemOut {
  readonly memberId: string | null;
  readonly type: string;
  readonly amount: string | null;
  readonly code: string;
  readonly message: Message;
}

export interface DecisionData {
  readonly caseId: string | null;
  readonly period: string;
  readonly municipality: string | null;
  readonly outcome: Outcome;
  readonly law: string;
  readonly norm: {
    readonly total: string | null;
    readonly members: readonly { readonly memberId: string; readonly amount: string; readonly rule: string }[];
    /** null only when the month's rules are pending (decision/pending.ts). */
    readonly common: string | null;
    readonly householdSize: number;
    /** The riksnorm table's title; null when the month's rules are pending. */
    readonly table: string | null;
    readonly separate: readonly {
      readonly memberId: string;
      readonly reason: string;
      readonly personal: string;
      readonly commonShare: string;
      readonly amount: string;
    }[];
  };
  readonly costs: {
    readonly claimed: string | null;
    readonly accepted: string | null;
    readonly refused: string | null;
    readonly items: readonly CostItemOut[];
  };
  readonly income: {
    readonly total: string | null;
    readonly counted: string | null;
    readonly items: readonly IncomeItemOut[];
    /** Every registered payment (agency data) and what was done with it. */
    readonly registered: readonly RegisteredPaymentOut[];
  };
  readonly assets: {
    readonly total: string | null;
    readonly buffer: string | null;
    readonly available: string | null;
    readonly used: string | null;
    readonly items: readonly AssetItemOut[];
  };
  readonly need: string | null;
  readonly payable: string | null;
  readonly reasons: readonly Reason[];
  readonly flags: readonly Flag[];
  readonly needsInformation: readonly NeedsInformation[];
  readonly requiresAssessment: boolean;
  readonly childImpact: ChildImpact | null;
  readonly warnings: readonly InputIssue[];
  /** The reasoning trace as recorded: one step per amount or decision point, each with its message. */
  readonly trace: readonly RecordedStep[];
  readonly ruleSetVersion: string;
  readonly inputHash: string;
  readonly engineVersion: string;
}

/**
 * The figures and codes of a decision (batch --detail compact): the totals, reasons, flags and open
 * questions, without the item lists, the warnings or the trace. Its child section has no notes or
 * prompts (they are only words for a person).
 */
export type DecisionFigures = Omit<DecisionData, 'norm' | 'costs' | 'income' | 'assets' | 'warnings' | 'trace'> & {
  readonly norm: Pick<DecisionData['norm'], 'total' | 'common' | 'householdSize'>;
  readonly costs: Pick<DecisionData['costs'], 'claimed' | 'accepted' | 'refused'>;
  readonly income: Pick<DecisionData['income'], 'total' | 'counted'>;
  readonly assets: Pick<DecisionData['assets'], 'available'>;
};

/**
 * The rules a decision was made with, which its texts need (the law cited, the references' status):
 * the month's rule set, or, for a month whose rules are enacted but not published, what is known of
 * them (decision/pending.ts).
 */
export type DecisionBasis = { readonly ruleSet: VersionedRuleSet; readonly pending: null } | { readonly ruleSet: null; readonly pending: PendingRuleSet };
