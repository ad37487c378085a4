import { helperAvailability } from '../../src/rules/helper-availability.js';
import { c, ruleTester } from './rule-tester.js';

ruleTester(helperAvailability, {
  valid: [
    { name: 'v5.11 readers in v5.11', code: c`
static void f(struct page *page) { g(page_memcg(page), page_memcg_check(page), PageMemcgKmem(page)); }
` },
    { name: 'legacy mm.h had page_memcg()', target: 'legacy', code: c`
static void f(struct page *page) { g(page_memcg(page)); }
` },
    { name: 'folio readers in v6.1', target: 'v6.1', code: c`
static void f(struct folio *folio) { g(folio_memcg(folio), folio_memcg_kmem(folio)); }
` },
  ],
  invalid: [
    {
      name: 'v6.18 removed page_memcg(): folio_memcg(page_folio())',
      target: 'v6.18',
      code: c`
static void lru_note(struct page *page)
{
	struct mem_cgroup *memcg = page_memcg(page);
}
`,
      errors: [{ line: 3, column: 29, verdict: 'assumed', message: 'page_memcg() does not exist in v6.18 (it is defined in legacy, v5.11, v5.15, v6.1): the call does not compile against the target' }],
      output: c`
static void lru_note(struct page *page)
{
	struct mem_cgroup *memcg = folio_memcg(page_folio(page));
}
`,
    },
    {
      name: 'v6.1 replaced page_memcg_rcu()',
      target: 'v6.1',
      code: c`
static void lru_note(struct page *page)
{
	rcu_read_lock();
	use(page_memcg_rcu(page));
	rcu_read_unlock();
}
`,
      errors: [{ verdict: 'assumed' }],
      output: c`
static void lru_note(struct page *page)
{
	rcu_read_lock();
	use(folio_memcg_rcu(page_folio(page)));
	rcu_read_unlock();
}
`,
    },
    {
      name: 'rfc-v1 spells the v5.11 readers its own way',
      target: 'rfc-v1',
      path: 'mm/slab.h',
      code: c`
static void free_vec(struct page *page)
{
	kfree(page_objcgs(page));
	if (!set_page_objcgs(page, vec))
		kfree(vec);
}
`,
      errors: [{ verdict: 'assumed' }, { verdict: 'proven' }],
      output: c`
static void free_vec(struct page *page)
{
	kfree(page_obj_cgroups(page));
	if (!set_page_obj_cgroups(page, vec))
		kfree(vec);
}
`,
    },
    {
      name: 'a 5.10 slab helper migrated to v5.11, guarded by the vector test',
      code: c`
struct mem_cgroup *mem_cgroup_from_obj(void *p)
{
	struct page *page = virt_to_head_page(p);

	if (page_has_obj_cgroups(page))
		return obj_cgroup_memcg(page_obj_cgroups(page)[0]);
	return NULL;
}
`,
      errors: [{ line: 5, verdict: 'proven' }, { line: 6, verdict: 'proven' }],
      output: c`
struct mem_cgroup *mem_cgroup_from_obj(void *p)
{
	struct page *page = virt_to_head_page(p);

	if (page_objcgs_check(page))
		return obj_cgroup_memcg(page_objcgs(page)[0]);
	return NULL;
}
`,
    },
    {
      name: 'folio readers in a generation without folios: no fix',
      code: c`
static void f(struct folio *folio) { g(folio_memcg(folio)); }
`,
      errors: [{ verdict: null, message: /^folio_memcg\(\) does not exist in v5.11/ }],
      output: null,
    },
    {
      name: 'v5.11 readers in a legacy tree: no fix',
      target: 'legacy',
      code: c`
static void f(struct page *page) { g(page_memcg_check(page)); }
`,
      errors: [{ verdict: null }],
      output: null,
    },
  ],
});
