import type { Generation } from '../generation.js';
import { pageWordHelpers, RAW_WORD } from './page-word-helpers.js';

const names = {
  memcg: 'page_memcg',
  rcu: 'page_memcg_rcu',
  check: 'page_memcg_check',
  kmem: 'PageMemcgKmem',
  objcgs: 'page_objcgs',
  objcgsCheck: 'page_objcgs_check',
  setObjcgs: 'set_page_objcgs',
};

/** Shared by v5.11 and v5.15: the same names; only what a kmem page's word points to differs. */
export const V511_INTENTS: Generation['intents'] = {
  read: { helper: 'page_memcg', write: (p) => `page_memcg(${p})` },
  check: { helper: 'page_memcg_check', write: (p) => `page_memcg_check(${p})` },
  rcu: { helper: 'page_memcg_rcu', write: (p) => `page_memcg_rcu(${p})` },
  kmemTest: { helper: 'PageMemcgKmem', write: (p) => `PageMemcgKmem(${p})` },
  objcgs: { helper: 'page_objcgs', write: (p) => `page_objcgs(${p})` },
  objcgsCheck: { helper: 'page_objcgs_check', write: (p) => `page_objcgs_check(${p})` },
  setObjcgs: { helper: '!set_page_objcgs', write: (p, v) => `set_page_objcgs(${p}, ${v})` },
  rawTest: { helper: 'raw word test', write: (p) => `${p}->memcg_data` },
  rawPrint: { helper: 'raw word printed', write: (p) => `${p}->memcg_data` },
};

export const V511: Generation = {
  id: 'v5.11',
  summary: 'page->memcg_data: MEMCG_DATA_OBJCGS (bit 0), MEMCG_DATA_KMEM (bit 1); kmem pages store the memcg',
  flags: { objcgs: 'MEMCG_DATA_OBJCGS', kmem: 'MEMCG_DATA_KMEM', mask: 'MEMCG_DATA_FLAGS_MASK' },
  kmemStores: 'memcg',
  helpers: { ...pageWordHelpers(names, 'memcg'), ...RAW_WORD },
  intents: V511_INTENTS,
  store: { style: 'word', kmemFold: true },
};

/** v5.15: as v5.11, but a kmem page's word holds an obj_cgroup; private __page_memcg() and __page_objcg(). */
export const V515: Generation = {
  id: 'v5.15',
  summary: 'as v5.11, but kmem pages store an obj_cgroup pointer plus MEMCG_DATA_KMEM; the memcg is objcg->memcg',
  flags: V511.flags,
  kmemStores: 'objcg',
  helpers: {
    ...pageWordHelpers(names, 'objcg'),
    ...RAW_WORD,
    __page_memcg: {
      name: '__page_memcg',
      takes: 'page',
      doc: 'the memcg of a user page; BUG on a slab page, an obj_cgroup vector or a kmem page',
      eval: (s) =>
        s.slab ? { bug: 'VM_BUG_ON_PAGE(PageSlab(page))' } : s.id === 'kmem' ? { bug: 'VM_BUG_ON_PAGE(memcg_data & MEMCG_DATA_KMEM)' } : { value: s.id === 'user' ? 'memcg' : 'NULL' },
    },
    __page_objcg: {
      name: '__page_objcg',
      takes: 'page',
      doc: 'the obj_cgroup of a kmem page; BUG on anything else',
      eval: (s) => (s.slab ? { bug: 'VM_BUG_ON_PAGE(PageSlab(page))' } : s.id !== 'kmem' ? { bug: 'VM_BUG_ON_PAGE(!(memcg_data & MEMCG_DATA_KMEM))' } : { value: 'objcg' }),
    },
  },
  intents: V511_INTENTS,
  // A kmem page's word holds the obj_cgroup: a memcg pointer ORed with KMEM would be wrong.
  store: { style: 'word', kmemFold: false },
};
