// A shopper signed in by the store: the widget passes the store's customer id with a hex HMAC-SHA256 of it under
// the secret the store shares with the chat (IDENTITY_SECRET). Checked in constant time on connect.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const signCustomerId = (secret: string, customerId: string): string => createHmac('sha256', secret).update(customerId, 'utf8').digest('hex');

/** The customer id when its hash is the store's signature of it; undefined for a missing, malformed or forged one. */
export function verifiedCustomerId(identity: { customerId: string; hash: string } | undefined, secret: string | undefined): string | undefined {
  if (!identity || !secret || !identity.customerId) return undefined;
  const expected = Buffer.from(signCustomerId(secret, identity.customerId), 'hex');
  const given = /^[0-9a-f]{64}$/i.test(identity.hash) ? Buffer.from(identity.hash, 'hex') : undefined;
  return given && given.length === expected.length && timingSafeEqual(given, expected) ? identity.customerId : undefined;
}
