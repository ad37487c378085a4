import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { diffLines } from '../../src/app/diff-lines.js';
import { commitSha, treeChanges, type FixtureRepo, type RepoCommit, type RepoFileChange } from './fixture-repo.js';
import { StandInState, type Failure } from './stand-in-state.js';

export interface StandInOptions {
  appId: number;
  appSlug: string;
  installationId: number;
  prNumber: number;
}

type Json = Record<string, unknown> | unknown[];
interface Reply {
  status: number;
  body?: Json | string;
  headers?: Record<string, string>;
}

/**
 * A local stand-in for GitHub's REST API (under /api/v3, as GitHub Enterprise serves it), for one
 * repository with one pull request (`options.prNumber`, the repository's commits) and any others
 * added with `addPull`. It answers the calls the App makes, checks them as GitHub
 * would (50 annotations per request, review comment lines in the diff, text limits) and records
 * every request. Loopback only.
 */
export class GitHubStandIn {
  readonly state = new StandInState();
  #server: Server | null = null;
  #port = 0;
  /** The other pull requests, by number: their commits on the same base. */
  readonly #pulls = new Map<number, RepoCommit[]>();

  constructor(readonly repo: FixtureRepo, readonly options: StandInOptions) {}

  get head(): RepoCommit {
    return this.headOf(this.options.prNumber);
  }

