import { readFileSync } from 'node:fs';
import { createApp } from './app.js';
import { redisClaims } from './redis-claims.js';
import { DEFAULT_RETRY, type RetryPolicy } from './retry-policy.js';

/** The entry `probot run` loads (`npm start`): the App with its settings from the environment. */

function version(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

function retryFromEnv(env: NodeJS.ProcessEnv): RetryPolicy {
  const num = (name: string, fallback: number) => {
    const v = Number(env[name]);
    return env[name] !== undefined && env[name] !== '' && Number.isFinite(v) && v >= 0 ? v : fallback;
  };
  return {
    attempts: Math.max(1, Math.floor(num('MEMCG_REVIEW_RETRY_ATTEMPTS', DEFAULT_RETRY.attempts))),
    baseMs: num('MEMCG_REVIEW_RETRY_BASE_MS', DEFAULT_RETRY.baseMs),
    maxMs: num('MEMCG_REVIEW_RETRY_MAX_MS', DEFAULT_RETRY.maxMs),
  };
}

// Without WEBHOOK_SECRET probot checks signatures against the word "development": anyone could forge a delivery.
if (!process.env.WEBHOOK_SECRET) {
  console.error('memcg-review: WEBHOOK_SECRET is not set: refusing to accept deliveries whose signature anyone could forge');
  process.exit(1);
}

const appId = Number(process.env.APP_ID);
const maxPayload = Number(process.env.MEMCG_REVIEW_MAX_PAYLOAD_BYTES);
// The Redis that probot's rate limiting shares (REDIS_URL) also holds each head's review claim.
const redisUrl = process.env.REDIS_URL;

export default createApp({
  retry: retryFromEnv(process.env),
  version: version(),
  ...(Number.isInteger(appId) && appId > 0 ? { appId } : {}),
  ...(Number.isSafeInteger(maxPayload) && maxPayload > 0 ? { maxPayloadBytes: maxPayload } : {}),
  ...(redisUrl ? { claims: redisClaims(redisUrl) } : {}),
});
