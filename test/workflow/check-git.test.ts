import fs from 'node:fs';
import path from 'node:path';
import { run, type Deps } from '../../src/cli/run.js';
import { createReviewer } from '../../src/review/reviewer.js';
import { fakeReviewer } from '../helpers/fake-reviewer.js';
import { CLEAN_COMMIT, commit, DOC_COMMIT, kernelRepo, READ_COMMIT, runGit, STORE_COMMIT, type KernelRepo } from '../helpers/kernel-repo.js';
import { memoryIo } from '../helpers/memory-io.js';

const fake: Deps = { createReviewer: async () => fakeReviewer() };
const real: Deps = { createReviewer };

let repo: KernelRepo;
beforeEach(() => {
  repo = kernelRepo([READ_COMMIT, DOC_COMMIT, STORE_COMMIT]);
});
afterEach(() => fs.rmSync(repo.dir, { recursive: true, force: true }));

async function cli(argv: string[], deps: Deps = fake, cwd = repo.dir) {
  const io = memoryIo(cwd);
  const code = await run(argv, io, deps);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

describe('check --git RANGE', () => {
  it('reviews each commit of a range as a patch of one series, in order, with full files from the repository', async () => {
    const r = await cli(['check', '--git', `${repo.base}..HEAD`, '--format', 'json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    const where = report.findings.map((f: { patch: { index: number; subject: string }; file: string; line: number }) => [f.patch.index, f.patch.subject, f.file, f.line]);
    // The fake reviewer flags every X->mem_cgroup of the lines a patch adds, at its line in the full post-image.
    expect(where).toEqual([
      [1, READ_COMMIT.subject, 'mm/node_stats.c', 16],
      [3, STORE_COMMIT.subject, 'drivers/misc/pool.c', 17],
      [3, STORE_COMMIT.subject, 'drivers/misc/pool.c', 18],
    ]);
    expect(report.notes).toEqual([{ file: 'Documentation/mm/node_stats.rst', patch: { index: 2, subject: DOC_COMMIT.subject }, message: 'skipped: not a C file' }]);
  });

  it('reads the base from the first commit\'s parent, not from the working tree', async () => {
    fs.writeFileSync(path.join(repo.dir, 'mm/node_stats.c'), '/* an uncommitted rewrite */\n');
    const seen: string[] = [];
    const deps: Deps = {
      createReviewer: async () => {
        const inner = fakeReviewer();
        return { review: (file) => (seen.push(file.text), inner.review(file)) };
      },
    };
    const r = await cli(['check', '--git', `${repo.commits[0]}`], deps);
    expect(r.code).toBe(1);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBe(READ_COMMIT.files['mm/node_stats.c']);
  });

  it('names commits as checkpatch does: one REV, REV-N, A...B', async () => {
    const subjects = async (range: string) => {
      const r = await cli(['check', '--git', range, '--format', 'checkpatch']);
      expect(r.err).toBe('');
      return [...r.out.matchAll(/^Commit ([0-9a-f]{12}) \("(.*)"\)$/gm)].map((m) => [m[1], m[2]]);
    };
    const short = (k: number) => repo.commits[k]!.slice(0, 12);
    const r = await cli(['check', '--git', 'HEAD~2', '--format', 'checkpatch']);
    expect(r.out).toMatch(/^total: 0 errors, 1 warnings, 0 checks, 3 lines checked$/m);
    expect(r.out).not.toMatch(/^-+$/m); // one commit: no header, as checkpatch prints none for one file
    expect(await subjects('HEAD-2')).toEqual([[short(1), DOC_COMMIT.subject], [short(2), STORE_COMMIT.subject]]);
    expect(await subjects(`${repo.base}...HEAD`)).toEqual([
      [short(0), READ_COMMIT.subject], [short(1), DOC_COMMIT.subject], [short(2), STORE_COMMIT.subject],
    ]);
  });

  it('leaves merge commits out', async () => {
    runGit(repo.dir, ['checkout', '-q', '-b', 'side', repo.base]);
    commit(repo.dir, CLEAN_COMMIT);
    runGit(repo.dir, ['checkout', '-q', 'master']);
    runGit(repo.dir, ['merge', '-q', '--no-ff', '-m', 'Merge branch side', '-X', 'theirs', 'side']);
    const r = await cli(['check', '--git', `${repo.base}..HEAD`, '--format', 'checkpatch']);
    const named = [...r.out.matchAll(/^Commit [0-9a-f]{12} \("(.*)"\)$/gm)].map((m) => m[1]);
    expect(named).toHaveLength(4);
    expect(named).toEqual(expect.arrayContaining([READ_COMMIT.subject, DOC_COMMIT.subject, STORE_COMMIT.subject, CLEAN_COMMIT.subject]));
  });

  it('prints the fixes of the range as a diff that applies to its tip', async () => {
    const r = await cli(['check', '--git', `${repo.base}..HEAD`, '--diff']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('+\tif (page_memcg(page))');
    fs.writeFileSync(path.join(repo.dir, 'fix.diff'), r.out);
    runGit(repo.dir, ['apply', '--check', 'fix.diff']);
  });

  it('refuses what it cannot do with one line and exit 2', async () => {
    const usage = async (argv: string[], cwd?: string) => {
      const r = await cli(argv, fake, cwd);
      expect(r.out).toBe('');
      expect(r.code).toBe(2);
      return r.err;
    };
    expect(await usage(['check', '--git', 'nope..HEAD'])).toMatch(/^memcg-review: --git: 'nope\.\.HEAD' is not a range git knows \(.+\)\n$/);
    expect(await usage(['check', '--git', 'no-such-branch'])).toBe("memcg-review: --git: unknown revision 'no-such-branch'\n");
    expect(await usage(['check', '--git', 'HEAD..HEAD'])).toBe("memcg-review: --git: no commits in 'HEAD..HEAD' (merges are left out)\n");
    expect(await usage(['check', '--git', '--all'])).toBe("memcg-review: --git needs a revision or range, not '--all'\n");
    expect(await usage(['check', '--git', 'HEAD', 'x.patch'])).toBe('memcg-review: --git reviews commits: give no FILE with it\n');
    expect(await usage(['check', '--git', 'HEAD', '--fix'])).toBe('memcg-review: --fix cannot rewrite commits: use --diff with --git\n');
    expect(await usage(['check', '--git', 'HEAD', '--tree', '.'])).toBe('memcg-review: --git reads files from the repository: --tree cannot be combined with it\n');
    const outside = fs.mkdtempSync(path.join(path.dirname(repo.dir), 'memcg-norepo-'));
    try {
      expect(await usage(['check', '--git', 'HEAD'], outside)).toBe('memcg-review: --git: not inside a git repository\n');
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('with the real rules: the series\' errors in checkpatch\'s layout, each at its line in the commit', async () => {
    const r = await cli(['check', '--git', `${repo.base}..HEAD`, '--format', 'checkpatch'], real);
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    const patch1 = runGit(repo.dir, ['format-patch', '-1', '--stdout', repo.commits[0]!]).split('\n');
    const lineOf = (text: string) => patch1.indexOf(text) + 1;
    expect(r.out).toContain(`ERROR:MEMCG_FIELD_READ: `);
    expect(r.out).toContain(`#${lineOf('+\tif (page->mem_cgroup)')}: FILE: mm/node_stats.c:16:\n+\tif (page->mem_cgroup)\n`);
    expect(r.out).toMatch(/ERROR:MEMCG_FIELD_WRITE: .*\n#\d+: FILE: drivers\/misc\/pool\.c:18:\n\+\tpage->mem_cgroup = owner;\n/);
    expect(r.out).toMatch(/CHECK:STALE_COMMENT: .*\n#\d+: FILE: drivers\/misc\/pool\.c:17:/);
    expect(r.out).toContain(`Commit ${repo.commits[1]!.slice(0, 12)} ("${DOC_COMMIT.subject}") has no open-coded memcg accesses and is ready for submission.`);
  });
});
