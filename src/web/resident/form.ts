/**
 * The self-check form as typed (issue 12, 29) → the self-check JSON that estimate.ts validates.
 *
 * Amounts are read the way people write them: "6000", "6 000" and "6,000" are the same amount (the
 * comma groups thousands, as the English, Arabic, Somali and Tigrinya pages have shown amounts);
 * Arabic-Indic and Persian digits count as digits; "kr" or "SEK" may follow. A comma that does not
 * group thousands ("6,50", "7900,50") could be a decimal comma or a mistyped thousands separator, so
 * the form refuses it and names the forms it accepts rather than guess. A point before one or two
 * digits ("7900.50") is a decimal point, as in the JSON API.
 */
import type { InputIssue } from '../../household/types.ts';
import { MAX_CHILDREN, SELF_CHECK_COSTS, SELF_CHECK_INCOMES, YOUTH_MIN_AGE } from './estimate.ts';

/** The form as typed, by field name (adult1, adult2, child1…, lunch1…, school1…, cost.rent, income.salary, …). */
export type FormValues = Readonly<Record<string, string>>;

/** Arabic-Indic and Persian digits as typed on a phone → ASCII; the Arabic separators → "," and "."; spaces removed. */
function asciiDigits(text: string): string {
  return text
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u066c\u060c]/g, ',') // Arabic thousands separator, Arabic comma
    .replace(/\u066b/g, '.') // Arabic decimal separator: unambiguous
    .replace(/[\s\u00a0\u202f\u2009]/g, '');
}

/** An age as typed → digits (or the text as typed, which estimate.ts then refuses naming the field). */
export function normaliseAge(text: string): string {
  return asciiDigits(text);
}

export type AmountReading = { readonly ok: true; readonly kronor: string } | { readonly ok: false; readonly code: 'AMOUNT_AMBIGUOUS' | 'AMOUNT_INVALID' };

/** An amount as typed → a kronor decimal string ("6000", "7900.50"), or why it cannot be read. */
export function readAmount(typed: string): AmountReading {
  const text = asciiDigits(typed).replace(/^sek/i, '').replace(/(kr|kronor|sek)\.?$/i, '');
  if (/^[0-9]{1,3}(,[0-9]{3})+(\.[0-9]{1,2})?$/.test(text)) return { ok: true, kronor: text.replace(/,/g, '') };
  // "6,50", "7900,50", "6.000": a decimal comma, or a thousands separator typed wrong? Not guessed.
  if (text.includes(',') || /^[0-9]+\.[0-9]{3}$/.test(text) || /\..*\./.test(text)) return { ok: false, code: 'AMOUNT_AMBIGUOUS' };
  if (/^[0-9]+(\.[0-9]{1,2})?$/.test(text)) return { ok: true, kronor: text };
  return { ok: false, code: 'AMOUNT_INVALID' };
}

/**
 * The typed form as the self-check JSON, the amounts the form itself refuses (ambiguous or not an
 * amount, by field), and which form field each JSON path came from.
 */
export function formToSelfCheck(form: FormValues, period: string): { raw: Record<string, unknown>; formIssues: InputIssue[]; fieldOf: (path: string) => string } {
  const age = (text: string): unknown => (/^[0-9]{1,3}$/.test(text) ? Number(text) : text);
  const adults: unknown[] = [];
  const adult1 = normaliseAge(form['adult1'] ?? '');
  const adult2 = normaliseAge(form['adult2'] ?? '');
  if (adult1 !== '') adults.push(age(adult1));
  if (adult2 !== '') adults.push(age(adult2));
  const adultFields = [adult1 !== '' ? 'adult1' : 'adult2', 'adult2'];
  const children: unknown[] = [];
  const childFields: string[] = [];
  for (let k = 1; k <= MAX_CHILDREN; k++) {
    const text = normaliseAge(form[`child${k}`] ?? '');
    if (text === '') continue;
    const child: Record<string, unknown> = { age: age(text), lunchAtPreschool: form[`lunch${k}`] === '1' };
    // The box is the answer for a youth: ticked = in school, not ticked = not in school.
    if (typeof child['age'] === 'number' && child['age'] >= YOUTH_MIN_AGE) child['inSchool'] = form[`school${k}`] === '1';
    children.push(child);
    childFields.push(`child${k}`);
  }
  const formIssues: InputIssue[] = [];
  const amounts = (prefix: string, types: readonly string[]) => {
    const out: Record<string, string> = {};
    for (const type of types) {
      const name = `${prefix}.${type}`;
      const typed = (form[name] ?? '').trim();
      if (typed === '') continue;
      const read = readAmount(typed);
      if (read.ok) out[type] = read.kronor;
      else formIssues.push({ path: name, code: read.code, message: read.code === 'AMOUNT_AMBIGUOUS' ? `"${typed}": write whole kronor, e.g. 6000, 6 000 or 6,000` : `"${typed}" is not an amount in kronor` });
    }
    return out;
  };
  const raw = { period, adults, children, costs: amounts('cost', SELF_CHECK_COSTS), incomes: amounts('income', SELF_CHECK_INCOMES) };
  const fieldOf = (path: string): string => {
    let m = /^adults\[(\d+)\]$/.exec(path);
    if (m) return adultFields[Number(m[1])] ?? 'adult1';
    if (path === 'adults') return 'adult1';
    m = /^children\[(\d+)\]/.exec(path);
    if (m) return childFields[Number(m[1])] ?? 'child1';
    m = /^(costs|incomes)\.(.+)$/.exec(path);
    if (m) return `${m[1] === 'costs' ? 'cost' : 'income'}.${m[2]}`;
    return path;
  };
  return { raw, formIssues, fieldOf };
}

/** The urlencoded body as form values: at most 64 fields of at most 100 characters. */
export function formValues(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(text)) if (value.length <= 100 && Object.keys(out).length < 64) out[key] = value;
  return out;
}
