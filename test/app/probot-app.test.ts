import { afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { generateKeyPairSync } from 'node:crypto';
import { createRequire } from 'node:module';
import { Probot, ProbotOctokit } from 'probot';
import { createApp } from '../../src/app/app.js';
import { BASE, FILE, HEAD, mockPull, NUMBER, OWNER, READ_LINE, REPO } from './nock-pull.js';

/** The App inside probot, GitHub mocked with nock, deliveries shaped like @octokit/webhooks-examples' payloads. */
const require = createRequire(import.meta.url);
const examples = require('@octokit/webhooks-examples') as { name: string; examples: Record<string, unknown>[] }[];
const example = (name: string, action: string) => structuredClone(examples.find((e) => e.name === name)!.examples.find((x) => x.action === action)!);

let privateKey: string;
beforeAll(() => {
  privateKey = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey;
});

function probotWithApp(extra: { appId?: number } = {}): Probot {
  const probot = new Probot({ appId: 123, privateKey, logLevel: 'fatal', Octokit: ProbotOctokit.defaults((o: Record<string, unknown>) => ({ ...o, retry: { enabled: false }, throttle: { enabled: false } })) });
  probot.load(createApp({ sleep: async () => undefined, retry: { attempts: 3, baseMs: 1, maxMs: 5 }, version: 'test', ...extra }));
  return probot;
}

function pullRequestOpened(): Record<string, unknown> {
  const p = example('pull_request', 'opened') as { pull_request: { head: { sha: string }; base: { sha: string }; draft: boolean }; number: number; installation?: unknown };
  expect(p.pull_request.head.sha).toBe(HEAD);
  p.pull_request.base.sha = BASE;
  p.number = NUMBER;
  p.installation = { id: 2, node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMg==' };
  return p as unknown as Record<string, unknown>;
}

beforeEach(() => {
  nock.disableNetConnect();
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('the App in probot, GitHub mocked with nock', () => {
  it('reviews a pull_request.opened: check run in progress then completed with annotations, one COMMENT review with a suggestion', async () => {
    const captured = mockPull();
    await probotWithApp().receive({ id: '1', name: 'pull_request', payload: pullRequestOpened() } as never);
    expect(captured.checkRuns).toEqual([expect.objectContaining({ name: 'memcg-review', head_sha: HEAD, status: 'in_progress' })]);
    const last = captured.updates[captured.updates.length - 1] as { status: string; conclusion: string; output: { title: string; summary: string; annotations: { path: string; start_line: number }[] } };
    expect(last.status).toBe('completed');
    expect(last.conclusion).toBe('failure');
    expect(last.output.annotations).toEqual([expect.objectContaining({ path: FILE, start_line: READ_LINE, annotation_level: 'failure' })]);
    expect(last.output.summary).toContain('### [PATCH 1/1] drivers/misc/owner_pool: report charged pages (c0ffee0)');
    expect(captured.reviews).toHaveLength(1);
    const review = captured.reviews[0] as { commit_id: string; event: string; comments: { path: string; line: number; side: string; body: string }[] };
    expect(review).toMatchObject({ commit_id: HEAD, event: 'COMMENT' });
    expect(review.comments).toEqual([expect.objectContaining({ path: FILE, line: READ_LINE, side: 'RIGHT' })]);
    expect(review.comments[0]!.body).toMatch(/```suggestion\n\treturn page_memcg(_check)?\(page\) != NULL;\n```/);
  });

  it('says where the configuration is wrong, in a neutral check run, and posts no review', async () => {
    const captured = mockPull({ config: 'target: v5.11\nmaxComments: lots\n' });
    await probotWithApp().receive({ id: '2', name: 'pull_request', payload: pullRequestOpened() } as never);
    const last = captured.updates[captured.updates.length - 1] as { conclusion: string; output: { summary: string } };
    expect(last.conclusion).toBe('neutral');
    expect(last.output.summary).toContain('.github/memcg-review.yml:2:14: maxComments must be a whole number');
    expect(captured.reviews).toHaveLength(0);
    // Redelivered: the check run on the head already says so; nothing new is posted.
    nock.cleanAll();
    const run = { id: 99, name: 'memcg-review', app: { id: 123 }, status: 'completed', conclusion: 'neutral', started_at: '2026-11-25T12:00:00Z', output: { summary: last.output.summary } };
    const again = mockPull({ config: 'target: v5.11\nmaxComments: lots\n', existingRuns: [run] });
    await probotWithApp().receive({ id: '2', name: 'pull_request', payload: pullRequestOpened() } as never);
    expect(again.checkRuns).toHaveLength(0);
    expect(again.updates).toHaveLength(0);
  });

  it('reviews with the defaults, and says so, when the configuration cannot be read', async () => {
    const repo = `/repos/${OWNER}/${REPO}`;
    nock('https://api.github.com').get(`${repo}/contents/.github%2Fmemcg-review.yml`).times(3).reply(502, { message: 'Bad Gateway' });
    const captured = mockPull();
    await probotWithApp().receive({ id: '2c', name: 'pull_request', payload: pullRequestOpened() } as never);
    const last = captured.updates[captured.updates.length - 1] as { conclusion: string; output: { summary: string } };
    expect(last.conclusion).toBe('failure');
    expect(last.output.summary).toContain('⚠️ .github/memcg-review.yml could not be read from the default branch (Bad Gateway); the defaults were used');
    expect(captured.reviews).toHaveLength(1);
  });

  it('completes the check run as neutral with the error when GitHub keeps failing', async () => {
    const repo = `/repos/${OWNER}/${REPO}`;
    nock('https://api.github.com').get(new RegExp(`${repo}/pulls/${NUMBER}/files`)).times(3).reply(500, { message: 'Server Error' });
    const captured = mockPull();
    await probotWithApp().receive({ id: '3', name: 'pull_request', payload: pullRequestOpened() } as never);
    const last = captured.updates[captured.updates.length - 1] as { status: string; conclusion: string; output: { summary: string } };
    expect(last).toMatchObject({ status: 'completed', conclusion: 'neutral' });
    expect(last.output.summary).toContain('unexpected error: Server Error');
    expect(captured.reviews).toHaveLength(0);
  });

  it('retries a secondary rate limit and goes on', async () => {
    const repo = `/repos/${OWNER}/${REPO}`;
    nock('https://api.github.com').get(new RegExp(`${repo}/pulls/${NUMBER}/files`)).reply(403, { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' }, { 'retry-after': '0' });
    const captured = mockPull();
    await probotWithApp().receive({ id: '4', name: 'pull_request', payload: pullRequestOpened() } as never);
    expect((captured.updates[captured.updates.length - 1] as { conclusion: string }).conclusion).toBe('failure');
    expect(captured.reviews).toHaveLength(1);
  });

  it('skips a draft unless the configuration asks for drafts', async () => {
    const captured = mockPull();
    const payload = pullRequestOpened() as { pull_request: { draft: boolean } };
    payload.pull_request.draft = true;
    const app = probotWithApp();
    await app.receive({ id: '5', name: 'pull_request', payload } as never);
    expect(captured.checkRuns).toHaveLength(0);
    // Marked ready for review, same head: reviewed now.
    const ready = { ...payload, action: 'ready_for_review', pull_request: { ...payload.pull_request, draft: false } };
    await app.receive({ id: '5b', name: 'pull_request', payload: ready } as never);
    expect(captured.checkRuns).toHaveLength(1);
  });

  it('does not comment again on a finding its bot already commented on, and ignores markers in other people’s comments', async () => {
    const first = mockPull();
    await probotWithApp().receive({ id: '6', name: 'pull_request', payload: pullRequestOpened() } as never);
    const body = (first.reviews[0] as { comments: { body: string }[] }).comments[0]!.body;
    nock.cleanAll();
    const forged = mockPull({ existingComments: [{ id: 1, body, user: { login: 'mallory' } }] });
    await probotWithApp().receive({ id: '7', name: 'pull_request', payload: pullRequestOpened() } as never);
    expect(forged.reviews).toHaveLength(1);
    nock.cleanAll();
    const again = mockPull({ existingComments: [{ id: 1, body, user: { login: 'memcg-review[bot]' } }] });
    await probotWithApp().receive({ id: '8', name: 'pull_request', payload: pullRequestOpened() } as never);
    expect(again.reviews).toHaveLength(0);
    expect((again.updates[again.updates.length - 1] as { output: { summary: string } }).output.summary).toContain('1 already commented');
  });

  it('works with a GitHub that does not answer GET /app: the id from APP_ID, any bot account’s markers count', async () => {
    const first = mockPull({ noApp: true });
    await probotWithApp({ appId: 123 }).receive({ id: '11', name: 'pull_request', payload: pullRequestOpened() } as never);
    expect(first.reviews).toHaveLength(1);
    const body = (first.reviews[0] as { comments: { body: string }[] }).comments[0]!.body;
    nock.cleanAll();
    const again = mockPull({ noApp: true, existingComments: [{ id: 1, body, user: { login: 'some-app[bot]', type: 'Bot' } }, { id: 2, body, user: { login: 'mallory', type: 'User' } }] });
    await probotWithApp({ appId: 123 }).receive({ id: '12', name: 'pull_request', payload: pullRequestOpened() } as never);
    expect(again.reviews).toHaveLength(0);
  });

  it('reads the check run itself when the list leaves its summary out', async () => {
    const first = mockPull();
    await probotWithApp().receive({ id: '13', name: 'pull_request', payload: pullRequestOpened() } as never);
    const summary = (first.updates[first.updates.length - 1] as { output: { summary: string } }).output.summary;
    nock.cleanAll();
    const listed = { id: 99, name: 'memcg-review', app: { id: 123 }, status: 'completed', conclusion: 'failure', started_at: '2026-11-25T12:00:00Z', output: {} };
    const again = mockPull({ existingRuns: [listed], runById: { ...listed, output: { summary } } });
    await probotWithApp().receive({ id: '14', name: 'pull_request', payload: pullRequestOpened() } as never);
    expect(again.checkRuns).toHaveLength(0);
    expect(again.updates).toHaveLength(0);
  });

  it('ignores a comment that is not the command and a check run of another App', async () => {
    const captured = mockPull();
    const comment = example('issue_comment', 'created') as { comment: { body: string }; installation?: unknown };
    comment.comment.body = 'looks good to me';
    comment.installation = { id: 2 };
    await probotWithApp().receive({ id: '9', name: 'issue_comment', payload: comment } as never);
    const rerun = example('check_run', 'rerequested') as { check_run: { name: string } };
    rerun.check_run.name = 'some-other-check';
    await probotWithApp().receive({ id: '10', name: 'check_run', payload: rerun } as never);
    expect(captured.checkRuns).toHaveLength(0);
  });
});
