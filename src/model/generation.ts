import type { Target } from '../types.js';
import type { ApiSurface } from './api-surface.js';
import type { HelperModel } from './outcome.js';

/** What a fix means to say, spelled by each generation its own way. */
export type Intent =
  | 'read' // the memcg of a page that is not a slab page
  | 'check' // the memcg of any page, NULL for slab pages
  | 'rcu' // the memcg read under rcu_read_lock()
  | 'kmemTest' // is the page a kmem page
  | 'objcgs' // the obj_cgroup vector of a slab page
  | 'objcgsCheck' // the vector of any page, NULL unless it has one
  | 'setObjcgs' // install a vector when none is set; true when installed
  | 'rawTest' // the raw word as a truth value: charged at all
  | 'rawPrint'; // the raw word printed by debugging code

/** How a generation writes an intent: the helper that the model evaluates and the text of the call. */
export interface Spelling {
  helper: string;
  /** The call for a page expression `p` (and a second argument where the intent takes one). */
  write(p: string, arg?: string): string;
}

export interface Generation {
  id: Target;
  /** One line: what the word holds in this generation. */
  summary: string;
  /** Flag names, or null for the legacy union. */
  flags: { objcgs: string; kmem: string; mask: string } | null;
  /** What a kmem page's word points to. */
  kmemStores: 'memcg' | 'objcg' | null;
  helpers: Record<string, HelperModel>;
  intents: Partial<Record<Intent, Spelling>>;
  /**
   * How the memcg core stores a memcg for a page: by hand into the word (and whether a following
   * __SetPageKmemcg() can fold into it as the KMEM flag), through setter calls, or not at all.
   */
  store: { style: 'word'; kmemFold: boolean } | { style: 'call'; set: string; clear: string; setKmem: string } | null;
  /** Set when the helpers and flags were read from a tree (surface-generation): the preset only explains. */
  api?: ApiSurface;
}

import { LEGACY_GENERATION } from './generations/legacy.js';
import { RFC_V1 } from './generations/rfc-v1.js';
import { V511, V515 } from './generations/v5.11.js';
import { V61 } from './generations/v6.1.js';
import { V618 } from './generations/v6.18.js';

export const GENERATIONS: readonly Generation[] = [LEGACY_GENERATION, RFC_V1, V511, V515, V61, V618];

export function generationOf(target: Target): Generation {
  return GENERATIONS.find((g) => g.id === target)!;
}
