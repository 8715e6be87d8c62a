/**
 * Adapter: one person's SSBTEK answer, in the agencies' own nested shape, → `registeredIncomes` and
 * `agencyAnswers` for one household member (docs/agency-income.md). SSBTEK answers are XML converted
 * to JSON (LEFI JSON for Försäkringskassan), so a repeated element is an object or a list, an empty
 * one is null, numbers may be strings, and every agency block is either data or an error
 * (`{ "error": { "kalla", "felkod", "felmeddelande" } }`). The adapter reads what is there, never
 * invents a payment, and says what it skipped (`notes`).
 *
 * Read: Försäkringskassan (fk.formansinformation.utbetalningsuppgift, and the announced
 * …preliminarautbetalningar), Pensionsmyndigheten (fk.utbetalningar / fk.preliminaraUtbetalningar),
 * the a-kassor (so.ArbetsloshetsersattningLista.Arbetsloshetsersattning[].Utbetalningar[]) and CSN
 * (csn.Personer.Person[].<stödform>.Arenden.Arende[].UtbetalningsPlan.Utbetalning[]). Arbetsförmedlingen,
 * Skatteverket, Transportstyrelsen and Migrationsverket are not read for income (noted when present).
 *
 * The transport (SOAP with a SITHS certificate, one question per person) is the municipality's: it
 * plugs in through SsbtekClient below.
 */
import { formatKronor, parseKronor } from '../money/index.ts';
import { addMonths, firstDayOf, isIsoDate, lastDayOf, type Period } from '../period/index.ts';
import type { Agency, AgencyAnswerStatus } from '../household/types.ts';

/** A registered payment in the household input format (CONTRACT.md, docs/agency-income.md). */
export interface RegisteredIncomeInput {
  memberId: string;
  agency: Agency;
  benefit: string;
  subBenefit?: string;
  amountType?: string;
  net: string;
  gross?: string;
  tax?: string;
  paidOn?: string;
  periodFrom?: string;
  periodTo?: string;
  days?: string;
  preliminary?: boolean;
  ref?: string;
}

export interface AgencyAnswerInput {
  memberId: string;
  agency: Agency;
  status: AgencyAnswerStatus;
}

export interface SsbtekImport {
  readonly registeredIncomes: RegisteredIncomeInput[];
  readonly agencyAnswers: AgencyAnswerInput[];
  /** What was not imported and why (a payment without an amount, an agency not read for income, …). */
  readonly notes: string[];
}

/** One person's SSBTEK answer as the municipality's client returns it: a map keyed by agency (af, csn, fk, skv, so, tns, miv). */
export type SsbtekAnswer = Record<string, unknown>;

/** The question the municipality's client sends for one person (one SSBTEK call per person). */
export interface SsbtekRequest {
  readonly personnummer: string;
  /** The window to read: first day of M−2 to the last day of the application month M. */
  readonly from: string;
  readonly to: string;
  readonly caseId: string;
  /** "Beslut om eller kontroll av ekonomiskt bistånd" */
  readonly purpose: string;
}

/**
 * Where the municipality's SSBTEK client plugs in (SOAP, SITHS certificate, retries, logging): it
 * returns one person's answer in the agencies' shape, or throws when the whole call failed (then no
 * agency answered: every agency is "failed", never "nothing").
 */
export interface SsbtekClient {
  fetchAnswer(request: SsbtekRequest): Promise<SsbtekAnswer>;
}

/**
 * The date window to ask SSBTEK for, for application month M: M−2 … M. For October it starts on
 * 1 June: the monthly run's studiehjälp check needs June's payments (studiehjälp paid in June and none
 * in September: has the youth left school? — Sundsvall reads SSBTEK from 1 June for October too).
 */
export function requestWindow(period: Period): { from: string; to: string } {
  const from = period.month === 10 ? { year: period.year, month: 6 } : addMonths(period, -2);
  return { from: firstDayOf(from), to: lastDayOf(period) };
}

