/**
 * The record shape catalogue: the key lists of the objects a decision is made of (an item, a flag, a
 * message, the child section, …), each under a stable id, so that a record names an object's shape by
 * a number instead of spelling out its keys (packed data, src/store/pack.ts; docs/records.md).
 *
 * **Append-only**, like the trace's shape catalogue (src/trace/shapes.ts): a record written by this
 * engine version must read the same with every later one, so an id is never reused and an entry never
 * changed; a new shape gets a new entry at the end. test/store/record-shapes.test.ts checks the entries
 * against test/store/record-shapes.lock.json and that every shape the engine produces on the fixtures,
 * generated households and monthly proposals is here; `npx tsx scripts/record-shapes.ts` prints the
 * entries to append, `--lock` locks them. A shape that is not here is still written, in the record's
 * own `shapes`.
 */

// prettier-ignore
export const RECORD_SHAPES: readonly (readonly string[])[] = [
  ['total', 'buffer', 'available', 'used', 'items'], // 0
  ['memberId', 'type', 'amount', 'code', 'message'], // 1
  ['children', 'notes', 'requiresAssessment', 'legalRefs', 'perChild', 'effectOfRefusal', 'alternatives', 'longTerm', 'prompts'], // 2
  ['key', 'args'], // 3
  ['memberId', 'age', 'residence', 'days', 'daysInMonth', 'norm'], // 4
  ['memberId', 'share', 'effect'], // 5
  ['effect'], // 6
  ['refused'], // 7
  [], // 8
  ['memberId', 'age', 'band', 'residence', 'daysInHousehold', 'norm', 'effect', 'notes'], // 9
  ['code', 'message', 'amount'], // 10
  ['id', 'number', 'question', 'data', 'requiresAnswer', 'answer', 'source'], // 11
  ['memberId', 'age', 'residence', 'days', 'daysInMonth'], // 12
  ['refused', 'ceiling'], // 13
  ['memberId', 'days', 'daysInMonth'], // 14
  ['memberId', 'share'], // 15
  ['months', 'longTerm', 'threshold'], // 16
  ['claimed', 'accepted', 'refused', 'items'], // 17
  ['type', 'memberId', 'claimed', 'accepted', 'code', 'legalRef', 'requiresAssessment', 'message'], // 18
  ['code', 'severity', 'legalRef', 'message'], // 19
  ['total', 'counted', 'items', 'registered'], // 20
  ['memberId', 'type', 'amount', 'counted', 'code', 'legalRef', 'message', 'source'], // 21
  ['code', 'field', 'blocking', 'legalRef', 'message'], // 22
  ['memberId', 'limit'], // 23
  ['total', 'members', 'common', 'householdSize', 'table', 'separate'], // 24
  ['memberId', 'amount', 'rule'], // 25
  ['memberId', 'reason', 'personal', 'commonShare', 'amount'], // 26
  ['code', 'legalRef', 'message', 'amount'], // 27
  ['payable', 'period'], // 28
  ['code', 'legalRef', 'amount', 'message'], // 29
  ['label', 'memberId', 'claimed', 'accepted'], // 30
  ['code', 'legalRef', 'message'], // 31
  ['need', 'income'], // 32
  ['expected', 'reported'], // 33
  ['need', 'income', 'part'], // 34
  ['available', 'deficit'], // 35
  ['label', 'memberId'], // 36
  ['arrears'], // 37
  ['memberId'], // 38
  ['code', 'severity', 'legalRef', 'message', 'memberId', 'agency'], // 39
  ['memberId', 'agency', 'status'], // 40
  ['memberId', 'agency'], // 41
  ['path', 'code', 'message'], // 42
  ['code', 'severity', 'legalRef', 'message', 'memberId', 'agency', 'benefit', 'paymentIndex', 'amounts'], // 43
  ['memberId', 'agency', 'benefit', 'sub', 'net', 'date', 'basis', 'month', 'period', 'm1', 'm2'], // 44
  ['registered'], // 45
  ['memberId', 'type', 'amount', 'counted', 'code', 'legalRef', 'message', 'source', 'agency', 'benefit', 'subBenefit', 'amountType', 'ref', 'paidOn', 'periodFrom', 'periodTo', 'classification', 'changeThreshold'], // 46
  ['kind'], // 47
  ['index', 'memberId', 'agency', 'benefit', 'subBenefit', 'amountType', 'net', 'gross', 'tax', 'paidOn', 'periodFrom', 'periodTo', 'days', 'preliminary', 'ref', 'month', 'slot', 'use', 'classification', 'incomeType', 'changeThreshold', 'family', 'matchedOn', 'assessment', 'likelyIncomeType', 'alternatives', 'replacesDeclared', 'legalRef', 'message'], // 48
  ['kind', 'percent'], // 49
  ['code', 'severity', 'legalRef', 'message', 'memberId', 'agency', 'benefit', 'paymentIndex', 'amounts', 'blocksLetter'], // 50
  ['memberId', 'agency', 'benefit', 'sub', 'net', 'date', 'basis', 'month', 'period', 'm1', 'm2', 'family', 'matched', 'reasonSv', 'reasonEn', 'reason', 'likely', 'rule', 'likelyType', 'incomeType', 'label', 'notCounted', 'counted'], // 51
  ['registered', 'payableNotCounted'], // 52
  ['notCounted', 'counted', 'incomeType'], // 53
  ['code', 'severity', 'legalRef', 'message', 'memberId', 'agency', 'benefit', 'amounts'], // 54
  ['memberId', 'label', 'type', 'agency', 'declared', 'registered'], // 55
  ['declared', 'registered'], // 56
  ['memberId', 'qualifying'], // 57
  ['term'], // 58: first seen in fixtures/contract-example.json
  ['others', 'share'], // 59: first seen in fixtures/contract-example.json
  ['policy', 'othersShare', 'others'], // 60: first seen in fixtures/contract-example.json
  ['memberId', 'role'], // 61: first seen in fixtures/contract-example.json
  ['used', 'deficit', 'buffer'], // 62: first seen in fixtures/contract-example.json
  ['stage', 'above', 'ceiling', 'months', 'notifiedOn', 'endsOn', 'cutFrom'], // 63: first seen in fixtures/e2-single-parent-rent-above-ceiling-2023.json
  ['need', 'income', 'childIncome', 'childEarningsAboveLimit'], // 64: first seen in fixtures/e4-couple-income-covers-need-avslag-2023.json
  ['code', 'severity', 'legalRef', 'memberId', 'amounts', 'message'], // 65: first seen in fixtures/e5-school-youth-summer-job-2023.json
  ['full', 'adultPart', 'withoutAdultPart', 'childrenPart'], // 66: first seen in fixtures/e5-school-youth-summer-job-2023.json
  ['memberId', 'reason', 'illness', 'full', 'adultPart', 'withoutAdultPart', 'childrenPart'], // 67: first seen in fixtures/e5-school-youth-summer-job-2023.json
  ['memberId', 'full', 'adultPart', 'withoutAdultPart', 'childrenPart'], // 68: first seen in fixtures/h1-labour-market-no-reason-children-1-and-15-2026.json
  ['above', 'cutFrom'], // 69: first seen in fixtures/h4-rent-above-ceiling-first-months-2026.json
  ['counted'], // 70: first seen in fixtures/h5-school-youth-earnings-above-limit-2026.json
  ['memberId', 'days', 'threshold'], // 71: first seen in fixtures/h9-sick-without-certificate-decided-5-august-2026.json
  ['available', 'deficit', 'buffer'], // 72: first seen in fixtures/x2-savings-cover-need-2025.json
  ['code', 'severity', 'legalRef', 'memberId', 'message'], // 73: first seen in generated 2014-02 --registered #14
  ['memberId', 'reason', 'illness'], // 74: first seen in generated 2017-06 --registered #53
];
