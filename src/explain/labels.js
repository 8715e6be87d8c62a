/**
 * The Swedish label of every code the engine writes: outcomes, reasons, flags, missing facts, the
 * codes of cost, income and asset lines, the alternatives, trace steps, severities, statuses, roles,
 * agencies and the monthly run's routing reasons. One catalogue for the command line's views
 * (src/explain/) and the pages (src/web/public/, which load it from /explain/labels.js), so that a
 * person never reads a code (RENT_ABOVE_CEILING, LIQUID) where a word belongs. Plain JavaScript,
 * because the browser runs it as it is; labels.d.ts gives its types.
 *
 * test/explain/labels.test.ts checks that every code the rules and the engine can write has a label
 * here (the conditions of rules/conditions/, and every code seen in the fixtures and 2 000 generated
 * households).
 */

/** The proposal's outcome. */
export const OUTCOME = {
  approve: 'Bifall',
  partial: 'Delvis bifall',
  deny: 'Avslag',
  'needs-information': 'Uppgifter saknas',
};

/** Why the proposal is what it is (reasons[].code), including a cost line whose claim is cut. */
export const REASON = {
  RIGHT_TO_ASSISTANCE: 'Rätt till försörjningsstöd',
  INCOME_COVERS_NEED: 'Inkomsterna täcker behovet',
  ASSETS_COVER_NEED: 'Egna pengar täcker det som saknas',
  OWN_MEANS_USED: 'Egna pengar används först',
  NOT_AT_LABOUR_MARKET_DISPOSAL: 'Står inte till arbetsmarknadens förfogande',
  AID_CAP: 'Tak för biståndet (förslag till reform)',
};

/** What a cost, income or asset line's code says (costs.items[].code, income.items[].code, assets.items[].code). */
export const ITEM = {
  REASONABLE_COST: 'Skälig kostnad',
  COST_WITHIN_GUIDELINE: 'Inom riktlinjens nivå',
  COST_ABOVE_GUIDELINE: 'Över riktlinjens nivå',
  ITEM_WITHIN_GUIDELINE: 'Enligt riktlinjen',
  RENT_NO_CEILING: 'Boendekostnad, ingen skälig nivå angiven',
  RENT_WITHIN_CEILING: 'Boendekostnad inom skälig nivå',
  RENT_ABOVE_CEILING: 'Boendekostnad över skälig nivå',
  RENT_ABOVE_CEILING_ACCEPTED: 'Boendekostnad över skälig nivå, godtas tills vidare',
  SHARED_HOUSING: 'Delad bostad, hushållets andel',
  ACCEPTED_FOR_ASSESSMENT: 'Tas med, bedöms av handläggaren',
  AMOUNT_MISSING: 'Belopp saknas',
  OWN_CASE_COST: 'Gäller en person med eget ärende',
  COUNTED: 'Räknas som inkomst',
  JOBBSTIMULANS: 'Jobbstimulans: en del räknas inte',
  CHILD_EARNINGS_EXEMPT: 'Barns arbetsinkomst under gränsen: räknas inte',
  CHILD_INCOME_CAPPED: 'Barnets egen inkomst räknas bara upp till barnets andel',
  CHILD_MEANS_ABOVE_NORM: 'Barnets egen inkomst räknas bara upp till barnets andel',
  OWN_CASE_INCOME: 'Tillhör en person med eget ärende',
  REPLACED_BY_REGISTERED: 'Räknas från myndighetens uppgift i stället',
  EXCLUDED: 'Räknas inte',
  LIQUID: 'Pengar som ska användas först',
  NON_LIQUID: 'Annan tillgång, bedöms av handläggaren',
  OWN_CASE_ASSET: 'Tillhör en person med eget ärende',
};

