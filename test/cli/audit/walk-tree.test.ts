import fs from 'node:fs';
import path from 'node:path';
import { pathFilter } from '../../../src/audit/path-filter.js';
import { walkTree, type WalkCounts } from '../../../src/cli/audit/walk-tree.js';
import { tempDir } from '../../helpers/tree.js';

function write(root: string, rel: string, text = 'int x;\n'): void {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
}

function walk(root: string, include: string[] = [], exclude: string[] = []) {
  const counts: WalkCounts = { symlinks: 0, unreadable: [] };
  const files = [...walkTree(root, pathFilter(include, exclude), counts)];
  return { files, counts };
}

describe('walkTree', () => {
  let root: string;
  let outside: string;
  beforeEach(() => {
    root = tempDir('memcg-walk-');
    outside = tempDir('memcg-outside-');
    write(root, 'mm/memcontrol.c');
    write(root, 'mm/Makefile', 'obj-y += memcontrol.o\n');
    write(root, 'include/linux/mm.h');
    write(root, 'drivers/misc/a.c');
    write(root, 'drivers/misc/b.h');
    write(root, 'top.c');
    write(root, '.pc/patched.c');
    write(root, '.git/objects/x.c');
    write(outside, 'secret.c', 'page->mem_cgroup;\n');
    write(outside, 'deep/more.c');
  });
  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  test('every .c and .h file, tree-relative, the files of a folder (sorted) before its subfolders (sorted); folders starting with . are not walked', () => {
    expect(walk(root).files).toEqual(['top.c', 'drivers/misc/a.c', 'drivers/misc/b.h', 'include/linux/mm.h', 'mm/memcontrol.c']);
  });

  test('symbolic links are never followed: no escape, no loop, no file twice', () => {
    fs.symlinkSync(outside, path.join(root, 'escape'));
    fs.symlinkSync(path.join(outside, 'secret.c'), path.join(root, 'mm/secret.c'));
    fs.symlinkSync('..', path.join(root, 'mm/loop'));
    fs.symlinkSync('../mm', path.join(root, 'drivers/mm-again'));
    fs.symlinkSync('memcontrol.c', path.join(root, 'mm/alias.c'));
    fs.symlinkSync('nowhere', path.join(root, 'mm/dangling.c'));
    const { files, counts } = walk(root);
    expect(files).toEqual(['top.c', 'drivers/misc/a.c', 'drivers/misc/b.h', 'include/linux/mm.h', 'mm/memcontrol.c']);
    expect(counts.symlinks).toBe(6);
  });

  test('a root given through a symlink is walked at its real path (the caller resolves it)', () => {
    const link = path.join(outside, 'tree-link');
    fs.symlinkSync(root, link);
    expect(walk(fs.realpathSync(link)).files).toHaveLength(5);
  });

  test('--include and --exclude narrow the walk; an excluded folder is not read at all', () => {
    expect(walk(root, ['*.h']).files).toEqual(['drivers/misc/b.h', 'include/linux/mm.h']);
    expect(walk(root, [], ['drivers/**', 'top.c']).files).toEqual(['include/linux/mm.h', 'mm/memcontrol.c']);
    // A symlink loop inside an excluded folder would be counted if the folder were read.
    fs.symlinkSync('..', path.join(root, 'drivers/misc/loop'));
    const { counts } = walk(root, [], ['drivers']);
    expect(counts.symlinks).toBe(0);
  });

  test('is lazy: nothing is read before the first file is asked for', () => {
    const counts: WalkCounts = { symlinks: 0, unreadable: [] };
    const gen = walkTree(path.join(root, 'does-not-exist'), pathFilter([], []), counts);
    expect(counts.unreadable).toEqual([]);
    expect([...gen]).toEqual([]);
    expect(counts.unreadable).toEqual(['.: ENOENT']);
  });

  test('a deep tree does not overflow the stack', () => {
    let rel = 'deep';
    for (let i = 0; i < 300; i++) rel += '/d';
    write(root, `${rel}/leaf.c`);
    expect(walk(root).files).toContain(`${rel}/leaf.c`);
  });
});
