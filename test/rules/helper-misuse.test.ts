import { helperMisuse } from '../../src/rules/helper-misuse.js';
import { c, ruleTester } from './rule-tester.js';

ruleTester(helperMisuse, {
  valid: [
    { name: 'nothing says a slab page can come: no claim', code: c`
static void f(struct page *page) { g(page_memcg(page)); }
` },
    { name: 'page_memcg() on an LRU path', code: c`
void mem_cgroup_swapout(struct page *page) { g(page_memcg(page)); }
` },
    { name: 'PageMemcgKmem() after page_memcg_check() gave a memcg (an #ifdef block, a goto)', target: 'v6.1', code: c`
static int print_page_owner_memcg(char *kbuf, size_t count, int ret, struct page *page)
{
#ifdef CONFIG_MEMCG
	struct mem_cgroup *memcg;

	memcg = page_memcg_check(page);
	if (!memcg)
		goto out;
	ret += scnprintf(kbuf + ret, count - ret, "%s", PageMemcgKmem(page) ? "kmem" : "");
out:
#endif
	return ret;
}
` },
    { name: 'page_objcgs() behind the vector test', code: c`
struct mem_cgroup *mem_cgroup_from_obj(void *p)
{
	struct page *page = virt_to_head_page(p);

	if (page_objcgs_check(page))
		return obj_cgroup_memcg(page_objcgs(page)[0]);
	return NULL;
}
` },
  ],
  invalid: [
    {
      name: 'page_memcg() in a function that is given any page: page_memcg_check()',
      code: c`
ino_t page_cgroup_ino(struct page *page)
{
	struct mem_cgroup *memcg = page_memcg(page);

	return memcg ? cgroup_ino(memcg->css.cgroup) : 0;
}
`,
      errors: [{ line: 3, column: 29, verdict: 'proven', message: 'page_memcg() on a page that can be a slab page with an obj_cgroup vector (page_cgroup_ino() may be passed any page): it hits VM_BUG_ON_PAGE(PageSlab(page))' }],
      output: c`
ino_t page_cgroup_ino(struct page *page)
{
	struct mem_cgroup *memcg = page_memcg_check(page);

	return memcg ? cgroup_ino(memcg->css.cgroup) : 0;
}
`,
    },
    {
      name: 'PageMemcgKmem() in a PageSlab() branch: no safer reader, flagged only',
      code: c`
static void account(struct page *page)
{
	if (PageSlab(page) && PageMemcgKmem(page))
		count();
}
`,
      errors: [{ verdict: null, message: /^PageMemcgKmem\(\) on a page that can be a slab page with an obj_cgroup vector/ }],
      output: null,
    },
    {
      name: 'v6.1: page_memcg(&folio->page) is folio_memcg(folio)',
      target: 'v6.1',
      code: c`
void mem_cgroup_swapout(struct folio *folio, swp_entry_t entry)
{
	struct mem_cgroup *memcg = page_memcg(&folio->page);
}
`,
      errors: [{ severity: 'warning', verdict: 'assumed', message: 'page_memcg(&folio->page) takes the long way round in v6.1: folio_memcg() reads the folio directly' }],
      output: c`
void mem_cgroup_swapout(struct folio *folio, swp_entry_t entry)
{
	struct mem_cgroup *memcg = folio_memcg(folio);
}
`,
    },
  ],
});

ruleTester(helperMisuse, {
  valid: [
    { name: 'a guard that only rules kmem pages out says nothing about slab pages', code: c`
void lru_balance_note(struct page *page)
{
	if (PageKmemcg(page))
		return;
	if (page_memcg(page) == root_mem_cgroup)
		count();
}
` },
  ],
  invalid: [],
});

// Guards are facts and override names; names alone never overrule a guard (issue 11).
ruleTester(helperMisuse, {
  valid: [
    { name: "7.2's memcg_slab_post_charge(): PageMemcgKmem() under a PageLargeKmalloc() guard, although the name says slab", target: 'v6.18', path: 'mm/slub.c', code: c`
bool memcg_slab_post_charge(void *p, gfp_t flags)
{
	struct page *page;

	page = virt_to_page(p);
	if (PageLargeKmalloc(page)) {
		if (PageMemcgKmem(page))
			return true;
		return false;
	}
	return true;
}
` },
    { name: 'page_objcgs() under a PageSlab() guard', code: c`
static void f(struct page *page)
{
	if (PageSlab(page))
		g(page_objcgs(page));
}
` },
    { name: 'page_memcg() under !PageKmemcg(): the guard says nothing about slab pages', code: c`
static void f(struct page *page)
{
	if (!PageMemcgKmem(page))
		g(page_memcg(page));
}
` },
  ],
  invalid: [
    {
      name: 'page_objcgs() under !PageSlab(): it BUGs on every charged page there',
      code: c`
static void f(struct page *page)
{
	if (!PageSlab(page))
		g(page_objcgs(page));
}
`,
      errors: [{ line: 4, verdict: 'proven', message: /^page_objcgs\(\) on a page that can be a user\/LRU page charged to a memcg \(guarded by a page-kind test\): it hits VM_BUG_ON_PAGE/ }],
      output: c`
static void f(struct page *page)
{
	if (!PageSlab(page))
		g(page_objcgs_check(page));
}
`,
    },
    {
      name: 'page_memcg() on the page of an object address: any page may come',
      code: c`
static struct mem_cgroup *owner_of(void *ptr)
{
	struct page *page = virt_to_head_page(ptr);

	return page_memcg(page);
}
`,
      errors: [{ line: 5, verdict: 'proven', message: /\(the page comes from virt_to_head_page\(\), which may be any page\)/ }],
      output: c`
static struct mem_cgroup *owner_of(void *ptr)
{
	struct page *page = virt_to_head_page(ptr);

	return page_memcg_check(page);
}
`,
    },
    {
      name: 'the same where the name suggests a kmem page: a note that states both, without a fix (a name lowers, never proves)',
      code: c`
struct mem_cgroup *mem_cgroup_from_kmem(void *ptr)
{
	struct page *page = virt_to_head_page(ptr);

	return page_memcg(page);
}
`,
      errors: [{ line: 5, severity: 'info', verdict: null, message: /^page_memcg\(\) on a page that can be a slab page .*virt_to_head_page\(\), which may be any page\), where it hits .*; it does not if the page is a kmem page, as `mem_cgroup_from_kmem\(\)` suggests$/ }],
      output: null,
    },
    {
      name: 'a name alone says slab: the warning states it as an assumption',
      path: 'mm/slub.c',
      code: c`
static void slab_account(struct page *page)
{
	g(PageMemcgKmem(page));
}
`,
      errors: [{ verdict: null, message: /^PageMemcgKmem\(\) on a page that can be a slab page with an obj_cgroup vector \(if the page is a slab page, as `slab_account\(\)` suggests\)/ }],
      output: null,
    },
  ],
});
