import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import http from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildFixtureRepo } from '../../tools/stand-in/fixture-repo.js';
import { GitHubStandIn } from '../../tools/stand-in/github-stand-in.js';
import { startAppSession, type AppSession } from '../../tools/stand-in/app-session.js';
import { pullRequestPayload } from '../../tools/stand-in/payloads.js';
import { readTree } from '../../tools/stand-in/read-tree.js';
import { signDelivery } from '../../tools/stand-in/sign.js';
import { ROOT } from '../helpers/spawn-cli.js';
import { privateBuild } from '../app/private-build.js';

/** The App's server process (`probot run`, as `npm start` runs it) refusing forged, unsigned and oversized deliveries. */
const LONG = 90_000;
const LIMIT = 256 * 1024;

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
  standIn = new GitHubStandIn(repo, { appId: 4712, appSlug: 'memcg-review', installationId: 78, prNumber: 18 });
  await standIn.start();
  session = await startAppSession({ root: ROOT, appId: 4712, standIn, entry: built.entry, env: { MEMCG_REVIEW_MAX_PAYLOAD_BYTES: String(LIMIT) } });
}, LONG);

afterAll(async () => {
  await session?.stop();
  await standIn?.stop();
  built?.remove();
});

/** A raw POST to the webhook path: `send` writes the body (in chunks, as it likes); resolves with the status. */
function post(headers: Record<string, string>, send: (req: http.ClientRequest) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: session.port, method: 'POST', path: '/api/github/webhooks', headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    req.on('error', reject);
    send(req);
  });
}

const webhookHeaders = (body: string) => ({
  'content-type': 'application/json',
  'x-github-event': 'pull_request',
  'x-github-delivery': randomUUID(),
  'x-hub-signature-256': signDelivery(session.secret, body),
});

describe('deliveries that are not GitHub’s', () => {
  it('a delivery without a signature: 400, no request to GitHub', async () => {
    const before = standIn.state.requests.length;
    const body = JSON.stringify(pullRequestPayload(standIn, 'opened'));
    const headers: Record<string, string> = webhookHeaders(body);
    delete headers['x-hub-signature-256'];
    expect(await post(headers, (req) => req.end(body))).toBe(400);
    expect(standIn.state.requests.length).toBe(before);
  });

  it('a body over the limit, declared in Content-Length: 413 before it is read', async () => {
    const before = standIn.state.requests.length;
    const status = await post({ ...webhookHeaders('{}'), 'content-length': String(50 * 1024 * 1024) }, (req) => req.write('{"pad":"'));
    expect(status).toBe(413);
    expect(standIn.state.requests.length).toBe(before);
  }, LONG);

  it('a body over the limit, streamed without a length (and validly signed): 413', async () => {
    const before = standIn.state.requests.length;
    const body = JSON.stringify({ ...pullRequestPayload(standIn, 'opened'), pad: 'x'.repeat(4 * LIMIT) });
    const status = await post(webhookHeaders(body), (req) => {
      for (let i = 0; i < body.length; i += 16 * 1024) req.write(body.slice(i, i + 16 * 1024));
      req.end();
    });
    expect(status).toBe(413);
    expect(standIn.state.requests.length).toBe(before);
  }, LONG);

  it('a delivery within the limit is still reviewed', async () => {
    const res = await session.deliver('pull_request', pullRequestPayload(standIn, 'opened'), { id: 'within-limit' });
    expect(res.status).toBe(200);
    await standIn.state.waitFor(() => standIn.state.checkRuns.some((r) => r.status === 'completed'));
    expect(session.output()).not.toMatch(/^\s+at /m);
  }, LONG);
});

describe('the server without a webhook secret', () => {
  it('refuses to start: probot would check signatures against the word "development"', () => {
    const key = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey;
    const r = spawnSync(process.execPath, ['node_modules/probot/bin/probot.js', 'run', built.entry], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: LONG / 3,
      env: { PATH: process.env.PATH ?? '', APP_ID: '1', PRIVATE_KEY: key, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn' },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('memcg-review: WEBHOOK_SECRET is not set');
  }, LONG);
});
