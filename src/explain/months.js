/**
 * Month names in Swedish, one list for the command line's texts (src/explain/format.ts) and the page
 * (src/web/public/format.js, which the browser loads from /explain/months.js): a month reads the same
 * in a decision text and on the page. Plain JavaScript, because the browser runs it as it is.
 */

export const MONTHS_SV = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

/** "2023-03" → "mars 2023". */
export function monthSv(period) {
  const [y, m] = String(period).split('-');
  return `${MONTHS_SV[Number(m) - 1] ?? m} ${y}`;
}
