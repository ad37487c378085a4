import fs from 'node:fs';
import path from 'node:path';
import type { Finding } from '../../src/types.js';
import type { Patch } from '../../src/patch/types.js';
import { parseSeries } from '../../src/patch/parse-series.js';
import { buildPostImages, type PostImage } from '../../src/patch/post-image.js';
import { fixPatch } from '../../src/fix/fix-patch.js';
import { findingAt } from '../helpers/findings.js';
import { copyTree, gitApply, readFixture } from '../helpers/tree.js';

const BASE = 'int a;\nint b;\nint c;\nint d;\nint e;\nint f;\nint g;\nint h;\nint i;\nint j;\nint k;\nint l;\n';

/** A two-hunk patch on x.c adding reads of page->mem_cgroup. */
const TWO_HUNKS = [
  'diff --git a/x.c b/x.c',
  '--- a/x.c',
  '+++ b/x.c',
  '@@ -1,3 +1,6 @@',
  ' int a;',
  '+void f(struct page *page)',
  '+{	use(page->mem_cgroup);',
  '+}',
  ' int b;',
  ' int c;',
  '@@ -9,4 +12,5 @@ int h;',
  ' int i;',
  ' int j;',
  '+int m = page->mem_cgroup;',
  ' int k;',
  ' int l;',
  '',
].join('\n');

function series(text: string, base?: Record<string, string>): { patches: Patch[]; images: PostImage[][] } {
  const { series } = parseSeries([{ source: 'test.patch', text }]);
  const { perPatch } = buildPostImages(series, base ? (p) => base[p] ?? null : undefined);
  return { patches: series.patches, images: perPatch };
}

function onlyImage(images: PostImage[][], path = 'x.c'): PostImage {
  const image = images[0]!.find((i) => i.path === path);
  if (!image) throw new Error(`no image for ${path}`);
  return image;
}

