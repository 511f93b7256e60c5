// The Redis store's short-lived counters, shared by every node: hits per fixed window (rate limits), failures in a
// sliding window (sign-in lockouts) and keys remembered for a while (replayed webhooks). Each key expires by itself.
import { randomUUID } from 'node:crypto';
import { FAILURES_KEPT } from '../limits.js';
import type { Store } from '../types.js';
import type { RedisContext } from './keys.js';

type CounterMethods = 'hit' | 'recordFailure' | 'listFailures' | 'clearFailures' | 'rememberOnce';

/** The scores of a WITHSCORES answer (member, score, member, score…). */
const scores = (reply: string[]) => reply.filter((_, index) => index % 2 === 1).map(Number);

export function redisCounters({ redis, key }: RedisContext): Pick<Store, CounterMethods> {
  return {
    async hit(name, windowMs, now) {
      // Windows are aligned to the clock, so every node counts into the same one.
      const windowKey = key.hits(name, Math.floor(now / windowMs));
      const [[, count]] = (await redis.multi().incr(windowKey).pexpire(windowKey, windowMs).exec()) as [[Error | null, number]];
      return count;
    },
    async recordFailure(name, at, windowMs) {
      const failuresKey = key.failures(name);
      const [, , , , [, moments]] = (await redis
        .multi()
        .zadd(failuresKey, at, `${at}:${randomUUID()}`)
        .zremrangebyscore(failuresKey, '-inf', at - windowMs)
        .zremrangebyrank(failuresKey, 0, -FAILURES_KEPT - 1)
        .pexpire(failuresKey, windowMs)
        .zrange(failuresKey, 0, -1, 'WITHSCORES')
        .exec()) as [unknown, unknown, unknown, unknown, [Error | null, string[]]];
      return scores(moments);
    },
    async listFailures(name, at, windowMs) {
      return scores(await redis.zrangebyscore(key.failures(name), `(${at - windowMs}`, at, 'WITHSCORES'));
    },
    async clearFailures(name) {
      await redis.del(key.failures(name));
    },
    async rememberOnce(name, ttlMs) {
      return (await redis.set(key.remembered(name), '1', 'PX', Math.max(1, ttlMs), 'NX')) === 'OK';
    },
  };
}
