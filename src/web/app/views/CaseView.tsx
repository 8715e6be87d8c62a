/**
 * The case view (issue 22): the stored application opened from the queue, no retyping. The proposal,
 * the change from last month, the registered agency payments, every flag, missing fact and required
 * barnkonsekvens question to mark as assessed or answered with a comment, the decision (which may
 * differ from the proposal, with a reason) and its payments; "Registrera beslut" is refused while a
 * point is open. A registered decision is locked: it is shown with its journal note and payments, and
 * changed only by a rättelse, ändring or omprövning. "Föregående" and "Nästa ärende" follow the queue
 * the case was opened from.
 */
import { useState } from 'preact/hooks';
import { amountFromInput, toOre } from '../../public/format.js';
import { change, openItems, register, stopOrder } from '../actions.ts';
import { dateSv, krSv, Link, monthSv, ProblemList, ScrollTable } from '../components.tsx';
import { updateDraft, useAppState, type Draft, type DraftPayment } from '../state.ts';
import type { CaseAnswer, Order } from '../types.ts';
import { AppealPanel, CompletionPanel, HandlingSummary } from './CaseEvents.tsx';

const ROLE_SV: Record<string, string> = { applicant: 'Sökande', partner: 'Make/maka/sambo', child: 'Barn', 'other-adult': 'Annan vuxen' };
const KIND_SV: Record<string, string> = { flag: 'Att bedöma', missing: 'Uppgift saknas', child: 'Barnkonsekvens' };

function Neighbours(props: { decisionId: string; search: string }) {
  const s = useAppState();
  const list = s.ids?.search === props.search ? s.ids.list : [];
  const at = list.findIndex((x) => x.decisionId === props.decisionId);
  const prev = at > 0 ? list[at - 1] : undefined;
  const next = at >= 0 && at + 1 < list.length ? list[at + 1] : undefined;
  return (
    <nav class="w-case-nav" aria-label="Ärenden i kön">
      <Link href={`/queue${props.search}`}>Tillbaka till kön</Link>
      {prev ? <Link href={`/arende/${prev.decisionId}${props.search}`} id="previous-case">Föregående ärende ({prev.caseId})</Link> : null}
      {at >= 0 ? <span>{`Ärende ${at + 1} av ${list.length}`}</span> : null}
      {next ? (
        <Link href={`/arende/${next.decisionId}${props.search}`} id="next-case">
          Nästa ärende ({next.caseId})
        </Link>
      ) : null}
    </nav>
  );
}

