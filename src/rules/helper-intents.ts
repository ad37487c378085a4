import type { Intent } from '../model/generation.js';

/** What each page-taking reader of any generation means, so another generation can spell it. */
export const INTENT_OF: Record<string, Intent> = {
  page_memcg: 'read',
  page_mem_cgroup: 'read',
  page_memcg_check: 'check',
  page_mem_cgroup_check: 'check',
  page_memcg_rcu: 'rcu',
  PageMemcgKmem: 'kmemTest',
  PageKmemcg: 'kmemTest',
  page_objcgs: 'objcgs',
  page_obj_cgroups: 'objcgs',
  page_objcgs_check: 'objcgsCheck',
  page_has_obj_cgroups: 'objcgsCheck',
  page_obj_cgroups_check: 'objcgsCheck',
  set_page_objcgs: 'setObjcgs',
  set_page_obj_cgroups: 'setObjcgs',
};

/** Readers that answer yes or no where the reader of the same intent elsewhere returns a pointer. */
export const TRUTH_VALUED = new Set(['page_has_obj_cgroups']);

/** A safer reader for a misused one: the reader that never trips on any page. */
export const SAFER: Partial<Record<Intent, Intent>> = { read: 'check', rcu: 'check', objcgs: 'objcgsCheck' };

/** Folio readers and what replaces them with a page's folio written out: `page_memcg(&folio->page)` is `folio_memcg(folio)`. */
export const FOLIO_FORM: Record<string, string> = {
  page_memcg: 'folio_memcg',
  PageMemcgKmem: 'folio_memcg_kmem',
  page_memcg_check: 'folio_memcg_check',
};