/** Asks the client for one member and converts the answer; a failed call makes every income agency "failed". */
export async function fetchMemberIncome(client: SsbtekClient, request: SsbtekRequest, memberId: string): Promise<SsbtekImport> {
  try {
    return importSsbtekAnswer(await client.fetchAnswer(request), memberId);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      registeredIncomes: [],
      agencyAnswers: INCOME_AGENCIES.map((agency) => ({ memberId, agency, status: 'failed' as const })),
      notes: [`the SSBTEK call failed (${reason}); every agency is recorded as failed`],
    };
  }
}

const INCOME_AGENCIES: readonly Agency[] = ['fk', 'pm', 'akassa', 'csn'];

// ---- reading the untyped answer ---------------------------------------------------------------

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const obj = (v: unknown): Obj => (isObj(v) ? v : {});
/** A repeated element: absent or null → [], an object → [it], a list → the list. */
const list = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const text = (v: unknown): string | null => {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') return null;
  const t = v.trim();
  return t === '' ? null : t;
};
/** A LEFI code object ({ id, beskrivning }) or a plain string: its description. */
const label = (v: unknown): string | null => (isObj(v) ? text(v['beskrivning']) ?? text(v['id']) : text(v));

/** An amount as a kronor string, or null. Accepts 1500, "1500", "1500.5", "1500,50", { summa: … }. */
function kronor(v: unknown): { value: string | null; negative: boolean } {
  if (isObj(v)) return kronor(v['summa'] ?? v['belopp']);
  let t: string | null;
  if (typeof v === 'number') t = Number.isFinite(v) ? v.toFixed(2) : null;
  else t = text(v)?.replace(',', '.').replace(/\s/g, '') ?? null;
  if (t === null) return { value: null, negative: false };
  const negative = t.startsWith('-');
  const ore = parseKronor(negative ? t.slice(1) : t);
  return { value: ore === null ? null : formatKronor(ore), negative };
}

/** "2026-02-25", "2026-02-25T00:00:00+01:00" or "20260225" → "2026-02-25"; "0" (not booked) and anything else → null. */
function date(v: unknown): string | null {
  const t = text(v);
  if (t === null) return null;
  const iso = /^\d{8}$/.test(t) ? `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}` : t.slice(0, 10);
  return isIsoDate(iso) ? iso : null;
}

/** Monday (or Sunday) of ISO week yyyyWW, as CSN gives its covered weeks. */
function isoWeekDay(v: unknown, sunday: boolean): string | null {
  const t = text(v);
  if (t === null || !/^\d{6}$/.test(t)) return null;
  const year = Number(t.slice(0, 4));
  const week = Number(t.slice(4));
  if (week < 1 || week > 53) return null;
  const jan4 = Date.UTC(year, 0, 4);
  const jan4Weekday = (new Date(jan4).getUTCDay() + 6) % 7; // Monday = 0
  const monday = jan4 - jan4Weekday * 86_400_000 + (week - 1) * 7 * 86_400_000;
  return new Date(monday + (sunday ? 6 * 86_400_000 : 0)).toISOString().slice(0, 10);
}

/** Days as text ("22", "0.5"). */
function days(v: unknown): string | null {
  const t = text(v)?.replace(',', '.') ?? null;
  return t !== null && /^(0|[1-9]\d{0,3})(\.\d{1,2})?$/.test(t) ? t : null;
}

function isError(block: unknown): string | null {
  if (!isObj(block) || !('error' in block)) return null;
  const e = obj(block['error']);
  return [text(e['kalla']), text(e['felkod']), text(e['felmeddelande'])].filter((x) => x !== null).join(' ') || 'error';
}

interface Builder {
  readonly memberId: string;
  readonly out: RegisteredIncomeInput[];
  readonly notes: string[];
}

type OptionalField = 'subBenefit' | 'amountType' | 'gross' | 'tax' | 'paidOn' | 'periodFrom' | 'periodTo' | 'days' | 'ref';
/** A payment as read, before it is checked: optional fields may be undefined. */
type Draft = { agency: Agency; benefit: string; net: unknown; preliminary?: boolean } & { [K in OptionalField]?: string | undefined };

