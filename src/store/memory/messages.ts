// The memory store's messages: each conversation's list, its digest for the agents' lists, and the messages already
// stored per clientMessageId, so that a message sent twice is stored once.
import type { Message } from '../../shared/index.js';
import { addToDigest, EMPTY_DIGEST, type MessageDigest } from '../digest.js';
import type { Store } from '../types.js';
import type { ConversationTable, Keep } from './conversation-table.js';

export function createMemoryMessages(keep: Keep, table: ConversationTable) {
  const messages = new Map<string, Message[]>();
  const digests = new Map<string, MessageDigest>();
  /** Per conversation: clientMessageId → the message stored for it. */
  const clientMessageIds = new Map<string, Map<string, Message>>();

  const methods: Pick<Store, 'appendMessage' | 'listMessages' | 'messageDigests'> = {
    async appendMessage(message, clientMessageId) {
      const { conversationId } = message;
      if (!table.records.has(conversationId)) throw new Error(`conversation ${conversationId} does not exist`);
      const seen = clientMessageIds.get(conversationId);
      const existing = clientMessageId ? seen?.get(clientMessageId) : undefined;
      if (existing) return { message: existing, isDuplicate: true };
      const stored = keep(message);
      const list = messages.get(conversationId);
      if (list) list.push(stored);
      else messages.set(conversationId, [stored]);
      digests.set(conversationId, addToDigest(digests.get(conversationId) ?? EMPTY_DIGEST, stored));
      table.empty.delete(conversationId);
      if (clientMessageId) clientMessageIds.set(conversationId, (seen ?? new Map<string, Message>()).set(clientMessageId, stored));
      return { message: stored, isDuplicate: false };
    },
    async listMessages(conversationId) {
      return [...(messages.get(conversationId) ?? [])];
    },
    async messageDigests(conversationIds) {
      const found = new Map<string, MessageDigest>();
      for (const id of conversationIds) {
        const digest = digests.get(id);
        if (digest) found.set(id, digest);
      }
      return found;
    },
  };

  /** Forgets a removed conversation's messages. */
  function forget(conversationId: string): void {
    messages.delete(conversationId);
    digests.delete(conversationId);
    clientMessageIds.delete(conversationId);
  }

  return { methods, forget };
}
