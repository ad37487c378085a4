import type { Generation } from '../model/generation.js';
import { stateById, type PageState } from '../model/states.js';
import { wordOf } from '../model/word.js';

/** The legacy (<= 5.10) layout of a state: the union's value, and the PageKmemcg page type where set. */
export function legacySpelling(s: PageState): string {
  const union = s.legacy.union === 'objcgs|0x1' ? 'objcgs | 0x1UL' : s.legacy.union;
  return s.legacy.pageKmemcg ? `${union}, PageKmemcg` : union;
}

/** A flag as the generation writes it into the word: a mask, or a bit number (`PG_...`) shifted into place. */
function flag(name: string): string {
  return name.startsWith('PG_') ? `BIT(${name})` : name;
}

/**
 * What a state stores in the generation's word, flags spelled with the generation's names:
 * `objcg | MEMCG_DATA_KMEM`, `0`. A tail page's own word is 0; its head's is named too. The
 * legacy generation has no word: its union is spelled instead.
 */
export function wordSpelling(s: PageState, gen: Generation): string {
  if (!gen.flags || !gen.kmemStores) return legacySpelling(s);
  const own = spell(s, gen);
  return s.tail ? `${own} (head page: ${spell(stateById('user'), gen)})` : own;
}

function spell(s: PageState, gen: Generation): string {
  const w = wordOf(s, gen.kmemStores!);
  const parts = [w.pointer === 'none' ? '0' : w.pointer, ...(w.objcgs ? [flag(gen.flags!.objcgs)] : []), ...(w.kmem ? [flag(gen.flags!.kmem)] : [])];
  return parts.join(' | ');
}
