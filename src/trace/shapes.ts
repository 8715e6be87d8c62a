/**
 * The shape catalogue: every kind of trace step the engine writes, under a stable id, so that a
 * compact trace (src/trace/compact.ts, batch --detail full) names a step's shape by a number instead
 * of spelling it out on every line.
 *
 * A shape is what the engine's code fixes about a step: its step name, message key, input names and
 * message argument names, in order. An entry may add a rule template: the step's rule when the code
 * always gives the same one (`decision/need`), or a fixed text and one or more `{input}` holes filled
 * with that input's value (`cost-types#{type}`). A step whose rule is what the template gives writes
 * null for its rule; any other rule is written out, so the template only saves bytes, never decides.
 *
 * **Append-only.** A line written by this engine version must expand the same with every later one,
 * so an id is never reused and an entry is never changed: a new or changed shape gets a new entry at
 * the end (the old one stays, for the lines that name it). The catalogue's length is its version;
 * a compact trace records the length it was written with (`catalogue`).
 * test/trace/shape-catalogue.test.ts checks that the entries are those of
 * test/trace/shape-catalogue.lock.json (none changed) and that every shape the engine produces on the
 * fixtures and on generated households is here; `npx tsx scripts/shape-catalogue.ts` prints the
 * entries to append. A shape that is not here is still written, whole, in the line itself.
 */

/** [step, message key, input names, message argument names]. */
export type Shape = readonly [step: string, key: string, inputs: readonly string[], args: readonly string[]];

/** [id, step, message key, input names, argument names, rule template?]. */
export type ShapeEntry = readonly [id: number, step: string, key: string, inputs: readonly string[], args: readonly string[], rule?: string];

