import type { Generation } from '../generation.js';
import { bool, bug, value, type HelperModel } from '../outcome.js';
import { stateById, type PageState } from '../states.js';
import { memcgIn, wordOf, type Word } from '../word.js';
import { RAW_WORD } from './page-word-helpers.js';

const w = (s: PageState): Word => wordOf(s, 'objcg');
/** page_folio(): a tail page's folio is its head, a charged user page. */
export const pageFolio = (s: PageState): PageState => (s.tail ? stateById('user') : s);

/** Folio helpers of include/linux/memcontrol.h in 6.1, on the state's page taken as a folio. */
export const folioMemcgKmem = (s: PageState) =>
  s.tail ? bug('VM_BUG_ON_PGFLAGS(PageTail(&folio->page))') : w(s).objcgs ? bug('VM_BUG_ON_FOLIO(memcg_data & MEMCG_DATA_OBJCGS)') : value(bool(w(s).kmem));

/**
 * folio_test_slab() itself asserts VM_BUG_ON_PGFLAGS(PageTail(page)) (page-flags.h's folio_flags()),
 * so every helper that starts with it BUGs on a tail page passed as a folio.
 */
const TAIL = 'VM_BUG_ON_PGFLAGS(PageTail(page)) in folio_test_slab()';

/** The assertions __folio_memcg() and __folio_objcg() both start with: null when none fires. */
const folioWordChecks = (s: PageState) =>
  s.tail
    ? bug(TAIL)
    : s.slab
      ? bug('VM_BUG_ON_FOLIO(folio_test_slab(folio))')
      : w(s).objcgs
        ? bug('VM_BUG_ON_FOLIO(memcg_data & MEMCG_DATA_OBJCGS)')
        : null;

const __folioMemcg = (s: PageState) =>
  folioWordChecks(s) ?? (w(s).kmem ? bug('VM_BUG_ON_FOLIO(memcg_data & MEMCG_DATA_KMEM)') : value(memcgIn(w(s))));

const __folioObjcg = (s: PageState) =>
  folioWordChecks(s) ?? (!w(s).kmem ? bug('VM_BUG_ON_FOLIO(!(memcg_data & MEMCG_DATA_KMEM))') : value('objcg'));

export const folioMemcg = (s: PageState) => {
  const kmem = folioMemcgKmem(s);
  if ('bug' in kmem) return kmem;
  return kmem.value === 'true' ? value('memcg') : __folioMemcg(s);
};

const folioMemcgRcu = (s: PageState, underRcu: boolean) =>
  s.tail ? bug(TAIL) : s.slab ? bug('VM_BUG_ON_FOLIO(folio_test_slab(folio))') : !underRcu ? bug('WARN_ON_ONCE(!rcu_read_lock_held())') : value(memcgIn(w(s)));

/** page_memcg_check(): the page's own word; never BUGs. */
export const pageMemcgCheck = (s: PageState) => value(w(s).objcgs ? 'NULL' : memcgIn(w(s)));

const helpers: HelperModel[] = [
  { name: 'folio_memcg', takes: 'folio', doc: 'the memcg of a folio that is not a slab folio (through its obj_cgroup for kmem); BUG on slab folios, obj_cgroup vectors and tail pages', eval: (s) => folioMemcg(s) },
  { name: '__folio_memcg', takes: 'folio', doc: 'the memcg of a user folio; BUG on slab, OBJCGS or KMEM', eval: (s) => __folioMemcg(s) },
  { name: '__folio_objcg', takes: 'folio', doc: 'the obj_cgroup of a kmem folio; BUG on anything else', eval: (s) => __folioObjcg(s) },
  { name: 'folio_memcg_rcu', takes: 'folio', doc: 'folio_memcg() under rcu_read_lock(); BUG on a slab folio, WARN outside RCU', eval: (s, env) => folioMemcgRcu(s, env.underRcu) },
  { name: 'folio_memcg_kmem', takes: 'folio', doc: 'whether the folio is a kmem folio; BUG on a tail page or an obj_cgroup vector', eval: (s) => folioMemcgKmem(s) },
  { name: 'page_memcg', takes: 'page', doc: 'folio_memcg(page_folio(page)): a tail page answers for its head', eval: (s) => folioMemcg(pageFolio(s)) },
  { name: 'page_memcg_check', takes: 'page', doc: 'the memcg of any page from its own word: NULL for an obj_cgroup vector and for a tail page; never BUGs', eval: (s) => pageMemcgCheck(s) },
  { name: 'PageMemcgKmem', takes: 'page', doc: 'folio_memcg_kmem(page_folio(page))', eval: (s) => folioMemcgKmem(pageFolio(s)) },
  { name: 'folio_memcg_rcu(page_folio())', takes: 'page', doc: 'folio_memcg_rcu() of the page\'s folio', eval: (s, env) => folioMemcgRcu(pageFolio(s), env.underRcu) },
];

export const V61: Generation = {
  id: 'v6.1',
  summary: 'folio->memcg_data as in v5.15; slab pages are struct slab with their own memcg_data; page_objcgs*() are gone',
  flags: { objcgs: 'MEMCG_DATA_OBJCGS', kmem: 'MEMCG_DATA_KMEM', mask: 'MEMCG_DATA_FLAGS_MASK' },
  kmemStores: 'objcg',
  helpers: { ...Object.fromEntries(helpers.map((h) => [h.name, h])), ...RAW_WORD },
  intents: {
    read: { helper: 'page_memcg', write: (p) => `page_memcg(${p})` },
    check: { helper: 'page_memcg_check', write: (p) => `page_memcg_check(${p})` },
    rcu: { helper: 'folio_memcg_rcu(page_folio())', write: (p) => `folio_memcg_rcu(page_folio(${p}))` },
    kmemTest: { helper: 'PageMemcgKmem', write: (p) => `PageMemcgKmem(${p})` },
    rawTest: { helper: 'raw word test', write: (p) => `${p}->memcg_data` },
    rawPrint: { helper: 'raw word printed', write: (p) => `${p}->memcg_data` },
  },
  store: { style: 'word', kmemFold: false },
};
