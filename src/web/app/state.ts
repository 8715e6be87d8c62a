/**
 * The workday pages' one state store (issue 22). Everything the views show comes from here, and every
 * change goes through `update`, so a view is a function of the state and nothing on the page keeps
 * state of its own in the DOM.
 *
 * What the server answered (queue, case, payments) and what the person typed (drafts) are kept apart:
 * an answer never writes into a draft, so reloading a case, or a newer answer, cannot throw typed work
 * away. Drafts are per case, kept in the tab's sessionStorage on every change (a reload restores them)
 * and deleted only when their decision is registered.
 */
import { useEffect, useState } from 'preact/hooks';
import type { CaseAnswer, Me, PaymentsAnswer, Problem, QueueAnswer } from './types.ts';

export type Loadable<T> = { readonly status: 'idle' } | { readonly status: 'loading'; readonly data?: T } | { readonly status: 'ok'; readonly data: T } | { readonly status: 'error'; readonly message: string; readonly forbidden: boolean; readonly data?: T };

export interface DraftPayment {
  readonly key: number;
  readonly recipient: string;
  readonly name: string;
  readonly scheme: string;
  readonly number: string;
  readonly amount: string;
  readonly payOn: string;
  readonly reference: string;
}

/** What the person has typed for one case (a registration, or a change of its decision). */
export interface Draft {
  readonly comments: Readonly<Record<string, string>>;
  readonly marked: Readonly<Record<string, boolean>>;
  readonly outcome: string | null;
  readonly payable: string;
  readonly reason: string;
  readonly decidedOn: string;
  readonly journalNote: string;
  /** The barnkonsekvens answers per child, by "promptId/memberId" (issue 21): written in the letter. */
  readonly childAnswers?: Readonly<Record<string, string>>;
  readonly payments: readonly DraftPayment[];
  /** The last payment line removed and where it stood: "Ångra" puts back that line only. */
  readonly removed: { readonly line: DraftPayment; readonly index: number } | null;
  readonly changeKind: string;
  readonly changeReason: string;
  /** The problems the server named at the last attempt to register, by path. */
  readonly problems: readonly Problem[];
}

export type Route = { readonly view: 'queue'; readonly search: string } | { readonly view: 'case'; readonly decisionId: string; readonly search: string } | { readonly view: 'payments'; readonly search: string };

export interface State {
  readonly route: Route;
  readonly me: Loadable<Me>;
  readonly queue: Loadable<QueueAnswer>;
  /** The cases of the queue the case view was opened from, in its order: "Föregående" and "Nästa ärende". */
  readonly ids: { readonly search: string; readonly list: readonly { readonly decisionId: string; readonly caseId: string }[] } | null;
  readonly caseAnswer: Loadable<CaseAnswer>;
  readonly drafts: Readonly<Record<string, Draft>>;
  readonly payments: Loadable<PaymentsAnswer>;
  /** The polite live region's text. */
  readonly notice: string;
  /** The element to focus after the next render (an id), once. */
  readonly focus: string | null;
  /** A registration on its way (the button waits), or a stop or an export. */
  readonly busy: boolean;
}

const SAVED = 'bistand.arbetsdag.v1';

function savedDrafts(): Record<string, Draft> {
  try {
    const value = JSON.parse(sessionStorage.getItem(SAVED) ?? '{}') as unknown;
    return value !== null && typeof value === 'object' ? (value as Record<string, Draft>) : {};
  } catch {
    return {};
  }
}

export function routeOf(location: { pathname: string; search: string }): Route {
  const m = /^\/arende\/(D-[0-9]{8}-[0-9a-f]{16})$/.exec(location.pathname);
  if (m) return { view: 'case', decisionId: m[1]!, search: location.search };
  if (location.pathname === '/utbetalningar') return { view: 'payments', search: location.search };
  return { view: 'queue', search: location.search };
}

let state: State = {
  route: routeOf(window.location),
  me: { status: 'idle' },
  queue: { status: 'idle' },
  ids: null,
  caseAnswer: { status: 'idle' },
  drafts: savedDrafts(),
  payments: { status: 'idle' },
  notice: '',
  focus: null,
  busy: false,
};
const listeners = new Set<() => void>();

export function getState(): State {
  return state;
}

/** The one way to change the state; drafts are saved whenever they change. */
export function update(change: (s: State) => State): void {
  const next = change(state);
  if (next === state) return;
  const draftsChanged = next.drafts !== state.drafts;
  state = next;
  if (draftsChanged) {
    try {
      sessionStorage.setItem(SAVED, JSON.stringify(state.drafts));
    } catch {
      // storage full or off: the drafts stay in memory for this page
    }
  }
  for (const l of listeners) l();
}

/** The state in a component, re-rendered on every change. */
export function useAppState(): State {
  const [, rerender] = useState(0);
  useEffect(() => {
    const listener = () => rerender((n) => n + 1);
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, []);
  return state;
}

/** Changes one case's draft (created by the case view from the server's suggestion when missing). */
export function updateDraft(decisionId: string, change: (d: Draft) => Draft): void {
  update((s) => {
    const d = s.drafts[decisionId];
    return d ? { ...s, drafts: { ...s.drafts, [decisionId]: change(d) } } : s;
  });
}
