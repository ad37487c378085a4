import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Probot, ProbotOctokit } from 'probot';
import { createApp } from '../../src/app/app.js';
import { readFindingMarkers } from '../../src/app/markers.js';
import { redisClaims, type RedisClaims } from '../../src/app/redis-claims.js';
import { claimKey, type ReviewClaims } from '../../src/app/review-claims.js';
import { buildFixtureRepo } from '../../tools/stand-in/fixture-repo.js';
import { GitHubStandIn } from '../../tools/stand-in/github-stand-in.js';
import { pullRequestPayload } from '../../tools/stand-in/payloads.js';
import { readTree } from '../../tools/stand-in/read-tree.js';
import { startRedisServer, type RedisServer } from '../helpers/redis-server.js';
import { ROOT } from '../helpers/spawn-cli.js';

/** The cross-replica claim on a head, in a real redis-server started for this file. */
let redis: RedisServer;
const opened: RedisClaims[] = [];
let privateKey: string;

beforeAll(async () => {
  redis = await startRedisServer();
  privateKey = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey;
}, 60_000);
afterAll(async () => {
  for (const c of opened) await c.close();
  await redis?.stop();
});

function claims(): RedisClaims {
  const c = redisClaims(redis.url);
  opened.push(c);
  return c;
}

describe('redisClaims', () => {
  it('one holder at a time; only the holder\'s token lets go', async () => {
    const a = claims();
    const b = claims();
    const key = claimKey({ owner: 'o', repo: 'r', number: 1, headSha: 'a'.repeat(40) }, 'cfg');
    expect(await a.claim(key, 'token-a', 60_000)).toBe(true);
    expect(await b.claim(key, 'token-b', 60_000)).toBe(false);
    await b.release(key, 'token-b');
    expect(await b.claim(key, 'token-b', 60_000)).toBe(false);
    await a.release(key, 'token-a');
    expect(await b.claim(key, 'token-b', 60_000)).toBe(true);
    const client = redis.client();
    try {
      expect(await client.get(key)).toBe('token-b');
      const ttl = await client.pttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(60_000);
    } finally {
      client.disconnect();
    }
  });

  it('a claim expires on its own (a replica that died holding it blocks nobody for good)', async () => {
    const a = claims();
    const key = claimKey({ owner: 'o', repo: 'r', number: 2, headSha: 'b'.repeat(40) }, 'cfg');
    expect(await a.claim(key, 'dead', 50)).toBe(true);
    let taken = false;
    for (let i = 0; i < 200 && !taken; i++) {
      taken = await a.claim(key, 'alive', 60_000);
      if (!taken) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(taken).toBe(true);
  });

  it('keys differ by repository, pull request, head and settings', () => {
    const base = { owner: 'o', repo: 'r', number: 1, headSha: 'c'.repeat(40) };
    const keys = new Set([
      claimKey(base, 'x'), claimKey(base, 'y'), claimKey({ ...base, repo: 'q' }, 'x'),
      claimKey({ ...base, number: 2 }, 'x'), claimKey({ ...base, headSha: 'd'.repeat(40) }, 'x'),
    ]);
    expect(keys.size).toBe(5);
  });
});

describe('two replicas racing on one head', () => {
  async function race(shared: (() => ReviewClaims) | null) {
    const repo = buildFixtureRepo({
      baseTree: readTree(path.join(ROOT, 'fixtures/demo/tree')),
      series: readFileSync(path.join(ROOT, 'fixtures/demo/series.mbox'), 'utf8'),
    });
    const s = new GitHubStandIn(repo, { appId: 4711, appSlug: 'memcg-review', installationId: 77, prNumber: 17 });
    await s.start();
    try {
      const replica = () => {
        const probot = new Probot({
          appId: 4711, privateKey, baseUrl: `http://${s.host}/api/v3`, logLevel: 'fatal',
          Octokit: ProbotOctokit.defaults((o: Record<string, unknown>) => ({ ...o, retry: { enabled: false }, throttle: { enabled: false } })),
        });
        probot.load(createApp({ sleep: async () => undefined, retry: { attempts: 3, baseMs: 1, maxMs: 5 }, version: 'test', ...(shared ? { claims: shared() } : {}) }));
        return probot;
      };
      // Both replicas have read the settings (the step before the claim) before either goes on.
      s.state.holdUntil('GET', /\/contents\/\.github\/memcg-review\.yml$/, 2);
      s.state.holdUntil('GET', /\/commits\/[0-9a-f]{40}\/check-runs$/, 2, 2_000);
      const payload = pullRequestPayload(s, 'opened');
      await Promise.all([
        replica().receive({ id: 'a', name: 'pull_request', payload } as never),
        replica().receive({ id: 'b', name: 'pull_request', payload } as never),
      ]);
      const fps = s.state.reviewComments.flatMap((c) => readFindingMarkers(c.body));
      return { runs: s.state.checkRuns.length, reviews: s.state.reviews.length, fps };
    } finally {
      await s.stop();
    }
  }

  it('without claims both review (two check runs): the race the claim is for', async () => {
    const r = await race(null);
    expect(r.runs).toBe(2);
  }, 60_000);

  it('with Redis gone: the replica reviews without a claim (fail open) and says so', async () => {
    const gone = await startRedisServer();
    const url = gone.url;
    await gone.stop();
    const repo = buildFixtureRepo({
      baseTree: readTree(path.join(ROOT, 'fixtures/demo/tree')),
      series: readFileSync(path.join(ROOT, 'fixtures/demo/series.mbox'), 'utf8'),
    });
    const s = new GitHubStandIn(repo, { appId: 4711, appSlug: 'memcg-review', installationId: 77, prNumber: 17 });
    await s.start();
    const c = redisClaims(url);
    opened.push(c);
    const warnings: string[] = [];
    try {
      const probot = new Probot({
        appId: 4711, privateKey, baseUrl: `http://${s.host}/api/v3`, logLevel: 'fatal',
        Octokit: ProbotOctokit.defaults((o: Record<string, unknown>) => ({ ...o, retry: { enabled: false }, throttle: { enabled: false } })),
      });
      const claims: ReviewClaims = {
        claim: (...a) => c.claim(...a).catch((e: unknown) => { warnings.push(String(e)); throw e; }),
        release: (...a) => c.release(...a),
      };
      probot.load(createApp({ sleep: async () => undefined, retry: { attempts: 3, baseMs: 1, maxMs: 5 }, version: 'test', claims }));
      await probot.receive({ id: 'a', name: 'pull_request', payload: pullRequestPayload(s, 'opened') } as never);
      expect(warnings.length).toBe(1);
      expect(s.state.checkRuns).toHaveLength(1);
      expect(s.state.checkRuns[0]!.status).toBe('completed');
      expect(s.state.reviews).toHaveLength(1);
    } finally {
      await s.stop();
    }
  }, 60_000);

  it('with claims in Redis: one check run, one review, each comment once, and the claim let go', async () => {
    const r = await race(() => claims());
    expect(r.runs).toBe(1);
    expect(r.reviews).toBe(1);
    expect(r.fps.length).toBeGreaterThan(0);
    expect(new Set(r.fps).size).toBe(r.fps.length);
    const client = redis.client();
    try {
      expect(await client.keys('memcg-review:claim:kernel-fork/linux#17@*')).toEqual([]);
    } finally {
      client.disconnect();
    }
  }, 60_000);
});
