import { loadCParser, type CParser } from '../../src/c/parser.js';
import { generationOf } from '../../src/model/generation.js';
import { buildHarness, type Harness } from '../../src/verify/build-harness.js';
import { fixtureHeader } from './fixture-header.js';

let parser: CParser;
beforeAll(async () => {
  parser = await loadCParser();
});

function harness(header: string, target: Parameters<typeof generationOf>[0]): Harness {
  const built = buildHarness(header, generationOf(target), parser);
  if (!built.ok) throw new Error(built.reason);
  return built.harness;
}

describe('buildHarness on a 6.1-shaped header', () => {
  it('runs every v6.1 helper the header defines, each called as the model names it', () => {
    const h = harness(fixtureHeader('folio-6.1'), 'v6.1');
    expect(h.cases.map((c) => [c.helper, c.call, c.result])).toEqual([
      ['folio_memcg', 'folio_memcg((struct folio *)page)', 'pointer'],
      ['__folio_memcg', '__folio_memcg((struct folio *)page)', 'pointer'],
      ['__folio_objcg', '__folio_objcg((struct folio *)page)', 'pointer'],
      ['folio_memcg_rcu', 'folio_memcg_rcu((struct folio *)page)', 'pointer'],
      ['folio_memcg_kmem', 'folio_memcg_kmem((struct folio *)page)', 'truth'],
      ['page_memcg', 'page_memcg(page)', 'pointer'],
      ['page_memcg_check', 'page_memcg_check(page)', 'pointer'],
      ['PageMemcgKmem', 'PageMemcgKmem(page)', 'truth'],
      ['folio_memcg_rcu(page_folio())', 'folio_memcg_rcu(page_folio(page))', 'pointer'],
    ]);
    expect(h.skipped.map((s) => s.helper)).toEqual(['raw word test', 'raw word printed']);
  });

  it('writes the CONFIG_MEMCG_KMEM variant, the flag enum and mask from the header, and nothing the helpers do not use', () => {
    const { source } = harness(fixtureHeader('folio-6.1'), 'v6.1');
    expect(source).toContain('VM_BUG_ON_PGFLAGS(PageTail(&folio->page), &folio->page);');
    expect(source.match(/static inline bool folio_memcg_kmem\(struct folio \*folio\)\n\{/g)).toHaveLength(1);
    expect(source).toContain('MEMCG_DATA_KMEM = (1UL << 1),');
    expect(source).toContain('#define MEMCG_DATA_FLAGS_MASK (__NR_MEMCG_DATA_FLAGS - 1)');
    expect(source).not.toContain('get_memcg_of_objcg');
    expect(source).not.toContain('css_tryget(&memcg->css)');
    // Prototypes first: folio_memcg() calls folio_memcg_kmem(), defined after it.
    expect(source.indexOf('static inline bool folio_memcg_kmem(struct folio *folio);')).toBeLessThan(source.indexOf('static inline struct mem_cgroup *folio_memcg(struct folio *folio)\n{'));
  });

  it("sets the states up with the generation's word: a kmem page holds the obj_cgroup, a tail page points to a charged head", () => {
    const { source } = harness(fixtureHeader('folio-6.1'), 'v6.1');
    expect(source).toContain('harness_page.memcg_data = (unsigned long)&harness_objcg | MEMCG_DATA_KMEM;');
    expect(source).toContain('harness_page.memcg_data = (unsigned long)harness_objcgs | MEMCG_DATA_OBJCGS;');
    expect(source).toContain('harness_head.memcg_data = (unsigned long)&harness_memcg;\n\t\tharness_page.compound_head = (unsigned long)&harness_head + 1;');
  });
});

describe('buildHarness on a 5.15-shaped header', () => {
  it('passes a fresh vector where a helper takes one, and negates the call for !set_page_objcgs', () => {
    const h = harness(fixtureHeader('page-5.15'), 'v5.15');
    expect(h.cases.find((c) => c.helper === '!set_page_objcgs')).toEqual({ helper: '!set_page_objcgs', call: '!set_page_objcgs(page, harness_new_objcgs)', result: 'truth', roots: ['set_page_objcgs'], inModel: true, takes: 'page' });
    expect(h.source).toContain('#define MEMCG_DATA_POINTER(data) ((data) & ~MEMCG_DATA_FLAGS_MASK)');
    expect(h.source).toContain('harness_page.memcg_data = (unsigned long)&harness_objcg | MEMCG_DATA_KMEM;');
  });

  it('with the v5.11 model, a kmem page holds the memcg itself', () => {
    expect(harness(fixtureHeader('page-5.15'), 'v5.11').source).toContain('harness_page.memcg_data = (unsigned long)&harness_memcg | MEMCG_DATA_KMEM;');
  });
});

describe('buildHarness: what it leaves out, and when it cannot build', () => {
  const FLAGS = 'enum page_memcg_data_flags { MEMCG_DATA_OBJCGS = 1UL, MEMCG_DATA_KMEM = 2UL };\n';

  it('leaves out a helper that uses what neither the header nor the harness defines, or that it cannot call', () => {
    const h = harness(
      `${FLAGS}static inline struct mem_cgroup *page_memcg(struct page *page) { return harness_unknown_memcg; }
static inline struct mem_cgroup *page_memcg_check(struct page *page) { return NULL; }
static inline bool PageMemcgKmem(struct page *page, int nid) { return false; }
#define page_objcgs(page) NULL
#ifndef CONFIG_MEMCG
static inline struct obj_cgroup **page_objcgs_check(struct page *page) { return NULL; }
#endif
`,
      'v5.11',
    );
    expect(h.cases.map((c) => c.helper)).toEqual(['page_memcg_check']);
    expect(Object.fromEntries(h.skipped.map((s) => [s.helper, s.reason]))).toEqual({
      page_memcg: 'uses harness_unknown_memcg, which neither the header nor the harness defines',
      PageMemcgKmem: 'PageMemcgKmem() takes int (argument 2), which the harness cannot pass',
      page_objcgs: 'a macro in include/linux/memcontrol.h, not a function',
      page_objcgs_check: 'include/linux/memcontrol.h defines it only when CONFIG_MEMCG or CONFIG_MEMCG_KMEM is off',
      set_page_objcgs: 'not in include/linux/memcontrol.h',
      '!set_page_objcgs': 'not in include/linux/memcontrol.h',
      page_memcg_rcu: 'not in include/linux/memcontrol.h',
      'raw word test': 'an expression on the raw word, not a helper a tree defines',
      'raw word printed': 'an expression on the raw word, not a helper a tree defines',
    });
  });

  it.each([
    ['legacy', 'no word', FLAGS, 'the legacy model has no MEMCG_DATA_* flag word to verify (model verify covers v5.11 and later)'],
    ['rfc-v1', 'bit numbers, not MEMCG_DATA_* masks', FLAGS, 'the rfc-v1 model has no MEMCG_DATA_* flag word to verify (model verify covers v5.11 and later)'],
    ['v6.1', 'no flag enum', 'static inline struct mem_cgroup *page_memcg(struct page *page) { return NULL; }\n', 'include/linux/memcontrol.h does not define MEMCG_DATA_OBJCGS or MEMCG_DATA_KMEM: not a v6.1 header'],
    ['v6.1', 'no helper', `${FLAGS}static inline int unrelated(void) { return 0; }\n`, 'include/linux/memcontrol.h defines none of the v6.1 helpers in a form the harness can run'],
  ] as const)('%s, %s: fails with a reason', (target, _what, header, reason) => {
    expect(buildHarness(header, generationOf(target), parser)).toEqual({ ok: false, reason });
  });
});

describe("buildHarness: the tree's own readers of the word", () => {
  const FLAGS = 'enum page_memcg_data_flags { MEMCG_DATA_OBJEXTS = 1UL, MEMCG_DATA_KMEM = 2UL };\n#define OBJEXTS_FLAGS_MASK 3UL\n';
  const HEADER = `${FLAGS}static inline struct obj_cgroup *folio_objcg(struct folio *folio)
{
	unsigned long memcg_data = folio->memcg_data;

	VM_BUG_ON_FOLIO(memcg_data & MEMCG_DATA_OBJEXTS, folio);
	return (struct obj_cgroup *)(memcg_data & ~OBJEXTS_FLAGS_MASK);
}
static inline struct mem_cgroup *folio_memcg(struct folio *folio)
{
	struct obj_cgroup *objcg = folio_objcg(folio);

	return objcg ? READ_ONCE(objcg->memcg) : NULL;
}
static inline bool folio_is_charged_by_hand(struct folio *folio)
{
	return folio_memcg(folio) != NULL;
}
static inline bool folio_matches_lruvec(struct folio *folio, struct lruvec *lruvec)
{
	return folio_memcg(folio) == lruvec->memcg;
}
static inline struct lruvec *folio_lruvec(struct folio *folio)
{
	return (struct lruvec *)folio_memcg(folio);
}
static inline bool folio_is_big(struct folio *folio)
{
	return folio->flags > 1;
}
`;

  it('measures every function that reads the word, directly or through the header, and takes one page or folio: the preset lacks them, so they are not compared', () => {
    const h = harness(HEADER, 'v6.18');
    expect(h.cases.filter((c) => !c.inModel).map((c) => [c.helper, c.call, c.takes])).toEqual([
      ['folio_objcg', 'folio_objcg((struct folio *)page)', 'folio'],
      ['folio_is_charged_by_hand', 'folio_is_charged_by_hand((struct folio *)page)', 'folio'],
    ]);
    expect(h.cases.filter((c) => c.inModel).map((c) => c.helper)).toEqual(['folio_memcg', 'folio_memcg(page_folio())']);
  });
});
