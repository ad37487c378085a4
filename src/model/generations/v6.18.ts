import type { Generation } from '../generation.js';
import { bool, value, type HelperModel } from '../outcome.js';
import { wordOf } from '../word.js';
import { folioMemcg, folioMemcgKmem, pageFolio, pageMemcgCheck } from './v6.1.js';
import { RAW_WORD } from './page-word-helpers.js';

const helpers: HelperModel[] = [
  { name: 'folio_memcg', takes: 'folio', doc: 'the memcg of a folio that is not a slab folio; BUG on slab folios, MEMCG_DATA_OBJEXTS and tail pages', eval: (s) => folioMemcg(s) },
  { name: 'folio_memcg_charged', takes: 'folio', doc: 'whether the folio is charged at all', eval: (s) => value(bool(wordOf(s, 'objcg').pointer !== 'none')) },
  { name: 'folio_memcg_check', takes: 'folio', doc: 'the memcg of any folio; NULL for MEMCG_DATA_OBJEXTS', eval: (s) => pageMemcgCheck(s) },
  { name: 'page_memcg_check', takes: 'page', doc: 'the memcg of any page; NULL for MEMCG_DATA_OBJEXTS and for tail pages; never BUGs', eval: (s) => (s.tail ? value('NULL') : pageMemcgCheck(s)) },
  { name: 'folio_memcg_kmem', takes: 'folio', doc: 'whether the folio is a kmem folio; BUG on a tail page or MEMCG_DATA_OBJEXTS', eval: (s) => folioMemcgKmem(s) },
  { name: 'PageMemcgKmem', takes: 'page', doc: 'folio_memcg_kmem(page_folio(page))', eval: (s) => folioMemcgKmem(pageFolio(s)) },
  { name: 'folio_memcg(page_folio())', takes: 'page', doc: 'folio_memcg() of the page\'s folio: page_memcg() is gone', eval: (s) => folioMemcg(pageFolio(s)) },
];

export const V618: Generation = {
  id: 'v6.18',
  summary: 'bit 0 is MEMCG_DATA_OBJEXTS (a slabobj_ext vector; slab->obj_exts); page_memcg(), page_memcg_rcu() and folio_memcg_rcu() are gone',
  flags: { objcgs: 'MEMCG_DATA_OBJEXTS', kmem: 'MEMCG_DATA_KMEM', mask: 'OBJEXTS_FLAGS_MASK' },
  kmemStores: 'objcg',
  helpers: { ...Object.fromEntries(helpers.map((h) => [h.name, h])), ...RAW_WORD },
  intents: {
    read: { helper: 'folio_memcg(page_folio())', write: (p) => `folio_memcg(page_folio(${p}))` },
    check: { helper: 'page_memcg_check', write: (p) => `page_memcg_check(${p})` },
    kmemTest: { helper: 'PageMemcgKmem', write: (p) => `PageMemcgKmem(${p})` },
    rawTest: { helper: 'raw word test', write: (p) => `${p}->memcg_data` },
    rawPrint: { helper: 'raw word printed', write: (p) => `${p}->memcg_data` },
  },
  store: { style: 'word', kmemFold: false },
};