function push(b: Builder, where: string, p: Draft): void {
  const net = kronor(p.net);
  if (net.value === null) {
    b.notes.push(`${where}: no net amount; not imported`);
    return;
  }
  if (net.negative) {
    b.notes.push(`${where}: negative net amount (-${net.value}, a repayment or offset); not imported, a person must look at it`);
    return;
  }
  if (p.paidOn === undefined && p.periodFrom === undefined) {
    b.notes.push(`${where}: neither a payment date nor a covered period; not imported`);
    return;
  }
  const entry: RegisteredIncomeInput = { memberId: b.memberId, agency: p.agency, benefit: p.benefit, net: net.value };
  for (const key of ['subBenefit', 'amountType', 'gross', 'tax', 'paidOn', 'periodFrom', 'periodTo', 'days', 'ref'] as const) {
    const value = p[key];
    if (value !== undefined) entry[key] = value;
  }
  if (p.preliminary === true) entry.preliminary = true;
  b.out.push(entry);
}

const opt = <T>(v: T | null): T | undefined => (v === null ? undefined : v);
const optKronor = (v: unknown): string | undefined => opt(kronor(v).value);

/** Försäkringskassan (LEFI): paid and announced payments. */
function readFk(b: Builder, fk: Obj): number {
  const info = obj(fk['formansinformation']);
  let count = 0;
  const sources: [unknown, boolean, string][] = [
    [info['utbetalningsuppgift'] ?? fk['utbetalningsuppgift'], false, 'utbetalningsuppgift'],
    [info['preliminarautbetalningar'] ?? fk['preliminarautbetalningar'], true, 'preliminarautbetalningar'],
  ];
  for (const [items, preliminary, name] of sources) {
    list(items).forEach((raw, i) => {
      const p = obj(raw);
      const details = list(p['utbetalningsdetalj']);
      // Amount type and days only from a single detail row: several rows are an amount plus its deductions.
      const d = details.length === 1 ? obj(details[0]) : {};
      // The förmån also when every row names the same one (an amount and its tax deduction): a family
      // payment (Pension/SA/Livräntor/Vårdbidrag) is classified by it. Rows naming different förmåner
      // leave it unknown, and a person classifies the payment. No amount is ever summed from the rows.
      const formaner = [...new Set(details.map((x) => label(obj(x)['forman'])).filter((x): x is string => x !== null))];
      const forman = formaner.length === 1 ? formaner[0]! : null;
      const period = obj(p['period']);
      const benefit = label(p['formansfamilj']) ?? forman;
      if (benefit === null) {
        b.notes.push(`fk.${name}[${i}]: no benefit (formansfamilj); not imported`);
        return;
      }
      count++;
      push(b, `fk.${name}[${i}]`, {
        agency: 'fk',
        benefit,
        subBenefit: opt(forman),
        amountType: opt(label(d['beloppstyp'])),
        net: p['nettobelopp'],
        gross: optKronor(p['bruttobelopp']),
        tax: optKronor(p['skattebelopp']),
        paidOn: opt(date(p['datum'])),
        periodFrom: opt(date(period['fran'])),
        periodTo: opt(date(period['till'])),
        days: opt(days(d['dagar'])),
        preliminary,
        ref: opt(text(p['id']) ?? text(p['utbetalningsid'])),
      });
    });
  }
  return count;
}