function applies(base: string, patchText: string, expected: string): void {
  const dir = copyTree();
  try {
    fs.writeFileSync(path.join(dir, 'x.c'), base);
    gitApply(dir, patchText);
    expect(fs.readFileSync(path.join(dir, 'x.c'), 'utf8')).toBe(expected);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('fixPatch', () => {
  it('puts a one-line fix on the added line and keeps the hunk counts', () => {
    const { patches, images } = series(TWO_HUNKS, { 'x.c': BASE });
    const image = onlyImage(images);
    const f = findingAt(image.text, 'page->mem_cgroup', { file: 'x.c', replace: 'page_memcg(page)' });
    const fixed = fixPatch(patches[0]!, images[0]!, [f]);
    expect(fixed.applied).toEqual([f]);
    expect(fixed.text).toBe(TWO_HUNKS.replace('use(page->mem_cgroup)', 'use(page_memcg(page))'));
    applies(BASE, fixed.text, image.text.replace('use(page->mem_cgroup)', 'use(page_memcg(page))'));
  });

  it('turns each newline of a replacement into "\\n+" and moves the later hunks', () => {
    const { patches, images } = series(TWO_HUNKS, { 'x.c': BASE });
    const image = onlyImage(images);
    const f = findingAt(image.text, '{\tuse(page->mem_cgroup);', {
      file: 'x.c',
      replace: '{\n\tstruct mem_cgroup *memcg = page_memcg(page);\n\n\tuse(memcg);',
    });
    const fixed = fixPatch(patches[0]!, images[0]!, [f]);
    expect(fixed.text).toContain('+{\n+\tstruct mem_cgroup *memcg = page_memcg(page);\n+\n+\tuse(memcg);\n+}\n');
    expect(fixed.text).toContain('@@ -1,3 +1,9 @@\n');
    expect(fixed.text).toContain('@@ -9,4 +15,5 @@ int h;\n');
    const expected = image.text.replace('{\tuse(page->mem_cgroup);', '{\n\tstruct mem_cgroup *memcg = page_memcg(page);\n\n\tuse(memcg);');
    applies(BASE, fixed.text, expected);
  });

  it('joins added lines and deletes a whole added line before a context line, dropping the hunk left without changes', () => {
    const { patches, images } = series(TWO_HUNKS, { 'x.c': BASE });
    const image = onlyImage(images);
    const join = findingAt(image.text, '{\tuse(page->mem_cgroup);\n}', { file: 'x.c', replace: '{ use(page_memcg(page)); }' });
    const drop = findingAt(image.text, 'int m = page->mem_cgroup;\n', { file: 'x.c', replace: '' });
    const fixed = fixPatch(patches[0]!, images[0]!, [join, drop]);
    expect(fixed.applied).toHaveLength(2);
    expect(fixed.text).toContain('@@ -1,3 +1,5 @@\n int a;\n+void f(struct page *page)\n+{ use(page_memcg(page)); }\n int b;\n');
    expect(fixed.text).toBe(
      'diff --git a/x.c b/x.c\n--- a/x.c\n+++ b/x.c\n@@ -1,3 +1,5 @@\n int a;\n+void f(struct page *page)\n+{ use(page_memcg(page)); }\n int b;\n int c;\n',
    );
    const expected = image.text.replace('{\tuse(page->mem_cgroup);\n}', '{ use(page_memcg(page)); }').replace('int m = page->mem_cgroup;\n', '');
    applies(BASE, fixed.text, expected);
  });

  it('skips and counts fixes that touch lines the patch does not add', () => {
    const { patches, images } = series(TWO_HUNKS, { 'x.c': BASE });
    const image = onlyImage(images);
    const onContext = findingAt(image.text, 'int j;', { file: 'x.c', replace: 'long j;' });
    const across = findingAt(image.text, 'int j;\nint m', { file: 'x.c', replace: 'int m' });
    const fixed = fixPatch(patches[0]!, images[0]!, [onContext, across]);
    expect(fixed.notAdded).toEqual([onContext, across]);
    expect(fixed.applied).toEqual([]);
    expect(fixed.text).toBe(TWO_HUNKS);
  });

  it('defers a fix that overlaps an applied one and applies no fix by halves', () => {
    const { patches, images } = series(TWO_HUNKS, { 'x.c': BASE });
    const image = onlyImage(images);
    const first = findingAt(image.text, 'page->mem_cgroup', { file: 'x.c', replace: 'page_memcg(page)' });
    const second = findingAt(image.text, 'use(page->mem_cgroup)', { file: 'x.c', replace: 'use(page_memcg(page))' });
    const third = findingAt(image.text, 'page->mem_cgroup', { file: 'x.c', nth: 1, replace: 'page_memcg(page)' });
    const twoEdits: Finding = { ...third, fix: { ...third.fix!, edits: [...third.fix!.edits, ...first.fix!.edits] } };
    const fixed = fixPatch(patches[0]!, images[0]!, [second, first, twoEdits]);
    expect(fixed.applied).toEqual([second]);
    expect(fixed.deferred).toEqual([first, twoEdits]);
    expect(fixed.text).toContain('int m = page->mem_cgroup;');
  });

  it('ignores findings of other patches and of files the patch does not have', () => {
    const { patches, images } = series(TWO_HUNKS, { 'x.c': BASE });
    const image = onlyImage(images);
    const other = findingAt(image.text, 'page->mem_cgroup', { file: 'x.c', replace: 'x', patch: { index: 7, subject: 's' } });
    const elsewhere = findingAt(image.text, 'page->mem_cgroup', { file: 'y.c', replace: 'x' });
    const fixed = fixPatch(patches[0]!, images[0]!, [other, elsewhere]);
    expect(fixed.applied).toEqual([]);
    expect(fixed.notAdded).toEqual([elsewhere]);
    expect(fixed.text).toBe(TWO_HUNKS);
  });

  it('drops a file section whose only change a fix deletes', () => {
    const twoFiles =
      'diff --git a/x.c b/x.c\nindex 1111111..2222222 100644\n--- a/x.c\n+++ b/x.c\n@@ -2,2 +2,3 @@ int a;\n int b;\n+int m = page->mem_cgroup;\n int c;\n' +
      'diff --git a/y.c b/y.c\nnew file mode 100644\n--- /dev/null\n+++ b/y.c\n@@ -0,0 +1 @@\n+int y;\n';
    const { patches, images } = series(twoFiles, { 'x.c': BASE });
    const image = onlyImage(images);
    const drop = findingAt(image.text, 'int m = page->mem_cgroup;\n', { file: 'x.c', replace: '' });
    const fixed = fixPatch(patches[0]!, images[0]!, [drop]);
    expect(fixed.text).toBe('diff --git a/y.c b/y.c\nnew file mode 100644\n--- /dev/null\n+++ b/y.c\n@@ -0,0 +1 @@\n+int y;\n');
  });

  it('works on hunk-built images and new files', () => {
    const newFile = 'diff --git a/n.c b/n.c\nnew file mode 100644\n--- /dev/null\n+++ b/n.c\n@@ -0,0 +1,2 @@\n+int x;\n+int y = page->mem_cgroup;\n';
    const { patches, images } = series(newFile);
    const image = onlyImage(images, 'n.c');
    const drop = findingAt(image.text, 'int y = page->mem_cgroup;\n', { file: 'n.c', replace: '' });
    expect(fixPatch(patches[0]!, images[0]!, [drop]).text).toBe(newFile.replace('@@ -0,0 +1,2 @@', '@@ -0,0 +1 @@').replace('+int y = page->mem_cgroup;\n', ''));
    const sparse = series(TWO_HUNKS);
    const sparseImage = onlyImage(sparse.images);
    expect(sparseImage.complete).toBe(false);
    const f = findingAt(sparseImage.text, 'page->mem_cgroup', { file: 'x.c', nth: 1, replace: 'page_memcg(page)' });
    expect(fixPatch(sparse.patches[0]!, sparse.images[0]!, [f]).text).toBe(TWO_HUNKS.replace('int m = page->mem_cgroup;', 'int m = page_memcg(page);'));
  });

  it('fixes a format-patch mail so that it still applies to the tree', () => {
    const mail = readFixture('split/0001-mm-page_stats-count-charged-pages.patch');
    const tree = copyTree();
    try {
      const { series: s } = parseSeries([{ source: '0001.patch', text: mail }]);
      const { perPatch } = buildPostImages(s, (p) => fs.readFileSync(path.join(tree, p), 'utf8'));
      const image = perPatch[0]!.find((i) => i.path === 'mm/page_stats.c')!;
      const fixes = [0, 1].map((nth) => findingAt(image.text, 'page->mem_cgroup', { nth, replace: 'page_memcg(page)' }));
      const fixed = fixPatch(s.patches[0]!, perPatch[0]!, fixes);
      expect(fixed.applied).toHaveLength(2);
      expect(fixed.text).not.toContain('page->mem_cgroup');
      gitApply(tree, fixed.text);
      expect(fs.readFileSync(path.join(tree, 'mm/page_stats.c'), 'utf8')).toBe(image.text.replaceAll('page->mem_cgroup', 'page_memcg(page)'));
    } finally {
      fs.rmSync(tree, { recursive: true, force: true });
    }
  });
});
