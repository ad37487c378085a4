import { loadCParser, type CParser } from '../../src/c/parser.js';
import { definedNames, readApiSurface, type ApiSurface } from '../../src/model/api-surface.js';
import { surfaceGeneration } from '../../src/model/surface-generation.js';
import { entryFiles, treeCore } from '../../src/model/tree-core.js';
import { reviewWith } from '../../src/review/reviewer.js';
import { helperAvailability } from '../../src/rules/helper-availability.js';
import { rawMemcgData } from '../../src/rules/raw-memcg-data.js';
import { DEFAULT_CORE_FILES } from '../../src/types.js';

/** Kernel-like headers written for these tests, after the 6.12 / 7.2 / 6.6 tables of ../shared/memcg-api.md. */
const OBJEXTS_612 = `
enum page_memcg_data_flags {
	/* page->memcg_data is a pointer to an slabobj_ext vector */
	MEMCG_DATA_OBJEXTS = (1UL << 0),
	MEMCG_DATA_KMEM = (1UL << 1),
	__NR_MEMCG_DATA_FLAGS  = (1UL << 2),
};
#define __OBJEXTS_ALLOC_FAIL	__NR_MEMCG_DATA_FLAGS
#define OBJEXTS_FLAGS_MASK (__NR_OBJEXTS_FLAGS - 1)

static inline struct mem_cgroup *__folio_memcg(struct folio *folio)
{
	unsigned long memcg_data = folio->memcg_data;
	return (struct mem_cgroup *)(memcg_data & ~OBJEXTS_FLAGS_MASK);
}

static inline struct obj_cgroup *__folio_objcg(struct folio *folio);

static inline struct mem_cgroup *folio_memcg(struct folio *folio)
{
	if (folio_memcg_kmem(folio))
		return obj_cgroup_memcg(__folio_objcg(folio));
	return __folio_memcg(folio);
}

static inline struct mem_cgroup *
folio_memcg_rcu(struct folio *folio);
static inline bool folio_memcg_kmem(struct folio *folio);
static inline struct mem_cgroup *page_memcg_check(struct page *page);
static inline bool PageMemcgKmem(struct page *page);
`;
const PAGE_FLAGS = '#define page_folio(p)		(_Generic((p), const struct page *: (const struct folio *)_compound_head(p)))\n';
const MM_TYPES = 'struct folio {\n\tunsigned long memcg_data;\n};\n';

const surfaceOf = (files: Record<string, string>): ApiSurface => readApiSurface((p) => files[p] ?? null)!;
const s612 = () => surfaceOf({ 'include/linux/memcontrol.h': OBJEXTS_612, 'include/linux/page-flags.h': PAGE_FLAGS, 'include/linux/mm_types.h': MM_TYPES });

let parser: CParser;
beforeAll(async () => {
  parser = await loadCParser();
});

describe('definedNames', () => {
  test('functions at column 0 (name on its own line too), #defines, enum constants; not calls inside bodies', () => {
    const n = definedNames(OBJEXTS_612);
    for (const f of ['__folio_memcg', '__folio_objcg', 'folio_memcg', 'folio_memcg_rcu', 'page_memcg_check', 'PageMemcgKmem']) expect(n.functions).toContain(f);
    expect(n.functions).not.toContain('obj_cgroup_memcg');
    for (const c of ['MEMCG_DATA_OBJEXTS', 'MEMCG_DATA_KMEM', '__NR_MEMCG_DATA_FLAGS', 'OBJEXTS_FLAGS_MASK']) expect(n.constants).toContain(c);
  });
});

describe('readApiSurface and the generation in force', () => {
  test('a 6.12-like tree: nearest preset v6.18, but __folio_memcg(), __folio_objcg() and folio_memcg_rcu() exist', () => {
    const s = s612();
    expect(s.preset).toBe('v6.18');
    expect(s.fields).toEqual(['memcg_data']);
    const gen = surfaceGeneration(s);
    for (const h of ['__folio_memcg', '__folio_objcg', 'folio_memcg_rcu', 'folio_memcg', 'page_memcg_check']) expect(gen.helpers[h]).toBeDefined();
    expect(gen.helpers['page_memcg']).toBeUndefined();
    expect(gen.helpers['folio_memcg_check']).toBeUndefined(); // the preset has it; this tree does not
    expect(gen.flags).toEqual({ objcgs: 'MEMCG_DATA_OBJEXTS', kmem: 'MEMCG_DATA_KMEM', mask: 'OBJEXTS_FLAGS_MASK' });
    expect(gen.intents.read!.write('page')).toBe('folio_memcg(page_folio(page))');
    expect(gen.intents.rcu!.write('page')).toBe('folio_memcg_rcu(page_folio(page))'); // the tree has it, so it is proposed
    expect(gen.api).toBe(s);
  });

  test('a 6.6-like tree (v6.1 names plus folio_memcg_check()): folio_memcg_check() exists', () => {
    const s = surfaceOf({ 'include/linux/memcontrol.h': 'enum { MEMCG_DATA_OBJCGS = 1, MEMCG_DATA_KMEM = 2 };\nstatic inline struct mem_cgroup *folio_memcg(struct folio *folio);\nstatic inline struct mem_cgroup *folio_memcg_check(struct folio *folio);\nstatic inline struct mem_cgroup *page_memcg(struct page *page);\n' });
    expect(s.preset).toBe('v6.1');
    const gen = surfaceGeneration(s);
    expect(gen.helpers['folio_memcg_check']).toBeDefined();
    expect(gen.intents.check).toBeUndefined(); // no page_memcg_check() in this tree: never proposed
    expect(gen.flags!.objcgs).toBe('MEMCG_DATA_OBJCGS');
  });

  test('no memcg header: no surface', () => {
    expect(readApiSurface(() => null)).toBeNull();
  });
});

