/**
 * How a resident reaches the municipality's social services (issue 29): read from the rulebook by
 * src/rulebook/contact.ts, which the workday's letter reads too.
 */
export { isGeneric, municipalContact, weekdayRuns, type MunicipalContact, type OpeningHours, type Weekday } from '../../rulebook/contact.ts';
