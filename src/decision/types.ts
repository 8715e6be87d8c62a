/**
 * The decision proposal as printed by `calculate --json` (CONTRACT.md, plus fields the contract
 * allows). Money is a kronor decimal string; null means "cannot be computed: facts are missing".
 */
import type { ChildImpact } from '../childImpact/index.ts';
import type { NeedsInformation } from '../context.ts';
import type { InputIssue } from '../household/types.ts';
import type { TraceStep } from '../trace/index.ts';
import type { ChangeThreshold } from '../rulebook/types.ts';
import type { Outcome } from './outcome.ts';
import type { MessageArgs, MessageKey } from '../trace/messages.ts';

/** A text's message key and arguments, so any language can render it (explain/messages.ts). */
export interface Said {
  readonly key: MessageKey;
  readonly args: MessageArgs;
}

export interface Reason {
  readonly code: string;
  readonly legalRef: string;
  readonly text: string;
  readonly amount?: string;
  readonly message: Said;
}

/**
 * Something a person must look at. `block`: no proposal can be made without it (the outcome is
 * needs-information); `assessment`: a person must assess it before deciding; `warning`, `info`: noted.
 */
export type FlagSeverity = 'block' | 'assessment' | 'warning' | 'info';

export interface Flag {
  readonly code: string;
  readonly severity: FlagSeverity;
  readonly legalRef: string;
  readonly text: string;
  readonly message: Said;
  /** The member, agency and benefit concerned, when the flag is about one (agency data). */
  readonly memberId?: string;
  readonly agency?: string;
  readonly benefit?: string;
  /** Named kronor strings, e.g. { "declared": "1500", "registered": "1600" }. */
  readonly amounts?: Readonly<Record<string, string>>;
}

export interface Decision {
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
    readonly table: string;
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
    readonly items: readonly {
      readonly type: string;
      readonly memberId: string | null;
      readonly claimed: string | null;
      readonly accepted: string | null;
      readonly code: string;
      readonly reason: string;
      readonly legalRef: string;
      readonly requiresAssessment: boolean;
      readonly message: Said;
    }[];
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
    readonly items: readonly {
      readonly memberId: string | null;
      readonly type: string;
      readonly amount: string | null;
      readonly code: string;
      readonly reason: string;
      readonly message: Said;
    }[];
  };
  readonly need: string | null;
  readonly payable: string | null;
  readonly reasons: readonly Reason[];
  readonly flags: readonly Flag[];
  readonly needsInformation: readonly NeedsInformation[];
  readonly requiresAssessment: boolean;
  readonly childImpact: ChildImpact | null;
  readonly decisionText: string;
  readonly warnings: readonly InputIssue[];
  readonly trace: readonly TraceStep[];
  readonly ruleSetVersion: string;
  readonly inputHash: string;
  readonly engineVersion: string;
}

/** One counted or declared income line; agency items carry where the money came from. */
export interface IncomeItemOut {
  readonly memberId: string;
  readonly type: string;
  readonly amount: string | null;
  readonly counted: string | null;
  readonly code: string;
  readonly reason: string;
  readonly legalRef: string;
  readonly message: Said;
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

/** What was done with a registered payment. */
export type RegisteredUse = 'counted' | 'replaces-declared' | 'other-month' | 'excluded' | 'to-person' | 'unhandled';

export interface RegisteredPaymentOut {
  /** Position in the input's registeredIncomes. */
  readonly index: number;
  readonly memberId: string;
  readonly agency: string;
  readonly benefit: string;
  readonly subBenefit: string | null;
  readonly amountType: string | null;
  readonly net: string;
  readonly gross: string | null;
  readonly tax: string | null;
  readonly paidOn: string | null;
  readonly periodFrom: string | null;
  readonly periodTo: string | null;
  readonly days: string | null;
  readonly preliminary: boolean;
  readonly ref: string | null;
  /** The month the payment belongs to (by payment date, or covered period per municipal policy). */
  readonly month: string;
  /** "M-1" (counts), "M-2" (counts only when the benefit has nothing in M−1), or "outside". */
  readonly slot: 'M-1' | 'M-2' | 'outside';
  readonly use: RegisteredUse;
  /** Row id in the agency income map; null when no row knows the benefit (or it was not classified: other month). */
  readonly classification: string | null;
  readonly incomeType: string | null;
  readonly changeThreshold: ChangeThreshold | null;
  /** Indexes of the declared incomes (input incomes[]) this payment replaces. */
  readonly replacesDeclared: readonly number[];
  readonly legalRef: string;
  readonly reason: string;
  readonly message: Said;
}

/** The decision without the rendered trace and decision text (batch output). */
export type DecisionSummary = Omit<Decision, 'trace' | 'decisionText'>;

/**
 * The figures and codes of a decision (batch --detail compact): the summary's totals, reasons, flags
 * and open questions, without the item lists, the warnings or any text a person would read.
 */
export type DecisionFigures = Omit<DecisionSummary, 'norm' | 'costs' | 'income' | 'assets' | 'warnings'> & {
  readonly norm: Pick<DecisionSummary['norm'], 'total' | 'common' | 'householdSize'>;
  readonly costs: Pick<DecisionSummary['costs'], 'claimed' | 'accepted' | 'refused'>;
  readonly income: Pick<DecisionSummary['income'], 'total' | 'counted'>;
  readonly assets: Pick<DecisionSummary['assets'], 'available'>;
};
