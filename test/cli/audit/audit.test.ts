import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { audit } from '../../../src/cli/audit/audit.js';
import { run, type Deps } from '../../../src/cli/run.js';
import { createReviewer, UnsupportedTargetError } from '../../../src/review/reviewer.js';
import { fakeReviewer } from '../../helpers/fake-reviewer.js';
import { memoryIo } from '../../helpers/memory-io.js';
import { tempDir } from '../../helpers/tree.js';
import { copyAuditTree, snapshot } from './audit-fixture.js';

/** The audit on this thread (--jobs 1) with the real reviewer, no terminal. */
const real: Deps = { createReviewer };

let tree: string;
beforeEach(() => {
  tree = copyAuditTree();
});
afterEach(() => fs.rmSync(tree, { recursive: true, force: true }));

async function cli(argv: string[], deps: Deps = real) {
  const io = memoryIo(path.dirname(tree));
  const code = await audit(['--jobs', '1', ...argv], io, deps, { cores: 1 });
  return { code, out: io.out.join(''), err: io.err.join('') };
}
const dir = () => path.basename(tree);

describe('audit: reports', () => {
  test('is registered as a subcommand of the CLI', async () => {
    const io = memoryIo(path.dirname(tree));
    expect(await run(['audit', '--help'], io)).toBe(0);
    expect(io.out.join('')).toContain('Usage: memcg-review audit DIR');
  });

  test('text: the counts, tables per folder and per rule, every finding; nothing from percpu, hidden folders or non-C files', async () => {
    const r = await cli([dir()]);
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
    expect(r.out).toContain(`tree: ${dir()}\ntarget: v5.11\nfiles: 7 C files`);
    expect(r.out).toMatch(/5 through the prefilter, 5 parsed, 4 with findings/);
    expect(r.out).toMatch(/^directory +errors +warnings +checks +proven +assumed +cond\.$/m);
    // In mm/ 4 fixes are proven by the code; 3 rest on what a function's name suggests (commit_charge, ...).
    expect(r.out).toMatch(/^mm +8 +0 +0 +4 +3 +1$/m);
    expect(r.out).toMatch(/^memcg-field-read +5 /m);
    expect(r.out).toContain('mm/page_owner_memcg.c:15: ERROR:');
    expect(r.out).toContain('  fix (proven): memcg = page_memcg_check(page);');
    expect(r.out).not.toMatch(/percpu|\.pc\/|README|pool\.rst|cgroup_notes/);
    expect(r.out).toMatch(/total: 11 errors, 0 warnings, 0 checks, \d+ lines checked\nverdict: open-coded memcg accesses found, please review.\n$/);
  });

  test('json: the finding shape of check, paths relative to the tree', async () => {
    const r = await cli([dir(), '--format', 'json']);
    const report = JSON.parse(r.out);
    expect(Object.keys(report)).toEqual(['version', 'target', 'tree', 'stats', 'findings', 'notes', 'errors']);
    expect(report.stats).toEqual({ files: 7, bytes: expect.any(Number), candidates: 5, parsed: 5, withFindings: 4, symlinks: 0 });
    const checkIo = memoryIo(tree);
    await run(['check', '--format', 'json', '--tree', '.', 'mm/page_owner_memcg.c'], checkIo);
    const checked = JSON.parse(checkIo.out.join('')).findings;
    expect(report.findings.filter((f: { file: string }) => f.file === 'mm/page_owner_memcg.c')).toEqual(checked);
    expect(checked.length).toBeGreaterThan(0);
  });

  test('exit 0 when nothing is at or above --fail-on; --include narrows', async () => {
    expect((await cli([dir(), '--include', 'lib/**'])).code).toBe(0);
    expect((await cli([dir(), '--exclude', 'mm', '--exclude', 'drivers/**', '--exclude', 'include'])).out).toContain('verdict: no open-coded memcg accesses found.');
  });

  test('--output writes the report atomically and leaves stdout empty', async () => {
    const out = path.join(tempDir('memcg-out-'), 'report.md');
    const r = await cli([dir(), '--format', 'markdown', '--output', out]);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^memcg-review: 7 files scanned, 5 parsed, 11 findings found; report in .*report\.md\n$/);
    expect(fs.readFileSync(out, 'utf8')).toMatch(/^# memcg-review audit of /);
    expect(fs.readdirSync(path.dirname(out))).toEqual(['report.md']);
  });

  test('a symlink in the tree is counted in a note, and what it points to outside is not audited', async () => {
    const outside = tempDir('memcg-outside-');
    fs.writeFileSync(path.join(outside, 'evil.c'), 'int f(struct page *page) { return page->mem_cgroup != 0; }\n');
    fs.symlinkSync(outside, path.join(tree, 'drivers/outside'));
    const report = JSON.parse((await cli([dir(), '--format', 'json'])).out);
    expect(report.findings.some((f: { file: string }) => f.file.includes('evil'))).toBe(false);
    expect(report.notes).toContainEqual({ message: expect.stringMatching(/^1 symbolic link not followed/) });
  });
});