/** What a person must look at (flags[].code). */
export const FLAG = {
  CHILD_AFFECTED_BY_REFUSAL: 'Avslag som berör barn',
  RENT_ABOVE_CEILING: 'Boendekostnad över skälig nivå',
  RENT_RADRUM_ENDS: 'Rådrummet för boendekostnaden tar slut',
  RENT_ARREARS: 'Hyresskuld',
  SHARED_HOUSING_COST: 'Delad bostad',
  COST_NEEDS_ASSESSMENT: 'Kostnad att bedöma',
  ASSETS_ABOVE_BUFFER: 'Egna pengar över bufferten',
  NON_LIQUID_ASSETS: 'Tillgångar att bedöma',
  OTHER_ADULT_IN_HOUSEHOLD: 'Annan vuxen i hushållet',
  APPLICANT_UNDER_18: 'Sökande under 18 år',
  PARTNER_UNDER_18: 'Partner under 18 år',
  CHILD_OVER_20: 'Barn över 20 år',
  BORN_DURING_PERIOD: 'Barn fött under månaden',
  LONG_TERM_ASSISTANCE: 'Långvarigt bistånd',
  CHILD_ALLOWANCE_MISMATCH: 'Barnbidraget stämmer inte',
  CHILD_EARNINGS_ABOVE_LIMIT: 'Barns arbetsinkomst över gränsen',
  NORM_ESTIMATE_USED: 'Uppskattat normbelopp',
  NOT_AT_LABOUR_MARKET_DISPOSAL: 'Står inte till arbetsmarknadens förfogande, inget skäl angivet',
  PARTNER_NOT_AT_LABOUR_MARKET_DISPOSAL: 'Partnern står inte till arbetsmarknadens förfogande',
  LABOUR_MARKET_REASON_TO_ASSESS: 'Står inte till arbetsmarknadens förfogande, angivet skäl att pröva',
  ACTIVITY_DECLINED: 'Avböjd aktivitet',
  ACTIVITY_DECLINED_WITH_REASON: 'Avböjd aktivitet med angivet skäl',
  SUBLET_WITHOUT_CONSENT: 'Andrahandsuthyrning utan samtycke',
  NOT_LAWFULLY_RESIDENT: 'Vistas inte lagligen i Sverige',
  AGENCY_ANSWER_MISSING: 'Svar från myndighet saknas',
  UNHANDLED_INCOME: 'Utbetalning som ingen regel känner till, ska klassas',
  UNHANDLED_INCOME_FAMILY: 'Inkomst som ska bedömas',
  REGISTERED_INCOME_TO_ASSESS: 'Registrerad inkomst att bedöma',
  INCOME_FROM_EARLIER_MONTH: 'Inkomst från en tidigare månad',
  DECLARED_DIFFERS_FROM_REGISTERED: 'Redovisad och registrerad inkomst skiljer sig',
  MEDICAL_CERTIFICATE_MISSING: 'Läkarintyg saknas',
};

/** A fact the proposal needs (needsInformation[].code). */
export const NEEDS = {
  SCHOOL_STATUS_UNKNOWN: 'Uppgift om skolgång saknas',
  COST_AMOUNT_MISSING: 'Kostnadens belopp saknas',
  INCOME_AMOUNT_MISSING: 'Inkomstens belopp saknas',
  ASSET_AMOUNT_MISSING: 'Tillgångens värde saknas',
  CHILD_EARNINGS_YEAR_TO_DATE_UNKNOWN: 'Barnets tidigare inkomster i år saknas',
  LABOUR_MARKET_STATUS_UNKNOWN: 'Uppgift om arbetsmarknaden saknas',
  JOBBSTIMULANS_UNKNOWN: 'Antal månader med bistånd saknas',
  MINOR_APPLICANT_REASON_MISSING: 'Skäl till att en minderårig söker själv saknas',
  RULES_PENDING: 'Reglerna är inte publicerade',
  ACTIVITY_STATUS_UNKNOWN: 'Uppgift om aktivitetskravet saknas',
  ACTIVITY_DECISION_BY_PERSON: 'Handläggaren väljer (aktivitetskrav)',
  LABOUR_MARKET_DECISION_BY_PERSON: 'Handläggaren väljer (arbetsmarknaden)',
  MEDICAL_CERTIFICATE_MISSING: 'Läkarintyg saknas',
  AGENCY_ANSWER_MISSING: 'Svar från myndighet saknas',
  RENT_CEILING_BASIS_MISSING: 'Grunden för den skäliga boendekostnaden saknas',
};

