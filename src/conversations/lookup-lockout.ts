// Order look-up lockouts that hold across conversations and nodes: wrong number-and-e-mail tries are counted in the
// store, in sliding windows, per order number (someone guessing the e-mail of one order), per e-mail (someone trying
// order numbers with one address) and per client address. A new conversation starts with none of its own tries, but
// these stay.
import { createHash } from 'node:crypto';
import { normalizeOrderNumber } from '../orders/index.js';
import type { Store } from '../store/index.js';

const MINUTE_MS = 60_000;
/** Wrong tries within the window that pause look-ups until the oldest of them leaves it. */
export const LOOKUP_POLICY = {
  windowMs: 15 * MINUTE_MS,
  perOrder: 5,
  perEmail: 10,
  perAddress: 20,
} as const;

/** Hashed, so that e-mail addresses do not appear in the store's keys. */
const emailKey = (email: string) => `lookup:email:${createHash('sha256').update(email.trim().normalize('NFKC').toLowerCase()).digest('hex')}`;
const orderKey = (orderNumber: string) => `lookup:order:${normalizeOrderNumber(orderNumber)}`;
const addressKey = (address: string) => `lookup:address:${address}`;

export interface LookupAttempt {
  orderNumber?: string;
  email?: string;
  /** The shopper's client address, when the message came through a socket. */
  address?: string;
}

function keysOf(attempt: LookupAttempt): Array<[string, number]> {
  return [
    ...(attempt.orderNumber ? [[orderKey(attempt.orderNumber), LOOKUP_POLICY.perOrder] as [string, number]] : []),
    ...(attempt.email ? [[emailKey(attempt.email), LOOKUP_POLICY.perEmail] as [string, number]] : []),
    ...(attempt.address ? [[addressKey(attempt.address), LOOKUP_POLICY.perAddress] as [string, number]] : []),
  ];
}

export function createLookupLockout(store: Store) {
  return {
    /** Until when look-ups for this order number, e-mail or address pause (ISO time), or undefined. */
    async pausedUntil(attempt: LookupAttempt, now: number): Promise<string | undefined> {
      const pauses = await Promise.all(
        keysOf(attempt).map(async ([key, limit]) => {
          const failures = await store.listFailures(key, now, LOOKUP_POLICY.windowMs);
          return failures.length >= limit ? failures.at(-limit)! + LOOKUP_POLICY.windowMs : 0;
        }),
      );
      const until = Math.max(0, ...pauses);
      return until > now ? new Date(until).toISOString() : undefined;
    },
    async failed(attempt: LookupAttempt, now: number): Promise<void> {
      await Promise.all(keysOf(attempt).map(([key]) => store.recordFailure(key, now, LOOKUP_POLICY.windowMs)));
    },
  };
}

export type LookupLockout = ReturnType<typeof createLookupLockout>;
