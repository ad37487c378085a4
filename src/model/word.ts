import type { PageState } from './states.js';

/** The word a page state stores in a generation with memcg_data: pointer part and flag bits. */
export interface Word {
  pointer: 'none' | 'memcg' | 'objcg' | 'objcgs';
  /** MEMCG_DATA_OBJCGS (MEMCG_DATA_OBJEXTS in v6.18; PG_MEMCG_OBJ_CGROUPS in the RFC). */
  objcgs: boolean;
  kmem: boolean;
}

/** A page's own word; `kmemStores` says what a kmem page's pointer is (a memcg until v5.11, an obj_cgroup after). */
export function wordOf(s: PageState, kmemStores: 'memcg' | 'objcg'): Word {
  switch (s.id) {
    case 'user':
      return { pointer: 'memcg', objcgs: false, kmem: false };
    case 'kmem':
      return { pointer: kmemStores, objcgs: false, kmem: true };
    case 'slab-objcgs':
      return { pointer: 'objcgs', objcgs: true, kmem: false };
    default:
      return { pointer: 'none', objcgs: false, kmem: false };
  }
}

/** The memcg a word's pointer leads to: directly, or through obj_cgroup_memcg(). */
export function memcgIn(w: Word): 'memcg' | 'NULL' {
  return w.pointer === 'memcg' || w.pointer === 'objcg' ? 'memcg' : 'NULL';
}
