import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildFixtureRepo } from '../../tools/stand-in/fixture-repo.js';
import { GitHubStandIn } from '../../tools/stand-in/github-stand-in.js';
import { startAppSession, type AppSession } from '../../tools/stand-in/app-session.js';
import { pullRequestPayload } from '../../tools/stand-in/payloads.js';
import { readTree } from '../../tools/stand-in/read-tree.js';
import { readFindingMarkers, readStateMarker } from '../../src/app/markers.js';
import { countsTitle } from '../../src/app/conclusion.js';
import { DEFAULT_CONFIG } from '../../src/app/config.js';
import { diffLines } from '../../src/app/diff-lines.js';
import type { PullSnapshot } from '../../src/app/pull-snapshot.js';
import { reviewPullRequest } from '../../src/app/review-pull-request.js';
import { createReviewer } from '../../src/review/reviewer.js';
import type { Finding } from '../../src/types.js';
import { ROOT } from '../helpers/spawn-cli.js';
import { privateBuild } from './private-build.js';
import { OpenApiCheck } from './openapi-check.js';

/**
 * End to end: the real server process (`probot run ./dist/app/index.js`, what `npm start` runs),
 * pointed at a local GitHub stand-in with GHE_HOST/GHE_PROTOCOL=http, receiving signed deliveries.
 */
const APP_ID = 4711;
const LONG = 90_000;

let standIn: GitHubStandIn;
let session: AppSession;
let built: ReturnType<typeof privateBuild>;

beforeAll(async () => {
  built = privateBuild();
  const repo = buildFixtureRepo({
    baseTree: readTree(path.join(ROOT, 'fixtures/demo/tree')),
    series: readFileSync(path.join(ROOT, 'fixtures/demo/series.mbox'), 'utf8'),
    config: 'target: v5.11\n',
  });
  standIn = new GitHubStandIn(repo, { appId: APP_ID, appSlug: 'memcg-review', installationId: 77, prNumber: 17 });
  await standIn.start();
  session = await startAppSession({ root: ROOT, appId: APP_ID, standIn, entry: built.entry });
}, LONG);

afterAll(async () => {
  await session?.stop();
  await standIn?.stop();
  built?.remove();
});

/** The findings the engine gives for the stand-in's pull request, reviewed in this process. */
async function expectedFindings(): Promise<Finding[]> {
  const files = standIn.pullFiles().filter((f) => f.patch !== undefined && /\.[ch]$/.test(f.filename));
  const snapshot: PullSnapshot = {
    owner: 'o', repo: 'r', number: 17, headSha: standIn.head.sha, notes: [], commits: [],
    files: files.map((f) => {
      const d = diffLines(f.patch!);
      return { path: f.filename, text: standIn.head.tree.get(f.filename)!, added: new Set(d.added.keys()), commentable: d.commentable };
    }),
  };
  return reviewPullRequest(await createReviewer({ target: 'v5.11', coreFiles: DEFAULT_CONFIG.core }), snapshot, 'v5.11').findings;
}

const completedRuns = () => standIn.state.checkRuns.filter((r) => r.status === 'completed');
const headLine = (file: string, line: number) => standIn.head.tree.get(file)!.split('\n')[line - 1]!;

