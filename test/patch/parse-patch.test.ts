import { parsePatch } from '../../src/patch/parse-patch.js';
import type { FilePatch } from '../../src/patch/types.js';
import { fixture } from './fixture.js';

/** Every hunk line's offset points at its text right after its marker. */
function expectOffsetsRight(text: string, files: FilePatch[]): void {
  for (const line of files.flatMap((f) => f.hunks.flatMap((h) => h.lines))) {
    expect(text.slice(line.offset, line.offset + line.text.length)).toBe(line.text);
    expect(text[line.offset + line.text.length] ?? '\n').toBe('\n');
    if (line.text !== '' || text[line.offset - 1] !== '\n') expect(text[line.offset - 1]).toBe(line.kind);
  }
}

describe('parsePatch', () => {
  test('a single format-patch: one hunk, No-newline markers on both sides, signature left out', () => {
    const text = fixture('single.patch');
    const { files, notes } = parsePatch(text);
    expect(notes).toEqual([]);
    expect(files).toHaveLength(1);
    const [file] = files;
    expect([file!.oldPath, file!.newPath, file!.status]).toEqual(['include/linux/memcg_demo.h', 'include/linux/memcg_demo.h', 'modified']);
    const [hunk] = file!.hunks;
    expect([hunk!.oldStart, hunk!.oldLines, hunk!.newStart, hunk!.newLines, hunk!.heading]).toEqual([3, 8, 3, 10, '']);
    expect(hunk!.lines.map((l) => l.kind).join('')).toBe('   +   + -+');
    expect(hunk!.lines.slice(-2).map((l) => l.text)).toEqual(['#endif', '#endif /* _LINUX_MEMCG_DEMO_H */']);
    expect([hunk!.oldNoNewlineAtEnd, hunk!.newNoNewlineAtEnd]).toEqual([true, true]);
    expectOffsetsRight(text, files);
  });

  test('a plain git diff with several files: statuses and paths', () => {
    const text = fixture('multi.diff');
    const { files, notes } = parsePatch(text);
    expect(notes).toEqual([]);
    expect(files.map((f) => [f.oldPath, f.newPath, f.status, f.hunks.length])).toEqual([
      ['Documentation/memcg-demo.txt', 'Documentation/memcg demo\ttab.txt', 'renamed', 1],
      ['include/linux/memcg_demo.h', 'include/linux/memcg_demo_copy.h', 'copied', 0],
      ['mm/gone.c', null, 'deleted', 1],
      ['mm/keep_me.c', 'mm/kept.c', 'renamed', 0],
      [null, 'mm/new é.c', 'added', 1],
      ['tools/demo/blob.bin', 'tools/demo/blob.bin', 'binary', 0],
      ['tools/demo/run.sh', 'tools/demo/run.sh', 'mode-only', 0],
    ]);
    expect(files.map((f) => f.similarity)).toEqual([73, 100, undefined, 100, undefined, undefined, undefined]);
    expect([files[6]!.oldMode, files[6]!.newMode]).toEqual(['100644', '100755']);
    expect(files[0]!.hunks[0]!.lines.filter((l) => l.kind !== ' ').map((l) => l.kind + l.text)).toEqual([
      '-The demo reads page->mem_cgroup.',
      '+The demo reads page_memcg(page).',
    ]);
    expect(files[4]!.hunks[0]).toMatchObject({ oldStart: 0, oldLines: 0, newStart: 1, newLines: 2 });
    expectOffsetsRight(text, files);
  });

  test('a plain diff -u: timestamps dropped, differing top directories stripped like -p1', () => {
    const text = fixture('plain-u.diff');
    const { files, notes } = parsePatch(text);
    expect(notes).toEqual([]);
    expect(files.map((f) => [f.oldPath, f.newPath, f.status])).toEqual([['mm/workingset_memcg.c', 'mm/workingset_memcg.c', 'modified']]);
    expect(files[0]!.hunks.map((h) => [h.oldStart, h.oldLines, h.newStart, h.newLines, h.lines.length])).toEqual([
      [6, 6, 6, 7, 7],
      [26, 7, 27, 7, 8],
    ]);
    expectOffsetsRight(text, files);
  });

  test('plain diffs of several files, /dev/null for new and deleted ones, a/ b/ stripped', () => {
    const text = [
      'diff -ruN a/mm/old.c b/mm/old.c',
      '--- a/mm/old.c\t2024-01-01 00:00:00.000000000 +0000',
      '+++ /dev/null\t1970-01-01 00:00:00.000000000 +0000',
      '@@ -1,2 +0,0 @@',
      '-int a;',
      '-int b;',
      '--- /dev/null',
      '+++ b/mm/new.c',
      '@@ -0,0 +1 @@',
      '+int c;',
      'Only in b/mm: other.c',
      '--- mm/memcontrol.c.orig',
      '+++ mm/memcontrol.c',
      '@@ -10 +10 @@ int mem_cgroup_init(void)',
      '-\tmemcg = page->mem_cgroup;',
      '+\tmemcg = page_memcg(page);',
    ].join('\n');
    const { files, notes } = parsePatch(text);
    expect(notes).toEqual([]);
    expect(files.map((f) => [f.oldPath, f.newPath, f.status])).toEqual([
      ['mm/old.c', null, 'deleted'],
      [null, 'mm/new.c', 'added'],
      ['mm/memcontrol.c.orig', 'mm/memcontrol.c', 'modified'],
    ]);
    expect(files[2]!.hunks[0]).toMatchObject({ oldStart: 10, oldLines: 1, newStart: 10, newLines: 1, heading: 'int mem_cgroup_init(void)' });
    expect(files[2]!.hunks[0]!.lines.map((l) => l.text)).toEqual(['\tmemcg = page->mem_cgroup;', '\tmemcg = page_memcg(page);']);
    expectOffsetsRight(text, files);
  });

  test('a GIT binary patch is skipped up to the next file; "Binary files ... differ" without a git header', () => {
    const text = fixture('binary-literal.diff') + fixture('plain-u.diff') + 'Binary files a/fw/blob and /dev/null differ\n';
    const { files, notes } = parsePatch(text);
    expect(notes).toEqual([]);
    expect(files.map((f) => [f.oldPath, f.newPath, f.status, f.hunks.length])).toEqual([
      ['tools/demo/blob.bin', 'tools/demo/blob.bin', 'binary', 0],
      ['mm/workingset_memcg.c', 'mm/workingset_memcg.c', 'modified', 2],
      ['fw/blob', null, 'binary', 0],
    ]);
  });

  test('new and deleted binary files keep null on the missing side', () => {
    const text = [
      'diff --git a/fw/a.bin b/fw/a.bin',
      'new file mode 100644',
      'index 0000000..1111111',
      'Binary files /dev/null and b/fw/a.bin differ',
      'diff --git a/fw/b.bin b/fw/b.bin',
      'deleted file mode 100644',
      'index 1111111..0000000',
      'Binary files a/fw/b.bin and /dev/null differ',
    ].join('\n');
    expect(parsePatch(text).files.map((f) => [f.oldPath, f.newPath, f.status])).toEqual([
      [null, 'fw/a.bin', 'binary'],
      ['fw/b.bin', null, 'binary'],
    ]);
  });

  test('quoted paths, --no-prefix paths and a pure rename read from the diff --git line', () => {
    const text = [
      'diff --git "a/mm/tab\\there.c" "b/mm/tab\\there.c"',
      'old mode 100644',
      'new mode 100755',
      'diff --git mm/memcontrol.c mm/memcontrol.c',
      'index 1111111..2222222 100644',
      '--- mm/memcontrol.c',
      '+++ mm/memcontrol.c',
      '@@ -1 +1 @@',
      '-a',
      '+b',
      'diff --git a/mm/with space.c b/mm/with space.c',
      'old mode 100644',
      'new mode 100755',
    ].join('\n');
    expect(parsePatch(text).files.map((f) => [f.oldPath, f.newPath, f.status])).toEqual([
      ['mm/tab\there.c', 'mm/tab\there.c', 'mode-only'],
      ['mm/memcontrol.c', 'mm/memcontrol.c', 'modified'],
      ['mm/with space.c', 'mm/with space.c', 'mode-only'],
    ]);
  });

  test('a rename with a mode change and a hunk stays renamed; a mode change with a hunk is modified', () => {
    const text = [
      'diff --git a/mm/a.c b/mm/b.c',
      'old mode 100644',
      'new mode 100755',
      'similarity index 90%',
      'rename from mm/a.c',
      'rename to mm/b.c',
      '--- a/mm/a.c',
      '+++ b/mm/b.c',
      '@@ -1 +1 @@',
      '-x',
      '+y',
      'diff --git a/mm/c.c b/mm/c.c',
      'old mode 100644',
      'new mode 100755',
      '--- a/mm/c.c',
      '+++ b/mm/c.c',
      '@@ -1 +1 @@',
      '-x',
      '+y',
    ].join('\n');
    expect(parsePatch(text).files.map((f) => [f.oldPath, f.newPath, f.status])).toEqual([
      ['mm/a.c', 'mm/b.c', 'renamed'],
      ['mm/c.c', 'mm/c.c', 'modified'],
    ]);
  });

  test('No-newline marker on the old side only (a line end is added)', () => {
    const text = ['--- a/k.c', '+++ b/k.c', '@@ -1,2 +1,2 @@', ' int a;', '-int b;', '\\ No newline at end of file', '+int b;', ''].join('\n');
    const hunk = parsePatch(text).files[0]!.hunks[0]!;
    expect(hunk.lines.map((l) => l.kind + l.text)).toEqual([' int a;', '-int b;', '+int b;']);
    expect([hunk.oldNoNewlineAtEnd, hunk.newNoNewlineAtEnd]).toEqual([true, false]);
  });

  test('No-newline after a context line marks both sides', () => {
    const text = ['--- a/k.c', '+++ b/k.c', '@@ -1,2 +1,3 @@', '+int z;', ' int a;', ' int b;', '\\ No newline at end of file'].join('\n');
    const hunk = parsePatch(text).files[0]!.hunks[0]!;
    expect(hunk.lines).toHaveLength(3);
    expect([hunk.oldNoNewlineAtEnd, hunk.newNoNewlineAtEnd]).toEqual([true, true]);
  });

  test('bare empty lines inside the count are empty context lines (mailers strip the space)', () => {
    const text = ['--- a/k.c', '+++ b/k.c', '@@ -1,3 +1,4 @@', ' int a;', '', '+int b;', ' int c;', ''].join('\n');
    const { files, notes } = parsePatch(text);
    expect(notes).toEqual([]);
    expect(files[0]!.hunks[0]!.lines.map((l) => [l.kind, l.text, l.offset])).toEqual([
      [' ', 'int a;', 37],
      [' ', '', 44],
      ['+', 'int b;', 46],
      [' ', 'int c;', 54],
    ]);
  });

  test('a hunk stops after its counted lines: a following "-- " signature is not taken in', () => {
    const text = ['--- a/k.c', '+++ b/k.c', '@@ -1 +1 @@', '-a', '+b', '-- ', '2.39.0', ''].join('\n');
    const { files, notes } = parsePatch(text);
    expect(notes).toEqual([]);
    expect(files[0]!.hunks[0]!.lines.map((l) => l.kind + l.text)).toEqual(['-a', '+b']);
  });

  test('a truncated hunk keeps the lines that are there and gets a note', () => {
    const text = ['--- a/mm/k.c', '+++ b/mm/k.c', '@@ -1,4 +1,5 @@ int f(void)', ' a', '+b', ' c', ''].join('\n');
    const { files, notes } = parsePatch(text);
    expect(files[0]!.hunks[0]!.lines.map((l) => l.kind + l.text)).toEqual([' a', '+b', ' c']);
    expect(notes).toEqual([
      { file: 'mm/k.c', message: 'hunk 1 (@@ -1,4 +1,5 @@ int f(void)) truncated: the input ends inside the hunk (2 old and 2 new lines missing)' },
    ]);
  });

  test('a hunk cut by a line that is not a hunk line ends there with a note; parsing goes on', () => {
    const text = [
      '--- a/mm/k.c', '+++ b/mm/k.c', '@@ -1,3 +1,3 @@', ' a', 'garbage', '@@ -9 +9 @@', '-x', '+y',
      '@@ -20,2 +20,1 @@', '-p', '-q', '-r',
    ].join('\n');
    const { files, notes } = parsePatch(text);
    expect(files[0]!.hunks.map((h) => h.lines.map((l) => l.kind + l.text).join(','))).toEqual([' a', '-x,+y', '-p,-q']);
    expect(notes.map((n) => n.message)).toEqual([
      'hunk 1 (@@ -1,3 +1,3 @@) ends early at line 5: "garbage" is not a line of this hunk (2 old and 2 new lines missing)',
      'hunk 3 (@@ -20,2 +20,1 @@) ends early at line 12: "-r" is not a line of this hunk (0 old and 1 new lines missing)',
    ]);
  });

  test('a hunk without a file header is skipped with a note', () => {
    const { files, notes } = parsePatch('@@ -1 +1 @@\n-a\n+b\n');
    expect(files).toEqual([]);
    expect(notes).toEqual([{ message: 'a hunk without a file header at line 1 was skipped' }]);
  });

  test('offsets count from the start of the text when parsing from a body offset', () => {
    const text = 'Subject: x\n\n' + fixture('plain-u.diff');
    const { files } = parsePatch(text, 12);
    expect(files[0]!.hunks[0]!.lines[0]!.offset).toBe(12 + 158);
    expectOffsetsRight(text, files);
  });

  test('never throws on any prefix or damaged copy of the fixtures', () => {
    const texts = ['single.patch', 'multi.diff', 'series.mbox', 'plain-u.diff', 'binary-literal.diff'].map(fixture);
    let parsed = 0;
    for (const text of texts) {
      for (let end = 0; end <= text.length; end += 7) {
        expect(() => parsePatch(text.slice(0, end))).not.toThrow();
        expect(() => parsePatch(text.slice(end).replace(/\n/g, '\n@@ '))).not.toThrow();
        parsed++;
      }
    }
    expect(parsed).toBeGreaterThan(1000);
    expect(() => parsePatch('diff --git \n--- \n+++ \n@@ -x +y @@\n\\\n"')).not.toThrow();
    expect(parsePatch('diff --git "a/unterminated\n').notes).toEqual([{ message: 'a diff header without file names was skipped' }]);
  });
});

describe('parsePatch line numbers in notes', () => {
  test('count from the start of the text, not from the body offset', () => {
    const text = 'Subject: x\n\n--- a/k.c\n+++ b/k.c\n@@ -1,2 +1,2 @@\n-a\nnot a hunk line\n';
    expect(parsePatch(text, 12).notes.map((n) => n.message)).toEqual([
      'hunk 1 (@@ -1,2 +1,2 @@) ends early at line 7: "not a hunk line" is not a line of this hunk (1 old and 2 new lines missing)',
    ]);
  });
});
