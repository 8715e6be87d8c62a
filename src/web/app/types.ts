/** The shapes of the workday API's answers as the pages read them (src/web/casework/routes.ts, docs/web.md). */

export interface Problem {
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

export interface Me {
  readonly user: string;
  readonly roles: readonly string[];
  readonly delegation: string | null;
  readonly may: Readonly<Record<string, boolean>>;
  readonly seesProtectedIdentity: boolean;
}

export interface Coded {
  readonly code: string;
  readonly text: string;
}

export interface QueueItem {
  readonly decisionId: string;
  readonly caseId: string;
  readonly period: string;
  readonly municipality: string | null;
  readonly to: string;
  readonly toText: string;
  readonly dueOn: string | null;
  readonly dueOnNow: string | null;
  readonly receivedOn: string | null;
  readonly daysUsed: number | null;
  readonly waitingSince: string | null;
  readonly appealedOn: string | null;
  readonly pastDue: boolean;
  readonly outcome: string;
  readonly outcomeText: string;
  readonly payable: string | null;
  readonly reasons: readonly Coded[];
  readonly missing: readonly Coded[];
  readonly hasChildren: boolean;
  readonly registered: { readonly decisionId: string; readonly outcomeText: string; readonly payable: string; readonly decidedOn: string; readonly decidedBy: string; readonly changeKind: string | null } | null;
}

export interface QueueAnswer {
  readonly period: string | null;
  readonly periods: readonly string[];
  readonly today: string;
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  readonly pages: number;
  readonly items: readonly QueueItem[];
  readonly facets: {
    readonly reasons: readonly (Coded & { readonly count: number })[];
    readonly outcomes: readonly (Coded & { readonly count: number })[];
    readonly routes: readonly (Coded & { readonly count: number })[];
    readonly municipalities: readonly { readonly code: string; readonly count: number }[];
  };
  readonly codes: { readonly outcome: Readonly<Record<string, string>>; readonly to: Readonly<Record<string, string>>; readonly status: Readonly<Record<string, string>>; readonly sort: Readonly<Record<string, string>> };
}

export interface Item {
  readonly id: string;
  readonly kind: 'flag' | 'missing' | 'child';
  readonly code: string;
  readonly severity: string | null;
  readonly text: string;
  readonly question: string | null;
}

export interface Order {
  readonly orderId: string;
  readonly decisionId: string;
  readonly caseId: string;
  readonly period: string;
  readonly recipient: string;
  readonly recipientText: string;
  readonly name: string;
  readonly scheme: string;
  readonly schemeText: string;
  readonly account: string;
  readonly amount: string;
  readonly payOn: string;
  readonly reference: string;
  readonly status: string;
  readonly statusText: string;
  readonly stopped: { readonly reason: string; readonly by: string; readonly at: string } | null;
  readonly exportId: string | null;
}

export interface Registered {
  readonly decisionId: string;
  readonly recordedAt: string;
  readonly outcome: string;
  readonly outcomeText: string;
  readonly payable: string;
  readonly decidedOn: string;
  readonly decidedBy: string;
  readonly delegation: string;
  readonly differs: boolean;
  readonly reason: string | null;
  readonly change: { readonly kind: string; readonly of: string; readonly reason: string; readonly legalRef: string | null } | null;
  readonly changeText: string | null;
  readonly journalText: string;
}

export interface Payment {
  readonly recipient: string;
  readonly name: string;
  readonly account: { readonly scheme: string; readonly number: string };
  readonly amount: string;
  readonly payOn: string;
  readonly reference: string;
}

export interface Line {
  readonly memberId?: string;
  readonly type?: string;
  readonly claimed?: string | null;
  readonly accepted?: string | null;
  readonly amount?: string | null;
  readonly counted?: string | null;
  readonly reason?: string;
  readonly text?: string;
  readonly legalRef?: string;
}

export interface CaseAnswer {
  readonly decisionId: string;
  readonly caseId: string | null;
  readonly period: string;
  readonly municipality: string | null;
  readonly household: { readonly members?: readonly { readonly id: string; readonly role: string; readonly birthDate?: string; readonly name?: string; readonly protectedIdentity?: boolean }[] };
  readonly proposal: {
    readonly outcome: string;
    readonly outcomeText: string;
    readonly payable: string | null;
    readonly norm: { readonly total: string | null };
    readonly costs: { readonly claimed: string | null; readonly accepted: string | null; readonly refused: string | null; readonly items: readonly Line[] };
    readonly income: { readonly total: string | null; readonly counted: string | null; readonly items: readonly Line[] };
    readonly reasons: readonly Line[];
    readonly decisionText: string;
    readonly worksheetText: string;
  };
  readonly routing: { readonly toText: string; readonly dueOn: string | null; readonly receivedOn: string | null; readonly pastDue: boolean; readonly reasons: readonly Coded[] } | null;
  readonly previous: { readonly decisionId: string; readonly period: string; readonly outcomeText: string; readonly payable: string | null; readonly registered: { readonly outcomeText: string; readonly payable: string } | null } | null;
  readonly changes: readonly { readonly step: string; readonly text: string; readonly changed: boolean; readonly codeText: string | null }[];
  readonly agencyPayments: readonly { readonly memberId: string; readonly agency: string; readonly benefit: string; readonly net: string; readonly paidOn: string | null; readonly reason: string }[];
  readonly items: readonly Item[];
  readonly registered: readonly Registered[];
  readonly orders: readonly Order[];
  readonly alreadyPaid: string;
  readonly newerProposal: string | null;
  /** Adults without a försörjningshinder (issue 25): registering is refused until it is given. */
  readonly supportObstacleMissing?: { readonly paths: readonly string[]; readonly text: string } | null;
  readonly suggestion: { readonly decidedOn: string; readonly outcome: string | null; readonly payable: string | null; readonly payments: readonly Payment[] };
  readonly may: { readonly register: boolean; readonly change: boolean; readonly stop: boolean };
  /** Issue 30: the month's handling figures, begäran om komplettering and appeals (caseEventRoutes.ts handlingOf). */
  readonly handling: Handling;
  readonly completions: readonly Completion[];
  readonly appeals: readonly Appeal[];
  readonly next: { readonly answer: boolean; readonly request: boolean; readonly appeal: boolean };
  readonly mayRecord: { readonly completion: boolean; readonly appeal: boolean };
  readonly codes: { readonly outcome: Readonly<Record<string, string>>; readonly recipient: Readonly<Record<string, string>>; readonly scheme: Readonly<Record<string, string>>; readonly change: Readonly<Record<string, string>> };
}

export interface PaymentsAnswer {
  readonly orders: readonly Order[];
  readonly controlTotal: string;
  readonly exports: readonly { readonly exportId: string; readonly fileName: string; readonly sha256: string; readonly at: string; readonly who: string; readonly count: number; readonly controlTotal: string }[];
}

export interface Handling {
  readonly receivedOn: string | null;
  readonly dueOn: string | null;
  readonly dueOnNow: string | null;
  readonly target: number;
  readonly daysUsed: number | null;
  readonly countedTo: string;
  readonly decided: boolean;
  readonly waiting: boolean;
  readonly pastDue: boolean;
}

export interface Completion {
  readonly seq: number;
  readonly sentOn: string;
  readonly sentBy: string;
  readonly request: string;
  readonly answerBy: string;
  readonly answeredOn: string | null;
}

export interface Appeal {
  readonly seq: number;
  readonly decisionId: string;
  readonly receivedOn: string;
  readonly notifiedOn: string | null;
  readonly lastDay: string | null;
  readonly inTime: 'yes' | 'no' | 'unknown';
  readonly review: { readonly on: string; readonly outcome: string; readonly omprovning: string | null } | null;
  readonly reviewText: string | null;
  readonly dismissedOn: string | null;
  readonly forwardedOn: string | null;
  readonly closed: { readonly on: string; readonly reason: string } | null;
  readonly closedText: string | null;
  readonly open: boolean;
}
