/** Types of format.js (the page's money formatting) for the tests that compare it with src/explain/format.ts. */
export function krSv(amount: string | null | undefined): string;
export function toOre(amount: string | null | undefined): bigint | null;
export function fromOre(ore: bigint): string;
export function subtractKr(a: string | null | undefined, b: string | null | undefined): string | null;
export function amountFromInput(text: string): string | undefined;
export function amountToInput(amount: string | null | undefined): string;
export function monthSv(period: string): string;
