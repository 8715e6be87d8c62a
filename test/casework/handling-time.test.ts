/**
 * Handläggningstid (issue 30): working days from the arrival day to the decision, counting the arrival
 * day and the same non-working days as dueOn, across påsk and jul, with the clock stopped while a
 * completion is awaited; and the monthly report's figures, each counted by hand below.
 */
import { describe, expect, it } from 'vitest';
import { handlingReport, median, percentile90, reportCsv, share } from '../../src/casework/handlingTime.ts';
import { dueOn, workingDaysUsed } from '../../src/monthly/workdays.ts';
import type { MonthStanding } from '../../src/store/casestatus.ts';

describe('working days used', () => {
  it('påsk 2026: arrival on skärtorsdag 2 April, decided Wednesday 8 April is 3 working days (långfredagen, the weekend and annandag påsk skipped)', () => {
    expect(workingDaysUsed('2026-04-02', '2026-04-08')).toBe(3);
    expect(dueOn('2026-04-02')).toBe('2026-04-10');
    // The due day is the fifth working day: deciding on it meets the target, the next day does not.
    expect(workingDaysUsed('2026-04-02', '2026-04-10')).toBe(5);
    expect(workingDaysUsed('2026-04-02', '2026-04-13')).toBe(6);
  });

  it('jul 2026 with a completion pause: 23 Dec to 7 Jan is 7 working days, 5 with the clock stopped from 28 Dec to 4 Jan', () => {
    // 23 (1), julafton, juldagen, weekend, 28 (2), 29 (3), 30 (4), nyårsafton, nyårsdagen, weekend, 4 Jan (5), 5 Jan (6), trettondedag jul, 7 Jan (7).
    expect(workingDaysUsed('2026-12-23', '2027-01-07')).toBe(7);
    // Asked on 28 Dec (counts), answered on 4 Jan (counts): 29 and 30 Dec do not count.
    expect(workingDaysUsed('2026-12-23', '2027-01-07', [{ from: '2026-12-28', to: '2027-01-04' }])).toBe(5);
    // Still waiting: nothing after the request day counts.
    expect(workingDaysUsed('2026-12-23', '2027-01-07', [{ from: '2026-12-28', to: null }])).toBe(2);
    // An arrival on a Saturday starts counting on Monday, as dueOn does.
    expect(workingDaysUsed('2026-03-07', '2026-03-09')).toBe(1);
    expect(workingDaysUsed('2026-03-10', '2026-03-09')).toBe(0);
  });
});

describe('the figures', () => {
  it('median, 90th percentile by nearest rank, share rounded half up', () => {
    expect(median([])).toBeNull();
    expect(median([2, 3, 5, 9])).toBe(4);
    expect(median([2, 5, 9])).toBe(5);
    expect(percentile90([2, 3, 5, 9])).toBe(9);
    expect(percentile90([2, 3, 5])).toBe(5);
    expect(percentile90(Array.from({ length: 10 }, (_, i) => i + 1))).toBe(9);
    expect(share(2, 3)).toBe('0.667');
    expect(share(1, 8)).toBe('0.125');
    expect(share(1, 2000)).toBe('0.001'); // 0.0005 rounds up
    expect(share(0, 0)).toBeNull();
  });
});

type M = Pick<MonthStanding, 'applicantGender' | 'application'> & { received: string | null; decided: string | null; outcome?: string; due?: string };
function month(m: M): MonthStanding {
  const due = m.due ?? (m.received ? dueOn(m.received) : null);
  return {
    period: '2026-04',
    state: m.decided ? 'decided' : 'received',
    receivedOn: m.received,
    dueOn: due,
    dueOnNow: due,
    waitingSince: null,
    answerBy: null,
    appeal: null,
    decision: m.decided ? { decisionId: `D-${m.decided}`, recordedAt: `${m.decided}T12:00:00.000Z`, decidedOn: m.decided, decidedBy: 'Karin', outcome: m.outcome ?? 'approve', payable: '100', automated: false } : null,
    payOn: null,
    handling: m.received && m.decided ? { receivedOn: m.received, decidedOn: m.decided, workingDays: workingDaysUsed(m.received, m.decided), met: workingDaysUsed(m.received, m.decided) <= 5 } : null,
    application: m.application,
    applicantGender: m.applicantGender,
  };
}

describe('the monthly report, April 2026 on 4 May 2026', () => {
  const months = [
    month({ received: '2026-04-02', decided: '2026-04-08', applicantGender: 'female', application: 'new' }), // A: 3 days (påsk)
    month({ received: '2026-04-07', decided: '2026-04-17', outcome: 'deny', applicantGender: 'male', application: 'reapplication' }), // B: 9 days
    month({ received: '2026-04-09', decided: '2026-04-10', applicantGender: 'male', application: 'reapplication' }), // C: 2 days
    month({ received: null, decided: '2026-04-14', applicantGender: 'unknown', application: 'reapplication' }), // D: no arrival day, not measured
    month({ received: '2026-04-24', decided: '2026-04-30', applicantGender: 'female', application: 'reapplication' }), // E: 5 days (valborgsmässoafton is a working day)
    month({ received: '2026-03-25', decided: '2026-03-31', applicantGender: 'female', application: 'new' }), // F: decided in March
    month({ received: '2026-04-20', decided: null, applicantGender: 'female', application: 'reapplication' }), // G: due 24 April, past due
    month({ received: '2026-05-04', decided: null, applicantGender: 'male', application: 'new' }), // H: due 8 May, not past due
  ];

  it('each case is counted as by hand', () => {
    expect(months.map((m) => m.handling?.workingDays ?? null)).toEqual([3, 9, 2, null, 5, 5, null, null]);
    expect(months[6]!.dueOn).toBe('2026-04-24');
  });

  it('gives the hand-counted figures for all, by outcome, gender and application', () => {
    expect(reportCsv(handlingReport(months, '2026-04', '2026-05-04')).split('\r\n')).toEqual([
      'month,group,value,decided,measured,median_working_days,p90_working_days,within_5_working_days,within_5_share,past_due_today',
      // A, B, C, D, E decided; measured 2, 3, 5, 9: median (3+5)/2, p90 rank ⌈3.6⌉ = 4th; 3 of 4 within five; G past due.
      '2026-04,all,all,5,4,4,9,3,0.750,1',
      '2026-04,outcome,approve,4,3,3,5,3,1.000,',
      '2026-04,outcome,deny,1,1,9,9,0,0.000,',
      '2026-04,gender,female,2,2,4,5,2,1.000,1',
      '2026-04,gender,male,2,2,5.5,9,1,0.500,0',
      '2026-04,gender,unknown,1,0,,,0,,0',
      '2026-04,application,new,1,1,3,3,1,1.000,0',
      '2026-04,application,reapplication,4,3,5,9,2,0.667,1',
      '',
    ]);
  });
});
