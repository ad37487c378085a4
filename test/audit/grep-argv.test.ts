import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GREP_ENV, ereOf, grepArgv } from '../../src/audit/grep-argv.js';

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
