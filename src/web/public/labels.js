/**
 * The page's Swedish texts for codes that the engine prints in English or as codes: roles, outcomes,
 * parameter status, trace steps and the input problems the API reports (the API's own message is
 * kept as a tooltip for whoever debugs). Income, cost and asset types are not here: their labels
 * come from the period's rules through GET /api/types.
 */

export const ROLES = [
  ['applicant', 'Sökande'],
  ['partner', 'Make/maka/sambo'],
  ['child', 'Barn'],
  ['other-adult', 'Annan vuxen'],
];
export const ROLE_LABEL = Object.fromEntries(ROLES);

/** Aktivitetskrav (members[].activityRequirement.status). */
export const ACTIVITY_STATUS = [
  ['', 'Ej angivet'],
  ['required', 'Ska delta i aktivitet'],
  ['participating', 'Deltar i anvisad aktivitet'],
  ['exempt', 'Undantagen från kravet'],
  ['declined', 'Har avböjt anvisad aktivitet'],
];

export const GENDERS = [
  ['', 'Ej angivet'],
  ['female', 'Kvinna'],
  ['male', 'Man'],
  ['other', 'Annat'],
];

// The labels of the engine's codes: one catalogue for the command line's views and the pages
// (src/explain/labels.js, served as /explain/labels.js).
export { AMOUNT_NAME, OUTCOME, RESIDENCE, SEVERITY, STATUS, STEP } from '../../explain/labels.js';

/** Field names in a path ("members[1].birthDate"), for the error summary. */
export const FIELD = {
  caseId: 'Ärendenummer',
  period: 'Månad',
  municipality: 'Kommunkod',
  members: 'Hushållets medlemmar',
  incomes: 'Inkomster',
  costs: 'Kostnader',
  assets: 'Tillgångar',
  role: 'Roll',
  id: 'Id',
  birthDate: 'Födelsedatum',
  gender: 'Kön',
  daysInHousehold: 'Dagar i hushållet',
  inSchool: 'Går i skolan',
  lunchOutsideHome: 'Lunch på förskolan',
  personnummer: 'Personnummer',
  memberId: 'Person',
  type: 'Typ',
  amount: 'Belopp',
  yearToDate: 'Inkomst hittills i år',
  availableForWork: 'Står till arbetsmarknadens förfogande',
  acceptableReason: 'Skäl som har angetts',
  consecutiveMonthsOnAssistance: 'Månader i följd med bistånd',
  rentCeiling: 'Skälig hyresnivå',
  rentCeilingNotifiedOn: 'Besked om skälig hyresnivå lämnat',
  rentCeilingBasis: 'Grund för skälig hyresnivå',
  rentArrears: 'Hyresskuld',
  jobbstimulansStart: 'Jobbstimulans från',
  decidedOn: 'Beslutsdatum',
  activityRequirement: 'Aktivitetskrav',
  sickness: 'Sjukdom (läkarintyg)',
  'activityRequirement.status': 'Aktivitetskrav',
  'activityRequirement.exemption': 'Skäl för undantag från aktivitetskravet',
  'activityRequirement.acceptableReason': 'Skäl för att avböja aktivitet',
  'sickness.since': 'Sjuk sedan',
  'sickness.medicalCertificate': 'Läkarintyg',
};

const LIST = { members: 'Person', incomes: 'Inkomst', costs: 'Kostnad', assets: 'Tillgång' };

/** "members[1].birthDate" → "Person 2: Födelsedatum"; "circumstances.rentCeiling" → "Skälig hyresnivå". */
export function describePath(path) {
  const m = /^(members|incomes|costs|assets)\[(\d+)\](?:\.([\w.]+))?$/.exec(path);
  if (m) return `${LIST[m[1]]} ${Number(m[2]) + 1}${m[3] ? `: ${FIELD[m[3]] ?? m[3]}` : ''}`;
  const key = path.replace(/^circumstances\./, '');
  return FIELD[key] ?? (path.startsWith('(') ? 'Hushållet' : path);
}

const AMOUNT_HINT = 'Ange ett belopp i kronor, till exempel 7900 eller 7900,50.';
/** Fields the page fills from a list: a problem with one is mended by choosing again. */
const CHOSEN = { role: 'Välj en roll i listan.', gender: 'Välj kön i listan.', type: 'Välj typ i listan.', memberId: 'Välj en person som finns i hushållet.', status: 'Välj ett värde i listan.', exemption: 'Välj ett skäl för undantag i listan.' };
const CHOSEN_CODES = ['REQUIRED', 'INVALID_FIELD', 'INVALID_ROLE', 'INVALID_GENDER', 'INVALID_STATUS', 'UNKNOWN_TYPE', 'UNKNOWN_EXEMPTION', 'UNKNOWN_MEMBER'];
const AMOUNT_KEYS = ['amount', 'rentCeiling', 'rentArrears', 'yearToDate'];

/**
 * An input problem from the API ({ path, code, message }) as the page shows it at its field. The
 * message is the engine's own Swedish (src/explain/problems.ts: what the field must hold, why this
 * value is not that, what to do, issue 27); the page words it itself only where its control is not
 * the JSON the engine reads: a list to choose from, and amounts typed the Swedish way (7 900,50).
 */
export function problemSv({ path, code, message }) {
  const key = path.split('.').pop() ?? '';
  if (key in CHOSEN && CHOSEN_CODES.includes(code)) return CHOSEN[key];
  if (AMOUNT_KEYS.includes(key) && (code === 'INVALID_AMOUNT' || code === 'INVALID_FIELD')) return AMOUNT_HINT;
  if (code === 'BODY_TOO_LARGE') return 'Hushållet är för stort för förhandsberäkningen.';
  const text = typeof message === 'string' && message !== '' ? message : 'Uppgiften behöver rättas';
  // The engine's messages start in lower case after "path: "; at a field they stand alone.
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;
}
