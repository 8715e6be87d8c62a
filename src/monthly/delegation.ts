/**
 * `monthly --mode automatic` refuses to run unless every municipality and month in the input has
 * the nämnd's delegation to an automated decision function (rules/municipal/<kommunkod>.json,
 * automatedDecisionDelegation) and the law in force allows automated decisions (legal reference
 * automatedDecision). Checked before anything is written; lines that are not valid households are
 * left to the run (they get error records).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { parsePeriod } from '../period/index.ts';
import type { Rulebook } from '../rulebook/load.ts';
import { RuleSetCache } from '../rulebook/resolve.ts';

/** Calls fn with each line of a file, read in blocks (the input may be larger than memory). */
export function forEachLine(path: string, fn: (line: string) => void): void {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return; // an input that cannot be read is reported by the run (exit 2)
  }
  try {
    const block = Buffer.allocUnsafe(1 << 20);
    let rest = '';
    for (let read = readSync(fd, block, 0, block.length, null); read > 0; read = readSync(fd, block, 0, block.length, null)) {
      const text = rest + block.toString('utf8', 0, read);
      const lines = text.split('\n');
      rest = lines.pop()!;
      for (const line of lines) fn(line);
    }
    if (rest !== '') fn(rest);
  } finally {
    closeSync(fd);
  }
}

export function delegationProblems(inputPath: string, book: Rulebook): string[] {
  const cache = new RuleSetCache(book);
  const seen = new Set<string>();
  const problems: string[] = [];
  forEachLine(inputPath, (line) => {
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      return;
    }
    if (raw === null || typeof raw !== 'object') return;
    const { period: p, municipality: m } = raw as { period?: unknown; municipality?: unknown };
    const period = typeof p === 'string' ? parsePeriod(p) : null;
    const municipality = typeof m === 'string' ? m : null;
    if (period === null) return;
    const key = `${p as string}/${municipality ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    let rules;
    try {
      rules = cache.get(period, municipality).rules;
    } catch {
      return; // no rules for the month: the line gets its error record
    }
    const who = municipality === null ? 'households without a municipality (rules/municipal/default.json)' : `municipality ${municipality} (${rules.municipal.id === 'municipal/default' ? 'no rules/municipal file, default policy' : `rules/${rules.municipal.id}.json`})`;
    if (rules.municipal.automatedDecisionDelegation === undefined) problems.push(`${who}: no delegation to an automated decision function for ${p as string}`);
    else if (rules.legal.refs['automatedDecision'] === undefined) problems.push(`${who}: the law in force in ${p as string} has no provision for automated decisions (legal reference automatedDecision)`);
  });
  return problems;
}
