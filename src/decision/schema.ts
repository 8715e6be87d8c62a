/**
 * The decision proposal as a zod schema (issue 13): the published form of `calculate --json`, the
 * API's answer and (without trace, decisionText and worksheetText) each batch line with --detail summary; the trace
 * `explain` expands from a --detail full line is this schema's trace. schemas/decision.schema.json is generated from
 * it (`npm run schemas`), and test/schemas/schemas.test.ts checks real decisions against it, strictly:
 * a field the engine prints but this schema does not name fails the test, so the schema cannot fall
 * behind the engine. Field meanings: docs/decision.md.
 */
import { z } from 'zod';

/** Money as the engine prints it: a kronor decimal string, whole kronor or two decimals ("7900", "7900.50"). */
export const kronor = z.string().regex(/^(0|[1-9][0-9]*)(\.[0-9]{2})?$/).describe('Kronor as a decimal string: "7900" or "7900.50" (never a float)');
const kronorOrNull = kronor.nullable().describe('Kronor, or null when it cannot be computed because facts are missing');

const messageArgs = z.record(z.string(), z.union([z.string(), z.number()]));
/** A text's message key and arguments, so any language can render it. */
const said = z.strictObject({ key: z.string(), args: messageArgs }).describe('Message key and arguments of the text (the English view renders from these)');

const traceValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.union([z.string(), z.number(), z.boolean(), z.null()]))]);

const traceStep = z
  .strictObject({
    step: z.string().describe('What was computed, e.g. norm.member'),
    rule: z.string().describe('The rule that computed it, e.g. riksnorm/2023#single'),
    legalRef: z.string().optional().describe('The paragraph of the law in force'),
    params: z.array(
      z.strictObject({
        id: z.string(),
        value: z.union([z.string(), z.number()]),
        status: z.enum(['verified', 'derived', 'estimate', 'unverified']),
        source: z.string(),
      }),
    ),
    inputs: z.record(z.string(), traceValue),
    result: traceValue,
    message: said,
    text: z.string().describe('The step in Swedish'),
  })
  .describe('One step of the reasoning trace');

const inputIssue = z.strictObject({ path: z.string(), code: z.string(), message: z.string() });

const childImpact = z
  .strictObject({
    children: z.array(z.string()),
    notes: z.array(z.string()),
    requiresAssessment: z.boolean(),
    legalRefs: z.array(z.string()),
    perChild: z.array(
      z.strictObject({
        memberId: z.string(),
        age: z.number().int(),
        band: z.string().nullable(),
        residence: z.enum(['full-time', 'part-time', 'not-this-month']),
        daysInHousehold: z.number().int(),
        norm: kronor,
        effect: kronorOrNull.describe("This child's share of what the refusal takes from the household; null when nothing is refused"),
        notes: z.array(z.string()),
      }),
    ),
    effectOfRefusal: kronor,
    alternatives: z.array(z.strictObject({ code: z.string(), text: z.string(), amount: kronorOrNull })),
    longTerm: z.boolean().nullable(),
    prompts: z.array(
      z.strictObject({
        id: z.string(),
        number: z.number().int(),
        question: z.string(),
        data: z.string().nullable(),
        requiresAnswer: z.boolean(),
        answer: z.null(),
        source: z.string(),
      }),
    ),
  })
  .describe('Barnkonsekvensanalys: the children, the effect of a refusal on each, alternatives and the prompts a caseworker answers');