  /** Serves another pull request: its commits on the repository's base (see `branchFrom`). */
  addPull(number: number, commits: RepoCommit[]): void {
    if (number === this.options.prNumber || this.#pulls.has(number)) throw new Error(`pull request ${number} exists`);
    this.#pulls.set(number, commits);
  }

  /** Every pull request served, by number. */
  pullNumbers(): number[] {
    return [this.options.prNumber, ...this.#pulls.keys()];
  }

  commitsOf(number: number): RepoCommit[] | undefined {
    return number === this.options.prNumber ? this.repo.commits : this.#pulls.get(number);
  }

  headOf(number: number): RepoCommit {
    const commits = this.commitsOf(number) ?? [];
    return commits[commits.length - 1] ?? this.repo.base;
  }

  /** host:port for GHE_HOST. */
  get host(): string {
    return `127.0.0.1:${this.#port}`;
  }

  async start(): Promise<void> {
    const server = createServer((req, res) => void this.#handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.#server = server;
    this.#port = (server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The next request matching method and path answers with this failure (for retry tests). */
  failNext(failure: Failure): void {
    this.state.failures.push(failure);
  }

  /** Pushes a commit on the pull request's branch: `edit` changes a copy of the head tree. */
  pushCommit(message: string, edit: (tree: Map<string, string>) => void): RepoCommit {
    const tree = new Map(this.head.tree);
    edit(tree);
    const commit: RepoCommit = { sha: commitSha(this.head.sha, message, tree), message, parents: [this.head.sha], tree };
    this.repo.commits.push(commit);
    return commit;
  }

  pullFiles(number = this.options.prNumber): RepoFileChange[] {
    return treeChanges(this.repo.base.tree, this.headOf(number).tree, this.repo.tooLarge);
  }

  #allCommits(): RepoCommit[] {
    return [this.repo.base, ...this.repo.commits, ...[...this.#pulls.values()].flat()];
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const method = req.method ?? 'GET';
    let body: unknown = undefined;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = raw;
    }
    this.state.record({ method, path: url.pathname, query: url.search, body, accept: String(req.headers.accept ?? '') });
    await this.state.pass(method, url.pathname);
    let reply: Reply;
    const failure = this.state.takeFailure(method, url.pathname);
    try {
      reply = failure
        ? { status: failure.status, body: { message: failure.message ?? 'stand-in failure' }, headers: failure.headers ?? {} }
        : this.#route(method, url, body, String(req.headers.accept ?? ''));
    } catch (e) {
      reply = { status: 500, body: { message: `stand-in: ${e instanceof Error ? e.message : String(e)}` } };
    }
    const text = typeof reply.body === 'string' ? reply.body : reply.body === undefined ? '' : JSON.stringify(reply.body);
    const type = typeof reply.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8';
    res.writeHead(reply.status, { 'content-type': type, ...reply.headers });
    res.end(text);
    this.state.notify();
  }

  #route(method: string, url: URL, body: unknown, accept: string): Reply {
    const p = url.pathname.replace(/^\/api\/v3/, '');
    const q = url.searchParams;
    const { owner, name } = this.repo;
    const repoPath = `/repos/${owner}/${name}`;
    let m: RegExpExecArray | null;
    if (method === 'GET' && p === '/app') return { status: 200, body: { id: this.options.appId, slug: this.options.appSlug, name: this.options.appSlug } };
    if (method === 'POST' && (m = /^\/app\/installations\/(\d+)\/access_tokens$/.exec(p))) {
      if (Number(m[1]) !== this.options.installationId) return notFound();
      return { status: 201, body: { token: 'ghs_standin', expires_at: new Date(Date.now() + 3600_000).toISOString(), permissions: { checks: 'write', pull_requests: 'write', contents: 'read', metadata: 'read' }, repository_selection: 'all' } };
    }
    if (!p.startsWith(repoPath + '/')) return notFound();
    const rest = p.slice(repoPath.length);
    if (method === 'GET' && (m = /^\/contents\/(.+)$/.exec(rest))) return this.#contents(decodeURIComponent(m[1]!), q.get('ref'), accept);
    if (method === 'GET' && rest === '/pulls') return page(q, q.get('state') === 'closed' ? [] : this.pullNumbers().map((k) => this.pullJson(k)));
    const pull = /^\/pulls\/(\d+)(\/.*)?$/.exec(rest);
    const n = pull ? Number(pull[1]) : NaN;
    const commits = pull ? this.commitsOf(n) : undefined;
    if (pull && !commits) return notFound();
    if (method === 'GET' && pull && pull[2] === undefined) return { status: 200, body: this.pullJson(n) };
    if (method === 'GET' && rest === `/pulls/${n}/commits`) return page(q, commits!.map((c) => commitJson(c)), 250);
    if (method === 'GET' && rest === `/pulls/${n}/files`) return page(q, this.pullFiles(n), 3000);
    if (method === 'GET' && (m = /^\/commits\/([0-9a-f]{40})$/.exec(rest))) return this.#commit(m[1]!, q);
    if (method === 'GET' && (m = /^\/commits\/([^/]+)\/check-runs$/.exec(rest))) {
      const runs = this.state.checkRuns.filter((r) => r.head_sha === m![1] && (!q.get('check_name') || r.name === q.get('check_name')) && (!q.get('app_id') || String(this.options.appId) === q.get('app_id')));
      const sorted = [...runs].sort((a, b) => b.id - a.id);
      const per = Number(q.get('per_page') ?? 30);
      const at = (Number(q.get('page') ?? 1) - 1) * per;
      return { status: 200, body: { total_count: runs.length, check_runs: sorted.slice(at, at + per) } };
    }
    if (method === 'POST' && rest === '/check-runs') {
      const sha = (body as Record<string, unknown> | undefined)?.head_sha;
      return this.state.createCheckRun(body as Record<string, unknown>, this.options, this.pullNumbers().filter((k) => this.headOf(k).sha === sha));
    }
    if (method === 'PATCH' && (m = /^\/check-runs\/(\d+)$/.exec(rest))) return this.state.updateCheckRun(Number(m[1]), body as Record<string, unknown>);
    if (method === 'GET' && rest === `/pulls/${n}/comments`) return page(q, this.state.reviewComments.filter((c) => c.pull_number === n));
    if (method === 'POST' && rest === `/pulls/${n}/reviews`) return this.state.createReview(body as Record<string, unknown>, this.headOf(n).sha, this.#commentable(n), `${this.options.appSlug}[bot]`, n);
    if (method === 'DELETE' && (m = /^\/pulls\/comments\/(\d+)$/.exec(rest))) return this.state.deleteReviewComment(Number(m[1]));
    return notFound();
  }

  /** New-side lines of the pull request's diff a review comment may be placed on, per file. */
  #commentable(number: number): Map<string, Map<number, number>> {
    return new Map(this.pullFiles(number).map((f) => [f.filename, f.patch === undefined ? new Map() : diffLines(f.patch).commentable]));
  }

  #treeAt(ref: string | null): Map<string, string> | null {
    if (ref === null || ref === this.repo.defaultBranch) return this.repo.base.tree;
    return this.#allCommits().find((c) => c.sha === ref)?.tree ?? null;
  }

  #contents(path: string, ref: string | null, accept: string): Reply {
    const tree = this.#treeAt(ref);
    if (!tree) return { status: 404, body: { message: `No commit found for the ref ${ref}` } };
    const text = tree.get(path);
    if (text === undefined) return notFound();
    if (/raw/.test(accept)) return { status: 200, body: text };
    return { status: 200, body: { type: 'file', encoding: 'base64', path, name: path.split('/').pop(), size: Buffer.byteLength(text), content: Buffer.from(text).toString('base64') } };
  }

  #commit(sha: string, q: URLSearchParams): Reply {
    const all = this.#allCommits();
    const commit = all.find((c) => c.sha === sha);
    if (!commit) return { status: 422, body: { message: `No commit found for SHA: ${sha}` } };
    const parent = all.find((c) => c.sha === commit.parents[0]);
    const before = parent ? parent.tree : new Map<string, string>();
    const files = treeChanges(before, commit.tree, this.repo.tooLarge);
    const per = Math.min(300, Number(q.get('per_page') ?? 300));
    const pageNo = Number(q.get('page') ?? 1);
    const slice = files.slice((pageNo - 1) * per, pageNo * per);
    const headers: Record<string, string> = {};
    if (pageNo * per < Math.min(files.length, 3000)) headers.link = `<http://stand-in/next?page=${pageNo + 1}>; rel="next"`;
    return { status: 200, body: { ...commitJson(commit), files: slice }, headers };
  }