/** Pensionsmyndigheten (inside the fk block): the benefit is the single benefit its rows name, else "PM". */
function readPm(b: Builder, fk: Obj, pm: Obj): number {
  let count = 0;
  const sources: [unknown, boolean, string][] = [
    [fk['utbetalningar'] ?? pm['utbetalningar'], false, 'utbetalningar'],
    [fk['preliminaraUtbetalningar'] ?? pm['preliminaraUtbetalningar'], true, 'preliminaraUtbetalningar'],
  ];
  for (const [items, preliminary, name] of sources) {
    list(items).forEach((raw, i) => {
      const p = obj(raw);
      const rows = list(p['utbetalningsrader']).map(obj);
      const named = [...new Set(rows.map((r) => label(r['utbetalningsforman']) ?? label(r['formansgrupp'])).filter((x): x is string => x !== null))];
      const period = obj(p['utbetalningsperiod']);
      count++;
      push(b, `fk.${name}[${i}]`, {
        agency: 'pm',
        benefit: named.length === 1 ? named[0]! : 'PM',
        amountType: opt(rows.length === 1 ? label(rows[0]!['beloppstyp']) : null),
        net: p['nettobelopp'],
        gross: optKronor(p['bruttobelopp']),
        paidOn: opt(date(p['utbetalningsdatum'])),
        periodFrom: opt(date(period['from'])),
        periodTo: opt(date(period['tom'])),
        preliminary,
        ref: opt(text(p['utbetalningsid']) ?? text(p['id'])),
      });
    });
  }
  return count;
}

/** The a-kassor: one entry per fund, each with its answer status and payments (net after tax). */
function readAkassa(b: Builder, so: Obj): AgencyAnswerStatus {
  const funds = list(obj(so['ArbetsloshetsersattningLista'])['Arbetsloshetsersattning']).map(obj);
  let answered = false;
  let unverifiable = false;
  funds.forEach((fund, f) => {
    const status = text(fund['StatusSvarandeOrganisation'])?.toUpperCase() ?? null;
    const name = text(fund['SvarandeOrganisation']) ?? `fund ${f}`;
    if (status === 'INGET_HOS_OSS') return;
    if (status !== 'SVARAT') {
      unverifiable = true;
      b.notes.push(`so: ${name} answered "${status ?? 'no status'}"; its data cannot be verified`);
    } else answered = true;
    list(fund['Utbetalningar']).forEach((raw, i) => {
      const p = obj(raw);
      push(b, `so.${name}.Utbetalningar[${i}]`, {
        agency: 'akassa',
        benefit: 'Arbetslöshetsersättning',
        net: p['NettoEfterSkatt'],
        gross: optKronor(p['Bruttobelopp'] ?? p['Brutto']),
        tax: optKronor(p['Skatt'] ?? p['Skatteavdrag']),
        paidOn: opt(date(p['Utbetalningsdatum'])),
        periodFrom: opt(date(p['AvserFrom'])),
        periodTo: opt(date(p['AvserTom'])),
        days: opt(days(p['Ersattningsdagar'])),
        ref: opt(text(p['UtbetalningsId']) ?? text(p['Id'])),
      });
    });
  });
  return unverifiable ? 'unverifiable' : answered ? 'answered' : 'nothing';
}

const CSN_SUPPORT: Record<string, string> = { Studiemedel: 'Studiemedel', Studiehjalp: 'Studiehjälp', Studiestartsstod: 'Studiestartsstöd', Omstallningsstudiestod: 'Omställningsstudiestöd' };

/** CSN: every ärende's payment plan; both Utbetald and Planerad rows (a planned one is marked preliminary). */
function readCsn(b: Builder, csn: Obj): number {
  let count = 0;
  for (const person of list(obj(csn['Personer'])['Person']).map(obj)) {
    for (const [key, benefit] of Object.entries(CSN_SUPPORT)) {
      list(obj(person[key])['Arenden'] === undefined ? null : obj(obj(person[key])['Arenden'])['Arende']).forEach((rawCase, c) => {
        const arende = obj(rawCase);
        list(obj(arende['UtbetalningsPlan'])['Utbetalning']).forEach((rawPayment, i) => {
          const p = obj(rawPayment);
          const times = list(obj(p['Utbetaldatider'])['Utbetaldtid']).map(obj);
          const amounts = times.length === 1 ? list(obj(times[0]!['Beloppen'])['Belopp']).map(obj) : [];
          count++;
          push(b, `csn.${key}.Arende[${c}].Utbetalning[${i}]`, {
            agency: 'csn',
            benefit,
            subBenefit: opt(text(arende['klartext']) ?? text(arende['stodform'])),
            amountType: opt(amounts.length === 1 ? text(amounts[0]!['klartext']) ?? text(amounts[0]!['beloppstyp']) : null),
            net: p['totbelopp'],
            paidOn: opt(date(p['utbetdatum'])),
            periodFrom: opt(times.length > 0 ? isoWeekDay(times[0]!['startvecka'], false) : null),
            periodTo: opt(times.length > 0 ? isoWeekDay(times[times.length - 1]!['slutvecka'], true) : null),
            preliminary: text(p['utbetstatus'])?.toLowerCase() === 'planerad',
            ref: opt(text(arende['arendenummer']) ?? text(arende['id'])),
          });
        });
      });
    }
  }
  return count;
}

