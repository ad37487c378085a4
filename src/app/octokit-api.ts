import type { ProbotOctokit } from 'probot';
import type { ChangedFile, CheckRunInfo, CommitInfo, GitHubApi, PostedReviewComment } from './github-api.js';
import { withRetry, type Sleep } from './with-retry.js';
import type { RetryPolicy } from './retry-policy.js';

type Octokit = InstanceType<typeof ProbotOctokit>;

/** Every page of a commit's files: GitHub pages them 300 at a time, 3000 at most. */
const MAX_COMMIT_FILE_PAGES = 10;
/** GitHub lists at most 3000 files of a pull request: 30 pages of 100. */
const MAX_PULL_FILE_PAGES = 30;
const MAX_PULL_COMMIT_PAGES = 3;
const MAX_LIST_PAGES = 50;

export interface OctokitApiOptions {
  retry: RetryPolicy;
  sleep?: Sleep;
  onRetry?: (ms: number, e: unknown) => void;
}

/** GitHubApi over an installation's Octokit; every call retried by our policy (the retry plugin is turned off per request). */
export function octokitApi(octokit: Octokit, owner: string, repo: string, options: OctokitApiOptions): GitHubApi {
  const r = <T>(fn: () => Promise<T>) => withRetry(fn, options.retry, options.sleep, options.onRetry);
  const request = { retries: 0 };
  const base = { owner, repo, request };

  const pages = async <T>(max: number, fetch: (page: number) => Promise<{ items: T[]; more: boolean }>): Promise<T[]> => {
    const all: T[] = [];
    for (let page = 1; page <= max; page++) {
      const { items, more } = await r(() => fetch(page));
      all.push(...items);
      if (!more || items.length === 0) break;
    }
    return all;
  };
  const hasNext = (link: string | undefined) => /rel="next"/.test(link ?? '');

  return {
    async readFile(path, ref) {
      try {
        const res = await r(() => octokit.rest.repos.getContent({ ...base, path, ...(ref ? { ref } : {}), mediaType: { format: 'raw' } }));
        const data = res.data as unknown;
        if (typeof data === 'string') return data;
        if (data instanceof ArrayBuffer) return new TextDecoder().decode(data);
        if (data && typeof data === 'object' && 'content' in data && typeof (data as { content: unknown }).content === 'string') {
          return Buffer.from((data as { content: string }).content, 'base64').toString('utf8');
        }
        return null;
      } catch (e) {
        if ((e as { status?: number }).status === 404) return null;
        throw e;
      }
    },
    async getPull(number) {
      const { data } = await r(() => octokit.rest.pulls.get({ ...base, pull_number: number }));
      return { number, headSha: data.head.sha, baseSha: data.base.sha, draft: data.draft ?? false, state: data.state };
    },
    async pullsForSha(sha) {
      const open = await pages(MAX_LIST_PAGES, async (page) => {
        const res = await octokit.rest.pulls.list({ ...base, state: 'open', per_page: 100, page });
        return { items: res.data, more: hasNext(res.headers.link) };
      });
      return open.filter((p) => p.head.sha === sha).map((p) => p.number);
    },
    async listPullCommits(number) {
      const commits = await pages(MAX_PULL_COMMIT_PAGES, async (page) => {
        const res = await octokit.rest.pulls.listCommits({ ...base, pull_number: number, per_page: 100, page });
        return { items: res.data, more: hasNext(res.headers.link) };
      });
      return commits.map((c): CommitInfo => ({ sha: c.sha, message: c.commit.message, parents: c.parents.map((p) => p.sha) }));
    },
    async listCommitFiles(sha) {
      const files = await pages(MAX_COMMIT_FILE_PAGES, async (page) => {
        const res = await octokit.rest.repos.getCommit({ ...base, ref: sha, per_page: 300, page });
        return { items: res.data.files ?? [], more: hasNext(res.headers.link) };
      });
      return files.map(changedFile);
    },
    async listPullFiles(number) {
      const files = await pages(MAX_PULL_FILE_PAGES, async (page) => {
        const res = await octokit.rest.pulls.listFiles({ ...base, pull_number: number, per_page: 100, page });
        return { items: res.data, more: hasNext(res.headers.link) };
      });
      return files.map(changedFile);
    },
    async listCheckRuns(sha, name, appId) {
      let runs;
      try {
        runs = await pages(MAX_LIST_PAGES, async (page) => {
          const res = await octokit.rest.checks.listForRef({ ...base, ref: sha, check_name: name, app_id: appId, filter: 'all', per_page: 100, page });
          return { items: res.data.check_runs, more: hasNext(res.headers.link) };
        });
      } catch (e) {
        // A commit GitHub does not know (yet) has no check runs.
        if ((e as { status?: number }).status === 404 || (e as { status?: number }).status === 422) return [];
        throw e;
      }
      const ours = runs
        .filter((c) => c.name === name && (c.app?.id === undefined || c.app.id === appId))
        .map((c): CheckRunInfo => ({ id: c.id, status: c.status, conclusion: c.conclusion, started_at: c.started_at, summary: c.output?.summary ?? null }));
      // The list may leave the summary out: read the latest completed run itself, where the review state is.
      const latest = ours.filter((c) => c.status === 'completed').sort((a, b) => b.id - a.id)[0];
      if (latest && latest.summary === null) {
        const { data } = await r(() => octokit.rest.checks.get({ ...base, check_run_id: latest.id }));
        latest.summary = data.output?.summary ?? null;
      }
      return ours;
    },
    async createCheckRun(params) {
      const { data } = await r(() => octokit.rest.checks.create({ ...base, ...params } as Parameters<Octokit['rest']['checks']['create']>[0]));
      return data.id;
    },
    async updateCheckRun(id, params) {
      await r(() => octokit.rest.checks.update({ ...base, check_run_id: id, ...params } as Parameters<Octokit['rest']['checks']['update']>[0]));
    },
    async listReviewComments(number) {
      let comments;
      try {
        comments = await pages(MAX_LIST_PAGES, async (page) => {
          const res = await octokit.rest.pulls.listReviewComments({ ...base, pull_number: number, per_page: 100, page });
          return { items: res.data, more: hasNext(res.headers.link) };
        });
      } catch (e) {
        if ((e as { status?: number }).status === 404) return [];
        throw e;
      }
      return comments.map((c): PostedReviewComment => {
        const login = c.user?.login ?? '';
        return { id: c.id, body: c.body ?? '', login, isBot: c.user?.type === 'Bot' || login.endsWith('[bot]') };
      });
    },
    async createReview(number, params) {
      await r(() => octokit.rest.pulls.createReview({ ...base, pull_number: number, ...params } as Parameters<Octokit['rest']['pulls']['createReview']>[0]));
    },
    async deleteReviewComment(id) {
      try {
        await r(() => octokit.rest.pulls.deleteReviewComment({ ...base, comment_id: id }));
      } catch (e) {
        if ((e as { status?: number }).status !== 404) throw e;
      }
    },
  };
}

function changedFile(f: { filename: string; previous_filename?: string; status: string; patch?: string }): ChangedFile {
  const out: ChangedFile = { filename: f.filename, status: f.status };
  if (f.previous_filename !== undefined) out.previous_filename = f.previous_filename;
  if (f.patch !== undefined) out.patch = f.patch;
  return out;
}