/** Something a caseworker can do instead of, or besides, what the proposal says (childImpact.alternatives[].code). */
export const ALTERNATIVE = {
  LONGER_RADRUM: 'Längre rådrum',
  HOUSING_SUPPORT: 'Stöd att hitta en billigare bostad',
  GRANT_CHILDREN_PART: 'Bevilja barnens del',
  PLAN_FOR_LABOUR_MARKET: 'Planering mot arbetsmarknaden',
  PLAN_FOR_ASSETS: 'Plan för tillgångarna',
  BUDGET_ADVICE: 'Budget- och skuldrådgivning',
  CHILD_RELATED_ITEMS: 'Kostnader för barnen',
  ACTIVITY_REFUSE_ADULT_PART: 'Neka den vuxnes del',
  ACTIVITY_REDUCE: 'Sätta ned biståndet',
  ACTIVITY_REASON_ACCEPTED: 'Skälet godtas',
  LABOUR_MARKET_REFUSE_ADULT_PART: 'Neka den vuxnes del',
  LABOUR_MARKET_REFUSE_ADULTS_PARTS: 'Neka de vuxnas delar',
  LABOUR_MARKET_REDUCE: 'Sätta ned biståndet',
  LABOUR_MARKET_REASON_ACCEPTED: 'Skälet godtas',
};

/** A rule condition of rules/conditions/ that is neither a flag nor a missing fact (the trace's "Villkoret … är uppfyllt"). */
export const CONDITION = {
  RENT_ABOVE_CEILING_NOT_NOTIFIED: 'Boendekostnad över skälig nivå, sökanden har inte fått besked',
  RENT_ABOVE_CEILING_IN_RADRUM: 'Boendekostnad över skälig nivå, inom rådrummet',
};

/** Why a member is their own case (norm.separate[].reason). */
export const OWN_CASE = {
  YOUTH_NOT_IN_SCHOOL: 'Ungdom 18–20 år som inte går i skolan',
  CHILD_OVER_20: 'Vuxet barn (21 år eller äldre)',
  OTHER_ADULT: 'Vuxen i hushållet som inte är sambo',
};

/** Why a monthly proposal goes to a person (routing.reasons[]), and the comparison's results. */
export const ROUTE = {
  NO_PREVIOUS_DECISION: 'Inget beslut förra månaden',
  MEMBER_ADDED: 'Ny person i hushållet',
  MEMBER_GONE: 'En person har lämnat hushållet',
  CHILD_AGE_BAND_CHANGED: 'Barn i ny åldersgrupp',
  COST_CHANGED: 'Ändrad kostnad',
  DECLARED_INCOME_MISSING: 'Redovisad inkomst saknas',
  DECLARED_INCOME_CHANGED: 'Ändrad redovisad inkomst',
  MISSING_REGISTERED_INCOME: 'Registrerad inkomst saknas',
  NEW_INCOME: 'Ny inkomst',
  INCOME_DROPPED: 'Inkomst räknas inte längre',
  INCOME_CHANGE: 'Inkomständring över gränsen',
  INCOME_TYPE_CHANGED: 'Inkomsten räknas som en annan typ',
  SSBTEK_DAY_CHECK: 'Kontrollera antal dagar',
  STUDY_SUPPORT_NOT_RESUMED: 'Studiehjälp saknas i september',
  OUTCOME_DENY: 'Förslaget är avslag',
  OUTCOME_PARTIAL: 'Förslaget är delvis bifall',
  NEEDS_INFORMATION: 'Uppgifter saknas',
  REQUIRES_ASSESSMENT: 'Kräver bedömning',
  NO_AUTOMATED_DECISION_DELEGATION: 'Ingen delegation för automatiserat beslut',
  PROTECTED_IDENTITY: 'Skyddade personuppgifter',
  UNCHANGED: 'Oförändrad',
};

/**
 * A reason why a case is with a person (the queue's reasons, the case view's changes): a routing or
 * change code, a flag or a missing fact, by that order; null for a code without a label (the tests
 * keep that from happening: test/explain/code-labels.test.ts).
 */
export function reasonLabel(code) {
  return ROUTE[code] ?? FLAG[code] ?? NEEDS[code] ?? labelOf(code);
}

