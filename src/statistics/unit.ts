/**
 * The unit's own statistics (issue 25 item 3, docs/statistics.md): the figures of the statistics page
 * for a range of months, from the same registered decisions and payment orders as EKB-Månad (never a
 * proposal), and the handläggningstid of issue 30 (src/casework/handlingTime.ts). Pure: the store is
 * read by the caller (src/statistics/read.ts), "today" is an input.
 *
 * Every figure is a table of counts and amounts without personal data (no personnummer, name or case
 * id). A count of households, adults, children or cases from 1 up to one below the rule value
 * `minimumCount` (rules/unit-statistics.json) is not shown, nor the amount, share or days that belong
 * to it (primary suppression); in a table whose rows add up to a total shown elsewhere, a column with
 * exactly one hidden count hides its smallest other count too (secondary suppression), so the hidden
 * one cannot be had by subtraction.
 */
import { handlingReport, type ReportRow } from '../casework/handlingTime.ts';
import { add, formatKronor, ZERO, type Ore } from '../money/index.ts';
import type { MonthStanding } from '../store/casestatus.ts';
import type { SupportObstacleTable } from '../casework/supportObstacle.ts';
import { describeHousehold, paidOnLine, type HouseholdTypeCode, type RegisteredCaseMonth } from './ekbMonth.ts';

/** What the page's definitions read from rules/unit-statistics.json. */
export interface UnitStatisticsRules {
  /** Long-term: paid in at least `months` of the `window` months ending with the month. */
  readonly longTermMonths: number;
  readonly longTermWindow: number;
  /** The smallest count shown; 1 … minimumCount − 1 are hidden. */
  readonly minimumCount: number;
}

/** One month of registered lines with the försörjningshinder list in force for it. */
export interface MonthLines {
  readonly period: string;
  readonly lines: readonly RegisteredCaseMonth[];
  readonly obstacles: SupportObstacleTable | null;
}

export type ColumnKind = 'text' | 'count' | 'amount' | 'share' | 'days';

export interface Column {
  readonly key: string;
  /** The Swedish heading on the page. */
  readonly label: string;
  readonly kind: ColumnKind;
  /** The count columns this figure belongs to: hidden when one of them is hidden. */
  readonly of?: readonly string[];
  /** A count that is part of this row's count `partOf` (women of the adults): one hidden part hides another. */
  readonly partOf?: string;
}

/** A hidden figure: a count fewer than `below` (and more than none), or (below null) hidden with another. */
export interface Hidden {
  readonly below: number | null;
}

/** text: a label; count: a whole number; amount: öre; share: thousandths (667 = 66,7 %); days: working days (a median may end in .5). */
export type Cell = string | number | null | Hidden;

export interface Chart {
  /** The column whose texts are the bars' categories (the first, text column). */
  readonly category: string;
  /** One bar per series and category. */
  readonly series: readonly string[];
  readonly title: string;
  readonly orientation: 'vertical' | 'horizontal';
}

export interface StatTable {
  readonly id: string;
  readonly title: string;
  /** The definition of the figures, as the page says it under the table. */
  readonly definition: string;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly Cell[])[];
  readonly charts: readonly Chart[];
}

export interface UnitStatistics {
  readonly from: string;
  readonly to: string;
  readonly today: string;
  readonly rules: UnitStatisticsRules;
  readonly keys: {
    /** Distinct households paid in at least one month of the range. */
    readonly households: Cell;
    readonly householdMonths: Cell;
    readonly paidOre: Cell;
    /** Undecided case-months past their due day today (issue 30). */
    readonly pastDue: Cell;
    /** Household-months counted whose registered data EKB-Månad would refuse (e.g. an adult without försörjningshinder). */
    readonly incomplete: number;
  };
  readonly tables: readonly StatTable[];
}

