import type { Generation } from '../generation.js';
import { pageWordHelpers, RAW_WORD } from './page-word-helpers.js';

/**
 * The RFC posted on 2020-09-10: memcg_data with flag bit numbers tested by test_bit(). Its readers
 * follow the v5.11 contracts under the RFC's names (the posting is not a release whose bodies a
 * tree can verify).
 */
export const RFC_V1: Generation = {
  id: 'rfc-v1',
  summary: 'page->memcg_data with bit numbers PG_MEMCG_OBJ_CGROUPS and PG_MEMCG_KMEM, mask MEMCG_FLAGS_MASK; setters instead of stores',
  flags: { objcgs: 'PG_MEMCG_OBJ_CGROUPS', kmem: 'PG_MEMCG_KMEM', mask: 'MEMCG_FLAGS_MASK' },
  kmemStores: 'memcg',
  helpers: {
    ...pageWordHelpers(
      {
        memcg: 'page_mem_cgroup',
        check: 'page_mem_cgroup_check',
        kmem: 'PageMemcgKmem',
        objcgs: 'page_obj_cgroups',
        objcgsCheck: 'page_obj_cgroups_check',
        setObjcgs: 'set_page_obj_cgroups',
      },
      'memcg',
    ),
    ...RAW_WORD,
  },
  intents: {
    read: { helper: 'page_mem_cgroup', write: (p) => `page_mem_cgroup(${p})` },
    check: { helper: 'page_mem_cgroup_check', write: (p) => `page_mem_cgroup_check(${p})` },
    kmemTest: { helper: 'PageMemcgKmem', write: (p) => `PageMemcgKmem(${p})` },
    objcgs: { helper: 'page_obj_cgroups', write: (p) => `page_obj_cgroups(${p})` },
    objcgsCheck: { helper: 'page_obj_cgroups_check', write: (p) => `page_obj_cgroups_check(${p})` },
    setObjcgs: { helper: '!set_page_obj_cgroups', write: (p, v) => `set_page_obj_cgroups(${p}, ${v})` },
    rawTest: { helper: 'raw word test', write: (p) => `${p}->memcg_data` },
    rawPrint: { helper: 'raw word printed', write: (p) => `${p}->memcg_data` },
  },
  store: { style: 'call', set: 'set_page_mem_cgroup', clear: 'clear_page_mem_cgroup', setKmem: 'SetPageMemcgKmem' },
};
