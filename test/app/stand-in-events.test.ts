import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Probot, ProbotOctokit } from 'probot';
import { createApp } from '../../src/app/app.js';
import { SUPPORTED_TARGETS } from '../../src/review/reviewer.js';
import { buildFixtureRepo } from '../../tools/stand-in/fixture-repo.js';
import { GitHubStandIn } from '../../tools/stand-in/github-stand-in.js';
import { pullRequestPayload, repoJsonOf } from './stand-in-payloads.js';
import { readTree } from '../../tools/stand-in/read-tree.js';
import { ROOT } from '../helpers/spawn-cli.js';

/** The App in-process against the stand-in: re-runs, settings, auto target. */
let privateKey: string;
let standIn: GitHubStandIn | undefined;

beforeAll(() => {
  privateKey = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey;
});
afterEach(async () => {
  await standIn?.stop();
  standIn = undefined;
});

async function start(config?: string, extraTree: Record<string, string> = {}): Promise<{ s: GitHubStandIn; app: Probot }> {
  const baseTree = readTree(path.join(ROOT, 'fixtures/demo/tree'));
  for (const [p, t] of Object.entries(extraTree)) baseTree.set(p, t);
  const repo = buildFixtureRepo({ baseTree, series: readFileSync(path.join(ROOT, 'fixtures/demo/series.mbox'), 'utf8'), ...(config !== undefined ? { config } : {}) });
  const s = new GitHubStandIn(repo, { appId: 4711, appSlug: 'memcg-review', installationId: 77, prNumber: 17 });
  await s.start();
  standIn = s;
  const app = new Probot({
    appId: 4711,
    privateKey,
    baseUrl: `http://${s.host}/api/v3`,
    logLevel: 'fatal',
    Octokit: ProbotOctokit.defaults((o: Record<string, unknown>) => ({ ...o, retry: { enabled: false }, throttle: { enabled: false } })),
  });
  app.load(createApp({ sleep: async () => undefined, retry: { attempts: 3, baseMs: 1, maxMs: 5 }, version: 'test' }));
  return { s, app };
}

describe('the App against the stand-in, in process', () => {
  it('re-runs its own check run when asked, finding the pull request by its head when the event names none (a fork)', async () => {
    const { s, app } = await start();
    await app.receive({ id: '1', name: 'pull_request', payload: pullRequestPayload(s, 'opened') } as never);
    expect(s.state.checkRuns).toHaveLength(1);
    const payload = {
      action: 'rerequested',
      check_run: { id: s.state.checkRuns[0]!.id, name: 'memcg-review', head_sha: s.head.sha, app: { id: 4711 }, pull_requests: [] },
      repository: repoJsonOf(s),
      installation: { id: 77 },
      sender: { login: 'ada', type: 'User' },
    };
    await app.receive({ id: '2', name: 'check_run', payload } as never);
    expect(s.state.checkRuns).toHaveLength(2);
    expect(s.state.checkRuns[1]!.status).toBe('completed');
    expect(s.state.reviews).toHaveLength(1);
  });

  it('keeps to maxComments, says how many were left to the check run, and posts no check run with checkRun: false', async () => {
    const { s, app } = await start('maxComments: 2\n');
    await app.receive({ id: '1', name: 'pull_request', payload: pullRequestPayload(s, 'opened') } as never);
    expect(s.state.reviewComments).toHaveLength(2);
    expect(s.state.reviewComments.every((c) => c.body.includes('· error'))).toBe(true);
    expect(s.state.checkRuns[0]!.output.summary).toMatch(/2 new inline comments · \d+ over the maxComments limit \(annotations only\)/);
    await s.stop();
    const second = await start('checkRun: false\n');
    await second.app.receive({ id: '1', name: 'pull_request', payload: pullRequestPayload(second.s, 'opened') } as never);
    expect(second.s.state.checkRuns).toHaveLength(0);
    expect(second.s.state.reviewComments.length).toBeGreaterThan(2);
  });

  it('with target: auto reads the generation from the base tree (and says so when the engine does not support it yet)', async () => {
    const { s, app } = await start('target: auto\n', { 'include/linux/memcontrol.h': 'static inline struct mem_cgroup *folio_memcg(struct folio *folio);\n' });
    await app.receive({ id: '1', name: 'pull_request', payload: pullRequestPayload(s, 'opened') } as never);
    const run = s.state.checkRuns[0]!;
    expect(run.status).toBe('completed');
    if (SUPPORTED_TARGETS.includes('v6.1')) {
      expect(run.output.summary).toMatch(/Target: \*\*v6\.1\*\* \(auto: read from the base \w{7} with the pull request's commits applied \(head \w{7}\): include\/linux\/memcontrol\.h \(nearest preset v6\.1: include\/linux\/memcontrol\.h defines folio_memcg\(\);/);
    } else {
      expect(run.conclusion).toBe('neutral');
      expect(run.output.summary).toContain('target v6.1 is not supported yet');
      expect(s.state.reviews).toHaveLength(0);
    }
  });

  it('without any configuration, the API is read from the pull request\'s headers, and the summary says so (not "the configuration")', async () => {
    const { s, app } = await start(undefined, { 'include/linux/memcontrol.h': 'enum page_memcg_data_flags {\n\tMEMCG_DATA_OBJCGS = (1UL << 0),\n\tMEMCG_DATA_KMEM = (1UL << 1),\n};\nstatic inline struct mem_cgroup *page_memcg_check(struct page *page);\nstatic inline struct mem_cgroup *page_memcg(struct page *page);\n' });
    await app.receive({ id: '1', name: 'pull_request', payload: pullRequestPayload(s, 'opened') } as never);
    const summary = s.state.checkRuns[0]!.output.summary;
    expect(summary).toMatch(/Target: \*\*v5\.11\*\* \(auto: read from the base \w{7} with the pull request's commits applied \(head \w{7}\): include\/linux\/memcontrol\.h \(nearest preset v5\.11/);
    expect(summary).not.toContain('configuration');
  });

  it('with target: auto on a tree whose headers say nothing, reviews for v5.11 and says why', async () => {
    const { s, app } = await start('target: auto\n');
    await app.receive({ id: '1', name: 'pull_request', payload: pullRequestPayload(s, 'opened') } as never);
    expect(s.state.checkRuns[0]!.output.summary).toContain('Target: **v5.11** (auto: no include/linux/memcontrol.h or include/linux/mm_types.h in the tree; reviewing for v5.11)');
  });
});
