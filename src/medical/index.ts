/**
 * Läkarintyg (SoL (2025:400) as amended from 2026-07-01; the SFS number and paragraph were not found, so
 * the reference carries status unverified; rules/medical-certificate.json). An adult who, because of
 * illness, does not stand at the labour market's disposal or does not take part in an assigned activity
 * must hand in a medical certificate. Without one the proposal is needs-information naming it.
 *
 * SOU 2025:15 proposed the duty only when the illness lasts more than seven days; whether the law kept
 * that is unconfirmed: the threshold is a parameter with status unverified, shown in every trace step.
 * When the first day of the illness is not given, the threshold cannot be applied and the certificate
 * is asked for (unknown is not zero).
 */
import { legal, needInformation, type Context } from '../context.ts';
import { lastDayOf } from '../period/index.ts';
import { traceParam } from '../trace/index.ts';

/** Days from the first day of the illness to the day counted to, both counted. */
function daysIll(since: string, until: string): number {
  const ms = Date.parse(`${until}T00:00:00Z`) - Date.parse(`${since}T00:00:00Z`);
  return Math.floor(ms / 86_400_000) + 1;
}

/** The läkarintyg step, per adult who states illness; returns true when a certificate is missing (blocking). */
export function assessMedicalCertificate(ctx: Context): boolean {
  const rule = ctx.rules.medicalCertificate ?? null;
  if (rule === null) return false;
  const ref = legal(ctx, rule.legalTopic).ref;
  const threshold = rule.requiredAfterDays;
  // Counted to the decision date (decidedOn): the illness as it stands when the decision is made, not
  // to the end of a month that has not ended. Without a decision date, to the month's last day.
  const until = ctx.household.decidedOn ?? lastDayOf(ctx.household.period);
  let missing = false;
  for (const m of ctx.household.members) {
    if ((m.role !== 'applicant' && m.role !== 'partner') || m.sickness === null) continue;
    const days = m.sickness.since === null ? null : Math.max(0, daysIll(m.sickness.since, until));
    const needed = days === null || days > threshold.value;
    const given = m.sickness.medicalCertificate === true;
    const result = !needed ? 'notNeeded' : given ? 'given' : 'missing';
    if (ctx.trace.enabled) ctx.trace.add({
      step: 'medical.certificate',
      rule: rule.id,
      legalRef: ref,
      params: [traceParam(threshold)],
      inputs: { memberId: m.id, since: m.sickness.since, until, daysIll: days, medicalCertificate: m.sickness.medicalCertificate },
      result,
      key: `medical.${result}` as 'medical.given',
      args: { memberId: m.id, days: days ?? '', threshold: threshold.value, until },
    });
    if (result === 'missing') {
      missing = true;
      needInformation(ctx, {
        code: 'MEDICAL_CERTIFICATE_MISSING',
        field: `members[${m.index}].sickness.medicalCertificate`,
        blocking: true,
        legalRef: ref,
        key: 'needs.medicalCertificate',
        args: { memberId: m.id, days: days ?? '', threshold: threshold.value },
      });
    }
  }
  return missing;
}
