import type { Generation } from '../generation.js';
import { bool, bug, value, type HelperModel } from '../outcome.js';

/** <= 5.10: the union itself is the API; mm.h's page_memcg() returns the field as it is. */
const helpers: HelperModel[] = [
  { name: 'page_memcg', takes: 'page', doc: 'page->mem_cgroup as stored: a tagged obj_cgroup vector on a slab page', eval: (s) => value(s.legacy.union) },
  {
    name: 'page_memcg_rcu',
    takes: 'page',
    doc: 'READ_ONCE(page->mem_cgroup); WARN outside RCU',
    eval: (s, env) => (env.underRcu ? value(s.legacy.union) : bug('WARN_ON_ONCE(!rcu_read_lock_held())')),
  },
  { name: 'PageKmemcg', takes: 'page', doc: 'the PageKmemcg page type', eval: (s) => value(bool(s.legacy.pageKmemcg)) },
  {
    name: 'page_obj_cgroups',
    takes: 'page',
    doc: '(unsigned long)page->obj_cgroups & ~0x1UL (mm/slab.h): the memcg itself on a page that is not a slab page',
    eval: (s) => value(s.legacy.union === 'objcgs|0x1' ? 'objcgs' : s.legacy.union),
  },
  { name: 'page_has_obj_cgroups', takes: 'page', doc: '(unsigned long)page->obj_cgroups & 0x1UL', eval: (s) => value(bool(s.legacy.union === 'objcgs|0x1')) },
];

export const LEGACY_GENERATION: Generation = {
  id: 'legacy',
  summary: 'a union of struct mem_cgroup *mem_cgroup and struct obj_cgroup **obj_cgroups (bit 0 set by hand), and the PageKmemcg page type',
  flags: null,
  kmemStores: null,
  helpers: Object.fromEntries(helpers.map((h) => [h.name, h])),
  intents: {},
  store: null,
};
