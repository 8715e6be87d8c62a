/**
 * The cap on total aid per household: a step the law does not have, applied only when an overlay
 * defines `aidCap` (docs/compare.md). It runs after the decision the core proposes (an extension point
 * outside the legal steps of src/norm and src/decision) and is traced like any step:
 *
 *   cap      = amount + perAdditionalMember × (householdSize − 1)
 *   payable' = min(payable, cap)
 *
 * When it cuts the payment an `AID_CAP` reason carries the amount not paid, and the outcome becomes
 * `partial` (aid is still granted, in part) or `deny` when the cap is 0. A `needs-information`
 * proposal has no amount and is left alone; so is a denial.
 */
import type { FiguresOf } from '../batch/line.ts';
import type { Reason } from '../output/types.ts';
import { formatKronor, ore, parseKronor, subtract, type Ore } from '../money/index.ts';
import type { RecordedStep, TraceParam } from '../trace/index.ts';
import type { Overlay, OverlayWindow } from './overlay.ts';

export interface CappedDecision {
  readonly decision: FiguresOf;
  /** The traced cap step (appended to the decision's recorded steps). */
  readonly step: RecordedStep;
}

export function capFor(cap: NonNullable<OverlayWindow['aidCap']>, householdSize: number): Ore {
  const extra = cap.perAdditionalMember === undefined ? 0 : parseKronor(cap.perAdditionalMember)! * Math.max(0, householdSize - 1);
  return ore(parseKronor(cap.amount)! + extra);
}

export function applyAidCap(decision: FiguresOf, overlay: Overlay, cap: NonNullable<OverlayWindow['aidCap']>): CappedDecision {
  const size = decision.norm.householdSize;
  const limit = capFor(cap, size);
  const source = overlay.file.sources[cap.source]!.title;
  const params: TraceParam[] = [{ id: `${overlay.id}#aidCap.amount`, value: cap.amount, status: cap.status, source }];
  if (cap.perAdditionalMember !== undefined) params.push({ id: `${overlay.id}#aidCap.perAdditionalMember`, value: cap.perAdditionalMember, status: cap.status, source });
  const payable = decision.payable === null ? null : parseKronor(decision.payable)!;
  const applies = payable !== null && (decision.outcome === 'approve' || decision.outcome === 'partial') && payable > limit;
  const capped = applies ? limit : payable;
  const args = { overlay: overlay.title, cap: formatKronor(limit), size, payable: decision.payable ?? '', capped: capped === null ? '' : formatKronor(capped) };
  const step: RecordedStep = {
    step: 'compare.aidCap',
    rule: `${overlay.id}#aidCap`,
    legalRef: cap.legalBasis,
    params,
    inputs: { payable: decision.payable, householdSize: size, outcome: decision.outcome },
    result: capped === null ? null : formatKronor(capped),
    message: { key: 'compare.aidCap', args },
  };
  if (!applies) return { decision, step };
  const cut = formatKronor(subtract(payable, limit));
  const reason: Reason = { code: 'AID_CAP', legalRef: cap.legalBasis, amount: cut, message: { key: 'reason.AID_CAP', args: { overlay: overlay.title, cap: formatKronor(limit), cut } } };
  const outcome = limit === 0 ? 'deny' : 'partial';
  // RIGHT_TO_ASSISTANCE (first when aid is granted) states the amount paid: it becomes the capped one.
  const restate = (r: Reason): Reason | null => {
    if (r.code !== 'RIGHT_TO_ASSISTANCE') return r;
    if (outcome === 'deny') return null;
    return { ...r, amount: formatKronor(limit), message: { key: 'reason.RIGHT_TO_ASSISTANCE', args: { ...r.message.args, payable: formatKronor(limit) } } };
  };
  const reasons = decision.reasons.map(restate).filter((r): r is Reason => r !== null);
  return { decision: { ...decision, outcome, payable: formatKronor(limit), reasons: [...reasons, reason] }, step };
}
