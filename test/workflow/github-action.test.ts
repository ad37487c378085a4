import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build, ROOT } from '../helpers/spawn-cli.js';
import { CLEAN_COMMIT, DOC_COMMIT, kernelRepo, READ_COMMIT, STORE_COMMIT } from '../helpers/kernel-repo.js';

beforeAll(build, 120_000);

/** The built review step of action.yml, run as GitHub runs it: in the workspace, on a pull_request event. */
function reviewStep(series: Parameters<typeof kernelRepo>[0], mode = 'check') {
  const repo = kernelRepo(series);
  const head = repo.commits[repo.commits.length - 1]!;
  fs.writeFileSync(path.join(repo.dir, '.event.json'), JSON.stringify({ pull_request: { base: { sha: repo.base }, head: { sha: head } } }));
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli/action-main.js')], {
    cwd: repo.dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      GITHUB_WORKSPACE: repo.dir,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: path.join(repo.dir, '.event.json'),
      GITHUB_SHA: head,
      GITHUB_OUTPUT: path.join(repo.dir, '.output'),
      MEMCG_REVIEW_MODE: mode,
    },
  });
  const output = fs.readFileSync(path.join(repo.dir, '.output'), 'utf8');
  const sarifFile = path.join(repo.dir, 'memcg-review.sarif');
  const sarif = fs.existsSync(sarifFile) ? (JSON.parse(fs.readFileSync(sarifFile, 'utf8')) as { version: string; runs: { results: { ruleId: string }[] }[] }) : null;
  fs.rmSync(repo.dir, { recursive: true, force: true });
  return { code: r.status, out: r.stdout, err: r.stderr, output, sarif };
}

describe('the Action\'s review step on a pull request', () => {
  it('annotates the open-coded accesses the pull request adds and fails', () => {
    const r = reviewStep([READ_COMMIT, DOC_COMMIT, STORE_COMMIT]);
    expect(r.out).toMatch(/^::error file=mm\/node_stats\.c,line=16,endLine=16,col=\d+,endColumn=\d+,title=memcg-review memcg-field-read::.*\[PATCH 1: mm\/node_stats: count charged pages per node\]$/m);
    expect(r.out).toMatch(/^::error file=drivers\/misc\/pool\.c,line=18,.*title=memcg-review memcg-field-write::/m);
    expect(r.out).toMatch(/^::notice file=drivers\/misc\/pool\.c,line=17,.*title=memcg-review stale-comment::/m);
    expect(r.output).toMatch(/^result=findings$/m);
    expect(r.code).toBe(1);
  });

  it('passes a clean pull request', () => {
    const r = reviewStep([CLEAN_COMMIT, DOC_COMMIT]);
    expect(r.out).not.toContain('::error');
    expect(r.output).toBe('sarif-file=\nfindings=0\nresult=clean\n');
    expect(r.code).toBe(0);
  });

  it('with mode both, also audits the tree to SARIF for code scanning, the check staying the gate', () => {
    const r = reviewStep([CLEAN_COMMIT, DOC_COMMIT, STORE_COMMIT], 'both');
    expect(r.out).toMatch(/^memcg-review audit \. --target auto --fail-on error --format sarif --output memcg-review\.sarif$/m);
    expect(r.sarif?.version).toBe('2.1.0');
    expect(r.sarif!.runs[0]!.results.map((x) => x.ruleId)).toContain('memcg-field-write');
    expect(r.output).toBe('sarif-file=memcg-review.sarif\nfindings=2\nresult=findings\n');
    expect(r.code).toBe(1);
  });
});
