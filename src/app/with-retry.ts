import { DEFAULT_RETRY, retryDelay, type RequestFailure, type RetryPolicy } from './retry-policy.js';

export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** What an Octokit RequestError (or a network error) says about the failure. */
export function failureOf(e: unknown): RequestFailure {
  const err = e as { status?: unknown; message?: unknown; response?: { headers?: Record<string, string | number | undefined>; data?: { message?: unknown } } };
  const status = typeof err?.status === 'number' ? err.status : undefined;
  const dataMessage = typeof err?.response?.data?.message === 'string' ? err.response.data.message : '';
  const message = `${typeof err?.message === 'string' ? err.message : ''} ${dataMessage}`.trim();
  return { status, message, headers: err?.response?.headers ?? {} };
}

/** Runs a request, retrying 5xx, network failures and secondary rate limits with backoff (bounded attempts). */
export async function withRetry<T>(request: () => Promise<T>, policy: RetryPolicy = DEFAULT_RETRY, sleep: Sleep = realSleep, onRetry?: (ms: number, e: unknown) => void): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await request();
    } catch (e) {
      const wait = retryDelay(failureOf(e), attempt, policy);
      if (wait === null) throw e;
      onRetry?.(wait, e);
      await sleep(wait);
    }
  }
}
