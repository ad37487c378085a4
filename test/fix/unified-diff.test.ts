import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { diffHunks, unifiedDiff } from '../../src/fix/unified-diff.js';
import { diffLines } from '../../src/fix/line-diff.js';

const lines = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `line ${i + from}\n`).join('');

/** Applies `diff` to a file holding `before` with the given tool; returns the file's new text. */
function applyWith(tool: 'git' | 'patch', file: string, before: string, diff: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memcg-diff-'));
  try {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), before);
    fs.writeFileSync(path.join(dir, 'fix.diff'), diff);
    if (tool === 'git') {
      execFileSync('git', ['apply', '--check', 'fix.diff'], { cwd: dir, stdio: 'pipe' });
      execFileSync('git', ['apply', 'fix.diff'], { cwd: dir, stdio: 'pipe' });
    } else {
      execFileSync('patch', ['-p1', '--dry-run', '--batch', '-i', 'fix.diff'], { cwd: dir, stdio: 'pipe' });
      execFileSync('patch', ['-p1', '--batch', '--no-backup-if-mismatch', '-i', 'fix.diff'], { cwd: dir, stdio: 'pipe' });
    }
    return fs.readFileSync(path.join(dir, file), 'utf8');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function expectApplies(file: string, before: string, after: string): void {
  const diff = unifiedDiff(file, before, after);
  expect(applyWith('git', file, before, diff)).toBe(after);
  expect(applyWith('patch', file, before, diff)).toBe(after);
}

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('mm/a.c', 'x\n', 'x\n')).toBe('');
  });

  it('writes a git-style diff with 3 lines of context', () => {
    const before = lines(10);
    const after = before.replace('line 5\n', 'line five\n');
    expect(unifiedDiff('mm/a.c', before, after)).toBe(
      'diff --git a/mm/a.c b/mm/a.c\n--- a/mm/a.c\n+++ b/mm/a.c\n' +
        '@@ -2,7 +2,7 @@\n line 2\n line 3\n line 4\n-line 5\n+line five\n line 6\n line 7\n line 8\n',
    );
  });

  it('merges changes up to 6 lines apart and splits farther ones', () => {
    const before = lines(30);
    const near = before.replace('line 5\n', 'x\n').replace('line 12\n', 'y\n');
    expect(unifiedDiff('f', before, near).match(/^@@/gm)).toHaveLength(1);
    const far = before.replace('line 5\n', 'x\n').replace('line 13\n', 'y\n');
    expect(unifiedDiff('f', before, far).match(/^@@/gm)).toHaveLength(2);
  });

  it('counts omitted as 1 and empty sides as 0,0', () => {
    expect(unifiedDiff('f', 'a\n', 'b\n')).toContain('@@ -1 +1 @@\n-a\n+b\n');
    expect(unifiedDiff('f', '', 'a\nb\n')).toContain('@@ -0,0 +1,2 @@\n+a\n+b\n');
    expect(unifiedDiff('f', 'a\nb\n', '')).toContain('@@ -1,2 +0,0 @@\n-a\n-b\n');
  });

  it('marks a missing newline at the end of either side', () => {
    expect(unifiedDiff('f', 'a\nb', 'a\nb\n')).toBe(
      'diff --git a/f b/f\n--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n',
    );
    expect(unifiedDiff('f', 'a\n', 'a\nc')).toContain('@@ -1 +1,2 @@\n a\n+c\n\\ No newline at end of file\n');
  });

  it.each([
    ['a change in the middle', lines(40), lines(40).replace('line 20\n', 'memcg = page_memcg(page);\n')],
    ['insertions and deletions', lines(40), lines(40).replace('line 3\n', '').replace('line 30\n', 'line 30\nnew a\nnew b\n')],
    ['a change at the start', lines(8), 'first\n' + lines(8).slice('line 1\n'.length)],
    ['a change at the end', lines(8), lines(8) + 'tail\n'],
    ['a new last line without newline', lines(5), lines(5) + 'tail'],
    ['a newline added at the end', 'x\ny', 'x\ny\n'],
    ['a file emptied', lines(3), ''],
    ['a file filled', '', lines(3)],
    ['tabs and blank lines', '\tif (a)\n\n\t\treturn;\n', '\tif (a)\n\n\t\treturn b;\n\n'],
  ])('is accepted by git apply and patch -p1: %s', (_name, before, after) => {
    expectApplies('mm/sub dir/file.c'.replace(' ', '_'), before, after);
  });

  it('is accepted by both tools on random edits', () => {
    let seed = 42;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    for (let round = 0; round < 12; round++) {
      const a = Array.from({ length: 5 + rand(40) }, () => `l${rand(6)}\n`);
      const b = [...a];
      for (let k = 0; k < 1 + rand(6); k++) {
        const at = rand(b.length + 1);
        if (rand(2) === 0 && b.length > 0) b.splice(at, 1);
        else b.splice(at, 0, `n${rand(6)}\n`);
      }
      const before = a.join('');
      const after = b.join('') + (rand(4) === 0 ? 'end' : '');
      if (before !== after) expectApplies('r.c', before, after);
    }
  });
});

describe('diffLines', () => {
  it('finds a shortest script and keeps deletions before insertions', () => {
    const ops = diffLines(['a', 'b', 'c', 'a', 'b', 'b', 'a'], ['c', 'b', 'a', 'b', 'a', 'c']);
    expect(ops.filter((o) => o.kind !== ' ')).toHaveLength(5);
    const kinds = ops.map((o) => o.kind).join('');
    expect(kinds).not.toMatch(/\+-/);
  });
});

describe('diffHunks on lines cut out of a file', () => {
  const a = 'abcdefghijkl'.split('').map((c) => `${c}\n`);
  const b = a.map((l, k) => (k === 1 || k === 10 ? l.toUpperCase() : l));

  test('numbered from where the lines sit; symmetric context: as many lines after each change as before it', () => {
    expect(diffHunks(a, b, 20, 25, true)).toEqual(['@@ -20,3 +25,3 @@\n a\n-b\n+B\n c\n', '@@ -29,3 +34,3 @@\n j\n-k\n+K\n l\n']);
  });

  test('at the file\'s first line the context after a change is kept', () => {
    expect(diffHunks(['x\n', 'y\n', 'z\n'], ['X\n', 'y\n', 'z\n'], 1, 1, true)).toEqual(['@@ -1,3 +1,3 @@\n-x\n+X\n y\n z\n']);
  });

  test('a hunk that only adds names the line it follows', () => {
    expect(diffHunks(['p\n', 'q\n'], ['p\n', 'n\n', 'q\n'], 10, 10, true)).toEqual(['@@ -10,2 +10,3 @@\n p\n+n\n q\n']);
    expect(diffHunks(['p\n'], ['p\n', 'n\n'], 10, 10, true)).toEqual(['@@ -10,0 +11 @@\n+n\n']);
  });
});
