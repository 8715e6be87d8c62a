/**
 * A realistic month of ongoing cases (issue 24): households drawn with the shares below, each share
 * with its source and how sure it is, so that a measured ready share says something about a real
 * caseload. bench/generate.ts stays the stress generator (every shape, extremes, bad lines); this one
 * is for "how many cases need no person".
 *
 * What is sourced: the household types (Socialstyrelsen's register, 2021), long-term aid (Kolada's
 * indicator for Stockholms län), the floor areas per household (Trelleborg's 2019 guideline) and the
 * barnbidrag. Everything else is an estimate, named as such in SHARES and in bench/RESULTS.md.
 */
import { mulberry32, type Rng } from './generate.ts';

export interface Share {
  readonly what: string;
  readonly value: string;
  readonly status: 'verified' | 'estimate';
  readonly source: string;
}

/** Household types among households with ekonomiskt bistånd, applicant 18–64 (per cent of 172 958). */
const HOUSEHOLD_TYPES = [
  { type: 'single-man', adults: 1, children: false, share: 42.2 },
  { type: 'single-woman', adults: 1, children: false, share: 24.8 },
  { type: 'single-woman-children', adults: 1, children: true, share: 15.5 },
  { type: 'couple-children', adults: 2, children: true, share: 11.5 },
  { type: 'couple', adults: 2, children: false, share: 3.2 },
  { type: 'single-man-children', adults: 1, children: true, share: 2.9 },
] as const;

export const SHARES: readonly Share[] = [
  { what: 'household types', value: 'single men 42.2 %, single women 24.8 %, single women with children 15.5 %, couples with children 11.5 %, couples 3.2 %, single men with children 2.9 % (0.1 % unknown, left out)', status: 'verified', source: 'Socialstyrelsen, registret över ekonomiskt bistånd 2021, as published by SCB: "Hushåll med ekonomiskt bistånd efter hushållstyp med sökande i åldern 18–64 år 2021" (scb.se, Jämställdhet)' },
  { what: 'long-term aid (10 months or more)', value: '34 % of households; the rest 1–9 months', status: 'estimate', source: 'Kolada indicator "Vuxna biståndsmottagare med långvarigt ekonomiskt bistånd, andel": Stockholms läns kommuner (unweighted) 33.7 % in 2013, 34.6 % in 2014 (read on hallbarometern.se); a share of adults, used here for households' },
  { what: 'children in a household with children', value: '1: 45 %, 2: 30 %, 3: 15 %, 4: 10 %; ages 0–17 evenly', status: 'estimate', source: 'engine estimate (no statistic read)' },
  { what: 'floor area by household', value: 'single 40 m², couple 60 m², 1–2 children 80 m², 3+ children 90 m²', status: 'verified', source: "Trelleborg's 2019 guideline (the areas its rent levels assume; rules/municipal/examples/trelleborg-2019.json)" },
  { what: 'rent', value: 'floor area × 1 100 kr per m² and year ÷ 12, times a factor drawn evenly from 0.75–1.10', status: 'estimate', source: 'engine estimate near SCB\'s average rent per m² in hyresrätter around 2019 (as remembered, not re-read)' },
  { what: 'household electricity, home insurance', value: '85 % claim electricity 250–600 kr; 75 % home insurance 120–280 kr', status: 'estimate', source: 'engine estimate' },
  { what: 'adults\' incomes', value: 'per adult: 30 % unemployment benefit or activity support 2 000–9 000 kr, 10 % part-time salary 1 500–7 000 kr, 10 % sickness benefit 2 000–8 000 kr, 50 % none', status: 'estimate', source: 'engine estimate, shaped by försörjningshinder (arbetslös, sjukskriven, deltid) in Socialstyrelsen\'s reporting' },
  { what: 'payments for children', value: 'barnbidrag 1 250 kr per child with flerbarnstillägg (+150 for two, +730 for three, +1 740 for four) always reported; underhållsstöd 1 673 kr per child for 40 % of single parents; bostadsbidrag 1 000–3 000 kr for 40 % of families', status: 'estimate', source: 'barnbidrag: rules/barnbidrag.json (verified); the other shares are engine estimates' },
  { what: 'labour market', value: 'applicant: 85 % at the labour market\'s disposal, 15 % sick with a medical certificate; a partner at its disposal; children of 16–17 in school', status: 'estimate', source: 'engine estimate' },
  { what: 'costs of livsföring i övrigt in a month', value: 'childcare fee for 60 % of households with a child 1–5 (300–1 400 kr); medicine 12 % (100–900 kr); medical care 8 % (100–600 kr); dental care 4 % (500–6 000 kr); glasses 1.5 % (800–2 500 kr); other 4 % (200–2 000 kr)', status: 'estimate', source: 'engine estimate' },
  { what: 'assets, rent arrears, other adults', value: 'none: an ongoing case has used its own money; such cases go to a person whatever the guideline', status: 'estimate', source: 'engine estimate' },
];

const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const chance = (rng: Rng, p: number) => rng() < p;
const pad = (n: number) => String(n).padStart(2, '0');
const birthDate = (rng: Rng, year: number, age: number) => `${year - age - 1}-${pad(int(rng, 1, 12))}-${pad(int(rng, 1, 28))}`;

function householdType(rng: Rng): (typeof HOUSEHOLD_TYPES)[number] {
  const total = HOUSEHOLD_TYPES.reduce((s, t) => s + t.share, 0);
  let r = rng() * total;
  for (const t of HOUSEHOLD_TYPES) {
    r -= t.share;
    if (r < 0) return t;
  }
  return HOUSEHOLD_TYPES[0];
}

