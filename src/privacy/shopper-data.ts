// One shopper's data for the operators' privacy requests: the conversations of a verified customer, or a single
// conversation, exported whole or deleted.
import type { Message } from '../shared/index.js';
import type { ConversationRecord, Store } from '../store/index.js';
import type { Eraser } from './erase.js';

/** Whose data: a verified customer (all of their conversations) or one conversation. */
export type DataSubject = { customerId: string } | { conversationId: string };

export interface ExportedConversation {
  /** The record as stored, without the hash of the resume token: it is a credential, not the shopper's data. */
  conversation: Omit<ConversationRecord, 'tokenHash'>;
  /** Every stored message, agents' notes included. */
  messages: Message[];
}

export async function findConversations(store: Store, subject: DataSubject): Promise<ConversationRecord[]> {
  if ('customerId' in subject) return store.listConversationsByCustomer(subject.customerId);
  const record = await store.getConversation(subject.conversationId);
  return record ? [record] : [];
}

export async function exportShopperData(store: Store, records: ConversationRecord[]): Promise<ExportedConversation[]> {
  return Promise.all(
    records.map(async ({ tokenHash: _tokenHash, ...conversation }) => ({ conversation, messages: await store.listMessages(conversation.id) })),
  );
}

/** Deletes the conversations and returns what went: a conversation deleted meanwhile (by the purge) is not counted. */
export async function deleteShopperData(eraser: Eraser, records: ConversationRecord[]): Promise<{ conversations: number; messages: number }> {
  const deleted = { conversations: 0, messages: 0 };
  for (const record of records) {
    const erased = await eraser.deleteConversationData(record.id);
    if (!erased) continue;
    deleted.conversations++;
    deleted.messages += erased.messages;
  }
  return deleted;
}