describe('audit: --fix and --diff', () => {
  test('--fix applies the proven fixes only; assumed and conditional ones stay in the report', async () => {
    const r = await cli([dir(), '--fix']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^memcg-review: 7 files scanned, 5 parsed, 6 proven fixes applied in 3 files, 5 findings remain\n$/);
    const again = JSON.parse((await cli([dir(), '--format', 'json'])).out);
    expect(again.findings.filter((f: { fix?: { verdict: string } }) => f.fix?.verdict === 'proven')).toEqual([]);
    expect(again.findings.filter((f: { fix?: { verdict: string } }) => f.fix?.verdict === 'assumed').length).toBeGreaterThan(0);
  });

  test('--fix=assumed applies the assumed fixes too in place; auditing again finds nothing fixable', async () => {
    const before = snapshot(tree);
    const r = await cli([dir(), '--fix=assumed']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^memcg-review: 7 files scanned, 5 parsed, 10 proven or assumed fixes applied in 4 files, 1 findings remain\n$/);
    const after = snapshot(tree);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    const changed = Object.keys(after).filter((k) => after[k] !== before[k]).sort();
    expect(changed).toEqual(['drivers/misc/gpu_pool.c', 'include/linux/pool_helpers.h', 'mm/memcontrol.c', 'mm/page_owner_memcg.c']);
    expect(after['mm/memcontrol.c']).toContain('page->memcg_data = (unsigned long)memcg;');
    expect(after['mm/percpu.c']).toBe(before['mm/percpu.c']);
    const again = JSON.parse((await cli([dir(), '--format', 'json'])).out);
    expect(again.findings.filter((f: { fix?: { verdict: string } }) => f.fix?.verdict === 'proven' || f.fix?.verdict === 'assumed')).toEqual([]);
    expect(again.findings.map((f: { file: string; ruleId: string }) => `${f.file} ${f.ruleId}`)).toEqual(['drivers/misc/gpu_pool.c memcg-field-write']);
  });

  test('--fix never writes through a symlink out of the tree, and keeps file modes', async () => {
    const outside = tempDir('memcg-outside-');
    const victim = path.join(outside, 'victim.c');
    const text = 'int f(struct page *page) { return page->mem_cgroup != 0; }\n';
    fs.writeFileSync(victim, text);
    fs.symlinkSync(victim, path.join(tree, 'mm/victim.c'));
    fs.chmodSync(path.join(tree, 'mm/memcontrol.c'), 0o640);
    await cli([dir(), '--fix']);
    expect(fs.readFileSync(victim, 'utf8')).toBe(text);
    expect(fs.statSync(path.join(tree, 'mm/memcontrol.c')).mode & 0o777).toBe(0o640);
    expect(fs.readdirSync(path.join(tree, 'mm')).filter((n) => n.includes('.tmp'))).toEqual([]);
  });

  test('--diff=assumed prints one patch that git apply and patch -p1 both accept, giving what --fix=assumed gives', async () => {
    const r = await cli([dir(), '--diff=assumed']);
    expect(r.out).toMatch(/^diff --git a\/drivers\/misc\/gpu_pool\.c b\/drivers\/misc\/gpu_pool\.c\n/);
    expect(snapshot(tree)).toEqual(snapshot(copyAuditTree()));
    const viaGit = copyAuditTree();
    const viaPatch = copyAuditTree();
    fs.writeFileSync(path.join(viaGit, '..', 'fix.patch'), r.out);
    execFileSync('git', ['apply', '--check', '-p1', path.join(viaGit, '..', 'fix.patch')], { cwd: viaGit });
    execFileSync('git', ['apply', '-p1', path.join(viaGit, '..', 'fix.patch')], { cwd: viaGit });
    execFileSync('patch', ['-p1', '--forward', '--batch', '--silent'], { cwd: viaPatch, input: r.out });
    await cli([dir(), '--fix=assumed']);
    expect(snapshot(viaGit)).toEqual(snapshot(tree));
    expect(snapshot(viaPatch)).toEqual(snapshot(tree));
  });

  test('--diff with nothing to fix prints nothing', async () => {
    expect(await cli([dir(), '--diff', '--include', 'lib/**'])).toEqual({ code: 0, out: '', err: '' });
  });
});

