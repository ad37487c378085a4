import { tagTrick } from '../../src/rules/tag-trick.js';
import { c, ruleTester } from './rule-tester.js';

ruleTester(tagTrick, {
  valid: [
    { name: 'a pointer masked for another reason', code: c`
static unsigned long f(struct address_space *mapping)
{
	return (unsigned long)mapping & ~0x1UL;
}
` },
    { name: 'the v5.11 flag test', code: c`
static bool f(struct page *page)
{
	return page_objcgs_check(page);
}
` },
  ],
  invalid: [
    {
      name: 'legacy page_obj_cgroups(): the mask becomes page_objcgs() on a slab page',
      path: 'mm/slab.h',
      code: c`
static inline struct obj_cgroup **page_obj_cgroups(struct page *page)
{
	return (struct obj_cgroup **)
		((unsigned long)page->obj_cgroups & ~0x1UL);
}
`,
      errors: [{ line: 3, column: 9, verdict: 'assumed', message: /^masks the obj_cgroups tag by hand/ }],
      output: c`
static inline struct obj_cgroup **page_obj_cgroups(struct page *page)
{
	return page_objcgs(page);
}
`,
    },
    {
      name: 'legacy page_has_obj_cgroups(): the test becomes page_objcgs_check()',
      path: 'mm/slab.h',
      code: c`
static inline bool page_has_obj_cgroups(struct page *page)
{
	return ((unsigned long)page->obj_cgroups & 0x1UL);
}
`,
      errors: [{ line: 3, verdict: 'proven' }],
      output: c`
static inline bool page_has_obj_cgroups(struct page *page)
{
	return page_objcgs_check(page);
}
`,
    },
    {
      name: 'the test on a memcg read from the page disappears',
      code: c`
ino_t page_cgroup_ino(struct page *page)
{
	struct mem_cgroup *memcg;

	memcg = page->mem_cgroup;

	/* The lowest bit set means that memcg isn't a valid memcg pointer. */
	if ((unsigned long) memcg & 0x1UL)
		memcg = NULL;

	return memcg ? cgroup_ino(memcg->css.cgroup) : 0;
}
`,
      errors: [{ line: 8, column: 6, verdict: 'conditional', message: /^tests the obj_cgroups tag on memcg by hand/ }],
      output: c`
ino_t page_cgroup_ino(struct page *page)
{
	struct mem_cgroup *memcg;

	memcg = page->mem_cgroup;

	return memcg ? cgroup_ino(memcg->css.cgroup) : 0;
}
`,
    },
  ],
});

ruleTester(tagTrick, {
  valid: [],
  invalid: [
    {
      name: 'a NULL check in front of the test goes with it',
      code: c`
static void print_page_memcg(struct page *page)
{
	struct mem_cgroup *memcg = page->mem_cgroup;

	if (memcg && (unsigned long)memcg & 0x1UL)
		memcg = NULL;
	show(memcg);
}
`,
      errors: [{ line: 5, column: 15, verdict: 'conditional' }],
      output: c`
static void print_page_memcg(struct page *page)
{
	struct mem_cgroup *memcg = page->mem_cgroup;

	show(memcg);
}
`,
    },
  ],
});

ruleTester(tagTrick, {
  valid: [
    { name: 'a legacy tree: the tag is the API', target: 'legacy', code: c`
static void f(struct page *page)
{
	struct mem_cgroup *memcg = page_memcg(page);

	if ((unsigned long)memcg & 0x1UL)
		memcg = NULL;
}
` },
  ],
  invalid: [
    {
      name: 'after the read became page_memcg_check(), the tag test is dead code: proven removal',
      code: c`
ino_t page_cgroup_ino(struct page *page)
{
	struct mem_cgroup *memcg = page_memcg_check(page);

	/* The lowest bit set means that memcg isn't a valid memcg pointer. */
	if ((unsigned long) memcg & 0x1UL)
		memcg = NULL;

	return memcg ? cgroup_ino(memcg->css.cgroup) : 0;
}
`,
      errors: [{ line: 6, verdict: 'proven', message: 'tests the obj_cgroups tag on memcg, which page_memcg_check() read: it is never tagged, so the test is dead code' }],
      output: c`
ino_t page_cgroup_ino(struct page *page)
{
	struct mem_cgroup *memcg = page_memcg_check(page);

	return memcg ? cgroup_ino(memcg->css.cgroup) : 0;
}
`,
    },
  ],
});
