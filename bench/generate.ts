/**
 * Seeded generator of realistic households in the CONTRACT.md format, one JSON object per line.
 *
 *   npx tsx bench/generate.ts --count 100000 --seed 42 --period 2026-03 [--invalid-rate 0.01] [--registered] [--out FILE]
 *   npx tsx bench/generate.ts --monthly --count 20000 --seed 42 --period 2026-03 --previous feb.ndjson --out mar.ndjson [--store r.sqlite]
 *
 * Deterministic: the same seed, count, period and rate give byte-identical output (mulberry32, no
 * Math.random, no clock). The mix follows the shape of Swedish försörjningsstöd caseloads: mostly single
 * adults, then single parents, couples with and without children; children of every age (some part of
 * the month, some eating lunch at förskola, school youths 19–20), incomes of every type, rents around
 * and above a reasonable level, some savings and cars, genders, months on assistance from 0 to 60.
 * With --invalid-rate, that share of lines is broken on purpose (bad JSON, impossible dates, unknown
 * member ids, negative amounts, floats, no applicant, unknown periods).
 * With --registered, every household also carries 0–6 agency payments (SSBTEK: registeredIncomes with
 * the agencies' own benefit names, a few in other months, excluded or unknown to the rules) and the
 * agencies' answers (rarely one that failed); without it the output is the same as before.
 */
import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';

export type Rng = () => number;

/** mulberry32: a small, fast, well-distributed 32-bit PRNG. Returns [0, 1). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const chance = (rng: Rng, p: number) => rng() < p;
/** Whole kronor, or with öre one time in eight. */
const kronor = (rng: Rng, min: number, max: number) => {
  const whole = int(rng, min, max);
  return chance(rng, 0.125) ? `${whole}.${String(int(rng, 1, 99)).padStart(2, '0')}` : String(whole);
};
const pad = (n: number) => String(n).padStart(2, '0');

/** Born in the calendar year before `year − age`, so the person is `age` or `age + 1` in the period and never born after it. */
function birthDate(rng: Rng, year: number, age: number): string {
  return `${year - age - 1}-${pad(int(rng, 1, 12))}-${pad(int(rng, 1, 28))}`;
}

const GENDERS = ['female', 'male', 'female', 'male', 'other'] as const;
const ADULT_INCOMES = ['salary', 'unemployment-benefit', 'activity-support', 'establishment-allowance', 'sickness-benefit', 'parental-benefit', 'housing-allowance', 'pension', 'tax-refund', 'other'] as const;
const EXTRA_COSTS = ['commuting', 'union-fee', 'unemployment-fund-fee', 'childcare-fee', 'medical', 'dental', 'medicine', 'glasses', 'other'] as const;