/** Converts one person's SSBTEK answer into the household's registeredIncomes and agencyAnswers for memberId. */
export function importSsbtekAnswer(answer: unknown, memberId: string): SsbtekImport {
  const b: Builder = { memberId, out: [], notes: [] };
  const answers: AgencyAnswerInput[] = [];
  if (!isObj(answer)) {
    return { registeredIncomes: [], agencyAnswers: INCOME_AGENCIES.map((agency) => ({ memberId, agency, status: 'failed' })), notes: ['the answer is not a JSON object keyed by agency; every agency is recorded as failed'] };
  }
  const status = (agency: Agency, s: AgencyAnswerStatus) => answers.push({ memberId, agency, status: s });
  const missing = (key: string, agencies: Agency[]) => {
    b.notes.push(`${key}: no block in the answer; ${agencies.join(' and ')} recorded as failed (absence is not "no income")`);
    for (const a of agencies) status(a, 'failed');
  };

  const fkError = isError(answer['fk']);
  if (answer['fk'] === undefined || answer['fk'] === null) missing('fk', ['fk', 'pm']);
  else if (fkError !== null) {
    b.notes.push(`fk: error (${fkError}); Försäkringskassan and Pensionsmyndigheten recorded as failed`);
    status('fk', 'failed');
    status('pm', 'failed');
  } else {
    const fk = obj(answer['fk']);
    status('fk', readFk(b, fk) > 0 ? 'answered' : 'nothing');
    status('pm', readPm(b, fk, obj(answer['pm'])) > 0 ? 'answered' : 'nothing');
  }

  const soError = isError(answer['so']);
  if (answer['so'] === undefined || answer['so'] === null) missing('so', ['akassa']);
  else if (soError !== null) {
    b.notes.push(`so: error (${soError}); the a-kassor recorded as failed`);
    status('akassa', 'failed');
  } else status('akassa', readAkassa(b, obj(answer['so'])));

  const csnError = isError(answer['csn']);
  if (answer['csn'] === undefined || answer['csn'] === null) missing('csn', ['csn']);
  else if (csnError !== null) {
    b.notes.push(`csn: error (${csnError}); CSN recorded as failed`);
    status('csn', 'failed');
  } else status('csn', readCsn(b, obj(answer['csn'])) > 0 ? 'answered' : 'nothing');

  for (const key of Object.keys(answer).sort()) {
    if (key === 'fk' || key === 'so' || key === 'csn' || key === 'pm') continue;
    const error = isError(answer[key]);
    b.notes.push(`${key}: ${error !== null ? `error (${error}); ` : ''}not read for income by this adapter`);
  }
  // An agency with payments has answered, whatever else its block said (a "nothing" beside payments would contradict them).
  for (const a of answers) if (a.status === 'nothing' && b.out.some((r) => r.agency === a.agency)) a.status = 'answered';
  return { registeredIncomes: b.out, agencyAnswers: answers, notes: b.notes };
}

/**
 * Puts one member's import into a household (the CONTRACT.md JSON): that member's earlier registered
 * payments and answers are replaced, everyone else's are kept.
 */
export function mergeIntoHousehold(household: Obj, imported: SsbtekImport, memberId: string): Obj {
  const keep = (v: unknown) => list(v).filter((x) => !(isObj(x) && x['memberId'] === memberId));
  return {
    ...household,
    registeredIncomes: [...keep(household['registeredIncomes']), ...imported.registeredIncomes],
    agencyAnswers: [...keep(household['agencyAnswers']), ...imported.agencyAnswers],
  };
}
