/**
 * The pieces of a decision that the legal concepts produce and the decision puts together: the outcome,
 * reasons, flags, missing facts, registered payments and the child section. They sit below the
 * concepts, so that a concept never imports the decision (docs/architecture.md).
 *
 * Data only: every sentence is a message, a key and its arguments (src/trace/messages.ts). The views
 * in src/explain/ render it in Swedish or English (src/explain/contract.ts gives the decision as
 * `calculate --json` prints it, each text next to its message).
 */
import type { PaymentAssessment } from '../household/types.ts';
import type { ChangeThreshold } from '../rulebook/types.ts';
import type { Message } from '../trace/messages.ts';
import type { FlagCode, NeedsCode } from './codes.ts';

/** The proposal's outcome (CONTRACT.md), plus the case where facts are missing. */
export type Outcome = 'approve' | 'partial' | 'deny' | 'needs-information';

export interface Reason {
  readonly code: string;
  readonly legalRef: string;
  readonly amount?: string;
  readonly message: Message;
}

/**
 * Something a person must look at. `block`: no proposal can be made without it (the outcome is
 * needs-information); `assessment`: a person must assess it before deciding; `warning`, `info`: noted.
 */
export type FlagSeverity = 'block' | 'assessment' | 'warning' | 'info';

export interface Flag {
  /** One of FLAG_CODES (src/output/codes.ts): every code has a Swedish label. */
  readonly code: FlagCode;
  readonly severity: FlagSeverity;
  readonly legalRef: string;
  readonly message: Message;
  /** The member, agency and benefit concerned, when the flag is about one (agency data). */
  readonly memberId?: string;
  readonly agency?: string;
  readonly benefit?: string;
  /** Named kronor strings, e.g. { "declared": "1500", "registered": "1600" }. */
  readonly amounts?: Readonly<Record<string, string>>;
  /** The registered payment the flag is about (its position in the input's registeredIncomes). */
  readonly paymentIndex?: number;
  /**
   * No letter may be produced while this flag stands: a person must first do what it asks (classify a
   * registered payment). A letter view and registering a decision (casework/register.ts) refuse on it.
   */
  readonly blocksLetter?: boolean;
}

/** A fact the proposal needs and the household did not give. */
export interface NeedsInformation {
  /** One of NEEDS_CODES (src/output/codes.ts). */
  readonly code: NeedsCode;
  readonly field: string;
  /** A blocking gap stops the engine from proposing an amount. */
  readonly blocking: boolean;
  readonly legalRef?: string;
  readonly message: Message;
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
  /** The benefit family the payment's benefit is (Försäkringskassan's formansfamilj), or null. */
  readonly family: string | null;
  /** How the row was found: its own benefit, or for a family its förmån (subBenefit) or amount type. */
  readonly matchedOn: 'benefit' | 'subBenefit' | 'amountType' | null;
  /** A caseworker's classification from the input, when a person has made one. */
  readonly assessment: PaymentAssessment | null;
  /** For a payment nobody has classified yet: the income type a person would most likely count it as. */
  readonly likelyIncomeType: string | null;
  /**
   * For a payment nobody has classified yet (use unhandled or to-person): what would be paid with it not
   * counted (the proposal) and counted as `likelyIncomeType`; null when no proposal can be computed.
   */
  readonly alternatives: PaymentAlternatives | null;
  /** Indexes of the declared incomes (input incomes[]) this payment replaces. */
  readonly replacesDeclared: readonly number[];
  readonly legalRef: string;
  readonly message: Message;
}

/** The payable with a not yet classified payment not counted (the proposal) and counted as its likely type. */
export interface PaymentAlternatives {
  readonly notCounted: string | null;
  /** null when the map names no likely income type. */
  readonly counted: string | null;
  readonly incomeType: string | null;
}

/** The child section (barnkonsekvens), one child. */
export interface ChildNote {
  readonly memberId: string;
  readonly age: number;
  readonly band: string | null;
  readonly residence: 'full-time' | 'part-time' | 'not-this-month';
  readonly daysInHousehold: number;
  readonly norm: string;
  /** This child's share of what the refusal takes from the household, in kronor; null when nothing is refused. */
  readonly effect: string | null;
  readonly notes: readonly Message[];
}

/** A question of the child section (rules/barnkonsekvens.json) with what the data says about it. */
export interface ChildPrompt {
  readonly id: string;
  readonly number: number;
  /** The question as the rule file words it (Swedish). */
  readonly question: string;
  /** What the data says, one message a part; null when the data says nothing. */
  readonly data: readonly Message[] | null;
  /** The caseworker must write an answer before deciding. */
  readonly requiresAnswer: boolean;
  readonly answer: null;
  readonly source: string;
}

/** Something a caseworker can do instead of, or besides, what the proposal says. */
export interface Alternative {
  readonly code: string;
  readonly message: Message;
  readonly amount: string | null;
}

export interface ChildImpact {
  readonly children: readonly string[];
  readonly notes: readonly Message[];
  readonly requiresAssessment: boolean;
  readonly legalRefs: readonly string[];
  readonly perChild: readonly ChildNote[];
  readonly effectOfRefusal: string;
  readonly alternatives: readonly Alternative[];
  readonly longTerm: boolean | null;
  readonly prompts: readonly ChildPrompt[];
}
