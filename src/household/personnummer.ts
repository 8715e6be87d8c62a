/**
 * Swedish personnummer and samordningsnummer: validation and masking.
 *
 * Issue 4: a member's personnummer is optional input; when given it must be well formed
 * (YYYYMMDD-XXXX, YYMMDD-XXXX, or YYMMDD+XXXX for a person aged 100 or more), its date part must
 * be a real date (a samordningsnummer adds 60 to the day) and its last digit must be the Luhn check
 * digit over the 10-digit form YYMMDDNNNC (Skatteverket, SKV 704). The number is stored with the
 * decision record so a replay sees the same input, but it is never printed in full: every log line,
 * error message and rendering masks the four last digits ("19880402-****").
 *
 * Pure functions: the century of a YYMMDD number is read against a reference year given by the
 * caller (the household's period), never against the clock.
 */
import { isLeapYear } from '../period/index.ts';

const SHAPE = /^(?:([0-9]{2}))?([0-9]{2})([0-9]{2})([0-9]{2})([-+])([0-9]{4})$/;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export const PERSONNUMMER_FORMAT = 'YYYYMMDD-XXXX or YYMMDD-XXXX (YYMMDD+XXXX from 100 years of age)';

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

/**
 * Why the personnummer is not valid, or null when it is. The message never contains the full
 * number (it is printed on stderr by `calculate`): at most the date part and the masked form.
 */
export function personnummerProblem(text: string, referenceYear: number | null): string | null {
  const m = SHAPE.exec(text);
  if (!m) return `expected a personnummer ${PERSONNUMMER_FORMAT}, got a text of ${text.length} characters`;
  const [, century, yy, mm, dd, separator, serial] = m as unknown as [string, string | undefined, string, string, string, string, string];
  if (century !== undefined && separator === '+') return 'the + separator (100 years or older) is only used with the 10-digit form YYMMDD+XXXX';
  let year: number | null;
  if (century !== undefined) year = Number(century + yy);
  else if (referenceYear === null) year = null;
  else {
    // The latest year ending in YY that is not after the reference year; a "+" means 100 years earlier.
    year = referenceYear - ((((referenceYear - Number(yy)) % 100) + 100) % 100) - (separator === '+' ? 100 : 0);
  }
  const day = Number(dd);
  const calendarDay = day > 60 ? day - 60 : day; // samordningsnummer: day + 60
  if (!validDay(year, Number(mm), calendarDay)) {
    return `the date part of ${maskPersonnummer(text)} is not a valid date (a samordningsnummer adds 60 to the day)`;
  }
  const ten = `${yy}${mm}${dd}${serial}`;
  if (luhnCheckDigit(ten.slice(0, 9)) !== Number(ten[9])) return `the check digit does not match (Luhn over YYMMDDNNNC) in ${maskPersonnummer(text)}`;
  return null;
}

/** A personnummer shown without its four last digits: "19880402-1234" → "19880402-****". */
export function maskPersonnummer(text: string): string {
  return text.replace(/[0-9](?=[0-9]{0,3}$)/g, '*');
}

// Anything shaped like a personnummer, with separator, not part of a longer word or number. A JSON
// escape before it ("\n" in a letter's text printed as JSON) starts a new line, not a word.
const WITH_SEPARATOR = /(?:(?<![0-9A-Za-z])|(?<=\\[nrt]))((?:[0-9]{2})?[0-9]{6}[-+])[0-9]{4}(?![0-9A-Za-z])/g;
// Ten or twelve digits without separator: masked when they pass the checks (date and Luhn), so that
// other long numbers stay readable.
const WITHOUT_SEPARATOR = /(?:(?<![0-9A-Za-z])|(?<=\\[nrt]))((?:[0-9]{2})?[0-9]{6})([0-9]{4})(?![0-9A-Za-z])/g;

/**
 * Masks every personnummer-shaped number in a text that is about to be printed or logged (a member
 * id, a case id or a description can hold one too). Used on everything the CLI writes from records.
 */
export function maskPersonnummerIn(text: string): string {
  return text
    .replace(WITH_SEPARATOR, (_, head: string) => `${head}****`)
    .replace(WITHOUT_SEPARATOR, (whole: string, head: string, tail: string) => {
      const dashed = `${head}-${tail}`;
      return personnummerProblem(dashed, null) === null ? `${head}****` : whole;
    });
}
