import type { Finding } from '../types.js';
import { applyEdits } from '../text/apply-edits.js';
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
