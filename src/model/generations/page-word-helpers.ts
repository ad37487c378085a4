import { bool, bug, value, type HelperModel } from '../outcome.js';
import type { PageState } from '../states.js';
import { memcgIn, wordOf } from '../word.js';

/**
 * The page-level readers of the v5.11 contracts (../shared/memcg-api.md, "Helper contracts"),
 * under the names a generation gives them. `kmemStores` is what a kmem page's word points to; the
 * answer to the caller is the same memcg either way.
 */
export function pageWordHelpers(
  names: { memcg: string; rcu?: string; check: string; kmem: string; objcgs: string; objcgsCheck: string; setObjcgs: string },
  kmemStores: 'memcg' | 'objcg',
): Record<string, HelperModel> {
  const w = (s: PageState) => wordOf(s, kmemStores);
  const helpers: HelperModel[] = [
    {
      name: names.memcg,
      takes: 'page',
      doc: 'the memcg of a page that is not a slab page; BUG on a slab page or an obj_cgroup vector',
      eval: (s) => (s.slab ? bug('VM_BUG_ON_PAGE(PageSlab(page))') : w(s).objcgs ? bug('VM_BUG_ON_PAGE(memcg_data & OBJCGS)') : value(memcgIn(w(s)))),
    },
    {
      name: names.check,
      takes: 'page',
      doc: 'the memcg of any page: NULL when the word holds an obj_cgroup vector; never BUGs',
      eval: (s) => value(w(s).objcgs ? 'NULL' : memcgIn(w(s))),
    },
    {
      name: names.kmem,
      takes: 'page',
      doc: 'whether the page is a kmem page (the KMEM flag); BUG on an obj_cgroup vector',
      eval: (s) => (w(s).objcgs ? bug('VM_BUG_ON_PAGE(memcg_data & OBJCGS)') : value(bool(w(s).kmem))),
    },
    {
      name: names.objcgs,
      takes: 'page',
      doc: 'the obj_cgroup vector of a slab page; BUG when the word holds anything else',
      eval: (s) =>
        w(s).pointer !== 'none' && !w(s).objcgs
          ? bug('VM_BUG_ON_PAGE(memcg_data && !(memcg_data & OBJCGS))')
          : w(s).kmem
            ? bug('VM_BUG_ON_PAGE(memcg_data & KMEM)')
            : value(w(s).objcgs ? 'objcgs' : 'NULL'),
    },
    {
      name: names.objcgsCheck,
      takes: 'page',
      doc: 'the obj_cgroup vector of any page, NULL unless the word holds one',
      eval: (s) => value(w(s).objcgs ? 'objcgs' : 'NULL'),
    },
    {
      name: names.setObjcgs,
      takes: 'page',
      doc: 'installs a vector (tagged OBJCGS) when the word is 0; true when it did',
      eval: (s) => value(bool(w(s).pointer === 'none')),
    },
    {
      name: `!${names.setObjcgs}`,
      takes: 'page',
      doc: `true when ${names.setObjcgs}() found the word already set`,
      eval: (s) => value(bool(w(s).pointer !== 'none')),
    },
  ];
  if (names.rcu) {
    helpers.push({
      name: names.rcu,
      takes: 'page',
      doc: 'the memcg of a page that is not a slab page, under rcu_read_lock(); BUG on a slab page, WARN outside RCU',
      eval: (s, env) => (s.slab ? bug('VM_BUG_ON_PAGE(PageSlab(page))') : !env.underRcu ? bug('WARN_ON_ONCE(!rcu_read_lock_held())') : value(memcgIn(w(s)))),
    });
  }
  return Object.fromEntries(helpers.map((h) => [h.name, h]));
}

/** Raw-word expressions every generation with a word shares. */
export const RAW_WORD: Record<string, HelperModel> = {
  'raw word test': {
    name: 'raw word test',
    takes: 'none',
    doc: 'the word as a truth value: true when the page is charged at all (any pointer)',
    eval: (s) => value(bool(wordOf(s, 'memcg').pointer !== 'none')),
  },
  'raw word printed': {
    name: 'raw word printed',
    takes: 'none',
    doc: 'the word printed: its pointer and every flag',
    eval: (s) => value({ uncharged: 'NULL', user: 'memcg', kmem: 'memcg|KMEM', 'slab-objcgs': 'objcgs|OBJCGS', 'slab-bare': 'NULL', tail: 'NULL' }[s.id]),
  },
};
