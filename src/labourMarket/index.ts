/**
 * Att stå till arbetsmarknadens förfogande (12 kap. 3 § SoL (2025:400); 4 kap. 1 § andra stycket SoL
 * (2001:453) from 2016-07-01, before that 4 kap. 1 § and rättspraxis): "En enskild som kan arbeta, men
 * som inte kan försörja sig, har rätt till försörjningsstöd om han eller hon står till arbetsmarknadens
 * förfogande … Om det finns godtagbara skäl, har den enskilde rätt till försörjningsstöd även om han eller
 * hon inte står till arbetsmarknadens förfogande."
 *
 * The condition concerns the person who can work, and only försörjningsstöd. It is checked for each
 * adult in the case — applicant and partner alike, so who is named applicant never changes the outcome —
 * with the rules of rules/conditions/labour-market.json:
 *
 * - not at the labour market's disposal and no reason given: the engine never refuses by itself. The
 *   proposal waits for a person (outcome needs-information, a blocking flag), with the alternatives
 *   computed as for the aktivitetskrav: the full amount; the adult's part refused and the children's
 *   part (their own costs included) kept; a reduction between the two. The barnkonsekvens covers them.
 * - a reason given (acceptableReason, or illness without a läkarintyg): whether it is a godtagbart skäl
 *   is a person's assessment (12 kap. 3 § andra stycket). The amount is proposed and flagged; no text
 *   is ever accepted by the engine. Illness with a läkarintyg handed in is a documented reason.
 * - not stated: the proposal is made and the gap is noted for a person.
 */
import { runConditions } from '../conditions/index.ts';
import { traceConditions } from '../conditions/apply.ts';
import { legal, needInformation, type Context } from '../context.ts';
import type { Member } from '../household/types.ts';
import type { Alternative, Flag } from '../output/types.ts';
import { flagCode, needsCode, type FlagCode } from '../output/codes.ts';
import { adultPartAmounts, type AdultPartAmounts, type SanctionInput } from '../shares/index.ts';
import type { MessageArgs, MessageKey } from '../trace/messages.ts';

export interface LabourMarketResult {
  /** An adult does not stand at the labour market's disposal without a reason while aid would be paid: a person decides. */
  readonly blocked: boolean;
  /** The alternatives for a person's choice (also shown with the barnkonsekvens). */
  readonly alternatives: readonly Alternative[];
}

/** One adult's statement: their own fields, the applicant's also in circumstances (CONTRACT.md). */
interface AdultStatement {
  readonly member: Member;
  readonly availableForWork: boolean | null;
  readonly reason: string | null;
  /** The input field a person fills in for this adult. */
  readonly field: string;
}

function statementOf(ctx: Context, m: Member): AdultStatement {
  const c = ctx.household.circumstances;
  const applicant = m.role === 'applicant';
  const ownGiven = m.availableForWork !== null;
  return {
    member: m,
    availableForWork: m.availableForWork ?? (applicant ? c.availableForWork : null),
    reason: m.acceptableReason ?? (applicant ? c.acceptableReason : null),
    field: applicant && !ownGiven ? 'circumstances.availableForWork' : `members[${m.index}].availableForWork`,
  };
}

function flagOf(code: FlagCode, severity: Flag['severity'], legalRef: string, memberId: string, key: MessageKey, args: MessageArgs, amounts?: AdultPartAmounts): Flag {
  return { code, severity, legalRef, memberId, ...(amounts ? { amounts: { ...amounts } } : {}), message: { key, args } };
}

/** The alternatives a person chooses between for the adults concerned. */
function alternativesFor(names: string, amounts: AdultPartAmounts): Alternative[] {
  const args = { memberId: names, ...amounts };
  return [
    { code: 'LABOUR_MARKET_REFUSE_ADULT_PART', message: { key: 'alt.labourMarketRefuseAdultPart', args }, amount: amounts.withoutAdultPart },
    { code: 'LABOUR_MARKET_REDUCE', message: { key: 'alt.labourMarketReduce', args }, amount: null },
    { code: 'LABOUR_MARKET_REASON_ACCEPTED', message: { key: 'alt.labourMarketReasonAccepted', args }, amount: amounts.full },
    { code: 'PLAN_FOR_LABOUR_MARKET', message: { key: 'alt.planLabourMarket', args }, amount: null },
  ];
}