/** Any code of the catalogues above, as a person reads it; the code itself only when it has no label (never expected). */
export function labelOf(code) {
  return OUTCOME[code] ?? REASON[code] ?? FLAG[code] ?? NEEDS[code] ?? CONDITION[code] ?? ITEM[code] ?? ALTERNATIVE[code] ?? OWN_CASE[code] ?? ROUTE[code] ?? null;
}

/** How a flag weighs. */
export const SEVERITY = {
  block: 'Hindrar förslag',
  assessment: 'Bedömning',
  warning: 'Varning',
  info: 'Information',
};

/** How sure a rule value or a legal reference is. */
export const STATUS = {
  verified: 'verifierad',
  'verified-single-source': 'verifierad i en källa',
  derived: 'härledd',
  estimate: 'uppskattad',
  unverified: 'ej verifierad',
  pending: 'ej publicerad',
};

/** The named amounts a flag carries (flags[].amounts), as the caseworker reads them. */
export const AMOUNT_NAME = {
  declared: 'Redovisat',
  registered: 'Registrerat',
  previous: 'Förra månaden',
  current: 'Denna månad',
  full: 'Fullt belopp',
  adultPart: 'Den vuxnes del',
  adultsPart: 'De vuxnas del',
  childrenPart: 'Barnens del',
  withoutAdultPart: 'Utan den vuxnes del',
  withoutAdultsParts: 'Utan de vuxnas delar',
  notCounted: 'Om den inte räknas',
  counted: 'Om den räknas',
  payableNotCounted: 'Att betala om den inte räknas',
  payableCounted: 'Att betala om den räknas som trolig förmån',
};

/** Where a child lives this month (childImpact.perChild[].residence). */
export const RESIDENCE = {
  'full-time': 'Bor här hela månaden',
  'part-time': 'Bor här del av månaden',
  'not-this-month': 'Bor inte här denna månad',
};

/** The household roles (members[].role). */
export const ROLE = {
  applicant: 'Sökande',
  partner: 'Make/maka/sambo',
  child: 'Barn',
  'other-adult': 'Annan vuxen',
};

/** The agencies that report payments (registeredIncomes[].agency). */
export const AGENCY = {
  fk: 'Försäkringskassan',
  pm: 'Pensionsmyndigheten',
  akassa: 'Arbetslöshetskassan',
  csn: 'CSN',
  af: 'Arbetsförmedlingen',
  skv: 'Skatteverket',
  migrationsverket: 'Migrationsverket',
};

/** What was done with a registered payment (income.registered[].use). */
export const USE = {
  counted: 'Räknas som inkomst',
  'replaces-declared': 'Räknas i stället för den redovisade inkomsten',
  'other-month': 'Hör till en annan månad',
  excluded: 'Räknas inte',
  'to-person': 'Handläggaren bedömer',
  unhandled: 'Ej bedömd – handläggaren bedömer',
};

/** A trace step (trace[].step), as the heading of its line. */
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
  'assets.available': 'Egna pengar',
  'agency.answer': 'Svar från myndighet',
  'agency.month': 'Utbetalningens månad',
  'agency.classify': 'Utbetalningens typ',
  'agency.reconcile': 'Redovisad och registrerad inkomst',
  'agency.alternative': 'Alternativ för utbetalningen',
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
  'compare.aidCap': 'Tak för biståndet',
  'monthly.previousFound': 'Föregående beslut',
  'monthly.previous': 'Föregående beslut',
  'monthly.member': 'Person',
  'monthly.ageBand': 'Åldersgrupp',
  'monthly.cost': 'Kostnad',
  'monthly.declaredIncome': 'Redovisad inkomst',
  'monthly.registeredIncome': 'Registrerad inkomst',
  'monthly.incomeType': 'Inkomsttyp',
  'monthly.dayCheck': 'Antal dagar',
  'monthly.studySupport': 'Studiehjälp',
  'monthly.dueOn': 'Sista handläggningsdag',
  'monthly.routing': 'Vem prövar',
  'monthly.automatedDecision': 'Automatiserat beslut',
};

/** A trace step's heading: its label, or for an unlabelled step the part before the dot (never the code). */
export function stepLabel(step) {
  return STEP[step] ?? STEP[String(step).split('.').slice(0, 2).join('.')] ?? 'Steg';
}
