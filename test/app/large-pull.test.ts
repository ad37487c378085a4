import { afterEach, beforeAll, expect, it } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import { Probot, ProbotOctokit } from 'probot';
import { createApp } from '../../src/app/app.js';
import { commitSha, type FixtureRepo } from '../../tools/stand-in/fixture-repo.js';
import { GitHubStandIn } from '../../tools/stand-in/github-stand-in.js';
import { pullRequestPayload } from '../../tools/stand-in/payloads.js';

/** A pull request of 350 files in one commit: past GitHub's 300 per commit page and 100 per files page. */
let privateKey: string;
let standIn: GitHubStandIn | undefined;

beforeAll(() => {
  privateKey = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey;
});
afterEach(async () => {
  await standIn?.stop();
});

const FILES = 350;
const file = (i: number) => `drivers/many/part${String(i).padStart(3, '0')}.c`;
const body = (i: number, read: boolean) =>
  `static int part${i}_pages(struct page *page)\n{\n${read ? '\treturn page->mem_cgroup != NULL;\n' : '\treturn 0;\n'}}\n`;

function largeRepo(): FixtureRepo {
  const baseTree = new Map<string, string>();
  for (let i = 0; i < FILES; i++) baseTree.set(file(i), `/* part ${i} */\n`);
  const base = { sha: commitSha('', 'base', baseTree), message: 'base', parents: [], tree: baseTree };
  const tree = new Map(baseTree);
  for (let i = 0; i < FILES; i++) tree.set(file(i), baseTree.get(file(i))! + body(i, i === 340));
  const message = 'drivers/many: count pages in every part';
  return { owner: 'kernel-fork', name: 'linux', defaultBranch: 'main', base, commits: [{ sha: commitSha(base.sha, message, tree), message, parents: [base.sha], tree }], tooLarge: new Set() };
}

it('reads every page of the files of a pull request and of its commit, and finds what file 341 of 350 adds', async () => {
  standIn = new GitHubStandIn(largeRepo(), { appId: 4711, appSlug: 'memcg-review', installationId: 77, prNumber: 17 });
  await standIn.start();
  const app = new Probot({
    appId: 4711,
    privateKey,
    baseUrl: `http://${standIn.host}/api/v3`,
    logLevel: 'fatal',
    Octokit: ProbotOctokit.defaults((o: Record<string, unknown>) => ({ ...o, retry: { enabled: false }, throttle: { enabled: false } })),
  });
  app.load(createApp({ sleep: async () => undefined, version: 'test' }));
  await app.receive({ id: '1', name: 'pull_request', payload: pullRequestPayload(standIn, 'opened') } as never);
  const pages = (re: RegExp) => standIn!.state.requests.filter((r) => re.test(r.path)).map((r) => new URLSearchParams(r.query).get('page'));
  expect(pages(/\/pulls\/17\/files$/)).toEqual(['1', '2', '3', '4']);
  expect(pages(/\/commits\/[0-9a-f]{40}$/)).toEqual(['1', '2']);
  const run = standIn.state.checkRuns[0]!;
  expect(run.conclusion).toBe('failure');
  expect(run.annotations).toEqual([expect.objectContaining({ path: file(340), start_line: 4 })]);
  expect(standIn.state.reviewComments).toEqual([expect.objectContaining({ path: file(340), line: 4 })]);
  expect(run.output.summary).toContain('### [PATCH 1/1] drivers/many: count pages in every part');
}, 30_000);
