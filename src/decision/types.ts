/**
 * The decision proposal as printed by `calculate --json` (CONTRACT.md, plus fields the contract
 * allows). Money is a kronor decimal string; null means "cannot be computed: facts are missing".
 */
import type { ChildImpact } from '../childImpact/index.ts';
import type { NeedsInformation } from '../context.ts';
import type { InputIssue } from '../household/types.ts';
import type { TraceStep } from '../trace/index.ts';
import type { Outcome } from './outcome.ts';
import type { MessageArgs, MessageKey } from '../explain/messages.ts';

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

export interface Flag {
  readonly code: string;
  /** block: the proposal cannot be made without it (outcome needs-information); assessment: a person must look at it. */
  readonly severity: 'block' | 'assessment' | 'warning' | 'info';
  readonly legalRef: string;
  readonly text: string;
  readonly message: Said;
  /** The member the flag is about, when it is one person's. */
  readonly memberId?: string;
  /** Named amounts in kronor strings, e.g. { "full": "9130", "withoutAdultPart": "4210" }. */
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
    readonly items: readonly {
      readonly memberId: string;
      readonly type: string;
      readonly amount: string | null;
      readonly counted: string | null;
      readonly code: string;
      readonly reason: string;
      readonly legalRef: string;
      readonly message: Said;
    }[];
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

/** The decision without the rendered trace and decision text (batch output). */
export type DecisionSummary = Omit<Decision, 'trace' | 'decisionText'>;
