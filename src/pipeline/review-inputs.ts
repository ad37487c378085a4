import type { InputNote, Target } from '../types.js';
import type { Reviewer } from '../review/reviewer.js';
import type { ReviewResult } from '../review/result.js';
import { mergeResults } from '../review/merge-results.js';
import { reviewPatches, type PatchReview, type ReadBase } from '../review/review-patches.js';
import { reviewSources } from '../review/review-series.js';
import type { Inputs } from './inputs.js';
import { parseChecked } from './parse-check.js';

export interface InputsReview {
  result: ReviewResult;
  /** The series review, when there were patch inputs. */
  patches?: PatchReview;
}

/**
 * Reviews all inputs: the patches as one series, the C files whole (or on their lines in scope).
 * Every file's review goes through the parse check of its fixes (parse-check). `readBase` comes
 * with the notes it makes (paths refused by the tree), fresh for each review.
 */
export function reviewInputs(
  reviewer: Reviewer,
  inputs: Inputs,
  target: Target,
  base?: () => { read: ReadBase; notes: InputNote[] },
  oneLineErrors = false,
): InputsReview {
  reviewer = parseChecked(reviewer);
  const reader = base?.();
  const parts: ReviewResult[] = [];
  let patches: PatchReview | undefined;
  if (inputs.patches.length > 0) {
    patches = reviewPatches(reviewer, inputs.patches, { target }, reader?.read);
    parts.push(patches.result);
  }
  if (inputs.sources.length > 0) parts.push(reviewSources(reviewer, inputs.sources, { target, ...(oneLineErrors ? { oneLineErrors } : {}) }));
  const result = mergeResults(target, parts);
  if (inputs.skipped) result.notes.unshift(...inputs.skipped);
  if (reader) result.notes.push(...dedupe(reader.notes));
  return patches ? { result, patches } : { result };
}

function dedupe(notes: readonly InputNote[]): InputNote[] {
  const seen = new Set<string>();
  return notes.filter((n) => {
    const key = `${n.file ?? ''}\0${n.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
