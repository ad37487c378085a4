import type { ApiSurface } from '../model/api-surface.js';
import type { ReviewLimits, Target } from '../types.js';
import { createReviewer, type Reviewer } from '../review/reviewer.js';

const MAX_REVIEWERS = 32;

/** One reviewer per target, API read from the code,, memcg-core list and limits, created on first use (the C grammar is loaded once). */
export function reviewerCache(create: typeof createReviewer = createReviewer): (target: Target, core: readonly string[], limits: ReviewLimits, api?: ApiSurface) => Promise<Reviewer> {
  const cache = new Map<string, Promise<Reviewer>>();
  return (target, core, limits, api) => {
    const key = JSON.stringify([target, core, limits, api ?? null]);
    let r = cache.get(key);
    if (!r) {
      r = create({ target, coreFiles: [...core], limits, ...(api ? { api } : {}) });
      r.catch(() => cache.delete(key));
      cache.set(key, r);
      // Each pull request's own API is a key: keep the most recent ones only.
      if (cache.size > MAX_REVIEWERS) cache.delete(cache.keys().next().value!);
    }
    return r;
  };
}
