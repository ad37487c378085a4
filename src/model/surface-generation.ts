import type { Target } from '../types.js';
import type { ApiSurface } from './api-surface.js';
import { GENERATIONS, generationOf, type Generation, type Intent, type Spelling } from './generation.js';
import type { HelperModel } from './outcome.js';

/**
 * The name a helper model is called by in C: `page_memcg`, `!set_page_objcgs` -> `set_page_objcgs`,
 * `folio_memcg(page_folio())` -> `folio_memcg`; null for the raw word's pseudo-helpers, which every
 * tree with the word has.
 */
export function cName(helper: string): string | null {
  const m = /^!?([A-Za-z_]\w*)/.exec(helper);
  return m ? m[1]! : null;
}

/** Generations ordered by distance from `preset` (the RFC last: no release had its names). */
export function byDistance(preset: Target): Generation[] {
  const at = GENERATIONS.findIndex((g) => g.id === preset);
  const distance = (g: Generation) => (g.id === 'rfc-v1' && preset !== 'rfc-v1' ? GENERATIONS.length : 0) + Math.abs(GENERATIONS.indexOf(g) - at);
  return [...GENERATIONS].sort((a, b) => distance(a) - distance(b));
}

/** A contract for each helper name (measured from the tree by `model verify`), when there is one. */
export type Contracts = Readonly<Record<string, HelperModel>>;

const cache = new Map<string, Generation>();

/**
 * The generation in force for a surface: the preset's id (for explanations), but only the helpers
 * the surface defines, each with its contract from `contracts` when measured, else from the
 * nearest generation that has one; every intent spelled with a helper that exists (the preset's
 * spelling first, then the nearest generation's); the flags as the headers spell them.
 */
export function surfaceGeneration(surface: ApiSurface, contracts?: Contracts): Generation {
  const key = contracts ? null : JSON.stringify(surface);
  const hit = key && cache.get(key);
  if (hit) return hit;
  const defined = new Set(surface.functions);
  const exists = (helper: string) => {
    const name = cName(helper);
    return name === null || defined.has(name);
  };
  const order = byDistance(surface.preset);
  const helpers: Record<string, HelperModel> = {};
  for (const g of order) {
    for (const [key, model] of Object.entries(g.helpers)) {
      if (helpers[key] || !exists(key)) continue;
      const name = cName(key);
      helpers[key] = (name && key === name && contracts?.[name]) || model;
    }
  }
  const intents: Partial<Record<Intent, Spelling>> = {};
  for (const g of order) {
    for (const [intent, spelling] of Object.entries(g.intents) as [Intent, Spelling][]) {
      if (!intents[intent] && helpers[spelling.helper] && exists(spelling.helper)) intents[intent] = spelling;
    }
  }
  const preset = generationOf(surface.preset);
  const gen: Generation = { ...preset, helpers, intents, flags: flagsOf(surface, preset), api: surface };
  if (key) cache.set(key, gen);
  return gen;
}

function flagsOf(surface: ApiSurface, preset: Generation): Generation['flags'] {
  const c = new Set(surface.constants);
  const objcgs = c.has('MEMCG_DATA_OBJEXTS') ? 'MEMCG_DATA_OBJEXTS' : c.has('MEMCG_DATA_OBJCGS') ? 'MEMCG_DATA_OBJCGS' : null;
  if (!objcgs || !c.has('MEMCG_DATA_KMEM')) return preset.flags;
  const mask = c.has('OBJEXTS_FLAGS_MASK') && objcgs === 'MEMCG_DATA_OBJEXTS' ? 'OBJEXTS_FLAGS_MASK' : c.has('MEMCG_DATA_FLAGS_MASK') ? 'MEMCG_DATA_FLAGS_MASK' : (preset.flags?.mask ?? 'MEMCG_DATA_FLAGS_MASK');
  return { objcgs, kmem: 'MEMCG_DATA_KMEM', mask };
}

/** How a message names the API in force: "v6.1", or "the tree's API (nearest preset v6.18)". */
export function apiName(gen: Generation): string {
  return gen.api ? `the tree's API (nearest preset ${gen.id})` : gen.id;
}

/** The release that removed the legacy names, as the API in force tells it: the RFC for rfc-v1. */
export function removedBy(gen: Generation): string {
  return gen.id === 'rfc-v1' ? 'the RFC (rfc-v1)' : 'v5.11';
}

/** The vector flag as the API in force spells it: MEMCG_DATA_OBJCGS, or MEMCG_DATA_OBJEXTS where the tree says so. */
export function vectorFlag(gen: Generation): string {
  return gen.flags?.objcgs ?? 'MEMCG_DATA_OBJCGS';
}
