import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Redis } from 'ioredis';
import { readFindingMarkers } from '../../src/app/markers.js';
import { startAppSession, type AppSession } from '../../tools/stand-in/app-session.js';
import { branchFrom, buildFixtureRepo } from '../../tools/stand-in/fixture-repo.js';
import { GitHubStandIn } from '../../tools/stand-in/github-stand-in.js';
import { pullRequestPayload } from '../../tools/stand-in/payloads.js';
import { readTree } from '../../tools/stand-in/read-tree.js';
import { startRedisServer, type RedisServer } from '../helpers/redis-server.js';
import { ROOT } from '../helpers/spawn-cli.js';
import { privateBuild } from './private-build.js';

/**
 * Two real App processes (`probot run`, as `npm start` runs it) with REDIS_URL on a real
 * redis-server, 100 signed deliveries (20 pull requests, 5 events each, each pull request's events
 * spread over both replicas and sent at once) to the GitHub stand-in.
 */
const APP_ID = 4711;
const PULLS = 20;
const FIRST = 101;
const LONG = 600_000;
/** The actions the App reviews on (a `labeled` delivery is not one of them). */
const REVIEWED = new Set(['opened', 'synchronize', 'reopened', 'ready_for_review']);

let redis: RedisServer | undefined;
let standIn: GitHubStandIn | undefined;
const replicas: AppSession[] = [];
let built: ReturnType<typeof privateBuild> | undefined;
let monitored: Redis | undefined;
let monitor: Redis | undefined;
const commands: { source: string; args: string[] }[] = [];

beforeAll(async () => {
  redis = await startRedisServer();
  monitored = redis.client();
  monitor = await monitored.monitor();
  monitor.on('monitor', (_time: string, args: string[], source: string) => commands.push({ source, args }));
  built = privateBuild();
  const repo = buildFixtureRepo({
    baseTree: readTree(path.join(ROOT, 'fixtures/demo/tree')),
    series: readFileSync(path.join(ROOT, 'fixtures/demo/series.mbox'), 'utf8'),
    config: 'target: v5.11\n',
  });
  const series = repo.commits;
  standIn = new GitHubStandIn(repo, { appId: APP_ID, appSlug: 'memcg-review', installationId: 77, prNumber: FIRST });
  for (let n = FIRST + 1; n < FIRST + PULLS; n++) standIn.addPull(n, branchFrom(repo.base, series, `pull ${n}`));
  await standIn.start();
  for (let i = 0; i < 2; i++) {
    replicas.push(await startAppSession({ root: ROOT, appId: APP_ID, standIn, entry: built.entry, env: { REDIS_URL: redis.url, LOG_LEVEL: 'info' } }));
  }
}, LONG);

afterAll(async () => {
  // Everything this file started, each step on its own so one failure does not leave the rest running.
  for (const r of replicas) await r.stop().catch(() => undefined);
  monitor?.disconnect();
  monitored?.disconnect();
  await standIn?.stop().catch(() => undefined);
  await redis?.stop().catch(() => undefined);
  built?.remove();
}, LONG);

function rssKb(pid: number): number {
  const m = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`no VmRSS for ${pid}`);
  return Number(m[1]);
}

/** The local ports of `pid`'s TCP connections to 127.0.0.1:`port` (from /proc: socket inodes of its fds, /proc/net/tcp). */
function portsTo(pid: number, port: number): Set<string> {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m) inodes.add(m[1]!);
    } catch {
      // closed meanwhile
    }
  }
  const ports = new Set<string>();
  for (const line of readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 10) continue;
    const local = parseInt(f[1]!.split(':')[1]!, 16);
    const remote = parseInt(f[2]!.split(':')[1]!, 16);
    if (remote === port && inodes.has(f[9]!)) ports.add(String(local));
  }
  return ports;
}

/** The sha1 of one of Bottleneck's Redis scripts, as ioredis sends it with EVALSHA. */
function bottleneckScriptSha(name: string): string {
  const require = createRequire(path.join(ROOT, 'node_modules/probot/package.json'));
  const scripts = require('bottleneck/lib/Scripts.js') as { payload(name: string): string };
  return createHash('sha1').update(scripts.payload(name)).digest('hex');
}

interface Outcome { replica: number; number: number; kind: string; why?: string }

