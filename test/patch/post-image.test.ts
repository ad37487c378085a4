import { parseSeries } from '../../src/patch/parse-series.js';
import { buildPostImages, type PostImage } from '../../src/patch/post-image.js';
import type { Series } from '../../src/patch/types.js';
import { baseReader, fixture } from './fixture.js';

function seriesOf(...texts: string[]): Series {
  return parseSeries(texts.map((text, k) => ({ source: `p${k + 1}`, text }))).series;
}

function line(image: PostImage, n: number): string | undefined {
  return image.text.split('\n')[n - 1];
}

/** Every added line's offset points at the same text in the patch as the image holds on that line. */
function expectAddedRight(image: PostImage, patchText: string): void {
  for (const [n, offset] of image.added) {
    const text = line(image, n)!;
    expect(patchText[offset - 1]).toBe('+');
    expect(patchText.slice(offset, offset + text.length + 1)).toBe(`${text}\n`);
  }
}

const mbox = fixture('series.mbox');

describe('buildPostImages without a base tree (sparse images)', () => {
  const series = seriesOf(mbox);
  const { perPatch, notes } = buildPostImages(series);

  test('one image per added or modified file; no notes', () => {
    expect(notes).toEqual([]);
    expect(perPatch.map((images) => images.map((i) => [i.path, i.complete]))).toEqual([
      [['mm/memcg_lookup.c', true], ['mm/workingset_memcg.c', false]],
      [['mm/workingset_memcg.c', false]],
      [['mm/memcg_lookup_core.c', true]],
    ]);
  });

  test('hunk lines sit on their real line numbers; unknown lines are empty', () => {
    const image = perPatch[0]![1]!;
    const lines = image.text.split('\n');
    expect(lines.slice(0, 11)).toEqual(Array(11).fill(''));
    expect(line(image, 12)).toBe('\tdemo_evictions++;');
    expect(line(image, 15)).toBe('static struct mem_cgroup *demo_page_memcg(struct page *page)');
    expect(line(image, 26)).toBe('\tmemcg = demo_page_memcg(page);');
    expect(lines).toHaveLength(30);
    expect(image.headings).toEqual([{ line: 12, text: 'static void demo_count_eviction(struct page *page)' }]);
    expect([...image.added.keys()]).toEqual([15, 16, 17, 18, 19, 20, 21, 26]);
    expectAddedRight(image, series.patches[0]!.text);
  });

  test('patch 2 sees the lines patch 1 added; its added map holds only its own lines', () => {
    const image = perPatch[1]![0]!;
    expect([...image.added.keys()]).toEqual([17, 19, 46]);
    expect(line(image, 15)).toBe('static struct mem_cgroup *demo_page_memcg(struct page *page)');
    expect(line(image, 17)).toBe('\tstruct mem_cgroup *memcg;');
    expect(line(image, 19)).toBe('\tmemcg = (struct mem_cgroup *)(page->memcg_data & ~0x3UL);');
    expect(line(image, 27)).toBe('\tmemcg = demo_page_memcg(page);');
    expect(line(image, 31)).toBe('');
    expect(line(image, 46)).toBe('\tpr_info("workingset demo ready\\n");');
    expect(image.headings).toEqual([
      { line: 14, text: 'static void demo_count_eviction(struct page *page)' },
      { line: 43, text: 'void demo_workingset_refault(struct page *page)' },
    ]);
    expectAddedRight(image, series.patches[1]!.text);
  });

  test('the file patch 1 adds is complete, and patch 3 renames and modifies it', () => {
    const image = perPatch[2]![0]!;
    expect(image.text).toBe(fixture('expected/memcg_lookup_core.c'));
    expect([...image.added.keys()]).toEqual([6]);
    expectAddedRight(image, series.patches[2]!.text);
  });
});