// prettier-ignore
export const SHAPE_CATALOGUE: readonly ShapeEntry[] = [
  [0, 'norm.member', 'norm.cohabiting', ['memberId', 'role', 'age'], ['memberId', 'joint', 'amount']],
  [1, 'norm.member', 'norm.childWithoutLunch', ['memberId', 'birthDate', 'ageDate', 'age', 'band', 'lunchOutsideHome', 'daysInHousehold', 'daysInMonth'], ['memberId', 'age', 'band', 'full', 'amount', 'days', 'daysInMonth']],
  [2, 'norm.member', 'norm.childPartMonth', ['memberId', 'birthDate', 'ageDate', 'age', 'band', 'lunchOutsideHome', 'daysInHousehold', 'daysInMonth'], ['memberId', 'age', 'band', 'full', 'amount', 'days', 'daysInMonth']],
  [3, 'norm.member', 'norm.child', ['memberId', 'birthDate', 'ageDate', 'age', 'band', 'lunchOutsideHome', 'daysInHousehold', 'daysInMonth'], ['memberId', 'age', 'band', 'full', 'amount', 'days', 'daysInMonth']],
  [4, 'norm.householdSize', 'norm.householdSize', ['members', 'partMonthChildren'], ['size', 'partTime', 'policy'], 'municipal/default#part-month-child-household-size'],
  [5, 'norm.common', 'norm.common', ['householdSize', 'policy'], ['size', 'amount']],
  [6, 'norm.separate', 'norm.separate', ['memberId', 'reason', 'age', 'householdSize'], ['memberId', 'reason', 'common', 'size', 'share', 'personal', 'amount']],
  [7, 'norm.commonShare', 'norm.commonShare', ['common', 'separateMembers'], ['common', 'others', 'amount'], 'norm/common-share'],
  [8, 'norm.total', 'norm.total', ['members', 'common', 'table'], ['personal', 'common', 'amount', 'title']],
  [9, 'costs.item', 'costs.rentAboveCeiling', ['index', 'type', 'claimed', 'category'], ['amount', 'ceiling', 'accepted', 'refused', 'label', 'ref'], 'cost-types#{type}'],
  [10, 'costs.item', 'costs.reasonable', ['index', 'type', 'claimed', 'category'], ['amount', 'label', 'ref'], 'cost-types#{type}'],
  [11, 'costs.total', 'costs.total', ['items', 'claimed'], ['claimed', 'accepted', 'refused'], 'costs/accepted-total'],
  [12, 'income.jobbstimulans', 'income.jobbstimulansQualified', ['consecutiveMonthsOnAssistance', 'jobbstimulansStart'], ['months', 'qualifying', 'duration'], 'jobbstimulans/2013-07-01'],
  [13, 'income.item', 'income.jobbstimulans', ['index', 'memberId', 'type', 'amount', 'yearToDate'], ['amount', 'percent', 'disregarded', 'counted', 'label', 'memberId', 'ref'], 'income-types#{type}'],
  [14, 'income.item', 'income.counted', ['index', 'memberId', 'type', 'amount', 'yearToDate'], ['amount', 'label', 'memberId', 'ref'], 'income-types#{type}'],
  [15, 'income.item', 'income.childEarningsExempt', ['index', 'memberId', 'type', 'amount', 'yearToDate'], ['amount', 'limit', 'earlier', 'earlierKnown', 'exempt', 'counted', 'year', 'label', 'memberId', 'ref'], 'income-types#{type}'],
  [16, 'income.total', 'income.total', ['items', 'total'], ['total', 'counted', 'notCounted'], 'income/counted-total'],
  [17, 'assets.item', 'assets.liquid', ['index', 'memberId', 'type', 'amount', 'liquid'], ['amount', 'label', 'ref'], 'asset-types#{type}'],
  [18, 'assets.available', 'assets.available', ['liquidTotal'], ['liquid', 'buffer', 'available'], 'municipal/default#asset-buffer'],
  [19, 'conditions.eligibility', 'conditions.notFired', ['availableForWork', 'hasAcceptableReason'], ['name'], 'conditions/eligibility#NOT_AT_LABOUR_MARKET_DISPOSAL'],
  [20, 'conditions.eligibility', 'conditions.notFired', ['applicantAge', 'applicantMinorReasonGiven'], ['name'], 'conditions/eligibility#MINOR_APPLICANT_REASON_MISSING'],
  [21, 'conditions.eligibility', 'conditions.notFired', ['partnerAvailableForWork', 'partnerHasAcceptableReason'], ['name'], 'conditions/eligibility#PARTNER_NOT_AT_LABOUR_MARKET_DISPOSAL'],
  [22, 'decision.need', 'decision.need', ['norm', 'costsAccepted'], ['norm', 'costs', 'need'], 'decision/need'],
  [23, 'decision.deficit', 'decision.deficit', ['need', 'incomeCounted'], ['need', 'income', 'deficit'], 'decision/deficit'],
  [24, 'decision.outcome', 'decision.outcome.partial', ['conditionDenial', 'blockingFlags', 'missingFacts', 'deficit', 'assetsAvailable', 'costsRefused'], ['deniedFor'], 'decision/outcome'],
  [25, 'decision.payable', 'decision.payable', ['deficit', 'assetsUsed', 'outcome'], ['deficit', 'assets', 'payable', 'outcome'], 'decision/payable'],
  [26, 'conditions.flags', 'conditions.fired', ['childCount', 'outcome'], ['name'], 'conditions/flags#CHILD_AFFECTED_BY_REFUSAL'],
  [27, 'conditions.flags', 'conditions.fired', ['rentRefusedOre'], ['name'], 'conditions/flags#RENT_ABOVE_CEILING'],
  [28, 'conditions.flags', 'conditions.notFired', ['rentArrearsOre'], ['name'], 'conditions/flags#RENT_ARREARS'],
  [29, 'conditions.flags', 'conditions.notFired', ['assessmentCostCount'], ['name'], 'conditions/flags#COST_NEEDS_ASSESSMENT'],
  [30, 'conditions.flags', 'conditions.fired', ['assetsAvailableOre', 'outcome'], ['name'], 'conditions/flags#ASSETS_ABOVE_BUFFER'],
  [31, 'conditions.flags', 'conditions.notFired', ['nonLiquidAssetCount'], ['name'], 'conditions/flags#NON_LIQUID_ASSETS'],
  [32, 'conditions.flags', 'conditions.fired', ['otherAdultCount'], ['name'], 'conditions/flags#OTHER_ADULT_IN_HOUSEHOLD'],
  [33, 'conditions.flags', 'conditions.notFired', ['applicantAge'], ['name'], 'conditions/flags#APPLICANT_UNDER_18'],
  [34, 'conditions.flags', 'conditions.notFired', ['partnerAge'], ['name'], 'conditions/flags#PARTNER_UNDER_18'],
  [35, 'conditions.flags', 'conditions.notFired', ['childOver20Count'], ['name'], 'conditions/flags#CHILD_OVER_20'],
  [36, 'conditions.flags', 'conditions.notFired', ['bornDuringPeriodCount'], ['name'], 'conditions/flags#BORN_DURING_PERIOD'],
  [37, 'conditions.flags', 'conditions.notFired', ['consecutiveMonthsOnAssistance'], ['name'], 'conditions/flags#LONG_TERM_ASSISTANCE'],
  [38, 'conditions.flags', 'conditions.notFired', ['adultEmploymentIncomeOre', 'consecutiveMonthsOnAssistance'], ['name'], 'conditions/flags#JOBBSTIMULANS_UNKNOWN'],
  [39, 'conditions.flags', 'conditions.notFired', ['childAllowanceCheckApplies', 'childAllowanceExpectedOre'], ['name'], 'conditions/flags#CHILD_ALLOWANCE_MISMATCH'],
  [40, 'conditions.flags', 'conditions.notFired', ['normHasEstimates'], ['name'], 'conditions/flags#NORM_ESTIMATE_USED'],
  [41, 'childImpact', 'child.traceRefusal', ['children', 'outcome', 'effect'], ['count', 'effect'], 'barnkonsekvens'],
  [42, 'norm.member', 'norm.single', ['memberId', 'role', 'age'], ['memberId', 'amount']],
  [43, 'costs.item', 'costs.rentWithinCeiling', ['index', 'type', 'claimed', 'category'], ['amount', 'ceiling', 'label', 'ref'], 'cost-types#{type}'],
  [44, 'decision.outcome', 'decision.outcome.approve', ['conditionDenial', 'blockingFlags', 'missingFacts', 'deficit', 'assetsAvailable', 'costsRefused'], ['deniedFor'], 'decision/outcome'],
  [45, 'conditions.flags', 'conditions.notFired', ['childCount', 'outcome'], ['name'], 'conditions/flags#CHILD_AFFECTED_BY_REFUSAL'],
  [46, 'conditions.flags', 'conditions.notFired', ['rentRefusedOre'], ['name'], 'conditions/flags#RENT_ABOVE_CEILING'],
  [47, 'conditions.flags', 'conditions.notFired', ['assetsAvailableOre', 'outcome'], ['name'], 'conditions/flags#ASSETS_ABOVE_BUFFER'],
  [48, 'conditions.flags', 'conditions.notFired', ['otherAdultCount'], ['name'], 'conditions/flags#OTHER_ADULT_IN_HOUSEHOLD'],
  [49, 'income.jobbstimulans', 'income.jobbstimulansNotYet', ['consecutiveMonthsOnAssistance', 'jobbstimulansStart'], ['months', 'qualifying'], 'jobbstimulans/2013-07-01'],
  [50, 'costs.item', 'costs.rentNoCeiling', ['index', 'type', 'claimed', 'category'], ['amount', 'label', 'ref'], 'cost-types#{type}'],
  [51, 'costs.item', 'costs.livsforing', ['index', 'type', 'claimed', 'category'], ['amount', 'label', 'ref'], 'cost-types#{type}'],
  [52, 'conditions.flags', 'conditions.fired', ['assessmentCostCount'], ['name'], 'conditions/flags#COST_NEEDS_ASSESSMENT'],
  [53, 'childImpact', 'child.traceNoRefusal', ['children', 'outcome', 'effect'], ['count', 'effect'], 'barnkonsekvens'],
  [54, 'decision.outcome', 'decision.outcome.deny', ['conditionDenial', 'blockingFlags', 'missingFacts', 'deficit', 'assetsAvailable', 'costsRefused'], ['deniedFor'], 'decision/outcome'],
  [55, 'income.item', 'income.childMeansCounted', ['index', 'memberId', 'type', 'amount', 'yearToDate'], ['amount', 'norm', 'label', 'memberId', 'ref'], 'income-types#{type}'],
  [56, 'conditions.flags', 'conditions.fired', ['childAllowanceCheckApplies', 'childAllowanceExpectedOre'], ['name'], 'conditions/flags#CHILD_ALLOWANCE_MISMATCH'],
  [57, 'conditions.eligibility', 'conditions.fired', ['availableForWork', 'hasAcceptableReason'], ['name'], 'conditions/eligibility#NOT_AT_LABOUR_MARKET_DISPOSAL'],
  [58, 'conditions.flags', 'conditions.fired', ['consecutiveMonthsOnAssistance'], ['name'], 'conditions/flags#LONG_TERM_ASSISTANCE'],
  [59, 'assets.item', 'assets.nonLiquid', ['index', 'memberId', 'type', 'amount', 'liquid'], ['amount', 'label', 'ref'], 'asset-types#{type}'],
  [60, 'conditions.flags', 'conditions.fired', ['nonLiquidAssetCount'], ['name'], 'conditions/flags#NON_LIQUID_ASSETS'],
  [61, 'income.item', 'income.amountMissing', ['index', 'memberId', 'type', 'amount', 'yearToDate'], ['label', 'memberId', 'ref'], 'income-types#{type}'],
  [62, 'decision.outcome', 'decision.outcome.needs-information', ['conditionDenial', 'blockingFlags', 'missingFacts', 'deficit', 'assetsAvailable', 'costsRefused'], ['deniedFor'], 'decision/outcome'],
  [63, 'norm.common', 'norm.commonAboveSeven', ['householdSize', 'policy'], ['size', 'amount']],
  [64, 'conditions.flags', 'conditions.fired', ['rentArrearsOre'], ['name'], 'conditions/flags#RENT_ARREARS'],
  [65, 'income.jobbstimulans', 'income.jobbstimulansPause', ['consecutiveMonthsOnAssistance', 'jobbstimulansStart'], ['months', 'qualifying', 'duration'], 'jobbstimulans/2013-07-01'],
  [66, 'income.item', 'income.ownCase', ['index', 'memberId', 'type', 'amount', 'yearToDate'], ['amount', 'label', 'memberId', 'ref'], 'income-types#{type}'],
  [67, 'agency.answer', 'agency.answer.nothing', ['index', 'memberId', 'agency', 'status'], ['memberId', 'agency'], 'agency/answer-status'],
  [68, 'agency.answer', 'agency.answer.failed', ['index', 'memberId', 'agency', 'status'], ['memberId', 'agency'], 'agency/answer-status'],
  [69, 'agency.answer', 'agency.answer.answered', ['index', 'memberId', 'agency', 'status'], ['memberId', 'agency'], 'agency/answer-status'],
  [70, 'agency.month', 'agency.month.fallback', ['index', 'memberId', 'agency', 'benefit', 'subBenefit', 'amountType', 'net', 'gross', 'tax', 'paidOn', 'periodFrom', 'periodTo', 'days', 'preliminary', 'ref', 'dateUsed', 'basis', 'month', 'applicationMonth', 'countedMonth', 'fallbackMonth'], ['memberId', 'agency', 'benefit', 'sub', 'net', 'date', 'basis', 'month', 'period', 'm1', 'm2'], 'agency/month-of-payment'],
  [71, 'agency.classify', 'agency.classify.count', ['index', 'memberId', 'agency', 'benefit', 'subBenefit', 'amountType', 'net', 'gross', 'tax', 'paidOn', 'periodFrom', 'periodTo', 'days', 'preliminary', 'ref', 'month'], ['memberId', 'agency', 'benefit', 'sub', 'net', 'date', 'basis', 'month', 'period', 'm1', 'm2', 'rule', 'reasonSv', 'reasonEn', 'incomeType', 'label']],
  [72, 'agency.reconcile', 'agency.reconcile.same', ['memberId', 'type', 'declaredIncomes', 'registeredPayments', 'declared', 'registered'], ['memberId', 'label', 'type', 'agency', 'declared', 'registered'], 'agency/registered-replaces-declared'],
  [73, 'income.item', 'income.replacedByRegistered', ['index', 'memberId', 'type', 'amount', 'yearToDate'], ['amount', 'agency', 'label', 'memberId', 'ref'], 'income-types#{type}'],
  [74, 'income.item', 'agency.item', ['registeredIncome', 'memberId', 'agency', 'benefit', 'type', 'net', 'paidOn', 'periodFrom', 'periodTo', 'ref', 'month'], ['amount', 'label', 'memberId', 'ref', 'inner', 'agency', 'benefit', 'sub', 'date', 'basis', 'paymentRef']],
  [75, 'agency.classify', 'agency.classify.exclude', ['index', 'memberId', 'agency', 'benefit', 'subBenefit', 'amountType', 'net', 'gross', 'tax', 'paidOn', 'periodFrom', 'periodTo', 'days', 'preliminary', 'ref', 'month'], ['memberId', 'agency', 'benefit', 'sub', 'net', 'date', 'basis', 'month', 'period', 'm1', 'm2', 'rule', 'reasonSv', 'reasonEn', 'incomeType']],
  [76, 'agency.month', 'agency.month.control', ['index', 'memberId', 'agency', 'benefit', 'subBenefit', 'amountType', 'net', 'gross', 'tax', 'paidOn', 'periodFrom', 'periodTo', 'days', 'preliminary', 'ref', 'dateUsed', 'basis', 'month', 'applicationMonth', 'countedMonth', 'fallbackMonth'], ['memberId', 'agency', 'benefit', 'sub', 'net', 'date', 'basis', 'month', 'period', 'm1', 'm2'], 'agency/month-of-payment'],
  [77, 'income.item', 'income.childMeansAboveNorm', ['index', 'memberId', 'type', 'amount', 'yearToDate'], ['amount', 'norm', 'counted', 'label', 'memberId', 'ref'], 'income-types#{type}'],
  [78, 'agency.month', 'agency.month.outside', ['index', 'memberId', 'agency', 'benefit', 'subBenefit', 'amountType', 'net', 'gross', 'tax', 'paidOn', 'periodFrom', 'periodTo', 'days', 'preliminary', 'ref', 'dateUsed', 'basis', 'month', 'applicationMonth', 'countedMonth', 'fallbackMonth'], ['memberId', 'agency', 'benefit', 'sub', 'net', 'date', 'basis', 'month', 'period', 'm1', 'm2'], 'agency/month-of-payment'],
  [79, 'agency.classify', 'agency.classify.unknown', ['index', 'memberId', 'agency', 'benefit', 'subBenefit', 'amountType', 'net', 'gross', 'tax', 'paidOn', 'periodFrom', 'periodTo', 'days', 'preliminary', 'ref', 'month'], ['memberId', 'agency', 'benefit', 'sub', 'net', 'date', 'basis', 'month', 'period', 'm1', 'm2']],
  [80, 'agency.reconcile', 'agency.reconcile.differs', ['memberId', 'type', 'declaredIncomes', 'registeredPayments', 'declared', 'registered'], ['memberId', 'label', 'type', 'agency', 'declared', 'registered'], 'agency/registered-replaces-declared'],
  [81, 'agency.answer', 'agency.answer.unverifiable', ['index', 'memberId', 'agency', 'status'], ['memberId', 'agency'], 'agency/answer-status'],
  [82, 'agency.month', 'agency.month.superseded', ['index', 'memberId', 'agency', 'benefit', 'subBenefit', 'amountType', 'net', 'gross', 'tax', 'paidOn', 'periodFrom', 'periodTo', 'days', 'preliminary', 'ref', 'dateUsed', 'basis', 'month', 'applicationMonth', 'countedMonth', 'fallbackMonth'], ['memberId', 'agency', 'benefit', 'sub', 'net', 'date', 'basis', 'month', 'period', 'm1', 'm2'], 'agency/month-of-payment'],
  [83, 'conditions.flags', 'conditions.fired', ['normHasEstimates'], ['name'], 'conditions/flags#NORM_ESTIMATE_USED'],
  [84, 'activity.requirement', 'activity.notYet', ['memberId', 'status', 'consecutiveMonthsOnAssistance'], ['memberId', 'months', 'qualifying'], 'activity-requirement/2026-10-01'],
  [85, 'conditions.eligibility', 'conditions.notFired', ['availableForWork', 'hasAcceptableReason'], ['name'], 'conditions/eligibility#LABOUR_MARKET_STATUS_UNKNOWN'],
  [86, 'agency.classify', 'agency.classify.count', ['index', 'memberId', 'agency', 'benefit', 'subBenefit', 'amountType', 'net', 'gross', 'tax', 'paidOn', 'periodFrom', 'periodTo', 'days', 'preliminary', 'ref', 'month', 'matchedOn', 'assessment'], ['memberId', 'agency', 'benefit', 'sub', 'net', 'date', 'basis', 'month', 'period', 'm1', 'm2', 'family', 'matched', 'reasonSv', 'reasonEn', 'reason', 'likely', 'rule', 'likelyType', 'incomeType', 'label']],
  [87, 'agency.classify', 'agency.classify.exclude', ['index', 'memberId', 'agency', 'benefit', 'subBenefit', 'amountType', 'net', 'gross', 'tax', 'paidOn', 'periodFrom', 'periodTo', 'days', 'preliminary', 'ref', 'month', 'matchedOn', 'assessment'], ['memberId', 'agency', 'benefit', 'sub', 'net', 'date', 'basis', 'month', 'period', 'm1', 'm2', 'family', 'matched', 'reasonSv', 'reasonEn', 'reason', 'likely', 'rule', 'likelyType', 'incomeType', 'label'], 'agency-income-map/2014-05-01#fk-handikappersattning'],
  [88, 'agency.classify', 'agency.classify.unknown', ['index', 'memberId', 'agency', 'benefit', 'subBenefit', 'amountType', 'net', 'gross', 'tax', 'paidOn', 'periodFrom', 'periodTo', 'days', 'preliminary', 'ref', 'month', 'matchedOn', 'assessment'], ['memberId', 'agency', 'benefit', 'sub', 'net', 'date', 'basis', 'month', 'period', 'm1', 'm2', 'family', 'matched', 'reasonSv', 'reasonEn', 'reason', 'likely', 'rule', 'likelyType', 'incomeType', 'label'], 'agency-income-map/2014-05-01#unknown'],
  [89, 'costs.item', 'costs.rentWithinCeiling', ['index', 'type', 'claimed', 'category'], ['amount', 'sharedShare', 'sharedOthersShare', 'sharedOthers', 'sharedPersons', 'sharedTotal', 'sharedPolicy', 'ceiling', 'basis', 'label', 'ref'], 'cost-types#{type}'],
  [90, 'costs.item', 'costs.sharedHousing', ['index', 'type', 'claimed', 'category'], ['amount', 'sharedShare', 'sharedOthersShare', 'sharedOthers', 'sharedPersons', 'sharedTotal', 'sharedPolicy', 'label', 'ref'], 'cost-types#{type}'],
  [91, 'income.item', 'income.childEarningsExempt', ['index', 'memberId', 'type', 'amount', 'yearToDate'], ['amount', 'share', 'limit', 'earlier', 'earlierKnown', 'exempt', 'aboveLimit', 'policy', 'year', 'shareLeft', 'counted', 'label', 'memberId', 'ref'], 'income-types#{type}'],
  [92, 'conditions.labour-market', 'conditions.notFired', ['memberId', 'availableForWork', 'reasonGiven'], ['name']],
  [93, 'conditions.labour-market', 'conditions.notFired', ['memberId', 'availableForWork', 'reasonGiven', 'reasonDocumented'], ['name'], 'conditions/labour-market#LABOUR_MARKET_REASON_TO_ASSESS'],
  [94, 'conditions.labour-market', 'conditions.fired', ['memberId', 'availableForWork', 'reasonGiven'], ['name']],
  [95, 'decision.outcome', 'decision.outcome.partial', ['personDecides', 'missingFacts', 'deficit', 'assetsAvailable', 'assetsUsed', 'costsRefused'], ['deniedFor'], 'decision/outcome'],
  [96, 'conditions.flags', 'conditions.notFired', ['rentAboveCeilingOre', 'rentCeilingStage'], ['name']],
  [97, 'conditions.flags', 'conditions.fired', ['sharedHousingOthersOre'], ['name'], 'conditions/flags#SHARED_HOUSING_COST'],
  [98, 'conditions.flags', 'conditions.notFired', ['childEarningsCountedAboveLimitOre'], ['name'], 'conditions/flags#CHILD_EARNINGS_ABOVE_LIMIT'],
  [99, 'costs.item', 'costs.rentWithinCeiling', ['index', 'type', 'claimed', 'category'], ['amount', 'ceiling', 'basis', 'label', 'ref'], 'cost-types#{type}'],
  [100, 'decision.outcome', 'decision.outcome.approve', ['personDecides', 'missingFacts', 'deficit', 'assetsAvailable', 'assetsUsed', 'costsRefused'], ['deniedFor'], 'decision/outcome'],
  [101, 'conditions.flags', 'conditions.notFired', ['sharedHousingOthersOre'], ['name'], 'conditions/flags#SHARED_HOUSING_COST'],
  [102, 'costs.item', 'costs.rentAboveCeiling', ['index', 'type', 'claimed', 'category'], ['amount', 'ceiling', 'basis', 'above', 'notifiedOn', 'months', 'endsOn', 'cutFrom', 'accepted', 'refused', 'label', 'ref'], 'cost-types#{type}'],
  [103, 'costs.item', 'costs.livsforing', ['index', 'type', 'claimed', 'category'], ['amount', 'term', 'label', 'ref'], 'cost-types#{type}'],
  [104, 'decision.outcome', 'decision.outcome.deny', ['personDecides', 'missingFacts', 'deficit', 'assetsAvailable', 'assetsUsed', 'costsRefused'], ['deniedFor'], 'decision/outcome'],
  [105, 'income.item', 'income.childIncomeCounted', ['index', 'memberId', 'type', 'amount', 'yearToDate'], ['amount', 'share', 'shareLeft', 'counted', 'label', 'memberId', 'ref'], 'income-types#{type}'],
  [106, 'conditions.labour-market', 'conditions.fired', ['memberId', 'availableForWork', 'reasonGiven', 'reasonDocumented'], ['name'], 'conditions/labour-market#LABOUR_MARKET_REASON_TO_ASSESS'],
  [107, 'decision.outcome', 'decision.outcome.needs-information', ['personDecides', 'missingFacts', 'deficit', 'assetsAvailable', 'assetsUsed', 'costsRefused'], ['deniedFor'], 'decision/outcome'],
  [108, 'childImpact', 'child.traceUndecided', ['children', 'outcome', 'effect'], ['count', 'effect'], 'barnkonsekvens'],
  [109, 'costs.item', 'costs.rentAboveCeilingNotNotified', ['index', 'type', 'claimed', 'category'], ['amount', 'ceiling', 'basis', 'above', 'notifiedOn', 'months', 'endsOn', 'cutFrom', 'label', 'ref'], 'cost-types#{type}'],
  [110, 'conditions.flags', 'conditions.fired', ['rentAboveCeilingOre', 'rentCeilingStage'], ['name'], 'conditions/flags#RENT_ABOVE_CEILING_NOT_NOTIFIED'],
  [111, 'income.item', 'income.childEarningsAboveShare', ['index', 'memberId', 'type', 'amount', 'yearToDate'], ['amount', 'share', 'limit', 'earlier', 'earlierKnown', 'exempt', 'aboveLimit', 'policy', 'year', 'shareLeft', 'counted', 'label', 'memberId', 'ref'], 'income-types#{type}'],
  [112, 'income.item', 'income.childIncomeAboveShare', ['index', 'memberId', 'type', 'amount', 'yearToDate'], ['amount', 'share', 'shareLeft', 'counted', 'label', 'memberId', 'ref'], 'income-types#{type}'],
  [113, 'conditions.flags', 'conditions.fired', ['childEarningsCountedAboveLimitOre'], ['name'], 'conditions/flags#CHILD_EARNINGS_ABOVE_LIMIT'],
  [114, 'costs.item', 'costs.rentNoCeiling', ['index', 'type', 'claimed', 'category'], ['amount', 'sharedShare', 'sharedOthersShare', 'sharedOthers', 'sharedPersons', 'sharedTotal', 'sharedPolicy', 'label', 'ref'], 'cost-types#{type}'],
  [115, 'medical.certificate', 'medical.missing', ['memberId', 'since', 'until', 'daysIll', 'medicalCertificate'], ['memberId', 'days', 'threshold', 'until'], 'medical-certificate/2026-07-01'],
  [116, 'monthly.previousFound', 'monthly.previousFound', ['caseId', 'period'], ['decisionId', 'period'], 'monthly/previous'],
  [117, 'monthly.member', 'monthly.member', ['subject', 'previous', 'current'], ['code', 'subject', 'previous', 'current', 'period', 'threshold', 'change', 'label', 'member', 'from', 'to'], 'monthly/compare#member'],
  [118, 'monthly.ageBand', 'monthly.ageBand', ['subject', 'previous', 'current'], ['code', 'subject', 'previous', 'current', 'period', 'threshold', 'change', 'label', 'member', 'from', 'to'], 'monthly/compare#ageBand'],
  [119, 'monthly.cost', 'monthly.cost', ['subject', 'previous', 'current'], ['code', 'subject', 'previous', 'current', 'period', 'threshold', 'change', 'label', 'member', 'from', 'to'], 'monthly/compare#cost'],
  [120, 'monthly.declaredIncome', 'monthly.declaredIncome', ['subject', 'previous', 'current'], ['code', 'subject', 'previous', 'current', 'period', 'threshold', 'change', 'label', 'member', 'from', 'to'], 'monthly/compare#declaredIncome'],
  [121, 'monthly.dueOn', 'monthly.dueOn', ['receivedOn', 'workingDays'], ['receivedOn', 'dueOn', 'days', 'skipped'], 'monthly/due-on'],
  [122, 'monthly.routing', 'monthly.route.ready', ['outcome', 'mode'], ['mode'], 'monthly/route'],
  [123, 'monthly.automatedDecision', 'monthly.automated', ['outcome', 'previousDecisionId'], ['ref', 'delegation'], 'monthly/automated-decision'],
  [124, 'monthly.routing', 'monthly.route.caseworker', ['outcome', 'mode', 'reasons'], ['reasons'], 'monthly/route'],
  [125, 'monthly.previous', 'monthly.previous', ['subject', 'previous', 'current', 'period'], ['code', 'subject', 'previous', 'current', 'period', 'threshold', 'change', 'label', 'member', 'from', 'to'], 'monthly/compare#previous'],
  [126, 'monthly.dueOn', 'monthly.dueOnUnknown', ['receivedOn'], [], 'monthly/due-on'],
  [127, 'monthly.incomeType', 'monthly.incomeType', ['subject', 'previous', 'current', 'threshold', 'changePercent'], ['code', 'subject', 'previous', 'current', 'period', 'threshold', 'change', 'label', 'member', 'from', 'to'], 'monthly/compare#incomeType'],
  [128, 'monthly.dayCheck', 'monthly.dayCheck', ['subject', 'previous', 'current', 'from', 'to'], ['code', 'subject', 'previous', 'current', 'period', 'threshold', 'change', 'label', 'member', 'from', 'to'], 'monthly/compare#dayCheck'],
  [129, 'monthly.registeredIncome', 'monthly.registeredIncome', ['subject', 'previous', 'current', 'threshold'], ['code', 'subject', 'previous', 'current', 'period', 'threshold', 'change', 'label', 'member', 'from', 'to'], 'monthly/compare#registeredIncome'],
];

