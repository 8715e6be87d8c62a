/**
 * The nämnd's letterhead and contact as the letter prints them (docs/letters.md): from the contact
 * section of rules/municipal/<kommunkod>.json (src/rulebook/contact.ts), for the letter the workday
 * registers and stores. A household's own `letterhead` (the `letter` command's input) wins field by
 * field. Nothing is invented: a detail the file does not give is left out, and a letter that would lack
 * the nämnd's name, its postal address or every way to reach it is not made (`officeMissing`).
 */
import { weekdayRuns, type MunicipalContact, type OpeningHours } from '../../rulebook/contact.ts';

export interface BoardOffice {
  /** "Socialnämnden i Exempelstad". */
  readonly board: string | null;
  readonly postalAddress: readonly string[];
  readonly phone: string | null;
  readonly email: string | null;
  /** The municipality's e-service or web page (https://…). */
  readonly web: string | null;
  readonly openingHours: readonly OpeningHours[] | null;
}

export function boardOffice(c: MunicipalContact): BoardOffice {
  return { board: c.board, postalAddress: c.postalAddress ?? [], phone: c.phone, email: c.email, web: c.eService, openingHours: c.openingHours };
}

/** What the letter of a registered decision needs from the rules and the file does not give, in Swedish (empty: nothing missing). */
export function officeMissing(o: BoardOffice): string[] {
  const missing: string[] = [];
  if (o.board === null) missing.push('nämndens namn (contact.board)');
  if (o.postalAddress.length === 0) missing.push('nämndens postadress (contact.postalAddress)');
  if (o.phone === null && o.email === null) missing.push('ett telefonnummer eller en e-postadress (contact.phone, contact.email)');
  return missing;
}

/** Monday first, as weekdayRuns counts them. */
const WEEKDAY_SV: readonly string[] = ['måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag'];

/** Opening hours in Swedish: "måndag–fredag 08:00–16:00; lördag 10:00–12:00". */
export function hoursSv(rows: readonly OpeningHours[]): string {
  return rows
    .map((r) => {
      const days = weekdayRuns(r.days).map((run) => (run.length >= 3 ? `${WEEKDAY_SV[run[0]!]}–${WEEKDAY_SV[run[run.length - 1]!]}` : run.map((i) => WEEKDAY_SV[i]).join(', '))).join(', ');
      return `${days} ${r.opens}–${r.closes}`;
    })
    .join('; ');
}

/** The contact paragraph from the nämnd's details: the phone with its hours, the e-mail, the web page. Null when there is no way to reach it. */
export function officeContactText(o: BoardOffice): string | null {
  const ways = [o.phone ? `telefon ${o.phone}${o.openingHours ? ` (${hoursSv(o.openingHours)})` : ''}` : null, o.email ? `e-post ${o.email}` : null].filter((x): x is string => x !== null);
  if (ways.length === 0) return null;
  const last = ways.length > 1 ? `${ways.slice(0, -1).join(', ')} eller ${ways[ways.length - 1]}` : ways[0]!;
  return `Kontakta socialtjänsten på ${last}.${o.web ? ` Du kan också läsa mer på ${o.web}.` : ''}`;
}
