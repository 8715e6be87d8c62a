/**
 * Swedish personnummer and samordningsnummer: validation and masking.
 *
 * Issue 4: a member's personnummer is optional input; when given it must be well formed
 * (YYYYMMDD-XXXX, YYMMDD-XXXX, or YYMMDD+XXXX for a person aged 100 or more; without separator too:
 * YYYYMMDDXXXX, YYMMDDXXXX), its date part must
 * be a real date (a samordningsnummer adds 60 to the day) and its last digit must be the Luhn check
 * digit over the 10-digit form YYMMDDNNNC (Skatteverket, SKV 704). The number is stored with the
 * decision record so a replay sees the same input, but it is never printed in full: the decision has
 * no field for it, and an input problem about it shows the masked form ("19880402-****").
 *
 * Pure functions: the century of a YYMMDD number is read against a reference year given by the
 * caller (the household's period), never against the clock.
 */
import { isLeapYear } from '../period/index.ts';
import { NO_ARGS, type ProblemArgTypes } from './problems.ts';

// YYYYMMDD-NNNN, YYMMDD-NNNN, YYMMDD+NNNN, or the same digits without separator (as docs/household.md says; systems often store 12 digits).
const SHAPE = /^(?:([0-9]{2}))?([0-9]{2})([0-9]{2})([0-9]{2})([-+]?)([0-9]{4})$/;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The Luhn check digit over nine digits (weights 2,1,2,1,…; digit sums of the products). */
export function luhnCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < nineDigits.length; i++) {
    const product = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10;
}

function validDay(year: number | null, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // A YYMMDD number whose century is not known: 29 February is possible whenever YY is divisible by 4.
  const leap = year === null ? true : isLeapYear(year);
  return day <= (month === 2 && leap ? 29 : DAYS[month - 1]!);
}

/** Why a personnummer is not valid, as a problem (household/problems.ts): its key and arguments, never the full number. */
export type PersonnummerProblem =
  | { readonly key: 'INVALID_PERSONNUMMER'; readonly args: ProblemArgTypes['INVALID_PERSONNUMMER'] }
  | { readonly key: 'INVALID_PERSONNUMMER.plus'; readonly args: ProblemArgTypes['INVALID_PERSONNUMMER.plus'] }
  | { readonly key: 'INVALID_PERSONNUMMER.date'; readonly args: ProblemArgTypes['INVALID_PERSONNUMMER.date'] }
  | { readonly key: 'INVALID_PERSONNUMMER.checkDigit'; readonly args: ProblemArgTypes['INVALID_PERSONNUMMER.checkDigit'] };

/**
 * Why the personnummer is not valid, or null when it is. The problem never holds the full number (it
 * is printed on stderr by `calculate`): at most the masked form, date part and separator.
 */
export function personnummerProblem(text: string, referenceYear: number | null): PersonnummerProblem | null {
  const m = SHAPE.exec(text);
  if (!m) return { key: 'INVALID_PERSONNUMMER', args: { length: text.length } };
  const [, century, yy, mm, dd, separator, serial] = m as unknown as [string, string | undefined, string, string, string, string, string];
  if (century !== undefined && separator === '+') return { key: 'INVALID_PERSONNUMMER.plus', args: NO_ARGS };
  let year: number | null;
  if (century !== undefined) year = Number(century + yy);
  else if (referenceYear === null) year = null;
  else {
    // The latest year ending in YY that is not after the reference year; a "+" means 100 years earlier.
    year = referenceYear - ((((referenceYear - Number(yy)) % 100) + 100) % 100) - (separator === '+' ? 100 : 0);
  }
  const day = Number(dd);
  const calendarDay = day > 60 ? day - 60 : day; // samordningsnummer: day + 60
  if (!validDay(year, Number(mm), calendarDay)) return { key: 'INVALID_PERSONNUMMER.date', args: { masked: maskPersonnummer(text) } };
  const ten = `${yy}${mm}${dd}${serial}`;
  if (luhnCheckDigit(ten.slice(0, 9)) !== Number(ten[9])) return { key: 'INVALID_PERSONNUMMER.checkDigit', args: { masked: maskPersonnummer(text) } };
  return null;
}

/**
 * The 12-digit form YYYYMMDDNNNN of a valid personnummer (the form the official statistics take, issue
 * 25), the century of a YYMMDD number read against the reference year as personnummerProblem does;
 * null when the number is not valid.
 */
export function personnummer12(text: string, referenceYear: number): string | null {
  if (personnummerProblem(text, referenceYear) !== null) return null;
  const [, century, yy, mm, dd, separator, serial] = SHAPE.exec(text) as unknown as [string, string | undefined, string, string, string, string, string];
  const year = century !== undefined ? Number(century + yy) : referenceYear - ((((referenceYear - Number(yy)) % 100) + 100) % 100) - (separator === '+' ? 100 : 0);
  return `${year}${mm}${dd}${serial}`;
}

/**
 * A personnummer shown without its four last digits: "19880402-1234" → "19880402-****". Masking works
 * on the field that holds a personnummer (members[].personnummer), never on printed text (issue 27):
 * the decision does not carry that field at all, and a problem with it holds only this masked form.
 */
export function maskPersonnummer(text: string): string {
  return text.replace(/[0-9](?=[0-9]{0,3}$)/g, '*');
}
