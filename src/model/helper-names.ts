import { GENERATIONS } from './generation.js';

const isName = (n: string) => /^[A-Za-z_]\w*$/.test(n);

/** Every reader any generation defines: a function of that name is a helper's own definition. */
export const HELPER_NAMES: ReadonlySet<string> = new Set(
  GENERATIONS.flatMap((g) => Object.values(g.helpers).filter((h) => h.takes !== 'none' && isName(h.name)).map((h) => h.name)),
);

/** Every name of the memcg API any generation has: readers, and the RFC's and later generations' setters. */
export const API_NAMES: ReadonlySet<string> = new Set([
  ...HELPER_NAMES,
  ...GENERATIONS.flatMap((g) => (g.store?.style === 'call' ? [g.store.set, g.store.clear, g.store.setKmem] : [])),
]);

/** The calls the rules look at: the PageKmemcg family and every generation's readers. */
export const MEMCG_CALLS: ReadonlySet<string> = new Set(['PageKmemcg', '__SetPageKmemcg', '__ClearPageKmemcg', ...API_NAMES]);

/** The generations that define a helper, oldest first. */
export function generationsDefining(name: string): string[] {
  return GENERATIONS.filter((g) => g.helpers[name]).map((g) => g.id);
}
