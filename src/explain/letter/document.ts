/**
 * A letter as data: the document the applicant receives, built by build.ts from the decision, the
 * household, the rules and the caseworker's answers, and rendered here as plain text (the decision's
 * `decisionText`) or as HTML for an A4 page (the PDF the `letter` command and the page make). The page
 * receives the same document as JSON and builds its own elements from it (text, never HTML).
 */
import { letterFontFaces } from './fonts.ts';

export type LetterKind = 'proposal' | 'decision' | 'request' | 'none';

/** A fact of the input a paragraph names, as printed ("9 800 kr") and where it came from ("costs[0].amount"). */
export interface LetterFact {
  readonly text: string;
  readonly from: string;
}

export type LetterBlock =
  | {
      readonly kind: 'p';
      readonly text: string;
      /** The reason or cut the paragraph explains (reasons[].code), for tests and the page. */
      readonly code?: string;
      /** True for a paragraph that explains a refusal or a cut. */
      readonly refusal?: boolean;
      /** The facts of the input it names. */
      readonly facts?: readonly LetterFact[];
    }
  | {
      readonly kind: 'list';
      readonly items: readonly string[];
      /** As for a paragraph: the reason the list belongs to, and the facts of the input it names. */
      readonly code?: string;
      readonly refusal?: boolean;
      readonly facts?: readonly LetterFact[];
    }
  | { readonly kind: 'table'; readonly rows: readonly { readonly label: string; readonly amount: string; readonly total?: boolean }[] };

export interface LetterSection {
  /** decision, calculation, reasons, lagrum, children, child (one per child, memberId set), appeal, contact, request, closing */
  readonly id: string;
  readonly heading: string;
  /** A child's section: whose. */
  readonly memberId?: string;
  /** 2: a section; 3: a child's part of the child section. */
  readonly level: 2 | 3;
  readonly blocks: readonly LetterBlock[];
}

export interface LetterDocument {
  readonly kind: LetterKind;
  /** "Förslag till beslut", "Beslut", "Begäran om komplettering"; empty when kind is none. */
  readonly title: string;
  /** "Ekonomiskt bistånd (försörjningsstöd) för mars 2026". */
  readonly subtitle: string;
  /** The nämnd's name, when given. */
  readonly sender: readonly string[];
  /** The applicant: name, personnummer, address lines, each only when given. */
  readonly recipient: readonly string[];
  /** Labelled lines under the heading (Datum, Ärende, Ansökan kom in), each only when known. */
  readonly meta: readonly { readonly label: string; readonly value: string }[];
  readonly sections: readonly LetterSection[];
  /** The signature lines (who decided, when, under which delegation), only what is known. */
  readonly signature: readonly string[];
  /** Why nothing can be sent (kind none), or why the letter cannot be sent yet; for the caseworker, never in the letter. */
  readonly blockers: readonly string[];
}

/** The prose of the letter a person reads as running text: paragraphs and list items (not the headings, the table or the address). */
export function bodyText(doc: LetterDocument): string[] {
  const out: string[] = [];
  for (const s of doc.sections) {
    for (const b of s.blocks) {
      if (b.kind === 'p') out.push(b.text);
      else if (b.kind === 'list') out.push(...b.items);
    }
  }
  return out;
}

const AMOUNT_COLUMN = 44;

/** The letter as plain text (the decision's decisionText): headings, paragraphs, lists, the calculation as two columns. Empty for kind none. */
export function letterText(doc: LetterDocument): string {
  if (doc.kind === 'none') return '';
  const lines: string[] = [doc.title.toUpperCase(), doc.subtitle];
  if (doc.sender.length > 0) lines.push('', ...doc.sender);
  if (doc.recipient.length > 0) lines.push('', ...doc.recipient);
  if (doc.meta.length > 0) lines.push('', ...doc.meta.map((m) => `${m.label}: ${m.value}`));
  lines.push('', sectionsText(doc));
  if (doc.signature.length > 0) lines.push('', ...doc.signature);
  return lines.join('\n');
}

