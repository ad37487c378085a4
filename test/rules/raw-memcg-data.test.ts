import { rawMemcgData } from '../../src/rules/raw-memcg-data.js';
import { c, ruleTester } from './rule-tester.js';

ruleTester(rawMemcgData, {
  valid: [
    { name: 'the memcg core may open the word', path: 'include/linux/memcontrol.h', code: c`
static inline struct mem_cgroup *page_memcg(struct page *page)
{
	unsigned long memcg_data = page->memcg_data;

	return (struct mem_cgroup *)(memcg_data & ~MEMCG_DATA_FLAGS_MASK);
}
` },
  ],
  invalid: [
    {
      name: 'a store outside the core: error, no fix',
      path: 'mm/huge_memory.c',
      code: c`
static void split_fixup(struct page *head, struct mem_cgroup *memcg)
{
	head->memcg_data = (unsigned long)memcg;
}
`,
      errors: [{ line: 3, column: 2, verdict: null, message: /^writes the tagged memcg_data word outside the memcg core/ }],
      output: null,
    },
    {
      name: 'a whole-word copy between pages keeps the contract: info, judged by the stored value, not the file',
      path: 'mm/huge_memory.c',
      code: c`
static void split_fixup(struct page *head, int i)
{
	head[i].memcg_data = head->memcg_data;
}
`,
      errors: [{ line: 3, column: 2, severity: 'info', message: /^copies the whole memcg_data word from head/ }],
      output: null,
    },
    {
      name: 'a whole-word copy between folios (7.2 split): info, and the read is not reported apart',
      path: 'mm/huge_memory.c',
      code: c`
static void split_fixup(struct folio *new_folio, struct folio *folio)
{
	new_folio->memcg_data = folio->memcg_data;
}
`,
      errors: [{ line: 3, severity: 'info', message: /^copies the whole memcg_data word from folio/ }],
      output: null,
    },
    {
      name: 'a cast to a pointer, masked: page_memcg() on a user page',
      path: 'mm/workingset.c',
      code: c`
static struct mem_cgroup *eviction_memcg(struct page *page)
{
	return (struct mem_cgroup *)(page->memcg_data & ~MEMCG_DATA_FLAGS_MASK);
}
`,
      errors: [{ line: 3, column: 9, verdict: 'assumed' }],
      output: c`
static struct mem_cgroup *eviction_memcg(struct page *page)
{
	return page_memcg(page);
}
`,
    },
    {
      name: 'flag tests become the accessors',
      code: c`
static void account(struct page *page)
{
	if (PageSlab(page))
		return;
	if (page->memcg_data & MEMCG_DATA_KMEM)
		count_kmem();
}
`,
      errors: [{ line: 5, severity: 'warning', verdict: 'proven' }],
      output: c`
static void account(struct page *page)
{
	if (PageSlab(page))
		return;
	if (PageMemcgKmem(page))
		count_kmem();
}
`,
    },
    {
      name: 'printing the raw word, as page dumps do, is only a note',
      path: 'mm/debug.c',
      code: c`
void __dump_page(struct page *page, const char *reason)
{
	if (page->memcg_data)
		pr_warn("page->memcg_data:%lx\n", page->memcg_data);
}
`,
      errors: [{ line: 3, severity: 'info', verdict: null }, { line: 4, severity: 'info', verdict: null }],
      output: null,
    },
  ],
});

ruleTester(rawMemcgData, {
  valid: [],
  invalid: [
    {
      name: 'kfence clearing a slab word: a state the slab word may hold, info',
      path: 'mm/kfence/core.c',
      code: c`
static void kfence_init_slab(struct slab *slab)
{
	slab->memcg_data = 0;
}
`,
      errors: [{ line: 3, severity: 'info', verdict: null }],
      output: null,
    },
    {
      name: 'kfence storing a vector tagged MEMCG_DATA_OBJCGS in a slab word: info',
      path: 'mm/kfence/core.c',
      code: c`
static void kfence_init_slab(struct slab *slab, struct obj_cgroup **objcg)
{
	slab->memcg_data = (unsigned long)objcg | MEMCG_DATA_OBJCGS;
}
`,
      errors: [{ line: 3, severity: 'info', message: /tagged MEMCG_DATA_OBJCGS in a slab/ }],
      output: null,
    },
    {
      name: 'a slab word given an untagged pointer breaks the contract: warning',
      path: 'mm/kfence/core.c',
      code: c`
static void kfence_init_slab(struct slab *slab, struct obj_cgroup **objcg)
{
	slab->memcg_data = (unsigned long)objcg;
}
`,
      errors: [{ line: 3, severity: 'warning', verdict: null }],
      output: null,
    },
  ],
});
