import { bool } from './outcome.js';
import { bindingOf, memcgOf, type PageState } from './states.js';

/**
 * Legacy (<= 5.10) expressions being replaced: what the code meant (`intended`) and what the
 * legacy layout actually gave (`legacy`). The original is correct in a state where the two agree;
 * a candidate must give the intended value there.
 */
export interface LegacyExpr {
  name: string;
  intended(s: PageState): string;
  legacy(s: PageState): string;
}

const vector = (s: PageState) => (s.id === 'slab-objcgs' ? 'objcgs' : 'NULL');
const charged = (s: PageState) => s.id === 'user' || s.id === 'kmem' || s.id === 'slab-objcgs';

export const LEGACY: Record<string, LegacyExpr> = {
  memcgRead: { name: 'page->mem_cgroup', intended: memcgOf, legacy: (s) => s.legacy.union },
  /** A read whose value is then tested by hand for the 0x1 tag: correct on slab pages too. */
  memcgReadTagTested: {
    name: 'page->mem_cgroup with the 0x1UL test',
    intended: memcgOf,
    legacy: (s) => (s.legacy.union === 'objcgs|0x1' ? 'NULL' : s.legacy.union),
  },
  memcgTruth: { name: 'page->mem_cgroup as a truth value', intended: (s) => bool(charged(s)), legacy: (s) => bool(s.legacy.union !== 'NULL') },
  /** A read only tested for "has a memcg" before the value is used: the test must agree with the read. */
  memcgHasMemcg: { name: 'page->mem_cgroup tested before use', intended: (s) => bool(memcgOf(s) !== 'NULL'), legacy: (s) => bool(s.legacy.union !== 'NULL') },
  /** A read printed by debugging code: what is meant is the whole binding. */
  memcgPrinted: {
    name: 'page->mem_cgroup printed',
    intended: bindingOf,
    legacy: (s) => (s.legacy.union === 'objcgs|0x1' ? 'objcgs|OBJCGS' : s.legacy.union),
  },
  objcgsRead: { name: 'page->obj_cgroups', intended: vector, legacy: (s) => s.legacy.union },
  objcgsMasked: {
    name: '(unsigned long)page->obj_cgroups & ~0x1UL',
    intended: vector,
    legacy: (s) => (s.legacy.union === 'objcgs|0x1' ? 'objcgs' : s.legacy.union),
  },
  objcgsTagTest: { name: '(unsigned long)page->obj_cgroups & 0x1UL', intended: (s) => bool(s.id === 'slab-objcgs'), legacy: (s) => bool(s.legacy.union === 'objcgs|0x1') },
  /** cmpxchg(&page->obj_cgroups, NULL, vec | 0x1UL) as a truth value: non-NULL when it did not install. */
  objcgsInstallFailed: { name: 'cmpxchg(&page->obj_cgroups, NULL, ...)', intended: (s) => bool(charged(s)), legacy: (s) => bool(s.legacy.union !== 'NULL') },
  pageKmemcg: { name: 'PageKmemcg()', intended: (s) => bool(s.id === 'kmem'), legacy: (s) => bool(s.legacy.pageKmemcg) },
};
