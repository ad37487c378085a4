import type { PostedReviewComment } from './github-api.js';

/**
 * The App's own comments: those of its bot account (`slug[bot]`). When the App's slug could not be
 * read, any bot account's comment counts (a person's never does: markers in a person's comment
 * cannot silence a finding).
 */
export function ownComments(comments: readonly PostedReviewComment[], botLogin: string | null): PostedReviewComment[] {
  return comments.filter((c) => (botLogin !== null ? c.login === botLogin : c.isBot));
}