describe('the App as a server process against a GitHub stand-in', () => {
  it('answers a bad signature with 400 and makes no API call', async () => {
    const before = standIn.state.requests.length;
    const res = await session.deliver('pull_request', pullRequestPayload(standIn, 'opened'), { signature: `sha256=${'0'.repeat(64)}` });
    expect(res.status).toBe(400);
    expect(standIn.state.requests.length).toBe(before);
  });

  it('reviews a kernel-like pull request: a completed check run with annotations, inline comments with suggestions at the right lines', async () => {
    const res = await session.deliver('pull_request', pullRequestPayload(standIn, 'opened'), { id: 'delivery-1' });
    expect(res.status).toBe(200);
    await standIn.state.waitFor(() => completedRuns().length === 1);
    const run = completedRuns()[0]!;
    expect(run).toMatchObject({ name: 'memcg-review', head_sha: standIn.head.sha, conclusion: 'failure' });
    expect(run.output.summary).toContain('### [PATCH 1/3] mm/page_owner: show the memcg a page is charged to');
    // What the server posted is what the engine finds on the lines the pull request adds, in process.
    const expected = await expectedFindings();
    expect(expected.length).toBeGreaterThan(0);
    expect(run.output.title).toBe(countsTitle(expected));
    const level = { error: 'failure', warning: 'warning', info: 'notice' } as const;
    const sortKeys = (xs: string[]) => [...xs].sort();
    expect(sortKeys(run.annotations.map((a) => `${String(a.path)}:${String(a.start_line)}:${String(a.annotation_level)}`)))
      .toEqual(sortKeys(expected.map((f) => `${f.file}:${f.line}:${level[f.severity]}`)));

    expect(standIn.state.reviews).toHaveLength(1);
    expect(standIn.state.reviews[0]!.event).toBe('COMMENT');
    const comments = standIn.state.reviewComments;
    expect(comments.length).toBe(run.annotations.length);
    const read = comments.find((c) => c.path === 'mm/page_owner_memcg.c' && c.body.includes('memcg-field-read'))!;
    expect(headLine(read.path, read.line)).toBe('\tmemcg = page->mem_cgroup;');
    expect(read.body).toContain('```suggestion\n\tmemcg = page_memcg_check(page);\n```');
    expect(read.body).toContain('Introduced by [PATCH 1/3]');
    const pool = comments.find((c) => c.path === 'drivers/misc/gpu_pool.c' && c.body.includes('memcg-field-read'))!;
    expect(pool.body).toContain('[PATCH 3/3]');
    expect(headLine(pool.path, pool.line)).toContain('->mem_cgroup');
    for (const c of comments) expect(readFindingMarkers(c.body)).toHaveLength(1);
  }, LONG);

  it('posts nothing new for a redelivery', async () => {
    const writes = standIn.state.writes().length;
    const res = await session.deliver('pull_request', pullRequestPayload(standIn, 'opened'), { id: 'delivery-1' });
    expect(res.status).toBe(200);
    expect(standIn.state.writes().length).toBe(writes);
  }, LONG);

  it('on a push that fixes a finding: a new check run lists it as resolved, retries a 502, and comments on nothing old', async () => {
    const before = standIn.head.sha;
    standIn.pushCommit('drivers/misc/gpu_pool: read the owner with page_memcg()', (tree) => {
      const file = 'drivers/misc/gpu_pool.c';
      tree.set(file, tree.get(file)!.replace('return pool->pages[i]->mem_cgroup != NULL;', 'return page_memcg(pool->pages[i]) != NULL;'));
    });
    const comments = standIn.state.reviewComments.length;
    standIn.failNext({ method: 'GET', path: /\/pulls\/17\/files$/, status: 502, message: 'Bad Gateway' });
    const res = await session.deliver('pull_request', pullRequestPayload(standIn, 'synchronize', { before, after: standIn.head.sha }));
    expect(res.status).toBe(200);
    await standIn.state.waitFor(() => completedRuns().length === 2);
    const run = completedRuns()[1]!;
    expect(run.head_sha).toBe(standIn.head.sha);
    expect(run.output.summary).toContain('### Resolved since the last review\n\n- `memcg-field-read` in `drivers/misc/gpu_pool.c`');
    expect(readStateMarker(run.output.summary)?.ok).toBe(true);
    expect(standIn.state.requests.filter((r) => r.method === 'GET' && /\/pulls\/17\/files$/.test(r.path)).length).toBeGreaterThanOrEqual(3);
    expect(standIn.state.reviewComments.length).toBe(comments);
    expect(standIn.state.reviews).toHaveLength(1);
  }, LONG);

  it('re-runs on a /memcg-review comment: a new completed check run, still no duplicate comments', async () => {
    const runs = completedRuns().length;
    const payload = {
      action: 'created',
      issue: { number: 17, pull_request: { url: 'http://stand-in/pulls/17' } },
      comment: { id: 5, body: '/memcg-review', user: { login: 'ada', type: 'User' }, author_association: 'MEMBER' },
      repository: pullRequestPayload(standIn, 'opened').repository,
      installation: { id: 77 },
      sender: { login: 'ada', type: 'User' },
    };
    const res = await session.deliver('issue_comment', payload);
    expect(res.status).toBe(200);
    await standIn.state.waitFor(() => completedRuns().length === runs + 1);
    expect(standIn.state.reviews).toHaveLength(1);
  }, LONG);

  it('made only requests GitHub\'s OpenAPI description has, each body fitting its schema (enums included)', () => {
    const check = new OpenApiCheck();
    const requests = standIn.state.requests;
    expect(requests.length).toBeGreaterThan(20);
    expect(new Set(requests.map((r) => r.method))).toEqual(new Set(['GET', 'POST', 'PATCH']));
    expect(requests.flatMap((r) => check.problems(r))).toEqual([]);
  }, LONG);
});
