// The Redis store (ioredis): the same interface as the memory store, for several nodes sharing state. Keys live
// under one prefix; writes that must not interleave (a message and its idempotency key) run as one Lua script.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { tallyChange } from './tally.js';
import { digestChange, type MessageDigest } from './digest.js';
import type { UnansweredMessage } from '../learning/index.js';
import type { ConversationStatus, Message } from '../shared/index.js';
import { createStoreClient, reportOutages } from './redis-connection.js';
import type { AgentSession, AttachmentRecord, AuditEntry, ConversationRecord, ScheduledJob, Store, StoredAgent, Tally } from './types.js';

const STATUSES: ConversationStatus[] = ['bot', 'queued', 'assigned', 'closed'];
const UNANSWERED_KEPT = 1000;
const FAILURES_KEPT = 100;
const AUDIT_KEPT = 10_000;

/**
 * Appends a message unless its clientMessageId was seen in this conversation; fails when the conversation does not
 * exist. The first message makes the conversation no longer empty: it leaves the empty index (KEYS[4]), and its
 * record and token (under the prefix ARGV[3]) stop expiring.
 */
const APPEND_MESSAGE = `
local record = redis.call('GET', KEYS[1])
if not record then return redis.error_reply('conversation does not exist') end
if ARGV[2] ~= '' then
  local existing = redis.call('HGET', KEYS[3], ARGV[2])
  if existing then return {1, existing} end
  redis.call('HSET', KEYS[3], ARGV[2], ARGV[1])
end
if redis.call('RPUSH', KEYS[2], ARGV[1]) == 1 then
  redis.call('ZREM', KEYS[4], cjson.decode(ARGV[1]).conversationId)
  redis.call('PERSIST', KEYS[1])
  redis.call('PERSIST', ARGV[3] .. cjson.decode(record).tokenHash)
end
if ARGV[4] ~= '' then
  redis.call('HSET', KEYS[5], 'last', ARGV[5])
  if ARGV[4] == 'add' then redis.call('HINCRBY', KEYS[5], 'unread', 1)
  elseif ARGV[4] == 'reset' then redis.call('HSET', KEYS[5], 'unread', 0)
  elseif redis.call('HEXISTS', KEYS[5], 'unread') == 0 then redis.call('HSET', KEYS[5], 'unread', 0) end
end
return {0, ARGV[1]}
`;

/** Takes the jobs due by ARGV[1] (at most ARGV[2]) off the schedule in one step, so no two nodes take the same one. */
const TAKE_DUE_JOBS = `
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
local jobs = {}
for _, id in ipairs(ids) do
  local job = redis.call('HGET', KEYS[2], id)
  redis.call('ZREM', KEYS[1], id)
  redis.call('HDEL', KEYS[2], id)
  if job then table.insert(jobs, job) end
end
return jobs
`;

/** Records a picture unless its conversation already holds ARGV[3] of them (the limit holds across nodes). */
const ADD_ATTACHMENT = `
if redis.call('LLEN', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
redis.call('RPUSH', KEYS[1], ARGV[1])
redis.call('SET', KEYS[2], ARGV[2])
return 1
`;

export interface RedisStoreOptions {
  prefix?: string;
  /**
   * How long an empty conversation is kept (default a day; 0: as long as any other): the retention purge deletes it
   * then (with its pictures), and its keys expire by themselves at twice that, should no node purge.
   */
  emptyConversationMs?: number;
}

