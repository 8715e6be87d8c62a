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

export const OUTCOME = {
  approve: 'Bifall',
  partial: 'Delvis bifall',
  deny: 'Avslag',
  'needs-information': 'Uppgifter saknas',
};

export const STATUS = {
  verified: 'verifierad',
  derived: 'härledd',
  estimate: 'uppskattad',
  unverified: 'ej verifierad',
  pending: 'ej publicerad',
};

/** The named amounts a flag carries (flag.amounts), as the caseworker reads them. */
export const AMOUNT_NAME = {
  declared: 'Redovisat',
  registered: 'Registrerat',
  previous: 'Förra månaden',
  current: 'Denna månad',
  full: 'Fullt belopp',
  adultPart: 'Den vuxnes del',
  childrenPart: 'Barnens del',
  withoutAdultPart: 'Utan den vuxnes del',
  payableNotCounted: 'Att betala om den inte räknas',
  payableCounted: 'Att betala om den räknas som trolig förmån',
};

export const SEVERITY = {
  block: 'Hindrar förslag',
  assessment: 'Bedömning',
  warning: 'Varning',
  info: 'Information',
};

export const RESIDENCE = {
  'full-time': 'Bor här hela månaden',
  'part-time': 'Bor här del av månaden',
  'not-this-month': 'Bor inte här denna månad',
};

export const STEP = {
  'norm.member': 'Riksnorm per person',
  'norm.householdSize': 'Hushållets storlek',
  'norm.common': 'Gemensamma hushållskostnader',
  'norm.commonShare': 'Andel av gemensamma kostnader',
  'norm.separate': 'Eget ärende',
  'norm.total': 'Summa riksnorm',
  'costs.item': 'Kostnad',
  'costs.total': 'Summa godtagna kostnader',
  'income.item': 'Inkomst',
  'income.jobbstimulans': 'Jobbstimulans',
  'income.total': 'Summa inkomster',
  'assets.item': 'Tillgång',
  'assets.available': 'Egna medel',
  'conditions.eligibility': 'Rätt till bistånd',
  'conditions.labour-market': 'Arbetsmarknadens förfogande',
  'conditions.flags': 'Att bedöma',
  'decision.need': 'Behov',
  'decision.deficit': 'Underskott',
  'decision.payable': 'Att betala',
  'decision.outcome': 'Utfall',
  childImpact: 'Barnkonsekvens',
  'activity.requirement': 'Aktivitetskrav',
  'medical.certificate': 'Läkarintyg',
  'rules.pending': 'Regel saknas',
};

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

/** An input problem from the API ({ path, code, message }) in Swedish. */
export function problemSv({ path, code, message }) {
  const key = path.split('.').pop() ?? '';
  switch (code) {
    case 'INVALID_STATUS':
      return path.includes('activityRequirement') ? 'Välj aktivitetskravets status i listan.' : 'Välj ett värde i listan.';
    case 'UNKNOWN_EXEMPTION':
      return 'Välj ett skäl för undantag som finns i reglerna för månaden.';
    case 'NOT_EXEMPT':
      return 'Skäl för undantag anges bara när personen är undantagen.';
    case 'NOT_DECLINED':
      return 'Skäl för att avböja anges bara när personen har avböjt.';
    case 'NOT_AN_ADULT_IN_CASE':
      return 'Gäller bara sökande och make/maka/sambo.';
    case 'AFTER_PERIOD':
      return 'Datumet ligger efter beräkningsmånaden.';
    case 'DECIDED_TOO_EARLY':
      return 'Beslutsdatumet ligger mer än en månad före beräkningsmånaden.';
    case 'REQUIRED':
      return key === 'birthDate' ? 'Ange födelsedatum (ÅÅÅÅ-MM-DD).' : key === 'period' ? 'Ange månad (ÅÅÅÅ-MM).' : key === 'exemption' ? 'Välj skäl för undantag.' : 'Uppgiften måste fyllas i.';
    case 'INVALID_FIELD':
      if (key === 'daysInHousehold' || key === 'consecutiveMonthsOnAssistance') return 'Ange ett heltal.';
      if (['amount', 'rentCeiling', 'rentArrears', 'yearToDate'].includes(key)) return AMOUNT_HINT;
      return 'Ogiltigt värde.';
    case 'INVALID_PERIOD':
      return 'Ange månad som ÅÅÅÅ-MM, till exempel 2023-03.';
    case 'NO_RULES_FOR_PERIOD':
      return 'Det finns inga regler (riksnorm) för den månaden.';
    case 'INVALID_MUNICIPALITY':
      return 'Kommunkoden har fyra siffror, till exempel 0821.';
    case 'NEGATIVE_AMOUNT':
      return 'Beloppet kan inte vara negativt.';
    case 'INVALID_AMOUNT':
      return AMOUNT_HINT;
    case 'INVALID_DATE':
      if (/plausible/.test(message)) return 'Datumet är inte ett rimligt födelsedatum.';
      // A well-formed date that is not in the calendar (2023-02-30); anything else is a format the page could not read.
      return /"\d{4}-\d{2}-\d{2}"/.test(message) ? 'Datumet finns inte i kalendern.' : 'Skriv datumet som ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD, till exempel 1988-05-14.';
    case 'BORN_AFTER_PERIOD':
      return 'Födelsedatumet ligger efter beräkningsmånaden.';
    case 'DUPLICATE_MEMBER_ID':
      return 'Id:t används redan av en annan person i hushållet.';
    case 'INVALID_ROLE':
      return 'Välj en roll i listan.';
    case 'INVALID_GENDER':
      return 'Välj kön i listan.';
    case 'NOT_A_CHILD':
      return 'Gäller bara personer med rollen Barn.';
    case 'INVALID_DAYS':
      return 'Antal dagar ska vara mellan 0 och antalet dagar i månaden.';
    case 'INVALID_PERSONNUMMER':
      return 'Personnumret är inte giltigt.';
    case 'NO_MEMBERS':
      return 'Hushållet måste ha minst en sökande.';
    case 'NO_APPLICANT':
      return 'En person i hushållet måste ha rollen Sökande.';
    case 'SEVERAL_APPLICANTS':
      return 'Bara en person kan ha rollen Sökande.';
    case 'SEVERAL_PARTNERS':
      return 'Högst en person kan vara make/maka/sambo.';
    case 'UNKNOWN_MEMBER':
      return 'Välj en person som finns i hushållet.';
    case 'UNKNOWN_TYPE':
      return 'Typen finns inte i reglerna för den här månaden.';
    case 'INVALID_JSON':
      return 'Uppgifterna kunde inte läsas (ogiltig JSON).';
    case 'BODY_TOO_LARGE':
      return 'Hushållet är för stort för förhandsberäkningen.';
    default:
      return 'Uppgiften behöver rättas.';
  }
}
