import nock from 'nock';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { unifiedDiff } from '../../src/fix/unified-diff.js';
import { ROOT } from '../helpers/spawn-cli.js';

export const OWNER = 'Codertocat';
export const REPO = 'Hello-World';
export const NUMBER = 2;
export const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
export const BASE = 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e';
export const COMMIT = 'c0ffee0000000000000000000000000000000001';
export const FILE = 'drivers/misc/owner_pool.c';
export const BASE_TEXT = readFileSync(path.join(ROOT, 'fixtures/app/owner-base.c'), 'utf8');
export const HEAD_TEXT = readFileSync(path.join(ROOT, 'fixtures/app/owner-head.c'), 'utf8');
/** GitHub's patch: hunks only. */
export const PATCH = (() => {
  const d = unifiedDiff(FILE, BASE_TEXT, HEAD_TEXT);
  return d.slice(d.indexOf('@@')).replace(/\n$/, '');
})();
export const READ_LINE = HEAD_TEXT.split('\n').indexOf('\treturn page->mem_cgroup != NULL;') + 1;

export interface Captured {
  checkRuns: Record<string, unknown>[];
  updates: Record<string, unknown>[];
  reviews: Record<string, unknown>[];
}

/** nock routes for one small pull request: one commit adding an open-coded read. `config` is the default branch's file (404 when undefined). */
export function mockPull(options: { config?: string; existingRuns?: unknown[]; existingComments?: unknown[]; noApp?: boolean; runById?: unknown } = {}): Captured {
  const captured: Captured = { checkRuns: [], updates: [], reviews: [] };
  const repo = `/repos/${OWNER}/${REPO}`;
  const api = nock('https://api.github.com').persist();
  api.post(/\/app\/installations\/\d+\/access_tokens/).reply(201, { token: 'ghs_test', expires_at: '2099-01-01T00:00:00Z', permissions: {}, repository_selection: 'all' });
  api.get('/app').reply(options.noApp ? 404 : 200, options.noApp ? { message: 'Not Found' } : { id: 123, slug: 'memcg-review' });
  if (options.runById) api.get(new RegExp(`${repo}/check-runs/\\d+$`)).reply(200, options.runById);
  api.get(`${repo}/contents/.github%2Fmemcg-review.yml`).reply(options.config === undefined ? 404 : 200, options.config ?? { message: 'Not Found' });
  api.get(new RegExp(`${repo}/commits/${HEAD}/check-runs`)).reply(200, { total_count: 0, check_runs: options.existingRuns ?? [] });
  api.post(`${repo}/check-runs`).reply(201, (_uri, body) => {
    captured.checkRuns.push(body as Record<string, unknown>);
    return { id: 99 };
  });
  api.patch(`${repo}/check-runs/99`).reply(200, (_uri, body) => {
    captured.updates.push(body as Record<string, unknown>);
    return { id: 99 };
  });
  api.get(new RegExp(`${repo}/pulls/${NUMBER}/commits`)).reply(200, [{ sha: COMMIT, commit: { message: 'drivers/misc/owner_pool: report charged pages\n\nbody' }, parents: [{ sha: BASE }] }]);
  api.get(new RegExp(`${repo}/commits/${COMMIT}\\?`)).reply(200, { sha: COMMIT, files: [{ filename: FILE, status: 'modified', patch: PATCH }] });
  api.get(new RegExp(`${repo}/pulls/${NUMBER}/files`)).reply(200, [{ filename: FILE, status: 'modified', patch: PATCH }, { filename: 'README', status: 'modified', patch: '@@ -1 +1 @@\n-a\n+b' }]);
  api.get(new RegExp(`${repo}/contents/${FILE.replace(/\//g, '%2F')}\\?ref=${HEAD}`)).reply(200, HEAD_TEXT);
  // target auto (the default) reads the memcg headers at the head: this small repository has none.
  api.get(new RegExp(`${repo}/contents/(include%2Flinux|mm)%2F[\\w-]+\\.h\\?ref=${HEAD}`)).reply(404, { message: 'Not Found' });
  api.get(new RegExp(`${repo}/pulls/${NUMBER}/comments`)).reply(200, options.existingComments ?? []);
  api.post(`${repo}/pulls/${NUMBER}/reviews`).reply(200, (_uri, body) => {
    captured.reviews.push(body as Record<string, unknown>);
    return { id: 7 };
  });
  return captured;
}