/** The key of a shape, for lookups: its parts joined by characters that never occur in names. */
export const shapeKey = (step: string, key: string, inputs: readonly string[], args: readonly string[]): string =>
  `${step}\u0000${key}\u0000${inputs.join('\u0001')}\u0000${args.join('\u0001')}`;

/** The catalogue by step and message key: the entries of each, in id order. */
let byStep: Map<string, Map<string, readonly ShapeEntry[]>> | undefined;

const sameNames = (a: readonly string[], b: readonly string[]): boolean => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

/**
 * The catalogue entries of a shape, in id order (usually one; a later one may add a rule template).
 * Found by step and message key, then by comparing the names, without building a key string for
 * every step of every trace (that string was a third of compacting a trace: bench/RESULTS.md, issue 26).
 */
export function findShape(step: string, key: string, inputs: readonly string[], args: readonly string[]): readonly ShapeEntry[] {
  if (!byStep) {
    byStep = new Map();
    for (const e of SHAPE_CATALOGUE) {
      let byKey = byStep.get(e[1]);
      if (byKey === undefined) byStep.set(e[1], (byKey = new Map()));
      byKey.set(e[2], [...(byKey.get(e[2]) ?? []), e]);
    }
  }
  const candidates = byStep.get(step)?.get(key);
  if (candidates === undefined) return [];
  let out: ShapeEntry[] | undefined;
  for (let i = 0; i < candidates.length; i++) {
    const e = candidates[i]!;
    const match = sameNames(e[3], inputs) && sameNames(e[4], args);
    if (match && out !== undefined) out.push(e);
    else if (!match && out === undefined) out = candidates.slice(0, i);
  }
  return out ?? candidates;
}

