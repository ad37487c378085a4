import type { Generation } from '../model/generation.js';

/** What the memcg core stores in the word of a charged user folio and of a kmem page. */
export interface WordLayout {
  user: 'memcg' | 'objcg';
  kmem: 'memcg' | 'objcg';
  /** Where it was read: the tree's mm/memcontrol.c, or the preset. */
  evidence: string;
}

const STORE = /->\s*memcg_data\s*=\s*\(\s*unsigned\s+long\s*\)\s*(memcg|objcg)\b\s*(\|\s*MEMCG_DATA_KMEM\b)?/g;

/**
 * The layout the tree's memcg core writes: its stores `->memcg_data = (unsigned long)memcg` or
 * `objcg`, with or without `| MEMCG_DATA_KMEM`, in mm/memcontrol.c (7.2 charges user folios with
 * an obj_cgroup). What the file does not say is the preset's: a user folio holds a memcg, a kmem
 * page what the generation stores.
 */
export function wordLayout(memcontrolC: string | null, gen: Generation): WordLayout {
  const preset = { user: 'memcg' as const, kmem: gen.kmemStores ?? 'memcg' };
  if (memcontrolC === null) return { ...preset, evidence: `the ${gen.id} preset (no mm/memcontrol.c in the tree)` };
  let user: WordLayout['user'] | null = null;
  let kmem: WordLayout['kmem'] | null = null;
  for (const m of memcontrolC.matchAll(STORE)) {
    if (m[2]) kmem ??= m[1] as WordLayout['kmem'];
    else user ??= m[1] as WordLayout['user'];
  }
  if (user === null && kmem === null) return { ...preset, evidence: `the ${gen.id} preset (mm/memcontrol.c stores no memcg or obj_cgroup into the word)` };
  const said = [user && `a user folio holds ${user === 'memcg' ? 'a memcg' : 'an obj_cgroup'}`, kmem && `a kmem page ${kmem === 'memcg' ? 'a memcg' : 'an obj_cgroup'}`].filter(Boolean).join(', ');
  return { user: user ?? preset.user, kmem: kmem ?? preset.kmem, evidence: `mm/memcontrol.c: ${said}` };
}
