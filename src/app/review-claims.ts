import type { ReviewRequest } from './review-job.js';

/**
 * Who reviews a head when several replicas receive deliveries for it. Deliveries for one pull
 * request are serialized inside one process (KeyedLock); across processes, a replica claims the
 * head (repository, pull request, head commit, settings) before it looks at the check runs, and
 * lets it go when it is done: another replica's delivery for the same head meanwhile does nothing.
 * The claim expires on its own (a replica that dies holding it blocks nobody for long).
 */
export interface ReviewClaims {
  /** Takes the claim for `ttlMs` with this token; false when another holder has it. */
  claim(key: string, token: string, ttlMs: number): Promise<boolean>;
  /** Lets the claim go, only if this token still holds it. */
  release(key: string, token: string): Promise<void>;
}

/** The claim's key: one per repository, pull request, head commit and settings (config hash). */
export function claimKey(req: Pick<ReviewRequest, 'owner' | 'repo' | 'number' | 'headSha'>, configHash: string): string {
  return `memcg-review:claim:${req.owner}/${req.repo}#${req.number}@${req.headSha}:${configHash}`;
}
