/** Types of months.js (the Swedish month names shared by the views and the page). */
export const MONTHS_SV: readonly string[];
export function monthSv(period: string): string;
