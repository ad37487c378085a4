import { sourceKey } from '../review/result.js';
import { sortFindings } from '../review/sort-findings.js';
import type { DetectedGeneration } from '../model/detect-generation.js';
import type { Finding, InputNote, Target } from '../types.js';
import type { AuditMode, FileOutcome } from './audit-file.js';
import type { AuditResult } from './audit-result.js';
import type { Tally } from './tally.js';

/** A file the fixes change: its text before and after. */
export interface ChangedFile {
  path: string;
  before: string;
  after: string;
}

export interface AuditSetup {
  tree: string;
  target: Target;
  mode: AuditMode;
  detected?: DetectedGeneration;
  /** Where the helpers' contracts came from (see AuditResult). */
  contracts?: string;
  /** Files whose fix could not be written (--fix): reported as they are. */
  notApplied?: ReadonlySet<string>;
}

/** The files the proven fixes change, in path order. */
export function changedFiles(tally: Tally): ChangedFile[] {
  return sortedOutcomes(tally).flatMap((o) => (o.fixed ? [{ path: o.path, before: o.text!, after: o.fixed.text }] : []));
}

function sortedOutcomes(tally: Tally): FileOutcome[] {
  return [...tally.outcomes].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * The audit's result from the tally of every batch, the same whatever order the batches came
 * in: files in path order, findings in file, line and column order. With --fix/--diff the
 * findings are those left after fixing, on the fixed texts.
 */
export function auditResultOf(tally: Tally, setup: AuditSetup): AuditResult {
  const outcomes = sortedOutcomes(tally);
  const findings: Finding[] = [];
  const notes: InputNote[] = [];
  const errors: string[] = [];
  const sources = new Map<string, string>();
  const changed: string[] = [];
  let applied = 0;
  for (const o of outcomes) {
    if (o.error) errors.push(o.error);
    if (o.note) notes.push({ file: o.path, message: o.note });
    const fixed = setup.mode === 'report' || setup.notApplied?.has(o.path) ? undefined : o.fixed;
    if (fixed) {
      changed.push(o.path);
      applied += fixed.applied;
    }
    const remaining = fixed ? fixed.remaining : o.findings;
    if (remaining.length > 0) sources.set(sourceKey(o.path), fixed ? fixed.text : o.text!);
    findings.push(...remaining);
  }
  if (tally.stats.symlinks > 0) notes.push({ message: `${tally.stats.symlinks} symbolic link${tally.stats.symlinks === 1 ? '' : 's'} not followed (whatever they point to inside the tree is audited at its own path)` });
  return {
    target: setup.target,
    findings: sortFindings(findings),
    notes,
    errors,
    linesChecked: tally.lines,
    sources,
    tree: setup.tree,
    stats: { ...tally.stats },
    ...(setup.detected ? { detected: setup.detected } : {}),
    ...(setup.contracts ? { contracts: setup.contracts } : {}),
    ...(setup.mode !== 'report' ? { fixes: { mode: setup.mode, files: changed, applied } } : {}),
  };
}
