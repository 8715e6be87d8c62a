/**
 * The decision store's commands (issue 4, docs/records.md):
 *
 *   audit verify [--store PATH] [--anchor HASH]... [--json]       is the chain intact? exit 0 / 1
 *   replay DECISION_ID [--store PATH] [--json]                    recompute with the stored rules: identical / diff (exit 1)
 *   replay DECISION_ID --with-current-rules [--rules DIR]         what today's rules give (informational, exit 0)
 *   show DECISION_ID [--store PATH] [--lang sv|en] [--json]       the decision as a caseworker or auditor reads it
 *
 * An unknown decision id or a missing store is exit 2 (the user named the wrong thing); a broken
 * chain, a differing replay or an unusable store is exit 1. The store keeps the full personnummer
 * (members[].personnummer of the stored input); nothing printed here holds it: a decision has no field
 * for it, and what is printed is never rewritten after it is made (issue 27).
 */
import { loadRulebook } from '../rulebook/load.ts';
import { parseArgs } from 'node:util';
import { renderDecision } from '../explain/render.ts';
import { escapeControls } from '../household/echo.ts';
import { RuleSetCache } from '../rulebook/resolve.ts';
import type { Difference } from '../store/diff.ts';
import { recordBasis, renderedDecision } from '../store/read.ts';
import { replayRecord, type ReplayResult } from '../store/replay.ts';
import { RecordFormError } from '../store/serialize.ts';
import { DecisionStore, StoreError, StoreNotFoundError, storePath, type StoredRecord } from '../store/store.ts';
import { recordContentProblem, verifyStore } from '../store/verify.ts';
import { EXIT_BAD_INPUT, EXIT_ENGINE, EXIT_OK, processIo, rulesDir, UsageError, type CliIo } from './common.ts';
import type { Routing } from '../monthly/propose.ts';
import { replayRegistration, type RegistrationReplay } from '../casework/workday.ts';
import { journalNoteSv } from '../explain/casework.ts';
import { storedLetter } from '../store/letters.ts';
import { CaseWork } from '../store/casework.ts';

/** A command's two ways to print a line: out (stdout) and err (stderr, one line: control characters escaped). */
interface Printer {
  readonly io: CliIo;
  out(text: string): void;
  err(text: string): void;
}

function printer(io: CliIo): Printer {
  return { io, out: (text) => void io.stdout.write(`${text}\n`), err: (text) => void io.stderr.write(`${escapeControls(text)}\n`) };
}

/** Opens the store for reading, runs the command and turns store errors into exit codes. */
export function withStore({ io, err }: Printer, option: string | undefined, run: (store: DecisionStore) => number): number {
  let store: DecisionStore;
  try {
    store = DecisionStore.open(storePath(option, io.env, io.cwd), { readonly: true });
  } catch (error) {
    if (error instanceof StoreNotFoundError) {
      err(error.message);
      return EXIT_BAD_INPUT;
    }
    if (error instanceof StoreError) {
      err(`store: ${error.message}`);
      return EXIT_ENGINE;
    }
    throw error;
  }
  try {
    return run(store);
  } catch (error) {
    if (error instanceof StoreError || error instanceof RecordFormError) {
      err(`store: ${error.message}`);
      return EXIT_ENGINE;
    }
    throw error;
  } finally {
    store.close();
  }
}

function findRecord({ err }: Printer, store: DecisionStore, id: string): StoredRecord | undefined {
  const record = store.get(id);
  if (!record) err(`no decision ${id} in ${store.path}`);
  return record;
}

// ---------------------------------------------------------------------------------------- audit