function Items(props: { c: CaseAnswer; d: Draft }) {
  const { c, d } = props;
  if (c.items.length === 0) return <p>Förslaget har inga flaggor, saknade uppgifter eller barnkonsekvensfrågor att markera.</p>;
  const problem = (id: string) => d.problems.find((p) => p.path === `acknowledgements.${id}`);
  return (
    <ol class="w-items">
      {c.items.map((i) => {
        const comment = d.comments[i.id] ?? '';
        const verb = i.kind === 'flag' ? 'Bedömd' : 'Besvarad';
        const err = problem(i.id);
        return (
          <li key={i.id} class={`w-item${d.marked[i.id] && comment.trim() !== '' ? ' is-done' : ''}`}>
            <p class="w-item__kind">{KIND_SV[i.kind]}</p>
            <p id={`text-${i.id}`}>{i.question ?? i.text}</p>
            <div class="w-field">
              <label for={`comment-${i.id}`}>Din kommentar</label>
              <textarea
                id={`comment-${i.id}`}
                rows={2}
                aria-describedby={`text-${i.id}${err ? ` err-${i.id}` : ''}`}
                value={comment}
                onInput={(e) => {
                  const value = (e.currentTarget as HTMLTextAreaElement).value;
                  updateDraft(c.decisionId, (x) => ({ ...x, comments: { ...x.comments, [i.id]: value }, marked: value.trim() === '' ? { ...x.marked, [i.id]: false } : x.marked }));
                }}
              />
            </div>
            <div class="w-check">
              <input
                type="checkbox"
                id={`mark-${i.id}`}
                checked={d.marked[i.id] === true && comment.trim() !== ''}
                disabled={comment.trim() === ''}
                aria-describedby={`hint-${i.id}`}
                onChange={(e) => {
                  const on = (e.currentTarget as HTMLInputElement).checked;
                  updateDraft(c.decisionId, (x) => ({ ...x, marked: { ...x.marked, [i.id]: on }, problems: x.problems.filter((p) => p.path !== `acknowledgements.${i.id}`) }));
                }}
              />
              <label for={`mark-${i.id}`}>{verb}</label>
              <span id={`hint-${i.id}`} class="w-hint">
                {comment.trim() === '' ? 'Skriv en kommentar för att kunna markera punkten.' : ''}
              </span>
            </div>
            {err ? (
              <p class="w-field-error" id={`err-${i.id}`}>
                {err.message}
              </p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

const fieldError = (d: Draft, path: string) => d.problems.find((p) => p.path === path)?.message;

function PaymentLines(props: { c: CaseAnswer; d: Draft }) {
  const { c, d } = props;
  const set = (key: number, change: Partial<DraftPayment>) => updateDraft(c.decisionId, (x) => ({ ...x, payments: x.payments.map((p) => (p.key === key ? { ...p, ...change } : p)) }));
  const total = d.payments.reduce((sum, p) => sum + (toOre(amountFromInput(p.amount) ?? null) ?? 0n), 0n);
  const target = toOre(amountFromInput(d.payable) ?? null);
  return (
    <fieldset class="w-payments">
      <legend>Utbetalning</legend>
      {d.payments.map((p, n) => {
        const at = `payments[${n}]`;
        const id = (f: string) => `pay-${p.key}-${f}`;
        const err = (f: string) => fieldError(d, `${at}.${f}`);
        const input = (f: 'name' | 'number' | 'amount' | 'payOn' | 'reference', label: string, path: string, extra: Record<string, string> = {}) => (
          <div class="w-field">
            <label for={id(f)}>{label}</label>
            <input id={id(f)} {...extra} value={p[f]} aria-invalid={err(path) ? 'true' : undefined} aria-describedby={err(path) ? `${id(f)}-err` : undefined} onInput={(e) => set(p.key, { [f]: (e.currentTarget as HTMLInputElement).value })} />
            {err(path) ? (
              <p class="w-field-error" id={`${id(f)}-err`}>
                {err(path)}
              </p>
            ) : null}
          </div>
        );
        return (
          <div class="w-payment" key={p.key} role="group" aria-label={`Utbetalning ${n + 1}`}>
            <div class="w-field">
              <label for={id('recipient')}>Mottagare</label>
              <select id={id('recipient')} value={p.recipient} onChange={(e) => set(p.key, { recipient: (e.currentTarget as HTMLSelectElement).value })}>
                {Object.entries(c.codes.recipient).map(([k, v]) => (
                  <option key={k} value={k}>
                    {v}
                  </option>
                ))}
              </select>
            </div>
            {input('name', 'Namn', 'name', { autocomplete: 'off' })}
            <div class="w-field">
              <label for={id('scheme')}>Kontotyp</label>
              <select id={id('scheme')} value={p.scheme} onChange={(e) => set(p.key, { scheme: (e.currentTarget as HTMLSelectElement).value })}>
                {Object.entries(c.codes.scheme).map(([k, v]) => (
                  <option key={k} value={k}>
                    {v}
                  </option>
                ))}
              </select>
            </div>
            {input('number', p.scheme === 'bank' ? 'Clearingnummer och kontonummer' : 'Nummer', 'account.number', { inputmode: 'numeric', autocomplete: 'off' })}
            {input('amount', 'Belopp (kr)', 'amount', { inputmode: 'decimal' })}
            {input('payOn', 'Betalningsdag (ÅÅÅÅ-MM-DD)', 'payOn', { inputmode: 'numeric' })}
            {input('reference', 'Meddelande till mottagaren', 'reference')}
            <button
              type="button"
              class="w-quiet"
              onClick={() => {
                updateDraft(c.decisionId, (x) => ({ ...x, payments: x.payments.filter((q) => q.key !== p.key), removed: { line: p, index: n } }));
              }}
            >
              Ta bort utbetalning {n + 1}
            </button>
          </div>
        );
      })}
      {d.removed ? (
        <p class="w-undo" role="status">
          Utbetalningen till {d.removed.line.name || 'mottagaren'} ({krSv(amountFromInput(d.removed.line.amount) ?? d.removed.line.amount)}) togs bort.{' '}
          <button
            type="button"
            class="w-quiet"
            id="undo-payment"
            onClick={() =>
              updateDraft(c.decisionId, (x) => {
                if (!x.removed) return x;
                // Only the removed line comes back, where it stood: later edits stay as they are.
                const lines = [...x.payments];
                lines.splice(Math.min(x.removed.index, lines.length), 0, x.removed.line);
                return { ...x, payments: lines, removed: null };
              })
            }
          >
            Ångra
          </button>
        </p>
      ) : null}
      <button
        type="button"
        class="w-quiet"
        onClick={() =>
          updateDraft(c.decisionId, (x) => ({
            ...x,
            payments: [...x.payments, { key: Math.max(0, ...x.payments.map((p) => p.key), x.removed?.line.key ?? 0) + 1, recipient: 'landlord', name: '', scheme: 'bankgiro', number: '', amount: '', payOn: x.payments[0]?.payOn ?? x.decidedOn, reference: x.payments[0]?.reference ?? '' }],
          }))
        }
      >
        Lägg till utbetalning
      </button>
      <p class={target !== null && total !== target ? 'w-mismatch' : 'w-muted'}>
        Utbetalningar {krSv(String(Number(total) / 100))} av {krSv(d.payable === '' ? null : (amountFromInput(d.payable) ?? d.payable))} att betala.
      </p>
    </fieldset>
  );
}

function DecisionFields(props: { c: CaseAnswer; d: Draft; legend: string }) {
  const { c, d } = props;
  const set = (change: Partial<Draft>) => updateDraft(c.decisionId, (x) => ({ ...x, ...change }));
  const payable = amountFromInput(d.payable) ?? d.payable;
  const differs = d.outcome !== c.proposal.outcome || toOre(payable) !== toOre(c.proposal.payable);
  const refusal = d.outcome === 'deny' || d.outcome === 'dismiss';
  return (
    <>
      <fieldset class="w-outcome">
        <legend>{props.legend}</legend>
        {(['approve', 'partial', 'deny', 'dismiss'] as const).map((o) => (
          <div class="w-radio" key={o}>
            <input
              type="radio"
              name={`outcome-${c.decisionId}`}
              id={`outcome-${o}`}
              checked={d.outcome === o}
              onChange={() => set(o === 'deny' || o === 'dismiss' ? { outcome: o, payable: '0' } : { outcome: o, payable: d.payable === '0' ? (c.proposal.payable ?? '') : d.payable })}
            />
            <label for={`outcome-${o}`}>{c.codes.outcome[o]}</label>
          </div>
        ))}
      </fieldset>
      {fieldError(d, 'outcome') ? <p class="w-field-error">{fieldError(d, 'outcome')}</p> : null}
      <div class="w-field">
        <label for="payable">Belopp att betala för månaden (kr)</label>
        <input
          id="payable"
          inputmode="decimal"
          value={d.payable}
          disabled={refusal}
          onInput={(e) => {
            const value = (e.currentTarget as HTMLInputElement).value;
            // One payment line follows the amount; several are the person's own split.
            updateDraft(c.decisionId, (x) => ({ ...x, payable: value, payments: x.payments.length === 1 ? [{ ...x.payments[0]!, amount: value }] : x.payments }));
          }}
        />
        {fieldError(d, 'payable') ? <p class="w-field-error">{fieldError(d, 'payable')}</p> : null}
      </div>
      <div class="w-field">
        <label for="reason">Skäl till att beslutet skiljer sig från förslaget{differs ? ' (krävs)' : ''}</label>
        <textarea id="reason" rows={3} value={d.reason} aria-required={differs ? 'true' : 'false'} onInput={(e) => set({ reason: (e.currentTarget as HTMLTextAreaElement).value })} />
        <p class="w-hint">Förslaget: {c.proposal.outcomeText}, {krSv(c.proposal.payable)}.</p>
        {fieldError(d, 'reason') ? <p class="w-field-error">{fieldError(d, 'reason')}</p> : null}
      </div>
      <div class="w-field">
        <label for="decidedOn">Beslutsdatum (ÅÅÅÅ-MM-DD)</label>
        <input id="decidedOn" inputmode="numeric" value={d.decidedOn} onInput={(e) => set({ decidedOn: (e.currentTarget as HTMLInputElement).value })} />
        {fieldError(d, 'decidedOn') ? <p class="w-field-error">{fieldError(d, 'decidedOn')}</p> : null}
      </div>
      <div class="w-field">
        <label for="journalNote">Egen journalanteckning (frivillig)</label>
        <textarea id="journalNote" rows={2} value={d.journalNote} onInput={(e) => set({ journalNote: (e.currentTarget as HTMLTextAreaElement).value })} />
      </div>
      {refusal ? <p class="w-muted">Ett avslag eller en avvisning betalar inget ut.</p> : <PaymentLines c={c} d={d} />}
    </>
  );
}

/** One line saying what will be registered, so the person can register without opening the details. */
function decisionLine(c: CaseAnswer, d: Draft): string {
  if (d.outcome === null) return 'Välj beslut under "Ändra beslut eller utbetalning".';
  const what = `${c.codes.outcome[d.outcome] ?? d.outcome}, ${krSv(amountFromInput(d.payable) ?? d.payable)} för ${monthSv(c.period)}`;
  if (d.outcome === 'deny' || d.outcome === 'dismiss') return `${what}. Ingen utbetalning.`;
  const pays = d.payments.map((p) => `${krSv(amountFromInput(p.amount) ?? p.amount)} till ${(c.codes.recipient[p.recipient] ?? p.recipient).toLowerCase()} ${p.payOn}${p.number.trim() === '' ? ' (konto saknas)' : ''}`);
  return `${what}. Utbetalning: ${pays.length > 0 ? pays.join('; ') : 'ingen angiven'}.`;
}

function StopOrder(props: { order: Order }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const id = props.order.orderId;
  if (!open) {
    return (
      <button type="button" class="w-quiet" onClick={() => setOpen(true)}>
        Stoppa utbetalningen
      </button>
    );
  }
  return (
    <div class="w-stop">
      <label for={`stop-${id}`}>Skäl att stoppa</label>
      <input id={`stop-${id}`} value={reason} onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)} />
      <button type="button" onClick={() => void stopOrder(id, reason.trim()).then((ok) => ok && setOpen(false))} disabled={reason.trim().length < 3}>
        Stoppa
      </button>
    </div>
  );
}

export function Orders(props: { orders: readonly Order[]; mayStop: boolean; caption: string }) {
  if (props.orders.length === 0) return <p>Inga utbetalningar.</p>;
  return (
    <ScrollTable label={props.caption}>
      <table class="w-table">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Mottagare</th>
            <th scope="col">Konto</th>
            <th scope="col" class="w-num">
              Belopp
            </th>
            <th scope="col">Betalningsdag</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {props.orders.map((o) => (
            <tr key={o.orderId}>
              <th scope="row">
                {o.recipientText}: {o.name}
                <br />
                <span class="w-muted w-code">{o.orderId}</span>
              </th>
              <td>
                {o.schemeText} {o.account}
              </td>
              <td class="w-num">{krSv(o.amount)}</td>
              <td>{dateSv(o.payOn)}</td>
              <td>
                {o.statusText}
                {o.stopped ? <span class="w-muted"> – {o.stopped.reason} ({o.stopped.by})</span> : null}
                {o.status === 'pending' && props.mayStop ? <StopOrder order={o} /> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

function Registered(props: { c: CaseAnswer; d: Draft | undefined }) {
  const { c, d } = props;
  const s = useAppState();
  const newest = c.registered.at(-1)!;
  return (
    <section aria-labelledby="registered-title" class="w-panel">
      <h2 id="registered-title" tabIndex={-1}>
        Beslutat: {newest.outcomeText}, {krSv(newest.payable)}
      </h2>
      <p>
        Registrerat {dateSv(newest.decidedOn)} av {newest.decidedBy} ({newest.delegation}), beslutspost {newest.decisionId}. Beslutet är låst: en ändring görs som rättelse, ändring eller omprövning och
        länkas till beslutet.
      </p>
      {c.registered.map((r) => (
        <details key={r.decisionId} open={r === newest}>
          <summary>
            {r.changeText ?? 'Beslut'} {r.decisionId}: {r.outcomeText}, {krSv(r.payable)}
          </summary>
          <pre class="w-journal">{r.journalText}</pre>
        </details>
      ))}
      <h3>Utbetalningar</h3>
      <Orders orders={c.orders} mayStop={c.may.stop} caption="Utbetalningar för ärendet och månaden" />
      {c.may.change && d ? (
        <details class="w-change">
          <summary>Ändra beslutet (rättelse, ändring eller omprövning)</summary>
          <fieldset>
            <legend>Slag av ändring</legend>
            {Object.entries(c.codes.change).map(([k, v]) => (
              <div class="w-radio" key={k}>
                <input type="radio" name="change-kind" id={`change-${k}`} checked={d.changeKind === k} onChange={() => updateDraft(c.decisionId, (x) => ({ ...x, changeKind: k }))} />
                <label for={`change-${k}`}>{v}</label>
              </div>
            ))}
          </fieldset>
          <div class="w-field">
            <label for="change-reason">Skäl till ändringen</label>
            <textarea id="change-reason" rows={2} value={d.changeReason} onInput={(e) => updateDraft(c.decisionId, (x) => ({ ...x, changeReason: (e.currentTarget as HTMLTextAreaElement).value }))} />
          </div>
          <DecisionFields c={c} d={d} legend="Beslut efter ändringen" />
          <ProblemList id="decision-problems" problems={d.problems} title="Ändringen registrerades inte" />
          <button type="button" id="register-change" disabled={s.busy} onClick={() => void change(c)}>
            Registrera ändringen
          </button>
        </details>
      ) : null}
    </section>
  );
}

function Proposal(props: { c: CaseAnswer }) {
  const p = props.c.proposal;
  return (
    <section aria-labelledby="proposal-title" class="w-panel">
      <h2 id="proposal-title">Förslaget</h2>
      <dl class="w-figures">
        <div>
          <dt>Riksnorm</dt>
          <dd>{krSv(p.norm.total)}</dd>
        </div>
        <div>
          <dt>Godtagna kostnader</dt>
          <dd>{krSv(p.costs.accepted)}</dd>
        </div>
        <div>
          <dt>Inkomster som räknas</dt>
          <dd>{krSv(p.income.counted)}</dd>
        </div>
        <div>
          <dt>Att betala</dt>
          <dd>{krSv(p.payable)}</dd>
        </div>
      </dl>
      <h3>Skäl</h3>
      <ul>
        {p.reasons.map((r, k) => (
          <li key={k}>
            {r.text} {r.legalRef ? <span class="w-muted">({r.legalRef})</span> : null}
          </li>
        ))}
      </ul>
      <h3>Kostnader</h3>
      <ul>
        {p.costs.items.map((x, k) => (
          <li key={k}>{x.reason}</li>
        ))}
      </ul>
      <h3>Inkomster</h3>
      {p.income.items.length > 0 ? (
        <ul>
          {p.income.items.map((x, k) => (
            <li key={k}>{x.reason}</li>
          ))}
        </ul>
      ) : (
        <p>Inga inkomster.</p>
      )}
      {/* Two documents, never mixed (issue 21): the applicant's letter, and the caseworker's worksheet apart. */}
      <details>
        <summary>Brevet till den sökande</summary>
        <pre class="w-journal">{p.decisionText || 'Inget brev kan skickas ännu: skälen står först i arbetsunderlaget.'}</pre>
      </details>
      <details>
        <summary>Arbetsunderlag (skickas inte)</summary>
        <pre class="w-journal">{p.worksheetText}</pre>
      </details>
    </section>
  );
}

export function CaseView() {
  const s = useAppState();
  const route = s.route;
  if (route.view !== 'case') return null;
  const a = s.caseAnswer;
  if (a.status !== 'ok') {
    return (
      <>
        <h1 id="case-title" tabIndex={-1}>
          Ärende
        </h1>
        <Neighbours decisionId={route.decisionId} search={route.search} />
        {a.status === 'error' ? (
          <p class="w-error" role="alert">
            {a.message}
          </p>
        ) : (
          <p>Hämtar ärendet …</p>
        )}
      </>
    );
  }
  const c = a.data;
  const d = s.drafts[c.decisionId];
  const registered = c.registered.length > 0;
  const open = d ? openItems(c, d) : [];
  const members = c.household.members ?? [];
  return (
    <>
      <h1 id="case-title" tabIndex={-1}>
        Ärende {c.caseId ?? '–'} · {monthSv(c.period)}
      </h1>
      <Neighbours decisionId={route.decisionId} search={route.search} />
      <section class="w-summary" aria-label="Förslag och belopp">
        <p>
          <span class="w-summary__label">Förslag</span> <strong>{c.proposal.outcomeText}</strong>
        </p>
        <p>
          <span class="w-summary__label">Att betala</span> <strong id="summary-payable">{krSv(c.proposal.payable)}</strong>
        </p>
        <p>
          <span class="w-summary__label">Status</span> <strong>{registered ? `Beslutat ${c.registered.at(-1)!.outcomeText.toLowerCase()}` : 'Att pröva'}</strong>
        </p>
        {c.routing ? <HandlingSummary c={c} /> : null}
      </section>
      {c.newerProposal ? (
        <p class="w-note">
          Det finns ett nyare förslag för ärendet och månaden: <Link href={`/arende/${c.newerProposal}${route.search}`}>öppna det</Link>.
        </p>
      ) : null}
      {!registered && c.supportObstacleMissing ? <p class="w-note">{c.supportObstacleMissing.text}</p> : null}
      {registered ? (
        <>
          <Registered c={c} d={d} />
          <AppealPanel c={c} today={c.suggestion.decidedOn} />
        </>
      ) : (
        <>
          <section aria-labelledby="items-title" class="w-panel">
            <h2 id="items-title">Att markera innan beslut</h2>
            {c.routing && c.routing.reasons.length > 0 ? <p class="w-muted">Till handläggare: {c.routing.reasons.map((r) => r.text).join(', ')}.</p> : null}
            {d ? <Items c={c} d={d} /> : null}
          </section>
          {d && c.may.register ? (
            <section aria-labelledby="decision-title" class="w-panel">
              <h2 id="decision-title">Beslut</h2>
              <p class="w-decision-line">{decisionLine(c, d)}</p>
              <ProblemList id="decision-problems" problems={d.problems.filter((p) => !p.path.startsWith('acknowledgements.'))} title="Beslutet registrerades inte" />
              <p id="open-count" class={open.length > 0 ? 'w-mismatch' : 'w-muted'}>
                {open.length > 0 ? `${open.length} ${open.length === 1 ? 'punkt' : 'punkter'} kvar att markera.` : 'Alla punkter är markerade.'}
              </p>
              <button type="button" id="register" aria-disabled={open.length > 0 || s.busy ? 'true' : 'false'} aria-describedby="open-count" onClick={() => void register(c)}>
                Registrera beslut
              </button>
              <details class="w-details" open={d.outcome === null}>
                <summary>Ändra beslut eller utbetalning</summary>
                <DecisionFields c={c} d={d} legend="Beslut" />
              </details>
            </section>
          ) : !c.may.register ? (
            <p class="w-muted">{c.newerProposal ? 'Beslutet fattas på det nyare förslaget.' : 'Du kan läsa ärendet men inte registrera beslut (det kräver beslutsfattarens roll och en delegation).'}</p>
          ) : null}
        </>
      )}
      <CompletionPanel c={c} today={c.suggestion.decidedOn} />
      <Proposal c={c} />
      <section aria-labelledby="previous-title" class="w-panel">
        <h2 id="previous-title">Jämfört med förra månaden</h2>
        {c.previous ? (
          <p>
            {monthSv(c.previous.period)}: förslag {c.previous.outcomeText.toLowerCase()}, {krSv(c.previous.payable)}
            {c.previous.registered ? `; beslut ${c.previous.registered.outcomeText.toLowerCase()}, ${krSv(c.previous.registered.payable)}` : '; inget registrerat beslut'}.
          </p>
        ) : (
          <p>Inget beslut förra månaden att jämföra med.</p>
        )}
        {c.changes.length > 0 ? (
          <ul class="w-changes">
            {c.changes.map((x, k) => (
              <li key={k} class={x.changed ? 'is-changed' : ''}>
                {x.changed ? <strong>{x.codeText}: </strong> : null}
                {x.text}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <section aria-labelledby="agency-title" class="w-panel">
        <h2 id="agency-title">Registrerade utbetalningar från myndigheter</h2>
        {c.agencyPayments.length > 0 ? (
          <ul>
            {c.agencyPayments.map((p, k) => (
              <li key={k}>{p.reason}</li>
            ))}
          </ul>
        ) : (
          <p>Inga registrerade utbetalningar i ansökan.</p>
        )}
      </section>
      <section aria-labelledby="household-title" class="w-panel">
        <h2 id="household-title">Hushållet</h2>
        <ul>
          {members.map((m) => (
            <li key={m.id}>
              {ROLE_SV[m.role] ?? m.role}
              {m.name ? `: ${m.name}` : ''}
              {m.birthDate ? `, född ${m.birthDate.slice(0, 4)}` : ''}
              {m.protectedIdentity ? ' (skyddade personuppgifter)' : ''}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
