import type { ActionInputs } from './action-inputs.js';

/** The commits a run reviews: base..head. */
export interface ReviewRange {
  base: string;
  head: string;
}

interface EventShape {
  pull_request?: { base?: { sha?: string }; head?: { sha?: string } };
  before?: string;
  after?: string;
}

const NO_COMMIT = /^0+$/;

/**
 * The range to check: the inputs when given; else a pull request's base..head, a push's
 * before..after (not for a new branch, whose before is all zeros); null when there is none.
 */
export function reviewRange(eventName: string, event: unknown, inputs: Pick<ActionInputs, 'base' | 'head'>, sha: string): ReviewRange | null {
  const e = (typeof event === 'object' && event !== null ? event : {}) as EventShape;
  const pr = e.pull_request;
  let base = inputs.base;
  let head = inputs.head;
  if (eventName.startsWith('pull_request') && pr) {
    base ||= pr.base?.sha ?? '';
    head ||= pr.head?.sha ?? '';
  } else if (eventName === 'push') {
    base ||= e.before && !NO_COMMIT.test(e.before) ? e.before : '';
    head ||= e.after && !NO_COMMIT.test(e.after) ? e.after : '';
  }
  head ||= sha;
  return base && head ? { base, head } : null;
}
