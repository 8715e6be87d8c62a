/**
 * The message keys: every sentence the engine can say, as a key (and its arguments). The core records
 * a key and arguments wherever a person will read a text (trace steps, reasons, flags, missing facts,
 * the child section); the texts themselves are views, in src/explain/messages.ts (Swedish and
 * English), which must give a text for every key here and no other. Data only: no text, no import.
 *
 * A new message is a key here and a text in each catalogue of src/explain/messages.ts.
 */

/** A message's arguments: names and values (amounts as kronor strings, months as YYYY-MM, codes). */
export type MessageArgs = Readonly<Record<string, string | number>>;

/** A sentence as data: its key and arguments; src/explain/messages.ts renders it in a language. */
export interface Message {
  readonly key: MessageKey;
  readonly args: MessageArgs;
}

export const MESSAGE_KEYS = [
  'norm.single',
  'norm.cohabiting',
  'norm.child',
  'norm.childWithoutLunch',
  'norm.childPartMonth',
  'norm.householdSize',
  'norm.common',
  'norm.commonAboveSeven',
  'norm.separate',
  'norm.commonShare',
  'norm.total',

  'costs.reasonable',
  'costs.rentNoCeiling',
  'costs.rentWithinCeiling',
  'costs.rentAboveCeiling',
  'costs.rentAboveCeilingNotNotified',
  'costs.rentAboveCeilingRadrum',
  'costs.sharedHousing',
  'costs.livsforing',
  'costs.normSupplement',
  'costs.withinGuideline',
  'costs.aboveGuideline',
  'costs.aboveGuidelineForAssessment',
  'costs.itemWithinGuideline',
  'costs.itemForAssessment',
  'costs.ownCase',
  'costs.amountMissing',
  'costs.total',

  'income.counted',
  'income.ownCase',
  'income.amountMissing',
  'income.jobbstimulans',
  'income.childEarningsExempt',
  'income.childEarningsAboveLimit',
  'income.childEarningsAboveShare',
  'income.childIncomeCounted',
  'income.childIncomeAboveShare',
  'income.childMeansCounted',
  'income.childMeansAboveNorm',
  'income.jobbstimulansNotInForce',
  'income.jobbstimulansWindow',
  'income.jobbstimulansOutsideWindow',
  'income.jobbstimulansUnknown',
  'income.jobbstimulansNotYet',
  'income.jobbstimulansQualified',
  'income.jobbstimulansPause',
  'income.total',

  'assets.liquid',
  'assets.nonLiquid',
  'assets.ownCase',
  'assets.amountMissing',
  'assets.available',

  'needs.schoolStatus',
  'needs.costAmount',
  'needs.incomeAmount',
  'needs.assetAmount',
  'needs.childEarningsYearToDate',
  'needs.LABOUR_MARKET_STATUS_UNKNOWN',
  'needs.JOBBSTIMULANS_UNKNOWN',

  'conditions.fired',
  'conditions.notFired',

  'decision.need',
  'decision.deficit',
  'decision.outcome.approve',
  'decision.outcome.partial',
  'decision.outcome.deny',
  'decision.outcome.needs-information',
  'decision.payable',

  'reason.RIGHT_TO_ASSISTANCE',
  'reason.NOT_AT_LABOUR_MARKET_DISPOSAL',
  'reason.INCOME_COVERS_NEED',
  'reason.ASSETS_COVER_NEED',
  'reason.OWN_MEANS_USED',

  'flag.CHILD_AFFECTED_BY_REFUSAL',
  'flag.RENT_ABOVE_CEILING',
  'flag.RENT_RADRUM_ENDS',
  'flag.SHARED_HOUSING_COST',
  'flag.CHILD_EARNINGS_ABOVE_LIMIT',
  'flag.RENT_ARREARS',
  'flag.COST_NEEDS_ASSESSMENT',
  'flag.ASSETS_ABOVE_BUFFER',
  'flag.NON_LIQUID_ASSETS',
  'flag.OTHER_ADULT_IN_HOUSEHOLD',
  'flag.APPLICANT_UNDER_18',
  'flag.LONG_TERM_ASSISTANCE',
  'flag.CHILD_ALLOWANCE_MISMATCH',
  'flag.NORM_ESTIMATE_USED',
  'flag.PARTNER_NOT_AT_LABOUR_MARKET_DISPOSAL',
  'flag.NOT_AT_LABOUR_MARKET_DISPOSAL',
  'flag.NOT_AT_LABOUR_MARKET_DISPOSAL_UNKNOWN_AMOUNT',
  'flag.NOT_AT_LABOUR_MARKET_DISPOSAL_NO_AID',
  'flag.LABOUR_MARKET_REASON_TO_ASSESS',
  'needs.labourMarketDecision',
  'needs.labourMarketDecisionUnknownAmount',
  'needs.rentCeilingBasis',

  'child.summary',
  'child.effect',
  'child.needsCoveredByIncome',
  'child.refusalNote',
  'child.noRefusalNote',
  'child.nothingDecidedNote',
  'child.promptAffected',
  'child.promptRentRefused',
  'child.promptRentArrears',
  'child.promptRentAccepted',
  'child.promptSharedHome',
  'child.promptHousingOk',
  'child.promptPartTime',
  'child.promptConsequence',
  'child.promptCost',
  'child.promptMonthsUnknown',
  'child.promptMonths',
  'child.traceRefusal',
  'child.traceNoRefusal',
  'child.traceUndecided',

  'alt.longerRadrum',
  'alt.housingSupport',
  'alt.childrenPart',
  'alt.planLabourMarket',
  'alt.labourMarketRefuseAdultPart',
  'alt.labourMarketRefuseAdultsParts',
  'alt.labourMarketReduce',
  'alt.labourMarketReasonAccepted',
  'alt.planAssets',
  'alt.budgetAdvice',
  'alt.childItems',

  // Issue 13 (robust): sanity rules on roles and ages (rules/conditions/).
  'needs.MINOR_APPLICANT_REASON_MISSING',
  'flag.PARTNER_UNDER_18',
  'flag.CHILD_OVER_20',
  'flag.BORN_DURING_PERIOD',

  // The law in force (issue 15): pending rules, the 2027 conditions.
  'needs.rulesPending',
  'rules.pending',
  'flag.SUBLET_WITHOUT_CONSENT',
  'flag.NOT_LAWFULLY_RESIDENT',

  // Aktivitetskrav and läkarintyg (from 2026-07-01; issue 15).
  'activity.notYet',
  'activity.exempt',
  'activity.participating',
  'activity.required',
  'activity.declinedWithReason',
  'activity.declined',
  'needs.activityStatus',
  'needs.activityDecision',
  'flag.ACTIVITY_DECLINED',
  'flag.ACTIVITY_DECLINED_BLOCK',
  'flag.ACTIVITY_DECLINED_WITH_REASON',
  'alt.activityRefuseAdultPart',
  'alt.activityReduce',
  'alt.activityReasonAccepted',
  'child.sanctionPendingNote',
  'medical.notNeeded',
  'medical.given',
  'medical.missing',
  'needs.medicalCertificate',

  // Agency income data (SSBTEK)
  'agency.item',
  'agency.answer.answered',
  'agency.answer.nothing',
  'agency.answer.unverifiable',
  'agency.answer.failed',
  'agency.month.control',
  'agency.month.fallback',
  'agency.month.superseded',
  'agency.month.outside',
  'agency.classify.count',
  'agency.classify.exclude',
  'agency.classify.review',
  'agency.classify.unknown',
  'agency.classify.family',
  'agency.classify.personCount',
  'agency.classify.personExclude',
  'agency.alternative',
  'unassessed.line',
  'unassessed.blocked',
  'unassessed.label',
  'unassessed.note',
  'unassessed.excludedByPerson',
  'agency.reconcile.same',
  'agency.reconcile.differs',
  'income.replacedByRegistered',
  'needs.agencyAnswer',
  'flag.AGENCY_ANSWER_MISSING',
  'flag.UNHANDLED_INCOME',
  'flag.UNHANDLED_INCOME_FAMILY',
  'flag.REGISTERED_INCOME_TO_ASSESS',
  'flag.INCOME_FROM_EARLIER_MONTH',
  'flag.DECLARED_DIFFERS_FROM_REGISTERED',

  // compare: steps and reasons that only an overlay (a proposed reform, docs/compare.md) adds.
  'compare.aidCap',
  'reason.AID_CAP',

  // --- monthly återansökan (src/monthly): comparison with last month, routing, handling time ---
  'monthly.previousFound',
  'monthly.previous',
  'monthly.member',
  'monthly.ageBand',
  'monthly.cost',
  'monthly.declaredIncome',
  'monthly.registeredIncome',
  'monthly.incomeType',
  'monthly.dayCheck',
  'monthly.studySupport',
  'monthly.route.ready',
  'monthly.route.caseworker',
  'monthly.dueOn',
  'monthly.dueOnUnknown',
  'monthly.automated',
] as const;

export type MessageKey = (typeof MESSAGE_KEYS)[number];

const KEYS: ReadonlySet<string> = new Set(MESSAGE_KEYS);

/** True for a key the catalogues have a text for (a key read back from a stored trace is checked with it). */
export function isMessageKey(key: string): key is MessageKey {
  return KEYS.has(key);
}