export interface RealisticOptions {
  readonly period: string;
  readonly municipality: string | null;
  /** The household's reasonable rent under the municipality's guideline (kronor), or null when it has none for the household. */
  readonly ceiling: (adults: number, children: number, applicantAge: number) => number | null;
  /**
   * true, today without a guideline file: the caseworker types that ceiling and its basis. false: nothing
   * is typed, the guideline file gives it. Either way a household whose rent is above it was told a year
   * before (the rådrum has passed), so the two runs differ only in where the ceiling comes from.
   */
  readonly typeCeiling: boolean;
}

/** One ongoing case of the month, unchanged since last month. */
export function realisticHousehold(rng: Rng, index: number, o: RealisticOptions): Record<string, unknown> {
  const year = Number(o.period.slice(0, 4));
  const t = householdType(rng);
  const members: Record<string, unknown>[] = [];
  const adults = ['a1', ...(t.adults === 2 ? ['a2'] : [])];
  members.push({ id: 'a1', role: 'applicant', birthDate: birthDate(rng, year, int(rng, 20, 64)) });
  if (t.adults === 2) members.push({ id: 'a2', role: 'partner', birthDate: birthDate(rng, year, int(rng, 20, 64)), availableForWork: true });
  const r = rng();
  const childCount = !t.children ? 0 : r < 0.45 ? 1 : r < 0.75 ? 2 : r < 0.9 ? 3 : 4;
  let smallChild = false;
  for (let i = 0; i < childCount; i++) {
    const age = int(rng, 0, 17);
    if (age >= 1 && age <= 5) smallChild = true;
    members.push({ id: `c${i + 1}`, role: 'child', birthDate: birthDate(rng, year, age), ...(age >= 1 && age <= 5 ? { lunchOutsideHome: true } : {}), ...(age >= 16 ? { inSchool: true } : {}) });
  }

  const sick = chance(rng, 0.15);
  if (sick) members[0] = { ...members[0], sickness: { since: `${year - 1}-${pad(int(rng, 1, 12))}-01`, medicalCertificate: true } };
  const incomes: Record<string, unknown>[] = [];
  for (const a of adults) {
    const x = rng();
    if (x < 0.3) incomes.push({ memberId: a, type: chance(rng, 0.5) ? 'unemployment-benefit' : 'activity-support', amount: String(int(rng, 2000, 9000)) });
    else if (x < 0.4) incomes.push({ memberId: a, type: 'salary', amount: String(int(rng, 1500, 7000)) });
    else if (x < 0.5) incomes.push({ memberId: a, type: 'sickness-benefit', amount: String(int(rng, 2000, 8000)) });
  }
  if (childCount > 0) incomes.push({ memberId: 'a1', type: 'child-allowance', amount: String(1250 * childCount + (childCount === 2 ? 150 : childCount === 3 ? 730 : childCount === 4 ? 1740 : 0)) });
  if (childCount > 0 && t.adults === 1 && chance(rng, 0.4)) incomes.push({ memberId: 'a1', type: 'maintenance-support', amount: String(1673 * childCount) });
  if (childCount > 0 && chance(rng, 0.4)) incomes.push({ memberId: 'a1', type: 'housing-allowance', amount: String(int(rng, 1000, 3000)) });

  const area = childCount === 0 ? (t.adults === 1 ? 40 : 60) : childCount <= 2 ? 80 : 90;
  const rent = Math.round(((area * 1100) / 12) * (0.75 + rng() * 0.35));
  const costs: Record<string, unknown>[] = [{ type: 'rent', amount: String(rent) }];
  if (chance(rng, 0.85)) costs.push({ type: 'electricity', amount: String(int(rng, 250, 600)) });
  if (chance(rng, 0.75)) costs.push({ type: 'home-insurance', amount: String(int(rng, 120, 280)) });
  if (smallChild && chance(rng, 0.6)) costs.push({ type: 'childcare-fee', amount: String(int(rng, 300, 1400)) });
  if (chance(rng, 0.12)) costs.push({ type: 'medicine', amount: String(int(rng, 100, 900)) });
  if (chance(rng, 0.08)) costs.push({ type: 'medical', amount: String(int(rng, 100, 600)) });
  if (chance(rng, 0.04)) costs.push({ type: 'dental', amount: String(int(rng, 500, 6000)) });
  if (chance(rng, 0.015)) costs.push({ type: 'glasses', amount: String(int(rng, 800, 2500)) });
  if (chance(rng, 0.04)) costs.push({ type: 'other', amount: String(int(rng, 200, 2000)) });

  const longTerm = chance(rng, 0.34);
  const circumstances: Record<string, unknown> = { availableForWork: !sick, consecutiveMonthsOnAssistance: longTerm ? int(rng, 10, 48) : int(rng, 1, 9) };
  if (sick) circumstances['acceptableReason'] = 'Sjukskriven med läkarintyg';
  const ceiling = o.ceiling(t.adults, childCount, year - 1 - Number(String(members[0]!['birthDate']).slice(0, 4)));
  if (ceiling !== null) {
    if (o.typeCeiling) {
      circumstances['rentCeiling'] = String(ceiling);
      circumstances['rentCeilingBasis'] = 'kommunens riktlinjer';
    }
    if (rent > ceiling) circumstances['rentCeilingNotifiedOn'] = `${year - 1}-${o.period.slice(5, 7)}-01`;
  }
  return { caseId: `R-${o.period}-${String(index + 1).padStart(7, '0')}`, period: o.period, municipality: o.municipality, members, incomes, costs, assets: [], circumstances };
}

export function* realisticMonth(count: number, seed: number, o: RealisticOptions): Generator<Record<string, unknown>> {
  const rng = mulberry32(seed);
  for (let i = 0; i < count; i++) yield realisticHousehold(rng, i, o);
}
