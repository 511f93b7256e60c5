// HMAC-SHA256 signatures in hex, as stores, webhooks and picture links carry them; compared in constant time.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const hmacHex = (secret: string, data: string): string => createHmac('sha256', secret).update(data, 'utf8').digest('hex');

/** Whether `given` (hex, either case) is the signature of `data` under `secret`; anything malformed is not. */
export function matchesHmac(secret: string, data: string, given: string): boolean {
  if (!/^[0-9a-f]{64}$/i.test(given)) return false;
  return timingSafeEqual(Buffer.from(given, 'hex'), Buffer.from(hmacHex(secret, data), 'hex'));
}
