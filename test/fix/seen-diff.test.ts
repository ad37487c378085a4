import { seenDiff } from '../../src/fix/seen-diff.js';

/** A hunk-built text: `runs` of known lines at their line numbers, empty lines elsewhere. */
function image(length: number, runs: [number, string[]][]) {
  const lines = Array<string>(length).fill('');
  for (const [start, texts] of runs) texts.forEach((t, k) => (lines[start - 1 + k] = t));
  return { text: lines.join('\n') + '\n', seen: runs.map(([start, texts]) => ({ start, end: start + texts.length - 1 })) };
}

describe('seenDiff', () => {
  test('each run diffed alone: context never reaches the empty stand-ins between runs', () => {
    const before = image(30, [[5, ['a', 'x = page->mem_cgroup;', 'b']], [20, ['c', 'd', 'y = page->mem_cgroup;', 'e', 'f']]]);
    const after = image(30, [[5, ['a', 'x = page_memcg(page);', 'b']], [20, ['c', 'd', 'y = page_memcg(page);', 'e', 'f']]]);
    expect(seenDiff('mm/a.c', before, after)).toBe(
      'diff --git a/mm/a.c b/mm/a.c\n--- a/mm/a.c\n+++ b/mm/a.c\n' +
        '@@ -5,3 +5,3 @@\n a\n-x = page->mem_cgroup;\n+x = page_memcg(page);\n b\n' +
        '@@ -20,5 +20,5 @@\n c\n d\n-y = page->mem_cgroup;\n+y = page_memcg(page);\n e\n f\n',
    );
  });

  test('a run that grew shifts the later runs; a fix on a run\'s edge has no context on either side', () => {
    const before = image(20, [[3, ['x = page->mem_cgroup;', 'b']], [10, ['c']]]);
    const after = image(21, [[3, ['x = 1;', 'y = 2;', 'b']], [11, ['c']]]);
    expect(seenDiff('a.c', before, after)).toBe('diff --git a/a.c b/a.c\n--- a/a.c\n+++ b/a.c\n@@ -3 +3,2 @@\n-x = page->mem_cgroup;\n+x = 1;\n+y = 2;\n');
  });

  test('runs that do not pair up: null, no diff to stand on', () => {
    const before = image(20, [[3, ['a', 'b']], [10, ['c']]]);
    expect(seenDiff('a.c', before, image(20, [[3, ['a', 'B']]]))).toBeNull();
    expect(seenDiff('a.c', before, image(20, [[3, ['a', 'B']], [12, ['c']]]))).toBeNull();
    expect(seenDiff('a.c', before, before)).toBe('');
  });
});
