import type { Finding } from '../types.js';
import type { ReviewResult } from '../review/result.js';
import { reviewCommentFor, type Commentable, type ReviewComment } from './review-comment.js';

/** The rule whose findings are comments in the code, not accesses. */
const STALE_COMMENT = 'stale-comment';

export interface CommentPlan {
  comments: ReviewComment[];
  /** How many of `comments` are on an access in code; the rest are on comments that name a removed field. */
  accesses: number;
  alreadyPosted: number;
  notInDiff: number;
  overLimit: number;
}

/**
 * Which inline comments to post: one per finding on a line GitHub shows, skipping fingerprints
 * already commented, at most `maxComments` (errors first, then warnings, then checks).
 */
export function planComments(
  result: ReviewResult,
  findings: readonly { finding: Finding; fp: string }[],
  commentable: (path: string) => Commentable,
  existing: ReadonlySet<string>,
  maxComments: number,
): CommentPlan {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  const ordered = [...findings].sort((a, b) => rank[a.finding.severity] - rank[b.finding.severity]);
  const plan: CommentPlan = { comments: [], accesses: 0, alreadyPosted: 0, notInDiff: 0, overLimit: 0 };
  const planned = new Set<string>();
  for (const { finding, fp } of ordered) {
    if (existing.has(fp) || planned.has(fp)) {
      plan.alreadyPosted++;
      continue;
    }
    const comment = reviewCommentFor(result, finding, commentable(finding.file), fp);
    if (!comment) plan.notInDiff++;
    else if (plan.comments.length >= maxComments) plan.overLimit++;
    else {
      plan.comments.push(comment);
      if (finding.ruleId !== STALE_COMMENT) plan.accesses++;
      planned.add(fp);
    }
  }
  return plan;
}
