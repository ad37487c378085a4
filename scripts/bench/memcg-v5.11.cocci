// The semantic patch the benchmark times against memcg-review audit: the open-coded accesses of
// the v5.11 migration (page->mem_cgroup reads and stores, page->obj_cgroups, the PageKmemcg page
// type), turned into the v5.11 helpers. Written for memcg-review's benchmark; it makes the same
// kind of pass over the same files, without memcg-review's model of which helper is safe.

@store@
struct page *p;
expression E;
@@
- p->mem_cgroup = E
+ p->memcg_data = (unsigned long)E

@objcgs_store@
struct page *p;
expression E;
@@
- p->obj_cgroups = E
+ p->memcg_data = (unsigned long)E

@objcgs_cmpxchg@
struct page *p;
expression V;
@@
- cmpxchg(&p->obj_cgroups, NULL, V)
+ !set_page_objcgs(p, V)

@read depends on !store@
struct page *p;
@@
- p->mem_cgroup
+ page_memcg(p)

@objcgs_read@
struct page *p;
@@
- p->obj_cgroups
+ page_objcgs(p)

@kmemcg_test@
expression P;
@@
- PageKmemcg(P)
+ PageMemcgKmem(P)

@kmemcg_set@
expression P;
@@
- __SetPageKmemcg(P);

@kmemcg_clear@
expression P;
@@
- __ClearPageKmemcg(P);