describe('audit: targets and errors', () => {
  function header(text: string): void {
    fs.mkdirSync(path.join(tree, 'include/linux'), { recursive: true });
    fs.writeFileSync(path.join(tree, 'include/linux/memcontrol.h'), text);
  }

  test('--target auto names the generation the headers define', async () => {
    header('#define MEMCG_DATA_OBJCGS 1UL\nstatic inline struct mem_cgroup *page_memcg_check(struct page *page);\n');
    const report = JSON.parse((await cli([dir(), '--target', 'auto', '--format', 'json'])).out);
    expect(report.target).toBe('v5.11');
    expect(report.detected).toEqual({
      target: 'v5.11',
      evidence: 'include/linux/memcontrol.h defines page_memcg_check() and MEMCG_DATA_OBJCGS',
      api: expect.stringMatching(/^read from the tree's include\/linux\/memcontrol\.h \(nearest preset v5\.11: .*flags MEMCG_DATA_OBJCGS\)$/),
    });
  });

  test('--target auto on a tree without the headers: one line, exit 2', async () => {
    const io = memoryIo(path.dirname(tree));
    expect(await run(['audit', dir(), '--target', 'auto'], io)).toBe(2);
    expect(io.err.join('')).toBe(
      `memcg-review: cannot tell the API generation of '${dir()}': no include/linux/memcontrol.h or include/linux/mm_types.h in the tree; give --target GEN\n`,
    );
    expect(io.out).toEqual([]);
  });

  test('a detected generation the reviewer does not support yet: one line naming it, exit 2', async () => {
    header('static inline struct mem_cgroup *folio_memcg(struct folio *folio);\n');
    const refuse: Deps = { createReviewer: async (o) => { throw new UnsupportedTargetError(o.target); } };
    const io = memoryIo(path.dirname(tree));
    const code = await run(['audit', dir(), '--target', 'auto', '--jobs', '1'], io, refuse);
    expect(code).toBe(2);
    expect(io.err.join('')).toMatch(new RegExp(`^memcg-review: '${dir()}' is a v6\\.1 tree \\(include/linux/memcontrol\\.h defines folio_memcg\\(\\)\\), and target v6\\.1 is not supported yet \\(supported: [^)]*\\)\\n$`));
    expect(io.out).toEqual([]);
  });

  test('a missing tree, or a file for a tree: one line, exit 2', async () => {
    const io = memoryIo(path.dirname(tree));
    expect(await run(['audit', 'no-such-tree'], io)).toBe(2);
    expect(io.err.join('')).toBe("memcg-review: cannot read tree 'no-such-tree': no such directory\n");
  });

  test('--max-file-size: a file over it is a note, not an error, and the rest is audited', async () => {
    const r = await cli([dir(), '--format', 'json', '--max-file-size', '450']);
    const report = JSON.parse(r.out);
    expect(r.code).toBe(1);
    expect(report.errors).toEqual([]);
    expect(report.notes).toContainEqual({ file: 'mm/memcontrol.c', message: expect.stringMatching(/^not reviewed: \d+ characters, over the limit of 450$/) });
    expect(report.findings.some((f: { file: string }) => f.file === 'mm/memcontrol.c')).toBe(false);
    expect(report.findings.some((f: { file: string }) => f.file === 'drivers/misc/gpu_pool.c')).toBe(true);
  });

  test('a file the reviewer fails on: reported as an error, the rest still audited, exit 3', async () => {
    fs.writeFileSync(path.join(tree, 'mm/crash.c'), '#error fake-reviewer-crash\nint x(struct page *p) { return p->mem_cgroup != 0; }\n');
    const r = await cli([dir(), '--format', 'json'], { createReviewer: async () => fakeReviewer() });
    expect(r.code).toBe(3);
    const report = JSON.parse(r.out);
    expect(report.errors).toEqual(['mm/crash.c: review failed: fake crash']);
    expect(report.findings.length).toBeGreaterThan(0);
  });
});
