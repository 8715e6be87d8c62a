/**
 * The payments (issue 22): every payment order of the registered decisions with its status, the
 * control total, stopping an order before export (in the case view too), and the export of the orders
 * due up to a day as a pain.001 file for the finance system (docs/payments.md).
 */
import { useState } from 'preact/hooks';
import { exportPayments, navigate } from '../actions.ts';
import { dateSv, krSv } from '../components.tsx';
import { useAppState } from '../state.ts';
import { Orders } from './CaseView.tsx';

const STATUSES: readonly (readonly [string, string])[] = [
  ['', 'Alla'],
  ['pending', 'Väntar på export'],
  ['stopped', 'Stoppade'],
  ['exported', 'Exporterade'],
  ['superseded', 'Ersatta av ändrat beslut'],
];

export function PaymentsView() {
  const s = useAppState();
  const [upTo, setUpTo] = useState('');
  const route = s.route;
  if (route.view !== 'payments') return null;
  const p = s.payments;
  const data = p.status === 'ok' || p.status === 'loading' || p.status === 'error' ? p.data : undefined;
  const status = new URLSearchParams(route.search).get('status') ?? '';
  const me = s.me.status === 'ok' ? s.me.data : null;
  return (
    <>
      <h1 id="payments-title" tabIndex={-1}>
        Utbetalningar
      </h1>
      <div class="w-field w-inline">
        <label for="p-status">Visa</label>
        <select id="p-status" value={status} onChange={(e) => navigate(`/utbetalningar${(e.currentTarget as HTMLSelectElement).value ? `?status=${(e.currentTarget as HTMLSelectElement).value}` : ''}`, true)}>
          {STATUSES.map(([v, t]) => (
            <option key={v} value={v}>
              {t}
            </option>
          ))}
        </select>
      </div>
      {p.status === 'error' ? (
        <p class="w-error" role="alert">
          {p.message}
        </p>
      ) : null}
      {data ? (
        <>
          <p>
            {data.orders.length} utbetalningar, sammanlagt {krSv(data.controlTotal)}.
          </p>
          <Orders orders={data.orders} mayStop={me?.may['payment.stop'] === true} caption="Utbetalningsunderlag" />
        </>
      ) : (
        <p>Hämtar utbetalningarna …</p>
      )}
      {me?.may['payment.export'] ? (
        <section aria-labelledby="export-title" class="w-panel">
          <h2 id="export-title">Exportera till ekonomisystemet</h2>
          <p>Alla utbetalningar som väntar på export, med betalningsdag till och med dagen nedan, skrivs till en betalfil (ISO 20022 pain.001) med kontrollsumma.</p>
          <div class="w-field w-inline">
            <label for="export-upto">Betalningsdag till och med (ÅÅÅÅ-MM-DD)</label>
            <input id="export-upto" inputmode="numeric" value={upTo} onInput={(e) => setUpTo((e.currentTarget as HTMLInputElement).value)} />
            <button type="button" id="export" disabled={s.busy || !/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(upTo.trim())} onClick={() => void exportPayments(upTo.trim())}>
              Exportera
            </button>
          </div>
        </section>
      ) : null}
      {data && data.exports.length > 0 ? (
        <section aria-labelledby="exports-title" class="w-panel">
          <h2 id="exports-title">Gjorda exporter</h2>
          <ul>
            {data.exports.map((x) => (
              <li key={x.exportId}>
                <a href={`/api/payments/exports/${x.exportId}`} download={x.fileName}>
                  {x.fileName}
                </a>{' '}
                – {x.count} utbetalningar, kontrollsumma {krSv(x.controlTotal)}, {dateSv(x.at.slice(0, 10))} av {x.who}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