describe('buildPostImages with a base tree', () => {
  const series = seriesOf(mbox);
  const { perPatch, notes } = buildPostImages(series, baseReader());

  test('full images equal what git produced, patch after patch', () => {
    expect(notes).toEqual([]);
    expect(perPatch[0]![1]).toMatchObject({ complete: true, text: fixture('expected/workingset_memcg-after-1.c') });
    expect(perPatch[1]![0]).toMatchObject({ complete: true, text: fixture('expected/workingset_memcg.c') });
    expect([...perPatch[1]![0]!.added.keys()]).toEqual([17, 19, 46]);
    expectAddedRight(perPatch[1]![0]!, series.patches[1]!.text);
  });

  test('a hunk that does not apply gives a note and a sparse image with the same line numbers', () => {
    const changed = fixture('base/mm/workingset_memcg.c').replace('demo_evictions++;', 'demo_evictions += 1;');
    const result = buildPostImages(series, baseReader({ 'mm/workingset_memcg.c': changed }));
    expect(result.notes).toEqual([
      {
        file: 'mm/workingset_memcg.c',
        patch: { index: 1, subject: 'mm: add a memcg lookup helper for the workingset démo' },
        message: 'hunk 1 of 1 (@@ -12,11 +12,18 @@) does not apply: line 12 should be "\\tdemo_evictions++;" but is "\\tdemo_evictions += 1;", and its context was not found elsewhere in the file; using a hunk-built image',
      },
    ]);
    const [first, second] = [result.perPatch[0]![1]!, result.perPatch[1]![0]!];
    expect([first.complete, second.complete]).toEqual([false, false]);
    expect(line(first, 12)).toBe('\tdemo_evictions++;');
    expect(line(second, 46)).toBe('\tpr_info("workingset demo ready\\n");');
    expect([...second.added.keys()]).toEqual([17, 19, 46]);
  });

  test('a file missing from the base tree gives a note and a sparse image', () => {
    const result = buildPostImages(seriesOf(fixture('plain-u.diff')), () => null);
    expect(result.notes).toEqual([{ file: 'mm/workingset_memcg.c', patch: { index: 1, subject: '' }, message: 'the file is missing from the base tree; using a hunk-built image' }]);
    const image = result.perPatch[0]![0]!;
    expect(image.complete).toBe(false);
    expect(line(image, 9)).toBe('static unsigned long demo_refaults;');
    expect(line(image, 30)).toBe('\tlruvec = mem_cgroup_lruvec(page_memcg(page), page_pgdat(page));');
  });

  test('a plain diff -u applies to the base file', () => {
    const result = buildPostImages(seriesOf(fixture('plain-u.diff')), baseReader());
    expect(result.notes).toEqual([]);
    expect(result.perPatch[0]![0]).toMatchObject({ path: 'mm/workingset_memcg.c', complete: true, text: fixture('expected/workingset_memcg-plain.c') });
    expect([...result.perPatch[0]![0]!.added.keys()]).toEqual([9, 30]);
  });
});

