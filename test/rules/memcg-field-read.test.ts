import { memcgFieldRead } from '../../src/rules/memcg-field-read.js';
import { loadCParser, type CParser } from '../../src/c/parser.js';
import { reviewWith } from '../../src/review/reviewer.js';
import { DEFAULT_OPTIONS } from '../../src/types.js';
import { c, ruleTester } from './rule-tester.js';

ruleTester(memcgFieldRead, {
  valid: [
    { name: 'helper already used', code: c`
static void f(struct page *page)
{
	struct mem_cgroup *memcg = page_memcg(page);
}
` },
    { name: 'a struct of the file with its own mem_cgroup field', code: c`
struct reclaim_cookie {
	struct mem_cgroup *mem_cgroup;
};
static struct mem_cgroup *f(struct reclaim_cookie *cookie)
{
	return cookie->mem_cgroup;
}
` },
    { name: 'strings and comments are not code', code: c`
static void f(struct page *page)
{
	/* page->mem_cgroup is read under the lock */
	pr_info("page->mem_cgroup=%p\n", page_memcg(page));
}
` },
    { name: 'a void pointer is not a page', code: c`
static void f(void *p, struct mem_cgroup *memcg)
{
	memcg = ((struct mem_cgroup_tree *)p)->mem_cgroup;
}
` },
  ],
  invalid: [
    {
      name: 'swap path: page_memcg()',
      code: c`
void mem_cgroup_swapout(struct page *page, swp_entry_t entry)
{
	struct mem_cgroup *memcg;

	memcg = page->mem_cgroup;
	if (!memcg)
		return;
}
`,
      errors: [{ line: 5, column: 10, verdict: 'assumed', confidence: 'high', message: /^page->mem_cgroup is gone since v5.11: the word that replaced it reads a tagged pointer when the page is a kmem page/ }],
      output: c`
void mem_cgroup_swapout(struct page *page, swp_entry_t entry)
{
	struct mem_cgroup *memcg;

	memcg = page_memcg(page);
	if (!memcg)
		return;
}
`,
    },
    {
      name: 'procfs lookup of any page: page_memcg_check()',
      code: c`
ino_t page_cgroup_ino(struct page *page)
{
	struct mem_cgroup *memcg = page->mem_cgroup;

	return memcg ? cgroup_ino(memcg->css.cgroup) : 0;
}
`,
      errors: [{ line: 3, verdict: 'proven', message: /misreads a slab page with an obj_cgroup vector/ }],
      output: c`
ino_t page_cgroup_ino(struct page *page)
{
	struct mem_cgroup *memcg = page_memcg_check(page);

	return memcg ? cgroup_ino(memcg->css.cgroup) : 0;
}
`,
    },
    {
      name: 'nothing narrows the page: page_memcg_check(), the proven one',
      code: c`
static unsigned short memcg_id_of(struct page *page)
{
	return page->mem_cgroup->id.id;
}
`,
      errors: [{ line: 3, column: 9, verdict: 'proven' }],
      output: c`
static unsigned short memcg_id_of(struct page *page)
{
	return page_memcg_check(page)->id.id;
}
`,
    },
    {
      name: 'a PageSlab early return narrows to non-slab pages: page_memcg()',
      code: c`
static unsigned short memcg_id_of(struct page *page)
{
	if (PageSlab(page))
		return 0;
	return page->mem_cgroup->id.id;
}
`,
      errors: [{ line: 5, verdict: 'proven' }],
      output: c`
static unsigned short memcg_id_of(struct page *page)
{
	if (PageSlab(page))
		return 0;
	return page_memcg(page)->id.id;
}
`,
    },
    {
      name: 'READ_ONCE() under rcu_read_lock() on an LRU path: page_memcg_rcu()',
      code: c`
static bool workingset_test(struct page *page)
{
	struct mem_cgroup *memcg;
	bool ret;

	rcu_read_lock();
	memcg = READ_ONCE(page->mem_cgroup);
	ret = mem_cgroup_online(memcg);
	rcu_read_unlock();
	return ret;
}
`,
      errors: [{ line: 7, column: 20, verdict: 'assumed' }],
      output: c`
static bool workingset_test(struct page *page)
{
	struct mem_cgroup *memcg;
	bool ret;

	rcu_read_lock();
	memcg = page_memcg_rcu(page);
	ret = mem_cgroup_online(memcg);
	rcu_read_unlock();
	return ret;
}
`,
    },
    {
      name: 'receivers: compound_head(), &...->css, head[i], head + i; virt_to_head_page() of an address may be any page, whatever the function is called',
      code: c`
static void split_page_memcg_fixup(struct page *head, int i)
{
	css_get(&compound_head(head)->mem_cgroup->css);
	memcg_check(head[i].mem_cgroup);
	memcg_check((head + i)->mem_cgroup);
	memcg_check(virt_to_head_page(head)->mem_cgroup);
}
`,
      errors: [{ line: 3, verdict: 'assumed' }, { line: 4, column: 14, verdict: 'assumed' }, { line: 5, verdict: 'assumed' }, { line: 6, verdict: 'proven' }],
      output: c`
static void split_page_memcg_fixup(struct page *head, int i)
{
	css_get(&page_memcg(compound_head(head))->css);
	memcg_check(page_memcg(&head[i]));
	memcg_check(page_memcg(head + i));
	memcg_check(page_memcg_check(virt_to_head_page(head)));
}
`,
    },
    {
      name: 'a "charged at all" test on a page of unknown kind keeps the raw word, as the page allocator did upstream',
      code: c`
static const char *page_bad_reason(struct page *page)
{
	if (unlikely(page->mem_cgroup))
		return "page still charged to cgroup";
	return NULL;
}
`,
      errors: [{ line: 3, verdict: 'proven' }],
      output: c`
static const char *page_bad_reason(struct page *page)
{
	if (unlikely(page->memcg_data))
		return "page still charged to cgroup";
	return NULL;
}
`,
    },
    {
      name: 'macro bodies are reviewed, the receiver type guessed from the parameter name',
      code: c`
#define page_memcg_css(page) \
	(&(page)->mem_cgroup->css)
`,
      errors: [{ line: 2, column: 4, confidence: 'low', message: /\(type of page not declared in view; assumed from its name\)$/ }],
      output: c`
#define page_memcg_css(page) \
	(&page_memcg_check(page)->css)
`,
    },
    {
      name: 'TRACE_EVENT: the type comes from TP_PROTO',
      code: c`
TRACE_EVENT(mm_memcg_event,
	TP_PROTO(struct page *pg),
	TP_ARGS(pg),
	TP_STRUCT__entry(__field(unsigned short, id)),
	TP_fast_assign(
		__entry->id = pg->mem_cgroup->id.id;
	),
	TP_printk("id=%u", __entry->id)
);
`,
      errors: [{ line: 6, column: 17, confidence: 'high' }],
      output: c`
TRACE_EVENT(mm_memcg_event,
	TP_PROTO(struct page *pg),
	TP_ARGS(pg),
	TP_STRUCT__entry(__field(unsigned short, id)),
	TP_fast_assign(
		__entry->id = page_memcg_check(pg)->id.id;
	),
	TP_printk("id=%u", __entry->id)
);
`,
    },
    {
      name: '#ifdef branches are reviewed; a dump prints the raw word, its conversion made %lx',
      code: c`
static void dump_memcg(struct page *page)
{
#ifdef CONFIG_MEMCG
	pr_warn("memcg:%px\n", page->mem_cgroup);
#else
	pr_warn("no memcg\n");
#endif
}
`,
      errors: [{ line: 4 }],
      output: c`
static void dump_memcg(struct page *page)
{
#ifdef CONFIG_MEMCG
	pr_warn("memcg:%lx\n", page->memcg_data);
#else
	pr_warn("no memcg\n");
#endif
}
`,
    },
    {
      name: 'an undeclared receiver with no telling name: an info note that says the type is unknown, without a fix',
      code: c`
static void f(void)
{
	use(obj->mem_cgroup);
}
`,
      errors: [{ severity: 'info', confidence: 'low', verdict: null, message: /^obj may not be a struct page .*\(receiver type unknown here\)$/ }],
      output: null,
    },
    {
      name: 'the legacy body of a helper is an info-level note without a fix',
      code: c`
static inline struct mem_cgroup *page_memcg(struct page *page)
{
	return page->mem_cgroup;
}
`,
      errors: [{ message: /legacy body of page_memcg\(\)/, verdict: null, severity: 'info' }],
      output: null,
    },
  ],
});