/** The letter's sections as plain text, without its head and signature (the preview page's letter box, which adds its own). */
export function sectionsText(doc: LetterDocument): string {
  const lines: string[] = [];
  for (const s of doc.sections) {
    if (lines.length > 0) lines.push('');
    lines.push(s.heading);
    for (const b of s.blocks) {
      if (b.kind === 'p') lines.push(b.text);
      else if (b.kind === 'list') lines.push(...b.items.map((i) => `- ${i}`));
      else for (const r of b.rows) lines.push(`  ${r.label.padEnd(AMOUNT_COLUMN - 2, ' ')}${r.amount.padStart(14, ' ')}`);
    }
  }
  return lines.join('\n');
}

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The letter as a complete HTML page for an A4 sheet: proportional type (Noto Sans, inlined from the
 * pinned npm package, fonts.ts: the PDF never depends on the machine's fonts), 11 pt on 2.5 cm margins, the sender and the
 * recipient's address block at the top, the calculation as a table, page numbers in the footer. No
 * script, no external resource.
 */
export function letterHtml(doc: LetterDocument): string {
  const e = escapeHtml;
  const parts: string[] = [];
  parts.push('<!doctype html>', '<html lang="sv">', '<head>', '<meta charset="utf-8">', `<title>${e(doc.title)} – ${e(doc.subtitle)}</title>`, `<style>${letterFontFaces()}${LETTER_CSS}</style>`, '</head>', '<body>', '<main>');
  parts.push('<header class="head">');
  parts.push(`<div class="sender">${doc.sender.map((l) => `<p>${e(l)}</p>`).join('')}</div>`);
  parts.push(`<div class="recipient">${doc.recipient.map((l) => `<p>${e(l)}</p>`).join('')}</div>`);
  parts.push('</header>');
  if (doc.meta.length > 0) parts.push(`<dl class="meta">${doc.meta.map((m) => `<div><dt>${e(m.label)}</dt><dd>${e(m.value)}</dd></div>`).join('')}</dl>`);
  parts.push(`<h1>${e(doc.title)}</h1>`, `<p class="subtitle">${e(doc.subtitle)}</p>`);
  for (const s of doc.sections) {
    const tag = s.level === 2 ? 'h2' : 'h3';
    parts.push(`<section class="s-${e(s.id)}">`, `<${tag}>${e(s.heading)}</${tag}>`);
    for (const b of s.blocks) {
      if (b.kind === 'p') parts.push(`<p>${e(b.text)}</p>`);
      else if (b.kind === 'list') parts.push(`<ul>${b.items.map((i) => `<li>${e(i)}</li>`).join('')}</ul>`);
      else {
        parts.push('<table class="calc"><tbody>');
        for (const r of b.rows) parts.push(`<tr${r.total ? ' class="total"' : ''}><th scope="row">${e(r.label)}</th><td>${e(r.amount)}</td></tr>`);
        parts.push('</tbody></table>');
      }
    }
    parts.push('</section>');
  }
  if (doc.signature.length > 0) parts.push(`<footer class="signature">${doc.signature.map((l) => `<p>${e(l)}</p>`).join('')}</footer>`);
  parts.push('</main>', '</body>', '</html>');
  return `${parts.join('\n')}\n`;
}

const LETTER_CSS = `
@page { size: A4; margin: 22mm 22mm 20mm 25mm; }
html { font-family: "Noto Sans", sans-serif; font-size: 11pt; line-height: 1.45; color: #111; }
body { margin: 0; }
.head { display: flex; justify-content: space-between; gap: 12mm; min-height: 38mm; }
.sender p { margin: 0; font-weight: 700; }
.recipient { width: 80mm; }
.recipient p { margin: 0; }
.meta { display: flex; flex-wrap: wrap; gap: 2mm 8mm; margin: 4mm 0 6mm; font-size: 10pt; }
.meta div { display: flex; gap: 2mm; }
.meta dt { font-weight: 700; }
.meta dd { margin: 0; }
h1 { font-size: 16pt; margin: 0; line-height: 1.2; }
.subtitle { margin: 1mm 0 5mm; font-size: 12pt; }
h2 { font-size: 12pt; margin: 6mm 0 1.5mm; break-after: avoid; }
h3 { font-size: 11pt; margin: 4mm 0 1mm; break-after: avoid; }
p { margin: 0 0 2.5mm; orphans: 3; widows: 3; }
ul { margin: 0 0 2.5mm; padding-left: 6mm; }
table.calc { border-collapse: collapse; margin: 1mm 0 3mm; min-width: 110mm; }
table.calc th { text-align: left; font-weight: 400; padding: 0.6mm 8mm 0.6mm 0; }
table.calc td { text-align: right; padding: 0.6mm 0; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.calc tr.total th, table.calc tr.total td { font-weight: 700; border-top: 0.4pt solid #111; }
section { break-inside: auto; }
.signature { margin-top: 8mm; break-inside: avoid; }
.signature p { margin: 0; }
`;
