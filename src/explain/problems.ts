/**
 * The texts of the input problems (issue 27), in Swedish (the default, the caseworker's language) and
 * English (`--lang en`): src/household/problems.ts has the problems as data (path, key, args); this
 * view renders them where they are shown (calculate's stderr, batch's error lines, the API, the page).
 *
 * Each text says what the field must hold in docs/household.md's words, the reason the value is not
 * that (a date that does not exist is not "the wrong form") and, where there is one, what to do. No
 * text holds a full personnummer or an input value longer than ECHO_MAX characters, and every repeated
 * value is quoted with its control characters escaped (household/echo.ts), so a message is one line.
 * docs/household.md lists every key with both texts (scripts/problem-docs.ts writes the table; a test
 * checks it is current).
 */
import { quoteText } from '../household/echo.ts';
import type { InputIssue } from '../household/types.ts';
import { codeOf, type Echo, type FieldKind, type Given, type InputProblem, type ProblemArgTypes, type ProblemKey, type RulesPart, type TypedList } from '../household/problems.ts';
import { krEn, krSv, monthEn, monthSv } from './format.ts';

export type Lang = 'sv' | 'en';

type Texts = { readonly [K in ProblemKey]: (a: ProblemArgTypes[K]) => string };

// ---- formatting, per language ------------------------------------------------------------------

/** A whole number with thousands separators: 72 000 / 72,000. */
const numSv = (n: number): string => (Number.isSafeInteger(n) ? String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ') : String(n));
const numEn = (n: number): string => (Number.isSafeInteger(n) ? String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : String(n));
const quoteSv = (e: Echo): string => `${quoteText(e.text)}${e.length === undefined ? '' : `… (avkortat, ${numSv(e.length)} tecken)`}`;
const quoteEn = (e: Echo): string => `${quoteText(e.text)}${e.length === undefined ? '' : `… (cut, ${numEn(e.length)} characters)`}`;
/** A value from the input that is a text (quoted) or true/false. */
const shownSv = (v: Echo | boolean): string => (typeof v === 'boolean' ? String(v) : quoteSv(v));
const shownEn = (v: Echo | boolean): string => (typeof v === 'boolean' ? String(v) : quoteEn(v));
/** A list of choices: "a, b eller c" / "a, b or c". */
const choicesSv = (items: readonly string[]): string => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} eller ${items[items.length - 1]}`);
const choicesEn = (items: readonly string[]): string => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`);

// ---- what a field must hold ---------------------------------------------------------------------

const HOLDS_SV: Readonly<Record<FieldKind, string>> = {
  household: 'ett hushåll: ett JSON-objekt { … } med period, members och de andra fälten',
  caseId: 'ärendenumret som text, till exempel "2026-000123"',
  period: 'månaden som söks, ÅÅÅÅ-MM, till exempel "2026-03"',
  date: 'ett datum ÅÅÅÅ-MM-DD, till exempel "2026-02-25"',
  birthDate: 'födelsedatumet, ÅÅÅÅ-MM-DD, till exempel "1988-04-02"',
  decidedOn: 'dagen beslutet fattas, ÅÅÅÅ-MM-DD, till exempel "2026-03-05"',
  kommunkod: 'kommunkoden, fyra siffror som text, till exempel "1287"',
  members: 'en lista [ … ] med hushållets medlemmar, minst den sökande',
  member: 'en medlem: ett objekt { … } med id, role och birthDate',
  memberId: 'ett id för medlemmen som text, till exempel "a1"',
  memberRef: 'id:t för en av hushållets medlemmar, till exempel "a1"',
  role: 'en av rollerna applicant, partner, child eller other-adult',
  flag: 'true eller false',
  flagOrNull: 'true, false eller null (uppgiften saknas)',
  days: 'antal dagar i månaden som ett heltal, till exempel 15',
  gender: 'female, male eller other',
  personnummer: 'personnumret som text, ÅÅÅÅMMDD-NNNN',
  reason: 'skälet som text',
  name: 'namnet som text',
  letterhead: 'brevhuvudet: ett objekt { … } med board, applicationDate, applicantAddress, decisionMaker och contact',
  letterText: 'en textrad',
  addressLines: 'adressen: en lista med textrader',
  decisionMaker: 'beslutsfattaren: ett objekt { … } med name, title och delegation',
  contact: 'kontaktpersonen: ett objekt { … } med name, phone och email',
  activityRequirement: 'aktivitetskravet: ett objekt { … } med status och, vid behov, exemption eller acceptableReason',
  activityStatus: 'required, exempt, participating eller declined',
  exemption: 'en kod för skälet till undantag (rules/activity-requirement.json)',
  sickness: 'sjukdomen: ett objekt { … } med since och medicalCertificate',
  supportObstacle: 'en kod för försörjningshindret (rules/support-obstacles.json)',
  district: 'stadsdelen eller distriktet som text',
  incomes: 'en lista [ … ] med hushållets inkomster',
  income: 'en inkomst: ett objekt { … } med memberId, type och amount',
  incomeType: 'en inkomsttyp, till exempel "salary"',
  costs: 'en lista [ … ] med kostnaderna som söks',
  cost: 'en kostnad: ett objekt { … } med type och amount',
  costType: 'en kostnadstyp, till exempel "rent"',
  assets: 'en lista [ … ] med tillgångar',
  asset: 'en tillgång: ett objekt { … } med type och amount',
  assetType: 'en tillgångstyp, till exempel "bank"',
  money: 'ett belopp i kronor som text, till exempel "7900" eller "7900.50"',
  description: 'en beskrivning som text',
  circumstances: 'omständigheterna: ett objekt { … } med availableForWork, consecutiveMonthsOnAssistance …',
  months: 'antal hela månader i följd som ett heltal, till exempel 7',
  month: 'en månad ÅÅÅÅ-MM, till exempel "2025-10"',
  registeredIncomes: 'en lista [ … ] med myndigheternas utbetalningar',
  registeredIncome: 'en utbetalning: ett objekt { … } med memberId, agency, benefit, net och paidOn',
  agency: 'myndigheten: fk, pm, akassa, csn, af, skv eller migrationsverket',
  benefit: 'förmånen med myndighetens ord, till exempel "Bostadsbidrag"',
  agencyText: 'text med myndighetens ord',
  agencyDays: 'antal dagar som text, till exempel "22" eller "0.5"',
  assessment: 'handläggarens bedömning av utbetalningen: ett objekt { … } med action, incomeType och reason',
  assessmentAction: 'count (räknas som inkomst) eller exclude (räknas inte)',
  agencyAnswers: 'en lista [ … ] med myndigheternas svar',
  agencyAnswer: 'ett svar: ett objekt { … } med memberId, agency och status',
  answerStatus: 'answered, nothing, unverifiable eller failed',
};

