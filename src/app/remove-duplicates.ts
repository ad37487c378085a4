import { duplicateComments } from './duplicate-comments.js';
import type { GitHubApi } from './github-api.js';

/** After posting: if another delivery raced this one, keep the oldest comment of each finding. */
export async function removeDuplicates(api: GitHubApi, number: number, botLogin: string): Promise<void> {
  const ours = (await api.listReviewComments(number)).filter((c) => c.login === botLogin);
  for (const id of duplicateComments(ours)) await api.deleteReviewComment(id);
}
