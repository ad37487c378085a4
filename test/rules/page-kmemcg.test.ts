import { pageKmemcg } from '../../src/rules/page-kmemcg.js';
import { c, ruleTester } from './rule-tester.js';

ruleTester(pageKmemcg, {
  valid: [
    { name: 'the v5.11 flag helper', code: c`
static void free_pages_prepare(struct page *page, unsigned int order)
{
	if (memcg_kmem_enabled() && PageMemcgKmem(page))
		__memcg_kmem_uncharge_page(page, order);
}
` },
    { name: 'a name that only contains the word', code: c`
static bool PageKmemcgLike(struct page *page);
` },
  ],
  invalid: [
    {
      name: 'PageKmemcg() becomes PageMemcgKmem(), conditional where the page may be a slab page',
      code: c`
static void account_page(struct page *page, unsigned int order)
{
	if (memcg_kmem_enabled() && PageKmemcg(page))
		__memcg_kmem_uncharge_page(page, order);
}
`,
      errors: [{ line: 3, column: 30, verdict: 'conditional' }],
      output: c`
static void account_page(struct page *page, unsigned int order)
{
	if (memcg_kmem_enabled() && PageMemcgKmem(page))
		__memcg_kmem_uncharge_page(page, order);
}
`,
    },
    {
      name: 'a page being freed has lost its obj_cgroup vector, as the function name suggests: assumed',
      code: c`
static bool free_pages_prepare(struct page *page, unsigned int order)
{
	if (memcg_kmem_enabled() && PageKmemcg(page))
		__memcg_kmem_uncharge_page(page, order);
	return true;
}
`,
      errors: [{ line: 3, verdict: 'assumed' }],
      output: c`
static bool free_pages_prepare(struct page *page, unsigned int order)
{
	if (memcg_kmem_enabled() && PageMemcgKmem(page))
		__memcg_kmem_uncharge_page(page, order);
	return true;
}
`,
    },
    {
      name: 'PageKmemcg() on a page known not to be a slab page is proven',
      code: c`
static bool is_kmem(struct page *page)
{
	if (PageSlab(page))
		return false;
	return PageKmemcg(page);
}
`,
      errors: [{ verdict: 'proven' }],
      output: c`
static bool is_kmem(struct page *page)
{
	if (PageSlab(page))
		return false;
	return PageMemcgKmem(page);
}
`,
    },
    {
      name: '__SetPageKmemcg() folds into the store before it (the fix of the store, shared)',
      path: 'mm/memcontrol.c',
      code: c`
static void kmem_commit(struct page *page, struct mem_cgroup *memcg)
{
	page->mem_cgroup = memcg;
	__SetPageKmemcg(page);
}
`,
      errors: [{ line: 4, verdict: 'proven' }],
      output: c`
static void kmem_commit(struct page *page, struct mem_cgroup *memcg)
{
	page->memcg_data = (unsigned long)memcg | MEMCG_DATA_KMEM;
}
`,
    },
    {
      name: '__SetPageKmemcg() with no store to fold into: no fix',
      path: 'mm/memcontrol.c',
      code: c`
static void kmem_mark(struct page *page)
{
	__SetPageKmemcg(page);
}
`,
      errors: [{ verdict: null }],
      output: null,
    },
    {
      name: '__ClearPageKmemcg() goes, with its if and comment, where the word is zeroed',
      path: 'mm/memcontrol.c',
      code: c`
void __memcg_kmem_uncharge_page(struct page *page, int order)
{
	page->mem_cgroup = NULL;
	css_put(&memcg->css);

	/* slab pages do not have PageKmemcg flag set */
	if (PageKmemcg(page))
		__ClearPageKmemcg(page);
}
`,
      errors: [{ line: 7, verdict: 'assumed' }, { line: 8, verdict: 'proven' }],
      output: c`
void __memcg_kmem_uncharge_page(struct page *page, int order)
{
	page->mem_cgroup = NULL;
	css_put(&memcg->css);
}
`,
    },
    {
      name: '__ClearPageKmemcg() where nothing zeroes the word: conditional',
      code: c`
static void drop_kmem(struct page *page)
{
	__ClearPageKmemcg(page);
	put_page(page);
}
`,
      errors: [{ verdict: 'conditional' }],
      output: c`
static void drop_kmem(struct page *page)
{
	put_page(page);
}
`,
    },
  ],
});