export const HOUSEHOLD_TYPE_SV: Readonly<Record<HouseholdTypeCode, string>> = {
  1: 'Ensamstående under 18 år',
  3: 'Ensamstående man utan barn',
  4: 'Ensamstående man med barn',
  5: 'Ensamstående kvinna utan barn',
  6: 'Ensamstående kvinna med barn',
  7: 'Sammanboende utan barn',
  8: 'Sammanboende med barn',
  9: 'Uppgift saknas',
};
const TYPE_CODES: readonly HouseholdTypeCode[] = [1, 3, 4, 5, 6, 7, 8, 9];
const GENDER_SV = { female: 'Kvinna', male: 'Man', unknown: 'Annat eller uppgift saknas' } as const;
type GenderKey = keyof typeof GENDER_SV;
const genderKey = (g: string | null): GenderKey => (g === 'female' || g === 'male' ? g : 'unknown');
const OUTCOME_SV: Readonly<Record<string, string>> = { approve: 'Bifall', partial: 'Delvis bifall', deny: 'Avslag', dismiss: 'Avvisning' };
const APPLICATION_SV: Readonly<Record<string, string>> = { new: 'Ny ansökan', reapplication: 'Återansökan' };
const HANDLING_GENDER_SV: Readonly<Record<string, string>> = { female: 'Kvinna', male: 'Man', other: 'Annat', unknown: 'Uppgift saknas' };

/** The months from `from` to `to` (YYYY-MM), both included. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m === 13) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** The month `n` months before `period`. */
export function monthsBefore(period: string, n: number): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** A household-month as the page counts it. */
interface CountedMonth {
  readonly period: string;
  readonly caseId: string;
  readonly outcome: string;
  readonly paid: Ore;
  readonly pays: boolean;
  readonly type: HouseholdTypeCode;
  readonly gender: GenderKey;
  readonly adults: readonly { readonly obstacle: string; readonly kon: string }[];
  readonly children: number;
  readonly incomplete: boolean;
}

function counted(month: MonthLines): CountedMonth[] {
  return month.lines.map((line) => {
    const d = describeHousehold(line, month.period, month.obstacles);
    const paid = paidOnLine(line);
    return {
      period: month.period,
      caseId: line.caseId,
      outcome: line.outcome,
      paid,
      pays: (line.outcome === 'approve' || line.outcome === 'partial') && paid > 0,
      type: d.hushallstyp,
      gender: genderKey(d.applicantGender),
      adults: d.adults.map((a) => ({ obstacle: a.supportObstacle, kon: a.kon })),
      children: d.childrenUnder18,
      incomplete: d.problems.length > 0,
    };
  });
}

/** Thousandths of part / whole, rounded half up in integers; null when whole is 0. */
function thousandths(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.floor((2000 * part + whole) / (2 * whole));
}

/** handlingTime's share text ("0.667") as thousandths. */
const shareText = (s: string | null): number | null => (s === null ? null : Math.round(Number(s) * 1000));

const sumOre = (ms: readonly CountedMonth[]): Ore => ms.reduce((s, m) => add(s, m.paid), ZERO);

/**
 * Hides the small counts of a table and what belongs to them (see the module's comment). `totalled`:
 * its rows add up to totals shown elsewhere, so a lone hidden count in a column hides one more.
 */