export const decisionSchema = z
  .strictObject({
    caseId: z.string().nullable(),
    period: z.string().regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/).describe('The month, YYYY-MM'),
    municipality: z.string().nullable().describe('Kommunkod (four digits), or null'),
    outcome: z.enum(['approve', 'partial', 'deny', 'needs-information']).describe('bifall, delvis bifall, avslag, or facts are missing'),
    law: z.string().describe('The Social Services Act in force in the period'),
    norm: z.strictObject({
      total: kronorOrNull,
      members: z.array(z.strictObject({ memberId: z.string(), amount: kronor, rule: z.string() })),
      common: kronor.describe('Gemensamma hushållskostnader'),
      householdSize: z.number().int(),
      table: z.string(),
      separate: z
        .array(z.strictObject({ memberId: z.string(), reason: z.string(), personal: kronor, commonShare: kronor, amount: kronor }))
        .describe('Members who are their own case, reported separately and not part of this need'),
    }),
    costs: z.strictObject({
      claimed: kronorOrNull,
      accepted: kronorOrNull,
      refused: kronor,
      items: z.array(
        z.strictObject({
          type: z.string(),
          memberId: z.string().nullable(),
          claimed: kronorOrNull,
          accepted: kronorOrNull,
          code: z.string(),
          reason: z.string(),
          legalRef: z.string(),
          requiresAssessment: z.boolean(),
          message: said,
        }),
      ),
    }),
    income: z.strictObject({
      total: kronorOrNull,
      counted: kronorOrNull,
      items: z.array(
        z.strictObject({
          memberId: z.string(),
          type: z.string(),
          amount: kronorOrNull,
          counted: kronorOrNull,
          code: z.string(),
          reason: z.string(),
          legalRef: z.string(),
          message: said,
          // The agreed interface for agency income data (the ssbtek work): optional here so that
          // decisions with and without it both match.
          source: z.string().optional().describe('"application", or "agency:<agency>" for a payment registered with an agency'),
          agency: z.string().optional(),
          benefit: z.string().optional(),
          // null when the agency did not give it (a payment without a sub-benefit, a booked date or a period).
          subBenefit: z.string().nullable().optional(),
          amountType: z.string().nullable().optional(),
          ref: z.string().nullable().optional(),
          paidOn: z.string().nullable().optional(),
          periodFrom: z.string().nullable().optional(),
          periodTo: z.string().nullable().optional(),
          classification: z.string().optional(),
          changeThreshold: z
            .discriminatedUnion('kind', [
              z.strictObject({ kind: z.literal('percent'), percent: z.number() }),
              z.strictObject({ kind: z.literal('exact') }),
              z.strictObject({ kind: z.literal('none') }),
            ])
            .optional(),
        }),
      ),
      registered: z.array(z.looseObject({})).optional().describe('Every registered agency payment and what was done with it'),
    }),
    assets: z.strictObject({
      total: kronor,
      buffer: kronor,
      available: kronor.describe('Own money above the municipal buffer'),
      used: kronor,
      items: z.array(
        z.strictObject({ memberId: z.string().nullable(), type: z.string(), amount: kronorOrNull, code: z.string(), reason: z.string(), message: said }),
      ),
    }),
    need: kronorOrNull.describe('norm.total + costs.accepted'),
    payable: kronorOrNull.describe('What the proposal pays; null with outcome needs-information'),
    reasons: z.array(z.strictObject({ code: z.string(), legalRef: z.string(), text: z.string(), amount: kronor.optional(), message: said })),
    flags: z.array(
      z.strictObject({
        code: z.string(),
        severity: z.enum(['block', 'assessment', 'warning', 'info']),
        legalRef: z.string(),
        text: z.string(),
        message: said,
        memberId: z.string().optional(),
        agency: z.string().optional(),
        benefit: z.string().optional(),
        amounts: z.record(z.string(), kronor).optional(),
        paymentIndex: z.number().int().nonnegative().optional().describe('The registered payment the flag is about (registeredIncomes[] position)'),
        blocksLetter: z.boolean().optional().describe('No letter may be produced while this flag stands (a registered payment a person must classify)'),
      }),
    ),
    needsInformation: z.array(
      z.strictObject({ code: z.string(), field: z.string(), blocking: z.boolean(), legalRef: z.string().optional(), text: z.string(), message: said }),
    ),
    requiresAssessment: z.boolean(),
    childImpact: childImpact.nullable(),
    decisionText: z
      .string()
      .describe(
        "The applicant's letter as plain Swedish text: a request for information, a proposal (\"Förslag till beslut\") until a person decides, or the decision. Names, never member ids; no code word, hash, unconfirmed reference or note to the caseworker. Empty when no letter can be sent (the worksheet says why)",
      ),
    worksheetText: z
      .string()
      .describe(
        "The caseworker's worksheet (arbetsunderlag), never sent to the applicant: why no letter can be sent yet, flags to assess, missing facts, the barnkonsekvens questions and answers, notes, unconfirmed legal references, the rule-set version and hashes, the calculation steps",
      ),
    warnings: z.array(inputIssue).describe('Input fields the engine does not know (not used)'),
    trace: z.array(traceStep),
    ruleSetVersion: z.string().regex(/^sha256:[0-9a-f]{64}$/),
    inputHash: z.string().regex(/^sha256:[0-9a-f]{64}$/),
    engineVersion: z.string(),
  })
  .describe('A decision proposal of bistånd-engine (calculate --json)');
