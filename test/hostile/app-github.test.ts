import { afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { Writable } from 'node:stream';
import pino from 'pino';
import { Probot, ProbotOctokit } from 'probot';
import { createApp } from '../../src/app/app.js';
import { readStateMarker } from '../../src/app/markers.js';
import { signDelivery } from '../../tools/stand-in/sign.js';
import { BASE, COMMIT, FILE, HEAD, mockPull, NUMBER, OWNER, READ_LINE, REPO } from '../app/nock-pull.js';

/**
 * The App when GitHub fails, and what it logs: GitHub mocked with nock, every log line of probot,
 * Octokit and the App captured at trace level.
 */
const require = createRequire(import.meta.url);
const examples = require('@octokit/webhooks-examples') as { name: string; examples: Record<string, unknown>[] }[];
const REPO_PATH = `/repos/${OWNER}/${REPO}`;

let privateKey: string;
const secret = `whsec-${randomBytes(12).toString('hex')}`;
const token = `ghs_${randomBytes(18).toString('hex')}`;
let logs: string[];

beforeAll(() => {
  privateKey = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey;
});
beforeEach(() => {
  logs = [];
  nock.disableNetConnect();
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

async function probot(): Promise<Probot> {
  const stream = new Writable({ write(chunk, _enc, done) { logs.push(String(chunk)); done(); } });
  const log = pino({ level: 'trace' }, stream);
  const p = new Probot({ appId: 123, privateKey, secret, log, Octokit: ProbotOctokit.defaults((o: Record<string, unknown>) => ({ ...o, retry: { enabled: false }, throttle: { enabled: false } })) });
  await p.load(createApp({ sleep: async () => undefined, retry: { attempts: 3, baseMs: 1, maxMs: 5 }, version: 'test' }));
  await p.ready();
  return p;
}

function opened(): Record<string, unknown> {
  const p = structuredClone(examples.find((e) => e.name === 'pull_request')!.examples.find((x) => x.action === 'opened')!) as {
    pull_request: { head: { sha: string }; base: { sha: string } }; number: number; installation?: unknown;
  };
  p.pull_request.head.sha = HEAD;
  p.pull_request.base.sha = BASE;
  p.number = NUMBER;
  p.installation = { id: 2 };
  return p as unknown as Record<string, unknown>;
}

/** The installation token route, with a token of this run (registered before mockPull's, so it wins). */
function tokenRoute(status = 201): void {
  nock('https://api.github.com').post(/\/app\/installations\/\d+\/access_tokens/).reply(status, status === 201 ? { token, expires_at: '2099-01-01T00:00:00Z', permissions: {}, repository_selection: 'all' } : { message: 'Bad credentials' });
}

/** A delivery as GitHub sends it: the body, signed with the webhook secret. */
async function deliver(p: Probot, signature?: string): Promise<void> {
  const body = JSON.stringify(opened());
  await p.webhooks.verifyAndReceive({ id: randomBytes(8).toString('hex'), name: 'pull_request', payload: body, signature: signature ?? signDelivery(secret, body) } as never);
}

type Update = { status?: string; conclusion?: string; output: { summary: string; annotations?: { path: string; start_line: number }[] } };
const last = (updates: Record<string, unknown>[]) => updates[updates.length - 1] as Update;

function expectNoSecretLogged(): void {
  const all = logs.join('');
  expect(all.length).toBeGreaterThan(0);
  const keyBody = privateKey.split('\n').filter((l) => l && !l.startsWith('-----'));
  for (const line of keyBody) expect(all).not.toContain(line);
  expect(all).not.toContain(secret);
  expect(all).not.toContain(token);
}

describe('GitHub failures do not lose the review: the check run completes with every finding', () => {
  it('422 on the review (a line that left the diff): annotations, the error said, the state complete', async () => {
    tokenRoute();
    nock('https://api.github.com').post(`${REPO_PATH}/pulls/${NUMBER}/reviews`).reply(422, { message: 'Unprocessable Entity', errors: ['Line could not be resolved'] });
    const captured = mockPull();
    await deliver(await probot());
    const run = last(captured.updates);
    expect(run).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(run.output.annotations).toEqual([expect.objectContaining({ path: FILE, start_line: READ_LINE })]);
    expect(run.output.summary).toContain('GitHub refused the inline comments (Unprocessable Entity: "Line could not be resolved"); the findings are in the annotations');
    expect(readStateMarker(run.output.summary)?.ok).toBe(true);
    expectNoSecretLogged();
  });

  it('5xx on the review, after the retries: annotations, and a state a redelivery retries', async () => {
    tokenRoute();
    nock('https://api.github.com').post(`${REPO_PATH}/pulls/${NUMBER}/reviews`).times(3).reply(502, { message: 'Bad Gateway' });
    const captured = mockPull();
    await deliver(await probot());
    const run = last(captured.updates);
    expect(run).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(run.output.annotations).toHaveLength(1);
    expect(run.output.summary).toContain('the inline comments could not be posted (Bad Gateway)');
    expect(readStateMarker(run.output.summary)?.ok).toBe(false);
    expectNoSecretLogged();
  });

  it('5xx listing the existing comments: no comment posted (it could repeat one), annotations kept', async () => {
    tokenRoute();
    nock('https://api.github.com').get(new RegExp(`${REPO_PATH}/pulls/${NUMBER}/comments`)).times(3).reply(500, { message: 'Server Error' });
    const captured = mockPull();
    await deliver(await probot());
    const run = last(captured.updates);
    expect(run).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(captured.reviews).toEqual([]);
    expect(run.output.annotations).toHaveLength(1);
    expect(readStateMarker(run.output.summary)?.ok).toBe(false);
  });

  it('403 secondary rate limit on the review: waited for, then posted', async () => {
    tokenRoute();
    nock('https://api.github.com').post(`${REPO_PATH}/pulls/${NUMBER}/reviews`).reply(403, { message: 'You have exceeded a secondary rate limit' }, { 'retry-after': '0' });
    const captured = mockPull();
    await deliver(await probot());
    expect(captured.reviews).toHaveLength(1);
    expect(last(captured.updates)).toMatchObject({ status: 'completed', conclusion: 'failure' });
  });

  it("404 on the head's file (the branch was deleted): a note, the check run completes", async () => {
    tokenRoute();
    nock('https://api.github.com').get(new RegExp(`${REPO_PATH}/contents/${FILE.replace(/\//g, '%2F')}\\?ref=${HEAD}`)).reply(404, { message: 'Not Found' });
    const captured = mockPull();
    await deliver(await probot());
    const run = last(captured.updates);
    expect(run).toMatchObject({ status: 'completed', conclusion: 'success' });
    expect(run.output.summary).toContain(`\`${FILE}\`: not found at the head commit; skipped`);
  });

  it("404 on the pull request's commits: the findings are kept, not named after a commit", async () => {
    tokenRoute();
    nock('https://api.github.com').get(new RegExp(`${REPO_PATH}/pulls/${NUMBER}/commits`)).reply(404, { message: 'Not Found' });
    const captured = mockPull();
    await deliver(await probot());
    const run = last(captured.updates);
    expect(run).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(run.output.summary).toContain("the pull request's commits could not be read (Not Found)");
    expect(run.output.summary).not.toContain(COMMIT.slice(0, 7));
  });

  it('GitHub down for everything after the check run is created: it still completes, neutral, with the error', async () => {
    tokenRoute();
    const repo = nock('https://api.github.com').persist();
    for (const path of [/\/pulls\/\d+\/files/, /\/pulls\/\d+\/commits/, /\/pulls\/\d+\/comments/, /\/contents\/(?!\.github)/]) repo.get(new RegExp(`${REPO_PATH}${path.source}`)).reply(503, { message: 'Service Unavailable' });
    const captured = mockPull();
    await deliver(await probot());
    const run = last(captured.updates);
    expect(run).toMatchObject({ status: 'completed', conclusion: 'neutral' });
    expect(run.output.summary).toContain('unexpected error: Service Unavailable');
    expectNoSecretLogged();
  });
});

describe('the pull request cannot configure its own review', () => {
  it('the configuration is read from the default branch only, never from the head', async () => {
    tokenRoute();
    const fromHead = nock('https://api.github.com').get(`${REPO_PATH}/contents/.github%2Fmemcg-review.yml`).query((q) => 'ref' in q).reply(200, 'paths: ["nothing/**"]\ncheckRun: false\n');
    const captured = mockPull();
    await deliver(await probot());
    expect(fromHead.isDone()).toBe(false);
    expect(captured.reviews).toHaveLength(1);
    expect(last(captured.updates)).toMatchObject({ status: 'completed', conclusion: 'failure' });
  });
});

describe('secrets are never logged', () => {
  it('not on a delivery with a bad signature, which is refused before any request', async () => {
    const captured = mockPull();
    await expect(deliver(await probot(), `sha256=${'0'.repeat(64)}`)).rejects.toThrow(/signature does not match/);
    expect(captured.checkRuns).toEqual([]);
    expect(logs.join('')).not.toContain(secret);
  });

  it('not when GitHub refuses the App its installation token (a wrong private key)', async () => {
    // Every token request is refused (registered before mockPull's own token route, so it answers first).
    const refused = nock('https://api.github.com').persist().post(/\/app\/installations\/\d+\/access_tokens/).reply(401, { message: 'Bad credentials' });
    const captured = mockPull();
    await deliver(await probot()).catch(() => undefined);
    // The 401 path was taken: the token was asked for and refused, and nothing was posted with it.
    expect(refused.isDone()).toBe(true);
    expect(logs.join('')).toMatch(/access_tokens - 401/);
    expect(logs.join('')).not.toMatch(/access_tokens - 201/);
    expect(captured.checkRuns).toEqual([]);
    expect(captured.reviews).toEqual([]);
    expectNoSecretLogged();
  });
});