const HOLDS_EN: Readonly<Record<FieldKind, string>> = {
  household: 'a household: a JSON object { … } with period, members and the other fields',
  caseId: 'the case number as text, for example "2026-000123"',
  period: 'the month applied for, YYYY-MM, for example "2026-03"',
  date: 'a date YYYY-MM-DD, for example "2026-02-25"',
  birthDate: 'the date of birth, YYYY-MM-DD, for example "1988-04-02"',
  decidedOn: 'the day the decision is made, YYYY-MM-DD, for example "2026-03-05"',
  kommunkod: 'the kommunkod, four digits as text, for example "1287"',
  members: "a list [ … ] of the household's members, at least the applicant",
  member: 'a member: an object { … } with id, role and birthDate',
  memberId: 'an id for the member as text, for example "a1"',
  memberRef: 'the id of one of the household members, for example "a1"',
  role: 'one of the roles applicant, partner, child or other-adult',
  flag: 'true or false',
  flagOrNull: 'true, false or null (not known)',
  days: 'the days of the month as a whole number, for example 15',
  gender: 'female, male or other',
  personnummer: 'the personnummer as text, YYYYMMDD-NNNN',
  reason: 'the reason as text',
  name: 'the name as text',
  letterhead: 'the letterhead: an object { … } with board, applicationDate, applicantAddress, decisionMaker and contact',
  letterText: 'a line of text',
  addressLines: 'the address: a list of lines of text',
  decisionMaker: 'the decision maker: an object { … } with name, title and delegation',
  contact: 'the contact person: an object { … } with name, phone and email',
  activityRequirement: 'the activity requirement: an object { … } with status and, when needed, exemption or acceptableReason',
  activityStatus: 'required, exempt, participating or declined',
  exemption: 'a code for the exemption (rules/activity-requirement.json)',
  sickness: 'the illness: an object { … } with since and medicalCertificate',
  supportObstacle: 'a code for the obstacle to self-support (rules/support-obstacles.json)',
  district: 'the stadsdel or district as text',
  incomes: "a list [ … ] of the household's incomes",
  income: 'an income: an object { … } with memberId, type and amount',
  incomeType: 'an income type, for example "salary"',
  costs: 'a list [ … ] of the costs applied for',
  cost: 'a cost: an object { … } with type and amount',
  costType: 'a cost type, for example "rent"',
  assets: 'a list [ … ] of assets',
  asset: 'an asset: an object { … } with type and amount',
  assetType: 'an asset type, for example "bank"',
  money: 'an amount in kronor as text, for example "7900" or "7900.50"',
  description: 'a description as text',
  circumstances: 'the circumstances: an object { … } with availableForWork, consecutiveMonthsOnAssistance …',
  months: 'the whole months in a row as a whole number, for example 7',
  month: 'a month YYYY-MM, for example "2025-10"',
  registeredIncomes: "a list [ … ] of the agencies' payments",
  registeredIncome: 'a payment: an object { … } with memberId, agency, benefit, net and paidOn',
  agency: 'the agency: fk, pm, akassa, csn, af, skv or migrationsverket',
  benefit: 'the benefit in the agency\'s words, for example "Bostadsbidrag"',
  agencyText: "text in the agency's words",
  agencyDays: 'the days as text, for example "22" or "0.5"',
  assessment: "the caseworker's assessment of the payment: an object { … } with action, incomeType and reason",
  assessmentAction: 'count (counted as income) or exclude (not counted)',
  agencyAnswers: "a list [ … ] of the agencies' answers",
  agencyAnswer: 'an answer: an object { … } with memberId, agency and status',
  answerStatus: 'answered, nothing, unverifiable or failed',
};