/** One valid household for the period. */
export function household(rng: Rng, index: number, period: string): Record<string, unknown> {
  const year = Number(period.slice(0, 4));
  const kind = rng();
  const couple = kind > 0.55 && kind < 0.85;
  const withChildren = kind > 0.4;
  const members: Record<string, unknown>[] = [];
  const applicantGender = chance(rng, 0.05) ? undefined : pick(rng, GENDERS);
  members.push({ id: 'a1', role: 'applicant', birthDate: birthDate(rng, year, int(rng, 18, 66)), ...(applicantGender ? { gender: applicantGender } : {}) });
  if (couple) members.push({ id: 'a2', role: 'partner', birthDate: birthDate(rng, year, int(rng, 19, 67)), gender: pick(rng, GENDERS) });
  const childCount = withChildren ? Math.min(8, 1 + Math.floor(-Math.log(1 - rng()) * 1.2)) : 0;
  for (let i = 0; i < childCount; i++) {
    const age = int(rng, 0, 17);
    const child: Record<string, unknown> = { id: `c${i + 1}`, role: 'child', birthDate: birthDate(rng, year, age) };
    if (age <= 6 && chance(rng, 0.6)) child['lunchOutsideHome'] = true;
    if (chance(rng, 0.12)) child['daysInHousehold'] = int(rng, 0, 28);
    if (age >= 16) child['inSchool'] = true; // 18–20 only in the household while in school
    members.push(child);
  }
  if (withChildren && chance(rng, 0.05)) members.push({ id: 'y1', role: 'child', birthDate: birthDate(rng, year, 19), inSchool: chance(rng, 0.8) });
  if (chance(rng, 0.03)) members.push({ id: 'o1', role: 'other-adult', birthDate: birthDate(rng, year, int(rng, 21, 80)) });

  const adults = members.filter((m) => m['role'] === 'applicant' || m['role'] === 'partner').map((m) => String(m['id']));
  const children = members.filter((m) => m['role'] === 'child').map((m) => String(m['id']));
  const incomes: Record<string, unknown>[] = [];
  for (const adult of adults) {
    const n = int(rng, 0, 2);
    for (let i = 0; i < n; i++) incomes.push({ memberId: adult, type: pick(rng, ADULT_INCOMES), amount: kronor(rng, 300, 16000) });
  }
  if (children.length > 0 && chance(rng, 0.9)) incomes.push({ memberId: 'a1', type: 'child-allowance', amount: String(1250 * children.length + (children.length >= 2 ? 150 : 0)) });
  if (children.length > 0 && chance(rng, 0.35)) incomes.push({ memberId: 'a1', type: 'maintenance-support', amount: String(1673 * Math.min(children.length, 3)) });
  for (const c of children) if (chance(rng, 0.06)) incomes.push({ memberId: c, type: pick(rng, ['salary', 'study-allowance', 'pension'] as const), amount: kronor(rng, 200, 9000) });
  if (members.some((m) => m['role'] === 'other-adult') && chance(rng, 0.5)) incomes.push({ memberId: 'o1', type: 'pension', amount: kronor(rng, 6000, 14000) });

  const size = members.length;
  const ceiling = 4000 + size * 900 + int(rng, -300, 300);
  const rent = Math.round(ceiling * (0.7 + rng() * 0.5));
  const costs: Record<string, unknown>[] = [{ type: 'rent', amount: String(rent) }];
  if (chance(rng, 0.8)) costs.push({ type: 'electricity', amount: kronor(rng, 200, 900) });
  if (chance(rng, 0.7)) costs.push({ type: 'home-insurance', amount: kronor(rng, 100, 300) });
  const extra = int(rng, 0, 2);
  for (let i = 0; i < extra; i++) costs.push({ type: pick(rng, EXTRA_COSTS), amount: kronor(rng, 100, 2500) });

  const assets: Record<string, unknown>[] = [];
  if (chance(rng, 0.15)) assets.push({ memberId: 'a1', type: 'bank', amount: kronor(rng, 0, 30000) });
  if (chance(rng, 0.03)) assets.push({ memberId: 'a1', type: 'car', amount: String(int(rng, 5000, 60000)) });

  const available = !chance(rng, 0.06);
  const circumstances: Record<string, unknown> = {
    availableForWork: available,
    consecutiveMonthsOnAssistance: int(rng, 0, 60),
  };
  if (!available && chance(rng, 0.5)) circumstances['acceptableReason'] = pick(rng, ['Sjukskriven med läkarintyg', 'Föräldraledig', 'Vårdar närstående'] as const);
  if (chance(rng, 0.85)) circumstances['rentCeiling'] = String(ceiling);
  if (chance(rng, 0.04)) circumstances['rentArrears'] = kronor(rng, 1000, 20000);

  return { caseId: `G-${period}-${String(index + 1).padStart(7, '0')}`, period, municipality: pick(rng, ['0180', '1280', '1480', '2480', '0821', '1287']), members, incomes, costs, assets, circumstances };
}

const pad2 = (n: number) => String(n).padStart(2, '0');
/** A day in the month `offset` months from period (YYYY-MM). */
function dayIn(period: string, offset: number, day: number): string {
  const index = Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1 + offset;
  return `${Math.floor(index / 12)}-${pad2((index % 12) + 1)}-${pad2(day)}`;
}

/** Agency payments as SSBTEK reports them: [agency, benefit, subBenefit, min net, max net, for children?]. */
const AGENCY_PAYMENTS: readonly (readonly [string, string, string | null, number, number])[] = [
  ['fk', 'Bostadsbidrag', null, 600, 3800],
  ['fk', 'Dagersättning', 'Föräldrapenning', 1500, 9000],
  ['fk', 'Dagersättning', 'Sjukpenning', 1500, 12000],
  ['fk', 'Aktivitetsstöd', null, 2000, 9500],
  ['fk', 'Etableringsersättning', null, 2500, 6800],
  ['fk', 'Sjukersättning', null, 6000, 11000],
  ['fk', 'Handikappersättning', null, 1400, 3600],
  ['pm', 'Garantipension', null, 3000, 9000],
  ['akassa', 'Arbetslöshetsersättning', null, 4000, 17000],
  ['csn', 'Studiemedel', null, 3700, 12000],
  ['fk', 'Bilstöd', null, 2000, 8000],
];

