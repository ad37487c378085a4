/** Which webhook deliveries start a review, and the pull request each one names. */

export const PULL_REQUEST_ACTIONS = ['opened', 'synchronize', 'reopened', 'ready_for_review'] as const;

/** The comment that asks for a re-run on a pull request. */
export const RERUN_COMMAND = /^\/memcg-review(?:\s|$)/;

interface RepoPayload {
  repository: { name: string; owner: { login: string } };
}

export interface PullRequestPayload extends RepoPayload {
  action: string;
  number: number;
  before?: string;
  pull_request: { head: { sha: string }; base: { sha: string }; draft?: boolean; state?: string };
}

export interface CommentPayload extends RepoPayload {
  issue: { number: number; pull_request?: unknown; user?: { login?: string } | null };
  comment: { body?: string | null; user?: { type?: string; login?: string } | null; author_association?: string };
}

/** Who may ask for a re-run: people with a role in the repository, and the pull request's author. */
const MAY_RERUN = new Set(['OWNER', 'MEMBER', 'COLLABORATOR']);

export interface CheckRunPayload extends RepoPayload {
  check_run: { name: string; head_sha: string; app?: { id: number } | null; pull_requests: { number: number }[] };
}

export function repoOf(p: RepoPayload): { owner: string; repo: string } {
  return { owner: p.repository.owner.login, repo: p.repository.name };
}

/**
 * A `/memcg-review` comment on a pull request (not on an issue), by a person (not a bot) who owns,
 * belongs to or collaborates on the repository, or wrote the pull request: on a public repository
 * anyone may comment, and each re-run costs a whole review.
 */
export function isRerunComment(p: CommentPayload): boolean {
  if (p.issue.pull_request == null || p.comment.user?.type === 'Bot' || !RERUN_COMMAND.test((p.comment.body ?? '').trim())) return false;
  const author = p.issue.user?.login;
  return MAY_RERUN.has(p.comment.author_association ?? '') || (author !== undefined && author === p.comment.user?.login);
}

/** A re-run of our own check run (another App's check runs are not ours to re-run). */
export function isOurRerequest(p: CheckRunPayload, checkName: string, appId: number): boolean {
  return p.check_run.name === checkName && (p.check_run.app?.id === undefined || p.check_run.app.id === appId);
}
