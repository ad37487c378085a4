/**
 * The page states that matter to the v5.11 word, and what the legacy (<= 5.10) layout stored in
 * each. Written from the helper contracts in ../shared/memcg-api.md; the space is small and is
 * enumerated exhaustively by the validator.
 */
export interface PageState {
  id: StateId;
  description: string;
  pageSlab: boolean;
  /** The v5.11 word: pointer part and flag bits. */
  word: { pointer: 'none' | 'memcg' | 'objcgs'; objcgs: boolean; kmem: boolean };
  /** Legacy layout: the union's value and the PageKmemcg page type. */
  legacy: { union: 'NULL' | 'memcg' | 'objcgs|0x1'; pageKmemcg: boolean };
}

export type StateId = 'uncharged' | 'user' | 'kmem' | 'slab-objcgs' | 'slab-bare';

export const STATES: readonly PageState[] = [
  {
    id: 'uncharged',
    description: 'a page not charged to any memcg',
    pageSlab: false,
    word: { pointer: 'none', objcgs: false, kmem: false },
    legacy: { union: 'NULL', pageKmemcg: false },
  },
  {
    id: 'user',
    description: 'a user/LRU page charged to a memcg',
    pageSlab: false,
    word: { pointer: 'memcg', objcgs: false, kmem: false },
    legacy: { union: 'memcg', pageKmemcg: false },
  },
  {
    id: 'kmem',
    description: 'a kmem page (MEMCG_DATA_KMEM set)',
    pageSlab: false,
    word: { pointer: 'memcg', objcgs: false, kmem: true },
    legacy: { union: 'memcg', pageKmemcg: true },
  },
  {
    id: 'slab-objcgs',
    description: 'a slab page with an obj_cgroup vector (MEMCG_DATA_OBJCGS set)',
    pageSlab: true,
    word: { pointer: 'objcgs', objcgs: true, kmem: false },
    legacy: { union: 'objcgs|0x1', pageKmemcg: false },
  },
  {
    id: 'slab-bare',
    description: 'a slab page without an obj_cgroup vector',
    pageSlab: true,
    word: { pointer: 'none', objcgs: false, kmem: false },
    legacy: { union: 'NULL', pageKmemcg: false },
  },
];

export const ALL_STATES: readonly StateId[] = STATES.map((s) => s.id);

export function stateById(id: StateId): PageState {
  return STATES.find((s) => s.id === id)!;
}
