// The Redis store's picture records: one key each, and a list per conversation in upload order.
import type { AttachmentRecord, Store } from '../types.js';
import { parseFound, parseStored, type RedisContext } from './keys.js';

/** Records a picture unless its conversation already holds ARGV[3] of them (the limit holds across nodes). */
const ADD_ATTACHMENT = `
if redis.call('LLEN', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
redis.call('RPUSH', KEYS[1], ARGV[1])
redis.call('SET', KEYS[2], ARGV[2])
return 1
`;

type AttachmentMethods = 'addAttachment' | 'getAttachment' | 'listAttachments' | 'deleteAttachments';

export function redisAttachments({ redis, key }: RedisContext): Pick<Store, AttachmentMethods> {
  return {
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
      return parseStored<AttachmentRecord>(await redis.get(key.attachment(id)));
    },
    async listAttachments(conversationId) {
      const ids = await redis.lrange(key.attachments(conversationId), 0, -1);
      if (ids.length === 0) return [];
      return parseFound<AttachmentRecord>(await redis.mget(ids.map(key.attachment)));
    },
    async deleteAttachments(conversationId) {
      const ids = await redis.lrange(key.attachments(conversationId), 0, -1);
      await redis.del(key.attachments(conversationId), ...ids.map(key.attachment));
    },
  };
}
