// The Redis store (ioredis): the same interface as the memory store, for several nodes sharing state. Keys live
// under one prefix; writes that must not interleave (a message and its idempotency key) run as one Lua script.
import type { Redis } from 'ioredis';
import type { UnansweredMessage } from '../learning/suggestions.js';
import type { ConversationStatus, Message } from '../shared/protocol.js';
import { createStoreClient, reportOutages } from './redis-connection.js';
import type { AgentSession, AuditEntry, ConversationRecord, Store } from './types.js';

const STATUSES: ConversationStatus[] = ['bot', 'queued', 'assigned', 'closed'];
const UNANSWERED_KEPT = 1000;
const AUDIT_KEPT = 10_000;

/** Appends a message unless its idempotency key exists; fails when the conversation does not. */
const APPEND_MESSAGE = `
if redis.call('EXISTS', KEYS[1]) == 0 then return redis.error_reply('conversation does not exist') end
if KEYS[3] ~= '' then
  local existing = redis.call('GET', KEYS[3])
  if existing then return {1, existing} end
  redis.call('SET', KEYS[3], ARGV[1])
end
redis.call('RPUSH', KEYS[2], ARGV[1])
return {0, ARGV[1]}
`;

export function createRedisStore(url: string, options: { prefix?: string } = {}): Store {
  const prefix = options.prefix ?? 'borderless:';
  const redis = createStoreClient(url);
  const key = {
    conversation: (id: string) => `${prefix}conversation:${id}`,
    token: (hash: string) => `${prefix}token:${hash}`,
    status: (status: ConversationStatus) => `${prefix}status:${status}`,
    messages: (id: string) => `${prefix}messages:${id}`,
    clientMessage: (id: string, clientMessageId: string) => `${prefix}client-message:${id}:${clientMessageId}`,
    session: (hash: string) => `${prefix}session:${hash}`,
    audit: `${prefix}audit`,
    unanswered: `${prefix}unanswered`,
    hits: (name: string, window: number) => `${prefix}hits:${name}:${window}`,
  };
  const parse = <T>(text: string | null): T | undefined => (text === null ? undefined : (JSON.parse(text) as T));

  function conversationWrite(client: Redis, record: ConversationRecord, isNew: boolean) {
    const transaction = client.multi().set(key.conversation(record.id), JSON.stringify(record));
    for (const status of STATUSES) transaction.srem(key.status(status), record.id);
    transaction.sadd(key.status(record.status), record.id);
    if (isNew) transaction.set(key.token(record.tokenHash), record.id);
    return transaction;
  }

  async function writeConversation(record: ConversationRecord, isNew: boolean): Promise<void> {
    await conversationWrite(redis, record, isNew).exec();
  }

  return reportOutages<Store>({
    createConversation: (record) => writeConversation(record, true),
    async getConversation(id) {
      return parse<ConversationRecord>(await redis.get(key.conversation(id)));
    },
    async findConversationByTokenHash(tokenHash) {
      const id = await redis.get(key.token(tokenHash));
      return id ? this.getConversation(id) : undefined;
    },
    async saveConversation(record) {
      if (!(await redis.exists(key.conversation(record.id)))) throw new Error(`conversation ${record.id} does not exist`);
      await writeConversation(record, false);
    },
    async saveConversationIf(record, expectedStatus) {
      // WATCH needs a connection of its own: on the shared one, another caller's command would join the transaction.
      const client = redis.duplicate();
      client.on('error', () => undefined);
      try {
        await client.watch(key.conversation(record.id));
        const current = parse<ConversationRecord>(await client.get(key.conversation(record.id)));
        if (current?.status !== expectedStatus) {
          await client.unwatch();
          return false;
        }
        return (await conversationWrite(client, record, false).exec()) !== null;
      } finally {
        client.disconnect();
      }
    },
    async appendMessage(message, clientMessageId) {
      const idempotencyKey = clientMessageId ? key.clientMessage(message.conversationId, clientMessageId) : '';
      try {
        const [duplicate, stored] = (await redis.eval(APPEND_MESSAGE, 3, key.conversation(message.conversationId), key.messages(message.conversationId), idempotencyKey, JSON.stringify(message))) as [number, string];
        return { message: JSON.parse(stored) as Message, isDuplicate: duplicate === 1 };
      } catch (error) {
        if (/conversation does not exist/.test((error as Error).message)) throw new Error(`conversation ${message.conversationId} does not exist`);
        throw error;
      }
    },
    async listMessages(conversationId) {
      return (await redis.lrange(key.messages(conversationId), 0, -1)).map((text) => JSON.parse(text) as Message);
    },
    async listConversationsByStatus(statuses) {
      const ids = (await Promise.all(statuses.map((status) => redis.smembers(key.status(status))))).flat();
      if (ids.length === 0) return [];
      return (await redis.mget(ids.map(key.conversation))).flatMap((text) => (text ? [JSON.parse(text) as ConversationRecord] : []));
    },
    async createAgentSession(session) {
      const ttl = Math.max(1, Date.parse(session.expiresAt) - Date.now());
      await redis.set(key.session(session.tokenHash), JSON.stringify(session), 'PX', ttl);
    },
    async getAgentSession(tokenHash, now) {
      const session = parse<AgentSession>(await redis.get(key.session(tokenHash)));
      return session && Date.parse(session.expiresAt) > now.getTime() ? session : undefined;
    },
    async deleteAgentSession(tokenHash) {
      await redis.del(key.session(tokenHash));
    },
    async appendAudit(entry) {
      await redis.multi().lpush(key.audit, JSON.stringify(entry)).ltrim(key.audit, 0, AUDIT_KEPT - 1).exec();
    },
    async listAudit(limit) {
      return (await redis.lrange(key.audit, 0, limit - 1)).map((text) => JSON.parse(text) as AuditEntry);
    },
    async recordUnanswered(entry) {
      await redis.multi().lpush(key.unanswered, JSON.stringify(entry)).ltrim(key.unanswered, 0, UNANSWERED_KEPT - 1).exec();
    },
    async listUnanswered(limit) {
      return (await redis.lrange(key.unanswered, 0, limit - 1)).map((text) => JSON.parse(text) as UnansweredMessage);
    },
    async hit(name, windowMs, now) {
      // Windows are aligned to the clock, so every node counts into the same one.
      const windowKey = key.hits(name, Math.floor(now / windowMs));
      const [[, count]] = (await redis.multi().incr(windowKey).pexpire(windowKey, windowMs).exec()) as [[Error | null, number]];
      return count;
    },
    async ping() {
      return (await redis.ping().catch(() => '')) === 'PONG';
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  });
}