describe('buildPostImages on renames, copies, deletions, binary and mode-only files', () => {
  test('binary, mode-only and deleted files have no image; binary is noted; renames and copies have one', () => {
    const { perPatch, notes } = buildPostImages(seriesOf(fixture('multi.diff')));
    expect(perPatch[0]!.map((i) => [i.path, i.text, [...i.added.keys()]])).toEqual([
      ['Documentation/memcg demo\ttab.txt', 'Memcg demo notes\n================\n\nThe demo reads page_memcg(page).\nIt lives in mm/workingset_memcg.c.\nNothing else uses it.\n', [4]],
      ['include/linux/memcg_demo_copy.h', '', []],
      ['mm/kept.c', '', []],
      ['mm/new é.c', '// SPDX-License-Identifier: GPL-2.0\nint demo_new_file;\n', [1, 2]],
    ]);
    expect(notes).toEqual([{ file: 'tools/demo/blob.bin', patch: { index: 1, subject: '' }, message: 'binary file skipped' }]);
  });

  test('a copy starts from the copied file in the base tree', () => {
    const { perPatch } = buildPostImages(seriesOf(fixture('multi.diff')), baseReader());
    expect(perPatch[0]![1]).toMatchObject({ path: 'include/linux/memcg_demo_copy.h', complete: true, text: fixture('base/include/linux/memcg_demo.h') });
  });

  const renameThenModify = [
    [
      'diff --git a/mm/old_stat.c b/mm/new_stat.c',
      'similarity index 95%',
      'rename from mm/old_stat.c',
      'rename to mm/new_stat.c',
      '--- a/mm/old_stat.c',
      '+++ b/mm/new_stat.c',
      '@@ -20,3 +20,4 @@ static void stat_flush(void)',
      ' \tint cpu;',
      '+\tstruct mem_cgroup *memcg = page->mem_cgroup;',
      ' ',
      ' \tfor_each_possible_cpu(cpu)',
      '',
    ].join('\n'),
    [
      'diff --git a/mm/new_stat.c b/mm/new_stat.c',
      '--- a/mm/new_stat.c',
      '+++ b/mm/new_stat.c',
      '@@ -20,4 +20,4 @@ static void stat_flush(void)',
      ' \tint cpu;',
      '-\tstruct mem_cgroup *memcg = page->mem_cgroup;',
      '+\tstruct mem_cgroup *memcg = page_memcg(page);',
      ' ',
      ' \tfor_each_possible_cpu(cpu)',
      '',
    ].join('\n'),
  ];

  test('rename then modify, sparse: the state moves with the rename', () => {
    const series = seriesOf(...renameThenModify);
    const { perPatch, notes } = buildPostImages(series);
    expect(notes).toEqual([]);
    const second = perPatch[1]![0]!;
    expect(second.path).toBe('mm/new_stat.c');
    expect(second.text.split('\n').slice(19, 23)).toEqual(['\tint cpu;', '\tstruct mem_cgroup *memcg = page_memcg(page);', '', '\tfor_each_possible_cpu(cpu)']);
    expect(second.text.split('\n')).toHaveLength(24);
    expect([...second.added]).toEqual([[21, series.patches[1]!.text.indexOf('\tstruct mem_cgroup *memcg = page_memcg')]]);
    expect(second.headings).toEqual([{ line: 20, text: 'static void stat_flush(void)' }]);
  });

  test('rename then modify with a base tree: read from the old path once, then carried', () => {
    const old = Array.from({ length: 25 }, (_, k) => `/* line ${k + 1} */`);
    old.splice(19, 3, '\tint cpu;', '', '\tfor_each_possible_cpu(cpu)');
    const reads: string[] = [];
    const readBase = (path: string) => {
      reads.push(path);
      return path === 'mm/old_stat.c' ? `${old.join('\n')}\n` : null;
    };
    const { perPatch, notes } = buildPostImages(seriesOf(...renameThenModify), readBase);
    expect(notes).toEqual([]);
    expect(reads).toEqual(['mm/old_stat.c']);
    const expected = [...old];
    expected.splice(20, 0, '\tstruct mem_cgroup *memcg = page_memcg(page);');
    expect(perPatch[1]![0]).toMatchObject({ path: 'mm/new_stat.c', complete: true, text: `${expected.join('\n')}\n` });
  });

  test('a file deleted earlier in the series and then modified gives a note', () => {
    const del = ['diff --git a/mm/x.c b/mm/x.c', 'deleted file mode 100644', '--- a/mm/x.c', '+++ /dev/null', '@@ -1 +0,0 @@', '-int x;', ''].join('\n');
    const mod = ['--- a/mm/x.c', '+++ b/mm/x.c', '@@ -1 +1 @@', '-int x;', '+int y;', ''].join('\n');
    const { perPatch, notes } = buildPostImages(seriesOf(del, mod));
    expect(perPatch.map((p) => p.length)).toEqual([0, 1]);
    expect(notes).toEqual([{ file: 'mm/x.c', patch: { index: 2, subject: '' }, message: 'the file was deleted earlier in the series; using a hunk-built image' }]);
  });

  test('a later hunk that contradicts what earlier patches left is noted', () => {
    const one = ['--- a/mm/y.c', '+++ b/mm/y.c', '@@ -5 +5 @@', '-int a;', '+int b;', ''].join('\n');
    const two = ['--- a/mm/y.c', '+++ b/mm/y.c', '@@ -5 +5 @@', '-int a;', '+int c;', ''].join('\n');
    const { perPatch, notes } = buildPostImages(seriesOf(one, two));
    expect(notes).toEqual([{ file: 'mm/y.c', patch: { index: 2, subject: '' }, message: 'hunk 1 does not match the lines earlier patches left' }]);
    expect(perPatch[1]![0]!.text).toBe('\n\n\n\nint c;\n');
  });
});

describe('buildPostImages on malformed hunk numbers', () => {
  test('a hunk header with an absurd line number is skipped with a note, quickly', () => {
    const text = ['--- a/mm/z.c', '+++ b/mm/z.c', '@@ -999999999,2 +999999999,2 @@', ' int a;', '-int b;', '+int c;', ''].join('\n');
    const started = Date.now();
    const sparse = buildPostImages(seriesOf(text));
    const full = buildPostImages(seriesOf(text), () => 'int a;\nint b;\n');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(sparse.perPatch[0]![0]).toMatchObject({ text: '', headings: [] });
    expect(sparse.perPatch[0]![0]!.added.size).toBe(0);
    expect(sparse.notes.map((n) => n.message)).toEqual(['hunk 1 starts past line 1000000 and was skipped']);
    // With a base the context is found near the top, as git apply would.
    expect(full.notes).toEqual([]);
    expect(full.perPatch[0]![0]).toMatchObject({ complete: true, text: 'int a;\nint c;\n' });
  });
});

describe('buildPostImages on a patch repeated in a series', () => {
  test('the hunk-built image of a file does not grow with each copy of a patch that adds lines', () => {
    const hunk = ['--- a/mm/y.c', '+++ b/mm/y.c', '@@ -3,3 +3,5 @@', ' int a;', '-int b;', '+int c;', '+int d;', '+int e;', ' int f;', ''].join('\n');
    const { perPatch, notes } = buildPostImages(seriesOf(...Array.from({ length: 20 }, () => hunk)));
    const texts = perPatch.map((p) => p[0]!.text);
    expect(new Set(texts).size).toBe(1);
    expect(texts[0]).toBe('\n\nint a;\nint c;\nint d;\nint e;\nint f;\n');
    expect(notes).toHaveLength(19);
  });
});
