// The Redis store's messages: appended by one Lua script, so that a message, its idempotency key and the
// conversation's digest never interleave with another node's writes.
import type { Message } from '../../shared/index.js';
import { digestChange, type MessageDigest } from '../digest.js';
import type { Store } from '../types.js';
import type { RedisContext } from './keys.js';

/**
 * Appends a message unless its clientMessageId was seen in this conversation; fails when the conversation does not
 * exist. The first message makes the conversation no longer empty: it leaves the empty index (KEYS[4]), and its
 * record and token (under the prefix ARGV[3]) stop expiring. The digest (KEYS[5]) follows the rule of digest.ts.
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

async function appendMessage({ redis, key }: RedisContext, message: Message, clientMessageId?: string) {
  const { conversationId } = message;
  const keys = [key.conversation(conversationId), key.messages(conversationId), key.clientMessages(conversationId), key.empty, key.digest(conversationId)];
  const change = digestChange(message);
  try {
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
    if (/conversation does not exist/.test((error as Error).message)) throw new Error(`conversation ${conversationId} does not exist`);
    throw error;
  }
}

/** Each conversation's digest in one round trip; a conversation with no message has none. */
async function messageDigests({ redis, key }: RedisContext, conversationIds: readonly string[]) {
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
}

export function redisMessages(context: RedisContext): Pick<Store, 'appendMessage' | 'listMessages' | 'messageDigests'> {
  const { redis, key } = context;
  return {
    appendMessage: (message, clientMessageId) => appendMessage(context, message, clientMessageId),
    async listMessages(conversationId) {
      return (await redis.lrange(key.messages(conversationId), 0, -1)).map((text) => JSON.parse(text) as Message);
    },
    messageDigests: (conversationIds) => messageDigests(context, conversationIds),
  };
}
