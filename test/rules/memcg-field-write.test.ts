import { memcgFieldWrite } from '../../src/rules/memcg-field-write.js';
import { c, ruleTester } from './rule-tester.js';

const CORE = 'mm/memcontrol.c';

ruleTester(memcgFieldWrite, {
  valid: [
    { name: 'the v5.11 store in the core', path: CORE, code: c`
static void commit_charge(struct page *page, struct mem_cgroup *memcg)
{
	page->memcg_data = (unsigned long)memcg;
}
` },
    { name: 'a read is not a store', path: CORE, code: c`
static void f(struct page *page, struct mem_cgroup **out)
{
	*out = page->mem_cgroup;
}
` },
  ],
  invalid: [
    {
      name: 'commit_charge: a user page as its name suggests, the plain store is assumed',
      path: CORE,
      code: c`
static void commit_charge(struct page *page, struct mem_cgroup *memcg)
{
	page->mem_cgroup = memcg;
}
`,
      errors: [{ line: 3, column: 2, verdict: 'assumed', message: /^stores to page->mem_cgroup, which v5.11 replaced by the tagged word memcg_data/ }],
      output: c`
static void commit_charge(struct page *page, struct mem_cgroup *memcg)
{
	page->memcg_data = (unsigned long)memcg;
}
`,
    },
    {
      name: 'kmem charge: __SetPageKmemcg() folds into | MEMCG_DATA_KMEM',
      path: CORE,
      code: c`
int __memcg_kmem_charge_page(struct page *page, gfp_t gfp, int order)
{
	struct mem_cgroup *memcg = get_mem_cgroup_from_current();

	if (!__memcg_kmem_charge(memcg, gfp, 1 << order)) {
		page->mem_cgroup = memcg;
		__SetPageKmemcg(page);
		return 0;
	}
	return -ENOMEM;
}
`,
      errors: [{ line: 6, verdict: 'proven' }],
      output: c`
int __memcg_kmem_charge_page(struct page *page, gfp_t gfp, int order)
{
	struct mem_cgroup *memcg = get_mem_cgroup_from_current();

	if (!__memcg_kmem_charge(memcg, gfp, 1 << order)) {
		page->memcg_data = (unsigned long)memcg | MEMCG_DATA_KMEM;
		return 0;
	}
	return -ENOMEM;
}
`,
    },
    {
      name: '= NULL becomes = 0; proven where __ClearPageKmemcg() goes with it',
      path: CORE,
      code: c`
void __memcg_kmem_uncharge_page(struct page *page, int order)
{
	page->mem_cgroup = NULL;
	if (PageKmemcg(page))
		__ClearPageKmemcg(page);
}
`,
      errors: [{ line: 3, verdict: 'proven' }],
      output: c`
void __memcg_kmem_uncharge_page(struct page *page, int order)
{
	page->memcg_data = 0;
	if (PageKmemcg(page))
		__ClearPageKmemcg(page);
}
`,
    },
    {
      name: 'a store that may hit a kmem page is only conditional: it clears the KMEM flag',
      path: CORE,
      code: c`
static void memcg_transfer(struct page *page, struct mem_cgroup *to)
{
	page->mem_cgroup = to ? to : root_mem_cgroup;
}
`,
      errors: [{ verdict: 'conditional' }],
      output: c`
static void memcg_transfer(struct page *page, struct mem_cgroup *to)
{
	page->memcg_data = (unsigned long)(to ? to : root_mem_cgroup);
}
`,
    },
    {
      name: 'array element of a compound page',
      path: CORE,
      code: c`
static void mem_cgroup_split_huge_fixup(struct page *head)
{
	int i;

	for (i = 1; i < HPAGE_PMD_NR; i++)
		head[i].mem_cgroup = head->mem_cgroup;
}
`,
      errors: [{ line: 6, column: 3, verdict: 'assumed' }],
      output: c`
static void mem_cgroup_split_huge_fixup(struct page *head)
{
	int i;

	for (i = 1; i < HPAGE_PMD_NR; i++)
		head[i].memcg_data = (unsigned long)head->mem_cgroup;
}
`,
    },
    {
      name: 'WRITE_ONCE()',
      path: CORE,
      code: c`
static void mem_cgroup_move_account_page(struct page *page, struct mem_cgroup *to)
{
	WRITE_ONCE(page->mem_cgroup, to);
}
`,
      errors: [{ verdict: 'assumed' }],
      output: c`
static void mem_cgroup_move_account_page(struct page *page, struct mem_cgroup *to)
{
	WRITE_ONCE(page->memcg_data, (unsigned long)to);
}
`,
    },
    {
      name: 'outside the memcg core a store is an error with no fix',
      path: 'drivers/gpu/example.c',
      code: c`
static void steal(struct page *page, struct mem_cgroup *memcg)
{
	page->mem_cgroup = memcg;
}
`,
      errors: [{ verdict: null, message: /outside the memcg core/ }],
      output: null,
    },
  ],
});

ruleTester(memcgFieldWrite, {
  valid: [],
  invalid: [
    {
      name: 'a conditional __SetPageKmemcg() on the same page folds as a conditional flag',
      path: 'mm/memcontrol.c',
      code: c`
void split_page_memcg(struct page *head, unsigned int nr)
{
	struct mem_cgroup *memcg = get_memcg(head);
	int kmemcg = PageKmemcg(head);
	int i;

	for (i = 1; i < nr; i++) {
		head[i].mem_cgroup = memcg;
		if (kmemcg)
			__SetPageKmemcg(head + i);
	}
}
`,
      errors: [{ line: 8, verdict: 'proven' }],
      output: c`
void split_page_memcg(struct page *head, unsigned int nr)
{
	struct mem_cgroup *memcg = get_memcg(head);
	int kmemcg = PageKmemcg(head);
	int i;

	for (i = 1; i < nr; i++) {
		head[i].memcg_data = (unsigned long)memcg | (kmemcg ? MEMCG_DATA_KMEM : 0);
	}
}
`,
    },
    {
      name: 'a user-path function that also handles kmem pages: a plain store is only conditional',
      path: 'mm/memcontrol.c',
      code: c`
void split_page_memcg(struct page *head, unsigned int nr)
{
	struct mem_cgroup *memcg = get_memcg(head);
	int i;

	if (PageKmemcg(head))
		return;
	for (i = 1; i < nr; i++)
		head[i].mem_cgroup = memcg;
}
`,
      errors: [{ line: 9, verdict: 'conditional' }],
      output: c`
void split_page_memcg(struct page *head, unsigned int nr)
{
	struct mem_cgroup *memcg = get_memcg(head);
	int i;

	if (PageKmemcg(head))
		return;
	for (i = 1; i < nr; i++)
		head[i].memcg_data = (unsigned long)memcg;
}
`,
    },
  ],
});
