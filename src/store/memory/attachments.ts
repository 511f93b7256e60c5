// The memory store's picture records, per conversation in upload order.
import type { AttachmentRecord, Store } from '../types.js';
import type { Keep } from './conversation-table.js';

type AttachmentMethods = 'addAttachment' | 'getAttachment' | 'listAttachments' | 'deleteAttachments';

export function createMemoryAttachments(keep: Keep) {
  const attachments = new Map<string, AttachmentRecord>();
  const byConversation = new Map<string, string[]>();

  function forget(conversationId: string): void {
    for (const id of byConversation.get(conversationId) ?? []) attachments.delete(id);
    byConversation.delete(conversationId);
  }

  const methods: Pick<Store, AttachmentMethods> = {
    async addAttachment(record, limit) {
      const ids = byConversation.get(record.conversationId) ?? [];
      if (ids.length >= limit) return false;
      attachments.set(record.id, keep(record));
      byConversation.set(record.conversationId, [...ids, record.id]);
      return true;
    },
    async getAttachment(id) {
      return attachments.get(id);
    },
    async listAttachments(conversationId) {
      return (byConversation.get(conversationId) ?? []).flatMap((id) => (attachments.has(id) ? [attachments.get(id)!] : []));
    },
    async deleteAttachments(conversationId) {
      forget(conversationId);
    },
  };
  return { methods, forget };
}
