/**
 * The case view's handling time, begäran om komplettering and appeals (issue 30): the due day and the
 * working days used (counted by the server to its day), a request to the applicant sent and answered,
 * and an appeal of a registered decision received and taken through its steps (omprövning, avvisning
 * as late, forwarding to förvaltningsrätten, closing). Each form posts to the staff API
 * (caseEventRoutes.ts), which checks the same order of steps (docs/workday.md).
 */
import { useState } from 'preact/hooks';
import { recordCaseEvent } from '../actions.ts';
import { dateSv, ProblemList } from '../components.tsx';
import type { Appeal, CaseAnswer, Problem } from '../types.ts';

/** "3 av 5 arbetsdagar" with what the count runs to. */
export function daysText(used: number | null, target: number): string {
  return used === null ? 'okänt (inget ankomstdatum)' : `${used} av ${target} ${target === 1 ? 'arbetsdag' : 'arbetsdagar'}`;
}

/** The summary's lines: the due day (after pauses) and the working days used. */
export function HandlingSummary(props: { c: CaseAnswer }) {
  const h = props.c.handling;
  return (
    <>
      <p>
        <span class="w-summary__label">Sista dag</span> <span id="summary-due">{h.waiting ? 'väntar på komplettering' : dateSv(h.dueOnNow)}</span>
        {h.pastDue ? <strong class="w-late"> passerad</strong> : null}
      </p>
      <p>
        <span class="w-summary__label">Handläggningstid</span>{' '}
        <span id="summary-days">
          {daysText(h.daysUsed, h.target)}
          {h.decided ? ' till beslut' : h.waiting ? ' (klockan står still)' : ''}
        </span>
      </p>
    </>
  );
}

function DateField(props: { id: string; label: string; value: string; onInput: (v: string) => void; problems: readonly Problem[]; path: string; hint?: string }) {
  const err = props.problems.find((p) => p.path === props.path)?.message;
  const described = [props.hint ? `${props.id}-hint` : '', err ? `${props.id}-err` : ''].filter((x) => x !== '').join(' ');
  return (
    <div class="w-field">
      <label for={props.id}>{props.label}</label>
      <input id={props.id} inputmode="numeric" autocomplete="off" value={props.value} aria-invalid={err ? 'true' : undefined} aria-describedby={described || undefined} onInput={(e) => props.onInput((e.currentTarget as HTMLInputElement).value)} />
      {props.hint ? (
        <p class="w-hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {err ? (
        <p class="w-field-error" id={`${props.id}-err`}>
          {err}
        </p>
      ) : null}
    </div>
  );
}

/** Begäran om komplettering: the requests of the month, a new one, the answer to the open one. */
export function CompletionPanel(props: { c: CaseAnswer; today: string }) {
  const { c, today } = props;
  const [sentOn, setSentOn] = useState(today);
  const [request, setRequest] = useState('');
  const [answerBy, setAnswerBy] = useState('');
  const [answeredOn, setAnsweredOn] = useState(today);
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  if (c.caseId === null || (c.completions.length === 0 && !(c.mayRecord.completion && c.next.request))) return null;
  const err = problems.find((p) => p.path === 'request')?.message;
  const general = problems.filter((p) => !['sentOn', 'answerBy', 'answeredOn', 'request'].includes(p.path));
  return (
    <section aria-labelledby="completion-title" class="w-panel">
      <h2 id="completion-title" tabIndex={-1}>
        Begäran om komplettering
      </h2>
      {c.completions.length > 0 ? (
        <ul id="completions">
          {c.completions.map((x) => (
            <li key={x.seq}>
              Skickad {dateSv(x.sentOn)} av {x.sentBy}, svar senast {dateSv(x.answerBy)}: {x.request}{' '}
              <strong>{x.answeredOn ? `Kompletteringen kom in ${dateSv(x.answeredOn)}.` : 'Väntar på svar: handläggningstiden står still.'}</strong>
            </li>
          ))}
        </ul>
      ) : null}
      <ProblemList id="completion-problems" problems={general} title="Inte registrerat" />
      {c.mayRecord.completion && c.next.answer ? (
        <div class="w-form" role="group" aria-labelledby="answer-title">
          <h3 id="answer-title">Kompletteringen kom in</h3>
          <DateField id="answeredOn" label="Datum kompletteringen kom in (ÅÅÅÅ-MM-DD)" value={answeredOn} onInput={setAnsweredOn} problems={problems} path="answeredOn" />
          <button
            type="button"
            id="record-answer"
            onClick={() => void recordCaseEvent(`/api/cases/${c.decisionId}/completions/answer`, { answeredOn: answeredOn.trim() }, 'Kompletteringen är registrerad: handläggningstiden räknas igen.', 'completion-title').then((p) => setProblems(p ?? []))}
          >
            Registrera att kompletteringen kom in
          </button>
        </div>
      ) : null}
      {c.mayRecord.completion && c.next.request ? (
        <details class="w-change" id="completion-form">
          <summary>Skicka en begäran om komplettering</summary>
          <p class="w-hint">Handläggningstiden står still från dagen efter att begäran skickas till dagen kompletteringen kommer in. Texten visas aldrig för Kontaktcenter.</p>
          <DateField id="sentOn" label="Skickad (ÅÅÅÅ-MM-DD)" value={sentOn} onInput={setSentOn} problems={problems} path="sentOn" />
          <div class="w-field">
            <label for="completion-request">Vad den sökande ska komplettera med</label>
            <textarea id="completion-request" rows={3} value={request} aria-invalid={err ? 'true' : undefined} aria-describedby={err ? 'completion-request-err' : undefined} onInput={(e) => setRequest((e.currentTarget as HTMLTextAreaElement).value)} />
            {err ? (
              <p class="w-field-error" id="completion-request-err">
                {err}
              </p>
            ) : null}
          </div>
          <DateField id="answerBy" label="Svar senast (ÅÅÅÅ-MM-DD)" value={answerBy} onInput={setAnswerBy} problems={problems} path="answerBy" />
          <button
            type="button"
            id="send-completion"
            onClick={() =>
              void recordCaseEvent(`/api/cases/${c.decisionId}/completions`, { sentOn: sentOn.trim(), request: request.trim(), answerBy: answerBy.trim() }, 'Begäran om komplettering är registrerad: ärendet väntar på den sökande.', 'completion-title').then((p) => {
                setProblems(p ?? []);
                if (p === null) setRequest('');
              })
            }
          >
            Registrera begäran om komplettering
          </button>
        </details>
      ) : null}
    </section>
  );
}

