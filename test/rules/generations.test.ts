import { memcgFieldRead } from '../../src/rules/memcg-field-read.js';
import { memcgFieldWrite } from '../../src/rules/memcg-field-write.js';
import { objCgroupsAccess } from '../../src/rules/obj-cgroups-access.js';
import { pageKmemcg } from '../../src/rules/page-kmemcg.js';
import { c, ruleTester } from './rule-tester.js';

/** The same legacy code, reviewed for each target: each generation spells the fix its own way. */
const SWAP_READ = c`
void mem_cgroup_swapout(struct page *page, swp_entry_t entry)
{
	struct mem_cgroup *memcg = page->mem_cgroup;
}
`;
const withRead = (read: string) => SWAP_READ.replace('page->mem_cgroup', read);

ruleTester(memcgFieldRead, {
  valid: [{ name: 'legacy: the field is the API', target: 'legacy', code: SWAP_READ }],
  invalid: [
    { name: 'v5.15: page_memcg()', target: 'v5.15', code: SWAP_READ, errors: [{ verdict: 'assumed' }], output: withRead('page_memcg(page)') },
    { name: 'v6.1: page_memcg()', target: 'v6.1', code: SWAP_READ, errors: [{ verdict: 'assumed' }], output: withRead('page_memcg(page)') },
    { name: 'v6.18: page_memcg() is gone: folio_memcg(page_folio())', target: 'v6.18', code: SWAP_READ, errors: [{ verdict: 'assumed' }], output: withRead('folio_memcg(page_folio(page))') },
    { name: 'rfc-v1: the RFC names', target: 'rfc-v1', code: SWAP_READ, errors: [{ verdict: 'assumed' }], output: withRead('page_mem_cgroup(page)') },
    {
      name: 'v6.1: READ_ONCE() under RCU becomes folio_memcg_rcu(page_folio())',
      target: 'v6.1',
      code: c`
static bool workingset_test(struct page *page)
{
	rcu_read_lock();
	memcg = READ_ONCE(page->mem_cgroup);
	rcu_read_unlock();
}
`,
      errors: [{ verdict: 'assumed' }],
      output: c`
static bool workingset_test(struct page *page)
{
	rcu_read_lock();
	memcg = folio_memcg_rcu(page_folio(page));
	rcu_read_unlock();
}
`,
    },
    {
      name: 'v6.1: a "charged" test on a user path: page_memcg() answers for a tail page\'s head, page_memcg_check() does not',
      target: 'v6.1',
      code: c`
static bool lru_charged(struct page *page)
{
	return !!page->mem_cgroup;
}
`,
      errors: [{ verdict: 'assumed' }],
      output: c`
static bool lru_charged(struct page *page)
{
	return !!page_memcg_check(page);
}
`,
    },
  ],
});

const KMEM_CHARGE = c`
int __memcg_kmem_charge_page(struct page *page, struct mem_cgroup *memcg)
{
	page->mem_cgroup = memcg;
	__SetPageKmemcg(page);
	return 0;
}
`;

ruleTester(memcgFieldWrite, {
  valid: [{ name: 'legacy: stores to the field are the API', target: 'legacy', path: 'mm/memcontrol.c', code: KMEM_CHARGE }],
  invalid: [
    {
      name: 'v5.15: a kmem page stores its obj_cgroup, so no memcg | KMEM fold is offered',
      target: 'v5.15',
      path: 'mm/memcontrol.c',
      code: KMEM_CHARGE,
      errors: [{ verdict: null }],
      output: null,
    },
    {
      name: 'rfc-v1: the setter',
      target: 'rfc-v1',
      path: 'mm/memcontrol.c',
      code: c`
static void commit_charge(struct page *page, struct mem_cgroup *memcg)
{
	page->mem_cgroup = memcg;
}
void mem_cgroup_uncharge_swap(struct page *page)
{
	page->mem_cgroup = NULL;
}
`,
      errors: [{ verdict: 'assumed' }, { verdict: 'assumed' }],
      output: c`
static void commit_charge(struct page *page, struct mem_cgroup *memcg)
{
	set_page_mem_cgroup(page, memcg);
}
void mem_cgroup_uncharge_swap(struct page *page)
{
	clear_page_mem_cgroup(page);
}
`,
    },
  ],
});

ruleTester(pageKmemcg, {
  valid: [],
  invalid: [
    {
      name: 'rfc-v1: __SetPageKmemcg() becomes SetPageMemcgKmem()',
      target: 'rfc-v1',
      path: 'mm/memcontrol.c',
      code: c`
static void kmem_mark(struct page *page)
{
	__SetPageKmemcg(page);
}
`,
      errors: [{ verdict: 'proven' }],
      output: c`
static void kmem_mark(struct page *page)
{
	SetPageMemcgKmem(page);
}
`,
    },
  ],
});

ruleTester(objCgroupsAccess, {
  valid: [],
  invalid: [
    {
      name: 'v6.1 has no page_objcgs(): the access is flagged without a fix',
      target: 'v6.1',
      path: 'mm/slab.h',
      code: c`
static inline void memcg_free_page_obj_cgroups(struct page *page)
{
	kfree(page->obj_cgroups);
}
`,
      errors: [{ verdict: null }],
      output: null,
    },
    {
      name: 'rfc-v1: page_obj_cgroups()',
      target: 'rfc-v1',
      path: 'mm/slab.h',
      code: c`
static inline void memcg_free_page_obj_cgroups(struct page *page)
{
	kfree(page->obj_cgroups);
}
`,
      errors: [{ verdict: 'assumed' }],
      output: c`
static inline void memcg_free_page_obj_cgroups(struct page *page)
{
	kfree(page_obj_cgroups(page));
}
`,
    },
  ],
});
