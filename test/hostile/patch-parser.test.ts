import { describe, expect, it } from '@jest/globals';
import { applyFilePatch, MAX_LINE_COMPARISONS } from '../../src/patch/apply-patch.js';
import { parsePatch } from '../../src/patch/parse-patch.js';
import { parseSeries } from '../../src/patch/parse-series.js';
import { buildPostImages } from '../../src/patch/post-image.js';
import { MAX_SERIES_SPARSE_LINES } from '../../src/patch/sparse-image.js';
import { staysInTree } from '../../src/patch/tree-path.js';

/** Hostile patches, generated here: the parser and the in-memory apply stay linear and never throw. Timeouts only catch hangs. */
const HANG = 60_000;

const diff = (path: string) => `diff --git a/${path} b/${path}\n--- a/${path}\n+++ b/${path}\n@@ -1,1 +1,2 @@\n int a;\n+int b = page->mem_cgroup;\n`;

describe('paths that leave the tree', () => {
  it.each(['../../etc/passwd', 'mm/../../x.c', '/etc/x.c', '..\\..\\x.c', 'C:\\x.c'])('%s is skipped with a note, never a file of the patch', (p) => {
    const parsed = parsePatch(diff(p).replace(/^diff --git .*\n/, ''));
    expect(parsed.files).toEqual([]);
    expect(parsed.notes).toEqual([{ file: p, message: 'skipped: the path is absolute or leaves the tree' }]);
  });

  it('keeps the other files of the same patch', () => {
    const parsed = parsePatch(diff('../secret.c') + diff('mm/ok.c'));
    expect(parsed.files.map((f) => f.newPath)).toEqual(['mm/ok.c']);
  });

  it('refuses a rename out of the tree, and a quoted path with a NUL byte', () => {
    const rename = 'diff --git a/mm/x.c b/mm/y.c\nsimilarity index 90%\nrename from mm/x.c\nrename to ../y.c\n';
    expect(parsePatch(rename).files).toEqual([]);
    const nul = 'diff --git "a/mm/x\\000.c" "b/mm/x\\000.c"\n--- "a/mm/x\\000.c"\n+++ "b/mm/x\\000.c"\n@@ -1 +1 @@\n-a\n+b\n';
    expect(parsePatch(nul).files).toEqual([]);
  });

  it('names what stays in the tree', () => {
    expect(['mm/x.c', 'a..b/x.c', 'mm/..x.c', '.x/y.c'].every(staysInTree)).toBe(true);
    expect(['', '/x.c', '\\x.c', 'c:x.c', '..', 'a/../b.c', 'a\0b.c'].some(staysInTree)).toBe(false);
  });
});

describe('sizes that were quadratic or overflowed', () => {
  it('a 4 MB `diff --git` line of spaces', () => {
    const parsed = parsePatch(`diff --git ${'a '.repeat(2_000_000)}\n`);
    expect(parsed.files).toEqual([]);
    expect(parsed.notes.map((n) => n.message)).toEqual(['a diff header without file names was skipped']);
  }, HANG);

  it('a `diff --git` line of 2 MB paths still splits at the right space', () => {
    const long = `mm/${'x'.repeat(1_000_000)}.c`;
    const parsed = parsePatch(`diff --git a/${long} b/${long}\nnew file mode 100644\n`);
    expect(parsed.files.map((f) => f.newPath)).toEqual([long]);
  }, HANG);

  it('applies a hunk at the end of a 300,000-line file (no argument-list overflow)', () => {
    const n = 300_000;
    const file = parsePatch(`--- a/x.c\n+++ b/x.c\n@@ -${n},1 +${n},2 @@\n x\n+y\n`).files[0]!;
    const applied = applyFilePatch('x\n'.repeat(n), file);
    expect(applied).toMatchObject({ ok: true, hunkStarts: [n] });
    expect(applied.ok && applied.text.endsWith('x\ny\n')).toBe(true);
  }, HANG);

  it('gives up on a context searched for too long, and says so', () => {
    const m = 100_000;
    const hunk = `@@ -1,${m + 2} +1,${m + 3} @@\n${' a\n'.repeat(m)} b\n+c\n a\n`;
    const file = parsePatch(`--- a/x.c\n+++ b/x.c\n${hunk}`).files[0]!;
    const applied = applyFilePatch('a\n'.repeat(4 * m), file);
    expect(applied).toEqual({ ok: false, hunk: 1, reason: `hunk 1 of 1 (@@ -1,${m + 2} +1,${m + 3} @@) does not apply: its context was searched for too long (over ${MAX_LINE_COMPARISONS} line comparisons)` });
  }, HANG);

  it('a series of 500 patches whose hunks all start near line 1,000,000 holds a bounded image', () => {
    const mails = Array.from({ length: 500 }, (_, k) => [
      'From 1234567890123456789012345678901234567890 Mon Sep 17 00:00:00 2001',
      'From: A <a@example.org>',
      `Subject: [PATCH ${k + 1}/500] mm: far ${k + 1}`,
      '',
      '---',
      `--- a/mm/f${k}.c`,
      `+++ b/mm/f${k}.c`,
      '@@ -999990,1 +999990,2 @@',
      ' void f(struct page *page) {',
      '+\tuse(page->mem_cgroup);',
      '',
    ].join('\n'));
    const { series } = parseSeries([{ source: 'far.mbox', text: mails.join('\n') }]);
    expect(series.patches).toHaveLength(500);
    const built = buildPostImages(series);
    const held = built.perPatch.flat().reduce((n, image) => n + image.text.length, 0);
    expect(held).toBeLessThanOrEqual(MAX_SERIES_SPARSE_LINES + 500 * 64);
    expect(built.notes.length).toBeGreaterThan(400);
    expect(built.notes.at(-1)!.message).toBe(`hunk 1 is past what is left of the ${MAX_SERIES_SPARSE_LINES} lines the series' hunk-built files may hold and was skipped`);
  }, HANG);
});