/**
 * The rule a template gives for a step's inputs: each `{name}` replaced by the input of that name,
 * which must be a string or a number; undefined when an input is missing or of another type.
 */
export function ruleFromTemplate(template: string, inputs: Readonly<Record<string, unknown>>): string | undefined {
  const parts = templateParts(template);
  let rule = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    const v = Object.hasOwn(inputs, name) ? inputs[name] : undefined;
    if (typeof v !== 'string' && typeof v !== 'number') return undefined;
    rule += String(v) + parts[i + 1]!;
  }
  return rule;
}

const templates = new Map<string, readonly string[]>();

/**
 * A template cut once into [text, name, text, name, …, text] (a name is what stands between `{` and
 * `}`); compacting a trace asks for the same few templates at every step of every trace.
 */
function templateParts(template: string): readonly string[] {
  let parts = templates.get(template);
  if (parts === undefined) {
    const cut: string[] = [];
    const names = /\{([^{}]*)\}/g;
    let from = 0;
    for (let m = names.exec(template); m !== null; m = names.exec(template)) {
      cut.push(template.slice(from, m.index), m[1]!);
      from = m.index + m[0].length;
    }
    cut.push(template.slice(from));
    parts = cut;
    if (templates.size < 1000) templates.set(template, parts);
  }
  return parts;
}
