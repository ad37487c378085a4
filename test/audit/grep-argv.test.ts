import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GREP_ENV, ereOf, grepArgv, grepPaths } from '../../src/audit/grep-argv.js';

test('grep lists .c and .h files holding any literal, as bytes, skipping dot folders and devices', () => {
  expect(grepArgv(['mem_cgroup', 'Kmemcg'])).toEqual([
    '-r', '-l', '-E', '-a', '-Z', '--line-buffered', '-D', 'skip', '--include=*.c', '--include=*.h', '--exclude-dir=.?*', '-e', 'mem_cgroup|Kmemcg', '--', '.',
  ]);
  expect(GREP_ENV).toEqual({ LC_ALL: 'C' });
  expect(() => grepArgv([])).toThrow('no literal');
});

test('the expression matches each literal as written, special characters included, and nothing else', () => {
  const literals = ['a.b', 'x|y', 'p->q', '(c)', 'd*', 'e\\f', '[g]', '^h$', 'i+?{2}'];
  expect(ereOf(literals)).toBe('a\\.b|x\\|y|p->q|\\(c\\)|d\\*|e\\\\f|\\[g\\]|\\^h\\$|i\\+\\?\\{2\\}');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memcg-ere-'));
  try {
    const hits = literals.map((l, i) => `hit${i}.c`);
    literals.forEach((l, i) => fs.writeFileSync(path.join(dir, hits[i]!), `int v = 0; /* ${l} */\n`));
    // Near misses: what the literal would match had a special character been left unescaped.
    for (const [i, text] of ['aXb', 'x', 'y', 'c', 'dd', 'ef', 'g', 'h', 'ii{2}'].entries()) fs.writeFileSync(path.join(dir, `miss${i}.c`), `/* ${text} */\n`);
    const out = execFileSync('grep', grepArgv(literals), { cwd: dir, env: { ...process.env, ...GREP_ENV } }).toString();
    expect(out.split('\0').filter(Boolean).map((f) => f.replace('./', '')).sort()).toEqual([...hits].sort());
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

describe('grepPaths', () => {
  const entries = [
    { name: 'arch', kind: 'dir' },
    { name: 'include', kind: 'dir' },
    { name: '.git', kind: 'dir' },
    { name: 'mm', kind: 'dir' },
    { name: 'Makefile', kind: 'file' },
    { name: 'top.c', kind: 'file' },
    { name: 'link', kind: 'link' },
    { name: 'fifo', kind: 'other' },
  ] as const;

  test('the top-level folders and C files, the core folders first, as bare names (not ./mm: --exclude-dir=.?* would match it)', () => {
    expect(grepPaths(entries, ['mm', 'include', 'missing'])).toEqual(['mm', 'include', 'arch', 'top.c']);
    expect(grepPaths(entries, [])).toEqual(['arch', 'include', 'mm', 'top.c']);
  });

  test("an unreadable root, or one whose entries' kinds are unknown, is searched as '.'", () => {
    expect(grepPaths(null, ['mm'])).toEqual(['.']);
  });

  test('grep finds the same files through the listed paths as through .', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memcg-paths-'));
    try {
      for (const f of ['mm/a.c', 'include/linux/b.h', 'arch/x/c.c', '.hidden/d.c', 'top.c', 'mm/.e.c']) {
        fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
        fs.writeFileSync(path.join(dir, f), 'x = page->memcg_data;\n');
      }
      fs.symlinkSync(path.join(dir, 'mm'), path.join(dir, 'mmlink'));
      const names = (paths: string[]) =>
        execFileSync('grep', grepArgv(['memcg_data'], paths), { cwd: dir, env: { ...process.env, ...GREP_ENV } })
          .toString()
          .split('\0')
          .filter(Boolean)
          .map((f) => f.replace(/^\.\//, ''))
          .sort();
      const listed = fs.readdirSync(dir, { withFileTypes: true }).map((e) => ({ name: e.name, kind: e.isSymbolicLink() ? ('link' as const) : e.isDirectory() ? ('dir' as const) : ('file' as const) }));
      expect(names(grepPaths(listed, ['mm', 'include']))).toEqual(names(['.']));
      expect(names(['.'])).toEqual(['arch/x/c.c', 'include/linux/b.h', 'mm/.e.c', 'mm/a.c', 'top.c']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
