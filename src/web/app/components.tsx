/** Small parts the workday's views share. */
import type { ComponentChildren } from 'preact';
import { krSv, monthSv } from '../public/format.js';
import { navigate } from './actions.ts';
import type { Problem } from './types.ts';

export { krSv, monthSv };

/** A link inside the workday: followed without reloading the page (a click or Enter). */
export function Link(props: { href: string; id?: string; class?: string; children: ComponentChildren; 'aria-label'?: string; 'aria-current'?: 'page' }) {
  const { href, children, ...rest } = props;
  return (
    <a
      {...rest}
      href={href}
      onClick={(e) => {
        if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        navigate(href);
      }}
    >
      {children}
    </a>
  );
}

/** "2026-03-05" → "5 mars 2026"; null → the fallback. */
export function dateSv(date: string | null, fallback = 'okänd'): string {
  if (date === null) return fallback;
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(date);
  if (!m) return date;
  return `${Number(m[3])} ${monthSv(`${m[1]}-${m[2]}`).split(' ')[0]} ${m[1]}`;
}

/** A list of problems the server named, in a region focus can move to. */
export function ProblemList(props: { id: string; problems: readonly Problem[]; title: string }) {
  if (props.problems.length === 0) return null;
  return (
    <div class="w-problems" id={props.id} tabIndex={-1}>
      <h3>{props.title}</h3>
      <ul>
        {props.problems.map((p) => (
          <li key={`${p.path}-${p.code}`}>{p.message}</li>
        ))}
      </ul>
    </div>
  );
}

/** A wide table in its own scroll box, so the page never scrolls sideways (reflow at 320 px). */
export function ScrollTable(props: { label: string; children: ComponentChildren }) {
  return (
    <div class="w-scroll" role="region" aria-label={props.label} tabIndex={0}>
      {props.children}
    </div>
  );
}