export function auditCommand(args: string[], io: CliIo = processIo()): number {
  const print = printer(io);
  const { out } = print;
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { store: { type: 'string' }, anchor: { type: 'string', multiple: true }, json: { type: 'boolean', default: false } },
  });
  if (positionals[0] !== 'verify' || positionals.length !== 1) throw new UsageError('expected: audit verify [--store PATH] [--anchor HASH]... [--json]');
  return withStore(print, values.store, (store) => {
    const report = verifyStore(store, { anchors: values.anchor ?? [] });
    if (values.json) {
      out(JSON.stringify({ store: store.path, ...report }, null, 2));
      return report.ok ? EXIT_OK : EXIT_ENGINE;
    }
    out(`audit verify ${store.path}`);
    out(`  records: ${report.records}, rule sets: ${report.ruleSets}`);
    out(`  head: #${report.head.seq} ${report.head.recordHash}`);
    if (report.ok) {
      out('intact: every record matches its hash and links to the one before it; every rule set matches its version');
      return EXIT_OK;
    }
    out(`BROKEN: ${report.firstBad!.message}`);
    const shown = report.problems.slice(0, 50);
    out(`  problems (${report.problems.length}):`);
    for (const p of shown) out(`  - ${p.message}`);
    if (report.problems.length > shown.length) out(`  … and ${report.problems.length - shown.length} more (--json lists all)`);
    return EXIT_ENGINE;
  });
}

// --------------------------------------------------------------------------------------- replay

function showValue(v: unknown): string {
  if (v === undefined) return '(absent)';
  const text = JSON.stringify(v);
  return text.length > 200 ? `${text.slice(0, 200)}… (${text.length} characters; --json shows all)` : text;
}

function differenceLines(differences: readonly Difference[]): string[] {
  return differences.map((d) => `  ${d.path}: ${showValue(d.recorded)} → ${showValue(d.recomputed)}`);
}

