import { describe, expect, it } from '@jest/globals';
import { DEFAULT_CONFIG } from '../../src/app/config.js';
import type { ChangedFile, GitHubApi } from '../../src/app/github-api.js';
import { inScope, loadSnapshot } from '../../src/app/load-snapshot.js';
import { reviewPullRequest } from '../../src/app/review-pull-request.js';
import { createReviewer } from '../../src/review/reviewer.js';
import { DEFAULT_OPTIONS } from '../../src/types.js';
import { BASE_TEXT, FILE, HEAD_TEXT, PATCH, READ_LINE } from './nock-pull.js';

const unused = () => Promise.reject(new Error('not used'));

/** A GitHubApi over in-memory data: two commits, the second adding the open-coded read. */
function fakeApi(over: Partial<GitHubApi> & { pullFiles?: ChangedFile[] } = {}): GitHubApi & { reads: string[] } {
  const reads: string[] = [];
  const api: GitHubApi & { reads: string[] } = {
    reads,
    readFile: async (path, ref) => {
      reads.push(`${path}@${ref}`);
      if (path === FILE && ref === 'head') return HEAD_TEXT;
      if (path === FILE && ref === 'base') return BASE_TEXT;
      return null;
    },
    getPull: unused,
    pullsForSha: unused,
    listPullCommits: async () => [
      { sha: 'c1', message: 'drivers/misc/owner_pool: count pages\n\nbody', parents: ['base'] },
      { sha: 'm1', message: "Merge branch 'main'", parents: ['c1', 'x'] },
      { sha: 'c2', message: 'drivers/misc/owner_pool: report charged pages', parents: ['m1'] },
    ],
    listCommitFiles: async (sha) => (sha === 'c2' ? [{ filename: FILE, status: 'modified', patch: PATCH }] : [{ filename: 'Documentation/x.rst', status: 'added' }]),
    listPullFiles: async () => over.pullFiles ?? [{ filename: FILE, status: 'modified', patch: PATCH }, { filename: 'drivers/misc/gone.c', status: 'removed' }],
    listCheckRuns: unused,
    createCheckRun: unused,
    updateCheckRun: unused,
    listReviewComments: unused,
    createReview: unused,
    deleteReviewComment: unused,
    ...over,
  };
  return api;
}

const PR = { owner: 'o', repo: 'r', number: 1, headSha: 'head', baseSha: 'base' };

describe('loadSnapshot and reviewPullRequest', () => {
  it('reads the commits as patches and tags each finding with the commit that added its line', async () => {
    const api = fakeApi();
    const snapshot = await loadSnapshot(api, PR, DEFAULT_CONFIG);
    expect(snapshot.commits.map((c) => [c.index, c.subject])).toEqual([[1, 'drivers/misc/owner_pool: count pages'], [2, "Merge branch 'main'"], [3, 'drivers/misc/owner_pool: report charged pages']]);
    expect(snapshot.files.map((f) => f.path)).toEqual([FILE]);
    expect(api.reads).toEqual([`${FILE}@head`]);
    const result = reviewPullRequest(await createReviewer(DEFAULT_OPTIONS), snapshot, 'v5.11');
    const read = result.findings.find((f) => f.ruleId === 'memcg-field-read')!;
    expect(read).toMatchObject({ file: FILE, line: READ_LINE, patch: { index: 3, subject: 'drivers/misc/owner_pool: report charged pages' } });
    expect(result.patches?.map((p) => p.source)).toEqual(['c1', 'm1', 'c2']);
  });

  it('compares a file GitHub shows no diff for with its base: findings kept, no line to comment on', async () => {
    const api = fakeApi({ pullFiles: [{ filename: FILE, status: 'modified' }] });
    const snapshot = await loadSnapshot(api, PR, DEFAULT_CONFIG);
    expect(api.reads).toEqual([`${FILE}@head`, `${FILE}@base`]);
    expect(snapshot.files[0]!.added.has(READ_LINE)).toBe(true);
    expect(snapshot.files[0]!.added.has(1)).toBe(false);
    expect(snapshot.files[0]!.commentable.size).toBe(0);
    expect(snapshot.notes.map((n) => n.message)).toContain('GitHub shows no diff for this file (too large): its findings are annotations only');
  });

  it('notes a file that cannot be read and goes on with the others', async () => {
    const api = fakeApi({
      pullFiles: [{ filename: 'mm/broken.c', status: 'modified', patch: '@@ -1 +1 @@\n-a\n+b' }, { filename: FILE, status: 'modified', patch: PATCH }],
      readFile: async (path) => {
        if (path === 'mm/broken.c') throw new Error('Server Error');
        return HEAD_TEXT;
      },
    });
    const snapshot = await loadSnapshot(api, PR, DEFAULT_CONFIG);
    expect(snapshot.files.map((f) => f.path)).toEqual([FILE]);
    expect(snapshot.notes).toContainEqual({ file: 'mm/broken.c', message: 'could not be read (Server Error); skipped' });
  });

  it('keeps to the configured paths', async () => {
    expect(inScope('mm/a.c', DEFAULT_CONFIG)).toBe(true);
    expect(inScope('mm/a.rst', DEFAULT_CONFIG)).toBe(false);
    expect(inScope('drivers/staging/x.c', { paths: ['**'], ignore: ['drivers/staging/**'] })).toBe(false);
    expect(inScope('drivers/gpu/x.c', { paths: ['mm/**'], ignore: [] })).toBe(false);
    const snapshot = await loadSnapshot(fakeApi(), PR, { ...DEFAULT_CONFIG, ignore: ['drivers/**'] });
    expect(snapshot.files).toEqual([]);
  });
});
