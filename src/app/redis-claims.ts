import { Redis } from 'ioredis';
import type { ReviewClaims } from './review-claims.js';

/** Deletes the key only while it still holds this token (a claim that expired and was taken is not ours). */
const RELEASE = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end";

export interface RedisClaims extends ReviewClaims {
  close(): Promise<void>;
}

/**
 * ReviewClaims in Redis (REDIS_URL, the server probot's rate limiting already shares): SET NX PX
 * takes a claim, a compare-and-delete script lets it go. Commands fail fast when Redis is away
 * (the caller then reviews without a claim, as one replica alone would).
 */
export function redisClaims(url: string): RedisClaims {
  const client = new Redis(url, { maxRetriesPerRequest: 1, disconnectTimeout: 200 });
  // Errors reach the callers of claim/release; without a listener ioredis would also print each one.
  client.on('error', () => undefined);
  return {
    async claim(key, token, ttlMs) {
      return (await client.set(key, token, 'PX', Math.max(1, Math.round(ttlMs)), 'NX')) === 'OK';
    },
    async release(key, token) {
      await client.eval(RELEASE, 1, key, token);
    },
    async close() {
      // A client still reconnecting would keep retrying: it is cut, not asked to quit.
      if (client.status === 'ready') await client.quit().catch(() => client.disconnect());
      else client.disconnect();
    },
  };
}
