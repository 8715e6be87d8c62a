/**
 * The caseworker's workday pages (issue 22): the queue, the case view and the payments, as components
 * over one state store (state.ts), bundled with Preact by scripts/build.mjs into dist/web/workday.js.
 * The page (src/web/public/workday.html) has no inline script (CSP script-src 'self').
 */
import { render } from 'preact';
import { useEffect } from 'preact/hooks';
import { start } from './actions.ts';
import { Link } from './components.tsx';
import { update, useAppState } from './state.ts';
import { CaseView } from './views/CaseView.tsx';
import { PaymentsView } from './views/PaymentsView.tsx';
import { QueueView } from './views/QueueView.tsx';

function App() {
  const s = useAppState();
  // One focus request at a time, after the render that shows its element.
  useEffect(() => {
    if (s.focus === null) return;
    const el = document.getElementById(s.focus);
    if (el) {
      el.focus();
      update((x) => ({ ...x, focus: null }));
    }
  });
  const me = s.me.status === 'ok' ? s.me.data : null;
  const view = s.route.view;
  return (
    <>
      <a class="skip-link" href="#main">
        Hoppa till innehållet
      </a>
      <header class="w-header">
        <div class="w-header__inner">
          <p class="w-eyebrow">Socialtjänsten · Ekonomiskt bistånd</p>
          <p class="w-me">{me ? `Inloggad: ${me.user} (${me.roles.join(', ') || 'ingen roll'})` : s.me.status === 'error' ? 'Inte inloggad' : ''}</p>
        </div>
        <nav class="w-nav" aria-label="Arbetsdagen">
          <Link href="/queue" {...(view === 'queue' ? { 'aria-current': 'page' as const } : {})}>
            Kö
          </Link>
          <Link href="/utbetalningar" {...(view === 'payments' ? { 'aria-current': 'page' as const } : {})}>
            Utbetalningar
          </Link>
          {me?.may['statistics.read'] ? <a href="/statistik">Statistik</a> : null}
          <a href="/">Förhandsberäkning</a>
        </nav>
      </header>
      <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {s.notice}
      </p>
      <main id="main" tabIndex={-1}>
        {view === 'queue' ? <QueueView /> : view === 'case' ? <CaseView /> : <PaymentsView />}
      </main>
    </>
  );
}

render(<App />, document.getElementById('app')!);
start();
document.body.dataset['ready'] = 'true';
