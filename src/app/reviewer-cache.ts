import type { Target } from '../types.js';
import { createReviewer, type Reviewer } from '../review/reviewer.js';

/** One reviewer per target and memcg-core list, created on first use (loading the C grammar once each). */
export function reviewerCache(create: typeof createReviewer = createReviewer): (target: Target, core: readonly string[]) => Promise<Reviewer> {
  const cache = new Map<string, Promise<Reviewer>>();
  return (target, core) => {
    const key = JSON.stringify([target, core]);
    let r = cache.get(key);
    if (!r) {
      r = create({ target, coreFiles: [...core] });
      r.catch(() => cache.delete(key));
      cache.set(key, r);
    }
    return r;
  };
}