describe('reviews against the API in force', () => {
  const review = (rules: Parameters<typeof reviewWith>[1], text: string, api: ApiSurface, path = 'drivers/vendor/pool.c') =>
    reviewWith(parser, rules, { path, text }, { target: api.preset, api, coreFiles: DEFAULT_CORE_FILES });

  test('calls the tree defines are not unavailable; one it does not define is, with a fix it defines', () => {
    const code = 'struct mem_cgroup *f(struct folio *folio, struct page *page)\n{\n\tif (__folio_memcg(folio))\n\t\treturn folio_memcg_rcu(folio);\n\treturn page_memcg(page);\n}\n';
    const found = review([helperAvailability], code, s612());
    expect(found.map((f) => [f.line, f.message.split(' (')[0]])).toEqual([[5, "page_memcg() does not exist in the tree's API"]]);
    expect(found[0]!.fix!.edits[0]!.text).toBe('folio_memcg(page_folio(page))');
  });

  test('a vendor file carrying its own copy of a 5.10 slab helper: its own function exists', () => {
    const code = 'static inline struct obj_cgroup **page_obj_cgroups(struct page *page)\n{\n\treturn NULL;\n}\n\nvoid f(struct page *page)\n{\n\tuse(page_obj_cgroups(page));\n\tuse(page_memcg(page));\n}\n';
    const found = review([helperAvailability], code, s612());
    expect(found.map((f) => f.message.split('(')[0])).toEqual(['page_memcg']);
  });

  test('a flag test on an OBJEXTS tree names MEMCG_DATA_OBJEXTS', () => {
    const code = 'bool f(struct page *page)\n{\n\treturn page->memcg_data & MEMCG_DATA_OBJEXTS;\n}\n';
    const found = review([rawMemcgData], code, s612());
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/^tests MEMCG_DATA_OBJEXTS by hand/);
    expect(found[0]!.message).not.toContain('OBJCGS');
  });
});

describe('treeCore', () => {
  const MAINTAINERS = 'CONTROL GROUP (CGROUP)\nF:\tkernel/cgroup/\n\nCONTROL GROUP - MEMORY RESOURCE CONTROLLER (MEMCG)\nM:\tSomeone <s@example.org>\nL:\tlinux-mm@kvack.org\nF:\tinclude/linux/memcontrol.h\nF:\tmm/memcontrol.c\nF:\tmm/memcontrol-v1.c\nF:\tmm/memcontrol-v1.h\nF:\tmm/swap_cgroup/\n\nNEXT ENTRY\nF:\tmm/other.c\n';
  test('the MEMCG entry\'s files (a folder covers what is below), plus the headers that define the word\'s readers', () => {
    expect(entryFiles(MAINTAINERS, 'CONTROL GROUP - MEMORY RESOURCE CONTROLLER (MEMCG)')).toEqual(['include/linux/memcontrol.h', 'mm/memcontrol.c', 'mm/memcontrol-v1.c', 'mm/memcontrol-v1.h', 'mm/swap_cgroup/**']);
    const core = treeCore((p) => (p === 'MAINTAINERS' ? MAINTAINERS : p === 'mm/slab.h' ? 'static inline struct obj_cgroup **slab_objcgs(struct slab *slab)\n{\n\treturn (void *)(slab->memcg_data & ~MEMCG_DATA_FLAGS_MASK);\n}\n' : null));
    expect(core.files).toEqual(['include/linux/memcontrol.h', 'mm/memcontrol.c', 'mm/memcontrol-v1.c', 'mm/memcontrol-v1.h', 'mm/swap_cgroup/**', 'mm/slab.h']);
    expect(treeCore(() => null).files).toEqual([]);
  });
});
