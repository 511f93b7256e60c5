// The Redis store's capped logs, newest first: the audit, the messages the bot did not understand, and the handling
// times the queue's wait estimate is made from.
import type { UnansweredMessage } from '../../learning/index.js';
import { AUDIT_KEPT, UNANSWERED_KEPT } from '../limits.js';
import type { AuditEntry, Store } from '../types.js';
import type { RedisContext } from './keys.js';

type LogMethods = 'appendAudit' | 'listAudit' | 'recordUnanswered' | 'listUnanswered' | 'recordHandlingTime' | 'listHandlingTimes';

export function redisLogs({ redis, key }: RedisContext): Pick<Store, LogMethods> {
  /** Adds an entry in front and drops the oldest past `kept`. */
  async function pushCapped(logKey: string, entry: string, kept: number): Promise<void> {
    await redis
      .multi()
      .lpush(logKey, entry)
      .ltrim(logKey, 0, kept - 1)
      .exec();
  }
  const latest = async <T>(logKey: string, limit: number) => (await redis.lrange(logKey, 0, limit - 1)).map((text) => JSON.parse(text) as T);

  return {
    appendAudit: (entry) => pushCapped(key.audit, JSON.stringify(entry), AUDIT_KEPT),
    listAudit: (limit) => latest<AuditEntry>(key.audit, limit),
    recordUnanswered: (entry) => pushCapped(key.unanswered, JSON.stringify(entry), UNANSWERED_KEPT),
    listUnanswered: (limit) => latest<UnansweredMessage>(key.unanswered, limit),
    recordHandlingTime: (seconds, kept) => pushCapped(key.handlingTimes, String(seconds), kept),
    async listHandlingTimes() {
      return (await redis.lrange(key.handlingTimes, 0, -1)).map(Number);
    },
  };
}