export function createRedisStore(url: string, options: RedisStoreOptions = {}): Store {
  const prefix = options.prefix ?? 'borderless:';
  const emptyKeysMs = 2 * (options.emptyConversationMs ?? 86_400_000);
  const redis = createStoreClient(url);
  const key = {
    conversation: (id: string) => `${prefix}conversation:${id}`,
    token: (hash: string) => `${prefix}token:${hash}`,
    status: (status: ConversationStatus) => `${prefix}status:${status}`,
    messages: (id: string) => `${prefix}messages:${id}`,
    digest: (id: string) => `${prefix}digest:${id}`,
    clientMessages: (id: string) => `${prefix}client-messages:${id}`,
    customer: (customerId: string) => `${prefix}customer:${customerId}`,
    updated: `${prefix}updated`,
    empty: `${prefix}empty`,
    analytics: `${prefix}analytics`,
    remembered: (name: string) => `${prefix}once:${name}`,
    jobsDue: `${prefix}jobs:due`,
    jobs: `${prefix}jobs`,
    session: (hash: string) => `${prefix}session:${hash}`,
    agents: `${prefix}agents`,
    handlingTimes: `${prefix}handling-times`,
    audit: `${prefix}audit`,
    unanswered: `${prefix}unanswered`,
    hits: (name: string, window: number) => `${prefix}hits:${name}:${window}`,
    failures: (name: string) => `${prefix}failures:${name}`,
    attachment: (id: string) => `${prefix}attachment:${id}`,
    attachments: (conversationId: string) => `${prefix}attachments:${conversationId}`,
  };
  const parse = <T>(text: string | null): T | undefined => (text === null ? undefined : (JSON.parse(text) as T));
  /** The scores of a WITHSCORES answer (member, score, member, score…). */
  const scores = (reply: string[]) => reply.filter((_, index) => index % 2 === 1).map(Number);

  /** Writes the record and its index entries; `previous` is the stored one, whose token stops working if it changed. */
  function conversationWrite(client: Redis, record: ConversationRecord, previous?: ConversationRecord) {
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

  async function getConversations(ids: string[]): Promise<ConversationRecord[]> {
    if (ids.length === 0) return [];
    return (await redis.mget(ids.map(key.conversation))).flatMap((text) => (text ? [JSON.parse(text) as ConversationRecord] : []));
  }

  async function writeConversation(record: ConversationRecord, previous?: ConversationRecord): Promise<void> {
    await conversationWrite(redis, record, previous).exec();
  }

  return reportOutages<Store>({
    async createConversation(record) {
      const transaction = conversationWrite(redis, record).zadd(key.empty, Date.parse(record.createdAt), record.id);
      if (emptyKeysMs > 0) transaction.pexpire(key.conversation(record.id), emptyKeysMs).pexpire(key.token(record.tokenHash), emptyKeysMs);
      await transaction.exec();
    },
    async getConversation(id) {
      return parse<ConversationRecord>(await redis.get(key.conversation(id)));
    },
    async findConversationByTokenHash(tokenHash) {
      const id = await redis.get(key.token(tokenHash));
      return id ? this.getConversation(id) : undefined;
    },
    async saveConversation(record) {
      const previous = parse<ConversationRecord>(await redis.get(key.conversation(record.id)));
      if (!previous) throw new Error(`conversation ${record.id} does not exist`);
      await writeConversation(record, previous);
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
        return (await conversationWrite(client, record, current).exec()) !== null;
      } finally {
        client.disconnect();
      }
    },
    async appendMessage(message, clientMessageId) {
      const { conversationId } = message;
      try {
        const keys = [
          key.conversation(conversationId),
          key.messages(conversationId),
          key.clientMessages(conversationId),
          key.empty,
          key.digest(conversationId),
        ];
        const change = digestChange(message);
        const [duplicate, stored] = (await redis.eval(
          APPEND_MESSAGE,
          keys.length,
          ...keys,
          JSON.stringify(message),
          clientMessageId ?? '',
          key.token(''),
          change?.unread ?? '',
          change?.lastMessage ?? '',
        )) as [number, string];
        return { message: JSON.parse(stored) as Message, isDuplicate: duplicate === 1 };
      } catch (error) {
        if (/conversation does not exist/.test((error as Error).message)) throw new Error(`conversation ${message.conversationId} does not exist`);
        throw error;
      }
    },
    async listMessages(conversationId) {
      return (await redis.lrange(key.messages(conversationId), 0, -1)).map((text) => JSON.parse(text) as Message);
    },
    async messageDigests(conversationIds) {
      const found = new Map<string, MessageDigest>();
      if (conversationIds.length === 0) return found;
      const pipeline = redis.pipeline();
      for (const id of conversationIds) pipeline.hmget(key.digest(id), 'unread', 'last');
      const replies = (await pipeline.exec()) ?? [];
      conversationIds.forEach((id, index) => {
        const [error, fields] = replies[index] ?? [];
        const [unread, last] = (fields as (string | null)[] | undefined) ?? [];
        if (error || unread === null || unread === undefined) return;
        found.set(id, { unread: Number(unread), ...(last !== null && last !== undefined ? { lastMessage: last } : {}) });
      });
      return found;
    },
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
    async analyticsTotals() {
      const totals: Tally = {};
      for (const [name, value] of Object.entries(await redis.hgetall(key.analytics))) totals[name] = Number(value);
      return totals;
    },
    async deleteConversation(id) {
      // Also when the record is gone (an empty conversation's keys expired): the indexes may still name it.
      const record = await this.getConversation(id);
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
      await this.deleteAttachments(id);
    },
    async addAttachment(record, limit) {
      const added = await redis.eval(
        ADD_ATTACHMENT,
        2,
        key.attachments(record.conversationId),
        key.attachment(record.id),
        record.id,
        JSON.stringify(record),
        limit,
      );
      return added === 1;
    },
    async getAttachment(id) {
      return parse<AttachmentRecord>(await redis.get(key.attachment(id)));
    },
    async listAttachments(conversationId) {
      const ids = await redis.lrange(key.attachments(conversationId), 0, -1);
      if (ids.length === 0) return [];
      return (await redis.mget(ids.map(key.attachment))).flatMap((text) => (text ? [JSON.parse(text) as AttachmentRecord] : []));
    },
    async deleteAttachments(conversationId) {
      const ids = await redis.lrange(key.attachments(conversationId), 0, -1);
      await redis.del(key.attachments(conversationId), ...ids.map(key.attachment));
    },
    async recordHandlingTime(seconds, keep) {
      await redis
        .multi()
        .lpush(key.handlingTimes, String(seconds))
        .ltrim(key.handlingTimes, 0, keep - 1)
        .exec();
    },
    async listHandlingTimes() {
      return (await redis.lrange(key.handlingTimes, 0, -1)).map(Number);
    },
    async listAgents() {
      return Object.values(await redis.hgetall(key.agents)).map((text) => JSON.parse(text) as StoredAgent);
    },
    async saveAgent(agent) {
      await redis.hset(key.agents, agent.id, JSON.stringify(agent));
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
      await redis
        .multi()
        .lpush(key.audit, JSON.stringify(entry))
        .ltrim(key.audit, 0, AUDIT_KEPT - 1)
        .exec();
    },
    async listAudit(limit) {
      return (await redis.lrange(key.audit, 0, limit - 1)).map((text) => JSON.parse(text) as AuditEntry);
    },
    async recordUnanswered(entry) {
      await redis
        .multi()
        .lpush(key.unanswered, JSON.stringify(entry))
        .ltrim(key.unanswered, 0, UNANSWERED_KEPT - 1)
        .exec();
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
    async scheduleJob(job) {
      await redis.multi().hset(key.jobs, job.id, JSON.stringify(job)).zadd(key.jobsDue, Date.parse(job.runAt), job.id).exec();
    },
    async takeDueJobs(now, limit) {
      const taken = (await redis.eval(TAKE_DUE_JOBS, 2, key.jobsDue, key.jobs, now.getTime(), limit)) as string[];
      return taken.map((text) => JSON.parse(text) as ScheduledJob);
    },
    async ping() {
      return (await redis.ping().catch(() => '')) === 'PONG';
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  });
}
