// A short lock per conversation in Redis, so that nodes take turns on one conversation: a shopper who reconnects to
// another node while the first is still answering, or an agent on another node, waits instead of interleaving.
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/index.js';
import { createStoreClient, isRedisUnreachable, storeUnavailable } from './connection.js';

/** Short, so a node that dies holding a lock blocks the conversation only briefly; renewed while the work runs. */
const LOCK_TTL_MS = 5000;
const RENEW_EVERY_MS = LOCK_TTL_MS / 3;
/** Longer than any one operation should take; after this the caller is told to try again. */
const WAIT_LIMIT_MS = 10_000;

const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;

export interface ConversationLock {
  /** Runs work while this node alone holds the conversation. */
  hold<T>(conversationId: string, work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function createRedisLock(url: string, { prefix = 'borderless:' }: { prefix?: string } = {}): ConversationLock {
  const redis = createStoreClient(url);
  const lockKey = (conversationId: string) => `${prefix}lock:conversation:${conversationId}`;

  async function acquire(key: string, token: string): Promise<void> {
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      if ((await redis.set(key, token, 'PX', LOCK_TTL_MS, 'NX')) === 'OK') return;
      if (Date.now() - started > WAIT_LIMIT_MS) throw new AppError('unavailable', 'this conversation is busy; please try again in a moment');
      await new Promise((resolve) => setTimeout(resolve, Math.min(5 * 2 ** attempt, 50) * (0.5 + Math.random())));
    }
  }

  return {
    async hold(conversationId, work) {
      const key = lockKey(conversationId);
      const token = randomUUID();
      try {
        await acquire(key, token);
      } catch (error) {
        throw isRedisUnreachable(error) ? storeUnavailable(error) : error;
      }
      // If a renewal fails the lock simply expires: the work goes on, as it would on a single node.
      const renewal = setInterval(() => void redis.eval(RENEW, 1, key, token, LOCK_TTL_MS).catch(() => undefined), RENEW_EVERY_MS);
      try {
        return await work();
      } finally {
        clearInterval(renewal);
        // Not awaited: this node's next attempt on the same connection reaches Redis after the release anyway, and
        // a lock that cannot be released expires on its own.
        void redis.eval(RELEASE, 1, key, token).catch(() => undefined);
      }
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
