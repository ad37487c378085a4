import { GENERATIONS } from './generation.js';

/** Every reader any generation defines: a function of that name is a helper's own definition. */
export const HELPER_NAMES: ReadonlySet<string> = new Set(
  GENERATIONS.flatMap((g) => Object.values(g.helpers).filter((h) => h.takes !== 'none' && /^[A-Za-z_]\w*$/.test(h.name)).map((h) => h.name)),
);
