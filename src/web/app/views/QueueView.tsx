/**
 * The queue to work from (issue 22): the month's cases, filtered, sorted, searched and paged by the
 * page address's parameters, which are exactly the API's (GET /api/queue). Every code in Swedish; what
 * is missing named; "Öppna" opens the case view with the queue it came from (next and previous case).
 */
import { navigate, queueHref, queueSearch } from '../actions.ts';
import { dateSv, krSv, Link, monthSv, ScrollTable } from '../components.tsx';
import { useAppState } from '../state.ts';
import type { QueueAnswer } from '../types.ts';

function Select(props: { id: string; label: string; name: string; value: string; options: readonly (readonly [string, string])[]; search: string }) {
  return (
    <div class="w-field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => navigate(queueHref(props.search, props.name, (e.currentTarget as HTMLSelectElement).value), true)}>
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

function Filters(props: { data: QueueAnswer | undefined; search: string }) {
  const params = queueSearch(props.search);
  const v = (name: string) => params.get(name) ?? '';
  const d = props.data;
  const count = (n: number) => ` (${n})`;
  return (
    <form class="w-filters" aria-labelledby="filters-title" onSubmit={(e) => e.preventDefault()}>
      <h2 id="filters-title" class="visually-hidden">
        Urval och sortering
      </h2>
      <Select id="f-period" label="Månad" name="period" value={v('period') || (d?.period ?? '')} search={props.search} options={(d?.periods ?? []).map((p) => [p, monthSv(p)] as const)} />
      <Select id="f-status" label="Status" name="status" value={v('status')} search={props.search} options={[['', 'Att pröva'], ['decided', 'Beslutade'], ['all', 'Alla']]} />
      <Select id="f-pastDue" label="Sista handläggningsdag" name="pastDue" value={v('pastDue')} search={props.search} options={[['', 'Alla'], ['true', 'Passerad'], ['false', 'Inte passerad']]} />
      <Select id="f-to" label="Routning" name="to" value={v('to')} search={props.search} options={[['', 'Alla'], ...(d?.facets.routes ?? []).map((r) => [r.code, `${r.text}${count(r.count)}`] as const)]} />
      <Select id="f-outcome" label="Förslag" name="outcome" value={v('outcome')} search={props.search} options={[['', 'Alla'], ...(d?.facets.outcomes ?? []).map((r) => [r.code, `${r.text}${count(r.count)}`] as const)]} />
      <Select id="f-reason" label="Skäl att pröva" name="reason" value={v('reason')} search={props.search} options={[['', 'Alla'], ...(d?.facets.reasons ?? []).map((r) => [r.code, `${r.text}${count(r.count)}`] as const)]} />
      <Select id="f-children" label="Barn i hushållet" name="children" value={v('children')} search={props.search} options={[['', 'Alla'], ['true', 'Med barn'], ['false', 'Utan barn']]} />
      <Select id="f-municipality" label="Kommun" name="municipality" value={v('municipality')} search={props.search} options={[['', 'Alla'], ...(d?.facets.municipalities ?? []).map((m) => [m.code, `${m.code}${count(m.count)}`] as const)]} />
      <div class="w-field">
        <label for="f-q">Sök ärendenummer</label>
        <input
          id="f-q"
          type="search"
          autocomplete="off"
          spellcheck={false}
          value={v('q')}
          onChange={(e) => navigate(queueHref(props.search, 'q', (e.currentTarget as HTMLInputElement).value.trim()), true)}
        />
      </div>
      <Select id="f-sort" label="Sortera efter" name="sort" value={v('sort')} search={props.search} options={[['', 'Sista handläggningsdag'], ['receivedOn', 'Inkom'], ['payable', 'Belopp att betala'], ['daysUsed', 'Arbetsdagar använda']]} />
      <Select id="f-order" label="Ordning" name="order" value={v('order')} search={props.search} options={[['', 'Stigande'], ['desc', 'Fallande']]} />
    </form>
  );
}

export function QueueView() {
  const s = useAppState();
  const route = s.route;
  if (route.view !== 'queue') return null;
  const q = s.queue;
  const data = q.status === 'ok' || q.status === 'loading' || q.status === 'error' ? q.data : undefined;
  const from = route.search;
  const caseHref = (id: string) => `/arende/${id}${from}`;
  const first = data?.items[0];
  // The "Dagar" heading sorts by working days used; on a second press the other way.
  const params = queueSearch(from);
  const byDays = params.get('sort') === 'daysUsed';
  const descending = params.get('order') === 'desc';
  const daysParams = queueSearch(from);
  daysParams.set('sort', 'daysUsed');
  if (byDays && !descending) daysParams.set('order', 'desc');
  else daysParams.delete('order');
  daysParams.delete('page');
  const daysHref = `/queue?${daysParams.toString()}`;
  return (
    <>
      <h1 id="queue-title" tabIndex={-1}>
        Att pröva{data?.period ? ` – ${monthSv(data.period)}` : ''}
      </h1>
      {first ? (
        <p class="w-first">
          <Link href={caseHref(first.decisionId)} id="open-first" class="w-button">
            Börja med första ärendet ({first.caseId})
          </Link>
        </p>
      ) : null}
      <Filters data={data} search={from} />
      {q.status === 'error' ? (
        <p class="w-error" role="alert">
          {q.message}
        </p>
      ) : null}
      <section aria-labelledby="list-title" class="w-list" data-state={q.status}>
        <h2 id="list-title">{data ? `${data.total} ${data.total === 1 ? 'ärende' : 'ärenden'}` : 'Hämtar kön …'}</h2>
        {data && data.items.length > 0 ? (
          <ScrollTable label="Ärenden i kön">
            <table class="w-table" id="queue">
              <thead>
                <tr>
                  <th scope="col">Ärende</th>
                  <th scope="col">Sista dag</th>
                  <th scope="col">Inkom</th>
                  <th scope="col" class="w-num" aria-sort={byDays ? (descending ? 'descending' : 'ascending') : undefined}>
                    <Link href={daysHref} aria-label={`Dagar använda av fem, sortera ${byDays && !descending ? 'fallande' : 'stigande'}`}>
                      Dagar
                    </Link>
                  </th>
                  <th scope="col">Förslag</th>
                  <th scope="col" class="w-num">
                    Att betala
                  </th>
                  <th scope="col">Skäl att pröva och vad som saknas</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((i) => (
                  <tr key={i.decisionId} class={i.pastDue ? 'is-late' : ''}>
                    <th scope="row">
                      <Link href={caseHref(i.decisionId)}>
                        Öppna {i.caseId}
                      </Link>
                      {i.registered ? <span class="w-tag">Beslutat {i.registered.outcomeText.toLowerCase()}</span> : null}
                    </th>
                    <td>
                      {i.waitingSince ? `väntar på komplettering (skickad ${dateSv(i.waitingSince)})` : dateSv(i.dueOnNow)}
                      {i.pastDue ? <strong class="w-late"> passerad</strong> : null}
                      {i.appealedOn ? <span class="w-tag">Överklagat {dateSv(i.appealedOn)}</span> : null}
                    </td>
                    <td>{dateSv(i.receivedOn)}</td>
                    <td class="w-num" data-days={i.daysUsed ?? ''}>
                      {i.daysUsed === null ? '–' : `${i.daysUsed} av 5`}
                    </td>
                    <td>
                      {i.outcomeText}
                      <br />
                      <span class="w-muted">{i.toText}</span>
                    </td>
                    <td class="w-num">{krSv(i.payable)}</td>
                    <td>
                      {i.reasons.length > 0 ? (
                        <ul class="w-reasons">
                          {i.reasons.map((r) => (
                            <li key={r.code}>{r.text}</li>
                          ))}
                        </ul>
                      ) : (
                        'Inget att pröva'
                      )}
                      {i.missing.length > 0 ? (
                        <ul class="w-missing" aria-label="Uppgifter som saknas">
                          {i.missing.map((m, k) => (
                            <li key={k}>Saknas: {m.text}</li>
                          ))}
                        </ul>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        ) : data ? (
          <p>Inga ärenden med det här urvalet.</p>
        ) : null}
        {data && data.pages > 1 ? (
          <nav class="w-pages" aria-label="Sidor">
            {data.page > 1 ? <Link href={queueHref(from, 'page', String(data.page - 1))}>Föregående sida</Link> : null}
            <span>
              Sida {data.page} av {data.pages}
            </span>
            {data.page < data.pages ? <Link href={queueHref(from, 'page', String(data.page + 1))}>Nästa sida</Link> : null}
          </nav>
        ) : null}
      </section>
    </>
  );
}
