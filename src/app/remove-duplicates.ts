import { duplicateComments } from './duplicate-comments.js';
import type { GitHubApi } from './github-api.js';
import { ownComments } from './own-comments.js';

/** After posting: if another delivery raced this one, keep the oldest comment of each finding. */
export async function removeDuplicates(api: GitHubApi, number: number, botLogin: string | null): Promise<void> {
  const ours = ownComments(await api.listReviewComments(number), botLogin);
  for (const id of duplicateComments(ours)) await api.deleteReviewComment(id);
}