ruleTester(memcgFieldRead, {
  valid: [],
  invalid: [
    {
      name: '!PageLRU() says nothing about the page kind: the swap path still gets page_memcg()',
      code: c`
void mem_cgroup_swapout(struct page *page, swp_entry_t entry)
{
	struct mem_cgroup *memcg;

	VM_BUG_ON_PAGE(PageLRU(page), page);
	memcg = page->mem_cgroup;
}
`,
      errors: [{ line: 6, verdict: 'assumed' }],
      output: c`
void mem_cgroup_swapout(struct page *page, swp_entry_t entry)
{
	struct mem_cgroup *memcg;

	VM_BUG_ON_PAGE(PageLRU(page), page);
	memcg = page_memcg(page);
}
`,
    },
  ],
});

ruleTester(memcgFieldRead, {
  valid: [],
  invalid: [
    {
      name: 'a test that guards a use picks the same helper as the use',
      code: c`
static inline void mod_memcg_page_state(struct page *page, int idx, int val)
{
	if (page->mem_cgroup)
		mod_memcg_state(page->mem_cgroup, idx, val);
}
`,
      errors: [{ line: 3, verdict: 'assumed' }, { line: 4, verdict: 'assumed' }],
      output: c`
static inline void mod_memcg_page_state(struct page *page, int idx, int val)
{
	if (page_memcg(page))
		mod_memcg_state(page_memcg(page), idx, val);
}
`,
    },
    {
      name: 'OR-ed into a "must be zero" test: the raw word',
      code: c`
static bool page_expected_state(struct page *page, unsigned long check_flags)
{
	if (unlikely((unsigned long)page->mapping |
			(unsigned long)page->mem_cgroup |
			(page->flags & check_flags)))
		return false;
	return true;
}
`,
      errors: [{ line: 4, verdict: 'proven' }],
      output: c`
static bool page_expected_state(struct page *page, unsigned long check_flags)
{
	if (unlikely((unsigned long)page->mapping |
			(unsigned long)page->memcg_data |
			(page->flags & check_flags)))
		return false;
	return true;
}
`,
    },
    {
      name: 'printed on a user path: page_memcg() is what is meant',
      code: c`
static void lru_debug(struct page *page)
{
	pr_debug("lru page %p memcg %p\n", page, page->mem_cgroup);
}
`,
      errors: [{ verdict: 'assumed' }],
      output: c`
static void lru_debug(struct page *page)
{
	pr_debug("lru page %p memcg %p\n", page, page_memcg(page));
}
`,
    },
  ],
});

