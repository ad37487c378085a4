import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import { run } from '../../src/cli/run.js';
import { memoryIo } from '../helpers/memory-io.js';
import { tempDir } from '../helpers/tree.js';
import { C_FILE, gitDiff } from './hostile-inputs.js';

/** --tree, --fix and --diff with patches that name paths outside the tree: nothing outside is read or written. */
let root: string;
beforeEach(() => {
  root = tempDir('memcg-confine-');
  fs.mkdirSync(path.join(root, 'work/tree/mm'), { recursive: true });
  fs.mkdirSync(path.join(root, 'outside'));
  fs.writeFileSync(path.join(root, 'outside/victim.c'), C_FILE);
  fs.writeFileSync(path.join(root, 'work/tree/mm/x.c'), 'void f(struct page *page) {\n}\n');
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

/** Every file under `dir` (symlinks as their target), with its bytes and mode. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isSymbolicLink()) out.set(p, `-> ${fs.readlinkSync(p)}`);
      else if (e.isDirectory()) walk(p);
      else out.set(p, `${fs.statSync(p).mode} ${fs.readFileSync(p, 'base64')}`);
    }
  };
  walk(dir);
  return out;
}

async function check(argv: string[]) {
  const io = memoryIo(path.join(root, 'work'));
  const code = await run(['check', ...argv], io);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

const ESCAPES = ['../outside/victim.c', '../../outside/victim.c', '/etc/passwd', `${'../'.repeat(12)}etc/passwd`, 'mm/../../../outside/victim.c'];

describe('paths that leave the tree', () => {
  it.each(ESCAPES)('+++ b/%s with --tree --fix: nothing outside the tree changes', async (escape) => {
    const patch = gitDiff(escape, ['\tuse(page->mem_cgroup);']) + gitDiff('mm/x.c', ['\tuse(page->mem_cgroup);']);
    fs.writeFileSync(path.join(root, 'work/evil.patch'), patch);
    const outside = snapshot(path.join(root, 'outside'));
    const r = await check(['--tree', 'tree', '--fix', '--format', 'json', 'evil.patch']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('skipped: the path is absolute or leaves the tree');
    expect(snapshot(path.join(root, 'outside'))).toEqual(outside);
    expect(fs.readFileSync('/etc/passwd', 'utf8')).not.toContain('page_memcg');
    // The in-tree file of the same patch is fixed in the patch; the escaping section is left as it was.
    const fixed = fs.readFileSync(path.join(root, 'work/evil.patch'), 'utf8');
    expect(fixed).toContain(`+++ b/${escape}\n@@ -1,1 +1,2 @@\n void f(struct page *page) {\n+\tuse(page->mem_cgroup);`);
    expect(fixed).toContain('+\tuse(page_memcg');
  });

  it.each(ESCAPES)('+++ b/%s with --diff: no path of the diff leaves the tree', async (escape) => {
    fs.writeFileSync(path.join(root, 'work/evil.patch'), gitDiff(escape, ['\tuse(page->mem_cgroup);']));
    const r = await check(['--tree', 'tree', '--diff', 'evil.patch']);
    expect(r).toEqual({ code: 0, out: '', err: '' });
  });

  it('a C file reached through a symlink to outside the tree is refused, and not written', async () => {
    fs.symlinkSync(path.join(root, 'outside/victim.c'), path.join(root, 'work/tree/mm/link.c'));
    const outside = snapshot(path.join(root, 'outside'));
    for (const arg of ['mm/link.c', 'tree/mm/link.c']) {
      const r = await check(['--tree', 'tree', '--fix', arg]);
      expect(r.code).toBe(2);
      expect(r.err.split('\n')).toHaveLength(2);
    }
    expect(snapshot(path.join(root, 'outside'))).toEqual(outside);
  });

  it('a C file that is a symlink inside the tree: its target is fixed, the link stays a link', async () => {
    fs.writeFileSync(path.join(root, 'work/tree/mm/real.c'), C_FILE);
    fs.symlinkSync('real.c', path.join(root, 'work/tree/mm/alias.c'));
    const r = await check(['--tree', 'tree', '--fix', 'mm/alias.c']);
    expect(r.code).toBe(0);
    expect(fs.lstatSync(path.join(root, 'work/tree/mm/alias.c')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(root, 'work/tree/mm/real.c'), 'utf8')).toContain('page_memcg');
  });

  it('a patch is written back to itself only, even when it names files outside', async () => {
    fs.writeFileSync(path.join(root, 'work/evil.patch'), gitDiff('../outside/victim.c', ['\tuse(page->mem_cgroup);']));
    const before = snapshot(root);
    const r = await check(['--fix', 'evil.patch']);
    expect(r.code).toBe(0);
    expect(snapshot(root)).toEqual(before);
  });
});
