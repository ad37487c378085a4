import fc from 'fast-check';

/**
 * Small kernel-like C files built from statement templates that open the memcg fields the ways the
 * rules know (reads, stores, tag tricks, PageKmemcg, obj_cgroups, the raw word, RCU, guards, macros,
 * comments), mixed with code that is fine. Written for these tests; no kernel source.
 */
const STATEMENTS: readonly string[] = [
  'x = page->mem_cgroup;',
  'use(page->mem_cgroup);',
  'if (page->mem_cgroup) return;',
  'page->mem_cgroup = memcg;',
  'page->mem_cgroup = NULL;',
  'if (PageKmemcg(page)) return;',
  '__SetPageKmemcg(page);',
  '__ClearPageKmemcg(page);',
  'objcgs = page->obj_cgroups;',
  'page->obj_cgroups = NULL;',
  'if ((unsigned long)x & 0x1UL) return;',
  'x = (struct mem_cgroup *)((unsigned long)x & ~0x1UL);',
  'x = (struct mem_cgroup *)(page->memcg_data & ~0x3UL);',
  'pr_info("%lx\\n", page->memcg_data);',
  'rcu_read_lock();',
  'rcu_read_unlock();',
  'x = READ_ONCE(page->mem_cgroup);',
  'VM_BUG_ON_PAGE(PageSlab(page), page);',
  'if (PageSlab(page)) return;',
  'if (!PageLRU(page)) return;',
  'x = page_memcg(page);',
  'x = page_memcg_check(page);',
  'x = folio_memcg(folio);',
  'if (PageMemcgKmem(page)) return;',
  'x = head[1].mem_cgroup;',
  'x = compound_head(page)->mem_cgroup;',
  '/* page->mem_cgroup is the owner */',
  'count++;',
  'if (!x) return;',
  'x = chunk->obj_cgroups;',
  'css_get(&x->css);',
];

/** Code that does not parse, or only within an #ifdef: fixes must not make it worse. */
const BROKEN: readonly string[] = ['x = (page->mem_cgroup;', 'use(page->mem_cgroup', '#ifdef CONFIG_MEMCG', '#else', '#endif', '} else {', 'x = page->;', '"unterminated'];

const statement = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...STATEMENTS) },
  { weight: 1, arbitrary: fc.constantFrom(...STATEMENTS).map((s) => `if (count) {\n\t\t${s}\n\t}`) },
);

const NAMES = ['charge_page', 'dump_page_owner', 'lru_note', 'kmem_uncharge', 'slab_owner', 'show_page'];

const funcOf = (stmt: fc.Arbitrary<string>) => fc.record({ name: fc.constantFrom(...NAMES), n: fc.nat(99), body: fc.array(stmt, { minLength: 1, maxLength: 6 }) }).map(
  ({ name, n, body }) =>
    `static void ${name}_${n}(struct page *page, struct folio *folio, struct mem_cgroup *memcg, struct page *head, struct pcpu_chunk *chunk)\n{\n\tstruct mem_cgroup *x;\n\tstruct obj_cgroup **objcgs;\n\tint count = 0;\n\n\t${body.join('\n\t')}\n}\n`,
);

const macro = fc.constantFrom('#define PAGE_OWNER(p) ((p)->mem_cgroup)\n', '#define IS_KMEM(p) PageKmemcg(p)\n', '');

const textOf = (stmt: fc.Arbitrary<string>) => fc.tuple(macro, fc.array(funcOf(stmt), { minLength: 1, maxLength: 3 })).map(([m, fns]) => `#include <linux/memcontrol.h>\n\n${m}${fns.join('\n')}`);

export const cPath = fc.constantFrom('mm/page_owner.c', 'mm/memcontrol.c', 'drivers/misc/pool.c', 'mm/slab.h', 'fs/proc/page.c');

/** The text of a well-formed C file: a macro or none, then one to three functions. */
export const cText = textOf(statement);

/** One well-formed C file with its path. */
export const cFile = fc.record({ path: cPath, text: cText });

/** The same with code that does not parse mixed in. */
export const cFileWithErrors = fc.record({ path: cPath, text: textOf(fc.oneof({ weight: 4, arbitrary: statement }, { weight: 1, arbitrary: fc.constantFrom(...BROKEN) })) });
