/** Test family for the resident tests, written by hand as a caseworker would enter it (not built by the self-check's own mapping). */
export const FAMILY = {
  period: '2026-03',
  members: [
    { id: 'p1', role: 'applicant', birthDate: '1991-07-15' },
    { id: 'p2', role: 'partner', birthDate: '1989-12-01', availableForWork: true },
    { id: 'k1', role: 'child', birthDate: '2021-09-20', lunchOutsideHome: true },
    { id: 'k2', role: 'child', birthDate: '2016-05-05' },
  ],
  incomes: [
    { memberId: 'p1', type: 'salary', amount: '5000' },
    { memberId: 'p1', type: 'child-allowance', amount: '2500' },
    { memberId: 'p2', type: 'housing-allowance', amount: '1200' },
  ],
  costs: [
    { type: 'rent', amount: '7900' },
    { type: 'electricity', amount: '450' },
    { type: 'home-insurance', amount: '150' },
  ],
  circumstances: { availableForWork: true, consecutiveMonthsOnAssistance: 0 },
};

/** The same family as a resident answers the questions. */
export const FAMILY_SELF_CHECK = {
  period: '2026-03',
  adults: [34, 36],
  children: [{ age: 4, lunchAtPreschool: true }, { age: 9 }],
  costs: { rent: '7900', electricity: '450', 'home-insurance': '150' },
  incomes: { salary: '5000', 'child-allowance': '2500', 'housing-allowance': '1200' },
};

export const FAMILY_FORM = {
  adult1: '34',
  adult2: '36',
  child1: '4',
  lunch1: '1',
  child2: '9',
  'cost.rent': '7 900',
  'cost.electricity': '450',
  'cost.home-insurance': '150',
  'income.salary': '5000',
  'income.child-allowance': '2500',
  'income.housing-allowance': '1200',
};

