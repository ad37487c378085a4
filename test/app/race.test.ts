import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Probot, ProbotOctokit } from 'probot';
import { createApp } from '../../src/app/app.js';
import { readFindingMarkers } from '../../src/app/markers.js';
import { buildFixtureRepo } from '../../tools/stand-in/fixture-repo.js';
import { GitHubStandIn } from '../../tools/stand-in/github-stand-in.js';
import { pullRequestPayload } from '../../tools/stand-in/payloads.js';
import { readTree } from '../../tools/stand-in/read-tree.js';
import { ROOT } from '../helpers/spawn-cli.js';

/** Deliveries racing: inside one process (one replica) and across two (two replicas, no shared state). */
let privateKey: string;
let standIn: GitHubStandIn | undefined;

beforeAll(() => {
  privateKey = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey;
});
afterEach(async () => {
  await standIn?.stop();
  standIn = undefined;
});

async function startStandIn(): Promise<GitHubStandIn> {
  const repo = buildFixtureRepo({
    baseTree: readTree(path.join(ROOT, 'fixtures/demo/tree')),
    series: readFileSync(path.join(ROOT, 'fixtures/demo/series.mbox'), 'utf8'),
  });
  const s = new GitHubStandIn(repo, { appId: 4711, appSlug: 'memcg-review', installationId: 77, prNumber: 17 });
  await s.start();
  return s;
}

function replica(s: GitHubStandIn): Probot {
  const probot = new Probot({
    appId: 4711,
    privateKey,
    baseUrl: `http://${s.host}/api/v3`,
    logLevel: 'fatal',
    Octokit: ProbotOctokit.defaults((o: Record<string, unknown>) => ({ ...o, retry: { enabled: false }, throttle: { enabled: false } })),
  });
  probot.load(createApp({ sleep: async () => undefined, retry: { attempts: 3, baseMs: 1, maxMs: 5 }, version: 'test' }));
  return probot;
}

function fingerprints(s: GitHubStandIn): string[] {
  return s.state.reviewComments.flatMap((c) => readFindingMarkers(c.body));
}

/** The fingerprints one delivery, alone, comments on: what every race must end with. */
async function aloneFingerprints(): Promise<string[]> {
  const s = await startStandIn();
  try {
    await replica(s).receive({ id: 'alone', name: 'pull_request', payload: pullRequestPayload(s, 'opened') } as never);
    return fingerprints(s).sort();
  } finally {
    await s.stop();
  }
}

describe('racing deliveries', () => {
  it('in one process: one check run, one review, no duplicate comment', async () => {
    standIn = await startStandIn();
    const app = replica(standIn);
    const payload = pullRequestPayload(standIn, 'opened');
    await Promise.all([
      app.receive({ id: 'a', name: 'pull_request', payload } as never),
      app.receive({ id: 'b', name: 'pull_request', payload } as never),
    ]);
    expect(standIn.state.checkRuns).toHaveLength(1);
    expect(standIn.state.checkRuns[0]!.status).toBe('completed');
    expect(standIn.state.reviews).toHaveLength(1);
    const fps = fingerprints(standIn);
    expect(fps.length).toBeGreaterThan(0);
    expect(new Set(fps).size).toBe(fps.length);
    // Every finding keeps its comment: the same ones a delivery alone posts.
    expect([...fps].sort()).toEqual(await aloneFingerprints());
  });

  it('across two replicas: every check run completed, and each finding commented once in the end', async () => {
    standIn = await startStandIn();
    const payload = pullRequestPayload(standIn, 'opened');
    // Both replicas read the (empty) comments before either posts: both post, then the later copies go.
    standIn.state.holdUntil('GET', /\/pulls\/17\/comments$/, 2);
    await Promise.all([
      replica(standIn).receive({ id: 'a', name: 'pull_request', payload } as never),
      replica(standIn).receive({ id: 'b', name: 'pull_request', payload } as never),
    ]);
    expect(standIn.state.checkRuns.length).toBeGreaterThanOrEqual(1);
    for (const run of standIn.state.checkRuns) expect(run.status).toBe('completed');
    const fps = fingerprints(standIn);
    expect(fps.length).toBeGreaterThan(0);
    expect(new Set(fps).size).toBe(fps.length);
    expect([...fps].sort()).toEqual(await aloneFingerprints());
    expect(standIn.state.requests.some((r) => r.method === 'DELETE')).toBe(true);
  });
});
