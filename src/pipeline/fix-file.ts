import type { Finding } from '../types.js';
import { applyFixes } from '../fix/fix-file.js';

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
