import type { Target } from '../types.js';

/** The files whose names tell a tree's generation. */
export const GENERATION_FILES = ['include/linux/memcontrol.h', 'include/linux/mm_types.h', 'mm/slab.h'] as const;

export interface DetectedGeneration {
  target: Target | null;
  /** What was seen, for the report: "include/linux/memcontrol.h defines folio_memcg()". */
  evidence: string;
  /** The API read from the tree, in one line (api-surface's describeSurface), when it was read. */
  api?: string;
}

const has = (text: string | null, re: RegExp) => !!text && re.test(text);

/**
 * Reads a tree's generation from the names its headers define (../shared/memcg-api.md:
 * "A tree tells which generation it is by the names its include/linux/memcontrol.h,
 * include/linux/mm_types.h and mm/slab.h define"). Newest first; null when nothing matches.
 */
export function detectGeneration(read: (path: (typeof GENERATION_FILES)[number]) => string | null): DetectedGeneration {
  const memcontrol = read('include/linux/memcontrol.h');
  const mmTypes = read('include/linux/mm_types.h');
  if (!memcontrol && !mmTypes) return { target: null, evidence: 'no include/linux/memcontrol.h or include/linux/mm_types.h in the tree' };
  if (has(memcontrol, /\bMEMCG_DATA_OBJEXTS\b/)) return { target: 'v6.18', evidence: 'include/linux/memcontrol.h defines MEMCG_DATA_OBJEXTS' };
  if (has(memcontrol, /\bfolio_memcg\s*\(/)) return { target: 'v6.1', evidence: 'include/linux/memcontrol.h defines folio_memcg()' };
  if (has(memcontrol, /\b__page_objcg\s*\(/)) return { target: 'v5.15', evidence: 'include/linux/memcontrol.h defines __page_objcg(): kmem pages store an obj_cgroup' };
  if (has(memcontrol, /\bpage_memcg_check\s*\(/) && has(memcontrol, /\bMEMCG_DATA_OBJCGS\b/)) {
    return { target: 'v5.11', evidence: 'include/linux/memcontrol.h defines page_memcg_check() and MEMCG_DATA_OBJCGS' };
  }
  if (has(memcontrol, /\bPG_MEMCG_OBJ_CGROUPS\b|\bpage_mem_cgroup\s*\(/)) return { target: 'rfc-v1', evidence: 'include/linux/memcontrol.h defines page_mem_cgroup() and PG_MEMCG_OBJ_CGROUPS' };
  if (has(mmTypes, /struct\s+mem_cgroup\s*\*\s*mem_cgroup\s*;/)) return { target: 'legacy', evidence: 'include/linux/mm_types.h declares struct page\'s mem_cgroup field' };
  return { target: null, evidence: 'the headers define none of the names of a known generation' };
}
