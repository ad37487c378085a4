/** What a failed GitHub request tells the retry policy. */
export interface RequestFailure {
  status?: number;
  message?: string;
  headers?: Record<string, string | number | undefined>;
}

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** First backoff in ms; doubled each retry. */
  baseMs: number;
  /** No single wait is longer. */
  maxMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseMs: 1000, maxMs: 60_000 };

/** GitHub's secondary rate limit: 403 or 429 whose message says so, or a 429 with retry-after. */
export function isSecondaryRateLimit(f: RequestFailure): boolean {
  if (f.status !== 403 && f.status !== 429) return false;
  return /secondary rate limit|abuse/i.test(f.message ?? '') || (f.status === 429 && f.headers?.['retry-after'] !== undefined);
}

/**
 * How long to wait before retrying a failed request (attempt is 1 for the first failure), or null
 * when it should not be retried: only 5xx, network failures (no status) and secondary rate
 * limits are. A secondary limit waits for `retry-after`, else until `x-ratelimit-reset`, else backs off.
 */
export function retryDelay(f: RequestFailure, attempt: number, policy: RetryPolicy = DEFAULT_RETRY, nowMs = Date.now()): number | null {
  if (attempt >= policy.attempts) return null;
  const backoff = Math.min(policy.maxMs, policy.baseMs * 2 ** (attempt - 1));
  if (f.status === undefined || f.status >= 500) return backoff;
  if (!isSecondaryRateLimit(f)) return null;
  const retryAfter = Number(f.headers?.['retry-after']);
  if (f.headers?.['retry-after'] !== undefined && Number.isFinite(retryAfter)) return Math.min(policy.maxMs, Math.max(0, retryAfter * 1000));
  const reset = Number(f.headers?.['x-ratelimit-reset']);
  if (f.headers?.['x-ratelimit-remaining'] === '0' && Number.isFinite(reset)) return Math.min(policy.maxMs, Math.max(0, reset * 1000 - nowMs));
  return Math.max(backoff, Math.min(policy.maxMs, 60_000));
}
