import { createHmac } from 'node:crypto';

/** GitHub's `X-Hub-Signature-256` for a delivery body: `sha256=` and the HMAC-SHA256 in hex. */
export function signDelivery(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}
