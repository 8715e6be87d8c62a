/**
 * The output line of `batch --detail compact`, written field by field. It is, byte for byte,
 * `{"line":n,` followed by JSON.stringify(compactDecision(d)) without its opening brace (line.ts):
 * compactDecision stays the definition, and test/batch/compact-line.test.ts checks the two agree on
 * every fixture, generated households and random texts. Writing the known fields directly saves
 * building the nested copy and JSON.stringify walking it: this runs once per household of a batch.
 */
import { quoteString } from '../canonical.ts';
import type { DecisionFigures, Flag } from '../decision/types.ts';

/** A string or null as JSON. */
const str = (s: string | null): string => (s === null ? 'null' : quoteString(s));
/**
 * A text the engine wrote itself from digits, signs and ASCII letters, which JSON quotes as it is: an
 * amount (formatKronor: digits, a minus sign, a point), a month (YYYY-MM), an outcome or severity
 * code, a content hash (sha256:hex). Quoted without the escaping check, which costs more than the
 * rest of the line's strings together (the compact-line test compares with JSON.stringify).
 */
const own = (s: string | null): string => (s === null ? 'null' : `"${s}"`);
/** A number as JSON.stringify writes it (finite numbers as Number#toString, the rest as null). */
const num = (x: number): string => (Number.isFinite(x) ? String(x) : 'null');
/** A property JSON.stringify would leave out when its value is undefined. */
const opt = (name: string, s: string | null | undefined): string => (s === undefined ? '' : `,"${name}":${str(s)}`);

function flagJson(f: Flag): string {
  const head = `{"code":${quoteString(f.code)},"severity":${own(f.severity)}`;
  if (f.memberId === undefined) return `${head}}`;
  const amounts = f.amounts === undefined ? '' : `,"amounts":${JSON.stringify(f.amounts)}`;
  return `${head},"memberId":${str(f.memberId)}${opt('agency', f.agency)}${opt('benefit', f.benefit)}${amounts}}`;
}

function list<T>(items: readonly T[], item: (x: T) => string): string {
  let out = '[';
  for (let i = 0; i < items.length; i++) out += (i ? ',' : '') + item(items[i]!);
  return `${out}]`;
}

export function compactLine(n: number, d: DecisionFigures): string {
  const c = d.childImpact;
  return (
    `{"line":${n},"caseId":${str(d.caseId)},"period":${own(d.period)},"municipality":${str(d.municipality)},"outcome":${own(d.outcome)},"law":${quoteString(d.law)}` +
    `,"norm":{"total":${own(d.norm.total)},"common":${own(d.norm.common)},"householdSize":${num(d.norm.householdSize)}}` +
    `,"costs":{"claimed":${own(d.costs.claimed)},"accepted":${own(d.costs.accepted)},"refused":${own(d.costs.refused)}}` +
    `,"income":{"total":${own(d.income.total)},"counted":${own(d.income.counted)}},"assets":{"available":${own(d.assets.available)}}` +
    `,"need":${own(d.need)},"payable":${own(d.payable)}` +
    `,"reasons":${list(d.reasons, (r) => `{"code":${quoteString(r.code)},"legalRef":${quoteString(r.legalRef)}${r.amount === undefined ? '' : `,"amount":${own(r.amount)}`}}`)}` +
    `,"flags":${list(d.flags, flagJson)}` +
    `,"needsInformation":${list(d.needsInformation, (x) => `{"code":${quoteString(x.code)},"field":${quoteString(x.field)},"blocking":${x.blocking}}`)}` +
    `,"requiresAssessment":${d.requiresAssessment}` +
    `,"childImpact":${c ? `{"children":${JSON.stringify(c.children)},"requiresAssessment":${c.requiresAssessment},"effectOfRefusal":${own(c.effectOfRefusal)}}` : 'null'}` +
    `,"ruleSetVersion":${own(d.ruleSetVersion)},"inputHash":${own(d.inputHash)},"engineVersion":${quoteString(d.engineVersion)}}`
  );
}