export function suppress(columns: readonly Column[], rows: readonly (readonly Cell[])[], minimum: number, totalled: boolean): Cell[][] {
  const out = rows.map((r) => [...r]);
  const hidden = (v: Cell): v is Hidden => v !== null && typeof v === 'object';
  const index = new Map(columns.map((c, i) => [c.key, i]));
  const counts = columns.flatMap((c, i) => (c.kind === 'count' ? [i] : []));
  for (const row of out) for (const i of counts) if (typeof row[i] === 'number' && (row[i] as number) > 0 && (row[i] as number) < minimum) row[i] = { below: minimum };
  /** Hides the smallest shown count (above 0) of `cells` when exactly one of them is hidden; whether it did. */
  const secondOf = (cells: { row: Cell[]; i: number }[]): boolean => {
    if (cells.filter((x) => hidden(x.row[x.i]!)).length !== 1) return false;
    const candidates = cells.filter((x) => typeof x.row[x.i] === 'number' && (x.row[x.i] as number) > 0);
    if (candidates.length === 0) return false;
    const smallest = candidates.reduce((a, b) => ((b.row[b.i] as number) < (a.row[a.i] as number) ? b : a));
    // A second hidden count shows no bound: it may be any size.
    smallest.row[smallest.i] = { below: null };
    return true;
  };
  // Parts of a row's total (women and men of the adults): one hidden part would be the total less the others.
  const parts = [...new Set(columns.flatMap((c) => (c.partOf ? [c.partOf] : [])))].map((total) => columns.flatMap((c, i) => (c.partOf === total ? [i] : [])));
  for (let changed = true; changed; ) {
    changed = false;
    for (const row of out) for (const group of parts) changed = secondOf(group.map((i) => ({ row, i }))) || changed;
    if (totalled) for (const i of counts) changed = secondOf(out.map((row) => ({ row, i }))) || changed;
  }
  for (const row of out) {
    columns.forEach((c, i) => {
      if (c.of?.some((k) => hidden(row[index.get(k)!]!))) row[i] = { below: null };
    });
  }
  return out;
}

