/** dueOn: five working days counting the day of arrival; weekends, public holidays and midsommar-, jul- and nyårsafton are not working days. */
import { describe, expect, it } from 'vitest';
import { dueOn, isPastDue, isWorkingDay, nonWorkingReason, parseIsoDay, skippedDays } from '../../src/monthly/workdays.ts';

describe('dueOn counts five working days including the day of arrival', () => {
  it('a plain week: Monday → Friday of the same week', () => {
    expect(dueOn('2026-03-02')).toBe('2026-03-06');
  });
  it('arrival on a weekend starts counting on Monday', () => {
    expect(dueOn('2026-02-28')).toBe('2026-03-06');
    expect(dueOn('2026-03-01')).toBe('2026-03-06');
  });
  it('påsk: långfredagen and annandag påsk move dueOn (skärtorsdagen is a working day)', () => {
    // Mon 30 March 2026: 30, 31, 1, 2 April, then 3–6 April closed, so the fifth day is Tue 7 April.
    expect(dueOn('2026-03-30')).toBe('2026-04-07');
    expect(isWorkingDay('2026-04-02')).toBe(true);
    expect(nonWorkingReason('2026-04-03')).toBe('långfredagen');
    expect(nonWorkingReason('2026-04-06')).toBe('annandag påsk');
    expect(skippedDays('2026-03-30', '2026-04-07')).toEqual(['2026-04-03 långfredagen', '2026-04-04 lördag', '2026-04-05 söndag', '2026-04-06 annandag påsk']);
  });
  it('midsommarafton is not a working day', () => {
    expect(nonWorkingReason('2026-06-19')).toBe('midsommarafton');
    // Wed 17 June: 17, 18, (19 midsommarafton, 20–21 weekend), 22, 23, 24.
    expect(dueOn('2026-06-17')).toBe('2026-06-24');
  });
  it('julafton, juldagen, annandag jul and nyårsafton are not working days', () => {
    expect(nonWorkingReason('2026-12-24')).toBe('julafton');
    expect(nonWorkingReason('2026-12-31')).toBe('nyårsafton');
    // Mon 21 Dec: 21, 22, 23, (24–27), 28, 29.
    expect(dueOn('2026-12-21')).toBe('2026-12-29');
    // Mon 28 Dec: 28, 29, 30, (31 nyårsafton, 1 nyårsdagen, 2–3 weekend), 4, (6 trettondedag jul is a Wednesday) 5.
    expect(dueOn('2026-12-28')).toBe('2027-01-05');
  });
  it('half days (valborgsmässoafton) are working days; Kristi himmelsfärd and nationaldagen are not', () => {
    expect(isWorkingDay('2026-04-30')).toBe(true);
    expect(isWorkingDay('2026-05-14')).toBe(false);
    expect(nonWorkingReason('2027-06-06')).toBe('söndag');
    expect(nonWorkingReason('2025-06-06')).toBe('nationaldagen');
  });
});

describe('past dueOn and dates', () => {
  it('a case is past dueOn from the day after', () => {
    expect(isPastDue('2026-04-07', '2026-04-07')).toBe(false);
    expect(isPastDue('2026-04-07', '2026-04-08')).toBe(true);
    expect(isPastDue(null, '2026-04-08')).toBe(false);
    expect(isPastDue('2026-04-07', null)).toBe(false);
  });
  it('only real dates are accepted as receivedOn', () => {
    expect(parseIsoDay('2026-02-29')).toBeNull();
    expect(parseIsoDay('2028-02-29')).toBe('2028-02-29');
    expect(parseIsoDay('2026-3-1')).toBeNull();
    expect(parseIsoDay(20260301)).toBeNull();
  });
});
