import type { PageState } from './v5.11-states.js';

/** What evaluating an expression on a page state does: a value, or a tripped precondition. */
export type Outcome = { value: string } | { bug: string };

export interface EvalEnv {
  /** The access runs under rcu_read_lock(). */
  underRcu: boolean;
}

/** An expression of the model: the legacy code being replaced, or a v5.11 candidate. */
export interface ModelExpr {
  name: string;
  eval(state: PageState, env: EvalEnv): Outcome;
}

const memcgPointer = (s: PageState) => (s.word.pointer === 'memcg' ? 'memcg' : 'NULL');
const vector = (s: PageState) => (s.word.pointer === 'objcgs' ? 'objcgs' : 'NULL');
const bool = (b: boolean) => (b ? 'true' : 'false');
/** The word's content as a dump shows it: pointer and flag bits. */
const wordBits = (s: PageState) =>
  s.word.pointer === 'none' ? 'NULL' : `${s.word.pointer}${s.word.objcgs ? '|OBJCGS' : ''}${s.word.kmem ? '|KMEM' : ''}`;

/** v5.11 helpers, as executable functions of the state (contracts from the API reference). */
export const HELPERS: Record<string, ModelExpr> = {
  page_memcg: {
    name: 'page_memcg()',
    eval: (s) =>
      s.pageSlab ? { bug: 'VM_BUG_ON_PAGE(PageSlab(page))' } : s.word.objcgs ? { bug: 'VM_BUG_ON_PAGE(memcg_data & MEMCG_DATA_OBJCGS)' } : { value: memcgPointer(s) },
  },
  page_memcg_rcu: {
    name: 'page_memcg_rcu()',
    eval: (s, env) =>
      s.pageSlab ? { bug: 'VM_BUG_ON_PAGE(PageSlab(page))' } : !env.underRcu ? { bug: 'WARN_ON_ONCE(!rcu_read_lock_held())' } : { value: memcgPointer(s) },
  },
  page_memcg_check: {
    name: 'page_memcg_check()',
    eval: (s) => ({ value: s.word.objcgs ? 'NULL' : memcgPointer(s) }),
  },
  PageMemcgKmem: {
    name: 'PageMemcgKmem()',
    eval: (s) => (s.word.objcgs ? { bug: 'VM_BUG_ON_PAGE(memcg_data & MEMCG_DATA_OBJCGS)' } : { value: bool(s.word.kmem) }),
  },
  page_objcgs: {
    name: 'page_objcgs()',
    eval: (s) =>
      s.word.pointer !== 'none' && !s.word.objcgs
        ? { bug: 'VM_BUG_ON_PAGE(memcg_data && !(memcg_data & MEMCG_DATA_OBJCGS))' }
        : s.word.kmem
          ? { bug: 'VM_BUG_ON_PAGE(memcg_data & MEMCG_DATA_KMEM)' }
          : { value: vector(s) },
  },
  page_objcgs_check: {
    name: 'page_objcgs_check()',
    eval: (s) => ({ value: s.word.objcgs ? 'objcgs' : 'NULL' }),
  },
  /** The raw word printed (as page dumps do): every bit of it, flags included. */
  raw_word_print: {
    name: 'the raw word printed',
    eval: (s) => ({ value: wordBits(s) }),
  },
  raw_word_test: {
    name: 'the raw word as a truth value',
    eval: (s) => ({ value: bool(s.word.pointer !== 'none') }),
  },
  /** !set_page_objcgs(page, vec): true when the word was already set and nothing was installed. */
  set_page_objcgs_failed: {
    name: '!set_page_objcgs()',
    eval: (s) => ({ value: bool(s.word.pointer !== 'none') }),
  },
  objcgs_test: {
    name: 'page_objcgs_check() as a truth value',
    eval: (s) => ({ value: bool(s.word.objcgs) }),
  },
};

/**
 * Legacy expressions: what the code meant (`intended`) and what the legacy layout actually gave
 * (`legacy`). The original is correct in a state where the two agree; a candidate must match the
 * intended value there.
 */
export interface LegacyExpr {
  name: string;
  intended(s: PageState): string;
  legacy(s: PageState): string;
}

export const LEGACY: Record<string, LegacyExpr> = {
  memcgRead: {
    name: 'page->mem_cgroup',
    intended: (s) => memcgPointer(s),
    legacy: (s) => s.legacy.union,
  },
  /** A read only tested for "has a memcg" before the value is used: the test must agree with the read. */
  memcgHasMemcg: {
    name: 'page->mem_cgroup tested before use',
    intended: (s) => bool(s.word.pointer === 'memcg'),
    legacy: (s) => bool(s.legacy.union !== 'NULL'),
  },
  /** A read printed by debugging code: what is meant is the whole word. */
  memcgPrinted: {
    name: 'page->mem_cgroup printed',
    intended: (s) => wordBits(s),
    legacy: (s) => (s.legacy.union === 'objcgs|0x1' ? 'objcgs|OBJCGS' : s.legacy.union),
  },
  /** A read whose value is then tested by hand for the 0x1 tag: correct on slab pages too. */
  memcgReadTagTested: {
    name: 'page->mem_cgroup with the 0x1UL test',
    intended: (s) => memcgPointer(s),
    legacy: (s) => (s.legacy.union === 'objcgs|0x1' ? 'NULL' : s.legacy.union),
  },
  memcgTruth: {
    name: 'page->mem_cgroup as a truth value',
    intended: (s) => bool(s.word.pointer !== 'none'),
    legacy: (s) => bool(s.legacy.union !== 'NULL'),
  },
  objcgsRead: {
    name: 'page->obj_cgroups',
    intended: (s) => vector(s),
    legacy: (s) => (s.legacy.union === 'memcg' ? 'memcg' : s.legacy.union),
  },
  objcgsMasked: {
    name: '(unsigned long)page->obj_cgroups & ~0x1UL',
    intended: (s) => vector(s),
    legacy: (s) => (s.legacy.union === 'objcgs|0x1' ? 'objcgs' : s.legacy.union),
  },
  objcgsTagTest: {
    name: '(unsigned long)page->obj_cgroups & 0x1UL',
    intended: (s) => bool(s.word.objcgs),
    legacy: (s) => bool(s.legacy.union === 'objcgs|0x1'),
  },
  /** cmpxchg(&page->obj_cgroups, NULL, vec | 0x1UL) as a truth value: non-NULL when it did not install. */
  objcgsInstallFailed: {
    name: 'cmpxchg(&page->obj_cgroups, NULL, ...)',
    intended: (s) => bool(s.word.pointer !== 'none'),
    legacy: (s) => bool(s.legacy.union !== 'NULL'),
  },
  pageKmemcg: {
    name: 'PageKmemcg()',
    intended: (s) => bool(s.word.kmem),
    legacy: (s) => bool(s.legacy.pageKmemcg),
  },
};
