// The memory store's short-lived counters: hits per fixed window (rate limits), failures in a sliding window
// (sign-in lockouts) and keys remembered for a while (replayed webhooks). Past 100,000 keys the stale ones go.
import { FAILURES_KEPT } from '../limits.js';
import type { Store } from '../types.js';

type CounterMethods = 'hit' | 'recordFailure' | 'listFailures' | 'clearFailures' | 'rememberOnce';

const KEYS_BEFORE_SWEEP = 100_000;

export function memoryCounters(): Pick<Store, CounterMethods> {
  const counters = new Map<string, { windowStart: number; count: number }>();
  const failures = new Map<string, number[]>();
  const remembered = new Map<string, number>();
  const recentFailures = (key: string, at: number, windowMs: number) => (failures.get(key) ?? []).filter((moment) => moment > at - windowMs);
  return {
    async hit(key, windowMs, now) {
      const counter = counters.get(key);
      if (!counter || now - counter.windowStart >= windowMs) {
        counters.set(key, { windowStart: now, count: 1 });
        if (counters.size > KEYS_BEFORE_SWEEP) {
          for (const [staleKey, stale] of counters) if (now - stale.windowStart >= windowMs) counters.delete(staleKey);
        }
        return 1;
      }
      counter.count++;
      return counter.count;
    },
    async recordFailure(key, at, windowMs) {
      const recent = [...recentFailures(key, at, windowMs), at].slice(-FAILURES_KEPT);
      failures.set(key, recent);
      if (failures.size > KEYS_BEFORE_SWEEP) for (const [stale, moments] of failures) if (moments.at(-1)! <= at - windowMs) failures.delete(stale);
      return [...recent];
    },
    async listFailures(key, at, windowMs) {
      return recentFailures(key, at, windowMs);
    },
    async clearFailures(key) {
      failures.delete(key);
    },
    async rememberOnce(key, ttlMs) {
      const now = Date.now();
      const until = remembered.get(key);
      if (until !== undefined && until > now) return false;
      remembered.set(key, now + ttlMs);
      if (remembered.size > KEYS_BEFORE_SWEEP) for (const [stale, expiry] of remembered) if (expiry <= now) remembered.delete(stale);
      return true;
    },
  };
}
