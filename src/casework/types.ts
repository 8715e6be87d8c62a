/**
 * The caseworker's workday as data (issue 22): a person's registration of a decision on a proposal,
 * the registered decision derived from it, its payment orders and what happens to them. All of it is
 * codes, amounts, dates and ids; the Swedish words are in src/explain/casework.ts.
 *
 * A registration is a record in the hash chain (src/store/casework.ts): its input is the
 * RegistrationInput (what the person decided, as they sent it, with who they are from the login), its
 * decision the RegisteredDecision (derived from the input and the proposal by derive.ts, so a replay
 * can recompute it byte for byte).
 */

/** What a person decides (förvaltningslagen): bifall, delvis bifall, avslag or avvisning. */
export const DECIDED_OUTCOMES = ['approve', 'partial', 'deny', 'dismiss'] as const;
export type DecidedOutcome = (typeof DECIDED_OUTCOMES)[number];

/**
 * A change of a registered decision: rättelse of a writing or calculation error (36 § förvaltningslagen
 * (2017:900)), ändring by the nämnd itself (37–38 §§) or omprövning at the applicant's request or after
 * an appeal (37–39 §§).
 */
export const CHANGE_KINDS = ['rattelse', 'andring', 'omprovning'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** Who receives a payment order: the applicant, the landlord (the rent straight to the landlord), or another payee. */
export const RECIPIENTS = ['applicant', 'landlord', 'other'] as const;
export type Recipient = (typeof RECIPIENTS)[number];

/** How a payee's account is given: a bank account (clearing number and account), bankgiro or plusgiro. */
export const ACCOUNT_SCHEMES = ['bank', 'bankgiro', 'plusgiro'] as const;
export type AccountScheme = (typeof ACCOUNT_SCHEMES)[number];

export interface Account {
  readonly scheme: AccountScheme;
  /** Digits only (normalised by accounts.ts): a bank account is the clearing number followed by the account number. */
  readonly number: string;
}

/** One line of the payment plan as the person decided it. */
export interface PaymentLine {
  readonly recipient: Recipient;
  readonly name: string;
  readonly account: Account;
  /** Kronor as a decimal string ("4500", "4500.50"). */
  readonly amount: string;
  /** YYYY-MM-DD: the day the money is to reach the payee. */
  readonly payOn: string;
  /** The text the payee sees (at most 140 characters). */
  readonly reference: string;
}

/** A flag, a missing fact or a barnkonsekvens question the person marked as assessed or answered. */
export interface Acknowledgement {
  readonly item: string;
  readonly comment: string;
}

export interface RegistrationInput {
  readonly kind: 'registration';
  readonly caseId: string;
  readonly period: string;
  /** The proposal decided on: a record of the chain. */
  readonly proposal: { readonly decisionId: string; readonly recordHash: string };
  /** Null for a first decision; else the registered decision this one changes (the newest of its case and month). */
  readonly change: { readonly kind: ChangeKind; readonly of: string; readonly ofHash: string; readonly reason: string } | null;
  /** The signed-in person, from the login proxy's headers, and the role they decided in. */
  readonly decidedBy: string;
  readonly role: string;
  /** The point of the nämnd's delegation order the person decides under (from the login proxy). */
  readonly delegation: string;
  /** YYYY-MM-DD */
  readonly decidedOn: string;
  readonly outcome: DecidedOutcome;
  /** Kronor to pay for the month as decided. */
  readonly payable: string;
  /** Why the decision differs from the proposal (required then), else null. */
  readonly reason: string | null;
  readonly acknowledgements: readonly Acknowledgement[];
  readonly payments: readonly PaymentLine[];
  /** For a change: the orders of the decisions it replaces that were already exported (paid), in kronor. */
  readonly alreadyPaid: readonly { readonly orderId: string; readonly amount: string }[];
  /** The caseworker's own words for the journal note, or null. */
  readonly journalNote: string | null;
  /**
   * The barnkonsekvens answers per child (childAnswers.ts): the child's views and the weighing, written
   * in the letter. Absent when none were given (registrations before issue 21 item 2 have none).
   */
  readonly childAnswers?: readonly { readonly promptId: string; readonly memberId?: string; readonly answer: string }[];
  /**
   * 'names': the points' texts (acknowledged[].text, the journal note) name the household's people
   * ("Sara Lind står inte till …"), as from December 2026. Absent in registrations made before: their
   * texts are the proposal's own (member ids), and a replay derives them that way.
   */
  readonly pointTexts?: 'names';
  /**
   * The decision maker's name and title as the letter is signed, from the municipality's staff
   * directory at registration (staffDirectory.ts). Absent when the directory did not name the person
   * (and in registrations made before it existed): the letter then looks the login up in the directory.
   */
  readonly signedBy?: { readonly name: string; readonly title: string };
}

export type ItemKind = 'flag' | 'missing' | 'child';

/** A point the person must mark before registering (items.ts). */
export interface Item {
  readonly id: string;
  readonly kind: ItemKind;
  readonly code: string;
  /** A flag's severity; null for a missing fact or a question. */
  readonly severity: string | null;
  /** The point in Swedish, as the proposal renders it. */
  readonly text: string;
  /** For a barnkonsekvens question, the question itself. */
  readonly question: string | null;
}

export interface AcknowledgedItem {
  readonly item: string;
  readonly kind: ItemKind;
  readonly code: string;
  /** "assessed" (bedömd) for a flag, "answered" (besvarad) for a missing fact or a question. */
  readonly status: 'assessed' | 'answered';
  readonly text: string;
  readonly comment: string;
}

export interface PaymentOrder {
  /** 1, 2, …: the order id is `<decision id>-<line>` (at most 35 characters, the pain.001 EndToEndId). */
  readonly line: number;
  readonly recipient: Recipient;
  readonly name: string;
  readonly scheme: AccountScheme;
  readonly account: string;
  readonly amount: string;
  readonly payOn: string;
  readonly reference: string;
}

/** The registered decision as the chain keeps it: data only, rendered at the edge (src/explain/casework.ts). */
export interface RegisteredDecision {
  readonly recordKind: 'registered-decision';
  readonly caseId: string;
  readonly period: string;
  readonly municipality: string | null;
  readonly proposalId: string;
  readonly proposed: { readonly outcome: string; readonly payable: string | null };
  readonly outcome: DecidedOutcome;
  readonly payable: string;
  /** The decision differs from the proposal in outcome or amount; `reason` says why. */
  readonly differs: boolean;
  readonly reason: string | null;
  readonly decidedOn: string;
  readonly decidedBy: string;
  readonly role: string;
  readonly delegation: string;
  readonly acknowledged: readonly AcknowledgedItem[];
  readonly change: { readonly kind: ChangeKind; readonly of: string; readonly reason: string; readonly legalRef: string | null } | null;
  readonly orders: readonly PaymentOrder[];
  /** Kronor already paid on the decisions this one replaces, what is left to pay by the orders, and any overpayment. */
  readonly alreadyPaid: string;
  readonly toPay: string;
  readonly overpaid: string | null;
  /** The journal note (journalanteckning) written with the decision: the documentation rule and the caseworker's words. */
  readonly journal: { readonly legalRef: string | null; readonly note: string | null };
}

/** What has happened to an order: waiting for export, stopped, exported, or replaced by a change of its decision. */
export type OrderStatus = 'pending' | 'stopped' | 'exported' | 'superseded';
