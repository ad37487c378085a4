import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { run, type Deps } from '../../src/cli/run.js';
import { UnsupportedTargetError } from '../../src/review/reviewer.js';
import { fakeReviewer } from '../helpers/fake-reviewer.js';
import { memoryIo } from '../helpers/memory-io.js';
import { FIXTURES, tempDir } from '../helpers/tree.js';

/** The rules are stood in for by the fake reviewer, so these tests do not depend on them. */
const fake: Deps = { createReviewer: async () => fakeReviewer() };

let work: string;
beforeEach(() => {
  work = tempDir('memcg-cli-');
  fs.cpSync(FIXTURES, work, { recursive: true });
});
afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

async function cli(argv: string[], stdin: string | null = null, deps: Deps = fake) {
  const io = memoryIo(work, stdin);
  const code = await run(argv, io, deps);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

const read = (p: string) => fs.readFileSync(path.join(work, p), 'utf8');
const P1 = 'split/0001-mm-page_stats-count-charged-pages.patch';
const P2 = 'split/0002-mm-page_stats-export-the-charged-count.patch';

describe('run: help, version, usage and input errors', () => {
  it('prints help with the exit codes, and the version', async () => {
    const help = await cli(['check', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('Usage: memcg-review check');
    expect(help.out).toMatch(/Exit codes:\n  0 .*\n  1 .*\n  2 .*\n  3 /);
    expect(await cli(['--version'])).toEqual({ code: 0, out: 'memcg-review 9.9.9\n', err: '' });
  });

  it.each([
    [['check', '--nope', 'x.patch'], "memcg-review: unknown option '--nope' (try --help)\n"],
    [['check', 'missing.patch'], "memcg-review: cannot read 'missing.patch': no such file\n"],
    [['check', 'split'], "memcg-review: 'split' is a directory\n"],
    [['check', 'tree/Documentation/mm/page_stats.rst'], "memcg-review: 'tree/Documentation/mm/page_stats.rst' is neither a patch nor a C file\n"],
    [['check', '--target', 'v4', 'series.mbox'], "memcg-review: bad value 'v4' for --target (one of: legacy, rfc-v1, v5.11, v5.15, v6.1, v6.18, auto)\n"],
    [['check', '--tree', 'nowhere', 'series.mbox'], "memcg-review: cannot read tree 'nowhere': no such directory\n"],
    [['check', '--tree', 'series.mbox', 'series.mbox'], "memcg-review: tree 'series.mbox' is not a directory\n"],
    [['check'], 'memcg-review: no input: give patch or C files, or - for stdin (see --help)\n'],
  ])('exits 2 with one line for %j', async (argv, err) => {
    expect(await cli(argv)).toEqual({ code: 2, out: '', err });
  });

  it('exits 2 on stdin that is empty or not a patch', async () => {
    expect((await cli(['check'], '')).err).toBe('memcg-review: no input on stdin\n');
    expect(await cli(['check', '-'], 'int x;\n')).toEqual({ code: 2, out: '', err: 'memcg-review: stdin does not look like a patch (give C files by name)\n' });
  });

  it('exits 2 on an unreadable file (EACCES injected: root, as CI runs, reads everything)', async () => {
    const io = memoryIo(work);
    const real = io.fs;
    const denied: string[] = [];
    io.fs = {
      ...real,
      readFile: (p: string) => {
        if (path.basename(p) !== 'series.mbox') return real.readFile(p);
        denied.push(p);
        throw Object.assign(new Error(`EACCES: permission denied, open '${p}'`), { code: 'EACCES' });
      },
    };
    const code = await run(['check', 'series.mbox'], io, fake);
    expect({ code, out: io.out.join(''), err: io.err.join('') }).toEqual({ code: 2, out: '', err: "memcg-review: cannot read 'series.mbox': permission denied\n" });
    expect(denied).toEqual([path.join(fs.realpathSync(work), 'series.mbox')]);
  });

  it('exits 2 for a target the rules do not support yet', async () => {
    const deps: Deps = { createReviewer: async (o) => Promise.reject(new UnsupportedTargetError(o.target)) };
    expect(await cli(['check', '--target', 'v6.18', 'series.mbox'], null, deps)).toEqual({
      code: 2,
      out: '',
      err: `memcg-review: ${new UnsupportedTargetError('v6.18').message}\n`,
    });
  });

  it('exits 3 with one line on an internal error', async () => {
    const deps: Deps = { createReviewer: async () => Promise.reject(new TypeError('boom\n    at somewhere (x.js:1:1)')) };
    expect(await cli(['check', 'series.mbox'], null, deps)).toEqual({ code: 3, out: '', err: 'memcg-review: internal error: boom\n' });
  });

  it('exits 3 and still reports when the reviewer fails on a file', async () => {
    fs.appendFileSync(path.join(work, 'tree/mm/legacy_walk.c'), '#error fake-reviewer-crash\n');
    const r = await cli(['check', 'tree/mm/legacy_walk.c', 'series.mbox']);
    expect(r.code).toBe(3);
    expect(r.out).toContain('error: tree/mm/legacy_walk.c: review failed: fake crash');
    expect(r.out).toContain('mm/page_stats.c:19: WARNING');
  });
});

describe('run: reports', () => {
  it('reviews a series and C files, exit 1 on warnings', async () => {
    const r = await cli(['check', 'series.mbox', 'tree/mm/legacy_walk.c']);
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
    expect(r.out).toContain('tree/mm/legacy_walk.c:12: WARNING: open-coded read of page->mem_cgroup\n \treturn page->mem_cgroup != NULL;\n');
    expect(r.out).toContain('\n[PATCH 1/2] mm: page_stats: count charged pages\nmm/page_stats.c:19: WARNING: open-coded read of page->mem_cgroup\n+\tif (page->mem_cgroup)\n');
    expect(r.out).toContain('NOTE: Documentation/mm/page_stats.rst: skipped: not a C file\n');
    expect(r.out).toMatch(/total: 0 errors, 4 warnings, 0 checks, \d+ lines checked\n/);
  });

  it('honours --fail-on', async () => {
    expect((await cli(['check', '--fail-on', 'error', 'series.mbox'])).code).toBe(0);
    expect((await cli(['check', '--fail-on', 'info', 'clean.diff'])).code).toBe(0);
  });

  it('writes JSON with the given version', async () => {
    const r = await cli(['check', '--format', 'json', P1, P2]);
    const json = JSON.parse(r.out);
    expect(json.version).toBe('9.9.9');
    expect(json.findings.map((f: { file: string; line: number; patch: unknown }) => [f.file, f.line, f.patch])).toEqual([
      ['mm/page_stats.c', 19, { index: 1, subject: 'mm: page_stats: count charged pages' }],
      ['mm/page_stats.c', 25, { index: 1, subject: 'mm: page_stats: count charged pages' }],
    ]);
  });

  it('reads a patch from stdin, with - or when stdin is not a terminal', async () => {
    const text = read('series.mbox');
    expect((await cli(['check', '-'], text)).code).toBe(1);
    const r = await cli(['check'], text);
    expect(r.code).toBe(1);
    expect(r.out).toContain('[PATCH 2/2]');
  });

  it('accepts a patch by its content whatever its name, and CRLF line ends', async () => {
    fs.writeFileSync(path.join(work, 'mail.txt'), read(P1).replaceAll('\n', '\r\n'));
    const r = await cli(['check', 'mail.txt']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('mm/page_stats.c:25: WARNING');
  });
});

describe('run: --tree', () => {
  it('reports C files by their path in the tree, given from the tree or from here', async () => {
    const fromTree = await cli(['check', '--tree', 'tree', 'mm/legacy_walk.c']);
    expect(fromTree.out).toContain('\nmm/legacy_walk.c:17: WARNING'.slice(1));
    const fromHere = await cli(['check', '--tree', 'tree', 'tree/mm/legacy_walk.c']);
    expect(fromHere.out).toBe(fromTree.out);
    const absolute = await cli(['check', '--tree', path.join(work, 'tree'), path.join(work, 'tree/mm/legacy_walk.c')]);
    expect(absolute.out).toBe(fromTree.out);
  });

  it('a C file named outside the tree is an out-of-tree module: reviewed under the name given, fixed in place', async () => {
    fs.writeFileSync(path.join(work, 'outside.c'), 'void f(struct page *page) { use(page->mem_cgroup); }\n');
    const r = await cli(['check', '--tree', 'tree', path.join(work, 'outside.c')]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${path.join(work, 'outside.c')}:1: WARNING: open-coded read of page->mem_cgroup`);
    expect((await cli(['check', '--tree', 'tree', 'outside.c'])).out).toContain('outside.c:1: WARNING');
    expect((await cli(['check', '--tree', 'tree', '--fix', 'outside.c'])).code).toBe(0);
    expect(read('outside.c')).toBe('void f(struct page *page) { use(page_memcg(page)); }\n');
    expect((await cli(['check', '--tree', 'tree', '../outside.c'])).code).toBe(2); // not there
  });

  it('builds full post-images from the tree: line numbers and context are the real ones', async () => {
    const r = await cli(['check', '--tree', 'tree', '--format', 'json', 'series.mbox']);
    expect(JSON.parse(r.out).notes).toEqual([
      { file: 'Documentation/mm/page_stats.rst', patch: { index: 1, subject: 'mm: page_stats: count charged pages' }, message: 'skipped: not a C file' },
    ]);
  });

  it('never reads outside the tree: .. paths and symlinks out become notes', async () => {
    fs.writeFileSync(path.join(work, 'secret.c'), 'int a;\nint b;\n/* TOP SECRET */\n');
    fs.symlinkSync(path.join(work, 'secret.c'), path.join(work, 'tree/mm/link.c'));
    const patch = (file: string) => `diff --git a/${file} b/${file}\n--- a/${file}\n+++ b/${file}\n@@ -1,2 +1,3 @@\n int a;\n+int c = page->mem_cgroup;\n int b;\n`;
    fs.writeFileSync(path.join(work, 'evil.patch'), patch('../secret.c') + patch('mm/link.c') + patch('/etc/hostname.c'));
    const reviewer = fakeReviewer();
    const io = memoryIo(work);
    const code = await run(['check', '--tree', 'tree', '--format', 'json', 'evil.patch'], io, { createReviewer: async () => reviewer });
    expect(code).toBe(1);
    const notes = JSON.parse(io.out.join('')).notes.map((n: { file?: string; message: string }) => `${n.file}: ${n.message}`);
    expect(notes).toEqual(expect.arrayContaining([
      '../secret.c: skipped: the path is absolute or leaves the tree',
      '/etc/hostname.c: skipped: the path is absolute or leaves the tree',
      'mm/link.c: not read from the tree: a symlink leads outside the tree',
    ]));
    expect(reviewer.seen.length).toBeGreaterThan(0);
    for (const file of reviewer.seen) expect(file.text).not.toContain('TOP SECRET');
  });
});

describe('run: --fix', () => {
  it('rewrites patch files in place, keeps their mode, and reports what remains', async () => {
    fs.chmodSync(path.join(work, P1), 0o600);
    const before2 = read(P2);
    const r = await cli(['check', '--tree', 'tree', '--fix', P1, P2]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`wrote: ${P1}\nfixed 2 findings in 1 file.\n`);
    expect(r.out).toContain('total: 0 errors, 0 warnings, 0 checks');
    expect(read(P1)).toBe(fs.readFileSync(path.join(FIXTURES, P1), 'utf8').replaceAll('page->mem_cgroup', 'page_memcg(page)'));
    expect(read(P2)).toBe(before2);
    expect(fs.statSync(path.join(work, P1)).mode & 0o777).toBe(0o600);
    for (const p of [P1, P2]) execFileSync('git', ['apply', path.join(work, p)], { cwd: path.join(work, 'tree') });
    expect(read('tree/mm/page_stats.c')).toContain('\tif (page_memcg(page))\n');
  });

  it('rewrites an mbox in place', async () => {
    const r = await cli(['check', '--fix', 'series.mbox']);
    expect(r.code).toBe(0);
    expect(read('series.mbox')).toBe(fs.readFileSync(path.join(FIXTURES, 'series.mbox'), 'utf8').replaceAll('page->mem_cgroup', 'page_memcg(page)'));
  });

  it('prints a fixed patch from stdin on stdout and the report on stderr', async () => {
    const r = await cli(['check', '--fix', '-'], read(P1));
    expect(r.out).toBe(read(P1).replaceAll('page->mem_cgroup', 'page_memcg(page)'));
    expect(r.err).toContain('fixed 2 findings in 0 files.\n');
    expect(r.err).toContain('total: 0 errors, 0 warnings');
  });

  it('fixes C files inside the tree, and the summary goes to stderr with --format json', async () => {
    const r = await cli(['check', '--tree', 'tree', '--fix', '--format', 'json', 'mm/legacy_walk.c']);
    expect(r.code).toBe(0);
    expect(read('tree/mm/legacy_walk.c')).not.toContain('->mem_cgroup');
    expect(r.err).toContain('wrote: mm/legacy_walk.c\n');
    expect(JSON.parse(r.out).findings).toEqual([]);
  });

  it('writes through a symlinked C file to its target inside the tree', async () => {
    fs.symlinkSync('legacy_walk.c', path.join(work, 'tree/mm/alias.c'));
    await cli(['check', '--tree', 'tree', '--fix', 'mm/alias.c']);
    expect(fs.lstatSync(path.join(work, 'tree/mm/alias.c')).isSymbolicLink()).toBe(true);
    expect(read('tree/mm/legacy_walk.c')).not.toContain('->mem_cgroup');
  });

  it('writes nothing when nothing is to fix', async () => {
    const r = await cli(['check', '--fix', 'clean.diff']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('fixed 0 findings in 0 files.\n');
    expect(read('clean.diff')).toBe(fs.readFileSync(path.join(FIXTURES, 'clean.diff'), 'utf8'));
  });
});

describe('run: --diff', () => {
  it('prints only a unified diff that applies to the tree after the series', async () => {
    const r = await cli(['check', '--tree', 'tree', '--diff', 'series.mbox', 'mm/legacy_walk.c']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out.match(/^diff --git .*$/gm)).toEqual(['diff --git a/mm/page_stats.c b/mm/page_stats.c', 'diff --git a/mm/legacy_walk.c b/mm/legacy_walk.c']);
    fs.writeFileSync(path.join(work, 'fixes.diff'), r.out);
    const tree = path.join(work, 'tree');
    for (const p of [P1, P2]) execFileSync('git', ['apply', path.join(work, p)], { cwd: tree });
    execFileSync('git', ['apply', '--check', path.join(work, 'fixes.diff')], { cwd: tree });
    execFileSync('patch', ['-p1', '--dry-run', '--batch', '-i', path.join(work, 'fixes.diff')], { cwd: tree });
    expect(read(P1)).toBe(fs.readFileSync(path.join(FIXTURES, P1), 'utf8'));
  });

  it('without a tree: says so in the diff\'s header, and the diff still applies to the file the series leaves', async () => {
    const r = await cli(['check', '--diff', 'series.mbox']);
    expect(r.out).toMatch(/^memcg-review: diff made without a tree \(--tree\): hunks stand only on lines the patch shows\ndiff --git a\/mm\/page_stats.c/);
    expect(r.err).toBe('');
    fs.writeFileSync(path.join(work, 'fixes.diff'), r.out);
    const tree = path.join(work, 'tree');
    for (const p of [P1, P2]) execFileSync('git', ['apply', path.join(work, p)], { cwd: tree });
    execFileSync('patch', ['-p1', '-F0', '--batch', '-i', path.join(work, 'fixes.diff')], { cwd: tree });
    execFileSync('git', ['apply', '--check', '-R', path.join(work, 'fixes.diff')], { cwd: tree });
  });
});

describe('run: --diff without a tree, a fix that needs a line the patch does not add', () => {
  it('is left out of the diff and counted in a note at its head', async () => {
    // A reviewer whose fix for `wide->mem_cgroup` also rewrites the line above it (a context line).
    const base = fakeReviewer();
    const wide: Deps = {
      createReviewer: async () => ({
        review: (file) =>
          base.review(file).map((f) => {
            if (!file.text.slice(f.start).startsWith('wide->')) return f;
            const above = file.text.lastIndexOf('\n', file.text.lastIndexOf('\n', f.start - 1) - 1) + 1;
            return { ...f, fix: { ...f.fix!, edits: [{ start: above, end: above, text: '/* x */' }, ...f.fix!.edits] } };
          }),
      }),
    };
    const patch = [
      'diff --git a/mm/w.c b/mm/w.c',
      '--- a/mm/w.c',
      '+++ b/mm/w.c',
      '@@ -10,4 +10,6 @@ void f(struct page *page)',
      ' \ta = 1;',
      '+\tx = wide->mem_cgroup;',
      ' \tb = 2;',
      '+\ty = page->mem_cgroup;',
      ' \tc = 3;',
      ' \td = 4;',
      '',
    ].join('\n');
    fs.writeFileSync(path.join(work, 'w.patch'), patch);
    const r = await cli(['check', '--diff', 'w.patch'], null, wide);
    expect(r.out.split('\n').slice(0, 2)).toEqual([
      'memcg-review: diff made without a tree (--tree): hunks stand only on lines the patch shows',
      'memcg-review: note: 1 fix is not in this diff: it could not be placed on lines the input shows (the report without --diff shows it)',
    ]);
    expect(r.out).toContain('+\ty = page_memcg(page);');
    expect(r.out).not.toContain('/* x */');
    expect(r.out).not.toContain('+\tx = page_memcg(wide);');
  });
});

describe('check --target auto', () => {
  it('reads the generation from the tree, and says why when it cannot', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { run } = await import('../../src/cli/run.js');
    const { nodeIo } = await import('../../src/cli/shared/node-io.js');
    const dir = mkdtempSync(join(tmpdir(), 'memcg-auto-'));
    mkdirSync(join(dir, 'include/linux'), { recursive: true });
    mkdirSync(join(dir, 'mm'), { recursive: true });
    writeFileSync(join(dir, 'mm/lru.c'), 'void lru_note(struct page *page)\n{\n\tuse(page_memcg(page));\n}\n');
    const out: string[] = [];
    const err: string[] = [];
    const io = { ...nodeIo('0.0.0'), cwd: dir, stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t) };
    expect(await run(['check', '--target', 'auto', '--tree', dir, 'mm/lru.c'], io)).toBe(2);
    expect(err.join('')).toBe(`memcg-review: cannot tell the API generation of tree '${dir}': no include/linux/memcontrol.h or include/linux/mm_types.h in the tree\n`);
    // A v6.18 tree: page_memcg() is gone there.
    writeFileSync(join(dir, 'include/linux/memcontrol.h'), 'enum { MEMCG_DATA_OBJEXTS = 1 };\nstruct mem_cgroup *folio_memcg(struct folio *folio);\n');
    out.length = 0;
    expect(await run(['check', '--target', 'auto', '--tree', dir, '--format', 'json', 'mm/lru.c'], io)).toBe(1);
    const json = JSON.parse(out.join(''));
    expect(json.target).toBe('v6.18');
    expect(json.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['helper-availability']);
    expect(json.findings[0].fix.edits[0].text).toBe('folio_memcg(page_folio(page))');
  });
});
