// The Redis store's conversations: the record, its indexes (token, status, customer, recency) and the analytics
// totals, written together in one transaction so that they never disagree.
import type { Redis } from 'ioredis';
import type { ConversationStatus } from '../../shared/index.js';
import { tallyChange } from '../tally.js';
import type { ConversationRecord, Store, Tally } from '../types.js';
import { parseStored, type RedisContext, type RedisKeys, STATUSES } from './keys.js';

type ConversationMethods =
  | 'createConversation'
  | 'getConversation'
  | 'findConversationByTokenHash'
  | 'saveConversation'
  | 'saveConversationIf'
  | 'deleteConversation'
  | 'analyticsTotals';

export interface RedisConversationsOptions extends RedisContext {
  /** How long an empty conversation's keys live (0: as long as any other). */
  emptyKeysMs: number;
  /** Pictures go with their conversation. */
  deleteAttachments(conversationId: string): Promise<void>;
}

/** Writes the record and its index entries; `previous` is the stored one, whose token stops working if it changed. */
function conversationWrite(client: Redis, key: RedisKeys, record: ConversationRecord, previous?: ConversationRecord) {
  const transaction = client.multi().set(key.conversation(record.id), JSON.stringify(record));
  for (const status of STATUSES) transaction.srem(key.status(status), record.id);
  transaction.sadd(key.status(record.status), record.id);
  if (previous?.tokenHash !== record.tokenHash) {
    if (previous) transaction.del(key.token(previous.tokenHash));
    transaction.set(key.token(record.tokenHash), record.id);
  }
  if (record.customerId) transaction.sadd(key.customer(record.customerId), record.id);
  transaction.zadd(key.updated, Date.parse(record.updatedAt), record.id);
  for (const [name, change] of Object.entries(tallyChange(previous, record))) transaction.hincrbyfloat(key.analytics, name, change);
  return transaction;
}

/** Saves the record only while the stored one has the expected status, even with other nodes writing. */
async function saveIfStatus({ redis, key }: RedisContext, record: ConversationRecord, expectedStatus: ConversationStatus): Promise<boolean> {
  // WATCH needs a connection of its own: on the shared one, another caller's command would join the transaction.
  const client = redis.duplicate();
  client.on('error', () => undefined);
  try {
    await client.watch(key.conversation(record.id));
    const current = parseStored<ConversationRecord>(await client.get(key.conversation(record.id)));
    if (current?.status !== expectedStatus) {
      await client.unwatch();
      return false;
    }
    return (await conversationWrite(client, key, record, current).exec()) !== null;
  } finally {
    client.disconnect();
  }
}

/** Removes a conversation's keys and index entries; also when the record is gone (an empty one's keys expired). */
async function removeConversation({ redis, key }: RedisContext, id: string, record: ConversationRecord | undefined): Promise<void> {
  const transaction = redis
    .multi()
    .del(key.conversation(id), key.messages(id), key.clientMessages(id), key.digest(id))
    .zrem(key.updated, id)
    .zrem(key.empty, id);
  for (const status of STATUSES) transaction.srem(key.status(status), id);
  if (record) {
    transaction.del(key.token(record.tokenHash));
    if (record.customerId) transaction.srem(key.customer(record.customerId), id);
    for (const [name, change] of Object.entries(tallyChange(record, undefined))) transaction.hincrbyfloat(key.analytics, name, change);
  }
  await transaction.exec();
}

export function redisConversations(options: RedisConversationsOptions): Pick<Store, ConversationMethods> {
  const { redis, key, emptyKeysMs, deleteAttachments } = options;
  const getConversation = async (id: string) => parseStored<ConversationRecord>(await redis.get(key.conversation(id)));
  return {
    async createConversation(record) {
      const transaction = conversationWrite(redis, key, record).zadd(key.empty, Date.parse(record.createdAt), record.id);
      if (emptyKeysMs > 0) transaction.pexpire(key.conversation(record.id), emptyKeysMs).pexpire(key.token(record.tokenHash), emptyKeysMs);
      await transaction.exec();
    },
    getConversation,
    async findConversationByTokenHash(tokenHash) {
      const id = await redis.get(key.token(tokenHash));
      return id ? getConversation(id) : undefined;
    },
    async saveConversation(record) {
      const previous = await getConversation(record.id);
      if (!previous) throw new Error(`conversation ${record.id} does not exist`);
      await conversationWrite(redis, key, record, previous).exec();
    },
    saveConversationIf: (record, expectedStatus) => saveIfStatus(options, record, expectedStatus),
    async deleteConversation(id) {
      await removeConversation(options, id, await getConversation(id));
      await deleteAttachments(id);
    },
    async analyticsTotals() {
      const totals: Tally = {};
      for (const [name, value] of Object.entries(await redis.hgetall(key.analytics))) totals[name] = Number(value);
      return totals;
    },
  };
}
