import type { ReviewLimits, Target } from '../types.js';
import { createReviewer, type Reviewer } from '../review/reviewer.js';

/** One reviewer per target, memcg-core list and limits, created on first use (the C grammar is loaded once). */
export function reviewerCache(create: typeof createReviewer = createReviewer): (target: Target, core: readonly string[], limits: ReviewLimits) => Promise<Reviewer> {
  const cache = new Map<string, Promise<Reviewer>>();
  return (target, core, limits) => {
    const key = JSON.stringify([target, core, limits]);
    let r = cache.get(key);
    if (!r) {
      r = create({ target, coreFiles: [...core], limits });
      r.catch(() => cache.delete(key));
      cache.set(key, r);
    }
    return r;
  };
}