/** The figures of the page for the months `from`…`to`; `months` must hold the long-term window before `from` too. */
export function unitStatistics(input: {
  readonly from: string;
  readonly to: string;
  readonly today: string;
  readonly months: readonly MonthLines[];
  readonly handling: readonly MonthStanding[];
  readonly rules: UnitStatisticsRules;
  /** The labels of the försörjningshinder (the list in force for `to`). */
  readonly obstacleLabels: SupportObstacleTable | null;
}): UnitStatistics {
  const { from, to, rules } = input;
  const range = monthsBetween(from, to);
  const all = input.months.flatMap(counted);
  const inRange = all.filter((m) => m.period >= from && m.period <= to);
  const paid = inRange.filter((m) => m.pays);
  const paidMonthsOf = new Map<string, Set<string>>();
  for (const m of all) if (m.pays) (paidMonthsOf.get(m.caseId) ?? paidMonthsOf.set(m.caseId, new Set()).get(m.caseId)!).add(m.period);
  const min = rules.minimumCount;
  const table = (id: string, title: string, definition: string, columns: Column[], rows: Cell[][], charts: Chart[], totalled: boolean): StatTable => ({ id, title, definition, columns, rows: suppress(columns, rows, min, totalled), charts });
  const kr = (key: string, label: string, of: string): Column => ({ key, label, kind: 'amount', of: [of] });
  const n = (key: string, label: string): Column => ({ key, label, kind: 'count' });
  const tables: StatTable[] = [];

  // Households and amounts per month.
  tables.push(
    table(
      'per-month',
      'Hushåll och utbetalt belopp per månad',
      'Hushåll vars senaste registrerade beslut för månaden betalar något (bifall eller delvis bifall med utbetalningar som gäller), och summan av de utbetalningarna; vuxna (sökande och medsökande) och barn under 18 år i dem. Avslag: hushåll vars senaste beslut för månaden är avslag. Som i EKB-Månad.',
      [{ key: 'month', label: 'Månad', kind: 'text' }, n('households', 'Hushåll med utbetalning'), kr('paid', 'Utbetalt', 'households'), n('adults', 'Vuxna'), n('children', 'Barn under 18 år'), n('refused', 'Hushåll med avslag')],
      range.map((p) => {
        const these = paid.filter((m) => m.period === p);
        return [p, these.length, sumOre(these), these.reduce((s, m) => s + m.adults.length, 0), these.reduce((s, m) => s + m.children, 0), inRange.filter((m) => m.period === p && m.outcome === 'deny').length];
      }),
      [
        { category: 'month', series: ['households'], title: 'Hushåll med utbetalning per månad', orientation: 'vertical' },
        { category: 'month', series: ['paid'], title: 'Utbetalt belopp per månad', orientation: 'vertical' },
      ],
      false,
    ),
  );

  // By household type.
  tables.push(
    table(
      'household-type',
      'Per hushållstyp',
      'Hushållsmånader (biståndsmånader: ett hushåll med utbetalning en månad) i perioden per hushållstyp som i EKB-Månad, med utbetalt belopp och barn under 18 år (summerat över månaderna). Hushållstypen är den månadens.',
      [{ key: 'type', label: 'Hushållstyp', kind: 'text' }, n('householdMonths', 'Hushållsmånader'), kr('paid', 'Utbetalt', 'householdMonths'), n('children', 'Barn under 18 år (barnmånader)')],
      TYPE_CODES.map((code) => {
        const these = paid.filter((m) => m.type === code);
        return [`${code} ${HOUSEHOLD_TYPE_SV[code]}`, these.length, sumOre(these), these.reduce((s, m) => s + m.children, 0)];
      }),
      [{ category: 'type', series: ['householdMonths'], title: 'Hushållsmånader per hushållstyp', orientation: 'horizontal' }],
      true,
    ),
  );

  // By försörjningshinder.
  const adults = paid.flatMap((m) => m.adults);
  const codes = [...Object.keys(input.obstacleLabels ?? {}), ...new Set(adults.map((a) => a.obstacle).filter((c) => !Object.hasOwn(input.obstacleLabels ?? {}, c)))];
  tables.push(
    table(
      'support-obstacle',
      'Per försörjningshinder',
      'Vuxenmånader (en sökande eller medsökande i ett hushåll med utbetalning en månad) per registrerat försörjningshinder, efter kön. Försörjningshinder som ingen har i perioden visas med 0.',
      [{ key: 'obstacle', label: 'Försörjningshinder', kind: 'text' }, n('adults', 'Vuxenmånader'), { ...n('women', 'Kvinnor'), partOf: 'adults' }, { ...n('men', 'Män'), partOf: 'adults' }],
      codes.map((code) => {
        const these = adults.filter((a) => a.obstacle === code);
        const label = code === '' ? 'Uppgift saknas' : (input.obstacleLabels?.[code]?.labelSv ?? code);
        return [label, these.length, these.filter((a) => a.kon === '2').length, these.filter((a) => a.kon === '1').length];
      }),
      [{ category: 'obstacle', series: ['adults'], title: 'Vuxenmånader per försörjningshinder', orientation: 'horizontal' }],
      true,
    ),
  );

  // By the applicant's gender.
  tables.push(
    table(
      'gender',
      'Efter sökandens kön',
      'Hushållsmånader med utbetalning och utbetalt belopp, och hushållsmånader med avslag, efter den sökandes kön som det är registrerat i hushållets uppgifter (members[].gender, som Kon i EKB-Månad). Annat kön och saknad uppgift redovisas tillsammans.',
      [{ key: 'gender', label: 'Sökandens kön', kind: 'text' }, n('householdMonths', 'Hushållsmånader med utbetalning'), kr('paid', 'Utbetalt', 'householdMonths'), n('refused', 'Hushållsmånader med avslag')],
      (Object.keys(GENDER_SV) as GenderKey[]).map((g) => {
        const these = paid.filter((m) => m.gender === g);
        return [GENDER_SV[g], these.length, sumOre(these), inRange.filter((m) => m.gender === g && m.outcome === 'deny').length];
      }),
      [{ category: 'gender', series: ['householdMonths'], title: 'Hushållsmånader med utbetalning efter sökandens kön', orientation: 'vertical' }],
      true,
    ),
  );

  // Long-term aid.
  tables.push(
    table(
      'long-term',
      'Långvarigt bistånd',
      `Hushåll med utbetalning i månaden som har haft utbetalning i minst ${rules.longTermMonths} av de ${rules.longTermWindow} månader som slutar med månaden (rules/unit-statistics.json), och deras andel av månadens hushåll. Månader före det första registrerade beslutet räknas som utan bistånd.`,
      [{ key: 'month', label: 'Månad', kind: 'text' }, n('households', 'Hushåll med utbetalning'), n('longTerm', 'Långvarigt bistånd'), { key: 'share', label: 'Andel långvarigt', kind: 'share', of: ['longTerm', 'households'] }],
      range.map((p) => {
        const these = paid.filter((m) => m.period === p);
        const window = new Set(monthsBetween(monthsBefore(p, rules.longTermWindow - 1), p));
        const long = these.filter((m) => [...paidMonthsOf.get(m.caseId)!].filter((q) => window.has(q)).length >= rules.longTermMonths).length;
        return [p, these.length, long, thousandths(long, these.length)];
      }),
      [{ category: 'month', series: ['longTerm'], title: 'Hushåll med långvarigt bistånd per månad', orientation: 'vertical' }],
      false,
    ),
  );

  // Children in households with a refusal.
  tables.push(
    table(
      'children-refusal',
      'Barn i hushåll med avslag',
      'Hushåll vars senaste registrerade beslut för månaden är avslag eller delvis bifall (delvis avslag), och barnen under 18 år i dem. En avvisning är inget avslag och räknas inte.',
      [{ key: 'month', label: 'Månad', kind: 'text' }, n('denied', 'Hushåll med avslag'), n('deniedChildren', 'Barn i hushåll med avslag'), n('partial', 'Hushåll med delvis bifall'), n('partialChildren', 'Barn i hushåll med delvis bifall')],
      range.map((p) => {
        const denied = inRange.filter((m) => m.period === p && m.outcome === 'deny');
        const partial = inRange.filter((m) => m.period === p && m.outcome === 'partial');
        return [p, denied.length, denied.reduce((s, m) => s + m.children, 0), partial.length, partial.reduce((s, m) => s + m.children, 0)];
      }),
      [{ category: 'month', series: ['deniedChildren', 'partialChildren'], title: 'Barn i hushåll med avslag och delvis bifall per månad', orientation: 'vertical' }],
      false,
    ),
  );

  // Handläggningstid (issue 30): per month, and split for the last month.
  const perMonth = range.map((p) => handlingReport(input.handling, p, input.today).find((r) => r.group === 'all') ?? null);
  const days = (key: string, label: string): Column => ({ key, label, kind: 'days', of: ['measured'] });
  tables.push(
    table(
      'handling-month',
      'Handläggningstid per månad',
      'Ärenden (ärende och månad) vars första registrerade beslut är daterat i månaden; med ankomstdag: de som har en ankomstdag (receivedOn) och därmed en handläggningstid i arbetsdagar, ankomstdagen medräknad (docs/casestatus.md). Median och 90:e percentilen av arbetsdagarna, och hur många som beslutades inom fem arbetsdagar.',
      [{ key: 'month', label: 'Månad', kind: 'text' }, n('decided', 'Beslutade'), n('measured', 'Med ankomstdag'), days('median', 'Median, arbetsdagar'), days('p90', '90:e percentil, arbetsdagar'), n('within', 'Inom 5 arbetsdagar'), { key: 'share', label: 'Andel inom 5 arbetsdagar', kind: 'share', of: ['within', 'measured'] }],
      range.map((p, i) => {
        const r = perMonth[i];
        return [p, r?.decided ?? 0, r?.measured ?? 0, r?.median ?? null, r?.p90 ?? null, r?.withinTarget ?? 0, shareText(r?.withinTargetShare ?? null)];
      }),
      [{ category: 'month', series: ['median', 'p90'], title: 'Handläggningstid per månad: median och 90:e percentil (arbetsdagar)', orientation: 'vertical' }],
      false,
    ),
  );
  const split = handlingReport(input.handling, to, input.today).filter((r) => r.group !== 'all');
  const GROUP_SV: Readonly<Record<string, string>> = { outcome: 'Utfall', gender: 'Sökandens kön', application: 'Ansökan' };
  const valueSv = (r: ReportRow) => (r.group === 'outcome' ? (OUTCOME_SV[r.value] ?? r.value) : r.group === 'gender' ? (HANDLING_GENDER_SV[r.value] ?? r.value) : (APPLICATION_SV[r.value] ?? r.value));
  tables.push(
    table(
      'handling-split',
      `Handläggningstid ${to} efter utfall, kön och ansökan`,
      `Samma mått för ärenden beslutade i ${to}, efter beslutets utfall, den sökandes kön (av personnumret, annars den angivna uppgiften) och om det är en ny ansökan eller en återansökan. Passerat förfallodagen: ärenden utan beslut vars förfallodag har passerat i dag (${input.today}), oavsett månad; utfall saknas för dem.`,
      [{ key: 'group', label: 'Indelning', kind: 'text' }, n('decided', 'Beslutade'), n('measured', 'Med ankomstdag'), days('median', 'Median, arbetsdagar'), days('p90', '90:e percentil, arbetsdagar'), n('within', 'Inom 5 arbetsdagar'), { key: 'share', label: 'Andel inom 5 arbetsdagar', kind: 'share', of: ['within', 'measured'] }, n('pastDue', 'Passerat förfallodagen i dag')],
      split.map((r) => [`${GROUP_SV[r.group] ?? r.group}: ${valueSv(r)}`, r.decided, r.measured, r.median, r.p90, r.withinTarget, shareText(r.withinTargetShare), r.pastDue]),
      [{ category: 'group', series: ['share'], title: `Andel beslutade inom fem arbetsdagar ${to}`, orientation: 'horizontal' }],
      false,
    ),
  );

  const pastDueAll = handlingReport(input.handling, to, input.today).find((r) => r.group === 'all')?.pastDue ?? 0;
  const distinct = new Set(paid.map((m) => m.caseId)).size;
  const [keyRow] = suppress([n('households', ''), n('householdMonths', ''), kr('paid', '', 'householdMonths'), n('pastDue', '')], [[distinct, paid.length, sumOre(paid), pastDueAll]], min, false);
  return {
    from,
    to,
    today: input.today,
    rules,
    keys: { households: keyRow![0]!, householdMonths: keyRow![1]!, paidOre: keyRow![2]!, pastDue: keyRow![3]!, incomplete: inRange.filter((m) => m.incomplete).length },
    tables,
  };
}

const csvQuote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** What a hidden figure shows: "<3" for a small count, ".." for a figure hidden with it (as Socialstyrelsen marks a figure not shown). */
export function hiddenText(cell: Hidden): string {
  return cell.below === null ? '..' : `<${cell.below}`;
}

/** A cell as CSV text: counts and days as numbers, amounts in kronor (öre as decimals), shares as 0.667, a hidden figure as hiddenText. */
export function csvCell(column: Column, cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'object') return hiddenText(cell);
  if (typeof cell === 'string') return csvQuote(cell);
  if (column.kind === 'amount') return formatKronor(cell as Ore);
  if (column.kind === 'share') return `${Math.floor(cell / 1000)}.${String(cell % 1000).padStart(3, '0')}`;
  return String(cell);
}

/** One table as CSV (RFC 4180, CRLF, UTF-8, a header line of the page's headings). */
export function tableCsv(t: StatTable): string {
  const lines = [t.columns.map((c) => csvQuote(c.label.trim())).join(','), ...t.rows.map((r) => t.columns.map((c, i) => csvCell(c, r[i] ?? null)).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
