// Sign-in lockouts that hold across nodes: wrong passwords are counted in the store, in sliding windows, per account
// (the e-mail typed, known or not, so a lockout tells nothing about which accounts exist) and per client address.
// An account's first few failures cost nothing; from then on each one adds a pause that doubles, up to an hour. An
// address that fails too often is paused until its oldest failure leaves the window.
import { createHash } from 'node:crypto';
import { AppError } from '../shared/index.js';
import type { Store } from '../store/index.js';

const MINUTE_MS = 60_000;
export const ACCOUNT_POLICY = { windowMs: 60 * MINUTE_MS, freeFailures: 4, firstPauseMs: MINUTE_MS, longestPauseMs: 60 * MINUTE_MS } as const;
export const ADDRESS_POLICY = { windowMs: 15 * MINUTE_MS, failures: 20 } as const;

/** The store's key of an account: a hash, so that e-mail addresses do not appear in Redis. */
const accountKey = (email: string) => `login:account:${createHash('sha256').update(email.trim().toLowerCase()).digest('hex')}`;
const addressKey = (address: string) => `login:address:${address}`;

/** When an account may try again after these failures (oldest first): the last one plus a doubling pause. */
export function accountPausedUntil(failures: number[]): number {
  const beyondFree = failures.length - ACCOUNT_POLICY.freeFailures;
  if (beyondFree <= 0) return 0;
  return failures.at(-1)! + Math.min(ACCOUNT_POLICY.firstPauseMs * 2 ** (beyondFree - 1), ACCOUNT_POLICY.longestPauseMs);
}

/** When an address may try again: once its oldest failure that keeps it at the limit leaves the window. */
function addressPausedUntil(failures: number[]): number {
  if (failures.length < ADDRESS_POLICY.failures) return 0;
  return failures.at(-ADDRESS_POLICY.failures)! + ADDRESS_POLICY.windowMs;
}

export class LockedOut extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('rate_limited', `too many failed sign-ins; try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s)`);
  }
}

export function createLoginLockout(store: Store) {
  return {
    /** Throws LockedOut while the account or the address is paused. */
    async check(email: string, address: string, now: number): Promise<void> {
      const [account, fromAddress] = await Promise.all([
        store.listFailures(accountKey(email), now, ACCOUNT_POLICY.windowMs),
        store.listFailures(addressKey(address), now, ADDRESS_POLICY.windowMs),
      ]);
      const until = Math.max(accountPausedUntil(account), addressPausedUntil(fromAddress));
      if (until > now) throw new LockedOut(Math.ceil((until - now) / 1000));
    },
    async failed(email: string, address: string, now: number): Promise<void> {
      await Promise.all([
        store.recordFailure(accountKey(email), now, ACCOUNT_POLICY.windowMs),
        store.recordFailure(addressKey(address), now, ADDRESS_POLICY.windowMs),
      ]);
    },
    /** A right password clears the account's failures (the address keeps its own). */
    succeeded: (email: string) => store.clearFailures(accountKey(email)),
  };
}
