// Signed store events: `Borderless-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + raw body)>`.
// Several v1 entries are allowed, so a store can sign with an old and a new secret while it rotates them.
import { hmacHex, matchesHmac } from '../shared/index.js';

export const SIGNATURE_HEADER = 'borderless-signature';
/** An event signed longer ago than this (or this far in the future) is refused. */
export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

/** The header value a store sends with `body` at `timestamp` (unix seconds). */
export function signWebhook(secret: string, body: string, timestamp: number): string {
  return `t=${timestamp},v1=${hmacHex(secret, `${timestamp}.${body}`)}`;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

export function verifyWebhookSignature(header: string | undefined, body: string, secret: string, nowSeconds: number): SignatureCheck {
  if (!header) return { ok: false, reason: 'the Borderless-Signature header is missing' };
  let timestamp: string | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value, ...extra] = part.trim().split('=');
    if (extra.length || value === undefined) return { ok: false, reason: 'the Borderless-Signature header is malformed; expected t=<unix seconds>,v1=<hex>' };
    if (key === 't') timestamp = value;
    else if (key === 'v1') signatures.push(value);
  }
  if (!timestamp || !/^\d{1,12}$/.test(timestamp) || signatures.length === 0) {
    return { ok: false, reason: 'the Borderless-Signature header is malformed; expected t=<unix seconds>,v1=<hex>' };
  }
  const age = nowSeconds - Number(timestamp);
  if (age > SIGNATURE_TOLERANCE_SECONDS) return { ok: false, reason: 'the signature is too old (more than 5 minutes)' };
  if (age < -SIGNATURE_TOLERANCE_SECONDS) return { ok: false, reason: 'the signature is from the future (more than 5 minutes ahead); check the clock' };
  const matches = signatures.some((signature) => matchesHmac(secret, `${timestamp}.${body}`, signature));
  return matches ? { ok: true } : { ok: false, reason: 'the signature does not match' };
}
