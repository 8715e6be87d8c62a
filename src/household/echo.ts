/**
 * Text from the input that a message repeats, made safe for one line (issue 13 F3, issue 27).
 *
 * JSON.stringify escapes the C0 control characters but leaves U+2028, U+2029, DEL, the C1 controls
 * (NEL, U+0085, is a line break to some terminals and editors) and the bidirectional format characters
 * raw, so one problem could span two lines or show text in another order than it is. Here every
 * control, format and line or paragraph separator character, and every lone surrogate half, is
 * written as a JSON escape (\n, \u2028, …): one problem is always one line, whatever the input holds.
 */
import { ECHO_MAX } from './problems.ts';

export { ECHO_MAX };

// Cc (C0, DEL, C1), Cf (format: soft hyphen, bidi controls, zero-width characters, BOM …), Zl, Zp and
// lone surrogate halves (with the u flag a surrogate range matches only a half without its pair).
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\uD800-\uDFFF]/gu;
const SHORT: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

function escapeOne(ch: string): string {
  const short = SHORT[ch];
  if (short !== undefined) return short;
  let out = '';
  for (let i = 0; i < ch.length; i++) out += `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}

/** The text with every character that could break or reorder a line written as its JSON escape. */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, escapeOne);
}

/** A value as a JSON string literal with every unsafe character escaped (quotes and backslashes too). */
export function quoteText(text: string): string {
  return `"${escapeControls(text.replace(/["\\]/g, '\\$&'))}"`;
}

/** A value for a message: quoted (quoteText) and cut after `max` characters ("…", then the full length). */
export function quote(value: string, max: number = ECHO_MAX): string {
  if (value.length <= max) return quoteText(value);
  // Do not cut a surrogate pair in half.
  const end = /[\uD800-\uDBFF]/.test(value[max - 1] ?? '') ? max - 1 : max;
  return `${quoteText(value.slice(0, end))}… (cut, ${value.length} characters)`;
}

/**
 * A whole line that may hold a piece of the input (a file name, a message), made one line: every
 * unsafe character escaped (escapeControls), and cut after `max` characters.
 */
export function oneLine(text: string, max = 200): string {
  const escaped = escapeControls(text);
  return escaped.length <= max ? escaped : `${escaped.slice(0, max)}… (cut)`;
}