/** 0–6 registered payments for the household's adults (and barnbidrag/underhållsstöd with children), and the agencies' answers. */
export function agencyData(rng: Rng, h: Record<string, unknown>, period: string): { registeredIncomes: Record<string, unknown>[]; agencyAnswers: Record<string, unknown>[] } {
  const members = h['members'] as { id: string; role: string }[];
  const adults = members.filter((m) => m.role === 'applicant' || m.role === 'partner').map((m) => m.id);
  const children = members.filter((m) => m.role === 'child').length;
  const registeredIncomes: Record<string, unknown>[] = [];
  const n = int(rng, 0, 6);
  let ref = 0;
  const add = (memberId: string, agency: string, benefit: string, sub: string | null, net: string) => {
    // Mostly paid in M−1; some in M−2 (late or fallback) and some in the application month (not counted).
    const offset = pick(rng, [-1, -1, -1, -1, -2, -2, 0] as const);
    const paidOn = dayIn(period, offset, int(rng, 1, 28));
    registeredIncomes.push({ memberId, agency, benefit, ...(sub ? { subBenefit: sub } : {}), net, paidOn, ref: `${agency}-${++ref}` });
  };
  if (children > 0 && n > 0) add('a1', 'fk', 'Allmänt barnbidrag', null, String(1250 * children + (children >= 2 ? 150 : 0)));
  if (children > 0 && n > 1 && chance(rng, 0.4)) add('a1', 'fk', 'Underhållsstöd', null, String(1673 * Math.min(children, 3)));
  while (registeredIncomes.length < n) {
    const [agency, benefit, sub, lo, hi] = pick(rng, AGENCY_PAYMENTS);
    add(pick(rng, adults), agency, benefit, sub, kronor(rng, lo, hi));
  }
  const agencyAnswers: Record<string, unknown>[] = [];
  for (const memberId of adults) {
    for (const agency of ['fk', 'pm', 'akassa', 'csn'] as const) {
      const has = registeredIncomes.some((r) => r['memberId'] === memberId && r['agency'] === agency);
      const status = has ? 'answered' : chance(rng, 0.01) ? 'failed' : chance(rng, 0.01) ? 'unverifiable' : 'nothing';
      agencyAnswers.push({ memberId, agency, status });
    }
  }
  return { registeredIncomes, agencyAnswers };
}

/** A line that is broken on purpose, in one of several realistic ways. */
export function brokenLine(rng: Rng, valid: Record<string, unknown>): string {
  const h = JSON.parse(JSON.stringify(valid)) as Record<string, any>;
  switch (int(rng, 0, 6)) {
    case 0:
      return JSON.stringify(h).slice(0, 40); // truncated JSON
    case 1:
      h.members[0].birthDate = '2021-02-30';
      break;
    case 2:
      h.incomes.push({ memberId: 'nobody', type: 'salary', amount: '100' });
      break;
    case 3:
      h.costs[0].amount = '-500';
      break;
    case 4:
      h.costs[0].amount = 4711.5;
      break;
    case 5:
      h.members = h.members.filter((m: { role: string }) => m.role !== 'applicant');
      break;
    default:
      h.period = '2012-05';
  }
  return JSON.stringify(h);
}

export function* lines(count: number, seed: number, period: string, invalidRate = 0, registered = false): Generator<string> {
  const rng = mulberry32(seed);
  for (let i = 0; i < count; i++) {
    const base = household(rng, i, period);
    const h = registered ? { ...base, ...agencyData(rng, base, period) } : base;
    yield invalidRate > 0 && rng() < invalidRate ? brokenLine(rng, h) : JSON.stringify(h);
  }
}