/**
 * The labour-market step, per adult (applicant, partner) in member order: flags and missing facts go
 * to the decision; returns whether a person must decide and the alternatives for the child section.
 */
export function assessLabourMarket(ctx: Context, input: SanctionInput, flags: Flag[]): LabourMarketResult {
  const set = ctx.rules.conditions.labourMarket;
  const ref = legal(ctx, 'labourMarket').ref;
  const adults = ctx.household.members.filter((m) => m.role === 'applicant' || m.role === 'partner');
  const undecided: Member[] = [];
  let blocked = false;
  for (const m of adults) {
    const s = statementOf(ctx, m);
    const facts = {
      availableForWork: s.availableForWork,
      reasonGiven: s.reason !== null || m.sickness !== null,
      reasonDocumented: m.sickness?.medicalCertificate === true,
    };
    const results = runConditions(set, facts, ctx.trace.enabled);
    traceConditions(ctx, set, results, { memberId: m.id });
    for (const r of results) {
      if (!r.result) continue;
      const { code, severity, blocking } = r.event.params;
      const field = (r.event.params.field ?? '').replace('{availableForWork}', s.field);
      if (r.event.type === 'needs-information') {
        needInformation(ctx, { code: needsCode(code), field, blocking: blocking ?? false, legalRef: ref, key: `needs.${code}` as MessageKey, args: { memberId: m.id, role: m.role } });
      } else if (r.event.type === 'flag') {
        // A stated reason is proposed, never accepted: a person judges it; the amounts if it is not accepted.
        const reason = s.reason ?? '';
        const amounts = input.payable !== null && input.payable > 0 ? adultPartAmounts(ctx, input, [m.id], input.payable) : undefined;
        const args = { memberId: m.id, reason, illness: m.sickness !== null ? 'yes' : 'no', ...(amounts ?? {}) };
        flags.push(flagOf(flagCode(code), severity, ref, m.id, `flag.${code}` as MessageKey, args, amounts));
      } else if (input.payable === null || input.payable > 0) {
        // person-decides: the proposal waits for a person, with the alternatives (when they can be computed).
        blocked = true;
        undecided.push(m);
        const amounts = input.payable === null ? undefined : adultPartAmounts(ctx, input, [m.id], input.payable);
        const args = { memberId: m.id, ...(amounts ?? {}) };
        flags.push(flagOf(flagCode(code), severity, ref, m.id, amounts ? 'flag.NOT_AT_LABOUR_MARKET_DISPOSAL' : 'flag.NOT_AT_LABOUR_MARKET_DISPOSAL_UNKNOWN_AMOUNT', args, amounts));
        needInformation(ctx, { code: 'LABOUR_MARKET_DECISION_BY_PERSON', field, blocking: true, legalRef: ref, key: amounts ? 'needs.labourMarketDecision' : 'needs.labourMarketDecisionUnknownAmount', args });
      } else {
        // Nothing would be paid anyway: nothing to refuse, but a person notes it.
        flags.push(flagOf(flagCode(code), 'assessment', ref, m.id, 'flag.NOT_AT_LABOUR_MARKET_DISPOSAL_NO_AID', { memberId: m.id }));
      }
    }
  }
  const payable = input.payable;
  if (undecided.length === 0 || payable === null) return { blocked, alternatives: [] };
  const amountsOf = (ids: readonly string[]): AdultPartAmounts => adultPartAmounts(ctx, input, ids, payable);
  const first = undecided[0]!;
  if (undecided.length === 1) return { blocked, alternatives: alternativesFor(first.id, amountsOf([first.id])) };
  // Both adults: each one's part refused, both parts refused, then the choices for both.
  const ids = undecided.map((m) => m.id);
  const both = amountsOf(ids);
  const names = ids.join(', ');
  return {
    blocked,
    alternatives: [
      ...undecided.map((m) => alternativesFor(m.id, amountsOf([m.id]))[0]!),
      { code: 'LABOUR_MARKET_REFUSE_ADULTS_PARTS', message: { key: 'alt.labourMarketRefuseAdultsParts', args: { memberId: names, ...both } }, amount: both.withoutAdultPart },
      ...alternativesFor(names, both).slice(1),
    ],
  };
}
