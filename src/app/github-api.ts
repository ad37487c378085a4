/** The GitHub calls the App makes, for one repository. Implemented over Octokit in octokit-api.ts. */

export interface ChangedFile {
  filename: string;
  previous_filename?: string;
  status: string;
  /** Absent when GitHub does not show the diff (binary or too large). */
  patch?: string;
}

export interface CommitInfo {
  sha: string;
  message: string;
  parents: string[];
}

export interface CheckRunInfo {
  id: number;
  status: string;
  conclusion: string | null;
  started_at: string | null;
  summary: string | null;
}

export interface CheckRunOutput {
  title: string;
  summary: string;
  text?: string;
  annotations?: unknown[];
}

export interface CheckRunUpdate {
  status?: 'in_progress' | 'completed';
  conclusion?: 'success' | 'neutral' | 'failure';
  completed_at?: string;
  output?: CheckRunOutput;
}

export interface PostedReviewComment {
  id: number;
  body: string;
  login: string;
  /** The author is a bot account (user.type Bot, or a login ending in [bot]). */
  isBot: boolean;
}

export interface PullInfo {
  number: number;
  headSha: string;
  baseSha: string;
  draft: boolean;
  state: string;
}

export interface GitHubApi {
  /** A file's text at a ref (the default branch when ref is undefined); null when it does not exist. */
  readFile(path: string, ref?: string): Promise<string | null>;
  getPull(number: number): Promise<PullInfo>;
  /** Open pull requests whose head is this commit. */
  pullsForSha(sha: string): Promise<number[]>;
  /** The pull request's commits, oldest first (GitHub lists at most 250). */
  listPullCommits(number: number): Promise<CommitInfo[]>;
  /** The files a commit changes, every page (GitHub lists at most 3000). */
  listCommitFiles(sha: string): Promise<ChangedFile[]>;
  /** The files a pull request changes, every page (GitHub lists at most 3000). */
  listPullFiles(number: number): Promise<ChangedFile[]>;
  listCheckRuns(sha: string, name: string, appId: number): Promise<CheckRunInfo[]>;
  createCheckRun(params: { name: string; head_sha: string; status: 'in_progress'; started_at: string; output?: CheckRunOutput }): Promise<number>;
  updateCheckRun(id: number, params: CheckRunUpdate): Promise<void>;
  listReviewComments(number: number): Promise<PostedReviewComment[]>;
  createReview(number: number, params: { commit_id: string; event: 'COMMENT'; body: string; comments: unknown[] }): Promise<void>;
  deleteReviewComment(id: number): Promise<void>;
}