/** The month before a YYYY-MM period. */
export function monthBefore(period: string): string {
  const y = Number(period.slice(0, 4));
  const m = Number(period.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}`;
}

/**
 * A monthly run's data: for each case its household of month M−1 (to record in a store) and its
 * application for month M with realistic changes: most unchanged; rent or another cost changed, a
 * declared income gone or changed, a child born or an adult moved out, a new cost; and some cases
 * with no decision last month (new applications, not in the M−1 file). Each application carries
 * `receivedOn`, a day in the first ten days of M (weekends and holidays included).
 */
export function* monthlyLines(count: number, seed: number, period: string): Generator<{ previous: string | null; current: string }> {
  const rng = mulberry32(seed);
  const before = monthBefore(period);
  for (let i = 0; i < count; i++) {
    const prev = household(rng, i, before);
    prev['caseId'] = `C-${String(i + 1).padStart(7, '0')}`;
    const cur = JSON.parse(JSON.stringify(prev)) as Record<string, any>;
    cur['period'] = period;
    cur['receivedOn'] = `${period}-${pad(int(rng, 1, 10))}`;
    const circumstances = cur['circumstances'] as Record<string, unknown>;
    circumstances['consecutiveMonthsOnAssistance'] = Number(circumstances['consecutiveMonthsOnAssistance']) + 1;
    const r = rng();
    const declared = (cur['incomes'] as Record<string, unknown>[]).filter((x) => x['type'] !== 'child-allowance');
    if (r < 0.1) cur['costs'][0].amount = String(Number(cur['costs'][0].amount) + int(rng, 50, 400));
    else if (r < 0.18 && declared.length > 0) cur['incomes'] = cur['incomes'].filter((x: unknown) => x !== declared[0]);
    else if (r < 0.26 && declared.length > 0) declared[0]!['amount'] = kronor(rng, 300, 16000);
    else if (r < 0.3) cur['members'].push({ id: 'n1', role: 'child', birthDate: `${period}-01` });
    else if (r < 0.34 && cur['members'].some((m: { role: string }) => m.role === 'partner')) {
      cur['members'] = cur['members'].filter((m: { role: string }) => m.role !== 'partner');
      cur['incomes'] = cur['incomes'].filter((x: { memberId: string }) => x.memberId !== 'a2');
    } else if (r < 0.39) cur['costs'].push({ type: pick(rng, EXTRA_COSTS), amount: kronor(rng, 100, 2500) });
    const isNew = rng() < 0.03;
    yield { previous: isNew ? null : JSON.stringify(prev), current: JSON.stringify(cur) };
  }
}

/** Writes lines to a stream in 1 MiB blocks, waiting while it is full; ends it unless it is stdout. */
async function writeTo(out: NodeJS.WritableStream, source: Iterable<string>): Promise<void> {
  let buffer = '';
  for (const line of source) {
    buffer += `${line}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise<void>((r) => out.once('drain', () => r()));
      buffer = '';
    }
  }
  out.write(buffer);
  if (out !== process.stdout) await new Promise<void>((r) => out.end(r));
}

/** Writes lines to a file (the generator's own files and the benchmarks' inputs). */
export function writeLines(path: string, source: Iterable<string>): Promise<void> {
  return writeTo(createWriteStream(path), source);
}

/**
 * `--monthly --previous FILE --out FILE [--store PATH]`: month M−1 households and month-M
 * applications; with --store, records month M−1 in that decision store (batch --record).
 */
async function monthlyMain(count: number, seed: number, period: string, previousPath: string, outPath: string, store: string | undefined): Promise<void> {
  const pairs = [...monthlyLines(count, seed, period)];
  await writeLines(previousPath, pairs.flatMap((p) => (p.previous === null ? [] : [p.previous])));
  await writeLines(outPath, pairs.map((p) => p.current));
  if (store !== undefined) {
    const { spawnSync } = await import('node:child_process');
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'batch', '--in', previousPath, '--out', `${previousPath}.decisions`, '--record', '--store', store], {
      cwd: new URL('..', import.meta.url).pathname,
      stdio: 'inherit',
    });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
      period: { type: 'string', default: '2026-03' },
      'invalid-rate': { type: 'string', default: '0' },
      registered: { type: 'boolean', default: false },
      out: { type: 'string' },
      monthly: { type: 'boolean', default: false },
      previous: { type: 'string' },
      store: { type: 'string' },
    },
  });
  const count = Number(values.count);
  const seed = Number(values.seed);
  const rate = Number(values['invalid-rate']);
  if (!Number.isInteger(count) || count < 0 || !Number.isInteger(seed) || !/^[0-9]{4}-(0[1-9]|1[0-2])$/.test(values.period) || !(rate >= 0 && rate <= 1)) {
    process.stderr.write('usage: generate.ts --count N --seed S --period YYYY-MM [--invalid-rate R] [--registered] [--out FILE]\n');
    process.exit(2);
  }
  if (values.monthly) {
    if (!values.previous || !values.out) {
      process.stderr.write('usage: generate.ts --monthly --count N --seed S --period YYYY-MM --previous FILE --out FILE [--store PATH]\n');
      process.exit(2);
    }
    await monthlyMain(count, seed, values.period, values.previous, values.out, values.store);
    return;
  }
  await writeTo(values.out ? createWriteStream(values.out) : process.stdout, lines(count, seed, values.period, rate, values.registered));
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