const givenSv = (g: Given, value?: Echo): string =>
  ({ number: 'ett tal utan citattecken', text: value ? `texten ${quoteSv(value)}` : 'en text', true: 'true', false: 'false', null: 'null', list: 'en lista [ … ]', object: 'ett objekt { … }' })[g];
const givenEn = (g: Given, value?: Echo): string =>
  ({ number: 'a number without quotes', text: value ? `the text ${quoteEn(value)}` : 'a text', true: 'true', false: 'false', null: 'null', list: 'a list [ … ]', object: 'an object { … }' })[g];

const PART_SV: Readonly<Record<RulesPart, string>> = {
  riksnorm: 'riksnormen (rules/riksnorm/)',
  legal: 'lagrummen (rules/legal-references.json)',
  prisbasbelopp: 'prisbasbeloppet (rules/prisbasbelopp.json)',
  incomeTypes: 'inkomsttyperna (rules/income-types.json)',
  costTypes: 'kostnadstyperna (rules/cost-types.json)',
  assetTypes: 'tillgångstyperna (rules/asset-types.json)',
  municipal: 'kommunens regler (rules/municipal/)',
  barnkonsekvens: 'mallen för barnkonsekvensanalysen (rules/barnkonsekvens.json)',
  eligibility: 'villkoren för rätten till bistånd (rules/conditions/)',
  'labour-market': 'villkoren om arbetsmarknaden (rules/conditions/)',
  flags: 'flaggorna (rules/conditions/)',
  agencyIncomeMonth: 'regeln om vilken månad en utbetalning räknas i (rules/municipal/)',
  agencyIncomeMap: 'tabellen över myndigheternas utbetalningar (rules/agency-income-map.json)',
  jobbstimulans: 'jobbstimulansen (rules/jobbstimulans.json)',
};
const PART_EN: Readonly<Record<RulesPart, string>> = {
  riksnorm: 'the riksnorm tables (rules/riksnorm/)',
  legal: 'the legal references (rules/legal-references.json)',
  prisbasbelopp: 'the prisbasbelopp values (rules/prisbasbelopp.json)',
  incomeTypes: 'the income types (rules/income-types.json)',
  costTypes: 'the cost types (rules/cost-types.json)',
  assetTypes: 'the asset types (rules/asset-types.json)',
  municipal: "the municipality's rules (rules/municipal/)",
  barnkonsekvens: 'the barnkonsekvens templates (rules/barnkonsekvens.json)',
  eligibility: 'the conditions for the right to aid (rules/conditions/)',
  'labour-market': 'the labour-market conditions (rules/conditions/)',
  flags: 'the flag conditions (rules/conditions/)',
  agencyIncomeMonth: 'the rules for which month a payment counts in (rules/municipal/)',
  agencyIncomeMap: "the tables of the agencies' payments (rules/agency-income-map.json)",
  jobbstimulans: 'the jobbstimulans rules (rules/jobbstimulans.json)',
};

const TYPE_NOUN_SV: Readonly<Record<TypedList, string>> = { incomes: 'inkomsttyp', costs: 'kostnadstyp', assets: 'tillgångstyp' };
const TYPE_NOUN_EN: Readonly<Record<TypedList, string>> = { incomes: 'an income type', costs: 'a cost type', assets: 'an asset type' };

const WAY_FORWARD_SV =
  'Välj en månad som reglerna täcker, eller räkna med en regelkatalog som har den (--rules KATALOG); ett nytt år läggs till i rules/ när dess värden är publicerade.';
const WAY_FORWARD_EN = 'Choose a month the rules cover, or calculate with a rules directory that has it (--rules DIR); a new year is added to rules/ once its values are published.';

// ---- the catalogues -----------------------------------------------------------------------------