const IN_TIME_SV: Record<string, string> = { yes: 'i tid', no: 'för sent', unknown: 'okänt om det kom in i tid: dagen den sökande fick del av beslutet är inte känd' };

type Step = 'review' | 'dismiss' | 'forward' | 'close';
const STEP_SV: Record<Step, string> = { review: 'Omprövning (39 § FL)', dismiss: 'Avvisa som för sent (45 § FL)', forward: 'Överlämna till förvaltningsrätten (46 § FL)', close: 'Avsluta överklagandet' };
const DAY_FIELD: Record<Step, string> = { review: 'reviewedOn', dismiss: 'dismissedOn', forward: 'forwardedOn', close: 'closedOn' };

/** The steps that fit the open appeal now (the server checks the same, 409 otherwise). */
function stepsFor(a: Appeal): Step[] {
  const steps: Step[] = [];
  if (a.forwardedOn === null) {
    if (a.review === null) steps.push('review');
    if (a.inTime === 'no') steps.push('dismiss');
    steps.push('forward');
  }
  steps.push('close');
  return steps;
}

/** The next step of the open appeal: which, its day, and for an omprövning or a closing what came of it. */
function AppealStep(props: { c: CaseAnswer; open: Appeal; today: string; setProblems: (p: readonly Problem[]) => void; problems: readonly Problem[] }) {
  const { c, open, today } = props;
  const steps = stepsFor(open);
  const [step, setStep] = useState<Step>(steps[0]!);
  const [on, setOn] = useState(today);
  const [outcome, setOutcome] = useState<'unchanged' | 'changed'>('unchanged');
  const [reason, setReason] = useState<'court-ruled' | 'withdrawn' | 'lapsed'>(open.forwardedOn ? 'court-ruled' : 'withdrawn');
  const current = steps.includes(step) ? step : steps[0]!;
  // An omprövning that changed the decision is the registered decision of kind omprovning after the appealed one.
  const at = c.registered.findIndex((r) => r.decisionId === open.decisionId);
  const omprovning = c.registered.slice(at + 1).find((r) => r.change?.kind === 'omprovning') ?? null;
  const body: Record<string, unknown> = { [DAY_FIELD[current]]: on.trim() };
  if (current === 'review') Object.assign(body, { outcome, omprovning: outcome === 'changed' ? (omprovning?.decisionId ?? null) : null });
  if (current === 'close') body['reason'] = reason;
  return (
    <div class="w-form" role="group" aria-labelledby="step-title">
      <h3 id="step-title">Nästa steg i överklagandet</h3>
      <div class="w-field">
        <label for="appeal-step">Steg</label>
        <select id="appeal-step" value={current} onChange={(e) => setStep((e.currentTarget as HTMLSelectElement).value as Step)}>
          {steps.map((x) => (
            <option key={x} value={x}>
              {STEP_SV[x]}
            </option>
          ))}
        </select>
      </div>
      {current === 'review' ? (
        <fieldset>
          <legend>Omprövningens utfall</legend>
          <div class="w-radio">
            <input type="radio" name="review-outcome" id="review-unchanged" checked={outcome === 'unchanged'} onChange={() => setOutcome('unchanged')} />
            <label for="review-unchanged">Beslutet står fast</label>
          </div>
          <div class="w-radio">
            <input type="radio" name="review-outcome" id="review-changed" checked={outcome === 'changed'} disabled={omprovning === null} aria-describedby="review-changed-hint" onChange={() => setOutcome('changed')} />
            <label for="review-changed">Beslutet ändrat genom omprövning{omprovning ? ` (${omprovning.decisionId})` : ''}</label>
            <span class="w-hint" id="review-changed-hint">
              {omprovning === null ? 'Registrera först omprövningen under "Ändra beslutet", slag omprövning.' : ''}
            </span>
          </div>
        </fieldset>
      ) : null}
      {current === 'close' ? (
        <div class="w-field">
          <label for="close-reason">Hur överklagandet avslutades</label>
          <select id="close-reason" value={reason} onChange={(e) => setReason((e.currentTarget as HTMLSelectElement).value as typeof reason)}>
            {open.forwardedOn ? <option value="court-ruled">Förvaltningsrätten har avgjort</option> : null}
            <option value="withdrawn">Återkallat</option>
            <option value="lapsed">Förfallet: beslutet ändrat som den sökande begärde</option>
          </select>
        </div>
      ) : null}
      <DateField id="appeal-step-on" label="Datum (ÅÅÅÅ-MM-DD)" value={on} onInput={setOn} problems={props.problems} path={DAY_FIELD[current]} />
      <button type="button" id="record-appeal-step" onClick={() => void recordCaseEvent(`/api/decisions/${open.decisionId}/appeal/${current}`, body, `${STEP_SV[current]}: registrerat.`, 'appeal-title').then((p) => props.setProblems(p ?? []))}>
        Registrera steget
      </button>
    </div>
  );
}

