import { objCgroupsAccess } from '../../src/rules/obj-cgroups-access.js';
import { c, ruleTester } from './rule-tester.js';

ruleTester(objCgroupsAccess, {
  valid: [
    { name: 'struct pcpu_chunk has an obj_cgroups field of its own', path: 'mm/percpu.c', code: c`
static void pcpu_memcg_free_hook(struct pcpu_chunk *chunk, int off, size_t size)
{
	struct obj_cgroup *objcg;

	objcg = chunk->obj_cgroups[off >> PCPU_MIN_ALLOC_SHIFT];
	chunk->obj_cgroups[off >> PCPU_MIN_ALLOC_SHIFT] = NULL;
}
` },
    { name: 'a chunk whose declaration is out of view is still not a page', path: 'mm/percpu.c', code: c`
	objcg = chunk->obj_cgroups[off >> PCPU_MIN_ALLOC_SHIFT];
` },
    { name: 'the v5.11 helper', code: c`
static void f(struct page *page)
{
	kfree(page_objcgs(page));
}
` },
  ],
  invalid: [
    {
      name: 'cmpxchg of a tagged vector becomes set_page_objcgs()',
      path: 'mm/memcontrol.c',
      code: c`
int memcg_alloc_page_obj_cgroups(struct page *page, struct kmem_cache *s, gfp_t gfp)
{
	void *vec = kcalloc(objs_per_slab_page(s, page), sizeof(struct obj_cgroup *), gfp);

	if (cmpxchg(&page->obj_cgroups, NULL,
		    (struct obj_cgroup **) ((unsigned long)vec | 0x1UL)))
		kfree(vec);
	return 0;
}
`,
      errors: [{ line: 5, column: 15, verdict: 'proven' }],
      output: c`
int memcg_alloc_page_obj_cgroups(struct page *page, struct kmem_cache *s, gfp_t gfp)
{
	void *vec = kcalloc(objs_per_slab_page(s, page), sizeof(struct obj_cgroup *), gfp);

	if (!set_page_objcgs(page, vec))
		kfree(vec);
	return 0;
}
`,
    },
    {
      name: 'freeing the vector on a slab page: page_objcgs(), and the store becomes memcg_data = 0 in the core',
      path: 'mm/slab.h',
      code: c`
static inline void memcg_free_page_obj_cgroups(struct page *page)
{
	kfree(page->obj_cgroups);
	page->obj_cgroups = NULL;
}
`,
      errors: [{ line: 3, verdict: 'assumed' }, { line: 4, verdict: 'assumed' }],
      output: c`
static inline void memcg_free_page_obj_cgroups(struct page *page)
{
	kfree(page_objcgs(page));
	page->memcg_data = 0;
}
`,
    },
    {
      name: 'a read on a page of unknown kind: page_objcgs_check()',
      code: c`
static struct obj_cgroup **vector_of(struct page *page)
{
	return page->obj_cgroups;
}
`,
      errors: [{ verdict: 'proven' }],
      output: c`
static struct obj_cgroup **vector_of(struct page *page)
{
	return page_objcgs_check(page);
}
`,
    },
  ],
});