function replayText(r: ReplayResult): string[] {
  const lines: string[] = [];
  const rules = r.rules === 'stored' ? `the stored rule set ${r.recordedRuleSetVersion}` : `today's rules (${r.ruleSetVersion ?? 'none for this period'})`;
  lines.push(`replay ${r.decisionId} with ${rules} and engine ${r.engineVersion} (recorded with engine ${r.recordedEngineVersion})`);
  if (r.integrityProblem) lines.push(`warning: the record fails its own hash check (${r.integrityProblem}); run audit verify`);
  if (r.notReplayable) {
    const { missing, error } = r.notReplayable;
    lines.push(`NOT REPLAYABLE with engine ${r.engineVersion}: ${missing.length > 0 ? `the stored rule set lacks what this engine's calculation reads: ${missing.join(', ')}` : `the calculation stopped on the stored rule set: ${error}`}.`);
    lines.push('The recorded decision stands as stored: show prints it and audit verify checks it. It is not recomputed with today\'s rules in their place (replay --with-current-rules shows what today\'s rules give).');
    return lines;
  }
  if (r.refused) {
    lines.push(r.rules === 'stored' ? 'NOT IDENTICAL: the engine now refuses the stored input:' : "today's rules refuse the stored input:");
    for (const i of r.refused) lines.push(`  ${i.path}: ${i.message}`);
    return lines;
  }
  if (r.rules === 'stored') {
    if (r.identical) lines.push('identical: the recomputed decision equals the recorded one in every field');
    else {
      lines.push(`NOT IDENTICAL: ${r.differences.length} field(s) differ (recorded → recomputed):`);
      lines.push(...differenceLines(r.differences));
    }
  } else if (r.identical) {
    lines.push("today's rules give the same decision in every field");
  } else {
    lines.push(`today's rules give ${r.differences.length} different field(s) (recorded → today):`);
    lines.push(...differenceLines(r.differences));
  }
  return lines;
}

export function replayCommand(args: string[], io: CliIo = processIo()): number {
  const print = printer(io);
  const { out } = print;
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      store: { type: 'string' },
      json: { type: 'boolean', default: false },
      'with-current-rules': { type: 'boolean', default: false },
      rules: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('expected exactly one decision id');
  if (values.rules !== undefined && !values['with-current-rules']) throw new UsageError('--rules is only used with --with-current-rules (a replay uses the stored rules)');
  const current = values['with-current-rules'];
  // Load today's rules before opening the store, so a broken rules/ exits 1 without a store held open.
  const cache = current ? new RuleSetCache(loadRulebook(rulesDir(values.rules, io.env))) : null;
  return withStore(print, values.store, (store) => {
    const record = findRecord(print, store, positionals[0]!);
    if (!record) return EXIT_BAD_INPUT;
    if (CaseWork.isRegistration(record)) {
      // A registered decision (issue 22): derived again from its stored registration, its proposal and
      // the stored rule set's references; the decisions it changes and that change it are named.
      if (current) throw new UsageError('--with-current-rules replays a proposal; a registered decision is derived from its proposal as stored');
      const cw = CaseWork.over(store);
      const again = replayRegistration(cw, record);
      const links = registrationLinks(cw, record.decisionId);
      out(values.json ? JSON.stringify({ ...again, ...links }, null, 2) : registrationReplayText(again, links).join('\n'));
      return again.identical && again.integrityProblem === null ? EXIT_OK : EXIT_ENGINE;
    }
    const result = replayRecord(store, record, cache ? (period, municipality, decidedOn) => cache.get(period, municipality, decidedOn) : undefined);
    out(values.json ? JSON.stringify(result, null, 2) : replayText(result).join('\n'));
    if (current) return EXIT_OK; // informational: what today's rules would give
    return result.identical && result.integrityProblem === null ? EXIT_OK : EXIT_ENGINE;
  });
}

// ----------------------------------------------------------------------------------------- show

const LABELS = {
  sv: { record: 'Beslutspost', position: 'plats i kedjan', recordedAt: 'Registrerad', ruleSet: 'Regelversion', engine: 'Motorversion', input: 'Indata (hash)', chain: 'Kedjehash', previous: 'föregående', warning: 'VARNING: posten stämmer inte med sin hash' },
  en: { record: 'Decision record', position: 'position in the chain', recordedAt: 'Recorded at', ruleSet: 'Rule set version', engine: 'Engine version', input: 'Input (hash)', chain: 'Chain hash', previous: 'previous', warning: 'WARNING: the record does not match its hash' },
} as const;

/** A monthly proposal's routing in one line (monthly, docs/monthly.md). */
function routingLine(r: Routing, lang: 'sv' | 'en'): string {
  const reasons = r.reasons.length > 0 ? ` (${r.reasons.join(', ')})` : '';
  if (lang === 'en') {
    const to = r.automated ? `automated decision under ${r.delegation}` : r.to === 'ready' ? 'ready (a recommendation)' : `to a caseworker${reasons}`;
    return `Monthly run: ${to}; due ${r.dueOn ?? 'unknown'}; previous decision ${r.previousDecisionId ?? 'none'}`;
  }
  const to = r.automated ? `automatiserat beslut enligt ${r.delegation}` : r.to === 'ready' ? 'klar (rekommendation)' : `till handläggare${reasons}`;
  return `Månadskörning: ${to}; sista dag ${r.dueOn ?? 'okänd'}; föregående beslut ${r.previousDecisionId ?? 'inget'}`;
}

/** The registered decisions a registration changes and is changed by (its case and month's line). */
function registrationLinks(cw: CaseWork, decisionId: string): { changes: string | null; changedBy: string | null; proposalId: string } {
  const full = cw.registered(decisionId)!;
  const line = cw.lineage(full.input.caseId, full.input.period);
  const at = line.findIndex((r) => r.decisionId === decisionId);
  return { changes: full.decision.change?.of ?? null, changedBy: line[at + 1]?.decisionId ?? null, proposalId: full.input.proposal.decisionId };
}

function registrationReplayText(r: RegistrationReplay, links: { changes: string | null; changedBy: string | null; proposalId: string }): string[] {
  const lines = [`Registered decision ${r.decisionId} (on proposal ${links.proposalId})`];
  if (links.changes) lines.push(`  changes ${links.changes}`);
  if (links.changedBy) lines.push(`  changed by ${links.changedBy}`);
  if (r.integrityProblem) lines.push(`  integrity: ${r.integrityProblem}`);
  lines.push(r.identical ? '  replay: identical' : `  replay: ${r.differences.length} difference(s)`);
  for (const d of r.differences) lines.push(`    ${d.path}: ${JSON.stringify(d.recorded ?? null)} → ${JSON.stringify(d.recomputed ?? null)}`);
  return lines;
}

/** `show` of a registered decision: the record, its links, and the journal note. */
function showRegistration({ out }: Printer, cw: CaseWork, record: StoredRecord, problem: string | null, json: boolean, lang: 'sv' | 'en'): number {
  const { decision } = cw.registered(record.decisionId)!;
  const links = registrationLinks(cw, record.decisionId);
  const letter = storedLetter(cw.store, record.decisionId);
  if (json) {
    out(JSON.stringify({ record: { decisionId: record.decisionId, seq: record.seq, recordedAt: record.recordedAt, recordHash: record.recordHash, prevHash: record.prevHash, integrityProblem: problem }, links, decision, letter }, null, 2));
    return EXIT_OK;
  }
  const t = LABELS[lang];
  out(`${t.record} ${record.decisionId} (${t.position}: #${record.seq})`);
  out(`  ${t.recordedAt}: ${record.recordedAt}`);
  out(`  ${t.chain}: ${record.recordHash} (${t.previous} ${record.prevHash})`);
  if (problem) out(`  ${t.warning}: ${problem}`);
  out(lang === 'sv' ? `  Förslag: ${links.proposalId}` : `  Proposal: ${links.proposalId}`);
  if (links.changes) out(lang === 'sv' ? `  Ändrar beslut: ${links.changes}` : `  Changes decision: ${links.changes}`);
  if (links.changedBy) out(lang === 'sv' ? `  Ändrat genom: ${links.changedBy}` : `  Changed by: ${links.changedBy}`);
  // The applicant's letter as stored beside the decision (issue 21), or that it is not made.
  if (letter) out(lang === 'sv' ? `  Brev: ${letter.fileName} (${letter.bytes} byte), ${letter.sha256}, framställt ${letter.madeAt} av ${letter.madeBy}` : `  Letter: ${letter.fileName} (${letter.bytes} bytes), ${letter.sha256}, made ${letter.madeAt} by ${letter.madeBy}`);
  else out(lang === 'sv' ? '  Brev: inte framställt' : '  Letter: not made');
  out('');
  out(journalNoteSv(decision, record.decisionId));
  return EXIT_OK;
}

export function showCommand(args: string[], io: CliIo = processIo()): number {
  const print = printer(io);
  const { out } = print;
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { store: { type: 'string' }, lang: { type: 'string', default: 'sv' }, json: { type: 'boolean', default: false } },
  });
  if (positionals.length !== 1) throw new UsageError('expected exactly one decision id');
  const lang = values.lang;
  if (lang !== 'sv' && lang !== 'en') throw new UsageError(`--lang: expected sv or en, got "${lang}"`);
  return withStore(print, values.store, (store) => {
    const record = findRecord(print, store, positionals[0]!);
    if (!record) return EXIT_BAD_INPUT;
    const problem = recordContentProblem(record);
    if (CaseWork.isRegistration(record)) return showRegistration(print, CaseWork.over(store), record, problem?.message ?? null, values.json === true, lang);
    // As stored (a record written before records kept data), or rendered from the record's data (store/read.ts).
    const decision = renderedDecision(store, record);
    const meta = {
      decisionId: record.decisionId,
      seq: record.seq,
      recordedAt: record.recordedAt,
      ruleSetVersion: record.ruleSetVersion,
      engineVersion: record.engineVersion,
      inputHash: record.inputHash,
      recordHash: record.recordHash,
      prevHash: record.prevHash,
      integrityProblem: problem ? problem.message : null,
    };
    if (values.json) {
      out(JSON.stringify({ record: meta, decision }, null, 2));
      return EXIT_OK;
    }
    const t = LABELS[lang];
    out(`${t.record} ${record.decisionId} (${t.position}: #${record.seq})`);
    out(`  ${t.recordedAt}: ${record.recordedAt}`);
    out(`  ${t.ruleSet}: ${record.ruleSetVersion}`);
    out(`  ${t.engine}: ${record.engineVersion}`);
    out(`  ${t.input}: ${record.inputHash}`);
    out(`  ${t.chain}: ${record.recordHash} (${t.previous} ${record.prevHash})`);
    if (problem) out(`  ${t.warning}: ${problem.message}`);
    const routing = decision.routing;
    if (routing) out(`  ${routingLine(routing, lang)}`);
    out('');
    out(renderDecision(decision, lang, recordBasis(store, record)));
    return EXIT_OK;
  });
}