/** Överklagande of the registered decision: those received, a new one, forwarding the open one. */
export function AppealPanel(props: { c: CaseAnswer; today: string }) {
  const { c, today } = props;
  const [receivedOn, setReceivedOn] = useState(today);
  const [notifiedOn, setNotifiedOn] = useState('');
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const newest = c.registered.at(-1);
  if (!newest || (c.appeals.length === 0 && !c.mayRecord.appeal)) return null;
  const open = c.appeals.find((a) => a.open) ?? null;
  const general = problems.filter((p) => !['receivedOn', 'notifiedOn', 'reviewedOn', 'dismissedOn', 'forwardedOn', 'closedOn'].includes(p.path));
  return (
    <section aria-labelledby="appeal-title" class="w-panel">
      <h2 id="appeal-title" tabIndex={-1}>
        Överklagande
      </h2>
      {c.appeals.length > 0 ? (
        <ul id="appeals">
          {c.appeals.map((a) => (
            <li key={a.seq}>
              Överklagande av {a.decisionId} kom in {dateSv(a.receivedOn)}: {IN_TIME_SV[a.inTime]}
              {a.lastDay ? ` (sista dag ${dateSv(a.lastDay)})` : ''}.{a.reviewText ? ` Omprövning ${dateSv(a.review!.on)}: ${a.reviewText}.` : ''}
              {a.dismissedOn ? ` Avvisat ${dateSv(a.dismissedOn)}.` : ''}
              {a.forwardedOn ? ` Överlämnat till förvaltningsrätten ${dateSv(a.forwardedOn)}.` : ''}
              {a.closedText ? ` ${a.closedText} ${dateSv(a.closed!.on)}.` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      <ProblemList id="appeal-problems" problems={general} title="Inte registrerat" />
      {c.mayRecord.appeal && open ? <AppealStep key={open.seq} c={c} open={open} today={today} problems={problems} setProblems={setProblems} /> : null}
      {c.mayRecord.appeal && c.next.appeal ? (
        <details class="w-change" id="appeal-form">
          <summary>Registrera ett överklagande av beslutet</summary>
          <DateField id="appeal-receivedOn" label="Överklagandet kom in (ÅÅÅÅ-MM-DD)" value={receivedOn} onInput={setReceivedOn} problems={problems} path="receivedOn" />
          <DateField id="appeal-notifiedOn" label="Den sökande fick del av beslutet (ÅÅÅÅ-MM-DD)" value={notifiedOn} onInput={setNotifiedOn} problems={problems} path="notifiedOn" hint="Lämna tomt om dagen inte är känd: då sägs inget om överklagandet kom in i tid (44 § förvaltningslagen)." />
          <button
            type="button"
            id="record-appeal"
            onClick={() => void recordCaseEvent(`/api/decisions/${newest.decisionId}/appeal`, { receivedOn: receivedOn.trim(), notifiedOn: notifiedOn.trim() === '' ? null : notifiedOn.trim() }, 'Överklagandet är registrerat.', 'appeal-title').then((p) => setProblems(p ?? []))}
          >
            Registrera överklagandet
          </button>
        </details>
      ) : null}
    </section>
  );
}
