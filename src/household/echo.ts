/**
 * Values from the input that an error message repeats (issue 13, F3). An echoed value is quoted as a
 * JSON string, so a newline or a quote inside it cannot start a new line or fake another field's
 * error, and it is cut after ECHO_MAX characters with a marker, so a 10 MB value gives a short line.
 * One problem is one line, whatever the input holds.
 */

/** The most characters of a value an error message repeats. */
export const ECHO_MAX = 60;

/** A value for an error message: a JSON string, cut after `max` characters ("…", then the full length). */
export function quote(value: string, max: number = ECHO_MAX): string {
  if (value.length <= max) return JSON.stringify(value);
  // Do not cut a surrogate pair in half.
  const end = /[\uD800-\uDBFF]/.test(value[max - 1] ?? '') ? max - 1 : max;
  return `${JSON.stringify(value.slice(0, end))}… (cut, ${value.length} characters)`;
}

/**
 * A message that may hold a piece of the input (JSON.parse's "Unexpected token … in "…""), made one
 * line: control characters and line separators are escaped as in JSON, and it is cut after `max`.
 */
export function oneLine(text: string, max = 200): string {
  const escaped = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (ch) => JSON.stringify(ch).slice(1, -1));
  return escaped.length <= max ? escaped : `${escaped.slice(0, max)}… (cut)`;
}
