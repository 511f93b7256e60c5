// The Redis store (ioredis): the same interface as the memory store, for several nodes sharing state. Keys live
// under one prefix (keys.ts); writes that must not interleave (a message and its idempotency key) run as one Lua
// script. Each part keeps one kind of record; this file puts them together behind the Store interface.
import type { Store } from '../types.js';
import { redisAgents } from './agents.js';
import { redisAttachments } from './attachments.js';
import { createStoreClient, reportOutages } from './connection.js';
import { redisConversationLists } from './conversation-lists.js';
import { redisConversations } from './conversations.js';
import { redisCounters } from './counters.js';
import { redisJobs } from './jobs.js';
import { redisKeys } from './keys.js';
import { redisLogs } from './logs.js';
import { redisMessages } from './messages.js';

export interface RedisStoreOptions {
  prefix?: string;
  /**
   * How long an empty conversation is kept (default a day; 0: as long as any other): the retention purge deletes it
   * then (with its pictures), and its keys expire by themselves at twice that, should no node purge.
   */
  emptyConversationMs?: number;
}

export function createRedisStore(url: string, options: RedisStoreOptions = {}): Store {
  const redis = createStoreClient(url);
  const context = { redis, key: redisKeys(options.prefix ?? 'borderless:') };
  const attachments = redisAttachments(context);
  const emptyKeysMs = 2 * (options.emptyConversationMs ?? 86_400_000);
  return reportOutages<Store>({
    ...redisConversations({ ...context, emptyKeysMs, deleteAttachments: attachments.deleteAttachments }),
    ...redisConversationLists(context),
    ...redisMessages(context),
    ...attachments,
    ...redisAgents(context),
    ...redisLogs(context),
    ...redisCounters(context),
    ...redisJobs(context),
    async ping() {
      return (await redis.ping().catch(() => '')) === 'PONG';
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  });
}
