import { describe, expect, it } from '@jest/globals';
import { isSecondaryRateLimit, retryDelay } from '../../src/app/retry-policy.js';
import { failureOf, withRetry } from '../../src/app/with-retry.js';

const policy = { attempts: 4, baseMs: 100, maxMs: 10_000 };

describe('retry policy', () => {
  it('backs off exponentially on 5xx and network failures, up to the attempts', () => {
    expect(retryDelay({ status: 502 }, 1, policy)).toBe(100);
    expect(retryDelay({ status: 500 }, 2, policy)).toBe(200);
    expect(retryDelay({}, 3, policy)).toBe(400);
    expect(retryDelay({ status: 503 }, 4, policy)).toBeNull();
  });

  it('does not retry other client errors nor primary rate limits', () => {
    for (const status of [400, 401, 404, 422]) expect(retryDelay({ status }, 1, policy)).toBeNull();
    expect(retryDelay({ status: 403, message: 'API rate limit exceeded for installation' }, 1, policy)).toBeNull();
  });

  it('waits for retry-after, else for the rate limit reset, on a secondary rate limit', () => {
    const secondary = { status: 403, message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' };
    expect(isSecondaryRateLimit(secondary)).toBe(true);
    expect(retryDelay({ ...secondary, headers: { 'retry-after': '3' } }, 1, policy)).toBe(3000);
    expect(retryDelay({ ...secondary, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1005' } }, 1, policy, 1_000_000)).toBe(5000);
    expect(retryDelay(secondary, 1, policy)).toBe(10_000);
    expect(retryDelay({ status: 429, headers: { 'retry-after': '1' } }, 1, policy)).toBe(1000);
  });
});

describe('withRetry', () => {
  it('retries until the request succeeds, sleeping the policy’s delays', async () => {
    const slept: number[] = [];
    let calls = 0;
    const value = await withRetry(async () => {
      calls++;
      if (calls < 3) throw Object.assign(new Error('Server Error'), { status: 502 });
      return 'ok';
    }, policy, async (ms) => void slept.push(ms));
    expect(value).toBe('ok');
    expect(slept).toEqual([100, 200]);
  });

  it('gives up with the last error after the attempts, and at once on a 404', async () => {
    let calls = 0;
    const fail = () => withRetry(async () => {
      calls++;
      throw Object.assign(new Error('Bad Gateway'), { status: 502 });
    }, policy, async () => undefined);
    await expect(fail()).rejects.toThrow('Bad Gateway');
    expect(calls).toBe(4);
    calls = 0;
    await expect(withRetry(async () => {
      calls++;
      throw Object.assign(new Error('Not Found'), { status: 404 });
    }, policy, async () => undefined)).rejects.toThrow('Not Found');
    expect(calls).toBe(1);
  });

  it('reads status, message and headers off an Octokit error', () => {
    const e = Object.assign(new Error('x'), { status: 403, response: { headers: { 'retry-after': '2' }, data: { message: 'secondary rate limit' } } });
    expect(failureOf(e)).toEqual({ status: 403, message: 'x secondary rate limit', headers: { 'retry-after': '2' } });
  });
});
