/**
 * The applicant's letter in the case view (issue 21): the per-child questions a refusal touching
 * children needs before it is registered (the child's views, the weighing; written in the letter),
 * and the letter stored beside a registered decision: its file, size, sha256, who made it and when,
 * a link that downloads the PDF, or why it is not made and a button that makes it.
 */
import { makeLetter } from '../actions.ts';
import { dateSv } from '../components.tsx';
import { updateDraft, useAppState, type Draft } from '../state.ts';
import type { CaseAnswer, LetterState } from '../types.ts';

/** The per-child fields: one text per question and child, each with its label and its error. */
export function ChildAnswers(props: { c: CaseAnswer; d: Draft }) {
  const { c, d } = props;
  const questions = c.childQuestions ?? [];
  if (questions.length === 0) return null;
  const refusal = d.outcome === 'partial' || d.outcome === 'deny';
  return (
    <fieldset class="w-child-answers">
      <legend>Barnets åsikter och barnets bästa, för varje barn{refusal ? ' (krävs för det här beslutet)' : ''}</legend>
      <p class="w-hint">Svaren skrivs i beslutsbrevet. De krävs innan ett avslag eller delvis bifall som berör barn registreras (3 kap. 1–2 §§ SoL).</p>
      {questions.map((q) =>
        // A question with no children is the household's (questions 8 and 9 when the proposal approved): once.
        (q.children.length === 0 ? [null] : q.children).map((child) => {
          const key = `${q.promptId}/${child?.memberId ?? ''}`;
          const id = child ? `child-${q.promptId}-${child.memberId}` : `child-${q.promptId}`;
          const path = child ? `childAnswers.${child.memberId}.${q.promptId}` : `acknowledgements.child-${q.promptId}`;
          const error = d.problems.find((p) => p.path === path)?.message;
          return (
            <div class="w-field" key={key}>
              <label for={id}>
                {child ? `${child.name}: ${q.question}` : `Fråga ${q.number}, för hushållet: ${q.question}`}
              </label>
              <textarea
                id={id}
                rows={2}
                value={d.childAnswers?.[key] ?? ''}
                aria-required={refusal ? 'true' : 'false'}
                aria-invalid={error ? 'true' : 'false'}
                {...(error ? { 'aria-describedby': `${id}-error` } : {})}
                onInput={(e) => {
                  const value = (e.currentTarget as HTMLTextAreaElement).value;
                  updateDraft(c.decisionId, (x) => ({ ...x, childAnswers: { ...(x.childAnswers ?? {}), [key]: value } }));
                }}
              />
              {error ? (
                <p class="w-field-error" id={`${id}-error`}>
                  {error}
                </p>
              ) : null}
            </div>
          );
        }),
      )}
    </fieldset>
  );
}

/** The stored letter of the newest registered decision, or why there is none. */
export function LetterPanel(props: { c: CaseAnswer; decisionId: string }) {
  const s = useAppState();
  const letter: LetterState | undefined = props.c.letters?.[props.decisionId];
  if (!letter) return null;
  return (
    <section aria-labelledby="letter-title" class="w-letter">
      <h3 id="letter-title" tabIndex={-1}>
        Beslutsbrevet
      </h3>
      {letter.status === 'stored' ? (
        <>
          <p>
            {letter.title} ({letter.fileName}, {Math.ceil(letter.bytes / 1024)} kB), framställt {dateSv(letter.madeAt.slice(0, 10))} av {letter.madeBy}. Sparat och låst bredvid beslutet.
          </p>
          <p class="w-hash">
            Kontrollsumma: <code>{letter.sha256}</code>
          </p>
          <a id="letter-download" href={letter.url} download={letter.fileName}>
            Hämta brevet (PDF)
          </a>
        </>
      ) : (
        <>
          <p>{letter.message}</p>
          {letter.canMake && props.c.may.change ? (
            <button type="button" id="letter-make" disabled={s.busy} onClick={() => void makeLetter(props.decisionId)}>
              Framställ brevet (PDF)
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}

/** Before a decision: the proposal's letter as the server prints it (A4 PDF, "Förslag till beslut"). */
export function ProposalLetterLink(props: { decisionId: string }) {
  return (
    <p>
      <a id="proposal-letter-pdf" href={`/api/cases/${props.decisionId}/letter`} download>
        Brevet som PDF (förslag till beslut)
      </a>
    </p>
  );
}
