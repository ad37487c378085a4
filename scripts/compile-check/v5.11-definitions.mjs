#!/usr/bin/env node
/**
 * v5.11-definitions.mjs TREE: gives a Linux 5.10 tree the v5.11 memcg word, written for
 * memcg-review from the API reference (../shared/memcg-api.md, "Helper contracts (v5.11)"), not
 * copied from any kernel: struct page's union { mem_cgroup; obj_cgroups } becomes
 * `unsigned long memcg_data`, mm.h's legacy page_memcg()/page_memcg_rcu() give way to the v5.11
 * helpers and flags, and the PageKmemcg page type goes from page-flags.h. Every other file is left
 * for `memcg-review audit --fix` to migrate. Files are replaced by rename, so a tree of hard links
 * (cp -al) keeps its originals.
 */
import fs from 'node:fs';
import path from 'node:path';

const tree = process.argv[2];
if (!tree) {
  process.stderr.write('usage: v5.11-definitions.mjs TREE\n');
  process.exit(2);
}

function edit(rel, change) {
  const file = path.join(tree, rel);
  const before = fs.readFileSync(file, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`${rel}: nothing to change (not a 5.10 tree?)`);
  fs.writeFileSync(`${file}.v511`, after);
  fs.renameSync(`${file}.v511`, file);
}

const WORD = `#ifdef CONFIG_MEMCG
\tunsigned long memcg_data;
#endif`;

const HELPERS = `/* The v5.11 memcg word (memcg-review compile check, from the API reference). */
struct obj_cgroup;

#define MEMCG_DATA_OBJCGS\t(1UL << 0)
#define MEMCG_DATA_KMEM\t\t(1UL << 1)
#define MEMCG_DATA_FLAGS_MASK\t(MEMCG_DATA_OBJCGS | MEMCG_DATA_KMEM)

#ifdef CONFIG_MEMCG
/* A user/LRU or kmem page's memcg; never a slab page, never an obj_cgroup vector. */
static inline struct mem_cgroup *page_memcg(struct page *page)
{
\tunsigned long word = page->memcg_data;

\tVM_BUG_ON_PAGE(PageSlab(page), page);
\tVM_BUG_ON_PAGE(word & MEMCG_DATA_OBJCGS, page);
\treturn (struct mem_cgroup *)(word & ~MEMCG_DATA_FLAGS_MASK);
}

static inline struct mem_cgroup *page_memcg_rcu(struct page *page)
{
\tVM_BUG_ON_PAGE(PageSlab(page), page);
\tWARN_ON_ONCE(!rcu_read_lock_held());
\treturn (struct mem_cgroup *)(READ_ONCE(page->memcg_data) & ~MEMCG_DATA_FLAGS_MASK);
}

/* Safe on any page: NULL when the word holds an obj_cgroup vector. */
static inline struct mem_cgroup *page_memcg_check(struct page *page)
{
\tunsigned long word = READ_ONCE(page->memcg_data);

\tif (word & MEMCG_DATA_OBJCGS)
\t\treturn NULL;
\treturn (struct mem_cgroup *)(word & ~MEMCG_DATA_FLAGS_MASK);
}

/* A slab page's obj_cgroup vector. */
static inline struct obj_cgroup **page_objcgs(struct page *page)
{
\tunsigned long word = READ_ONCE(page->memcg_data);

\tVM_BUG_ON_PAGE(word && !(word & MEMCG_DATA_OBJCGS), page);
\tVM_BUG_ON_PAGE(word & MEMCG_DATA_KMEM, page);
\treturn (struct obj_cgroup **)(word & ~MEMCG_DATA_FLAGS_MASK);
}

/* The vector when the word holds one, else NULL. */
static inline struct obj_cgroup **page_objcgs_check(struct page *page)
{
\tunsigned long word = READ_ONCE(page->memcg_data);

\tif (!word || !(word & MEMCG_DATA_OBJCGS))
\t\treturn NULL;
\tVM_BUG_ON_PAGE(word & MEMCG_DATA_KMEM, page);
\treturn (struct obj_cgroup **)(word & ~MEMCG_DATA_FLAGS_MASK);
}

/* Installs a vector on a page whose word is 0; true when it went in. */
static inline bool set_page_objcgs(struct page *page, struct obj_cgroup **objcgs)
{
\treturn !cmpxchg(&page->memcg_data, 0, (unsigned long)objcgs | MEMCG_DATA_OBJCGS);
}

static inline bool PageMemcgKmem(struct page *page)
{
\tVM_BUG_ON_PAGE(page->memcg_data & MEMCG_DATA_OBJCGS, page);
\treturn page->memcg_data & MEMCG_DATA_KMEM;
}
#else
static inline struct mem_cgroup *page_memcg(struct page *page)
{
\treturn NULL;
}

static inline struct mem_cgroup *page_memcg_rcu(struct page *page)
{
\tWARN_ON_ONCE(!rcu_read_lock_held());
\treturn NULL;
}

static inline struct mem_cgroup *page_memcg_check(struct page *page)
{
\treturn NULL;
}

static inline struct obj_cgroup **page_objcgs(struct page *page)
{
\treturn NULL;
}

static inline struct obj_cgroup **page_objcgs_check(struct page *page)
{
\treturn NULL;
}

static inline bool set_page_objcgs(struct page *page, struct obj_cgroup **objcgs)
{
\treturn true;
}

static inline bool PageMemcgKmem(struct page *page)
{
\treturn false;
}
#endif`;

edit('include/linux/mm_types.h', (t) =>
  t.replace(/#ifdef CONFIG_MEMCG\n\tunion \{\n\t\tstruct mem_cgroup \*mem_cgroup;\n\t\tstruct obj_cgroup \*\*obj_cgroups;\n\t\};\n#endif/, WORD),
);
edit('include/linux/mm.h', (t) =>
  t.replace(/#ifdef CONFIG_MEMCG\nstatic inline struct mem_cgroup \*page_memcg\(struct page \*page\)\n\{\n\treturn page->mem_cgroup;\n\}[\s\S]*?\n#endif\n/, `${HELPERS}\n`),
);
edit('include/linux/page-flags.h', (t) => t.replace(/^PAGE_TYPE_OPS\(Kmemcg, kmemcg\)\n/m, ''));
process.stdout.write(`${tree}: v5.11 memcg word, helpers and flags in place\n`);
