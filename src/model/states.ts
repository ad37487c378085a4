/**
 * The page states that matter to the page-to-memcg binding, the same for every generation; what
 * each stores in the word is up to the generation (generation.ts), what the legacy (<= 5.10)
 * layout stored is here. Written from the contracts in ../shared/memcg-api.md; the space is small
 * and enumerated exhaustively.
 */
export type StateId = 'uncharged' | 'user' | 'kmem' | 'slab-objcgs' | 'slab-bare' | 'tail';

export interface PageState {
  id: StateId;
  description: string;
  /** PageSlab() / folio_test_slab(). */
  slab: boolean;
  /** PageTail(): a tail page of a charged compound user page, whose own word is empty. */
  tail: boolean;
  /** Legacy layout: the union's value and the PageKmemcg page type. */
  legacy: { union: 'NULL' | 'memcg' | 'objcgs|0x1'; pageKmemcg: boolean };
}

export const STATES: readonly PageState[] = [
  { id: 'uncharged', description: 'a page not charged to any memcg', slab: false, tail: false, legacy: { union: 'NULL', pageKmemcg: false } },
  { id: 'user', description: 'a user/LRU page charged to a memcg', slab: false, tail: false, legacy: { union: 'memcg', pageKmemcg: false } },
  { id: 'kmem', description: 'a kmem page (accounted non-slab kernel page)', slab: false, tail: false, legacy: { union: 'memcg', pageKmemcg: true } },
  { id: 'slab-objcgs', description: 'a slab page with an obj_cgroup vector', slab: true, tail: false, legacy: { union: 'objcgs|0x1', pageKmemcg: false } },
  { id: 'slab-bare', description: 'a slab page without an obj_cgroup vector', slab: true, tail: false, legacy: { union: 'NULL', pageKmemcg: false } },
  { id: 'tail', description: 'a tail page of a charged compound user page', slab: false, tail: true, legacy: { union: 'NULL', pageKmemcg: false } },
];

export const ALL_STATES: readonly StateId[] = STATES.map((s) => s.id);

export function stateById(id: StateId): PageState {
  return STATES.find((s) => s.id === id)!;
}

/** The memcg a page belongs to, as a caller means it (a tail page belongs to its head's memcg). */
export function memcgOf(s: PageState): 'memcg' | 'NULL' {
  return s.id === 'user' || s.id === 'kmem' || s.id === 'tail' ? 'memcg' : 'NULL';
}

/** The binding a dump shows: the word's pointer and flags, in one spelling for every generation. */
export function bindingOf(s: PageState): string {
  return { uncharged: 'NULL', user: 'memcg', kmem: 'memcg|KMEM', 'slab-objcgs': 'objcgs|OBJCGS', 'slab-bare': 'NULL', tail: 'NULL' }[s.id];
}
