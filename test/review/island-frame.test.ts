import { functionOf, ISLAND_FUNCTION, islandFrame } from '../../src/review/island-frame.js';
import { islandsOf } from '../../src/review/review-islands.js';
import { parseSeries } from '../../src/patch/parse-series.js';
import { buildPostImages } from '../../src/patch/post-image.js';

const STAND_IN = `void ${ISLAND_FUNCTION}(void)`;

describe('islandFrame', () => {
  test('a run inside a body two blocks deep that closes both: the function and one block opened before it', () => {
    expect(islandFrame(['\t\tgoto out;', '\t}', '', '\tmemcg = page->mem_cgroup;'], 'struct lruvec *f(struct page *page, int nid)')).toEqual({
      before: ['struct lruvec *f(struct page *page, int nid) { {'],
      after: ['}'],
    });
  });

  test('a run at file scope gets no function; blocks it leaves open are closed after it', () => {
    expect(islandFrame(['static int g(struct page *page)', '{', '\tif (x) {'])).toEqual({ before: [], after: ['}}'] });
  });

  test('a body brace on its own line: the heading above it is the function', () => {
    expect(islandFrame(['{', '\tstruct mem_cgroup *memcg;'], 'struct css *css_of(struct page *page)')).toEqual({
      before: ['struct css *css_of(struct page *page)'],
      after: ['}'],
    });
  });

  test('#if halves: an #else or #endif without its #if gets one before, an #if without #endif one after', () => {
    expect(islandFrame(['#else', '\tx();', '#endif', '#endif', '#ifdef A', '\ty();'])).toEqual({
      before: ['#if 1', '#if 1', `${STAND_IN} {`],
      after: ['#endif', '}'],
    });
  });

  test('braces in comments, strings and characters do not count; a run that starts in a comment opens one, one left open is closed', () => {
    expect(islandFrame(['\t * end of a comment { */', '\tx = "}"; y = \'{\'; // }', '\t/* open {'])).toEqual({
      before: [`${STAND_IN} {`, '/*'],
      after: ['*/', '}'],
    });
  });

  test('macro continuation lines are part of their directive', () => {
    expect(islandFrame(['#define M(x) { \\', '\t}', 'int a;'])).toEqual({ before: [], after: [] });
  });
});

describe('functionOf', () => {
  test('a heading that names a function becomes its declarator; a truncated one is closed', () => {
    expect(functionOf('static __always_inline bool free_pages_prepare(struct page *page,')).toBe('static __always_inline bool free_pages_prepare(struct page *page)');
    expect(functionOf('int f(struct page *page) /* x */')).toBe('int f(struct page *page)');
  });

  test('labels, macros, structs and function pointers give the stand-in', () => {
    for (const h of ['again:', 'TRACE_EVENT(track_foreign_dirty,', 'struct foo {', 'int f(void (*cb)(int))', 'int x = g(1);', '']) {
      expect(functionOf(h)).toBe(STAND_IN);
    }
  });
});

describe('islandsOf', () => {
  const patch = [
    'diff --git a/mm/a.c b/mm/a.c',
    '--- a/mm/a.c',
    '+++ b/mm/a.c',
    '@@ -10,3 +10,4 @@ struct mem_cgroup *lock_it(struct page *page)',
    ' \tif (x)',
    ' \t\treturn NULL;',
    '+\tmemcg = page->mem_cgroup;',
    ' again:',
    '@@ -30,2 +31,3 @@ again:',
    ' \tif (y)',
    '+\t\tmemcg = page->mem_cgroup;',
    ' \t\treturn memcg;',
    '@@ -50,2 +52,3 @@ static void other(void)',
    ' }',
    ' int z;',
    '+int w;',
    '',
  ].join('\n');
  const image = buildPostImages(parseSeries([{ source: 'p', text: patch }]).series).perPatch[0]![0]!;

  test('one island per run with added lines, at its place in the image; a label heading keeps the function before it', () => {
    const islands = [...islandsOf(image)];
    expect(islands.map((i) => [i.run, i.firstLine])).toEqual([
      [{ start: 10, end: 13 }, 2],
      [{ start: 31, end: 33 }, 2],
      [{ start: 52, end: 54 }, 2],
    ]);
    expect(islands[1]!.file.text.split('\n')[0]).toBe('struct mem_cgroup *lock_it(struct page *page) {');
    expect(islands[1]!.file.headings).toEqual([{ line: 2, text: 'struct mem_cgroup *lock_it(struct page *page)' }]);
    // The third run starts by closing its heading's function.
    expect(islands[2]!.file.text).toBe('static void other(void) {\n}\nint z;\nint w;\n');
  });
});