export const PROBLEMS_SV: Texts = {
  INVALID_UTF8: (a) => `är inte UTF-8: byten på position ${numSv(a.offset)} hör inte till något UTF-8-tecken; spara filen som UTF-8`,
  'INVALID_UTF8.line': (a) => `raden är inte UTF-8: byten på position ${numSv(a.offset)} i raden hör inte till något UTF-8-tecken; spara filen som UTF-8`,
  INVALID_JSON: (a) => `är inte giltig JSON: felet finns på rad ${numSv(a.line)}, tecken ${numSv(a.column)}; kontrollera kommatecken, citattecken och klamrar där`,
  'INVALID_JSON.line': (a) => `raden är inte giltig JSON: felet finns vid tecken ${numSv(a.column)}; kontrollera kommatecken, citattecken och klamrar där`,
  'INVALID_JSON.end': () => 'är inte giltig JSON: texten tar slut för tidigt (en klammer, ett citattecken eller ett värde saknas i slutet)',
  TOO_LARGE: (a) => `är ${numSv(a.size)} byte, men ett hushåll får vara högst ${numSv(a.max)} byte (motorns gräns): kontrollera att det är rätt fil`,
  UNREADABLE_FILE: (a) => `kan inte läsas (${a.reason}): kontrollera sökvägen och filen`,
  'UNREADABLE_FILE.notFound': () => 'filen finns inte: kontrollera sökvägen',
  'UNREADABLE_FILE.denied': () => 'filen får inte läsas (behörighet saknas)',
  'UNREADABLE_FILE.directory': () => 'är en mapp, inte en fil: ange hushållets JSON-fil',
  NOT_AN_OBJECT: (a) => `ska vara ${HOLDS_SV.household}, men här står ${givenSv(a.given)}`,
  TOO_DEEP: (a) => `har listor och objekt i mer än ${a.max} nivåer, men ett hushåll har högst 4: ta bort det som inte hör till hushållet`,
  EMPTY_LINE: () => 'tom rad: varje rad ska vara ett hushåll som JSON',
  TOO_MANY_PROBLEMS: (a) => `och ${numSv(a.more)} problem till (de första ${numSv(a.max)} visas): rätta dem och kör igen`,

  REQUIRED: (a) => `saknas: ange ${HOLDS_SV[a.holds]}`,
  INVALID_FIELD: (a) => `ska vara ${HOLDS_SV[a.holds]}, men här står ${givenSv(a.given, a.value)}`,
  'INVALID_FIELD.notWhole': (a) => `ska vara ${HOLDS_SV[a.holds]}, men här står ett tal med decimaler eller ett för stort tal`,
  'INVALID_FIELD.negative': (a) => `får inte vara negativt (här står ${a.value}): ange ${HOLDS_SV[a.holds]}`,
  'INVALID_FIELD.empty': (a) => `får inte vara tomt: ange ${HOLDS_SV[a.holds]}`,

  INVALID_PERIOD: (a) => `ska vara en månad ÅÅÅÅ-MM, till exempel "2026-03", men här står ${quoteSv(a.value)}`,
  'INVALID_PERIOD.noSuchMonth': (a) => `${quoteSv(a.value)} är ingen månad som finns: det finns ingen månad ${a.month} (bara 01–12)`,
  'INVALID_PERIOD.toBeforeFrom': (a) => `${a.value} ligger före periodFrom ${a.from}: perioden kan inte sluta innan den börjar`,
  INVALID_DATE: (a) => `ska vara ett datum ÅÅÅÅ-MM-DD, till exempel "1988-04-02", men här står ${quoteSv(a.value)}`,
  'INVALID_DATE.noSuchMonth': (a) => `${a.value} är inget datum som finns: det finns ingen månad ${a.month} (bara 01–12)`,
  'INVALID_DATE.noSuchDay': (a) => `${a.value} är inget datum som finns: ${monthSv(a.month)} har dagarna 1–${a.days}`,
  'INVALID_DATE.beforeEarliest': (a) => `${a.value} är inte ett rimligt födelsedatum (tidigast ${a.earliest}): kontrollera årtalet`,
  INVALID_MUNICIPALITY: (a) => `ska vara ${HOLDS_SV.kommunkod}, men här står ${quoteSv(a.value)}`,
  INVALID_ROLE: (a) => `ska vara applicant (sökande), partner (make/maka/sambo), child (barn) eller other-adult (annan vuxen), men här står ${quoteSv(a.value)}`,
  INVALID_GENDER: (a) => `ska vara ${choicesSv(a.allowed)}, men här står ${quoteSv(a.value)}`,
  INVALID_SUPPORT_OBSTACLE: (a) => `ska vara en kod för försörjningshindret i rules/support-obstacles.json (små bokstäver och bindestreck, till exempel "arbetslos-ingen-ersattning"), men här står ${quoteSv(a.value)}`,
  INVALID_STATUS: (a) => `ska vara ${choicesSv(a.allowed)}, men här står ${quoteSv(a.value)}`,
  UNKNOWN_AGENCY: (a) => `ska vara myndighetens kod, ${choicesSv(a.allowed)}, men här står ${quoteSv(a.value)}`,
  INVALID_ACTION: (a) => `ska vara ${HOLDS_SV.assessmentAction}, men här står ${quoteSv(a.value)}`,
  INVALID_DAYS: (a) => `ska vara ${HOLDS_SV.agencyDays}, men här står ${quoteSv(a.value)}`,
  'INVALID_DAYS.negative': (a) => `får inte vara negativt (här står ${a.value}): ange hur många dagar av månaden barnet bor här`,
  'INVALID_DAYS.moreThanMonth': (a) => `${monthSv(a.period)} har ${a.days} dagar: ange högst ${a.days}`,
  INVALID_PERSONNUMMER: (a) => `ska vara ett personnummer ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN (ÅÅMMDD+NNNN från 100 år), men här står en text med ${numSv(a.length)} tecken`,
  'INVALID_PERSONNUMMER.plus': () => 'tecknet + (100 år eller äldre) används bara i den korta formen ÅÅMMDD+NNNN',
  'INVALID_PERSONNUMMER.date': (a) => `datumdelen av ${a.masked} är inget datum som finns (i ett samordningsnummer är dagen ökad med 60)`,
  'INVALID_PERSONNUMMER.checkDigit': (a) => `kontrollsiffran stämmer inte i ${a.masked}: kontrollera att siffrorna är rätt skrivna`,
  INVALID_AMOUNT: (a) => `ska vara ${HOLDS_SV.money} (högst två decimaler, utan mellanslag och utan "kr"), men här står ${quoteSv(a.value)}`,
  NEGATIVE_AMOUNT: (a) => `får inte vara negativt (här står ${quoteSv(a.value)})`,
  AMOUNT_TOO_LARGE: (a) => `får vara högst ${krSv(a.max)} (motorns gräns för ett belopp): kontrollera beloppet`,
  TOTAL_TOO_LARGE: (a) => `beloppen blir tillsammans mer än ${krSv(a.max)} (motorns gräns för ett hushåll): kontrollera beloppen`,
  TOO_LONG: (a) => `får vara högst ${numSv(a.max)} tecken (här ${numSv(a.length)})`,
  TOO_MANY_ITEMS: (a) => `får ha högst ${numSv(a.max)} rader (här ${numSv(a.count)}), motorns gräns för ett hushåll: kontrollera att listan inte har upprepats`,

  NO_MEMBERS: () => 'hushållet måste ha minst en medlem: den sökande, med role "applicant"',
  NO_APPLICANT: () => 'en medlem ska ha rollen "applicant" (den sökande), men ingen har det',
  SEVERAL_APPLICANTS: (a) => `bara en medlem kan ha rollen "applicant" (den sökande), men ${a.count} har det: en make, maka eller sambo har rollen "partner"`,
  SEVERAL_PARTNERS: (a) => `högst en medlem kan ha rollen "partner" (make/maka/sambo), men ${a.count} har det: en annan vuxen i hemmet har rollen "other-adult"`,
  TOO_MANY_MEMBERS: (a) => `får ha högst ${numSv(a.max)} medlemmar (här ${numSv(a.count)}), motorns gräns för ett hushåll`,
  DUPLICATE_MEMBER_ID: (a) => `id:t ${quoteSv(a.value)} används redan av members[${a.other}]: ge varje medlem ett eget id`,
  UNKNOWN_MEMBER: (a) => `ingen medlem har id:t ${quoteSv(a.value)}: ange id:t för en av hushållets medlemmar`,
  'NOT_A_CHILD.days': () => 'bara en medlem med rollen "child" kan bo här en del av månaden: ta bort fältet eller ändra rollen',
  'NOT_A_CHILD.lunch': () => 'gäller bara en medlem med rollen "child" (0–6 år): ta bort fältet eller ändra rollen',
  NOT_AN_ADULT_IN_CASE: () => 'gäller bara den sökande och en make, maka eller sambo (en annan vuxen i hemmet är ett eget ärende)',
  BORN_AFTER_PERIOD: (a) => `födelsedatumet ${a.value} ligger efter månaden som söks (${monthSv(a.period)}): kontrollera datumet och månaden`,
  IMPLAUSIBLE_AGE: (a) =>
    `${a.role === 'applicant' ? 'en sökande' : 'en make, maka eller sambo'} som är ${a.age} år i ${monthSv(a.period)} är inte rimligt (minst ${a.min} år): kontrollera födelsedatumet, eller ge ett barn rollen "child"`,
  'REQUIRED.exemption': () => 'saknas: när status är "exempt" ska skälet till undantaget anges, en kod i rules/activity-requirement.json',
  NOT_EXEMPT: (a) => `anges bara när status är "exempt", men status är ${quoteText(a.status)}`,
  NOT_DECLINED: (a) => `anges bara när status är "declined", men status är ${quoteText(a.status)}`,

  AFTER_PERIOD: (a) => `${a.value} ligger efter månaden som söks (${monthSv(a.period)}): kontrollera datumet`,
  'AFTER_PERIOD.jobbstimulans': (a) =>
    `jobbstimulansen kan inte börja efter månaden som söks (${monthSv(a.period)}), men här står ${a.value}: ange den första månaden i den pågående perioden med jobbstimulans, eller lämna fältet tomt`,
  BEFORE_BIRTH: (a) => `${a.value} ligger före personens födelsedatum ${a.birthDate}: kontrollera datumet`,
  AFTER_DECISION: (a) => `${a.value} ligger efter beslutsdatumet ${a.decidedOn}: kontrollera datumet`,
  CONFLICTS_WITH_CIRCUMSTANCES: (a) =>
    `här står ${shownSv(a.here)}, men circumstances.${a.field} säger ${shownSv(a.there)}: ange den sökandes uppgift på ett ställe`,
  DECIDED_TOO_EARLY: (a) => `beslutsdatumet ${a.value} ligger mer än en månad före månaden som söks (${monthSv(a.period)}): tidigast ${a.earliest}`,
  FAR_FROM_PERIOD: (a) => `${a.value} ligger mer än ${a.years} år från månaden som söks (${monthSv(a.period)}): kontrollera årtalet`,
  TOO_MANY_MONTHS: (a) => `fler månader i följd (${numSv(a.value)}) än den sökande har levt (${a.age} år): ange antalet hela månader i följd med försörjningsstöd före den här`,

  'REQUIRED.paidOn': () => 'saknas: ange utbetalningsdagen, eller periodFrom när myndigheten inte har bokat någon dag ännu',
  'REQUIRED.assessmentIncomeType': () => 'saknas: när utbetalningen räknas (action "count"), ange vilken inkomsttyp den räknas som',
  'REQUIRED.assessmentReason': () => 'saknas: när utbetalningen inte räknas (action "exclude"), ange varför den inte är inkomst',
  NOT_ALLOWED: () => 'anges bara när utbetalningen räknas (action "count"): en utbetalning som inte räknas har ingen inkomsttyp',
  DUPLICATE_ANSWER: (a) => `agencyAnswers[${a.other}] ger redan svaret från ${a.agency} för ${quoteSv(a.memberId)}: ett svar per medlem och myndighet`,
  ANSWER_CONTRADICTS_PAYMENTS: (a) => `svaret är ${quoteText(a.status)}, men registeredIncomes[${a.payment}] är en utbetalning från ${a.agency} till ${quoteSv(a.memberId)}: kontrollera svaret`,

  UNKNOWN_TYPE: (a) => `${quoteSv(a.value)} är ingen ${TYPE_NOUN_SV[a.list]} i reglerna för ${monthSv(a.period)}: ange en av ${choicesSv(a.allowed)}`,
  UNKNOWN_EXEMPTION: (a) => `${quoteSv(a.value)} är inget skäl till undantag i reglerna för ${monthSv(a.period)}: ange ett av ${choicesSv(a.allowed)}`,
  NO_RULES_FOR_PERIOD: (a) =>
    `det finns inga regler för ${monthSv(a.period)}: ${PART_SV[a.part]} saknas för den månaden${a.available.length > 0 ? ` (finns för ${a.available.join(', ')})` : ''}. ${WAY_FORWARD_SV}`,
  'NO_RULES_FOR_PERIOD.decidedOn': (a) =>
    `det finns inga lagrum för ett beslut den ${a.date} i rules/legal-references.json${a.available.length > 0 ? ` (finns för ${a.available.join(', ')})` : ''}: kontrollera beslutsdatumet`,
  'NO_RULES_FOR_PERIOD.agencyMap': (a) =>
    `det finns ingen tabell över myndigheternas utbetalningar för ${monthSv(a.period)} (rules/agency-income-map.json gäller från ${a.from}): ta bort registeredIncomes och agencyAnswers, eller välj en senare månad`,
};