  pullJson(number = this.options.prNumber): Record<string, unknown> {
    const repository = repoJson(this.repo);
    const commits = this.commitsOf(number) ?? [];
    return {
      number,
      state: 'open',
      draft: false,
      title: commits[0]?.message.split('\n', 1)[0] ?? 'pull request',
      head: { sha: this.headOf(number).sha, ref: number === this.options.prNumber ? 'memcg-series' : `memcg-series-${number}`, repo: repository },
      base: { sha: this.repo.base.sha, ref: this.repo.defaultBranch, repo: repository },
      commits: commits.length,
      changed_files: this.pullFiles(number).length,
    };
  }
}

function notFound(): Reply {
  return { status: 404, body: { message: 'Not Found' } };
}

function page(q: URLSearchParams, items: unknown[], cap = Infinity): Reply {
  const per = Math.min(100, Number(q.get('per_page') ?? 30));
  const pageNo = Number(q.get('page') ?? 1);
  const visible = items.slice(0, cap);
  const headers: Record<string, string> = {};
  if (pageNo * per < visible.length) headers.link = `<http://stand-in/next?page=${pageNo + 1}>; rel="next"`;
  return { status: 200, body: visible.slice((pageNo - 1) * per, pageNo * per), headers };
}

function commitJson(c: RepoCommit): Record<string, unknown> {
  return { sha: c.sha, commit: { message: c.message, author: { name: 'Ada Lovelace', email: 'ada@example.org' } }, parents: c.parents.map((sha) => ({ sha })) };
}

export function repoJson(repo: FixtureRepo): Record<string, unknown> {
  return { id: 4242, name: repo.name, full_name: `${repo.owner}/${repo.name}`, private: false, owner: { login: repo.owner, id: 4243, type: 'Organization' }, default_branch: repo.defaultBranch };
}