/** Each delivery that reaches a review logs one outcome line: `memcg-review owner/repo#N@sha7: {json}`. */
function outcomes(): Outcome[] {
  return replicas.flatMap((r, replica) =>
    [...r.output().matchAll(/memcg-review kernel-fork\/linux#(\d+)@[0-9a-f]{7}: (\{.*?\})(?:"|\n|$)/g)].map((m) => {
      const o = JSON.parse(m[2]!.replace(/\\"/g, '"')) as { kind: string; why?: string };
      return { replica, number: Number(m[1]), kind: o.kind, ...(o.why ? { why: o.why } : {}) };
    }),
  );
}

describe('two App replicas sharing a real Redis', () => {
  const rss: number[][] = [];
  let expectedOutcomes = 0;

  it('100 deliveries over 20 pull requests, interleaved across both replicas, all accepted', async () => {
    const s = standIn!;
    const numbers = s.pullNumbers();
    expect(numbers).toHaveLength(PULLS);
    rss.push(replicas.map((r) => rssKb(r.pid)));
    const waves = 4;
    const per = PULLS / waves;
    for (let w = 0; w < waves; w++) {
      const sends: Promise<{ status: number; text: string }>[] = [];
      numbers.slice(w * per, (w + 1) * per).forEach((n, k) => {
        const head = s.headOf(n);
        const opened = pullRequestPayload(s, 'opened', {}, n);
        const events: [string, Record<string, unknown>, string?][] = [
          ['opened', opened, `opened-${n}`],
          ['synchronize', pullRequestPayload(s, 'synchronize', { before: head.parents[0], after: head.sha }, n)],
          ['reopened', pullRequestPayload(s, 'reopened', {}, n)],
          ['ready_for_review', pullRequestPayload(s, 'ready_for_review', {}, n)],
          // Even pull requests: a redelivery of `opened` (same delivery id, same body); odd ones: a label.
          n % 2 === 0 ? ['opened', opened, `opened-${n}`] : ['labeled', pullRequestPayload(s, 'labeled', { label: { name: 'mm' } }, n)],
        ];
        events.forEach(([action, payload, id], e) => {
          if (REVIEWED.has(action)) expectedOutcomes++;
          const replica = replicas[(k + e) % 2]!;
          sends.push(replica.deliver('pull_request', payload, id ? { id } : {}));
        });
      });
      const answers = await Promise.all(sends);
      for (const a of answers) expect([200, 202]).toContain(a.status);
      // Wait (a guard, not an assertion) until every delivery of this wave has logged its outcome.
      await s.state.waitFor(() => outcomes().length >= expectedOutcomes, LONG);
      if (w === 1 || w === waves - 1) rss.push(replicas.map((r) => rssKb(r.pid)));
    }
    expect(expectedOutcomes).toBe(PULLS * 4 + PULLS / 2);
  }, LONG);

  it('each head is reviewed once across the replicas: one check run and one review per head, no comment twice', () => {
    const s = standIn!;
    const all = outcomes();
    expect(all).toHaveLength(expectedOutcomes);
    const reviewed = all.filter((o) => o.kind === 'reviewed');
    expect(reviewed.map((o) => o.number).sort()).toEqual([...s.pullNumbers()].sort());
    expect(all.filter((o) => o.kind === 'failed')).toEqual([]);
    for (const n of s.pullNumbers()) {
      const head = s.headOf(n).sha;
      const runs = s.state.checkRuns.filter((r) => r.head_sha === head);
      expect({ n, runs: runs.length, status: runs[0]?.status }).toEqual({ n, runs: 1, status: 'completed' });
      expect({ n, reviews: s.state.reviews.filter((r) => r.pull_number === n).length }).toEqual({ n, reviews: 1 });
      const fps = s.state.reviewComments.filter((c) => c.pull_number === n).flatMap((c) => readFindingMarkers(c.body));
      expect(fps.length).toBeGreaterThan(0);
      expect(new Set(fps).size).toBe(fps.length);
    }
    // Both replicas handled deliveries (which of them wins a head's claim is up to the race).
    expect(new Set(all.map((o) => o.replica)).size).toBe(2);
    process.stdout.write(`redis-replicas: reviews per replica ${[0, 1].map((i) => reviewed.filter((o) => o.replica === i).length).join('/')}, skipped for another replica's claim ${all.filter((o) => o.why === 'another replica is reviewing this head').length}\n`);
    expect(s.state.requests.filter((r) => r.method === 'DELETE')).toEqual([]);
  });

  it('both replicas\' GitHub requests went through probot\'s limiter (Bottleneck) in the shared Redis', async () => {
    const s = standIn!;
    const client = redis!.client();
    try {
      const settings = (group: string) => `b_octokit-${group}-no-id_settings`;
      // Wait (a guard) until Bottleneck has freed every job.
      for (let i = 0; i < 600; i++) {
        const running = await Promise.all(['global', 'write', 'auth'].map((g) => client.hget(settings(g), 'running')));
        if (running.every((r) => r === null || r === '0')) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const done = async (group: string) => Number((await client.hget(settings(group), 'done')) ?? 0);
      const requests = s.state.requests;
      const tokenRequests = requests.filter((r) => /\/access_tokens$/.test(r.path)).length;
      const writes = s.state.writes().length;
      const limited = { global: await done('global'), auth: await done('auth'), write: await done('write'), notifications: await done('notifications') };
      process.stdout.write(`redis-replicas: requests ${requests.length} (tokens ${tokenRequests}, writes ${writes}); limiter done ${JSON.stringify(limited)}\n`);
      // Every request the stand-in saw but the installation tokens ran as a job of the shared global
      // limiter; every write first waited for the shared write limiter, every review for the
      // notifications one. (The tokens, one per replica at its first delivery, go through the auth
      // limiter, whose keys Redis drops 2 minutes after its last job: on a slow run they are gone.)
      expect(limited.global).toBe(requests.length - tokenRequests);
      expect(limited.auth).toBeLessThanOrEqual(tokenRequests);
      expect(limited.write).toBe(writes);
      expect(limited.notifications).toBe(s.state.requests.filter((r) => r.method === 'POST' && /\/reviews$/.test(r.path)).length);
      // Both replicas are Bottleneck clients of the same limiter.
      const clients = await client.zrange('b_octokit-global-no-id_client_last_registered', 0, -1);
      expect(clients.length).toBeGreaterThanOrEqual(2);

      // MONITOR: each replica process (its own TCP connections to this redis-server) freed jobs of the global limiter.
      const free = bottleneckScriptSha('free');
      const sha = (c: { args: string[] }) => (c.args[0]?.toLowerCase() === 'eval' ? createHash('sha1').update(c.args[1] ?? '').digest('hex') : c.args[1]);
      const frees = commands.filter((c) => ['evalsha', 'eval'].includes(c.args[0]?.toLowerCase() ?? '') && sha(c) === free && c.args.includes(settings('global')));
      const perReplica = replicas.map((r) => {
        const ports = portsTo(r.pid, redis!.port);
        return frees.filter((c) => ports.has(c.source.split(':').pop()!)).length;
      });
      for (const n of perReplica) expect(n).toBeGreaterThan(0);
      // Every free MONITOR saw came from one of the two App processes.
      expect(perReplica[0]! + perReplica[1]!).toBe(frees.length);
      // And each replica claimed heads in the same Redis.
      const claims = replicas.map((r) => {
        const ports = portsTo(r.pid, redis!.port);
        return commands.filter((c) => c.args[0]?.toLowerCase() === 'set' && /^memcg-review:claim:/.test(c.args[1] ?? '') && ports.has(c.source.split(':').pop()!)).length;
      });
      for (const n of claims) expect(n).toBeGreaterThan(0);
      expect(await client.keys('memcg-review:claim:*')).toEqual([]);
      process.stdout.write(`redis-replicas: frees of the global limiter per replica ${perReplica.join('/')} (MONITOR saw ${frees.length}); claims per replica ${claims.join('/')}\n`);
    } finally {
      client.disconnect();
    }
  }, LONG);

  it('RSS of each App process stays flat from the warm middle to the end', () => {
    expect(rss).toHaveLength(3);
    const [start, middle, end] = rss as [number[], number[], number[]];
    process.stdout.write(`redis-replicas: RSS kB start ${start.join('/')}, after 50 deliveries ${middle.join('/')}, after 100 ${end.join('/')}\n`);
    // Generous: the second 50 deliveries may add at most half the warm size or 64 MiB, whichever is more.
    for (let i = 0; i < 2; i++) expect(end[i]!).toBeLessThanOrEqual(middle[i]! + Math.max(middle[i]! / 2, 64 * 1024));
  });
});
