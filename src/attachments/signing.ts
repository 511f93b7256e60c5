// Short-lived signed links to pictures: GET /api/v1/attachments/:id?expires=<unix seconds>&sig=<hex HMAC-SHA256 of
// "<id>.<expires>">. The secret is the same on every node, so any node can serve a link another issued.
import { hmacHex, matchesHmac, AppError } from '../shared/index.js';

export function attachmentSecret(configured: string | undefined, operatorToken: string): string {
  return configured ?? hmacHex(operatorToken, 'borderless attachment links');
}

const signature = (secret: string, id: string, expires: number) => hmacHex(secret, `${id}.${expires}`);

export function signedPath(secret: string, id: string, expires: number): string {
  return `/api/v1/attachments/${encodeURIComponent(id)}?expires=${expires}&sig=${signature(secret, id, expires)}`;
}

/** Throws 403 for a link that was not signed here (or was altered), 410 for one that has expired. */
export function verifyLink(secret: string, id: string, expires: string | undefined, sig: string | undefined, now: Date): void {
  const seconds = Number(expires);
  if (!expires || !/^\d{1,12}$/.test(expires) || !sig || !/^[0-9a-f]{64}$/.test(sig)) throw new AppError('forbidden', 'this picture link is not valid');
  if (!matchesHmac(secret, `${id}.${seconds}`, sig)) throw new AppError('forbidden', 'this picture link is not valid');
  if (seconds * 1000 <= now.getTime()) throw new AppError('link_expired', 'this picture link has expired; reopen the conversation for a fresh one');
}
