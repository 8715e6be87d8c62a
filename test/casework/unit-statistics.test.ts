/**
 * The unit's statistics (issue 25 item 3, src/statistics/unit.ts) without a store: the small-count rule
 * (rules/unit-statistics.json minimumCount) with its secondary suppression, the month arithmetic of the
 * long-term window, and the handläggningstid figures of issue 30 passed through from handlingReport,
 * each checked against figures computed here by hand.
 */
import { describe, expect, it } from 'vitest';
import { supportObstaclesFor } from '../../src/casework/supportObstacle.ts';
import { unitStatisticsRulesFor } from '../../src/statistics/read.ts';
import { csvCell, monthsBefore, monthsBetween, suppress, tableCsv, unitStatistics, type Column } from '../../src/statistics/unit.ts';
import type { MonthStanding } from '../../src/store/casestatus.ts';
import { book } from '../support/engine.ts';

const rules = unitStatisticsRulesFor(book, '2026-03')!;

describe('rules/unit-statistics.json', () => {
  it('gives ten of twelve months and the smallest count 3, with their sources', () => {
    expect(rules).toEqual({ longTermMonths: 10, longTermWindow: 12, minimumCount: 3 });
    expect(unitStatisticsRulesFor(book, '2016-12')).toBeNull();
  });
});

describe('months', () => {
  it('counts across a year', () => {
    expect(monthsBefore('2026-03', 11)).toBe('2025-04');
    expect(monthsBefore('2026-01', 1)).toBe('2025-12');
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-02', '2026-01')).toEqual([]);
  });
});

describe('small counts are not shown', () => {
  const columns: Column[] = [
    { key: 'label', label: 'Typ', kind: 'text' },
    { key: 'n', label: 'Hushåll', kind: 'count' },
    { key: 'paid', label: 'Utbetalt', kind: 'amount', of: ['n'] },
  ];

  it('hides 1 and 2 and the amount that goes with them; 0 and 3 stay', () => {
    expect(suppress(columns, [['a', 0, 0], ['b', 1, 500], ['c', 2, 900], ['d', 3, 1200]], 3, false)).toEqual([
      ['a', 0, 0],
      ['b', { below: 3 }, { below: null }],
      ['c', { below: 3 }, { below: null }],
      ['d', 3, 1200],
    ]);
  });

  it('in a table whose rows add up to a shown total, one hidden count hides the smallest other one too', () => {
    const out = suppress(columns, [['a', 10, 1000], ['b', 1, 100], ['c', 4, 400], ['d', 0, 0]], 3, true);
    expect(out).toEqual([
      ['a', 10, 1000],
      ['b', { below: 3 }, { below: null }],
      ['c', { below: null }, { below: null }],
      ['d', 0, 0],
    ]);
    expect(out.map((r) => csvCell(columns[1]!, r[1]!))).toEqual(['10', '<3', '..', '0']);
  });

  it('a hidden part of a row (women of the adults) hides another part, so it is not the total less the others', () => {
    const byObstacle: Column[] = [
      { key: 'label', label: 'Försörjningshinder', kind: 'text' },
      { key: 'adults', label: 'Vuxna', kind: 'count' },
      { key: 'women', label: 'Kvinnor', kind: 'count', partOf: 'adults' },
      { key: 'men', label: 'Män', kind: 'count', partOf: 'adults' },
    ];
    expect(suppress(byObstacle, [['x', 7, 1, 6], ['y', 9, 4, 5]], 3, false)).toEqual([
      ['x', 7, { below: 3 }, { below: null }],
      ['y', 9, 4, 5],
    ]);
    // Totalled as well: the column rule then hides y's women (4 is the smallest shown), and the row rule y's men.
    expect(suppress(byObstacle, [['x', 7, 1, 6], ['y', 9, 4, 5]], 3, true)).toEqual([
      ['x', 7, { below: 3 }, { below: null }],
      ['y', 9, { below: null }, { below: null }],
    ]);
  });

  it('two hidden counts need no third', () => {
    expect(suppress(columns, [['a', 10, 1000], ['b', 1, 100], ['c', 2, 200]], 3, true).map((r) => r[1])).toEqual([10, { below: 3 }, { below: 3 }]);
  });
});

const decided = (period: string, decidedOn: string, workingDays: number, outcome: string, gender: MonthStanding['applicantGender'], application: MonthStanding['application']): MonthStanding => ({
  period,
  state: 'decided',
  receivedOn: '2026-03-02',
  dueOn: '2026-03-06',
  dueOnNow: '2026-03-06',
  waitingSince: null,
  answerBy: null,
  appeal: null,
  decision: { decisionId: `D-${decidedOn}-${workingDays}`, recordedAt: `${decidedOn}T09:00:00Z`, decidedOn, decidedBy: 'K', outcome, payable: '100', automated: false },
  payOn: null,
  handling: { receivedOn: '2026-03-02', decidedOn, workingDays, met: workingDays <= 5 },
  application,
  applicantGender: gender,
});

describe('handläggningstid on the page (issue 30 item 3)', () => {
  it('gives each month\'s cases decided, median, 90th percentile and share within five working days, as counted by hand', () => {
    const handling: MonthStanding[] = [
      decided('2026-03', '2026-03-03', 2, 'approve', 'female', 'new'),
      decided('2026-03', '2026-03-05', 4, 'approve', 'female', 'reapplication'),
      decided('2026-03', '2026-03-04', 3, 'deny', 'male', 'reapplication'),
      decided('2026-03', '2026-03-13', 9, 'approve', 'female', 'reapplication'),
      // Undecided and past its due day on 2026-03-20.
      { ...decided('2026-03', '2026-03-01', 0, 'approve', 'male', 'new'), state: 'received' as const, decision: null, handling: null, dueOn: '2026-03-10', dueOnNow: '2026-03-10' },
    ];
    const s = unitStatistics({ from: '2026-03', to: '2026-03', today: '2026-03-20', months: [], handling, rules, obstacleLabels: supportObstaclesFor(book, '2026-03') });
    const month = s.tables.find((t) => t.id === 'handling-month')!;
    // Days 2, 3, 4, 9: median (3 + 4) / 2 = 3.5; 90th percentile by nearest rank ⌈0.9 · 4⌉ = 4th: 9; within five: 3 of 4.
    expect(month.rows).toEqual([['2026-03', 4, 4, 3.5, 9, 3, 750]]);
    expect(tableCsv(month).split('\r\n')[1]).toBe('2026-03,4,4,3.5,9,3,0.750');
    const split = s.tables.find((t) => t.id === 'handling-split')!;
    const row = (label: string) => split.rows.find((r) => r[0] === label);
    // Three women: days 2, 4, 9 → median 4; men: one decided (hidden), one past due (hidden).
    expect(row('Sökandens kön: Kvinna')).toEqual(['Sökandens kön: Kvinna', 3, 3, 4, 9, { below: 3 }, { below: null }, 0]);
    expect(row('Sökandens kön: Man')).toEqual(['Sökandens kön: Man', { below: 3 }, { below: 3 }, { below: null }, { below: null }, { below: 3 }, { below: null }, { below: 3 }]);
    expect(row('Utfall: Bifall')?.slice(1, 5)).toEqual([3, 3, 4, 9]);
    expect(s.keys.pastDue).toEqual({ below: 3 });
  });
});