export const PROBLEMS_EN: Texts = {
  INVALID_UTF8: (a) => `is not UTF-8: the byte at offset ${numEn(a.offset)} is not part of a UTF-8 character; save the file as UTF-8`,
  'INVALID_UTF8.line': (a) => `the line is not UTF-8: the byte at offset ${numEn(a.offset)} of the line is not part of a UTF-8 character; save the file as UTF-8`,
  INVALID_JSON: (a) => `is not valid JSON: the error is on line ${numEn(a.line)}, character ${numEn(a.column)}; check the commas, quotes and brackets there`,
  'INVALID_JSON.line': (a) => `the line is not valid JSON: the error is at character ${numEn(a.column)}; check the commas, quotes and brackets there`,
  'INVALID_JSON.end': () => 'is not valid JSON: the text ends too early (a bracket, a quote or a value is missing at the end)',
  TOO_LARGE: (a) => `is ${numEn(a.size)} bytes, but a household may be at most ${numEn(a.max)} bytes (the engine's bound): check that this is the right file`,
  UNREADABLE_FILE: (a) => `cannot be read (${a.reason}): check the path and the file`,
  'UNREADABLE_FILE.notFound': () => 'the file does not exist: check the path',
  'UNREADABLE_FILE.denied': () => 'the file may not be read (permission denied)',
  'UNREADABLE_FILE.directory': () => 'is a directory, not a file: give the household JSON file',
  NOT_AN_OBJECT: (a) => `must be ${HOLDS_EN.household}, but is ${givenEn(a.given)}`,
  TOO_DEEP: (a) => `has lists and objects nested more than ${a.max} levels deep, but a household has at most 4: remove what does not belong to the household`,
  EMPTY_LINE: () => 'empty line: each line must be one household as JSON',
  TOO_MANY_PROBLEMS: (a) => `and ${numEn(a.more)} more problems (the first ${numEn(a.max)} are shown): correct them and run again`,

  REQUIRED: (a) => `missing: give ${HOLDS_EN[a.holds]}`,
  INVALID_FIELD: (a) => `must be ${HOLDS_EN[a.holds]}, but is ${givenEn(a.given, a.value)}`,
  'INVALID_FIELD.notWhole': (a) => `must be ${HOLDS_EN[a.holds]}, but is a number with decimals or too large a number`,
  'INVALID_FIELD.negative': (a) => `must not be negative (this is ${a.value}): give ${HOLDS_EN[a.holds]}`,
  'INVALID_FIELD.empty': (a) => `must not be empty: give ${HOLDS_EN[a.holds]}`,

  INVALID_PERIOD: (a) => `must be a month YYYY-MM, for example "2026-03", but is ${quoteEn(a.value)}`,
  'INVALID_PERIOD.noSuchMonth': (a) => `${quoteEn(a.value)} is not a month that exists: there is no month ${a.month} (only 01–12)`,
  'INVALID_PERIOD.toBeforeFrom': (a) => `${a.value} is before periodFrom ${a.from}: the period cannot end before it starts`,
  INVALID_DATE: (a) => `must be a date YYYY-MM-DD, for example "1988-04-02", but is ${quoteEn(a.value)}`,
  'INVALID_DATE.noSuchMonth': (a) => `${a.value} is not a date that exists: there is no month ${a.month} (only 01–12)`,
  'INVALID_DATE.noSuchDay': (a) => `${a.value} is not a date that exists: ${monthEn(a.month)} has days 1–${a.days}`,
  'INVALID_DATE.beforeEarliest': (a) => `${a.value} is not a plausible date of birth (the earliest is ${a.earliest}): check the year`,
  INVALID_MUNICIPALITY: (a) => `must be ${HOLDS_EN.kommunkod}, but is ${quoteEn(a.value)}`,
  INVALID_ROLE: (a) => `must be applicant (the sökande), partner (spouse or sambo), child or other-adult (another adult), but is ${quoteEn(a.value)}`,
  INVALID_GENDER: (a) => `must be ${choicesEn(a.allowed)}, but is ${quoteEn(a.value)}`,
  INVALID_SUPPORT_OBSTACLE: (a) => `must be a code for the obstacle to self-support in rules/support-obstacles.json (lower-case letters and hyphens, e.g. "arbetslos-ingen-ersattning"), but is ${quoteEn(a.value)}`,
  INVALID_STATUS: (a) => `must be ${choicesEn(a.allowed)}, but is ${quoteEn(a.value)}`,
  UNKNOWN_AGENCY: (a) => `must be the agency's code, ${choicesEn(a.allowed)}, but is ${quoteEn(a.value)}`,
  INVALID_ACTION: (a) => `must be ${HOLDS_EN.assessmentAction}, but is ${quoteEn(a.value)}`,
  INVALID_DAYS: (a) => `must be ${HOLDS_EN.agencyDays}, but is ${quoteEn(a.value)}`,
  'INVALID_DAYS.negative': (a) => `must not be negative (this is ${a.value}): give how many days of the month the child lives here`,
  'INVALID_DAYS.moreThanMonth': (a) => `${monthEn(a.period)} has ${a.days} days: give at most ${a.days}`,
  INVALID_PERSONNUMMER: (a) => `must be a personnummer YYYYMMDD-NNNN or YYMMDD-NNNN (YYMMDD+NNNN from 100 years of age), but is a text of ${numEn(a.length)} characters`,
  'INVALID_PERSONNUMMER.plus': () => 'the + sign (100 years or older) is only used in the short form YYMMDD+NNNN',
  'INVALID_PERSONNUMMER.date': (a) => `the date part of ${a.masked} is not a date that exists (a samordningsnummer adds 60 to the day)`,
  'INVALID_PERSONNUMMER.checkDigit': (a) => `the check digit does not match in ${a.masked}: check that the digits are written correctly`,
  INVALID_AMOUNT: (a) => `must be ${HOLDS_EN.money} (at most two decimals, no spaces, no "kr"), but is ${quoteEn(a.value)}`,
  NEGATIVE_AMOUNT: (a) => `must not be negative (this is ${quoteEn(a.value)})`,
  AMOUNT_TOO_LARGE: (a) => `may be at most ${krEn(a.max)} (the engine's bound for one amount): check the amount`,
  TOTAL_TOO_LARGE: (a) => `the amounts add up to more than ${krEn(a.max)} (the engine's bound for one household): check the amounts`,
  TOO_LONG: (a) => `may be at most ${numEn(a.max)} characters (this is ${numEn(a.length)})`,
  TOO_MANY_ITEMS: (a) => `may hold at most ${numEn(a.max)} items (this holds ${numEn(a.count)}), the engine's bound for one household: check that the list was not repeated`,

  NO_MEMBERS: () => 'the household must have at least one member: the applicant, with role "applicant"',
  NO_APPLICANT: () => 'one member must have role "applicant" (the sökande), but none has',
  SEVERAL_APPLICANTS: (a) => `only one member can have role "applicant" (the sökande), but ${a.count} have: a spouse or sambo has role "partner"`,
  SEVERAL_PARTNERS: (a) => `at most one member can have role "partner" (spouse or sambo), but ${a.count} have: another adult in the home has role "other-adult"`,
  TOO_MANY_MEMBERS: (a) => `may have at most ${numEn(a.max)} members (this has ${numEn(a.count)}), the engine's bound for one household`,
  DUPLICATE_MEMBER_ID: (a) => `the id ${quoteEn(a.value)} is already used by members[${a.other}]: give every member an id of its own`,
  UNKNOWN_MEMBER: (a) => `no member has the id ${quoteEn(a.value)}: give the id of one of the household members`,
  'NOT_A_CHILD.days': () => 'only a member with role "child" can live here part of the month: remove the field or change the role',
  'NOT_A_CHILD.lunch': () => 'applies only to a member with role "child" (aged 0–6): remove the field or change the role',
  NOT_AN_ADULT_IN_CASE: () => 'applies only to the applicant and a spouse or sambo (another adult in the home is their own case)',
  BORN_AFTER_PERIOD: (a) => `the date of birth ${a.value} is after the month applied for (${monthEn(a.period)}): check the date and the month`,
  IMPLAUSIBLE_AGE: (a) =>
    `${a.role === 'applicant' ? 'an applicant' : 'a spouse or sambo'} aged ${a.age} in ${monthEn(a.period)} is not plausible (at least ${a.min}): check the date of birth, or give a child role "child"`,
  'REQUIRED.exemption': () => 'missing: when status is "exempt", give the reason for the exemption, a code in rules/activity-requirement.json',
  NOT_EXEMPT: (a) => `is only given when status is "exempt", but status is ${quoteText(a.status)}`,
  NOT_DECLINED: (a) => `is only given when status is "declined", but status is ${quoteText(a.status)}`,

  AFTER_PERIOD: (a) => `${a.value} is after the month applied for (${monthEn(a.period)}): check the date`,
  'AFTER_PERIOD.jobbstimulans': (a) =>
    `jobbstimulans cannot start after the month applied for (${monthEn(a.period)}), but this is ${a.value}: give the first month of the current jobbstimulans window, or leave the field out`,
  BEFORE_BIRTH: (a) => `${a.value} is before the person's date of birth ${a.birthDate}: check the date`,
  AFTER_DECISION: (a) => `${a.value} is after the decision date ${a.decidedOn}: check the date`,
  CONFLICTS_WITH_CIRCUMSTANCES: (a) => `this is ${shownEn(a.here)}, but circumstances.${a.field} is ${shownEn(a.there)}: give the applicant's statement once`,
  DECIDED_TOO_EARLY: (a) => `the decision date ${a.value} is more than a month before the month applied for (${monthEn(a.period)}): the earliest is ${a.earliest}`,
  FAR_FROM_PERIOD: (a) => `${a.value} is more than ${a.years} years from the month applied for (${monthEn(a.period)}): check the year`,
  TOO_MANY_MONTHS: (a) => `more months in a row (${numEn(a.value)}) than the applicant has lived (${a.age} years): give the whole months in a row with försörjningsstöd before this one`,

  'REQUIRED.paidOn': () => 'missing: give the payment date, or periodFrom when the agency has not booked a date yet',
  'REQUIRED.assessmentIncomeType': () => 'missing: when the payment is counted (action "count"), give the income type it is counted as',
  'REQUIRED.assessmentReason': () => 'missing: when the payment is not counted (action "exclude"), give why it is not income',
  NOT_ALLOWED: () => 'is only given when the payment is counted (action "count"): a payment that is not counted has no income type',
  DUPLICATE_ANSWER: (a) => `agencyAnswers[${a.other}] already gives ${a.agency}'s answer for ${quoteEn(a.memberId)}: one answer per member and agency`,
  ANSWER_CONTRADICTS_PAYMENTS: (a) => `the answer is ${quoteText(a.status)}, but registeredIncomes[${a.payment}] is a payment from ${a.agency} to ${quoteEn(a.memberId)}: check the answer`,

  UNKNOWN_TYPE: (a) => `${quoteEn(a.value)} is not ${TYPE_NOUN_EN[a.list]} in the rules for ${monthEn(a.period)}: give one of ${choicesEn(a.allowed)}`,
  UNKNOWN_EXEMPTION: (a) => `${quoteEn(a.value)} is not an exemption in the rules for ${monthEn(a.period)}: give one of ${choicesEn(a.allowed)}`,
  NO_RULES_FOR_PERIOD: (a) =>
    `there are no rules for ${monthEn(a.period)}: ${PART_EN[a.part]} are missing for that month${a.available.length > 0 ? ` (they exist for ${a.available.join(', ')})` : ''}. ${WAY_FORWARD_EN}`,
  'NO_RULES_FOR_PERIOD.decidedOn': (a) =>
    `there are no legal references for a decision made on ${a.date} in rules/legal-references.json${a.available.length > 0 ? ` (they exist for ${a.available.join(', ')})` : ''}: check the decision date`,
  'NO_RULES_FOR_PERIOD.agencyMap': (a) =>
    `there is no table of the agencies' payments for ${monthEn(a.period)} (rules/agency-income-map.json applies from ${a.from}): remove registeredIncomes and agencyAnswers, or choose a later month`,
};

const CATALOGUES: Readonly<Record<Lang, Texts>> = { sv: PROBLEMS_SV, en: PROBLEMS_EN };

/** One problem's message in the language asked for. */
export function problemMessage(p: InputProblem, lang: Lang = 'sv'): string {
  const text = CATALOGUES[lang][p.key] as (a: unknown) => string;
  return text(p.args);
}

/** A problem as the outputs carry it: path, code and the message in the language asked for. */
export function renderProblem(p: InputProblem, lang: Lang = 'sv'): InputIssue {
  return { path: p.path, code: codeOf(p.key), message: problemMessage(p, lang) };
}

export function renderProblems(problems: readonly InputProblem[], lang: Lang = 'sv'): InputIssue[] {
  return problems.map((p) => renderProblem(p, lang));
}

/** What a field must hold, for the docs' table (scripts/problem-docs.ts). */
export function holds(kind: FieldKind, lang: Lang): string {
  return (lang === 'sv' ? HOLDS_SV : HOLDS_EN)[kind];
}
