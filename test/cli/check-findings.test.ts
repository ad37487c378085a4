/**
 * End-to-end checks against the real rules (src/rules through createReviewer): the fixtures read
 * page->mem_cgroup, so these need the v5.11 rules to flag and fix them.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { run } from '../../src/cli/run.js';
import { memoryIo } from '../helpers/memory-io.js';
import { build, spawnCli } from '../helpers/spawn-cli.js';
import { FIXTURES, tempDir } from '../helpers/tree.js';

let work: string;
beforeEach(() => {
  work = tempDir('memcg-e2e-');
  fs.cpSync(FIXTURES, work, { recursive: true });
});
afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

async function cli(argv: string[], stdin: string | null = null) {
  const io = memoryIo(work, stdin);
  const code = await run(argv, io);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

const read = (p: string) => fs.readFileSync(path.join(work, p), 'utf8');
const P1 = 'split/0001-mm-page_stats-count-charged-pages.patch';
const P2 = 'split/0002-mm-page_stats-export-the-charged-count.patch';
const applyIn = (dir: string, ...patches: string[]) => {
  for (const p of patches) execFileSync('git', ['apply', path.join(work, p)], { cwd: path.join(work, dir), stdio: 'pipe' });
};

describe('check with the real rules', () => {
  it('flags the reads of page->mem_cgroup the series adds, and exits 1', async () => {
    const r = await cli(['check', 'series.mbox']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^\[PATCH 1\/2\] mm: page_stats: count charged pages\nmm\/page_stats\.c:19: (ERROR|WARNING): /m);
    expect(r.out).toMatch(/^mm\/page_stats\.c:25: (ERROR|WARNING): /m);
    expect(r.out).toContain('+\tstruct mem_cgroup *memcg = page->mem_cgroup;\n');
    expect(r.out).not.toMatch(/^include\/linux\/page_stats\.h:/m);
  });

  it('gives rule ids, spans and fixes in JSON', async () => {
    const json = JSON.parse((await cli(['check', '--tree', 'tree', '--format', 'json', P1, P2])).out);
    expect(json.findings.length).toBeGreaterThanOrEqual(2);
    for (const f of json.findings) {
      expect(f).toMatchObject({ file: 'mm/page_stats.c', patch: { index: 1 } });
      expect(typeof f.ruleId).toBe('string');
      expect(f.fix.edits[0]).toEqual(expect.objectContaining({ line: f.line }));
    }
  });

  it('reviews whole C files', async () => {
    const r = await cli(['check', '--tree', 'tree', 'mm/legacy_walk.c']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^mm\/legacy_walk\.c:12: /m);
    expect(r.out).toMatch(/^mm\/legacy_walk\.c:17: /m);
  });

  it('--fix rewrites the patches so that the series still applies and nothing at warning level remains', async () => {
    const r = await cli(['check', '--tree', 'tree', '--fix', P1, P2]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`wrote: ${P1}\n`);
    expect(read(P1)).not.toContain('page->mem_cgroup');
    applyIn('tree', P1, P2);
    expect(read('tree/mm/page_stats.c')).not.toContain('->mem_cgroup');
  });

  it('--fix carries a fixed line into a later patch that shows it as context: git am takes the series', async () => {
    const r = await cli(['check', '--tree', 'tree', '--fix', 'context-series.mbox']);
    expect(r.code).toBe(0);
    const tree = path.join(work, 'tree');
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd: tree, stdio: 'pipe' });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'base');
    git('am', '-q', path.join(work, 'context-series.mbox'));
    expect(read('tree/mm/page_stats.c')).not.toContain('->mem_cgroup');
  });

  it('--fix rewrites a C file in the tree with its proven fixes only; an assumed one stays in the report', async () => {
    const r = await cli(['check', '--tree', 'tree', '--fix', 'mm/legacy_walk.c']);
    expect(r.code).toBe(1);
    const text = read('tree/mm/legacy_walk.c');
    expect(text).toContain('page_memcg_check(page)');
    expect(text).toContain('return page->mem_cgroup != NULL;');
    expect(r.out).toContain('fix (assumed): return page_memcg(page) != NULL;');
    expect(r.out).toContain('as `walk_page_charged()` suggests');
    expect(r.out).toContain('not fixed: 1 assumed fix, each proven only under what a name suggests (read them, then --fix=assumed)');
  });

  it('--diff says on stderr how many assumed fixes it left out', async () => {
    const r = await cli(['check', '--tree', 'tree', '--diff', 'mm/legacy_walk.c']);
    expect(r.err).toBe('memcg-review: note: 1 assumed fix not in the diff (--diff=assumed adds them)\n');
    expect(r.out).toContain('+\tstruct mem_cgroup *memcg = page_memcg_check(page);');
  });

  it('--fix=assumed rewrites a C file in the tree with its assumed fixes too', async () => {
    const r = await cli(['check', '--tree', 'tree', '--fix=assumed', 'mm/legacy_walk.c']);
    expect(r.code).toBe(0);
    expect(read('tree/mm/legacy_walk.c')).not.toContain('->mem_cgroup');
  });

  it('--diff=assumed prints fixes that git apply and patch -p1 accept on top of the series', async () => {
    const r = await cli(['check', '--tree', 'tree', '--diff=assumed', 'series.mbox', 'mm/legacy_walk.c']);
    expect(r.err).toBe('');
    fs.writeFileSync(path.join(work, 'fixes.diff'), r.out);
    applyIn('tree', P1, P2);
    execFileSync('patch', ['-p1', '--dry-run', '--batch', '-i', path.join(work, 'fixes.diff')], { cwd: path.join(work, 'tree'), stdio: 'pipe' });
    applyIn('tree', 'fixes.diff');
    expect(read('tree/mm/page_stats.c')).not.toContain('->mem_cgroup');
    expect(read('tree/mm/legacy_walk.c')).not.toContain('->mem_cgroup');
  });

  it('exits 1 as a process on a series piped to stdin', () => {
    build();
    const r = spawnCli(['check', '--format', 'json'], { input: read('series.mbox') });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).findings.length).toBeGreaterThanOrEqual(2);
  }, 120_000);
});
