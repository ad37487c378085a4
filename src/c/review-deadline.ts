import { ReviewLimitError } from './source-analysis.js';

/**
 * The time one file's review may take past its parse, checked where the work grows with the number
 * of accesses (facts, types, fixes). Set for one synchronous review, like parents.ts.
 */
let current: { at: number; path: string; millis: number } | null = null;

export function checkDeadline(): void {
  if (current && Date.now() > current.at) {
    throw new ReviewLimitError({ kind: 'review-time', path: current.path, limit: current.millis });
  }
}

/** `since`: when the time started (the review of a whole hunk-built image, for one of its islands); now by default. */
export function withDeadline<T>(path: string, millis: number, fn: () => T, since = Date.now()): T {
  const outer = current;
  current = { at: since + millis, path, millis };
  try {
    return fn();
  } finally {
    current = outer;
  }
}