// Proof from facts, not names (issue 11).
ruleTester(memcgFieldRead, {
  valid: [],
  invalid: [
    {
      name: "4.9's mem_cgroup_from_kmem(): a page from virt_to_head_page() of an object may be a slab page, whatever the name says: no proven page_memcg()",
      code: c`
struct mem_cgroup *mem_cgroup_from_kmem(void *ptr)
{
	struct page *page;

	if (!memcg_kmem_enabled())
		return NULL;

	page = virt_to_head_page(ptr);
	return page->mem_cgroup;
}
`,
      errors: [{ line: 9, verdict: 'proven' }],
      output: c`
struct mem_cgroup *mem_cgroup_from_kmem(void *ptr)
{
	struct page *page;

	if (!memcg_kmem_enabled())
		return NULL;

	page = virt_to_head_page(ptr);
	return page_memcg_check(page);
}
`,
    },
    {
      name: 'a page taken off an LRU list is a user page: page_memcg() proven by where the page comes from',
      code: c`
static void drain(struct list_head *list)
{
	struct page *page = lru_to_page(list);

	use(page->mem_cgroup);
}
`,
      errors: [{ line: 5, verdict: 'proven' }],
      output: c`
static void drain(struct list_head *list)
{
	struct page *page = lru_to_page(list);

	use(page_memcg(page));
}
`,
    },
    {
      name: 'a PageLRU() guard establishes a user page: proven whatever the function is called',
      code: c`
static void f(struct page *page)
{
	if (PageLRU(page))
		use(page->mem_cgroup);
}
`,
      errors: [{ line: 4, verdict: 'proven' }],
      output: c`
static void f(struct page *page)
{
	if (PageLRU(page))
		use(page_memcg(page));
}
`,
    },
    {
      name: 'a macro parameter with a mem_cgroup member (struct scan_control): an info note, not a page->mem_cgroup error',
      code: c`
#define scanning_global_lru(sc)	(!(sc)->mem_cgroup)
`,
      errors: [{ severity: 'info', verdict: null, message: /^\(sc\) may not be a struct page/ }],
      output: null,
    },
    {
      name: 'a variable of a struct not declared here with a mem_cgroup member: an info note',
      code: c`
static bool global_reclaim(void)
{
	return !sc->mem_cgroup;
}
`,
      errors: [{ severity: 'info', verdict: null }],
      output: null,
    },
  ],
});

describe('an assumed fix states its assumption', () => {
  let parser: CParser;
  beforeAll(async () => {
    parser = await loadCParser();
  });
  it('names the function whose name suggests a user page, and what happens outside the assumption', () => {
    const code = 'int mem_cgroup_charge(struct page *page, struct mm_struct *mm, gfp_t gfp)\n{\n\tstruct mem_cgroup *memcg = page->mem_cgroup;\n\treturn !!memcg;\n}\n';
    const [f] = reviewWith(parser, [memcgFieldRead], { path: 'mm/example.c', text: code }, DEFAULT_OPTIONS);
    expect(f?.fix?.verdict).toBe('assumed');
    expect(f?.fix?.explanation).toMatch(/^page_memcg\(\) matches page->mem_cgroup and trips no VM_BUG_ON if the page is a user\/LRU page, as `mem_cgroup_charge\(\)` suggests \(the code does not show it: .*VM_BUG_ON_PAGE\(PageSlab\(page\)\)\)$/);
  });
  it('names the file when the file is what suggests it', () => {
    const code = 'static void f(struct page *page)\n{\n\tuse(page->mem_cgroup);\n}\n';
    const [f] = reviewWith(parser, [memcgFieldRead], { path: 'mm/vmscan.c', text: code }, DEFAULT_OPTIONS);
    expect(f?.fix?.verdict).toBe('assumed');
    expect(f?.fix?.explanation).toContain('as its file mm/vmscan.c suggests');
  });
});
