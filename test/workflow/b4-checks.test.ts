import fs from 'node:fs';
import { build, spawnCli } from '../helpers/spawn-cli.js';
import { DOC_COMMIT, kernelRepo, READ_COMMIT, runGit, STORE_COMMIT, type KernelRepo } from '../helpers/kernel-repo.js';

beforeAll(build, 120_000);

let repo: KernelRepo;
let messages: string[];
beforeAll(() => {
  repo = kernelRepo([READ_COMMIT, DOC_COMMIT, STORE_COMMIT]);
  // One message per patch, as b4 pipes them to a per-patch check command.
  messages = repo.commits.map((c) => runGit(repo.dir, ['format-patch', '-1', '--stdout', c]));
});
afterAll(() => fs.rmSync(repo.dir, { recursive: true, force: true }));

describe('b4 review-perpatch-check-cmd = memcg-review check --format b4', () => {
  it('answers each patch of a series with the JSON list b4 reads: tool, status pass|warn|fail, summary, details', () => {
    const answers = messages.map((m) => {
      const r = spawnCli(['check', '--format', 'b4'], { input: m, cwd: repo.dir });
      expect(r.err).toBe('');
      const list = JSON.parse(r.out) as { tool: string; status: string; summary: string; details?: string }[];
      expect(Array.isArray(list)).toBe(true);
      for (const entry of list) {
        expect(Object.keys(entry).every((k) => ['tool', 'status', 'summary', 'url', 'details'].includes(k))).toBe(true);
        expect(['pass', 'warn', 'fail']).toContain(entry.status);
      }
      return { code: r.code, ...list[0]! };
    });
    expect(answers.map((a) => [a.code, a.tool, a.status])).toEqual([
      [1, 'memcg-review', 'fail'],
      [0, 'memcg-review', 'pass'],
      [1, 'memcg-review', 'fail'],
    ]);
    expect(answers[0]!.summary).toBe('1 error: open-coded memcg accesses');
    expect(answers[0]!.details).toContain('mm/node_stats.c:16: ERROR: ');
    expect(answers[1]!.summary).toBe('no open-coded memcg accesses (0 lines checked)');
    expect(answers[2]!.summary).toBe('1 error, 1 check: open-coded memcg accesses');
  });
});

describe('b4 prep-perpatch-check-cmd = memcg-review check --format checkpatch --terse --no-summary --showfile', () => {
  it('prints one line per report that b4 classifies by ERROR:, and nothing for a clean patch', () => {
    const outputs = messages.map((m) => spawnCli(['check', '--format', 'checkpatch', '--terse', '--no-summary', '--showfile'], { input: m, cwd: repo.dir }).out);
    expect(outputs[0]).toMatch(/^mm\/node_stats\.c:16: ERROR:MEMCG_FIELD_READ: [^\n]+\n$/);
    expect(outputs[1]).toBe('');
    const lines = outputs[2]!.trimEnd().split('\n');
    expect(lines.map((l) => /^drivers\/misc\/pool\.c:(\d+): (ERROR|WARNING|CHECK):([A-Z_]+): /.exec(l)?.slice(1))).toEqual([
      ['17', 'CHECK', 'STALE_COMMENT'],
      ['18', 'ERROR', 'MEMCG_FIELD_WRITE'],
    ]);
  });

  it('without --showfile, names stdin `-` and the line in the patch, as checkpatch.pl does for b4', () => {
    const out = spawnCli(['check', '--format', 'checkpatch', '--terse', '--no-summary'], { input: messages[0]!, cwd: repo.dir }).out;
    const line = messages[0]!.split('\n').indexOf('+\tif (page->mem_cgroup)') + 1;
    expect(out).toMatch(new RegExp(`^-:${line}: ERROR:MEMCG_FIELD_READ: `));
  });
});
