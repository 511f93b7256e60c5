// A shopper signed in by the store: the widget passes the store's customer id with a hex HMAC-SHA256 of it under
// the secret the store shares with the chat (IDENTITY_SECRET). Checked in constant time on connect.
import { hmacHex, matchesHmac } from '../shared/index.js';

export const signCustomerId = (secret: string, customerId: string): string => hmacHex(secret, customerId);

/** The customer id when its hash is the store's signature of it; undefined for a missing, malformed or forged one. */
export function verifiedCustomerId(identity: { customerId: string; hash: string } | undefined, secret: string | undefined): string | undefined {
  if (!identity || !secret || !identity.customerId) return undefined;
  return matchesHmac(secret, identity.customerId, identity.hash) ? identity.customerId : undefined;
}
