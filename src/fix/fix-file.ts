import type { Finding } from '../types.js';
import { applyEdits } from './apply-edits.js';
import { selectFixes } from './select-fixes.js';

export interface FixPass {
  text: string;
  /** Findings whose fix went in. */
  applied: Finding[];
  /** Findings whose fix overlapped an applied one; a re-review of the new text finds them again. */
  deferred: Finding[];
}

/** One pass: applies every fix that does not overlap an earlier one to the reviewed text. */
export function applyFixes(text: string, findings: readonly Finding[]): FixPass {
  const groups = findings.flatMap((f) => (f.fix && f.fix.edits.length > 0 ? [{ owner: f, edits: f.fix.edits }] : []));
  const { accepted, skipped } = selectFixes(groups);
  const out = applyEdits(text, accepted.flatMap((g) => g.edits));
  return { text: out.text, applied: accepted.map((g) => g.owner), deferred: skipped.map((g) => g.owner) };
}

export interface FileFix {
  text: string;
  applied: Finding[];
  passes: number;
}

/**
 * Fixes a whole file: applies the fixes of `findings`, and while some were deferred for
 * overlap asks `review` (the caller's re-review) for fresh findings on the new text, at most
 * `maxPasses` passes. What remains after that is for the caller to re-review and report.
 */
export function fixFile(text: string, findings: readonly Finding[], review: (text: string) => Finding[], maxPasses = 3): FileFix {
  const applied: Finding[] = [];
  let current = findings;
  let passes = 0;
  while (passes < maxPasses) {
    const pass = applyFixes(text, current);
    if (pass.applied.length === 0) break;
    passes++;
    text = pass.text;
    applied.push(...pass.applied);
    if (pass.deferred.length === 0) break;
    current = review(text);
  }
  return { text, applied, passes };
}
