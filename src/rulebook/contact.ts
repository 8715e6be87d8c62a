/**
 * How a resident reaches the municipality's social services: the `contact` section of
 * rules/municipal/<kommunkod>.json, else of rules/municipal/default.json, which names no municipality
 * (every value null). The resident page (issue 29) shows it; the letter the workday registers takes
 * the nämnd's name, postal address and contact from it (docs/letters.md).
 *
 * Read straight from the rulebook and never put into a rule set: contact details change no decision,
 * so editing them changes no rule set version.
 */
import type { Rulebook } from './load.ts';
import type { WEEKDAYS } from './schema.ts';

export type Weekday = (typeof WEEKDAYS)[number];

export interface OpeningHours {
  readonly days: readonly Weekday[];
  /** "08:00". */
  readonly opens: string;
  readonly closes: string;
}

export interface MunicipalContact {
  /** The kommunkod whose file the details come from; null = the default file's (no municipality named). */
  readonly municipality: string | null;
  readonly name: string | null;
  readonly phone: string | null;
  readonly address: string | null;
  readonly openingHours: readonly OpeningHours[] | null;
  readonly eService: string | null;
  readonly emergencyPhone: string | null;
  readonly pageAddress: string | null;
  /** The nämnd as it signs its letters ("Socialnämnden i Exempelstad"). */
  readonly board: string | null;
  /** The nämnd's postal address, one line each. */
  readonly postalAddress: readonly string[] | null;
  readonly email: string | null;
}

export function municipalContact(book: Rulebook, municipality: string | null): MunicipalContact {
  const own = municipality !== null ? book.municipal.get(municipality) : undefined;
  const file = own?.data.contact ? own : book.municipal.get('default')!;
  const c = file.data.contact!; // the default file's contact is required (rulebook load check)
  return {
    municipality: file === own ? municipality : null,
    name: c.name.value,
    phone: c.phone.value,
    address: c.address.value,
    openingHours: c.openingHours.value,
    eService: c.eService.value,
    emergencyPhone: c.emergencyPhone.value,
    pageAddress: c.pageAddress?.value ?? null,
    board: c.board?.value ?? null,
    postalAddress: c.postalAddress?.value ?? null,
    email: c.email?.value ?? null,
  };
}

/** The days of an opening-hours row as runs of consecutive weekdays, each day as its index (0 = Monday): [[0, 1, 2, 3, 4], [6]]. */
export function weekdayRuns(days: readonly Weekday[]): number[][] {
  const order: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  const idx = [...new Set(days.map((d) => order.indexOf(d)))].sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const i of idx) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === i - 1) last.push(i);
    else runs.push([i]);
  }
  return runs;
}

/** True when the file names nothing a resident could use: the page gives the general advice only. */
export function isGeneric(c: MunicipalContact): boolean {
  return c.name === null && c.phone === null && c.address === null && c.openingHours === null && c.eService === null && c.emergencyPhone === null;
}
