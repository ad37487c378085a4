import { ReviewLimitError, limitMessage, type ReviewLimit } from '../c/source-analysis.js';
import type { Finding } from '../types.js';
import type { Reviewer, SourceFile } from './reviewer.js';

/** One file's review: its findings, or the limit it stopped at, or why it failed. */
export type FileReview =
  | { findings: Finding[] }
  | { findings: []; limit: ReviewLimit; note: string }
  | { findings: []; error: string };

/**
 * Reviews one file, the one place that catches a review's failure: a file over the review's limits
 * (size, parse time, review time) comes back as a structured limit with the note's text, any other
 * failure as `PATH: review failed: MESSAGE` (the message's first line when `firstLine`).
 */
export function reviewOne(reviewer: Reviewer, file: SourceFile, firstLine = false): FileReview {
  try {
    return { findings: reviewer.review(file) };
  } catch (e) {
    if (e instanceof ReviewLimitError) return { findings: [], limit: e.limit, note: limitMessage(e.limit) };
    const message = e instanceof Error ? (firstLine ? e.message.split('\n', 1)[0]! : e.message) : String(e);
    return { findings: [], error: `${file.path}: review failed: ${message}` };
  }
}
