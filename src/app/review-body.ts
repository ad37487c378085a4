import type { CommentPlan } from './plan-comments.js';

/**
 * The body of the review that carries the inline comments: accesses in code and comments that
 * name a removed field counted apart (a comment in the code is not an access).
 */
export function reviewBody(plan: Pick<CommentPlan, 'comments' | 'accesses'>): string {
  const stale = plan.comments.length - plan.accesses;
  const parts: string[] = [];
  if (plan.accesses > 0) parts.push(`${plan.accesses} open-coded memcg access${plan.accesses === 1 ? '' : 'es'}`);
  if (stale > 0) parts.push(`${stale} comment${stale === 1 ? '' : 's'} naming a field v5.11 removed`);
  return `memcg-review found ${parts.join(' and ')} on lines this pull request adds. Each comment names the commit that introduced it; proven fixes come as suggestions, and so do assumed ones, which state their assumption.`;
}
