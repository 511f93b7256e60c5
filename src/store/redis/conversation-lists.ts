// The Redis store's lists of conversations, read from its indexes: by status (the queue), by customer, most recent,
// and the old or empty ones that retention removes.
import type { ConversationLists, ConversationRecord } from '../types.js';
import { parseFound, type RedisContext } from './keys.js';

export function redisConversationLists({ redis, key }: RedisContext): ConversationLists {
  async function getConversations(ids: string[]): Promise<ConversationRecord[]> {
    if (ids.length === 0) return [];
    return parseFound<ConversationRecord>(await redis.mget(ids.map(key.conversation)));
  }

  return {
    async listConversationsByStatus(statuses) {
      const ids = (await Promise.all(statuses.map((status) => redis.smembers(key.status(status))))).flat();
      return getConversations(ids);
    },
    async listConversationsByCustomer(customerId) {
      const records = await getConversations(await redis.smembers(key.customer(customerId)));
      return records.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    },
    async listRecentConversations(limit, offset = 0) {
      if (limit <= 0) return [];
      return getConversations(await redis.zrevrange(key.updated, offset, offset + limit - 1));
    },
    async listConversationsUpdatedBefore(before, limit) {
      return getConversations(await redis.zrangebyscore(key.updated, '-inf', `(${before.getTime()}`, 'LIMIT', 0, limit));
    },
    async listEmptyConversations(createdBefore, limit) {
      return redis.zrangebyscore(key.empty, '-inf', `(${createdBefore.getTime()}`, 'LIMIT', 0, limit);
    },
  };
}
