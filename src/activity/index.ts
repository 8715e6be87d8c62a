/**
 * Aktivitetskrav (12 kap. 4 a–6 a §§ SoL (2025:400) as amended by SFS 2026:730 — the numbers from one
 * weak source, so the reference carries status unverified; rules/activity-requirement.json). The law is
 * in force from 2026-07-01; the duty applies to försörjningsstöd from October 2026.
 *
 * After the qualifying consecutive months on försörjningsstöd (3), an adult who can work must take part
 * in the activities the nämnd assigns, unless exempt (under 18, 18–20 in school, full-time occupied, at
 * the riktålder, on sjukpenning/sjukersättning and similar, in a full-time programme). An adult who
 * declines without godtagbart skäl: the nämnd "ska vägra eller sätta ned" continued försörjningsstöd.
 * The law gives no formula, so the engine never proposes that amount: it blocks the proposal (a person
 * decides) and computes the alternatives — the adult's whole part refused with the children's part
 * kept, and the full amount if the reason is found acceptable — with the barnkonsekvens.
 */
import { legal, needInformation, type Context } from '../context.ts';
import type { Alternative, Flag } from '../output/types.ts';
import type { Member } from '../household/types.ts';
import type { Ore } from '../money/index.ts';
import type { ActivityRequirementRule } from '../rulebook/types.ts';
import { adultPartAmounts, type SanctionInput } from '../shares/index.ts';
import { traceParam } from '../trace/index.ts';

export interface ActivityResult {
  /** An adult declined without a reason while aid would be paid: a person must decide (outcome needs-information). */
  readonly blocked: boolean;
  readonly alternatives: readonly Alternative[];
}

const NONE: ActivityResult = { blocked: false, alternatives: [] };

export type ActivityInput = SanctionInput;

/** One adult's status this month: duty not yet, exempt, participating, required, declined (with or without a reason). */
function traceStatus(ctx: Context, rule: ActivityRequirementRule, m: Member, status: string, args: Record<string, string | number>): void {
  if (!ctx.trace.enabled) return;
  const exemption = rule.exemptions.find((e) => e.code === args['exemption']);
  ctx.trace.add({
    step: 'activity.requirement',
    rule: rule.id,
    legalRef: legal(ctx, rule.legalTopic).ref,
    params: [traceParam(rule.qualifyingConsecutiveMonths), ...(exemption ? [traceParam(exemption.param)] : [])],
    inputs: { memberId: m.id, status, consecutiveMonthsOnAssistance: ctx.household.circumstances.consecutiveMonthsOnAssistance },
    result: status,
    key: `activity.${status}` as 'activity.exempt',
    args: { memberId: m.id, ...args },
  });
}

/** The alternatives a person chooses between when the adult declined without a reason. */
function alternativesFor(ctx: Context, m: Member, input: ActivityInput, payable: Ore): { alternatives: Alternative[]; amounts: Record<string, string> } {
  const amounts = { ...adultPartAmounts(ctx, input, [m.id], payable) };
  const args = { memberId: m.id, ...amounts };
  return {
    amounts,
    alternatives: [
      { code: 'ACTIVITY_REFUSE_ADULT_PART', message: { key: 'alt.activityRefuseAdultPart', args }, amount: amounts.withoutAdultPart },
      { code: 'ACTIVITY_REDUCE', message: { key: 'alt.activityReduce', args }, amount: null },
      { code: 'ACTIVITY_REASON_ACCEPTED', message: { key: 'alt.activityReasonAccepted', args }, amount: amounts.full },
    ],
  };
}

/**
 * The aktivitetskrav step, per adult (applicant, partner) in member order. Flags and needs-information
 * go to the decision; returns whether a person must decide and the alternatives for the child section.
 */
export function assessActivityRequirement(ctx: Context, input: ActivityInput, flags: Flag[]): ActivityResult {
  const rule = ctx.rules.activityRequirement ?? null;
  const adults = ctx.household.members.filter((m) => m.role === 'applicant' || m.role === 'partner');
  if (rule === null) {
    for (const m of adults) {
      if (m.activityRequirement !== null) {
        ctx.warnings.push({ path: `members[${m.index}].activityRequirement`, code: 'NOT_IN_FORCE', message: 'the aktivitetskrav applies to försörjningsstöd from October 2026; not used for this month' });
      }
    }
    return NONE;
  }
  const ref = legal(ctx, rule.legalTopic).ref;
  const months = ctx.household.circumstances.consecutiveMonthsOnAssistance;
  const q = rule.qualifyingConsecutiveMonths.value;
  let blocked = false;
  const alternatives: Alternative[] = [];
  for (const m of adults) {
    const a = m.activityRequirement;
    const age = input.norm.assessments.get(m.id)?.age ?? 0;
    if (months !== null && months < q) {
      traceStatus(ctx, rule, m, 'notYet', { months, qualifying: q });
      continue;
    }
    if (age < 18) {
      traceStatus(ctx, rule, m, 'exempt', { exemption: 'under-18' });
      continue;
    }
    if (a === null) {
      needInformation(ctx, { code: 'ACTIVITY_STATUS_UNKNOWN', field: `members[${m.index}].activityRequirement`, blocking: false, legalRef: ref, key: 'needs.activityStatus', args: { memberId: m.id, qualifying: q } });
      continue;
    }
    if (a.status !== 'declined') {
      traceStatus(ctx, rule, m, a.status, a.exemption !== null ? { exemption: a.exemption } : {});
      continue;
    }
    if (a.acceptableReason !== null) {
      traceStatus(ctx, rule, m, 'declinedWithReason', { reason: a.acceptableReason });
      flags.push({ code: 'ACTIVITY_DECLINED_WITH_REASON', severity: 'assessment', legalRef: ref, memberId: m.id, message: { key: 'flag.ACTIVITY_DECLINED_WITH_REASON', args: { memberId: m.id, reason: a.acceptableReason } } });
      continue;
    }
    traceStatus(ctx, rule, m, 'declined', {});
    if (input.payable === null || input.payable <= 0) {
      // No aid would be paid anyway: nothing to refuse or reduce, but a person notes it.
      flags.push({ code: 'ACTIVITY_DECLINED', severity: 'assessment', legalRef: ref, memberId: m.id, message: { key: 'flag.ACTIVITY_DECLINED', args: { memberId: m.id } } });
      continue;
    }
    const alt = alternativesFor(ctx, m, input, input.payable);
    blocked = true;
    alternatives.push(...alt.alternatives);
    const args = { memberId: m.id, ...alt.amounts };
    flags.push({ code: 'ACTIVITY_DECLINED', severity: 'block', legalRef: ref, memberId: m.id, amounts: alt.amounts, message: { key: 'flag.ACTIVITY_DECLINED_BLOCK', args } });
    needInformation(ctx, { code: 'ACTIVITY_DECISION_BY_PERSON', field: `members[${m.index}].activityRequirement`, blocking: true, legalRef: ref, key: 'needs.activityDecision', args });
  }
  return { blocked, alternatives };
}
